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


def test_qt_own_dialogs_speak_the_interface_language(qapp) -> None:  # type: ignore[no-untyped-def]
    """Qt's standard buttons and file dialog come from Qt's own catalogue (qtbase_ru): in
    Russian under the Russian interface, Qt's English sources under the English one."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialogButtonBox

    from app.qt_i18n import install_language

    def cancel_text() -> str:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        text = box.button(QDialogButtonBox.StandardButton.Cancel).text()
        box.deleteLater()
        return text.replace("&", "")

    try:
        install_language("ru")
        assert cancel_text() == "Отмена"
        assert QCoreApplication.translate("QFileDialog", "Save As") == "Сохранить как"
        install_language("en")
        assert cancel_text() == "Cancel"
    finally:
        install_language("ru")
