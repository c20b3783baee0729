"""Import of clients (and one contact person per row) from CSV and XLSX files.

Reads what managers really have: Excel's Russian CSV (cp1251, `;`, quoted fields with
`;` and doubled quotes inside), UTF-8 with or without BOM and `,`, UTF-16 with a BOM
(Excel's "Unicode text"), and XLSX. The column mapping is guessed from Russian and English
headers and can be changed. Strict by default: one invalid row and nothing is imported.
Files are untrusted input: an unclosed quote, a file in no known encoding and control
characters in a value are refused with the line; a file is read, checked and written in
batches inside one transaction, so memory does not grow with it; openpyxl parses XLSX with
defusedxml, and zip bombs are refused before anything is unpacked.
See docs/CLIENT_IMPORT_EXPORT.md.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple, cast

from sqlalchemy import Table, bindparam, func, insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.i18n import translate
from app.models import Campaign, Client, ClientTag, Contact
from app.services.clients.churn import churn_day
from app.services.clients.drafts import ClientDraft, ContactDraft, validate_draft
from app.services.clients.matching import (
    NEAR_DUPLICATE_CHOICES,
    email_key,
    fold,
    name_key,
    phone_key,
)
from app.services.errors import ConflictError, ServiceError, ValidationError
from app.services.requisites import BANK_FIELDS, TAX_ID_FIELDS
from app.services.uow import UowFactory

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 200_000
MAX_COLUMNS = 200
MAX_XLSX_UNPACKED = 300 * 1024 * 1024
MAX_XLSX_MEMBER_RATIO = 100  # real sheets compress 5–20×; bombs compress thousands ×
MAX_XLSX_MEMBERS = 2_000
BATCH_ROWS = 500  # rows checked and written together; memory is about one batch's

MAX_LISTED_ROWS = 1_000  # bad and skipped rows a report lists (it counts them all)

CLIENT_FIELDS = (
    "name", "full_name", "kind", "legal_form", *TAX_ID_FIELDS, "legal_address",
    "postal_address", "phone", "email", "website", *BANK_FIELDS, "industry", "region",
    "segment", "status", "loyalty_tier",
    "lead_source", "responsible", "tags", "notes",
)
CONTACT_FIELDS = ("contact_name", "contact_position", "contact_phone", "contact_email")
IMPORT_FIELDS = CLIENT_FIELDS + CONTACT_FIELDS
_CLIENT_COLUMNS = tuple(k for k in CLIENT_FIELDS if k != "tags")
# the tables themselves: a Core insert of many rows is one executemany, no ORM bulk path
_CLIENTS = cast(Table, Client.__table__)
_CONTACTS = cast(Table, Contact.__table__)
_TAGS = cast(Table, ClientTag.__table__)


def field_label(key: str) -> str:
    """The column title of a field (also the header the export writes)."""
    return {
        "name": translate("ClientImport", "Название"),
        "full_name": translate("ClientImport", "Полное наименование"),
        "kind": translate("ClientImport", "Вид"),
        "legal_form": translate("ClientImport", "ОПФ"),
        "inn": translate("ClientImport", "ИНН"),
        "kpp": translate("ClientImport", "КПП"),
        "ogrn": translate("ClientImport", "ОГРН"),
        "legal_address": translate("ClientImport", "Юридический адрес"),
        "postal_address": translate("ClientImport", "Почтовый адрес"),
        "phone": translate("ClientImport", "Телефон"),
        "email": translate("ClientImport", "E-mail"),
        "website": translate("ClientImport", "Сайт"),
        "bank_name": translate("ClientImport", "Банк"),
        "bik": translate("ClientImport", "БИК"),
        "corr_account": translate("ClientImport", "Корр. счёт"),
        "settlement_account": translate("ClientImport", "Расчётный счёт"),
        "industry": translate("ClientImport", "Отрасль"),
        "region": translate("ClientImport", "Регион"),
        "segment": translate("ClientImport", "Сегмент"),
        "status": translate("ClientImport", "Статус"),
        "loyalty_tier": translate("ClientImport", "Лояльность"),
        "lead_source": translate("ClientImport", "Источник"),
        "responsible": translate("ClientImport", "Ответственный"),
        "tags": translate("ClientImport", "Метки"),
        "notes": translate("ClientImport", "Примечание"),
        "contact_name": translate("ClientImport", "Контактное лицо"),
        "contact_position": translate("ClientImport", "Должность"),
        "contact_phone": translate("ClientImport", "Телефон контакта"),
        "contact_email": translate("ClientImport", "E-mail контакта"),
    }.get(key, key)


# Header words, Russian and English, folded (lower case, ё→е, punctuation as spaces).
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("название", "наименование", "краткое наименование", "клиент", "компания",
             "организация", "контрагент", "name", "company", "client", "company name",
             "short name", "account name"),
    "full_name": ("полное наименование", "полное название", "full name", "legal name"),
    "kind": ("вид", "вид клиента", "тип клиента", "kind", "client type"),
    "legal_form": ("опф", "правовая форма", "организационно правовая форма", "legal form"),
    "inn": ("инн", "inn", "tax id", "taxpayer id"),
    "kpp": ("кпп", "kpp"),
    "ogrn": ("огрн", "огрнип", "огрн огрнип", "ogrn"),
    "legal_address": ("юридический адрес", "юр адрес", "адрес", "legal address", "address"),
    "postal_address": ("почтовый адрес", "фактический адрес", "postal address",
                       "mailing address"),
    "phone": ("телефон", "тел", "телефон компании", "phone", "telephone", "company phone"),
    "email": ("e mail", "email", "эл почта", "электронная почта", "почта", "mail"),
    "website": ("сайт", "веб сайт", "website", "web", "site", "url"),
    "bank_name": ("банк", "наименование банка", "bank", "bank name"),
    "bik": ("бик", "бик банка", "bik", "bic"),
    "corr_account": ("корр счет", "корр счёт", "к с", "кс", "корреспондентский счет",
                     "correspondent account"),
    "settlement_account": ("расчетный счет", "р с", "рс", "счет", "settlement account",
                           "bank account", "account number"),
    "industry": ("отрасль", "сфера", "industry", "sector"),
    "region": ("регион", "город", "region", "city"),
    "segment": ("сегмент", "segment"),
    "status": ("статус", "status", "stage"),
    "loyalty_tier": ("лояльность", "уровень лояльности", "loyalty", "loyalty tier"),
    "lead_source": ("источник", "канал", "источник лида", "source", "lead source", "channel"),
    "responsible": ("ответственный", "менеджер", "responsible", "manager", "owner"),
    "tags": ("метки", "теги", "тэги", "tags", "labels"),
    "notes": ("примечание", "примечания", "комментарий", "заметки", "notes", "comment",
              "comments", "description"),
    "contact_name": ("контактное лицо", "контакт", "фио", "фио контакта", "contact",
                     "contact name", "contact person"),
    "contact_position": ("должность", "должность контакта", "position", "job title", "title"),
    "contact_phone": ("телефон контакта", "мобильный", "моб телефон", "мобильный телефон",
                      "contact phone", "mobile", "mobile phone"),
    "contact_email": ("e mail контакта", "email контакта", "почта контакта",
                      "contact email", "contact e mail"),
}

_STATUS_WORDS = {
    "lead": ("lead", "лид", "потенциальный", "новый"),
    "active": ("active", "активный", "клиент", "действующий"),
    "lost": ("lost", "потерян", "потерянный", "отказ"),
    "churned": ("churned", "ушел", "ушёл", "ушедший"),
}
_KIND_WORDS = {
    "organization": ("organization", "организация", "юл", "юридическое лицо"),
    "entrepreneur": ("entrepreneur", "ип", "индивидуальный предприниматель"),
    "person": ("person", "физическое лицо", "фл", "физлицо"),
}


def _header_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text).replace("_", " ")))


def guess_mapping(headers: list[str],
                  synonyms: Mapping[str, tuple[str, ...]] | None = None) -> dict[int, str]:
    """Column index → field, guessed from the header text (each field used once).

    `synonyms` (field → header words) are a client list's unless given (a competitor's
    price list brings its own, market.competitors.PRICE_LIST_SYNONYMS)."""
    synonyms = _SYNONYMS if synonyms is None else synonyms
    mapping: dict[int, str] = {}
    used: set[str] = set()
    keys = [_header_key(h) for h in headers]
    exact = {_header_key(s): f for f, syns in synonyms.items() for s in syns}
    for i, key in enumerate(keys):
        f = exact.get(key) or exact.get(_header_key(key.replace("ё", "е")))
        if f and f not in used:
            mapping[i] = f
            used.add(f)
    # then headers that contain a synonym as whole words ("ИНН клиента", "Phone (work)")
    by_length = sorted(((_header_key(s), f) for f, syns in synonyms.items() for s in syns),
                       key=lambda p: -len(p[0]))
    for i, key in enumerate(keys):
        if i in mapping or not key:
            continue
        padded = f" {key} "
        for syn, f in by_length:
            if f not in used and f" {syn} " in padded:
                mapping[i] = f
                used.add(f)
                break
    return mapping


# --- reading files ----------------------------------------------------------------------


@dataclass(frozen=True)
class SourceTable:
    headers: list[str]
    rows: list[list[str]]
    lines: list[int]  # the file line (CSV) or sheet row (XLSX) each row starts at
    description: str  # "CSV, cp1251, «;»" — shown in the preview


@dataclass(frozen=True)
class SourceRows:
    """A file being read: its headers, then its non-empty rows one at a time.

    `rows` yields (line, cells): the file line (CSV) or sheet row (XLSX) a row starts at.
    `progress()` says how far reading has got as (done, total) in the file's own units
    (bytes of a CSV, rows of a sheet). Reading errors surface as ServiceError from `rows`.
    """

    headers: list[str]
    description: str
    rows: Iterator[tuple[int, list[str]]]
    progress: Callable[[], tuple[int, int]]


def _checked_path(path: Path) -> Path:
    path = Path(path)
    if not path.exists():
        raise ServiceError(translate("ClientImport", "{path}: файл не найден").format(path=path))
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ServiceError(translate("ClientImport", "{path}: файл больше {mb} МБ").format(
            path=path, mb=MAX_FILE_BYTES // (1024 * 1024)))
    if path.suffix.lower() not in (".xlsx", ".xlsm", ".csv", ".txt", ".tsv"):
        raise ServiceError(translate(
            "ClientImport", "{path}: загружаются только файлы CSV и XLSX").format(path=path))
    return path


@contextmanager
def open_source(path: Path) -> Iterator[SourceRows]:
    """The file's rows as they are read (memory does not grow with the file)."""
    path = _checked_path(path)
    opener = _xlsx_source if path.suffix.lower() in (".xlsx", ".xlsm") else _csv_source
    with opener(path) as source:
        yield replace(source, rows=_at_most_max_rows(source.rows, path))


