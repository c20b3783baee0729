"""Unsaved changes (issue 11, finding 13): Esc, closing the window, switching records and
quitting the app ask «Сохранить изменения?» in every editor; what the database holds after
each answer is read back through the services."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from app.bootstrap import Services
from app.services.activities import ActivityDraft
from app.services.clients import ClientDraft
from app.services.deals import DealInput
from app.views import dialogs
from app.views.unsaved import EditorDialog

NOTE = "Перезвонить в среду после 15:00"


class Questions:
    """Stands in for dialogs.ask_save_changes: records each question and gives `answer`."""

    def __init__(self) -> None:
        self.answer: str | None = None  # None: a question is a failure
        self.asked: list[str] = []

    def __call__(self, parent: QWidget | None, subject: str = "") -> str:
        self.asked.append(subject)
        if self.answer is None:
            pytest.fail(f"asked about unsaved changes in «{subject}» without a reason")
        return self.answer


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> Questions:
    q = Questions()
    monkeypatch.setattr(dialogs, "ask_save_changes", q)
    return q


@pytest.fixture
def client_id(services: Services) -> int:
    return services.clients.create(ClientDraft(name="ООО «Ромашка»", notes="Старый клиент")).id


@pytest.fixture
def deal_id(services: Services, client_id: int) -> int:
    return services.deals.save_deal(DealInput(
        client_id=client_id, title="Поставка весов", manual_amount=Decimal("1000"))).deal_id


def _show(qtbot, dialog: QDialog) -> QDialog:  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _type(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type `text` key by key (QTest's keyClicks takes ASCII only; a Russian layout sends
    key events whose text is the letter)."""
    for char in text:
        if char.isascii():
            qtbot.keyClick(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, char))


