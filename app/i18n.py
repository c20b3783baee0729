"""The translation layer every user-visible string goes through.

Source strings are Russian (the default interface language). `translate(context, text)`
is picked up by `pyside6-lupdate` like `QCoreApplication.translate`, so services and
models can use it without importing Qt: the GUI and the CLI install Qt's translator as
the backend at start (`set_backend`), and without a backend the Russian text is shown.

Plural forms: a count's words are one message holding every form of its language, split by
"|" — Russian three (one, few, many: «%n заказ|%n заказа|%n заказов»), English two
(«%n order|%n orders») — and `plural(n, translate(context, forms))` picks the form by the
current language's rule (CLDR) and puts the number in for `%n`. (Qt's own numerus forms
need `tr()`, which pyside6-lupdate does not read from `translate(context, text, …, n)`.)
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_Backend = Callable[[str, str], str]
_backend: _Backend | None = None
_language = "ru"
# the catalogues of the other languages, for a document in a language of its own
_backends: dict[str, _Backend] = {}
_local = threading.local()  # .language: this thread's override (a document being built)

SUPPORTED_LANGUAGES = ("ru", "en")


def translate(context: str, text: str) -> str:
    """Return `text` (Russian source) in the current language: the interface's, or on this
    thread inside `in_language` that block's (a document's own language)."""
    override: str | None = getattr(_local, "language", None)
    if override is not None and override != _language:
        backend = _backends.get(override)
        return text if backend is None else backend(context, text)
    if _backend is None:
        return text
    return _backend(context, text)


@contextmanager
def in_language(language: str) -> Iterator[None]:
    """Within the block, `translate`, `plural` and `current_language` on this thread speak
    `language` ("ru": the Russian sources; another: its catalogue from `register_backend`,
    else the sources) — the interface, on other threads, keeps its own."""
    previous = getattr(_local, "language", None)
    _local.language = language
    try:
        yield
    finally:
        _local.language = previous


def register_backend(language: str, backend: _Backend) -> None:
    """Make `language`'s catalogue available to `in_language` (the GUI and CLI do at start)."""
    _backends[language] = backend


def set_backend(backend: _Backend | None, language: str) -> None:
    """Route `translate` through Qt's translator (or back to the source text)."""
    global _backend, _language
    _backend = backend
    _language = language


def current_language() -> str:
    """The language `translate` speaks here: this thread's `in_language`, else the
    interface's."""
    override: str | None = getattr(_local, "language", None)
    return _language if override is None else override


def plural_index(n: int, language: str | None = None) -> int:
    """Which of the language's plural forms a count takes (CLDR cardinal rules for whole
    numbers): Russian one (1, 21, 101…), few (2–4, 22–24…), many (0, 5–20, 11–14…);
    English one (1) and other."""
    n = abs(n)
    if (language or current_language()) == "ru":
        if n % 10 == 1 and n % 100 != 11:
            return 0
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return 1
        return 2
    return 0 if n == 1 else 1


def plural(n: int, forms: str) -> str:
    """The form of `forms` ("one|few|many", as translated) for the count `n`, with `%n`
    replaced by it. A message with fewer forms than the rule asks for uses its last."""
    options = forms.split("|")
    form = options[min(plural_index(n), len(options) - 1)]
    return form.replace("%n", str(n))
