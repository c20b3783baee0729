"""Before the window: the system libraries Qt's X11 (xcb) plugin needs, named when missing.

Without one of them Qt aborts the process with «Could not load the Qt platform plugin "xcb"»
and blames `libxcb-cursor0` whatever is actually missing (on a bare Debian it was
`libxcb-icccm4` and `libxcb-keysyms1`). `missing_xcb_libraries()` loads each library the
plugin links (the list is `ldd` of PySide6's libqxcb.so and libQt6XcbQpa.so) by its soname —
what the plugin's own loading would do, microseconds each — so the start can say in one
line what to install instead of crashing. No Qt import here.
"""

from __future__ import annotations

import ctypes
import os
import sys

# soname → the Debian/Ubuntu package that provides it
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def uses_xcb(environ: dict[str, str] | os._Environ[str] = os.environ,
             platform: str = sys.platform) -> bool:
    """Whether Qt will take its X11 plugin: Linux, no other platform asked for, not a
    Wayland session (Qt prefers its Wayland plugin there)."""
    if not platform.startswith("linux"):
        return False
    asked = environ.get("QT_QPA_PLATFORM", "")
    if asked:
        return asked.split(":")[0].split(";")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def missing_xcb_libraries(libraries: dict[str, str] = XCB_LIBRARIES) -> list[str]:
    """The sonames of `libraries` the dynamic loader cannot find."""
    missing = []
    for soname in libraries:
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(soname)
    return missing


def install_hint(missing: list[str], libraries: dict[str, str] = XCB_LIBRARIES) -> str:
    """The command that installs what is missing (Debian/Ubuntu package names)."""
    return "sudo apt-get install " + " ".join(libraries[s] for s in missing)
