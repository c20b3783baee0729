"""The client card's after-sale parts (issue 14): the credit under the name, and «Акт сверки…»
(a period asked, the PDF built off the GUI thread and shown in the preview)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt

from app.models import Client, Order, Payment
from app.views.clients import statement
from app.views.clients.card import ClientCardDialog
from app.views.documents import preview
from app.views.forms import to_qdate


def _client(services, name: str = "ООО «Аванс»") -> int:  # type: ignore[no-untyped-def]
    with services.uow_factory() as uow:
        c = Client(name=name, status="active", email="buh@avans.example")
        uow.session.add(c)
        uow.flush()
        uow.commit()
        return c.id


def test_the_credit_shows_only_when_there_is_one(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    client = _client(services)
    card = ClientCardDialog(services=services, client_id=client)
    qtbot.addWidget(card)
    assert card.credit_label.isHidden()
    with services.uow_factory() as uow:
        order = Order(number="З-1", client_id=client, ordered_on=date(2026, 11, 1),
                      amount=Decimal("500.00"))
        uow.session.add(order)
        uow.flush()
        # 300 against the order is no credit; 1 000 + 250,50 not allocated are
        uow.session.add_all([
            Payment(order_id=order.id, client_id=client, paid_on=date(2026, 11, 2),
                    amount=Decimal("300.00")),
            Payment(order_id=None, client_id=client, paid_on=date(2026, 11, 3),
                    amount=Decimal("1000.00")),
            Payment(order_id=None, client_id=client, paid_on=date(2026, 11, 4),
                    amount=Decimal("250.50"))])
        uow.commit()
    again = ClientCardDialog(services=services, client_id=client)
    qtbot.addWidget(again)
    again.show()
    assert not again.credit_label.isHidden()
    assert again.credit_label.text() == "Аванс: 1\u00a0250,50\u00a0₽"
    new = ClientCardDialog(services=services)
    qtbot.addWidget(new)
    assert new.credit_label.isHidden() and new.statement_button.isHidden()


def test_the_statement_button_builds_the_pdf_for_the_period(qtbot, services,  # type: ignore[no-untyped-def]
                                                            monkeypatch) -> None:
    client = _client(services)
    asked: list[date] = []

    def period(parent, today):  # type: ignore[no-untyped-def]
        asked.append(today)
        return date(2026, 1, 1), date(2026, 6, 30)

    monkeypatch.setattr(statement, "ask_statement_period", period)
    built: list[tuple[int, date, date]] = []
    real = services.documents.statement_pdf

    def spy(client_id, start, end):  # type: ignore[no-untyped-def]
        built.append((client_id, start, end))
        return real(client_id, start, end)

    monkeypatch.setattr(services.documents, "statement_pdf", spy)
    shown: list[tuple[bytes, str, str, str]] = []
    monkeypatch.setattr(preview, "show_pdf", lambda parent, data, *, title, filename,
                        email_to="", email_subject="": shown.append(
                            (data, title, filename, email_to)))
    card = ClientCardDialog(services=services, client_id=client)
    qtbot.addWidget(card)
    card.show()
    qtbot.mouseClick(card.statement_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown))
    assert built == [(client, date(2026, 1, 1), date(2026, 6, 30))]
    data, title, filename, email = shown[0]
    assert data.startswith(b"%PDF")
    assert title == "Акт сверки ООО «Аванс» 01.01.2026–30.06.2026"
    assert filename == preview.safe_filename(title, "")
    assert email == "buh@avans.example"
    # cancelled: nothing built
    monkeypatch.setattr(statement, "ask_statement_period", lambda parent, today: None)
    qtbot.mouseClick(card.statement_button, Qt.MouseButton.LeftButton)
    assert len(built) == 1


def test_the_period_refuses_an_end_before_its_start(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = statement.StatementPeriodDialog(date(2026, 12, 2))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.period() == (date(2026, 1, 1), date(2026, 12, 2))
    dialog.end_edit.setDate(to_qdate(date(2025, 12, 31)))
    dialog._accept()
    assert dialog.isVisible()
    assert dialog.errors.label("end").text() == "Конец периода раньше его начала"
    dialog.end_edit.setDate(to_qdate(date(2026, 3, 31)))
    dialog._accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.period() == (date(2026, 1, 1), date(2026, 3, 31))
