"""Values an earlier check guarantees, with their real types.

A model column declared nullable (`Mapped[date | None]`) stays nullable in a typed row even
when the query's WHERE clause (`... IS NOT NULL`, `due_at < :end`) or an inner join rules
NULL out; an optional argument stays optional after the validation that refused None.
`not_null` states that guarantee where the value is used, and turns a broken one into a
clear error instead of a `TypeError` deep in date or money arithmetic.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import CursorResult, Result

T = TypeVar("T")


def not_null(value: T | None, what: str) -> T:
    """`value`, which a query or a validation before guarantees is not None (NULL); `what`
    names it in the error."""
    if value is None:
        raise RuntimeError(f"{what} is None (NULL) although it was checked not to be")
    return value


def rowcount(result: Result[*tuple[Any, ...]]) -> int:
    """The number of rows an UPDATE or DELETE run through `Session.execute` matched.

    `Session.execute` is typed as returning a `Result`; for a DML statement it is a
    `CursorResult`, the class that has `rowcount`.
    """
    if not isinstance(result, CursorResult):
        raise TypeError(f"not the result of an UPDATE or DELETE: {type(result).__name__}")
    return int(result.rowcount)
