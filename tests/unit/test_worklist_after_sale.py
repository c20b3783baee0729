"""The Today sections of the after-sale (issue 14) on hand-made orders, shipments, payments and
products: «Просроченная дебиторка», «Отгрузки с опозданием», «Мало на складе»."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from app.models import Client, Order, Payment, Product, Shipment
from app.services.worklist import SECTIONS, section_label

TODAY = date(2026, 12, 2)


def add(services, *rows) -> list[int]:  # type: ignore[no-untyped-def]
    with services.uow_factory() as uow:
        uow.session.add_all(rows)
        uow.flush()
        ids = [r.id for r in rows]
        uow.commit()
    return ids


def clients(services, *names: str) -> list[int]:  # type: ignore[no-untyped-def]
    return add(services, *(Client(name=n, status="active", phone="+7 495 000-00-01")
                           for n in names))


def order(client_id: int, number: str, amount: str, *, due: date | None = None,
          status: str = "confirmed", ship_by: date | None = None) -> Order:
    return Order(number=number, client_id=client_id, ordered_on=TODAY - timedelta(days=90),
                 amount=Decimal(amount), status=status, payment_due_on=due, ship_by=ship_by)


def test_the_sections_are_listed_after_the_payments_due() -> None:
    i = SECTIONS.index("payments")
    assert SECTIONS[i + 1:i + 4] == ("receivables", "late_shipments", "low_stock")
    assert [section_label(s) for s in SECTIONS[i + 1:i + 4]] == [
        "Просроченная дебиторка", "Отгрузки с опозданием", "Мало на складе"]


def test_overdue_receivables_per_client_largest_first(services) -> None:  # type: ignore[no-untyped-def]
    alfa, beta, gamma, delta = clients(services, "Альфа", "Бета", "Гамма", "Дельта")
    ids = add(services,
              # Альфа: 1 000 due 10 days ago (300 paid) and 500 due yesterday → 1 200, 10 days
              order(alfa, "З-1", "1000.00", due=TODAY - timedelta(days=10)),
              order(alfa, "З-2", "500.00", due=TODAY - timedelta(days=1)),
              # Бета: 5 000,50 due 40 days ago, nothing paid
              order(beta, "З-3", "5000.50", due=TODAY - timedelta(days=40)),
              # Гамма: due today (not yet overdue), and one paid in full
              order(gamma, "З-4", "800.00", due=TODAY),
              order(gamma, "З-5", "900.00", due=TODAY - timedelta(days=5)),
              # Дельта: cancelled, and one without a due date
              order(delta, "З-6", "700.00", due=TODAY - timedelta(days=20), status="cancelled"),
              order(delta, "З-7", "600.00"))
    add(services, Payment(order_id=ids[0], client_id=alfa, paid_on=TODAY - timedelta(days=3),
                          amount=Decimal("300.00")),
        Payment(order_id=ids[4], client_id=gamma, paid_on=TODAY - timedelta(days=6),
                amount=Decimal("900.00")),
        # a credit of Дельта's (no order) is no debt of anyone
        Payment(order_id=None, client_id=delta, paid_on=TODAY, amount=Decimal("50.00")))
    wl = services.worklist.worklist(TODAY, sections=["receivables"])
    rows = wl.sections["receivables"]
    assert wl.totals["receivables"] == 2
    assert [(r.kind, r.ident, r.client_id, r.title, r.when) for r in rows] == [
        ("receivable", beta, beta, "Бета", TODAY - timedelta(days=40)),
        ("receivable", alfa, alfa, "Альфа", TODAY - timedelta(days=10))]
    assert rows[0].detail == "5\u00a0000,50\u00a0₽ · просрочено до 40 дн. · 1 заказ"
    assert rows[1].detail == "1\u00a0200,00\u00a0₽ · просрочено до 10 дн. · 2 заказа"
    assert all(r.overdue and r.phone == "+7 495 000-00-01" for r in rows)
    capped = services.worklist.worklist(TODAY, limit=1, sections=["receivables"])
    assert [r.title for r in capped.sections["receivables"]] == ["Бета"]
    assert capped.totals["receivables"] == 2


def test_late_shipments_and_deliveries_one_row_per_order(services) -> None:  # type: ignore[no-untyped-def]
    (client,) = clients(services, "ООО «Сроки»")
    late_ship, late_delivery, both, on_time, past_ship_by, closed = add(
        services,
        order(client, "З-10", "100.00"), order(client, "З-11", "100.00", status="shipped"),
        order(client, "З-12", "100.00", status="partly_shipped"),
        order(client, "З-13", "100.00", ship_by=TODAY),
        order(client, "З-14", "100.00", status="new", ship_by=TODAY - timedelta(days=2)),
        order(client, "З-15", "100.00", status="closed"))
    add(services,
        # planned to leave 5 days ago, still being prepared
        Shipment(order_id=late_ship, status="preparing", planned_on=TODAY - timedelta(days=5)),
        # left, to arrive 3 days ago, still on its way
        Shipment(order_id=late_delivery, status="in_transit",
                 planned_on=TODAY - timedelta(days=9), shipped_on=TODAY - timedelta(days=9),
                 planned_delivery_on=TODAY - timedelta(days=3)),
        # one late to leave (1 day) and one late to arrive (7 days) on the same order
        Shipment(order_id=both, status="preparing", planned_on=TODAY - timedelta(days=1)),
        Shipment(order_id=both, status="shipped", planned_on=TODAY - timedelta(days=10),
                 shipped_on=TODAY - timedelta(days=10),
                 planned_delivery_on=TODAY - timedelta(days=7)),
        # today is not late; delivered is done; a closed order's leftovers are not shown
        Shipment(order_id=on_time, status="preparing", planned_on=TODAY),
        Shipment(order_id=on_time, status="delivered", planned_on=TODAY - timedelta(days=30),
                 shipped_on=TODAY - timedelta(days=30), delivered_on=TODAY - timedelta(days=1),
                 planned_delivery_on=TODAY - timedelta(days=20)),
        Shipment(order_id=closed, status="preparing", planned_on=TODAY - timedelta(days=50)))
    wl = services.worklist.worklist(TODAY, sections=["late_shipments"])
    rows = wl.sections["late_shipments"]
    assert wl.totals["late_shipments"] == 4
    # the longest late first: by the earliest date passed
    assert [(r.kind, r.ident, r.title, r.when, r.detail) for r in rows] == [
        ("order", both, "З-12 · ООО «Сроки»", TODAY - timedelta(days=7),
         "отгрузка опаздывает на 1 дн. · доставка опаздывает на 7 дн."),
        ("order", late_ship, "З-10 · ООО «Сроки»", TODAY - timedelta(days=5),
         "отгрузка опаздывает на 5 дн."),
        ("order", late_delivery, "З-11 · ООО «Сроки»", TODAY - timedelta(days=3),
         "доставка опаздывает на 3 дн."),
        ("order", past_ship_by, "З-14 · ООО «Сроки»", TODAY - timedelta(days=2),
         "отгрузка опаздывает на 2 дн.")]
    assert all(r.client_id == client and r.overdue for r in rows)


def test_low_stock_largest_shortage_first(services) -> None:  # type: ignore[no-untyped-def]
    def product(sku: str, name: str, stock: str, minimum: str, **kw) -> Product:  # type: ignore[no-untyped-def]
        return Product(sku=sku, name=name, price=Decimal("10.00"), stock=Decimal(stock),
                       min_stock=Decimal(minimum), **kw)

    short, at_limit, negative, *_others = add(
        services,
        product("A-1", "Весы", "2", "10"),              # 8 short
        product("A-2", "Гири", "5", "5", unit="кг"),     # at the threshold
        product("A-3", "Лента", "-1.5", "0", unit="м"),  # below zero, no threshold
        product("A-4", "Тара", "11", "10"),              # above
        product("A-5", "Пломбы", "0", "0"),              # no threshold
        product("A-6", "Старые весы", "0", "3", archived=True))
    wl = services.worklist.worklist(TODAY, sections=["low_stock"])
    rows = wl.sections["low_stock"]
    assert wl.totals["low_stock"] == 3
    assert [(r.kind, r.ident, r.title, r.detail, r.overdue) for r in rows] == [
        ("product", short, "Весы (A-1)", "на складе 2\u00a0шт · порог 10\u00a0шт", False),
        ("product", negative, "Лента (A-3)", "на складе -1,5\u00a0м", True),
        ("product", at_limit, "Гири (A-2)", "на складе 5\u00a0кг · порог 5\u00a0кг", False)]


def test_an_empty_base_has_none_of_them(services) -> None:  # type: ignore[no-untyped-def]
    wl = services.worklist.worklist(TODAY, sections=["receivables", "late_shipments",
                                                     "low_stock"])
    assert [wl.totals[s] for s in ("receivables", "late_shipments", "low_stock")] == [0, 0, 0]
