"""Today worklist on a grown base: its deals, birthdays and overdue money read by index

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 09:00:00

Measured on the large base (100,000 clients, 300,000 deals, 200,000 contacts), the worklist
spent most of its 0.3 s on four reads, each a row lookup per candidate:
- the stalled deals read `stage_entered_at` of every open deal from the table (2,000 rows
  scattered over 300,000): `ix_deals_stage_entered (stage_id, stage_entered_at)` answers
  both of its queries from the index;
- «нет следующего шага» looked, per open deal, at each activity's row for `done` and
  `due_at`: `ix_activities_deal_done_due (deal_id, done, due_at)` holds them, and replaces
  `ix_activities_deal_id`, its prefix;
- the week's birthdays (5,000 contacts) were all read and sorted by name for the first 100:
  `ix_contacts_birthday_name` (the birthday's "MM-DD", name) gives each day's contacts in
  name order, so a day is read only as far as the list goes. It replaces 0006's
  `ix_contacts_birthday_md`; its expression is `app.services.overview.BIRTHDAY_KEY_SQL`
  (same NOTE as 0006: a batch migration of `contacts` must re-create it);
- the clients owing money overdue looked up each owing order's client (5,000 orders):
  `agg_order_due` now carries the order's client, and its index covers the day, the order,
  the client and the balance. The table is rebuilt and refilled from the orders, and its
  triggers (app/rollups.py, ORDER_DUE_*) re-created — the order's update trigger now also
  follows a change of client.
"""

from __future__ import annotations

from alembic import op

from app.rollups import ORDER_DUE_SELECT, ORDER_DUE_TRIGGERS

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

BIRTHDAY_INDEX = ("CREATE INDEX ix_contacts_birthday_name ON contacts"
                  " (strftime('%m-%d', birthday), name)")


def _rebuild_order_due(columns: str, index: str, select: str) -> None:
    for name in ORDER_DUE_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE agg_order_due")
    op.execute(f"CREATE TABLE agg_order_due ({columns})")
    op.execute(f"CREATE INDEX agg_order_due_on ON agg_order_due ({index})")
    op.execute(select)


def upgrade() -> None:
    op.create_index("ix_deals_stage_entered", "deals", ["stage_id", "stage_entered_at"])
    op.drop_index("ix_activities_deal_id", table_name="activities")
    op.create_index("ix_activities_deal_done_due", "activities", ["deal_id", "done", "due_at"])
    op.execute("DROP INDEX IF EXISTS ix_contacts_birthday_md")
    op.execute(BIRTHDAY_INDEX)
    _rebuild_order_due(
        "order_id INTEGER PRIMARY KEY, client_id INTEGER NOT NULL, due_on DATE NOT NULL,"
        " outstanding INTEGER NOT NULL",
        "due_on, order_id, client_id, outstanding",
        ORDER_DUE_SELECT.format(where="1"))
    for name, (when, body) in ORDER_DUE_TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {when} BEGIN {body} END")


def downgrade() -> None:
    from importlib import import_module

    first = import_module("app.migrations.versions.0006_today_indexes")
    _rebuild_order_due("order_id INTEGER PRIMARY KEY, due_on DATE NOT NULL,"
                       " outstanding INTEGER NOT NULL", "due_on, order_id",
                       first.ORDER_DUE_SELECT.format(where="1"))
    for name, (when, body) in first.ORDER_DUE_TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {when} BEGIN {body} END")
    op.execute("DROP INDEX IF EXISTS ix_contacts_birthday_name")
    op.execute("CREATE INDEX ix_contacts_birthday_md ON contacts"
               " (strftime('%m-%d', birthday), client_id)")
    op.drop_index("ix_activities_deal_done_due", table_name="activities")
    op.create_index("ix_activities_deal_id", "activities", ["deal_id"])
    op.drop_index("ix_deals_stage_entered", table_name="deals")
