"""Marketing campaigns and channels: the register with cost lines, and what each brought.

A campaign (an exhibition visit is one too) has a channel, a period, a target segment and
cost lines; `campaigns.cost` is the sum of its lines, written in the same transaction as
they are (the Plan tab's sources page sums it per channel).

Effectiveness in a period (`Effectiveness`), per campaign and per channel:

- leads: clients carrying the campaign created in the period;
- deals: deals carrying the campaign created in the period;
- won / revenue: deals carrying the campaign won (in the won stage) with the closing date in
  the period, and their amounts — the revenue date of every figure (`domain.figures`);
- cost: the campaign's cost lines dated in the period (an undated line counts on the
  campaign's start date);
- cost per lead = cost / leads, cost per won deal = cost / won, ROI = (revenue − cost) /
  cost × 100 (half-up to 0,1 %); none of them without a divisor;
- lead to first deal: the days from a lead's creation to the creation of its first deal (any
  deal of that client), averaged over the period's leads that have one.

Period bounds are those of the Plan tab (`plan.common._bounds`): the days of the period;
timestamps are compared as UTC days, as the Plan tab's sources page compares them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from app.domain.figures import MONEY_PLACES, percent, too_precise
from app.domain.money import ZERO, from_kopecks, round_money
from app.i18n import translate
from app.models import Campaign, CampaignCost, Client, Deal
from app.models.market import cost_day
from app.services.clients.matching import fold
from app.services.clients.search import naive_utc
from app.services.errors import NotFoundError, ValidationError
from app.services.market.mailing import Mailing
from app.services.plan.periods import Period, parse_period
from app.services.uow import UowFactory

NAME_LIMIT = 200
CHANNEL_LIMIT = 100
SEGMENT_LIMIT = 100
LABEL_LIMIT = 200


# --- what the editor sends and gets ----------------------------------------------------------

@dataclass(frozen=True)
class CostLine:
    """One cost line: the stand, the printing, the travel, the mailing service."""

    label: str
    amount: Decimal
    spent_on: date | None = None
    id: int | None = None  # None for a new line


@dataclass(frozen=True)
class CampaignDraft:
    """A campaign as the editor edits it; `save_campaign` validates and stores it."""

    name: str = ""
    channel: str = ""
    started_on: date | None = None
    ended_on: date | None = None  # None: still running
    target_segment: str = ""
    notes: str = ""
    costs: tuple[CostLine, ...] = ()

    @property
    def cost(self) -> Decimal:
        """The sum of the cost lines (what `campaigns.cost` holds once saved)."""
        return sum((round_money(c.amount) for c in self.costs), ZERO)


@dataclass(frozen=True)
class CampaignRow:
    """One line of the campaign register."""

    id: int
    name: str
    channel: str
    started_on: date
    ended_on: date | None
    target_segment: str
    cost: Decimal
    clients: int  # clients carrying it (all time)
    deals: int  # deals carrying it (all time)


@dataclass(frozen=True)
class CampaignDetail:
    id: int
    draft: CampaignDraft
    cost: Decimal


@dataclass(frozen=True)
class CampaignChoice:
    """A campaign as a picker shows it (the client card, the deal editor, the import)."""

    id: int
    name: str
    channel: str


@dataclass(frozen=True)
class Effectiveness:
    """What a campaign (or a channel, `campaign_id` None) brought in a period (module doc)."""

    name: str  # the campaign's name, or the channel for a channel's totals
    channel: str
    campaign_id: int | None
    leads: int
    deals: int
    won: int
    revenue: Decimal
    cost: Decimal
    cost_per_lead: Decimal | None
    cost_per_won: Decimal | None
    roi: Decimal | None  # %, one decimal
    lead_to_deal_days: Decimal | None  # one decimal


@dataclass(frozen=True)
class CampaignsReport:
    """The effectiveness page's figures: each campaign, each channel and the total."""

    period: Period
    campaigns: list[Effectiveness]
    channels: list[Effectiveness]
    total: Effectiveness


