"""The Today tab's figures: the day's overview of the base, the pipeline and the agenda."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnClause, and_, func, literal_column, select, text

from app.domain.money import ZERO, from_kopecks
from app.models import (
    CLIENT_STATUSES,
    Activity,
    Client,
    Contact,
    Deal,
    Stage,
    stage_is_open,
)
from app.services.rows import not_null
from app.services.uow import UowFactory


@dataclass(frozen=True)
class AgendaItem:
    activity_id: int
    kind: str
    subject: str
    client_name: str
    due_at: datetime
    overdue: bool
    client_id: int | None = None
    deal_id: int | None = None


@dataclass(frozen=True)
class Overview:
    clients: int
    leads: int
    open_deals: int
    open_deals_amount: Decimal
    won_this_month: int
    won_this_month_amount: Decimal
    activities_today: int
    activities_overdue: int
    agenda: list[AgendaItem]


@dataclass(frozen=True)
class Birthday:
    contact_name: str
    client_id: int
    client_name: str
    day: date  # this year's (or next year's) date of the birthday
    age: int | None
    contact_id: int = 0
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class Receivable:
    order_id: int
    number: str
    client_name: str
    due_on: date
    outstanding: Decimal
    overdue_days: int
    client_id: int = 0


# The birthday's "MM-DD", spelled exactly as the index of migration 0014 is built, so that the
# week's birthdays are a search per day, not a read of every contact.
BIRTHDAY_KEY_SQL = "strftime('%m-%d', contacts.birthday)"
BIRTHDAY_KEY: ColumnClause[str] = literal_column(BIRTHDAY_KEY_SQL)


@dataclass(frozen=True)
class BirthdaysDue:
    rows: list[Birthday]  # by day, then name
    total: int  # every birthday in the period, however many rows were asked for


@dataclass(frozen=True)
class ReceivablesDue:
    rows: list[Receivable]  # oldest due date first
    total: int  # every balance due in the period, however many rows were asked for


def local_day_start(day: date) -> datetime:
    """The UTC instant at which `day` begins in the user's local time zone.

    Each day is converted on its own (the zone's offset of that day), so a day across a
    daylight-saving change starts at its own midnight, not at one shifted by an hour.
    """
    return datetime.combine(day, time.min).astimezone().astimezone(UTC)


def _local_day_bounds(day: date) -> tuple[datetime, datetime]:
    return local_day_start(day), local_day_start(day + timedelta(days=1))


class OverviewService:
    def __init__(self, *, uow_factory: UowFactory) -> None:
        self._uow = uow_factory

    def overview(self, today: date | None = None, agenda_limit: int = 50) -> Overview:
        today = today or date.today()
        day_start, day_end = _local_day_bounds(today)
        month_start = today.replace(day=1)
        with self._uow(read_only=True) as uow:
            s = uow.session
            # Both counts read an index only, whatever the planner knows: the clients by
            # (status, archived) per status, the open deals by their stage ids.
            by_status: dict[str, int] = dict(s.execute(
                select(Client.status, func.count())
                .where(Client.status.in_(CLIENT_STATUSES), Client.archived.is_(False))
                .group_by(Client.status)
            ).all())
            clients, leads = sum(by_status.values()), by_status.get("lead", 0)
            open_q = (
                select(func.count(Deal.id), func.coalesce(func.sum(Deal.amount), ZERO))
                .where(Deal.stage_id.in_(select(Stage.id).where(stage_is_open())))
            )
            open_count, open_amount = s.execute(open_q).one()
            won_q = (
                select(func.count(Deal.id), func.coalesce(func.sum(Deal.amount), ZERO))
                .where(Deal.stage_id.in_(select(Stage.id).where(Stage.is_won.is_(True))),
                       Deal.closed_on >= month_start, Deal.closed_on <= today)
            )
            won_count, won_amount = s.execute(won_q).one()
            pending = Activity.done.is_(False)
            today_count = s.scalar(
                select(func.count(Activity.id)).where(
                    pending, Activity.due_at >= day_start, Activity.due_at < day_end
                )
            )
            overdue_count = s.scalar(
                select(func.count(Activity.id)).where(pending, Activity.due_at < day_start)
            )
            rows = s.execute(
                select(Activity.id, Activity.kind, Activity.subject,
                       func.coalesce(Client.name, ""), Activity.due_at, Activity.client_id,
                       Activity.deal_id)
                .outerjoin(Client, Client.id == Activity.client_id)
                .where(and_(pending, Activity.due_at < day_end))
                .order_by(Activity.due_at)
                .limit(agenda_limit)
            ).all()
        agenda = []
        for r in rows:
            due = not_null(r[4], "activities.due_at")  # `due_at < day_end` excludes NULL
            agenda.append(AgendaItem(r[0], r[1], r[2], r[3], due, due < day_start, r[5], r[6]))
        return Overview(
            clients=clients,
            leads=leads,
            open_deals=open_count,
            open_deals_amount=Decimal(open_amount),
            won_this_month=won_count,
            won_this_month_amount=Decimal(won_amount),
            activities_today=today_count or 0,
            activities_overdue=overdue_count or 0,
            agenda=agenda,
        )

    def birthdays(self, today: date | None = None, days: int = 7) -> list[Birthday]:
        """Contacts whose birthday falls within the next `days` days (today included)."""
        return self.birthdays_due(today, days).rows

    def birthdays_due(self, today: date | None = None, days: int = 7,
                      limit: int | None = None) -> BirthdaysDue:
        """The birthdays of `birthdays` by day and name: the first `limit` (all without a
        limit) and how many there are.

        Day by day: each day's contacts come in name order from the index of migration 0014
        ("MM-DD", name, client_id), so only as many are read as the list still needs; the
        total is one count by the same index."""
        today = today or date.today()
        by_day: list[list[str]] = []
        for k in range(days + 1):
            keys = [(today + timedelta(days=k)).strftime("%m-%d")]
            if keys == ["02-28"] and not _is_leap(today.year):
                keys.append("02-29")  # celebrated on 28 February in common years
            by_day.append(keys)
        # no `birthday IS NOT NULL`: a key is never NULL's, and the index of migration 0014
        # ("MM-DD", name, client_id) then answers the count without the contacts' rows
        live = (Contact.client_id.not_in(select(Client.id).where(Client.archived.is_(True))),)
        with self._uow(read_only=True) as uow:
            s = uow.session
            total = s.execute(select(func.count()).select_from(Contact).where(
                BIRTHDAY_KEY.in_([key for keys in by_day for key in keys]), *live)
            ).scalar_one()
            rows: list[Any] = []
            for keys in by_day:
                wanted = None if limit is None else limit - len(rows)
                if wanted == 0:
                    break
                q = (select(Contact.name, Client.id, Client.name, Contact.birthday,
                            Contact.id, Contact.phone, Contact.email)
                     .join(Client, Client.id == Contact.client_id)
                     .where(BIRTHDAY_KEY.in_(keys), *live)
                     .order_by(Contact.name, Contact.id))
                rows.extend(s.execute(q if wanted is None else q.limit(wanted)).all())
        result = []
        for name, client_id, client_name, birthday, contact_id, phone, email in rows:
            born = not_null(birthday, "contacts.birthday")  # a NULL has no "MM-DD"
            day = _next_occurrence(born, today)
            result.append(Birthday(name, client_id, client_name, day, day.year - born.year,
                                   contact_id, phone, email))
        return BirthdaysDue(result, total)

    def receivables_due(self, today: date | None = None, days: int = 7,
                        limit: int | None = None) -> ReceivablesDue:
        """Unpaid order balances due within `days` days or already overdue, oldest first:
        the first `limit` of them (all without a limit) and how many there are in all.

        They are read from `agg_order_due` (migration 0006), the trigger-kept list of the
        orders with money still to come, so the cost follows the open balances shown, not
        the orders of ten years."""
        today = today or date.today()
        until = today + timedelta(days=days)
        with self._uow(read_only=True) as uow:
            s = uow.session
            total = s.execute(text("SELECT COUNT(*) FROM agg_order_due WHERE due_on <= :until"),
                              {"until": until}).scalar_one()
            rows = s.execute(
                text("SELECT o.id, o.number, c.name, a.due_on, a.outstanding, o.client_id"
                     " FROM agg_order_due a JOIN orders o ON o.id = a.order_id"
                     " JOIN clients c ON c.id = o.client_id"
                     " WHERE a.due_on <= :until ORDER BY a.due_on, a.order_id"
                     + (" LIMIT :limit" if limit is not None else "")),
                {"until": until, "limit": limit}).all()
        result = []
        for r in rows:
            due_on = date.fromisoformat(r[3])
            result.append(Receivable(r[0], r[1], r[2], due_on, from_kopecks(r[4]),
                                     max(0, (today - due_on).days), r[5]))
        return ReceivablesDue(result, total)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _next_occurrence(born: date, today: date) -> date:
    for year in (today.year, today.year + 1):
        try:
            day = born.replace(year=year)
        except ValueError:  # 29 February in a common year
            day = date(year, 2, 28)
        if day >= today:
            return day
    raise AssertionError("unreachable")
