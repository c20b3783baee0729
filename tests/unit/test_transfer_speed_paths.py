"""The fast paths of client import and export (issue 12) give what the plain ways give.

Import: batches written by Core executemany with ids given up front and the contacts and
tags before their clients; validation remembered per value, whitespace folded by
str.split, Russian phones built without phonenumbers' text parser. Export: one query per
chunk of ids streamed from the driver. Each is compared with an independent computation:
phonenumbers' own parser, the regular expression it replaced, the rows as written in the
file, and the database read with plain sqlite3.
"""

from __future__ import annotations

import csv
import random
import re
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.bootstrap import Services, bootstrap
from app.services.clients import ClientQuery
from app.services.clients import importer as importer_module
from app.services.clients.drafts import _clean
from app.services.contact_info import normalize_email, normalize_phone

# --- validation ---------------------------------------------------------------------------


def _phonenumbers_way(value: str) -> str | None:
    """What phonenumbers' parser makes of the text: the international form, or None."""
    import phonenumbers

    try:
        number = phonenumbers.parse(value, "RU")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _ours(value: str) -> str | None:
    try:
        return normalize_phone(value)
    except ValueError:
        return None


def _written_forms(code: str, rest: str) -> list[str]:
    a, b, c = rest[:3], rest[3:5], rest[5:]
    return [f"+7 ({code}) {a}-{b}-{c}", f"8 {code} {rest}", f"8({code}){a}-{b}-{c}",
            f"+7{code}{rest}", f"+7 {code} {a}-{b}-{c}", f"8-{code}-{a}-{b}-{c}",
            f"8 ({code}) {a} {b} {c}", f"+7 ({code}){rest}"]


def test_russian_phones_built_directly_equal_phonenumbers_parsing_for_every_code() -> None:
    import phonenumbers

    from app.services.contact_info import _RUSSIAN_WRITTEN

    rng = random.Random(12)
    checked = valid = direct = 0
    for code in range(1000):  # 0xx–2xx take the parser's path; 3xx–9xx the direct one
        for _ in range(2):
            rest = f"{rng.randrange(10**7):07d}"
            for text in _written_forms(f"{code:03d}", rest):
                want = _phonenumbers_way(text)
                assert _ours(text) == want, text
                checked += 1
                valid += want is not None
                if _RUSSIAN_WRITTEN.fullmatch(text):  # the number built is the parser's own
                    direct += 1
                    assert phonenumbers.parse(text, "RU") == phonenumbers.PhoneNumber(
                        country_code=7, national_number=int(f"{code:03d}{rest}")), text
    assert checked == 16_000 and 1_000 < valid < checked  # both answers were met
    assert direct == 7 * 2 * 8 * 100


@pytest.mark.parametrize("text", [
    "", "'+7 916 123-45-67", "+7 916 123-45-67 доб. 123", "+7 916 123-45-6", "8 916 123-45-678",
    "+49 30 1234567", "8 10 49 30 1234567", "+7 (916) 123-45-67", "916 123-45-67",
    "+7 0916 123-45-67", "8 800 555-35-35", "+7 812 123-45-67", "+7 7172 12-34-56",
    "тел. 8 916 123 45 67", "+7 916 123-45-67, +7 916 765-43-21", "8 (916) 123-45-67x12",
])
def test_phone_forms_off_the_usual_ones_still_equal_phonenumbers(text: str) -> None:
    cleaned = text.strip()
    cleaned = cleaned[1:] if cleaned.startswith("'") else cleaned
    want = "" if not text else _phonenumbers_way(cleaned)
    assert _ours(text) == want
    assert _ours(text) == want  # the remembered answer too


@pytest.mark.parametrize("text", [
    "info@romashka.example", "Info@Romashka.Example", "ivan.petrov+crm@mail.ru", "ivan@",
    "@mail.ru", "иван@почта.рф", "a..b@mail.ru", " spaced@mail.ru ", "x@y", ""])
