"""The Today figures: counts, sums, agenda, birthdays and receivables, computed by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import delete

from app.models import Activity, Client, Contact, Deal, Order, Payment, Stage

TODAY = date(2026, 11, 16)


def _seed(services) -> None:  # type: ignore[no-untyped-def]
    with services.uow_factory() as uow:
        uow.session.execute(delete(Stage))  # this test builds its own pipeline
        s = uow.session
        a = Client(name="ООО «Альфа»", status="active")
        b = Client(name="ООО «Бета»", status="lead")
        gone = Client(name="ООО «Архив»", status="lead", archived=True)
        open_stage = Stage(name="Переговоры", position=1, probability=50)
        won = Stage(name="Выиграна", position=2, probability=100, is_won=True)
        s.add_all([a, b, gone, open_stage, won])
        s.flush()
        s.add_all([
            Deal(client_id=a.id, stage_id=open_stage.id, title="1", amount=Decimal("100.10")),
            Deal(client_id=b.id, stage_id=open_stage.id, title="2", amount=Decimal("0.05")),
            Deal(client_id=a.id, stage_id=won.id, title="3", amount=Decimal("500.00"),
                 closed_on=TODAY.replace(day=2)),
            Deal(client_id=a.id, stage_id=won.id, title="old", amount=Decimal("999.00"),
                 closed_on=date(2026, 10, 31)),
        ])
        noon = datetime.combine(TODAY, time(12)).astimezone(UTC)  # local noon: in any zone
        s.add_all([
            Activity(kind="call", subject="сегодня", client_id=a.id, due_at=noon),
            Activity(kind="call", subject="вчера", client_id=a.id, due_at=noon - timedelta(days=1)),
            Activity(kind="call", subject="сделано", client_id=a.id, due_at=noon, done=True),
            Activity(kind="call", subject="завтра", client_id=a.id,
                     due_at=noon + timedelta(days=1)),
        ])
        s.add_all([
            Contact(client_id=a.id, name="Иван", birthday=date(1980, 11, 20)),
            Contact(client_id=a.id, name="Пётр", birthday=date(1990, 11, 30)),
            Contact(client_id=gone.id, name="Архивный", birthday=date(1990, 11, 17)),
        ])
        o1 = Order(number="З-1", client_id=a.id, ordered_on=date(2026, 10, 1),
                   amount=Decimal("1000.00"), payment_due_on=date(2026, 11, 10))
        o2 = Order(number="З-2", client_id=b.id, ordered_on=date(2026, 11, 1),
                   amount=Decimal("300.00"), payment_due_on=date(2026, 11, 20))
        o3 = Order(number="З-3", client_id=b.id, ordered_on=date(2026, 11, 1),
                   amount=Decimal("300.00"), payment_due_on=date(2026, 11, 12))
        o4 = Order(number="З-4", client_id=b.id, ordered_on=date(2026, 11, 1),
                   amount=Decimal("300.00"), payment_due_on=date(2026, 12, 30))
        s.add_all([o1, o2, o3, o4])
        s.flush()
        s.add_all([Payment(order_id=o1.id, client_id=o1.client_id,
                           paid_on=TODAY, amount=Decimal("400.01")),
                   Payment(order_id=o3.id, client_id=o3.client_id,
                           paid_on=TODAY, amount=Decimal("300.00"))])
        uow.commit()


def test_figures(services) -> None:  # type: ignore[no-untyped-def]
    _seed(services)
    ov = services.overview.overview(TODAY)
    assert (ov.clients, ov.leads) == (2, 1)
    assert (ov.open_deals, ov.open_deals_amount) == (2, Decimal("100.15"))
    assert (ov.won_this_month, ov.won_this_month_amount) == (1, Decimal("500.00"))
    # pending: "сегодня" due today, "вчера" overdue; "сделано" is done, "завтра" not yet due
    assert (ov.activities_today, ov.activities_overdue) == (1, 1)
    assert [(a.subject, a.overdue) for a in ov.agenda] == [("вчера", True), ("сегодня", False)]


def test_birthdays_within_a_week(services) -> None:  # type: ignore[no-untyped-def]
    _seed(services)
    found = services.overview.birthdays(TODAY, days=7)
    assert [(b.contact_name, b.day, b.age) for b in found] == [("Иван", date(2026, 11, 20), 46)]


def test_receivables_due_and_overdue(services) -> None:  # type: ignore[no-untyped-def]
    _seed(services)
    due = services.overview.receivables_due(TODAY, days=7)
    assert [(r.number, r.outstanding, r.overdue_days) for r in due.rows] == [
        ("З-1", Decimal("599.99"), 6),
        ("З-2", Decimal("300.00"), 0),
    ]
    assert due.total == 2
    first = services.overview.receivables_due(TODAY, days=7, limit=1)
    assert [r.number for r in first.rows] == ["З-1"] and first.total == 2


def test_empty_database_gives_zeros(services) -> None:  # type: ignore[no-untyped-def]
    ov = services.overview.overview(TODAY)
    assert ov.clients == 0 and ov.open_deals_amount == Decimal("0.00") and ov.agenda == []
    assert services.overview.birthdays(TODAY) == []
    assert services.overview.receivables_due(TODAY).rows == []
    assert services.overview.receivables_due(TODAY).total == 0


def test_orders_due_follow_every_change_of_orders_and_payments(services) -> None:  # type: ignore[no-untyped-def]
    """agg_order_due (migration 0006) equals its recomputation in Python after each kind of
    change, and the Today list shows what is still owed."""
    from sqlalchemy import update

    from tests.unit._rollup_check import assert_rollups_in_sync

    def owed() -> list[tuple[str, Decimal]]:
        return [(r.number, r.outstanding)
                for r in services.overview.receivables_due(TODAY, days=60).rows]

    _seed(services)
    assert owed() == [("З-1", Decimal("599.99")), ("З-2", Decimal("300.00")),
                      ("З-4", Decimal("300.00"))]
    with services.uow_factory() as uow:
        s = uow.session
        ids = {o.number: o.id for o in s.query(Order)}
        clients = {o.number: o.client_id for o in s.query(Order)}
        steps = [
            update(Order).where(Order.id == ids["З-2"]).values(amount=Decimal("250.50")),
            update(Order).where(Order.id == ids["З-4"]).values(status="cancelled"),
            update(Order).where(Order.id == ids["З-3"]).values(amount=Decimal("310.00")),
            update(Order).where(Order.id == ids["З-1"]).values(payment_due_on=None),
            update(Payment).where(Payment.order_id == ids["З-3"]).values(order_id=ids["З-2"]),
            delete(Payment).where(Payment.order_id == ids["З-1"]),
            update(Order).where(Order.id == ids["З-1"]).values(payment_due_on=TODAY),
            delete(Order).where(Order.id == ids["З-4"]),
        ]
        for step in steps:
            s.execute(step)
            assert_rollups_in_sync(s)
        s.add(Payment(order_id=ids["З-1"], client_id=clients["З-1"],
                      paid_on=TODAY, amount=Decimal("1000.00")))
        s.flush()
        assert_rollups_in_sync(s)
        uow.commit()
    # З-1 paid in full; З-2 overpaid by the moved payment; З-3 lost its payment: 310 owed
    assert owed() == [("З-3", Decimal("310.00"))]
