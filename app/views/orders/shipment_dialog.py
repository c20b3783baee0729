"""A shipment of an order: which lines and how much (never more than is left to ship), the
dates planned and done, the carrier and tracking number, the documents (УПД, ТТН / ТОРГ-12,
счёт-фактура), the status and, for a problem, what went wrong."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.i18n import translate
from app.services.errors import ValidationError
from app.services.orders import OrderDetail, ShipmentDraft, ShipmentRow
from app.services.orders.codes import LEFT_STATUSES, SHIPMENT_STATUS_LABELS
from app.views.activities.editor import stored_or_shown
from app.views.forms import FieldErrors, dialog_buttons, error_banner, form_layout
from app.views.orders.fields import date_edit, read_date, set_date
from app.views.orders.model import ShipLine, ShipLinesModel, quantity_with_unit
from app.views.style import named
from app.views.unsaved import EditorDialog


def shipment_status_choices() -> list[tuple[str, str]]:
    """(code, label) of the statuses a shipment can be given here (cancelling is the
    editor's button: it gives the stock back and asks first)."""
    return [(code, label) for code, label in SHIPMENT_STATUS_LABELS().items()
            if code != "cancelled"]


def ship_lines(order: OrderDetail, shipment: ShipmentRow | None) -> list[ShipLine]:
    """The order's lines with what is left to ship; a shipment being changed counts its own
    quantities as not yet shipped. A new shipment offers what is left of each line."""
    own = {ln.order_line_id: ln.quantity for ln in shipment.lines} \
        if shipment is not None and shipment.status != "cancelled" else {}
    lines = []
    for ln in order.lines:
        left = ln.quantity - ln.shipped + own.get(ln.id, Decimal(0))
        if shipment is None and left <= 0:
            continue  # shipped in full already
        quantity = own.get(ln.id, Decimal(0)) if shipment is not None else left
        lines.append(ShipLine(order_line_id=ln.id, name=ln.name, unit=ln.unit,
                              ordered=ln.quantity, left=left, quantity=quantity))
    return lines


class ShipmentDialog(EditorDialog):
    """Register a new shipment of `order`, or change `shipment`.

    Signals: none; `saved` holds the stored ShipmentRow once the dialog is accepted.
    """

    def __init__(self, *, services: Services, order: OrderDetail,
                 shipment: ShipmentRow | None = None, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._orders = services.orders
        self.order = order
        self.shipment = shipment
        self.saved: ShipmentRow | None = None
        self._today = today or date.today()
        self.setWindowTitle(
            translate("Shipment", "Новая отгрузка по заказу № {n}").format(n=order.number)
            if shipment is None else
            translate("Shipment", "Отгрузка по заказу № {n}").format(n=order.number))
        self.resize(900, 640)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 14, 16, 12)
        outer.setSpacing(8)
        outer.addWidget(named(QLabel(self.windowTitle()), "sectionTitle"))
        hint = named(QLabel(translate(
            "Shipment", "{client} · в отгрузке — сколько едет сейчас; не больше, чем осталось "
                        "отгрузить по строке").format(client=order.client_name)), "cardNote")
        hint.setWordWrap(True)
        outer.addWidget(hint)
        self.banner = error_banner()
        outer.addWidget(self.banner)
        self.errors = FieldErrors(banner=self.banner)

        self.lines_model = ShipLinesModel(self)
        self.lines_model.set_rows(ship_lines(order, shipment))
        self.lines_view = QTableView()
        self.lines_view.setModel(self.lines_model)
        self.lines_view.setAlternatingRowColors(True)
        self.lines_view.verticalHeader().hide()
        self.lines_view.verticalHeader().setDefaultSectionSize(28)
        self.lines_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        header = self.lines_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ShipLinesModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.lines_view.setMinimumHeight(120)
        if shipment is not None and shipment.left:
            self.lines_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            hint.setText(translate(
                "Shipment", "{client} · отгрузка ушла со склада: её строки уже не меняются "
                            "(чтобы исправить, отмените её — товар вернётся на склад — и "
                            "оформите новую)").format(client=order.client_name))
        outer.addWidget(self.lines_view, 1)
        outer.addWidget(self.errors.attach_rows("lines", self.lines_view))

        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        left, right = form_layout(), form_layout()
        self.status_combo = QComboBox()
        for code, label in shipment_status_choices():
            self.status_combo.addItem(label, code)
        self.status_combo.activated.connect(self._on_status_combo_activated)
        self.planned_edit = date_edit(self._today)
        self.shipped_edit = date_edit(optional=True)
        self.planned_delivery_edit = date_edit(optional=True)
        self.delivered_edit = date_edit(optional=True)
        self.errors.add_row(left, translate("Shipment", "Статус"), "status", self.status_combo)
        self.errors.add_row(left, translate("Shipment", "Отгрузка: план *"), "planned_on",
                            self.planned_edit)
        self.errors.add_row(left, translate("Shipment", "Отгрузка: факт"), "shipped_on",
                            self.shipped_edit)
        self.errors.add_row(left, translate("Shipment", "Доставка: план"),
                            "planned_delivery_on", self.planned_delivery_edit)
        self.errors.add_row(left, translate("Shipment", "Доставка: факт"), "delivered_on",
                            self.delivered_edit)
        self.carrier_edit = QLineEdit()
        self.carrier_edit.setPlaceholderText(translate("Shipment", "ТК, курьер или самовывоз"))
        self.tracking_edit = QLineEdit()
        self.upd_edit = QLineEdit()
        self.waybill_edit = QLineEdit()
        self.invoice_edit = QLineEdit()
        self.errors.add_row(right, translate("Shipment", "Перевозчик"), "carrier",
                            self.carrier_edit)
        self.errors.add_row(right, translate("Shipment", "Трек-номер"), "tracking_number",
                            self.tracking_edit)
        self.errors.add_row(right, translate("Shipment", "УПД №"), "upd_number", self.upd_edit)
        self.errors.add_row(right, translate("Shipment", "ТТН / ТОРГ-12 №"), "waybill_number",
                            self.waybill_edit)
        self.errors.add_row(right, translate("Shipment", "Счёт-фактура №"), "invoice_number",
                            self.invoice_edit)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        outer.addLayout(grid)
        bottom = form_layout()
        self.problem_edit = QPlainTextEdit()
        self.problem_edit.setFixedHeight(48)
        self.problem_edit.setPlaceholderText(translate(
            "Shipment", "Что случилось: повреждение, недовоз, задержка на складе ТК"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(48)
        self.errors.add_row(bottom, translate("Shipment", "Проблема"), "problem_note",
                            self.problem_edit)
        self.errors.add_row(bottom, translate("Shipment", "Заметки"), "notes", self.notes_edit)
        outer.addLayout(bottom)
        outer.addWidget(dialog_buttons(
            self, translate("Shipment", "Сохранить отгрузку"), self._on_save_clicked))
        if shipment is not None:
            self._fill(shipment)
        self._sync_problem()
        self.track_changes(values=self.values, save=self.save)
        if self.unsaved is not None:
            self.unsaved.mark_clean()

    def _fill(self, s: ShipmentRow) -> None:
        self.status_combo.setCurrentIndex(max(self.status_combo.findData(s.status), 0))
        set_date(self.planned_edit, s.planned_on)
        set_date(self.shipped_edit, s.shipped_on)
        set_date(self.planned_delivery_edit, s.planned_delivery_on)
        set_date(self.delivered_edit, s.delivered_on)
        self.carrier_edit.setText(s.carrier)
        self.tracking_edit.setText(s.tracking_number)
        self.upd_edit.setText(s.upd_number)
        self.waybill_edit.setText(s.waybill_number)
        self.invoice_edit.setText(s.invoice_number)
        self.problem_edit.setPlainText(s.problem_note)
        self.notes_edit.setPlainText(s.notes)

    def _on_status_combo_activated(self, _index: int) -> None:
        """Shipped (or delivered) without a date yet: today, which the user may change."""
        status = self.status_combo.currentData()
        if status in LEFT_STATUSES and read_date(self.shipped_edit) is None:
            set_date(self.shipped_edit, self._today)
        if status == "delivered" and read_date(self.delivered_edit) is None:
            set_date(self.delivered_edit, self._today)
        self._sync_problem()

    def _sync_problem(self) -> None:
        problem = self.status_combo.currentData() == "problem"
        self.problem_edit.setEnabled(problem or bool(self.problem_edit.toPlainText()))

    # --- saving -------------------------------------------------------------------------------
    def values(self) -> tuple[object, ...]:
        return (tuple(self.lines_model.rows()), self.status_combo.currentData(),
                self.planned_edit.date().toJulianDay(), self.shipped_edit.date().toJulianDay(),
                self.planned_delivery_edit.date().toJulianDay(),
                self.delivered_edit.date().toJulianDay(), self.carrier_edit.text(),
                self.tracking_edit.text(), self.upd_edit.text(), self.waybill_edit.text(),
                self.invoice_edit.text(), self.problem_edit.toPlainText(),
                self.notes_edit.toPlainText())

    def draft(self) -> ShipmentDraft:
        planned = read_date(self.planned_edit)
        assert planned is not None  # a required field never shows «не указана»
        return ShipmentDraft(
            lines=self.lines_model.quantities(), planned_on=planned,
            status=str(self.status_combo.currentData()),
            shipped_on=read_date(self.shipped_edit),
            planned_delivery_on=read_date(self.planned_delivery_edit),
            delivered_on=read_date(self.delivered_edit),
            carrier=self.carrier_edit.text().strip(),
            tracking_number=self.tracking_edit.text().strip(),
            upd_number=self.upd_edit.text().strip(),
            waybill_number=self.waybill_edit.text().strip(),
            invoice_number=self.invoice_edit.text().strip(),
            problem_note=self.problem_edit.toPlainText().strip(),
            notes=self.notes_edit.toPlainText().strip())

    def _line_errors(self) -> dict[str, str]:
        """The lines the table already shows red (more than is left), as field errors."""
        errors = {}
        for i, ln in enumerate(self.lines_model.rows()):
            if ln.over:
                errors[f"lines.{i}"] = translate(
                    "Shipment", "«{name}»: осталось отгрузить {left}, в отгрузке {qty}").format(
                    name=ln.name, left=quantity_with_unit(ln.left, ln.unit),
                    qty=quantity_with_unit(ln.quantity, ln.unit))
        if not errors and not self.lines_model.quantities():
            errors["lines"] = translate("Shipment", "Укажите, сколько отгружается хотя бы "
                                                    "по одной строке")
        return errors

    def save(self) -> bool:
        """Store the shipment; a refusal shows next to its field and the dialog stays."""
        errors = self._line_errors()
        if errors:
            self.errors.show(errors)
            return False
        draft = self.draft()
        shipment = self.shipment

        def store() -> ShipmentRow:
            try:
                if shipment is None:
                    return self._orders.add_shipment(self.order.id, draft)
                return self._orders.update_shipment(shipment.id, draft)
            except ValidationError as exc:
                raise ValidationError(self._row_keys(exc.errors)) from exc

        ok, self.saved = stored_or_shown(self.errors, store)
        if not ok:
            return False
        self.errors.clear()
        if self.unsaved is not None:
            self.unsaved.mark_clean()
        self.accept()
        return True

    def _row_keys(self, errors: dict[str, str]) -> dict[str, str]:
        """The service names a line by its order line id (`lines.<id>`); the table's rows
        are counted from 0 (`lines.<row>`)."""
        rows = {ln.order_line_id: i for i, ln in enumerate(self.lines_model.rows())}
        out = {}
        for key, message in errors.items():
            head, _, rest = key.partition(".")
            ident = rest.split(".", 1)[0]
            if head == "lines" and ident.isdigit() and int(ident) in rows:
                out[f"lines.{rows[int(ident)]}"] = message
            else:
                out[key] = message
        return out

    def _on_save_clicked(self) -> None:
        self.save()

