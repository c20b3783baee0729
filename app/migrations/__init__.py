"""Alembic migrations of the SalesDesk schema.

`HEAD_REVISION` lets the app see whether a migration is pending with one cheap query,
without importing Alembic at start (a test keeps it equal to Alembic's head).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Alembic is imported only when a migration runs
    from alembic.config import Config
    from alembic.runtime.environment import NameFilterParentNames, NameFilterType
    from sqlalchemy import Connection
    from sqlalchemy.schema import SchemaItem

HEAD_REVISION = "0020"
KNOWN_REVISIONS = frozenset({"0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008",
                              "0009", "0010", "0011", "0012", "0013", "0014",
                              "0015", "0016", "0017", "0018", "0019", "0020"})

MIGRATIONS_DIR = Path(__file__).resolve().parent


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic Config built in code (no alembic.ini needed at run time)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


# FTS5 shadow tables, trigger-kept rollups (agg_) and other objects created with op.execute
# are not in the models;
# autogenerate must not see them, so the models-match-migrations test stays meaningful.
UNMANAGED_PREFIXES = ("fts_", "agg_", "sqlite_")


def include_object(
    obj: SchemaItem, name: str | None, type_: NameFilterType, reflected: bool,
    compare_to: SchemaItem | None,
) -> bool:
    return not (type_ == "table" and name and name.startswith(UNMANAGED_PREFIXES))


def include_name(name: str | None, type_: NameFilterType,
                 parent_names: NameFilterParentNames) -> bool:
    return not (type_ == "table" and name and name.startswith(UNMANAGED_PREFIXES))
