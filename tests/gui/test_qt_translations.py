"""The compiled English catalogue is loaded by Qt and switches the interface language."""

from __future__ import annotations

from app.resources import RESOURCES_DIR

QM = RESOURCES_DIR / "translations" / "salesdesk_en.qm"


def test_compiled_catalogue_translates(qapp) -> None:  # type: ignore[no-untyped-def]
    from app import i18n
    from app.qt_i18n import install_language

    assert QM.exists()
    try:
        assert install_language("en")
        assert i18n.translate("MainWindow", "О программе") == "About"
        assert i18n.translate("Today", "Сегодня, {date}").format(date="1") != "Сегодня, 1"
    finally:
        install_language("ru")
    assert i18n.translate("MainWindow", "О программе") == "О программе"
