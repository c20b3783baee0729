"""Full-fidelity export and import of everything as versioned JSON (docs/EXPORT_FORMAT.md).

Money and other exact decimals travel as strings, dates as ISO dates, timestamps as ISO
UTC, binary data (logos) as base64. Import goes into an empty database only (its seeded
defaults, untouched, are replaced), in one transaction: a malformed file or a non-empty
target changes nothing.

A file written at an older schema revision is first carried up to this one the way a
database file would be (`_upgraded_tables`): its records go into a private in-memory database
built at the file's revision, the migrations run on it, and what they leave is read back as
the tables of a file at the current revision — so a JSON backup made before an update still
loads, with every migration's data changes (new columns' values, renamed statuses) applied.

An import is checked in two steps. `read_export` reads the file and checks every record
without a database: its shape, each field's type and range (what the column stores, to the
last stored decimal), the deal lines' rules and a deal's amount against its lines (the
deals service's own rules). `TransferService.import_checked` then writes the records; what
only the database can judge (UNIQUE, CHECK, NOT NULL, links between records) is mapped back
to the record it refused. Either way the message names the table, the record and the field
on one line, never the SQL or the row.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    delete,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.collation import sort_key
from app.domain.money import format_money
from app.i18n import translate
from app.migrations import HEAD_REVISION, KNOWN_REVISIONS
from app.models import Base
from app.models.base import Money as MoneyType
from app.models.base import UTCDateTime, _ScaledDecimal
from app.services.deals import LineInput, deal_amount, validate_line
from app.services.errors import ServiceError
from app.services.seeds import untouched_seeded_tables
from app.services.uow import UowFactory

FORMAT_NAME = "salesdesk-export"
FORMAT_VERSION = 1
# The biggest file read: about 700,000 records, a hundred times a large sales desk's ten years
# (the 300-client demo is 3 MB); json.load holds the whole document, some 8 bytes per byte.
MAX_FILE_BYTES = 256 * 1024 * 1024
# Rows per INSERT batch: a batch the database refuses is replayed row by row to name the row.
BATCH_ROWS = 500

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1  # what an SQLite INTEGER holds
_DECIMAL_TEXT = re.compile(r"[-+]?\d{1,40}(\.\d{1,40})?([eE][-+]?\d{1,6})?")
_DATE_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}")
_MAX_TIMESTAMP_TEXT = 40

JsonScalar = str | int | bool | None
Record = dict[str, object]
# A column's decoder takes a value as json.load gives it (of any JSON type, refused when it
# is not the column's) and returns what the column takes; it raises FieldProblem.
Decoder = Callable[[Any], object]


class FieldProblem(ValueError):
    """A value the column cannot take; the text says why, in the user's words."""


@dataclass(frozen=True)
class TransferSummary:
    tables: int
    rows: int


@dataclass(frozen=True)
class CheckedExport:
    """A file read by `read_export`: every record decoded and checked, ready to insert.

    `rows` holds every table of the schema in insert order (parents first), empty for a
    table the file leaves out (`present` lists those it carries); `labels` the name of each
    record in messages ("id=17", or "№3" for a record without a usable key).
    """

    source: Path
    rows: dict[str, list[Record]]
    labels: dict[str, list[str]]
    present: frozenset[str]

    @property
    def total(self) -> int:
        return sum(len(r) for r in self.rows.values())


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _encode(value: object) -> JsonScalar:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    raise TypeError(f"cannot export {type(value).__name__}")


# --- reading values --------------------------------------------------------------------------

def _preview(value: object, limit: int = 40) -> str:
    """A value as a message may quote it: short, on one line."""
    if isinstance(value, str):
        shown = value
    elif isinstance(value, dict):
        shown = "{…}"
    elif isinstance(value, list):
        shown = "[…]"
    else:
        shown = json.dumps(value)  # true, 1e+30, NaN, null as JSON spells them
    shown = " ".join(shown.split())
    return f"«{shown[:limit]}…»" if len(shown) > limit else f"«{shown}»"