def test_emails_remembered_equal_email_validator(text: str) -> None:
    from email_validator import EmailNotValidError, validate_email

    value = text.strip()
    try:
        want: str | None = validate_email(value, check_deliverability=False).normalized \
            if value else ""
    except EmailNotValidError:
        want = None
    for _ in range(2):
        try:
            got: str | None = normalize_email(text)
        except ValueError:
            got = None
        assert got == want


def test_whitespace_folding_equals_the_regular_expression_for_every_character() -> None:
    def by_regex(value: str) -> str:
        return re.sub(r"\s+", " ", value).strip()

    spaces = [c for c in map(chr, range(sys.maxunicode + 1)) if re.fullmatch(r"\s", c)]
    assert len(spaces) > 20  # tabs, line breaks, NBSP, the Unicode spaces
    for c in spaces:
        text = f"{c}ООО{c}{c}«Ромашка»{c}x{c}"
        assert _clean(text) == by_regex(text) == "ООО «Ромашка» x"
    for c in map(chr, range(sys.maxunicode + 1)):
        if c not in spaces and not ("\ud800" <= c <= "\udfff"):
            assert _clean(f"a{c}b") == by_regex(f"a{c}b")


# --- import in batches ------------------------------------------------------------------


def _inn10(n: int) -> str:
    digits = [int(c) for c in f"{n:09d}"]
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    return "".join(map(str, digits)) + str(
        sum(d * w for d, w in zip(digits, weights, strict=True)) % 11 % 10)


TAGS = ["опт", "VIP", "сеть"]


def _file_rows(count: int, *, bad_at: int | None = None) -> list[dict[str, str]]:
    """Rows with a contact on two rows of three and 0–2 tags; `bad_at` gets a wrong ИНН."""
    rows = []
    for i in range(count):
        rows.append({
            "Название": f"ООО «Клиент {i:04d}»",
            "ИНН": _inn10(200_000_000 + i)[:-1] + "0" if i == bad_at else _inn10(200_000_000 + i),
            "Телефон": f"8 (916) 100-{i // 100 % 100:02d}-{i % 100:02d}",
            "Метки": ", ".join(TAGS[:i % 3]),
            "Контактное лицо": f"Петров {i}" if i % 3 else "",
            "E-mail контакта": f"p{i}@client{i}.example" if i % 3 else "",
        })
    if bad_at is not None:  # make sure the wrong check digit is wrong
        good = _inn10(200_000_000 + bad_at)
        if rows[bad_at]["ИНН"] == good:
            rows[bad_at]["ИНН"] = good[:-1] + str((int(good[-1]) + 1) % 10)
    return rows


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="cp1251", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter=";",
                                lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def _stored(db_path: Path) -> dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    """name → (ИНН, phone, sorted tags, (contact, e-mail, primary) of each contact), by sqlite3."""
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        out = {}
        for cid, name, inn, phone in con.execute("SELECT id, name, inn, phone FROM clients"):
            tags = tuple(sorted(t for (t,) in con.execute(
                "SELECT tag FROM client_tags WHERE client_id = ?", (cid,))))
            people = tuple(f"{n}|{e}|{p}" for n, e, p in con.execute(
                "SELECT name, email, is_primary FROM contacts WHERE client_id = ? ORDER BY id",
                (cid,)))
            out[name] = (inn, phone, tags, people)
        return out
    finally:
        con.close()


def _expected(rows: list[dict[str, str]], skip: frozenset[int] = frozenset()
              ) -> dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    out = {}
    for i, r in enumerate(rows):
        if i in skip:
            continue
        phone = "+7 916 " + r["Телефон"][8:]  # "8 (916) 100-01-02" → "+7 916 100-01-02"
        people = (f"{r['Контактное лицо']}|{r['E-mail контакта']}|1",) \
            if r["Контактное лицо"] else ()
        tags = tuple(sorted(t for t in r["Метки"].split(", ") if t))
        out[r["Название"]] = (r["ИНН"], phone, tags, people)
    return out


def test_rows_over_several_batches_keep_their_own_contacts_and_tags(
        services: Services, db_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer_module, "BATCH_ROWS", 40)
    rows = _file_rows(130, bad_at=97)  # four batches, the bad row in the third
    path = _write(tmp_path / "clients.csv", rows)
    report = services.client_import.import_file(path, skip_invalid=True)
    assert (report.imported, report.rejected, report.committed) == (129, 1, True)
    assert [p.line for p in report.problems] == [2 + 97]
    assert _stored(db_path) == _expected(rows, skip=frozenset({97}))