@dataclass(frozen=True)
class CampaignsReportData:
    """What the campaign report PDF prints (`render_campaigns_report`)."""

    period: Period
    today: date
    campaigns: list[Effectiveness]
    channels: list[Effectiveness]
    total: Effectiveness
    details: dict[int, CampaignRow]  # by campaign id: period, segment, channel


def default_channels() -> list[str]:
    """The channels offered before any is in use (the demo's lead sources use these words)."""
    return [translate("Campaigns", "Рассылка"), translate("Campaigns", "Холодный звонок"),
            translate("Campaigns", "Выставка"), translate("Campaigns", "Тендерная площадка"),
            translate("Campaigns", "Реклама"), translate("Campaigns", "Рекомендация"),
            translate("Campaigns", "Сайт")]


# --- validation --------------------------------------------------------------------------------

def _clean(value: object) -> str:
    return " ".join(str(value or "").split())


def validate_campaign(draft: CampaignDraft) -> CampaignDraft:
    """A normalised draft; ValidationError (field → message) for anything wrong. Cost lines
    are keyed `costs.<n>.<field>` (n from 0)."""
    errors: dict[str, str] = {}
    name, channel, segment = _clean(draft.name), _clean(draft.channel), _clean(
        draft.target_segment)
    if not name:
        errors["name"] = translate("Campaigns", "Укажите название кампании")
    elif len(name) > NAME_LIMIT:
        errors["name"] = translate("Campaigns", "Название длиннее {n} знаков").format(
            n=NAME_LIMIT)
    if not channel:
        errors["channel"] = translate("Campaigns", "Укажите канал")
    elif len(channel) > CHANNEL_LIMIT:
        errors["channel"] = translate("Campaigns", "Не длиннее {n} знаков").format(
            n=CHANNEL_LIMIT)
    if len(segment) > SEGMENT_LIMIT:
        errors["target_segment"] = translate("Campaigns", "Не длиннее {n} знаков").format(
            n=SEGMENT_LIMIT)
    if draft.started_on is None:
        errors["started_on"] = translate("Campaigns", "Укажите дату начала")
    elif draft.ended_on is not None and draft.ended_on < draft.started_on:
        errors["ended_on"] = translate("Campaigns", "Кампания не может закончиться раньше, "
                                                    "чем началась")
    lines: list[CostLine] = []
    for n, line in enumerate(draft.costs):
        prefix = f"costs.{n}."
        label = _clean(line.label)
        if not label:
            errors[prefix + "label"] = translate("Campaigns", "Статья {n}: укажите, на что "
                                                              "потрачено").format(n=n + 1)
        elif len(label) > LABEL_LIMIT:
            errors[prefix + "label"] = translate(
                "Campaigns", "Статья {n}: не длиннее {limit} знаков").format(
                n=n + 1, limit=LABEL_LIMIT)
        amount: object = line.amount  # a caller may send None for a blank cell
        if not isinstance(amount, Decimal | int):
            errors[prefix + "amount"] = translate("Campaigns", "Статья {n}: укажите сумму"
                                                  ).format(n=n + 1)
        elif amount < 0:
            errors[prefix + "amount"] = translate(
                "Campaigns", "Статья {n}: сумма не может быть отрицательной").format(n=n + 1)
        elif too_precise(amount, MONEY_PLACES):
            errors[prefix + "amount"] = translate(
                "Campaigns", "Статья {n}: сумма — с точностью до копейки").format(n=n + 1)
        else:
            lines.append(CostLine(label=label, amount=round_money(amount),
                                  spent_on=line.spent_on, id=line.id))
    if errors:
        raise ValidationError(errors)
    return CampaignDraft(name=name, channel=channel, started_on=draft.started_on,
                         ended_on=draft.ended_on, target_segment=segment,
                         notes=str(draft.notes or "").strip(), costs=tuple(lines))


# --- figures -------------------------------------------------------------------------------------