def _got(value: object) -> str:
    return translate("Transfer", "получено {value}").format(value=_preview(value))


def _decimal_decoder(places: int) -> Decoder:
    # The largest value whose stored integer (value × 10^places) fits in 64 bits.
    limit = Decimal(INT64_MAX).scaleb(-places)

    def as_decimal(v: object) -> Decimal:
        if not isinstance(v, str):
            raise FieldProblem(translate(
                "Transfer", "нужно число в кавычках, например \"1234.50\"; {got}").format(
                got=_got(v)))
        if not _DECIMAL_TEXT.fullmatch(v):
            raise FieldProblem(translate("Transfer", "не число: {value}").format(
                value=_preview(v)))
        value = Decimal(v)
        if value.copy_abs() > limit:
            raise FieldProblem(translate(
                "Transfer", "число {value} больше, чем может храниться").format(
                value=_preview(v)))
        _sign, digits, exponent = value.as_tuple()
        assert isinstance(exponent, int)  # the pattern admits finite numbers only
        # digits below the stored last place must all be zero: refused, never rounded
        dropped = digits[max(0, len(digits) + exponent + places):] if exponent < -places else ()
        if any(dropped):
            raise FieldProblem(translate(
                "Transfer", "в числе {value} больше {places} знаков после точки, столько "
                            "не хранится").format(value=_preview(v), places=places))
        return value
    return as_decimal


def _as_timestamp(v: object) -> datetime:
    if not isinstance(v, str) or len(v) > _MAX_TIMESTAMP_TEXT:
        raise FieldProblem(translate(
            "Transfer", "нужны дата и время ISO 8601 с часовым поясом, например "
                        "\"2026-11-01T09:00:00+00:00\"; {got}").format(got=_got(v)))
    try:
        value = datetime.fromisoformat(v)
    except ValueError:
        raise FieldProblem(translate("Transfer", "не дата и время: {value}").format(
            value=_preview(v))) from None
    if value.tzinfo is None or value.utcoffset() is None:
        raise FieldProblem(translate(
            "Transfer", "время {value} без часового пояса (нужно, например, +00:00)").format(
            value=_preview(v)))
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise FieldProblem(translate("Transfer", "время {value} вне допустимого диапазона")
                           .format(value=_preview(v))) from None


def _as_date(v: object) -> date:
    if not isinstance(v, str) or not _DATE_TEXT.fullmatch(v):
        raise FieldProblem(translate(
            "Transfer", "нужна дата ГГГГ-ММ-ДД, например \"2026-12-15\"; {got}").format(
            got=_got(v)))
    try:
        return date.fromisoformat(v)
    except ValueError:
        raise FieldProblem(translate("Transfer", "нет такой даты: {value}").format(
            value=_preview(v))) from None


def _as_bytes(v: object) -> bytes:
    if not isinstance(v, str):
        raise FieldProblem(translate("Transfer", "нужны данные base64 в кавычках; {got}")
                           .format(got=_got(v)))
    try:
        return base64.b64decode(v.encode("ascii"), validate=True)
    except (UnicodeEncodeError, binascii.Error):
        raise FieldProblem(translate("Transfer", "это не данные base64")) from None


def _as_bool(v: object) -> bool:
    if not isinstance(v, bool):
        raise FieldProblem(translate("Transfer", "нужно true или false; {got}").format(
            got=_got(v)))
    return v


def _as_int(v: object) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        raise FieldProblem(translate("Transfer", "нужно целое число; {got}").format(
            got=_got(v)))
    if not INT64_MIN <= v <= INT64_MAX:
        raise FieldProblem(translate("Transfer", "число {value} больше, чем может храниться")
                           .format(value=_preview(v)))
    return v


def _as_str(v: object) -> str:
    if not isinstance(v, str):
        raise FieldProblem(translate("Transfer", "нужен текст в кавычках; {got}").format(
            got=_got(v)))
    return v


