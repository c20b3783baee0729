"""Item models of the Наставничество tab: each a table over a list of service DTOs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.i18n import translate
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
from app.views.formatting import day, local_time

_Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
Display = Qt.ItemDataRole.DisplayRole
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 1  # an int 0..100 drawn as a bar
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's DTO


def _activity_kind(kind: str) -> str:
    return {"meeting": translate("Mentoring", "Встреча"),
            "presentation": translate("Mentoring", "Презентация")}.get(kind, kind)


def hours_text(value: Any) -> str:
    text = f"{value.normalize():f}" if value is not None else ""
    return text.replace(".", ",")


class RowTableModel(QAbstractTableModel, Generic[T]):
    """A read-only table over a list of DTOs; subclasses name the columns and cells."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    # subclasses --------------------------------------------------------------------
    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def cell(self, row: T, column: int) -> Any:
        raise NotImplementedError

    def extra(self, row: T, column: int, role: int) -> Any:
        return None

    # API ---------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find(self, predicate: Callable[[T], bool]) -> int:
        return next((i for i, r in enumerate(self._rows) if predicate(r)), -1)

    # Qt ----------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Display) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Display:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def data(self, index: _Index, role: int = Display) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Display:
            return self.cell(row, index.column())
        if role == ROW_ROLE:
            return row
        return self.extra(row, index.column(), role)


class TraineeListModel(RowTableModel[TraineeRow]):
    def headers(self) -> Sequence[str]:
        return (translate("Mentoring", "Стажёр"), translate("Mentoring", "Статус"),
                translate("Mentoring", "Прогресс"))

    def cell(self, row: TraineeRow, column: int) -> Any:
        if column == 0:
            return row.name
        if column == 1:
            return trainee_status_label(row.status)
        return f"{row.percent} %"

    def extra(self, row: TraineeRow, column: int, role: int) -> Any:
        if role == PROGRESS_ROLE and column == 2:
            return row.percent
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 1 and row.status == "left":
                return QColor(style.MUTED)
            if column == 0 and row.tasks_overdue and row.status == "onboarding":
                return QColor(style.DANGER)
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate("Mentoring", "Начало: {start}; выполнено {done} из {total}, "
                                          "просрочено {overdue}").format(
                start=day(row.start_date), done=row.tasks_done, total=row.tasks_total,
                overdue=row.tasks_overdue)
        return None


