"""The deal editor: a deal with its lines and objections, validated and saved at once.

The pure rules (`validate_line`, `below_floor`, `deal_amount`) are shared with the editor's
live feedback.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Final, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.dates import short_date
from app.domain.figures import (
    HUNDRED,
    MAX_LINE_GROSS,
    MONEY_PLACES,
    PERCENT_PLACES,
    QUANTITY_PLACES,
    line_total,
    too_precise,
)
from app.domain.money import ZERO, format_money, round_money
from app.i18n import translate
from app.models import (
    VAT_KINDS,
    Campaign,
    Client,
    Competitor,
    Contact,
    Deal,
    DealLine,
    Objection,
    Product,
    Stage,
    StageChange,
    stage_is_open,
)
from app.services.catalog import effective_floor
from app.services.errors import NotFoundError, ValidationError
from app.services.uow import UowFactory


@dataclass(frozen=True)
class LineInput:
    name: str
    quantity: Decimal
    price: Decimal
    discount: Decimal = ZERO
    unit: str = "шт"
    vat_kind: str = "standard"
    product_id: int | None = None
    floor_override_reason: str = ""

    @property
    def total(self) -> Decimal:
        return line_total(self.quantity, self.price, self.discount)


@dataclass(frozen=True)
class LineRow(LineInput):
    id: int | None = None
    floor: Decimal | None = None  # the product's effective floor (None: no concession zone)


@dataclass(frozen=True)
class ObjectionInput:
    text: str
    answer: str = ""
    resolved: bool = False
    id: int | None = None


# DealInput.campaign_id when the caller does not choose: a new deal gets its client's
# campaign, an edited one keeps its own
UNSET: Final = "unset"


@dataclass(frozen=True)
class DealInput:
    client_id: int | None
    title: str
    contact_id: int | None = None
    stage_id: int | None = None  # only for a new deal; moves go through move_deal
    source: str = ""
    expected_close: date | None = None
    probability: int | None = None  # None: the stage's
    manual_amount: Decimal | None = None  # used when the deal has no lines
    notes: str = ""
    negotiation_notes: str = ""
    payment_terms: str = ""
    delivery_terms: str = ""
    lines: tuple[LineInput, ...] = ()
    objections: tuple[ObjectionInput, ...] = ()
    campaign_id: int | Literal["unset"] | None = UNSET  # None: no campaign


@dataclass(frozen=True)
class DealDetail:
    id: int
    client_id: int
    client_name: str
    contact_id: int | None
    title: str
    stage_id: int
    stage_name: str
    stage_probability: int
    amount: Decimal
    probability: int | None
    expected_close: date | None
    closed_on: date | None
    source: str
    notes: str
    negotiation_notes: str
    payment_terms: str
    delivery_terms: str
    lost_reason: str
    lost_comment: str
    competitor_name: str
    created_at: datetime
    stage_entered_at: datetime
    lines: list[LineRow] = field(default_factory=list)
    objections: list[ObjectionInput] = field(default_factory=list)
    campaign_id: int | None = None
    campaign_name: str = ""


@dataclass(frozen=True)
class SaveResult:
    deal_id: int
    warnings: list[str]


@dataclass(frozen=True)
class Choice:
    """An (id, label) pair for pickers: clients, contacts, competitors."""

    id: int
    name: str
    detail: str = ""


def net_unit_price(price: Decimal, discount: Decimal) -> Decimal:
    return round_money(price * (HUNDRED - discount) / HUNDRED)


def below_floor(price: Decimal, discount: Decimal, floor: Decimal | None) -> bool:
    """True when the discounted unit price goes under the product's floor (concession zone)."""
    return floor is not None and net_unit_price(price, discount) < floor


