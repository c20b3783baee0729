"""The English catalogue: complete, placeholders intact, used by the CLI (Qt: tests/gui)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from app.resources import RESOURCES_DIR

TS = RESOURCES_DIR / "translations" / "salesdesk_en.ts"
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*(?:![rsa])?(?::[^{}]*)?\}")


def _messages() -> list[tuple[str, str, ET.Element]]:
    out = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message.find("translation")))
    return out


def test_catalogue_is_complete() -> None:
    missing = [f"{c}|{s}" for c, s, t in _messages()
               if t is None or not (t.text or "").strip() or t.get("type") == "unfinished"]
    assert missing == []


def _forms(text: str, source: str) -> list[str]:
    """A plural message's forms ("|"-separated, with %n), else the whole text."""
    return text.split("|") if "%n" in source else [text]


def test_placeholders_survive_translation() -> None:
    """Every form of the translation holds the placeholders of the source's first form (a
    plural message's forms are chosen before they are filled in, so each carries its own)."""
    broken = [f"{c}|{s}" for c, s, t in _messages()
              if t is not None and any(
                  sorted(PLACEHOLDER.findall(form))
                  != sorted(PLACEHOLDER.findall(_forms(s, s)[0]))
                  for form in _forms(t.text or "", s))]
    assert broken == []


def test_cli_speaks_english(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "main.py", "--lang", "en", "--db",
                             str(tmp_path / "none.db"), "check"], cwd=root,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "не найдена" not in result.stderr and "not found" in result.stderr


def test_amount_in_words_follows_the_interface_language() -> None:
    from decimal import Decimal

    from app import i18n
    from app.services.documents.words import amount_in_words

    assert amount_in_words(Decimal("2.05")) == "Два рубля 05 копеек"
    i18n.set_backend(None, "en")
    try:
        assert amount_in_words(Decimal("2.05")) == "Two roubles 05 kopeks"
    finally:
        i18n.set_backend(None, "ru")


def test_plural_forms_follow_each_language_rule() -> None:
    """CLDR's cardinal rules, spelled out by hand for the boundaries."""
    from app import i18n
    from app.i18n import plural

    forms = "%n заказ|%n заказа|%n заказов"
    expected = {0: "0 заказов", 1: "1 заказ", 2: "2 заказа", 4: "4 заказа", 5: "5 заказов",
                11: "11 заказов", 12: "12 заказов", 14: "14 заказов", 21: "21 заказ",
                22: "22 заказа", 25: "25 заказов", 101: "101 заказ", 111: "111 заказов",
                112: "112 заказов", 1002: "1002 заказа"}
    assert {n: plural(n, forms) for n in expected} == expected
    i18n.set_backend(None, "en")
    try:
        assert [plural(n, "%n order|%n orders") for n in (0, 1, 2, 21)] == [
            "0 orders", "1 order", "2 orders", "21 orders"]
    finally:
        i18n.set_backend(None, "ru")


def test_plural_messages_carry_every_form_of_both_languages() -> None:
    """A message whose source has the three Russian forms ("|"-separated, each with %n) is
    translated with English's two."""
    bad = []
    plurals = [(c, s, t) for c, s, t in _messages() if "%n" in s]
    for c, s, t in plurals:
        text = (t.text or "") if t is not None else ""
        if (s.count("|") != 2 or text.count("|") != 1
                or not all("%n" in f for f in (*s.split("|"), *text.split("|")))):
            bad.append(f"{c}|{s} → {text}")
    assert bad == []
