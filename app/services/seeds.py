"""The rows every working database has, filled into empty tables when it is opened.

`bootstrap` passes `SEEDS` to `db.prepare_database`, which runs each seed whose table is
empty after the migrations: a new database, and an older one that never got the rows (a
user who had not opened the Сделки tab had no stages). Reads never create them.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.db import Seed


def _stages(session: Session) -> None:
    from app.services.deals.defaults import seed_stages

    seed_stages(session)


def _checklist_template(session: Session) -> None:
    from app.services.mentoring.defaults import seed_default_template

    seed_default_template(session)


SEEDS: tuple[Seed, ...] = (
    Seed("stages", _stages),
    Seed("checklist_templates", _checklist_template),
)

SEEDED_TABLES = ("stages", "checklist_templates", "checklist_items")


def untouched_seeded_tables(session: Session) -> set[str]:
    """The seeded tables that still hold exactly their seed (nobody has set them up)."""
    from app.services.deals.defaults import stages_are_defaults
    from app.services.mentoring.defaults import template_is_default

    untouched = set()
    if stages_are_defaults(session):
        untouched.add("stages")
    if template_is_default(session):
        untouched.update(("checklist_templates", "checklist_items"))
    return untouched
