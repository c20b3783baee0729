"""Checklist templates: the list, an editor of ordered sections and items, copy, delete,
JSON export and import."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.i18n import translate
from app.services.errors import ServiceError, ValidationError
from app.services.mentoring import TemplateItemData, TemplateRow
from app.views import dialogs
from app.views.empty_state import EmptyHint
from app.views.forms import FieldErrors, form_layout
from app.views.mentoring.models import TemplateItemsModel, TemplateListModel
from app.views.style import named
from app.views.unsaved import RecordSwitch, UnsavedChanges


class TemplatesPage(QWidget):
    """The templates and the editor of one; leaving an edited template (for another, a new,
    a copy or an import, or by quitting) asks first.

    Signals:
        templates_changed: a template was saved, copied, imported or deleted.
    """

    templates_changed = Signal()

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._editing_id: int | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        splitter = QSplitter()
        layout.addWidget(splitter)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 8, 0)
        self.list_model = TemplateListModel(self)
        self.list_view = QTableView()
        self.list_view.setModel(self.list_model)
        self.list_hint = EmptyHint(self.list_view, translate(
            "Templates", "Шаблонов нет: «Новый» — шаблон плана адаптации стажёра."))
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.verticalHeader().hide()
        self.list_view.setWordWrap(False)
        h = self.list_view.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        ll.addWidget(self.list_view, 1)
        row1 = QHBoxLayout()
        self.new_button = QPushButton(translate("Mentoring", "Новый"))
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.copy_button = QPushButton(translate("Mentoring", "Копировать"))
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.delete_button = QPushButton(translate("Mentoring", "Удалить"))
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        for b in (self.new_button, self.copy_button, self.delete_button):
            row1.addWidget(b)
        ll.addLayout(row1)
        row2 = QHBoxLayout()
        self.export_button = QPushButton(translate("Mentoring", "Экспорт JSON…"))
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.import_button = QPushButton(translate("Mentoring", "Импорт JSON…"))
        self.import_button.clicked.connect(self._on_import_button_clicked)
        row2.addWidget(self.export_button)
        row2.addWidget(self.import_button)
        ll.addLayout(row2)
        splitter.addWidget(left)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(8, 0, 0, 0)
        form = form_layout()
        self.errors = FieldErrors()
        self.name_edit = QLineEdit()
        self.errors.add_row(form, translate("Mentoring", "Название"), "name", self.name_edit)
        self.description_edit = QLineEdit()
        form.addRow(translate("Mentoring", "Описание"), self.description_edit)
        rl.addLayout(form)
        hint = QLabel(translate("Mentoring", "Пункты по порядку. Срок — дней от начала "
                                             "стажировки (0 — в первый день). Двойной щелчок "
                                             "по ячейке — изменить."))
        hint.setObjectName("cardNote")
        hint.setWordWrap(True)
        rl.addWidget(hint)
        self.items_model = TemplateItemsModel(self)
        self.items_view = QTableView()
        self.items_view.setModel(self.items_model)
        self.items_hint = EmptyHint(self.items_view, translate(
            "Templates", "В шаблоне нет пунктов: «Добавить пункт» — что стажёр делает и "
                         "на какой день."))
        self.items_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items_view.verticalHeader().setDefaultSectionSize(26)
        ih = self.items_view.horizontalHeader()
        ih.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        ih.setStretchLastSection(False)
        ih.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 200), (1, 290), (3, 90)):
            self.items_view.setColumnWidth(col, width)
        rl.addWidget(self.items_view, 1)
        self.items_error = self.errors.attach_rows("items", self.items_view)
        rl.addWidget(self.items_error)
        buttons = QHBoxLayout()
        self.add_item_button = QPushButton(translate("Mentoring", "Добавить пункт"))
        self.add_item_button.clicked.connect(self._on_add_item_button_clicked)
        self.remove_item_button = QPushButton(translate("Mentoring", "Удалить пункт"))
        self.remove_item_button.clicked.connect(self._on_remove_item_button_clicked)
        self.up_button = QPushButton("↑")
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton("↓")
        self.down_button.clicked.connect(lambda: self._move(1))
        for b in (self.up_button, self.down_button):
            b.setFixedWidth(40)
        for b in (self.add_item_button, self.remove_item_button, self.up_button,
                  self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.revert_button = QPushButton(translate("Mentoring", "Отменить изменения"))
        self.revert_button.clicked.connect(self._on_revert_button_clicked)
        self.save_button = named(QPushButton(translate("Mentoring", "Сохранить шаблон")),
                                 "primary")
        self.save_button.clicked.connect(self._on_save_button_clicked)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        rl.addLayout(buttons)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 1000])
        self.unsaved = UnsavedChanges(
            self, values=self.edited_values, save=self.save,
            subject=lambda: translate("Mentoring", "Шаблон чек-листа «{name}»").format(
                name=self.name_edit.text().strip()))
        self.unsaved.mark_clean()
        self.switch = RecordSwitch(
            self.list_view, [self.unsaved],
            key_at=lambda row: t.id if (t := self.list_model.row_at(row)) else None,
            shown=lambda: self._editing_id, load=self._load_template)

    # --- API --------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        """The list again; a template being edited stays in the editor as it is."""
        keep = select_id if select_id is not None else self._editing_id
        with self.switch.quietly():
            self.list_model.set_rows(self._services.mentoring.templates())
        row = self.list_model.find(lambda t: t.id == keep) if keep is not None else -1
        if row < 0 and self.list_model.rowCount():
            row = 0
        template = self.list_model.row_at(row)
        self.switch.after_reload(template.id if template else None)
        if template is None and not self.unsaved.is_modified():
            self._load_template(None)

    def current(self) -> TemplateRow | None:
        rows = self.list_view.selectionModel().selectedRows()
        return self.list_model.row_at(rows[0].row()) if rows else None

    def editor_items(self) -> list[TemplateItemData]:
        return self.items_model.rows()

    def edited_values(self) -> tuple[object, ...]:
        return (self.name_edit.text(), self.description_edit.text(),
                tuple(self.items_model.rows()))

    # --- slots ------------------------------------------------------------------------
    def _load_template(self, template_id: object) -> None:
        """Show a stored template in the editor (None: an empty editor, nothing selected)."""
        self.errors.clear()
        if not isinstance(template_id, int):
            self._editing_id = None
            self.name_edit.clear()
            self.description_edit.clear()
            self.items_model.set_rows([])
        else:
            detail = self._services.mentoring.template(template_id)
            self._editing_id = detail.id
            self.name_edit.setText(detail.name)
            self.description_edit.setText(detail.description)
            self.items_model.set_rows(detail.items)
        for b in (self.copy_button, self.delete_button, self.export_button):
            b.setEnabled(self._editing_id is not None)
        self.unsaved.mark_clean()

    def _on_revert_button_clicked(self) -> None:
        self._load_template(self._editing_id)

    def _leave(self) -> bool:
        """Before the editor shows another template: ask about its edits (False: stay)."""
        outcome = self.unsaved.settle()
        if outcome.goes_on:
            self.unsaved.mark_clean()  # saved or dropped: what comes next replaces them
        return outcome.goes_on

    def _on_new_button_clicked(self) -> None:
        if not self._leave():
            return
        self.switch.select(None)
        self._editing_id = None
        self.errors.clear()
        self.name_edit.setText(translate("Mentoring", "Новый шаблон"))
        self.description_edit.clear()
        self.items_model.set_rows([TemplateItemData(
            translate("Mentoring", "Знакомство с компанией"), "", "", 1)])
        self.name_edit.setFocus()
        self.name_edit.selectAll()
        for b in (self.copy_button, self.delete_button, self.export_button):
            b.setEnabled(False)
        self.unsaved.mark_clean()

    def _selected_item_row(self) -> int:
        rows = self.items_view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _on_add_item_button_clicked(self) -> None:
        row = self._selected_item_row()
        items = self.items_model.rows()
        base = items[row] if row >= 0 else (items[-1] if items else None)
        section = base.section if base else translate("Mentoring", "Знакомство с компанией")
        offset = base.due_offset_days if base else 1
        at = row + 1 if row >= 0 else len(items)
        self.items_model.insert_row(at, TemplateItemData(section, "", "", offset))
        index = self.items_model.index(at, 1)
        self.items_view.selectRow(at)
        self.items_view.edit(index)

    def _on_remove_item_button_clicked(self) -> None:
        row = self._selected_item_row()
        if row >= 0:
            self.items_model.remove_row(row)

    def _move(self, step: int) -> None:
        row = self._selected_item_row()
        if row >= 0:
            self.items_view.selectRow(self.items_model.move_row(row, step))

    def _on_save_button_clicked(self) -> None:
        self.save()

    def save(self) -> bool:
        """Store the template being edited; a refusal is shown and the editor stays."""
        try:
            saved = self._services.mentoring.save_template(
                self._editing_id, name=self.name_edit.text(),
                description=self.description_edit.text(), items=self.items_model.rows())
        except ValidationError as exc:
            self._show_errors(exc)
            return False
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return False
        self.unsaved.mark_clean()
        self.refresh(select_id=saved)
        self.templates_changed.emit()
        return True

    def _show_errors(self, exc: ValidationError) -> None:
        unplaced = self.errors.show(exc)
        if unplaced:
            dialogs.show_error(self, "\n".join(unplaced))

    def _on_copy_button_clicked(self) -> None:
        template = self.current()
        if template is not None and self._leave():  # a copy of the stored template
            new_id = self._services.mentoring.copy_template(template.id)
            self.refresh(select_id=new_id)
            self.templates_changed.emit()

    def _on_delete_button_clicked(self) -> None:
        template = self.current()
        if template is None:
            return
        used = self._services.mentoring.template_usage(template.id)
        if used:
            text = translate(
                "Mentoring", "Шаблон «{name}» назначен стажёрам: {n}. Удалить его? Задачи "
                             "стажёров останутся в их чек-листах.").format(
                name=template.name, n=used)
        else:
            text = translate("Mentoring", "Удалить шаблон «{name}»?").format(name=template.name)
        if not dialogs.confirm(self, translate("Mentoring", "Удалить шаблон"), text):
            return
        self._services.mentoring.delete_template(template.id)
        self._editing_id = None
        self.unsaved.mark_clean()  # its edits go with it
        self.refresh()
        self.templates_changed.emit()

    def _on_export_button_clicked(self) -> None:
        template = self.current()
        if template is None:
            return
        safe = re.sub(r"[^\w\- ]+", "", template.name).strip() or "template"
        path = dialogs.ask_save_path(self, translate("Mentoring", "Экспорт шаблона"),
                                     f"{safe}.json", "JSON (*.json)")
        if not path:
            return
        try:
            Path(path).write_text(self._services.mentoring.export_template_json(template.id),
                                  encoding="utf-8")
        except OSError as exc:
            dialogs.show_error(self, str(exc))

    def _on_import_button_clicked(self) -> None:
        path = dialogs.ask_open_path(self, translate("Mentoring", "Импорт шаблона"),
                                     "JSON (*.json)")
        if not path:
            return
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            dialogs.show_error(self, str(exc))
            return
        if not self._leave():  # the imported template is shown next
            return
        try:
            new_id = self._services.mentoring.import_template_json(text)
        except ServiceError as exc:
            dialogs.show_error(self, translate("Mentoring", "Шаблон не импортирован: {err}")
                               .format(err=exc))
            self._load_template(self._editing_id)  # as stored: the edits were saved or dropped
            return
        self.refresh(select_id=new_id)
        self.templates_changed.emit()
