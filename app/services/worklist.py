"""The Today tab's worklist: the day's activities, the deals and clients that need a step,
payments, birthdays, holidays and trainees' overdue tasks, in sections.

Rules of the sections (one place each):
- "today" is the user's local date; a section of activities is a range of local days turned
  into UTC instants (`overview.local_day_start`), so 23:59 local is today and 00:00 tomorrow.
- overdue: open activities due before today; today: due today, by time; tomorrow; week: the
  days after tomorrow up to today + 7 (the same seven days ahead as the birthdays). Open
  post-sale follow-ups (purpose "follow_up") are listed in their own section only, whatever
  their date (marked overdue when they are).
- stalled: open deals past their stage's stall limit (the deals service's rule,
  `deals.board.stalled`), and the board's «no next step» deals (`DealCard.no_next_step`:
  open, no open activity planned), with the reason their last completion gave; the
  longest in their stage first.
- service_due: active clients whose last done activity (by its planned time) lies `rhythm`
  days or more before today — a client called 14 days ago with a rhythm of 14 is due today;
  never contacted counts as due. The rhythm is the client's `service_every_days`, else the
  settings' "service_rhythm_days"[segment], else "service_rhythm_default_days". A client with
  an open service call (purpose "service") already planned is left out.
- birthdays: `overview.birthdays` (29 February is celebrated on 28 February in a common
  year); ticked when a greeting (purpose "greeting", done) was recorded for the contact in
  the seven days before the birthday or on it — so a birthday on 2 January greeted on
  30 December counts, which "this calendar year" would not.
- holidays: Russian public holidays (the `holidays` package) from today to today + 7, each
  with the key clients to greet: the active clients of the segment(s) with the shortest
  rhythm in "service_rhythm_days" (by default «Ключевые»), by name.
- receivables: the clients owing money past its due date — the orders of `agg_order_due`
  (not cancelled, a due date, paid less than the amount: `receivables.aging`'s outstanding)
  due before today, summed per client; the largest debt first, with the days since the
  oldest due date.
- late_shipments: the orders with a shipment late to leave or to arrive, or whose agreed
  ship date passed with goods still to leave (the orders service's rules,
  `orders.listing.LATE_SHIPMENT_SQL` / `LATE_DELIVERY_SQL` / `order_late_sql`), one row per
  order, the longest late first.
- low_stock: products not archived at or below their low-stock threshold (> 0), or below
  zero — `orders.low_stock`'s rule — the largest shortage first.
- trainee_tasks: `mentoring.overdue_tasks`.
- complaints: the overdue complaints (new or in work, due before today: the market
  service's rule, `market.feedback.overdue_complaint_sql`), the longest overdue first.
Every section is capped at `limit` rows; `Worklist.totals` holds each one's full count.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    TextClause,
    TextualSelect,
    column,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session

from app.domain.dates import local_date
from app.domain.money import format_money, from_kopecks
from app.i18n import current_language, plural, translate
from app.models import Activity, Client, Contact, Deal, Product, Stage
from app.models.base import UTCDateTime
from app.services.deals.board import days_in_stage, last_no_next_reason, stalled
from app.services.errors import NotFoundError, ValidationError
from app.services.market.feedback import complaint_category_label, overdue_complaint_sql

# at the top, not in the functions: the Today tab reads these sections on a worker thread,
# and an import there racing the GUI thread's import of app.services.orders gave the GUI
# thread a half-initialised module (ImportError)
from app.services.orders.listing import (
    LATE_DELIVERY_SQL,
    LATE_SHIPMENT_SQL,
    LIVE,
    order_late_sql,
)
from app.services.orders.rules import quantity_text
from app.services.overview import local_day_start
from app.services.rows import not_null
from app.services.uow import UowFactory
from app.services.workdays import cached

if TYPE_CHECKING:
    from app.services.activities import ActivitiesService
    from app.services.deals import DealsService, StageInfo
    from app.services.mentoring import MentoringService
    from app.services.overview import OverviewService
    from app.services.settings import SettingsService

SECTIONS = ("overdue", "today", "tomorrow", "week", "stalled", "service_due", "follow_up",
            "payments", "receivables", "late_shipments", "low_stock", "complaints", "birthdays",
            "holidays", "trainee_tasks")
WEEK_DAYS = 7  # "the next 7 days": today + 1 … today + 7


def section_label(section: str) -> str:
    """`Просрочено` for "overdue": the heading of each worklist section."""
    labels = {
        "overdue": translate("Worklist", "Просрочено"),
        "today": translate("Worklist", "Сегодня"),
        "tomorrow": translate("Worklist", "Завтра"),
        "week": translate("Worklist", "Ближайшие 7 дней"),
        "stalled": translate("Worklist", "Сделки без движения"),
        "service_due": translate("Worklist", "Пора позвонить"),
        "follow_up": translate("Worklist", "Звонки после продажи"),
        "payments": translate("Worklist", "Ожидаемые оплаты"),
        "receivables": translate("Worklist", "Просроченная дебиторка"),
        "late_shipments": translate("Worklist", "Отгрузки с опозданием"),
        "complaints": translate("Worklist", "Просроченные рекламации"),
        "low_stock": translate("Worklist", "Мало на складе"),
        "birthdays": translate("Worklist", "Дни рождения"),
        "holidays": translate("Worklist", "Праздники"),
        "trainee_tasks": translate("Worklist", "Задачи стажёров"),
    }
    return labels.get(section, section)


@dataclass(frozen=True)
class WorkItem:
    section: str
    # "activity" | "deal" | "client" | "birthday" | "holiday" | "payment" | "receivable" |
    # "order" | "product" | "trainee_task" | "complaint"
    kind: str
    # activity / deal / client / contact / order / product / trainee-task / complaint id (a
    # receivable: its client's)
    ident: int | None
    when: datetime | date | None
    title: str  # subject, deal title, client name, contact name, holiday name
    detail: str  # the second line: client and deal, amount, days overdue, …
    client_id: int | None = None
    deal_id: int | None = None
    contact_id: int | None = None
    phone: str = ""
    email: str = ""
    overdue: bool = False
    activity_kind: str = ""  # call/meeting/… for kind "activity"
    done: bool = False  # a birthday already greeted
    related: tuple[tuple[int, str], ...] = ()  # a holiday's key clients: (client id, name)


@dataclass(frozen=True)
class Worklist:
    today: date
    sections: dict[str, list[WorkItem]]  # every key of SECTIONS, in that order
    totals: dict[str, int]  # each section's full count (more than its list when capped)


@dataclass(frozen=True)
class Rhythm:
    """The service-call rhythm settings: days per segment and for any other segment."""

    by_segment: dict[str, int]
    default: int

    def key_segments(self) -> list[str]:
        """The segments of the shortest rhythm: the key clients' (greeted on holidays)."""
        if not self.by_segment:
            return []
        shortest = min(self.by_segment.values())
        return sorted(s for s, days in self.by_segment.items() if days == shortest)


