"""The competitor register: who they are, their SWOT (and ours), their prices against our
catalog, the import of their price lists, and the deals we lost to them.

Prices: one observation per competitor, product and day (`competitor_prices`); the
comparison takes the latest observation of each product up to a day and compares it with
our catalog price (`products.price`). An observation older than STALE_DAYS is flagged, as
is a product where we are dearer. A price list (CSV/XLSX) is read by the client import's
reader (`clients.importer.open_source`) and matched to our products by SKU, else by the
product name (case and spaces folded); every unmatched or invalid row is reported, and
nothing is stored unless the whole file goes in (unmatched rows may be skipped on request).

Losses: a deal counts as lost to a competitor when it stands in the lost stage with the
competitor named (`deals.competitor_id`), on its closing day (`closed_on`, written by the
move to the lost stage); the stage it was lost at is the one it left for the lost stage
(its last `stage_changes` row into the lost stage).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from app.domain.figures import MONEY_PLACES, PERCENT_PLACES, percent, percent_text, too_precise
from app.domain.money import parse_money
from app.i18n import translate
from app.models import Client, Competitor, CompetitorPrice, Deal, Product, Stage, StageChange
from app.models.market import PRICE_LEVELS, PRICE_SOURCES
from app.services.errors import ConflictError, NotFoundError, ValidationError
from app.services.requisites import inn_error
from app.services.uow import UowFactory

if TYPE_CHECKING:
    from app.services.plan.periods import Period
    from app.services.settings import SettingsService

STALE_DAYS = 90  # a competitor's price older than this is flagged in the comparison
OWN_SWOT_KEY = "own_swot"  # our own SWOT in the settings (a JSON object of four texts)
NAME_LIMIT = 200
MAX_LISTED_ROWS = 1_000  # problem rows an import report lists (it counts them all)
IMPORT_FIELDS = ("sku", "name", "price", "observed_on", "note")
SWOT_FIELDS = ("strengths", "weaknesses", "opportunities", "threats")

# Header words of a competitor's price list, Russian and English (see importer.guess_mapping).
PRICE_LIST_SYNONYMS: dict[str, tuple[str, ...]] = {
    "sku": ("артикул", "арт", "код", "код товара", "sku", "article", "item", "part number"),
    "name": ("наименование", "название", "товар", "номенклатура", "продукт", "name",
             "product", "description", "item name"),
    "price": ("цена", "цена руб", "цена с ндс", "стоимость", "розничная цена", "оптовая цена",
              "price", "cost", "unit price"),
    "observed_on": ("дата", "дата цены", "дата прайса", "date", "price date"),
    "note": ("примечание", "комментарий", "заметки", "note", "notes", "comment"),
}


def price_level_label(key: str) -> str:
    """A price level as the register shows it («—» for not judged)."""
    return {"": translate("Market", "—"), "low": translate("Market", "Ниже наших"),
            "same": translate("Market", "Как у нас"), "high": translate("Market", "Выше наших"),
            "premium": translate("Market", "Премиум")}.get(key, key)


def price_source_label(key: str) -> str:
    return {"price_list": translate("Market", "Прайс-лист"),
            "tender": translate("Market", "Протокол тендера"),
            "client": translate("Market", "Со слов клиента"),
            "website": translate("Market", "Сайт"),
            "other": translate("Market", "Другое")}.get(key, key)


def import_field_label(key: str) -> str:
    """The name of a price-list field in the column-mapping dialog."""
    return {"sku": translate("Market", "Артикул"),
            "name": translate("Market", "Наименование"),
            "price": translate("Market", "Цена"),
            "observed_on": translate("Market", "Дата цены"),
            "note": translate("Market", "Примечание")}.get(key, key)


def share_text(value: Decimal | None) -> str:
    """A market share as people write it: «12 %», «12,5 %», «—» when not estimated."""
    if value is None:
        return percent_text(None)
    whole = value.to_integral_value()
    return percent_text(whole if value == whole else value.normalize())


def match_key(text: str) -> str:
    """A name or SKU as it is matched: lower case, ё as е, runs of spaces as one."""
    return " ".join(text.replace("\u00a0", " ").lower().replace("ё", "е").split())


# --- DTOs --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Swot:
    strengths: str = ""
    weaknesses: str = ""
    opportunities: str = ""
    threats: str = ""

    @property
    def is_empty(self) -> bool:
        return not any((self.strengths, self.weaknesses, self.opportunities, self.threats))


@dataclass(frozen=True)
class CompetitorDraft:
    """What the editor sends: a competitor's card and SWOT."""

    name: str
    inn: str = ""
    website: str = ""
    segments: tuple[str, ...] = ()
    market_share: Decimal | None = None  # per cent, 0–100
    price_level: str = ""  # PRICE_LEVELS
    strengths: str = ""
    weaknesses: str = ""
    opportunities: str = ""
    threats: str = ""
    notes: str = ""


@dataclass(frozen=True)
class CompetitorRow:
    id: int
    name: str
    inn: str
    website: str
    segments: tuple[str, ...]
    market_share: Decimal | None
    price_level: str
    strengths: str
    weaknesses: str
    opportunities: str
    threats: str
    notes: str
    prices: int = 0  # observations recorded
    lost_deals: int = 0  # deals lost to them, ever

    @property
    def swot(self) -> Swot:
        return Swot(self.strengths, self.weaknesses, self.opportunities, self.threats)

    def draft(self) -> CompetitorDraft:
        return CompetitorDraft(
            name=self.name, inn=self.inn, website=self.website, segments=self.segments,
            market_share=self.market_share, price_level=self.price_level,
            strengths=self.strengths, weaknesses=self.weaknesses,
            opportunities=self.opportunities, threats=self.threats, notes=self.notes)


@dataclass(frozen=True)
class CompetitorPriceDraft:
    """One observed price; `id` names a stored one when a whole list is saved."""

    product_id: int
    price: Decimal
    observed_on: date
    source: str = "price_list"  # PRICE_SOURCES
    note: str = ""
    id: int | None = None


@dataclass(frozen=True)
class CompetitorPriceRow:
    id: int
    competitor_id: int
    product_id: int
    sku: str
    product_name: str
    price: Decimal
    observed_on: date
    source: str
    note: str

    def draft(self) -> CompetitorPriceDraft:
        return CompetitorPriceDraft(product_id=self.product_id, price=self.price,
                                    observed_on=self.observed_on, source=self.source,
                                    note=self.note, id=self.id)


@dataclass(frozen=True)
class PriceComparisonRow:
    """A product: our catalog price against a competitor's latest observed one."""

    competitor_id: int
    competitor_name: str
    product_id: int
    sku: str
    product_name: str
    our_price: Decimal
    their_price: Decimal
    difference_pct: Decimal | None  # (theirs − ours) / ours, half-up to 0.1; None if ours is 0
    observed_on: date
    source: str
    we_are_dearer: bool
    stale: bool  # observed more than STALE_DAYS before the day compared on


@dataclass(frozen=True)
class ImportProblem:
    line: int  # the file line (CSV) or sheet row (XLSX)
    label: str  # what the row names (its SKU or name)
    message: str


@dataclass(frozen=True)
class PriceImportReport:
    """What a price-list import did (or would do: `dry_run`)."""

    rows: int  # non-empty rows read
    imported: int  # new observations
    updated: int  # observations of the same product and day, replaced
    unmatched: list[ImportProblem] = field(default_factory=list)
    invalid: list[ImportProblem] = field(default_factory=list)
    unmatched_count: int = 0
    invalid_count: int = 0
    dry_run: bool = False
    committed: bool = False


@dataclass(frozen=True)
class QuarterLoss:
    key: str  # "2026-Q3"
    label: str  # "3 кв. 2026"
    count: int
    amount: Decimal


@dataclass(frozen=True)
class StageLoss:
    stage_id: int | None  # None: the deal's path was not recorded
    stage_name: str
    count: int
    amount: Decimal


@dataclass(frozen=True)
class LostDealRow:
    deal_id: int
    title: str
    client_name: str
    amount: Decimal
    closed_on: date
    lost_at_stage: str


@dataclass(frozen=True)
class CompetitorLosses:
    competitor_id: int
    competitor_name: str
    count: int
    amount: Decimal
    quarters: list[QuarterLoss]  # every quarter the period touches, zeros too
    stages: list[StageLoss]  # most losses first
    deals: list[LostDealRow]  # latest first


