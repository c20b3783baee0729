"""The search box over everything (Ctrl+K): deal titles by any fragment, invoice numbers

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04 19:25:00

Issue 17. SQLite's LIKE folds only ASCII, and a scan of every deal title per keystroke took
0.1 s on a ten-year base, so deal titles get an FTS5 index with the `trigram` tokenizer (any
fragment of three characters or more; case folded by FTS5, ё folded into е here as for
the client index). `fts_deals` and its triggers start with `fts_` (kept out of autogenerate
by env.py) and are the one engine-specific part of the deal search; bulk_load (app/rollups.py,
where the fill lives) refills the table once instead of row by row. The title trigger fires only when the title changes, not
on every stage move. `ix_orders_invoice_number` makes an invoice number an index seek.
"""

from __future__ import annotations

from alembic import op

from app.rollups import DEAL_SEARCH_FILL, DEAL_SEARCH_TITLE

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

NEW_TITLE = DEAL_SEARCH_TITLE.format(title="NEW.title")
TRIGGERS = {
    "fts_deals_ai": ("AFTER INSERT ON deals",
                     f"INSERT INTO fts_deals(rowid, title) SELECT NEW.id, "
                     f"{NEW_TITLE};"),
    "fts_deals_au": ("AFTER UPDATE OF title ON deals",
                     "DELETE FROM fts_deals WHERE rowid = OLD.id; "
                     f"INSERT INTO fts_deals(rowid, title) SELECT NEW.id, "
                     f"{NEW_TITLE};"),
    "fts_deals_ad": ("AFTER DELETE ON deals", "DELETE FROM fts_deals WHERE rowid = OLD.id;"),
}


def upgrade() -> None:
    op.execute("CREATE VIRTUAL TABLE fts_deals USING fts5(title, tokenize = 'trigram')")
    for name, (when, body) in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {when} BEGIN {body} END")
    op.execute(DEAL_SEARCH_FILL)
    op.create_index("ix_orders_invoice_number", "orders", ["invoice_number"])


def downgrade() -> None:
    op.drop_index("ix_orders_invoice_number", table_name="orders")
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS fts_deals")
