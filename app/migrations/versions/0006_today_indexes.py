"""contacts: the birthday's day of the year as an index, for the Today tab

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
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX ix_contacts_birthday_md ON contacts"
               " (strftime('%m-%d', birthday), client_id)")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_contacts_birthday_md")
