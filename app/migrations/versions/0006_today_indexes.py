"""Today tab: the birthday's day of the year as an index; the orders still to be paid

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 13:40:00

The Today tab lists the contacts whose birthday falls in the coming week. The query asks for
`strftime('%m-%d', birthday) IN (…)`, which no plain index on `birthday` can answer: it read
every contact of the base (0.64 s on 175,000 contacts). An index on that very expression
(SQLite allows deterministic date functions in an index) answers it with one search per day.
The service spells the expression exactly as here (`app.services.overview.BIRTHDAY_KEY_SQL`);
an expression index is invisible to the models' metadata, so it lives only here.
NOTE for later migrations: a batch (copy-and-move) migration of `contacts` drops this index
(SQLAlchemy does not reflect expression indexes) — re-create it in the same migration.

The payments due ("Ожидаемые оплаты") were every order due by next week, each with a
correlated sum of its payments: 150,000 orders read for the 15,000 still open (1.71 s).
`agg_order_due` holds only the orders with money still to come (not cancelled, a due date,
amount above the payments), with that balance in kopecks, kept exact by triggers in the
same transaction as the orders and payments they follow; the tab reads its first rows by
due date and counts the rest from it. Its triggers are named `due_order_*`. A batch
migration of `orders` or `payments` drops them — re-create them in it. Their SQL lives in
app/rollups.py (ORDER_DUE_*), with the demo's bulk load; the text below is this
migration's own, frozen.
"""

from __future__ import annotations

from alembic import op


revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# The table's first shape and its triggers as this migration wrote them, frozen (a
# migration's result never changes): 0013 adds each order's client, and app/rollups.py
# holds today's text.
ORDER_DUE_SELECT = (
    "INSERT INTO agg_order_due(order_id, due_on, outstanding)"
    " SELECT o.id, o.payment_due_on, o.amount - COALESCE((SELECT SUM(p.amount) FROM payments p"
    " WHERE p.order_id = o.id), 0) AS outstanding FROM orders o"
    " WHERE {where} AND o.status != 'cancelled' AND o.payment_due_on IS NOT NULL"
    " AND o.amount > COALESCE((SELECT SUM(p.amount) FROM payments p"
    " WHERE p.order_id = o.id), 0);")


def _order_due(order: str) -> str:
    return (f"DELETE FROM agg_order_due WHERE order_id = {order};"
            + ORDER_DUE_SELECT.format(where=f"o.id = {order}"))


ORDER_DUE_TRIGGERS = {
    "due_order_order_ai": ("AFTER INSERT ON orders", _order_due("NEW.id")),
    "due_order_order_au": ("AFTER UPDATE OF amount, status, payment_due_on ON orders",
                           _order_due("NEW.id")),
    "due_order_order_ad": ("AFTER DELETE ON orders",
                           "DELETE FROM agg_order_due WHERE order_id = OLD.id;"),
    "due_order_pay_ai": ("AFTER INSERT ON payments", _order_due("NEW.order_id")),
    "due_order_pay_au": ("AFTER UPDATE OF order_id, amount ON payments",
                         _order_due("OLD.order_id") + _order_due("NEW.order_id")),
    "due_order_pay_ad": ("AFTER DELETE ON payments", _order_due("OLD.order_id")),
}


def upgrade() -> None:
    op.execute("CREATE INDEX ix_contacts_birthday_md ON contacts"
               " (strftime('%m-%d', birthday), client_id)")
    op.execute("""
        CREATE TABLE agg_order_due (
            order_id INTEGER PRIMARY KEY,
            due_on DATE NOT NULL,
            outstanding INTEGER NOT NULL)""")
    op.execute("CREATE INDEX agg_order_due_on ON agg_order_due (due_on, order_id)")
    op.execute(ORDER_DUE_SELECT.format(where="1"))
    for name, (when, body) in ORDER_DUE_TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {when} BEGIN {body} END")


def downgrade() -> None:
    for name in ORDER_DUE_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS agg_order_due")
    op.execute("DROP INDEX IF EXISTS ix_contacts_birthday_md")
