"""The call after a won deal: how many days later (a setting) and the draft the win proposes."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from app.i18n import translate
from app.models import Deal
from app.services.activities.dtos import ActivityDraft
from app.services.errors import NotFoundError, ValidationError
from app.services.settings import DEFAULTS, SettingsService
from app.services.uow import UowFactory
from app.services.workdays import is_working_day

FOLLOW_UP_KEY = "follow_up_days"
FOLLOW_UP_TIME = time(10, 0)  # local time of the proposed call
MAX_FOLLOW_UP_DAYS = 365


class FollowUps:
    """Winning a deal proposes a call N days later asking how the client is satisfied."""

    _uow: UowFactory
    _settings: SettingsService

    def follow_up_days(self) -> int:
        """Settings "follow_up_days" (default 14); a stored value out of range gives the default."""
        value = self._settings.get(FOLLOW_UP_KEY)
        if isinstance(value, int) and not isinstance(value, bool) and (
                1 <= value <= MAX_FOLLOW_UP_DAYS):
            return value
        default = DEFAULTS[FOLLOW_UP_KEY]
        assert isinstance(default, int)
        return default

    def set_follow_up_days(self, days: int) -> None:
        if not 1 <= days <= MAX_FOLLOW_UP_DAYS:
            raise ValidationError.single(FOLLOW_UP_KEY, translate(
                "Activities", "От 1 до {n} дней").format(n=MAX_FOLLOW_UP_DAYS))
        self._settings.set(FOLLOW_UP_KEY, days)

    def follow_up_draft(self, deal_id: int, *, today: date | None = None) -> ActivityDraft:
        """The follow-up call for a deal won `today`: `follow_up_days` later at 10:00 local
        time, moved to the next working day when it falls on a weekend or a holiday."""
        day = (today or date.today()) + timedelta(days=self.follow_up_days())
        while not is_working_day(day):
            day += timedelta(days=1)
        with self._uow(read_only=True) as uow:
            deal = uow.session.get(Deal, deal_id)
            if deal is None:
                raise NotFoundError(translate("Activities", "Сделка не найдена"))
            title, client_id, contact_id = deal.title, deal.client_id, deal.contact_id
        return ActivityDraft(
            kind="call", subject=translate("Activities", "Как вам «{title}»?").format(title=title),
            client_id=client_id, contact_id=contact_id, deal_id=deal_id,
            due_at=datetime.combine(day, FOLLOW_UP_TIME).astimezone(), purpose="follow_up",
            notes=translate("Activities", "Узнать, доволен ли клиент покупкой, всё ли пришло "
                                          "и работает; записать оценку и пожелания."))
