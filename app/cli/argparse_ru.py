"""argparse speaks the interface language too: its own messages go through the translator.

argparse looks its strings up with `gettext`; we route the ones a user meets (help
headings, usage errors) through `app.i18n.translate` with Russian source text.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from app.i18n import translate


def _messages() -> dict[str, str]:
    return {
        "usage: ": translate("Argparse", "использование: "),
        "positional arguments": translate("Argparse", "аргументы"),
        "options": translate("Argparse", "параметры"),
        "show this help message and exit": translate("Argparse", "показать справку и выйти"),
        "%(prog)s: error: %(message)s\n": translate("Argparse", "%(prog)s: ошибка: %(message)s\n"),
        "argument %(argument_name)s: %(message)s": translate(
            "Argparse", "параметр %(argument_name)s: %(message)s"),
        "expected one argument": translate("Argparse", "нужно указать значение"),
        "invalid choice: %(value)r (choose from %(choices)s)": translate(
            "Argparse", "недопустимое значение %(value)r (возможны: %(choices)s)"),
        "the following arguments are required: %s": translate(
            "Argparse", "не хватает аргументов: %s"),
        "unrecognized arguments: %s": translate("Argparse", "лишние аргументы: %s"),
        "invalid %(type)s value: %(value)r": translate(
            "Argparse", "недопустимое значение %(value)r"),
        "ambiguous option: %(option)s could match %(matches)s": translate(
            "Argparse", "неоднозначный параметр %(option)s: подходят %(matches)s"),
    }


def install() -> None:
    """Make argparse look its messages up in our catalogue (call after choosing the language)."""
    messages = _messages()
    # argparse looks its messages up through its module-level `_` (gettext), which typeshed
    # leaves out of the stubs as private: a stub gap, hence the two ignores
    original: Callable[[str], str] = argparse._  # type: ignore[attr-defined]

    def lookup(text: str) -> str:
        return messages.get(text) or original(text)

    argparse._ = lookup  # type: ignore[attr-defined]