def validate_line(line: LineInput, floor: Decimal | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not line.name.strip():
        errors["name"] = translate("Deals", "Укажите наименование")
    if line.quantity <= 0:
        errors["quantity"] = translate("Deals", "Количество должно быть больше нуля")
    if line.price < 0:
        errors["price"] = translate("Deals", "Цена не может быть отрицательной")
    if not (0 <= line.discount <= 100):
        errors["discount"] = translate("Deals", "Скидка должна быть от 0 до 100 %")
    if line.vat_kind not in VAT_KINDS:
        errors["vat_kind"] = translate("Deals", "Неизвестная ставка НДС")
    # more decimals than stored are refused, not rounded: 0,3333 stored as 0,333 made the
    # deal 1 209,85 and its КП 1 209,50 (issue 15, finding 3)
    for key, places, message in (
            ("quantity", QUANTITY_PLACES,
             translate("Deals", "Количество — не больше трёх знаков после запятой")),
            ("price", MONEY_PLACES, translate("Deals", "Цена — с точностью до копейки")),
            ("discount", PERCENT_PLACES,
             translate("Deals", "Скидка — не больше двух знаков после запятой"))):
        if key not in errors and too_precise(getattr(line, key), places):
            errors[key] = message
    if "quantity" not in errors and "price" not in errors and (
            line.quantity * line.price > MAX_LINE_GROSS):
        errors["quantity"] = translate(
            "Deals", "Сумма строки не может превышать {max}: разбейте её на несколько строк"
        ).format(max=_fmt(MAX_LINE_GROSS))
    if (not errors and below_floor(line.price, line.discount, floor)
            and not line.floor_override_reason.strip()):
        errors["discount"] = translate(
            "Deals", "Цена со скидкой {net} ниже минимальной {floor}: укажите причину уступки"
        ).format(net=_fmt(net_unit_price(line.price, line.discount)), floor=_fmt(floor))
    return errors


def deal_amount(lines: Iterable[LineInput], manual: Decimal | None) -> Decimal:
    lines = list(lines)
    if lines:
        return sum((ln.total for ln in lines), ZERO)
    return round_money(manual or ZERO)


def _fmt(value: Decimal | None) -> str:
    return "" if value is None else format_money(value)


class DealEditor:
    """Reads and saves what the deal editor shows; the pickers it offers."""

    _uow: UowFactory

    def detail(self, deal_id: int) -> DealDetail:
        with self._uow(read_only=True) as uow:
            s = uow.session
            deal = s.get(Deal, deal_id)
            if deal is None:
                raise NotFoundError(translate("Deals", "Сделка не найдена"))
            stage = s.get(Stage, deal.stage_id)
            client = s.get(Client, deal.client_id)
            competitor = s.get(Competitor, deal.competitor_id) if deal.competitor_id else None
            campaign = s.get(Campaign, deal.campaign_id) if deal.campaign_id else None
            product_ids = {ln.product_id for ln in deal.lines if ln.product_id}
            floors: dict[int, Decimal | None] = {}
            if product_ids:
                for p in s.scalars(select(Product).where(Product.id.in_(product_ids))):
                    floors[p.id] = effective_floor(p.price, p.floor_price, p.max_discount)
            lines = [LineRow(id=ln.id, product_id=ln.product_id, name=ln.name, unit=ln.unit,
                             quantity=ln.quantity, price=ln.price, discount=ln.discount,
                             vat_kind=ln.vat_kind, floor_override_reason=ln.floor_override_reason,
                             floor=floors.get(ln.product_id) if ln.product_id else None)
                     for ln in deal.lines]
            objections = [ObjectionInput(id=o.id, text=o.text, answer=o.answer,
                                         resolved=o.resolved)
                          for o in s.scalars(select(Objection).where(Objection.deal_id == deal_id)
                                             .order_by(Objection.created_at, Objection.id))]
            assert stage is not None and client is not None
            return DealDetail(
                id=deal.id, client_id=deal.client_id, client_name=client.name,
                contact_id=deal.contact_id, title=deal.title, stage_id=deal.stage_id,
                stage_name=stage.name, stage_probability=stage.probability, amount=deal.amount,
                probability=deal.probability, expected_close=deal.expected_close,
                closed_on=deal.closed_on, source=deal.source, notes=deal.notes,
                negotiation_notes=deal.negotiation_notes, payment_terms=deal.payment_terms,
                delivery_terms=deal.delivery_terms, lost_reason=deal.lost_reason,
                lost_comment=deal.lost_comment,
                competitor_name=competitor.name if competitor else "",
                created_at=deal.created_at, stage_entered_at=deal.stage_entered_at,
                lines=lines, objections=objections, campaign_id=deal.campaign_id,
                campaign_name=campaign.name if campaign else "",
            )

    def floors_for(self, product_ids: Iterable[int]) -> dict[int, Decimal | None]:
        ids = set(product_ids)
        if not ids:
            return {}
        with self._uow(read_only=True) as uow:
            return {p.id: effective_floor(p.price, p.floor_price, p.max_discount)
                    for p in uow.session.scalars(select(Product).where(Product.id.in_(ids)))}

    def warnings_for(self, data: DealInput, *, is_new: bool,
                     today: date | None = None) -> list[str]:
        """Things worth a second look that do not block saving."""
        today = today or date.today()
        warnings = []
        if is_new and data.expected_close is not None and data.expected_close < today:
            warnings.append(translate(
                "Deals", "Ожидаемая дата закрытия {day} уже прошла").format(
                day=short_date(data.expected_close)))
        return warnings

    def validate(self, data: DealInput) -> dict[str, str]:
        errors: dict[str, str] = {}
        if data.client_id is None:
            errors["client"] = translate("Deals", "Выберите клиента")
        if not data.title.strip():
            errors["title"] = translate("Deals", "Укажите название сделки")
        if data.probability is not None and not (0 <= data.probability <= 100):
            errors["probability"] = translate("Deals", "Вероятность должна быть от 0 до 100 %")
        if data.manual_amount is not None and data.manual_amount < 0:
            errors["amount"] = translate("Deals", "Сумма не может быть отрицательной")
        elif data.manual_amount is not None and too_precise(data.manual_amount, MONEY_PLACES):
            errors["amount"] = translate("Deals", "Сумма — с точностью до копейки")
        floors = self.floors_for(ln.product_id for ln in data.lines if ln.product_id)
        for i, line in enumerate(data.lines):
            floor = floors.get(line.product_id) if line.product_id else None
            for key, msg in validate_line(line, floor).items():
                errors[f"lines.{i}.{key}"] = translate("Deals", "Строка {n}: {msg}").format(
                    n=i + 1, msg=msg)
        for i, obj in enumerate(data.objections):
            if not obj.text.strip():
                errors[f"objections.{i}.text"] = translate(
                    "Deals", "Возражение {n}: текст не может быть пустым").format(n=i + 1)
        return errors

    def save_deal(self, data: DealInput, deal_id: int | None = None, *,
                  today: date | None = None, now: datetime | None = None) -> SaveResult:
        """Create or update a deal with its lines and objections in one transaction."""
        now = now or datetime.now(UTC)
        # a price with more decimals than kopecks is refused (validate), never rounded: the
        # amount is the sum of the lines as stored
        errors = self.validate(data)
        client_id = data.client_id
        if errors or client_id is None:  # a missing client is among the errors
            raise ValidationError(errors)
        warnings = self.warnings_for(data, is_new=deal_id is None, today=today)
        with self._uow() as uow:
            s = uow.session
            if s.get(Client, data.client_id) is None:
                raise ValidationError.single("client", translate("Deals", "Клиент не найден"))
            if isinstance(data.campaign_id, int) and s.get(Campaign, data.campaign_id) is None:
                raise ValidationError.single("campaign", translate(
                    "Deals", "Кампания не найдена"))
            # the deal's campaign: as chosen; a new deal not choosing gets its client's
            campaign_id = data.campaign_id if data.campaign_id != UNSET else (
                s.scalar(select(Client.campaign_id).where(Client.id == client_id))
                if deal_id is None else UNSET)
            if data.contact_id is not None:
                contact = s.get(Contact, data.contact_id)
                if contact is None or contact.client_id != data.client_id:
                    raise ValidationError.single(
                        "contact", translate("Deals", "Контакт не относится к этому клиенту"))
            if deal_id is None:
                stage_id = data.stage_id
                if stage_id is None:
                    stage_id = s.scalar(select(Stage.id).where(
                        stage_is_open())
                        .order_by(Stage.position).limit(1))
                    if stage_id is None:  # the seed step and save_stages keep one
                        raise NotFoundError(translate("Deals", "Этап не найден"))
                deal = Deal(stage_id=stage_id, stage_entered_at=now, created_at=now)
                s.add(deal)
            else:
                found = s.get(Deal, deal_id)
                if found is None:
                    raise NotFoundError(translate("Deals", "Сделка не найдена"))
                deal = found
            deal.client_id = client_id
            if campaign_id != UNSET:
                deal.campaign_id = campaign_id if isinstance(campaign_id, int) else None
            deal.contact_id = data.contact_id
            deal.title = data.title.strip()
            deal.source = data.source.strip()
            deal.expected_close = data.expected_close
            deal.probability = data.probability
            deal.notes = data.notes
            deal.negotiation_notes = data.negotiation_notes
            deal.payment_terms = data.payment_terms
            deal.delivery_terms = data.delivery_terms
            won = deal_id is not None and bool(s.scalar(
                select(Stage.is_won).where(Stage.id == deal.stage_id)))
            if won:  # the final amount agreed when the deal was won is kept
                if data.manual_amount is not None:
                    deal.amount = round_money(data.manual_amount)
            else:
                deal.amount = deal_amount(data.lines, data.manual_amount)
            deal.updated_at = now
            deal.lines = [
                DealLine(position=i, product_id=ln.product_id, name=ln.name.strip(),
                         unit=ln.unit.strip() or "шт", quantity=ln.quantity,
                         price=round_money(ln.price), discount=ln.discount,
                         vat_kind=ln.vat_kind,
                         floor_override_reason=ln.floor_override_reason.strip())
                for i, ln in enumerate(data.lines)
            ]
            uow.flush()
            if deal_id is None:
                s.add(StageChange(deal_id=deal.id, from_stage_id=None,
                                  to_stage_id=deal.stage_id, changed_at=now))
            self._sync_objections(s, deal.id, data.objections)
            new_id = deal.id
            uow.commit()
        return SaveResult(deal_id=new_id, warnings=warnings)

    @staticmethod
    def _sync_objections(s: Session, deal_id: int, items: tuple[ObjectionInput, ...]) -> None:
        existing = {o.id: o for o in s.scalars(select(Objection)
                                                .where(Objection.deal_id == deal_id))}
        keep = set()
        for item in items:
            row = existing.get(item.id) if item.id is not None else None
            if row is None:
                row = Objection(deal_id=deal_id)
                s.add(row)
            else:
                keep.add(row.id)
            row.text = item.text.strip()
            row.answer = item.answer.strip()
            row.resolved = item.resolved
        for oid, row in existing.items():
            if oid not in keep:
                s.delete(row)

    def delete_deal(self, deal_id: int) -> None:
        with self._uow() as uow:
            deal = uow.session.get(Deal, deal_id)
            if deal is None:
                raise NotFoundError(translate("Deals", "Сделка не найдена"))
            uow.session.delete(deal)
            uow.commit()

    # --- pickers ----------------------------------------------------------------------------
    def client_name(self, client_id: int) -> str:
        with self._uow(read_only=True) as uow:
            client = uow.session.get(Client, client_id)
            return client.name if client else ""

    def client_campaign(self, client_id: int) -> int | None:
        """The campaign a client carries (a new deal for it starts with that one)."""
        with self._uow(read_only=True) as uow:
            return uow.session.scalar(select(Client.campaign_id).where(Client.id == client_id))

    def clients_with_open_deals(self) -> list[Choice]:
        with self._uow(read_only=True) as uow:
            rows = uow.session.execute(
                select(Client.id, Client.name).join(Deal, Deal.client_id == Client.id)
                # by the open stage ids: the open deals' index entries, not every deal's
                .where(Deal.stage_id.in_(select(Stage.id).where(stage_is_open())))
                .group_by(Client.id, Client.name).order_by(Client.sort_name, Client.id)).all()
        return [Choice(id=r.id, name=r.name) for r in rows]

    def segments(self) -> list[str]:
        with self._uow(read_only=True) as uow:
            return list(uow.session.scalars(
                select(Client.segment).where(Client.segment != "")
                .group_by(Client.segment).order_by(Client.segment)))

    def sources(self) -> list[str]:
        with self._uow(read_only=True) as uow:
            return list(uow.session.scalars(
                select(Deal.source).where(Deal.source != "")
                .group_by(Deal.source).order_by(Deal.source)))

    def competitor_names(self) -> list[str]:
        with self._uow(read_only=True) as uow:
            return list(uow.session.scalars(select(Competitor.name).order_by(Competitor.name)))

