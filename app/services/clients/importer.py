"""Import of clients (and one contact person per row) from CSV and XLSX files.

Reads what managers really have: Excel's Russian CSV (cp1251, `;`, quoted fields with
`;` and doubled quotes inside), UTF-8 with or without BOM and `,`, and XLSX. The column
mapping is guessed from Russian and English headers and can be changed. Strict by
default: one invalid row and nothing is imported. XLSX is untrusted input: openpyxl
parses it with defusedxml, and zip bombs are refused before anything is unpacked.
See docs/CLIENT_IMPORT_EXPORT.md.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import translate
from app.models import Client, ClientTag, Contact
from app.services.clients.drafts import ClientDraft, ContactDraft, validate_draft
from app.services.clients.matching import fold
from app.services.errors import ServiceError, ValidationError
from app.services.requisites import BANK_FIELDS, TAX_ID_FIELDS
from app.services.uow import UowFactory

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 200_000
MAX_COLUMNS = 200
MAX_XLSX_UNPACKED = 300 * 1024 * 1024
MAX_XLSX_MEMBER_RATIO = 100  # real sheets compress 5–20×; bombs compress thousands ×
MAX_XLSX_MEMBERS = 2_000

CLIENT_FIELDS = (
    "name", "full_name", "kind", "legal_form", *TAX_ID_FIELDS, "legal_address",
    "postal_address", "phone", "email", "website", *BANK_FIELDS, "industry", "region",
    "segment", "status", "loyalty_tier",
    "lead_source", "responsible", "tags", "notes",
)
CONTACT_FIELDS = ("contact_name", "contact_position", "contact_phone", "contact_email")
IMPORT_FIELDS = CLIENT_FIELDS + CONTACT_FIELDS


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


def guess_mapping(headers: list[str]) -> dict[int, str]:
    """Column index → field, guessed from the header text (each field used once)."""
    mapping: dict[int, str] = {}
    used: set[str] = set()
    keys = [_header_key(h) for h in headers]
    exact = {_header_key(s): f for f, syns in _SYNONYMS.items() for s in syns}
    for i, key in enumerate(keys):
        f = exact.get(key) or exact.get(_header_key(key.replace("ё", "е")))
        if f and f not in used:
            mapping[i] = f
            used.add(f)
    # then headers that contain a synonym as whole words ("ИНН клиента", "Phone (work)")
    by_length = sorted(((_header_key(s), f) for f, syns in _SYNONYMS.items() for s in syns),
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


def read_table(path: Path) -> SourceTable:
    path = Path(path)
    if not path.exists():
        raise ServiceError(translate("ClientImport", "{path}: файл не найден").format(path=path))
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ServiceError(translate("ClientImport", "{path}: файл больше {mb} МБ").format(
            path=path, mb=MAX_FILE_BYTES // (1024 * 1024)))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv(path.read_bytes(), path)
    raise ServiceError(translate(
        "ClientImport", "{path}: загружаются только файлы CSV и XLSX").format(path=path))


def decode_text(data: bytes) -> tuple[str, str]:
    """The text and its encoding: UTF-8 (with or without BOM) or else cp1251 (Excel, Russia)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "UTF-8 BOM"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace"), "cp1251"


def _read_csv(data: bytes, path: Path) -> SourceTable:
    try:
        text, encoding = decode_text(data)
    except UnicodeDecodeError as exc:
        raise ServiceError(translate("ClientImport", "{path}: не удаётся прочитать текст ({e})")
                           .format(path=path, e=exc)) from None
    first_line = text.split("\n", 1)[0]
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    delimiter = max(counts, key=lambda d: counts[d])
    if counts[delimiter] == 0:
        delimiter = ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"',
                        doublequote=True, strict=False)
    rows: list[list[str]] = []
    lines: list[int] = []
    headers: list[str] | None = None
    start = 1
    try:
        for record in reader:
            line = start
            start = reader.line_num + 1
            if headers is None:
                headers = [h.strip() for h in record][:MAX_COLUMNS]
                continue
            if not any(cell.strip() for cell in record):
                continue
            rows.append(record[:MAX_COLUMNS])
            lines.append(line)
            if len(rows) > MAX_ROWS:
                raise ServiceError(translate("ClientImport", "{path}: больше {n} строк").format(
                    path=path, n=MAX_ROWS))
    except csv.Error as exc:
        raise ServiceError(translate("ClientImport", "{path}, строка {line}: {e}").format(
            path=path, line=reader.line_num, e=exc)) from None
    if not headers or not any(headers):
        raise ServiceError(translate("ClientImport", "{path}: в файле нет строки заголовков")
                           .format(path=path))
    shown = {";": "«;»", ",": "«,»", "\t": translate("ClientImport", "табуляция")}[delimiter]
    return SourceTable(headers, rows, lines, f"CSV, {encoding}, {shown}")


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