def read_table(path: Path, *, limit: int | None = None) -> SourceTable:
    """The whole table in memory (or its first `limit` rows): for a preview."""
    rows: list[list[str]] = []
    lines: list[int] = []
    with open_source(path) as source:
        for line, cells in source.rows:
            if limit is not None and len(rows) >= limit:
                break
            rows.append(cells)
            lines.append(line)
    return SourceTable(source.headers, rows, lines, source.description)


def count_rows(path: Path) -> int:
    """How many non-empty rows the file has (read through once, not kept)."""
    with open_source(path) as source:
        return sum(1 for _ in source.rows)


def _at_most_max_rows(rows: Iterator[tuple[int, list[str]]],
                      path: Path) -> Iterator[tuple[int, list[str]]]:
    for n, row in enumerate(rows, start=1):
        if n > MAX_ROWS:
            raise ServiceError(translate("ClientImport", "{path}: больше {n} строк").format(
                path=path, n=MAX_ROWS))
        yield row


# --- CSV: encoding --------------------------------------------------------------------------


@dataclass(frozen=True)
class TextEncoding:
    codec: str  # how to decode what follows the BOM
    bom: bytes
    label: str  # shown in the preview and in messages

    @property
    def stream_codec(self) -> str:
        """The codec that reads the file from its first byte (it skips the BOM)."""
        if not self.bom:
            return self.codec
        return {"utf-8": "utf-8-sig", "utf-16-le": "utf-16", "utf-16-be": "utf-16",
                "utf-32-le": "utf-32", "utf-32-be": "utf-32"}[self.codec]


# UTF-32 LE's BOM starts with UTF-16 LE's, so it is looked for first
_BOMS = (
    TextEncoding("utf-8", codecs.BOM_UTF8, "UTF-8 BOM"),
    TextEncoding("utf-32-le", codecs.BOM_UTF32_LE, "UTF-32 LE"),
    TextEncoding("utf-32-be", codecs.BOM_UTF32_BE, "UTF-32 BE"),
    TextEncoding("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16 LE"),
    TextEncoding("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16 BE"),
)
_UTF8 = TextEncoding("utf-8", b"", "UTF-8")
_CP1251 = TextEncoding("cp1251", b"", "cp1251")
_CHUNK = 64 * 1024  # detect_encoding reads this much at a time


def _undecodable_line(path: Path, encoding: TextEncoding) -> int | None:
    """The first line that does not decode in the encoding, or None (read in chunks)."""
    decoder = codecs.getincrementaldecoder(encoding.codec)(errors="strict")
    line = 1
    with path.open("rb") as fh:
        fh.seek(len(encoding.bom))
        while True:
            chunk = fh.read(_CHUNK)
            try:
                line += decoder.decode(chunk, final=not chunk).count("\n")
            except UnicodeDecodeError as exc:
                good = exc.object[:exc.start]
                return line + good.decode(encoding.codec, errors="replace").count("\n")
            if not chunk:
                return None


