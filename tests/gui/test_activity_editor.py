"""The activity editor, the completion dialog and the call log, driven like a user (keys and
clicks); what they stored is read back through ActivitiesService."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.bootstrap import Services
from app.services.activities import ActivityDraft
from app.views.activities.call_log import CallLogDialog
from app.views.activities.complete import CompletionDialog
from app.views.activities.editor import ActivityEditor, next_half_hour
from tests.gui._activity_helpers import click as _click
from tests.gui._activity_helpers import make_client, make_deal
from tests.gui._activity_helpers import show_active as _show
from tests.gui.test_unsaved_changes import Questions, _type, questions  # noqa: F401 - fixture


def _save_button(dialog: QDialog):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    return next(b for b in dialog.findChildren(QPushButton) if b.objectName() == "primary")


def _local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone()


@pytest.fixture
def client(services: Services) -> tuple[int, int, int]:
    return make_client(services)


def _editor(qtbot, services: Services, **context) -> ActivityEditor:  # type: ignore[no-untyped-def]
    return _show(qtbot, ActivityEditor(services=services, **context))  # type: ignore[return-value]


# --- the editor ---------------------------------------------------------------------------
@pytest.mark.parametrize(("now", "expected"), [
    ((10, 7), (10, 30)), ((10, 30), (11, 0)), ((10, 0), (10, 30)), ((10, 59), (11, 0)),
])
def test_the_default_start_is_the_next_round_half_hour(now, expected) -> None:  # type: ignore[no-untyped-def]
    day = date(2026, 12, 2)
    assert next_half_hour(_local(day, *now)) == _local(day, *expected)


def test_the_default_start_after_half_past_eleven_is_midnight_of_the_next_day() -> None:
    assert next_half_hour(_local(date(2026, 12, 31), 23, 45)) == _local(date(2027, 1, 1), 0)


def test_a_call_for_the_client_is_stored_with_the_time_shown(qtbot, services, client) -> None:  # type: ignore[no-untyped-def]
    client_id, anna, _boris = client
    before = datetime.now().astimezone()
    editor = _editor(qtbot, services, client_id=client_id)
    after = datetime.now().astimezone()
    assert editor.client_picker.text() == "ООО «Ромашка»"
    assert editor.contact_combo.currentData() == anna  # the primary contact
    shown = editor.due_edit.dateTime()
    assert shown.time().minute() in (0, 30) and shown.time().second() == 0
    _type(qtbot, editor.subject_edit, "Уточнить объём")
    _click(qtbot, _save_button(editor))
    assert editor.result() == QDialog.DialogCode.Accepted
    [stored] = services.activities.for_client(client_id)
    assert stored.id == editor.saved_id and stored.kind == "call"
    assert stored.subject == "Уточнить объём" and stored.contact_id == anna
    base = before.replace(minute=0, second=0, microsecond=0)
    expected = {base + timedelta(minutes=m) for m in (30, 60, 90)
                if before < base + timedelta(minutes=m) <= after + timedelta(minutes=30)}
    assert stored.due_at in expected
    assert stored.remind_before_min == 0  # a call reminds at its start


def test_fields_that_do_not_apply_to_the_kind_are_hidden(qtbot, services, client) -> None:  # type: ignore[no-untyped-def]
    editor = _editor(qtbot, services, client_id=client[0])
    def shown(w) -> bool:  # type: ignore[no-untyped-def]
        return w.isVisibleTo(editor)
    assert not shown(editor.duration_spin) and not shown(editor.place_edit)
    assert not shown(editor.materials_box) and shown(editor.due_edit)
    for kind, meeting, materials, timed in (("meeting", True, False, True),
                                            ("presentation", True, True, True),
                                            ("email", False, False, True),
                                            ("note", False, False, False)):
        editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(kind))
        assert shown(editor.duration_spin) is meeting and shown(editor.place_edit) is meeting
        assert shown(editor.materials_box) is materials
        assert shown(editor.due_edit) is timed and shown(editor.remind_combo) is timed
    editor.close_discarding()


def test_the_reminder_follows_the_kind_until_the_user_picks_one(qtbot, services, client) -> None:  # type: ignore[no-untyped-def]
    editor = _editor(qtbot, services, client_id=client[0])
    assert editor.remind_combo.currentData() == 0
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData("meeting"))
    assert editor.remind_combo.currentData() == 15
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData("email"))
    assert editor.remind_combo.currentData() == -1  # no reminder for an e-mail
    editor.remind_combo.setFocus()
    qtbot.keyClick(editor.remind_combo, Qt.Key.Key_Down)  # «в момент начала»
    assert editor.remind_combo.currentData() == 0
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData("meeting"))
    assert editor.remind_combo.currentData() == 0  # the user's choice stays
    editor.close_discarding()


def test_a_meeting_for_a_deal_takes_the_deal_client_and_its_length(qtbot, services, client) -> None:  # type: ignore[no-untyped-def]
    client_id, _anna, boris = client
    deal_id = make_deal(services, client_id, boris)
    start = _local(date.today() + timedelta(days=2), 15)
    editor = _editor(qtbot, services, kind="meeting", deal_id=deal_id, contact_id=boris,
                     due_at=start)
    assert editor.client_picker.client_id() == client_id
    assert editor.deal_combo.currentData() == deal_id
    assert editor.contact_combo.currentData() == boris
    _type(qtbot, editor.subject_edit, "Встреча на складе")
    _type(qtbot, editor.place_edit, "Склад, Подольск")
    editor.duration_spin.setValue(90)
    _click(qtbot, _save_button(editor))
    [stored] = services.activities.for_deal(deal_id)
    assert (stored.kind, stored.client_id, stored.contact_id) == ("meeting", client_id, boris)
    assert stored.due_at == start and stored.duration_min == 90
    assert stored.place == "Склад, Подольск" and stored.remind_before_min == 15
    assert stored.remind_at == start - timedelta(minutes=15)


def test_bad_input_is_shown_next_to_its_field_and_nothing_is_saved(qtbot, services, client) -> None:  # type: ignore[no-untyped-def]
    editor = _editor(qtbot, services)  # no client
    _click(qtbot, _save_button(editor))
    shown = editor.errors.shown()
    assert shown["subject"] == "Опишите, что нужно сделать"
    assert "Выберите клиента" in shown["client_id"]
    assert editor.isVisible() and editor.result() != QDialog.DialogCode.Accepted
    # a name typed but never picked from the list is not a client
    _type(qtbot, editor.client_picker, "Ромаш")
    _type(qtbot, editor.subject_edit, "Позвонить")
    _click(qtbot, _save_button(editor))
    assert "Выберите клиента из списка" in editor.errors.shown()["client_id"]
    assert editor.subject_edit.text() == "Позвонить"  # nothing typed is lost
    editor.choose_client(client[0])
    # a repeat rule with a 0 interval
    editor.repeat_check.setChecked(True)
    editor.repeat_spin.setValue(0)
    _click(qtbot, _save_button(editor))
    assert editor.errors.shown() == {"repeat_every": "Интервал повторения — не меньше 1"}
    editor.repeat_check.setChecked(False)
    # a reminder that would have fired already
    editor.due_edit.setDateTime(editor.due_edit.dateTime().addDays(-2))
    editor.remind_combo.setCurrentIndex(editor.remind_combo.findData(15))
    _click(qtbot, _save_button(editor))
    assert editor.errors.shown() == {"remind_before_min": "Напоминание уже в прошлом"}
    assert services.activities.for_client(client[0]) == []
    editor.close_discarding()


def test_a_personal_task_needs_no_client(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    editor = _editor(qtbot, services, kind="task")
    _type(qtbot, editor.subject_edit, "Подготовить отчёт")
    _click(qtbot, _save_button(editor))
    stored = services.activities.get(editor.saved_id)
    assert stored.kind == "task" and stored.client_id is None


def test_materials_are_stored_and_a_missing_file_is_marked(qtbot, services, client, tmp_path,  # type: ignore[no-untyped-def]
                                                           monkeypatch) -> None:
    from PySide6.QtGui import QDesktopServices

    from app.views import dialogs

    opened: list[str] = []
    errors: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    monkeypatch.setattr(dialogs, "show_error", lambda parent, text, title=None: errors.append(text))
    slides = tmp_path / "Презентация.pdf"
    slides.write_bytes(b"%PDF-1.4")
    gone = tmp_path / "Прайс.xlsx"
    gone.write_bytes(b"x")
    editor = _editor(qtbot, services, kind="presentation", client_id=client[0],
                     due_at=_local(date.today() + timedelta(days=3), 11))
    _type(qtbot, editor.subject_edit, "Презентация весов")
    monkeypatch.setattr(dialogs, "ask_open_paths", lambda parent, title, filters: [
        str(slides), str(gone)])
    _click(qtbot, editor.add_material_button)
    _click(qtbot, editor.add_material_button)  # the same files again: listed once
    _click(qtbot, _save_button(editor))
    gone.unlink()
    reopened = _editor(qtbot, services, activity_id=editor.saved_id)
    model = reopened.materials_model
    assert [(Path(m.path).name, m.exists) for m in model.rows()] == [
        ("Презентация.pdf", True), ("Прайс.xlsx", False)]
    assert model.index(1, 2).data() == "файл не найден"
    assert model.index(0, 2).data() == ""
    assert reopened.open_material(0) and opened == [str(slides)]
    assert not reopened.open_material(1) and opened == [str(slides)]
    assert errors == [f"Файл не найден: {gone}"]
    stored = services.activities.get(editor.saved_id)
    assert [(Path(m.path).name, m.exists) for m in stored.materials] == [
        ("Презентация.pdf", True), ("Прайс.xlsx", False)]


@pytest.mark.parametrize("answer", ["save", "discard"])
def test_esc_with_edits_asks(qtbot, services, client, questions: Questions,  # type: ignore[no-untyped-def]  # noqa: F811
                             answer: str) -> None:
    editor = _editor(qtbot, services, client_id=client[0])
    _type(qtbot, editor.subject_edit, "Позвонить")
    questions.answer = "cancel"
    qtbot.keyClick(editor.subject_edit, Qt.Key.Key_Escape)
    assert questions.asked == ["Новое дело"] and editor.isVisible()
    questions.answer = answer
    qtbot.keyClick(editor.subject_edit, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert [a.subject for a in services.activities.for_client(client[0])] == (
        ["Позвонить"] if answer == "save" else [])


# --- completing ---------------------------------------------------------------------------
def _planned(services: Services, client_id: int, kind: str = "call", **extra) -> int:  # type: ignore[no-untyped-def]
    due = extra.pop("due_at", _local(date.today() + timedelta(days=1), 12))
    return services.activities.create(ActivityDraft(
        kind=kind, subject="Уточнить объём", client_id=client_id, due_at=due, **extra))


def _completion(qtbot, services: Services, activity_id: int) -> CompletionDialog:  # type: ignore[no-untyped-def]
    return _show(qtbot, CompletionDialog(services=services, activity_id=activity_id))  # type: ignore[return-value]


def test_complete_a_call_with_its_outcome_and_the_next_step(qtbot, services, client) -> None:  # type: ignore[no-untyped-def]
    client_id, anna, _boris = client
    deal_id = make_deal(services, client_id, anna)
    call = _planned(services, client_id, deal_id=deal_id, contact_id=anna)
    dialog = _completion(qtbot, services, call)
    qtbot.keyClick(dialog, Qt.Key.Key_4)  # «Просил перезвонить»
    assert dialog.results.value() == "call_back"
    _type(qtbot, dialog.outcome_edit, "Просил перезвонить после планёрки")
    dialog.next_subject_edit.clear()
    _type(qtbot, dialog.next_subject_edit, "Перезвонить после планёрки")
    _click(qtbot, dialog.quick_buttons[3])  # «Через 3 дня»
    _click(qtbot, _save_button(dialog))
    assert dialog.result() == QDialog.DialogCode.Accepted
    done = services.activities.get(call)
    assert done.done and done.result == "call_back"
    assert done.outcome == "Просил перезвонить после планёрки"
    assert done.next_activity_id is not None and done.next_activity_id == dialog.next_id
    nxt = services.activities.get(done.next_activity_id)
    assert (nxt.kind, nxt.subject, nxt.done) == ("call", "Перезвонить после планёрки", False)
    assert nxt.due_at == _local(date.today() + timedelta(days=3), 10)
    assert (nxt.client_id, nxt.contact_id, nxt.deal_id) == (client_id, anna, deal_id)


def test_no_next_step_needs_a_reason(qtbot, services, client) -> None:  # type: ignore[no-untyped-def]
    call = _planned(services, client[0])
    dialog = _completion(qtbot, services, call)
    qtbot.keyClick(dialog, Qt.Key.Key_1)
    _click(qtbot, dialog.none_radio)
    _click(qtbot, _save_button(dialog))
    assert dialog.errors.shown() == {
        "no_next_reason": "Запланируйте следующий шаг или укажите, почему его нет"}
    assert dialog.isVisible() and not services.activities.get(call).done
    _type(qtbot, dialog.reason_edit, "Клиент купил у конкурента")
    _click(qtbot, _save_button(dialog))
    done = services.activities.get(call)
    assert done.done and done.result == "reached" and done.next_activity_id is None
    assert done.no_next_reason == "Клиент купил у конкурента"
    assert [a.id for a in services.activities.for_client(client[0])] == [call]


def test_a_result_must_be_picked_and_a_refused_next_step_keeps_the_dialog(qtbot, services,  # type: ignore[no-untyped-def]
                                                                        client) -> None:
    call = _planned(services, client[0])
    dialog = _completion(qtbot, services, call)
    _click(qtbot, _save_button(dialog))
    assert dialog.errors.shown() == {"result": "Выберите результат (цифры 1–6)"}
    qtbot.keyClick(dialog, Qt.Key.Key_2)
    dialog.next_subject_edit.clear()  # the service refuses a next step with no subject
    _click(qtbot, _save_button(dialog))
    assert dialog.errors.shown() == {"next.subject": "Опишите, что нужно сделать"}
    assert dialog.isVisible() and not services.activities.get(call).done
    assert len(services.activities.for_client(client[0])) == 1
    dialog.close_discarding()


def test_a_meeting_records_the_client_reaction(qtbot, services, client) -> None:  # type: ignore[no-untyped-def]
    meeting = _planned(services, client[0], kind="meeting", duration_min=60)
    dialog = _completion(qtbot, services, meeting)
    assert [b.text() for b in dialog.results.buttons] == [
        "1   Состоялась", "2   Перенесена", "3   Отменено"]
    assert dialog.reaction_combo.isVisibleTo(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_1)
    dialog.reaction_combo.setCurrentIndex(dialog.reaction_combo.findData("positive"))
    _click(qtbot, dialog.none_radio)
    _type(qtbot, dialog.reason_edit, "Ждём решения совета директоров")
    _click(qtbot, _save_button(dialog))
    done = services.activities.get(meeting)
    assert (done.result, done.reaction) == ("held", "positive")


def test_a_recurring_call_names_its_next_occurrence(qtbot, services, client) -> None:  # type: ignore[no-untyped-def]
    start = _local(date(2027, 1, 29), 10)  # + 1 month: 28.02.2027, clamped to the month's end
    call = _planned(services, client[0], due_at=start, repeat_every=1, repeat_unit="month")
    dialog = _completion(qtbot, services, call)
    assert dialog.recurring_label.text() == "Следующий звонок: 28.02.2027 10:00"
    assert not dialog.next_radio.isVisibleTo(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_1)
    _click(qtbot, _save_button(dialog))
    done = services.activities.get(call)
    assert done.done and done.next_activity_id is not None
    nxt = services.activities.get(done.next_activity_id)
    assert nxt.due_at == _local(date(2027, 2, 28), 10) and not nxt.done
    assert (nxt.repeat_every, nxt.repeat_unit) == (1, "month")


# --- the call log -------------------------------------------------------------------------
def test_the_call_log_takes_two_keystrokes(qtbot, services, client) -> None:  # type: ignore[no-untyped-def]
    client_id, anna, _boris = client
    dialog = _show(qtbot, CallLogDialog(services=services, client_id=client_id))
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_2)  # «Не ответил»
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    [call] = services.activities.for_client(client_id)
    assert call.id == dialog.saved_id and call.done and call.kind == "call"
    assert (call.result, call.contact_id, call.duration_min) == ("no_answer", anna, None)


def test_the_call_log_keeps_duration_and_note(qtbot, services, client) -> None:  # type: ignore[no-untyped-def]
    client_id, _anna, boris = client
    deal_id = make_deal(services, client_id)
    dialog = _show(qtbot, CallLogDialog(services=services, client_id=client_id,
                                        contact_id=boris, deal_id=deal_id))
    qtbot.keyClick(dialog, Qt.Key.Key_1)
    dialog.duration_spin.setValue(7)
    _type(qtbot, dialog.note_edit, "Готовы к встрече")
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)
    [call] = services.activities.for_deal(deal_id)
    assert (call.result, call.contact_id, call.duration_min, call.outcome) == (
        "reached", boris, 7, "Готовы к встрече")


def test_the_call_log_without_a_result_says_so(qtbot, services, client) -> None:  # type: ignore[no-untyped-def]
    dialog = _show(qtbot, CallLogDialog(services=services, client_id=client[0]))
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    assert dialog.errors.shown() == {"result": "Выберите результат (цифры 1–6)"}
    assert dialog.isVisible() and services.activities.for_client(client[0]) == []
