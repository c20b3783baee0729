"""the clients due a service call: each one's last contact and rhythm, kept by triggers

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 07:00:00

The Today tab's «Пора позвонить» (issue 13) looked up every active client's last done
activity on each refresh — 60,000 index seeks on the large base, 0.2–0.35 s of a tab held
to 0.2 s. `agg_service_due` holds, per client that can be due, its last contact, its rhythm
in days and the instant that rhythm runs out, kept by triggers on activities, clients and
the settings in the same transaction; the tab counts a range of it and reads its first rows
by last contact. What the tables hold, their triggers and the rule the reader applies are in
app/service_calls.py (the SQLite seam, shared with the demo's bulk load).

The rhythm settings of a key never written are Python's defaults; this migration writes
the defaults of its day (below) into the mirror, which a later change of the defaults does
not follow — the reader then sees the difference and answers by the scan it used before.
A batch migration of clients, activities or settings must re-create these triggers.

`ix_orders_status_ship_by`: the orders whose agreed ship date has passed with goods still to
leave (status new … partly shipped, `ship_by` before today) — the Today tab's «Отгрузки с
опозданием» and the Orders tab's «просрочено» read every order without it (149,000 on the
large base).
"""

from __future__ import annotations

import json

from alembic import op

from app.service_calls import (
    CREATE_TABLES,
    DROP_TABLES,
    TRIGGERS,
    create_trigger_statements,
    fill_statements,
)

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# services.settings.DEFAULTS of this day, frozen: a migration's result never changes
DEFAULT_SEGMENTS = {"Ключевые": 14}
DEFAULT_DAYS = 60


def upgrade() -> None:
    for statement in CREATE_TABLES:
        op.execute(statement)
    for statement in fill_statements(
            default_segments_json=json.dumps(DEFAULT_SEGMENTS, ensure_ascii=False),
            default_days_json=json.dumps(DEFAULT_DAYS)):
        op.execute(statement)
    for statement in create_trigger_statements():
        op.execute(statement)
    op.create_index("ix_orders_status_ship_by", "orders", ["status", "ship_by"])


def downgrade() -> None:
    op.drop_index("ix_orders_status_ship_by", table_name="orders")
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for statement in DROP_TABLES:
        op.execute(statement)
