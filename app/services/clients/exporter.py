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
import json
import re
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text

from app.i18n import translate
from app.models import CLIENT_STATUSES
from app.services.clients.importer import CLIENT_FIELDS, CONTACT_FIELDS, field_label
from app.services.clients.labels import status_label
from app.services.clients.search import ClientQuery
from app.services.clients.service import ClientService
from app.services.errors import ServiceError
from app.services.uow import UowFactory

if TYPE_CHECKING:
    from openpyxl.cell import Cell

EXPORT_FIELDS = CLIENT_FIELDS + CONTACT_FIELDS
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


# The export's columns as one query reads them, in EXPORT_FIELDS order: the client's own
# columns, a placeholder for its tags (read per chunk, in order), its primary contact's.
_COLUMN_SQL = {**{k: f"c.{k}" for k in CLIENT_FIELDS}, "tags": "''",
               "contact_name": "coalesce(p.name, '')",
               "contact_position": "coalesce(p.position, '')",
               "contact_phone": "coalesce(p.phone, '')", "contact_email": "coalesce(p.email, '')"}
# The ids come as a JSON array; CROSS JOIN keeps json_each the outer loop (each client by
# its key) and ORDER BY j.key keeps the list's order whatever the planner does.
_ROWS_SQL = f"""
SELECT c.id, {", ".join(_COLUMN_SQL[f] for f in EXPORT_FIELDS)}
FROM json_each(:ids) AS j
CROSS JOIN clients AS c ON c.id = j.value
LEFT JOIN contacts AS p ON p.id = (SELECT q.id FROM contacts AS q WHERE q.client_id = c.id
                                   ORDER BY q.is_primary DESC, q.id LIMIT 1)
ORDER BY j.key
"""
_TAGS_SQL = """
SELECT t.client_id, t.tag FROM client_tags AS t
WHERE t.client_id IN (SELECT value FROM json_each(:ids))
ORDER BY t.client_id, t.tag
"""
_CHUNK = 5000  # ids per query: a chunk's rows are sorted by their place in the list
_KIND = EXPORT_FIELDS.index("kind")
_STATUS = EXPORT_FIELDS.index("status")
_TAGS = EXPORT_FIELDS.index("tags")
_PHONES = (EXPORT_FIELDS.index("phone"), EXPORT_FIELDS.index("contact_phone"))


class ClientExportService:
    def __init__(self, *, uow_factory: UowFactory, clients: ClientService) -> None:
        self._uow = uow_factory
        self._clients = clients

    def records(self, query: ClientQuery = ClientQuery()) -> Iterator[dict[str, str]]:  # noqa: B008
        """Export rows (field → text) for the clients the query selects, in its order."""
        for row in self.rows(query):
            yield dict(zip(EXPORT_FIELDS, row, strict=True))

    def rows(self, query: ClientQuery = ClientQuery()) -> Iterator[list[str]]:  # noqa: B008
        """Export rows (texts in EXPORT_FIELDS order) for the clients the query selects, in
        its order: one query per chunk of ids, read as it streams (no ORM objects)."""
        ids = self._clients.search_ids(query)
        statuses = {code: status_label(code) for code in CLIENT_STATUSES}
        kinds = {"organization": "организация", "entrepreneur": "ИП",
                 "person": "физическое лицо"}
        for start in range(0, len(ids), _CHUNK):
            chunk = json.dumps(ids[start:start + _CHUNK])
            with self._uow(read_only=True) as uow:
                s = uow.session
                tags: dict[int, list[str]] = {}
                for cid, tag in s.execute(text(_TAGS_SQL), {"ids": chunk}):
                    tags.setdefault(cid, []).append(tag)
                # read at the driver: every column is text (TEXT affinity, NOT NULL or
                # coalesced), so a plain tuple per client does: no Row objects to build
                cursor = s.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
                with closing(cursor):
                    for record in cursor.execute(_ROWS_SQL, {"ids": chunk}):
                        row = list(record[1:])
                        row[_KIND] = kinds.get(row[_KIND], row[_KIND])
                        row[_STATUS] = statuses.get(row[_STATUS], row[_STATUS])
                        row[_TAGS] = ", ".join(tags.get(record[0], ()))
                        for i in _PHONES:
                            row[i] = export_phone(row[i])
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

        def guarded() -> Iterator[list[str]]:
            nonlocal count
            for row in self.rows(query):
                count += 1
                yield ["'" + v if v.startswith(_RISKY_START) else v for v in row]  # neutralise

        with path.open("w", encoding="utf-8-sig", newline="", buffering=1 << 20) as fh:
            writer = csv.writer(fh, delimiter=";", quoting=csv.QUOTE_MINIMAL,
                                lineterminator="\r\n")
            writer.writerow([field_label(f) for f in EXPORT_FIELDS])
            writer.writerows(guarded())
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
        for row in self.rows(query):
            ws.append([value_cell(v) for v in row])
            count += 1
        wb.save(path)
        return count
