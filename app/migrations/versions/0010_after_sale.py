"""orders, shipments, payments: order lines, shipment lines, the stock journal, client payments

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 06:00:00

The after-sale (issue 14). `orders`, `payments` and `shipments` are named by the bodies of
the rollup and payments-due triggers (0004, 0006), so a batch rebuild (copy, drop, rename)
would break them; columns are added in place instead. Three changes SQLite's ALTER TABLE
cannot make — a wider list in the status CHECKs of orders and shipments, `payments.order_id`
no longer NOT NULL (a payment not yet allocated to an order), `payments.client_id` NOT NULL
once filled — are made the way SQLite documents for constraint-only changes ("ALTER TABLE:
making other kinds of table schema changes", the simpler procedure): the table's CREATE
statement in sqlite_schema is edited under `writable_schema` and `schema_version` bumped.
They change no stored record, and the data is brought into the new constraints first (and
checked after). This is the SQLite seam of the migration; PostgreSQL would drop and add the
constraints.

Old order statuses: `delivered` → `closed`. Old shipment statuses: `planned`/`ready` →
`preparing`, `delayed` → `problem`. Existing orders get their deal's lines; existing shipments
that left carry every line in full; each product's stock becomes an `opening` journal entry.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import op

from app.models.base import UTCDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

OLD_ORDER_CHECK = "status IN ('new', 'confirmed', 'shipped', 'delivered', 'cancelled')"
NEW_ORDER_CHECK = ("status IN ('new', 'confirmed', 'picking', 'partly_shipped', 'shipped', "
                   "'closed', 'cancelled')")
OLD_SHIPMENT_CHECK = "status IN ('planned', 'ready', 'shipped', 'delivered', 'delayed')"
NEW_SHIPMENT_CHECK = ("status IN ('preparing', 'shipped', 'in_transit', 'delivered', "
                      "'problem', 'cancelled')")
PAYMENT_ORDER_NOT_NULL = "order_id INTEGER NOT NULL,"
PAYMENT_ORDER_NULL = "order_id INTEGER,"
PAYMENT_CLIENT_NULL = "client_id INTEGER CONSTRAINT fk_payments_client_id_clients"
PAYMENT_CLIENT_NOT_NULL = "client_id INTEGER NOT NULL CONSTRAINT fk_payments_client_id_clients"


def _edit_create_statements(edits: dict[str, list[tuple[str, str]]]) -> None:
    """Replace text in tables' CREATE statements (each old text must occur exactly once)."""
    bind = op.get_bind()
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        for table, replacements in edits.items():
            sql = bind.exec_driver_sql(
                "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?",
                (table,)).scalar_one()
            for old, new in replacements:
                if sql.count(old) != 1:
                    raise RuntimeError(f"{table}: expected {old!r} once in {sql!r}")
                sql = sql.replace(old, new)
            bind.exec_driver_sql(
                "UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?",
                (sql, table))
        bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def _check_tables(tables: tuple[str, ...]) -> None:
    """quick_check each table: its rows against its (edited) NOT NULL and CHECK constraints."""
    for table in tables:
        problem = op.get_bind().exec_driver_sql(f"PRAGMA quick_check({table})").scalar_one()
        if problem != "ok":
            raise RuntimeError(f"{table}: {problem}")


