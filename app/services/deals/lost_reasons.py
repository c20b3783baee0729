"""Lost-reason settings: the reasons a deal can be lost for, and their labels."""

from __future__ import annotations

from app.i18n import translate
from app.services.deals.defaults import DEFAULT_LOST_REASONS
from app.services.errors import ValidationError
from app.services.settings import SettingsService


def lost_reason_label(key: str) -> str:
    labels = {
        "price": translate("Deals", "Цена"),
        "competitor": translate("Deals", "Выбрали конкурента"),
        "no_budget": translate("Deals", "Нет бюджета"),
        "no_need": translate("Deals", "Нет потребности"),
        "postponed": translate("Deals", "Отложили"),
        "no_answer": translate("Deals", "Не выходят на связь"),
        "other": translate("Deals", "Другое"),
    }
    return labels.get(key, key)


class LostReasonSettings:
    """The configured lost reasons (the defaults until the user edits the list)."""

    _settings: SettingsService

    def lost_reasons(self) -> list[str]:
        value = self._settings.get("lost_reasons")
        if not isinstance(value, list) or not value:
            return list(DEFAULT_LOST_REASONS)
        return [str(v) for v in value]

    def set_lost_reasons(self, reasons: list[str]) -> None:
        cleaned: list[str] = []
        for r in reasons:
            r = r.strip()
            if r and r not in cleaned:
                cleaned.append(r)
        if not cleaned:
            raise ValidationError.single(
                "lost_reasons", translate("Deals", "Нужна хотя бы одна причина проигрыша"))
        self._settings.set("lost_reasons", cleaned)

