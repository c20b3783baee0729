"""ReceivablesService on hand-made orders: payments (partial, over, as credit), allocation and
use of credit, deletion, bad input, and the aging at its bucket boundaries.

Every expected figure is worked out by hand in the test from the amounts it writes.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text

from app.models import Client, Order, Payment
from app.services.errors import NotFoundError, ValidationError
from app.services.receivables import BUCKETS, PaymentDraft, bucket_of

D = Decimal
AS_OF = date(2026, 12, 1)


def _client(services, name: str) -> int:  # type: ignore[no-untyped-def]
    with services.uow_factory() as uow:
        c = Client(name=name)
        uow.session.add(c)
        uow.commit()
        return c.id


def _order(services, client_id: int, amount: str, *, number: str,  # type: ignore[no-untyped-def]
           ordered_on: date = date(2026, 9, 1), due: date | None = None,
           status: str = "confirmed") -> int:
    with services.uow_factory() as uow:
        o = Order(number=number, client_id=client_id, ordered_on=ordered_on, amount=D(amount),
                  payment_due_on=due, status=status)
        uow.session.add(o)
        uow.commit()
        return o.id


def _rows(services) -> list[tuple[int | None, date, Decimal, str]]:  # type: ignore[no-untyped-def]
    with services.uow_factory(read_only=True) as uow:
        return [(p.order_id, p.paid_on, p.amount, p.reference) for p in uow.session.scalars(
            select(Payment).order_by(Payment.id))]


def _due_row(services, order_id: int) -> Decimal | None:  # type: ignore[no-untyped-def]
    """What agg_order_due (the Today tab's payments due, kept by triggers) says is owed."""
    with services.uow_factory(read_only=True) as uow:
        kopecks = uow.session.execute(text(
            "SELECT outstanding FROM agg_order_due WHERE order_id = :o"), {"o": order_id}).scalar()
    return None if kopecks is None else D(kopecks) / 100


@pytest.fixture
def alpha(services):  # type: ignore[no-untyped-def]
    """Client Альфа with order З-1 of 1 000,00 due 1 November 2026."""
    client = _client(services, "Альфа")
    order = _order(services, client, "1000.00", number="З-1", due=date(2026, 11, 1))
    return client, order


# --- registering ------------------------------------------------------------------------------

def test_partial_payments_then_the_rest(services, alpha) -> None:  # type: ignore[no-untyped-def]
    client, order = alpha
    rv = services.receivables
    first = rv.register_payment(PaymentDraft(client_id=client, order_id=order,
                                             amount=D("300.00"), paid_on=date(2026, 10, 1),
                                             reference=" 101 "))
    assert (first.allocated, first.credit) == (D("300.00"), D("0"))
    assert [(r.order_number, r.amount, r.reference) for r in first.rows] == [
        ("З-1", D("300.00"), "101")]
    assert _due_row(services, order) == D("700.00")
    second = rv.register_payment(PaymentDraft(client_id=client, order_id=order,
                                              amount=D("700.00"), paid_on=date(2026, 10, 5)))
    assert (second.allocated, second.credit) == (D("700.00"), D("0"))
    assert _due_row(services, order) is None  # paid in full: no longer due
    assert rv.credit(client) == D("0")
    assert [(p.amount, p.order_number) for p in rv.payments(order_id=order)] == [
        (D("700.00"), "З-1"), (D("300.00"), "З-1")]  # newest first


def test_an_overpayment_becomes_credit_never_dropped(services, alpha) -> None:  # type: ignore[no-untyped-def]
    client, order = alpha
    rv = services.receivables
    rv.register_payment(PaymentDraft(client_id=client, order_id=order, amount=D("400.00"),
                                     paid_on=date(2026, 10, 1)))
    result = rv.register_payment(PaymentDraft(client_id=client, order_id=order,
                                              amount=D("1000.01"), paid_on=date(2026, 10, 9),
                                              reference="555"))
    # 600,00 was still owed: that goes to the order, 400,01 is the client's credit
    assert (result.allocated, result.credit) == (D("600.00"), D("400.01"))
    assert _rows(services)[1:] == [(order, date(2026, 10, 9), D("600.00"), "555"),
                                   (None, date(2026, 10, 9), D("400.01"), "555")]
    assert rv.credit(client) == D("400.01")
    # money beyond a fully paid order all goes to credit
    again = rv.register_payment(PaymentDraft(client_id=client, order_id=order, amount=D("5"),
                                             paid_on=date(2026, 10, 10)))
    assert (again.allocated, again.credit) == (D("0"), D("5"))
    assert rv.credit(client) == D("405.01")
    total_in = sum((r[2] for r in _rows(services)), D(0))
    assert total_in == D("400.00") + D("1000.01") + D("5")  # every kopeck received is kept


def test_a_payment_without_an_order_is_credit(services, alpha) -> None:  # type: ignore[no-untyped-def]
    client, _order_id = alpha
    result = services.receivables.register_payment(PaymentDraft(
        client_id=client, amount=D("250.50"), paid_on=date(2026, 10, 1), reference="7"))
    assert (result.allocated, result.credit) == (D("0"), D("250.50"))
    assert result.rows[0].order_id is None and result.rows[0].order_number == ""
    assert services.receivables.credit(client) == D("250.50")


@pytest.mark.parametrize(("amount", "message"), [
    (D("0"), "больше нуля"), (D("-10"), "больше нуля"), (D("10.005"), "до копейки"),
    (D("NaN"), "числом"), (D("1e15"), "большая"), (12.5, "числом")])
def test_bad_amounts_are_refused_next_to_the_field(services, alpha, amount,  # type: ignore[no-untyped-def]
                                                   message: str) -> None:
    client, order = alpha
    with pytest.raises(ValidationError) as exc:
        services.receivables.register_payment(PaymentDraft(
            client_id=client, order_id=order, amount=amount, paid_on=date(2026, 10, 1)))
    assert set(exc.value.errors) == {"amount"} and message in exc.value.errors["amount"]
    assert _rows(services) == []


def test_bad_payments_are_refused_and_nothing_is_saved(services, alpha) -> None:  # type: ignore[no-untyped-def]
    client, order = alpha
    other = _client(services, "Бета")
    others_order = _order(services, other, "50.00", number="З-2")
    cancelled = _order(services, client, "70.00", number="З-3", status="cancelled")
    rv = services.receivables

    def refused(**changes: object) -> dict[str, str]:
        values: dict[str, object] = {"client_id": client, "order_id": order,
                                     "amount": D("10.00"), "paid_on": date(2026, 10, 1)}
        values.update(changes)
        with pytest.raises(ValidationError) as exc:
            rv.register_payment(PaymentDraft(**values))  # type: ignore[arg-type]
        return exc.value.errors

    assert "отменён" in refused(order_id=cancelled)["order_id"]
    assert "другого клиента" in refused(order_id=others_order)["order_id"]
    assert "не найден" in refused(order_id=999)["order_id"]
    assert "не найден" in refused(client_id=999)["client_id"]
    assert set(refused(paid_on=None)) == {"paid_on"}
    assert set(refused(reference="x" * 101)) == {"reference"}
    assert set(refused(amount=D("0"), paid_on=None)) == {"amount", "paid_on"}  # all at once
    assert _rows(services) == []


# --- allocating and using credit -------------------------------------------------------------

def test_allocating_credit_in_full_and_in_part(services, alpha) -> None:  # type: ignore[no-untyped-def]
    client, order = alpha
    small = _order(services, client, "150.00", number="З-4", due=date(2026, 11, 20))
    rv = services.receivables
    credit = rv.register_payment(PaymentDraft(client_id=client, amount=D("400.00"),
                                              paid_on=date(2026, 10, 3), reference="88"))
    payment_id = credit.rows[0].id
    # З-4 owes 150: only that much of the 400 is used; the rest stays credit in its own row
    part = rv.allocate(payment_id, small)
    assert (part.allocated, part.credit) == (D("150.00"), D("250.00"))
    assert sorted(_rows(services), key=repr) == sorted([
        (None, date(2026, 10, 3), D("250.00"), "88"),
        (small, date(2026, 10, 3), D("150.00"), "88")], key=repr)
    assert _due_row(services, small) is None
    # the rest, by an amount, to З-1
    whole = rv.allocate(payment_id, order, D("250.00"))
    assert (whole.allocated, whole.credit) == (D("250.00"), D("0"))
    assert [r.id for r in whole.rows] == [payment_id]  # used wholly: the row itself moves
    assert rv.credit(client) == D("0") and _due_row(services, order) == D("750.00")
    with pytest.raises(ValidationError, match="уже разнесён на заказ № З-1"):
        rv.allocate(payment_id, small)
    with pytest.raises(NotFoundError):
        rv.allocate(12345, order)


def test_allocation_refuses_more_than_owed_or_paid_and_foreign_orders(services, alpha) -> None:  # type: ignore[no-untyped-def]
    client, order = alpha
    rv = services.receivables
    payment = rv.register_payment(PaymentDraft(client_id=client, amount=D("1200.00"),
                                               paid_on=date(2026, 10, 3))).rows[0].id
    with pytest.raises(ValidationError, match="долга по заказу") as exc:
        rv.allocate(payment, order, D("1000.01"))
    assert set(exc.value.errors) == {"amount"}
    small = rv.register_payment(PaymentDraft(client_id=client, amount=D("10.00"),
                                             paid_on=date(2026, 10, 4))).rows[0].id
    with pytest.raises(ValidationError, match="суммы платежа"):
        rv.allocate(small, order, D("10.01"))
    with pytest.raises(ValidationError, match="до копейки"):
        rv.allocate(small, order, D("1.001"))
    other = _client(services, "Бета")
    foreign = _order(services, other, "10.00", number="З-9")
    with pytest.raises(ValidationError, match="другого клиента"):
        rv.allocate(small, foreign)
    rv.allocate(payment, order)  # 1000 of the 1200: З-1 is paid
    with pytest.raises(ValidationError, match="уже оплачен"):
        rv.allocate(small, order)
    assert rv.credit(client) == D("210.00")


def test_use_credit_takes_the_oldest_credit_first_and_splits_the_last(services, alpha) -> None:  # type: ignore[no-untyped-def]
    client, order = alpha
    rv = services.receivables
    rv.register_payment(PaymentDraft(client_id=client, amount=D("300.00"),
                                     paid_on=date(2026, 10, 2), reference="B"))
    rv.register_payment(PaymentDraft(client_id=client, amount=D("200.00"),
                                     paid_on=date(2026, 10, 1), reference="A"))
    rv.register_payment(PaymentDraft(client_id=client, amount=D("900.00"),
                                     paid_on=date(2026, 10, 3), reference="C"))
    with pytest.raises(ValidationError, match="переплаты клиента"):
        rv.use_credit(client, order, D("1400.01"))
    result = rv.use_credit(client, order, D("700.00"))
    # A (200, oldest) and B (300) wholly, then 200 of C; C keeps 700 as credit
    assert (result.allocated, result.credit) == (D("700.00"), D("700.00"))
    rows = sorted(_rows(services), key=lambda r: (r[3], r[0] is None))
    assert rows == [(order, date(2026, 10, 1), D("200.00"), "A"),
                    (order, date(2026, 10, 2), D("300.00"), "B"),
                    (order, date(2026, 10, 3), D("200.00"), "C"),
                    (None, date(2026, 10, 3), D("700.00"), "C")]
    rest = rv.use_credit(client, order)  # no amount: all the order can take (300)
    assert (rest.allocated, rest.credit) == (D("300.00"), D("400.00"))
    assert _due_row(services, order) is None
    with pytest.raises(ValidationError, match="уже оплачен"):
        rv.use_credit(client, order)
    empty = _client(services, "Без переплаты")
    its_order = _order(services, empty, "10.00", number="З-5")
    with pytest.raises(ValidationError, match="нет переплаты"):
        rv.use_credit(empty, its_order)
    with pytest.raises(NotFoundError):
        rv.use_credit(999, order)


def test_deleting_an_allocated_payment_makes_the_order_owe_again(services, alpha) -> None:  # type: ignore[no-untyped-def]
    client, order = alpha
    rv = services.receivables
    paid = rv.register_payment(PaymentDraft(client_id=client, order_id=order,
                                            amount=D("1000.00"), paid_on=date(2026, 10, 1)))
    assert rv.aging(AS_OF).totals.total == D("0")
    rv.delete_payment(paid.rows[0].id)
    assert _rows(services) == []
    assert _due_row(services, order) == D("1000.00")
    aging = rv.aging(AS_OF)
    assert aging.totals.total == D("1000.00") and aging.totals.d1_30 == D("1000.00")  # 30 days
    with pytest.raises(NotFoundError):
        rv.delete_payment(paid.rows[0].id)


def test_payments_lists_by_client(services, alpha) -> None:  # type: ignore[no-untyped-def]
    client, order = alpha
    other = _client(services, "Бета")
    rv = services.receivables
    rv.register_payment(PaymentDraft(client_id=client, order_id=order, amount=D("1"),
                                     paid_on=date(2026, 10, 1)))
    rv.register_payment(PaymentDraft(client_id=other, amount=D("2"), paid_on=date(2026, 10, 2)))
    rv.register_payment(PaymentDraft(client_id=client, amount=D("3"), paid_on=date(2026, 10, 3)))
    assert [(p.amount, p.order_number) for p in rv.payments(client_id=client)] == [
        (D("3.00"), ""), (D("1.00"), "З-1")]
    assert [p.amount for p in rv.payments()] == [D("3.00"), D("2.00"), D("1.00")]


# --- aging ------------------------------------------------------------------------------------

def test_bucket_rule_at_its_boundaries() -> None:
    expected = {-5: "not_due", 0: "not_due", 1: "d1_30", 30: "d1_30", 31: "d31_60",
                60: "d31_60", 61: "d61_90", 90: "d61_90", 91: "over_90", 400: "over_90"}
    assert {days: bucket_of(days) for days in expected} == expected


def test_aging_at_the_bucket_boundaries(services) -> None:  # type: ignore[no-untyped-def]
    client = _client(services, "Гамма")
    # one order per boundary, due that many days before AS_OF; amounts tell them apart
    days = {0: "1.00", 1: "2.00", 30: "4.00", 31: "8.00", 60: "16.00", 61: "32.00",
            90: "64.00", 91: "128.00", -10: "256.00"}
    for n, amount in days.items():
        _order(services, client, amount, number=f"З-{n}", ordered_on=date(2026, 1, 1),
               due=AS_OF - timedelta(days=n))
    _order(services, client, "512.00", number="З-без-срока", ordered_on=date(2026, 1, 1))
    _order(services, client, "1024.00", number="З-отменён", due=date(2026, 1, 1),
           status="cancelled")  # not counted
    _order(services, client, "2048.00", number="З-позже", ordered_on=AS_OF + timedelta(days=1),
           due=date(2026, 1, 1))  # placed after the day: not counted
    row, = services.receivables.aging(AS_OF).rows
    assert row.not_due == D("1.00") + D("256.00") + D("512.00")  # 0 days, not yet, no date
    assert row.d1_30 == D("2.00") + D("4.00")  # 1 and 30 days
    assert row.d31_60 == D("8.00") + D("16.00")  # 31 and 60
    assert row.d61_90 == D("32.00") + D("64.00")  # 61 and 90
    assert row.over_90 == D("128.00")  # 91
    assert row.total == D("1023.00") and row.overdue == D("1023.00") - D("769.00")


def test_aging_counts_only_payments_by_the_day_and_shows_credit(services, alpha) -> None:  # type: ignore[no-untyped-def]
    client, order = alpha  # 1000, due 1 November: 30 days overdue on AS_OF
    beta = _client(services, "Бета")
    beta_order = _order(services, beta, "5000.00", number="З-Б", due=date(2026, 8, 1))  # 122 d
    only_credit = _client(services, "Только аванс")
    rv = services.receivables
    rv.register_payment(PaymentDraft(client_id=client, order_id=order, amount=D("100.00"),
                                     paid_on=date(2026, 11, 10)))
    rv.register_payment(PaymentDraft(client_id=client, order_id=order, amount=D("1000.00"),
                                     paid_on=date(2026, 12, 5)))  # 900 to the order, 100 credit
    rv.register_payment(PaymentDraft(client_id=beta, order_id=beta_order, amount=D("1.50"),
                                     paid_on=date(2026, 9, 1)))
    rv.register_payment(PaymentDraft(client_id=only_credit, amount=D("42.00"),
                                     paid_on=date(2026, 11, 1)))
    aging = rv.aging(AS_OF)  # the 5 December payment is not there yet
    assert [(r.client_name, r.total, r.credit) for r in aging.rows] == [
        ("Бета", D("4998.50"), D("0")), ("Альфа", D("900.00"), D("0")),
        ("Только аванс", D("0"), D("42.00"))]
    beta_row, alpha_row, _ = aging.rows
    assert beta_row.over_90 == D("4998.50") and alpha_row.d1_30 == D("900.00")
    t = aging.totals
    assert (t.client_id, t.d1_30, t.over_90, t.total, t.credit) == (
        0, D("900.00"), D("4998.50"), D("5898.50"), D("42.00"))
    assert sum((getattr(t, b) for b in BUCKETS), D(0)) == t.total
    later = rv.aging(date(2026, 12, 10))  # after every payment: the trigger-kept path
    assert [(r.client_name, r.total, r.credit) for r in later.rows] == [
        ("Бета", D("4998.50"), D("0")), ("Альфа", D("0"), D("100.00")),
        ("Только аванс", D("0"), D("42.00"))]
    one = rv.aging(AS_OF, client_id=client)
    assert [(r.client_id, r.d1_30) for r in one.rows] == [(client, D("900.00"))]
    assert one.totals.total == D("900.00")


def test_aging_of_a_fresh_database_is_empty(services) -> None:  # type: ignore[no-untyped-def]
    aging = services.receivables.aging(AS_OF)
    assert aging.rows == () and aging.totals.total == D("0") and aging.totals.credit == D("0")
    with services.uow_factory(read_only=True) as uow:
        assert uow.session.scalar(select(func.count(Payment.id))) == 0


def test_the_meeting_pack_shows_the_same_aging(services, alpha) -> None:  # type: ignore[no-untyped-def]
    from app.services.documents.reports import gather_report
    from tests.unit._documents_helpers import flat, pdf_text

    client, order = alpha  # 1 000, due 1 November
    beta = _client(services, "Бета")
    _order(services, beta, "2500.00", number="З-Б", due=date(2026, 7, 1))  # 153 days on AS_OF
    services.receivables.register_payment(PaymentDraft(
        client_id=client, order_id=order, amount=D("400.00"), paid_on=date(2026, 11, 5)))
    services.receivables.register_payment(PaymentDraft(
        client_id=beta, amount=D("15.00"), paid_on=date(2026, 11, 6)))  # credit, beside
    pack = services.documents.report_pdf("meeting-pack", "2026-11", today=AS_OF)
    text = flat(pdf_text(pack))
    assert "По срокам просрочки" in text
    # by bucket: sum, share of 3 100, debtors; Альфа's 600 is 30 days overdue, Бета's 153
    assert "Срок не наступил 0,00 0,0 % 0" in text
    assert "1–30 дн. 600,00 19,4 % 1" in text
    assert "Более 90 дн. 2 500,00 80,6 % 1 Итого 3 100,00 100,0 % 2" in text
    assert "Авансы клиентов (не разнесённые оплаты): 15,00" in text
    assert "Бета 2 500,00 2 500,00 2 500,00 15,00" in text  # debt, overdue, over 90, credit
    assert "Альфа 600,00 600,00 — —" in text
    # the figures are the service's, not a second rule
    svc = services
    data = gather_report("meeting-pack", "2026-11", today=AS_OF, company=svc.documents.company(),
                         uow_factory=svc.uow_factory, plan=svc.plan, analytics=svc.analytics,
                         deals=svc.deals)
    assert data.receivables is not None and data.receivables.aging == svc.receivables.aging(AS_OF)
    assert (data.receivables.outstanding, data.receivables.overdue) == (D("3100.00"),
                                                                        D("3100.00"))


def test_the_sql_buckets_are_the_python_rule(services) -> None:  # type: ignore[no-untyped-def]
    """The aging sums its buckets in SQL (bucket_conditions): for every day around each
    boundary, the SQL condition that holds is the bucket bucket_of names."""
    from app.services.receivables.aging import bucket_bounds, bucket_conditions

    conditions = bucket_conditions(":due")
    with services.uow_factory(read_only=True) as uow:
        for days in [*range(-3, 125), None]:
            due = None if days is None else AS_OF - timedelta(days=days)
            held = uow.session.execute(text("SELECT " + ", ".join(conditions)),
                                       {"due": due, **bucket_bounds(AS_OF)}).one()
            want = bucket_of(0 if days is None else days)
            assert [b for b, ok in zip(BUCKETS, held, strict=True) if ok] == [want], days


def test_overdue_money_follows_an_order_moved_to_another_client(services, alpha) -> None:  # type: ignore[no-untyped-def]
    """agg_order_due carries the order's client (migration 0013): the Today tab's overdue
    money sums by it, so an order given to another client moves its debt with it."""
    alpha_id, order_id = alpha
    beta = _client(services, "Бета")
    today = date(2026, 12, 1)

    def owing() -> list[tuple[str, int]]:
        items = services.worklist.worklist(today, sections=["receivables"]).sections[
            "receivables"]
        return [(i.title, i.client_id) for i in items]

    assert owing() == [("Альфа", alpha_id)]
    with services.uow_factory() as uow:
        uow.session.get(Order, order_id).client_id = beta
        uow.commit()
    assert owing() == [("Бета", beta)]