def _days(value: int) -> str:
    return translate("Worklist", "{n} дн.").format(n=value)


def _joined(*parts: str) -> str:
    return " · ".join(p for p in parts if p)


@lru_cache(maxsize=16)
def holiday_occasions(year: int, language: str) -> tuple[tuple[date, str], ...]:
    """Russia's public holidays of `year` (the `holidays` package) as greeting occasions,
    named in the interface language: the first day of each holiday in the year (the New
    Year holidays once, on 1 January, not again on 8 January after Christmas), without the
    days off moved or added for a holiday on a weekend."""
    def compute() -> list[list[str]]:
        import holidays

        calendar = holidays.country_holidays("RU", years=year,
                                             language="ru" if language == "ru" else "en_US")
        moved = [re.compile(re.escape(calendar.tr(label)).replace(re.escape("%s"), ".+"))
                 for label in (calendar.observed_label, calendar.substituted_label)]
        seen: set[str] = set()
        occasions = []
        for day, name in sorted(calendar.items()):
            if name not in seen and not any(m.fullmatch(name) for m in moved):
                occasions.append([day.isoformat(), name])
            seen.add(name)
        return occasions

    # from the cache file of workdays (the package costs 0.35 s to import on first use)
    return cached(f"occasions-{language}-{year}", compute,
                  lambda rows: tuple((date.fromisoformat(d), str(n)) for d, n in rows))


def _done_unindexed(value: bool) -> ColumnElement[bool]:
    """`+activities.done = value`: the unary plus keeps SQLite, which has no statistics on a
    user's base, from searching the (done, due_at) index — every done activity of the base —
    where the activity's deal or contact narrows the rows to a handful."""
    return literal_column("+activities.done") == int(value)


def _mirrors(mirrored: Sequence[Any], rhythm: Rhythm) -> bool:
    """Whether agg_service_rhythm's rows (segment, days; NULL: the default) are `rhythm`."""
    defaults = [days for segment, days in mirrored if segment is None]
    segments = {segment: days for segment, days in mirrored if segment is not None}
    return defaults == [rhythm.default] and segments == rhythm.by_segment


def _sql_instant(value: datetime) -> str:
    """A UTC instant spelled as UTCDateTime stores it, for comparisons in raw SQL."""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


# The activity sections: each one's range of open activities (`:s0` … `:s8` are the local
# midnights of today … today + 8, see the module's rules).
_ACTIVITY_RANGES = {
    "overdue": "a.due_at < :s0 AND a.purpose != 'follow_up'",
    "today": "a.due_at >= :s0 AND a.due_at < :s1 AND a.purpose != 'follow_up'",
    "tomorrow": "a.due_at >= :s1 AND a.due_at < :s2 AND a.purpose != 'follow_up'",
    "week": f"a.due_at >= :s2 AND a.due_at < :s{WEEK_DAYS + 1} AND a.purpose != 'follow_up'",
    "follow_up": "a.due_at IS NOT NULL AND a.purpose = 'follow_up'",
}
ACTIVITY_SECTIONS = tuple(_ACTIVITY_RANGES)


