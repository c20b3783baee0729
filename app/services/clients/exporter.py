"""Export of the client list (with its filter) to CSV for Excel and to XLSX.

CSV is UTF-8 with a BOM and `;` — what Russian Excel opens right by double-click. Cells
that start with `=`, `+`, `-`, `@`, tab or CR are neutralised against formula injection
(OWASP "CSV injection") by a leading apostrophe, which the import strips again. Russian
phone numbers are written in the national form "8 (916) 123-45-67", so the usual phone
never needs the guard. In XLSX every value is a string cell (never a formula); risky ones
also carry Excel's quote prefix. See docs/CLIENT_IMPORT_EXPORT.md.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.i18n import translate
from app.models import CLIENT_STATUSES, Client, ClientTag, Contact
from app.services.clients.importer import CLIENT_FIELDS, CONTACT_FIELDS, field_label
from app.services.clients.labels import status_label
from app.services.clients.search import ClientQuery
from app.services.clients.service import ClientService
from app.services.errors import ServiceError
from app.services.uow import UowFactory

if TYPE_CHECKING:
    from openpyxl.cell import Cell

EXPORT_FIELDS = CLIENT_FIELDS + CONTACT_FIELDS
_PLAIN_FIELDS = tuple(k for k in CLIENT_FIELDS if k not in ("tags", "kind", "status"))
_RISKY_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """A cell value Excel will not run as a formula."""
    return "'" + value if value.startswith(_RISKY_START) else value


_RU_PHONE = re.compile(r"^\+7[\s(]*(\d{3})[\s)]*(\d{3})[\s-]*(\d{2})[\s-]*(\d{2})$")


def export_phone(value: str) -> str:
    """Russian numbers in the national form (no leading "+"); others as they are."""
    if not value:
        return ""
    match = _RU_PHONE.match(value.strip())
    if match:  # the stored form of every Russian number: no need to parse it
        a, b, c, d = match.groups()
        if a[0] in "3489":  # geographic and mobile codes; 7xx are Kazakhstan's
            return f"8 ({a}) {b}-{c}-{d}"
    import phonenumbers

    try:
        number = phonenumbers.parse(value, "RU")
    except phonenumbers.NumberParseException:
        return value
    if number.country_code == 7 and phonenumbers.region_code_for_number(number) in ("RU", None):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return value


class ClientExportService:
    def __init__(self, *, uow_factory: UowFactory, clients: ClientService) -> None:
        self._uow = uow_factory
        self._clients = clients

    def records(self, query: ClientQuery = ClientQuery()) -> Iterator[dict[str, str]]:  # noqa: B008
        """Export rows (field → text) for the clients the query selects, in its order."""
        ids = self._clients.search_ids(query)
        statuses = {code: status_label(code) for code in CLIENT_STATUSES}
        kinds = {"organization": "организация", "entrepreneur": "ИП",
                 "person": "физическое лицо"}
        for start in range(0, len(ids), 1000):
            chunk = ids[start:start + 1000]
            with self._uow() as uow:
                s = uow.session
                columns = [getattr(Client, k) for k in _PLAIN_FIELDS]
                clients = {r[0]: r for r in s.execute(
                    select(Client.id, Client.kind, Client.status, *columns)
                    .where(Client.id.in_(chunk)))}
                tags: dict[int, list[str]] = {}
                for cid, tag in s.execute(select(ClientTag.client_id, ClientTag.tag)
                                          .where(ClientTag.client_id.in_(chunk))
                                          .order_by(ClientTag.tag)):
                    tags.setdefault(cid, []).append(tag)
                contacts: dict[int, tuple[str, str, str, str]] = {}
                for r in s.execute(select(Contact.client_id, Contact.name, Contact.position,
                                          Contact.phone, Contact.email)
                                   .where(Contact.client_id.in_(chunk))
                                   .order_by(Contact.is_primary.desc(), Contact.id)):
                    contacts.setdefault(r[0], (r[1], r[2], r[3], r[4]))
            for cid in chunk:
                c = clients.get(cid)
                if c is None:
                    continue
                row = {k: str(v or "") for k, v in zip(_PLAIN_FIELDS, c[3:], strict=True)}
                kind: str = c[1]  # non-null columns (the row is untyped: *columns)
                status: str = c[2]
                row["status"] = statuses.get(status, status)
                row["kind"] = kinds.get(kind, kind)
                row["phone"] = export_phone(row["phone"])
                row["tags"] = ", ".join(tags.get(cid, []))
                name, position, phone, email = contacts.get(cid, ("", "", "", ""))
                row["contact_name"] = name
                row["contact_position"] = position
                row["contact_phone"] = export_phone(phone)
                row["contact_email"] = email
                yield row

    def export(self, path: Path, query: ClientQuery = ClientQuery()) -> int:  # noqa: B008
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix not in (".csv", ".xlsx"):
            raise ServiceError(translate(
                "ClientExport", "{path}: выгрузка возможна в CSV или XLSX").format(path=path))
        tmp = path.with_name(path.name + ".part")
        try:
            count = (self._write_csv if suffix == ".csv" else self._write_xlsx)(tmp, query)
            tmp.replace(path)
        finally:
            tmp.unlink(missing_ok=True)
        return count

    def _write_csv(self, path: Path, query: ClientQuery) -> int:
        count = 0
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=";", quoting=csv.QUOTE_MINIMAL,
                                lineterminator="\r\n")
            writer.writerow([field_label(f) for f in EXPORT_FIELDS])
            for record in self.records(query):
                writer.writerow([neutralise(record[f]) for f in EXPORT_FIELDS])
                count += 1
        return count

    def _write_xlsx(self, path: Path, query: ClientQuery) -> int:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        wb = Workbook(write_only=True)
        ws = wb.create_sheet(translate("ClientExport", "Клиенты"))
        ws.freeze_panes = "A2"
        widths = {"name": 36, "full_name": 40, "legal_address": 40, "notes": 40,
                  "email": 28, "contact_name": 28, "contact_email": 28}
        for n, f in enumerate(EXPORT_FIELDS):
            from openpyxl.utils import get_column_letter

            ws.column_dimensions[get_column_letter(n + 1)].width = widths.get(f, 18)

        def value_cell(value: str) -> Cell | str | None:
            # plain text goes in as is (a string cell); only text that openpyxl would
            # take for a formula, or that Excel would, needs a typed cell
            if not value:
                return None
            return cell(value) if value.startswith(_RISKY_START) else value

        def cell(value: str, *, bold: bool = False) -> Cell:
            c = WriteOnlyCell(ws, value=value)
            c.data_type = "s"  # never a formula, whatever the text starts with
            if value.startswith(_RISKY_START):
                c.quotePrefix = True
            if bold:
                c.font = Font(bold=True)
            return c

        ws.append([cell(field_label(f), bold=True) for f in EXPORT_FIELDS])
        count = 0
        for record in self.records(query):
            ws.append([value_cell(record[f]) for f in EXPORT_FIELDS])
            count += 1
        wb.save(path)
        return count
