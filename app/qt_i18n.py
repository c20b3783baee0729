"""Qt side of the translation layer: loads the .qm for the chosen language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app import i18n
from app.resources import RESOURCES_DIR

_installed: list[QTranslator] = []


def install_language(language: str) -> bool:
    """Install the translator for `language` ("ru" needs none: sources are Russian).

    Needs a Q(Core)Application. Returns False if the language is not available.
    """
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    if language not in i18n.SUPPORTED_LANGUAGES:
        return False
    if language != "ru":
        translator = QTranslator()
        qm = RESOURCES_DIR / "translations" / f"salesdesk_{language}.qm"
        if not translator.load(str(qm)):
            return False
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    i18n.set_backend(QCoreApplication.translate, language)
    return True