@lru_cache(maxsize=32)
def _activities_sql(sections: tuple[str, ...]) -> tuple[TextClause, TextualSelect]:
    """The count of each of `sections` and their first `:lim` rows, one statement each.

    The counts are one walk of the (done, due_at) index over the open activities with a
    due time (up to the week's end without the follow-ups, which may lie further); the rows
    are one limited read of that index per section, in UNION ALL."""
    ahead = "" if "follow_up" in sections else f" AND a.due_at < :s{WEEK_DAYS + 1}"
    counts = text(
        "SELECT " + ", ".join(f"COALESCE(SUM(CASE WHEN {_ACTIVITY_RANGES[name]} THEN 1"
                              " ELSE 0 END), 0)" for name in sections)
        + " FROM activities a WHERE a.done = :no AND a.due_at IS NOT NULL" + ahead)
    parts = [
        f"SELECT * FROM (SELECT {i} AS section, a.id, a.kind, a.subject, a.due_at,"
        " a.client_id, a.deal_id, a.contact_id, COALESCE(c.name, '') AS client,"
        " COALESCE(d.title, '') AS deal, COALESCE(p.name, '') AS contact,"
        " COALESCE(NULLIF(p.phone, ''), c.phone, '') AS phone,"
        " COALESCE(NULLIF(p.email, ''), c.email, '') AS email"
        " FROM activities a LEFT JOIN clients c ON c.id = a.client_id"
        " LEFT JOIN deals d ON d.id = a.deal_id LEFT JOIN contacts p ON p.id = a.contact_id"
        f" WHERE a.done = :no AND {_ACTIVITY_RANGES[name]}"
        f" ORDER BY a.due_at, a.id LIMIT :lim) AS s{i}"
        for i, name in enumerate(sections)]
    rows = text(" UNION ALL ".join(parts) + " ORDER BY section, due_at, id").columns(
        column("section", Integer), column("id", Integer), column("kind", String),
        column("subject", String), column("due_at", UTCDateTime),
        *(column(name, Integer) for name in ("client_id", "deal_id", "contact_id")),
        *(column(name, String) for name in ("client", "deal", "contact", "phone", "email")))
    return counts, rows


def _activities_in(s: Session, sections: Sequence[str], starts: Sequence[datetime],
                   limit: int) -> tuple[dict[str, list[WorkItem]], dict[str, int]]:
    """The open activities of each of `sections` (a subset of ACTIVITY_SECTIONS, in that
    order) by due time: the first `limit` and the count of each."""
    counts_sql, rows_sql = _activities_sql(tuple(sections))
    params: dict[str, object] = {f"s{k}": _sql_instant(start) for k, start in enumerate(starts)}
    params.update(no=False, lim=limit)
    totals = dict(zip(sections, s.execute(counts_sql, params).one(), strict=True))
    items: dict[str, list[WorkItem]] = {name: [] for name in sections}
    day_start = starts[0]
    today = local_date(day_start)
    for r in s.execute(rows_sql, params):
        due_at = not_null(r.due_at, "activities.due_at")  # every range bounds due_at
        overdue = due_at < day_start
        late = (translate("Worklist", "просрочено на {d}").format(
            d=_days((today - local_date(due_at)).days)) if overdue else "")
        section = sections[r.section]
        items[section].append(WorkItem(
            section=section, kind="activity", ident=r.id, when=due_at, title=r.subject,
            detail=_joined(r.client, r.deal, r.contact, late), client_id=r.client_id,
            deal_id=r.deal_id, contact_id=r.contact_id, phone=r.phone, email=r.email,
            overdue=overdue, activity_kind=r.kind))
    return items, totals


