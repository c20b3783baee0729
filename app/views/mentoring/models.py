"""Item models of the Наставничество tab: tables over lists of service DTOs
(`RecordTableModel` columns; `extra()` for the progress bars and colours) and the grouped
checklist."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.domain.dates import date_time, short_date
from app.i18n import translate
from app.services.activities import activity_kind_label
from app.services.documents.addressing import short_name
from app.services.mentoring import (
    AssessmentRow,
    LearningRow,
    MeetingChoice,
    MeetingRow,
    QuarterHours,
    SectionProgress,
    TaskRow,
    TemplateItemData,
    TemplateRow,
    TraineeRow,
    learning_kind_label,
    learning_status_label,
    skill_label,
    trainee_status_label,
)
from app.views import style
from app.views.record_model import Column, RecordTableModel

_Index = QModelIndex | QPersistentModelIndex
Display = Qt.ItemDataRole.DisplayRole
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 1  # an int 0..100 drawn as a bar


def hours_text(value: Any) -> str:
    text = f"{value.normalize():f}" if value is not None else ""
    return text.replace(".", ",")


class TraineeListModel(RecordTableModel[TraineeRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            # «Фокина П. П.»: the list is narrow; the tooltip and the card give the full name
            Column(translate("Mentoring", "Стажёр"), lambda r: short_name(r.name)),
            Column(translate("Mentoring", "Статус"), lambda r: trainee_status_label(r.status)),
            Column(translate("Mentoring", "Прогресс"), lambda r: f"{r.percent} %"),
        ], parent)

    def extra(self, row: TraineeRow, column: int, role: int) -> Any:
        if role == PROGRESS_ROLE and column == 2:
            return row.percent
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 1 and row.status == "left":
                return QColor(style.MUTED)
            if column == 0 and row.tasks_overdue and row.status == "onboarding":
                return QColor(style.DANGER)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.name + "\n" + translate(
                "Mentoring", "Начало: {start}; выполнено {done} из {total}, "
                             "просрочено {overdue}").format(
                start=short_date(row.start_date), done=row.tasks_done, total=row.tasks_total,
                overdue=row.tasks_overdue)
        return None


class TaskTableModel(QAbstractTableModel):
    """The trainee's checklist, grouped: a header row per section, then its tasks.

    Not a RecordTableModel: the section rows are not records (bold, not selectable, no
    check box), so every role would need a branch for them.

    The first column is a check box that ticks the task: ticking calls
    `on_toggle(task, checked)`, which the panel wires to the service before reloading.
    """

    COLUMNS = 5

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[TaskRow | str] = []
        self.on_toggle: Callable[[TaskRow, bool], None] | None = None

    def set_rows(self, tasks: Sequence[TaskRow]) -> None:
        self.beginResetModel()
        self._items = []
        section = None
        for task in tasks:
            if task.section != section:
                section = task.section
                self._items.append(section)
            self._items.append(task)
        self.endResetModel()

    def rows(self) -> list[TaskRow]:
        return [i for i in self._items if isinstance(i, TaskRow)]

    def row_at(self, row: int) -> TaskRow | None:
        item = self._items[row] if 0 <= row < len(self._items) else None
        return item if isinstance(item, TaskRow) else None

    def header_rows(self) -> list[int]:
        return [i for i, item in enumerate(self._items) if isinstance(item, str)]

    def find(self, predicate: Callable[[TaskRow], bool]) -> int:
        return next((i for i, r in enumerate(self._items)
                     if isinstance(r, TaskRow) and predicate(r)), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Display) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Display:
            return ("", translate("Mentoring", "Пункт"), translate("Mentoring", "Срок"),
                    translate("Mentoring", "Выполнено"),
                    translate("Mentoring", "Комментарий"))[section]
        return None

    def data(self, index: _Index, role: int = Display) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if isinstance(item, str):
            if role == Display and column == 0:
                return item
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.BackgroundRole:
                return QColor(style.SUNKEN)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(style.TEXT)
            return None
        row = item
        if role == Display:
            return ("", row.title, short_date(row.due_on), short_date(row.done_on),
                    row.mentor_comment)[column]
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if row.done_on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.overdue and column in (1, 2):
                return QColor(style.DANGER)
            if row.done_on and column in (1, 2):
                return QColor(style.MUTED)
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue:
            return QColor(style.DANGER_SOFT)
        if role == Qt.ItemDataRole.FontRole and row.overdue and column == 2:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [row.description] if row.description else []
            if row.overdue:
                parts.append(translate("Mentoring", "Просрочено"))
            if not row.from_template:
                parts.append(translate("Mentoring", "Личный пункт"))
            return "\n".join(parts) or None
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.row_at(index.row()) is None:
            return Qt.ItemFlag.ItemIsEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        task = self.row_at(index.row()) if index.isValid() else None
        if (role != Qt.ItemDataRole.CheckStateRole or task is None or index.column() != 0
                or self.on_toggle is None):
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.on_toggle(task, checked)
        return True


class SectionProgressModel(RecordTableModel[SectionProgress]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column(translate("Mentoring", "Раздел"), lambda r: r.section),
            Column(translate("Mentoring", "Прогресс"), lambda r: f"{r.percent} %"),
            Column(translate("Mentoring", "Готово"), lambda r: f"{r.done}/{r.total}"),
        ], parent)

    def extra(self, row: SectionProgress, column: int, role: int) -> Any:
        if role == PROGRESS_ROLE and column == 1:
            return row.percent
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and row.overdue:
            return QColor(style.DANGER)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.overdue:
                return translate("Mentoring", "{section}: просрочено пунктов — {n}").format(
                    section=row.section, n=row.overdue)
            return row.section
        return None


class MeetingTableModel(RecordTableModel[MeetingRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column(translate("Mentoring", "Когда"), lambda r: date_time(r.due_at)),
            Column(translate("Mentoring", "Тип"), lambda r: activity_kind_label(r.kind)),
            Column(translate("Mentoring", "Клиент"), lambda r: r.client_name),
            Column(translate("Mentoring", "Тема"), lambda r: r.subject),
            Column(translate("Mentoring", "Отзыв наставника"),
                   lambda r: r.feedback.replace("\n", " ")),
        ], parent)


class MeetingChoiceModel(RecordTableModel[MeetingChoice]):
    """One column: what a combo box shows for each candidate meeting."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([Column(
            translate("Mentoring", "Встреча"),
            lambda r: f"{date_time(r.due_at)} · {activity_kind_label(r.kind)} · "
                      f"{r.client_name or '—'} · {r.subject}")], parent)


