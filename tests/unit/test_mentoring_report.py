"""The trainee progress report PDF: content, escaping of user text, unknown trainee."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from app.bootstrap import Services
from app.services.errors import NotFoundError
from tests.conftest import DEMO_TODAY
from tests.unit._documents_helpers import flat, pdf_text


def test_report_has_checklist_assessments_meetings_and_conclusion(
        demo_services: Services) -> None:
    svc = demo_services.mentoring
    trainee = svc.trainees(DEMO_TODAY)[0]
    svc.set_conclusion(trainee.id, "Готов к самостоятельной работе <b>&</b> <img src='x'/>")
    pdf = demo_services.documents.trainee_report_pdf(trainee.id, today=DEMO_TODAY)
    assert pdf.startswith(b"%PDF")
    text = flat(pdf_text(pdf))
    assert trainee.name.split()[0] in text
    for heading in ("Чек-лист адаптации", "Оценка навыков", "Сопровождение на встречах",
                    "Заключение наставника"):
        assert heading in text
    assert "Знакомство с компанией" in text and "Работа с возражениями" in text
    assert "<b>&</b> <img src='x'/>" in text  # printed as text, not markup
    assert "Выявление потребностей" in text  # the skills table / chart legend


def test_report_without_tasks_and_unknown_trainee(services: Services) -> None:
    trainee_id = services.mentoring.save_trainee(None, name="Новичок",
                                                 start_date=DEMO_TODAY - timedelta(days=1))
    assert services.documents.trainee_report_pdf(trainee_id, today=DEMO_TODAY).startswith(b"%PDF")
    with pytest.raises(NotFoundError):
        services.documents.trainee_report_pdf(999)


def test_cli_report_trainee(demo_services: Services, tmp_path: Path, capsys) -> None:  # type: ignore
    from app.cli import run

    trainee_id = demo_services.mentoring.trainees(DEMO_TODAY)[0].id
    db = str(demo_services.db_path)
    demo_services.close()
    out = tmp_path / "trainee.pdf"
    assert run(["--db", db, "report", "trainee", str(trainee_id), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert run(["--db", db, "report", "trainee", "999", "-o", str(out)]) == 1
    assert "Стажёр не найден" in capsys.readouterr().err


def test_one_assessment_is_drawn_as_bars_not_stacked_points(services: Services) -> None:
    """Found: with a single assessment date the skills' points lay on one another. One date
    is drawn as bars, one per skill, titled with the date."""
    from app.models.mentoring import SKILLS

    trainee_id = services.mentoring.save_trainee(None, name="Новичок",
                                                 start_date=DEMO_TODAY - timedelta(days=10))
    for score, skill in enumerate(SKILLS[:3], start=2):
        services.mentoring.add_assessment(trainee_id, assessed_on=DEMO_TODAY, skill=skill,
                                          score=score)
    text = flat(pdf_text(services.documents.trainee_report_pdf(trainee_id, today=DEMO_TODAY)))
    assert f"Оценка на {DEMO_TODAY:%d.%m.%Y}" in text
    services.mentoring.add_assessment(trainee_id, assessed_on=DEMO_TODAY - timedelta(days=3),
                                      skill=SKILLS[0], score=1)
    text = flat(pdf_text(services.documents.trainee_report_pdf(trainee_id, today=DEMO_TODAY)))
    assert "Оценка на " not in text and "13.11 16.11" in text  # two dates: lines over time
