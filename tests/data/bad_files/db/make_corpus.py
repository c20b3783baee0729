"""Rebuild the bad database files beside this script.

Run `python tests/data/bad_files/db/make_corpus.py` from the checkout.

Each file is something a user could really point SalesDesk at; cases.json says what the
refusal must say (tests/unit/test_bad_file_corpus.py runs every command on each).
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3]))


def _salesdesk_db(folder: Path) -> Path:
    from app.bootstrap import bootstrap
    from app.services.demo import DemoSizes, generate_demo

    path = folder / "good.db"
    services = bootstrap(path)
    generate_demo(services.uow_factory, DemoSizes(clients=8, deals=8), seed=3)
    services.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("VACUUM")
    conn.close()
    return path


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        good = _salesdesk_db(Path(tmp))
        data = good.read_bytes()
        conn = sqlite3.connect(good)
        page = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='clients'").fetchone()[0]
        conn.close()

        (HERE / "empty.db").write_bytes(b"")
        (HERE / "text.db").write_text("Это не база данных, а заметка.\n" * 20, encoding="utf-8")
        (HERE / "html.db").write_text("<!DOCTYPE html><html><body>Страница входа</body></html>\n",
                                      encoding="utf-8")
        with zipfile.ZipFile(HERE / "zip.db", "w") as z:
            z.writestr("xl/workbook.xml", "<workbook/>")
        (HERE / "truncated.db").write_bytes(data[: 4 * page])
        (HERE / "header-zeroed.db").write_bytes(b"\0" * 100 + data[100:])
        flipped = bytearray(data)
        start = (root - 1) * page
        flipped[start:start + 48] = b"\xff" * 48
        (HERE / "bitflip.db").write_bytes(bytes(flipped))

        future = HERE / "future-schema.db"
        shutil.copyfile(good, future)
        c = sqlite3.connect(future)
        c.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
        c.commit()
        c.close()

        for name, app_id, tables in (("foreign-app.db", 0x47504B47, True),
                                     ("foreign-empty.db", 0x47504B47, False),
                                     ("other-program.db", 0, True),
                                     ("empty-sqlite.db", 0, False)):
            path = HERE / name
            path.unlink(missing_ok=True)
            c = sqlite3.connect(path)
            c.execute(f"PRAGMA application_id={app_id}")
            if tables:
                c.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
                c.execute("INSERT INTO notes (body) VALUES ('чужие данные')")
                c.commit()
            c.execute("VACUUM")
            c.close()


if __name__ == "__main__":
    main()