def _read_xlsx(path: Path) -> SourceTable:
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
        headers: list[str] | None = None
        rows: list[list[str]] = []
        lines: list[int] = []
        for n, values in enumerate(ws.iter_rows(values_only=True, max_col=MAX_COLUMNS),
                                   start=1):
            cells = [_cell_text(v) for v in values]
            if headers is None:
                if any(c.strip() for c in cells):
                    headers = [c.strip() for c in cells]
                continue
            if not any(c.strip() for c in cells):
                continue
            rows.append(cells)
            lines.append(n)
            if len(rows) > MAX_ROWS:
                raise ServiceError(translate("ClientImport", "{path}: больше {n} строк").format(
                    path=path, n=MAX_ROWS))
    finally:
        wb.close()
    if not headers:
        raise ServiceError(translate("ClientImport", "{path}: лист пуст").format(path=path))
    return SourceTable(headers, rows, lines, "XLSX")


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
    dry_run: bool = False

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


def row_to_draft(values: dict[str, str]) -> tuple[ClientDraft, dict[str, str]]:
    """A draft from one row's mapped values, plus errors the draft cannot carry."""
    errors: dict[str, str] = {}
    v = {k: _strip_neutraliser(str(val or "")).strip() for k, val in values.items()}
    status = _pick(_STATUS_WORDS, v.get("status", ""), "lead")
    if status is None:
        errors["status"] = translate("ClientImport", "неизвестный статус «{s}»").format(
            s=v["status"])
        status = "lead"
    inn_digits = re.sub(r"\D", "", v.get("inn", ""))
    default_kind = "entrepreneur" if (len(inn_digits) == 12
                                      or fold(v.get("legal_form", "")) == "ип") \
        else "organization"
    kind = _pick(_KIND_WORDS, v.get("kind", ""), default_kind)
    if kind is None:
        errors["kind"] = translate("ClientImport", "неизвестный вид клиента «{s}»").format(
            s=v["kind"])
        kind = default_kind
    tags = tuple(t.strip() for t in re.split(r"[,;]", v.get("tags", "")) if t.strip())
    contacts: tuple[ContactDraft, ...] = ()
    if any(v.get(k) for k in CONTACT_FIELDS):
        contacts = (ContactDraft(name=v.get("contact_name", ""),
                                 position=v.get("contact_position", ""),
                                 phone=v.get("contact_phone", ""),
                                 email=v.get("contact_email", ""), is_primary=True),)
    plain = {k: v.get(k, "") for k in CLIENT_FIELDS if k not in ("kind", "status", "tags")}
    draft = ClientDraft(**plain, kind=kind, status=status, tags=tags, contacts=contacts)
    return draft, errors


def _message(errors: dict[str, str]) -> str:
    parts = []
    for key, msg in errors.items():
        if key.startswith("contacts."):
            key = "contact_" + key.rsplit(".", 1)[-1]
        parts.append(f"{field_label(key)}: {msg}")
    return "; ".join(parts)


