"""Realistic Russian demo data, deterministic for a seed: used by users, tests, screenshots
and benchmarks.

Faker ru_RU gives names, addresses and valid ИНН/ОГРН; bank accounts are rebuilt so their
control key matches their БИК (Faker's own do not). Large sizes insert in bulk batches.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from app.domain.collation import sort_key
from app.domain.figures import line_total
from app.domain.money import round_money
from app.models import (
    SKILLS,
    AccompaniedMeeting,
    Activity,
    Assessment,
    Base,
    Campaign,
    CampaignCost,
    ChecklistItem,
    ChecklistTemplate,
    Client,
    ClientTag,
    CompanySettings,
    Competitor,
    CompetitorPrice,
    Complaint,
    Contact,
    Deal,
    DealLine,
    LearningRecord,
    Objection,
    Order,
    OrderLine,
    Payment,
    PlanTarget,
    Product,
    SatisfactionScore,
    Shipment,
    ShipmentLine,
    Stage,
    StageChange,
    StandardObjection,
    Trainee,
    TraineeTask,
    stage_is_open,
)
from app.rollups import bulk_load
from app.services.deals.defaults import OBJECTION_LIBRARY, seed_stages
from app.services.documents.demo import add_demo_documents
from app.services.documents.numbering import invoice_number, next_number
from app.services.errors import ServiceError
from app.services.mentoring.common import day_start_utc
from app.services.mentoring.defaults import seed_default_template
from app.services.mentoring.meetings import MEETING_KINDS
from app.services.requisites import account_control_digit
from app.services.settings import DEFAULTS
from app.services.uow import UowFactory

BATCH = 5000

# A row for a Core INSERT: column name → value (the values are of every column type).
InsertRow = dict[str, Any]
MAX_OPEN_DEALS = 2000

PRODUCT_GROUPS = {
    "Упаковка": [("Коробка гофрированная 400×300×200", "шт", "85.50"),
                 ("Стрейч-плёнка 500 мм, 23 мкм", "рул", "640.00"),
                 ("Скотч упаковочный 48 мм × 66 м", "шт", "95.00"),
                 ("Пузырчатая плёнка 1,5 × 100 м", "рул", "2150.00"),
                 ("Паллета деревянная 1200×800", "шт", "720.00")],
    "Складское оборудование": [("Стеллаж паллетный 2500 кг", "секц", "38900.00"),
                               ("Тележка гидравлическая 2,5 т", "шт", "31500.00"),
                               ("Штабелер ручной 1 т", "шт", "124000.00"),
                               ("Весы платформенные 600 кг", "шт", "18700.00")],
    "Спецодежда": [("Костюм рабочий летний", "компл", "2890.00"),
                   ("Перчатки х/б с ПВХ, 10 пар", "уп", "310.00"),
                   ("Ботинки рабочие с металлоподноском", "пара", "3450.00"),
                   ("Жилет сигнальный", "шт", "290.00")],
    "Хозтовары": [("Мешки для мусора 120 л, 10 шт", "уп", "145.00"),
                  ("Средство моющее 5 л", "канистра", "780.00"),
                  ("Бумага туалетная, 12 рулонов", "уп", "420.00")],
    "Услуги": [("Доставка по городу", "рейс", "3500.00"),
               ("Монтаж стеллажей", "секц", "2400.00"),
               ("Сервисное обслуживание техники", "час", "2800.00")],
}
SEGMENTS = ["Ключевые", "Крупные", "Средние", "Малые"]
INDUSTRIES = ["Розничная торговля", "Оптовая торговля", "Логистика", "Производство",
              "Строительство", "Пищевая промышленность", "Фармацевтика", "Электронная коммерция"]
REGIONS = ["Москва", "Московская область", "Санкт-Петербург", "Нижегородская область",
           "Свердловская область", "Республика Татарстан", "Новосибирская область",
           "Краснодарский край"]
SOURCES = ["Сайт", "Рекомендация", "Холодный звонок", "Выставка", "Тендер", "Рассылка",
           "Контекстная реклама"]
TAGS = ["VIP", "тендеры", "сезонный", "постоплата", "сеть", "новый", "экспорт", "самовывоз"]
LOST_REASONS = ["price", "competitor", "no_budget", "no_need", "postponed", "no_answer"]
COMPETITORS = ["ПакСервис", "СкладТехника", "Профупак", "ТехноСклад", "Альфа-Снаб"]
BANKS = [("ПАО Сбербанк", "044525225"), ("АО «Альфа-Банк»", "044525593"),
         ("Банк ВТБ (ПАО)", "044525187"), ("АО «Т-Банк»", "044525974"),
         ("ПАО «Промсвязьбанк»", "044525555")]
LEGAL_FORMS = ["ООО", "АО", "ПАО", "ООО", "ООО"]
CONTACT_POSITIONS = ["Директор", "Менеджер по закупкам", "Главный инженер",
                     "Руководитель склада", "Бухгалтер"]
DEAL_TITLES = ["Поставка", "Оснащение склада", "Годовой контракт", "Пробная партия",
               "Тендер на поставку", "Дооснащение"]
QUANTITIES = [Decimal(q) for q in (1, 2, 5, 10, 20, 50, 100)]
DISCOUNTS = [Decimal(d) for d in (0, 0, 0, 3, 5, 10)]


@dataclass(frozen=True)
class DemoSizes:
    """How much demo data, and its shape. The defaults are the demo users, tests and
    screenshots know (300 clients, 600 deals over 18 months); `DEMO_PRESETS` the benchmarks'.
    """

    clients: int = 300
    deals: int = 600
    products_per_group: int | None = None
    trainees: int = 2
    span_days: int = 540  # how far back the deals go (clients at least 900 days)
    contacts_per_client: tuple[int, ...] = (1, 1, 2, 3)  # drawn evenly: 1.75 on average
    done_activities: tuple[int, int] = (0, 2)  # per deal, between these (both included)
    won_of_closed: tuple[int, int] = (40, 65)  # the closed deals' won share, as a ratio
    # None: every name, address and domain straight from Faker, as always (the default
    # demo's data stays what it was); N: drawn from pools of N made once with Faker, since
    # Faker's formatting costs ~150 µs an address (100,000 clients: a minute of the build).
    faker_pool: int | None = None


# The benchmark databases of issue 12: five years of one manager's history, the same shape
# at two sizes (small ≈ large / 30). Built by `salesdesk demo --preset NAME`.
_YEARS = DemoSizes(span_days=1826, contacts_per_client=(1, 2, 3), done_activities=(2, 5),
                   won_of_closed=(1, 2))
DEMO_PRESETS: dict[str, DemoSizes] = {
    # 3,000 clients, ~6,000 contacts, 10,000 deals, ~35,000 activities, ~5,000 orders
    "small": replace(_YEARS, clients=3_000, deals=10_000, faker_pool=2_000),
    # 100,000 clients, ~200,000 contacts, 300,000 deals, ~1,050,000 activities,
    # ~150,000 orders with payments
    "large": replace(_YEARS, clients=100_000, deals=300_000, faker_pool=5_000),
}


class _Faces:
    """Names, addresses, domains and birthdays: straight from Faker, or from pools of it."""

    def __init__(self, fake: Any, rng: random.Random, pool: int | None) -> None:
        self._fake, self._rng = fake, rng
        self._pools: dict[str, list[Any]] = {}
        if pool:
            self._pools = {
                "address": [fake.address() for _ in range(pool)],
                "name": [fake.name() for _ in range(pool)],
                "name_male": [fake.name_male() for _ in range(pool)],
                "name_female": [fake.name_female() for _ in range(pool)],
                "domain_word": [fake.domain_word() for _ in range(pool)],
                "birthday": [fake.date_of_birth(minimum_age=25, maximum_age=60)
                             for _ in range(pool)],
            }

    def _draw(self, kind: str) -> Any:
        if self._pools:
            return self._rng.choice(self._pools[kind])
        if kind == "birthday":
            return self._fake.date_of_birth(minimum_age=25, maximum_age=60)
        return getattr(self._fake, kind)()

    def address(self) -> str:
        return str(self._draw("address"))

    def name(self) -> str:
        return str(self._draw("name"))

    def name_male(self) -> str:
        return str(self._draw("name_male"))

    def name_female(self) -> str:
        return str(self._draw("name_female"))

    def domain_word(self) -> str:
        return str(self._draw("domain_word"))

    def birthday(self) -> date:
        value: date = self._draw("birthday")
        return value


@dataclass(frozen=True)
class DemoSummary:
    clients: int
    contacts: int
    products: int
    deals: int
    activities: int
    orders: int

    def __str__(self) -> str:
        return (f"клиентов {self.clients}, контактов {self.contacts}, товаров {self.products}, "
                f"сделок {self.deals}, дел {self.activities}, заказов {self.orders}")


def _bank(rng: random.Random) -> dict[str, str]:
    bank_name, bik = rng.choice(BANKS)
    settlement = "40702810" + "0" + "".join(rng.choice("0123456789") for _ in range(11))
    corr = "30101810" + "0" + "00000000" + bik[-3:]
    return {
        "bank_name": bank_name,
        "bik": bik,
        "settlement_account": account_control_digit(bik, settlement, correspondent=False),
        "corr_account": account_control_digit(bik, corr, correspondent=True),
    }


@cache  # a few thousand distinct instants, each asked for ~1,000 times
def _at(day: date, hour: int, minute: int = 0) -> datetime:
    local = datetime.combine(day, time(hour, minute)).astimezone()
    return local.astimezone(UTC)


_line_total = cache(line_total)  # a few hundred (quantity, price, discount)


def _table(model: type[Base]) -> Table:
    table = model.__table__
    if not isinstance(table, Table):  # a mapped class over a plain table, as all ours are
        raise TypeError(f"{model.__name__} is not mapped to a table")
    return table


class _BulkInsert:
    """Core INSERTs of generated rows: one executemany per batch, run on the driver with each
    value converted by its own column's type (Money → kopecks, UTCDateTime → naive UTC, …)
    once per distinct value. SQLAlchemy's per-row parameter handling (construct_params and
    the type processors for every value) was a fifth of the build of 30,000 deals
    (cProfile), and the demo repeats few distinct instants and sums over millions of rows.
    """

    def __init__(self, session: Session) -> None:
        self._connection = session.connection()
        self._plans: dict[tuple[str, tuple[str, ...]], tuple[str, list[Any]]] = {}

    def _plan(self, table: Table, keys: tuple[str, ...]) -> tuple[str, list[Any]]:
        missing = [c.name for c in table.columns if c.name not in keys
                   and c.default is not None and c.server_default is None
                   and not c.primary_key]
        if missing:  # an executemany on the driver applies no Python-side default
            raise ValueError(f"{table.name}: rows lack {missing}, which have defaults")
        # a column the rows leave out that has a server default too (added in place by a
        # later migration) gets its constant default, as SQLAlchemy would give it
        constants = {c.name: c.default.arg for c in table.columns
                     if c.name not in keys and c.server_default is not None
                     and isinstance(c.default, ScalarElementColumnDefault)}
        dialect = self._connection.dialect
        compiled = insert(table).compile(dialect=dialect,
                                         column_keys=[*keys, *constants])
        order = list(compiled.positiontup or [])
        if sorted(order) != sorted([*keys, *constants]):
            raise ValueError(f"{table.name}: cannot insert {keys} positionally")
        converters: list[tuple[str, Callable[[Any], Any] | None]] = []
        for key in order:
            process = table.c[key].type.dialect_impl(dialect).bind_processor(dialect)
            if key in constants:
                value = process(constants[key]) if process else constants[key]
                converters.append((key, _constant(value)))
                continue
            converters.append((key, _memoized(process) if process else None))
        return compiled.string, converters

    def __call__(self, model: type[Base], rows: list[InsertRow]) -> None:
        if not rows:
            return
        table = _table(model)
        keys = tuple(rows[0])
        plan = self._plans.get((table.name, keys))
        if plan is None:
            plan = self._plans[(table.name, keys)] = self._plan(table, keys)
        sql, converters = plan
        for i in range(0, len(rows), BATCH):
            self._connection.exec_driver_sql(sql, [
                tuple([row[key] if convert is None else convert(row.get(key))
                       for key, convert in converters])
                for row in rows[i : i + BATCH]])


def _constant(value: Any) -> Callable[[Any], Any]:
    return lambda _absent: value


def _memoized(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """The type's own conversion, remembered per value (equal values convert equally)."""
    memo: dict[Any, Any] = {}

    def convert(value: Any) -> Any:
        try:
            return memo[value]
        except KeyError:
            memo[value] = out = process(value)
            return out

    return convert


