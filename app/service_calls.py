"""The clients due a service call, kept by triggers: each active client's last contact and
the instant its rhythm runs out (migration 0011), so the Today tab reads them by one range.

The one place this SQL lives (SQLite-specific, like app/rollups.py): migration 0011 creates
the tables, fills them with `fill_statements()` and installs `TRIGGERS`; the demo's bulk load
(`app.rollups.bulk_load`) drops the per-row triggers (`BULK_TRIGGERS`) and fills the table
once after. `tests/unit/test_service_rhythm_rollup.py` compares it with a Python
recomputation after every kind of change.

- `agg_service_rhythm`: the rhythm settings mirrored as rows — (segment, days) for each
  entry of "service_rhythm_days", and (NULL, days) for "service_rhythm_default_days".
  Triggers on `settings` follow the JSON values as they are written (json_each /
  json_extract), so any writer of the settings keeps them. The defaults of a key never
  written live in Python (`services.settings.DEFAULTS`), which SQL cannot read: migration
  0011 writes its own copy of them (the defaults of that day), and a deleted settings row
  leaves the mirror as it was. The reader therefore compares the mirror with the rhythm
  it reads from the settings and, when they differ, answers by the slow scan instead
  (`WorklistService.service_due`) — never a wrong list.
- `agg_service_due`: one row per client that can be due — active, not archived, with no
  open service call (purpose "service") planned — holding `last_at`, its last contact (the
  latest planned time of its done activities, '' when it has none, so it sorts first),
  `rhythm`, its days (the client's `service_every_days`, else its segment's, else the
  default), and `due_at` = last_at + rhythm × 24 h in UTC ('' when never contacted). The
  section's rule (a contact on or after the local midnight of today − rhythm + 1 keeps a
  client off) differs from `due_at < tomorrow's local midnight` only by a change of the
  zone's UTC offset between those two days; the reader takes `due_at` below tomorrow − 2
  days as due, at or after tomorrow + 2 days as not, and checks the rule itself only on
  the rows between (a few days' worth of contacts).

A batch (copy-and-move) migration of `clients`, `activities` or `settings` drops these
triggers: re-create them (`TRIGGERS`) in the same migration.
"""

from __future__ import annotations

RHYTHM_KEY = "service_rhythm_days"
DEFAULT_KEY = "service_rhythm_default_days"

CREATE_TABLES = (
    "CREATE TABLE agg_service_rhythm (segment TEXT UNIQUE, days INTEGER NOT NULL)",
    "CREATE TABLE agg_service_due (client_id INTEGER PRIMARY KEY, last_at TEXT NOT NULL,"
    " rhythm INTEGER NOT NULL, due_at TEXT NOT NULL)",
    # the count: a range of due_at, covering; the first rows: by last contact, then id
    "CREATE INDEX agg_service_due_at ON agg_service_due (due_at, last_at, rhythm)",
    "CREATE INDEX agg_service_due_last ON agg_service_due (last_at)",
)
DROP_TABLES = ("DROP TABLE IF EXISTS agg_service_due",
               "DROP TABLE IF EXISTS agg_service_rhythm")

# a client's days: its own, else its segment's, else the default (the NULL row)
_RHYTHM = ("COALESCE(c.service_every_days,"
           " (SELECT r.days FROM agg_service_rhythm r WHERE r.segment = c.segment),"
           " (SELECT r.days FROM agg_service_rhythm r WHERE r.segment IS NULL))")
# printf's sign keeps the modifier valid for any number ('+14 days', '-3 days')
_DUE_AT = ("CASE WHEN last_at = '' THEN '' ELSE"
           " strftime('%Y-%m-%d %H:%M:%S', last_at, printf('%+d days', rhythm)) END")
_ELIGIBLE = ("c.status = 'active' AND c.archived = 0 AND NOT EXISTS (SELECT 1 FROM activities"
             " o WHERE o.client_id = c.id AND o.done = 0 AND o.purpose = 'service')")


def _insert(where: str, last: str) -> str:
    return ("INSERT INTO agg_service_due(client_id, last_at, rhythm, due_at)"
            f" SELECT id, last_at, rhythm, {_DUE_AT} FROM ("
            f"  SELECT c.id AS id, {last} AS last_at, {_RHYTHM} AS rhythm"
            f"  FROM clients c WHERE {where} AND {_ELIGIBLE});")


def _refresh(client: str, guard: str = "") -> str:
    """Re-derive one client's row (none when it cannot be due): its last contact is one
    seek of ix_activities_client_done_due."""
    last = ("COALESCE((SELECT max(a.due_at) FROM activities a"
            " WHERE a.client_id = c.id AND a.done = 1), '')")
    return (f"DELETE FROM agg_service_due WHERE client_id = {client}{guard};"
            + _insert(f"c.id = {client}{guard}", last))


# Every client's row in one statement (a seek of the index per active client).
FILL_DUE = _insert("1", "COALESCE((SELECT max(a.due_at) FROM activities a"
                   " WHERE a.client_id = c.id AND a.done = 1), '')").rstrip(";")

