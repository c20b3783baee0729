"""activities: a partial index of the presentations held, for the Plan tab's conversion figure

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 20:05:00

The funnel page's «презентация → следующий этап → выиграна» (issue 13) starts from the deals
that had a presentation held in the period. No index answered "presentations held in these
months": the planner read every done activity of the period by (done, due_at) and looked each
one up — on the large base a year is 340,000 rows and 1.3 s. A partial index over the held
presentations only (a small share of the table) reads just those, with the deal and `done`
in the index, so the period's part is an index-only range (0.2 s for a year on that base,
where the demo holds every done presentation as held). The service spells the WHERE terms
exactly as here (`app.services.plan.presentations`); the model declares the same index.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

HELD_PRESENTATION = "kind = 'presentation' AND result = 'held'"


def upgrade() -> None:
    op.create_index("ix_activities_held_presentations", "activities",
                    ["due_at", "deal_id", "done"], sqlite_where=sa.text(HELD_PRESENTATION))


def downgrade() -> None:
    op.drop_index("ix_activities_held_presentations", table_name="activities")
