"""plan analytics: trigger-kept rollups and covering indexes

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 22:00:00

Derived tables, kept exact by triggers in the same transaction as the rows they derive
from; what each holds is described in app/rollups.py.

All start with `agg_` (kept out of autogenerate like `fts_`; not part of the JSON export:
an import fills them through the triggers). Covering indexes let the lead sources, the
losses and ABC/XYZ read a period's rows from an index instead of the wide `deals` table:
(created_at, source), STAGE_CLOSED_COVER below and (client, stage, closed_on, amount) —
the last one replaces the plain client index; (paid_on, amount) the plain payment date
index (the daily cumulative actual).
NOTE for later migrations: a batch (copy-and-move) migration of `deals`, `deal_lines`,
`stage_changes`, `stages`, `products`, `clients`, `orders` or `payments` drops these
triggers — re-create them (app.rollups.TRIGGERS) in the same migration.
The triggers' SQL and the backfill live in app/rollups.py, shared with the demo's bulk load.
"""

from __future__ import annotations

from alembic import op

from app.rollups import TRIGGERS, fill_statements

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# closed deals by stage and date with what the won and lost figures read: one index for
# the plan's actuals, ABC buyers, losses and lead sources (replaces 0001's stage_closed and
# 0003's won_cover, which are its prefixes)
STAGE_CLOSED_COVER = ["stage_id", "closed_on", "client_id", "amount", "source", "lost_reason",
                      "competitor_id"]