def upgrade() -> None:
    # --- orders: terms and the wider status list ---------------------------------------
    op.add_column("orders", sa.Column("ship_by", sa.Date(), nullable=True))
    op.add_column("orders", sa.Column("prepayment_pct", sa.Integer(), nullable=False,
                                      server_default="0"))
    op.add_column("orders", sa.Column("deferred_days", sa.Integer(), nullable=True))
    op.add_column("orders", sa.Column("contract_number", sa.String(50), nullable=False,
                                      server_default=""))
    op.add_column("orders", sa.Column("contract_date", sa.Date(), nullable=True))
    # --- shipments ------------------------------------------------------------------------
    op.add_column("shipments", sa.Column("planned_delivery_on", sa.Date(), nullable=True))
    for name, length in (("carrier", 100), ("tracking_number", 100), ("upd_number", 30)):
        op.add_column("shipments", sa.Column(name, sa.String(length), nullable=False,
                                             server_default=""))
    op.add_column("shipments", sa.Column("problem_note", sa.Text(), nullable=False,
                                         server_default=""))
    # --- payments: the client, filled from the order ---------------------------------------
    op.execute("ALTER TABLE payments ADD COLUMN client_id INTEGER "
               "CONSTRAINT fk_payments_client_id_clients "
               "REFERENCES clients (id) ON DELETE RESTRICT")
    op.execute("UPDATE payments SET client_id ="
               " (SELECT o.client_id FROM orders o WHERE o.id = payments.order_id)")
    op.create_index("ix_payments_client_paid", "payments", ["client_id", "paid_on"])
    # --- the constraints, then the data into them, then a check of both -------------------
    # (SQLite checks a CHECK on writes only: the rows are moved to the new statuses under
    # the new CHECK, which the old one would refuse, and quick_check verifies every row)
    _edit_create_statements({
        "orders": [(OLD_ORDER_CHECK, NEW_ORDER_CHECK)],
        "shipments": [(OLD_SHIPMENT_CHECK, NEW_SHIPMENT_CHECK)],
        "payments": [(PAYMENT_ORDER_NOT_NULL, PAYMENT_ORDER_NULL),
                     (PAYMENT_CLIENT_NULL, PAYMENT_CLIENT_NOT_NULL)],
    })
    op.execute("UPDATE orders SET status = 'closed' WHERE status = 'delivered'")
    op.execute("UPDATE shipments SET status = 'preparing' WHERE status IN ('planned', 'ready')")
    op.execute("UPDATE shipments SET status = 'problem' WHERE status = 'delayed'")
    _check_tables(("orders", "shipments", "payments"))
    # --- new tables -------------------------------------------------------------------------
    op.create_table(
        "order_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("unit", sa.String(20), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("price", sa.Integer(), nullable=False),
        sa.Column("discount", sa.Integer(), nullable=False),
        sa.Column("vat_kind", sa.String(20), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_order_lines_quantity_positive")),
        sa.CheckConstraint("price >= 0", name=op.f("ck_order_lines_price_non_negative")),
        sa.CheckConstraint("discount BETWEEN 0 AND 10000",
                           name=op.f("ck_order_lines_discount_range")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"],
                                name=op.f("fk_order_lines_order_id_orders"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"],
                                name=op.f("fk_order_lines_product_id_products"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_lines")),
    )
    op.create_index(op.f("ix_order_lines_order_id"), "order_lines", ["order_id"])
    op.create_index(op.f("ix_order_lines_product_id"), "order_lines", ["product_id"])
    op.create_table(
        "shipment_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shipment_id", sa.Integer(), nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_shipment_lines_quantity_positive")),
        sa.ForeignKeyConstraint(["shipment_id"], ["shipments.id"],
                                name=op.f("fk_shipment_lines_shipment_id_shipments"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["order_line_id"], ["order_lines.id"],
                                name=op.f("fk_shipment_lines_order_line_id_order_lines"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipment_lines")),
    )
    op.create_index(op.f("ix_shipment_lines_shipment_id"), "shipment_lines", ["shipment_id"])
    op.create_index(op.f("ix_shipment_lines_order_line_id"), "shipment_lines",
                    ["order_line_id"])
    op.create_table(
        "stock_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("moved_on", sa.Date(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("shipment_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('opening', 'shipment', 'shipment_cancel', 'receipt', "
                           "'correction')", name=op.f("ck_stock_movements_kind")),
        sa.CheckConstraint("quantity != 0", name=op.f("ck_stock_movements_quantity_non_zero")),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"],
                                name=op.f("fk_stock_movements_product_id_products"),
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["shipment_id"], ["shipments.id"],
                                name=op.f("fk_stock_movements_shipment_id_shipments"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_movements")),
    )
    op.create_index("ix_stock_movements_product_date", "stock_movements",
                    ["product_id", "moved_on"])
    op.create_index(op.f("ix_stock_movements_shipment_id"), "stock_movements",
                    ["shipment_id"])
    # --- the existing data in the new tables -----------------------------------------------
    op.execute(
        "INSERT INTO order_lines(order_id, position, product_id, name, unit, quantity, price,"
        " discount, vat_kind)"
        " SELECT o.id, l.position, l.product_id, l.name, l.unit, l.quantity, l.price,"
        " l.discount, l.vat_kind FROM orders o JOIN deal_lines l ON l.deal_id = o.deal_id"
        " ORDER BY o.id, l.position, l.id")
    op.execute(
        "INSERT INTO shipment_lines(shipment_id, order_line_id, quantity)"
        " SELECT s.id, l.id, l.quantity FROM shipments s JOIN order_lines l"
        " ON l.order_id = s.order_id"
        " WHERE s.status IN ('shipped', 'in_transit', 'delivered') ORDER BY s.id, l.id")
    op.get_bind().exec_driver_sql(
        "INSERT INTO stock_movements(product_id, moved_on, quantity, kind, reason, created_at)"
        " SELECT id, ?, stock, 'opening', '', CURRENT_TIMESTAMP FROM products"
        " WHERE stock != 0", (date.today().isoformat(),))


def downgrade() -> None:
    for table in ("stock_movements", "shipment_lines", "order_lines"):
        op.drop_table(table)
    _edit_create_statements({
        "orders": [(NEW_ORDER_CHECK, OLD_ORDER_CHECK)],
        "shipments": [(NEW_SHIPMENT_CHECK, OLD_SHIPMENT_CHECK)],
        "payments": [(PAYMENT_ORDER_NULL, PAYMENT_ORDER_NOT_NULL),
                     (PAYMENT_CLIENT_NOT_NULL, PAYMENT_CLIENT_NULL)],
    })
    op.execute("UPDATE orders SET status = 'delivered' WHERE status = 'closed'")
    op.execute("UPDATE orders SET status = 'confirmed'"
               " WHERE status IN ('picking', 'partly_shipped')")
    op.execute("UPDATE shipments SET status = 'planned' WHERE status IN ('preparing', 'cancelled')")
    op.execute("UPDATE shipments SET status = 'shipped' WHERE status = 'in_transit'")
    op.execute("UPDATE shipments SET status = 'delayed' WHERE status = 'problem'")
    op.execute("DELETE FROM payments WHERE order_id IS NULL")
    _check_tables(("orders", "shipments", "payments"))
    op.drop_index("ix_payments_client_paid", table_name="payments")
    op.execute("ALTER TABLE payments DROP COLUMN client_id")
    for name in ("problem_note", "upd_number", "tracking_number", "carrier",
                 "planned_delivery_on"):
        op.execute(f"ALTER TABLE shipments DROP COLUMN {name}")
    for name in ("contract_date", "contract_number", "deferred_days", "prepayment_pct",
                 "ship_by"):
        op.execute(f"ALTER TABLE orders DROP COLUMN {name}")
