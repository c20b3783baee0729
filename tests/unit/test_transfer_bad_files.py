"""`import all` and bad files: one line naming the record and field, exit 1, nothing written.

The corpus lives in tests/data/bad_files/json/ (its README says what each file is); files
too big to keep are made in tmp_path. Every refusal is checked for its message (table,
record, field; no SQL, no row), its exit code, and a target left exactly as it was.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.bootstrap import Services, bootstrap
from app.cli import run
from app.migrations import HEAD_REVISION
from app.models import ChecklistItem, ChecklistTemplate, Client, Deal, DealLine, Stage
from app.services.deals.defaults import DEFAULT_STAGES
from app.services.errors import ServiceError
from app.services.transfer import MAX_FILE_BYTES, read_export

CORPUS = Path(__file__).resolve().parents[1] / "data" / "bad_files" / "json"
BASE = CORPUS / "good_minimal.json"
# Text of records that no case spoils: a message quoting any of them dumps the user's rows.
OTHER_RECORDS_TEXT = ("Стеллажи для склада", "7707083893", "ООО «Альфа»", "Монтаж стеллажей")


def _document(name: str = "good_minimal.json") -> dict:  # type: ignore[type-arg]
    return json.loads((CORPUS / name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _write(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _at_head(name: str, tmp_path: Path) -> Path:
    """A record case as the running app would have written it (its schema revision)."""
    document = _document(name)
    document["schema"] = HEAD_REVISION
    return _write(tmp_path / name, document)


def _import(capsys: pytest.CaptureFixture[str], db: Path, file: Path) -> tuple[int, str, str]:
    code = run(["--db", str(db), "import", "all", str(file)])
    out, err = capsys.readouterr()
    return code, out, err


def _fingerprint(db: Path) -> str:
    """Every row of every table (rollups and search index included), read-only."""
    digest = hashlib.sha256()
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for name in names:
            digest.update(name.encode())
            for row in sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{name}"')):
                digest.update(row.encode())
    conn.close()
    return digest.hexdigest()


def _assert_one_clean_line(err: str) -> None:
    assert err.startswith("salesdesk: ") and err.count("\n") == 1, err
    assert len(err) < 300, err
    for leak in ("INSERT", "SELECT", "[SQL", "sqlalche.me", "Traceback", "внутренняя ошибка",
                 *OTHER_RECORDS_TEXT):
        assert leak not in err, err


@pytest.fixture(scope="module")
def _seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seeded") / "new.db"
    bootstrap(path).close()
    return path


@pytest.fixture
def new_db(_seeded_template: Path, tmp_path: Path) -> Path:
    """A database that was opened once: its seeded stages and onboarding template only."""
    path = tmp_path / "target.db"
    shutil.copyfile(_seeded_template, path)
    return path


def _count(services: Services, model: type) -> int:
    with services.uow_factory() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


# --- the corpus base ------------------------------------------------------------------------

def test_the_corpus_base_imports_with_its_figures(tmp_path: Path, new_db: Path) -> None:
    services = bootstrap(new_db)
    try:
        summary = services.transfer.import_all(_at_head("good_minimal.json", tmp_path))
        assert summary.rows == 3 + 2 + 2 + 3 + 3
        with services.uow_factory() as uow:
            s = uow.session
            amounts = {r.id: r.amount for r in s.execute(select(Deal.id, Deal.amount))}
            lines = s.execute(select(DealLine.price, DealLine.quantity)
                              .where(DealLine.id == 2)).one()
        # 3 × 1234.56 less 5 % = 3518.496 → 3518.50; 1.5 × 999.99 = 1499.985 → 1499.99
        assert amounts == {1: Decimal("5018.49"), 2: Decimal("50000.00")}
        assert tuple(lines) == (Decimal("999.99"), Decimal("1.500"))
    finally:
        services.close()


# --- bad records ----------------------------------------------------------------------------

RECORD_CASES = [
    # file, table, record, field (None: the record as a whole), what the message says
    ("fk_missing_client.json", "deals", "id=1", "client_id", "«99»"),
    ("check_probability.json", "deals", "id=2", "probability", "«150»"),
    ("missing_title.json", "deals", "id=2", "title", "нет значения"),
    ("null_stage_name.json", "stages", "id=3", "name", "null"),
    ("duplicate_id.json", "clients", "id=2", "id", "уже есть"),
    ("duplicate_stage_name.json", "stages", "id=3", "name", "«Выиграна» уже есть"),
    ("huge_number.json", "deals", "id=1", "probability", "1e+30"),
    ("huge_amount.json", "deals", "id=2", "amount", "«1e30» больше"),
    ("amount_as_number.json", "deals", "id=2", "amount", "в кавычках"),
    ("naive_timestamp.json", "stage_changes", "id=3", "changed_at", "без часового пояса"),
    ("extra_decimals.json", "deal_lines", "id=2", "price", "«999.995»"),
    ("amount_differs.json", "deals", "id=1", "amount", "018,49"),
    ("line_too_big.json", "deal_lines", "id=3", "quantity", "разбейте"),
    ("unknown_field.json", "clients", "id=1", None, "«colour»"),
    ("bad_date.json", "deals", "id=1", "expected_close", "«2026-02-30»"),
    ("text_boolean.json", "stages", "id=1", "is_won", "«нет»"),
    ("nan_probability.json", "deals", "id=1", "probability", "NaN"),
    ("nan_amount.json", "deals", "id=2", "amount", "«NaN»"),
]


@pytest.mark.parametrize(("name", "table", "record", "field", "needle"), RECORD_CASES,
                         ids=[c[0] for c in RECORD_CASES])
def test_a_bad_record_is_named_and_nothing_is_written(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, new_db: Path, name: str,
        table: str, record: str, field: str | None, needle: str) -> None:
    file = _at_head(name, tmp_path)
    before = _fingerprint(new_db)
    code, out, err = _import(capsys, new_db, file)
    assert code == 1 and out == ""
    _assert_one_clean_line(err)
    where = f"{table}, запись {record}: " + (f"поле {field}: " if field else "")
    assert where in err and needle in err and "ничего не импортировано" in err, err
    assert _fingerprint(new_db) == before  # the seeded defaults too: same transaction


@pytest.mark.parametrize("name", [c[0] for c in RECORD_CASES])
def test_a_bad_file_does_not_create_a_missing_target(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str) -> None:
    db = tmp_path / "none.db"
    code, _, err = _import(capsys, db, _at_head(name, tmp_path))
    assert code == 1
    _assert_one_clean_line(err)
    # what the file alone shows is refused before opening; the database's own refusals
    # (links, UNIQUE, CHECK) need it, and leave it new and empty
    if db.exists():
        services = bootstrap(db)
        try:
            assert _count(services, Client) == _count(services, Deal) == 0
            assert len(services.deals.stages()) == len(DEFAULT_STAGES)
        finally:
            services.close()


def test_money_must_be_exact_to_the_kopeck_and_fit_the_column(tmp_path: Path) -> None:
    def amount_read(text: str) -> Decimal | str:
        document = _document()
        document["schema"] = HEAD_REVISION
        document["tables"]["deals"][1]["amount"] = text  # the won deal: no rule on its lines
        try:
            checked = read_export(_write(tmp_path / "a.json", document))
        except ServiceError as exc:
            return str(exc)
        value = checked.rows["deals"][1]["amount"]
        assert isinstance(value, Decimal)
        return value

    assert amount_read("50000.000") == Decimal("50000")  # trailing zeros lose nothing
    assert amount_read("5e4") == Decimal("50000")
    assert amount_read("-0.10") == Decimal("-0.10")  # the range is the CHECK's business
    top = "92233720368547758.07"  # 2⁶³ − 1 kopecks
    assert amount_read(top) == Decimal(top)
    for refused, why in [("92233720368547758.08", "больше, чем может храниться"),
                         ("0.1000000000000000000000000000001", "больше 2 знаков"),
                         ("0.001", "больше 2 знаков"), ("1e-3", "больше 2 знаков"),
                         ("Infinity", "не число"), ("1 000", "не число"), ("", "не число")]:
        message = amount_read(refused)
        assert isinstance(message, str) and "deals, запись id=2: поле amount: " in message
        assert why in message, (refused, message)


def test_a_deal_keeps_its_final_amount_only_after_standing_in_the_won_stage(
        tmp_path: Path) -> None:
    """The editor and the stage move keep a won deal's final amount whatever its lines;
    any other deal's amount is the sum of its lines."""
    document = _document()
    document["schema"] = HEAD_REVISION
    document["tables"]["deals"][1]["stage_id"] = 1  # moved back from won: 50 000 is kept
    checked = read_export(_write(tmp_path / "back.json", document))
    assert checked.rows["deals"][1]["amount"] == Decimal("50000.00")

    document["tables"]["stage_changes"] = document["tables"]["stage_changes"][:2]  # never won
    with pytest.raises(ServiceError) as exc:
        read_export(_write(tmp_path / "never.json", document))
    # 10 × 5500.00 = 55 000.00
    assert "deals, запись id=2: поле amount: " in str(exc.value)
    assert "55\u00a0000,00" in str(exc.value)


