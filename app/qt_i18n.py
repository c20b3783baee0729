"""Qt side of the translation layer: loads the .qm for the chosen language.

The catalogue is read with QTranslator and queried directly, so the CLI can speak English
without creating a Q(Core)Application; when an application exists the translator is also
installed into it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

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
    _register_catalogues()
    if language == "ru":
        QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
        i18n.set_backend(None, "ru")
        _install_qt_own(app, "ru")
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


def _install_qt_own(app: QCoreApplication | None, language: str) -> None:
    """Qt's own strings (the file and print dialogs, standard buttons: «Отмена», «Имя
    файла») in the interface language, from the catalogue Qt ships (qtbase_ru.qm). Only an
    application shows them; Qt's sources are English, so English needs none."""
    if app is None:
        return
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)


_catalogues: list[QTranslator] = []  # kept alive for the backends registered from them


def _register_catalogues() -> None:
    """Every language's catalogue for documents in a language of their own (`in_language`),
    whatever the interface speaks; loaded once."""
    if _catalogues:
        return
    for language in i18n.SUPPORTED_LANGUAGES:
        if language == "ru":
            continue
        translator = QTranslator()
        if translator.load(str(RESOURCES_DIR / "translations" / f"salesdesk_{language}.qm")):
            _catalogues.append(translator)
            i18n.register_backend(language, _backend_of(translator))


def _backend_of(translator: QTranslator) -> i18n._Backend:
    def backend(context: str, text: str) -> str:
        return translator.translate(context, text) or text

    return backend
