"""plan analytics: covering indexes for won deals, the pipeline and the funnel

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 19:25:00

The Plan tab aggregates every won deal (ABC/XYZ, RFM, churn risk, 12 months of actual),
the open deals expected to close in a period and the stage changes of a period. On a
300 000-deal base, fetching those rows from the wide `deals` table costs ~1 s per pass;
these indexes hold every column the queries read, so they run on the index alone
(bench/bench_plan.py).
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_deals_won_cover", "deals",
                    ["stage_id", "closed_on", "client_id", "amount"])
    op.create_index("ix_deals_pipeline_cover", "deals",
                    ["expected_close", "stage_id", "amount", "probability"])
    op.create_index("ix_stage_changes_stage_time_deal", "stage_changes",
                    ["to_stage_id", "changed_at", "deal_id"])
    op.create_index("ix_stage_changes_deal_time_stage", "stage_changes",
                    ["deal_id", "changed_at", "to_stage_id"])


def downgrade() -> None:
    op.drop_index("ix_stage_changes_deal_time_stage", table_name="stage_changes")
    op.drop_index("ix_stage_changes_stage_time_deal", table_name="stage_changes")
    op.drop_index("ix_deals_pipeline_cover", table_name="deals")
    op.drop_index("ix_deals_won_cover", table_name="deals")
