"""Regenerate the documents' golden images (tests/unit/test_golden_documents.py).

    python tools/update_golden.py                 # every case
    python tools/update_golden.py invoice offer-modern   # only these
    python tools/update_golden.py --list          # the case names

Builds the test's fixed database in a temporary folder, renders each case with the test's
own `render_case` and writes tests/data/golden/<case>-p<N>.png (a page whose pixels did not
change is left as it is) and the case's page count in tests/data/golden/pages.json; a
case's images beyond its pages, and with no case given those of cases no longer in the
table, are removed. Look at the images (`git diff --stat`, an image viewer) before
committing them.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # `tests` is a package of the checkout, not installed

from PIL import Image, ImageChops  # noqa: E402

from tests.unit import test_golden_documents as golden  # noqa: E402


def _same_pixels(image: Image.Image, path: Path) -> bool:
    if not path.exists():
        return False
    with Image.open(path) as stored:
        old = stored.convert("L")
    return old.size == image.size and ImageChops.difference(old, image).getbbox() is None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cases", nargs="*", metavar="CASE", help="cases to regenerate")
    parser.add_argument("--list", action="store_true", help="print the case names")
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join(sorted(golden.CASES)))
        return 0
    unknown = sorted(set(args.cases) - set(golden.CASES))
    if unknown:
        parser.error(f"unknown case(s): {', '.join(unknown)} (see --list)")
    cases = args.cases or sorted(golden.CASES)
    golden.GOLDEN.mkdir(parents=True, exist_ok=True)
    counts = golden.page_counts()
    stale = [] if args.cases else [
        path for path in golden.GOLDEN.glob("*-p*.png")
        if path.stem.rsplit("-p", 1)[0] not in golden.CASES]
    with tempfile.TemporaryDirectory(prefix="salesdesk-golden-") as tmp:
        work = Path(tmp)
        database = work / "fixed.db"
        golden.build_database(database)
        for case in cases:
            (work / case).mkdir()
            count, pages = golden.render_case(case, database, work / case)
            counts[case] = count
            for number, image in enumerate(pages, 1):
                path = golden.golden_path(case, number)
                if _same_pixels(image, path):
                    state = "unchanged"
                else:
                    state = "updated" if path.exists() else "new"
                    image.save(path, optimize=True)
                print(f"{path.relative_to(ROOT)}: {state}")
            stale += golden.golden_pages(case)[len(pages):]
    for path in stale:
        path.unlink()
        print(f"{path.relative_to(ROOT)}: removed")
    if not args.cases:
        counts = {case: counts[case] for case in golden.CASES}
    golden.PAGE_COUNTS.write_text(
        json.dumps(dict(sorted(counts.items())), indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
