"""The client hand-over summary PDF: the text a colleague needs is really in it."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from pypdf import PdfReader
from sqlalchemy import delete

from app.bootstrap import Services
from app.models import Activity, Deal, Order, Stage
from app.services.clients import ClientDraft, ContactDraft
from app.services.errors import NotFoundError


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_handover_lists_requisites_contacts_deals_and_activities(services: Services) -> None:
    card = services.clients.create(ClientDraft(
        name="ООО «Ёлка & <Палка>»", inn="7707083893", kpp="773601001",
        bik="044525225", corr_account="30101810400000000225", segment="Ключевые",
        tags=("VIP",), notes="Любит звонки до обеда",
        contacts=(ContactDraft(name="Семёнов Пётр", position="Директор",
                               phone="+7 916 123-45-67", email="petr@elka.example"),)))
    with services.uow_factory() as uow:
        uow.session.execute(delete(Stage))  # this test builds its own pipeline
        s = uow.session
        open_stage = Stage(name="Переговоры", position=1, probability=60)
        won = Stage(name="Выиграна", position=2, probability=100, is_won=True)
        s.add_all([open_stage, won])
        s.flush()
        s.add(Deal(client_id=card.id, stage_id=open_stage.id, title="Стеллажи для склада",
                   amount=Decimal("150000.50")))
        s.add(Deal(client_id=card.id, stage_id=won.id, title="Старая закрытая сделка",
                   amount=Decimal("1")))
        s.add(Order(number="З-1", client_id=card.id, ordered_on=date(2026, 3, 1),
                    amount=Decimal("99000")))
        s.add(Activity(kind="meeting", subject="Презентация каталога", client_id=card.id,
                       done=True, done_at=datetime(2026, 10, 1, 9, tzinfo=UTC),
                       outcome="Просили КП"))
        s.add(Activity(kind="call", subject="Согласовать доставку", client_id=card.id,
                       due_at=datetime(2026, 12, 1, 9, tzinfo=UTC)))
        uow.commit()
    pdf = services.documents.client_handover_pdf(card.id, today=date(2026, 11, 16))
    assert pdf.startswith(b"%PDF")
    text = _text(pdf)
    for expected in ("Сводка по клиенту", "ООО «Ёлка & <Палка>»", "7707083893", "773601001",
                     "30101810400000000225", "Семёнов Пётр", "petr@elka.example",
                     "Стеллажи для склада", "150 000,50", "Переговоры",
                     "Презентация каталога", "Просили КП", "Согласовать доставку",
                     "Любит звонки до обеда", "Передал", "Принял"):
        assert expected in text.replace("\xa0", " "), expected
    assert "Старая закрытая сделка" not in text


def test_handover_of_a_bare_client_and_a_missing_one(services: Services) -> None:
    card = services.clients.create(ClientDraft(name="Пустой"))
    text = _text(services.documents.client_handover_pdf(card.id))
    assert "Открытых сделок нет" in text and "Контактные лица не указаны" in text
    with pytest.raises(NotFoundError):
        services.documents.client_handover_pdf(card.id + 100)
