"""Realistic Russian demo data, deterministic for a seed: used by users, tests, screenshots
and benchmarks.

Faker ru_RU gives names, addresses and valid ИНН/ОГРН; bank accounts are rebuilt so their
control key matches their БИК (Faker's own do not). Large sizes insert in bulk batches.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.orm import Session

from app.domain.figures import line_total
from app.domain.money import round_money
from app.models import (
    SKILLS,
    AccompaniedMeeting,
    Activity,
    Assessment,
    Base,
    Campaign,
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
    Payment,
    PlanTarget,
    Product,
    SatisfactionScore,
    Shipment,
    Stage,
    StageChange,
    StandardObjection,
    Trainee,
    TraineeTask,
    stage_is_open,
)
from app.services.deals.defaults import OBJECTION_LIBRARY, seed_stages
from app.services.documents.demo import add_demo_documents
from app.services.errors import ServiceError
from app.services.mentoring.common import day_start_utc
from app.services.mentoring.defaults import seed_default_template
from app.services.mentoring.meetings import MEETING_KINDS
from app.services.requisites import account_control_digit
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


@dataclass(frozen=True)
class DemoSizes:
    clients: int = 300
    deals: int = 600
    products_per_group: int | None = None
    trainees: int = 2


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


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    local = datetime.combine(day, time(hour, minute)).astimezone()
    return local.astimezone(UTC)


def _batched(session: Session, model: type[Base], rows: list[InsertRow]) -> None:
    # A Core INSERT on the table is one executemany per batch; the ORM bulk path split the
    # rows into thousands of statements (10 000 deals: 23 s → see bench/bench_plan.py).
    table = model.__table__
    if not isinstance(table, Table):  # a mapped class over a plain table, as all ours are
        raise TypeError(f"{model.__name__} is not mapped to a table")
    for i in range(0, len(rows), BATCH):
        session.execute(insert(table), rows[i : i + BATCH])


def generate_demo(uow_factory: UowFactory, sizes: DemoSizes = DemoSizes(), *,
                  seed: int = 1, today: date | None = None) -> DemoSummary:
    """Fill an empty database; refuses one that already has clients."""
    from faker import Faker  # imported here: Faker is slow to import

    today = today or date.today()
    rng = random.Random(seed)
    fake = Faker("ru_RU")
    fake.seed_instance(seed)
    with uow_factory() as uow:
        s = uow.session
        if s.scalar(select(func.count(Client.id))):
            raise ServiceError("База уже содержит клиентов: демонстрационные данные "
                               "добавляются только в пустую базу")
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
        campaigns = [Campaign(name=f"{ch} — {today.year - 1 + i // 3}", channel=ch,
                              cost=Decimal(rng.randrange(50_000, 400_000, 1000)),
                              started_on=date(today.year - 1 + i // 3, 1 + (i % 3) * 4, 1),
                              ended_on=date(today.year - 1 + i // 3, 3 + (i % 3) * 4, 28))
                     for i, ch in enumerate(["Выставка", "Рассылка", "Контекстная реклама",
                                             "Выставка", "Рассылка", "Контекстная реклама"])]
        s.add_all(campaigns)
        uow.flush()
        for comp in competitors:
            for prod in rng.sample(products, 5):
                s.add(CompetitorPrice(
                    competitor_id=comp.id, product_id=prod.id,
                    price=round_money(prod.price * Decimal(rng.randint(85, 115)) / 100),
                    observed_on=today - timedelta(days=rng.randint(1, 90))))

        # --- clients and contacts --------------------------------------------------
        # Core INSERT rows (column → value), one list per table
        client_rows: list[InsertRow] = []
        contact_rows: list[InsertRow] = []
        tag_rows: list[InsertRow] = []
        first_id = (s.scalar(select(func.max(Client.id))) or 0) + 1
        for i in range(sizes.clients):
            cid = first_id + i
            entrepreneur = rng.random() < 0.12
            if entrepreneur:
                person = fake.name()
                name, legal_form, kind = f"ИП {person}", "ИП", "entrepreneur"
                inn, ogrn, kpp = fake.individuals_inn(), _ogrnip(rng), ""
            else:
                legal_form = rng.choice(LEGAL_FORMS)
                name, kind = f"{legal_form} «{_company_name(rng)}»", "organization"
                inn, ogrn, kpp = fake.businesses_inn(), fake.businesses_ogrn(), fake.kpp()
            status = rng.choices(["lead", "active", "lost", "churned"], [25, 60, 8, 7])[0]
            created = today - timedelta(days=rng.randint(0, 900))
            client_rows.append({
                "id": cid, "kind": kind, "name": name, "full_name": name,
                "legal_form": legal_form, "inn": inn, "kpp": kpp, "ogrn": ogrn,
                "legal_address": fake.address(), "postal_address": "",
                "phone": _phone(rng), "email": f"info{cid}@{fake.domain_word()}.example",
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
            for k in range(rng.choice([1, 1, 2, 3])):
                male = rng.random() < 0.5
                cname = fake.name_male() if male else fake.name_female()
                contact_rows.append({
                    "client_id": cid, "name": cname,
                    "position": rng.choice(["Директор", "Менеджер по закупкам",
                                            "Главный инженер", "Руководитель склада",
                                            "Бухгалтер"]),
                    "phone": _phone(rng), "phone2": "", "messenger": "",
                    "email": f"contact{cid}_{k}@{fake.domain_word()}.example",
                    "birthday": fake.date_of_birth(minimum_age=25, maximum_age=60),
                    "is_primary": k == 0, "notes": ""})
        _batched(s, Client, client_rows)
        _batched(s, ClientTag, tag_rows)
        _batched(s, Contact, contact_rows)
        client_ids = [r["id"] for r in client_rows]

        # --- deals, lines, stage history, activities, orders ------------------------
        open_stages = [st for st in stages if not st.is_won and not st.is_lost]
        won = next(st for st in stages if st.is_won)
        lost = next(st for st in stages if st.is_lost)
        deal_rows: list[InsertRow] = []
        line_rows: list[InsertRow] = []
        change_rows: list[InsertRow] = []
        act_rows: list[InsertRow] = []
        order_rows: list[InsertRow] = []
        payment_rows: list[InsertRow] = []
        shipment_rows: list[InsertRow] = []
        first_deal = (s.scalar(select(func.max(Deal.id))) or 0) + 1
        span = 540  # 18 months
        # One manager's open pipeline stays at most ~2,000 deals however long the history
        # (large sizes are years of closed deals, as in the benchmarks).
        open_share = min(0.35, MAX_OPEN_DEALS / max(sizes.deals, 1))
        won_below = open_share + (1 - open_share) * 40 / 65
        for i in range(sizes.deals):
            did = first_deal + i
            client_id = rng.choice(client_ids)
            created = today - timedelta(days=int(rng.triangular(0, span, 60)))
            outcome = rng.random()
            recent = (today - created).days < 20 and open_share >= 0.35
            if recent or outcome < open_share:
                stage = rng.choice(open_stages)
            elif outcome < won_below:
                stage = won
            else:
                stage = lost
            if stage in open_stages:  # open deals are mostly recent; a few have stalled
                created = today - timedelta(days=int(rng.triangular(0, 100, 10)))
            lines: list[InsertRow] = []
            for pos, prod in enumerate(rng.sample(products, rng.randint(1, 4))):
                qty = Decimal(rng.choice([1, 2, 5, 10, 20, 50, 100]))
                discount = Decimal(rng.choice([0, 0, 0, 3, 5, 10]))
                lines.append({"deal_id": did, "position": pos, "product_id": prod.id,
                              "name": prod.name, "unit": prod.unit, "quantity": qty,
                              "price": prod.price, "discount": discount,
                              "vat_kind": prod.vat_kind, "floor_override_reason": ""})
            amount = sum((line_total(ln["quantity"], ln["price"], ln["discount"])
                          for ln in lines), Decimal(0))
            line_rows.extend(lines)
            path = [st for st in open_stages if st.position <= (
                stage.position if stage in open_stages else rng.choice(open_stages).position)]
            t = created
            prev = None
            for st in path:
                change_rows.append({"deal_id": did, "from_stage_id": prev, "to_stage_id": st.id,
                                    "changed_at": _at(t, 11)})
                prev = st.id
                t = t + timedelta(days=rng.randint(1, 12))
            closed_on: date | None = None
            if stage in (won, lost):
                closed_on = min(t, today)
                change_rows.append({"deal_id": did, "from_stage_id": prev,
                                    "to_stage_id": stage.id, "changed_at": _at(closed_on, 16)})
                entered = closed_on
            else:
                entered = min(t - timedelta(days=rng.randint(1, 12)), today)
                entered = max(entered, created)
            lost_reason = rng.choice(LOST_REASONS) if stage is lost else ""
            deal_rows.append({
                "id": did, "client_id": client_id, "contact_id": None, "stage_id": stage.id,
                "title": rng.choice(["Поставка", "Оснащение склада", "Годовой контракт",
                                     "Пробная партия", "Тендер на поставку",
                                     "Дооснащение"]) + f" №{did}",
                "amount": amount, "probability": None,
                "expected_close": (today + timedelta(days=rng.randint(-10, 75))
                                   if stage in open_stages else closed_on),
                "closed_on": closed_on, "source": rng.choice(SOURCES), "campaign_id": None,
                "lost_reason": lost_reason, "lost_comment": "",
                "competitor_id": rng.choice(competitors).id
                if lost_reason == "competitor" else None,
                "payment_terms": "Оплата 50 % предоплата, 50 % по факту поставки",
                "delivery_terms": "Доставка до склада покупателя в течение 10 рабочих дней",
                "negotiation_notes": "", "notes": "",
                "stage_entered_at": _at(entered, 11), "created_at": _at(created, 9),
                "updated_at": _at(entered, 11),
            })
            if stage in open_stages and rng.random() < 0.8:
                due = today + timedelta(days=rng.choice([-3, -1, 0, 0, 1, 2, 3, 5, 7, 10]))
                act_rows.append(_activity(rng, client_id, did, due, done=False))
            for _ in range(rng.randint(0, 2)):
                when = created + timedelta(days=rng.randint(0, max(1, (t - created).days)))
                if when <= today:
                    act_rows.append(_activity(rng, client_id, did, when, done=True))
            if stage is won and closed_on is not None:
                oid = len(order_rows) + 1
                order_rows.append({
                    "id": oid, "number": f"З-{closed_on.year}-{oid:05d}", "client_id": client_id,
                    "deal_id": did, "ordered_on": closed_on, "amount": amount,
                    "status": "delivered" if (today - closed_on).days > 20 else "confirmed",
                    "payment_due_on": closed_on + timedelta(days=14),
                    "delivery_address": "", "invoice_number": f"СЧ-{oid:05d}", "notes": "",
                    "created_at": _at(closed_on, 17)})
                shipped = closed_on + timedelta(days=rng.randint(2, 12))
                shipment_rows.append({
                    "order_id": oid, "planned_on": closed_on + timedelta(days=7),
                    "status": "delivered" if shipped < today else "planned",
                    "shipped_on": shipped if shipped < today else None,
                    "delivered_on": shipped + timedelta(days=1) if shipped < today else None,
                    "waybill_number": f"ТН-{oid:05d}", "invoice_number": f"СФ-{oid:05d}",
                    "notes": ""})
                paid = closed_on + timedelta(days=rng.randint(1, 30))
                recent = (today - closed_on).days < 60
                if paid <= today and rng.random() < (0.7 if recent else 0.98):
                    payment_rows.append({"order_id": oid, "paid_on": paid, "amount": amount,
                                         "reference": f"п/п {rng.randint(100, 9999)}"})
        _batched(s, Deal, deal_rows)
        _batched(s, DealLine, line_rows)
        _batched(s, StageChange, change_rows)
        _batched(s, Activity, act_rows)
        _batched(s, Order, order_rows)
        _batched(s, Shipment, shipment_rows)
        _batched(s, Payment, payment_rows)

        # --- plan: the last 12 months and the next 6, by product group -------------
        # Each group's monthly target is its average won revenue of the last year plus ~8 %,
        # so plan and fact are of the same order, as in a real plan.
        group_of = {p.id: p.group_name for p in products}
        won_ids = {d["id"] for d in deal_rows if d["stage_id"] == won.id
                   and d["closed_on"] is not None and (today - d["closed_on"]).days <= 365}
        yearly = {group: Decimal(0) for group in PRODUCT_GROUPS}
        for ln in line_rows:
            if ln["deal_id"] in won_ids:
                yearly[group_of[ln["product_id"]]] += line_total(
                    ln["quantity"], ln["price"], ln["discount"])
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
        _batched(s, PlanTarget, plan_rows)

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
        with s.no_autoflush:  # one flush at the end, not one per open deal
            freshen_demo_pipeline(s, today, seed)
        add_demo_documents(s, rng, today)
        uow.commit()
    return DemoSummary(clients=len(client_rows), contacts=len(contact_rows),
                       products=len(products), deals=len(deal_rows), activities=len(act_rows),
                       orders=len(order_rows))


def freshen_demo_pipeline(session: Session, today: date, seed: int = 1) -> None:
    """Make the demo board look like a living pipeline.

    The generic demo leaves open deals in their stage for months; a real manager's board has
    most deals moving within the stage's limit and a few stalled ones. Each open deal's
    history (stage changes, creation) is shifted forward so it stays consistent. Uses its own
    random generator so the rest of the demo data is unchanged.
    """
    rng = random.Random(seed * 7919 + 13)
    rows = session.execute(
        select(Deal.id, Deal.stage_entered_at, Stage.stall_days)
        .join(Stage, Stage.id == Deal.stage_id)
        .where(stage_is_open())
        .order_by(Deal.id)).all()
    now_local = datetime.combine(today, datetime.min.time()).astimezone()
    for deal_id, entered, stall in rows:
        limit = stall or 10
        if rng.random() < 0.22:
            days = rng.randint(limit + 1, limit * 3)
        else:
            days = rng.randint(0, limit)
        target = (now_local - timedelta(days=days, hours=-rng.randint(9, 17))).astimezone(UTC)
        delta = target - entered  # earlier or later: the whole history moves together
        if not delta:
            continue
        for change in session.scalars(select(StageChange).where(StageChange.deal_id == deal_id)):
            change.changed_at = change.changed_at + delta
        deal = session.get_one(Deal, deal_id)
        deal.stage_entered_at = target
        deal.created_at = deal.created_at + delta
        deal.updated_at = target
    # Objections heard in deals that got as far as a presentation, some already answered.
    library = list(session.scalars(select(StandardObjection).order_by(StandardObjection.id)))
    later = [r[0] for r in session.execute(
        select(Deal.id).join(Stage, Stage.id == Deal.stage_id)
        .where(stage_is_open(), Stage.position >= 3)
        .order_by(Deal.id))]
    for deal_id in later:
        if not library or rng.random() > 0.6:
            continue
        for item in rng.sample(library, rng.randint(1, min(2, len(library)))):
            resolved = rng.random() < 0.5
            session.add(Objection(deal_id=deal_id, text=item.text,
                                  answer=item.answer if resolved or rng.random() < 0.5 else "",
                                  resolved=resolved,
                                  created_at=now_local.astimezone(UTC)
                                  - timedelta(days=rng.randint(1, 20))))
        deal = session.get_one(Deal, deal_id)
        if not deal.negotiation_notes:
            deal.negotiation_notes = rng.choice([
                "Решение принимает директор по логистике; важны сроки поставки.",
                "Просят отсрочку платежа 30 дней; сравнивают с двумя поставщиками.",
                "Бюджет утверждён на квартал, ждут КП с монтажом.",
            ])


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
                                           feedback=rng.choice(feedback)))
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


def _activity(rng: random.Random, client_id: int, deal_id: int, day: date,
              *, done: bool) -> InsertRow:
    kind = rng.choice(["call", "call", "meeting", "email", "presentation", "task"])
    subjects = {"call": "Созвониться по КП", "meeting": "Встреча в офисе клиента",
                "email": "Отправить материалы", "presentation": "Презентация оборудования",
                "task": "Подготовить договор"}
    due = _at(day, rng.randint(9, 17), rng.choice([0, 30]))
    return {"kind": kind, "subject": subjects[kind], "client_id": client_id, "deal_id": deal_id,
            "contact_id": None, "due_at": due, "done": done, "done_at": due if done else None,
            "place": "", "outcome": "Договорились о следующем шаге" if done else "",
            "next_step": "", "notes": "", "created_at": due - timedelta(days=2)}


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
