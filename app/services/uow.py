"""Unit of work: one transaction per user action.

    with uow_factory() as uow:
        uow.session.add(...)
        uow.commit()

Leaving the block without `commit()` rolls everything back. Database refusals
(constraints, foreign keys) surface as `ConflictError` with a readable message; the disk's
and the file's (full, read-only, locked, damaged) as `StorageError`.

A unit of work writes unless it is opened with `read_only=True`: a writing one starts with
`BEGIN IMMEDIATE`, so it waits for another writer instead of failing half-way (app/db.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Protocol, Self

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from app.db import READ_ONLY_OPTION
from app.db_errors import DatabaseDamagedError, storage_error
from app.i18n import translate
from app.services.errors import ConflictError, DamagedDatabaseError, StorageError


class UnitOfWork:
    """One transaction: `session` is open between `__enter__` and `__exit__`."""

    def __init__(self, session_factory: sessionmaker[Session], *, read_only: bool = False,
                 db_path: Path | None = None,
                 on_commit: Callable[[], None] | None = None) -> None:
        self._factory: sessionmaker[Session] = session_factory
        self._session: Session | None = None
        self.read_only = read_only
        self._db_path = db_path or Path("salesdesk.db")
        self._on_commit = on_commit

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("UnitOfWork used outside its `with` block")
        return self._session

    def __enter__(self) -> Self:
        self._session = self._factory()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session = self._session
        if session is None:
            raise RuntimeError("UnitOfWork left without being entered")
        try:
            session.rollback()
        finally:
            session.close()
            self._session = None
        if isinstance(exc, DBAPIError) and not isinstance(exc, IntegrityError):
            raise self._storage_error(exc) from exc

    def _storage_error(self, exc: DBAPIError) -> Exception:
        """The disk's or the file's refusal in the user's words; a bug stays as it is."""
        problem = storage_error(exc, self._db_path)
        if problem is None:
            return exc
        if isinstance(problem, DatabaseDamagedError):
            return DamagedDatabaseError(str(problem))
        return StorageError(str(problem))

    def commit(self) -> None:
        if self.read_only:
            raise RuntimeError("commit() in a read-only unit of work")
        self._guarded(self.session.commit)
        if self._on_commit is not None:
            self._on_commit()

    def flush(self) -> None:
        self._guarded(self.session.flush)

    def _guarded(self, action: Callable[[], None]) -> None:
        """Run commit/flush; a database refusal rolls back and becomes a ConflictError."""
        try:
            action()
        except IntegrityError as exc:
            self.session.rollback()
            raise ConflictError(
                translate("Database", "База данных отклонила изменение: {reason}").format(
                    reason=_integrity_reason(exc)
                )
            ) from exc


def _integrity_reason(exc: IntegrityError) -> str:
    text = str(exc.orig) if exc.orig is not None else str(exc)
    if "FOREIGN KEY" in text:
        return translate("Database", "запись связана с другими данными")
    if "UNIQUE" in text:
        return translate("Database", "такая запись уже есть ({detail})").format(
            detail=text.split(":", 1)[-1].strip()
        )
    if "CHECK" in text:
        return translate("Database", "недопустимое значение ({detail})").format(
            detail=text.split(":", 1)[-1].strip()
        )
    return text


class UowFactory(Protocol):
    """What every service is given: each call is a new, not yet entered, unit of work."""

    def __call__(self, *, read_only: bool = False) -> UnitOfWork: ...


def make_uow_factory(engine: Engine, *, db_path: Path | None = None,
                     on_commit: Callable[[], None] | None = None) -> UowFactory:
    writer: sessionmaker[Session] = sessionmaker(bind=engine, expire_on_commit=False)
    reader: sessionmaker[Session] = sessionmaker(
        bind=engine.execution_options(**{READ_ONLY_OPTION: True}), expire_on_commit=False)

    def new_unit_of_work(*, read_only: bool = False) -> UnitOfWork:
        return UnitOfWork(reader if read_only else writer, read_only=read_only,
                          db_path=db_path, on_commit=on_commit)

    return new_unit_of_work