# The rhythm of every row again (after a settings change), with its due instant.
RECOMPUTE_ALL = (
    f"UPDATE agg_service_due SET rhythm = (SELECT {_RHYTHM} FROM clients c"
    " WHERE c.id = agg_service_due.client_id);"
    f"UPDATE agg_service_due SET due_at = {_DUE_AT};")

_SEGMENTS_FROM = (
    "DELETE FROM agg_service_rhythm WHERE segment IS NOT NULL;"
    "INSERT INTO agg_service_rhythm(segment, days)"
    " SELECT key, CAST(value AS INTEGER) FROM json_each({json})"
    " WHERE json_type({json}) = 'object';")
_DEFAULT_FROM = ("UPDATE agg_service_rhythm SET days = CAST(json_extract({json}, '$') AS INTEGER)"
                 " WHERE segment IS NULL;")

# an activity counts when it is (or was) done, or is a service call
_COUNTS_NEW = "NEW.client_id IS NOT NULL AND (NEW.done = 1 OR NEW.purpose = 'service')"
_COUNTS_OLD = "OLD.client_id IS NOT NULL AND (OLD.done = 1 OR OLD.purpose = 'service')"

TRIGGERS = {
    "svc_due_activity_ai": (f"AFTER INSERT ON activities WHEN {_COUNTS_NEW}",
                            _refresh("NEW.client_id")),
    "svc_due_activity_ad": (f"AFTER DELETE ON activities WHEN {_COUNTS_OLD}",
                            _refresh("OLD.client_id")),
    # a rescheduled open call of another purpose changes nothing: the WHEN skips it
    "svc_due_activity_au": ("AFTER UPDATE OF client_id, done, due_at, purpose ON activities"
                            f" WHEN ({_COUNTS_OLD}) OR ({_COUNTS_NEW})",
                            _refresh("OLD.client_id")
                            + _refresh("NEW.client_id",
                                       " AND NEW.client_id IS NOT OLD.client_id")),
    "svc_due_client_ai": ("AFTER INSERT ON clients", _refresh("NEW.id")),
    "svc_due_client_au": ("AFTER UPDATE OF status, archived, segment, service_every_days"
                          " ON clients", _refresh("NEW.id")),
    "svc_due_client_ad": ("AFTER DELETE ON clients",
                          "DELETE FROM agg_service_due WHERE client_id = OLD.id;"),
    "svc_due_rhythm_ai": (f"AFTER INSERT ON settings WHEN NEW.key = '{RHYTHM_KEY}'",
                          _SEGMENTS_FROM.format(json="NEW.value") + RECOMPUTE_ALL),
    "svc_due_rhythm_au": (f"AFTER UPDATE OF value ON settings WHEN NEW.key = '{RHYTHM_KEY}'",
                          _SEGMENTS_FROM.format(json="NEW.value") + RECOMPUTE_ALL),
    "svc_due_default_ai": (f"AFTER INSERT ON settings WHEN NEW.key = '{DEFAULT_KEY}'",
                           _DEFAULT_FROM.format(json="NEW.value") + RECOMPUTE_ALL),
    "svc_due_default_au": (f"AFTER UPDATE OF value ON settings WHEN NEW.key = '{DEFAULT_KEY}'",
                           _DEFAULT_FROM.format(json="NEW.value") + RECOMPUTE_ALL),
}

# the per-row triggers a bulk load of clients and activities drops and makes up for with
# FILL_DUE (the settings' triggers stay: a settings write recomputes the table anyway)
BULK_TRIGGERS = frozenset(name for name in TRIGGERS if not name.startswith(
    ("svc_due_rhythm_", "svc_due_default_")))


def _statements(script: str) -> list[str]:
    return [s for s in script.split(";") if s.strip()]


def fill_statements(*, default_segments_json: str, default_days_json: str) -> list[str]:
    """Fill both tables from the rows there (expects them empty and no triggers firing):
    the rhythm from the settings' rows, or from the JSON given for a key never written."""
    segments = (f"COALESCE((SELECT value FROM settings WHERE key = '{RHYTHM_KEY}'),"
                f" '{_quoted(default_segments_json)}')")
    default = (f"COALESCE((SELECT value FROM settings WHERE key = '{DEFAULT_KEY}'),"
               f" '{_quoted(default_days_json)}')")
    return [
        *_statements(_SEGMENTS_FROM.format(json=segments)),
        "INSERT INTO agg_service_rhythm(segment, days)"
        f" VALUES (NULL, CAST(json_extract({default}, '$') AS INTEGER))",
        FILL_DUE,
    ]


def refill_due_statements() -> list[str]:
    """Empty agg_service_due and fill it again from the rows (a bulk load's end)."""
    return ["DELETE FROM agg_service_due", FILL_DUE]


def _quoted(value: str) -> str:
    return value.replace("'", "''")


def create_trigger_statements() -> list[str]:
    return [f"CREATE TRIGGER {name} {when} BEGIN {body} END"
            for name, (when, body) in TRIGGERS.items()]
