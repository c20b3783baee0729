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


def test_placeholders_survive_translation() -> None:
    broken = [f"{c}|{s}" for c, s, t in _messages()
              if t is not None and sorted(PLACEHOLDER.findall(s))
              != sorted(PLACEHOLDER.findall(t.text or ""))]
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