def _insert_all(insert_rows: _BulkInsert,
                tables: list[tuple[type[Base], list[InsertRow]]]) -> None:
    """Insert each table's pending rows (parents first) and empty the lists: the demo is
    generated and inserted a batch at a time, so a large one never holds all its rows."""
    for model, rows in tables:
        insert_rows(model, rows)
        rows.clear()


def generate_demo(uow_factory: UowFactory, sizes: DemoSizes = DemoSizes(), *,
                  seed: int = 1, today: date | None = None) -> DemoSummary:
    """Fill an empty database; refuses one that already has clients."""
    from faker import Faker  # imported here: Faker is slow to import

    today = today or date.today()
    rng = random.Random(seed)
    fake = Faker("ru_RU")
    fake.seed_instance(seed)
    with uow_factory() as uow, ExitStack() as bulk:
        s = uow.session
        if s.scalar(select(func.count(Client.id))):
            raise ServiceError("База уже содержит клиентов: демонстрационные данные "
                               "добавляются только в пустую базу")
        # Rows go in by the batch with the derived tables' triggers off; the rollups and the
        # client search index are filled once at the end, in this same transaction.
        bulk.enter_context(bulk_load(s.connection()))
        insert_rows = _BulkInsert(s)
        # --- own company -----------------------------------------------------------
        company = s.get(CompanySettings, 1) or CompanySettings(id=1)
        bank = _bank(rng)
        company.name = "ООО «СкладПро»"
        company.full_name = "Общество с ограниченной ответственностью «СкладПро»"
        company.inn = fake.businesses_inn()
        company.kpp = "772501001"
        company.ogrn = fake.businesses_ogrn()
        company.legal_address = "115280, г. Москва, ул. Ленинская Слобода, д. 19, офис 402"
        company.postal_address = company.legal_address
        company.phone = "+7 495 123-45-67"
        company.email = "sales@skladpro.example"
        company.website = "skladpro.example"
        company.signer_name = "Кузнецов А. В."
        company.signer_title = "Генеральный директор"
        company.accountant_name = "Смирнова Е. П."
        company.manager_name = "Орлова Мария Сергеевна"
        company.manager_phone = "+7 916 555-12-34"
        company.manager_email = "m.orlova@skladpro.example"
        for key, value in bank.items():
            setattr(company, key, value)
        s.add(company)

        # --- stages, products, competitors, campaigns -----------------------------
        if not s.scalar(select(func.count(Stage.id))):  # seeded when the file was created
            seed_stages(s)
        stages = list(s.scalars(select(Stage).order_by(Stage.position)))
        for text, answer in OBJECTION_LIBRARY:
            s.add(StandardObjection(text=text, answer=answer))
        products: list[Product] = []
        n = 0
        for group, items in PRODUCT_GROUPS.items():
            for name, unit, price in items[: sizes.products_per_group or None]:
                n += 1
                p = Decimal(price)
                products.append(Product(
                    sku=f"SP-{n:04d}", name=name, group_name=group, unit=unit, price=p,
                    floor_price=round_money(p * Decimal("0.85")),
                    vat_kind="standard", stock=Decimal(rng.randint(0, 500)),
                    min_stock=Decimal(20)))
        s.add_all(products)
        competitors = [Competitor(name=c, website=f"{i}.example", notes="",
                                  strengths="Низкие цены" if i % 2 else "Широкий ассортимент",
                                  weaknesses="Долгая доставка" if i % 2 else "Слабый сервис")
                       for i, c in enumerate(COMPETITORS)]
        s.add_all(competitors)
        # three campaigns a year (January, May, September, each for three months): the six
        # that started last, none yet to start
        starts = [date(today.year, 1 + (today.month - 1) // 4 * 4, 1)]
        while len(starts) < 6:
            back = starts[0].month - 4
            starts.insert(0, date(starts[0].year - (back < 1), back % 12 or 12, 1))
        channels = {1: "Выставка", 5: "Рассылка", 9: "Контекстная реклама"}
        campaigns = [Campaign(name=f"{channels[start.month]} — {start.year}",
                              channel=channels[start.month],
                              cost=Decimal(rng.randrange(50_000, 400_000, 1000)),
                              started_on=start,
                              ended_on=date(start.year, start.month + 2, 28))
                     for start in starts]
        s.add_all(campaigns)
        uow.flush()
        for comp in competitors:
            for prod in rng.sample(products, 5):
                s.add(CompetitorPrice(
                    competitor_id=comp.id, product_id=prod.id,
                    price=round_money(prod.price * Decimal(rng.randint(85, 115)) / 100),
                    observed_on=today - timedelta(days=rng.randint(1, 90))))

        # --- clients and contacts --------------------------------------------------
        # Core INSERT rows (column → value), one list per table, inserted a batch at a time
        faces = _Faces(fake, rng, sizes.faker_pool)
        client_rows: list[InsertRow] = []
        contact_rows: list[InsertRow] = []
        tag_rows: list[InsertRow] = []
        people: list[tuple[type[Base], list[InsertRow]]] = [
            (Client, client_rows), (ClientTag, tag_rows), (Contact, contact_rows)]
        n_contacts = 0
        client_days = max(900, sizes.span_days)
        first_id = (s.scalar(select(func.max(Client.id))) or 0) + 1
        client_ids = list(range(first_id, first_id + sizes.clients))
        for cid in client_ids:
            entrepreneur = rng.random() < 0.12
            if entrepreneur:
                person = faces.name()
                name, legal_form, kind = f"ИП {person}", "ИП", "entrepreneur"
                inn, ogrn, kpp = fake.individuals_inn(), _ogrnip(rng), ""
            else:
                legal_form = rng.choice(LEGAL_FORMS)
                name, kind = f"{legal_form} «{_company_name(rng)}»", "organization"
                inn, ogrn, kpp = fake.businesses_inn(), fake.businesses_ogrn(), fake.kpp()
            status = rng.choices(["lead", "active", "lost", "churned"], [25, 60, 8, 7])[0]
            created = today - timedelta(days=rng.randint(0, client_days))
            client_rows.append({
                "id": cid, "kind": kind, "name": name, "sort_name": sort_key(name),
                "full_name": name, "legal_form": legal_form, "inn": inn, "kpp": kpp, "ogrn": ogrn,
                "legal_address": faces.address(), "postal_address": "",
                "phone": _phone(rng), "email": f"info{cid}@{faces.domain_word()}.example",
                "website": "", "industry": rng.choice(INDUSTRIES),
                "region": rng.choice(REGIONS), "segment": rng.choice(SEGMENTS),
                "status": status, "loyalty_tier": rng.choice(["", "Серебро", "Золото"]),
                "lead_source": rng.choice(SOURCES),
                "campaign_id": rng.choice(campaigns).id if rng.random() < 0.2 else None,
                "responsible": "Орлова М. С.", "notes": "", "archived": False,
                "created_at": _at(created, 10), "updated_at": _at(created, 10),
                **_bank(rng),
            })
            for tag in rng.sample(TAGS, rng.choice([0, 0, 1, 1, 2])):
                tag_rows.append({"client_id": cid, "tag": tag})
            for k in range(rng.choice(sizes.contacts_per_client)):
                male = rng.random() < 0.5
                cname = faces.name_male() if male else faces.name_female()
                contact_rows.append({
                    "client_id": cid, "name": cname,
                    "position": rng.choice(CONTACT_POSITIONS),
                    "phone": _phone(rng), "phone2": "", "messenger": "",
                    "email": f"contact{cid}_{k}@{faces.domain_word()}.example",
                    "birthday": faces.birthday(), "is_primary": k == 0, "notes": ""})
            if len(client_rows) >= BATCH:
                n_contacts += len(contact_rows)
                _insert_all(insert_rows, people)
        n_contacts += len(contact_rows)
        _insert_all(insert_rows, people)

        # --- deals, lines, stage history, activities, orders ------------------------
        # Plain tuples, not ORM objects, in the loop below: it runs 300,000 times.
        open_stages = [(st.id, st.position) for st in stages
                       if not st.is_won and not st.is_lost]
        won_id = next(st.id for st in stages if st.is_won)
        lost_id = next(st.id for st in stages if st.is_lost)
        catalog = [(p.id, p.name, p.unit, p.price, p.vat_kind, p.group_name) for p in products]
        competitor_ids = [c.id for c in competitors]
        tables: list[tuple[type[Base], list[InsertRow]]] = [
            (Deal, []), (DealLine, []), (StageChange, []), (Activity, []), (Order, []),
            (OrderLine, []), (Shipment, []), (ShipmentLine, []), (Payment, [])]
        (deal_rows, line_rows, change_rows, act_rows, order_rows, order_line_rows,
         shipment_rows, shipment_line_rows, payment_rows) = (rows for _model, rows in tables)
        n_deals = n_activities = n_orders = 0
        invoices: dict[int, int] = {}  # year → the orders' invoices numbered so far
        next_order_line = (s.scalar(select(func.max(OrderLine.id))) or 0) + 1
        # the plan's base: each group's won revenue of the last 365 days
        yearly = {group: Decimal(0) for group in PRODUCT_GROUPS}
        first_deal = (s.scalar(select(func.max(Deal.id))) or 0) + 1
        span = sizes.span_days
        # One manager's open pipeline stays at most ~2,000 deals however long the history
        # (large sizes are years of closed deals, as in the benchmarks).
        open_share = min(0.35, MAX_OPEN_DEALS / max(sizes.deals, 1))
        won_part, closed_part = sizes.won_of_closed
        won_below = open_share + (1 - open_share) * won_part / closed_part
        low_done, high_done = sizes.done_activities
        planned_created_by = _at(today, 8)  # a planned activity was entered by this morning
        # results, next-step links and service calls draw on their own generator, so every
        # other row of the demo stays as it was before they came (issue 13)
        outcomes = random.Random(seed * 104729 + 17)
        next_activity_id = (s.scalar(select(func.max(Activity.id))) or 0) + 1
        for i in range(sizes.deals):
            did = first_deal + i
            client_id = rng.choice(client_ids)
            created = today - timedelta(days=int(rng.triangular(0, span, 60)))
            outcome = rng.random()
            recent = (today - created).days < 20 and open_share >= 0.35
            if recent or outcome < open_share:
                stage_id, stage_position = rng.choice(open_stages)
                is_open = True
            else:
                stage_id = won_id if outcome < won_below else lost_id
                is_open = False
            if is_open:  # open deals are mostly recent; a few have stalled
                created = today - timedelta(days=int(rng.triangular(0, 100, 10)))
            lines: list[InsertRow] = []
            amount = Decimal(0)
            totals: list[tuple[str, Decimal]] = []  # (product group, line total)
            for pos, (pid, pname, punit, pprice, vat_kind, group) in enumerate(
                    rng.sample(catalog, rng.randint(1, 4))):
                qty = rng.choice(QUANTITIES)
                discount = rng.choice(DISCOUNTS)
                totals.append((group, _line_total(qty, pprice, discount)))
                amount += totals[-1][1]
                lines.append({"deal_id": did, "position": pos, "product_id": pid,
                              "name": pname, "unit": punit, "quantity": qty,
                              "price": pprice, "discount": discount,
                              "vat_kind": vat_kind, "floor_override_reason": ""})
            line_rows.extend(lines)
            # an open deal passed every stage up to its own; a closed one each open stage
            # at or below a position drawn afresh per stage (so it may have skipped some)
            path = [sid for sid, position in open_stages
                    if position <= (stage_position if is_open else rng.choice(open_stages)[1])]
            steps = [rng.randint(1, 12) for _ in path]  # days in each stage of the path
            # Day offsets of the changes from the deal's creation; squeezed when the last
            # one (the closing, or the open deal's current stage) would come after today.
            offsets = [sum(steps[:k]) for k in range(len(path))]
            end = sum(steps) if not is_open else offsets[-1]
            room = (today - created).days
            if end > room:
                offsets = [o * room // end for o in offsets]
            t = created + timedelta(days=sum(steps))  # where the unsqueezed path ends
            prev = None
            for sid, offset in zip(path, offsets, strict=True):
                change_rows.append({"deal_id": did, "from_stage_id": prev, "to_stage_id": sid,
                                    "changed_at": _at(created + timedelta(days=offset), 11)})
                prev = sid
            closed_on: date | None = None
            if not is_open:
                closed_on = min(t, today)
                change_rows.append({"deal_id": did, "from_stage_id": prev,
                                    "to_stage_id": stage_id, "changed_at": _at(closed_on, 16)})
                entered_at = _at(closed_on, 11)
            else:
                rng.randint(1, 12)  # drawn as before, so the rest of the demo stays the same
                entered = created + timedelta(days=offsets[-1])  # its last stage change
                entered_at = _at(entered, 11)
            is_lost = stage_id == lost_id
            lost_reason = rng.choice(LOST_REASONS) if is_lost else ""
            deal_rows.append({
                "id": did, "client_id": client_id, "contact_id": None, "stage_id": stage_id,
                "title": rng.choice(DEAL_TITLES) + f" №{did}",
                "amount": amount, "probability": None,
                "expected_close": (today + timedelta(days=rng.randint(-10, 75))
                                   if is_open else closed_on),
                "closed_on": closed_on, "source": rng.choice(SOURCES), "campaign_id": None,
                "lost_reason": lost_reason, "lost_comment": "",
                "competitor_id": rng.choice(competitor_ids)
                if lost_reason == "competitor" else None,
                "payment_terms": "Оплата 50 % предоплата, 50 % по факту поставки",
                "delivery_terms": "Доставка до склада покупателя в течение 10 рабочих дней",
                "negotiation_notes": "", "notes": "",
                "stage_entered_at": entered_at, "created_at": _at(created, 9),
                "updated_at": entered_at,
            })
            deal_acts: list[InsertRow] = []
            if is_open and rng.random() < 0.8:
                due = today + timedelta(days=rng.choice([-3, -1, 0, 0, 1, 2, 3, 5, 7, 10]))
                deal_acts.append(_activity(rng, client_id, did, due, done=False,
                                           created_by=planned_created_by))
            for _ in range(rng.randint(low_done, high_done)):
                when = created + timedelta(days=rng.randint(0, max(1, (t - created).days)))
                if when <= today:
                    deal_acts.append(_activity(rng, client_id, did, when, done=True,
                                               outcomes=outcomes))
            next_activity_id = _link_next_steps(
                deal_acts, next_activity_id, outcomes,
                closed_reason="" if is_open else CLOSED_REASONS[stage_id == won_id])
            act_rows.extend(deal_acts)
            if stage_id == won_id and closed_on is not None:
                if (today - closed_on).days <= 365:
                    for group, total in totals:
                        yearly[group] += total
                n_orders += 1
                oid = n_orders
                invoices[closed_on.year] = invoices.get(closed_on.year, 0) + 1
                order_rows.append({
                    "id": oid, "number": f"З-{closed_on.year}-{oid:05d}", "client_id": client_id,
                    "deal_id": did, "ordered_on": closed_on, "amount": amount,
                    "status": "closed" if (today - closed_on).days > 20 else "confirmed",
                    "payment_due_on": closed_on + timedelta(days=14),
                    "delivery_address": "", "notes": "",
                    "invoice_number": invoice_number(closed_on.year, invoices[closed_on.year]),
                    "created_at": _at(closed_on, 17), "ship_by": closed_on + timedelta(days=7),
                    "deferred_days": 14, "contract_number": f"Д-{client_id}",
                    "contract_date": None})
                first_line = next_order_line
                for line in lines:
                    order_line_rows.append({
                        "id": next_order_line, "order_id": oid, "position": line["position"],
                        "product_id": line["product_id"], "name": line["name"],
                        "unit": line["unit"], "quantity": line["quantity"],
                        "price": line["price"], "discount": line["discount"],
                        "vat_kind": line["vat_kind"]})
                    next_order_line += 1
                shipped = closed_on + timedelta(days=rng.randint(2, 12))
                if shipped < today:  # the shipment is the order's id: one per order
                    shipment_line_rows.extend(
                        {"shipment_id": oid, "order_line_id": first_line + k,
                         "quantity": line["quantity"]} for k, line in enumerate(lines))
                shipment_rows.append({
                    "id": oid, "order_id": oid, "planned_on": closed_on + timedelta(days=7),
                    "planned_delivery_on": closed_on + timedelta(days=8),
                    "status": "delivered" if shipped < today else "preparing",
                    "shipped_on": shipped if shipped < today else None,
                    "delivered_on": shipped + timedelta(days=1) if shipped < today else None,
                    "waybill_number": f"ТН-{oid:05d}", "invoice_number": f"СФ-{oid:05d}",
                    "notes": ""})
                paid = closed_on + timedelta(days=rng.randint(1, 30))
                recent = (today - closed_on).days < 60
                if paid <= today and rng.random() < (0.7 if recent else 0.98):
                    payment_rows.append({"order_id": oid,
                                         "client_id": client_id, "paid_on": paid, "amount": amount,
                                         "reference": str(rng.randint(100, 9999))})
            if len(deal_rows) >= BATCH:
                n_deals += len(deal_rows)
                n_activities += len(act_rows)
                _insert_all(insert_rows, tables)
        act_rows.extend(_service_calls(s, outcomes, today, next_activity_id))
        n_deals += len(deal_rows)
        n_activities += len(act_rows)
        _insert_all(insert_rows, tables)

        # --- plan: the last 12 months and the next 6, by product group -------------
        # Each group's monthly target is its average won revenue of the last year plus ~8 %,
        # so plan and fact are of the same order, as in a real plan.
        month = date(today.year, today.month, 1)
        plan_rows: list[InsertRow] = []
        for k in range(-12, 7):
            y, m = divmod(month.month - 1 + k, 12)
            start = date(month.year + y, m + 1, 1)
            seasonal = Decimal(1) + Decimal(rng.randint(-15, 15)) / 100
            for group in PRODUCT_GROUPS:
                target = max(yearly[group] / 12 * Decimal("1.08") * seasonal, Decimal(10000))
                plan_rows.append({"period_start": start, "product_group": group, "region": "",
                                  "segment": "", "amount": round_money(target // 1000 * 1000)})
        insert_rows(PlanTarget, plan_rows)

        # --- feedback --------------------------------------------------------------
        for cid in rng.sample(client_ids, min(len(client_ids), max(3, sizes.clients // 20))):
            s.add(SatisfactionScore(client_id=cid, score=rng.choice([6, 7, 8, 9, 9, 10, 10]),
                                    scored_on=today - timedelta(days=rng.randint(1, 300)),
                                    comment=rng.choice(["", "Довольны сроками",
                                                        "Просят расширить ассортимент"])))
        for cid in rng.sample(client_ids, min(len(client_ids), max(2, sizes.clients // 60))):
            s.add(Complaint(client_id=cid, opened_on=today - timedelta(days=rng.randint(1, 200)),
                            category=rng.choice(["quality", "delivery", "service", "price"]),
                            description=rng.choice(["Повреждена упаковка при доставке",
                                                    "Задержка отгрузки на 3 дня",
                                                    "Не тот артикул в поставке"]),
                            status=rng.choice(["open", "resolved", "in_progress"])))

        # --- mentoring -------------------------------------------------------------
        # the built-in template, seeded when the database was created
        template_id = s.scalar(select(ChecklistTemplate.id)
                               .where(ChecklistTemplate.is_default.is_(True)).limit(1))
        if template_id is None:
            template_id = seed_default_template(s)
        checklist = list(s.scalars(select(ChecklistItem)
                                   .where(ChecklistItem.template_id == template_id)
                                   .order_by(ChecklistItem.position)))
        for k in range(sizes.trainees):
            start = today - timedelta(days=20 + 25 * k)
            trainee = Trainee(name=fake.name(), start_date=start, position="Менеджер по продажам",
                              phone=_phone(rng), email=f"trainee{k + 1}@skladpro.example",
                              notes="Быстро учится, нужно больше практики в переговорах")
            s.add(trainee)
            uow.flush()
            for item in checklist:
                due = start + timedelta(days=item.due_offset_days)
                done = due < today - timedelta(days=2) and rng.random() < 0.8
                s.add(TraineeTask(trainee_id=trainee.id, template_item_id=item.id,
                                  section=item.section, position=item.position,
                                  title=item.title, description=item.description,
                                  due_on=due, done_on=due if done else None,
                                  mentor_comment="Хорошо" if done else ""))
            for week in range(0, (today - start).days, 14):
                for skill in ("presentation", "needs_discovery", "objection_handling",
                              "closing", "crm_discipline", "product_knowledge"):
                    s.add(Assessment(trainee_id=trainee.id, skill=skill,
                                     assessed_on=start + timedelta(days=week + 7),
                                     score=min(5, 2 + week // 14 + rng.randint(0, 1))))
        for kind, title, hours in [("book", "«СПИН-продажи», Н. Рекхэм", "12"),
                                   ("course", "Переговоры о цене", "16"),
                                   ("conference", "Конференция «Склад и логистика»", "8"),
                                   ("webinar", "Работа с возражениями в B2B", "2")]:
            started = today - timedelta(days=rng.randint(10, 200))
            s.add(LearningRecord(kind=kind, title=title, started_on=started,
                                 finished_on=started + timedelta(days=7), hours=Decimal(hours),
                                 status="done", takeaways="Применять на встречах",
                                 skill="Переговоры"))
        add_demo_mentoring(s, rng, today)
        uow.flush()
        freshen_demo_pipeline(s, today, seed)
        for year, last in invoices.items():  # the invoices issued later continue the series
            next_number(s, "invoice", year, at_least=last - 1)
        add_demo_documents(s, rng, today)
        add_demo_market(s, fake, today, seed)
        uow.flush()
        # the company's bookkeeping instant is the demo's day, not the generator's clock
        s.execute(update(CompanySettings).where(CompanySettings.id == company.id)
                  .values(updated_at=_at(today, 9)))
        bulk.close()  # fills the rollups and the search index, re-creates the triggers
        uow.commit()
    return DemoSummary(clients=len(client_ids), contacts=n_contacts, products=len(products),
                       deals=n_deals, activities=n_activities, orders=n_orders)


def add_demo_market(session: Session, fake: Any, today: date, seed: int = 1) -> None:
    """What the market and the voice of the client hold (issue 16): the competitors'
    requisites, SWOT and price sources, each campaign's cost lines (their sum is its cost)
    and its deals, churn reasons, mailing consent, complaints' due dates and CSAT scores.
    Uses its own random generator so the rest of the demo data is unchanged."""
    s = session
    rng = random.Random(seed * 6151 + 16)
    levels = ["low", "same", "high", "premium"]
    competitors = list(s.scalars(select(Competitor).order_by(Competitor.id)))
    for i, comp in enumerate(competitors):
        comp.inn = fake.businesses_inn()
        comp.segments = ", ".join(rng.sample(SEGMENTS, 2))
        comp.price_level = levels[i % len(levels)]
        comp.market_share = Decimal(rng.randint(4, 18))
        comp.opportunities = "Выход в регионы" if i % 2 else "Тендеры сетей"
        comp.threats = "Демпинг на тендерах" if i % 2 else "Собственный склад в Москве"
    sources = ["price_list", "tender", "client", "website"]
    for price in s.scalars(select(CompetitorPrice)):
        price.source = rng.choice(sources)
    lines = {"Выставка": ["Стенд", "Печать каталогов", "Командировка"],
             "Рассылка": ["Сервис рассылки", "Дизайн писем"],
             "Контекстная реклама": ["Бюджет кликов", "Настройка кампаний"]}
    for camp in s.scalars(select(Campaign).order_by(Campaign.id)):
        camp.target_segment = rng.choice(SEGMENTS)
        labels = lines.get(camp.channel, ["Бюджет"])
        left = camp.cost
        for k, label in enumerate(labels):
            amount = left if k == len(labels) - 1 else round_money(
                camp.cost * Decimal(rng.randint(20, 50)) / 100)
            left -= amount
            s.add(CampaignCost(campaign_id=camp.id, label=label, amount=amount,
                               spent_on=min(camp.started_on + timedelta(days=7 * k), today)))
    # a lead belongs to the campaign that ran when it came (or a month after it ended)
    running = (select(Campaign.id)
               .where(Campaign.started_on <= func.date(Client.created_at),
                      func.date(Client.created_at)
                      <= func.date(Campaign.ended_on, "+30 days"))
               .order_by(Campaign.started_on.desc()).limit(1).scalar_subquery())
    # (the rows keep their own updated_at: the demo's day, not the generator's clock)
    s.execute(update(Client).where(Client.campaign_id.is_not(None))
              .values(campaign_id=running, updated_at=Client.updated_at))
    # a client brought by a campaign brings its deals under it
    # (made after the campaign started)
    campaign = select(Client.campaign_id).where(Client.id == Deal.client_id).scalar_subquery()
    started = (select(Campaign.started_on).join(Client, Client.campaign_id == Campaign.id)
               .where(Client.id == Deal.client_id).scalar_subquery())
    s.execute(update(Deal).where(campaign.is_not(None), Deal.created_at >= started)
              .values(campaign_id=campaign, updated_at=Deal.updated_at))
    reasons = ["competitor", "price", "quality", "service", "no_need", "closed"]
    competitor_ids = [c.id for c in competitors]
    for client in s.scalars(select(Client).where(Client.status.in_(("lost", "churned")))):
        client.churn_reason = rng.choice(reasons)
        client.churned_on = max(client.created_at.date(),
                                today - timedelta(days=rng.randint(5, 400)))
        client.updated_at = max(client.created_at, _at(client.churned_on, 12))
        if client.churn_reason == "competitor":
            client.churn_competitor_id = rng.choice(competitor_ids)
    s.execute(update(Contact).where(Contact.id % 5 != 0).values(mailing_consent=True))
    for complaint in s.scalars(select(Complaint).order_by(Complaint.id)):
        complaint.responsible = "Орлова М. С."
        complaint.due_on = complaint.opened_on + timedelta(days=rng.choice([5, 10, 14]))
        if complaint.status == "resolved":
            complaint.resolved_on = min(complaint.due_on - timedelta(days=1), today)
            complaint.resolution = "Заменили товар, извинились"
            complaint.resolution_cost = Decimal(rng.randrange(500, 15_000, 100))
    for score in s.scalars(select(SatisfactionScore).order_by(SatisfactionScore.id)):
        if rng.random() < 0.25:
            score.kind = "csat"
            score.score = max(1, score.score // 2)


def freshen_demo_pipeline(session: Session, today: date, seed: int = 1) -> None:
    """Make the demo board look like a living pipeline.

    The generic demo leaves open deals in their stage for months; a real manager's board has
    most deals moving within the stage's limit and a few stalled ones. Each open deal's
    history (stage changes, creation) is shifted as a whole so that its last change — the
    entry into its current stage — falls on a day up to today, never after. Uses its own
    random generator so the rest of the demo data is unchanged.
    """
    rng = random.Random(seed * 7919 + 13)
    rows = session.execute(
        select(Deal.id, Deal.stage_entered_at, Deal.created_at, Stage.stall_days)
        .join(Stage, Stage.id == Deal.stage_id)
        .where(stage_is_open())
        .order_by(Deal.id)).all()
    history: dict[int, list[tuple[int, datetime]]] = {}
    for change_id, deal_id, changed_at in session.execute(
            select(StageChange.id, StageChange.deal_id, StageChange.changed_at)
            .join(Deal, Deal.id == StageChange.deal_id).join(Stage, Stage.id == Deal.stage_id)
            .where(stage_is_open()).order_by(StageChange.id)):
        history.setdefault(deal_id, []).append((change_id, changed_at))
    now_local = datetime.combine(today, datetime.min.time()).astimezone()
    moved_changes: list[InsertRow] = []
    moved_deals: list[InsertRow] = []
    for deal_id, entered, created, stall in rows:
        limit = stall or 10
        if rng.random() < 0.22:
            days = rng.randint(limit + 1, limit * 3)
        else:
            days = rng.randint(0, limit)
        target = (now_local - timedelta(days=days, hours=-rng.randint(9, 17))).astimezone(UTC)
        changes = history.get(deal_id, [])
        last = max((at for _id, at in changes), default=entered)
        delta = target - last  # earlier or later: the whole history moves together
        if not delta:
            continue
        moved_changes += [{"b_id": change_id, "b_at": at + delta} for change_id, at in changes]
        moved_deals.append({"b_id": deal_id, "b_entered": target, "b_created": created + delta})
    changes_table, deals_table = _table(StageChange), _table(Deal)
    conn = session.connection()
    if moved_changes:
        conn.execute(update(changes_table).where(changes_table.c.id == bindparam("b_id"))
                     .values(changed_at=bindparam("b_at")), moved_changes)
    if moved_deals:
        conn.execute(update(deals_table).where(deals_table.c.id == bindparam("b_id"))
                     .values(stage_entered_at=bindparam("b_entered"),
                             created_at=bindparam("b_created"),
                             updated_at=bindparam("b_entered")), moved_deals)
    # Objections heard in deals that got as far as a presentation, some already answered.
    library = list(session.scalars(select(StandardObjection).order_by(StandardObjection.id)))
    later = session.execute(
        select(Deal.id, Deal.negotiation_notes, Deal.updated_at)
        .join(Stage, Stage.id == Deal.stage_id)
        .where(stage_is_open(), Stage.position >= 3)
        .order_by(Deal.id)).all()
    for deal_id, notes, updated_at in later:
        if not library or rng.random() > 0.6:
            continue
        for item in rng.sample(library, rng.randint(1, min(2, len(library)))):
            resolved = rng.random() < 0.5
            session.add(Objection(deal_id=deal_id, text=item.text,
                                  answer=item.answer if resolved or rng.random() < 0.5 else "",
                                  resolved=resolved,
                                  created_at=now_local.astimezone(UTC)
                                  - timedelta(days=rng.randint(1, 20))))
        if not notes:
            conn.execute(update(deals_table).where(deals_table.c.id == deal_id).values(
                negotiation_notes=rng.choice([
                    "Решение принимает директор по логистике; важны сроки поставки.",
                    "Просят отсрочку платежа 30 дней; сравнивают с двумя поставщиками.",
                    "Бюджет утверждён на квартал, ждут КП с монтажом.",
                ]),
                updated_at=updated_at))  # a note taken then, not at the generator's clock


def add_demo_mentoring(session: Session, rng: random.Random, today: date) -> None:
    """Accompanied meetings, comments and a mentor's conclusion for the demo trainees."""
    feedback = [
        "Хорошо выявил потребности, но рано перешёл к цене.",
        "Уверенно презентовал продукт, нужно больше вопросов о сроках.",
        "Внимательно слушал клиента, записал возражения — разобрали после встречи.",
        "Сам закрыл встречу на следующий шаг: договорились о КП.",
    ]
    # Ratings are history: none dated after the demo's today.
    session.flush()
    session.execute(delete(Assessment).where(Assessment.assessed_on > today))
    trainees = list(session.scalars(select(Trainee).order_by(Trainee.id)))
    for trainee in trainees:
        acts = list(session.scalars(
            select(Activity).where(Activity.kind.in_(MEETING_KINDS),
                                   Activity.due_at >= day_start_utc(trainee.start_date),
                                   Activity.due_at < day_start_utc(today))
            .order_by(Activity.due_at).limit(40)))
        for act in rng.sample(acts, min(len(acts), 3)):
            session.add(AccompaniedMeeting(trainee_id=trainee.id, activity_id=act.id,
                                           feedback=rng.choice(feedback),
                                           created_at=(act.due_at or day_start_utc(today))
                                           + timedelta(hours=2)))
        trainee.conclusion = (
            "Стажёр осваивает продукт и стандарты в срок. Сильные стороны — презентация и "
            "знание каталога; зона роста — работа с возражениями о цене. Рекомендую "
            "продолжить сопровождение на встречах и через месяц провести итоговую аттестацию.")
        for k, skill in enumerate(SKILLS):
            last = session.scalar(select(Assessment).where(
                Assessment.trainee_id == trainee.id, Assessment.skill == skill)
                .order_by(Assessment.assessed_on.desc()).limit(1))
            if last is not None and k % 2 == 0:
                last.comment = "Заметный рост за две недели"


ACTIVITY_KINDS = ["call", "call", "meeting", "email", "presentation", "task"]
ACTIVITY_SUBJECTS = {"call": "Созвониться по КП", "meeting": "Встреча в офисе клиента",
                     "email": "Отправить материалы", "presentation": "Презентация оборудования",
                     "task": "Подготовить договор"}


# each result of a done demo activity with its weight and the result text written with it
_RESULTS: dict[str, list[tuple[str, int, str]]] = {
    "call": [("reached", 55, "Договорились о следующем шаге"), ("no_answer", 15, "Не взяли трубку"),
             ("busy", 8, "Занято"), ("call_back", 12, "Просили перезвонить после обеда"),
             ("wrong_number", 3, "Номер сменился, уточнить контакт"),
             ("refused", 7, "Сейчас не актуально")],
    "meeting": [("held", 80, "Обсудили объёмы и сроки поставки"),
                ("moved", 15, "Перенесли по просьбе клиента"), ("cancelled", 5, "Отменили")],
    "presentation": [("held", 80, "Показали оборудование, вопросы по гарантии"),
                     ("moved", 15, "Перенесли на следующую неделю"),
                     ("cancelled", 5, "Отменили")],
    "email": [("done", 95, "Отправлено"), ("cancelled", 5, "Не понадобилось")],
    "task": [("done", 95, "Готово"), ("cancelled", 5, "Не понадобилось")],
}
_REACTIONS = [("positive", 50), ("neutral", 35), ("negative", 15)]
# why the last done activity of a deal had no next step: a lost deal, a won one
CLOSED_REASONS = ("Сделка проиграна", "Сделка выиграна")
_PAUSE_REASONS = ["Клиент взял паузу до следующего квартала", "Ждём утверждения бюджета",
                  "Решение отложено"]


def _activity(rng: random.Random, client_id: int, deal_id: int, day: date,
              *, done: bool, created_by: datetime | None = None,
              outcomes: random.Random | None = None) -> InsertRow:
    """An activity two days in the making, or by `created_by` (a planned one: by today); a
    done one gets a result drawn from `outcomes` (the main `rng` is drawn as before)."""
    kind = rng.choice(ACTIVITY_KINDS)
    due = _at(day, rng.randint(9, 17), rng.choice([0, 30]))
    created = due - timedelta(days=2)
    if created_by is not None:
        created = min(created, created_by)
    result = reaction = text = ""
    if done and outcomes is not None:
        choices = _RESULTS[kind]
        result, _w, text = outcomes.choices(choices, [w for _c, w, _t in choices])[0]
        if result == "held":
            reaction = outcomes.choices([r for r, _w in _REACTIONS],
                                        [w for _r, w in _REACTIONS])[0]
    return {"kind": kind, "subject": ACTIVITY_SUBJECTS[kind], "client_id": client_id,
            "deal_id": deal_id, "contact_id": None, "due_at": due, "done": done,
            "done_at": due if done else None, "place": "", "outcome": text,
            "next_step": "", "notes": "", "created_at": created, "result": result,
            "reaction": reaction, "next_activity_id": None, "no_next_reason": "",
            "purpose": "", "remind_before_min": None, "remind_at": None,
            "repeat_every": None, "repeat_unit": ""}


def _link_next_steps(rows: list[InsertRow], first_id: int, outcomes: random.Random, *,
                     closed_reason: str) -> int:
    """Give a deal's activities ids in time order and link each done one to the one after it
    (its next step); the last done one of a closed deal says why there is none, of an open
    one sometimes. Rows are reordered newest first, so each row a link names is inserted
    before the link. Returns the next free id."""
    order = sorted(range(len(rows)), key=lambda k: (rows[k]["due_at"], k))
    for n, k in enumerate(order):
        rows[k]["id"] = first_id + n
    for n, k in enumerate(order):
        row = rows[k]
        if not row["done"]:
            continue
        if n + 1 < len(order):
            row["next_activity_id"] = rows[order[n + 1]]["id"]
        elif closed_reason:
            row["no_next_reason"] = closed_reason
        elif outcomes.random() < 0.5:
            row["no_next_reason"] = outcomes.choice(_PAUSE_REASONS)
    rows[:] = [rows[k] for k in reversed(order)]
    return first_id + len(rows)


SERVICE_CALL_CLIENTS = 30  # key clients with a recurring service call in the demo


def _service_calls(s: Session, outcomes: random.Random, today: date,
                   first_id: int) -> list[InsertRow]:
    """Recurring service calls (every "service_rhythm_days" of the key segment) for some key
    clients: the last one done a rhythm ago, linked to the next one, planned in the coming
    two weeks. No reminder: the demo dates nothing but planned activities after its today
    (tests/unit/test_demo_dates.py), and a reminder time is an instant of its own."""
    rhythm = DEFAULTS["service_rhythm_days"]
    assert isinstance(rhythm, dict)
    every = rhythm["Ключевые"]
    keys = list(s.scalars(select(Client.id).where(Client.segment == "Ключевые")
                          .order_by(Client.id)))
    rows: list[InsertRow] = []
    for n, client_id in enumerate(outcomes.sample(keys, min(len(keys), SERVICE_CALL_CLIENTS))):
        due = _at(today + timedelta(days=outcomes.randint(1, every - 1)), 10)
        held = due - timedelta(days=every)
        base: InsertRow = {
            "kind": "call", "subject": "Сервисный звонок", "client_id": client_id,
            "deal_id": None, "contact_id": None, "place": "", "next_step": "", "notes": "",
            "reaction": "", "no_next_reason": "", "purpose": "service",
            "remind_before_min": None, "remind_at": None, "repeat_every": every,
            "repeat_unit": "day"}
        open_id, done_id = first_id + 2 * n + 1, first_id + 2 * n
        rows.append(base | {  # the planned one first: the done one links to it
            "id": open_id, "due_at": due, "done": False, "done_at": None, "outcome": "",
            "created_at": held, "result": "", "next_activity_id": None})
        rows.append(base | {
            "id": done_id, "due_at": held, "done": True, "done_at": held,
            "outcome": "Всё работает, претензий нет", "created_at": held - timedelta(days=1),
            "result": "reached", "next_activity_id": open_id})
    return rows


_NAME_HEADS = ["Техно", "Строй", "Агро", "Пром", "Логист", "Маркет", "Сиб", "Урал", "Волга",
               "Север", "Тех", "Инвест", "Мега", "Гранд", "Евро", "Альфа", "Нева", "Кама",
               "Транс", "Энерго", "Мед", "Хим", "Авто", "Фарм", "Пищ"]
_NAME_TAILS = ["Снаб", "Трейд", "Торг", "Сервис", "Комплект", "Групп", "Пак", "Маш", "Опт",
               "Логистик", "Пром", "Строй", "Ресурс", "Система", "Холдинг", "Продукт"]
_NAME_EXTRAS = ["", "", "", " Плюс", " Центр", " Регион", " Столица", " Поволжье", " М",
                " Инжиниринг", " Дистрибуция"]


def _company_name(rng: random.Random) -> str:
    return rng.choice(_NAME_HEADS) + rng.choice(_NAME_TAILS).lower() + rng.choice(_NAME_EXTRAS)


def _phone(rng: random.Random) -> str:
    return (f"+7 ({rng.choice(['495', '499', '812', '916', '903', '925', '985'])}) "
            f"{rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}")


def _ogrnip(rng: random.Random) -> str:
    from stdnum.ru.ogrn import calc_check_digit

    while True:  # stdnum rejects the (rare) bodies whose remainder mod 13 has two digits
        body = "3" + "".join(rng.choice("0123456789") for _ in range(13))
        check = calc_check_digit(body + "0")
        if len(check) == 1:
            return body + check
