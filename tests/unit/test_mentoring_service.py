"""Mentoring service: due dates, progress, overdue tasks, templates, assessments, learning."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest

from app.bootstrap import Services
from app.services.errors import ValidationError
from app.services.mentoring import TemplateItemData
from app.services.mentoring.defaults import DEFAULT_TEMPLATE_ITEMS

START = date(2026, 3, 2)


@pytest.fixture
def trainee_id(services: Services) -> int:
    return services.mentoring.save_trainee(None, name="Петров Иван", start_date=START,
                                           position="Менеджер по продажам")


def _small_template(services: Services) -> int:
    return services.mentoring.save_template(None, name="Короткий", items=[
        TemplateItemData("Продукт", "Каталог", "", 0),
        TemplateItemData("Продукт", "Зачёт", "", 10),
        TemplateItemData("Встречи", "Первая встреча", "", 30),
    ])


def test_assign_default_template_sets_due_dates_from_start(services: Services,
                                                           trainee_id: int) -> None:
    svc = services.mentoring
    template_id = svc.ensure_default_template()
    assert template_id is not None
    assert svc.ensure_default_template() == template_id  # idempotent
    assert svc.assign_template(trainee_id, template_id) == len(DEFAULT_TEMPLATE_ITEMS)
    assert svc.assign_template(trainee_id, template_id) == 0  # nothing twice
    tasks = svc.tasks(trainee_id, today=START)
    expected = sorted(START + timedelta(days=offset) for *_, offset in DEFAULT_TEMPLATE_ITEMS)
    assert sorted(t.due_on for t in tasks) == expected
    # Sections come in the template's order, grouped even though offsets interleave.
    sections = list(dict.fromkeys(t.section for t in tasks))
    assert sections == list(dict.fromkeys(s for s, *_ in DEFAULT_TEMPLATE_ITEMS))


def test_progress_per_section_and_overall(services: Services, trainee_id: int) -> None:
    svc = services.mentoring
    svc.assign_template(trainee_id, _small_template(services))
    tasks = svc.tasks(trainee_id, today=START)
    svc.set_task_done(tasks[0].id, START + timedelta(days=1), "Молодец")
    today = START + timedelta(days=15)
    progress = svc.progress(trainee_id, today)
    assert [(p.section, p.total, p.done, p.overdue) for p in progress.sections] == [
        ("Продукт", 2, 1, 1), ("Встречи", 1, 0, 0)]
    assert (progress.overall.total, progress.overall.done, progress.overall.percent) == (3, 1, 33)
    row = svc.trainee(trainee_id, today)
    assert (row.tasks_total, row.tasks_done, row.tasks_overdue) == (3, 1, 1)
    done = svc.tasks(trainee_id, today)[0]
    assert done.mentor_comment == "Молодец" and not done.overdue
    svc.set_task_done(done.id, None)
    assert svc.progress(trainee_id, today).overall.done == 0


def test_overdue_tasks_only_for_onboarding_trainees(services: Services, trainee_id: int) -> None:
    svc = services.mentoring
    svc.assign_template(trainee_id, _small_template(services))
    today = START + timedelta(days=11)
    overdue = svc.overdue_tasks(today)
    assert [(o.trainee_name, o.title, o.due_on) for o in overdue] == [
        ("Петров Иван", "Каталог", START), ("Петров Иван", "Зачёт", START + timedelta(days=10))]
    assert svc.overdue_tasks(START) == []  # due today is not overdue yet
    svc.save_trainee(trainee_id, name="Петров Иван", start_date=START, status="left")
    assert svc.overdue_tasks(today) == []


def test_moving_start_date_moves_open_plan(services: Services, trainee_id: int) -> None:
    svc = services.mentoring
    svc.assign_template(trainee_id, _small_template(services))
    first = svc.tasks(trainee_id)[0]
    svc.set_task_done(first.id, START)
    svc.save_trainee(trainee_id, name="Петров Иван", start_date=START + timedelta(days=7))
    dues = [t.due_on for t in svc.tasks(trainee_id)]
    assert dues == [START, START + timedelta(days=17), START + timedelta(days=37)]


def test_personal_items_and_reorder(services: Services, trainee_id: int) -> None:
    svc = services.mentoring
    svc.assign_template(trainee_id, _small_template(services))
    new_id = svc.add_task(trainee_id, section="Продукт", title="Выучить спецификации",
                          due_on=START + timedelta(days=5))
    titles = [t.title for t in svc.tasks(trainee_id)]
    assert titles == ["Каталог", "Зачёт", "Выучить спецификации", "Первая встреча"]
    assert svc.move_task(new_id, -1)
    assert [t.title for t in svc.tasks(trainee_id)][:3] == [
        "Каталог", "Выучить спецификации", "Зачёт"]
    first = svc.tasks(trainee_id)[0]
    assert not svc.move_task(first.id, -1)  # already first in its section
    personal = next(t for t in svc.tasks(trainee_id) if t.id == new_id)
    assert not personal.from_template
    with pytest.raises(ValidationError) as err:
        svc.add_task(trainee_id, section="Продукт", title="  ")
    assert "title" in err.value.errors


def test_template_validation_messages(services: Services) -> None:
    svc = services.mentoring
    with pytest.raises(ValidationError) as err:
        svc.save_template(None, name="Плохой", items=[
            TemplateItemData("Продукт", "Каталог", "", -3),
            TemplateItemData("Продукт", "   ", "", 2),
        ])
    assert "отрицательным" in err.value.errors["items.0.due_offset_days"]
    assert "пустой пункт" in err.value.errors["items.1.title"]
    with pytest.raises(ValidationError) as err:
        svc.save_template(None, name="", items=[])
    assert set(err.value.errors) == {"name", "items"}


def test_template_edit_keeps_task_links_copy_export_import(services: Services,
                                                          trainee_id: int) -> None:
    svc = services.mentoring
    tid = _small_template(services)
    svc.assign_template(trainee_id, tid)
    detail = svc.template(tid)
    items = [detail.items[0], TemplateItemData("Продукт", "Новое", "", 3), detail.items[2]]
    svc.save_template(tid, name="Короткий", items=items)
    tasks = svc.tasks(trainee_id)
    assert len(tasks) == 3  # the removed item's task stays, unlinked
    assert sum(t.from_template for t in tasks) == 2
    assert svc.template_usage(tid) == 1
    copy_id = svc.copy_template(tid)
    assert svc.template(copy_id).name == "Короткий (копия)"
    exported = svc.export_template_json(tid)
    imported = svc.import_template_json(exported)
    assert svc.template(imported).name == "Короткий (2)"
    assert [i.title for i in svc.template(imported).items] == ["Каталог", "Новое",
                                                               "Первая встреча"]
    bad = json.loads(exported)
    bad["items"][0]["due_offset_days"] = -1
    with pytest.raises(ValidationError):
        svc.import_template_json(json.dumps(bad))
    with pytest.raises(ValidationError) as err:
        svc.import_template_json("{not json")
    assert "file" in err.value.errors
    svc.delete_template(tid)
    assert len(svc.tasks(trainee_id)) == 3
    assert all(not t.from_template for t in svc.tasks(trainee_id))


def test_assessments_range_and_series(services: Services, trainee_id: int) -> None:
    svc = services.mentoring
    for bad in (0, 6, "5", None):
        with pytest.raises(ValidationError) as err:
            svc.add_assessment(trainee_id, assessed_on=START, skill="closing", score=bad)
        assert err.value.errors["score"] == "Оценка должна быть от 1 до 5"
    svc.add_assessment(trainee_id, assessed_on=START + timedelta(days=14), skill="closing",
                       score=3)
    svc.add_assessment(trainee_id, assessed_on=START, skill="closing", score=2, comment="Робко")
    svc.add_assessment(trainee_id, assessed_on=START, skill="closing", score=1)  # replaces
    series = svc.skill_series(trainee_id)
    assert series["closing"] == [(START, 1), (START + timedelta(days=14), 3)]
    assert series["presentation"] == []
    assert len(svc.assessments(trainee_id)) == 2


def test_meetings_link_activities(demo_services: Services) -> None:
    svc = demo_services.mentoring
    trainee = svc.trainees()[0]
    choices = svc.meeting_choices(trainee.id)
    assert choices and all(c.kind in ("meeting", "presentation") for c in choices)
    meeting_id = svc.add_meeting(trainee.id, choices[0].activity_id, "Хорошо")
    assert choices[0].activity_id not in {c.activity_id for c in svc.meeting_choices(trainee.id)}
    with pytest.raises(ValidationError):
        svc.add_meeting(trainee.id, choices[0].activity_id)
    svc.set_meeting_feedback(meeting_id, "Отлично")
    assert any(m.feedback == "Отлично" for m in svc.meetings(trainee.id))


def test_learning_log_hours_per_quarter(services: Services) -> None:
    svc = services.mentoring
    svc.save_learning(None, kind="book", title="СПИН-продажи", started_on=date(2026, 1, 10),
                      finished_on=date(2026, 2, 1), hours="12,5", status="done")
    svc.save_learning(None, kind="course", title="Переговоры", started_on=date(2026, 3, 20),
                      finished_on=date(2026, 4, 2), hours=Decimal(8), status="done")
    svc.save_learning(None, kind="webinar", title="Вебинар", started_on=date(2026, 5, 5),
                      hours=2, status="in_progress")
    svc.save_learning(None, kind="conference", title="Позже", started_on=date(2026, 6, 1),
                      hours=8, status="planned")
    quarters = [(q.year, q.quarter, q.hours, q.records) for q in svc.learning_hours_by_quarter()]
    assert quarters == [(2026, 2, Decimal("10"), 2), (2026, 1, Decimal("12.5"), 1)]
    with pytest.raises(ValidationError) as err:
        svc.save_learning(None, kind="book", title="", started_on=date(2026, 5, 1),
                          finished_on=date(2026, 4, 1), hours="-1")
    assert set(err.value.errors) == {"title", "finished_on", "hours"}


def test_deleted_default_template_stays_deleted(services: Services) -> None:
    svc = services.mentoring
    default_id = svc.ensure_default_template()
    assert default_id is not None
    own = svc.copy_template(default_id, "Мой шаблон")
    svc.delete_template(default_id)
    assert svc.ensure_default_template() is None
    assert [t.id for t in svc.templates()] == [own]
    svc.delete_template(own)
    assert svc.ensure_default_template() is not None  # an empty list gets it back
