"""Calendar files (.ics, RFC 5545, the `icalendar` library): the planned activities out to
Outlook or a phone, and meetings arranged there back in as activities.

Export: the open activities due from `start` (default today) to `end` (default: all after),
one VEVENT each — UID `activity-<id>-<database identity>@salesdesk` (an imported activity
keeps the UID it came with), DTSTART/DTEND in the user's zone with its VTIMEZONE (DTEND only
when the activity has a duration), SUMMARY «subject — client», LOCATION, DESCRIPTION (notes,
contact), the kind as X-SALESDESK-KIND, a VALARM (TRIGGER -PTnM)
when it has a reminder. The contact's e-mail (else the client's) is the ATTENDEE, so an
import elsewhere matches the event back to the client. The VTIMEZONE holds the zone's
rules over the exported days only. The file is written whole or not at all.

Import (all events checked first, then saved in one transaction, or nothing):
- skipped: an event whose UID was imported before (`activities.ical_uid`) or that was
  exported from this database, a repeated UID in the file, a cancelled event, an event
  that ended before `now` (a calendar's past is not a to-do list);
- a recurring event (RRULE) gives its next occurrence only (the first one ending after
  `now`), as a single activity: the series itself is not repeated here;
- an all-day event is planned at 09:00 local on its first day, without a duration;
- the client: the first attendee or organizer e-mail that is a contact's (client and
  contact) or a client's; `matched` counts those. An event matching no client becomes a
  personal task (the only kind allowed without a client);
- the kind: X-SALESDESK-KIND when present, else a call when the summary speaks of one
  («звон…», «созвон…», "call"), else a meeting;
- the reminder: a VALARM triggered before the start (minutes), none when it would already
  have fired;
- a file over MAX_ICS_BYTES, not a calendar, or malformed → ValidationError({"file": …}).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.i18n import translate
from app.models import ACTIVITY_KINDS, Activity, Client, Contact
from app.services.errors import ValidationError
from app.services.overview import local_day_start
from app.services.uow import UowFactory

if TYPE_CHECKING:
    from icalendar import Calendar, Component

    from app.services.activities import ActivitiesService, ActivityDetail, ActivityDraft

MAX_ICS_BYTES = 10 * 2**20
PRODID = "-//SalesDesk//SalesDesk//RU"
FALLBACK_ZONE = "Europe/Moscow"
ALL_DAY_AT = time(9)  # an all-day event is planned at the start of the working day
_OWN_UID = re.compile(r"activity-(\d+)-([0-9a-f]+)@salesdesk")
_CALL_WORDS = re.compile(r"звон|созвон|\bcall\b", re.IGNORECASE)
_FAR_FUTURE = datetime(9999, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class IcsImport:
    created: int
    skipped: int
    matched: int  # events tied to a client by attendee or organizer e-mail


def local_zone_name() -> str:
    """The IANA name of the user's time zone (TZ, else /etc/localtime), else Europe/Moscow."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for name in candidates:
        if not name:
            continue
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
        return name
    return FALLBACK_ZONE


def _file_error(message: str) -> ValidationError:
    return ValidationError({"file": message})


def _instant(value: date | datetime) -> tuple[datetime, bool]:
    """An event time as an aware UTC instant, and whether it was a whole day (a date)."""
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:  # floating: the user's time
            value = value.astimezone()
        return value.astimezone(UTC), False
    return datetime.combine(value, ALL_DAY_AT).astimezone().astimezone(UTC), True


def _emails(event: Component) -> list[str]:
    found = []
    for name in ("ORGANIZER", "ATTENDEE"):
        values = event.get(name)
        if values is None:
            continue
        for v in values if isinstance(values, list) else [values]:
            address = str(v)
            if address.lower().startswith("mailto:"):
                address = address[7:]
            address = address.strip().lower()
            if "@" in address:
                found.append(address)
    # the organizer last: the invitation's other side is more likely among the attendees
    return found[1:] + found[:1] if event.get("ORGANIZER") is not None else found


@dataclass(frozen=True)
class _Event:
    """An event of the file read into the fields an activity needs."""

    uid: str
    summary: str
    start: datetime
    duration_min: int | None
    place: str
    notes: str
    kind: str  # from X-SALESDESK-KIND or the summary; may become "task" without a client
    emails: tuple[str, ...]
    remind_before_min: int | None  # None: no reminder


