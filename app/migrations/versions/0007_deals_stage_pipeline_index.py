"""deals: the open pipeline by stage (stage_id, expected_close, amount, probability, client_id)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 14:20:00

The Сделки tab's forecast strip and column headers sum the open deals: a few thousand rows
of a ten-year base whose 300,000 deals are almost all won or lost. The only index that led
with the expected close date (`ix_deals_pipeline_cover`) made "closing before next month"
a range over every deal of history, filtered by stage afterwards (92 ms a card move on
300,000 deals). The queries now name the open stage ids, and this index answers them from
the index alone: one search per stage, then the close-date range inside it. It is led by an
equality column, so it is the best match with or without planner statistics
(tests/unit/test_deals_query_plans.py). It also covers a closed column's count and sums
(the board with "Закрытые сделки" on), which read every won deal's row before.
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

COLUMNS = ["stage_id", "expected_close", "amount", "probability", "client_id"]


def upgrade() -> None:
    op.create_index("ix_deals_stage_pipeline", "deals", COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_deals_stage_pipeline", table_name="deals")
