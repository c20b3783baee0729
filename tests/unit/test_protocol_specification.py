"""Negotiation protocols and specifications (issue 15): what they print, their ПР-/СП-YYYY-NNNN
series, their snapshots frozen when issued, the refusals, and the CLI commands."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select, update

from app.cli import run
from app.models import (
    Activity,
    Client,
    Contact,
    Deal,
    DealLine,
    DocumentSequence,
    Objection,
    Order,
    OrderLine,
    Stage,
)
from app.services.errors import NotFoundError, ValidationError
from tests.unit._documents_helpers import assert_fonts_embedded, flat, make_deal, pdf_text

ON = date(2026, 11, 16)
# by hand: 2 × 1 000,00 less 10 % = 1 800,00; 1 × 500,00 without VAT = 500,00 → 2 300,00;
# VAT 22 % inside 1 800,00 = 1 800 × 22 / 122 = 324,59; the discount 200,00 of 2 500,00 = 8 %
LINES = [("Станок токарный", "2", "1000.00", "10", "standard"),
         ("Обучение", "1", "500.00", "0", "none")]


def _deal(services, *, won: bool = False) -> int:  # type: ignore[no-untyped-def]
    """make_deal's deal with a second contact, objections (one resolved) and activities
    (one done) — what a protocol gathers."""
    deal_id = make_deal(services, LINES, won=won)
    with services.uow_factory() as uow:
        s = uow.session
        deal = s.get(Deal, deal_id)
        s.add(Contact(client_id=deal.client_id, name="Петрова Анна Сергеевна",
                      position="Главный инженер"))
        s.add_all([
            Objection(deal_id=deal_id, text="Срок поставки долгий",
                      answer="Часть позиций со склада"),
            Objection(deal_id=deal_id, text="Нужна гарантия 24 месяца"),
            Objection(deal_id=deal_id, text="Дорого", resolved=True),
            Activity(kind="meeting", subject="Подписание договора", deal_id=deal_id,
                     client_id=deal.client_id, place="Офис клиента, переговорная 2",
                     due_at=datetime(2026, 11, 20, 9, tzinfo=UTC)),
            Activity(kind="call", subject="Согласовать график", deal_id=deal_id,
                     client_id=deal.client_id, due_at=datetime(2026, 11, 18, 9, tzinfo=UTC)),
            Activity(kind="task", subject="Уже сделано", deal_id=deal_id,
                     client_id=deal.client_id, done=True,
                     due_at=datetime(2026, 11, 10, 9, tzinfo=UTC)),
        ])
        uow.commit()
    return deal_id


def _contact_ids(services, deal_id: int) -> list[int]:  # type: ignore[no-untyped-def]
    return [c.id for c in services.documents.protocol_defaults(deal_id).contacts]


def _order(services, deal_id: int, *, contract: str = "15/26",  # type: ignore[no-untyped-def]
           contract_on: date | None = date(2026, 11, 2)) -> int:
    order = services.orders.create_from_deal(deal_id, on=ON)
    with services.uow_factory() as uow:
        uow.session.execute(update(Order).where(Order.id == order.id).values(
            contract_number=contract, contract_date=contract_on))
        uow.commit()
    return int(order.id)


# --- the protocol ----------------------------------------------------------------------------

def test_protocol_prints_parties_terms_open_questions_and_next_steps(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = _deal(services)
    doc = services.documents.issue_protocol(
        deal_id, on=ON, place="г. Москва, ул. Тверская, д. 1",
        contact_ids=_contact_ids(services, deal_id),
        our_participants=["Орлова Мария Сергеевна, менеджер по продажам",
                          "Петров Пётр Петрович, директор"])
    assert doc.number == "ПР-2026-0001" and doc.kind == "protocol"
    assert doc.deal_id == deal_id and doc.order_id is None and doc.issued_on == ON
    assert doc.total == Decimal("2300.00")
    data = services.documents.deal_document_pdf(doc.id)
    assert_fonts_embedded(data)
    text = flat(pdf_text(data))
    for expected in ("Протокол переговоров № ПР-2026-0001", "16 ноября 2026 г.",
                     "г. Москва, ул. Тверская, д. 1", "Поставка оборудования",
                     "Со стороны ООО «Продавец»", "Со стороны ООО «Покупатель»",
                     "Орлова Мария Сергеевна, менеджер по продажам",
                     "Иванов Иван, Закупщик", "Петрова Анна Сергеевна, Главный инженер",
                     "2 300,00 руб.", "в т.ч. НДС 22 % — 324,59 руб.",
                     "8 % — 200,00 руб.", "100 % предоплата", "Самовывоз",
                     "1 800,00", "Срок поставки долгий", "Наш ответ: Часть позиций со склада",
                     "Нужна гарантия 24 месяца",
                     "18.11.2026 Звонок: Согласовать график",
                     "20.11.2026 Встреча: Подписание договора",
                     "Подписи сторон", "Орлова М. С.", "Петров П. П.", "Петрова А. С."):
        assert expected in text, expected
    assert "Дорого" not in text  # a resolved objection is no open question
    assert "Уже сделано" not in text  # a done activity is no next step
    # the steps in date order: the call of the 18th before the meeting of the 20th
    assert text.index("Согласовать график") < text.index("Подписание договора")


def test_protocol_defaults_come_from_the_deal_and_the_company(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = _deal(services)
    defaults = services.documents.protocol_defaults(deal_id)
    assert defaults.deal_title == "Поставка оборудования"
    assert defaults.client_name == "ООО «Покупатель»"
    assert defaults.place == "Офис клиента, переговорная 2"  # the deal's last meeting's
    assert defaults.our_participants == ("Орлова М. С., менеджер по продажам",)
    chosen = {c.name: c.chosen for c in defaults.contacts}
    assert chosen == {"Иванов Иван": True, "Петрова Анна Сергеевна": False}  # the deal's
    doc = services.documents.issue_protocol(deal_id, on=ON)  # defaults for everything
    snapshot = services.documents.deal_document_snapshot(doc.id)
    assert [p["name"] for p in snapshot["their_participants"]] == ["Иванов Иван"]
    assert snapshot["our_participants"] == [{"name": "Орлова М. С.",
                                             "position": "менеджер по продажам"}]
    assert snapshot["place"] == ""
    assert "Место —" in flat(pdf_text(services.documents.deal_document_pdf(doc.id)))


def test_protocol_is_frozen_when_issued(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = _deal(services)
    doc = services.documents.issue_protocol(deal_id, on=ON, place="Офис")
    before = services.documents.deal_document_pdf(doc.id)
    with services.uow_factory() as uow:  # the deal, its client and its objections change
        s = uow.session
        deal = s.get(Deal, deal_id)
        deal.title, deal.payment_terms = "Другое название", "Отсрочка 90 дней"
        s.execute(update(DealLine).where(DealLine.deal_id == deal_id)
                  .values(price=Decimal("9999.00")))
        s.execute(update(Objection).where(Objection.deal_id == deal_id).values(resolved=True))
        s.get(Client, deal.client_id).name = "ООО «Переименовано»"
        uow.commit()
    after = services.documents.deal_document_pdf(doc.id)
    assert after == before  # rendered from the snapshot only
    text = flat(pdf_text(after))
    assert "Поставка оборудования" in text and "100 % предоплата" in text
    assert "Срок поставки долгий" in text and "Переименовано" not in text
    assert services.documents.get_deal_document(doc.id).total == Decimal("2300.00")
    newer = services.documents.issue_protocol(deal_id, on=ON)  # a new one sees the changes
    text = flat(pdf_text(services.documents.deal_document_pdf(newer.id)))
    assert "Другое название" in text and "Открытых вопросов нет." in text


def test_numbers_run_per_kind_and_year_in_one_mechanism(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = _deal(services, won=True)
    docs = services.documents
    assert docs.issue_protocol(deal_id, on=ON).number == "ПР-2026-0001"
    assert docs.issue_protocol(deal_id, on=ON).number == "ПР-2026-0002"
    assert docs.issue_protocol(deal_id, on=date(2027, 1, 10)).number == "ПР-2027-0001"
    order_id = _order(services, deal_id)
    assert docs.issue_specification(order_id=order_id, on=ON).number == "СП-2026-0001"
    assert docs.issue_offer(deal_id, on=ON).number == "КП-2026-0001"  # its own series
    assert docs.issue_specification(order_id=order_id, on=ON).number == "СП-2026-0002"
    with services.uow_factory(read_only=True) as uow:  # the one DocumentSequence table
        rows = {(r.kind, r.year): r.last_number
                for r in uow.session.scalars(select(DocumentSequence))}
    assert rows[("protocol", 2026)] == 2 and rows[("protocol", 2027)] == 1
    assert rows[("specification", 2026)] == 2
    kinds = [d.kind for d in docs.list_deal_documents(deal_id=deal_id)]
    assert sorted(kinds) == ["protocol"] * 3 + ["specification"] * 2
    assert [d.number for d in docs.list_deal_documents(order_id=order_id)] == [
        "СП-2026-0002", "СП-2026-0001"]  # newest first
    protocols = docs.list_deal_documents(deal_id=deal_id, kind="protocol")
    assert [d.number for d in protocols] == ["ПР-2027-0001", "ПР-2026-0002", "ПР-2026-0001"]


def test_protocol_refusals_use_up_no_number(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = _deal(services)
    docs = services.documents
    with pytest.raises(NotFoundError):
        docs.issue_protocol(9999, on=ON)
    with pytest.raises(NotFoundError):
        docs.protocol_defaults(9999)
    with services.uow_factory() as uow:  # a contact of another client
        other = Client(name="ООО «Чужой»")
        uow.session.add(other)
        uow.session.flush()
        stranger = Contact(client_id=other.id, name="Сидоров")
        uow.session.add(stranger)
        uow.commit()
        stranger_id = stranger.id
    with pytest.raises(ValidationError) as exc:
        docs.issue_protocol(deal_id, on=ON, contact_ids=[stranger_id])
    assert "participants" in exc.value.errors
    with pytest.raises(ValidationError) as exc:
        docs.issue_protocol(deal_id, on=ON, place="x" * 301)
    assert "place" in exc.value.errors
    with pytest.raises(ValidationError) as exc:
        docs.issue_protocol(deal_id, on=ON, our_participants=[f"Участник {i}" for i in range(21)])
    assert "our_participants" in exc.value.errors
    with pytest.raises(NotFoundError):
        docs.deal_document_pdf(9999)
    assert docs.issue_protocol(deal_id, on=ON).number == "ПР-2026-0001"


def test_a_protocol_of_a_deal_without_lines_objections_or_steps(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = make_deal(services, [])
    doc = services.documents.issue_protocol(deal_id, on=ON, contact_ids=[],
                                            our_participants=[])
    text = flat(pdf_text(services.documents.deal_document_pdf(doc.id)))
    assert "Открытых вопросов нет." in text and "Следующие шаги не запланированы." in text
    assert "без скидки" in text and "0,00 руб." in text


def test_long_protocol_keeps_its_heading_with_what_follows(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = make_deal(services, [(f"Позиция {n}", "1", "10.00", "0", "standard")
                                   for n in range(1, 61)])
    doc = services.documents.issue_protocol(deal_id, on=ON)
    pages = [flat(p.extract_text() or "") for p in PdfReader(
        io.BytesIO(services.documents.deal_document_pdf(doc.id))).pages]
    assert len(pages) >= 2
    last = pages[-1]
    assert "Подписи сторон" in last and "Следующие шаги" in last  # together, not alone
    for page in pages:
        assert not page.rstrip().endswith(("Открытые вопросы", "Следующие шаги"))


# --- the specification -----------------------------------------------------------------------

def test_specification_of_an_order(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = _deal(services, won=True)
    order_id = _order(services, deal_id)
    doc = services.documents.issue_specification(order_id=order_id, on=ON)
    assert doc.number == "СП-2026-0001" and doc.kind == "specification"
    assert doc.order_id == order_id and doc.deal_id == deal_id
    assert doc.total == Decimal("2300.00")
    data = services.documents.deal_document_pdf(doc.id)
    assert_fonts_embedded(data)
    text = flat(pdf_text(data))
    for expected in ("Приложение № 1 к договору № 15/26 от 02.11.2026",
                     "Спецификация № СП-2026-0001", "от 16 ноября 2026 г.",
                     "ООО «Продавец», ИНН 7707083893", "ООО «Покупатель», ИНН 7728168971",
                     "Станок токарный", "1 000,00", "10 %", "1 800,00", "324,59",
                     "Без НДС", "500,00", "Всего к оплате: 2 300,00",
                     "Всего наименований 2, на сумму 2 300,00 руб.",
                     "Две тысячи триста рублей 00 копеек", "Условия оплаты: 100 % предоплата",
                     "Поставщик: ООО «Продавец»", "Покупатель: ООО «Покупатель»",
                     "Петров П. П.", "М.П."):
        assert expected in text, expected
    assert re.search(r"Основание: Заказ № З-2026-\d+ от 16\.11\.2026", text)


def test_specification_is_frozen_and_its_annex_number_counts_the_contract(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = _deal(services, won=True)
    first = _order(services, deal_id)
    docs = services.documents
    spec = docs.issue_specification(order_id=first, on=ON)
    before = docs.deal_document_pdf(spec.id)
    with services.uow_factory() as uow:
        s = uow.session
        s.execute(update(OrderLine).where(OrderLine.order_id == first)
                  .values(price=Decimal("1.00")))
        order = s.get(Order, first)
        second = Order(number="З-2026-09999", client_id=order.client_id, ordered_on=ON,
                       amount=Decimal("100.00"), contract_number="15/26",
                       contract_date=date(2026, 11, 2))
        s.add(second)
        s.flush()
        s.add(OrderLine(order_id=second.id, name="Запчасти", unit="шт",
                        quantity=Decimal(1), price=Decimal("100.00"), vat_kind="standard"))
        uow.commit()
        second_id = second.id
    assert docs.deal_document_pdf(spec.id) == before  # the snapshot, not the order
    again = docs.issue_specification(order_id=first, on=ON)
    # a new one has the order's lines now: 2 × 1,00 less 10 % = 1,80 and 1 × 1,00
    assert docs.get_deal_document(again.id).total == Decimal("2.80")
    assert "Приложение № 1 к договору" in flat(pdf_text(docs.deal_document_pdf(again.id)))
    other = docs.issue_specification(order_id=second_id, on=ON)
    assert "Приложение № 2 к договору № 15/26" in flat(
        pdf_text(docs.deal_document_pdf(other.id)))


def test_specification_without_a_contract_says_no_annex(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = _deal(services, won=True)
    order_id = _order(services, deal_id, contract="", contract_on=None)
    doc = services.documents.issue_specification(order_id=order_id, on=ON)
    assert "Приложение" not in flat(pdf_text(services.documents.deal_document_pdf(doc.id)))


def test_specification_of_an_accepted_offer_keeps_the_offers_lines(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = _deal(services, won=True)
    docs = services.documents
    offer = docs.issue_offer(deal_id, on=date(2026, 11, 10))
    with services.uow_factory() as uow:  # the deal's lines change after the КП
        uow.session.execute(update(DealLine).where(DealLine.deal_id == deal_id)
                            .values(price=Decimal("7777.00")))
        uow.commit()
    doc = docs.issue_specification(offer_id=offer.id, on=ON)
    assert doc.deal_id == deal_id and doc.order_id is None
    assert doc.total == Decimal("2300.00")  # the КП's prices, as the client accepted them
    text = flat(pdf_text(docs.deal_document_pdf(doc.id)))
    assert f"Основание: Коммерческое предложение № {offer.number} от 10.11.2026" in text
    assert "7 777,00" not in text and "Приложение" not in text  # no order, no contract yet
    _order(services, deal_id, contract="7-К", contract_on=None)
    doc = docs.issue_specification(offer_id=offer.id, on=ON)
    assert "Приложение № 1 к договору № 7-К" in flat(pdf_text(docs.deal_document_pdf(doc.id)))


def test_specification_refusals(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = _deal(services)  # not won
    docs = services.documents
    offer = docs.issue_offer(deal_id, on=ON)
    with pytest.raises(ValidationError, match="не принято"):
        docs.issue_specification(offer_id=offer.id, on=ON)
    with services.uow_factory() as uow:  # won now; but the КП is replaced by a new version
        won = Stage(name="Выиграна", position=2, probability=100, is_won=True)
        uow.session.add(won)
        uow.session.flush()
        uow.session.get(Deal, deal_id).stage_id = won.id
        uow.commit()
    newer = docs.new_offer_version(offer.id, on=ON)
    with pytest.raises(ValidationError, match=newer.number):
        docs.issue_specification(offer_id=offer.id, on=ON)
    assert docs.issue_specification(offer_id=newer.id, on=ON).number == "СП-2026-0001"
    with pytest.raises(NotFoundError):
        docs.issue_specification(offer_id=9999, on=ON)
    with pytest.raises(NotFoundError):
        docs.issue_specification(order_id=9999, on=ON)
    with pytest.raises(ValidationError):
        docs.issue_specification(on=ON)
    with pytest.raises(ValidationError):
        docs.issue_specification(order_id=1, offer_id=offer.id, on=ON)
    order_id = _order(services, deal_id)
    with services.uow_factory() as uow:
        uow.session.execute(OrderLine.__table__.delete().where(OrderLine.order_id == order_id))
        uow.commit()
    with pytest.raises(ValidationError, match="нет позиций"):
        docs.issue_specification(order_id=order_id, on=ON)
    with services.uow_factory() as uow:
        uow.session.get(Order, order_id).status = "cancelled"
        uow.commit()
    with pytest.raises(ValidationError, match="отменён"):
        docs.issue_specification(order_id=order_id, on=ON)
    with pytest.raises(ValidationError):
        docs.list_deal_documents()
    assert docs.issue_specification(offer_id=newer.id, on=ON).number == "СП-2026-0002"


def test_specification_amounts_stay_on_one_line(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = make_deal(services, [("Линия розлива", "1", "1200000000.00", "12.5", "standard"),
                                   ("Моечная машина", "3", "1234567.89", "0", "standard")],
                        won=True)
    order_id = _order(services, deal_id)
    doc = services.documents.issue_specification(order_id=order_id, on=ON)
    lines = []
    for page in PdfReader(io.BytesIO(services.documents.deal_document_pdf(doc.id))).pages:
        lines += [flat(line) for line in (page.extract_text() or "").splitlines()]
    # by hand: 1 200 000 000,00 less 12,5 % = 1 050 000 000,00; 3 × 1 234 567,89 = 3 703 703,67
    for amount in ("1 200 000 000,00", "1 050 000 000,00", "1 234 567,89", "3 703 703,67",
                   "1 053 703 703,67"):
        assert any(amount in line for line in lines), (amount, lines)
    assert [line for line in lines if re.search(r"\d,\d?$", line)] == []


# --- the CLI -------------------------------------------------------------------------------------

def _run(capsys, *args: object) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = run([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_protocol_and_specification(services, db_path: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                        capsys) -> None:
    deal_id = _deal(services, won=True)
    order_id = _order(services, deal_id)
    offer = services.documents.issue_offer(deal_id, on=ON)
    with services.uow_factory(read_only=True) as uow:
        order_number = uow.session.get(Order, order_id).number
    services.close()
    out_file = tmp_path / "protocol.pdf"
    code, out, err = _run(capsys, "--db", db_path, "protocol", deal_id, "-o", out_file,
                          "--date", "2026-11-16", "--place", "Офис клиента",
                          "--our", "Орлова М. С., менеджер")
    assert code == 0, err
    assert "ПР-2026-0001" in out and out_file.read_bytes().startswith(b"%PDF")
    assert "Офис клиента" in flat(pdf_text(out_file.read_bytes()))
    code, out, err = _run(capsys, "--db", db_path, "specification", "--order", order_number,
                          "-o", tmp_path / "spec.pdf", "--date", "2026-11-16")
    assert code == 0 and "СП-2026-0001" in out, err
    code, out, err = _run(capsys, "--db", db_path, "specification", "--offer", offer.number,
                          "-o", tmp_path / "spec2.pdf")
    assert code == 0 and "СП-" in out, err
    code, out, err = _run(capsys, "--db", db_path, "specification", "--order", order_id,
                          "-o", tmp_path / "spec3.pdf", "--date", "2026-11-16")
    assert code == 0 and "СП-2026-0003" in out, err
    for args in (("protocol", 9999, "-o", tmp_path / "x.pdf"),
                 ("protocol", deal_id, "-o", tmp_path / "x.pdf", "--contact", 9999),
                 ("protocol", deal_id, "-o", tmp_path / "x.pdf", "--date", "16.11.2026"),
                 ("protocol", deal_id, "-o", tmp_path / "missing" / "x.pdf"),
                 ("specification", "--order", "Н-0000", "-o", tmp_path / "x.pdf"),
                 ("specification", "--offer", 9999, "-o", tmp_path / "x.pdf")):
        code, out, err = _run(capsys, "--db", db_path, *args)
        assert code == 1 and out == "", args
        assert len(err.strip().splitlines()) == 1 and err.startswith("salesdesk: "), (args, err)
    assert not (tmp_path / "x.pdf").exists()
    with pytest.raises(SystemExit) as exc:  # neither --order nor --offer: a usage error
        run(["--db", str(db_path), "specification", "-o", str(tmp_path / "x.pdf")])
    assert exc.value.code == 2
    capsys.readouterr()
    code, out, err = _run(capsys, "--db", db_path, "protocol", deal_id, "-o",
                          tmp_path / "p2.pdf")
    assert code == 0 and "ПР-2026-0002" in out  # the refusals used up no number
