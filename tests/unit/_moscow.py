"""The user's time zone for a test module: Moscow (UTC+3 all year, no daylight saving).

`from tests.unit._moscow import moscow  # noqa: F401` makes it the zone of every test of the
module (an autouse fixture): local midnight is 21:00 UTC the day before.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def moscow(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Moscow")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