class WorklistService:
    def __init__(self, *, uow_factory: UowFactory, overview: OverviewService,
                 deals: DealsService, mentoring: MentoringService, settings: SettingsService,
                 activities: ActivitiesService) -> None:
        self._uow = uow_factory
        self._overview = overview
        self._deals = deals
        self._mentoring = mentoring
        self._settings = settings
        self._activities = activities

    # -- the whole list ------------------------------------------------------------------

    def worklist(self, today: date | None = None, *, now: datetime | None = None,
                 limit: int = 100, sections: Collection[str] | None = None) -> Worklist:
        """The day's worklist for the local date `today` (default: the local date of `now`).

        `sections` (default: all) names the sections to read; the others come back empty
        with a total of 0 — so a view can show the quick sections first and read the
        service calls, which visit every active client, after them."""
        now = now or datetime.now(UTC)
        today = today or local_date(now)
        wanted = set(SECTIONS if sections is None else sections)
        unknown = wanted - set(SECTIONS)
        if unknown:
            raise ValidationError({"sections": translate(
                "Worklist", "Нет такого раздела: {names}").format(
                names=", ".join(sorted(unknown)))})
        starts = [local_day_start(today + timedelta(days=k)) for k in range(WEEK_DAYS + 2)]
        readers: dict[str, Callable[[], tuple[list[WorkItem], int]]] = {
            "stalled": lambda: self._stalled(today, limit),
            "service_due": lambda: self.service_due(today, limit=limit),
            "payments": lambda: self._payments(today, limit),
            "receivables": lambda: self._receivables(today, limit),
            "late_shipments": lambda: self._late_shipments(today, limit),
            "complaints": lambda: self._complaints(today, limit),
            "low_stock": lambda: self._low_stock(limit),
            "birthdays": lambda: self._birthdays(today, limit),
            "holidays": lambda: self._holidays(today, limit),
            "trainee_tasks": lambda: self._trainee_tasks(today, limit),
        }
        items: dict[str, list[WorkItem]] = {}
        totals: dict[str, int] = {}
        shown = [name for name in ACTIVITY_SECTIONS if name in wanted]
        if shown:
            with self._uow(read_only=True) as uow:
                items, totals = _activities_in(uow.session, shown, starts, limit)
        for name, read in readers.items():
            if name in wanted:
                items[name], totals[name] = read()
        return Worklist(today, {k: items.get(k, []) for k in SECTIONS},
                        {k: totals.get(k, 0) for k in SECTIONS})

    # -- deals ---------------------------------------------------------------------------

    def _stalled(self, today: date, limit: int) -> tuple[list[WorkItem], int]:
        """Open deals past their stage's stall limit, then open deals left without a next
        step (no open activity; the last done one closed with none), longest waiting first."""
        stages = {st.id: st for st in self._deals.stages()}
        open_ids = [st.id for st in stages.values() if st.is_open]
        working = self._deals.stall_in_working_days()
        with self._uow(read_only=True) as uow:
            s = uow.session
            # the deal and its stage only: the title and the client are read for the shown
            columns = (Deal.id, Deal.stage_id, Deal.stage_entered_at)
            limited = [st.id for st in stages.values()
                       if st.is_open and st.stall_days is not None]
            # calendar days ≥ working days, a day's margin for the zone: a cheap superset
            # of the stalled, the exact rule below keeps only them
            late = s.execute(
                select(*columns).join(Stage, Stage.id == Deal.stage_id)
                .where(Deal.stage_id.in_(limited),
                       func.julianday(today.isoformat())
                       - func.julianday(Deal.stage_entered_at) > Stage.stall_days - 1)
            ).all() if limited else []
            # the board's «no next step» (DealCard.no_next_step): an open deal without an
            # open activity planned, by ix_activities_deal_done_due (`+done`: _done_unindexed)
            open_step = (select(Activity.id).where(Activity.deal_id == Deal.id,
                                                   _done_unindexed(False),
                                                   Activity.due_at.is_not(None))
                         .correlate(Deal).exists())
            no_next = s.execute(
                select(*columns).where(Deal.stage_id.in_(open_ids), ~open_step)
                .order_by(Deal.stage_entered_at, Deal.id)
            ).all() if open_ids else []
            shown, total = self._stalled_first(late, no_next, stages, today, working, limit)
            details = {r.id: r for r in s.execute(
                select(Deal.id, Deal.title, Deal.client_id, Deal.stage_entered_at,
                       Client.name, Client.phone, Client.email)
                .join(Client, Client.id == Deal.client_id)
                .where(Deal.id.in_([f[1] for f in shown])))}
            reasons = self._no_next_reasons(
                s, [ident for _d, ident, _s, late in shown if not late])
        items = []
        for days, ident, stage_id, past_limit in shown:
            stage, r = stages[stage_id], details[ident]
            why = reasons.get(ident, "")
            if past_limit:
                why = translate("Worklist", "в этапе {d} (норма {n})").format(
                    d=_days(days), n=_days(not_null(stage.stall_days, "stages.stall_days")))
            items.append(WorkItem(
                "stalled", "deal", ident, r.stage_entered_at, r.title,
                _joined(r.name, stage.name, why), client_id=r.client_id, deal_id=ident,
                phone=r.phone, email=r.email, overdue=past_limit))
        return items, total

    @staticmethod
    def _stalled_first(late: Sequence[Any], no_next: Sequence[Any],
                       stages: dict[int, StageInfo], today: date, working: bool,
                       limit: int) -> tuple[list[tuple[int, int, int, bool]], int]:
        """The first `limit` deals the section lists — (days in its stage, id, stage id, past
        the stall limit), the longest in their stage first, then by id — and how many it
        lists: the stall rule on `late` (a superset), then `no_next`.

        `no_next` comes in the order of stage entry, so its days in stage only fall: its
        days are counted until `limit` rows are taken and the next row has fewer days."""
        cache: dict[date, int] = {}
        found: dict[int, tuple[int, int, int, bool]] = {}
        for r in late:
            days = days_in_stage(r.stage_entered_at, today, working=working, cache=cache)
            if stalled(stages[r.stage_id], days):
                found[r.id] = (days, r.id, r.stage_id, True)
        rest = [r for r in no_next if r.id not in found]
        taken: list[tuple[int, int, int, bool]] = []
        for r in rest:
            days = days_in_stage(r.stage_entered_at, today, working=working, cache=cache)
            if len(taken) >= limit and days < taken[-1][0]:
                break
            taken.append((days, r.id, r.stage_id, False))
        listed = sorted([*found.values(), *taken], key=lambda f: (-f[0], f[1]))
        return listed[:limit], len(found) + len(rest)

    @staticmethod
    def _no_next_reasons(s: Session, deal_ids: list[int]) -> dict[int, str]:
        """«нет следующего шага» with the reason the deal's last completion gave (the
        board's `last_no_next_reason`), per deal; its activities by ix_activities_deal_done_due."""
        done: dict[int, list[tuple[datetime | None, int, str]]] = {d: [] for d in deal_ids}
        if deal_ids:
            for deal_id, done_at, ident, reason, is_done in s.execute(
                    select(Activity.deal_id, Activity.done_at, Activity.id,
                           Activity.no_next_reason, Activity.done)
                    .where(Activity.deal_id.in_(deal_ids))):
                if is_done and deal_id is not None:
                    done[deal_id].append((done_at, ident, reason))
        none = translate("Worklist", "нет следующего шага")
        return {d: _joined(none, last_no_next_reason(rows)) for d, rows in done.items()}

    # -- service calls -------------------------------------------------------------------

    def rhythm(self) -> Rhythm:
        by_segment = self._settings.get("service_rhythm_days") or {}
        default = self._settings.get("service_rhythm_default_days")
        return Rhythm({str(k): int(v) for k, v in dict(by_segment).items()}, int(default))

    def service_due(self, today: date | None = None, *,
                    limit: int = 100) -> tuple[list[WorkItem], int]:
        """Active clients past their service-call rhythm (see the module's rules): the
        longest without a contact first (never contacted before all), and how many.

        Read from `agg_service_due` (migration 0011, app/service_calls.py: each client's
        last contact, rhythm and the instant it runs out, kept by triggers): the count is
        one range of its (due_at) index, the first rows a walk of its (last_at) index that
        stops at `limit`. When the rhythm mirrored there is not the one the settings give
        (a default changed since the mirror was written), the clients are scanned instead."""
        today = today or date.today()
        rhythm = self.rhythm()
        with self._uow(read_only=True) as uow:
            s = uow.session
            mirrored = s.execute(text("SELECT segment, days FROM agg_service_rhythm")).all()
            if _mirrors(mirrored, rhythm):
                rows = self._due_from_mirror(s, today, limit)
            else:
                rows = self._due_by_scan(s, today, limit, rhythm)
            total = rows[0][0] if rows else 0
            shown = [(r[1], r[2], r[3]) for r in rows]
            clients = {r.id: r for r in s.execute(
                select(Client.id, Client.name, Client.segment, Client.phone, Client.email)
                .where(Client.id.in_([r[0] for r in shown])))}
        return self._service_items(today, shown, clients), total

    @staticmethod
    def _due_from_mirror(s: Session, today: date, limit: int) -> Sequence[Any]:
        """(count, client id, last contact, rhythm) of the first `limit` due, by
        agg_service_due: `due_at` below tomorrow's local midnight − 2 days is due, from
        + 2 days on is not, the rows between are checked by the rule itself (the zone's
        offset may differ between the day of the contact and today)."""
        tomorrow = local_day_start(today + timedelta(days=1))
        params = {"today": today.isoformat(), "limit": limit,
                  "lo": f"{tomorrow - timedelta(days=2):%Y-%m-%d %H:%M:%S}",
                  "hi": f"{tomorrow + timedelta(days=2):%Y-%m-%d %H:%M:%S}"}
        # the local midnight of today − rhythm + 1, as UTCDateTime stores an instant
        rule = ("last_at < strftime('%Y-%m-%d %H:%M:%f', :today,"
                " printf('%+d days', 1 - rhythm), 'utc')")
        due = f"due_at < :hi AND (due_at < :lo OR {rule})"
        # the unary plus keeps the first rows on the (last_at) index, in the wanted order
        first = due.replace("due_at", "+due_at")
        return list(s.execute(text(
            f"SELECT (SELECT count(*) FROM agg_service_due WHERE {due}),"
            f" client_id, last_at, rhythm FROM agg_service_due WHERE {first}"
            " ORDER BY last_at, client_id LIMIT :limit"), params).all())

    @staticmethod
    def _due_by_scan(s: Session, today: date, limit: int,
                     rhythm: Rhythm) -> Sequence[Any]:
        """The same rows as `_due_from_mirror`, from every active client's activities.

        One pass over the active clients by (status, archived); for each, its last done
        activity is one seek of (client_id, done, due_at); the planned service calls are
        read once by (done, due_at). Counted and capped in SQL."""
        params: dict[str, object] = {"today": today.isoformat(),
                                     "default_days": rhythm.default,
                                     "default_from": _sql_instant(
                                         local_day_start(today - timedelta(rhythm.default - 1)))}
        cases = []
        for i, (segment, days) in enumerate(sorted(rhythm.by_segment.items())):
            params[f"seg{i}"], params[f"days{i}"] = segment, days
            params[f"from{i}"] = _sql_instant(local_day_start(today - timedelta(days - 1)))
            cases.append((f":seg{i}", f":days{i}", f":from{i}"))
        days_case = ("CASE WHEN c.service_every_days IS NOT NULL THEN c.service_every_days"
                     + "".join(f" WHEN c.segment = {seg} THEN {d}" for seg, d, _f in cases)
                     + " ELSE :default_days END")
        # a contact on or after this instant (the local midnight of today - rhythm + 1)
        # keeps the client off the list; an override's is computed in SQL in local time
        from_case = ("CASE WHEN c.service_every_days IS NOT NULL THEN"
                     " strftime('%Y-%m-%d %H:%M:%f', :today, '-' || (c.service_every_days - 1)"
                     " || ' days', 'utc')"
                     + "".join(f" WHEN c.segment = {seg} THEN {f}" for seg, _d, f in cases)
                     + " ELSE :default_from END")
        # One statement, so the 100,000 clients' rows never reach Python: `probed` holds
        # each active client's last contact (one seek each, materialized so the seek is
        # not repeated for the filter), `due` those past their rhythm; the count and the
        # first rows (never contacted first, then the longest without a contact) come
        # from it. The clients with a service call planned (a few open activities) are
        # read once into the NOT IN list.
        params["limit"] = limit
        sql = text(
            "WITH probed AS MATERIALIZED ("
            " SELECT c.id AS id, (SELECT max(a.due_at) FROM activities a"
            "  WHERE a.client_id = c.id AND a.done = 1) AS last,"
            f" {days_case} AS rhythm, {from_case} AS since"
            " FROM clients c WHERE c.status = 'active' AND c.archived = 0"
            " AND c.id NOT IN (SELECT o.client_id FROM activities o WHERE o.done = 0"
            "  AND o.purpose = 'service' AND o.client_id IS NOT NULL)),"
            " due AS MATERIALIZED (SELECT id, last, rhythm FROM probed"
            "  WHERE coalesce(last, '') < since)"
            " SELECT (SELECT count(*) FROM due), id, last, rhythm FROM due"
            " ORDER BY last IS NOT NULL, last, id LIMIT :limit")
        return list(s.execute(sql, params).all())

    def _service_items(self, today: date, shown: list[tuple[int, str | None, int]],
                       clients: dict[int, Any]) -> list[WorkItem]:
        items = []
        for ident, last, days in shown:
            c = clients[ident]
            when: datetime | None = None
            late = True  # past the day the call fell due (never contacted: always)
            since = translate("Worklist", "контактов не было")
            if last:  # the scan gives None, the mirror '' for never contacted
                when = datetime.fromisoformat(last).replace(tzinfo=UTC)
                waited = (today - local_date(when)).days
                late = waited > days
                since = translate("Worklist", "последний контакт {d} назад").format(
                    d=_days(waited))
            items.append(WorkItem(
                "service_due", "client", ident, when, c.name,
                _joined(c.segment, since, translate("Worklist", "звонок раз в {d}").format(
                    d=_days(days))),
                client_id=ident, phone=c.phone, email=c.email, overdue=late))
        return items

    # -- the other sections --------------------------------------------------------------

    def _payments(self, today: date, limit: int) -> tuple[list[WorkItem], int]:
        due = self._overview.receivables_due(today, limit=limit)
        items = []
        for r in due.rows:
            late = (translate("Worklist", "просрочено на {d}").format(d=_days(r.overdue_days))
                    if r.overdue_days else "")
            items.append(WorkItem("payments", "payment", r.order_id, r.due_on,
                                  f"{r.number} · {r.client_name}",
                                  _joined(format_money(r.outstanding), late),
                                  client_id=r.client_id or None, overdue=r.overdue_days > 0))
        return items, due.total

    def _receivables(self, today: date, limit: int) -> tuple[list[WorkItem], int]:
        """Clients with money overdue, summed over their orders in agg_order_due: its
        (due_on, order_id, client_id, outstanding) index holds all it needs (migration 0013);
        the clients' names are read for the first rows only (`top`: 5,000 owing clients
        joined before the sort took 22 ms on the large base, 14 ms after)."""
        with self._uow(read_only=True) as uow:
            rows = uow.session.execute(text(
                "WITH owing AS MATERIALIZED (SELECT client_id, SUM(outstanding) AS owed,"
                "  MIN(due_on) AS oldest, COUNT(*) AS orders FROM agg_order_due"
                "  WHERE due_on < :today GROUP BY client_id),"
                " top AS MATERIALIZED (SELECT * FROM owing"
                "  ORDER BY owed DESC, client_id LIMIT :limit)"
                " SELECT w.client_id, c.name, c.phone, c.email, w.owed, w.oldest, w.orders,"
                " (SELECT COUNT(*) FROM owing) FROM top w"
                " JOIN clients c ON c.id = w.client_id ORDER BY w.owed DESC, w.client_id"),
                {"today": today.isoformat(), "limit": limit}).all()
        items = []
        for client_id, name, phone, email, owed, oldest, orders, _total in rows:
            due_on = date.fromisoformat(oldest)
            items.append(WorkItem(
                "receivables", "receivable", client_id, due_on, name,
                _joined(format_money(from_kopecks(owed)),
                        translate("Worklist", "просрочено до {d}").format(
                            d=_days((today - due_on).days)),
                        plural(orders, translate("Worklist", "%n заказ|%n заказа|%n заказов"))),
                client_id=client_id, phone=phone, email=email, overdue=True))
        return items, rows[0][-1] if rows else 0

    def _late_shipments(self, today: date, limit: int) -> tuple[list[WorkItem], int]:
        """Orders late to ship or to arrive, one row each: the late shipments by the
        (status, planned_on) index (few are not delivered), the orders past their ship date
        by (status) — the orders service's rules."""
        late = (
            "SELECT 'ship' AS what, sh.order_id AS order_id, sh.planned_on AS since"
            " FROM shipments sh JOIN orders o2 ON o2.id = sh.order_id"
            f" WHERE {LATE_SHIPMENT_SQL} AND {LIVE}"
            " UNION ALL SELECT 'deliver', sh.order_id, sh.planned_delivery_on"
            " FROM shipments sh JOIN orders o2 ON o2.id = sh.order_id"
            f" WHERE {LATE_DELIVERY_SQL} AND {LIVE}"
            f" UNION ALL SELECT 'ship', o2.id, o2.ship_by FROM orders o2"
            f" WHERE {order_late_sql('o2')}")
        with self._uow(read_only=True) as uow:
            # grouped, sorted and capped before the order and its client are joined
            rows = uow.session.execute(text(
                "WITH late AS MATERIALIZED (SELECT x.order_id AS order_id,"
                " MIN(CASE WHEN x.what = 'ship' THEN x.since END) AS ship,"
                " MIN(CASE WHEN x.what = 'deliver' THEN x.since END) AS deliver,"
                " MIN(x.since) AS first, COUNT(*) OVER () AS total"
                f" FROM ({late}) x GROUP BY x.order_id ORDER BY first, x.order_id"
                " LIMIT :limit)"
                " SELECT l.order_id, o.number, o.client_id, c.name, c.phone, c.email, l.ship,"
                " l.deliver, l.first, l.total FROM late l JOIN orders o ON o.id = l.order_id"
                " JOIN clients c ON c.id = o.client_id ORDER BY l.first, l.order_id"),
                {"today": today.isoformat(), "limit": limit}).all()
        items = []
        for order_id, number, client_id, name, phone, email, ship, deliver, first, _n in rows:
            parts = []
            if ship is not None:
                parts.append(translate("Worklist", "отгрузка опаздывает на {d}").format(
                    d=_days((today - date.fromisoformat(ship)).days)))
            if deliver is not None:
                parts.append(translate("Worklist", "доставка опаздывает на {d}").format(
                    d=_days((today - date.fromisoformat(deliver)).days)))
            items.append(WorkItem(
                "late_shipments", "order", order_id, date.fromisoformat(first),
                f"{number} · {name}", _joined(*parts), client_id=client_id, phone=phone,
                email=email, overdue=True))
        return items, rows[0][-1] if rows else 0

    def _complaints(self, today: date, limit: int) -> tuple[list[WorkItem], int]:
        """The overdue complaints, the longest overdue first (by the due_on index)."""
        with self._uow(read_only=True) as uow:
            rows = uow.session.execute(text(
                "SELECT c.id, c.client_id, cl.name, cl.phone, cl.email, c.category,"
                " c.description, c.due_on, c.responsible, COUNT(*) OVER ()"
                " FROM complaints c JOIN clients cl ON cl.id = c.client_id"
                f" WHERE {overdue_complaint_sql('c')}"
                " ORDER BY c.due_on, c.id LIMIT :limit"),
                {"today": today.isoformat(), "limit": limit}).all()
        items = []
        for ident, client_id, name, phone, email, category, text_, due, who, _n in rows:
            due_on = date.fromisoformat(str(due))
            items.append(WorkItem(
                "complaints", "complaint", ident, due_on,
                _joined(name, complaint_category_label(category)),
                _joined(text_, translate("Worklist", "просрочено на {d}").format(
                    d=_days((today - due_on).days)), who),
                client_id=client_id, phone=phone, email=email, overdue=True))
        return items, rows[0][-1] if rows else 0

    def _low_stock(self, limit: int) -> tuple[list[WorkItem], int]:
        """Products at or below their threshold (or below zero), the largest shortage
        first (`orders.low_stock`'s rule, counted and capped in SQL)."""
        with self._uow(read_only=True) as uow:
            rows = uow.session.execute(
                select(Product.id, Product.sku, Product.name, Product.unit, Product.stock,
                       Product.min_stock, func.count().over())
                .where(Product.archived.is_(False),
                       or_((Product.min_stock > 0) & (Product.stock <= Product.min_stock),
                           Product.stock < 0))
                .order_by(Product.stock - Product.min_stock, Product.name, Product.id)
                .limit(limit)).all()
        items = [WorkItem(
            "low_stock", "product", ident, None, f"{name} ({sku})" if sku else name,
            _joined(translate("Worklist", "на складе {n}").format(n=quantity_text(stock, unit)),
                    translate("Worklist", "порог {n}").format(n=quantity_text(minimum, unit))
                    if minimum > 0 else ""),
            overdue=stock <= 0)
            for ident, sku, name, unit, stock, minimum, _n in rows]
        return items, rows[0][-1] if rows else 0

    def _birthdays(self, today: date, limit: int) -> tuple[list[WorkItem], int]:
        found = self._overview.birthdays_due(today, days=WEEK_DAYS, limit=limit)
        greeted = self._greeted({b.contact_id: b.day for b in found.rows})
        items = []
        for b in found.rows:
            age = translate("Worklist", "исполняется {n}").format(n=b.age) if b.age else ""
            items.append(WorkItem("birthdays", "birthday", b.contact_id, b.day, b.contact_name,
                                  _joined(b.client_name, age), client_id=b.client_id,
                                  contact_id=b.contact_id, phone=b.phone, email=b.email,
                                  done=b.contact_id in greeted))
        return items, found.total

    def _greeted(self, days: dict[int, date]) -> set[int]:
        """The contacts among `days` (contact → birthday) greeted in the week before it."""
        if not days:
            return set()
        earliest = local_day_start(min(days.values()) - timedelta(days=WEEK_DAYS))
        with self._uow(read_only=True) as uow:
            rows = uow.session.execute(
                select(Activity.contact_id, Activity.done_at)
                .where(Activity.contact_id.in_(list(days)), Activity.purpose == "greeting",
                       _done_unindexed(True), Activity.done_at >= earliest)).all()
        return {contact for contact, done_at in rows
                if contact is not None and done_at is not None
                and local_date(done_at) >= days[contact] - timedelta(days=WEEK_DAYS)}

    def _holidays(self, today: date, limit: int) -> tuple[list[WorkItem], int]:
        last = today + timedelta(days=WEEK_DAYS)
        found = [(day, name) for year in sorted({today.year, last.year})
                 for day, name in holiday_occasions(year, current_language())
                 if today <= day <= last]
        if not found:
            return [], 0
        key_clients = self.key_clients(limit)
        who = (translate("Worklist", "поздравить ключевых клиентов: {n}").format(
            n=len(key_clients)) if key_clients else "")
        items = [WorkItem("holidays", "holiday", None, day, name, who,
                          related=tuple(key_clients)) for day, name in found[:limit]]
        return items, len(found)

    def key_clients(self, limit: int = 100) -> list[tuple[int, str]]:
        """The key clients to greet on a holiday (the module's rule), by name."""
        segments = self.rhythm().key_segments()
        if not segments:
            return []
        with self._uow(read_only=True) as uow:
            return [(r[0], r[1]) for r in uow.session.execute(
                select(Client.id, Client.name)
                .where(Client.segment.in_(segments), Client.status == "active",
                       Client.archived.is_(False))
                .order_by(Client.sort_name, Client.id).limit(limit))]

    def _trainee_tasks(self, today: date, limit: int) -> tuple[list[WorkItem], int]:
        tasks = self._mentoring.overdue_tasks(today)
        items = [WorkItem("trainee_tasks", "trainee_task", t.task_id, t.due_on, t.title,
                          _joined(t.trainee_name, translate("Worklist", "просрочено на {d}")
                                  .format(d=_days((today - t.due_on).days))),
                          overdue=True) for t in tasks[:limit]]
        return items, len(tasks)

    # -- actions -------------------------------------------------------------------------

    def mark_greeted(self, contact_id: int, *, today: date | None = None,
                     now: datetime | None = None) -> int:
        """Record that the contact was greeted on the birthday: a done call with purpose
        "greeting" (at the current time, or at local noon of another `today`); its id."""
        from app.services.activities import ActivityDraft, Completion

        now = now or datetime.now(UTC)
        today = today or local_date(now)
        at = now if local_date(now) == today else (
            datetime.combine(today, time(12)).astimezone().astimezone(UTC))
        with self._uow(read_only=True) as uow:
            contact = uow.session.get(Contact, contact_id)
            if contact is None:
                raise NotFoundError(translate("Worklist", "Контакт не найден"))
            client_id, name = contact.client_id, contact.name
        subject = translate("Worklist", "Поздравление с днём рождения: {name}").format(
            name=name)
        new_id = self._activities.create(ActivityDraft(
            kind="call", subject=subject, client_id=client_id, contact_id=contact_id,
            due_at=at, purpose="greeting", remind_before_min=-1), now=at)
        try:
            self._activities.complete(new_id, Completion(
                result="reached", no_next_reason=translate("Worklist", "Поздравление"),
                done_at=at), now=at)
        except BaseException:
            self._activities.delete(new_id)  # no open greeting left behind
            raise
        return new_id

