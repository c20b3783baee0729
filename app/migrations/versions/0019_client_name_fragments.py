"""client search by a fragment inside a name: «торг» finds «Агроторг»

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04 18:40:00

Issue 17, finding 1. The client index (`fts_clients`, 0002) finds words by their beginning;
users coming from amoCRM and Excel expect a fragment anywhere in a name. `fts_client_names`
holds each client's name and full name (ё folded into е, as the client index) under the
`trigram` tokenizer: any fragment of three characters or more, case folded by FTS5. The
search takes a client that matches either index (`app.services.clients.matching`). Kept by
triggers on `clients` only (the names are the client's own columns), refilled once by
bulk_load (app/rollups.py, where its row lives).
"""

from __future__ import annotations

from alembic import op

from app.rollups import CLIENT_NAMES_FILL, CLIENT_NAMES_ROW

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

NEW_ROW = CLIENT_NAMES_ROW.format(row="NEW")
TRIGGERS = {
    "fts_client_names_ai": ("AFTER INSERT ON clients",
                            f"INSERT INTO fts_client_names(rowid, names) SELECT {NEW_ROW};"),
    "fts_client_names_au": ("AFTER UPDATE OF name, full_name ON clients",
                            "DELETE FROM fts_client_names WHERE rowid = OLD.id; "
                            f"INSERT INTO fts_client_names(rowid, names) SELECT {NEW_ROW};"),
    "fts_client_names_ad": ("AFTER DELETE ON clients",
                            "DELETE FROM fts_client_names WHERE rowid = OLD.id;"),
}


def upgrade() -> None:
    op.execute("CREATE VIRTUAL TABLE fts_client_names USING fts5(names, tokenize = 'trigram')")
    for name, (when, body) in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {when} BEGIN {body} END")
    op.execute(CLIENT_NAMES_FILL)


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS fts_client_names")
