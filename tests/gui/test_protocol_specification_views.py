"""The negotiation protocol and the specification in the window: the deal's «Документы» tab
(«Протокол переговоров…», «Спецификация по КП», the list of issued ones), the protocol
dialog, and the order editor's «Спецификация»."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from app.bootstrap import Services
from app.models import Client, Contact
from app.views import dialogs
from app.views.documents.deal_documents import DealDocumentsPanel
from app.views.documents.protocol_dialog import ProtocolAnswer, ProtocolDialog
from app.views.orders.editor import OrderEditor
from tests.gui._orders_helpers import make_order
from tests.unit._documents_helpers import flat, make_deal, pdf_text

SCREEN_W, SCREEN_H = 1366, 768


def _fits(widget: QWidget) -> bool:
    size = widget.size()
    return size.width() <= SCREEN_W and size.height() <= SCREEN_H - 40  # a task bar


def _deal_with_two_contacts(services: Services) -> tuple[int, int]:
    """make_deal's deal (its contact Иванов Иван) and the id of a second contact."""
    deal_id = make_deal(services, [("Станок", "2", "1000.00", "0", "standard")])
    with services.uow_factory() as uow:
        client_id = uow.session.query(Client.id).scalar()
        second = Contact(client_id=client_id, name="Петрова Анна", position="Инженер")
        uow.session.add(second)
        uow.commit()
        return deal_id, second.id


def test_protocol_from_the_deal_documents_tab(qtbot, qtmodeltester, services,  # type: ignore[no-untyped-def]
                                              monkeypatch) -> None:
    deal_id, second = _deal_with_two_contacts(services)
    panel = DealDocumentsPanel(services=services, deal_id=deal_id)
    qtbot.addWidget(panel)
    assert panel.protocol_button.isEnabled() and panel.documents_model.rowCount() == 0
    assert panel.documents_table.isHidden()  # nothing issued yet
    seen = {}

    def fake_ask(parent, defaults):  # type: ignore[no-untyped-def]
        seen["defaults"] = defaults
        return ProtocolAnswer(on=date(2026, 11, 16), place="Офис клиента",
                              contact_ids=(second,),
                              our_participants=("Орлова Мария, менеджер",))

    monkeypatch.setattr(dialogs, "ask_protocol_options", fake_ask)
    with qtbot.waitSignal(panel.preview_opened, timeout=20_000) as blocker:
        panel.create_protocol()
    preview = blocker.args[0]
    assert preview.windowTitle() == "Протокол переговоров № ПР-2026-0001"
    text = flat(pdf_text(preview.pdf))
    assert "Офис клиента" in text and "Петрова Анна, Инженер" in text
    assert "Орлова Мария, менеджер" in text and "Иванов Иван" not in text
    preview.close()
    assert [c.name for c in seen["defaults"].contacts] == ["Иванов Иван", "Петрова Анна"]
    assert panel.documents_model.rowCount() == 1 and not panel.documents_table.isHidden()
    assert panel.documents_model.row_at(0).number == "ПР-2026-0001"
    qtmodeltester.check(panel.documents_model)
    with qtbot.waitSignal(panel.preview_opened, timeout=20_000) as blocker:  # reopened
        panel.open_deal_document(panel.documents_model.row_at(0))
    assert blocker.args[0].pdf == preview.pdf  # the same frozen document
    blocker.args[0].close()
    monkeypatch.setattr(dialogs, "ask_protocol_options", lambda parent, defaults: None)
    panel.create_protocol()  # cancelled: nothing issued
    assert panel.documents_model.rowCount() == 1
    errors = []
    monkeypatch.setattr(dialogs, "show_error",
                        lambda parent, text, title=None: errors.append(text))
    monkeypatch.setattr(dialogs, "ask_protocol_options", lambda parent, defaults: ProtocolAnswer(
        on=date(2026, 11, 16), place="x" * 400, contact_ids=(), our_participants=()))
    panel.create_protocol()
    assert errors and "Место встречи" in errors[0]
    assert panel.documents_model.rowCount() == 1


