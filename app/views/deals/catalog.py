"""The product catalog editor and the product picker used by the deal editor."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.i18n import translate
from app.services.catalog import VAT_KINDS, ProductInput, ProductRow, validate_product
from app.services.errors import ServiceError, ValidationError
from app.services.pricing import vat_kind_label
from app.views import dialogs, style
from app.views.deals.common import money_short, parse_decimal

_Index = QModelIndex | QPersistentModelIndex
_D = Qt.ItemDataRole.DisplayRole


def _qty(value: Decimal) -> str:
    return (f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}").replace(
        ".", ",")


class ProductsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ProductRow] = []

    def set_rows(self, rows: list[ProductRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ProductRow:
        return self._rows[row]

    def row_of(self, product_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == product_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _D) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _D:
            return (translate("Catalog", "Артикул"), translate("Catalog", "Наименование"),
                    translate("Catalog", "Группа"), translate("Catalog", "Цена"),
                    translate("Catalog", "Мин. цена"), translate("Catalog", "НДС"),
                    translate("Catalog", "Остаток"))[section]
        return None

    def data(self, index: _Index, role: int = _D) -> Any:
        if not index.isValid():
            return None
        p = self._rows[index.row()]
        c = index.column()
        if role == _D:
            floor = p.effective_floor
            return (p.sku, p.name, p.group_name, money_short(p.price, kopecks=True),
                    money_short(floor, kopecks=True) if floor is not None else "—",
                    vat_kind_label(p.vat_kind), f"{_qty(p.stock)} {p.unit}")[c]
        if role == Qt.ItemDataRole.TextAlignmentRole and c in (3, 4, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if p.archived:
                return QColor(style.MUTED)
            if c == 6 and p.stock <= p.min_stock:
                return QColor(style.DANGER)
        return None


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


class ProductPicker(QDialog):
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
        ok = QPushButton(translate("Catalog", "Добавить в сделку"), objectName="primary")
        ok.clicked.connect(self.accept)
        row.addWidget(cancel)
        row.addWidget(ok)
        v.addLayout(row)
        self._reload()

    def _reload(self) -> None:
        self.model.set_rows(self._catalog.list_products(self.search.text()))
        if self.model.rowCount():
            self.view.selectRow(0)

    def chosen(self) -> ProductRow | None:
        idx = self.view.currentIndex()
        return self.model.row_at(idx.row()) if idx.isValid() else None

    @classmethod
    def pick(cls, services: Services, parent: QWidget | None = None) -> ProductRow | None:
        dlg = cls(services, parent)
        return dlg.chosen() if dlg.exec() == QDialog.DialogCode.Accepted else None


class CatalogDialog(QDialog):
    """The catalog: a searchable list on the left, the product's card on the right."""

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        top.addWidget(self.search, 1)
        top.addWidget(self.show_archived)
        left.addLayout(top)
        self.model = ProductsModel(self)
        self.view = _table(self.model)
        self.view.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._show(cur.row()))
        left.addWidget(self.view, 1)
        outer.addLayout(left, 5)
        right = QVBoxLayout()
        title = QLabel(translate("Catalog", "Карточка товара"), objectName="sectionTitle")
        right.addWidget(title)
        form = QFormLayout()
        self.errors: dict[str, QLabel] = {}
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
        self.min_stock = QLineEdit()
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
        ):
            box = QWidget()
            bv = QVBoxLayout(box)
            bv.setContentsMargins(0, 0, 0, 0)
            bv.setSpacing(1)
            bv.addWidget(w)
            err = QLabel(objectName="fieldError")
            err.hide()
            bv.addWidget(err)
            self.errors[key] = err
            form.addRow(label, box)
        form.addRow("", self.archived)
        right.addLayout(form)
        hint = QLabel(translate(
            "Catalog", "Зона уступок: скидка, опускающая цену ниже минимальной (или больше "
                       "максимальной скидки), в сделке требует причины."), objectName="cardNote")
        hint.setWordWrap(True)
        right.addWidget(hint)
        right.addStretch(1)
        buttons = QHBoxLayout()
        new = QPushButton(translate("Catalog", "Новый товар"))
        new.clicked.connect(self.new_product)
        self.delete_button = QPushButton(translate("Catalog", "Удалить"))
        self.delete_button.clicked.connect(self._on_delete_clicked)
        save = QPushButton(translate("Catalog", "Сохранить"), objectName="primary")
        save.clicked.connect(self.save)
        close = QPushButton(translate("Catalog", "Закрыть"))
        close.clicked.connect(self.accept)
        for b in (new, self.delete_button, save):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        right.addLayout(buttons)
        outer.addLayout(right, 2)
        self._reload()
        if self.model.rowCount():
            self.view.selectRow(0)
        else:
            self.new_product()

    def _reload(self, select: int | None = None) -> None:
        self.model.set_rows(self._catalog.list_products(
            self.search.text(), include_archived=self.show_archived.isChecked()))
        self.group.clear()
        self.group.addItems(["", *self._catalog.groups()])
        if select is not None and self.model.row_of(select) >= 0:
            self.view.selectRow(self.model.row_of(select))

    def _show(self, row: int) -> None:
        if row < 0:
            return
        p = self.model.row_at(row)
        self._current = p.id
        self.sku.setText(p.sku)
        self.name.setText(p.name)
        self.group.setCurrentText(p.group_name)
        self.unit.setText(p.unit)
        self.price.setText(money_short(p.price, kopecks=True).replace("\u00a0₽", ""))
        self.floor_price.setText("" if p.floor_price is None else money_short(
            p.floor_price, kopecks=True).replace("\u00a0₽", ""))
        self.max_discount.setText("" if p.max_discount is None else _qty(p.max_discount))
        self.vat.setCurrentIndex(max(self.vat.findData(p.vat_kind), 0))
        self.stock.setText(_qty(p.stock))
        self.min_stock.setText(_qty(p.min_stock))
        self.archived.setChecked(p.archived)
        self._show_errors({})

    def new_product(self) -> None:
        self._current = None
        self.view.clearSelection()
        for w in (self.sku, self.name, self.price, self.floor_price, self.max_discount):
            w.clear()
        self.group.setCurrentText("")
        self.unit.setText("шт")
        self.stock.setText("0")
        self.min_stock.setText("0")
        self.vat.setCurrentIndex(0)
        self.archived.setChecked(False)
        self.sku.setFocus()

    def _show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.setText(errors.get(key, ""))
            label.setVisible(key in errors)

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
            vat_kind=str(self.vat.currentData()), stock=num(self.stock, "stock") or Decimal(0),
            min_stock=num(self.min_stock, "min_stock") or Decimal(0),
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
            self._show_errors(exc.errors)
            return False
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return False
        self._show_errors({})
        self._current = product_id
        self._reload(select=product_id)
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
