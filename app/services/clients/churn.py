"""Why a client was lost or churned, and to whom: the reasons' labels and their rules.

The one home of the churn reason's wording (the client card asks it, the client-base page
and the losses report count by it). A reason is asked when a client is marked lost
(«Потерян») or churned («Ушёл»); a client of another status keeps none, and the competitor
is kept only with the reason «к конкуренту».
"""

from __future__ import annotations

from datetime import date

from app.i18n import translate
from app.models.clients import CHURN_REASONS

# the statuses that carry a churn reason
CHURN_STATUSES = ("lost", "churned")


def churn_reason_label(code: str) -> str:
    """«к конкуренту», «цена»… ('' for no reason given; an unknown code as it is)."""
    return {
        "competitor": translate("Clients", "к конкуренту"),
        "price": translate("Clients", "цена"),
        "quality": translate("Clients", "качество"),
        "service": translate("Clients", "сервис"),
        "no_need": translate("Clients", "нет потребности"),
        "closed": translate("Clients", "компания закрылась"),
        "other": translate("Clients", "другое"),
    }.get(code, code)


def churn_reason_choices() -> list[tuple[str, str]]:
    """(code, label) of every reason, in CHURN_REASONS' order."""
    return [(code, churn_reason_label(code)) for code in CHURN_REASONS]


def carries_churn_reason(status: str) -> bool:
    return status in CHURN_STATUSES


def churn_day(old_status: str | None, new_status: str, kept: date | None,
              today: date) -> date | None:
    """The day a client left (clients.churned_on): set when it becomes lost or churned
    (`old_status` None: a new client), kept while it stays so, None once it is back."""
    if new_status not in CHURN_STATUSES:
        return None
    if old_status in CHURN_STATUSES and kept is not None:
        return kept
    return today


__all__ = ["CHURN_REASONS", "CHURN_STATUSES", "carries_churn_reason", "churn_day",
           "churn_reason_choices",
           "churn_reason_label"]