def _read_event(event: Component, now: datetime) -> _Event | None:
    """The event's next occurrence ending after `now`, or None (cancelled, past, broken)."""
    if str(event.get("STATUS", "")).upper() == "CANCELLED" or event.get("RECURRENCE-ID"):
        return None
    start_prop = event.get("DTSTART")
    if start_prop is None:
        return None
    start, all_day = _instant(start_prop.dt)
    length: timedelta | None = None
    end_prop, duration_prop = event.get("DTEND"), event.get("DURATION")
    if end_prop is not None:
        end, _ = _instant(end_prop.dt)
        length = end - start if not all_day else None
    elif duration_prop is not None and not all_day:
        length = duration_prop.dt
    if event.get("RRULE") is not None:
        from dateutil.rrule import rrulestr

        first = start_prop.dt
        if not isinstance(first, datetime):
            first = datetime.combine(first, ALL_DAY_AT).astimezone()
        elif first.tzinfo is None:
            first = first.astimezone()
        spelled = event["RRULE"].to_ical()
        rule = rrulestr(spelled.decode() if isinstance(spelled, bytes) else spelled,
                        dtstart=first)
        ahead = now - (length or timedelta(0))
        nxt = rule.after(ahead, inc=False)
        if nxt is None:
            return None
        start = nxt.astimezone(UTC)
    if start + (length or timedelta(0)) < now:
        return None
    minutes = None
    if length is not None and length > timedelta(0):
        minutes = max(1, round(length.total_seconds() / 60))
    remind = None
    for alarm in event.walk("VALARM"):
        trigger = alarm.get("TRIGGER")
        if trigger is None or not isinstance(trigger.dt, timedelta):
            continue
        if str(trigger.params.get("RELATED", "START")).upper() != "START":
            continue
        before = -trigger.dt
        if timedelta(0) <= before and start - before >= now:
            remind = round(before.total_seconds() / 60)
            break
    summary = str(event.get("SUMMARY", "")).strip()
    own_kind = str(event.get("X-SALESDESK-KIND", "")).strip()
    kind = own_kind if own_kind in ACTIVITY_KINDS and own_kind != "note" else (
        "call" if _CALL_WORDS.search(summary) else "meeting")
    return _Event(uid=str(event.get("UID", "")).strip(), summary=summary, start=start,
                  duration_min=minutes, place=str(event.get("LOCATION", "")).strip(),
                  notes=str(event.get("DESCRIPTION", "")).strip(), kind=kind,
                  emails=tuple(_emails(event)), remind_before_min=remind)