class ClientImportService:
    def __init__(self, *, uow_factory: UowFactory) -> None:
        self._uow = uow_factory

    def preview(self, path: Path) -> ImportPreview:
        table = read_table(path)
        return ImportPreview(table=table, mapping=guess_mapping(table.headers))

    def import_file(self, path: Path, mapping: dict[int, str] | None = None, *,
                    skip_invalid: bool = False, update_duplicates: bool = False,
                    dry_run: bool = False,
                    progress: Callable[[int, int], None] | None = None) -> ImportReport:
        table = read_table(path)
        return self.import_table(table, mapping, skip_invalid=skip_invalid,
                                 update_duplicates=update_duplicates, dry_run=dry_run,
                                 progress=progress)

    def import_table(self, table: SourceTable, mapping: dict[int, str] | None = None, *,
                     skip_invalid: bool = False, update_duplicates: bool = False,
                     dry_run: bool = False,
                     progress: Callable[[int, int], None] | None = None) -> ImportReport:
        """Validate every row, then (unless strict and something is wrong) write them all
        in one transaction. Rows whose ИНН is already in the base are skipped, or update
        that client with `update_duplicates`."""
        mapping = guess_mapping(table.headers) if mapping is None else dict(mapping)
        unknown = set(mapping.values()) - set(IMPORT_FIELDS)
        if unknown:
            raise ServiceError(translate("ClientImport", "Неизвестные поля: {f}").format(
                f=", ".join(sorted(unknown))))
        if "name" not in mapping.values():
            raise ValidationError.single("mapping", translate(
                "ClientImport", "Укажите, в какой колонке название клиента"))
        problems: list[RowProblem] = []
        skipped: list[RowProblem] = []
        valid: list[tuple[int, ClientDraft]] = []
        seen_inn: dict[str, int] = {}
        total = len(table.rows)
        for n, (row, line) in enumerate(zip(table.rows, table.lines, strict=True)):
            values = {f: (row[i] if i < len(row) else "") for i, f in mapping.items()}
            draft, errors = row_to_draft(values)
            try:
                draft = validate_draft(draft)
            except ValidationError as exc:
                errors = {**exc.errors, **errors}
            if not errors and draft.inn:
                if draft.inn in seen_inn:
                    errors["inn"] = translate(
                        "ClientImport", "этот ИНН уже был в строке {n}").format(
                        n=seen_inn[draft.inn])
                else:
                    seen_inn[draft.inn] = line
            if errors:
                problems.append(RowProblem(line, _message(errors), values.get("name", "")))
            else:
                valid.append((line, draft))
            if progress and n % 500 == 0:
                progress(n, total)
        imported = updated = 0
        committed = False
        if problems and not skip_invalid and not dry_run:
            return ImportReport(rejected=len(problems), problems=problems)
        # a check (dry run) goes on to count what the valid rows would do, then rolls back
        with self._uow() as uow:
            s = uow.session
            inns = [d.inn for _, d in valid if d.inn]
            existing: dict[str, int] = {}
            for start in range(0, len(inns), 500):
                for cid, inn in s.execute(select(Client.id, Client.inn).where(
                        Client.inn.in_(inns[start:start + 500]))):
                    existing.setdefault(inn, cid)
            for line, draft in valid:
                existing_id = existing.get(draft.inn) if draft.inn else None
                if existing_id is not None:
                    if not update_duplicates:
                        skipped.append(RowProblem(line, translate(
                            "ClientImport", "клиент с ИНН {inn} уже есть (№{id}) — "
                                            "пропущен").format(inn=draft.inn, id=existing_id),
                            draft.name))
                        continue
                    self._update_existing(s, existing_id, draft)
                    updated += 1
                else:
                    self._insert(s, draft)
                    imported += 1
            if not dry_run:
                uow.commit()
                committed = True
        return ImportReport(imported=imported, updated=updated, skipped=len(skipped),
                            rejected=len(problems), problems=problems, skipped_rows=skipped,
                            committed=committed, dry_run=dry_run)

    @staticmethod
    def _insert(s: Session, draft: ClientDraft) -> None:
        client = Client(**{k: getattr(draft, k) for k in CLIENT_FIELDS if k != "tags"})
        client.tags = [ClientTag(tag=t) for t in draft.tags]
        client.contacts = [Contact(name=c.name, position=c.position, phone=c.phone,
                                   email=c.email, is_primary=c.is_primary)
                           for c in draft.contacts]
        s.add(client)

    @staticmethod
    def _update_existing(s: Session, client_id: int, draft: ClientDraft) -> None:
        """Fill in what the row has; keep what the row leaves empty."""
        client = s.get_one(Client, client_id)  # its id was just read from the table
        for k in CLIENT_FIELDS:
            if k in ("tags", "kind", "status"):
                continue
            value = getattr(draft, k)
            if value:
                setattr(client, k, value)
        client.status = draft.status if draft.status != "lead" else client.status
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
    "ClientImportService",
    "ImportPreview",
    "ImportReport",
    "RowProblem",
    "SourceTable",
    "check_zip_safety",
    "field_label",
    "guess_mapping",
    "read_table",
    "replace",
    "row_to_draft",
]
