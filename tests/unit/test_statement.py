"""The reconciliation statement (акт сверки): its figures on hand-made orders, shipments and
payments, checked against sums worked out by hand and against an independent identity (a
fully shipped order debits exactly its amount), and the PDF's text.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.models import Client, CompanySettings, Order, OrderLine, Shipment, ShipmentLine
from app.services.errors import NotFoundError, ValidationError
from app.services.receivables import PaymentDraft
from tests.unit._documents_helpers import flat, pdf_pages, pdf_text

D = Decimal
START, END = date(2026, 1, 1), date(2026, 12, 31)


def _ship(s, order: Order, on: date, lines: dict[OrderLine, str], *,  # type: ignore[no-untyped-def]
          status: str = "delivered", upd: str = "", waybill: str = "",
          shipped: bool = True) -> None:
    sh = Shipment(order_id=order.id, status=status, planned_on=on,
                  shipped_on=on if shipped else None, upd_number=upd, waybill_number=waybill)
    s.add(sh)
    s.flush()
    for line, quantity in lines.items():
        s.add(ShipmentLine(shipment_id=sh.id, order_line_id=line.id, quantity=D(quantity)))


@pytest.fixture
def ledger(services):  # type: ignore[no-untyped-def]
    """Client ООО «Альфа»: orders shipped in parts, unshipped, cancelled, and payments."""
    with services.uow_factory() as uow:
        s = uow.session
        s.add(CompanySettings(id=1, name="ООО «Продавец»", full_name="ООО «Продавец»",
                              signer_name="Петров П. П.", signer_title="Директор"))
        alpha, other = Client(name="ООО «Альфа»"), Client(name="ООО «Другой»")
        s.add_all([alpha, other])
        s.flush()

        def order(number: str, amount: str, status: str = "shipped") -> Order:
            o = Order(number=number, client_id=alpha.id, ordered_on=date(2025, 12, 1),
                      amount=D(amount), status=status)
            s.add(o)
            s.flush()
            return o

        def line(o: Order, quantity: str, price: str) -> OrderLine:
            ln = OrderLine(order_id=o.id, name="Товар", quantity=D(quantity), price=D(price))
            s.add(ln)
            s.flush()
            return ln

        # З-A: lines worth 1 000 (300 + 700), sold for 900 (a discount at closing)
        a = order("З-A", "900.00")
        a1, a2 = line(a, "3", "100.00"), line(a, "1", "700.00")
        _ship(s, a, date(2026, 1, 20), {a1: "1"}, upd="12")  # 100/1000 of 900 = 90,00
        _ship(s, a, date(2026, 3, 5), {a1: "2", a2: "1"}, status="shipped",
              waybill="Н-7")  # the rest: 810,00
        # З-B: 100,00 for three equal units shipped one by one: 33,33 / 33,34 / 33,33
        b = order("З-B", "100.00")
        b1 = line(b, "3", "40.00")
        _ship(s, b, date(2025, 12, 10), {b1: "1"})  # before the period: in the opening
        _ship(s, b, date(2026, 2, 1), {b1: "1"}, status="in_transit")
        _ship(s, b, date(2026, 4, 1), {b1: "1"}, status="problem")  # left, then a problem
        _ship(s, b, date(2026, 2, 3), {b1: "1"}, status="cancelled")  # no debit
        # З-C: no lines (older data): its amount on the first shipment's date, once
        c = order("З-C", "500.00")
        _ship(s, c, date(2026, 2, 15), {})
        _ship(s, c, date(2026, 2, 20), {})
        # З-D: not shipped yet (a shipment still being prepared): no debit at all
        d = order("З-D", "700.00", status="confirmed")
        d1 = line(d, "1", "700.00")
        _ship(s, d, date(2026, 5, 1), {d1: "1"}, status="preparing", shipped=False)
        _ship(s, d, date(2026, 5, 2), {d1: "1"}, status="problem", shipped=False)
        # З-E: cancelled, though an old shipment says delivered: owes nothing
        e = order("З-E", "300.00", status="cancelled")
        _ship(s, e, date(2026, 6, 1), {})
        # З-F: shipped after the period
        f = order("З-F", "250.00")
        _ship(s, f, date(2027, 1, 5), {})
        uow.commit()
        ids = {"client": alpha.id, "other": other.id, "a": a.id, "b": b.id}
    rv = services.receivables
    rv.register_payment(PaymentDraft(client_id=ids["client"], order_id=ids["b"],
                                     amount=D("50.00"), paid_on=date(2025, 12, 20),
                                     reference="1"))
    # 900 to З-A, 100 of credit: two rows, one payment order — one entry
    rv.register_payment(PaymentDraft(client_id=ids["client"], order_id=ids["a"],
                                     amount=D("1000.00"), paid_on=date(2026, 2, 10),
                                     reference="2"))
    for amount in ("20.00", "30.00"):  # two payments without a number on one day
        rv.register_payment(PaymentDraft(client_id=ids["client"], amount=D(amount),
                                         paid_on=date(2026, 3, 1)))
    rv.register_payment(PaymentDraft(client_id=ids["client"], amount=D("77.00"),
                                     paid_on=date(2027, 1, 10)))  # after the period
    rv.register_payment(PaymentDraft(client_id=ids["other"], amount=D("999.00"),
                                     paid_on=date(2026, 6, 1)))  # another client's
    return ids


def test_the_statement_by_hand(services, ledger) -> None:  # type: ignore[no-untyped-def]
    st = services.receivables.statement(ledger["client"], START, END)
    assert st.client_name == "ООО «Альфа»" and (st.start, st.end) == (START, END)
    # opening: З-B's first third (33,33) shipped less 50,00 paid, both in December 2025
    assert st.opening == D("33.33") - D("50.00")
    assert [(e.on, e.document, e.debit, e.credit) for e in st.entries] == [
        (date(2026, 1, 20), "Отгрузка (УПД № 12)", D("90.00"), D("0")),
        (date(2026, 2, 1), "Отгрузка по заказу № З-B", D("33.34"), D("0")),
        (date(2026, 2, 10), "Оплата (п/п № 2)", D("0"), D("1000.00")),
        (date(2026, 2, 15), "Отгрузка по заказу № З-C", D("500.00"), D("0")),
        (date(2026, 3, 1), "Оплата", D("0"), D("20.00")),
        (date(2026, 3, 1), "Оплата", D("0"), D("30.00")),
        (date(2026, 3, 5), "Отгрузка (накладная № Н-7)", D("810.00"), D("0")),
        (date(2026, 4, 1), "Отгрузка по заказу № З-B", D("33.33"), D("0")),
    ]
    assert st.debit_turnover == D("90.00") + D("33.34") + D("500.00") + D("810.00") + D("33.33")
    assert st.credit_turnover == D("1050.00")
    assert st.closing == st.opening + st.debit_turnover - st.credit_turnover == D("400.00")


def test_the_closing_balance_agrees_with_an_independent_sum(services, ledger) -> None:  # type: ignore[no-untyped-def]
    """By the end of 2026 З-A, З-B and З-C have shipped in full, so together they debit
    exactly their amounts, whatever the shares: 900 + 100 + 500; the client paid 50 + 1000 +
    20 + 30 by then. The statement from the very beginning must close at the difference,
    and a year split in two must chain: the first half's closing is the second's opening."""
    rv = services.receivables
    whole = rv.statement(ledger["client"], date(2000, 1, 1), END)
    assert whole.opening == D("0")
    assert whole.debit_turnover == D("900.00") + D("100.00") + D("500.00")
    assert whole.credit_turnover == D("50.00") + D("1000.00") + D("20.00") + D("30.00")
    assert whole.closing == D("400.00") == rv.statement(ledger["client"], START, END).closing
    first = rv.statement(ledger["client"], START, date(2026, 6, 30))
    second = rv.statement(ledger["client"], date(2026, 7, 1), END)
    assert first.closing == second.opening and second.entries == ()
    later = rv.statement(ledger["client"], date(2027, 1, 1), date(2027, 1, 31))
    assert (later.opening, later.debit_turnover, later.credit_turnover, later.closing) == (
        D("400.00"), D("250.00"), D("77.00"), D("573.00"))


def test_a_client_without_movements_and_bad_periods(services, ledger) -> None:  # type: ignore[no-untyped-def]
    rv = services.receivables
    quiet = rv.statement(ledger["client"], date(2020, 1, 1), date(2020, 12, 31))
    assert (quiet.opening, quiet.entries, quiet.closing) == (D("0"), (), D("0"))
    with pytest.raises(ValidationError) as exc:
        rv.statement(ledger["client"], END, START)
    assert set(exc.value.errors) == {"end"}
    with pytest.raises(NotFoundError):
        rv.statement(12345, START, END)
    with pytest.raises(NotFoundError):
        services.documents.statement_pdf(12345, START, END)


def test_the_pdf_in_our_favour(services, ledger) -> None:  # type: ignore[no-untyped-def]
    pdf = services.documents.statement_pdf(ledger["client"], START, END)
    assert pdf.startswith(b"%PDF")
    text = flat(pdf_text(pdf))
    for piece in ("Акт сверки", "взаимных расчётов за период: 01.01.2026 — 31.12.2026",
                  "между ООО «Продавец» и ООО «Альфа»", "По данным ООО «Продавец», руб.",
                  "По данным ООО «Альфа», руб.", "Сальдо начальное 16,67",
                  "20.01.2026 Отгрузка (УПД № 12) 90,00", "10.02.2026 Оплата (п/п № 2) 1 000,00",
                  "Обороты за период 1 466,67 1 050,00", "Сальдо конечное 400,00",
                  "на 31.12.2026 задолженность в пользу ООО «Продавец» 400,00 руб.",
                  "Четыреста рублей 00 копеек", "От ООО «Продавец»", "От ООО «Альфа»",
                  "Директор", "(Петров П. П.)", "М.П."):
        assert piece in text, piece


def test_the_pdf_in_the_clients_favour_and_settled(services, ledger) -> None:  # type: ignore[no-untyped-def]
    services.receivables.register_payment(PaymentDraft(
        client_id=ledger["client"], amount=D("1400.00"), paid_on=date(2026, 12, 30),
        reference="99"))  # 1 000 more than owed: we owe the client
    text = flat(pdf_text(services.documents.statement_pdf(ledger["client"], START, END)))
    assert "задолженность в пользу ООО «Альфа» 1 000,00 руб." in text
    assert "Одна тысяча рублей 00 копеек" in text
    services.receivables.register_payment(PaymentDraft(
        client_id=ledger["other"], amount=D("1.00"), paid_on=date(2026, 12, 30)))
    other = services.documents.statement_pdf(ledger["other"], date(2026, 7, 1), END)
    assert "на 31.12.2026 задолженность в пользу ООО «Другой» 1 000,00 руб." in flat(
        pdf_text(other))
    settled = services.documents.statement_pdf(ledger["other"], START, date(2026, 5, 31))
    assert "задолженность отсутствует" in flat(pdf_text(settled))


def test_a_long_statement_repeats_its_header_on_every_page(services, ledger) -> None:  # type: ignore[no-untyped-def]
    for day in range(1, 29):
        for month in (7, 8, 9):
            services.receivables.register_payment(PaymentDraft(
                client_id=ledger["client"], amount=D("1.00"), paid_on=date(2026, month, day),
                reference=f"{month}-{day}"))
    pages = [flat(p) for p in pdf_pages(services.documents.statement_pdf(
        ledger["client"], START, END))]
    assert len(pages) >= 2
    with_rows = [p for p in pages if "Оплата (п/п" in p]
    assert len(with_rows) >= 2
    assert all(p.count("Дата Документ Дебет Кредит") == 2 for p in with_rows)  # both sides
    text = " ".join(pages)
    assert "Сальдо конечное 316,00" in text  # 400 − 84 payments of 1,00
    assert "задолженность в пользу ООО «Продавец» 316,00 руб." in pages[-1]


@pytest.mark.parametrize(("reference", "expected"), [
    ("345", "Оплата (п/п № 345)"),
    ("п/п 77", "Оплата (п/п № 77)"),  # typed with its own «п/п»: not «п/п № п/п 77»
    ("п/п № 12", "Оплата (п/п № 12)"),
    ("№ 9", "Оплата (п/п № 9)"),
    ("  ", "Оплата"),
])
def test_a_payment_is_named_by_its_order_number_once(reference: str, expected: str) -> None:
    from app.services.receivables.statement import payment_document

    assert payment_document(reference) == expected
