"""Light and dark themes (issue 17): the system's by default and live, or Вид → Оформление;
every colour from the one palette, so a change of theme reaches what is already on screen;
the icon set drawn in the theme's colours, sharp at 150 % and 200 %."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QLabel

from app.views import style
from app.views.icons import icon

VIEWS = Path(__file__).resolve().parents[2] / "app" / "views"
ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"


@pytest.fixture
def light_again(qapp):  # type: ignore[no-untyped-def]
    """The suite runs in the light theme: a test starts in it, and ends in it whatever it
    chose."""
    style.apply_theme(qapp, style.LIGHT)
    yield
    style.apply_theme(qapp, style.LIGHT)


def _label_colour(label: QLabel) -> str:
    label.ensurePolished()
    return label.palette().color(QPalette.ColorRole.WindowText).name()


def _ink(pixmap_icon: QIcon, size: int, scale: float,
         mode: QIcon.Mode = QIcon.Mode.Normal,
         state: QIcon.State = QIcon.State.Off) -> tuple[QSize, set[str]]:
    """The device size of the icon's pixmap and the colours of its opaque pixels."""
    pixmap = pixmap_icon.pixmap(QSize(size, size), scale, mode, state)
    image = pixmap.toImage()
    colours = {image.pixelColor(x, y).name()
               for x in range(image.width()) for y in range(image.height())
               if image.pixelColor(x, y).alpha() == 255}
    return pixmap.size(), colours


def test_dark_theme_reaches_what_is_already_shown(qapp, qtbot, light_again):  # type: ignore[no-untyped-def]
    label = QLabel("Просрочено")
    qtbot.addWidget(label)
    style.set_tone(label, "danger")
    label.show()
    assert _label_colour(label) == style.LIGHT.danger
    changed: list[str] = []
    style.changes().changed.connect(changed.append)
    style.apply_theme(qapp, style.DARK)
    assert changed == ["dark"]
    assert _label_colour(label) == style.DARK.danger  # the same widget, the new colour
    assert qapp.palette().color(QPalette.ColorRole.Window) == QColor(style.DARK.background)
    assert qapp.palette().color(QPalette.ColorRole.Base) == QColor(style.DARK.surface)
    assert (style.DARK.surface, style.DARK.text) == (style.SURFACE, style.TEXT)
    style.set_tone(label, None)
    assert _label_colour(label) == style.DARK.text


def test_menu_choice_is_applied_and_kept(main_window, qapp, light_again):  # type: ignore[no-untyped-def]
    settings: QSettings = main_window._settings
    assert main_window.theme_choice() == "system"
    assert main_window.theme_actions["system"].isChecked()
    main_window.theme_actions["dark"].trigger()
    assert style.CURRENT is style.DARK
    assert settings.value(style.THEME_KEY) == "dark"
    assert main_window.theme_actions["dark"].isChecked()
    assert not main_window.theme_actions["system"].isChecked()
    # a system that turns light does not override the user's choice
    main_window._on_system_scheme_changed(None)
    assert style.CURRENT is style.DARK
    main_window.theme_actions["light"].trigger()
    assert style.CURRENT is style.LIGHT and settings.value(style.THEME_KEY) == "light"


def test_system_theme_is_followed_live(main_window, qapp, light_again,  # type: ignore[no-untyped-def]
                                       monkeypatch):
    main_window.theme_actions["system"].trigger()
    monkeypatch.setattr(style, "system_theme", lambda: "dark")
    main_window._on_system_scheme_changed(None)
    assert style.CURRENT is style.DARK
    monkeypatch.setattr(style, "system_theme", lambda: "light")
    main_window._on_system_scheme_changed(None)
    assert style.CURRENT is style.LIGHT


def test_a_theme_choice_means_a_palette(monkeypatch):  # type: ignore[no-untyped-def]
    assert style.theme_for("dark") is style.DARK and style.theme_for("light") is style.LIGHT
    monkeypatch.setattr(style, "system_theme", lambda: "dark")
    assert style.theme_for("system") is style.DARK
    assert style.theme_for("nonsense") is style.DARK  # an unknown value: the system's


def test_plan_chart_follows_the_theme(main_window, qtbot, qapp, light_again):  # type: ignore[no-untyped-def]
    plan = main_window.show_tab("plan")
    qtbot.waitUntil(plan.is_filled, timeout=20000)
    from app.views.plan.charts import ChartPanel

    charts = plan.findChildren(ChartPanel)
    assert charts
    assert charts[0].plot.backgroundBrush().color() == QColor(style.LIGHT.surface)
    main_window.theme_actions["dark"].trigger()
    assert all(c.plot.backgroundBrush().color() == QColor(style.DARK.surface) for c in charts)


