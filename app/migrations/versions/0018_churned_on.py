"""clients.churned_on: the day a client was marked lost or churned

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04 19:40:00

Issue 16: churn by reason and competitor is counted by the day the status was set, which
a later edit of the card must not move (`updated_at` did). Added in place (a rebuild of
`clients` would lose its search triggers). Clients already lost or churned get the day
their card was last changed, the best the base knows.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("clients", sa.Column("churned_on", sa.Date(), nullable=True))
    op.execute("UPDATE clients SET churned_on = date(updated_at)"
               " WHERE status IN ('lost', 'churned')")
    op.create_index("ix_clients_churned_on", "clients", ["churned_on"])


def downgrade() -> None:
    op.drop_index("ix_clients_churned_on", table_name="clients")
    op.execute("ALTER TABLE clients DROP COLUMN churned_on")
