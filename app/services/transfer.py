"""Full-fidelity export and import of everything as versioned JSON (docs/EXPORT_FORMAT.md).

Money and other exact decimals travel as strings, dates as ISO dates, timestamps as ISO
UTC, binary data (logos) as base64. Import goes into an empty database only (its seeded
defaults, untouched, are replaced), in one transaction: a malformed file or a non-empty
target changes nothing.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Integer,
    LargeBinary,
    Table,
    delete,
    func,
    insert,
    select,
)

from app.i18n import translate
from app.migrations import HEAD_REVISION
from app.models import Base
from app.models.base import Money as MoneyType
from app.models.base import UTCDateTime, _ScaledDecimal
from app.services.errors import ServiceError
from app.services.seeds import untouched_seeded_tables
from app.services.uow import UowFactory

FORMAT_NAME = "salesdesk-export"
FORMAT_VERSION = 1

JsonScalar = str | int | bool | None
# A column's decoder takes a value as json.load gives it (of any JSON type, refused when it
# is not the column's) and returns what the column takes.
Decoder = Callable[[Any], object]


@dataclass(frozen=True)
class TransferSummary:
    tables: int
    rows: int


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


def _decoder(column: Column[Any]) -> Decoder:
    t = column.type
    if isinstance(t, MoneyType | _ScaledDecimal):
        return Decimal
    if isinstance(t, UTCDateTime):
        return datetime.fromisoformat
    if isinstance(t, Date):
        return date.fromisoformat
    if isinstance(t, LargeBinary):
        return lambda v: base64.b64decode(v.encode("ascii"), validate=True)
    if isinstance(t, Boolean):
        def as_bool(v: object) -> bool:
            if not isinstance(v, bool):
                raise ValueError("expected true/false")
            return v
        return as_bool
    if isinstance(t, Integer):
        def as_int(v: object) -> int:
            if isinstance(v, bool) or not isinstance(v, int):
                raise ValueError("expected an integer")
            return v
        return as_int

    def as_str(v: object) -> str:
        if not isinstance(v, str):
            raise ValueError("expected text")
        return v
    return as_str


class TransferService:
    def __init__(self, *, uow_factory: UowFactory) -> None:
        self._uow = uow_factory

    def export_all(self, path: Path) -> TransferSummary:
        data: dict[str, list[dict[str, JsonScalar]]] = {}
        rows = 0
        with self._uow() as uow:
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
        document = self._read(path)
        tables = {t.name: t for t in _tables()}
        payload = document["tables"]
        unknown = set(payload) - set(tables)
        if unknown:
            raise ServiceError(translate("Transfer", "{path}: неизвестные таблицы: {names}")
                               .format(path=path, names=", ".join(sorted(unknown))))
        total = 0
        with self._uow() as uow:
            s = uow.session
            # A new database holds its seeded defaults (stages, the onboarding template):
            # those count as empty and give way to the file's rows.
            untouched = untouched_seeded_tables(s)
            for table in tables.values():
                if table.name in untouched:
                    continue
                if s.scalar(select(func.count()).select_from(table)):
                    raise ServiceError(translate(
                        "Transfer", "База не пуста (таблица {t}): импорт всех данных возможен "
                                    "только в новую базу").format(t=table.name))
            for table in reversed(list(tables.values())):  # children first
                if table.name in untouched:
                    s.execute(delete(table))
            for name, table in tables.items():
                rows = payload.get(name, [])
                if not isinstance(rows, list):
                    raise self._malformed(path, name, 0, "expected a list")
                decoders = {c.name: _decoder(c) for c in table.columns}
                decoded = []
                for n, row in enumerate(rows, start=1):
                    if not isinstance(row, dict):
                        raise self._malformed(path, name, n, "expected an object")
                    extra = set(row) - set(decoders)
                    if extra:
                        raise self._malformed(path, name, n, f"unknown fields {sorted(extra)}")
                    try:
                        decoded.append({k: (None if v is None else decoders[k](v))
                                        for k, v in row.items()})
                    except (ValueError, TypeError, InvalidOperation) as exc:
                        raise self._malformed(path, name, n, str(exc) or type(exc).__name__) \
                            from exc
                if decoded:
                    s.execute(insert(table), decoded)
                total += len(decoded)
            uow.commit()
        return TransferSummary(tables=len(payload), rows=total)

    @staticmethod
    def _malformed(path: Path, table: str, row: int, why: str) -> ServiceError:
        return ServiceError(translate("Transfer", "{path}: ошибка в данных ({table}, "
                                                  "запись {row}): {why}; ничего не импортировано")
                            .format(path=path, table=table, row=row, why=why))

    @staticmethod
    def _read(path: Path) -> dict[str, Any]:
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ServiceError(translate("Transfer", "{path}: файл не найден").format(
                path=path)) from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ServiceError(translate("Transfer", "{path}: это не JSON-файл SalesDesk ({e})")
                               .format(path=path, e=exc)) from None
        if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
            raise ServiceError(translate("Transfer", "{path}: это не выгрузка SalesDesk")
                               .format(path=path))
        if document.get("version") != FORMAT_VERSION:
            raise ServiceError(translate("Transfer", "{path}: версия формата {v} не "
                                                     "поддерживается").format(
                path=path, v=document.get("version")))
        if document.get("schema") != HEAD_REVISION:
            raise ServiceError(translate(
                "Transfer", "{path}: выгрузка сделана со схемой {s}, эта версия SalesDesk "
                            "читает схему {h}").format(path=path, s=document.get("schema"),
                                                       h=HEAD_REVISION))
        if not isinstance(document.get("tables"), dict):
            raise ServiceError(translate("Transfer", "{path}: нет раздела tables").format(
                path=path))
        return document