def detect_encoding(path: Path) -> TextEncoding:
    """The file's encoding: the one its BOM names (UTF-8, UTF-16, UTF-32), else UTF-8 if the
    whole file decodes as UTF-8, else Windows-1251 (Excel's CSV in Russia).

    A file that does not decode in the encoding chosen is refused with a message about the
    encoding, before any row is read.
    """
    path = Path(path)
    with path.open("rb") as fh:
        head = fh.read(4)
    for encoding in _BOMS:
        if head.startswith(encoding.bom):
            line = _undecodable_line(path, encoding)
            if line is not None:
                raise ServiceError(translate(
                    "ClientImport", "{path}: неверная кодировка: в начале файла метка {enc}, "
                                    "но строка {line} в этой кодировке не читается — файл "
                                    "повреждён или сохранён не в той кодировке").format(
                    path=path, enc=encoding.label, line=line))
            return encoding
    utf8_line = _undecodable_line(path, _UTF8)
    if utf8_line is None:
        return _UTF8
    cp1251_line = _undecodable_line(path, _CP1251)
    if cp1251_line is None:
        return _CP1251
    raise ServiceError(translate(
        "ClientImport", "{path}: неизвестная кодировка: файл не читается ни как UTF-8 "
                        "(строка {utf8}), ни как Windows-1251 (строка {cp1251}). Сохраните "
                        "его в UTF-8 (в Excel: «CSV UTF-8»)").format(
        path=path, utf8=utf8_line, cp1251=cp1251_line))


# --- CSV: rows ------------------------------------------------------------------------------


_DELIMITER_NAMES = {";": "«;»", ",": "«,»"}


def _delimiter_name(delimiter: str) -> str:
    return _DELIMITER_NAMES.get(delimiter) or translate("ClientImport", "табуляция")


@contextmanager
def _csv_source(path: Path) -> Iterator[SourceRows]:
    encoding = detect_encoding(path)
    size = path.stat().st_size
    with path.open("rb") as raw, \
            io.TextIOWrapper(raw, encoding=encoding.stream_codec, errors="strict",
                             newline="") as text:
        first_line = text.readline()
        if "\x00" in first_line:
            # valid UTF-8 and cp1251 both, yet NUL bytes among the headers: UTF-16 without
            # its BOM (or not a text file at all) — nothing to guess from
            raise ServiceError(translate(
                "ClientImport", "{path}: неизвестная кодировка: в строке заголовков нулевые "
                                "байты — похоже на UTF-16 без метки BOM или не текстовый файл. "
                                "Сохраните его в UTF-8 (в Excel: «CSV UTF-8»)").format(path=path))
        counts = {d: first_line.count(d) for d in (";", ",", "\t")}
        delimiter = max(counts, key=lambda d: counts[d])
        if counts[delimiter] == 0:
            delimiter = ";"
        records = _csv_records(path, itertools.chain([first_line], text), delimiter)
        headers: list[str] | None = None
        for _line, record in records:
            headers = [h.strip() for h in record][:MAX_COLUMNS]
            break
        if not headers or not any(headers):
            raise ServiceError(translate("ClientImport", "{path}: в файле нет строки заголовков")
                               .format(path=path))
        rows = ((line, record[:MAX_COLUMNS]) for line, record in records
                if any(cell.strip() for cell in record))
        yield SourceRows(headers, f"CSV, {encoding.label}, {_delimiter_name(delimiter)}", rows,
                         lambda: (raw.tell(), size))


class _LineFeed:
    """The file's lines for csv.reader, keeping those of the record being read: where a
    broken quote opened is found in them (never more than one record's lines)."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self.record: list[str] = []
        self.exhausted = False

    def __iter__(self) -> _LineFeed:
        return self

    def __next__(self) -> str:
        try:
            line = next(self._lines)
        except StopIteration:
            self.exhausted = True
            raise
        self.record.append(line)
        return line


def _csv_records(path: Path, lines: Iterator[str],
                 delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) of every record, the header and blank lines included.

    Strict quoting: csv's default reads an unclosed quote as a field running to the end of
    the file (several clients merged into one note) and `"a"b` as `ab`; here both refuse the
    file with the line the quote opens on.
    """
    feed = _LineFeed(lines)
    reader = csv.reader(feed, delimiter=delimiter, quotechar='"', doublequote=True, strict=True)
    start = 1
    while True:
        feed.record.clear()
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _quoting_error(path, exc, feed, start, reader.line_num, delimiter) from None
        except UnicodeDecodeError:  # detect_encoding read the whole file; changed since?
            raise ServiceError(translate(
                "ClientImport", "{path}, строка {line}: неверная кодировка").format(
                path=path, line=reader.line_num + 1)) from None
        yield start, record
        start = reader.line_num + 1


def _open_quote(lines: list[str], first_line: int,
                delimiter: str) -> tuple[int | None, int | None]:
    """Where the last quoted field of a record's lines opened, and the line of a character
    after its closing quote that is not a delimiter or a line end (None where there is none).

    The same states as csv's parser; the record's last field opened at the first value and
    is still open when the second is None and it is not.
    """
    opened: int | None = None
    state = "start"  # start of a field / unquoted / in quotes / quote seen in quotes
    for line, chars in enumerate(lines, start=first_line):
        for ch in chars:
            if state == "quoted":
                if ch == '"':
                    state = "quote"
            elif state == "quote":
                if ch == '"':
                    state = "quoted"  # a doubled quote
                elif ch == delimiter or ch in "\r\n":
                    state, opened = "start", None
                else:
                    return opened, line
            elif ch == delimiter or ch in "\r\n":
                state = "start"
            elif state == "start" and ch == '"':
                state, opened = "quoted", line
            else:
                state = "unquoted"
    return (opened if state == "quoted" else None), None


def _quoting_error(path: Path, exc: csv.Error, feed: _LineFeed, start: int, line_num: int,
                   delimiter: str) -> ServiceError:
    opened, stray = _open_quote(feed.record, start, delimiter)
    if stray is not None and opened is not None and opened < stray:
        return ServiceError(translate(
            "ClientImport", "{path}, строка {line}: кавычка не закрыта — поле в кавычках "
                            "захватило следующие строки до строки {end}").format(
            path=path, line=opened, end=stray))
    if stray is not None:
        return ServiceError(translate(
            "ClientImport", "{path}, строка {line}: после закрывающей кавычки ожидается {d} "
                            "или конец строки; кавычку внутри поля в кавычках пишут "
                            "дважды (\"\")").format(
            path=path, line=stray, d=_delimiter_name(delimiter)))
    if opened is not None and feed.exhausted:
        return ServiceError(translate(
            "ClientImport", "{path}, строка {line}: кавычка не закрыта — поле в кавычках "
                            "продолжается до конца файла").format(path=path, line=opened))
    if opened is not None:  # csv's field size limit, reached inside the quotes
        return ServiceError(translate(
            "ClientImport", "{path}, строка {line}: кавычка не закрыта — поле в кавычках "
                            "длиннее {n} знаков").format(
            path=path, line=opened, n=csv.field_size_limit()))
    return ServiceError(translate("ClientImport", "{path}, строка {line}: {e}").format(
        path=path, line=line_num, e=exc))


