"""client search: FTS5 index over clients, their contacts and tags, kept by triggers; list index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 18:55:00

SQLite's LIKE and lower() fold only ASCII, so Cyrillic search goes through an FTS5 table
(unicode61 folds case for every script). unicode61 does not fold ё into е, so the
indexed text has ё replaced by е here and the service folds the query the same way.
Phones are indexed as typed, as bare digits and as the 10-digit national number, so
"9161234567", "8916…" and "123-45" all find "+7 (916) 123-45-67".

The table and the triggers start with `fts_`, which env.py's include_object keeps out of
autogenerate. NOTE for later migrations: a batch (copy-and-move) migration of `clients`,
`contacts` or `client_tags` drops that table's triggers — re-create them (copy the
statements below) in the same migration.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _fold(expr: str) -> str:
    return f"replace(replace(coalesce({expr}, ''), 'ё', 'е'), 'Ё', 'Е')"


def _digits(expr: str) -> str:
    out = f"coalesce({expr}, '')"
    for ch in (" ", "-", "(", ")", "+", ".", "/"):
        out = f"replace({out}, '{ch}', '')"
    return out


def _phone(expr: str) -> str:
    d = _digits(expr)
    return (f"(coalesce({expr}, '') || ' ' || {d} || ' ' || "
            f"CASE WHEN length({d}) = 11 THEN substr({d}, 2) ELSE '' END)")


def _row_select(id_expr: str) -> str:
    return f"""
INSERT INTO fts_clients(rowid, names, codes, phones, emails, people, tags, notes)
SELECT c.id,
       {_fold("c.name || ' ' || c.full_name")},
       c.inn || ' ' || c.ogrn || ' ' || c.kpp,
       {_phone("c.phone")} || ' ' || coalesce((SELECT group_concat(
            {_phone("p.phone")} || ' ' || {_phone("p.phone2")}, ' ')
            FROM contacts p WHERE p.client_id = c.id), ''),
       c.email || ' ' || c.website || ' ' || coalesce((SELECT group_concat(p.email, ' ')
            FROM contacts p WHERE p.client_id = c.id), ''),
       {_fold("(SELECT group_concat(p.name || ' ' || p.position, ' ') FROM contacts p "
              "WHERE p.client_id = c.id)")},
       {_fold("(SELECT group_concat(t.tag, ' ') FROM client_tags t WHERE t.client_id = c.id)")},
       {_fold("c.notes")}
FROM clients c WHERE c.id = {id_expr};"""


def _refresh(id_expr: str) -> str:
    return f"DELETE FROM fts_clients WHERE rowid = {id_expr};{_row_select(id_expr)}"


TRIGGERS = {
    "fts_clients_ai": ("AFTER INSERT ON clients", _row_select("NEW.id")),
    "fts_clients_au": ("AFTER UPDATE ON clients",
                       f"DELETE FROM fts_clients WHERE rowid = OLD.id;{_row_select('NEW.id')}"),
    "fts_clients_ad": ("AFTER DELETE ON clients", "DELETE FROM fts_clients WHERE rowid = OLD.id;"),
    "fts_contacts_ai": ("AFTER INSERT ON contacts", _refresh("NEW.client_id")),
    "fts_contacts_au": ("AFTER UPDATE ON contacts",
                        _refresh("OLD.client_id") + _refresh("NEW.client_id")),
    "fts_contacts_ad": ("AFTER DELETE ON contacts", _refresh("OLD.client_id")),
    "fts_client_tags_ai": ("AFTER INSERT ON client_tags", _refresh("NEW.client_id")),
    "fts_client_tags_au": ("AFTER UPDATE ON client_tags",
                           _refresh("OLD.client_id") + _refresh("NEW.client_id")),
    "fts_client_tags_ad": ("AFTER DELETE ON client_tags", _refresh("OLD.client_id")),
}


def upgrade() -> None:
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.create_index("ix_clients_archived_name", ["archived", "name"], unique=False)
    op.execute(
        "CREATE VIRTUAL TABLE fts_clients USING fts5("
        "names, codes, phones, emails, people, tags, notes, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
    )
    for name, (when, body) in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {when} BEGIN {body} END")
    op.execute(_row_select("c.id").replace("WHERE c.id = c.id;", ";"))


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS fts_clients")
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_index("ix_clients_archived_name")
