"""Alembic environment: batch mode for SQLite, naming convention from the models."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import create_engine

from app.migrations import include_name, include_object
from app.models import Base


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        url = context.config.get_main_option("sqlalchemy.url") or "sqlite:///salesdesk.db"
        from app.db import create_db_engine

        engine = create_db_engine(url.removeprefix("sqlite:///")) if url.startswith(
            "sqlite:///") else create_engine(url)
        with engine.begin() as conn:
            _configure_and_run(conn)
        return
    _configure_and_run(connection)


def _configure_and_run(connection: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        transactional_ddl=True,
        include_object=include_object,
        include_name=include_name,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