# --- bad files ------------------------------------------------------------------------------

FILE_CASES = [
    ("truncated.json", "обрывается"),
    ("empty.json", "файл пуст"),
    ("other_program.json", "это не выгрузка SalesDesk"),
    ("unknown_version.json", "более новой версией SalesDesk (формат 2"),
    ("version_as_text.json", "версия формата «1» не поддерживается"),
    ("other_schema.json", "схемой «0999», которой эта версия SalesDesk не знает"),
    ("unknown_table.json", "неизвестные таблицы: «customers»"),
    ("tables_not_object.json", "нет раздела tables"),
    ("utf16.json", "UTF-8"),
    ("csv_named_json.json", "UTF-8"),
]


def _at_current_schema(path: Path, tmp_path: Path) -> Path:
    """A readable file of the current format, as the running app would have written it (its
    schema revision), so a later migration does not turn its case into «другая схема»; the
    other-schema case, and files that are not a JSON object, are read as they are."""
    if path.name == "other_schema.json":
        return path
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError):
        return path
    if not isinstance(document, dict) or "schema" not in document:
        return path
    document["schema"] = HEAD_REVISION
    copy = tmp_path / path.name
    copy.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return copy


@pytest.mark.parametrize(("name", "needle"), FILE_CASES, ids=[c[0] for c in FILE_CASES])
def test_a_bad_file_is_one_line_and_changes_nothing(
        capsys: pytest.CaptureFixture[str], new_db: Path, tmp_path: Path, name: str,
        needle: str) -> None:
    before = _fingerprint(new_db)
    source = _at_current_schema(CORPUS / name, tmp_path)
    code, _, err = _import(capsys, new_db, source)
    assert code == 1
    _assert_one_clean_line(err)
    assert needle in err and "ничего не импортировано" in err, err
    assert _fingerprint(new_db) == before
    missing = tmp_path / "none.db"
    assert _import(capsys, missing, source)[0] == 1
    assert not missing.exists()


