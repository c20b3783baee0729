"""The service-call rhythm settings: days per client segment, for the other segments, and the
follow-up call after a sale — read, validated and stored together.

A client's own rhythm (`clients.service_every_days`) is edited on its card and checked by
`rhythm_days_error`, the one rule for a number of days here: a whole number from 1 to 365.
The stored values are mirrored for the Today tab by triggers (app/service_calls.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select

from app.i18n import translate
from app.models import Client
from app.services.activities.follow_up import FOLLOW_UP_KEY
from app.services.errors import ValidationError
from app.services.settings import DEFAULTS, SettingsService
from app.services.uow import UowFactory

RHYTHM_KEY = "service_rhythm_days"
RHYTHM_DEFAULT_KEY = "service_rhythm_default_days"
MAX_RHYTHM_DAYS = 365
MAX_SEGMENT_LENGTH = 100  # clients.segment


def rhythm_days_error(value: object) -> str | None:
    """The message for a number of days that is not a whole number from 1 to 365."""
    if isinstance(value, bool) or not isinstance(value, int) or not (
            1 <= value <= MAX_RHYTHM_DAYS):
        return translate("Activities", "От 1 до {n} дней").format(n=MAX_RHYTHM_DAYS)
    return None


@dataclass(frozen=True)
class SegmentRhythm:
    segment: str
    days: int | None  # None: the rhythm of the other segments
    clients: int = 0  # active clients of the segment now (0: a segment only in the settings)


@dataclass(frozen=True)
class RhythmSettings:
    """What the «Ритм работы с клиентами» dialog edits."""

    segments: tuple[SegmentRhythm, ...]  # the clients' segments and those of the settings
    default_days: int  # every segment without its own rhythm
    follow_up_days: int  # the call after a won deal, this many days later


def _stored_int(value: object, key: str) -> int:
    """A stored number of days, or the key's default when the stored value is not one."""
    if rhythm_days_error(value) is None:
        assert isinstance(value, int)
        return value
    default = DEFAULTS[key]
    assert isinstance(default, int)
    return default


class ServiceRhythms:
    """Read and store the rhythm settings (one transaction for all of them)."""

    _uow: UowFactory
    _settings: SettingsService

    def rhythm_settings(self) -> RhythmSettings:
        stored = self._settings.get(RHYTHM_KEY)
        by_segment = ({str(k): v for k, v in stored.items()} if isinstance(stored, dict)
                      else {})
        with self._uow(read_only=True) as uow:
            # every segment in use, with its active clients (those a service call is for)
            counts: dict[str, int] = {segment: int(n or 0) for segment, n in uow.session.execute(
                select(Client.segment,
                       func.sum(case((Client.status == "active", 1), else_=0)))
                .where(Client.segment != "", Client.archived.is_(False))
                .group_by(Client.segment))}
        names = sorted({*counts, *by_segment}, key=str.casefold)
        segments = tuple(SegmentRhythm(
            name, by_segment[name] if rhythm_days_error(by_segment.get(name)) is None else None,
            counts.get(name, 0)) for name in names)
        return RhythmSettings(
            segments, _stored_int(self._settings.get(RHYTHM_DEFAULT_KEY), RHYTHM_DEFAULT_KEY),
            _stored_int(self._settings.get(FOLLOW_UP_KEY), FOLLOW_UP_KEY))

    def save_rhythm_settings(self, value: RhythmSettings) -> RhythmSettings:
        """Validate and store; errors keyed `segments.N.segment` / `segments.N.days`,
        `default_days`, `follow_up_days`. A segment without days is left out (it takes
        the default); a name twice (letter case aside) is refused."""
        errors: dict[str, str] = {}
        by_segment: dict[str, int] = {}
        seen: dict[str, int] = {}
        for n, row in enumerate(value.segments):
            name = " ".join(row.segment.split())
            if not name:
                errors[f"segments.{n}.segment"] = translate("Activities", "Укажите сегмент")
            elif len(name) > MAX_SEGMENT_LENGTH:
                errors[f"segments.{n}.segment"] = translate(
                    "Activities", "Не длиннее {n} знаков").format(n=MAX_SEGMENT_LENGTH)
            elif name.casefold() in seen:
                errors[f"segments.{n}.segment"] = translate(
                    "Activities", "Сегмент «{name}» уже есть в списке").format(name=name)
            seen.setdefault(name.casefold(), n)
            if row.days is None:
                continue
            problem = rhythm_days_error(row.days)
            if problem:
                errors[f"segments.{n}.days"] = problem
            else:
                by_segment[name] = row.days
        for key, days in (("default_days", value.default_days),
                          ("follow_up_days", value.follow_up_days)):
            problem = rhythm_days_error(days)
            if problem:
                errors[key] = problem
        if errors:
            raise ValidationError(errors)
        self._settings.set_many({RHYTHM_KEY: by_segment,
                                 RHYTHM_DEFAULT_KEY: value.default_days,
                                 FOLLOW_UP_KEY: value.follow_up_days})
        return self.rhythm_settings()