def test_icons_are_sharp_at_any_scale_and_follow_the_theme(qapp, light_again):  # type: ignore[no-untyped-def]
    add = icon("add")
    for scale, device in ((1.0, 32), (1.5, 48), (2.0, 64)):
        size, colours = _ink(add, 32, scale)
        assert size == QSize(device, device)  # drawn at the device size, not scaled up
        assert colours == {style.LIGHT.text}
    style.apply_theme(qapp, style.DARK)
    assert _ink(add, 32, 2.0)[1] == {style.DARK.text}  # the same icon, the new colour
    assert _ink(add, 32, 1.0, QIcon.Mode.Disabled)[1] == {style.DARK.faint}
    tab = icon("clients", "MUTED")
    assert _ink(tab, 32, 1.0)[1] == {style.DARK.muted}
    assert _ink(tab, 32, 1.0, state=QIcon.State.On)[1] == {style.DARK.accent}


def test_every_tab_and_menu_icon_exists(main_window):  # type: ignore[no-untyped-def]
    tabs = main_window.tabs
    assert all(not tabs.tabIcon(i).isNull() for i in range(tabs.count()))
    names = set(re.findall(r'icon\("([a-z-]+)"', "".join(
        p.read_text(encoding="utf-8") for p in VIEWS.rglob("*.py"))))
    names |= {main_window._lazy[i].spec.key for i in range(tabs.count())}
    missing = sorted(n for n in names if not (ICONS / f"{n}.svg").is_file())
    assert missing == []


def test_views_take_every_colour_from_the_palette():  # type: ignore[no-untyped-def]
    """A colour written into a view, or a style sheet of its own with a colour, would stay
    as it is when the theme changes."""
    offenders = []
    for path in VIEWS.rglob("*.py"):
        if path.name in ("style.py", "icons.py"):  # the palettes; the SVG files' placeholder
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r'["\'][^"\']*#[0-9a-fA-F]{6}\b', line) or (
                    "setStyleSheet" in line and re.search(r"color|background", line)):
                offenders.append(f"{path.relative_to(VIEWS)}:{n}: {line.strip()}")
    assert offenders == []


def test_dark_palette_is_readable():  # type: ignore[no-untyped-def]
    """Text on the surfaces it sits on keeps WCAG's 4.5:1 in both themes."""
    def luminance(hex_colour: str) -> float:
        c = QColor(hex_colour)
        def lin(v: int) -> float:
            s = v / 255
            return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
        return 0.2126 * lin(c.red()) + 0.7152 * lin(c.green()) + 0.0722 * lin(c.blue())

    def contrast(a: str, b: str) -> float:
        la, lb = sorted((luminance(a), luminance(b)), reverse=True)
        return (la + 0.05) / (lb + 0.05)

    for p in (style.LIGHT, style.DARK):
        for text, ground in ((p.text, p.surface), (p.text, p.background),
                             (p.text, p.accent_soft), (p.warning_text, p.warning_soft),
                             *(chip for chip in (p.info_chip, p.success_chip, p.warning_chip,
                                                 p.danger_chip, p.neutral_chip))):
            assert contrast(text, ground) >= 4.5, (p.name, text, ground)
        assert contrast(p.muted, p.surface) >= 3.0, p.name  # secondary text


def test_a_cache_folder_that_cannot_be_written_keeps_qt_s_own_arrows(  # type: ignore[no-untyped-def]
        qapp, light_again, tmp_path, monkeypatch):
    """The themed arrows are files in the cache folder; where it cannot be written (here: a
    file stands where the folder should be), the sheet leaves them out and the theme still
    applies."""
    import platformdirs

    from app.views import icons

    blocker = tmp_path / "cache"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(platformdirs, "user_cache_path", lambda *a, **k: blocker / "SalesDesk")
    assert icons.svg_file("arrow-down", "#123456") is None
    sheet = style.style_sheet(style.DARK)
    assert "down-arrow" not in sheet and "QTableView" in sheet
    style.apply_theme(qapp, style.DARK)
    assert qapp.palette().color(QPalette.ColorRole.Window) == QColor(style.DARK.background)
    monkeypatch.undo()
    written = icons.svg_file("arrow-down", style.DARK.muted)  # the run's own cache folder
    assert written is not None and style.DARK.muted.encode() in written.read_bytes()


def test_an_icon_painted_directly_is_the_same_as_its_pixmap(qapp, light_again):  # type: ignore[no-untyped-def]
    """QIcon.paint (menus, delegates) draws the cached pixmap of the painter's scale."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QPainter, QPixmap

    add = icon("add")
    canvas = QPixmap(64, 64)
    canvas.setDevicePixelRatio(2.0)
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    add.paint(painter, QRect(0, 0, 32, 32))
    painter.end()
    painted = canvas.toImage()
    expected = add.pixmap(QSize(32, 32), 2.0).toImage()
    assert painted.size() == expected.size() == QSize(64, 64)
    assert all(painted.pixelColor(x, y) == expected.pixelColor(x, y)
               for x in range(0, 64, 3) for y in range(0, 64, 3))