def _escape(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Esc where the user typed (the field passes it on to the dialog, which rejects)."""
    qtbot.keyClick(widget, Qt.Key.Key_Escape)


def _deal_editor(qtbot, services: Services, deal_id: int | None = None):  # type: ignore[no-untyped-def]
    from app.views.deals.editor import DealEditor

    return _show(qtbot, DealEditor(services=services, deal_id=deal_id))


def _card(qtbot, services: Services, client_id: int | None = None):  # type: ignore[no-untyped-def]
    from app.views.clients.card import ClientCardDialog

    return _show(qtbot, ClientCardDialog(services=services, client_id=client_id))


# --- the deal editor ------------------------------------------------------------------------
def test_deal_editor_esc_then_save_stores_the_note(qtbot, services, deal_id,  # type: ignore[no-untyped-def]
                                                   questions) -> None:
    editor = _deal_editor(qtbot, services, deal_id)
    _type(qtbot, editor.notes_edit, NOTE)
    questions.answer = "save"
    _escape(qtbot, editor.notes_edit)
    assert questions.asked == ["Сделка: Поставка весов"]
    assert not editor.isVisible() and editor.result() == QDialog.DialogCode.Accepted
    assert services.deals.detail(deal_id).notes == NOTE


def test_deal_editor_esc_then_discard_drops_the_note(qtbot, services, deal_id,  # type: ignore[no-untyped-def]
                                                     questions) -> None:
    editor = _deal_editor(qtbot, services, deal_id)
    _type(qtbot, editor.notes_edit, NOTE)
    questions.answer = "discard"
    _escape(qtbot, editor.notes_edit)
    assert len(questions.asked) == 1
    assert not editor.isVisible() and editor.result() == QDialog.DialogCode.Rejected
    assert services.deals.detail(deal_id).notes == ""


def test_deal_editor_esc_then_cancel_keeps_the_edits(qtbot, services, deal_id,  # type: ignore[no-untyped-def]
                                                     questions) -> None:
    editor = _deal_editor(qtbot, services, deal_id)
    _type(qtbot, editor.notes_edit, NOTE)
    questions.answer = "cancel"
    _escape(qtbot, editor.notes_edit)
    assert len(questions.asked) == 1 and editor.isVisible()
    assert editor.notes_edit.toPlainText() == NOTE
    assert services.deals.detail(deal_id).notes == ""
    # Closing the window asks the same way; Отмена keeps it open.
    assert not editor.close()
    assert len(questions.asked) == 2 and editor.isVisible()
    questions.answer = "discard"
    assert editor.close()
    assert not editor.isVisible() and services.deals.detail(deal_id).notes == ""


def test_deal_editor_save_refused_shows_the_errors_and_stays(qtbot, services, deal_id,  # type: ignore[no-untyped-def]
                                                             questions) -> None:
    editor = _deal_editor(qtbot, services, deal_id)
    editor.title_edit.selectAll()
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Delete)
    _type(qtbot, editor.notes_edit, NOTE)
    questions.answer = "save"
    _escape(qtbot, editor.notes_edit)
    assert editor.isVisible()
    assert editor.errors.shown()["title"] == "Укажите название сделки"
    assert editor.notes_edit.toPlainText() == NOTE
    assert services.deals.detail(deal_id).title == "Поставка весов"
    assert services.deals.detail(deal_id).notes == ""
    _type(qtbot, editor.title_edit, "Поставка весов на склад")
    _escape(qtbot, editor.notes_edit)  # saved this time
    assert not editor.isVisible()
    assert services.deals.detail(deal_id).title == "Поставка весов на склад"
    assert services.deals.detail(deal_id).notes == NOTE


def test_unchanged_deal_editor_closes_without_asking(qtbot, services, deal_id,  # type: ignore[no-untyped-def]
                                                     questions) -> None:
    editor = _deal_editor(qtbot, services, deal_id)
    _escape(qtbot, editor.notes_edit)
    assert not editor.isVisible() and not questions.asked
    new = _deal_editor(qtbot, services)
    qtbot.mouseClick(new.cancel_button, Qt.MouseButton.LeftButton)
    assert not new.isVisible() and not questions.asked


def test_typing_and_restoring_the_text_is_no_change(qtbot, services, deal_id,  # type: ignore[no-untyped-def]
                                                    questions) -> None:
    editor = _deal_editor(qtbot, services, deal_id)
    editor.title_edit.end(False)
    _type(qtbot, editor.title_edit, " срочно")
    _type(qtbot, editor.notes_edit, "х")
    for _ in " срочно":
        qtbot.keyClick(editor.title_edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor.notes_edit, Qt.Key.Key_Backspace)
    assert editor.title_edit.text() == "Поставка весов"
    _escape(qtbot, editor.notes_edit)
    assert not editor.isVisible() and not questions.asked


def test_deal_editor_cancel_button_asks_too(qtbot, services, deal_id, questions) -> None:  # type: ignore[no-untyped-def]
    editor = _deal_editor(qtbot, services, deal_id)
    _type(qtbot, editor.notes_edit, NOTE)
    questions.answer = "cancel"
    qtbot.mouseClick(editor.cancel_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and len(questions.asked) == 1
    questions.answer = "save"
    qtbot.mouseClick(editor.cancel_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible() and services.deals.detail(deal_id).notes == NOTE


def test_new_deal_saved_from_the_question(qtbot, services, client_id, questions) -> None:  # type: ignore[no-untyped-def]
    from app.views.deals.editor import DealEditor

    editor = _show(qtbot, DealEditor(services=services, client_id=client_id))
    saved: list[int] = []
    editor.deal_saved.connect(saved.append)
    _type(qtbot, editor.title_edit, "Новая поставка")
    questions.answer = "save"
    _escape(qtbot, editor.title_edit)
    assert questions.asked == ["Новая сделка"] and len(saved) == 1
    assert services.deals.detail(saved[0]).title == "Новая поставка"


# --- the client card ------------------------------------------------------------------------
@pytest.mark.parametrize(("answer", "stored", "open_after"), [
    ("save", "Старый клиент. Звонить после обеда", False),
    ("discard", "Старый клиент", False),
    ("cancel", "Старый клиент", True),
])
def test_client_card_esc_asks(qtbot, services, client_id, questions, answer: str,  # type: ignore[no-untyped-def]
                              stored: str, open_after: bool) -> None:
    card = _card(qtbot, services, client_id)
    card.tabs.setCurrentIndex(2)  # Классификация, where the note is
    card.notes_edit.moveCursor(card.notes_edit.textCursor().MoveOperation.End)
    _type(qtbot, card.notes_edit, ". Звонить после обеда")
    questions.answer = answer
    _escape(qtbot, card.notes_edit)
    assert questions.asked == ["Карточка клиента"]
    assert card.isVisible() is open_after
    assert services.clients.get(client_id).draft.notes == stored
    if open_after:
        assert card.notes_edit.toPlainText() == "Старый клиент. Звонить после обеда"
        questions.answer = "discard"
        card.close()
        assert not card.isVisible()


def test_client_card_save_refused_stays_open(qtbot, services, client_id, questions) -> None:  # type: ignore[no-untyped-def]
    card = _card(qtbot, services, client_id)
    _type(qtbot, card.inn_edit, "123")
    questions.answer = "save"
    _escape(qtbot, card.inn_edit)
    assert card.isVisible() and "inn" in card.errors.shown()
    assert services.clients.get(client_id).draft.inn == ""
    questions.answer = "discard"
    _escape(qtbot, card.inn_edit)
    assert not card.isVisible() and services.clients.get(client_id).draft.inn == ""


def test_unchanged_client_card_closes_without_asking(qtbot, services, client_id,  # type: ignore[no-untyped-def]
                                                     questions) -> None:
    card = _card(qtbot, services, client_id)
    _type(qtbot, card.phone_edit, "1")
    qtbot.keyClick(card.phone_edit, Qt.Key.Key_Backspace)
    _escape(qtbot, card.phone_edit)
    assert not card.isVisible() and not questions.asked
    new = _card(qtbot, services)
    assert new.close() and not questions.asked


def test_client_card_archive_with_edits_asks_first(qtbot, services, client_id,  # type: ignore[no-untyped-def]
                                                   questions) -> None:
    card = _card(qtbot, services, client_id)
    _type(qtbot, card.phone_edit, "+7 916 000-11-22")
    questions.answer = "cancel"
    qtbot.mouseClick(card.archive_button, Qt.MouseButton.LeftButton)
    assert card.isVisible() and not services.clients.get(client_id).archived
    questions.answer = "save"
    qtbot.mouseClick(card.archive_button, Qt.MouseButton.LeftButton)
    assert not card.isVisible()
    saved = services.clients.get(client_id)
    assert saved.archived and saved.draft.phone == "+7 916 000-11-22"


def test_contact_dialog_asks_and_hands_its_contact_to_the_card(qtbot, services,  # type: ignore[no-untyped-def]
                                                               client_id, questions) -> None:
    from app.views.clients.card import ContactDialog

    card = _card(qtbot, services, client_id)
    answered: list[int] = []

    def in_the_contact_dialog() -> None:
        contact = QApplication.activeModalWidget()
        if not isinstance(contact, ContactDialog):
            QTimer.singleShot(0, in_the_contact_dialog)
            return
        _type(qtbot, contact.name_edit, "Анна Петрова")
        questions.answer = "save"
        _escape(qtbot, contact.name_edit)
        answered.append(len(questions.asked))

    QTimer.singleShot(0, in_the_contact_dialog)
    card.edit_contact(None)  # runs the contact dialog until the question closes it
    assert answered == [1] and card.contacts_model.rowCount() == 1
    assert card.contacts_model.row(0).name == "Анна Петрова"
    questions.answer = "save"
    _escape(qtbot, card.name_edit)
    assert len(questions.asked) == 2 and not card.isVisible()
    assert [c.name for c in services.clients.get(client_id).draft.contacts] == ["Анна Петрова"]


# --- quitting the app -----------------------------------------------------------------------
@pytest.fixture
def window(qtbot, services: Services, deal_id: int):  # type: ignore[no-untyped-def]
    """The main window over the small database of this file (one client, one deal)."""
    from PySide6.QtCore import QSettings

    from app.views.main_window import MainWindow

    main = MainWindow(services=services, settings=QSettings())
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def _in_modal_editor(action: Callable[[EditorDialog], None]) -> None:
    """Run `action` on the modal editor once its `exec()` has started."""
    def attempt() -> None:
        editor = QApplication.activeModalWidget()
        if isinstance(editor, EditorDialog) and editor.isVisible():
            action(editor)
        else:
            QTimer.singleShot(0, attempt)
    QTimer.singleShot(0, attempt)


@pytest.mark.parametrize("answer", ["save", "discard"])
def test_quitting_with_a_modal_deal_editor_open_asks(qtbot, services, deal_id, window,  # type: ignore[no-untyped-def]
                                                     questions, answer: str) -> None:
    closed: list[bool] = []

    def type_and_quit(editor: EditorDialog) -> None:
        _type(qtbot, editor.notes_edit, NOTE)  # type: ignore[attr-defined]
        questions.answer = answer
        closed.append(window.close())

    _in_modal_editor(type_and_quit)
    window.open_item("deal", deal_id)  # exec() returns once the quit has closed the editor
    assert closed == [True] and len(questions.asked) == 1 and not window.isVisible()
    assert services.deals.detail(deal_id).notes == (NOTE if answer == "save" else "")


def test_quitting_cancelled_in_the_editor_keeps_the_app(qtbot, services, deal_id, window,  # type: ignore[no-untyped-def]
                                                        questions) -> None:
    seen: list[tuple[bool, bool, str]] = []

    def type_and_quit(editor: EditorDialog) -> None:
        _type(qtbot, editor.notes_edit, NOTE)  # type: ignore[attr-defined]
        questions.answer = "cancel"
        closed = window.close()
        seen.append((closed, window.isVisible() and editor.isVisible(),
                     editor.notes_edit.toPlainText()))  # type: ignore[attr-defined]
        questions.answer = "discard"
        editor.reject()

    _in_modal_editor(type_and_quit)
    window.open_item("deal", deal_id)
    assert seen == [(False, True, NOTE)] and window.isVisible()
    assert services.deals.detail(deal_id).notes == ""


def test_quitting_with_a_modeless_editor_and_a_clean_one(qtbot, services, deal_id,  # type: ignore[no-untyped-def]
                                                         client_id, window, questions) -> None:
    from app.views.clients.card import ClientCardDialog
    from app.views.deals.editor import DealEditor

    clean = ClientCardDialog(services=services, client_id=client_id, parent=window)
    editor = DealEditor(services=services, deal_id=deal_id, parent=window)
    for dialog in (clean, editor):
        dialog.show()
        qtbot.waitExposed(dialog)
    _type(qtbot, editor.notes_edit, NOTE)
    questions.answer = "cancel"
    assert not window.close()
    assert window.isVisible() and editor.isVisible() and clean.isVisible()
    assert questions.asked == ["Сделка: Поставка весов"]  # the unchanged card is not asked
    questions.answer = "save"
    assert window.close()
    assert not editor.isVisible() and not window.isVisible()
    assert services.deals.detail(deal_id).notes == NOTE


def test_quitting_without_editors_asks_nothing(window, questions) -> None:  # type: ignore[no-untyped-def]
    assert window.close() and not questions.asked


# --- the question itself --------------------------------------------------------------------
@pytest.mark.parametrize(("button", "expected"), [
    ("Сохранить", "save"), ("Не сохранять", "discard"), ("Отмена", "cancel"), (None, "cancel"),
])
def test_the_question_has_three_answers(qtbot, button: str | None, expected: str) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[str, str, list[str]]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(0, answer)
            return
        seen.append((box.windowTitle(), box.text(), [b.text() for b in box.buttons()]))
        if button is None:
            qtbot.keyClick(box, Qt.Key.Key_Escape)
        else:
            next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(0, answer)
    from tests.gui.conftest import REAL_ASK_SAVE_CHANGES

    assert REAL_ASK_SAVE_CHANGES(None, "Сделка: Поставка весов") == expected
    title, text, buttons = seen[0]
    assert title == "Сделка: Поставка весов" and text == "Сохранить изменения?"
    assert sorted(buttons) == sorted(["Сохранить", "Не сохранять", "Отмена"])


# --- lists beside an editor: the catalog and the objection library -------------------------
def _click_row(qtbot, view, row: int) -> None:  # type: ignore[no-untyped-def]
    index = view.model().index(row, 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())


@pytest.fixture
def products(services: Services) -> tuple[int, int]:
    from app.services.catalog import ProductInput

    return (services.catalog.save(ProductInput(sku="W-1", name="Весы", price=Decimal("1000"))),
            services.catalog.save(ProductInput(sku="W-2", name="Гиря", price=Decimal("50"))))


@pytest.mark.parametrize("answer", ["save", "discard", "cancel"])
def test_catalog_switching_product_asks(qtbot, services, products, questions,  # type: ignore[no-untyped-def]
                                        answer: str) -> None:
    from app.views.deals.catalog import CatalogDialog

    scales, weight = products
    dlg = _show(qtbot, CatalogDialog(services=services))
    assert dlg.name.text() == "Весы"  # the first product is on the card
    dlg.name.end(False)
    _type(qtbot, dlg.name, " складские")
    questions.answer = answer
    _click_row(qtbot, dlg.view, dlg.model.find(lambda p: p.id == weight))
    qtbot.waitUntil(lambda: bool(questions.asked))  # asked once the click is over
    assert len(questions.asked) == 1
    selected = dlg.model.row(dlg.view.selectionModel().selectedRows()[0].row()).id
    if answer == "cancel":
        assert dlg.name.text() == "Весы складские" and selected == scales
        assert services.catalog.get(scales).name == "Весы"
        questions.answer = "discard"
        _escape(qtbot, dlg.name)
        assert not dlg.isVisible()
    else:
        assert dlg.name.text() == "Гиря" and selected == weight
        assert services.catalog.get(scales).name == (
            "Весы складские" if answer == "save" else "Весы")
        _escape(qtbot, dlg.name)  # nothing changed on the new card: closes at once
        assert not dlg.isVisible() and len(questions.asked) == 1


def test_catalog_new_product_and_close_ask(qtbot, services, products, questions) -> None:  # type: ignore[no-untyped-def]
    from app.views.deals.catalog import CatalogDialog

    dlg = _show(qtbot, CatalogDialog(services=services))
    _type(qtbot, dlg.min_stock, "5")  # (the stock itself changes through «Корректировка…»)
    questions.answer = "cancel"
    buttons = {b.text(): b for b in dlg.findChildren(type(dlg.delete_button))}
    qtbot.mouseClick(buttons["Новый товар"], Qt.MouseButton.LeftButton)
    assert dlg.name.text() == "Весы" and len(questions.asked) == 1
    questions.answer = "discard"
    qtbot.mouseClick(buttons["Новый товар"], Qt.MouseButton.LeftButton)
    assert dlg.name.text() == "" and len(questions.asked) == 2
    _type(qtbot, dlg.sku, "G-1")
    _type(qtbot, dlg.name, "Гиря 5 кг")
    _type(qtbot, dlg.price, "70")
    questions.answer = "save"
    qtbot.mouseClick(buttons["Закрыть"], Qt.MouseButton.LeftButton)
    assert not dlg.isVisible() and len(questions.asked) == 3
    assert [p.name for p in services.catalog.list_products("G-1")] == ["Гиря 5 кг"]
    assert services.catalog.get(products[0]).min_stock == 0  # the discarded edit


def test_catalog_search_keeps_the_card(qtbot, services, products, questions) -> None:  # type: ignore[no-untyped-def]
    from app.views.deals.catalog import CatalogDialog

    dlg = _show(qtbot, CatalogDialog(services=services))
    dlg.group.setCurrentText("Весовое оборудование")
    _type(qtbot, dlg.search, "W-2")  # the edited product leaves the list: the card stays
    assert dlg.model.rowCount() == 1 and dlg.name.text() == "Весы"
    assert dlg.group.currentText() == "Весовое оборудование" and not questions.asked
    questions.answer = "save"
    _escape(qtbot, dlg.name)
    assert services.catalog.get(products[0]).group_name == "Весовое оборудование"


@pytest.mark.parametrize("answer", ["save", "discard", "cancel"])
def test_objection_library_switching_asks(qtbot, services, questions, answer: str) -> None:  # type: ignore[no-untyped-def]
    from app.views.deals.editor import ObjectionLibraryDialog

    services.deals.save_standard_objection("Дорого", "Сравните стоимость владения")
    services.deals.save_standard_objection("Нет времени", "Пришлю короткое КП")
    dlg = _show(qtbot, ObjectionLibraryDialog(services=services))
    _click_row(qtbot, dlg.list_view, 0)
    assert dlg.text_edit.text() == "Дорого"
    dlg.answer_edit.moveCursor(dlg.answer_edit.textCursor().MoveOperation.End)
    _type(qtbot, dlg.answer_edit, " за три года")
    questions.answer = answer
    _click_row(qtbot, dlg.list_view, 1)
    qtbot.waitUntil(lambda: bool(questions.asked))
    answers = {o.text: o.answer for o in services.deals.standard_objections()}
    if answer == "cancel":
        assert dlg.text_edit.text() == "Дорого"
        assert dlg.list_view.selectionModel().selectedRows()[0].row() == 0
        assert answers["Дорого"] == "Сравните стоимость владения"
        questions.answer = "save"
        _escape(qtbot, dlg.answer_edit)
        assert not dlg.isVisible()
        answers = {o.text: o.answer for o in services.deals.standard_objections()}
        assert answers["Дорого"] == "Сравните стоимость владения за три года"
    else:
        assert dlg.text_edit.text() == "Нет времени"
        assert answers["Дорого"] == ("Сравните стоимость владения за три года"
                                     if answer == "save" else "Сравните стоимость владения")


# --- single-record dialogs: stage settings, company requisites, the offer ------------------
@pytest.mark.parametrize("answer", ["save", "discard"])
def test_stage_settings_esc_asks(qtbot, services, questions, answer: str) -> None:  # type: ignore[no-untyped-def]
    from app.views.deals.stages import StageSettingsDialog

    before = services.deals.lost_reasons()
    dlg = _show(qtbot, StageSettingsDialog(services=services))
    dlg.reasons.moveCursor(dlg.reasons.textCursor().MoveOperation.End)
    qtbot.keyClick(dlg.reasons, Qt.Key.Key_Return)
    _type(qtbot, dlg.reasons, "Сменился директор")
    questions.answer = answer
    _escape(qtbot, dlg.reasons)
    assert not dlg.isVisible() and len(questions.asked) == 1
    assert services.deals.lost_reasons() == (
        [*before, "Сменился директор"] if answer == "save" else before)


def test_unchanged_stage_settings_close_silently(qtbot, services, questions) -> None:  # type: ignore[no-untyped-def]
    from app.views.deals.stages import StageSettingsDialog

    dlg = _show(qtbot, StageSettingsDialog(services=services))
    dlg.working_days.toggle()
    dlg.working_days.toggle()  # back as it was
    _escape(qtbot, dlg.view)
    assert not dlg.isVisible() and not questions.asked


@pytest.mark.parametrize("answer", ["save", "discard", "cancel"])
def test_company_dialog_esc_asks(qtbot, services, questions, answer: str) -> None:  # type: ignore[no-untyped-def]
    from app.views.documents.company_dialog import CompanyDialog

    dlg = _show(qtbot, CompanyDialog(services=services))
    name = dlg.editors["name"]
    _type(qtbot, name, "ООО «Весы и гири»")
    questions.answer = answer
    _escape(qtbot, name)
    assert questions.asked == ["Реквизиты компании"]
    assert services.company.get().name == ("ООО «Весы и гири»" if answer == "save" else "")
    assert dlg.isVisible() is (answer == "cancel")
    if answer == "cancel":
        assert name.text() == "ООО «Весы и гири»"
        questions.answer = "discard"
        dlg.close()


@pytest.mark.parametrize(("answer", "intro"), [
    ("save", "intro classic. Скидка 5 % до пятницы"), ("discard", None), ("cancel", None)])
def test_offer_dialog_esc_after_typing_asks(qtbot, questions, answer: str,  # type: ignore[no-untyped-def]
                                            intro: str | None) -> None:
    from app.views.documents.offer_dialog import OfferOptionsDialog, ask_offer_options

    states: list[bool] = []

    def type_and_escape(dialog: EditorDialog) -> None:
        assert isinstance(dialog, OfferOptionsDialog)
        dialog.intro.moveCursor(dialog.intro.textCursor().MoveOperation.End)
        _type(qtbot, dialog.intro, ". Скидка 5 % до пятницы")
        questions.answer = answer
        _escape(qtbot, dialog.intro)
        states.append(dialog.isVisible())
        if dialog.isVisible():  # Отмена: still there with the text; now leave without it
            questions.answer = "discard"
            _escape(qtbot, dialog.intro)

    _in_modal_editor(type_and_escape)
    got = ask_offer_options(None, [("classic", "Классический")], "classic",
                            lambda t: f"intro {t}")
    assert states == [answer == "cancel"]
    assert (got.intro if got is not None else None) == intro


def test_untouched_offer_dialog_closes_without_asking(qtbot, questions) -> None:  # type: ignore[no-untyped-def]
    from app.views.documents.offer_dialog import ask_offer_options

    _in_modal_editor(lambda dialog: _escape(qtbot, dialog))
    assert ask_offer_options(None, [("classic", "Классический")], "classic",
                             lambda t: f"intro {t}") is None
    assert not questions.asked


# --- mentoring: trainee and checklist-item dialogs, the pages beside their lists -----------
START = date(2026, 3, 2)
TODAY = date(2026, 3, 17)


@pytest.fixture
def trainees(services: Services, deal_id: int) -> tuple[int, int]:
    """Two trainees; the first went with the manager to two meetings."""
    first = services.mentoring.save_trainee(None, name="Петров Иван", start_date=START)
    second = services.mentoring.save_trainee(None, name="Сидорова Анна", start_date=START)
    for day, subject in ((10, "Встреча на складе"), (12, "Презентация весов")):
        activity = services.activities.create(ActivityDraft(
            kind="meeting", subject=subject, deal_id=deal_id,
            due_at=datetime(2026, 3, day, 10, tzinfo=UTC)))
        services.mentoring.add_meeting(first, activity, "")
    return first, second


def _trainee(services: Services, trainee_id: int):  # type: ignore[no-untyped-def]
    return next(t for t in services.mentoring.trainees(TODAY) if t.id == trainee_id)


@pytest.fixture
def mentoring(qtbot, services: Services, trainees: tuple[int, int]):  # type: ignore[no-untyped-def]
    from app.views.mentoring import MentoringTab

    tab = MentoringTab(services=services, today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.resize(1300, 800)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


@pytest.mark.parametrize("answer", ["save", "discard", "cancel"])
def test_trainee_dialog_esc_asks(qtbot, services, trainees, questions, answer: str) -> None:  # type: ignore[no-untyped-def]
    from app.views.mentoring.trainees import TraineeDialog

    first = _trainee(services, trainees[0])
    dlg = _show(qtbot, TraineeDialog(services=services, trainee=first, today=TODAY))
    _type(qtbot, dlg.notes_edit, "Сильный в переговорах")
    questions.answer = answer
    _escape(qtbot, dlg.notes_edit)
    assert questions.asked == ["Петров Иван"]
    assert _trainee(services, first.id).notes == (
        "Сильный в переговорах" if answer == "save" else "")
    assert dlg.isVisible() is (answer == "cancel")
    if answer == "save":
        assert dlg.result() == QDialog.DialogCode.Accepted and dlg.saved_id == first.id
    if answer == "cancel":
        questions.answer = "discard"
        assert dlg.close()


def test_task_dialog_esc_asks_and_a_refused_save_stays(qtbot, services, trainees,  # type: ignore[no-untyped-def]
                                                      questions) -> None:
    from app.views.mentoring.checklist import TaskDialog

    services.mentoring.add_task(trainees[0], section="Продукт", title="Изучить каталог")
    task = services.mentoring.tasks(trainees[0], TODAY)[0]
    dlg = _show(qtbot, TaskDialog(services=services, task=task))
    dlg.title_edit.clear()
    questions.answer = "save"
    _escape(qtbot, dlg.title_edit)
    assert dlg.isVisible() and dlg.errors.shown()["title"] == "Введите название пункта"
    _type(qtbot, dlg.title_edit, "Изучить каталог весов")
    _escape(qtbot, dlg.title_edit)
    assert not dlg.isVisible() and len(questions.asked) == 2
    assert services.mentoring.tasks(trainees[0], TODAY)[0].title == "Изучить каталог весов"


@pytest.mark.parametrize("answer", ["save", "discard", "cancel"])
def test_template_editor_switching_template_asks(qtbot, services, mentoring, questions,  # type: ignore[no-untyped-def]
                                                 answer: str) -> None:
    page = mentoring.templates
    mentoring.pages.setCurrentWidget(page)
    original = page.current().id
    copy = services.mentoring.copy_template(original)
    page.refresh()
    before = services.mentoring.template(original).description
    assert page.current().id == original and page.description_edit.text() == before
    page.description_edit.end(False)
    _type(qtbot, page.description_edit, " для склада")
    questions.answer = answer
    _click_row(qtbot, page.list_view, page.list_model.find(lambda t: t.id == copy))
    qtbot.waitUntil(lambda: bool(questions.asked))
    assert questions.asked == ["Шаблон чек-листа «Адаптация менеджера по продажам»"]
    stored = services.mentoring.template(original).description
    assert stored == (before + " для склада" if answer == "save" else before)
    if answer == "cancel":
        assert page.current().id == original
        assert page.description_edit.text() == before + " для склада"
    else:
        assert page.current().id == copy and page.description_edit.text() == before


def test_template_editor_keeps_edits_when_the_tab_comes_back(qtbot, services, mentoring,  # type: ignore[no-untyped-def]
                                                             questions) -> None:
    page = mentoring.templates
    mentoring.pages.setCurrentWidget(page)
    page.description_edit.clear()
    _type(qtbot, page.description_edit, "Черновик")
    mentoring.pages.setCurrentWidget(mentoring.trainees)
    mentoring.pages.setCurrentWidget(page)  # refreshes the page
    assert page.description_edit.text() == "Черновик" and not questions.asked
    questions.answer = "cancel"
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.description_edit.text() == "Черновик" and len(questions.asked) == 1
    questions.answer = "discard"
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.name_edit.text() == "Новый шаблон" and page.description_edit.text() == ""


@pytest.mark.parametrize("answer", ["save", "discard", "cancel"])
def test_learning_record_switching_asks(qtbot, services, mentoring, questions,  # type: ignore[no-untyped-def]
                                        answer: str) -> None:
    for title, day in (("«СПИН-продажи»", 10), ("Курс по переговорам", 1)):
        services.mentoring.save_learning(None, kind="book", title=title,
                                         started_on=date(2026, 2, day))
    page = mentoring.learning
    mentoring.pages.setCurrentWidget(page)
    _click_row(qtbot, page.view, 0)
    assert page.title_edit.text() == "«СПИН-продажи»"
    _type(qtbot, page.takeaways_edit, "Задавать извлекающие вопросы")
    questions.answer = answer
    _click_row(qtbot, page.view, 1)
    qtbot.waitUntil(lambda: bool(questions.asked))
    takeaways = {r.title: r.takeaways for r in services.mentoring.learning_records()}
    assert takeaways["«СПИН-продажи»"] == (
        "Задавать извлекающие вопросы" if answer == "save" else "")
    assert page.title_edit.text() == (
        "«СПИН-продажи»" if answer == "cancel" else "Курс по переговорам")


@pytest.mark.parametrize("answer", ["save", "discard", "cancel"])
def test_meeting_feedback_switching_meeting_asks(qtbot, services, mentoring, trainees,  # type: ignore[no-untyped-def]
                                                 questions, answer: str) -> None:
    panel = mentoring.trainees.meetings
    mentoring.trainees.pages.setCurrentWidget(panel)
    assert mentoring.trainees.current().id == trainees[0] and panel.model.rowCount() == 2
    _click_row(qtbot, panel.view, 0)
    first = panel.model.row(0)
    _type(qtbot, panel.feedback_edit, "Хорошо выявил потребности")
    questions.answer = answer
    _click_row(qtbot, panel.view, 1)
    qtbot.waitUntil(lambda: bool(questions.asked))
    assert questions.asked == ["Отзыв о встрече"]
    feedback = {m.id: m.feedback for m in services.mentoring.meetings(trainees[0])}
    assert feedback[first.id] == ("Хорошо выявил потребности" if answer == "save" else "")
    assert panel.feedback_edit.toPlainText() == (
        "Хорошо выявил потребности" if answer == "cancel" else "")


@pytest.mark.parametrize("answer", ["save", "discard", "cancel"])
def test_conclusion_switching_trainee_asks(qtbot, services, mentoring, trainees,  # type: ignore[no-untyped-def]
                                           questions, answer: str) -> None:
    page = mentoring.trainees
    page.pages.setCurrentIndex(3)  # Заключение
    _type(qtbot, page.conclusion_edit, "Готов к самостоятельной работе")
    questions.answer = answer
    _click_row(qtbot, page.list_view, page.list_model.find(lambda t: t.id == trainees[1]))
    qtbot.waitUntil(lambda: bool(questions.asked))
    assert questions.asked == ["Заключение наставника"]
    assert _trainee(services, trainees[0]).conclusion == (
        "Готов к самостоятельной работе" if answer == "save" else "")
    assert page.current().id == (trainees[0] if answer == "cancel" else trainees[1])
    assert page.card.name_label.text() == (
        "Петров Иван" if answer == "cancel" else "Сидорова Анна")
    assert page.conclusion_edit.toPlainText() == (
        "Готов к самостоятельной работе" if answer == "cancel" else "")


def test_trainee_switch_asks_about_feedback_and_conclusion_in_turn(  # type: ignore[no-untyped-def]
        qtbot, services, mentoring, trainees, questions) -> None:
    page = mentoring.trainees
    panel = page.meetings
    _click_row(qtbot, panel.view, 0)
    first = panel.model.row(0)
    _type(qtbot, panel.feedback_edit, "Сам провёл презентацию")
    _type(qtbot, page.conclusion_edit, "Справляется")
    questions.answer = "save"
    _click_row(qtbot, page.list_view, page.list_model.find(lambda t: t.id == trainees[1]))
    qtbot.waitUntil(lambda: len(questions.asked) == 2)
    assert questions.asked == ["Отзыв о встрече", "Заключение наставника"]
    assert page.current().id == trainees[1] and panel.model.rowCount() == 0
    feedback = {m.id: m.feedback for m in services.mentoring.meetings(trainees[0])}
    assert feedback[first.id] == "Сам провёл презентацию"
    assert _trainee(services, trainees[0]).conclusion == "Справляется"


def test_quitting_asks_the_mentoring_pages(qtbot, services, trainees, window,  # type: ignore[no-untyped-def]
                                          questions) -> None:
    from app.views.mentoring import MentoringTab

    tab = window.show_tab("mentoring")
    assert isinstance(tab, MentoringTab)
    page = tab.trainees
    page.select_trainee(trainees[0])
    _type(qtbot, page.conclusion_edit, "Справляется")
    _type(qtbot, page.assessments.comment_edit, "уверенно")
    page.assessments.score_spin.setValue(4)
    questions.answer = "cancel"
    assert not window.close() and window.isVisible()
    assert len(questions.asked) == 1  # Отмена in the first question stops the quit
    assert page.conclusion_edit.toPlainText() == "Справляется"
    questions.asked.clear()
    questions.answer = "save"
    assert window.close() and not window.isVisible()
    assert sorted(questions.asked) == ["Заключение наставника", "Новая оценка"]
    assert _trainee(services, trainees[0]).conclusion == "Справляется"
    assert [(a.score, a.comment) for a in services.mentoring.assessments(trainees[0])] == [
        (4, "уверенно")]
