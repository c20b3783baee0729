"""clients.sort_name: names in Russian order, sorted and indexed in SQL

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-04 19:00:00

Issue 17, finding 2: names sorted by code point («Ёлка» after «Яблоко», lower case after
every capital). The sort key (`app.domain.collation.sort_key`: case folded, ё as е) is
stored beside the name and indexed with the archive flag, replacing the name index the
client list walked; no collation function is needed in the database, so any SQLite tool
can still read and write the file. Existing clients get their key here, in Python (SQLite's
lower() folds only ASCII), with the client index's update trigger set aside meanwhile —
the key is not in that index, and re-indexing every client would take minutes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.domain.collation import sort_key

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

BATCH = 5_000
SET_ASIDE = "fts_clients_au"  # fires on any update of a client


def upgrade() -> None:
    op.add_column("clients", sa.Column("sort_name", sa.String(300), nullable=False,
                                       server_default=""))
    conn = op.get_bind()
    trigger = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
        (SET_ASIDE,)).scalar()
    if trigger is not None:
        conn.exec_driver_sql(f"DROP TRIGGER {SET_ASIDE}")
    last = 0
    while True:
        rows = conn.exec_driver_sql(
            "SELECT id, name FROM clients WHERE id > ? ORDER BY id LIMIT ?",
            (last, BATCH)).fetchall()
        if not rows:
            break
        conn.exec_driver_sql("UPDATE clients SET sort_name = ? WHERE id = ?",
                             [(sort_key(name or ""), cid) for cid, name in rows])
        last = rows[-1][0]
    if trigger is not None:
        conn.exec_driver_sql(trigger)
    op.drop_index("ix_clients_archived_name", table_name="clients")
    op.create_index("ix_clients_archived_sort", "clients", ["archived", "sort_name", "name"])


def downgrade() -> None:
    op.drop_index("ix_clients_archived_sort", table_name="clients")
    op.create_index("ix_clients_archived_name", "clients", ["archived", "name"])
    op.execute("ALTER TABLE clients DROP COLUMN sort_name")