def test_a_strict_import_with_a_bad_row_in_a_later_batch_writes_nothing(
        services: Services, db_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer_module, "BATCH_ROWS", 40)
    rows = _file_rows(130, bad_at=97)
    report = services.client_import.import_file(_write(tmp_path / "c.csv", rows))
    assert (report.imported, report.rejected, report.committed) == (0, 1, False)
    assert _stored(db_path) == {}
    # and the same file without the bad row goes in whole
    del rows[97]
    report = services.client_import.import_file(_write(tmp_path / "ok.csv", rows))
    assert (report.imported, report.committed) == (129, True)
    assert _stored(db_path) == _expected(rows)


def test_new_ids_follow_the_highest_and_old_clients_keep_theirs(
        services: Services, db_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer_module, "BATCH_ROWS", 40)
    first = _file_rows(50)
    services.client_import.import_file(_write(tmp_path / "a.csv", first))
    con = sqlite3.connect(db_path)
    con.execute("DELETE FROM clients WHERE id = (SELECT max(id) FROM clients)")
    con.commit()
    top = con.execute("SELECT max(id) FROM clients").fetchone()[0]
    before = con.execute("SELECT id, name FROM clients ORDER BY id").fetchall()
    con.close()
    more = [dict(r, Название=r["Название"] + " Б", ИНН=_inn10(300_000_000 + i))
            for i, r in enumerate(_file_rows(90))]
    report = services.client_import.import_file(_write(tmp_path / "b.csv", more))
    assert (report.imported, report.committed) == (90, True)
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("SELECT id, name FROM clients WHERE id <= ? ORDER BY id",
                           (top,)).fetchall() == before
        new = con.execute("SELECT id, name FROM clients WHERE id > ? ORDER BY id",
                          (top,)).fetchall()
        assert new == [(top + 1 + i, r["Название"]) for i, r in enumerate(more)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


def test_the_search_index_of_imported_clients_is_what_its_triggers_rebuild(
        services: Services, db_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer_module, "BATCH_ROWS", 40)
    rows = _file_rows(100)
    services.client_import.import_file(_write(tmp_path / "c.csv", rows))
    services.disconnect()
    con = sqlite3.connect(db_path)
    try:
        def index() -> list[tuple[object, ...]]:
            return con.execute("SELECT rowid, * FROM fts_clients ORDER BY rowid").fetchall()

        as_imported = index()
        assert len(as_imported) == 100
        # an UPDATE of each client re-indexes it from its current contacts and tags
        con.execute("UPDATE clients SET name = name")
        assert index() == as_imported
        con.execute("INSERT INTO fts_clients(fts_clients) VALUES ('integrity-check')")
        con.rollback()
    finally:
        con.close()
    found = services.clients.search_ids(ClientQuery(text="Петров 41"))
    assert [services.clients.rows([i])[0].name for i in found] == ["ООО «Клиент 0041»"]
    assert len(services.clients.search_ids(ClientQuery(tag="VIP"))) == 33


# --- export ------------------------------------------------------------------------------


_KINDS = {"organization": "организация", "entrepreneur": "ИП", "person": "физическое лицо"}
_STATUSES = {"lead": "Лид", "active": "Активный", "lost": "Потерян", "churned": "Ушёл"}


def _read_db(db_path: Path) -> list[list[str]]:
    """The export's rows as plain sqlite3 reads them: active clients by name, tags in order,
    the primary (else the first) contact, Russian phones in the national form."""
    def phone(value: str) -> str:
        m = re.fullmatch(r"\+7 (\d{3}) (\d{3})-(\d{2})-(\d{2})", value)
        return f"8 ({m[1]}) {m[2]}-{m[3]}-{m[4]}" if m and m[1][0] in "3489" else value

    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        out = []
        for c in con.execute(
                "SELECT id, name, full_name, kind, legal_form, inn, kpp, ogrn, legal_address, "
                "postal_address, phone, email, website, bank_name, bik, corr_account, "
                "settlement_account, industry, region, segment, status, loyalty_tier, "
                "lead_source, responsible, notes FROM clients WHERE archived = 0 "
                "ORDER BY name, id").fetchall():
            tags = sorted(t for (t,) in con.execute(
                "SELECT tag FROM client_tags WHERE client_id = ?", (c[0],)))
            people = con.execute("SELECT name, position, phone, email, is_primary FROM contacts "
                                 "WHERE client_id = ? ORDER BY id", (c[0],)).fetchall()
            primary = next((p for p in people if p[4]), people[0] if people else None)
            row = [str(v) for v in c[1:24]]
            row[2] = _KINDS[row[2]]
            row[9] = phone(row[9])
            row[19] = _STATUSES[row[19]]
            row += [", ".join(tags), c[24]]
            row += [primary[0], primary[1], phone(primary[2]), primary[3]] if primary \
                else ["", "", "", ""]
            out.append(row)
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def _many_clients_base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A base of 10,500 clients (three export chunks), names in random order, an archived
    few, built once for the module: (its file, how many clients an export gives)."""
    folder = tmp_path_factory.mktemp("many")
    path = folder / "many.db"
    rng = random.Random(5)
    rows = _file_rows(10_500)
    rng.shuffle(rows)
    for i, r in enumerate(rows[:300]):
        r["Телефон"] = "+49 30 12345" + f"{i % 100:02d}"  # a foreign number keeps its "+"
        r["Метки"] = "-минус, " + r["Метки"]  # a cell that needs the formula guard
    services = bootstrap(path)
    try:
        report = services.client_import.import_file(_write(folder / "many.csv", rows))
        assert report.imported == 10_500
    finally:
        services.close()
    con = sqlite3.connect(path)
    con.execute("UPDATE clients SET archived = 1 WHERE id % 97 = 0")
    # a second contact, primary, on some clients; the export shows the primary one
    con.execute("INSERT INTO contacts (client_id, name, position, phone, phone2, email, "
                "messenger, is_primary, notes) SELECT id, 'Главный ' || id, 'Директор', "
                "'+7 495 000-00-00', '', '', '', 1, '' FROM clients WHERE id % 7 = 0")
    con.execute("UPDATE contacts SET is_primary = 0 WHERE client_id % 7 = 0 "
                "AND name NOT LIKE 'Главный%'")
    con.commit()
    con.close()
    return path, 10_500 - 10_500 // 97


@pytest.fixture
def many_clients(_many_clients_base: tuple[Path, int],
                 tmp_path: Path) -> Iterator[tuple[Services, Path, int]]:
    """Services over a private copy of the module's base of many clients."""
    template, count = _many_clients_base
    path = tmp_path / "many.db"
    shutil.copyfile(template, path)
    services = bootstrap(path)
    yield services, path, count
    services.close()


def test_csv_export_of_many_clients_equals_an_independent_reading(
        tmp_path: Path, many_clients: tuple[Services, Path, int]) -> None:
    services, db_path, count = many_clients
    path = tmp_path / "out.csv"
    assert services.client_export.export(path) == count
    with path.open(encoding="utf-8-sig", newline="") as fh:
        written = list(csv.reader(fh, delimiter=";"))
    want = [["'" + v if v.startswith(("=", "+", "-", "@", "\t", "\r")) else v for v in row]
            for row in _read_db(db_path)]
    assert len(written) == 1 + count
    assert written[1:] == want


def test_xlsx_export_of_many_clients_equals_an_independent_reading(
        tmp_path: Path, many_clients: tuple[Services, Path, int]) -> None:
    import openpyxl

    services, db_path, count = many_clients
    path = tmp_path / "out.xlsx"
    assert services.client_export.export(path) == count
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        # a write-only sheet has no dimension: each row reads back as far as its last value
        sheet = [[("" if v is None else v) for v in row] + [""] * (29 - len(row))
                 for row in wb.worksheets[0].iter_rows(min_row=2, values_only=True)]
    finally:
        wb.close()
    assert len(sheet) == count
    assert sheet == _read_db(db_path)
