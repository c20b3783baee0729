"""Unit of work: one transaction per user action.

    with uow_factory() as uow:
        uow.session.add(...)
        uow.commit()

Leaving the block without `commit()` rolls everything back. Database refusals
(constraints, foreign keys) surface as `ConflictError` with a readable message.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Self

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from app.i18n import translate
from app.services.errors import ConflictError


class UnitOfWork:
    """One transaction: `session` is open between `__enter__` and `__exit__`."""

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._factory: sessionmaker[Session] = session_factory
        self._session: Session | None = None

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

    def commit(self) -> None:
        self._guarded(self.session.commit)

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


UowFactory = Callable[[], UnitOfWork]
"""What every service is given: each call is a new, not yet entered, unit of work."""


def make_uow_factory(engine: Engine) -> UowFactory:
    factory: sessionmaker[Session] = sessionmaker(bind=engine, expire_on_commit=False)

    def new_unit_of_work() -> UnitOfWork:
        return UnitOfWork(factory)

    return new_unit_of_work