@dataclass
class _Tally:
    leads: int = 0
    deals: int = 0
    won: int = 0
    revenue: Decimal = ZERO
    cost: Decimal = ZERO
    lag_seconds: int = 0  # the sum of lead → first deal times
    lagged: int = 0  # leads with a first deal

    def add(self, other: _Tally) -> None:
        self.leads += other.leads
        self.deals += other.deals
        self.won += other.won
        self.revenue += other.revenue
        self.cost += other.cost
        self.lag_seconds += other.lag_seconds
        self.lagged += other.lagged

    def figures(self, name: str, channel: str, campaign_id: int | None) -> Effectiveness:
        lag = ((Decimal(self.lag_seconds) / (86400 * self.lagged)).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP) if self.lagged else None)
        return Effectiveness(
            name=name, channel=channel, campaign_id=campaign_id, leads=self.leads,
            deals=self.deals, won=self.won, revenue=self.revenue, cost=self.cost,
            cost_per_lead=round_money(self.cost / self.leads) if self.leads else None,
            cost_per_won=round_money(self.cost / self.won) if self.won else None,
            roi=percent(self.revenue - self.cost, self.cost) if self.cost else None,
            lead_to_deal_days=lag)

    @property
    def empty(self) -> bool:
        return not (self.leads or self.deals or self.won or self.cost)


