"""plan analytics: trigger-kept rollups for the funnel and the client base; lead indexes

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 22:00:00

Two derived tables, kept exact by triggers, so the Plan tab does not rebuild them from the
raw rows on every refresh (bench/bench_plan.py):

- `agg_stage_flow`: every stage change with the deal's *next* change (time and stage),
  clustered by (stage, time). The funnel of a period becomes one range read instead of a
  window function over the period plus a look-up past its end for each deal. A change
  inserted out of order (an import, a corrected date) re-links its deal's chain.
- `agg_client_won`: per client, the won deals' count, distinct closing days, first and
  last closing day (also as day numbers), sum, and sum of the year up to the last
  closing — what RFM and churn risk need "as of today".

Both start with `agg_` (kept out of autogenerate like `fts_`; not part of the JSON export:
an import fills them through the triggers). Covering indexes let the lead sources, the
losses and ABC/XYZ read a period's rows from an index instead of the wide `deals` table:
(created_at, source), (closed_on, stage, source, amount, lost reason, competitor) and
(client, stage, closed_on, amount) — the last one replaces the plain client index.
NOTE for later migrations: a batch (copy-and-move) migration of `deals`, `stage_changes` or
`stages` drops these triggers — re-create them (TRIGGERS below) in the same migration.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

WON = "stage_id IN (SELECT id FROM stages WHERE is_won = 1)"


def _relink(deal: str) -> str:
    """Recompute the next change of every change of one deal (a deal has a handful)."""
    nxt = ("FROM agg_stage_flow n WHERE n.deal_id = agg_stage_flow.deal_id"
           " AND (n.changed_at, n.change_id) > (agg_stage_flow.changed_at,"
           " agg_stage_flow.change_id) ORDER BY n.changed_at, n.change_id LIMIT 1")
    return (f"UPDATE agg_stage_flow SET next_changed_at = (SELECT n.changed_at {nxt}),"
            f" next_stage_id = (SELECT n.to_stage_id {nxt}) WHERE deal_id = {deal};")


def _flow_row(row: str) -> str:
    return ("INSERT INTO agg_stage_flow(to_stage_id, changed_at, change_id, deal_id)"
            f" VALUES ({row}.to_stage_id, {row}.changed_at, {row}.id, {row}.deal_id);")


# Also the first and last closing day as day numbers (days since 1970-01-01): interval
# arithmetic on 30 000 clients with julianday() on text dates costs ~80 ms, on integers ~3.
# year_money: the won sum of the 365 days up to the last closing (churn risk's "at stake").
def _client_won_select(where: str) -> str:
    return (
        "INSERT INTO agg_client_won(client_id, n, days, first, last, first_day, last_day,"
        " money, year_money)"
        " SELECT client_id, COUNT(*), COUNT(DISTINCT closed_on), MIN(closed_on),"
        " MAX(closed_on), unixepoch(MIN(closed_on)) / 86400, unixepoch(MAX(closed_on)) / 86400,"
        " SUM(amount), SUM(CASE WHEN closed_on > date(latest, '-365 days') THEN amount END)"
        " FROM (SELECT client_id, closed_on, amount,"
        "       MAX(closed_on) OVER (PARTITION BY client_id) AS latest FROM deals"
        f"       WHERE {WON} AND closed_on IS NOT NULL{where})"
        " GROUP BY client_id;")


def _client_won(client: str) -> str:
    return (f"DELETE FROM agg_client_won WHERE client_id = {client};"
            + _client_won_select(f" AND client_id = {client}"))


CLIENT_WON_ALL = "DELETE FROM agg_client_won;" + _client_won_select("")

TRIGGERS = {
    "agg_stage_flow_ai": ("AFTER INSERT ON stage_changes",
                          _flow_row("NEW") + _relink("NEW.deal_id")),
    "agg_stage_flow_ad": ("AFTER DELETE ON stage_changes",
                          "DELETE FROM agg_stage_flow WHERE to_stage_id = OLD.to_stage_id"
                          " AND changed_at = OLD.changed_at AND change_id = OLD.id;"
                          + _relink("OLD.deal_id")),
    "agg_stage_flow_au": ("AFTER UPDATE OF deal_id, to_stage_id, changed_at ON stage_changes",
                          "DELETE FROM agg_stage_flow WHERE to_stage_id = OLD.to_stage_id"
                          " AND changed_at = OLD.changed_at AND change_id = OLD.id;"
                          + _flow_row("NEW") + _relink("OLD.deal_id")
                          + _relink("NEW.deal_id")),
    "agg_client_won_ai": ("AFTER INSERT ON deals", _client_won("NEW.client_id")),
    "agg_client_won_ad": ("AFTER DELETE ON deals", _client_won("OLD.client_id")),
    "agg_client_won_au": ("AFTER UPDATE OF client_id, stage_id, closed_on, amount ON deals",
                          _client_won("OLD.client_id") + _client_won("NEW.client_id")),
    "agg_client_won_stages": ("AFTER UPDATE OF is_won ON stages", CLIENT_WON_ALL),
}


def upgrade() -> None:
    op.execute("""
        CREATE TABLE agg_stage_flow (
            to_stage_id INTEGER NOT NULL,
            changed_at DATETIME NOT NULL,
            change_id INTEGER NOT NULL,
            deal_id INTEGER NOT NULL,
            next_changed_at DATETIME,
            next_stage_id INTEGER,
            PRIMARY KEY (to_stage_id, changed_at, change_id)
        ) WITHOUT ROWID""")
    op.execute("CREATE INDEX agg_stage_flow_deal ON agg_stage_flow (deal_id, changed_at)")
    op.execute("""
        INSERT INTO agg_stage_flow
        SELECT to_stage_id, changed_at, id, deal_id,
               LEAD(changed_at) OVER w, LEAD(to_stage_id) OVER w
        FROM stage_changes WINDOW w AS (PARTITION BY deal_id ORDER BY changed_at, id)""")
    op.execute("""
        CREATE TABLE agg_client_won (
            client_id INTEGER PRIMARY KEY,
            n INTEGER NOT NULL,
            days INTEGER NOT NULL,
            first DATE NOT NULL,
            last DATE NOT NULL,
            first_day INTEGER NOT NULL,
            last_day INTEGER NOT NULL,
            money INTEGER NOT NULL,
            year_money INTEGER NOT NULL)""")
    op.execute("CREATE INDEX agg_client_won_rfm ON agg_client_won (last_day, n, money)")
    for statement in CLIENT_WON_ALL.split(";"):
        if statement.strip():
            op.execute(statement)
    for name, (when, body) in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {when} BEGIN {body} END")
    # The funnel reads agg_stage_flow now; these two only served it.
    op.drop_index("ix_stage_changes_deal_time_stage", table_name="stage_changes")
    op.drop_index("ix_stage_changes_stage_time_deal", table_name="stage_changes")
    op.create_index("ix_deals_created_source", "deals", ["created_at", "source"])
    op.drop_index("ix_deals_closed_on", table_name="deals")
    op.create_index("ix_deals_closed_cover", "deals", ["closed_on", "stage_id", "source",
                                                        "amount", "lost_reason",
                                                        "competitor_id"])
    op.drop_index("ix_deals_client_id", table_name="deals")
    op.create_index("ix_deals_client_won", "deals", ["client_id", "stage_id", "closed_on",
                                                      "amount"])
    op.create_index("ix_clients_created_lead", "clients", ["created_at", "lead_source"])


def downgrade() -> None:
    op.drop_index("ix_clients_created_lead", table_name="clients")
    op.drop_index("ix_deals_client_won", table_name="deals")
    op.create_index("ix_deals_client_id", "deals", ["client_id"])
    op.drop_index("ix_deals_closed_cover", table_name="deals")
    op.create_index("ix_deals_closed_on", "deals", ["closed_on"])
    op.drop_index("ix_deals_created_source", table_name="deals")
    op.create_index("ix_stage_changes_stage_time_deal", "stage_changes",
                    ["to_stage_id", "changed_at", "deal_id"])
    op.create_index("ix_stage_changes_deal_time_stage", "stage_changes",
                    ["deal_id", "changed_at", "to_stage_id"])
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS agg_client_won")
    op.execute("DROP TABLE IF EXISTS agg_stage_flow")
