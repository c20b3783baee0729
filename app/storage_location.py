"""Is the database in a place where SQLite's locks and WAL are unsafe?

Cloud-sync clients (OneDrive, Dropbox, Яндекс.Диск, Google Drive, iCloud…) copy the file
behind SQLite's back and may upload a half-written state or restore an old copy over a new
one; network file systems (SMB/CIFS, NFS, SSHFS…) do not honour SQLite's locks reliably.
The live database belongs on a local disk; backups may go to such places (they are whole,
closed files). `risky_location` names the reason, or returns None for a local folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.i18n import translate

# Folder names the sync clients create (compared case-insensitively, as a prefix: OneDrive
# for Business makes "OneDrive - Company").
SYNCED_FOLDERS = {
    "onedrive": "OneDrive", "dropbox": "Dropbox", "yandex.disk": "Яндекс.Диск",
    "yandexdisk": "Яндекс.Диск", "яндекс.диск": "Яндекс.Диск", "google drive": "Google Drive",
    "googledrive": "Google Drive", "my drive": "Google Drive", "icloud drive": "iCloud",
    "iclouddrive": "iCloud", "mobile documents": "iCloud", "nextcloud": "Nextcloud",
    "owncloud": "ownCloud", "pcloud": "pCloud", "mega": "MEGA", "box sync": "Box",
    "mail.ru cloud": "Облако Mail.ru", "облако mail.ru": "Облако Mail.ru",
}
NETWORK_FILE_SYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "sshfs", "9p", "afs", "davfs",
    "fuse.davfs2", "fuse.rclone", "ceph", "glusterfs", "fuse.glusterfs", "fuse.gvfsd-fuse",
    "fuse.s3fs", "lustre",
})


def synced_service(path: Path) -> str | None:
    for part in path.parts:
        low = part.lower()
        for prefix, service in SYNCED_FOLDERS.items():
            if low == prefix or low.startswith(prefix + " ") or low.startswith(prefix + "-"):
                return service
    return None


def network_fs_type(path: Path, mounts: str | None = None) -> str | None:
    """The network file system type holding `path` (from /proc/mounts on Linux), or None."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        text = str(path)
        if text.startswith("\\\\"):
            return "SMB"
        import ctypes

        drive_remote = 4
        root = os.path.splitdrive(text)[0] + "\\"
        kernel32 = ctypes.windll.kernel32
        return "SMB" if kernel32.GetDriveTypeW(root) == drive_remote else None
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    best: tuple[int, str] | None = None
    target = str(path)
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) > best[0]):
            best = (len(point), fields[2])
    if best is not None and best[1] in NETWORK_FILE_SYSTEMS:
        return best[1]
    return None


def risky_location(path: Path) -> str | None:
    """Why `path` is unsafe for the live database (for the user), or None."""
    resolved = path.expanduser().resolve()
    service = synced_service(resolved)
    if service is not None:
        return translate("Location", "папке синхронизации {service}").format(service=service)
    fs = network_fs_type(resolved)
    if fs is not None:
        return translate("Location", "сетевом диске ({fs})").format(fs=fs)
    return None
