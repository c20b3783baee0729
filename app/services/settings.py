"""Data-level settings that travel with the database (key → JSON value)."""

from __future__ import annotations

import json
from typing import Any

from app.models import Setting
from app.services.uow import UowFactory

DEFAULTS: dict[str, bool | str | int | dict[str, int]] = {
    "stall_in_working_days": False,
    "plan_actual_metric": "won_deals",  # or "payments"
    # the manager's day (issue 13): a service call every N days per client segment (a
    # client's own `service_every_days` overrides it), N for a segment not listed, and the
    # follow-up call proposed N days after a deal is won
    "service_rhythm_days": {"Ключевые": 14},
    "service_rhythm_default_days": 60,
    "follow_up_days": 14,
    "order_number_prefix": "З",  # orders are numbered З-2026-00001 (issue 14)
    # «Оплатить не позднее» of an invoice without an agreed due date: N days after it
    "invoice_payment_days": 5,
    # the first-run wizard was finished (issue 17); the language of new clients' documents
    "first_run_done": False,
    "default_document_language": "ru",
    # "lost_reasons": deals.defaults.DEFAULT_LOST_REASONS until the user edits the list
}


class SettingsService:
    def __init__(self, *, uow_factory: UowFactory) -> None:
        self._uow = uow_factory

    def get(self, key: str) -> Any:
        """The key's JSON value (of whatever JSON type the key holds), or its default."""
        with self._uow(read_only=True) as uow:
            row = uow.session.get(Setting, key)
            if row is None:
                return DEFAULTS.get(key)
            return json.loads(row.value)

    def set(self, key: str, value: object) -> None:
        self.set_many({key: value})

    def set_many(self, values: dict[str, object]) -> None:
        """Store several keys in one transaction (all of them or none)."""
        with self._uow() as uow:
            for key, value in values.items():
                row = uow.session.get(Setting, key)
                text = json.dumps(value, ensure_ascii=False)
                if row is None:
                    uow.session.add(Setting(key=key, value=text))
                else:
                    row.value = text
            uow.commit()