@dataclass(frozen=True)
class MarketReportData:
    period: Period
    as_of: date  # the day prices are compared on (the period's last day, or today if sooner)
    competitors: list[CompetitorRow]
    own_swot: Swot
    comparison: list[PriceComparisonRow]
    losses: list[CompetitorLosses]  # competitors with losses in the period, most first
    quarter_labels: list[str]


# --- rules -------------------------------------------------------------------------------

def _segments(values: Sequence[str]) -> tuple[str, ...]:
    out: dict[str, None] = {}
    for value in values:
        for part in value.split(","):
            part = " ".join(part.split())
            if part:
                out.setdefault(part, None)
    return tuple(out)


def validate_competitor(draft: CompetitorDraft) -> dict[str, str]:
    errors: dict[str, str] = {}
    name = draft.name.strip()
    if not name:
        errors["name"] = translate("Market", "Укажите название конкурента")
    elif len(name) > NAME_LIMIT:
        errors["name"] = translate("Market", "Не длиннее {n} знаков").format(n=NAME_LIMIT)
    inn = re.sub(r"[\s-]", "", draft.inn)
    if inn:
        message = inn_error(inn, kind="entrepreneur" if len(inn) == 12 else "organization")
        if message:
            errors["inn"] = message
    if len(draft.website.strip()) > NAME_LIMIT:
        errors["website"] = translate("Market", "Не длиннее {n} знаков").format(n=NAME_LIMIT)
    share = draft.market_share
    if share is not None:
        if not share.is_finite() or not Decimal(0) <= share <= Decimal(100):
            errors["market_share"] = translate("Market", "Доля рынка — от 0 до 100 %")
        elif too_precise(share, PERCENT_PLACES):
            errors["market_share"] = translate(
                "Market", "Доля рынка — не больше двух знаков после запятой")
    if draft.price_level not in PRICE_LEVELS:
        errors["price_level"] = translate("Market", "Неизвестный уровень цен")
    return errors


def _price_errors(s: Session, draft: CompetitorPriceDraft) -> dict[str, str]:
    errors: dict[str, str] = {}
    if s.get(Product, draft.product_id) is None:
        errors["product_id"] = translate("Market", "Такого товара нет в каталоге")
    price = draft.price
    if not price.is_finite():
        errors["price"] = translate("Market", "Цена — это число, например 1 250,50")
    elif price < 0:
        errors["price"] = translate("Market", "Цена не может быть отрицательной")
    elif too_precise(price, MONEY_PLACES):
        errors["price"] = translate("Market", "Цена — с точностью до копейки")
    if draft.source not in PRICE_SOURCES:
        errors["source"] = translate("Market", "Неизвестный источник цены")
    return errors


def _swot_from(value: object) -> Swot:
    if not isinstance(value, dict):
        return Swot()
    return Swot(**{k: str(value.get(k, "") or "") for k in SWOT_FIELDS})


def _total(rows: Sequence[LostDealRow]) -> Decimal:
    return sum((r.amount for r in rows), Decimal("0.00"))


def _quarter_key(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_label(key: str) -> str:
    year, q = key.split("-Q")
    return translate("Market", "{q} кв. {y}").format(q=q, y=year)


def period_quarters(period: Period) -> list[str]:
    """The quarters a period touches, in order ("2026-Q1", …)."""
    keys: list[str] = []
    for month in period.months():
        key = _quarter_key(month)
        if key not in keys:
            keys.append(key)
    return keys


def _import_date(text: str) -> date:
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return date.fromisoformat(text)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[ T][\d:.]+", text):
        return datetime.fromisoformat(text).date()
    found = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})", text)
    if found:
        day, month, year = (int(x) for x in found.groups())
        return date(year + 2000 if year < 100 else year, month, day)
    raise ValueError(text)


def _row(c: Competitor, prices: int = 0, lost: int = 0) -> CompetitorRow:
    return CompetitorRow(
        id=c.id, name=c.name, inn=c.inn, website=c.website,
        segments=_segments([c.segments]), market_share=c.market_share,
        price_level=c.price_level, strengths=c.strengths, weaknesses=c.weaknesses,
        opportunities=c.opportunities, threats=c.threats, notes=c.notes,
        prices=prices, lost_deals=lost)


