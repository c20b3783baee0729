"""The reports' receivables as of a day, on hand-made orders and payments.

As of a day after every payment the query reads the trigger-kept list of orders still owed
(agg_order_due) plus the orders without a due date; as of an earlier day it sums the
payments up to that day. Both must say the same as the arithmetic below.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.models import Client, Order, Payment
from app.services.documents.reports import queries

TODAY = date(2026, 12, 2)


def _seed(services) -> None:  # type: ignore[no-untyped-def]
    with services.uow_factory() as uow:
        s = uow.session
        a, b = Client(name="Альфа"), Client(name="Бета")
        s.add_all([a, b])
        s.flush()
        orders = {
            "З-1": Order(number="З-1", client_id=a.id, ordered_on=date(2026, 9, 1),
                         amount=Decimal("1000.00"), payment_due_on=date(2026, 9, 15)),
            "З-2": Order(number="З-2", client_id=a.id, ordered_on=date(2026, 10, 1),
                         amount=Decimal("500.00"), payment_due_on=None),
            "З-3": Order(number="З-3", client_id=b.id, ordered_on=date(2026, 10, 5),
                         amount=Decimal("300.00"), payment_due_on=date(2026, 12, 20)),
            "З-4": Order(number="З-4", client_id=b.id, ordered_on=date(2026, 10, 5),
                         amount=Decimal("200.00"), payment_due_on=date(2026, 10, 20),
                         status="cancelled"),
            "З-5": Order(number="З-5", client_id=b.id, ordered_on=date(2026, 8, 1),
                         amount=Decimal("700.00"), payment_due_on=date(2026, 8, 10)),
            "З-6": Order(number="З-6", client_id=b.id, ordered_on=date(2026, 11, 30),
                         amount=Decimal("90.00"), payment_due_on=None),
        }
        s.add_all(orders.values())
        s.flush()
        s.add_all([
            Payment(order_id=orders["З-1"].id, client_id=orders["З-1"].client_id,
                    paid_on=date(2026, 10, 1), amount=Decimal("400.00")),
            Payment(order_id=orders["З-1"].id, client_id=orders["З-1"].client_id,
                    paid_on=date(2026, 11, 25),
                    amount=Decimal("100.00")),
            Payment(order_id=orders["З-2"].id, client_id=orders["З-2"].client_id,
                    paid_on=date(2026, 11, 1), amount=Decimal("500.00")),
            # paid in full, in two parts, the second after 31 October
            Payment(order_id=orders["З-5"].id, client_id=orders["З-5"].client_id,
                    paid_on=date(2026, 9, 1), amount=Decimal("300.00")),
            Payment(order_id=orders["З-5"].id, client_id=orders["З-5"].client_id,
                    paid_on=date(2026, 11, 10),
                    amount=Decimal("400.00")),
            # an overpayment is not a debt
            Payment(order_id=orders["З-6"].id, client_id=orders["З-6"].client_id,
                    paid_on=date(2026, 12, 1), amount=Decimal("95.00")),
        ])
        uow.commit()


def _report(services, as_of: date):  # type: ignore[no-untyped-def]
    with services.uow_factory(read_only=True) as uow:
        rows = queries.receivables(uow.session, as_of, limit=0)
        total = queries.receivables_total(uow.session, as_of)
    return {r.order_number: (r.paid, r.outstanding, r.days_overdue) for r in rows}, total


def test_receivables_as_of_today_after_every_payment(services) -> None:  # type: ignore[no-untyped-def]
    _seed(services)
    rows, total = _report(services, TODAY)
    # З-1: 1000 − 400 − 100, due 15.09 → 78 days; З-3: 300, not yet due; З-2, З-5, З-6 paid,
    # З-4 cancelled
    assert rows == {"З-1": (Decimal("500.00"), Decimal("500.00"), 78),
                    "З-3": (Decimal("0.00"), Decimal("300.00"), 0)}
    assert total == (Decimal("800.00"), Decimal("500.00"), 2)


def test_receivables_as_of_an_earlier_day_count_only_the_payments_by_then(services) -> None:  # type: ignore[no-untyped-def]
    _seed(services)
    rows, total = _report(services, date(2026, 10, 31))
    # by 31.10: З-1 paid 400 (due 15.09, 46 days), З-2 nothing paid (no due date),
    # З-3 ordered, nothing paid, not due; З-5 paid 300 of 700 (due 10.08, 82 days);
    # З-6 not yet ordered
    assert rows == {"З-1": (Decimal("400.00"), Decimal("600.00"), 46),
                    "З-2": (Decimal("0.00"), Decimal("500.00"), 0),
                    "З-3": (Decimal("0.00"), Decimal("300.00"), 0),
                    "З-5": (Decimal("300.00"), Decimal("400.00"), 82)}
    assert total == (Decimal("1800.00"), Decimal("1000.00"), 4)


def test_an_order_without_a_due_date_still_owed_today_is_listed(services) -> None:  # type: ignore[no-untyped-def]
    _seed(services)
    with services.uow_factory() as uow:
        uow.session.add(Order(number="З-7", client_id=1, ordered_on=date(2026, 11, 1),
                              amount=Decimal("250.00"), payment_due_on=None))
        uow.commit()
    rows, total = _report(services, TODAY)
    assert rows["З-7"] == (Decimal("0.00"), Decimal("250.00"), 0)
    assert total == (Decimal("1050.00"), Decimal("500.00"), 3)