def test_specification_of_an_offer_needs_an_accepted_one(qtbot, services,  # type: ignore[no-untyped-def]
                                                         monkeypatch) -> None:
    deal_id, _second = _deal_with_two_contacts(services)  # not won
    services.documents.issue_offer(deal_id, on=date(2026, 11, 16))
    panel = DealDocumentsPanel(services=services, deal_id=deal_id)
    qtbot.addWidget(panel)
    assert panel.offer_spec_button.isEnabled()  # the latest КП is selected
    errors = []
    monkeypatch.setattr(dialogs, "show_error",
                        lambda parent, text, title=None: errors.append(text))
    panel.issue_offer_specification()
    assert errors and "не принято" in errors[0]
    assert panel.documents_model.rowCount() == 0


def test_protocol_dialog_answers_what_is_ticked_and_typed(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    deal_id, second = _deal_with_two_contacts(services)
    defaults = services.documents.protocol_defaults(deal_id)
    dialog = ProtocolDialog(defaults, today=date(2026, 11, 16))
    qtbot.addWidget(dialog)
    assert _fits(dialog)
    boxes = dict(dialog.contact_boxes)
    assert boxes[second].text() == "Петрова Анна, Инженер" and not boxes[second].isChecked()
    assert dialog.ours_edit.toPlainText() == "Орлова М. С., менеджер по продажам"
    boxes[second].setChecked(True)
    dialog.place_edit.setText("  Переговорная 3 ")
    dialog.ours_edit.setPlainText("Орлова М. С., менеджер\n\n  Петров П. П.,  директор ")
    answer = dialog.answer()
    assert answer.on == date(2026, 11, 16) and answer.place == "Переговорная 3"
    assert set(answer.contact_ids) == {defaults.contacts[0].id, second}
    assert answer.our_participants == ("Орлова М. С., менеджер", "Петров П. П., директор")
    assert dialog.unsaved is not None and dialog.unsaved.is_modified()


def test_deal_editor_documents_tab_has_the_protocol_button(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    from app.views.deals.editor import DealEditor

    deal_id, _second = _deal_with_two_contacts(services)
    editor = DealEditor(services=services, deal_id=deal_id)
    qtbot.addWidget(editor)
    titles = [editor.sections.tabText(i) for i in range(editor.sections.count())]
    panel = editor.sections.widget(titles.index("Документы"))
    assert isinstance(panel, DealDocumentsPanel)
    assert panel.protocol_button.text() == "Протокол переговоров…"
    assert panel.protocol_button.isEnabled() and _fits(editor)
    new = DealEditor(services=services)
    qtbot.addWidget(new)
    titles = [new.sections.tabText(i) for i in range(new.sections.count())]
    assert not new.sections.widget(titles.index("Документы")).protocol_button.isEnabled()


def test_specification_from_the_order_editor(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    _sale, order = make_order(services, on=date(2026, 11, 2))
    editor = OrderEditor(services=services, order_id=order.id)
    qtbot.addWidget(editor)
    assert _fits(editor)
    assert editor.specification_button.text() == "Спецификация"
    assert editor.specification_button.isEnabled()
    assert editor.new_specification_button.isHidden()  # nothing to issue anew yet
    with qtbot.waitSignal(editor.preview_opened, timeout=20_000) as blocker:
        editor.open_specification()
    preview = blocker.args[0]
    issued = services.documents.list_deal_documents(order_id=order.id)
    assert len(issued) == 1 and issued[0].kind == "specification"
    number = issued[0].number
    assert preview.windowTitle() == f"Спецификация № {number}"
    text = flat(pdf_text(preview.pdf))
    assert "Стеллаж 2000×1000" in text and "212 000,00" in text  # the order's lines
    preview.close()
    assert editor.specification_button.text() == f"Спецификация № {number}"
    assert not editor.new_specification_button.isHidden()
    with qtbot.waitSignal(editor.preview_opened, timeout=20_000) as blocker:  # the same one
        editor.open_specification()
    blocker.args[0].close()
    assert len(services.documents.list_deal_documents(order_id=order.id)) == 1
    with qtbot.waitSignal(editor.preview_opened, timeout=20_000) as blocker:  # a new one
        editor.issue_specification()
    blocker.args[0].close()
    latest = services.documents.list_deal_documents(order_id=order.id)
    assert len(latest) == 2 and latest[0].number != number
    assert editor.specification_button.text() == f"Спецификация № {latest[0].number}"
