"""Apply English translations from JSON files to the .ts catalogue.

    python tools/fill_translations.py resources/translations/salesdesk_en.ts part1.json ...

Each JSON file maps "Context|Русский текст" (or just "Русский текст", any context) to the
English text. Matching messages get the translation and lose the "unfinished" mark.
Prints how many messages are still unfinished.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def main(argv: list[str]) -> int:
    ts_path = Path(argv[0])
    mapping: dict[str, str] = {}
    for part in argv[1:]:
        mapping.update(json.loads(Path(part).read_text(encoding="utf-8")))
    tree = ET.parse(ts_path)
    unfinished = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            english = mapping.get(f"{name}|{source}", mapping.get(source))
            if english:
                translation.text = english
                translation.attrib.pop("type", None)
            elif translation.get("type") == "unfinished" or not translation.text:
                unfinished += 1
    ET.indent(tree, space="    ")
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    text = ts_path.read_text(encoding="utf-8")
    if "<!DOCTYPE TS>" not in text:
        text = text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
        ts_path.write_text(text, encoding="utf-8")
    print(f"unfinished: {unfinished}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