class TaskTableModel(QAbstractTableModel):
    """The trainee's checklist, grouped: a header row per section, then its tasks.

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
                return QColor("#eef2f8")
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(style.TEXT)
            return None
        row = item
        if role == Display:
            return ("", row.title, day(row.due_on), day(row.done_on),
                    row.mentor_comment)[column]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if row.done_on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.overdue and column in (1, 2):
                return QColor(style.DANGER)
            if row.done_on and column in (1, 2):
                return QColor(style.MUTED)
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue:
            return QColor("#fef2f2")
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


class SectionProgressModel(RowTableModel[SectionProgress]):
    def headers(self) -> Sequence[str]:
        return (translate("Mentoring", "Раздел"), translate("Mentoring", "Прогресс"),
                translate("Mentoring", "Готово"))

    def cell(self, row: SectionProgress, column: int) -> Any:
        if column == 0:
            return row.section
        if column == 1:
            return f"{row.percent} %"
        return f"{row.done}/{row.total}"

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


class MeetingTableModel(RowTableModel[MeetingRow]):
    def headers(self) -> Sequence[str]:
        return (translate("Mentoring", "Когда"), translate("Mentoring", "Тип"),
                translate("Mentoring", "Клиент"), translate("Mentoring", "Тема"),
                translate("Mentoring", "Отзыв наставника"))

    def cell(self, row: MeetingRow, column: int) -> Any:
        return (local_time(row.due_at), _activity_kind(row.kind), row.client_name,
                row.subject, row.feedback.replace("\n", " "))[column]


class MeetingChoiceModel(RowTableModel[MeetingChoice]):
    """One column: what a combo box shows for each candidate meeting."""

    def headers(self) -> Sequence[str]:
        return (translate("Mentoring", "Встреча"),)

    def cell(self, row: MeetingChoice, column: int) -> Any:
        return f"{local_time(row.due_at)} · {_activity_kind(row.kind)} · " \
               f"{row.client_name or '—'} · {row.subject}"


class AssessmentTableModel(RowTableModel[AssessmentRow]):
    def headers(self) -> Sequence[str]:
        return (translate("Mentoring", "Дата"), translate("Mentoring", "Навык"),
                translate("Mentoring", "Оценка"), translate("Mentoring", "Комментарий"))

    def cell(self, row: AssessmentRow, column: int) -> Any:
        return (day(row.assessed_on), skill_label(row.skill), str(row.score),
                row.comment)[column]

    def extra(self, row: AssessmentRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            return QColor(style.DANGER if row.score <= 2 else
                          style.SUCCESS if row.score >= 4 else style.TEXT)
        return None


class TemplateListModel(RowTableModel[TemplateRow]):
    def headers(self) -> Sequence[str]:
        return (translate("Mentoring", "Шаблон"), translate("Mentoring", "Пунктов"),
                translate("Mentoring", "Стажёров"))

    def cell(self, row: TemplateRow, column: int) -> Any:
        if column == 0:
            return row.name + (translate("Mentoring", " (по умолчанию)") if row.is_default
                               else "")
        return str(row.items if column == 1 else row.trainees)


class TemplateItemsModel(RowTableModel[TemplateItemData]):
    """The template being edited: every cell editable; rows with errors are marked."""

    FIELDS = ("section", "title", "description", "due_offset_days")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._errors: dict[int, str] = {}

    def headers(self) -> Sequence[str]:
        return (translate("Mentoring", "Раздел"), translate("Mentoring", "Пункт"),
                translate("Mentoring", "Описание"), translate("Mentoring", "Срок, дней"))

    def cell(self, row: TemplateItemData, column: int) -> Any:
        return getattr(row, self.FIELDS[column])

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Display) -> Any:
        if orientation == Qt.Orientation.Vertical and role == Display:
            return str(section + 1)
        return super().headerData(section, orientation, role)

    def set_errors(self, errors: dict[int, str]) -> None:
        self._errors = dict(errors)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, self.columnCount() - 1))

    def extra(self, row: TemplateItemData, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.EditRole:
            return getattr(row, self.FIELDS[column])
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def data(self, index: _Index, role: int = Display) -> Any:
        if (role == Qt.ItemDataRole.BackgroundRole or role == Qt.ItemDataRole.ToolTipRole) \
                and index.isValid() and 0 <= index.row() < len(self._rows):
            if index.row() in self._errors:
                return (QColor("#fee2e2") if role == Qt.ItemDataRole.BackgroundRole
                        else self._errors[index.row()])
            return None
        return super().data(index, role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid():
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        field = self.FIELDS[index.column()]
        if field == "due_offset_days":
            try:
                value = int(str(value).strip())
            except ValueError:
                return False
        else:
            value = str(value)
        self._rows[index.row()] = replace(self._rows[index.row()], **{field: value})
        self.dataChanged.emit(index, index)
        return True

    def insert_item(self, row: int, item: TemplateItemData) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, item)
        self.endInsertRows()

    def remove_item(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self._errors = {}

    def move_item(self, row: int, step: int) -> bool:
        target = row + step
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return False
        dest = target + 1 if step > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), dest)
        self._rows[row], self._rows[target] = self._rows[target], self._rows[row]
        self.endMoveRows()
        self._errors = {}
        return True


class LearningTableModel(RowTableModel[LearningRow]):
    def headers(self) -> Sequence[str]:
        return (translate("Mentoring", "Вид"), translate("Mentoring", "Что"),
                translate("Mentoring", "Начало"), translate("Mentoring", "Окончание"),
                translate("Mentoring", "Часы"), translate("Mentoring", "Статус"),
                translate("Mentoring", "Навык"))

    def cell(self, row: LearningRow, column: int) -> Any:
        return (learning_kind_label(row.kind), row.title, day(row.started_on),
                day(row.finished_on), hours_text(row.hours), learning_status_label(row.status),
                row.skill)[column]

    def extra(self, row: LearningRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole and row.takeaways:
            return row.takeaways
        if role == Qt.ItemDataRole.ForegroundRole and row.status in ("planned", "dropped"):
            return QColor(style.MUTED)
        return None


class QuarterHoursModel(RowTableModel[QuarterHours]):
    def headers(self) -> Sequence[str]:
        return (translate("Mentoring", "Квартал"), translate("Mentoring", "Часы"),
                translate("Mentoring", "Записей"))

    def cell(self, row: QuarterHours, column: int) -> Any:
        return (row.label, hours_text(row.hours), str(row.records))[column]

    def extra(self, row: QuarterHours, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None
