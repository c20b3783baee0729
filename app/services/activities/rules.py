"""The rules of one activity: a draft's validation, its reminder time, a series' next date."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from app.i18n import translate
from app.models import Client, Complaint, Contact, Deal
from app.services.activities.codes import (
    ACTIVITY_KINDS,
    ACTIVITY_PRIORITIES,
    ACTIVITY_PURPOSES,
    DEFAULT_REMIND_BEFORE,
    REPEAT_UNITS,
)
from app.services.activities.dtos import ActivityDraft

NO_REMINDER = -1  # a draft's remind_before_min for "no reminder"


@dataclass(frozen=True)
class CheckedDraft:
    """A draft that passed validation: trimmed, its client taken from the deal or contact,
    materials once each; the reminder offset as stored (the default resolved, None for
    none) and its firing time."""

    draft: ActivityDraft
    remind_before_min: int | None
    remind_at: datetime | None


def aware_error(value: datetime | None) -> str | None:
    """The message for a datetime without a time zone (None when it is fine or absent)."""
    if value is not None and value.tzinfo is None:
        return translate("Activities", "Время без часового пояса")
    return None


def remind_before(draft: ActivityDraft) -> int | None:
    """The minutes before the start the reminder fires, the kind's default resolved."""
    if draft.remind_before_min is None:
        return DEFAULT_REMIND_BEFORE.get(draft.kind)
    if draft.remind_before_min == NO_REMINDER:
        return None
    return draft.remind_before_min


def remind_time(due_at: datetime | None, before: int | None, *, done: bool) -> datetime | None:
    """When the reminder of an activity fires: its start minus the offset, while it is open."""
    if done or due_at is None or before is None:
        return None
    return due_at - timedelta(minutes=before)


def add_months_clamped(day: date, months: int) -> date:
    """`day` moved by calendar months, clamped to the month's last day (31.01 + 1 → 28.02)."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_occurrence(due_at: datetime, every: int, unit: str) -> datetime:
    """The next start of a series: the previous one plus the interval, at the same local time.

    Days and weeks are counted on the local calendar, months by calendar months (clamped to
    the month's last day), so a 10:00 call stays at 10:00 local time.
    """
    local = due_at.astimezone()
    if unit == "day":
        day = local.date() + timedelta(days=every)
    elif unit == "week":
        day = local.date() + timedelta(weeks=every)
    elif unit == "month":
        day = add_months_clamped(local.date(), every)
    else:
        raise ValueError(f"not a repeat unit: {unit!r}")
    return datetime.combine(day, local.time().replace(tzinfo=None)).astimezone().astimezone(
        due_at.tzinfo)


def check_draft(s: Session, draft: ActivityDraft, *, now: datetime, check_reminder: bool,
                prefix: str = "") -> tuple[CheckedDraft | None, dict[str, str]]:
    """Validate a draft against the rules and the database (client, contact, deal).

    Returns the checked draft, or None and the messages by field (each field name with
    `prefix`, "next." for a completion's next step). `check_reminder`: refuse a reminder
    that would fire in the past (new activities, a changed start or reminder).
    """
    errors: dict[str, str] = {}

    def err(name: str, message: str) -> None:
        errors.setdefault(prefix + name, message)

    kind = draft.kind
    if kind not in ACTIVITY_KINDS:
        err("kind", translate("Activities", "Неизвестный вид дела"))
    subject = draft.subject.strip()
    if not subject:
        err("subject", translate("Activities", "Опишите, что нужно сделать"))
    if draft.priority not in ACTIVITY_PRIORITIES:
        err("priority", translate("Activities", "Неизвестный приоритет"))
    if draft.purpose not in ACTIVITY_PURPOSES:
        err("purpose", translate("Activities", "Неизвестное назначение дела"))
    message = aware_error(draft.due_at)
    if message:
        err("due_at", message)
    elif draft.due_at is None and kind != "note":
        err("due_at", translate("Activities", "Укажите дату и время"))
    if draft.duration_min is not None and draft.duration_min <= 0:
        err("duration_min", translate("Activities", "Окончание раньше начала"))
    # the repeat rule
    if draft.repeat_unit not in REPEAT_UNITS:
        err("repeat_unit", translate("Activities", "Неизвестная единица повторения"))
    elif draft.repeat_every is not None and draft.repeat_every < 1:
        err("repeat_every", translate("Activities", "Интервал повторения — не меньше 1"))
    elif draft.repeat_every is not None and not draft.repeat_unit:
        err("repeat_unit", translate("Activities", "Выберите: дни, недели или месяцы"))
    elif draft.repeat_unit and draft.repeat_every is None:
        err("repeat_every", translate("Activities", "Укажите, через сколько повторять"))
    elif draft.repeat_unit and draft.due_at is None:
        err("due_at", translate("Activities", "У повторяющегося дела должна быть дата"))
    # the reminder
    before: int | None = None
    if draft.remind_before_min is not None and draft.remind_before_min < NO_REMINDER:
        err("remind_before_min", translate("Activities", "Напоминание не может быть после "
                                                         "начала"))
    elif kind in ACTIVITY_KINDS:
        before = remind_before(draft)
    remind_at = remind_time(draft.due_at if not message else None, before, done=False)
    if check_reminder and remind_at is not None and remind_at < now:
        if draft.remind_before_min is None:
            # the kind's default for something already begun: no reminder rather than a
            # refusal the user did not ask for
            before, remind_at = None, None
        else:
            err("remind_before_min", translate("Activities", "Напоминание уже в прошлом"))
    materials = tuple(p.strip() for p in draft.materials)
    if any(not p for p in materials):
        err("materials", translate("Activities", "Пустой путь к файлу"))
    client_id, contact_id, deal_id = draft.client_id, draft.contact_id, draft.deal_id
    if deal_id is not None:
        deal = s.get(Deal, deal_id)
        if deal is None:
            err("deal_id", translate("Activities", "Сделка не найдена"))
        elif client_id is None:
            client_id = deal.client_id
        elif deal.client_id != client_id:
            err("deal_id", translate("Activities", "Эта сделка другого клиента"))
    if contact_id is not None:
        contact = s.get(Contact, contact_id)
        if contact is None:
            err("contact_id", translate("Activities", "Контакт не найден"))
        elif client_id is None:
            client_id = contact.client_id
        elif contact.client_id != client_id:
            err("contact_id", translate("Activities", "Это контакт другого клиента"))
    if draft.complaint_id is not None:
        complaint = s.get(Complaint, draft.complaint_id)
        if complaint is None:
            err("complaint_id", translate("Activities", "Рекламация не найдена"))
        elif client_id is None:
            client_id = complaint.client_id
        elif complaint.client_id != client_id:
            err("complaint_id", translate("Activities", "Эта рекламация другого клиента"))
    if client_id is None:
        if kind != "task":
            err("client_id", translate("Activities", "Выберите клиента (без клиента можно "
                                                     "только личную задачу)"))
    elif s.get(Client, client_id) is None:
        err("client_id", translate("Activities", "Клиент не найден"))
    if errors:
        return None, errors
    return CheckedDraft(replace(
        draft, subject=subject, client_id=client_id, place=draft.place.strip(),
        repeat_every=draft.repeat_every if draft.repeat_unit else None,
        repeat_unit=draft.repeat_unit if draft.repeat_every is not None else "",
        materials=tuple(dict.fromkeys(materials))), before, remind_at), {}
