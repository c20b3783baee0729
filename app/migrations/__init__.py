"""Alembic migrations of the SalesDesk schema.

`HEAD_REVISION` lets the app see whether a migration is pending with one cheap query,
without importing Alembic at start (a test keeps it equal to Alembic's head).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

HEAD_REVISION = "0001"
KNOWN_REVISIONS = frozenset({"0001"})

MIGRATIONS_DIR = Path(__file__).resolve().parent


def alembic_config(connection: Any = None) -> Any:
    """An Alembic Config built in code (no alembic.ini needed at run time)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg
