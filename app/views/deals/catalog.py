"""The product catalog editor and the product picker used by the deal editor."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain.money import format_money
from app.i18n import translate
from app.services.catalog import (
    PRODUCT_TEXT_LIMIT,
    VAT_KINDS,
    ProductInput,
    ProductRow,
    validate_product,
)
from app.services.errors import ServiceError, ValidationError
from app.services.pricing import vat_kind_label
from app.views import dialogs, style
from app.views.deals.common import parse_decimal
from app.views.forms import FieldErrors, dialog_buttons, form_layout, in_platform_order
from app.views.geometry import FittedDialog
from app.views.record_model import Column, RecordTableModel
from app.views.style import named
from app.views.unsaved import EditorDialog, RecordSwitch


def _qty(value: Decimal) -> str:
    """9,5 for 9.500 and 12 for 12.000: a quantity without its trailing zeros."""
    return f"{value.normalize():f}".replace(".", ",")


def _product_color(low_stock: bool = False) -> Callable[[ProductRow], str | None]:
    """Archived products greyed out; with `low_stock`, a stock at or below the minimum red."""

    def color(p: ProductRow) -> str | None:
        if p.archived:
            return style.MUTED
        return style.DANGER if low_stock and p.stock <= p.min_stock else None

    return color


class ProductsModel(RecordTableModel[ProductRow]):
    def __init__(self, parent: Any = None) -> None:
        muted = _product_color()
        super().__init__([
            Column(translate("Catalog", "Артикул"), lambda p: p.sku, color=muted),
            Column(translate("Catalog", "Наименование"), lambda p: p.name, color=muted),
            Column(translate("Catalog", "Группа"), lambda p: p.group_name, color=muted),
            Column(translate("Catalog", "Цена"), lambda p: format_money(p.price),
                   numeric=True, color=muted),
            Column(translate("Catalog", "Мин. цена"),
                   lambda p: "—" if p.effective_floor is None
                   else format_money(p.effective_floor),
                   numeric=True, color=muted),
            Column(translate("Catalog", "НДС"), lambda p: vat_kind_label(p.vat_kind),
                   color=muted),
            Column(translate("Catalog", "Остаток"), lambda p: f"{_qty(p.stock)} {p.unit}",
                   numeric=True, color=_product_color(low_stock=True)),
        ], parent)


def _table(model: ProductsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    h = view.horizontalHeader()
    h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    h.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    h.setMinimumSectionSize(60)
    view.setWordWrap(False)
    return view


class ProductPicker(FittedDialog):
    """Search the catalog and pick one product."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = services.catalog
        self.setWindowTitle(translate("Catalog", "Товар из каталога"))
        self.resize(820, 480)
        v = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("Catalog", "Артикул, название или группа"))
        self.search.textChanged.connect(self._reload)
        v.addWidget(self.search)
        self.model = ProductsModel(self)
        self.view = _table(self.model)
        self.view.doubleClicked.connect(lambda _i: self.accept())
        v.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        cancel = QPushButton(translate("Catalog", "Отмена"))
        cancel.clicked.connect(self.reject)
        ok = named(QPushButton(translate("Catalog", "Добавить в сделку")), "primary")
        ok.clicked.connect(self.accept)
        for button in in_platform_order(ok, cancel):
            row.addWidget(button)
        v.addLayout(row)
        self._reload()

    def _reload(self) -> None:
        self.model.set_rows(self._catalog.list_products(self.search.text()))
        if self.model.rowCount():
            self.view.selectRow(0)

    def chosen(self) -> ProductRow | None:
        idx = self.view.currentIndex()
        return self.model.row_at(idx.row())

    @classmethod
    def pick(cls, services: Services, parent: QWidget | None = None) -> ProductRow | None:
        dlg = cls(services, parent)
        return dlg.chosen() if dlg.exec() == QDialog.DialogCode.Accepted else None


