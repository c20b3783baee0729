"""Pipeline settings: stage names, order, probability and stall limits; the lost reasons;
counting stall days in working days."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.i18n import translate
from app.services.deals import StageInput, lost_reason_label
from app.services.errors import ServiceError, ValidationError
from app.views import dialogs

_Index = QModelIndex | QPersistentModelIndex
_D = Qt.ItemDataRole.DisplayRole
_E = Qt.ItemDataRole.EditRole


class StagesModel(QAbstractTableModel):
    NAME, PROBABILITY, STALL, KIND = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[StageInput] = []

    def set_rows(self, rows: list[StageInput]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[StageInput]:
        return list(self._rows)

    def insert_open(self, row: int) -> int:
        row = max(0, min(row, len(self._rows)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, StageInput(name=translate("Deals", "Новый этап"),
                                          probability=50, stall_days=10))
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def move(self, row: int, step: int) -> int:
        to = row + step
        if not (0 <= row < len(self._rows) and 0 <= to < len(self._rows)):
            return row
        self.beginResetModel()
        self._rows[row], self._rows[to] = self._rows[to], self._rows[row]
        self.endResetModel()
        return to

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _D) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _D:
            return (translate("Deals", "Этап"), translate("Deals", "Вероятность, %"),
                    translate("Deals", "Застревает через, дн."),
                    translate("Deals", "Тип"))[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() != self.KIND:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def data(self, index: _Index, role: int = _D) -> Any:
        if not index.isValid():
            return None
        st = self._rows[index.row()]
        if role in (_D, _E):
            c = index.column()
            if c == self.NAME:
                return st.name
            if c == self.PROBABILITY:
                return st.probability
            if c == self.STALL:
                return "" if st.stall_days is None else st.stall_days
            if c == self.KIND:
                if st.is_won:
                    return translate("Deals", "выигрыш")
                if st.is_lost:
                    return translate("Deals", "проигрыш")
                return translate("Deals", "рабочий")
        return None

    def setData(self, index: _Index, value: Any, role: int = _E) -> bool:
        if not index.isValid() or role != _E:
            return False
        st = self._rows[index.row()]
        c = index.column()
        text = str(value).strip()
        try:
            if c == self.NAME:
                st = replace(st, name=text)
            elif c == self.PROBABILITY:
                st = replace(st, probability=int(text))
            elif c == self.STALL:
                st = replace(st, stall_days=int(text) if text else None)
            else:
                return False
        except ValueError:
            return False
        self._rows[index.row()] = st
        self.dataChanged.emit(index, index)
        return True


class StageSettingsDialog(QDialog):
    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._deals = services.deals
        self.setWindowTitle(translate("Deals", "Настройка воронки"))
        self.resize(760, 620)
        v = QVBoxLayout(self)
        v.addWidget(QLabel(translate("Deals", "Этапы сделки"), objectName="sectionTitle"))
        self.model = StagesModel(self)
        self.model.set_rows([StageInput(id=s.id, name=s.name, probability=s.probability,
                                        stall_days=s.stall_days, is_won=s.is_won,
                                        is_lost=s.is_lost) for s in self._deals.stages()])
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        v.addWidget(self.view, 1)
        bar = QHBoxLayout()
        for text, handler in (
            (translate("Deals", "+ Этап"), self._on_add_clicked),
            (translate("Deals", "Удалить"), self._on_remove_clicked),
            (translate("Deals", "↑ Выше"), lambda: self._move(-1)),
            (translate("Deals", "↓ Ниже"), lambda: self._move(1)),
        ):
            b = QPushButton(text)
            b.clicked.connect(handler)
            bar.addWidget(b)
        bar.addStretch(1)
        v.addLayout(bar)
        self.working_days = QCheckBox(translate(
            "Deals", "Считать дни в этапе в рабочих днях (без выходных и праздников РФ)"))
        self.working_days.setChecked(self._deals.stall_in_working_days())
        v.addWidget(self.working_days)
        v.addWidget(QLabel(translate("Deals", "Причины проигрыша (по одной в строке)"),
                           objectName="sectionTitle"))
        self.reasons = QPlainTextEdit()
        self._builtin = {lost_reason_label(k): k for k in
                         ("price", "competitor", "no_budget", "no_need", "postponed",
                          "no_answer", "other")}
        self.reasons.setPlainText("\n".join(lost_reason_label(k)
                                            for k in self._deals.lost_reasons()))
        self.reasons.setFixedHeight(150)
        v.addWidget(self.reasons)
        self.error = QLabel(objectName="fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        v.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(translate("Deals", "Отмена"))
        cancel.clicked.connect(self.reject)
        save = QPushButton(translate("Deals", "Сохранить"), objectName="primary")
        save.clicked.connect(self.save)
        buttons.addWidget(cancel)
        buttons.addWidget(save)
        v.addLayout(buttons)

    def _on_add_clicked(self) -> None:
        idx = self.view.currentIndex()
        opens = [i for i, r in enumerate(self.model.rows()) if not (r.is_won or r.is_lost)]
        row = self.model.insert_open(idx.row() + 1 if idx.isValid() else
                                     (opens[-1] + 1 if opens else 0))
        self.view.selectRow(row)

    def _on_remove_clicked(self) -> None:
        idx = self.view.currentIndex()
        if idx.isValid():
            self.model.remove(idx.row())

    def _move(self, step: int) -> None:
        idx = self.view.currentIndex()
        if idx.isValid():
            self.view.selectRow(self.model.move(idx.row(), step))

    def reason_keys(self) -> list[str]:
        lines = [ln.strip() for ln in self.reasons.toPlainText().splitlines() if ln.strip()]
        return [self._builtin.get(ln, ln) for ln in lines]

    def save(self) -> bool:
        try:
            self._deals.save_stages(self.model.rows())
            self._deals.set_lost_reasons(self.reason_keys())
            self._deals.set_stall_in_working_days(self.working_days.isChecked())
        except ValidationError as exc:
            self.error.setText("\n".join(exc.errors.values()))
            self.error.show()
            return False
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return False
        self.accept()
        return True