def _decoder(column: Column[Any]) -> Decoder:
    t = column.type
    if isinstance(t, MoneyType):
        return _decimal_decoder(2)  # kopecks
    if isinstance(t, _ScaledDecimal):
        return _decimal_decoder(t.places)
    if isinstance(t, UTCDateTime):
        return _as_timestamp
    if isinstance(t, Date):
        return _as_date
    if isinstance(t, LargeBinary):
        return _as_bytes
    if isinstance(t, Boolean):
        return _as_bool
    if isinstance(t, Integer):
        return _as_int
    return _as_str


@dataclass(frozen=True)
class _ColumnReader:
    """How a record's field becomes a column value: its decoder and what a gap means."""

    name: str
    decode: Decoder
    nullable: bool
    has_default: bool  # a missing field takes `default`
    default: object

    @classmethod
    def of(cls, column: Column[Any]) -> _ColumnReader:
        scalar = column.default is not None and column.default.is_scalar
        return cls(name=column.name, decode=_decoder(column),
                   nullable=bool(column.nullable) and not column.primary_key,
                   has_default=scalar or (bool(column.nullable) and not column.primary_key),
                   default=getattr(column.default, "arg", None) if scalar else None)

    def read(self, row: dict[str, Any]) -> object:
        if self.name not in row:
            if not self.has_default:
                raise FieldProblem(translate("Transfer", "нет значения"))
            return self.default
        value = row[self.name]
        if value is None:
            if not self.nullable:
                raise FieldProblem(translate("Transfer", "пустое значение (null) недопустимо"))
            return None
        return self.decode(value)


# --- reading the file ------------------------------------------------------------------------

class _RecordError(Exception):
    """A record refused: the table, the record's name (or "": the table as a whole), the
    field (or "": the record as a whole) and why."""

    def __init__(self, table: str, label: str, field: str, why: str) -> None:
        super().__init__(why)
        self.table, self.label, self.field, self.why = table, label, field, why


def _problem(path: Path, why: str) -> ServiceError:
    return ServiceError(translate("Transfer", "{path}: {why}; ничего не импортировано").format(
        path=path, why=why))


def _record_problem(path: Path, err: _RecordError) -> ServiceError:
    if not err.label:
        where = f"{err.table}: {err.why}"
    elif err.field:
        where = translate("Transfer", "{table}, запись {label}: поле {field}: {why}").format(
            table=err.table, label=err.label, field=err.field, why=err.why)
    else:
        where = translate("Transfer", "{table}, запись {label}: {why}").format(
            table=err.table, label=err.label, why=err.why)
    return _problem(path, where)


def _label(table: Table, row: object, position: int) -> str:
    """A record's name in a message: its key ("id=17") if it has a readable one, else "№3"."""
    if isinstance(row, dict):
        keys = [(c.name, row.get(c.name)) for c in table.primary_key.columns]
        if all(isinstance(v, int | str) and not isinstance(v, bool) and len(str(v)) <= 40
               for _, v in keys):
            return ", ".join(f"{name}={value}" for name, value in keys)
    return translate("Transfer", "№{n}").format(n=position)


