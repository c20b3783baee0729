"""The week's birthdays counted from the index alone

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 15:00:00

The Today worklist counts the contacts whose birthday falls in the next eight days, leaving out
the archived clients' (`app.services.overview.birthdays_due`). With 0013's index (the
birthday's "MM-DD", name) each of the week's 5,000 contacts of the large base was a row lookup
for its client: 14 ms of the worklist. `ix_contacts_birthday_name` now also holds the client,
so the count reads the index only (1.4 ms); the day-by-day rows keep their name order. The
expression is still `app.services.overview.BIRTHDAY_KEY_SQL` (same NOTE as 0006: a batch
migration of `contacts` must re-create it).
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_contacts_birthday_name")
    op.execute("CREATE INDEX ix_contacts_birthday_name ON contacts"
               " (strftime('%m-%d', birthday), name, client_id)")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_contacts_birthday_name")
    op.execute("CREATE INDEX ix_contacts_birthday_name ON contacts"
               " (strftime('%m-%d', birthday), name)")