class CalendarService:
    def __init__(self, *, uow_factory: UowFactory, activities: ActivitiesService) -> None:
        self._uow = uow_factory
        self._activities = activities

    # -- export --------------------------------------------------------------------------

    def _identity(self, s: Session) -> int:
        return int(s.execute(text("PRAGMA user_version")).scalar_one())

    def export_ics(self, path: Path, *, start: date | None = None,
                   end: date | None = None) -> int:
        """Write the open activities due on `start` … `end` (local days, both included)."""
        from icalendar import Alarm, Calendar, Event, Timezone, vCalAddress

        if start is not None and end is not None and end < start:
            raise ValidationError({"end": translate(
                "Calendar", "Конец периода раньше его начала")})
        first = local_day_start(start or date.today())
        until = local_day_start(end + timedelta(days=1)) if end is not None else _FAR_FUTURE
        details = self._activities.in_range(first, until)
        with self._uow(read_only=True) as uow:
            identity = self._identity(uow.session)
            uids: dict[int, str | None] = {}
            client_emails: dict[int, str] = {}
            for i in range(0, len(details), 500):
                chunk = details[i:i + 500]
                uids.update((r[0], r[1]) for r in uow.session.execute(
                    select(Activity.id, Activity.ical_uid)
                    .where(Activity.id.in_([d.id for d in chunk]),
                           Activity.ical_uid.is_not(None))))
                client_emails.update((r[0], r[1]) for r in uow.session.execute(
                    select(Client.id, Client.email)
                    .where(Client.id.in_({d.client_id for d in chunk if d.client_id}),
                           Client.email != "")))
        zone_name = local_zone_name()
        zone = ZoneInfo(zone_name)
        span: list[date] = []
        stamp = datetime.now(UTC).replace(microsecond=0)
        cal = Calendar()
        cal.add("prodid", PRODID)
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("x-wr-calname", translate("Calendar", "SalesDesk: дела"))
        written = 0
        for d in details:
            if d.due_at is None:
                continue
            ev = Event()
            ev.add("uid", uids.get(d.id) or f"activity-{d.id}-{identity:x}@salesdesk")
            ev.add("dtstamp", stamp)
            begins = d.due_at.astimezone(zone)
            ev.add("dtstart", begins)
            if d.duration_min:
                ev.add("dtend", begins + timedelta(minutes=d.duration_min))
            ev.add("summary", " — ".join(p for p in (d.subject, d.client_name) if p))
            if d.place:
                ev.add("location", d.place)
            ev.add("description", self._description(d))
            ev.add("x-salesdesk-kind", d.kind)
            # the contact (else the client) as the attendee: an import matches it back
            email = d.contact_email or client_emails.get(d.client_id or 0, "")
            if email:
                attendee = vCalAddress(f"mailto:{email}")
                name = d.contact_name if d.contact_email else d.client_name
                if name:
                    attendee.params["cn"] = name
                ev.add("attendee", attendee, encode=False)
            if d.remind_before_min is not None:
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", d.subject)
                alarm.add("trigger", timedelta(minutes=-d.remind_before_min))
                ev.add_component(alarm)
            cal.add_component(ev)
            written += 1
            span.append(begins.date())
        if span:
            # the zone's rules over the exported days only: one or two components that any
            # reader takes right, not every transition since 1970 (vobject reads Moscow's
            # long history as +04:00 today)
            cal.add_component(Timezone.from_tzinfo(
                zone, tzid=zone_name, first_date=min(span) - timedelta(days=1),
                last_date=max(span) + timedelta(days=2)))
            cal.subcomponents.insert(0, cal.subcomponents.pop())
        _write_whole(path, cal.to_ical())
        return written

    @staticmethod
    def _description(d: ActivityDetail) -> str:
        lines = []
        who = ", ".join(p for p in (d.contact_name, d.contact_phone) if p)
        if who:
            lines.append(translate("Calendar", "Контакт: {who}").format(who=who))
        if d.deal_title:
            lines.append(translate("Calendar", "Сделка: {title}").format(title=d.deal_title))
        if d.notes:
            lines.append(d.notes)
        return "\n".join(lines)

    # -- import --------------------------------------------------------------------------

    def import_ics(self, path: Path, *, now: datetime | None = None) -> IcsImport:
        """Add the file's events as activities (the module's rules); all or nothing."""
        return self.import_checked(read_calendar(path), now=now)

    def import_checked(self, cal: Calendar, *, now: datetime | None = None) -> IcsImport:
        """Add the events of a calendar `read_calendar` returned (the command reads the file
        before it opens the database, so a bad file leaves the base untouched)."""
        from app.services.activities.records import new_activity
        from app.services.activities.rules import check_draft

        now = now or datetime.now(UTC)
        events: list[_Event] = []
        skipped = 0
        seen: set[str] = set()
        for component in cal.walk("VEVENT"):
            try:
                event = _read_event(component, now)
            except (ValueError, TypeError, KeyError, AttributeError, OverflowError):
                raise _file_error(translate(
                    "Calendar", "Файл календаря повреждён: событие «{name}» не читается")
                    .format(name=str(component.get("SUMMARY", ""))[:60])) from None
            if event is None or not event.uid or event.uid in seen:
                skipped += 1
                continue
            seen.add(event.uid)
            events.append(event)
        created = matched = 0
        with self._uow() as uow:
            s = uow.session
            identity = self._identity(s)
            known = self._imported_uids(s, [e.uid for e in events], identity)
            by_email = self._clients_by_email(s, {a for e in events for a in e.emails})
            for number, e in enumerate(events, start=1):
                if e.uid in known:
                    skipped += 1
                    continue
                client_id, contact_id, client_name = next(
                    (by_email[a] for a in e.emails if a in by_email), (None, None, ""))
                suffix = f" — {client_name}"
                if client_name and e.summary.endswith(suffix):  # as the export spells it
                    e = replace(e, summary=e.summary[:-len(suffix)])
                draft = self._draft(e, client_id, contact_id)
                checked, errors = check_draft(s, draft, now=now, check_reminder=True)
                if checked is None:
                    raise _file_error(translate(
                        "Calendar", "Событие {n} («{name}») не подходит: {why}").format(
                        n=number, name=e.summary[:60], why="; ".join(errors.values())))
                activity = new_activity(s, checked)
                activity.ical_uid = e.uid[:255]
                created += 1
                matched += client_id is not None
            uow.commit()
        return IcsImport(created=created, skipped=skipped, matched=matched)

    @staticmethod
    def _draft(e: _Event, client_id: int | None, contact_id: int | None) -> ActivityDraft:
        from app.services.activities import ActivityDraft

        kind = e.kind if client_id is not None else "task"
        subject = (e.summary or translate("Calendar", "Событие из календаря"))[:300]
        return ActivityDraft(kind=kind, subject=subject, client_id=client_id, contact_id=contact_id,
                    due_at=e.start, duration_min=e.duration_min,
                    place=e.place[:300], notes=e.notes,
                    remind_before_min=-1 if e.remind_before_min is None
                    else e.remind_before_min)

    @staticmethod
    def _imported_uids(s: Session, uids: list[str], identity: int) -> set[str]:
        """The UIDs of `uids` already here: imported before, or exported from this base."""
        known: set[str] = set()
        for i in range(0, len(uids), 500):
            chunk = uids[i:i + 500]
            known.update(u for u in s.scalars(
                select(Activity.ical_uid).where(Activity.ical_uid.in_(chunk))) if u)
        own = {}
        for uid in uids:
            m = _OWN_UID.fullmatch(uid)
            if m and int(m.group(2), 16) == identity:
                own[int(m.group(1))] = uid
        if own:
            known.update(own[i] for i in s.scalars(
                select(Activity.id).where(Activity.id.in_(list(own)))))
        return known

    @staticmethod
    def _clients_by_email(s: Session, emails: set[str]
                          ) -> dict[str, tuple[int, int | None, str]]:
        """e-mail → (client, contact, client's name) for the contacts' and the clients'
        addresses (an import is rare: the e-mails are compared without an index)."""
        if not emails:
            return {}
        wanted = list(emails)
        found: dict[str, tuple[int, int | None, str]] = {}
        for address, client_id, name in s.execute(
                select(func.lower(Client.email), Client.id, Client.name)
                .where(func.lower(Client.email).in_(wanted), Client.archived.is_(False))):
            found.setdefault(address, (client_id, None, name))
        for address, client_id, contact_id, name in s.execute(
                select(func.lower(Contact.email), Contact.client_id, Contact.id, Client.name)
                .join(Client, Client.id == Contact.client_id)
                .where(func.lower(Contact.email).in_(wanted),
                       Client.archived.is_(False))):
            found[address] = (client_id, contact_id, name)  # a contact tells more
        return found


