"""activities: outcomes, next steps, reminders, recurrence, materials; a client's service rhythm

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 19:20:00

The manager's day (issue 13). Columns are added in place (`ALTER TABLE … ADD COLUMN`) rather
than by rebuilding `activities`, which holds a million rows on a ten-year base: every new
column is nullable or has a server default, and the kinds of priority, purpose, result and
repeat unit are checked by the service, not by a CHECK (SQLite cannot add one in place).
`ix_activities_remind_at` answers "the next reminder due" with one index seek.
"""

from __future__ import annotations

import warnings

import sqlalchemy as sa
from alembic import op

from app.models.base import UTCDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TEXT_COLUMNS = {"priority": (10, "normal"), "purpose": (20, ""), "result": (20, ""),
                "reaction": (20, ""), "repeat_unit": (10, "")}


def upgrade() -> None:
    for name, (length, default) in TEXT_COLUMNS.items():
        op.add_column("activities", sa.Column(name, sa.String(length), nullable=False,
                                              server_default=default))
    op.add_column("activities", sa.Column("no_next_reason", sa.Text(), nullable=False,
                                          server_default=""))
    for name in ("duration_min", "remind_before_min", "repeat_every"):
        op.add_column("activities", sa.Column(name, sa.Integer(), nullable=True))
    op.add_column("activities", sa.Column("remind_at", UTCDateTime(), nullable=True))
    op.add_column("activities", sa.Column("ical_uid", sa.String(255), nullable=True))
    # a column with a REFERENCES clause may be added in place when its default is NULL
    op.execute("ALTER TABLE activities ADD COLUMN next_activity_id INTEGER "
               "CONSTRAINT fk_activities_next_activity_id_activities "
               "REFERENCES activities (id) ON DELETE SET NULL")
    op.create_index("ix_activities_remind_at", "activities", ["remind_at"])
    op.create_index("ix_activities_ical_uid", "activities", ["ical_uid"])
    op.add_column("clients", sa.Column("service_every_days", sa.Integer(), nullable=True))
    op.create_table(
        "activity_materials",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("added_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["activity_id"], ["activities.id"],
                                name=op.f("fk_activity_materials_activity_id_activities"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_materials")),
    )
    op.create_index("ix_activity_materials_activity_id", "activity_materials", ["activity_id"])


def downgrade() -> None:
    op.drop_index("ix_activity_materials_activity_id", table_name="activity_materials")
    op.drop_table("activity_materials")
    # in place: a rebuild of `clients` would break the search triggers that name it
    op.execute("ALTER TABLE clients DROP COLUMN service_every_days")
    op.drop_index("ix_activities_ical_uid", table_name="activities")
    op.drop_index("ix_activities_remind_at", table_name="activities")
    # a rebuild (no trigger names `activities`): SQLite cannot drop a REFERENCES column in place
    with warnings.catch_warnings():  # reflecting contacts meets 0006's expression index
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression")
        with op.batch_alter_table("activities") as batch:
            for name in ("next_activity_id", "ical_uid", "remind_at", "repeat_every",
                         "remind_before_min", "duration_min", "no_next_reason", *TEXT_COLUMNS):
                batch.drop_column(name)