# --- XLSX -----------------------------------------------------------------------------------


def check_zip_safety(path: Path) -> None:
    """Refuse an XLSX whose declared unpacked size or compression ratio is a bomb's."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise ServiceError(translate(
            "ClientImport", "{path}: это не файл XLSX (не читается как zip: {e})").format(
            path=path, e=exc)) from None
    if len(infos) > MAX_XLSX_MEMBERS:
        raise ServiceError(translate("ClientImport", "{path}: слишком много частей в файле XLSX "
                                                     "({n}) — файл отклонён").format(
            path=path, n=len(infos)))
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and ratio > MAX_XLSX_MEMBER_RATIO:
            raise ServiceError(translate(
                "ClientImport", "{path}: часть {name} сжата в {r:.0f} раз — похоже на "
                                "zip-бомбу, файл отклонён").format(
                path=path, name=info.filename, r=ratio))
    if total > MAX_XLSX_UNPACKED:
        raise ServiceError(translate(
            "ClientImport", "{path}: в распакованном виде файл занял бы {mb} МБ — файл "
                            "отклонён").format(path=path, mb=total // (1024 * 1024)))


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() \
            else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@contextmanager
def _xlsx_source(path: Path) -> Iterator[SourceRows]:
    check_zip_safety(path)
    import openpyxl  # heavy; uses defusedxml when it is installed (it is a dependency)

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise ServiceError(translate("ClientImport", "{path}: файл XLSX повреждён ({e})").format(
            path=path, e=exc)) from None
    try:
        ws = wb.worksheets[0] if wb.worksheets else None
        if ws is None:
            raise ServiceError(translate("ClientImport", "{path}: в книге нет листов").format(
                path=path))
        sheet_rows = _xlsx_rows(path, ws.iter_rows(values_only=True, max_col=MAX_COLUMNS))
        headers: list[str] | None = None
        for _n, cells in sheet_rows:
            if any(c.strip() for c in cells):
                headers = [c.strip() for c in cells]
                break
        if not headers:
            raise ServiceError(translate("ClientImport", "{path}: лист пуст").format(path=path))
        done = [0]

        def rows() -> Iterator[tuple[int, list[str]]]:
            for n, cells in sheet_rows:
                done[0] = n
                if any(c.strip() for c in cells):
                    yield n, cells

        yield SourceRows(headers, "XLSX", rows(),
                         lambda: (done[0], max(done[0], ws.max_row or 0)))
    finally:
        wb.close()


def _xlsx_rows(path: Path, values: Iterator[tuple[object, ...]]) -> Iterator[tuple[int, list[str]]]:
    """(sheet row, cell texts); a sheet that breaks off mid-way is a ServiceError."""
    n = 0
    while True:
        n += 1
        try:
            row = next(values)
        except StopIteration:
            return
        except Exception as exc:  # openpyxl reads the sheet lazily: a broken part shows here
            raise ServiceError(translate(
                "ClientImport", "{path}: файл XLSX повреждён (строка {n}: {e})").format(
                path=path, n=n, e=exc)) from None
        yield n, [_cell_text(v) for v in row]


# --- turning rows into clients ------------------------------------------------------------


@dataclass(frozen=True)
class RowProblem:
    line: int
    message: str
    name: str = ""


@dataclass(frozen=True)
class ImportReport:
    imported: int = 0
    updated: int = 0
    skipped: int = 0
    rejected: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    skipped_rows: list[RowProblem] = field(default_factory=list)
    committed: bool = False
    near_duplicates: int = 0  # of the skipped: like a client of the base or an earlier row
    dry_run: bool = False
    near_in_file: int = 0  # of those: like an earlier row of the file (not by ИНН)

    @property
    def ok(self) -> bool:
        return self.rejected == 0


@dataclass(frozen=True)
class ImportPreview:
    table: SourceTable
    mapping: dict[int, str]


def _strip_neutraliser(value: str) -> str:
    """Undo the export's formula-injection guard ("'=…" → "=…")."""
    if len(value) > 1 and value[0] == "'" and value[1] in "=+-@\t\r":
        return value[1:]
    return value


def _pick(words: Mapping[str, tuple[str, ...]], value: str, default: str) -> str | None:
    key = fold(value.strip())
    if not key:
        return default
    for code, options in words.items():
        if key in options:
            return code
    return None


_NOT_DIGITS = re.compile(r"\D")
_TAG_SEPARATORS = re.compile(r"[,;]")


def row_to_draft(values: dict[str, str]) -> tuple[ClientDraft, dict[str, str]]:
    """A draft from one row's mapped values, plus errors the draft cannot carry."""
    errors: dict[str, str] = {}
    v = {k: _strip_neutraliser(str(val or "")).strip() for k, val in values.items()}
    status = _pick(_STATUS_WORDS, v.get("status", ""), "lead")
    if status is None:
        errors["status"] = translate("ClientImport", "неизвестный статус «{s}»").format(
            s=v["status"])
        status = "lead"
    inn_digits = _NOT_DIGITS.sub("", v.get("inn", ""))
    default_kind = "entrepreneur" if (len(inn_digits) == 12
                                      or fold(v.get("legal_form", "")) == "ип") \
        else "organization"
    kind = _pick(_KIND_WORDS, v.get("kind", ""), default_kind)
    if kind is None:
        errors["kind"] = translate("ClientImport", "неизвестный вид клиента «{s}»").format(
            s=v["kind"])
        kind = default_kind
    tags = tuple(t.strip() for t in _TAG_SEPARATORS.split(v.get("tags", "")) if t.strip())
    contacts: tuple[ContactDraft, ...] = ()
    if any(v.get(k) for k in CONTACT_FIELDS):
        contacts = (ContactDraft(name=v.get("contact_name", ""),
                                 position=v.get("contact_position", ""),
                                 phone=v.get("contact_phone", ""),
                                 email=v.get("contact_email", ""), is_primary=True),)
    plain: dict[str, Any] = {k: v.get(k, "") for k in CLIENT_FIELDS
                             if k not in ("kind", "status", "tags")}
    draft = ClientDraft(**plain, kind=kind, status=status, tags=tags, contacts=contacts)
    return draft, errors


def _message(errors: dict[str, str]) -> str:
    parts = []
    for key, msg in errors.items():
        if key.startswith("contacts."):
            key = "contact_" + key.rsplit(".", 1)[-1]
        parts.append(f"{field_label(key)}: {msg}")
    return "; ".join(parts)