def read_calendar(path: Path) -> Calendar:
    """The file parsed as a VCALENDAR, or ValidationError({"file": …}) saying why not."""
    from icalendar import Calendar

    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise _file_error(translate("Calendar", "Файл не найден: {path}").format(
            path=path)) from None
    if size > MAX_ICS_BYTES:
        raise _file_error(translate(
            "Calendar", "Файл календаря слишком большой: {size} МБ (не больше {limit} МБ)")
            .format(size=round(size / 2**20), limit=MAX_ICS_BYTES // 2**20))
    data = path.read_bytes()
    if not data.lstrip(b"\xef\xbb\xbf \r\n\t").upper().startswith(b"BEGIN:VCALENDAR"):
        raise _file_error(translate(
            "Calendar", "Это не файл календаря (.ics): нет BEGIN:VCALENDAR"))
    try:
        cal = Calendar.from_ical(data)
    except (ValueError, TypeError, KeyError, IndexError, UnicodeDecodeError):
        raise _file_error(translate(
            "Calendar", "Файл календаря повреждён и не читается")) from None
    if cal.name != "VCALENDAR":
        raise _file_error(translate(
            "Calendar", "Это не файл календаря (.ics): нет BEGIN:VCALENDAR"))
    return cal


def _write_whole(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file beside it: whole or not at all."""
    part = path.with_name(path.name + ".part")
    try:
        with open(part, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
