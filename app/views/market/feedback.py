"""Рекламации и удовлетворённость: the complaints list with its filters and the complaint
editor (with its corrective tasks), and the satisfaction page (NPS of a period and segment,
the detractors with their last complaint, the «Оценка…» dialog)."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain.dates import date_time, short_date
from app.domain.figures import percent_text
from app.domain.money import format_money
from app.i18n import plural, translate
from app.services.errors import ServiceError
from app.services.market.feedback import (
    COMPLAINT_CATEGORIES,
    COMPLAINT_STATUSES,
    SCORE_RANGES,
    ClientLinks,
    ComplaintDetail,
    ComplaintDraft,
    ComplaintFilter,
    ComplaintRow,
    CorrectiveTask,
    Detractor,
    NpsSummary,
    ScoreDraft,
    ScoreProposal,
    ScoreRow,
    complaint_category_label,
    complaint_status_label,
    nps_text,
    score_kind_label,
)
from app.services.plan.periods import Period, add_months, parse_period
from app.views import dialogs, style
from app.views.activities.editor import stored_or_shown
from app.views.clients.picker import ClientPicker
from app.views.deals.common import parse_decimal
from app.views.empty_state import EmptyHint
from app.views.forms import FieldErrors, dialog_buttons, error_banner, form_layout
from app.views.orders.fields import date_edit, read_date, set_date
from app.views.record_model import Column, RecordTableModel
from app.views.style import named
from app.views.unsaved import EditorDialog

TASK_TIME = time(10, 0)  # a corrective task is due at 10:00 local time of its day


def _table(model: QAbstractItemModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _status_filters() -> list[tuple[str, str]]:
    return ([("", translate("Complaints", "Все статусы")),
             ("active", translate("Complaints", "Новые и в работе"))]
            + [(code, complaint_status_label(code)) for code in COMPLAINT_STATUSES])


def _tasks_text(r: ComplaintRow) -> str:
    total = r.tasks_open + r.tasks_done
    if not total:
        return ""
    return translate("Complaints", "{done} из {total}").format(done=r.tasks_done, total=total)


def _status_color(status: str) -> str | None:
    return {"open": style.ACCENT, "resolved": style.SUCCESS, "rejected": style.MUTED}.get(status)


# --- the complaints list ----------------------------------------------------------------

class ComplaintsPage(QWidget):
    """The complaints with filters (status, overdue only, client); overdue ones red and
    first. Enter or a double-click opens the editor.

    Signals:
        complaint_changed(int): a complaint was saved or deleted here (its id).
    """

    complaint_changed = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._today = today
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        bar = QHBoxLayout()
        self.new_button = named(QPushButton(translate("Complaints", "Новая рекламация…")),
                                "primary")
        self.new_button.clicked.connect(self._on_new_button_clicked)
        bar.addWidget(self.new_button)
        self.open_button = QPushButton(translate("Complaints", "Открыть"))
        self.open_button.clicked.connect(self._on_open_button_clicked)
        bar.addWidget(self.open_button)
        self.delete_button = QPushButton(translate("Complaints", "Удалить"))
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        bar.addWidget(self.delete_button)
        bar.addSpacing(16)
        self.status_combo = QComboBox()
        for code, label in _status_filters():
            self.status_combo.addItem(label, code)
        self.status_combo.setCurrentIndex(1)  # new and in work: what needs doing
        self.status_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        bar.addWidget(self.status_combo)
        self.overdue_check = QCheckBox(translate("Complaints", "Только просроченные"))
        self.overdue_check.toggled.connect(lambda _on: self.refresh())
        bar.addWidget(self.overdue_check)
        self.client_picker = ClientPicker(services=services)
        self.client_picker.setPlaceholderText(translate("Complaints", "Клиент: все"))
        self.client_picker.setMaximumWidth(280)
        self.client_picker.client_chosen.connect(lambda _id: self.refresh())
        self.client_picker.client_cleared.connect(self.refresh)
        bar.addWidget(self.client_picker)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.summary = named(QLabel(), "cardNote")
        layout.addWidget(self.summary)
        self.model: RecordTableModel[ComplaintRow] = RecordTableModel([
            Column(translate("Complaints", "Дата"), lambda r: short_date(r.opened_on)),
            Column(translate("Complaints", "Клиент"), lambda r: r.client_name),
            Column(translate("Complaints", "Категория"), lambda r: r.category_label),
            Column(translate("Complaints", "Суть"), lambda r: r.description,
                   tooltip=lambda r: r.description),
            Column(translate("Complaints", "Статус"), lambda r: r.status_label,
                   color=lambda r: _status_color(r.status)),
            Column(translate("Complaints", "Срок"),
                   lambda r: (translate("Complaints", "{d} · просрочена").format(
                       d=short_date(r.due_on)) if r.overdue else short_date(r.due_on)),
                   color=lambda r: style.DANGER if r.overdue else None,
                   bold=lambda r: r.overdue),
            Column(translate("Complaints", "Ответственный"), lambda r: r.responsible),
            Column(translate("Complaints", "Задачи"), _tasks_text, True,
                   tooltip=lambda r: translate(
                       "Complaints", "Выполнено корректирующих задач: {d} из {n}").format(
                       d=r.tasks_done, n=r.tasks_open + r.tasks_done)),
            Column(translate("Complaints", "По чему"), lambda r: r.subject),
        ], self)
        self.view = _table(self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column, width in ((0, 86), (1, 210), (2, 96), (4, 86), (5, 190), (6, 130),
                              (7, 64), (8, 170)):
            self.view.setColumnWidth(column, width)
        self.view.activated.connect(self._on_view_activated)
        layout.addWidget(self.view, 1)
        self.empty_hint = EmptyHint(self.view, translate(
            "Complaints", "Рекламаций нет. Жалоба клиента — «Новая рекламация…»: категория, "
                          "суть, срок и корректирующие задачи до выполнения."))
        self.refresh()

    def today(self) -> date:
        return self._today or date.today()

    def current_filter(self) -> ComplaintFilter:
        return ComplaintFilter(status=str(self.status_combo.currentData() or ""),
                               overdue=self.overdue_check.isChecked(),
                               client_id=self.client_picker.client_id())

    def refresh(self) -> None:
        """Read the list again for the filters, keeping the selected complaint selected."""
        keep = self.selected_id()
        try:
            rows = self._services.market.list_complaints(self.current_filter(),
                                                         today=self.today())
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return
        self.model.set_rows(rows)
        late = sum(1 for r in rows if r.overdue)
        text = plural(len(rows), translate(
            "Complaints", "%n рекламация|%n рекламации|%n рекламаций"))
        if late:
            text += " · " + translate("Complaints", "просрочено: {n}").format(n=late)
        self.summary.setText(text)
        if keep is not None:
            row = self.model.find(lambda r: r.id == keep)
            if row >= 0:
                self.view.selectRow(row)

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        row = self.model.row_at(rows[0].row()) if rows else None
        return row.id if row is not None else None

    def open_complaint(self, complaint_id: int | None = None, *,
                       client_id: int | None = None) -> bool:
        """The editor of a complaint (None: a new one, of `client_id` if given)."""
        editor = ComplaintEditor(services=self._services, complaint_id=complaint_id,
                                 client_id=client_id, today=self.today(), parent=self)
        editor.exec()
        if editor.saved_id is not None:
            self.refresh()
            row = self.model.find(lambda r: r.id == editor.saved_id)
            if row >= 0:
                self.view.selectRow(row)
            self.complaint_changed.emit(editor.saved_id)
            return True
        return False

    def _on_new_button_clicked(self) -> None:
        self.open_complaint(client_id=self.client_picker.client_id())

    def _on_open_button_clicked(self) -> None:
        ident = self.selected_id()
        if ident is not None:
            self.open_complaint(ident)

    def _on_view_activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.open_complaint(row.id)

    def _on_delete_button_clicked(self) -> None:
        ident = self.selected_id()
        if ident is None:
            return
        if not dialogs.confirm(self, translate("Complaints", "Удалить рекламацию"), translate(
                "Complaints", "Удалить рекламацию? Её корректирующие задачи останутся в делах "
                              "клиента.")):
            return
        try:
            self._services.market.delete_complaint(ident)
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return
        self.refresh()
        self.complaint_changed.emit(ident)


# --- the complaint editor ---------------------------------------------------------------

def _task_model(parent: QWidget) -> RecordTableModel[CorrectiveTask]:
    return RecordTableModel([
        Column(translate("Complaints", "Что сделать"), lambda t: t.subject,
               tooltip=lambda t: t.outcome or None),
        Column(translate("Complaints", "Срок"), lambda t: date_time(t.due_at)),
        Column(translate("Complaints", "Выполнено"),
               lambda t: (translate("Complaints", "✓ {d}").format(d=date_time(t.done_at))
                          if t.done else translate("Complaints", "нет")),
               color=lambda t: style.SUCCESS if t.done else style.WARNING),
    ], parent)


def _fill_links(combo: QComboBox, choices: tuple[tuple[int, str], ...], current: int | None,
                empty: str) -> None:
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(empty, None)
    for ident, label in choices:
        combo.addItem(label, ident)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(0, index))
    combo.blockSignals(False)


class ComplaintEditor(EditorDialog):
    """A complaint: client, what it is about (order, shipment or deal), category, dates,
    status, responsible, description, resolution and its cost; below, its corrective tasks
    (add one, mark one done). A task of a new complaint saves the complaint first.

    `saved_id` is the complaint's id once anything was stored (also when the dialog is then
    cancelled after a task was added).
    """

    def __init__(self, *, services: Services, complaint_id: int | None = None,
                 client_id: int | None = None, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._today = today or date.today()
        self.complaint_id = complaint_id
        self.saved_id: int | None = None
        self.detail: ComplaintDetail | None = (
            services.market.get_complaint(complaint_id, today=self._today)
            if complaint_id is not None else None)
        self.setWindowTitle(translate("Complaints", "Рекламация") if complaint_id is not None
                            else translate("Complaints", "Новая рекламация"))
        self.setMinimumWidth(800)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 10)
        outer.setSpacing(6)
        self.heading = named(QLabel(self.windowTitle()), "sectionTitle")
        outer.addWidget(self.heading)
        self.banner = error_banner()
        outer.addWidget(self.banner)
        self.errors = FieldErrors(banner=self.banner)
        outer.addLayout(self._build_fields())
        outer.addWidget(self._build_tasks(), 1)
        outer.addWidget(dialog_buttons(self, translate("Complaints", "Сохранить"),
                                       self._on_save_clicked))
        self._load()
        self.track_changes(values=self.values, save=self.save)

    # --- building ---------------------------------------------------------------------
    def _build_fields(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        left, right = form_layout(), form_layout()
        for form in (left, right):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.client_picker = ClientPicker(services=self._services)
        self.client_picker.client_chosen.connect(self._on_client_chosen)
        self.client_picker.client_cleared.connect(lambda: self._fill_links(None))
        self.errors.add_row(left, translate("Complaints", "Клиент *"), "client_id",
                            self.client_picker)
        self.order_combo = QComboBox()
        self.order_combo.currentIndexChanged.connect(self._on_order_combo_changed)
        self.errors.add_row(left, translate("Complaints", "Заказ"), "order_id",
                            self.order_combo)
        self.shipment_combo = QComboBox()
        self.errors.add_row(left, translate("Complaints", "Отгрузка"), "shipment_id",
                            self.shipment_combo)
        self.deal_combo = QComboBox()
        self.errors.add_row(left, translate("Complaints", "Сделка"), "deal_id",
                            self.deal_combo)
        self.category_combo = QComboBox()
        for code in COMPLAINT_CATEGORIES:
            self.category_combo.addItem(complaint_category_label(code), code)
        self.errors.add_row(left, translate("Complaints", "Категория *"), "category",
                            self.category_combo)
        self.opened_edit = date_edit(self._today)
        self.errors.add_row(right, translate("Complaints", "Дата *"), "opened_on",
                            self.opened_edit)
        self.due_edit = date_edit(None, optional=True)
        self.errors.add_row(right, translate("Complaints", "Срок"), "due_on", self.due_edit)
        self.status_combo = QComboBox()
        for code in COMPLAINT_STATUSES:
            self.status_combo.addItem(complaint_status_label(code), code)
        self.errors.add_row(right, translate("Complaints", "Статус"), "status",
                            self.status_combo)
        self.responsible_edit = QLineEdit()
        self.responsible_edit.setPlaceholderText(translate("Complaints", "кто решает"))
        self.errors.add_row(right, translate("Complaints", "Ответственный"), "responsible",
                            self.responsible_edit)
        self.cost_edit = QLineEdit()
        self.cost_edit.setPlaceholderText("0,00")
        self.errors.add_row(right, translate("Complaints", "Стоимость решения, ₽"),
                            "resolution_cost", self.cost_edit)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        texts = form_layout()
        self.description_edit = QPlainTextEdit()
        self.description_edit.setPlaceholderText(translate(
            "Complaints", "На что жалуется клиент: что, сколько, когда обнаружили"))
        self.description_edit.setFixedHeight(58)
        self.errors.add_row(texts, translate("Complaints", "Суть *"), "description",
                            self.description_edit)
        self.resolution_edit = QPlainTextEdit()
        self.resolution_edit.setPlaceholderText(translate(
            "Complaints", "Как решили (замена, скидка, возврат) или почему отклонили"))
        self.resolution_edit.setFixedHeight(50)
        self.errors.add_row(texts, translate("Complaints", "Решение"), "resolution",
                            self.resolution_edit)
        grid.addLayout(texts, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return grid

    def _build_tasks(self) -> QGroupBox:
        box = QGroupBox(translate("Complaints", "Корректирующие задачи"))
        layout = QVBoxLayout(box)
        layout.setSpacing(6)
        self.tasks_model = _task_model(self)
        self.tasks_view = _table(self.tasks_model)
        self.tasks_view.setMinimumHeight(110)
        header = self.tasks_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.tasks_view.setColumnWidth(1, 130)
        self.tasks_view.setColumnWidth(2, 150)
        layout.addWidget(self.tasks_view, 1)
        self.tasks_hint = EmptyHint(self.tasks_view, translate(
            "Complaints", "Задач пока нет: что нужно сделать, чтобы решить рекламацию?"))
        row = QHBoxLayout()
        self.task_subject_edit = QLineEdit()
        self.task_subject_edit.setPlaceholderText(translate(
            "Complaints", "Новая задача: заменить партию, выехать к клиенту…"))
        self.task_due_edit = date_edit(self._today)
        self.add_task_button = QPushButton(translate("Complaints", "Добавить задачу"))
        self.add_task_button.setAutoDefault(False)
        self.add_task_button.clicked.connect(self._on_add_task_clicked)
        self.done_button = QPushButton(translate("Complaints", "Отметить выполненной"))
        self.done_button.setAutoDefault(False)
        self.done_button.clicked.connect(self._on_done_clicked)
        row.addWidget(self.errors.wrap("task.subject", self.task_subject_edit), 1)
        row.addWidget(self.errors.wrap("task.due_at", self.task_due_edit))
        row.addWidget(self.add_task_button)
        row.addSpacing(12)
        row.addWidget(self.done_button)
        layout.addLayout(row)
        self.tasks_note = named(QLabel(), "cardNote")
        layout.addWidget(self.tasks_note)
        return box

    # --- loading ----------------------------------------------------------------------
    def _load(self) -> None:
        d = self.detail
        if d is None:
            self.status_combo.setCurrentIndex(0)
            self._fill_links(None)
            self._show_tasks(())
            return
        self.client_picker.set_client(d.client_id, d.client_name)
        self._fill_links(d.client_id, order_id=d.order_id, shipment_id=d.shipment_id,
                         deal_id=d.deal_id)
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(d.category)))
        set_date(self.opened_edit, d.opened_on)
        set_date(self.due_edit, d.due_on)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(d.status)))
        self.responsible_edit.setText(d.responsible)
        self.cost_edit.setText(format_money(d.resolution_cost, currency=False)
                               if d.resolution_cost is not None else "")
        self.description_edit.setPlainText(d.description)
        self.resolution_edit.setPlainText(d.resolution)
        heading = translate("Complaints", "Рекламация от {d} · {client}").format(
            d=short_date(d.opened_on), client=d.client_name)
        if d.overdue:
            heading += " · " + translate("Complaints", "просрочена")
        self.heading.setText(heading)
        style.set_tone(self.heading, "danger" if d.overdue else None)
        self._show_tasks(d.tasks)

    def set_client(self, client_id: int | None, name: str | None = None) -> None:
        """Choose the client (a new complaint from a client's card or the list's filter)."""
        self.client_picker.set_client(client_id, name)
        self._fill_links(client_id)

    def _on_client_chosen(self, client_id: int) -> None:
        self._fill_links(client_id)

    def _fill_links(self, client_id: int | None, *, order_id: int | None = None,
                    shipment_id: int | None = None, deal_id: int | None = None) -> None:
        links = (self._services.market.client_links(client_id) if client_id is not None
                 else ClientLinks((), (), ()))
        self._links = links
        none = translate("Complaints", "— не выбрано —")
        _fill_links(self.order_combo, tuple((c.id, c.label) for c in links.orders), order_id,
                    none)
        self._fill_shipments(shipment_id)
        _fill_links(self.deal_combo, tuple((c.id, c.label) for c in links.deals), deal_id, none)

    def _fill_shipments(self, current: int | None = None) -> None:
        order_id = self.order_combo.currentData()
        choices = tuple((c.id, c.label) for c in self._links.shipments
                        if order_id is None or c.order_id == order_id)
        _fill_links(self.shipment_combo, choices, current,
                    translate("Complaints", "— не выбрано —"))

    def _on_order_combo_changed(self, _index: int) -> None:
        self._fill_shipments(self.shipment_combo.currentData())

    def _show_tasks(self, tasks: tuple[CorrectiveTask, ...]) -> None:
        self.tasks_model.set_rows(tasks)
        done = sum(1 for t in tasks if t.done)
        self.tasks_note.setText(translate(
            "Complaints", "Выполнено {d} из {n}").format(d=done, n=len(tasks)) if tasks else "")
        self.done_button.setEnabled(any(not t.done for t in tasks))

    # --- values and saving ------------------------------------------------------------
    def values(self) -> tuple[object, ...]:
        return (self.client_picker.client_id(), self.order_combo.currentData(),
                self.shipment_combo.currentData(), self.deal_combo.currentData(),
                self.category_combo.currentData(), read_date(self.opened_edit),
                read_date(self.due_edit), self.status_combo.currentData(),
                self.responsible_edit.text(), self.cost_edit.text(),
                self.description_edit.toPlainText(), self.resolution_edit.toPlainText())

    def draft(self) -> ComplaintDraft | None:
        """The form as a draft; None (with the message shown) when the cost is not a number."""
        cost: Decimal | None = None
        text = self.cost_edit.text().strip()
        if text:
            try:
                cost = parse_decimal(text)
            except ValueError:
                self.errors.show({"resolution_cost": translate(
                    "Complaints", "Стоимость — это число, например 1 500,00")})
                return None
        opened = read_date(self.opened_edit)
        assert opened is not None  # a required date field is never «не указана»
        return ComplaintDraft(
            client_id=self.client_picker.client_id(),
            category=str(self.category_combo.currentData()),
            description=self.description_edit.toPlainText(), opened_on=opened,
            status=str(self.status_combo.currentData()), deal_id=self.deal_combo.currentData(),
            order_id=self.order_combo.currentData(),
            shipment_id=self.shipment_combo.currentData(),
            responsible=self.responsible_edit.text(), due_on=read_date(self.due_edit),
            resolution=self.resolution_edit.toPlainText(), resolution_cost=cost)

    def _store(self) -> bool:
        """Validate and store the form (the dialog stays open); a refusal is shown."""
        draft = self.draft()
        if draft is None:
            return False
        ok, ident = stored_or_shown(self.errors, lambda: self._services.market.save_complaint(
            draft, self.complaint_id, today=self._today))
        if not ok or ident is None:
            return False
        self.errors.clear()
        self.complaint_id = self.saved_id = ident
        self._reload()
        return True

    def _reload(self) -> None:
        assert self.complaint_id is not None
        self.detail = self._services.market.get_complaint(self.complaint_id, today=self._today)
        self._load()
        if self.unsaved is not None:
            self.unsaved.mark_clean()

    def save(self) -> bool:
        if not self._store():
            return False
        self.accept()
        return True

    def _on_save_clicked(self) -> None:
        self.save()

    # --- corrective tasks -------------------------------------------------------------
    def add_task(self) -> bool:
        """Add the typed task (a new or edited complaint is saved first)."""
        subject = self.task_subject_edit.text().strip()
        if not subject:
            self.errors.show({"task.subject": translate(
                "Complaints", "Опишите, что нужно сделать")})
            return False
        pending = self.complaint_id is None or (self.unsaved is not None
                                                and self.unsaved.is_modified())
        if pending and not self._store():
            return False
        assert self.complaint_id is not None
        day = read_date(self.task_due_edit) or self._today
        due = datetime.combine(day, TASK_TIME).astimezone()
        complaint_id = self.complaint_id
        ok, _ident = stored_or_shown(self.errors, lambda: self._services.market
                                     .add_corrective_task(complaint_id, subject, due))
        if not ok:
            return False
        self.task_subject_edit.clear()
        self.saved_id = complaint_id
        self._reload()
        return True

    def selected_task(self) -> CorrectiveTask | None:
        rows = self.tasks_view.selectionModel().selectedRows()
        return self.tasks_model.row_at(rows[0].row()) if rows else None

    def mark_done(self, task: CorrectiveTask | None = None) -> bool:
        """Mark the selected (or the first open) corrective task done."""
        task = task or self.selected_task()
        if task is None or task.done:
            task = next((t for t in self.tasks_model.rows() if not t.done), None)
        if task is None:
            return False
        try:
            self._services.market.complete_corrective_task(task.id)
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return False
        self.saved_id = self.complaint_id
        if self.unsaved is not None and self.unsaved.is_modified():
            # the form's edits stay on screen, unsaved; only the tasks are read again
            assert self.complaint_id is not None
            self._show_tasks(self._services.market.corrective_tasks(self.complaint_id))
        else:
            self._reload()
        return True

    def _on_add_task_clicked(self) -> None:
        self.add_task()

    def _on_done_clicked(self) -> None:
        self.mark_done()


# --- a score ----------------------------------------------------------------------------

class ScoreDialog(EditorDialog):
    """«Оценка»: an NPS (0–10) or CSAT (1–5) score of a client with a comment, about a deal
    or an order of the client (a post-sale follow-up fills them in)."""

    def __init__(self, *, services: Services, proposal: ScoreProposal | None = None,
                 client_id: int | None = None, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.saved_id: int | None = None
        self.setWindowTitle(translate("Satisfaction", "Оценка клиента"))
        self.setMinimumWidth(520)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 10)
        outer.addWidget(named(QLabel(self.windowTitle()), "sectionTitle"))
        note = named(QLabel(translate(
            "Satisfaction", "NPS: «Насколько вероятно, что вы порекомендуете нас?» от 0 до 10. "
                            "CSAT: «Насколько вы довольны?» от 1 до 5.")), "cardNote")
        note.setWordWrap(True)
        outer.addWidget(note)
        self.banner = error_banner()
        outer.addWidget(self.banner)
        self.errors = FieldErrors(banner=self.banner)
        form = form_layout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.client_picker = ClientPicker(services=services)
        self.client_picker.client_chosen.connect(lambda cid: self._fill_links(cid))
        self.client_picker.client_cleared.connect(lambda: self._fill_links(None))
        self.errors.add_row(form, translate("Satisfaction", "Клиент *"), "client_id",
                            self.client_picker)
        self.kind_combo = QComboBox()
        for kind in SCORE_RANGES:
            self.kind_combo.addItem(score_kind_label(kind), kind)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        self.errors.add_row(form, translate("Satisfaction", "Вид"), "kind", self.kind_combo)
        self.score_spin = QSpinBox()
        self.score_spin.setRange(*SCORE_RANGES["nps"])
        self.score_spin.setValue(SCORE_RANGES["nps"][1])
        self.errors.add_row(form, translate("Satisfaction", "Оценка *"), "score",
                            self.score_spin)
        self.date_edit = date_edit(today or date.today())
        self.errors.add_row(form, translate("Satisfaction", "Дата *"), "scored_on",
                            self.date_edit)
        self.deal_combo = QComboBox()
        self.errors.add_row(form, translate("Satisfaction", "Сделка"), "deal_id",
                            self.deal_combo)
        self.order_combo = QComboBox()
        self.errors.add_row(form, translate("Satisfaction", "Заказ"), "order_id",
                            self.order_combo)
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setPlaceholderText(translate(
            "Satisfaction", "Что понравилось, что улучшить — словами клиента"))
        self.comment_edit.setFixedHeight(70)
        self.errors.add_row(form, translate("Satisfaction", "Комментарий"), "comment",
                            self.comment_edit)
        outer.addLayout(form)
        outer.addWidget(dialog_buttons(self, translate("Satisfaction", "Записать оценку"),
                                       self._on_save_clicked))
        if proposal is not None:
            self.client_picker.set_client(proposal.client_id, proposal.client_name)
            self._fill_links(proposal.client_id, deal_id=proposal.deal_id,
                             order_id=proposal.order_id)
        elif client_id is not None:
            self.client_picker.set_client(client_id)
            self._fill_links(client_id)
        else:
            self._fill_links(None)
        self.track_changes(values=self.values, save=self.save)
        self.score_spin.setFocus()
        self.score_spin.selectAll()

    def _fill_links(self, client_id: int | None, *, deal_id: int | None = None,
                    order_id: int | None = None) -> None:
        links = (self._services.market.client_links(client_id) if client_id is not None
                 else ClientLinks((), (), ()))
        none = translate("Satisfaction", "— не выбрано —")
        _fill_links(self.deal_combo, tuple((c.id, c.label) for c in links.deals), deal_id, none)
        _fill_links(self.order_combo, tuple((c.id, c.label) for c in links.orders), order_id,
                    none)

    def _on_kind_combo_changed(self, _index: int) -> None:
        low, high = SCORE_RANGES[str(self.kind_combo.currentData())]
        self.score_spin.setRange(low, high)

    def values(self) -> tuple[object, ...]:
        return (self.client_picker.client_id(), self.kind_combo.currentData(),
                self.score_spin.value(), read_date(self.date_edit),
                self.deal_combo.currentData(), self.order_combo.currentData(),
                self.comment_edit.toPlainText())

    def draft(self) -> ScoreDraft:
        scored_on = read_date(self.date_edit)
        assert scored_on is not None
        return ScoreDraft(client_id=self.client_picker.client_id(),
                          kind=str(self.kind_combo.currentData()),
                          score=self.score_spin.value(), scored_on=scored_on,
                          comment=self.comment_edit.toPlainText(),
                          deal_id=self.deal_combo.currentData(),
                          order_id=self.order_combo.currentData())

    def save(self) -> bool:
        draft = self.draft()
        ok, self.saved_id = stored_or_shown(self.errors,
                                            lambda: self._services.market.record_score(draft))
        if not ok:
            return False
        self.errors.clear()
        if self.unsaved is not None:
            self.unsaved.mark_clean()
        self.accept()
        return True

    def _on_save_clicked(self) -> None:
        self.save()


def propose_score(services: Services, proposal: ScoreProposal,
                  parent: QWidget | None = None) -> int | None:
    """The score a completed post-sale follow-up proposes: the «Оценка» dialog filled in
    with the client, deal and order; the new score's id, or None when cancelled."""
    dialog = ScoreDialog(services=services, proposal=proposal, parent=parent)
    dialog.exec()
    return dialog.saved_id