# C0 and C1 control characters except tab, line feed and carriage return are never stored: a
# NUL cuts the text short in other programs and the rest are invisible. Tab and line breaks
# stay in the multi-line fields; validate_draft turns them into spaces in the others.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _control_char_errors(values: Mapping[str, str]) -> dict[str, str]:
    errors: dict[str, str] = {}
    for key, value in values.items():
        found = _CONTROL_CHARS.search(value)
        if found:
            errors[key] = translate(
                "ClientImport", "недопустимый управляющий символ U+{code:04X} (знак {pos})"
            ).format(code=ord(found.group()), pos=found.start() + 1)
    return errors


def _shown(text: str) -> str:
    """A value as a report may show it: control characters replaced."""
    return _CONTROL_CHARS.sub("\N{REPLACEMENT CHARACTER}", text)


@dataclass
class _CheckedRow:
    line: int
    name: str
    draft: ClientDraft
    errors: dict[str, str]


def _check_row(line: int, values: dict[str, str]) -> _CheckedRow:
    draft, errors = row_to_draft(values)
    try:
        draft = validate_draft(draft)
    except ValidationError as exc:
        errors = {**exc.errors, **errors}
    errors.update(_control_char_errors(values))
    return _CheckedRow(line, values.get("name", ""), draft, errors)


@dataclass
class _Tally:
    """What an import has found so far; the lists stop at MAX_LISTED_ROWS, the counts not."""

    strict: bool
    imported: int = 0
    updated: int = 0
    skipped: int = 0
    rejected: int = 0
    near: int = 0  # of the skipped: like a client or an earlier row by name, phone or e-mail
    near_in_file: int = 0  # of those: like an earlier row of the file
    problems: list[RowProblem] = field(default_factory=list)
    skipped_rows: list[RowProblem] = field(default_factory=list)

    def reject(self, problem: RowProblem) -> None:
        self.rejected += 1
        if len(self.problems) < MAX_LISTED_ROWS:
            self.problems.append(problem)

    def skip(self, problem: RowProblem) -> None:
        self.skipped += 1
        if len(self.skipped_rows) < MAX_LISTED_ROWS:
            self.skipped_rows.append(problem)


class _SeenInns:
    """The ИНН met so far in the file and their lines, in a temporary table of the import's
    own transaction: a file has up to MAX_ROWS rows, and they are not kept in memory."""

    def __init__(self, s: Session) -> None:
        self._s = s
        self._pending: list[dict[str, object]] = []
        s.execute(text("CREATE TEMP TABLE IF NOT EXISTS import_seen_inn "
                       "(inn TEXT PRIMARY KEY, line INTEGER NOT NULL)"))
        s.execute(text("DELETE FROM temp.import_seen_inn"))

    def lines(self, inns: list[str]) -> dict[str, int]:
        if not inns:
            return {}
        query = text("SELECT inn, line FROM temp.import_seen_inn WHERE inn IN :inns") \
            .bindparams(bindparam("inns", expanding=True))
        return {inn: line for inn, line in self._s.execute(query, {"inns": inns})}

    def add(self, inn: str, line: int) -> None:
        self._pending.append({"inn": inn, "line": line})

    def flush(self) -> None:
        if self._pending:
            self._s.execute(text("INSERT INTO temp.import_seen_inn (inn, line) "
                                 "VALUES (:inn, :line)"), self._pending)
            self._pending = []

    def drop(self) -> None:
        self._s.execute(text("DROP TABLE temp.import_seen_inn"))


def _near_keys(draft: ClientDraft) -> list[tuple[str, str]]:
    """(what, key) a row is compared by with clients and earlier rows: its name key, then
    its and its contact's phones and e-mails (matching.name_key, phone_key, email_key);
    empty ones left out, so that a row without a phone is like no other row without one."""
    keys = [("name", name_key(draft.name))]
    keys += [("phone", phone_key(p)) for p in [draft.phone, *(c.phone for c in draft.contacts)]]
    keys += [("email", email_key(e)) for e in [draft.email, *(c.email for c in draft.contacts)]]
    return [(what, key) for what, key in keys if key]


def _why(what: str) -> str:
    """The report's word for what a row has in common with a client or an earlier row."""
    if what == "name":
        return translate("ClientImport", "то же название")
    if what == "phone":
        return translate("ClientImport", "тот же телефон")
    return translate("ClientImport", "тот же e-mail")


KEYS_PER_QUERY = 500  # bound parameters per SELECT of a batch's keys


def _rows_of_keys(raw: Any, columns: str, table: str, keys: list[int]) -> Iterator[Any]:
    """The rows of a temporary key table (`key` first) for a batch's hashed keys, each
    chunk's in the order they were written."""
    wanted = sorted(set(keys))
    for i in range(0, len(wanted), KEYS_PER_QUERY):
        chunk = wanted[i:i + KEYS_PER_QUERY]
        yield from raw.execute(f"SELECT key, {columns} FROM temp.{table} WHERE key IN "
                               f"({','.join('?' * len(chunk))}) ORDER BY rowid", chunk)


class _NearMatches:
    """Existing clients by name key, e-mail and phone (`_near_keys`, as the card's duplicate
    check compares them, `ClientDuplicates.find_duplicates`), for a whole file.

    Kept as `_SeenNearKeys` keeps the file's own keys: 64-bit hashes of the keys (the same
    `_SeenNearKeys.hashed`) with their client and its ИНН in a temporary table of the
    import's transaction, filled in one pass over clients and contacts when the first batch
    needs them (a chunk of rows at a time, through the DB-API cursor), then read a batch at
    a time (`load`). On the large base (100,000 clients, 200,000 contacts: 600,000 keys)
    dictionaries of the keys grew the process by 150 MB (built in 2.0 s); the table, in
    SQLite's temporary file, by 10 MB (2.4 s). What the base held when the import began:
    its own new clients are the file's rows (`_SeenNearKeys`).
    """

    _CHUNK = 5000  # rows of the base normalised at a time

    def __init__(self, s: Session) -> None:
        raw = s.connection().connection.driver_connection
        if raw is None:  # only a pooled connection that was closed has none
            raise RuntimeError("the database connection has no DB-API connection")
        self._raw = raw
        self._built = False
        self._known: dict[int, tuple[int, str]] = {}  # this batch's keys → (client, ИНН)
        # a heap in the order the keys are met, indexed once filled: as an INTEGER PRIMARY
        # KEY the hashes went in in random order, and the build took twice as long
        raw.execute("CREATE TEMP TABLE IF NOT EXISTS import_base_key (key INTEGER NOT NULL, "
                    "client_id INTEGER NOT NULL, inn TEXT NOT NULL)")
        raw.execute("DELETE FROM temp.import_base_key")

    def _build(self) -> None:
        """The keys of every client, then of every contact person of a client (a key met
        twice keeps its first client: `load`)."""
        self._built = True
        clients = self._raw.execute("SELECT id, name, email, phone, inn FROM clients "
                                    "ORDER BY id")
        while chunk := clients.fetchmany(self._CHUNK):
            self._insert((cid, inn or "", [("name", name_key(name or "")),
                                           ("email", email_key(email or "")),
                                           ("phone", phone_key(phone or ""))])
                         for cid, name, email, phone, inn in chunk)
        contacts = self._raw.execute(
            "SELECT c.client_id, c.email, c.phone, c.phone2, k.inn FROM contacts c "
            "JOIN clients k ON k.id = c.client_id ORDER BY c.client_id")  # not an orphan's
        while chunk := contacts.fetchmany(self._CHUNK):
            self._insert((cid, inn or "", [("email", email_key(email or "")),
                                           ("phone", phone_key(phone or "")),
                                           ("phone", phone_key(phone2 or ""))])
                         for cid, email, phone, phone2, inn in chunk)
        self._raw.execute("CREATE INDEX temp.import_base_key_key ON import_base_key (key)")

    def _insert(self, rows: Iterator[tuple[int, str, list[tuple[str, str]]]]) -> None:
        self._raw.executemany(
            "INSERT INTO temp.import_base_key (key, client_id, inn) VALUES (?, ?, ?)",
            [(key, cid, inn) for cid, inn, keys in rows
             for _what, key in _SeenNearKeys.hashed([k for k in keys if k[1]])])

    def load(self, keys: list[int]) -> None:
        """Read the base's clients for a batch's keys (hashed) before its rows are compared."""
        if not self._built:
            self._build()
        self._known = {}
        for key, client_id, inn in _rows_of_keys(self._raw, "client_id, inn",
                                                 "import_base_key", keys):
            self._known.setdefault(key, (client_id, inn))  # the first met

    def find(self, draft: ClientDraft,
             keys: list[tuple[str, int]]) -> tuple[int, str, str] | None:
        """(the existing client, why, its ИНН) for a row like one, else None; `keys` are the
        row's hashed `_near_keys`. Two different ИНН are two different companies, however
        alike their names."""
        for what, key in keys:
            hit = self._known.get(key)
            if hit is not None and not _other_company(draft.inn, hit[1]):
                return hit[0], _why(what), hit[1]
        return None

    def drop(self) -> None:
        self._raw.execute("DROP TABLE temp.import_base_key")


