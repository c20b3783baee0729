"""Errors the services raise for the user to read (known errors, not bugs)."""

from __future__ import annotations


class ServiceError(Exception):
    """A known problem with a readable message (shown as is in the GUI and the CLI)."""


class ValidationError(ServiceError):
    """Invalid input: maps each offending field to a readable message.

    Views show each message next to its field; the CLI prints them on one line.
    """

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(self.errors.values()))

    @classmethod
    def single(cls, field: str, message: str) -> ValidationError:
        return cls({field: message})


class NotFoundError(ServiceError):
    """The record the user asked for does not exist (any more)."""


class ConflictError(ServiceError):
    """The database refused a change (a constraint, a record in use)."""


class StorageError(ServiceError):
    """The disk or the file refused (full, read-only, locked by another program)."""


class DamagedDatabaseError(StorageError):
    """The database file turned out damaged while in use: restore it from a backup."""
