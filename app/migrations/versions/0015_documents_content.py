"""What the client's documents say: their language, the product's photo, lead time and
warranty, and the issued protocols and specifications

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 17:40:00

Issue 15: a document's language is the client's own setting (default Russian), not the
interface's; a КП can show each product's photo, delivery lead time and warranty, and the
manager's position beside the name; the
negotiation protocol (from a deal) and the specification (from an order or an offer) are
numbered and frozen as an offer is (`deal_documents`, one numbering series per kind).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("clients", sa.Column("document_language", sa.String(5), nullable=False,
                                       server_default="ru"))
    op.add_column("products", sa.Column("image", sa.LargeBinary(), nullable=True))
    op.add_column("company_settings", sa.Column("manager_position", sa.String(200),
                                                nullable=False, server_default=""))
    for name in ("lead_time", "warranty"):
        op.add_column("products", sa.Column(name, sa.String(100), nullable=False,
                                            server_default=""))
    op.create_table(
        "deal_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("number", sa.String(30), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=True),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('protocol', 'specification')",
                           name=op.f("ck_deal_documents_kind")),
        sa.CheckConstraint("seq > 0", name=op.f("ck_deal_documents_seq_positive")),
        sa.ForeignKeyConstraint(["deal_id"], ["deals.id"],
                                name=op.f("fk_deal_documents_deal_id_deals"),
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"],
                                name=op.f("fk_deal_documents_order_id_orders"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal_documents")),
        sa.UniqueConstraint("kind", "year", "seq", name=op.f("uq_deal_documents_kind_year_seq")),
        sa.UniqueConstraint("number", name=op.f("uq_deal_documents_number")),
    )
    op.create_index(op.f("ix_deal_documents_deal_id"), "deal_documents", ["deal_id"])
    op.create_index(op.f("ix_deal_documents_order_id"), "deal_documents", ["order_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_deal_documents_order_id"), table_name="deal_documents")
    op.drop_index(op.f("ix_deal_documents_deal_id"), table_name="deal_documents")
    op.drop_table("deal_documents")
    # SQLite's own DROP COLUMN (3.35+): a batch copy of clients would lose its FTS triggers
    for table, name in (("products", "warranty"), ("products", "lead_time"),
                        ("products", "image"), ("clients", "document_language"),
                        ("company_settings", "manager_position")):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {name}")