class StockCorrectionDialog(FittedDialog):
    """A manual change of a product's stock (a count, a write-off, goods received) by a
    signed quantity with its reason: one entry of the stock journal (issue 14)."""

    def __init__(self, *, services: Services, product: ProductRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._product = product
        self.setWindowTitle(translate("Catalog", "Корректировка остатка"))
        self.setMinimumWidth(460)  # room for the hints in its fields
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("Catalog", "«{name}»: на складе {n} {unit}").format(
            name=product.name, n=_qty(product.stock), unit=product.unit)))
        form = form_layout()
        self.errors = FieldErrors()
        self.delta = QLineEdit()
        self.delta.setPlaceholderText(translate("Catalog", "+10 пришло, −2 списано"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(translate("Catalog", "Инвентаризация, брак, приход…"))
        self.errors.add_row(form, translate("Catalog", "Изменение, {unit}").format(
            unit=product.unit), "delta", self.delta)
        self.errors.add_row(form, translate("Catalog", "Причина *"), "reason", self.reason)
        layout.addLayout(form)
        layout.addWidget(dialog_buttons(self, translate("Catalog", "Записать"), self._on_write))
        self.new_stock: Decimal | None = None

    def _on_write(self) -> None:
        self.save()  # a refusal stays in the dialog, next to its field

    def save(self) -> bool:
        text = self.delta.text().strip().replace("−", "-").replace("+", "")
        try:
            delta = parse_decimal(text) if text else Decimal(0)
        except ValueError:
            self.errors.show(ValidationError.single(
                "delta", translate("Catalog", "Введите число, например −2 или 10")))
            return False
        try:
            self.new_stock = self._services.orders.correct_stock(
                self._product.id, delta, self.reason.text())
        except ValidationError as exc:
            for message in self.errors.show(exc):
                dialogs.show_error(self, message)
            return False
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return False
        self.accept()
        return True


class CatalogDialog(EditorDialog):
    """The catalog: a searchable list on the left, the product's card on the right; leaving
    an edited card (for another product, a new one or by closing) asks first."""

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._catalog = services.catalog
        self._current: int | None = None
        self.setWindowTitle(translate("Catalog", "Каталог товаров и услуг"))
        self.resize(1320, 660)
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("Catalog", "Поиск по каталогу"))
        self.search.textChanged.connect(lambda _t: self._reload())
        self.show_archived = QCheckBox(translate("Catalog", "Архивные"))
        self.show_archived.toggled.connect(lambda _c: self._reload())
        self.low_only = QCheckBox(translate("Catalog", "Мало на складе"))
        self.low_only.setToolTip(translate(
            "Catalog", "Остаток не выше неснижаемого (или ниже нуля)"))
        self.low_only.toggled.connect(lambda _c: self._reload())
        top.addWidget(self.search, 1)
        top.addWidget(self.low_only)
        top.addWidget(self.show_archived)
        left.addLayout(top)
        self.model = ProductsModel(self)
        self.view = _table(self.model)
        left.addWidget(self.view, 1)
        outer.addLayout(left, 5)
        right = QVBoxLayout()
        title = named(QLabel(translate("Catalog", "Карточка товара")), "sectionTitle")
        right.addWidget(title)
        form = form_layout()
        self.errors = FieldErrors()
        self.sku = QLineEdit()
        self.name = QLineEdit()
        self.group = QComboBox()
        self.group.setEditable(True)
        self.unit = QLineEdit()
        self.price = QLineEdit()
        self.floor_price = QLineEdit()
        self.floor_price.setPlaceholderText(translate("Catalog", "не задана"))
        self.max_discount = QLineEdit()
        self.max_discount.setPlaceholderText(translate("Catalog", "не задана"))
        self.vat = QComboBox()
        for kind in VAT_KINDS:
            self.vat.addItem(vat_kind_label(kind), kind)
        self.stock = QLineEdit()
        # an existing product's stock changes only through the journal, with a reason
        self.correct_button = QPushButton(translate("Catalog", "Корректировка…"))
        self.correct_button.clicked.connect(self.correct_stock)
        self.min_stock = QLineEdit()
        # what a КП shows of the product under its line (all optional)
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(52)
        self.description.setPlaceholderText(translate("Catalog", "Печатается в КП под строкой"))
        self.lead_time = QLineEdit()
        self.lead_time.setMaxLength(PRODUCT_TEXT_LIMIT)
        self.lead_time.setPlaceholderText(translate("Catalog", "например, 5 рабочих дней"))
        self.warranty = QLineEdit()
        self.warranty.setMaxLength(PRODUCT_TEXT_LIMIT)
        self.warranty.setPlaceholderText(translate("Catalog", "например, 12 месяцев"))
        self.photo = QLabel()
        self.photo.setObjectName("productPhoto")
        self.photo.setFixedSize(72, 48)
        self.photo_button = QPushButton(translate("Catalog", "Фото…"))
        self.photo_button.clicked.connect(self.choose_photo)
        self.photo_clear = QPushButton(translate("Catalog", "Убрать"))
        self.photo_clear.clicked.connect(self.clear_photo)
        photo_box = QWidget()
        photo_row = QHBoxLayout(photo_box)
        photo_row.setContentsMargins(0, 0, 0, 0)
        for part in (self.photo, self.photo_button, self.photo_clear):
            photo_row.addWidget(part)
        photo_row.addStretch(1)
        self.archived = QCheckBox(translate("Catalog", "В архиве (не предлагать в сделках)"))
        for key, label, w in (
            ("sku", translate("Catalog", "Артикул *"), self.sku),
            ("name", translate("Catalog", "Наименование *"), self.name),
            ("group_name", translate("Catalog", "Группа"), self.group),
            ("unit", translate("Catalog", "Единица *"), self.unit),
            ("price", translate("Catalog", "Цена, ₽ *"), self.price),
            ("floor_price", translate("Catalog", "Минимальная цена, ₽"), self.floor_price),
            ("max_discount", translate("Catalog", "Макс. скидка, %"), self.max_discount),
            ("vat_kind", translate("Catalog", "НДС"), self.vat),
            ("stock", translate("Catalog", "Остаток"), self.stock),
            ("min_stock", translate("Catalog", "Неснижаемый остаток"), self.min_stock),
            ("description", translate("Catalog", "Описание"), self.description),
            ("lead_time", translate("Catalog", "Срок поставки"), self.lead_time),
            ("warranty", translate("Catalog", "Гарантия"), self.warranty),
        ):
            self.errors.add_row(form, label, key, w)
            if key == "stock":
                form.addRow("", self.correct_button)
        self.errors.add_row(form, translate("Catalog", "Фото"), "image", photo_box)
        form.addRow("", self.archived)
        right.addLayout(form)
        hint = QLabel(translate(
            "Catalog", "Зона уступок: скидка, опускающая цену ниже минимальной (или больше "
                       "максимальной скидки), в сделке требует причины."))
        hint.setObjectName("cardNote")
        hint.setWordWrap(True)
        right.addWidget(hint)
        right.addStretch(1)
        buttons = QHBoxLayout()
        new = QPushButton(translate("Catalog", "Новый товар"))
        new.clicked.connect(self._on_new_clicked)
        self.delete_button = QPushButton(translate("Catalog", "Удалить"))
        self.delete_button.clicked.connect(self._on_delete_clicked)
        save = named(QPushButton(translate("Catalog", "Сохранить")), "primary")
        save.clicked.connect(self.save)
        close = QPushButton(translate("Catalog", "Закрыть"))
        close.clicked.connect(self.reject)
        for b in (new, self.delete_button, save):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        right.addLayout(buttons)
        outer.addLayout(right, 2)
        unsaved = self.track_changes(values=self.edited_values, save=self.save)
        self.switch = RecordSwitch(self.view, [unsaved], key_at=self._key_at,
                                   shown=lambda: self._current, load=self._load_product)
        self._reload()
        first = self._key_at(0)
        if first is not None:
            self.switch.select(first)
        self._load_product(first)

    def edited_values(self) -> tuple[object, ...]:
        return (self.sku.text(), self.name.text(), self.group.currentText(), self.unit.text(),
                self.price.text(), self.floor_price.text(), self.max_discount.text(),
                self.vat.currentData(), self.stock.text(), self.min_stock.text(),
                self.description.toPlainText(), self.lead_time.text(), self.warranty.text(),
                self.archived.isChecked())

    def _key_at(self, row: int) -> int | None:
        product = self.model.row_at(row)
        return product.id if product is not None else None

    def _reload(self, select: int | None = None) -> None:
        """The list again (after a search, a save, a delete); the card keeps what it shows."""
        rows = self._catalog.list_products(
            self.search.text(), include_archived=self.show_archived.isChecked())
        if self.low_only.isChecked():
            low = {r.product_id for r in self._services.orders.low_stock()}
            rows = [r for r in rows if r.id in low]
        with self.switch.quietly():
            self.model.set_rows(rows)
        group = self.group.currentText()  # the card's field: refilling the list keeps it
        self.group.clear()
        self.group.addItems(["", *self._catalog.groups()])
        self.group.setCurrentText(group)
        self.switch.select(select if select is not None else self._current)

    def show_product(self, product_id: int) -> None:
        """Select a product in the list and show its card (the global search opens it; the
        dialog has just opened, so its card holds no edits)."""
        self.switch.select(product_id)
        self._load_product(product_id)

    def _load_product(self, product_id: object) -> None:
        """Show a product in the card (None: a new one)."""
        if not isinstance(product_id, int):
            self.new_product()
            return
        row = self.model.find(lambda p: p.id == product_id)
        p = self.model.row(row) if row >= 0 else self._catalog.get(product_id)
        self._current = p.id
        self.sku.setText(p.sku)
        self.name.setText(p.name)
        self.group.setCurrentText(p.group_name)
        self.unit.setText(p.unit)
        self.price.setText(format_money(p.price, currency=False))
        self.floor_price.setText(format_money(p.floor_price, currency=False))
        self.max_discount.setText("" if p.max_discount is None else _qty(p.max_discount))
        self.vat.setCurrentIndex(max(self.vat.findData(p.vat_kind), 0))
        self.stock.setText(_qty(p.stock))
        self.stock.setReadOnly(True)
        self.correct_button.setEnabled(True)
        self.min_stock.setText(_qty(p.min_stock))
        self.description.setPlainText(p.description)
        self.lead_time.setText(p.lead_time)
        self.warranty.setText(p.warranty)
        self._show_photo(self._catalog.image(p.id))
        self.archived.setChecked(p.archived)
        self.errors.clear()
        if self.unsaved is not None:
            self.unsaved.mark_clean()

    def _on_new_clicked(self) -> None:
        if self.unsaved is None or self.unsaved.settle().goes_on:
            self.new_product()

    def new_product(self) -> None:
        """An empty card for a new product (what the card showed is dropped)."""
        self._current = None
        self.switch.select(None)
        for w in (self.sku, self.name, self.price, self.floor_price, self.max_discount,
                  self.description, self.lead_time, self.warranty):
            w.clear()
        self._show_photo(None)
        self.group.setCurrentText("")
        self.unit.setText("шт")
        self.stock.setText("0")
        self.stock.setReadOnly(False)  # a new product's opening stock
        self.correct_button.setEnabled(False)
        self.min_stock.setText("0")
        self.vat.setCurrentIndex(0)
        self.archived.setChecked(False)
        self.errors.clear()
        self.sku.setFocus()
        if self.unsaved is not None:
            self.unsaved.mark_clean()

    def product_input(self) -> ProductInput:
        errors: dict[str, str] = {}

        def num(edit: QLineEdit, key: str, optional: bool = False) -> Decimal | None:
            text = edit.text().strip()
            if not text:
                if optional:
                    return None
                text = "0"
            try:
                return parse_decimal(text)
            except ValueError:
                errors[key] = translate("Catalog", "Введите число")
                return Decimal(0)

        data = ProductInput(
            sku=self.sku.text(), name=self.name.text(), group_name=self.group.currentText(),
            unit=self.unit.text(), price=num(self.price, "price") or Decimal(0),
            floor_price=num(self.floor_price, "floor_price", True),
            max_discount=num(self.max_discount, "max_discount", True),
            vat_kind=str(self.vat.currentData()),
            # an existing product keeps the stock stored now (a shipment may have moved it
            # since the card was read); it changes through «Корректировка…»
            stock=(self._catalog.get(self._current).stock if self._current is not None
                   else num(self.stock, "stock") or Decimal(0)),
            min_stock=num(self.min_stock, "min_stock") or Decimal(0),
            description=self.description.toPlainText().strip(),
            lead_time=self.lead_time.text(), warranty=self.warranty.text(),
            archived=self.archived.isChecked())
        if errors:
            # Show what else is wrong too, not only the unreadable numbers.
            for key, msg in validate_product(data).items():
                errors.setdefault(key, msg)
            raise ValidationError(errors)
        return data

    def save(self) -> bool:
        try:
            product_id = self._catalog.save(self.product_input(), self._current)
        except ValidationError as exc:
            for message in self.errors.show(exc):
                dialogs.show_error(self, message)
            return False
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return False
        self.errors.clear()
        self._current = product_id
        self._reload(select=product_id)
        self._load_product(product_id)  # as stored (numbers in their usual form)
        return True

    # --- the photo: stored at once (not part of the card's unsaved edits) -------------------
    def _show_photo(self, data: bytes | None) -> None:
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.photo.setPixmap(pixmap.scaled(
                self.photo.size(), Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        else:
            self.photo.clear()
            self.photo.setText(translate("Catalog", "нет"))
        saved = self._current is not None
        self.photo_button.setEnabled(saved)
        self.photo_button.setToolTip("" if saved else translate(
            "Catalog", "Сначала сохраните товар"))
        self.photo_clear.setEnabled(saved and bool(data))

    def choose_photo(self) -> None:
        if self._current is None:
            return
        path = dialogs.ask_open_path(self, translate("Catalog", "Фото товара"),
                                     translate("Catalog", "Изображения (*.png *.jpg *.jpeg)"))
        if path:
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                dialogs.show_error(self, str(exc))
                return
            self.set_photo(data)

    def clear_photo(self) -> None:
        if self._current is not None and dialogs.confirm(
                self, translate("Catalog", "Фото товара"),
                translate("Catalog", "Убрать фото товара из каталога? В уже выпущенных КП "
                                     "оно останется.")):
            self.set_photo(None)

    def set_photo(self, data: bytes | None) -> bool:
        """Store `data` as the shown product's photo (None: remove it); False if refused."""
        if self._current is None:
            return False
        try:
            self._catalog.set_image(self._current, data)
        except ValidationError as exc:
            for message in self.errors.show(exc):
                dialogs.show_error(self, message)
            return False
        self.errors.clear_field("image")
        self._show_photo(self._catalog.image(self._current))
        return True

    def correct_stock(self) -> bool:
        """«Корректировка…»: the product's stock by a quantity with a reason (the journal)."""
        if self._current is None:
            return False
        if self.unsaved is not None and not self.unsaved.settle().goes_on:
            return False
        product = self._catalog.get(self._current)
        dialog = StockCorrectionDialog(services=self._services, product=product, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self._reload(select=product.id)
        self._load_product(product.id)
        return True

    def _on_delete_clicked(self) -> None:
        if self._current is None:
            return
        if not dialogs.confirm(self, translate("Catalog", "Удалить товар"), translate(
                "Catalog", "Удалить товар из каталога? Если он есть в сделках, "
                           "он будет перенесён в архив.")):
            return
        try:
            self._catalog.delete(self._current)
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return
        self._reload()
        self.new_product()
