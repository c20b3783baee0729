"""Default rows come from the start-up data step, never from a read."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, func, select

from app.bootstrap import bootstrap
from app.models import ChecklistItem, ChecklistTemplate, Stage
from app.services.deals.defaults import DEFAULT_STAGES
from app.services.mentoring.defaults import DEFAULT_TEMPLATE_ITEMS


def _count(services, model) -> int:  # type: ignore[no-untyped-def]
    with services.uow_factory() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)))


def test_a_new_database_starts_with_the_defaults(db_path: Path) -> None:
    services = bootstrap(db_path)
    try:
        assert [s.name for s in services.deals.stages()] == [s[0] for s in DEFAULT_STAGES]
        assert [t.name for t in services.mentoring.templates()] != []
        assert _count(services, ChecklistItem) == len(DEFAULT_TEMPLATE_ITEMS)
    finally:
        services.close()


def test_an_existing_database_with_no_stages_gets_them_once_at_the_next_start(
        db_path: Path) -> None:
    services = bootstrap(db_path)
    with services.uow_factory() as uow:
        uow.session.execute(delete(ChecklistItem))
        uow.session.execute(delete(ChecklistTemplate))
        uow.session.execute(delete(Stage))
        uow.commit()
    assert services.deals.stages() == []  # reading does not write
    assert services.deals.board().stages == []
    assert _count(services, Stage) == 0
    services.close()

    again = bootstrap(db_path)
    try:
        assert len(again.deals.stages()) == len(DEFAULT_STAGES)
        assert _count(again, ChecklistTemplate) == 1
    finally:
        again.close()
    third = bootstrap(db_path)  # nothing is added twice
    try:
        assert _count(third, Stage) == len(DEFAULT_STAGES)
        assert _count(third, ChecklistTemplate) == 1
    finally:
        third.close()