def _load_json(path: Path) -> object:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ServiceError(translate("Transfer", "{path}: файл не найден").format(
            path=path)) from None
    if size > MAX_FILE_BYTES:
        raise _problem(path, translate(
            "Transfer", "файл слишком большой ({size} МБ, читается не больше {limit} МБ)")
            .format(size=size // 2**20, limit=MAX_FILE_BYTES // 2**20))
    raw = path.read_bytes()[:MAX_FILE_BYTES + 1]  # the file may grow while we read
    if len(raw) > MAX_FILE_BYTES:
        raise _problem(path, translate("Transfer", "файл слишком большой"))
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _problem(path, translate(
            "Transfer", "это не выгрузка SalesDesk (файл не в кодировке UTF-8)")) from None
    del raw
    if not content.strip():
        raise _problem(path, translate("Transfer", "файл пуст"))
    try:
        return json.loads(content)
    except json.JSONDecodeError as exc:
        if not content[exc.pos:].strip():
            why = translate("Transfer", "файл обрывается на строке {line}: он записан не "
                                        "до конца").format(line=exc.lineno)
        else:
            why = translate("Transfer", "это не JSON (ошибка в строке {line}, позиция {col})"
                            ).format(line=exc.lineno, col=exc.colno)
        raise _problem(path, why) from None
    except (ValueError, RecursionError):  # digits beyond Python's limit, nesting too deep
        raise _problem(path, translate(
            "Transfer", "это не выгрузка SalesDesk (слишком длинные числа или слишком "
                        "глубокая вложенность)")) from None


def _check_header(path: Path, document: object) -> tuple[dict[str, Any], str]:
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise _problem(path, translate("Transfer", "это не выгрузка SalesDesk"))
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise _problem(path, translate("Transfer", "версия формата {v} не поддерживается")
                       .format(v=_preview(version)))
    if version > FORMAT_VERSION:
        raise _problem(path, translate(
            "Transfer", "выгрузка сделана более новой версией SalesDesk (формат {v}, эта "
                        "версия читает формат {mine}): обновите программу").format(
            v=version, mine=FORMAT_VERSION))
    if version != FORMAT_VERSION:
        raise _problem(path, translate("Transfer", "версия формата {v} не поддерживается")
                       .format(v=version))
    schema = document.get("schema")
    if not isinstance(schema, str) or schema not in KNOWN_REVISIONS:
        raise _problem(path, translate(
            "Transfer", "выгрузка сделана со схемой {s}, которой эта версия SalesDesk не знает "
                        "(она читает схемы до {h}): обновите программу")
            .format(s=_preview(schema), h=HEAD_REVISION))
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise _problem(path, translate("Transfer", "нет раздела tables"))
    return tables, schema


# Columns computed from a record's other fields, never read from the file (a file of an
# older version has none; a hand-edited one could disagree with the name)
DERIVED: dict[str, dict[str, Callable[[Record], object]]] = {
    "clients": {"sort_name": lambda record: sort_key(str(record.get("name") or ""))},
}


def _decode_table(table: Table, rows: object) -> tuple[list[Record], list[str]]:
    if not isinstance(rows, list):
        raise _RecordError(table.name, "", "",
                           translate("Transfer", "нужен список записей; {got}").format(
                               got=_got(rows)))
    readers = [_ColumnReader.of(c) for c in table.columns]
    known = {r.name for r in readers}
    derived = DERIVED.get(table.name, {})
    decoded: list[Record] = []
    labels: list[str] = []
    for n, row in enumerate(rows, start=1):
        label = _label(table, row, n)
        if not isinstance(row, dict):
            raise _RecordError(table.name, label, "", translate(
                "Transfer", "нужен объект {{…}}; {got}").format(got=_got(row)))
        extra = [k for k in row if k not in known]
        if extra:
            names = ", ".join(_preview(k, 30) for k in extra[:3]) + (", …" if extra[3:] else "")
            raise _RecordError(table.name, label, "", translate(
                "Transfer", "неизвестные поля: {names}").format(names=names))
        record: Record = {}
        for reader in readers:
            if reader.name in derived:
                continue
            try:
                record[reader.name] = reader.read(row)
            except FieldProblem as exc:
                raise _RecordError(table.name, label, reader.name, str(exc)) from None
        for name, derive in derived.items():
            record[name] = derive(record)
        decoded.append(record)
        labels.append(label)
    return decoded, labels


def _line_input(line: Record) -> LineInput:
    return LineInput(name=str(line["name"]), quantity=_dec(line["quantity"]),
                     price=_dec(line["price"]), discount=_dec(line["discount"]),
                     unit=str(line["unit"]), vat_kind=str(line["vat_kind"]))


def _dec(value: object) -> Decimal:
    assert isinstance(value, Decimal)  # decoded by the column's decoder (NOT NULL)
    return value


def _check_deals(rows: dict[str, list[Record]], labels: dict[str, list[str]]) -> None:
    """The deals service's rules a file must keep: each line as the editor validates it, and
    a deal's amount as the editor derives it from its lines (`deal_amount`).

    A deal that has stood in the won stage keeps the final amount agreed there (the editor
    and the stage move keep it, the rollups count its part outside the lines), so it may
    differ from its lines.
    """
    lines_of: dict[object, list[LineInput]] = {}
    for line, label in zip(rows["deal_lines"], labels["deal_lines"], strict=True):
        item = _line_input(line)
        errors = validate_line(item, None)  # its keys are the line's field names
        if errors:
            field, why = next(iter(errors.items()))
            raise _RecordError("deal_lines", label, field, why)
        lines_of.setdefault(line["deal_id"], []).append(item)
    won_stages = {st["id"] for st in rows["stages"] if st["is_won"]}
    been_won = {ch["deal_id"] for ch in rows["stage_changes"] if ch["to_stage_id"] in won_stages}
    for deal, label in zip(rows["deals"], labels["deals"], strict=True):
        lines = lines_of.get(deal["id"])
        if not lines or deal["stage_id"] in won_stages or deal["id"] in been_won:
            continue
        expected = deal_amount(lines, None)
        if deal["amount"] != expected:
            raise _RecordError("deals", label, "amount", translate(
                "Transfer", "сумма {amount} не равна сумме позиций сделки {lines}").format(
                amount=format_money(_dec(deal["amount"])), lines=format_money(expected)))


def read_export(path: Path) -> CheckedExport:
    """Read an `export all` file and check every record; ServiceError names the first fault.

    Needs no database file (an older revision passes through an in-memory one), so a bad
    file is refused before the target is opened or created.
    """
    tables, revision = _check_header(path, _load_json(path))
    if revision != HEAD_REVISION:
        tables = _upgraded_tables(path, tables, revision)
    schema = {t.name: t for t in _tables()}
    unknown = sorted(name for name in tables if name not in schema)
    if unknown:
        names = ", ".join(_preview(n, 30) for n in unknown[:5]) + (", …" if unknown[5:] else "")
        raise _problem(path, translate("Transfer", "неизвестные таблицы: {names}").format(
            names=names))
    present = frozenset(tables)
    rows: dict[str, list[Record]] = {}
    labels: dict[str, list[str]] = {}
    try:
        for name, table in schema.items():
            rows[name], labels[name] = _decode_table(table, tables.pop(name, []))
        _check_deals(rows, labels)
    except _RecordError as err:
        raise _record_problem(path, err) from None
    return CheckedExport(source=path, rows=rows, labels=labels, present=present)


def _upgraded_tables(path: Path, tables: dict[str, Any], revision: str) -> dict[str, Any]:
    """The tables of a file written at an older `revision`, as a file at the current one.

    Each record is decoded with today's column types (a column keeps its type across
    revisions; the file spells values as today's export does) and inserted into an in-memory
    database built at `revision`; the migrations then bring that database to the head, and
    its rows are encoded back. Records and fields the old schema does not have are refused
    by name; what the migrated rows break is found by the ordinary checks that follow.
    """
    from app.db import MigrationError, scratch_engine, upgrade

    current = {t.name: t for t in _tables()}
    engine = scratch_engine()
    try:
        upgrade(engine, revision)
        with engine.connect() as conn:
            old_columns = {name: [r[1] for r in conn.exec_driver_sql(
                f'PRAGMA table_info("{name}")')] for name in current}
        unknown = sorted(n for n in tables if not old_columns.get(n))
        if unknown:
            names = ", ".join(_preview(n, 30) for n in unknown[:5]) + (
                ", …" if unknown[5:] else "")
            raise _problem(path, translate("Transfer", "неизвестные таблицы: {names}").format(
                names=names))
        with engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None  # a checked-out connection has its DBAPI connection
            raw.execute("PRAGMA foreign_keys=OFF")  # links are checked after the upgrade
            with conn.begin():
                for name, table in current.items():
                    if name not in tables:
                        continue
                    then = Table(name, MetaData(), *(c._copy() for c in table.columns
                                                     if c.name in old_columns[name]))
                    records, _labels = _decode_table(then, tables[name])
                    for start in range(0, len(records), BATCH_ROWS):
                        conn.execute(insert(then), records[start:start + BATCH_ROWS])
            raw.execute("PRAGMA foreign_keys=ON")
        upgrade(engine)
        upgraded: dict[str, Any] = {}
        with engine.connect() as conn:
            for name, table in current.items():
                if name in tables or conn.execute(select(func.count()).select_from(
                        table)).scalar_one():
                    upgraded[name] = [
                        {k: _encode(v) for k, v in r.items()} for r in conn.execute(
                            select(table).order_by(*table.primary_key.columns)).mappings()]
        return upgraded
    except _RecordError as err:
        raise _record_problem(path, err) from None
    except (IntegrityError, MigrationError) as exc:
        raise _problem(path, translate(
            "Transfer", "выгрузку со схемой {s} не удалось перевести на схему {h}: {why}")
            .format(s=revision, h=HEAD_REVISION, why=_preview(str(exc).splitlines()[0], 200))
        ) from None
    finally:
        engine.dispose()


# --- what the database refused ---------------------------------------------------------------

def _constraint_names(table: Table, check: CheckConstraint) -> set[str]:
    name = str(check.name or "")
    return {name, f"ck_{table.name}_{name}"}


def _refusal(table: Table, record: Record, raw_reason: str) -> tuple[str, str]:
    """(field, why) for SQLite's refusal of `record` (an IntegrityError's text)."""
    kind, _, detail = raw_reason.partition(" constraint failed")
    detail = detail.lstrip(": ").strip()
    columns = [part.split(".", 1)[-1] for part in detail.split(", ") if part]

    def value_of(field: str) -> str:
        return _preview(_encode_for_message(record.get(field)))

    if kind == "UNIQUE":
        field = ", ".join(columns)
        values = ", ".join(value_of(c) for c in columns)
        return field, translate("Transfer", "значение {value} уже есть у другой записи").format(
            value=values)
    if kind == "NOT NULL":
        return ", ".join(columns), translate("Transfer", "нет значения")
    if kind == "CHECK":
        for check in table.constraints:
            if isinstance(check, CheckConstraint) and detail in _constraint_names(table, check):
                rule = str(check.sqltext)
                fields = [c.name for c in table.columns
                          if re.search(rf"\b{re.escape(c.name)}\b", rule)]
                shown = ", ".join(value_of(f) for f in fields)
                return ", ".join(fields), translate(
                    "Transfer", "значение {value} не допускается (правило {rule})").format(
                    value=shown, rule=check.name)
        return "", translate("Transfer", "запись не прошла проверку базы ({rule})").format(
            rule=detail)
    return "", translate("Transfer", "база данных отклонила запись ({reason})").format(
        reason=raw_reason[:80])


def _encode_for_message(value: object) -> object:
    try:
        return _encode(value)
    except TypeError:
        return str(value)


def _integrity_text(exc: IntegrityError) -> str:
    return " ".join(str(exc.orig if exc.orig is not None else exc).split())


def _replaced_defaults(untouched: set[str], present: frozenset[str]) -> set[str]:
    """The untouched seeded tables the file's rows replace: each group of them linked by
    foreign keys (a template with its items) goes whole, if the file carries any of it; a
    group the file leaves out keeps its defaults."""
    schema = {t.name: t for t in _tables()}
    group = {name: {name} for name in untouched}
    for name in untouched:  # untouched tables are few: a plain closure will do
        for fk in schema[name].foreign_keys:
            parent = fk.column.table.name
            if parent in untouched and parent != name:
                merged = group[name] | group[parent]
                for member in merged:
                    group[member] = merged
    return {name for name in untouched if group[name] & present}


class TransferService:
    def __init__(self, *, uow_factory: UowFactory) -> None:
        self._uow = uow_factory

    def export_all(self, path: Path) -> TransferSummary:
        data: dict[str, list[dict[str, JsonScalar]]] = {}
        rows = 0
        with self._uow(read_only=True) as uow:
            for table in _tables():
                result = uow.session.execute(
                    select(table).order_by(*table.primary_key.columns)
                ).mappings()
                data[table.name] = [{k: _encode(v) for k, v in r.items()} for r in result]
                rows += len(data[table.name])
        document = {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "schema": HEAD_REVISION,
            "tables": data,
        }
        tmp = path.with_name(path.name + ".part")
        tmp.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(path)
        return TransferSummary(tables=len(data), rows=rows)

    def import_all(self, path: Path) -> TransferSummary:
        """Read, check and import an `export all` file (see `read_export`)."""
        return self.import_checked(read_export(path))

    def import_checked(self, checked: CheckedExport) -> TransferSummary:
        """Write a checked file into this (empty) database, all or nothing."""
        path = checked.source
        tables = _tables()
        with self._uow() as uow:
            s = uow.session
            # A new database holds its seeded defaults (stages, the onboarding template):
            # those count as empty and give way to the file's rows.
            untouched = untouched_seeded_tables(s)
            for table in tables:
                if table.name in untouched:
                    continue
                if s.scalar(select(func.count()).select_from(table)):
                    raise ServiceError(translate(
                        "Transfer", "База не пуста (таблица {t}): импорт всех данных возможен "
                                    "только в новую базу").format(t=table.name))
            replaced = _replaced_defaults(untouched, checked.present)
            for table in reversed(tables):  # children first
                if table.name in replaced:
                    s.execute(delete(table))
            # Links are checked once every table is in (foreign_key_check below), so the
            # order of records within a table does not matter; reset at commit or rollback.
            s.execute(text("PRAGMA defer_foreign_keys = ON"))
            try:
                for table in tables:
                    self._insert(s, table, checked.rows[table.name], checked.labels[table.name])
                self._check_links(s)
            except _RecordError as err:
                raise _record_problem(path, err) from None
            uow.commit()
        return TransferSummary(tables=len(checked.present), rows=checked.total)

    @staticmethod
    def _insert(s: Session, table: Table, rows: list[Record], labels: list[str]) -> None:
        """Insert in batches; a refused batch is replayed row by row to name the record."""
        for start in range(0, len(rows), BATCH_ROWS):
            batch = rows[start:start + BATCH_ROWS]
            try:
                with s.begin_nested():
                    s.execute(insert(table), batch)
                continue
            except IntegrityError:
                pass
            for offset, record in enumerate(batch):
                try:
                    with s.begin_nested():
                        s.execute(insert(table), [record])
                except IntegrityError as exc:
                    field, why = _refusal(table, record, _integrity_text(exc))
                    raise _RecordError(table.name, labels[start + offset], field, why) from None
            raise _RecordError(table.name, labels[start], "", translate(
                "Transfer", "база данных отклонила записи с этой по {last}").format(
                last=labels[start + len(batch) - 1]))

    @staticmethod
    def _check_links(s: Session) -> None:
        """The first record that links to a missing one, named with the missing link."""
        broken = s.execute(text("PRAGMA foreign_key_check")).first()
        if broken is None:
            return
        table_name, rowid, parent, fk_id = broken[0], broken[1], broken[2], broken[3]
        fields = [r[3] for r in s.execute(text(f'PRAGMA foreign_key_list("{table_name}")'))
                  if r[0] == fk_id]
        label = ""
        values: Iterable[object] = ()
        schema = {t.name: t for t in _tables()}
        table = schema.get(table_name)
        if table is not None and rowid is not None:
            keys = [c.name for c in table.primary_key.columns]
            got = s.execute(text(
                "SELECT " + ", ".join(f'"{c}"' for c in [*keys, *fields])
                + f' FROM "{table_name}" WHERE rowid = :rowid'), {"rowid": rowid}).first()
            if got is not None:
                label = ", ".join(f"{k}={v}" for k, v in zip(keys, got[:len(keys)],
                                                             strict=True))
                values = got[len(keys):]
        shown = ", ".join(_preview(v) for v in values)
        raise _RecordError(table_name, label, ", ".join(fields), translate(
            "Transfer", "ссылка {value} на запись, которой нет в таблице {parent}").format(
            value=shown, parent=parent))
