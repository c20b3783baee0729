"""Small rules shared by the mentoring features: trimmed text, required fields, rows by id."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import TypeVar

from sqlalchemy.orm import Session

from app.i18n import translate
from app.models import Base
from app.services.errors import NotFoundError

M = TypeVar("M", bound=Base)


def trimmed(value: str | None) -> str:
    return (value or "").strip()


def require(errors: dict[str, str], field: str, value: str, message: str) -> None:
    if not value:
        errors[field] = message


def day_start_utc(day: date) -> datetime:
    tz = datetime.now().astimezone().tzinfo
    return datetime.combine(day, time.min, tzinfo=tz).astimezone(UTC)


def row_or_not_found(session: Session, model: type[M], ident: int) -> M:
    obj = session.get(model, ident)
    if obj is None:
        raise NotFoundError(translate("Mentoring", "Запись не найдена (id {id})").format(
            id=ident))
    return obj