def _other_company(inn: str, other_inn: str) -> bool:
    """Two different ИНН are two different companies, however alike their names."""
    return bool(inn) and bool(other_inn) and inn != other_inn


class _EarlierRow(NamedTuple):
    """A row met earlier in the file: its line, the client it became, was merged into or was
    skipped for, and that client's ИНН as far as the file has told it."""

    line: int
    client_id: int
    inn: str


class _SeenNearKeys:
    """The name keys, phones and e-mails (`_near_keys`) met so far in the file, each with
    the first row that had it, for rows like an earlier row of the same file.

    Kept as _SeenInns keeps the ИНН: in a temporary table of the import's own transaction,
    not in memory — a file of MAX_ROWS rows has up to a million keys, and a dictionary of
    them would take about 100 MB. A key is stored as a 64-bit hash of the normalised text
    (an INTEGER PRIMARY KEY, the table's rowid), in SQLite's temporary file (about 25 MB
    for a million keys) and its bounded page cache: an import of 200,000 rows with five
    keys each peaked 2 MB higher than one that compares nothing (83 MB against 81 MB). The
    chance that two of a million keys share a hash is about 3·10⁻⁸. `load` reads
    the keys of a batch before its rows are compared; a row's keys then go into the batch's
    dictionary at once (a later row of the same batch finds them) and into the table at
    `flush`. Plain DB-API statements: SQLAlchemy's parameter handling cost four times
    SQLite's own work here (a million rows).
    """

    def __init__(self, s: Session) -> None:
        raw = s.connection().connection.driver_connection
        if raw is None:  # only a pooled connection that was closed has none
            raise RuntimeError("the database connection has no DB-API connection")
        self._raw = raw
        self._known: dict[int, _EarlierRow] = {}
        self._pending: list[tuple[int, int, int, str]] = []
        raw.execute("CREATE TEMP TABLE IF NOT EXISTS import_seen_key (key INTEGER PRIMARY "
                    "KEY, line INTEGER NOT NULL, client_id INTEGER NOT NULL, "
                    "inn TEXT NOT NULL)")
        raw.execute("DELETE FROM temp.import_seen_key")

    @staticmethod
    def hashed(keys: list[tuple[str, str]]) -> list[tuple[str, int]]:
        # hash() of a str is SipHash with a key random per process: stable for the import,
        # and an untrusted file cannot be made to collide on purpose
        return [(what, hash(f"{what}\x1f{key}")) for what, key in keys]

    def load(self, keys: list[int]) -> None:
        self._known = {key: _EarlierRow(line, client_id, inn) for key, line, client_id, inn
                       in _rows_of_keys(self._raw, "line, client_id, inn", "import_seen_key",
                                        keys)}

    def find(self, inn: str, keys: list[tuple[str, int]]) -> tuple[_EarlierRow, str] | None:
        """(the first earlier row like this one, why), else None."""
        for what, key in keys:
            earlier = self._known.get(key)
            if earlier is not None and not _other_company(inn, earlier.inn):
                return earlier, _why(what)
        return None

    def add(self, keys: list[tuple[str, int]], line: int, client_id: int, inn: str) -> None:
        row = _EarlierRow(line, client_id, inn)
        for _what, key in keys:
            if key not in self._known:
                self._known[key] = row
                self._pending.append((key, line, client_id, inn))

    def flush(self) -> None:
        if self._pending:
            self._pending.sort()  # in key order: each page of the table is visited once
            self._raw.executemany("INSERT INTO temp.import_seen_key (key, line, client_id, inn) "
                                  "VALUES (?, ?, ?, ?)", self._pending)
            self._pending = []
        self._known = {}

    def drop(self) -> None:
        self._raw.execute("DROP TABLE temp.import_seen_key")


