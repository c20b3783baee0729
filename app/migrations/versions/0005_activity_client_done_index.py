"""activities: one index (client, done, due) that the planner cannot pass over

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 07:30:00

The client list's "last contact" and "next activity" figures filter a client's activities by
`client_id = ? AND done = ?`. With (client_id, due_at) and (done, due_at) both on offer and
no planner statistics (no user runs ANALYZE), SQLite took (done, due_at) and read every done
activity of the base for each row: 56 s for a page of 100 clients on a ten-year database.
An index with both equality columns first is the better match under any statistics, so the
plan no longer depends on them (tests/unit/test_query_plans.py). It replaces
(client_id, due_at), whose queries it serves as well.
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_activities_client_done_due", "activities",
                    ["client_id", "done", "due_at"])
    op.drop_index("ix_activities_client_due", table_name="activities")


def downgrade() -> None:
    op.create_index("ix_activities_client_due", "activities", ["client_id", "due_at"])
    op.drop_index("ix_activities_client_done_due", table_name="activities")
