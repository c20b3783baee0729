"""The table of a client's or a deal's activities: open ones with their time, done ones with
their outcome, result text and what came next."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtWidgets import QHeaderView, QTableView

from app.domain.dates import date_time
from app.i18n import translate
from app.services.activities import ActivityDetail, activity_kind_label, result_label
from app.services.activities.codes import next_step_text
from app.views import style
from app.views.record_model import Column, RecordTableModel


def _muted_if_done(a: ActivityDetail) -> str | None:
    return style.MUTED if a.done else None


def _when_color(a: ActivityDetail) -> str | None:
    """Done ones grey, overdue ones red."""
    if a.done:
        return style.MUTED
    overdue = a.due_at is not None and a.due_at < datetime.now(UTC)
    return style.DANGER if overdue else None


def outcome_text(a: ActivityDetail) -> str:
    """`Дозвонился: договорились о встрече`; `запланировано` for an open activity."""
    if not a.done:
        return translate("ActivityList", "запланировано")
    label = result_label(a.result) if a.result else translate("ActivityList", "сделано")
    return f"{label}: {a.outcome}" if a.outcome else label


def fit_activity_columns(view: QTableView) -> None:
    """Time and kind as wide as they need, the subject the rest; the deal, the outcome and
    the next step get a fixed share (their full text is in the tooltip)."""
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column in (0, 1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    model = view.model()
    count = model.columnCount() if model is not None else 0
    widths = (120, 190, 210) if count == 6 else (210, 230)
    for column, width in zip(range(count - len(widths), count), widths, strict=True):
        view.setColumnWidth(column, width)


class ActivityListModel(RecordTableModel[ActivityDetail]):
    """Activities as the client card and the deal editor list them (done ones greyed)."""

    def __init__(self, parent: Any = None, *, show_deal: bool = False) -> None:
        self._by_id: dict[int, ActivityDetail] = {}
        columns: list[Column[ActivityDetail]] = [
            Column(translate("ActivityList", "Когда"),
                   lambda a: date_time(a.done_at if a.done and a.done_at else a.due_at),
                   color=_when_color),
            Column(translate("ActivityList", "Вид"), lambda a: activity_kind_label(a.kind),
                   color=_muted_if_done),
            Column(translate("ActivityList", "Что"), lambda a: a.subject, tooltip=lambda a:
                   a.notes or None),
        ]
        if show_deal:
            columns.append(Column(translate("ActivityList", "Сделка"), lambda a: a.deal_title,
                                  color=_muted_if_done))
        columns += [
            Column(translate("ActivityList", "Результат"), outcome_text,
                   color=lambda a: None if a.done else style.ACCENT,
                   tooltip=lambda a: outcome_text(a) if a.done else None),
            Column(translate("ActivityList", "Следующий шаг"), self.next_step_text,
                   color=lambda a: style.WARNING if a.done and a.no_next_reason else None,
                   tooltip=lambda a: self.next_step_text(a) or None),
        ]
        super().__init__(columns, parent)

    def set_rows(self, rows: Any, *, columns: Any = None) -> None:
        self._by_id = {a.id: a for a in rows}
        super().set_rows(rows, columns=columns)

    def next_step_text(self, a: ActivityDetail) -> str:
        """What followed a done activity: the next one, or why there is none."""
        if not a.done:
            return ""
        nxt = self._by_id.get(a.next_activity_id) if a.next_activity_id is not None else None
        if a.next_activity_id is not None and nxt is None:  # not in this list (another deal)
            return translate("ActivityList", "запланирован")
        return next_step_text(nxt.subject if nxt else None, nxt.due_at if nxt else None,
                              a.no_next_reason, a.next_step)


__all__ = ["ActivityListModel", "outcome_text"]