@dataclass(frozen=True)
class _Run:
    id: int
    name: str
    channel: str
    started_on: date
    ended_on: date | None


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _day_start(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


class Campaigns(Mailing):
    """The campaign register, its cost lines, and the effectiveness of campaigns and channels."""

    _uow: UowFactory

    # --- the register --------------------------------------------------------------------------
    def list_campaigns(self) -> list[CampaignRow]:
        """Every campaign, the latest started first."""
        with self._uow(read_only=True) as uow:
            s = uow.session
            clients = dict(s.execute(select(Client.campaign_id, func.count())
                                     .where(Client.campaign_id.is_not(None))
                                     .group_by(Client.campaign_id)).all())
            deals = dict(s.execute(select(Deal.campaign_id, func.count())
                                   .where(Deal.campaign_id.is_not(None))
                                   .group_by(Deal.campaign_id)).all())
            return [self._row(c, clients.get(c.id, 0), deals.get(c.id, 0))
                    for c in s.scalars(select(Campaign).order_by(
                        Campaign.started_on.desc(), Campaign.name))]

    @staticmethod
    def _row(c: Campaign, clients: int, deals: int) -> CampaignRow:
        return CampaignRow(id=c.id, name=c.name, channel=c.channel, started_on=c.started_on,
                           ended_on=c.ended_on, target_segment=c.target_segment, cost=c.cost,
                           clients=int(clients), deals=int(deals))

    def campaign_choices(self) -> list[CampaignChoice]:
        """Campaigns for a picker, by name."""
        with self._uow(read_only=True) as uow:
            return [CampaignChoice(r.id, r.name, r.channel) for r in uow.session.execute(
                select(Campaign.id, Campaign.name, Campaign.channel).order_by(Campaign.name))]

    def channel_suggestions(self) -> list[str]:
        """Channels to offer: those of the campaigns and the lead sources in use, and the
        usual ones (e-mail, calls, exhibition, tender platform, ads, referrals, website)."""
        with self._uow(read_only=True) as uow:
            s = uow.session
            used = [*s.scalars(select(Campaign.channel).distinct()),
                    *s.scalars(select(Client.lead_source).distinct()),
                    *s.scalars(select(Deal.source).distinct())]
        out: dict[str, str] = {}
        for value in [*used, *default_channels()]:
            if value and fold(value) not in out:
                out[fold(value)] = value
        return sorted(out.values(), key=fold)

    def get_campaign(self, campaign_id: int) -> CampaignDetail:
        with self._uow(read_only=True) as uow:
            s = uow.session
            c = s.get(Campaign, campaign_id)
            if c is None:
                raise NotFoundError(translate("Campaigns", "Кампания не найдена"))
            lines = tuple(CostLine(label=ln.label, amount=ln.amount, spent_on=ln.spent_on,
                                   id=ln.id)
                          for ln in s.scalars(select(CampaignCost)
                                              .where(CampaignCost.campaign_id == c.id)
                                              .order_by(CampaignCost.id)))
            return CampaignDetail(id=c.id, cost=c.cost, draft=CampaignDraft(
                name=c.name, channel=c.channel, started_on=c.started_on, ended_on=c.ended_on,
                target_segment=c.target_segment, notes=c.notes, costs=lines))

    def save_campaign(self, draft: CampaignDraft, campaign_id: int | None = None) -> int:
        """Create (`campaign_id` None) or update a campaign with its cost lines in one
        transaction; `campaigns.cost` becomes the sum of the lines. Returns the id."""
        clean = validate_campaign(draft)
        assert clean.started_on is not None  # validate_campaign requires it
        with self._uow() as uow:
            s = uow.session
            # unique as the user reads names: «Выставка» and «выставка» are one campaign
            clash = [i for i, n in s.execute(select(Campaign.id, Campaign.name))
                     if i != campaign_id and fold(n) == fold(clean.name)]
            if clash:
                raise ValidationError.single("name", translate(
                    "Campaigns", "Кампания «{name}» уже есть").format(name=clean.name))
            if campaign_id is None:
                campaign = Campaign()
                s.add(campaign)
            else:
                found = s.get(Campaign, campaign_id)
                if found is None:
                    raise NotFoundError(translate("Campaigns", "Кампания не найдена"))
                campaign = found
            campaign.name = clean.name
            campaign.channel = clean.channel
            campaign.started_on = clean.started_on
            campaign.ended_on = clean.ended_on
            campaign.target_segment = clean.target_segment
            campaign.notes = clean.notes
            campaign.cost = clean.cost
            uow.flush()
            self._sync_costs(s, campaign.id, clean.costs)
            new_id = campaign.id
            uow.commit()
        return new_id

    @staticmethod
    def _sync_costs(s: Session, campaign_id: int, lines: Iterable[CostLine]) -> None:
        existing = {c.id: c for c in s.scalars(select(CampaignCost)
                                               .where(CampaignCost.campaign_id == campaign_id))}
        for line in lines:
            row = existing.pop(line.id, None) if line.id is not None else None
            if row is None:
                row = CampaignCost(campaign_id=campaign_id)
                s.add(row)
            row.label = line.label
            row.amount = line.amount
            row.spent_on = line.spent_on
        for row in existing.values():
            s.delete(row)
        s.flush()

    def delete_campaign(self, campaign_id: int) -> None:
        """Delete a campaign and its cost lines; its clients and deals keep no campaign."""
        with self._uow() as uow:
            s = uow.session
            if s.get(Campaign, campaign_id) is None:
                raise NotFoundError(translate("Campaigns", "Кампания не найдена"))
            s.execute(delete(CampaignCost).where(CampaignCost.campaign_id == campaign_id))
            s.execute(delete(Campaign).where(Campaign.id == campaign_id))
            uow.commit()

    # --- effectiveness -------------------------------------------------------------------------
    def effectiveness(self, period: str | Period) -> CampaignsReport:
        """Each campaign's and each channel's figures in the period (see the module doc).

        Campaigns that ran during the period are listed even with nothing to show; others
        only when they have a figure in it. Most revenue first, then most leads.
        """
        p = parse_period(period)
        ta, tb = _day_start(p.first), _day_start(p.last + timedelta(days=1))
        tallies: dict[int, _Tally] = {}
        with self._uow(read_only=True) as uow:
            s = uow.session
            campaigns = {r.id: _Run(r.id, r.name, r.channel, r.started_on, r.ended_on)
                         for r in s.execute(select(Campaign.id, Campaign.name, Campaign.channel,
                                                   Campaign.started_on, Campaign.ended_on))}

            def tally(cid: int | None) -> _Tally:  # the queries keep campaign ids only
                return tallies.setdefault(cid or 0, _Tally())

            leads = s.execute(select(Client.id, Client.campaign_id, Client.created_at)
                              .where(Client.campaign_id.is_not(None),
                                     Client.created_at >= ta, Client.created_at < tb)).all()
            first_deal: dict[int, datetime] = {}
            lead_ids = [r[0] for r in leads]
            for start in range(0, len(lead_ids), 500):
                chunk = lead_ids[start:start + 500]
                for client_id, first in s.execute(
                        select(Deal.client_id, func.min(Deal.created_at))
                        .where(Deal.client_id.in_(chunk)).group_by(Deal.client_id)):
                    if first is not None:
                        first_deal[client_id] = _utc(first)
            for client_id, cid, created in leads:
                t = tally(cid)
                t.leads += 1
                if client_id in first_deal:
                    t.lag_seconds += max(
                        int((first_deal[client_id] - _utc(created)).total_seconds()), 0)
                    t.lagged += 1
            # the campaigns' deals through ix_deals_campaign_id ("+" keeps SQLite off the
            # date and stage indexes, which would read every deal of the period: 0.5 → 0.1 s
            # on a ten-year base, where a campaign's deals are a few per cent of all)
            for cid, n in s.execute(text(
                    "SELECT campaign_id, count(*) FROM deals"
                    " WHERE campaign_id IN (SELECT id FROM campaigns)"
                    " AND +created_at >= :ta AND +created_at < :tb GROUP BY campaign_id"),
                    {"ta": naive_utc(ta), "tb": naive_utc(tb)}):
                tally(cid).deals += int(n)
            for cid, kopecks in s.execute(text(
                    "SELECT campaign_id, amount FROM deals"
                    " WHERE campaign_id IN (SELECT id FROM campaigns)"
                    " AND +stage_id IN (SELECT id FROM stages WHERE is_won = 1)"
                    " AND +closed_on BETWEEN :a AND :b"), {"a": p.first, "b": p.last}):
                t = tally(cid)
                t.won += 1
                t.revenue += from_kopecks(int(kopecks))
            for cid, amount in s.execute(
                    select(CampaignCost.campaign_id, func.sum(CampaignCost.amount))
                    .join(Campaign, Campaign.id == CampaignCost.campaign_id)
                    .where(cost_day().between(p.first, p.last))
                    .group_by(CampaignCost.campaign_id)):
                tally(cid).cost += amount
        rows: list[tuple[_Run, _Tally]] = []
        for cid, c in campaigns.items():
            t = tallies.get(cid, _Tally())
            ran = c.started_on <= p.last and (c.ended_on is None or c.ended_on >= p.first)
            if ran or not t.empty:
                rows.append((c, t))
        by_channel: dict[str, tuple[str, _Tally]] = {}
        total = _Tally()
        for c, t in rows:
            by_channel.setdefault(fold(c.channel), (c.channel, _Tally()))[1].add(t)
            total.add(t)
        per_campaign = [t.figures(c.name, c.channel, c.id) for c, t in rows]
        channels = [t.figures(name, name, None) for name, t in by_channel.values()]

        def order(e: Effectiveness) -> tuple[Decimal, int, str]:
            return -e.revenue, -e.leads, fold(e.name)

        return CampaignsReport(
            period=p, campaigns=sorted(per_campaign, key=order),
            channels=sorted(channels, key=order),
            total=total.figures(translate("Campaigns", "Итого"), "", None))

    def campaigns_report_data(self, period: str | Period,
                              today: date | None = None) -> CampaignsReportData:
        """The campaign report's figures for a period (`render_campaigns_report`)."""
        figures = self.effectiveness(period)
        details = {r.id: r for r in self.list_campaigns()}
        return CampaignsReportData(period=figures.period, today=today or date.today(),
                                   campaigns=figures.campaigns, channels=figures.channels,
                                   total=figures.total, details=details)


__all__ = [
    "CampaignChoice",
    "CampaignDetail",
    "CampaignDraft",
    "CampaignRow",
    "Campaigns",
    "CampaignsReport",
    "CampaignsReportData",
    "CostLine",
    "Effectiveness",
    "default_channels",
    "validate_campaign",
]
