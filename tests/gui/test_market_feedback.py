"""Complaints and satisfaction driven like a user (issue 16): a complaint with a corrective
task through the editor and the task marked done; a refusal shown next to its field; an NPS
score through «Оценка…»; the overdue complaint on the Today tab opening its editor; the
post-sale follow-up proposing a score."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog

from app.bootstrap import Services
from app.services.activities import ActivityDraft
from app.services.market.feedback import ComplaintDraft, ScoreDraft
from app.views import dialogs
from app.views.activities.complete import CompletionDialog
from app.views.market import feedback as feedback_views
from app.views.market.feedback import (
    ComplaintEditor,
    ComplaintsPage,
    SatisfactionPage,
    ScoreDialog,
)
from app.views.today import TodayTab
from tests.gui._activity_helpers import ModalDriver, click, make_client, make_deal, show_active

TODAY = date.today()


@pytest.fixture(autouse=True)
def _no_error_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, text, title=None: shown.append(
        text))
    return shown


@pytest.fixture
def driver() -> ModalDriver:
    return ModalDriver()


def _complaint(services: Services, client_id: int, **changes: object) -> int:
    fields: dict[str, object] = dict(client_id=client_id, category="delivery",
                                     description="Опоздала отгрузка",
                                     opened_on=TODAY - timedelta(days=10))
    fields.update(changes)
    return services.market.save_complaint(ComplaintDraft(**fields))  # type: ignore[arg-type]


def test_a_complaint_with_a_corrective_task_tracked_to_done(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    client_id, _anna, _boris = make_client(services)
    editor = show_active(qtbot, ComplaintEditor(services=services, today=TODAY))
    editor.set_client(client_id)
    editor.category_combo.setCurrentIndex(editor.category_combo.findData("quality"))
    editor.description_edit.setPlainText("Трещина на корпусе весов")
    editor.due_edit.setDate(QDate(TODAY.year, TODAY.month, TODAY.day).addDays(7))
    editor.responsible_edit.setText("Орлова М. С.")
    editor.task_subject_edit.setText("Заменить весы по гарантии")
    click(qtbot, editor.add_task_button)
    # the new complaint was saved first, the task belongs to it and it is now in work
    assert editor.saved_id is not None and editor.complaint_id == editor.saved_id
    [task] = editor.tasks_model.rows()
    assert (task.subject, task.done) == ("Заменить весы по гарантии", False)
    assert editor.status_combo.currentData() == "in_progress"
    assert editor.task_subject_edit.text() == ""
    editor.tasks_view.selectRow(0)
    click(qtbot, editor.done_button)
    [task] = editor.tasks_model.rows()
    assert task.done and not editor.done_button.isEnabled()
    assert editor.tasks_note.text() == "Выполнено 1 из 1"
    # resolved with its cost, then saved
    editor.status_combo.setCurrentIndex(editor.status_combo.findData("resolved"))
    editor.resolution_edit.setPlainText("Заменили весы")
    editor.cost_edit.setText("4 500,50")
    assert editor.save()
    assert editor.result() == QDialog.DialogCode.Accepted
    saved = services.market.get_complaint(editor.saved_id)
    assert (saved.client_id, saved.category, saved.description, saved.status,
            saved.responsible, saved.resolution_cost, saved.resolved_on) == (
        client_id, "quality", "Трещина на корпусе весов", "resolved", "Орлова М. С.",
        Decimal("4500.50"), TODAY)
    assert [(t.subject, t.done) for t in saved.tasks] == [("Заменить весы по гарантии", True)]
    assert services.activities.get(task.id).complaint_id == saved.id


def test_a_due_date_before_the_opening_is_shown_next_to_it(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    client_id, _anna, _boris = make_client(services)
    editor = show_active(qtbot, ComplaintEditor(services=services, client_id=None, today=TODAY))
    editor.set_client(client_id)
    editor.description_edit.setPlainText("Нет УПД")
    editor.due_edit.setDate(QDate(TODAY.year, TODAY.month, TODAY.day).addDays(-3))
    editor.cost_edit.setText("-100")
    assert not editor.save()
    assert editor.isVisible()
    assert editor.errors.label("due_on").text().startswith(
        "Срок не может быть раньше даты рекламации")
    assert editor.errors.label("resolution_cost").text() == (
        "Стоимость не может быть отрицательной")
    assert editor.errors.label("description").isHidden()
    assert services.market.list_complaints() == []
    editor.close_discarding()


def test_the_list_filters_and_marks_the_overdue(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    client_id, _anna, _boris = make_client(services)
    late = _complaint(services, client_id, due_on=TODAY - timedelta(days=2))
    _complaint(services, client_id, due_on=TODAY + timedelta(days=2), category="documents")
    page = show_active(qtbot, ComplaintsPage(services, today=TODAY))
    assert page.model.row(0).id == late
    assert page.summary.text() == "2 рекламации · просрочено: 1"
    assert page.model.data(page.model.index(0, 5)).endswith("просрочена")
    page.overdue_check.setChecked(True)
    assert [r.id for r in page.model.rows()] == [late]
    assert page.empty_hint.isHidden()
    page.status_combo.setCurrentIndex(page.status_combo.findData("resolved"))
    assert page.model.rowCount() == 0 and not page.empty_hint.isHidden()


def test_an_nps_score_through_the_dialog(qtbot, services, driver) -> None:  # type: ignore[no-untyped-def]
    client_id, _anna, _boris = make_client(services)
    _complaint(services, client_id, description="Опоздала отгрузка")
    services.market.record_score(ScoreDraft(client_id=client_id, kind="nps", score=10,
                                            scored_on=TODAY))
    page = show_active(qtbot, SatisfactionPage(services, today=TODAY))
    assert page.summary is not None and page.summary.nps == 100

    def score(dialog: ScoreDialog) -> None:
        dialog.client_picker.set_client(client_id)
        assert dialog.score_spin.maximum() == 10
        dialog.score_spin.setValue(3)
        dialog.comment_edit.setPlainText("Долго везли")
        click(qtbot, next(b for b in dialog.findChildren(type(page.score_button))
                          if b.objectName() == "primary"))
        assert dialog.result() == QDialog.DialogCode.Accepted

    driver.on_next(ScoreDialog, score)
    click(qtbot, page.score_button)
    driver.check()
    # 10 and 3: one promoter, one detractor → NPS 0; the detractor with the last complaint
    s = page.summary
    assert (s.responses, s.promoters, s.detractors, s.nps) == (2, 1, 1, 0)
    assert page.nps_card[1].text() == "0,0"
    [detractor] = page.detractors_model.rows()
    assert detractor.score == 3 and detractor.comment == "Долго везли"
    assert page.detractors_model.data(page.detractors_model.index(0, 5)).endswith(
        "Опоздала отгрузка")
    assert page.scores_model.rowCount() == 2


def test_csat_limits_the_score_and_a_refusal_keeps_the_dialog(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    dialog = show_active(qtbot, ScoreDialog(services=services, today=TODAY))
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("csat"))
    assert (dialog.score_spin.minimum(), dialog.score_spin.maximum()) == (1, 5)
    assert not dialog.save()  # no client chosen
    assert dialog.isVisible() and services.market.list_scores() == []
    dialog.close_discarding()


def test_an_overdue_complaint_on_the_today_tab_opens_its_editor(qtbot, services,  # type: ignore[no-untyped-def]
                                                                driver) -> None:
    client_id, _anna, _boris = make_client(services)
    late = _complaint(services, client_id, due_on=TODAY - timedelta(days=3))
    tab = TodayTab(services=services)
    tab.resize(1366, 700)
    show_active(qtbot, tab)
    qtbot.waitUntil(tab.is_filled)
    [item] = tab.model.section_items("complaints")
    assert (item.kind, item.ident, item.overdue) == ("complaint", late, True)
    assert "просрочено на 3 дн." in item.detail

    def resolve(editor: ComplaintEditor) -> None:
        assert editor.complaint_id == late
        assert editor.heading.text().endswith("просрочена")
        editor.status_combo.setCurrentIndex(editor.status_combo.findData("resolved"))
        editor.resolution_edit.setPlainText("Отгрузили с курьером")
        assert editor.save()

    driver.on_next(ComplaintEditor, resolve)
    tab.open_item(item)
    driver.check()
    assert tab.model.section_items("complaints") == []  # resolved: no longer overdue


def test_a_post_sale_follow_up_proposes_a_score(qtbot, services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    client_id, anna, _boris = make_client(services)
    deal_id = make_deal(services, client_id, anna)
    draft = services.activities.follow_up_draft(deal_id)
    follow_up = services.activities.create(draft)
    asked: list[tuple[int, int | None]] = []
    monkeypatch.setattr(feedback_views, "propose_score",
                        lambda svc, proposal, parent=None: asked.append(
                            (proposal.client_id, proposal.deal_id)))
    dialog = show_active(qtbot, CompletionDialog(services=services, activity_id=follow_up))
    assert dialog.score_check.isVisibleTo(dialog) and dialog.score_check.isChecked()
    dialog.results.choose("reached")
    dialog.none_radio.setChecked(True)
    dialog.reason_edit.setText("Клиент доволен")
    assert dialog.save()
    assert asked == [(client_id, deal_id)]
    # an ordinary call proposes nothing
    call = services.activities.create(ActivityDraft(kind="call", subject="Звонок",
                                                    client_id=client_id,
                                                    due_at=draft.due_at))
    other = show_active(qtbot, CompletionDialog(services=services, activity_id=call))
    assert not other.score_check.isVisibleTo(other)
    other.close_discarding()
