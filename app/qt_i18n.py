"""Qt side of the translation layer: loads the .qm for the chosen language.

The catalogue is read with QTranslator and queried directly, so the CLI can speak English
without creating a Q(Core)Application; when an application exists the translator is also
installed into it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app import i18n
from app.resources import RESOURCES_DIR

_installed: list[QTranslator] = []


def install_language(language: str) -> bool:
    """Use `language` for every `translate` call ("ru" needs no catalogue: sources are
    Russian). Returns False if the language is not available."""
    app = QCoreApplication.instance()
    for old in _installed:
        if app is not None:
            QCoreApplication.removeTranslator(old)
    _installed.clear()
    if language not in i18n.SUPPORTED_LANGUAGES:
        return False
    if language == "ru":
        QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
        i18n.set_backend(None, "ru")
        return True
    translator = QTranslator()
    qm = RESOURCES_DIR / "translations" / f"salesdesk_{language}.qm"
    if not translator.load(str(qm)):
        return False
    if app is not None:
        QCoreApplication.installTranslator(translator)
    _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))

    def backend(context: str, text: str) -> str:
        return translator.translate(context, text) or text

    i18n.set_backend(backend, language)
    return True
