"""The codes of activities and their one label each: kinds, results, reactions, priorities."""

from __future__ import annotations

from datetime import datetime

from app.domain.dates import date_time
from app.i18n import translate
from app.models import ACTIVITY_KINDS, ACTIVITY_PRIORITIES, ACTIVITY_PURPOSES, REPEAT_UNITS

__all__ = [
    "ACTIVITY_KINDS", "ACTIVITY_PRIORITIES", "ACTIVITY_PURPOSES", "ALL_RESULTS", "CALL_RESULTS",
    "DEFAULT_REMIND_BEFORE", "GENERIC_RESULTS", "MEETING_KINDS", "MEETING_RESULTS",
    "PLANNABLE_KINDS", "REACTIONS", "REPEAT_UNITS", "activity_kind_label", "next_step_text",
    "priority_label", "purpose_label", "reaction_label", "repeat_unit_label", "result_label",
    "results_for",
]

PLANNABLE_KINDS = ("call", "meeting", "presentation", "email", "task")
MEETING_KINDS = ("meeting", "presentation")  # planned length, the client's reaction

# outcome codes, in the order a completion dialog offers them
CALL_RESULTS = ("reached", "no_answer", "busy", "call_back", "wrong_number", "refused")
MEETING_RESULTS = ("held", "moved", "cancelled")  # meeting and presentation
GENERIC_RESULTS = ("done", "cancelled")  # email, task, note
ALL_RESULTS = tuple(dict.fromkeys(CALL_RESULTS + MEETING_RESULTS + GENERIC_RESULTS))
REACTIONS = ("positive", "neutral", "negative")  # the client's reaction to a meeting

# minutes before the start; the other kinds have no reminder unless one is set
DEFAULT_REMIND_BEFORE = {"meeting": 15, "presentation": 15, "call": 0}


def activity_kind_label(kind: str) -> str:
    """`Звонок` for "call": the one label of each activity kind, on screen and in documents."""
    labels = {
        "call": translate("Activity", "Звонок"),
        "meeting": translate("Activity", "Встреча"),
        "email": translate("Activity", "Письмо"),
        "presentation": translate("Activity", "Презентация"),
        "task": translate("Activity", "Задача"),
        "note": translate("Activity", "Заметка"),
    }
    return labels.get(kind, kind)


def results_for(kind: str) -> tuple[str, ...]:
    """The outcomes an activity of `kind` can be closed with, in the dialog's order."""
    if kind == "call":
        return CALL_RESULTS
    if kind in MEETING_KINDS:
        return MEETING_RESULTS
    return GENERIC_RESULTS


def result_label(code: str) -> str:
    """`Дозвонился` for "reached"; "" for no result (an open activity, an old done one)."""
    labels = {
        "reached": translate("Activity", "Дозвонился"),
        "no_answer": translate("Activity", "Не ответил"),
        "busy": translate("Activity", "Занято"),
        "call_back": translate("Activity", "Просил перезвонить"),
        "wrong_number": translate("Activity", "Неверный номер"),
        "refused": translate("Activity", "Отказ"),
        "held": translate("Activity", "Состоялась"),
        "moved": translate("Activity", "Перенесена"),
        "cancelled": translate("Activity", "Отменено"),
        "done": translate("Activity", "Выполнено"),
    }
    return labels.get(code, code)


def reaction_label(code: str) -> str:
    """`Положительная` for "positive": the client's reaction to a meeting or presentation."""
    labels = {
        "positive": translate("Activity", "Положительная"),
        "neutral": translate("Activity", "Нейтральная"),
        "negative": translate("Activity", "Отрицательная"),
    }
    return labels.get(code, code)


def priority_label(code: str) -> str:
    """`Высокий` for "high"."""
    labels = {
        "low": translate("Activity", "Низкий"),
        "normal": translate("Activity", "Обычный"),
        "high": translate("Activity", "Высокий"),
    }
    return labels.get(code, code)


def purpose_label(code: str) -> str:
    """`Сервисный звонок` for "service"; "" for an activity with no special purpose."""
    labels = {
        "": "",
        "service": translate("Activity", "Сервисный звонок"),
        "follow_up": translate("Activity", "Звонок после продажи"),
        "greeting": translate("Activity", "Поздравление"),
    }
    return labels.get(code, code)


def repeat_unit_label(unit: str) -> str:
    """`дн.` for "day": the unit of a repeat rule as «каждые 2 нед.» writes it."""
    labels = {
        "": "",
        "day": translate("Activity", "дн."),
        "week": translate("Activity", "нед."),
        "month": translate("Activity", "мес."),
    }
    return labels.get(unit, unit)



def next_step_text(subject: str | None, due_at: datetime | None, no_next_reason: str = "",
                   old_text: str = "") -> str:
    """What came after a done activity, in one line: the next activity (subject and local
    time), «Без следующего шага: reason», or the free text of activities done before
    issue 13; "" when nothing is known."""
    if subject:
        if due_at is None:
            return translate("Activity", "Следующий шаг: {subject}").format(subject=subject)
        return translate("Activity", "Следующий шаг: {subject}, {when}").format(
            subject=subject, when=date_time(due_at))
    if no_next_reason:
        return translate("Activity", "Без следующего шага: {reason}").format(
            reason=no_next_reason)
    if old_text:
        return translate("Activity", "Следующий шаг: {subject}").format(subject=old_text)
    return ""