def upgrade() -> None:
    op.execute("""
        CREATE TABLE agg_stage_flow (
            to_stage_id INTEGER NOT NULL,
            changed_at DATETIME NOT NULL,
            change_id INTEGER NOT NULL,
            deal_id INTEGER NOT NULL,
            next_changed_at DATETIME,
            next_stage_id INTEGER,
            PRIMARY KEY (to_stage_id, changed_at, change_id)
        ) WITHOUT ROWID""")
    op.execute("CREATE INDEX agg_stage_flow_deal ON agg_stage_flow (deal_id, changed_at)")
    op.execute("""
        CREATE TABLE agg_funnel_month (
            month TEXT NOT NULL,
            stage_id INTEGER NOT NULL,
            next_stage_id INTEGER NOT NULL,  -- 0: no next change yet
            entries INTEGER NOT NULL,
            dur_sum INTEGER NOT NULL,  -- seconds in the stage, over the entries with a next
            dur_n INTEGER NOT NULL,
            PRIMARY KEY (month, stage_id, next_stage_id)
        ) WITHOUT ROWID""")
    op.execute("""
        CREATE TABLE agg_deal_group (
            deal_id INTEGER NOT NULL,
            g TEXT NOT NULL,
            month TEXT NOT NULL,
            amount INTEGER NOT NULL,
            PRIMARY KEY (deal_id, g, month)
        ) WITHOUT ROWID""")
    op.execute("""
        CREATE TABLE agg_group_month (
            month TEXT NOT NULL,
            g TEXT NOT NULL,
            amount INTEGER NOT NULL,
            PRIMARY KEY (month, g)
        ) WITHOUT ROWID""")
    op.execute("""
        CREATE TABLE agg_region_month (
            month TEXT NOT NULL,
            region TEXT NOT NULL,
            segment TEXT NOT NULL,
            amount INTEGER NOT NULL,  -- won deals by closing month
            PRIMARY KEY (month, region, segment)
        ) WITHOUT ROWID""")
    op.execute("""
        CREATE TABLE agg_source_month (
            month TEXT NOT NULL,
            source TEXT NOT NULL,
            opened INTEGER NOT NULL,  -- deals created in the month
            won INTEGER NOT NULL,  -- deals won / closed (won or lost) in the month
            closed INTEGER NOT NULL,
            revenue INTEGER NOT NULL,  -- of the won ones
            PRIMARY KEY (month, source)
        ) WITHOUT ROWID""")
    op.execute("""
        CREATE TABLE agg_pay_month (
            month TEXT NOT NULL,
            region TEXT NOT NULL,
            segment TEXT NOT NULL,
            amount INTEGER NOT NULL,  -- payments by payment month
            PRIMARY KEY (month, region, segment)
        ) WITHOUT ROWID""")
    op.execute("""
        CREATE TABLE agg_payment_group (
            payment_id INTEGER NOT NULL,
            g TEXT NOT NULL,
            month TEXT NOT NULL,
            amount INTEGER NOT NULL,
            PRIMARY KEY (payment_id, g, month)
        ) WITHOUT ROWID""")
    op.execute("""
        CREATE TABLE agg_pay_group_month (
            month TEXT NOT NULL,
            g TEXT NOT NULL,
            amount INTEGER NOT NULL,
            PRIMARY KEY (month, g)
        ) WITHOUT ROWID""")
    op.execute("""
        CREATE TABLE agg_client_won (
            client_id INTEGER PRIMARY KEY,
            n INTEGER NOT NULL,
            days INTEGER NOT NULL,
            first DATE NOT NULL,
            last DATE NOT NULL,
            first_day INTEGER NOT NULL,
            last_day INTEGER NOT NULL,
            money INTEGER NOT NULL,
            year_money INTEGER NOT NULL)""")
    op.execute("CREATE INDEX agg_client_won_rfm ON agg_client_won (last_day, n, money)")
    op.execute("""
        CREATE TABLE agg_client_month (
            client_id INTEGER NOT NULL,
            month TEXT NOT NULL,
            amount INTEGER NOT NULL,
            cum_amount INTEGER NOT NULL,
            cum_sq REAL NOT NULL,
            cum_months INTEGER NOT NULL,
            PRIMARY KEY (client_id, month)
        ) WITHOUT ROWID""")
    op.execute("CREATE INDEX agg_client_month_buyers ON agg_client_month (month, client_id)")
    # filled from the rows already there (app/rollups.py: the same backfill as a bulk load)
    for statement in fill_statements():
        op.execute(statement)
    for name, (when, body) in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {when} BEGIN {body} END")
    # The funnel reads agg_stage_flow now; these two only served it.
    op.drop_index("ix_stage_changes_deal_time_stage", table_name="stage_changes")
    op.drop_index("ix_stage_changes_stage_time_deal", table_name="stage_changes")
    op.create_index("ix_deals_created_source", "deals", ["created_at", "source"])
    op.drop_index("ix_deals_won_cover", table_name="deals")
    op.drop_index("ix_deals_stage_closed", table_name="deals")
    op.create_index("ix_deals_stage_closed_cover", "deals", STAGE_CLOSED_COVER)
    op.drop_index("ix_deals_client_id", table_name="deals")
    op.create_index("ix_deals_client_won", "deals", ["client_id", "stage_id", "closed_on",
                                                      "amount"])
    op.create_index("ix_clients_created_lead", "clients", ["created_at", "lead_source"])
    op.drop_index("ix_payments_paid_on", table_name="payments")
    op.create_index("ix_payments_paid_cover", "payments", ["paid_on", "amount"])


def downgrade() -> None:
    op.drop_index("ix_payments_paid_cover", table_name="payments")
    op.create_index("ix_payments_paid_on", "payments", ["paid_on"])
    op.drop_index("ix_clients_created_lead", table_name="clients")
    op.drop_index("ix_deals_client_won", table_name="deals")
    op.create_index("ix_deals_client_id", "deals", ["client_id"])
    op.drop_index("ix_deals_stage_closed_cover", table_name="deals")
    op.create_index("ix_deals_stage_closed", "deals", ["stage_id", "closed_on"])
    op.create_index("ix_deals_won_cover", "deals", ["stage_id", "closed_on", "client_id",
                                                     "amount"])
    op.drop_index("ix_deals_created_source", table_name="deals")
    op.create_index("ix_stage_changes_stage_time_deal", "stage_changes",
                    ["to_stage_id", "changed_at", "deal_id"])
    op.create_index("ix_stage_changes_deal_time_stage", "stage_changes",
                    ["deal_id", "changed_at", "to_stage_id"])
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in ("agg_pay_group_month", "agg_payment_group", "agg_pay_month",
                  "agg_client_month", "agg_source_month", "agg_region_month",
                  "agg_group_month", "agg_deal_group", "agg_funnel_month", "agg_client_won",
                  "agg_stage_flow"):
        op.execute(f"DROP TABLE IF EXISTS {table}")