def _price_row(p: CompetitorPrice, product: Product) -> CompetitorPriceRow:
    return CompetitorPriceRow(
        id=p.id, competitor_id=p.competitor_id, product_id=p.product_id, sku=product.sku,
        product_name=product.name, price=p.price, observed_on=p.observed_on, source=p.source,
        note=p.note)


# --- the service -------------------------------------------------------------------------

class Competitors:
    """The competitor register, their prices and the deals lost to them."""

    _uow: UowFactory
    _settings: SettingsService

    # --- the register ---------------------------------------------------------------------
    def competitors(self) -> list[CompetitorRow]:
        """Every competitor by name, with how many prices and lost deals each has."""
        with self._uow(read_only=True) as uow:
            s = uow.session
            prices = dict(s.execute(
                select(CompetitorPrice.competitor_id, func.count())
                .group_by(CompetitorPrice.competitor_id)).all())
            lost = dict(s.execute(
                select(Deal.competitor_id, func.count())
                .where(Deal.competitor_id.is_not(None),
                       Deal.stage_id.in_(select(Stage.id).where(Stage.is_lost.is_(True))))
                .group_by(Deal.competitor_id)).all())
            return [_row(c, prices.get(c.id, 0), lost.get(c.id, 0))
                    for c in s.scalars(select(Competitor).order_by(Competitor.name))]

    def competitor(self, competitor_id: int) -> CompetitorRow:
        found = next((c for c in self.competitors() if c.id == competitor_id), None)
        if found is None:
            raise NotFoundError(translate("Market", "Конкурент не найден"))
        return found

    def save_competitor(self, draft: CompetitorDraft, competitor_id: int | None = None, *,
                        prices: Sequence[CompetitorPriceDraft] | None = None) -> int:
        """Create (no id) or update a competitor; one transaction.

        With `prices`, the competitor's observations become exactly these (a draft with an
        `id` updates that one, one without is added, the rest are deleted); their messages
        are keyed `prices.N.field`. Nothing is stored if anything is refused.
        """
        errors = validate_competitor(draft)
        with self._uow() as uow:
            s = uow.session
            name = " ".join(draft.name.split())
            if "name" not in errors:
                key = match_key(name)
                clash = next((n for cid, n in s.execute(select(Competitor.id, Competitor.name))
                              if match_key(n) == key and cid != competitor_id), None)
                if clash is not None:
                    errors["name"] = translate(
                        "Market", "Конкурент «{name}» уже есть в реестре").format(name=clash)
            if competitor_id is None:
                comp = Competitor()
            else:
                found = s.get(Competitor, competitor_id)
                if found is None:
                    raise NotFoundError(translate("Market", "Конкурент не найден"))
                comp = found
            if prices is not None:
                errors.update(self._price_list_errors(s, competitor_id, prices))
            if errors:
                raise ValidationError(errors)
            comp.name = name
            comp.inn = re.sub(r"[\s-]", "", draft.inn)
            comp.website = draft.website.strip()
            comp.segments = ", ".join(_segments(draft.segments))
            comp.market_share = draft.market_share
            comp.price_level = draft.price_level
            comp.strengths = draft.strengths.strip()
            comp.weaknesses = draft.weaknesses.strip()
            comp.opportunities = draft.opportunities.strip()
            comp.threats = draft.threats.strip()
            comp.notes = draft.notes.strip()
            if competitor_id is None:
                s.add(comp)
            try:
                uow.flush()
                if prices is not None:
                    self._replace_prices(s, comp.id, prices)
                    uow.flush()
            except IntegrityError as exc:
                raise ConflictError(translate(
                    "Market", "База отказалась сохранить конкурента: {e}").format(
                    e=exc.orig)) from exc
            new_id = comp.id
            uow.commit()
            return new_id

    @staticmethod
    def _price_list_errors(s: Session, competitor_id: int | None,
                           prices: Sequence[CompetitorPriceDraft]) -> dict[str, str]:
        errors: dict[str, str] = {}
        own = set() if competitor_id is None else set(s.scalars(
            select(CompetitorPrice.id).where(CompetitorPrice.competitor_id == competitor_id)))
        seen: dict[tuple[int, date], int] = {}
        for n, p in enumerate(prices):
            for key, message in _price_errors(s, p).items():
                errors[f"prices.{n}.{key}"] = message
            if p.id is not None and p.id not in own:
                errors[f"prices.{n}.id"] = translate("Market", "Эта цена уже удалена")
            slot = (p.product_id, p.observed_on)
            if slot in seen:
                errors[f"prices.{n}.observed_on"] = translate(
                    "Market", "Цена этого товара на эту дату уже есть в строке {row}").format(
                    row=seen[slot] + 1)
            else:
                seen[slot] = n
        return errors

    @staticmethod
    def _replace_prices(s: Session, competitor_id: int,
                        prices: Sequence[CompetitorPriceDraft]) -> None:
        stored = {p.id: p for p in s.scalars(
            select(CompetitorPrice).where(CompetitorPrice.competitor_id == competitor_id))}
        kept = {p.id for p in prices if p.id is not None}
        for pid, row in stored.items():
            if pid not in kept:
                s.delete(row)
        s.flush()  # a deleted day may be taken again below
        for p in prices:
            row = stored[p.id] if p.id is not None else CompetitorPrice(
                competitor_id=competitor_id)
            row.product_id = p.product_id
            row.price = p.price
            row.observed_on = p.observed_on
            row.source = p.source
            row.note = p.note.strip()
            if p.id is None:
                s.add(row)

    def delete_competitor(self, competitor_id: int) -> None:
        """Remove a competitor and its prices; the deals and clients lost to it keep their
        reason, with no competitor named."""
        with self._uow() as uow:
            comp = uow.session.get(Competitor, competitor_id)
            if comp is None:
                raise NotFoundError(translate("Market", "Конкурент не найден"))
            uow.session.delete(comp)
            uow.commit()

    # --- our own SWOT ---------------------------------------------------------------------
    def own_swot(self) -> Swot:
        return _swot_from(self._settings.get(OWN_SWOT_KEY))

    def set_own_swot(self, swot: Swot) -> None:
        self._settings.set(OWN_SWOT_KEY, {k: getattr(swot, k).strip() for k in SWOT_FIELDS})

    # --- prices ---------------------------------------------------------------------------
    def competitor_prices(self, competitor_id: int) -> list[CompetitorPriceRow]:
        """A competitor's observations: by product name, latest first."""
        with self._uow(read_only=True) as uow:
            rows = uow.session.execute(
                select(CompetitorPrice, Product)
                .join(Product, Product.id == CompetitorPrice.product_id)
                .where(CompetitorPrice.competitor_id == competitor_id)
                .order_by(Product.name, CompetitorPrice.observed_on.desc(),
                          CompetitorPrice.id.desc())).all()
            return [_price_row(p, product) for p, product in rows]

    def add_price(self, competitor_id: int, draft: CompetitorPriceDraft) -> int:
        return self._store_price(competitor_id, None, draft)

    def update_price(self, price_id: int, draft: CompetitorPriceDraft) -> None:
        with self._uow(read_only=True) as uow:
            row = uow.session.get(CompetitorPrice, price_id)
            if row is None:
                raise NotFoundError(translate("Market", "Цена не найдена"))
            competitor_id = row.competitor_id
        self._store_price(competitor_id, price_id, draft)

    def _store_price(self, competitor_id: int, price_id: int | None,
                     draft: CompetitorPriceDraft) -> int:
        with self._uow() as uow:
            s = uow.session
            if s.get(Competitor, competitor_id) is None:
                raise NotFoundError(translate("Market", "Конкурент не найден"))
            errors = _price_errors(s, draft)
            clash = s.scalar(select(CompetitorPrice.id).where(
                CompetitorPrice.competitor_id == competitor_id,
                CompetitorPrice.product_id == draft.product_id,
                CompetitorPrice.observed_on == draft.observed_on))
            if clash is not None and clash != price_id and "product_id" not in errors:
                errors["observed_on"] = translate(
                    "Market", "Цена этого товара на эту дату уже записана")
            if errors:
                raise ValidationError(errors)
            if price_id is None:
                row = CompetitorPrice(competitor_id=competitor_id)
                s.add(row)
            else:
                found = s.get(CompetitorPrice, price_id)
                if found is None:
                    raise NotFoundError(translate("Market", "Цена не найдена"))
                row = found
            row.product_id = draft.product_id
            row.price = draft.price
            row.observed_on = draft.observed_on
            row.source = draft.source
            row.note = draft.note.strip()
            uow.flush()
            new_id = row.id
            uow.commit()
            return new_id

    def delete_price(self, price_id: int) -> None:
        with self._uow() as uow:
            row = uow.session.get(CompetitorPrice, price_id)
            if row is None:
                raise NotFoundError(translate("Market", "Цена не найдена"))
            uow.session.delete(row)
            uow.commit()

    def price_comparison(self, competitor_id: int | None = None, *,
                         today: date | None = None) -> list[PriceComparisonRow]:
        """Our price against each competitor's latest observation (up to `today`) of each
        product: by competitor, then product name."""
        today = today or date.today()
        with self._uow(read_only=True) as uow:
            s = uow.session
            q = (select(CompetitorPrice, Product, Competitor.name)
                 .join(Product, Product.id == CompetitorPrice.product_id)
                 .join(Competitor, Competitor.id == CompetitorPrice.competitor_id)
                 .where(CompetitorPrice.observed_on <= today))
            if competitor_id is not None:
                q = q.where(CompetitorPrice.competitor_id == competitor_id)
            q = q.order_by(CompetitorPrice.observed_on.desc(), CompetitorPrice.id.desc())
            latest: dict[tuple[int, int], tuple[CompetitorPrice, Product, str]] = {}
            for price, product, name in s.execute(q):
                latest.setdefault((price.competitor_id, price.product_id),
                                  (price, product, name))
            out = []
            for price, product, name in latest.values():
                ours = product.price
                out.append(PriceComparisonRow(
                    competitor_id=price.competitor_id, competitor_name=name,
                    product_id=product.id, sku=product.sku, product_name=product.name,
                    our_price=ours, their_price=price.price,
                    difference_pct=percent(price.price - ours, ours),
                    observed_on=price.observed_on, source=price.source,
                    we_are_dearer=ours > price.price,
                    stale=(today - price.observed_on).days > STALE_DAYS))
        out.sort(key=lambda r: (r.competitor_name, r.product_name, r.sku))
        return out

    # --- importing a price list -------------------------------------------------------------
    def import_prices(self, competitor_id: int, path: Path, mapping: Mapping[int, str], *,
                      observed_on: date, source: str = "price_list",
                      skip_unmatched: bool = False, dry_run: bool = False) -> PriceImportReport:
        """Read a competitor's price list (CSV/XLSX) and store its prices; one transaction.

        `mapping` is column index → IMPORT_FIELDS (a price and an SKU or a name are needed).
        A row is matched to our product by SKU, else by name (case and spaces folded); a row
        without a date column gets `observed_on`. Any invalid row (a bad price or date, a
        product twice) stores nothing; so does an unmatched row unless `skip_unmatched`.
        A price already recorded for the product on that day is replaced.
        """
        from app.services.clients.importer import open_source

        fields = set(mapping.values())
        errors: dict[str, str] = {}
        if "price" not in fields:
            errors["price"] = translate("Market", "Укажите, в какой колонке цена")
        if not fields & {"sku", "name"}:
            errors["sku"] = translate("Market", "Укажите колонку с артикулом или наименованием")
        if source not in PRICE_SOURCES:
            errors["source"] = translate("Market", "Неизвестный источник цены")
        if errors:
            raise ValidationError(errors)
        columns = {f: i for i, f in mapping.items() if f in IMPORT_FIELDS}
        unmatched: list[ImportProblem] = []
        invalid: list[ImportProblem] = []
        counts = {"rows": 0, "unmatched": 0, "invalid": 0, "imported": 0, "updated": 0}

        def note(problems: list[ImportProblem], kind: str, line: int, label: str,
                 message: str) -> None:
            counts[kind] += 1
            if len(problems) < MAX_LISTED_ROWS:
                problems.append(ImportProblem(line, label, message))

        with self._uow() as uow:
            s = uow.session
            if s.get(Competitor, competitor_id) is None:
                raise NotFoundError(translate("Market", "Конкурент не найден"))
            by_sku: dict[str, int] = {}
            by_name: dict[str, list[int]] = {}
            for pid, sku, name in s.execute(select(Product.id, Product.sku, Product.name)):
                by_sku[match_key(sku)] = pid
                by_name.setdefault(match_key(name), []).append(pid)
            stored = {(p.product_id, p.observed_on): p for p in s.scalars(
                select(CompetitorPrice).where(CompetitorPrice.competitor_id == competitor_id))}
            taken: dict[tuple[int, date], int] = {}
            with open_source(path) as table:
                for line, cells in table.rows:
                    counts["rows"] += 1

                    def cell(key: str, cells: list[str] = cells) -> str:
                        i = columns.get(key)
                        return cells[i].strip() if i is not None and i < len(cells) else ""

                    sku, name = cell("sku"), cell("name")
                    label = " · ".join(x for x in (sku, name) if x) or "—"
                    problem = ""
                    price: Decimal | None = None
                    try:
                        price = parse_money(cell("price"))
                    except (ValueError, InvalidOperation):
                        problem = translate("Market", "цена «{v}» — не число").format(
                            v=cell("price")) if cell("price") else translate(
                            "Market", "нет цены")
                    if price is not None and not problem:
                        if price < 0:
                            problem = translate("Market", "цена не может быть отрицательной")
                        elif too_precise(price, MONEY_PLACES):
                            problem = translate("Market", "цена — с точностью до копейки")
                    day = observed_on
                    if "observed_on" in columns and cell("observed_on") and not problem:
                        try:
                            day = _import_date(cell("observed_on"))
                        except ValueError:
                            problem = translate(
                                "Market", "дата «{v}» не читается (ДД.ММ.ГГГГ)").format(
                                v=cell("observed_on"))
                    product_id = by_sku.get(match_key(sku)) if sku else None
                    if product_id is None and name:
                        named = by_name.get(match_key(name), [])
                        if len(named) == 1:
                            product_id = named[0]
                        elif len(named) > 1 and not problem:
                            problem = translate(
                                "Market", "в каталоге несколько товаров с таким названием — "
                                          "укажите артикул")
                    if problem:
                        note(invalid, "invalid", line, label, problem)
                        continue
                    if product_id is None:
                        note(unmatched, "unmatched", line, label, translate(
                            "Market", "товар не найден в каталоге ни по артикулу, ни по "
                                      "названию"))
                        continue
                    assert price is not None  # parsed, or the row was refused above
                    slot = (product_id, day)
                    if slot in taken:
                        note(invalid, "invalid", line, label, translate(
                            "Market", "этот товар на эту дату уже был в строке {n}").format(
                            n=taken[slot]))
                        continue
                    taken[slot] = line
                    row = stored.get(slot)
                    if row is None:
                        s.add(CompetitorPrice(competitor_id=competitor_id,
                                              product_id=product_id, price=price,
                                              observed_on=day, source=source,
                                              note=cell("note")))
                        counts["imported"] += 1
                    else:
                        row.price = price
                        row.source = source
                        if cell("note"):
                            row.note = cell("note")
                        counts["updated"] += 1
            refused = counts["invalid"] > 0 or (counts["unmatched"] > 0 and not skip_unmatched)
            committed = not dry_run and not refused
            if committed:
                uow.commit()
        return PriceImportReport(
            rows=counts["rows"], imported=counts["imported"], updated=counts["updated"],
            unmatched=unmatched, invalid=invalid, unmatched_count=counts["unmatched"],
            invalid_count=counts["invalid"], dry_run=dry_run, committed=committed)

    # --- losses -----------------------------------------------------------------------------
    def competitor_losses(self, period: Period,
                          competitor_id: int | None = None) -> list[CompetitorLosses]:
        """The deals lost to each competitor (or one) closed in the period: count, amount,
        by quarter and by the stage they were lost at; most lost amount first."""
        quarters = period_quarters(period)
        with self._uow(read_only=True) as uow:
            s = uow.session
            lost_stages = select(Stage.id).where(Stage.is_lost.is_(True))
            q = (select(Deal.id, Deal.title, Deal.amount, Deal.closed_on, Deal.competitor_id,
                        Competitor.name, Client.name)
                 .join(Competitor, Competitor.id == Deal.competitor_id)
                 .join(Client, Client.id == Deal.client_id)
                 .where(Deal.stage_id.in_(lost_stages), Deal.closed_on >= period.first,
                        Deal.closed_on <= period.last))
            if competitor_id is not None:
                q = q.where(Deal.competitor_id == competitor_id)
            deals = s.execute(q.order_by(Deal.closed_on.desc(), Deal.id.desc())).all()
            ids = [d[0] for d in deals]
            lost_at = self._lost_at_stages(s, ids)
        unknown = translate("Market", "Не записан")
        grouped: dict[int, list[LostDealRow]] = {}
        names: dict[int, str] = {}
        stage_of: dict[int, int | None] = {}
        for deal_id, title, amount, closed_on, cid, name, client in deals:
            if cid is None or closed_on is None:  # excluded by the query; for the types
                continue
            stage_id, stage_name = lost_at.get(deal_id, (None, unknown))
            stage_of[deal_id] = stage_id
            names[cid] = name
            grouped.setdefault(cid, []).append(LostDealRow(
                deal_id=deal_id, title=title, client_name=client, amount=amount,
                closed_on=closed_on, lost_at_stage=stage_name))
        out = []
        for cid, rows in grouped.items():
            by_quarter: dict[str, list[LostDealRow]] = {k: [] for k in quarters}
            by_stage: dict[int | None, list[LostDealRow]] = {}
            for r in rows:
                by_quarter.setdefault(_quarter_key(r.closed_on), []).append(r)
                by_stage.setdefault(stage_of[r.deal_id], []).append(r)
            stages = [StageLoss(sid, group[0].lost_at_stage, len(group), _total(group))
                      for sid, group in by_stage.items()]
            stages.sort(key=lambda x: (-x.count, -x.amount, x.stage_name))
            out.append(CompetitorLosses(
                competitor_id=cid, competitor_name=names[cid], count=len(rows),
                amount=_total(rows),
                quarters=[QuarterLoss(k, quarter_label(k), len(g), _total(g))
                          for k, g in sorted(by_quarter.items())],
                stages=stages, deals=rows))
        out.sort(key=lambda x: (-x.amount, -x.count, x.competitor_name))
        return out

    @staticmethod
    def _lost_at_stages(s: Session, deal_ids: list[int]) -> dict[int, tuple[int | None, str]]:
        """Each deal's stage before the lost one: the source of its last move into it."""
        if not deal_ids:
            return {}
        to_stage = aliased(Stage)
        from_stage = aliased(Stage)
        out: dict[int, tuple[int | None, str]] = {}
        for start in range(0, len(deal_ids), 500):
            chunk = deal_ids[start:start + 500]
            rows = s.execute(
                select(StageChange.deal_id, StageChange.from_stage_id, from_stage.name)
                .join(to_stage, to_stage.id == StageChange.to_stage_id)
                .outerjoin(from_stage, from_stage.id == StageChange.from_stage_id)
                .where(StageChange.deal_id.in_(chunk), to_stage.is_lost.is_(True),
                       StageChange.from_stage_id.is_not(None))
                .order_by(StageChange.changed_at, StageChange.id))
            for deal_id, from_id, name in rows:
                out[deal_id] = (from_id, name or "")  # the last move wins
        return out

    # --- the market report ------------------------------------------------------------------
    def market_report_data(self, period: Period, *,
                           today: date | None = None) -> MarketReportData:
        """Competitors with their SWOT, ours, the price comparison on the period's last day
        (or today, if sooner), and the losses to each competitor by quarter."""
        as_of = min(today or date.today(), period.last)
        return MarketReportData(
            period=period, as_of=as_of, competitors=self.competitors(),
            own_swot=self.own_swot(), comparison=self.price_comparison(today=as_of),
            losses=self.competitor_losses(period),
            quarter_labels=[quarter_label(k) for k in period_quarters(period)])


__all__ = [
    "IMPORT_FIELDS",
    "PRICE_LEVELS",
    "PRICE_LIST_SYNONYMS",
    "PRICE_SOURCES",
    "STALE_DAYS",
    "CompetitorDraft",
    "CompetitorLosses",
    "CompetitorPriceDraft",
    "CompetitorPriceRow",
    "CompetitorRow",
    "Competitors",
    "ImportProblem",
    "LostDealRow",
    "MarketReportData",
    "PriceComparisonRow",
    "PriceImportReport",
    "QuarterLoss",
    "StageLoss",
    "Swot",
    "import_field_label",
    "match_key",
    "price_level_label",
    "price_source_label",
    "share_text",
]