class AssessmentTableModel(RecordTableModel[AssessmentRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column(translate("Mentoring", "Дата"), lambda r: short_date(r.assessed_on)),
            Column(translate("Mentoring", "Навык"), lambda r: skill_label(r.skill)),
            Column(translate("Mentoring", "Оценка"), lambda r: str(r.score)),
            Column(translate("Mentoring", "Комментарий"), lambda r: r.comment),
        ], parent)

    def extra(self, row: AssessmentRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            return QColor(style.DANGER if row.score <= 2 else
                          style.SUCCESS if row.score >= 4 else style.TEXT)
        return None


class TemplateListModel(RecordTableModel[TemplateRow]):
    def __init__(self, parent: Any = None) -> None:
        default = translate("Mentoring", " (по умолчанию)")
        super().__init__([
            Column(translate("Mentoring", "Шаблон"),
                   lambda r: r.name + (default if r.is_default else "")),
            Column(translate("Mentoring", "Пунктов"), lambda r: str(r.items)),
            Column(translate("Mentoring", "Стажёров"), lambda r: str(r.trainees)),
        ], parent)


class TemplateItemsModel(RecordTableModel[TemplateItemData]):
    """The template being edited: every cell editable, the rows numbered."""

    def __init__(self, parent: Any = None) -> None:
        center = Qt.AlignmentFlag.AlignCenter
        super().__init__([
            Column(translate("Mentoring", "Раздел"), lambda r: r.section,
                   edit=lambda r, v: replace(r, section=str(v))),
            Column(translate("Mentoring", "Пункт"), lambda r: r.title,
                   edit=lambda r, v: replace(r, title=str(v))),
            Column(translate("Mentoring", "Описание"), lambda r: r.description,
                   edit=lambda r, v: replace(r, description=str(v))),
            Column(translate("Mentoring", "Срок, дней"), lambda r: str(r.due_offset_days),
                   align=center, edit_value=lambda r: r.due_offset_days,
                   edit=lambda r, v: replace(r, due_offset_days=int(str(v).strip()))),
        ], parent, row_header=lambda i, _r: str(i + 1))


class LearningTableModel(RecordTableModel[LearningRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column(translate("Mentoring", "Вид"), lambda r: learning_kind_label(r.kind)),
            Column(translate("Mentoring", "Что"), lambda r: r.title),
            Column(translate("Mentoring", "Начало"), lambda r: short_date(r.started_on)),
            Column(translate("Mentoring", "Окончание"), lambda r: short_date(r.finished_on)),
            Column(translate("Mentoring", "Часы"), lambda r: hours_text(r.hours),
                   numeric=True),
            Column(translate("Mentoring", "Статус"),
                   lambda r: learning_status_label(r.status)),
            Column(translate("Mentoring", "Навык"), lambda r: r.skill),
        ], parent)

    def extra(self, row: LearningRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and row.takeaways:
            return row.takeaways
        if role == Qt.ItemDataRole.ForegroundRole and row.status in ("planned", "dropped"):
            return QColor(style.MUTED)
        return None


class QuarterHoursModel(RecordTableModel[QuarterHours]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column(translate("Mentoring", "Квартал"), lambda r: r.label),
            Column(translate("Mentoring", "Часы"), lambda r: hours_text(r.hours), numeric=True),
            Column(translate("Mentoring", "Записей"), lambda r: str(r.records), numeric=True),
        ], parent)
