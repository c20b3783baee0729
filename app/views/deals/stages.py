"""Pipeline settings: stage names, order, probability and stall limits; the lost reasons;
counting stall days in working days."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
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
from app.views.forms import FieldErrors, in_platform_order
from app.views.record_model import Column, RecordTableModel
from app.views.style import named
from app.views.unsaved import EditorDialog


def _stage_kind(st: StageInput) -> str:
    if st.is_won:
        return translate("Deals", "выигрыш")
    if st.is_lost:
        return translate("Deals", "проигрыш")
    return translate("Deals", "рабочий")


class StagesModel(RecordTableModel[StageInput]):
    """The stages being edited, in pipeline order; the kind (working, won, lost) is fixed."""

    NAME, PROBABILITY, STALL, KIND = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column(translate("Deals", "Этап"), lambda st: st.name,
                   edit=lambda st, v: replace(st, name=str(v).strip())),
            Column(translate("Deals", "Вероятность, %"), lambda st: str(st.probability),
                   edit_value=lambda st: st.probability,
                   edit=lambda st, v: replace(st, probability=int(str(v).strip()))),
            Column(translate("Deals", "Застревает через, дн."),
                   lambda st: "" if st.stall_days is None else str(st.stall_days),
                   edit_value=lambda st: "" if st.stall_days is None else st.stall_days,
                   edit=lambda st, v: replace(
                       st, stall_days=int(str(v).strip()) if str(v).strip() else None)),
            Column(translate("Deals", "Тип"), _stage_kind),
        ], parent)


class StageSettingsDialog(EditorDialog):
    """The pipeline's stages, the lost reasons and working days; closing with unsaved
    changes asks first."""

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._deals = services.deals
        self.setWindowTitle(translate("Deals", "Настройка воронки"))
        self.resize(760, 620)
        v = QVBoxLayout(self)
        v.addWidget(named(QLabel(translate("Deals", "Этапы сделки")), "sectionTitle"))
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
        self.errors = FieldErrors()
        v.addWidget(self.errors.attach_rows(
            "stages", self.view, describe=lambda n, message: translate(
                "Deals", "Строка {n}: {message}").format(n=n + 1, message=message)))
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
        v.addWidget(named(QLabel(translate("Deals", "Причины проигрыша (по одной в строке)")),
                          "sectionTitle"))
        self.reasons = QPlainTextEdit()
        self._builtin = {lost_reason_label(k): k for k in
                         ("price", "competitor", "no_budget", "no_need", "postponed",
                          "no_answer", "other")}
        self.reasons.setPlainText("\n".join(lost_reason_label(k)
                                            for k in self._deals.lost_reasons()))
        self.reasons.setFixedHeight(150)
        v.addWidget(self.reasons)
        v.addWidget(self.errors.attach("lost_reasons", self.reasons))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(translate("Deals", "Отмена"))
        cancel.clicked.connect(self.reject)
        save = named(QPushButton(translate("Deals", "Сохранить")), "primary")
        save.clicked.connect(self.save)
        for button in in_platform_order(save, cancel):
            buttons.addWidget(button)
        v.addLayout(buttons)
        self.track_changes(values=self.edited_values, save=self.save)

    def edited_values(self) -> tuple[object, ...]:
        return tuple(self.model.rows()), self.reasons.toPlainText(), self.working_days.isChecked()

    def _on_add_clicked(self) -> None:
        idx = self.view.currentIndex()
        opens = [i for i, r in enumerate(self.model.rows()) if not (r.is_won or r.is_lost)]
        at = idx.row() + 1 if idx.isValid() else (opens[-1] + 1 if opens else 0)
        row = self.model.insert_row(at, StageInput(name=translate("Deals", "Новый этап"),
                                                   probability=50, stall_days=10))
        self.view.selectRow(row)

    def _on_remove_clicked(self) -> None:
        idx = self.view.currentIndex()
        if idx.isValid():
            self.model.remove_row(idx.row())

    def _move(self, step: int) -> None:
        idx = self.view.currentIndex()
        if idx.isValid():
            self.view.selectRow(self.model.move_row(idx.row(), step))

    def reason_keys(self) -> list[str]:
        lines = [ln.strip() for ln in self.reasons.toPlainText().splitlines() if ln.strip()]
        return [self._builtin.get(ln, ln) for ln in lines]

    def save(self) -> bool:
        try:
            self._deals.save_stages(self.model.rows())
            self._deals.set_lost_reasons(self.reason_keys())
            self._deals.set_stall_in_working_days(self.working_days.isChecked())
        except ValidationError as exc:
            for message in self.errors.show(exc):
                dialogs.show_error(self, message)
            return False
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return False
        self.accept()
        return True
