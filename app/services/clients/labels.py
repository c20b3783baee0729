"""Labels of the clients area's codes: status, kind, order status, complaint category."""

from __future__ import annotations

from app.i18n import translate


def status_label(status: str) -> str:
    return {
        "lead": translate("Clients", "Лид"),
        "active": translate("Clients", "Активный"),
        "lost": translate("Clients", "Потерян"),
        "churned": translate("Clients", "Ушёл"),
    }.get(status, status)


def kind_label(kind: str) -> str:
    return {
        "organization": translate("Clients", "Организация"),
        "entrepreneur": translate("Clients", "ИП"),
        "person": translate("Clients", "Физическое лицо"),
    }.get(kind, kind)


def document_language_label(code: str) -> str:
    """A client's document language as the card offers it."""
    return {
        "ru": translate("Clients", "русский"),
        "en": translate("Clients", "английский"),
    }.get(code, code)


def complaint_category_label(category: str) -> str:
    """«качество»: a complaint's category inside a sentence of the client's history (the
    label itself lives with the complaints, `market.feedback.complaint_category_label`)."""
    from app.services.market.feedback import complaint_category_label as label

    return label(category).lower()
