"""A mailing list from a segment or the client list's filter: the contact persons with an
e-mail who gave their consent («согласие на рассылку»), and what was left out.

Counted per contact person of the chosen (not archived) clients:
- exported: an e-mail and the consent (one row per e-mail address: a second contact with
  the same address is counted in `duplicates`, not written twice);
- left out for lack of consent: an e-mail but no consent;
- left out for no e-mail: no e-mail address (with or without consent).

The writers (no third-party library):
- CSV for a mail service (Unisender, SendPulse, Mailchimp…): UTF-8 with a BOM, so Excel
  shows the Cyrillic right too, and the comma that mail services expect (the client export's
  `;` is Russian Excel's); cells that could run as a formula are neutralised as in the
  client export;
- vCard 3.0 (RFC 2426): CRLF line ends; `\\`, `,`, `;` and line breaks escaped in values
  (RFC 2426 §4); lines folded at 75 octets of UTF-8 (RFC 2425 §5.8.1), never inside a
  character.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.i18n import translate
from app.models import Client, Contact
from app.services.clients.matching import fold
from app.services.errors import ServiceError, ValidationError
from app.services.uow import UowFactory

MAILING_FORMATS = ("csv", "vcf")


@dataclass(frozen=True)
class MailingRow:
    """One addressee of a mailing."""

    email: str
    name: str  # as written in the contact
    last_name: str
    first_name: str
    patronymic: str
    greeting: str  # «Уважаемая Марфа Олеговна!»
    position: str
    company: str
    segment: str
    phone: str


@dataclass(frozen=True)
class MailingList:
    rows: list[MailingRow]
    no_consent: int  # contacts with an e-mail but without the consent
    no_email: int  # contacts without an e-mail
    duplicates: int  # contacts whose e-mail is already in the list

    @property
    def exported(self) -> int:
        return len(self.rows)

    @property
    def left_out(self) -> int:
        return self.no_consent + self.no_email + self.duplicates


def _name_parts(name: str) -> tuple[str, str, str]:
    """(surname, first name, patronymic) of a Russian name with a patronymic; otherwise the
    name as the first name (a vCard's N must not guess which word is the surname)."""
    from app.services.documents.addressing import parse_person_name

    person = parse_person_name(name)
    if person is None:
        return "", " ".join(name.split()), ""
    return person.last, person.first, person.patronymic


class Mailing:
    """The mailing list of a segment (or of the client ids a filter found)."""

    _uow: UowFactory

    def mailing_segments(self) -> list[str]:
        """The segments of the clients (not archived), for the export's choice."""
        with self._uow(read_only=True) as uow:
            return [v for v in uow.session.scalars(
                select(Client.segment).where(Client.archived.is_(False), Client.segment != "")
                .distinct().order_by(Client.segment)) if v]

    def mailing_list(self, *, segment: str = "",
                     client_ids: Collection[int] | None = None) -> MailingList:
        """The addressees among the contacts of the clients not archived, of `segment` (all
        segments when empty) and, if given, among `client_ids` (the client list's filter)."""
        from app.services.documents.addressing import greeting

        segment = " ".join(segment.split())
        with self._uow(read_only=True) as uow:
            s = uow.session
            if segment and not s.scalar(select(Client.id).where(
                    Client.segment == segment).limit(1)):
                raise ValidationError.single("segment", translate(
                    "Mailing", "Сегмента «{s}» нет ни у одного клиента").format(s=segment))
            query = (select(Contact.name, Contact.email, Contact.mailing_consent,
                            Contact.position, Contact.phone, Client.name, Client.segment,
                            Client.id)
                     .join(Client, Client.id == Contact.client_id)
                     .where(Client.archived.is_(False))
                     .order_by(Client.sort_name, Contact.is_primary.desc(), Contact.name,
                               Contact.id))
            if segment:
                query = query.where(Client.segment == segment)
            found = s.execute(query).all()
        wanted = set(client_ids) if client_ids is not None else None
        rows: list[MailingRow] = []
        seen: set[str] = set()
        no_consent = no_email = duplicates = 0
        for name, email, consent, position, phone, company, seg, client_id in found:
            if wanted is not None and client_id not in wanted:
                continue
            email = (email or "").strip()
            if not email:
                no_email += 1
                continue
            if not consent:
                no_consent += 1
                continue
            if fold(email) in seen:
                duplicates += 1
                continue
            seen.add(fold(email))
            last, first, patronymic = _name_parts(name)
            rows.append(MailingRow(email=email, name=" ".join(name.split()), last_name=last,
                                   first_name=first, patronymic=patronymic,
                                   greeting=greeting(name), position=position,
                                   company=company, segment=seg, phone=phone))
        return MailingList(rows=rows, no_consent=no_consent, no_email=no_email,
                           duplicates=duplicates)

    def export_mailing(self, path: Path, *, segment: str = "",
                       client_ids: Collection[int] | None = None,
                       file_format: str | None = None) -> MailingList:
        """Write the mailing list to `path` as CSV or vCard (by `file_format`, else by the
        extension .csv / .vcf); returns what was exported and left out."""
        kind = file_format or mailing_format(path)
        if kind not in MAILING_FORMATS:
            raise ValidationError.single("file", translate(
                "Mailing", "Файл рассылки — .csv или .vcf: {name}").format(name=path.name))
        found = self.mailing_list(segment=segment, client_ids=client_ids)
        data = mailing_csv(found.rows) if kind == "csv" else mailing_vcard(found.rows)
        try:
            path.write_bytes(data)
        except OSError as exc:
            raise ServiceError(translate("Mailing", "Не удалось записать {path}: {e}").format(
                path=path, e=exc.strerror or exc)) from None
        return found


def mailing_format(path: Path) -> str:
    """'csv' or 'vcf' by the file's extension ('' for another)."""
    suffix = path.suffix.lower()
    return {".csv": "csv", ".vcf": "vcf", ".vcard": "vcf"}.get(suffix, "")


# --- CSV -------------------------------------------------------------------------------------

def csv_headers() -> list[str]:
    return ["E-mail", translate("Mailing", "Фамилия"), translate("Mailing", "Имя"),
            translate("Mailing", "Отчество"), translate("Mailing", "ФИО"),
            translate("Mailing", "Обращение"), translate("Mailing", "Должность"),
            translate("Mailing", "Компания"), translate("Mailing", "Сегмент"),
            translate("Mailing", "Телефон")]


def mailing_csv(rows: Sequence[MailingRow]) -> bytes:
    """The list as CSV bytes (module doc: UTF-8 with a BOM, comma, a header row)."""
    from app.services.clients.exporter import export_phone, neutralise

    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=",", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(csv_headers())
    for r in rows:
        writer.writerow([neutralise(v) for v in (
            r.email, r.last_name, r.first_name, r.patronymic, r.name, r.greeting, r.position,
            r.company, r.segment, export_phone(r.phone))])
    return out.getvalue().encode("utf-8-sig")


# --- vCard 3.0 -----------------------------------------------------------------------------

def vcard_escape(value: str) -> str:
    """A text value as RFC 2426 §4 writes it: `\\` `,` `;` escaped, line breaks as `\\n`."""
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold_line(line: str, limit: int = 75) -> str:
    """A content line folded into lines of at most `limit` octets of UTF-8 (CRLF and one
    space start each continuation), never splitting a character or an escape."""
    parts: list[str] = []
    current = ""
    size = 0
    room = limit
    i = 0
    while i < len(line):
        # an escape sequence ("\\,") stays whole: a reader must not see half of it
        token = line[i:i + 2] if line[i] == "\\" and i + 1 < len(line) else line[i]
        width = len(token.encode("utf-8"))
        if size + width > room:
            parts.append(current)
            current, size, room = "", 0, limit - 1  # the leading space takes one octet
        current += token
        size += width
        i += len(token)
    parts.append(current)
    return "\r\n ".join(parts)


def _vcard(r: MailingRow) -> list[str]:
    e = vcard_escape
    lines = ["BEGIN:VCARD", "VERSION:3.0",
             f"N:{e(r.last_name)};{e(r.first_name)};{e(r.patronymic)};;",
             f"FN:{e(r.name or r.email)}",
             f"EMAIL;TYPE=INTERNET:{e(r.email)}"]
    if r.company:
        lines.append(f"ORG:{e(r.company)}")
    if r.position:
        lines.append(f"TITLE:{e(r.position)}")
    if r.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{e(r.phone)}")
    if r.segment:
        lines.append(f"CATEGORIES:{e(r.segment)}")
    lines.append("END:VCARD")
    return lines


def mailing_vcard(rows: Sequence[MailingRow]) -> bytes:
    """The list as one .vcf file of vCard 3.0 cards (UTF-8, CRLF, folded lines)."""
    return "".join(fold_line(line) + "\r\n" for r in rows for line in _vcard(r)).encode("utf-8")


__all__ = [
    "MAILING_FORMATS",
    "Mailing",
    "MailingList",
    "MailingRow",
    "csv_headers",
    "fold_line",
    "mailing_csv",
    "mailing_format",
    "mailing_vcard",
    "vcard_escape",
]