def _timed_import(capsys: pytest.CaptureFixture[str], db: Path, file: Path,
                  ) -> tuple[int, str, float]:
    start = time.monotonic()
    code, _, err = _import(capsys, db, file)
    return code, err, time.monotonic() - start


def test_a_file_over_the_size_limit_is_refused_unread(
        capsys: pytest.CaptureFixture[str], new_db: Path, tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as f:  # sparse: the size without the disk space
        f.write(json.dumps({"format": "salesdesk-export", "version": 1,
                            "schema": HEAD_REVISION, "tables": {}}).encode())
        f.truncate(MAX_FILE_BYTES + 1)
    before = _fingerprint(new_db)
    code, err, seconds = _timed_import(capsys, new_db, huge)
    assert code == 1 and "слишком большой" in err and seconds < 10
    _assert_one_clean_line(err)
    assert _fingerprint(new_db) == before


@pytest.mark.parametrize("kind", ["deep", "digits", "big_foreign"])
def test_hostile_json_is_refused_in_bounded_time(
        capsys: pytest.CaptureFixture[str], new_db: Path, tmp_path: Path, kind: str) -> None:
    file = tmp_path / f"{kind}.json"
    if kind == "deep":  # nesting past the parser's recursion limit
        file.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    elif kind == "digits":  # an integer past Python's digit limit
        file.write_text('{"format": "salesdesk-export", "version": 1' + "0" * 10_000 + "}",
                        encoding="utf-8")
    else:  # 10 MB of another program's records
        rows = ",".join(f'{{"sku": "{i:06d}", "qty": {i}, "note": "{"x" * 20}"}}'
                        for i in range(180_000))
        file.write_text('{"items": [' + rows + "]}", encoding="utf-8")
    before = _fingerprint(new_db)
    code, err, seconds = _timed_import(capsys, new_db, file)
    assert code == 1 and seconds < 30, (err, seconds)
    _assert_one_clean_line(err)
    assert "не выгрузка SalesDesk" in err
    assert _fingerprint(new_db) == before


# --- the seeded defaults --------------------------------------------------------------------

@pytest.mark.parametrize("carries_checklist", [False, True])
def test_a_new_database_with_only_its_defaults_takes_the_file_in_their_place(
        new_db: Path, tmp_path: Path, carries_checklist: bool) -> None:
    document = _document()
    document["schema"] = HEAD_REVISION
    if carries_checklist:  # an export of a database whose template was deleted
        document["tables"]["checklist_templates"] = []
    file = _write(tmp_path / "file.json", document)
    services = bootstrap(new_db)  # opened once more, as the GUI would
    try:
        assert len(services.deals.stages()) == len(DEFAULT_STAGES)
        assert _count(services, ChecklistTemplate) == 1
        services.transfer.import_all(file)
        file_stages = [st["name"] for st in document["tables"]["stages"]]
        assert [st.name for st in services.deals.stages()] == file_stages
        # a default the file leaves out stays; one it carries gives way, items and all
        assert _count(services, ChecklistTemplate) == (0 if carries_checklist else 1)
        assert (_count(services, ChecklistItem) == 0) == carries_checklist
    finally:
        services.close()


@pytest.mark.parametrize("user_data", ["client", "renamed_stage"])
def test_a_database_with_user_data_is_refused_and_kept(
        capsys: pytest.CaptureFixture[str], new_db: Path, tmp_path: Path,
        user_data: str) -> None:
    services = bootstrap(new_db)
    with services.uow_factory() as uow:
        if user_data == "client":
            uow.session.add(Client(name="ООО «Свой»"))
        else:
            stage = uow.session.scalars(select(Stage).order_by(Stage.position)).first()
            assert stage is not None
            stage.name = "Холодный контакт"
        uow.commit()
    services.close()
    before = _fingerprint(new_db)
    code, _, err = _import(capsys, new_db, _at_head("good_minimal.json", tmp_path))
    assert code == 1 and "не пуста" in err
    _assert_one_clean_line(err)
    assert _fingerprint(new_db) == before


# --- realistic data -------------------------------------------------------------------------

@pytest.fixture
def demo_export(demo_services: Services, tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "demo.json"
    demo_services.transfer.export_all(path)
    yield path


def test_export_import_export_of_the_demo_is_identical(
        demo_export: Path, services: Services, tmp_path: Path) -> None:
    summary = services.transfer.import_all(demo_export)
    again = tmp_path / "again.json"
    services.transfer.export_all(again)
    assert again.read_text(encoding="utf-8") == demo_export.read_text(encoding="utf-8")
    document = json.loads(demo_export.read_text(encoding="utf-8"))
    assert summary.rows == sum(len(rows) for rows in document["tables"].values())
    assert summary.rows > 1000 and document["tables"]["deal_lines"]


def test_a_bad_record_deep_in_the_demo_is_named(
        capsys: pytest.CaptureFixture[str], demo_export: Path, new_db: Path) -> None:
    document = json.loads(demo_export.read_text(encoding="utf-8"))
    lines = document["tables"]["deal_lines"]
    lines[-1]["deal_id"] = 10**6
    _write(demo_export, document)
    before = _fingerprint(new_db)
    code, _, err = _import(capsys, new_db, demo_export)
    assert code == 1
    assert f"deal_lines, запись id={lines[-1]['id']}: поле deal_id: ссылка «1000000»" in err
    assert err.count("\n") == 1 and len(err) < 300 and "INSERT" not in err
    assert _fingerprint(new_db) == before
