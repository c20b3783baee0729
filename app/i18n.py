"""The translation layer every user-visible string goes through.

Source strings are Russian (the default interface language). `translate(context, text)`
is picked up by `pyside6-lupdate` like `QCoreApplication.translate`, so services and
models can use it without importing Qt: the GUI and the CLI install Qt's translator as
the backend at start (`set_backend`), and without a backend the Russian text is shown.
"""

from __future__ import annotations

from collections.abc import Callable

_Backend = Callable[[str, str], str]
_backend: _Backend | None = None
_language = "ru"

SUPPORTED_LANGUAGES = ("ru", "en")


def translate(context: str, text: str) -> str:
    """Return `text` (Russian source) in the current interface language."""
    if _backend is None:
        return text
    return _backend(context, text)


def set_backend(backend: _Backend | None, language: str) -> None:
    """Route `translate` through Qt's translator (or back to the source text)."""
    global _backend, _language
    _backend = backend
    _language = language


def current_language() -> str:
    return _language