class ClientImportService:
    def __init__(self, *, uow_factory: UowFactory) -> None:
        self._uow = uow_factory

    def preview(self, path: Path) -> ImportPreview:
        table = read_table(path)
        return ImportPreview(table=table, mapping=guess_mapping(table.headers))

    def import_file(self, path: Path, mapping: dict[int, str] | None = None, *,
                    skip_invalid: bool = False, update_duplicates: bool = False,
                    near_duplicates: str = "skip",
                    dry_run: bool = False, campaign_id: int | None = None,
                    progress: Callable[[int, int], None] | None = None) -> ImportReport:
        """Import a file as it is read (memory does not grow with the file); as
        `import_table` otherwise. `progress(done, total)` gets the bytes (CSV) or sheet rows
        (XLSX) read so far."""
        with open_source(path) as source:
            return self._import_rows(
                source.headers, source.rows, mapping, skip_invalid=skip_invalid,
                update_duplicates=update_duplicates, near_duplicates=near_duplicates,
                dry_run=dry_run, campaign_id=campaign_id,
                progress=(lambda: progress(*source.progress())) if progress else None)

    def import_table(self, table: SourceTable, mapping: dict[int, str] | None = None, *,
                     skip_invalid: bool = False, update_duplicates: bool = False,
                     near_duplicates: str = "skip",
                     dry_run: bool = False, campaign_id: int | None = None,
                     progress: Callable[[int, int], None] | None = None) -> ImportReport:
        """Validate every row and write the valid ones in one transaction, unless strict and
        something is wrong: then nothing is written. Rows whose ИНН is already in the base are
        skipped, or update that client with `update_duplicates`. A row like an existing client
        or an earlier row of the file by name, phone or e-mail (not ИНН) is skipped and
        listed, updates that client (or the one the earlier row went to), or is imported
        anyway, as `near_duplicates` says (NEAR_DUPLICATE_CHOICES). A check (`dry_run`) counts
        what the valid rows would do, then rolls back. `progress(done, total)` gets rows.
        `campaign_id`: every imported client belongs to that campaign (a prospect list from
        an exhibition); an updated client gets it only if it has none."""
        rows = iter(zip(table.lines, table.rows, strict=True))
        total = len(table.rows)
        done = [0]

        def counted() -> Iterator[tuple[int, list[str]]]:
            for row in rows:
                done[0] += 1
                yield row

        return self._import_rows(
            table.headers, counted(), mapping, skip_invalid=skip_invalid,
            update_duplicates=update_duplicates, near_duplicates=near_duplicates,
            dry_run=dry_run, campaign_id=campaign_id,
            progress=(lambda: progress(done[0], total)) if progress else None)

    def _import_rows(self, headers: list[str], rows: Iterator[tuple[int, list[str]]],
                     mapping: dict[int, str] | None, *, skip_invalid: bool,
                     update_duplicates: bool, near_duplicates: str, dry_run: bool,
                     campaign_id: int | None = None,
                     progress: Callable[[], None] | None) -> ImportReport:
        """Rows are checked and written BATCH_ROWS at a time inside one transaction, so a
        file of any length costs the memory of one batch; the commit comes after the last."""
        mapping = guess_mapping(headers) if mapping is None else dict(mapping)
        unknown = set(mapping.values()) - set(IMPORT_FIELDS)
        if unknown:
            raise ServiceError(translate("ClientImport", "Неизвестные поля: {f}").format(
                f=", ".join(sorted(unknown))))
        if "name" not in mapping.values():
            raise ValidationError.single("mapping", translate(
                "ClientImport", "Укажите, в какой колонке название клиента"))
        if near_duplicates not in NEAR_DUPLICATE_CHOICES:
            raise ValidationError.single("near_duplicates", translate(
                "ClientImport", "Неизвестный выбор для похожих клиентов: {c}").format(
                c=near_duplicates))
        tally = _Tally(strict=not skip_invalid and not dry_run)
        with self._uow() as uow:
            s = uow.session
            if campaign_id is not None and s.get(Campaign, campaign_id) is None:
                raise ValidationError.single("campaign", translate(
                    "ClientImport", "Кампания не найдена"))
            seen = _SeenInns(s)
            # "import" compares no row with the base or the file: nothing to look up
            near = _NearMatches(s) if near_duplicates != "import" else None
            seen_keys = _SeenNearKeys(s) if near_duplicates != "import" else None
            batch: list[_CheckedRow] = []
            for n, (line, row) in enumerate(rows):
                values = {f: (row[i] if i < len(row) else "") for i, f in mapping.items()}
                batch.append(_check_row(line, values))
                if len(batch) == BATCH_ROWS:
                    self._write_batch(s, batch, seen, tally, update_duplicates, campaign_id,
                                      near, near_duplicates, seen_keys)
                    batch = []
                if progress and n % 500 == 0:
                    progress()
            self._write_batch(s, batch, seen, tally, update_duplicates, campaign_id, near,
                              near_duplicates, seen_keys)
            seen.drop()
            if seen_keys is not None:
                seen_keys.drop()
            if near is not None:
                near.drop()
            if tally.strict and tally.rejected:
                return ImportReport(rejected=tally.rejected, problems=tally.problems)
            if not dry_run:
                uow.commit()
        return ImportReport(imported=tally.imported, updated=tally.updated,
                            skipped=tally.skipped, rejected=tally.rejected,
                            problems=tally.problems, skipped_rows=tally.skipped_rows,
                            committed=not dry_run, dry_run=dry_run,
                            near_duplicates=tally.near, near_in_file=tally.near_in_file)

    def _write_batch(self, s: Session, batch: list[_CheckedRow], seen: _SeenInns,
                     tally: _Tally, update_duplicates: bool,
                     campaign_id: int | None = None, near: _NearMatches | None = None,
                     near_duplicates: str = "skip",
                     seen_keys: _SeenNearKeys | None = None) -> None:
        """Report the batch's bad rows; write the others unless a strict import already
        failed. An ИНН met earlier in the file (in this batch or before) rejects the row.

        A valid row, in this order: its ИНН is a client's → skipped or updates it
        (`update_duplicates`); like a client of the base by name, phone or e-mail → as
        `near_duplicates` says; like an earlier row of the file (`seen_keys`) → the same
        choice, "update" filling in the client that row became, was merged into or was
        skipped for; else a new client. Every valid row's keys are remembered with the
        client it went to, so a later row finds it."""
        if not batch:
            return
        earlier = seen.lines([r.draft.inn for r in batch if not r.errors and r.draft.inn])
        for r in batch:
            if not r.errors and r.draft.inn:
                if r.draft.inn in earlier:
                    r.errors["inn"] = translate(
                        "ClientImport", "этот ИНН уже был в строке {n}").format(
                        n=earlier[r.draft.inn])
                else:
                    earlier[r.draft.inn] = r.line
                    seen.add(r.draft.inn, r.line)
            if r.errors:
                tally.reject(RowProblem(r.line, _message(r.errors), _shown(r.name)))
        seen.flush()
        if tally.strict and tally.rejected:
            return  # nothing will be committed: no need to write
        valid = [r for r in batch if not r.errors]
        existing: dict[str, int] = {}
        inns = [r.draft.inn for r in valid if r.draft.inn]
        if inns:
            for cid, inn in s.execute(select(Client.id, Client.inn)
                                      .where(Client.inn.in_(inns)).order_by(Client.id)):
                existing.setdefault(inn, cid)
        # near and seen_keys are both None when "import" compares nothing
        row_keys = [_near_keys(r.draft) if seen_keys is not None else [] for r in valid]
        row_hashes = [_SeenNearKeys.hashed(keys) for keys in row_keys]
        if seen_keys is not None:
            seen_keys.load([h for hashes in row_hashes for _what, h in hashes])
        if near is not None:
            near.load([h for hashes in row_hashes for _what, h in hashes])
        updating = near_duplicates == "update"
        # the ids SQLite would give (see _insert_clients): an earlier row's client is known
        # before it is written, and a later row of the batch may have to update it
        first_new = (s.scalar(select(func.max(Client.id))) or 0) + 1
        new: list[ClientDraft] = []
        written = 0  # of `new`, already inserted (to update one, the rows up to it go first)

        def alike_still(client_id: int, inn: str) -> bool:
            """Whether a row of this ИНН may update the client: not once an earlier row of
            the file has given it another ИНН (the lookups know the ИНН they started with)."""
            nonlocal written
            if client_id >= first_new + written:  # one of this batch's new clients
                self._insert_clients(s, new[written:], campaign_id, first_new + written)
                written = len(new)
            return not _other_company(inn, s.get_one(Client, client_id).inn)

        try:
            for r, hashes in zip(valid, row_hashes, strict=True):
                existing_id = existing.get(r.draft.inn) if r.draft.inn else None
                like = (near.find(r.draft, hashes) if near is not None and existing_id is None
                        else None)
                if like is not None and updating and not alike_still(like[0], r.draft.inn):
                    like = None
                like_row = (seen_keys.find(r.draft.inn, hashes)
                            if seen_keys is not None and existing_id is None and like is None
                            else None)
                if like_row is not None and updating and not alike_still(
                        like_row[0].client_id, r.draft.inn):
                    like_row = None
                if like is not None or like_row is not None:
                    if like is not None:
                        target, why, base_inn = like
                        inn = r.draft.inn or base_inn
                    else:
                        assert like_row is not None
                        row, why = like_row
                        target, inn = row.client_id, r.draft.inn or row.inn
                    if updating:
                        self._update_existing(s, target, r.draft, campaign_id)
                        tally.updated += 1
                    else:
                        tally.skip(RowProblem(r.line, translate(
                            "ClientImport", "похож на клиента №{id} «{name}» ({why}) — "
                                            "пропущен").format(
                            id=target, name=s.get_one(Client, target).name, why=why)
                            if like is not None else translate(
                            "ClientImport", "похож на строку {line} файла ({why}) — "
                                            "пропущен").format(line=row.line, why=why),
                            r.draft.name))
                        tally.near += 1
                        if like is None:
                            tally.near_in_file += 1
                elif existing_id is None:
                    target, inn = first_new + len(new), r.draft.inn
                    new.append(r.draft)
                elif not update_duplicates:
                    target, inn = existing_id, r.draft.inn
                    tally.skip(RowProblem(r.line, translate(
                        "ClientImport", "клиент с ИНН {inn} уже есть (№{id}) — "
                                        "пропущен").format(inn=r.draft.inn, id=existing_id),
                        r.draft.name))
                else:
                    target, inn = existing_id, r.draft.inn
                    self._update_existing(s, existing_id, r.draft, campaign_id)
                    tally.updated += 1
                if seen_keys is not None:
                    seen_keys.add(hashes, r.line, target, inn)
            self._insert_clients(s, new[written:], campaign_id, first_new + written)
            s.flush()
        except IntegrityError as exc:
            # validation should have stopped the row; say which rows, not what they hold
            raise ConflictError(translate(
                "ClientImport", "строки {first}–{last}: база данных отклонила запись ({e}) — "
                                "ничего не загружено").format(
                first=batch[0].line, last=batch[-1].line, e=exc.orig)) from None
        if seen_keys is not None:
            seen_keys.flush()
        tally.imported += len(new)
        s.expunge_all()  # the updated clients: the session keeps no batch after its own

    @staticmethod
    def _insert_clients(s: Session, drafts: list[ClientDraft], campaign_id: int | None,
                        first: int) -> None:
        """Insert new clients with their tags and contact: three Core executemany statements
        (no ORM object per row, no RETURNING row by row).

        The ids are given here, `first` and up, `first` one above the highest id — the id
        SQLite would give (the table has no AUTOINCREMENT), and safe because the import's
        transaction holds the write lock; the caller picks it, so that a later row of the
        file knows the client an earlier row becomes before it is written. The given ids
        let the tags and contacts go in first: each trigger that keeps
        `fts_clients` then finds no client yet and writes nothing, and the client's own
        insert trigger indexes it once with its contact and tags, instead of indexing it,
        then deleting and re-indexing it for each contact and tag (the same text in the
        end, half the time). The children's foreign keys are checked at the commit instead
        of at each statement (`defer_foreign_keys`, reset by SQLite when the transaction
        ends); a missing client still refuses the commit, and nothing is written.
        """
        if not drafts:
            return
        ids = range(first, first + len(drafts))
        s.execute(text("PRAGMA defer_foreign_keys = ON"))
        tags = [{"client_id": cid, "tag": t}
                for cid, d in zip(ids, drafts, strict=True) for t in d.tags]
        if tags:
            s.execute(insert(_TAGS), tags)
        contacts = [{"client_id": cid, "name": c.name, "position": c.position, "phone": c.phone,
                     "email": c.email, "is_primary": c.is_primary}
                    for cid, d in zip(ids, drafts, strict=True) for c in d.contacts]
        if contacts:
            s.execute(insert(_CONTACTS), contacts)
        today = date.today()
        s.execute(insert(_CLIENTS), [{"id": cid, "campaign_id": campaign_id,
                                      "churned_on": churn_day(None, d.status, None, today),
                                      **{k: getattr(d, k) for k in _CLIENT_COLUMNS}}
                                     for cid, d in zip(ids, drafts, strict=True)])

    @staticmethod
    def _update_existing(s: Session, client_id: int, draft: ClientDraft,
                         campaign_id: int | None = None) -> None:
        """Fill in what the row has; keep what the row leaves empty (the campaign too)."""
        client = s.get_one(Client, client_id)  # its id was just read from the table
        if client.campaign_id is None:
            client.campaign_id = campaign_id
        for k in CLIENT_FIELDS:
            if k in ("tags", "kind", "status"):
                continue
            value = getattr(draft, k)
            if value:
                setattr(client, k, value)
        old_status = client.status
        client.status = draft.status if draft.status != "lead" else client.status
        client.churned_on = churn_day(old_status, client.status, client.churned_on,
                                      date.today())
        own = {fold(t.tag) for t in client.tags}
        for tag in draft.tags:
            if fold(tag) not in own:
                client.tags.append(ClientTag(tag=tag))
        names = {fold(c.name) for c in client.contacts}
        has_primary = any(c.is_primary for c in client.contacts)
        for c in draft.contacts:
            if fold(c.name) not in names:
                client.contacts.append(Contact(
                    name=c.name, position=c.position, phone=c.phone, email=c.email,
                    is_primary=not has_primary))
        s.flush()


__all__ = [
    "IMPORT_FIELDS",
    "NEAR_DUPLICATE_CHOICES",
    "ClientImportService",
    "ImportPreview",
    "ImportReport",
    "RowProblem",
    "SourceRows",
    "SourceTable",
    "TextEncoding",
    "check_zip_safety",
    "count_rows",
    "detect_encoding",
    "field_label",
    "guess_mapping",
    "open_source",
    "read_table",
    "replace",
    "row_to_draft",
]
