"""Before the window: the X11 plugin's missing system libraries named in one line
(issue 17, finding 12: Qt aborted blaming libxcb-cursor0 for libxcb-icccm4)."""

from __future__ import annotations

import pytest

from app import qt_platform


@pytest.mark.parametrize(("environ", "platform", "expected"), [
    ({}, "linux", True),
    ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    ({"QT_QPA_PLATFORM": "offscreen:configfile=x.json"}, "linux", False),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ({}, "win32", False),
    ({}, "darwin", False),
])
def test_when_qt_takes_its_x11_plugin(environ: dict[str, str], platform: str,
                                      expected: bool) -> None:
    assert qt_platform.uses_xcb(environ, platform) is expected


def test_a_library_the_loader_cannot_find_is_named_with_its_package() -> None:
    libraries = {"libc.so.6": "libc6", "libsalesdesk-none.so.9": "salesdesk-none9",
                 "libsalesdesk-gone.so.1": "salesdesk-gone1"}
    missing = qt_platform.missing_xcb_libraries(libraries)
    assert missing == ["libsalesdesk-none.so.9", "libsalesdesk-gone.so.1"]
    assert qt_platform.install_hint(missing, libraries) == \
        "sudo apt-get install salesdesk-none9 salesdesk-gone1"


def test_the_start_says_what_to_install_instead_of_crashing(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app import cli

    monkeypatch.setattr(qt_platform, "uses_xcb", lambda *a: True)
    monkeypatch.setattr(qt_platform, "missing_xcb_libraries",
                        lambda *a: ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    assert cli.run(["--db", str(tmp_path / "x.db")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["salesdesk: окну не хватает системных библиотек Qt: libxcb-icccm.so.4, "
                   "libxcb-keysyms.so.1. Установите их: sudo apt-get install libxcb-icccm4 "
                   "libxcb-keysyms1"]
    assert not (tmp_path / "x.db").exists()  # nothing was opened or created


def test_no_display_is_said_in_one_line(monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app import cli

    monkeypatch.setattr(qt_platform, "uses_xcb", lambda *a: True)
    monkeypatch.setattr(qt_platform, "missing_xcb_libraries", lambda *a: [])
    monkeypatch.delenv("DISPLAY", raising=False)
    assert cli.run(["--db", str(tmp_path / "x.db")]) == 1
    assert "DISPLAY" in capsys.readouterr().err
