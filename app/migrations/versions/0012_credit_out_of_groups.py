"""payments: a client's credit counts in no product group; orders by date

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 07:30:00

Since 0010 a payment may stand without an order (a client's credit). The payment triggers
split a payment over its order's deal lines and put the rest under '' (no group) — for a
payment without an order that was its whole amount, so the Plan tab's payments by product
group counted money not yet allocated to any sale (agg_pay_month, which joins the order,
did not). `_payment_groups` (app/rollups.py) now leaves such payments out; the triggers that
use it are re-created and the rows already counted taken out (agg_pay_group_month follows
agg_payment_group by its own triggers). 0004 creates its triggers from the same module: the
text it writes changed, its result did not — no payment could lack an order before 0010.

`ix_orders_ordered_on`: the Orders tab's period filter and its newest-first pages read the
orders by date (149,000 on the large base) instead of scanning them.
"""

from __future__ import annotations

from alembic import op

from app.rollups import TRIGGERS

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

RECREATED = ("agg_pay_ai", "agg_pay_au", "agg_pay_order_deal")


def upgrade() -> None:
    for name in RECREATED:
        when, body = TRIGGERS[name]
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} {when} BEGIN {body} END")
    op.execute("DELETE FROM agg_payment_group WHERE payment_id IN"
               " (SELECT id FROM payments WHERE order_id IS NULL)")
    op.create_index("ix_orders_ordered_on", "orders", ["ordered_on"])


def downgrade() -> None:
    op.drop_index("ix_orders_ordered_on", table_name="orders")
    # the triggers stay as they are: before 0010 no payment lacks an order, so the old and
    # the new text give the same rows
