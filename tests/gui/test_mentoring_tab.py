"""The Наставничество tab: assign a template, tick items, progress, assessments, templates,
learning log — driven through the widgets."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from app.bootstrap import Services
from app.services.mentoring.defaults import DEFAULT_TEMPLATE_ITEMS
from app.views.mentoring import MentoringTab
from app.views.mentoring.checklist import to_qdate

START = date(2026, 3, 2)
TODAY = START + timedelta(days=15)


@pytest.fixture
def tab(qtbot, services: Services) -> MentoringTab:  # type: ignore[no-untyped-def]
    services.mentoring.save_trainee(None, name="Петров Иван", start_date=START)
    widget = MentoringTab(services=services, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    return widget


def _assign_default(qtbot, tab: MentoringTab) -> None:  # type: ignore[no-untyped-def]
    page = tab.trainees
    assert page.current() is not None and page.current().name == "Петров Иван"
    assert page.template_combo.currentIndex() == 0  # the built-in template
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)


def test_assign_template_tick_items_and_progress(qtbot, tab: MentoringTab,
                                                 qtmodeltester) -> None:  # type: ignore
    page = tab.trainees
    _assign_default(qtbot, tab)
    tasks = page.checklist.task_model.rows()
    assert len(tasks) == len(DEFAULT_TEMPLATE_ITEMS)
    assert tasks[0].due_on == START + timedelta(days=DEFAULT_TEMPLATE_ITEMS[0][3])
    qtmodeltester.check(page.checklist.task_model)
    qtmodeltester.check(page.checklist.section_model)
    qtmodeltester.check(page.list_model)
    assert page.card.progress_bar.value() == 0
    overdue = [t for t in tasks if t.overdue]
    assert overdue and all(t.due_on < TODAY for t in overdue)

    # Tick the first item with its check box.
    model = page.checklist.task_model
    row = model.find(lambda t: t.id == tasks[0].id)
    model.setData(model.index(row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert page.card.progress_bar.value() == round(100 / len(DEFAULT_TEMPLATE_ITEMS))
    first_section = page.checklist.section_model.row_at(0)
    first_total = sum(1 for s, *_ in DEFAULT_TEMPLATE_ITEMS if s == first_section.section)
    assert (first_section.done, first_section.total) == (1, first_total)

    # Tick the second with a date and the mentor's comment through the form.
    page.checklist.select_task(tasks[1].id)
    page.checklist.done_date.setDate(to_qdate(START + timedelta(days=3)))
    page.checklist.comment_edit.setText("Разобрали регламент скидок")
    qtbot.mouseClick(page.checklist.done_button, Qt.MouseButton.LeftButton)
    ticked = next(t for t in page.checklist.task_model.rows() if t.id == tasks[1].id)
    assert ticked.done_on == START + timedelta(days=3)
    assert ticked.mentor_comment == "Разобрали регламент скидок"
    assert page.card.progress_bar.value() == round(200 / len(DEFAULT_TEMPLATE_ITEMS))
    assert page.checklist.section_model.row_at(0).done == 2
    assert page.list_model.row_at(0).tasks_done == 2

    # A done date before the start is refused next to the date field.
    page.checklist.done_date.setDate(to_qdate(START - timedelta(days=1)))
    qtbot.mouseClick(page.checklist.done_button, Qt.MouseButton.LeftButton)
    error = page.checklist._errors.label("done_on")
    assert error.isVisible() and "раньше начала" in error.text()


def test_personal_item_and_reorder(qtbot, tab: MentoringTab) -> None:  # type: ignore
    page = tab.trainees
    _assign_default(qtbot, tab)
    panel = page.checklist
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel._add_errors.label("title").isVisible()  # empty title
    panel.new_section.setCurrentText("Продукт")
    panel.new_title.setText("Выучить спецификации стеллажей")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert not panel._add_errors.label("title").isVisible()
    titles = [t.title for t in panel.task_model.rows() if t.section == "Продукт"]
    assert titles[-1] == "Выучить спецификации стеллажей"
    assert panel.current_task().title == "Выучить спецификации стеллажей"
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)
    titles = [t.title for t in panel.task_model.rows() if t.section == "Продукт"]
    assert titles[1] == "Выучить спецификации стеллажей"


def test_add_assessment_with_range_message(qtbot, tab: MentoringTab,
                                           qtmodeltester) -> None:  # type: ignore
    panel = tab.trainees.assessments
    tab.trainees.pages.setCurrentWidget(panel)
    panel.date_edit.setDate(to_qdate(TODAY))
    panel.skill_combo.setCurrentIndex(2)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)  # score not chosen (0)
    error = panel._errors.label("score")
    assert error.isVisible() and error.text() == "Оценка должна быть от 1 до 5"
    assert panel.model.rowCount() == 0
    panel.score_spin.setValue(4)
    panel.comment_edit.setText("Уверенно отвечает на «дорого»")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert not error.isVisible()
    assert panel.model.rowCount() == 1
    row = panel.model.row_at(0)
    assert (row.skill, row.score, row.assessed_on) == ("objection_handling", 4, TODAY)
    assert panel.chart.series["objection_handling"] == [(TODAY, 4)]
    qtmodeltester.check(panel.model)


def test_template_editor_messages_and_delete_in_use(qtbot, tab: MentoringTab,
                                                    monkeypatch) -> None:  # type: ignore
    _assign_default(qtbot, tab)
    tab.pages.setCurrentWidget(tab.templates)
    page = tab.templates
    assert page.current() is not None and page.current().trainees == 1
    model = page.items_model
    model.setData(model.index(0, 1), "   ")
    model.setData(model.index(1, 3), "-2")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.items_error.isVisible()
    assert "Строка 1: пустой пункт" in page.items_error.text()
    assert "Строка 2: срок не может быть отрицательным" in page.items_error.text()
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)

    # Copy, then delete the original in use: asked, and the trainee keeps the tasks.
    qtbot.mouseClick(page.revert_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert page.list_model.rowCount() == 2
    asked: list[str] = []
    monkeypatch.setattr("app.views.dialogs.confirm",
                        lambda parent, title, text: asked.append(text) or True)
    original = page.list_model.find(lambda t: t.is_default)
    page.list_view.selectRow(original)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert asked and "останутся" in asked[0]
    assert page.list_model.rowCount() == 1
    tab.pages.setCurrentWidget(tab.trainees)
    assert len(tab.trainees.checklist.task_model.rows()) == len(DEFAULT_TEMPLATE_ITEMS)


def test_trainee_dialog_validates_name(qtbot, tab: MentoringTab) -> None:  # type: ignore
    from app.views.mentoring.trainees import TraineeDialog

    dialog = TraineeDialog(services=tab._services, trainee=None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.errors.label("name").text() == "Введите имя стажёра"
    dialog.name_edit.setText("Сидорова Анна")
    dialog.accept()
    assert dialog.saved_id is not None
    tab.trainees.refresh()
    assert tab.trainees.list_model.rowCount() == 2


def test_learning_log(qtbot, tab: MentoringTab, qtmodeltester) -> None:  # type: ignore
    tab.pages.setCurrentWidget(tab.learning)
    page = tab.learning
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.errors.label("title").isVisible()
    page.title_edit.setText("«СПИН-продажи», Н. Рекхэм")
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("book"))
    page.status_combo.setCurrentIndex(page.status_combo.findData("done"))
    page.start_edit.setDate(to_qdate(date(2026, 1, 10)))
    page.finished_check.setChecked(True)
    page.finish_edit.setDate(to_qdate(date(2026, 2, 1)))
    page.hours_edit.setText("12,5")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 1
    assert page.quarter_model.rowCount() == 1
    assert page.quarter_model.data(page.quarter_model.index(0, 1)) == "12,5"
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.quarter_model)


def test_report_button_opens_preview(qtbot, tab: MentoringTab, monkeypatch) -> None:  # type: ignore
    shown: list[tuple[bytes, str]] = []
    monkeypatch.setattr("app.views.documents.preview.show_pdf",
                        lambda parent, pdf, *, title, filename, **kw: shown.append((pdf, title)))
    qtbot.mouseClick(tab.trainees.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    pdf, title = shown[0]
    assert pdf.startswith(b"%PDF") and "Петров Иван" in title


def test_template_export_and_import(qtbot, tab: MentoringTab, monkeypatch,
                                    tmp_path) -> None:  # type: ignore
    tab.pages.setCurrentWidget(tab.templates)
    page = tab.templates
    target = tmp_path / "шаблон.json"
    monkeypatch.setattr("app.views.dialogs.ask_save_path", lambda *a: str(target))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert target.exists() and "Экскурсия по офису" in target.read_text(encoding="utf-8")
    monkeypatch.setattr("app.views.dialogs.ask_open_path", lambda *a: str(target))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.list_model.rowCount() == 2
    assert page.current().name.endswith("(2)")
    assert page.current().items == len(DEFAULT_TEMPLATE_ITEMS)
    errors: list[str] = []
    monkeypatch.setattr("app.views.dialogs.show_error",
                        lambda parent, text, *a: errors.append(text))
    target.write_text("{broken", encoding="utf-8")
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert errors and "JSON" in errors[0]


def test_accompanied_meeting_with_feedback(qtbot, demo_services: Services) -> None:  # type: ignore
    tab = MentoringTab(services=demo_services)
    qtbot.addWidget(tab)
    panel = tab.trainees.meetings
    tab.trainees.pages.setCurrentWidget(panel)
    before = panel.model.rowCount()
    assert panel.choice_model.rowCount() > 0
    panel.choice_combo.setCurrentIndex(0)
    panel.new_feedback.setPlainText("Стажёр сам провёл презентацию")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == before + 1
    row = panel.model.find(lambda m: m.feedback == "Стажёр сам провёл презентацию")
    panel.view.selectRow(row)
    panel.feedback_edit.setPlainText("Отлично выявил потребности")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert any(m.feedback == "Отлично выявил потребности" for m in panel.model.rows())


def test_new_trainee_from_dialog_becomes_current(qtbot, tab: MentoringTab,
                                                 monkeypatch) -> None:  # type: ignore
    from PySide6.QtWidgets import QDialog

    from app.views.mentoring.trainees import TraineeDialog

    _assign_default(qtbot, tab)

    def fill_and_accept(dialog: TraineeDialog) -> QDialog.DialogCode:
        dialog.name_edit.setText("Сидорова Анна")
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TraineeDialog, "exec", fill_and_accept)
    qtbot.mouseClick(tab.trainees.new_button, Qt.MouseButton.LeftButton)
    assert tab.trainees.current().name == "Сидорова Анна"
    assert tab.trainees.card.name_label.text() == "Сидорова Анна"
    assert tab.trainees.checklist.task_model.rowCount() == 0  # not the previous trainee's


def test_edit_task_title_and_due(qtbot, tab: MentoringTab, monkeypatch) -> None:  # type: ignore
    from PySide6.QtWidgets import QDialog

    from app.views.mentoring.checklist import TaskDialog

    _assign_default(qtbot, tab)
    panel = tab.trainees.checklist
    task = panel.task_model.rows()[0]
    panel.select_task(task.id)
    seen: list[str] = []

    def edit(dialog: TaskDialog) -> QDialog.DialogCode:
        dialog.title_edit.setText(" ")
        dialog.accept()  # refused: the message stays next to the field
        seen.append(dialog.errors.label("title").text())
        dialog.title_edit.setText("Доступы в SalesDesk и к телефонии")
        dialog.due_edit.setDate(to_qdate(START + timedelta(days=2)))
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TaskDialog, "exec", edit)
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    assert seen == ["Введите название пункта"]
    edited = next(t for t in panel.task_model.rows() if t.id == task.id)
    assert edited.title == "Доступы в SalesDesk и к телефонии"
    assert edited.due_on == START + timedelta(days=2)
    assert panel.current_task().id == task.id
