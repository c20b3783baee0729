"""The market and the voice of the client: competitors' requisites and price sources, campaign
cost lines, complaints with a due date and corrective tasks, NPS/CSAT, churn reasons, consent

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 18:10:00

Issue 16. Columns of the big tables (`clients`, `contacts`, `activities`) are added in place
(nullable or with a server default; a rebuild of `clients` would lose its search triggers).
`complaints` and `satisfaction_scores` are small and rebuilt, to widen the category CHECK
(«документы») and to check the score's scale by its kind. Every campaign's existing cost
becomes its first cost line, so `campaigns.cost` stays the sum of its lines.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

from app.models.base import Money

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

NEW_CATEGORIES = "'quality', 'service', 'price', 'delivery', 'documents', 'other'"
OLD_CATEGORIES = "'quality', 'service', 'price', 'delivery', 'other'"


@contextmanager
def _rebuild(table: str) -> Iterator[object]:
    """A batch rebuild of a small table; reflecting its neighbours meets 0006's expression
    index on contacts, which SQLAlchemy skips with a warning."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression")
        with op.batch_alter_table(table, recreate="always") as batch:
            yield batch


def upgrade() -> None:
    for name, length in (("inn", 12), ("price_level", 10)):
        op.add_column("competitors", sa.Column(name, sa.String(length), nullable=False,
                                               server_default=""))
    op.add_column("competitors", sa.Column("segments", sa.Text(), nullable=False,
                                           server_default=""))
    op.add_column("competitor_prices", sa.Column("source", sa.String(20), nullable=False,
                                                 server_default="price_list"))
    op.add_column("campaigns", sa.Column("target_segment", sa.String(100), nullable=False,
                                         server_default=""))
    op.create_table(
        "campaign_costs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("amount", Money(), nullable=False),
        sa.Column("spent_on", sa.Date(), nullable=True),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_campaign_costs_amount_non_negative")),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaigns.id"],
                                name=op.f("fk_campaign_costs_campaign_id_campaigns"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign_costs")),
    )
    op.create_index(op.f("ix_campaign_costs_campaign_id"), "campaign_costs", ["campaign_id"])
    op.execute("INSERT INTO campaign_costs (campaign_id, label, amount, spent_on)"
               " SELECT id, 'Бюджет', cost, started_on FROM campaigns WHERE cost > 0")

    with _rebuild("complaints") as batch:
        batch.drop_constraint("category", type_="check")
        batch.create_check_constraint("category", f"category IN ({NEW_CATEGORIES})")
        batch.add_column(sa.Column("shipment_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("responsible", sa.String(200), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("due_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("resolution_cost", Money(), nullable=True))
        batch.create_foreign_key("fk_complaints_shipment_id_shipments", "shipments",
                                 ["shipment_id"], ["id"], ondelete="SET NULL")
        batch.create_check_constraint("due_after_opened",
                                      "due_on IS NULL OR due_on >= opened_on")
        batch.create_check_constraint("resolution_cost_non_negative",
                                      "resolution_cost IS NULL OR resolution_cost >= 0")
        batch.create_index("ix_complaints_due_on", ["due_on"])

    with _rebuild("satisfaction_scores") as batch:
        batch.add_column(sa.Column("deal_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("order_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("kind", sa.String(5), nullable=False, server_default="nps"))
        batch.create_foreign_key("fk_satisfaction_scores_deal_id_deals", "deals",
                                 ["deal_id"], ["id"], ondelete="SET NULL")
        batch.create_foreign_key("fk_satisfaction_scores_order_id_orders", "orders",
                                 ["order_id"], ["id"], ondelete="SET NULL")
        batch.create_check_constraint("kind", "kind IN ('nps', 'csat')")
        batch.create_check_constraint("csat_range", "kind <> 'csat' OR score BETWEEN 1 AND 5")

    # in place: a column with a REFERENCES clause may be added when its default is NULL
    op.add_column("clients", sa.Column("churn_reason", sa.String(20), nullable=False,
                                       server_default=""))
    op.execute("ALTER TABLE clients ADD COLUMN churn_competitor_id INTEGER "
               "CONSTRAINT fk_clients_churn_competitor_id_competitors "
               "REFERENCES competitors (id) ON DELETE SET NULL")
    op.add_column("contacts", sa.Column("mailing_consent", sa.Boolean(), nullable=False,
                                        server_default="0"))
    op.execute("ALTER TABLE activities ADD COLUMN complaint_id INTEGER "
               "CONSTRAINT fk_activities_complaint_id_complaints "
               "REFERENCES complaints (id) ON DELETE SET NULL")
    op.create_index("ix_activities_complaint_id", "activities", ["complaint_id"])


def downgrade() -> None:
    op.drop_index("ix_activities_complaint_id", table_name="activities")
    # SQLite's own DROP COLUMN cannot drop a REFERENCES column; the FK clause is kept only
    # by a rebuild, which would lose clients' search triggers: these two are dropped with
    # their REFERENCES by SQLite ≥ 3.35 when no index or trigger names them
    for table, name in (("activities", "complaint_id"), ("contacts", "mailing_consent"),
                        ("clients", "churn_competitor_id"), ("clients", "churn_reason")):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {name}")
    with _rebuild("satisfaction_scores") as batch:
        batch.drop_constraint("csat_range", type_="check")
        batch.drop_constraint("kind", type_="check")
        batch.drop_constraint("fk_satisfaction_scores_order_id_orders", type_="foreignkey")
        batch.drop_constraint("fk_satisfaction_scores_deal_id_deals", type_="foreignkey")
        for name in ("kind", "order_id", "deal_id"):
            batch.drop_column(name)
    op.execute("DELETE FROM complaints WHERE category = 'documents'")
    with _rebuild("complaints") as batch:
        batch.drop_index("ix_complaints_due_on")
        batch.drop_constraint("resolution_cost_non_negative", type_="check")
        batch.drop_constraint("due_after_opened", type_="check")
        batch.drop_constraint("fk_complaints_shipment_id_shipments", type_="foreignkey")
        batch.drop_constraint("category", type_="check")
        batch.create_check_constraint("category", f"category IN ({OLD_CATEGORIES})")
        for name in ("resolution_cost", "due_on", "responsible", "shipment_id"):
            batch.drop_column(name)
    op.drop_index(op.f("ix_campaign_costs_campaign_id"), table_name="campaign_costs")
    op.drop_table("campaign_costs")
    for table, name in (("campaigns", "target_segment"), ("competitor_prices", "source"),
                        ("competitors", "segments"), ("competitors", "price_level"),
                        ("competitors", "inn")):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {name}")
