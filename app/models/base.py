"""Declarative base, naming convention and the column types the domain needs.

Money is stored as INTEGER kopecks (SQLAlchemy's Numeric on SQLite goes through float),
quantities as INTEGER thousandths, percentages as INTEGER hundredths of a percent, and
timestamps as naive UTC (SQLite drops offsets silently, so we convert on the way in).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import CheckConstraint, DateTime, Dialect, Integer, MetaData
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

from app.domain.figures import PERCENT_PLACES, QUANTITY_PLACES
from app.domain.money import from_kopecks, to_kopecks

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _reject_float(value: object) -> None:
    if isinstance(value, float):
        raise TypeError("exact decimal columns refuse float; pass Decimal, int or str")


class Money(TypeDecorator[Decimal]):
    """Decimal rubles ↔ INTEGER kopecks, rounded half-up on the way in."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        _reject_float(value)
        return to_kopecks(value)

    def process_result_value(self, value: int | None, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return from_kopecks(value)


class _ScaledDecimal(TypeDecorator[Decimal]):
    """Decimal ↔ INTEGER with a fixed number of decimal places."""

    impl = Integer
    cache_ok = True
    places = 0

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        _reject_float(value)
        quantum = Decimal(1).scaleb(-self.places)
        return int(Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP).scaleb(self.places))

    def process_result_value(self, value: int | None, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(int(value)).scaleb(-self.places)


class Quantity(_ScaledDecimal):
    """Quantities to 0.001 (kilograms, metres, pieces)."""

    cache_ok = True
    places = QUANTITY_PLACES


class Percent(_ScaledDecimal):
    """Percentages to 0.01 % (discounts, shares)."""

    cache_ok = True
    places = PERCENT_PLACES


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes stored as naive UTC and read back as aware UTC.

    A naive value is refused: its meaning (local? UTC?) would be a guess.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("timestamps must carry a time zone (use datetime.now(UTC))")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


def check_in(column: str, values: tuple[str, ...], name: str) -> CheckConstraint:
    """CHECK that a text column holds one of the domain's values."""
    quoted = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f"{column} IN ({quoted})", name=name)


__all__ = [
    "Base",
    "CheckConstraint",
    "DateTime",
    "Money",
    "Percent",
    "Quantity",
    "UTCDateTime",
    "check_in",
    "utcnow",
]