# --- the satisfaction page --------------------------------------------------------------

def _step_period(p: Period, step: int) -> Period:
    if p.kind == "month":
        d = add_months(p.first, step)
        return parse_period(f"{d.year}-{d.month:02d}")
    if p.kind == "quarter":
        d = add_months(p.first, 3 * step)
        return parse_period(f"{d.year}-Q{(d.month - 1) // 3 + 1}")
    return parse_period(str(p.year + step))


def _figure(title: str) -> tuple[QFrame, QLabel, QLabel]:
    frame = named(QFrame(), "card")
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    box = QVBoxLayout(frame)
    box.setContentsMargins(12, 8, 12, 8)
    box.addWidget(named(QLabel(title), "cardNote"))
    value = QLabel("—")
    value.setStyleSheet("font-size: 22px; font-weight: 600;")
    box.addWidget(value)
    note = named(QLabel(""), "cardNote")
    box.addWidget(note)
    return frame, value, note


class SatisfactionPage(QWidget):
    """NPS of a period (and segment): promoters, passives, detractors, the CSAT average;
    the detractors with their last complaint; every score of the period; «Оценка…»."""

    score_recorded = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._today = today or date.today()
        t = self._today
        self.period: Period = parse_period(f"{t.year}-Q{(t.month - 1) // 3 + 1}")
        self.summary: NpsSummary | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        bar = QHBoxLayout()
        self.score_button = named(QPushButton(translate("Satisfaction", "Оценка…")), "primary")
        self.score_button.setToolTip(translate(
            "Satisfaction", "Записать NPS или CSAT клиента после сделки или поставки"))
        self.score_button.clicked.connect(self._on_score_button_clicked)
        bar.addWidget(self.score_button)
        self.delete_button = QPushButton(translate("Satisfaction", "Удалить оценку"))
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        bar.addWidget(self.delete_button)
        bar.addSpacing(16)
        self.prev_button = QPushButton("◀")
        self.prev_button.setToolTip(translate("Satisfaction", "Предыдущий период"))
        self.prev_button.clicked.connect(lambda: self.set_period(_step_period(self.period, -1)))
        self.period_edit = QLineEdit(self.period.key)
        self.period_edit.setMaximumWidth(90)
        self.period_edit.setToolTip(translate(
            "Satisfaction", "Период: 2026-11 (месяц), 2026-Q4 (квартал) или 2026 (год)"))
        self.period_edit.editingFinished.connect(self._on_period_edit_finished)
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(translate("Satisfaction", "Следующий период"))
        self.next_button.clicked.connect(lambda: self.set_period(_step_period(self.period, 1)))
        self.period_label = named(QLabel(), "cardNote")
        for w in (self.prev_button, self.period_edit, self.next_button, self.period_label):
            bar.addWidget(w)
        bar.addSpacing(16)
        bar.addWidget(QLabel(translate("Satisfaction", "Сегмент")))
        self.segment_combo = QComboBox()
        self.segment_combo.setMinimumWidth(140)
        self.segment_combo.currentIndexChanged.connect(lambda _i: self._load())
        bar.addWidget(self.segment_combo)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.error_label = named(QLabel(), "fieldError")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        figures = QHBoxLayout()
        self.nps_card = _figure(translate("Satisfaction", "NPS"))
        self.promoters_card = _figure(translate("Satisfaction", "Промоутеры (9–10)"))
        self.passives_card = _figure(translate("Satisfaction", "Нейтральные (7–8)"))
        self.detractors_card = _figure(translate("Satisfaction", "Критики (0–6)"))
        self.csat_card = _figure(translate("Satisfaction", "CSAT, средняя"))
        for frame, _v, _n in (self.nps_card, self.promoters_card, self.passives_card,
                              self.detractors_card, self.csat_card):
            figures.addWidget(frame, 1)
        layout.addLayout(figures)
        layout.addWidget(named(QLabel(translate(
            "Satisfaction", "Критики и их последняя рекламация")), "sectionTitle"))
        self.detractors_model: RecordTableModel[Detractor] = RecordTableModel([
            Column(translate("Satisfaction", "Клиент"), lambda d: d.client_name),
            Column(translate("Satisfaction", "Сегмент"), lambda d: d.segment),
            Column(translate("Satisfaction", "Оценка"), lambda d: str(d.score), True,
                   color=lambda d: style.DANGER),
            Column(translate("Satisfaction", "Дата"), lambda d: short_date(d.scored_on)),
            Column(translate("Satisfaction", "Комментарий"), lambda d: d.comment,
                   tooltip=lambda d: d.comment or None),
            Column(translate("Satisfaction", "Последняя рекламация"),
                   lambda d: (d.last_complaint.summary() if d.last_complaint is not None
                              else translate("Satisfaction", "рекламаций не было")),
                   color=lambda d: None if d.last_complaint is not None else style.MUTED,
                   tooltip=lambda d: d.last_complaint.summary() if d.last_complaint else None),
        ], self)
        self.detractors_view = _table(self.detractors_model)
        self._widths(self.detractors_view, (200, 110, 64, 86, 220))
        layout.addWidget(self.detractors_view, 1)
        self.detractors_hint = EmptyHint(self.detractors_view, translate(
            "Satisfaction", "Критиков за период нет (оценка NPS от 0 до 6)."))
        layout.addWidget(named(QLabel(translate("Satisfaction", "Оценки за период")),
                               "sectionTitle"))
        self.scores_model: RecordTableModel[ScoreRow] = RecordTableModel([
            Column(translate("Satisfaction", "Дата"), lambda r: short_date(r.scored_on)),
            Column(translate("Satisfaction", "Клиент"), lambda r: r.client_name),
            Column(translate("Satisfaction", "Сегмент"), lambda r: r.segment),
            Column(translate("Satisfaction", "Вид"), lambda r: r.kind.upper()),
            Column(translate("Satisfaction", "Оценка"), lambda r: str(r.score), True),
            Column(translate("Satisfaction", "Комментарий"), lambda r: r.comment,
                   tooltip=lambda r: r.comment or None),
        ], self)
        self.scores_view = _table(self.scores_model)
        self._widths(self.scores_view, (86, 200, 110, 60, 64))
        layout.addWidget(self.scores_view, 1)
        self.scores_hint = EmptyHint(self.scores_view, translate(
            "Satisfaction", "Оценок за период нет. После сделки или поставки спросите клиента "
                            "и запишите ответ — «Оценка…»."))
        self.refresh()

    @staticmethod
    def _widths(view: QTableView, widths: tuple[int, ...]) -> None:
        for column, width in enumerate(widths):
            view.setColumnWidth(column, width)

    def refresh(self) -> None:
        """Re-read the segments and the period's figures."""
        current = self.segment_combo.currentData()
        self.segment_combo.blockSignals(True)
        self.segment_combo.clear()
        self.segment_combo.addItem(translate("Satisfaction", "Все"), "")
        for segment in self._services.market.score_segments():
            self.segment_combo.addItem(segment, segment)
        self.segment_combo.setCurrentIndex(max(0, self.segment_combo.findData(current or "")))
        self.segment_combo.blockSignals(False)
        self._load()

    def set_period(self, period: str | Period) -> bool:
        try:
            self.period = parse_period(period)
        except ServiceError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return False
        self.period_edit.setText(self.period.key)
        self._load()
        return True

    def set_segment(self, segment: str) -> None:
        self.segment_combo.setCurrentIndex(max(0, self.segment_combo.findData(segment)))

    def _on_period_edit_finished(self) -> None:
        if self.period_edit.text().strip() != self.period.key:
            self.set_period(self.period_edit.text())

    def _load(self) -> None:
        self.error_label.hide()
        segment = str(self.segment_combo.currentData() or "")
        market = self._services.market
        self.summary = s = market.nps(self.period, segment=segment)
        self.period_label.setText(self.period.label)
        self.detractors_model.set_rows(s.detractor_list)
        self.scores_model.set_rows(market.list_scores(self.period, segment=segment))
        value = nps_text(s.nps)
        self._put(self.nps_card, value, plural(s.responses, translate(
            "Satisfaction", "%n ответ|%n ответа|%n ответов")),
            "success" if s.nps is not None and s.nps > 0 else
            "danger" if s.nps is not None and s.nps < 0 else None)
        for card, n, share in ((self.promoters_card, s.promoters, s.promoters_pct),
                               (self.passives_card, s.passives, s.passives_pct),
                               (self.detractors_card, s.detractors, s.detractors_pct)):
            self._put(card, str(n), percent_text(share))
        self._put(self.csat_card, "—" if s.csat_average is None
                  else f"{s.csat_average}".replace(".", ","),
                  plural(s.csat_responses, translate(
                      "Satisfaction", "%n ответ|%n ответа|%n ответов")))

    @staticmethod
    def _put(card: tuple[QFrame, QLabel, QLabel], value: str, note: str,
             tone: str | None = None) -> None:
        _frame, label, note_label = card
        label.setText(value)
        label.setStyleSheet("font-size: 22px; font-weight: 600;")
        style.set_tone(label, tone)
        note_label.setText(note)

    def record_score(self, client_id: int | None = None) -> int | None:
        dialog = ScoreDialog(services=self._services, client_id=client_id, today=self._today,
                             parent=self)
        dialog.exec()
        if dialog.saved_id is not None:
            self.refresh()
            self.score_recorded.emit(dialog.saved_id)
        return dialog.saved_id

    def _on_score_button_clicked(self) -> None:
        self.record_score()

    def _on_delete_button_clicked(self) -> None:
        rows = self.scores_view.selectionModel().selectedRows()
        row = self.scores_model.row_at(rows[0].row()) if rows else None
        if row is None:
            return
        if not dialogs.confirm(self, translate("Satisfaction", "Удалить оценку"), translate(
                "Satisfaction", "Удалить оценку {score} клиента {client}?").format(
                score=row.score, client=row.client_name)):
            return
        try:
            self._services.market.delete_score(row.id)
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return
        self.refresh()


__all__ = ["ComplaintEditor", "ComplaintsPage", "SatisfactionPage", "ScoreDialog",
           "propose_score"]
