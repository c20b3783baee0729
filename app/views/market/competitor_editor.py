"""The competitor's editor: its card (name, ИНН, site, segments, market share, price level,
notes), its SWOT and its prices (one per product and day, with the source); everything is
stored together by `MarketService.save_competitor(…, prices=…)`, or nothing is."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain.dates import short_date
from app.domain.figures import MONEY_PLACES, too_precise
from app.domain.money import format_money
from app.i18n import translate
from app.services.catalog import ProductRow
from app.services.errors import ServiceError, ValidationError
from app.services.market.competitors import (
    PRICE_LEVELS,
    PRICE_SOURCES,
    CompetitorDraft,
    CompetitorPriceDraft,
    CompetitorRow,
    price_level_label,
    price_source_label,
    share_text,
)
from app.views import dialogs, style
from app.views.deals.common import parse_decimal
from app.views.empty_state import EmptyHint
from app.views.forms import FieldErrors, dialog_buttons, error_banner, form_layout, line_edit
from app.views.orders.fields import date_edit, read_date
from app.views.record_model import Column, RecordTableModel
from app.views.style import named
from app.views.unsaved import EditorDialog


@dataclass(frozen=True)
class PriceLine:
    """A price as the editor holds it until the competitor is saved."""

    product_id: int
    sku: str
    product_name: str
    price: Decimal
    observed_on: date
    source: str = "price_list"
    note: str = ""
    id: int | None = None  # None: not stored yet

    def draft(self) -> CompetitorPriceDraft:
        return CompetitorPriceDraft(product_id=self.product_id, price=self.price,
                                    observed_on=self.observed_on, source=self.source,
                                    note=self.note, id=self.id)


class PriceLinesModel(RecordTableModel[PriceLine]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([
            Column(translate("Market", "Товар"), lambda r: r.product_name),
            Column(translate("Market", "Артикул"), lambda r: r.sku),
            Column(translate("Market", "Цена"), lambda r: format_money(r.price), numeric=True),
            Column(translate("Market", "Дата"), lambda r: short_date(r.observed_on)),
            Column(translate("Market", "Источник"), lambda r: price_source_label(r.source)),
            Column(translate("Market", "Примечание"), lambda r: r.note,
                   tooltip=lambda r: r.note or None),
        ], parent)


def product_text(p: ProductRow) -> str:
    return f"{p.sku} — {p.name}"


class PriceDialog(EditorDialog):
    """One price of a competitor: product, price, day, source, note (checked here for the
    form; the service checks it again when the competitor is saved)."""

    def __init__(self, *, products: list[ProductRow], line: PriceLine | None, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._products = products
        self.line: PriceLine | None = None
        self.setWindowTitle(translate("Market", "Цена конкурента"))
        self.setMinimumWidth(480)
        form = form_layout(self)
        self.errors = FieldErrors()
        self.product_combo = QComboBox()
        self.product_combo.setEditable(True)
        self.product_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for p in products:
            self.product_combo.addItem(product_text(p), p.id)
        completer = QCompleter([product_text(p) for p in products], self.product_combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.product_combo.setCompleter(completer)
        line_edit(self.product_combo).setPlaceholderText(
            translate("Market", "Артикул или название товара из каталога"))
        self.product_combo.setCurrentIndex(
            self.product_combo.findData(line.product_id) if line else -1)
        self.price_edit = QLineEdit(format_money(line.price, currency=False) if line else "")
        self.price_edit.setPlaceholderText("0,00")
        self.date_edit = date_edit(line.observed_on if line else today)
        self.source_combo = QComboBox()
        for key in PRICE_SOURCES:
            self.source_combo.addItem(price_source_label(key), key)
        self.source_combo.setCurrentIndex(
            max(self.source_combo.findData(line.source if line else "price_list"), 0))
        self.note_edit = QLineEdit(line.note if line else "")
        self.note_edit.setPlaceholderText(translate("Market", "например, № тендера или кто сказал"))
        self.errors.add_row(form, translate("Market", "Товар *"), "product_id",
                            self.product_combo)
        self.errors.add_row(form, translate("Market", "Цена, ₽ *"), "price", self.price_edit)
        self.errors.add_row(form, translate("Market", "Дата *"), "observed_on", self.date_edit)
        self.errors.add_row(form, translate("Market", "Источник"), "source", self.source_combo)
        form.addRow(translate("Market", "Примечание"), self.note_edit)
        form.addRow(dialog_buttons(self, translate("Market", "Готово")))
        self._id = line.id if line else None
        self.track_changes(values=self.values, save=self.save)

    def values(self) -> tuple[object, ...]:
        return (self.product_combo.currentText(), self.price_edit.text(),
                self.date_edit.date().toJulianDay(), self.source_combo.currentData(),
                self.note_edit.text())

    def _product(self) -> ProductRow | None:
        text = self.product_combo.currentText().strip()
        if not text:
            return None
        chosen = next((p for p in self._products if product_text(p) == text), None)
        if chosen is None:  # typed: an SKU or the exact name
            key = text.casefold()
            chosen = next((p for p in self._products
                           if key in (p.sku.casefold(), p.name.casefold())), None)
        return chosen

    def accept(self) -> None:
        self.save()

    def save(self) -> bool:
        errors: dict[str, str] = {}
        product = self._product()
        if product is None:
            errors["product_id"] = translate("Market", "Выберите товар из каталога")
        try:
            price = parse_decimal(self.price_edit.text())
        except ValueError:
            price = None
            errors["price"] = translate("Market", "Цена — это число, например 1 250,50")
        if price is not None and price < 0:
            errors["price"] = translate("Market", "Цена не может быть отрицательной")
        elif price is not None and too_precise(price, MONEY_PLACES):
            errors["price"] = translate("Market", "Цена — с точностью до копейки")
        observed = read_date(self.date_edit)
        if errors or product is None or price is None or observed is None:
            self.errors.show(errors)
            return False
        self.line = PriceLine(product_id=product.id, sku=product.sku, product_name=product.name,
                              price=price, observed_on=observed,
                              source=str(self.source_combo.currentData()),
                              note=self.note_edit.text().strip(), id=self._id)
        super().accept()
        return True


def _swot_edit(placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setMinimumHeight(90)
    return edit


class SwotFields(QWidget):
    """Four text fields in the SWOT square (used for a competitor and for us)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 8, 0, 0)
        self.strengths = _swot_edit(translate("Market", "В чём они сильны: ассортимент, цены, "
                                                        "склад, сервис…"))
        self.weaknesses = _swot_edit(translate("Market", "Где они слабы"))
        self.opportunities = _swot_edit(translate("Market", "Возможности"))
        self.threats = _swot_edit(translate("Market", "Угрозы"))
        for n, (title, edit, color) in enumerate((
                (translate("Market", "Сильные стороны"), self.strengths, "success"),
                (translate("Market", "Слабые стороны"), self.weaknesses, "danger"),
                (translate("Market", "Возможности"), self.opportunities, "accent"),
                (translate("Market", "Угрозы"), self.threats, "warning"))):
            label = QLabel(title)
            label.setStyleSheet("font-weight: 600;")
            style.set_tone(label, color)
            row, col = divmod(n, 2)
            grid.addWidget(label, row * 2, col)
            grid.addWidget(edit, row * 2 + 1, col)

    def edits(self) -> tuple[QPlainTextEdit, QPlainTextEdit, QPlainTextEdit, QPlainTextEdit]:
        return self.strengths, self.weaknesses, self.opportunities, self.threats

    def texts(self) -> tuple[str, str, str, str]:
        s, w, o, t = (e.toPlainText() for e in self.edits())
        return s, w, o, t

    def set_texts(self, strengths: str, weaknesses: str, opportunities: str,
                  threats: str) -> None:
        for edit, text in zip(self.edits(), (strengths, weaknesses, opportunities, threats),
                              strict=True):
            edit.setPlainText(text)


class CompetitorDialog(EditorDialog):
    """Create or edit a competitor with its SWOT and prices; `saved_id` once stored."""

    def __init__(self, *, services: Services, competitor: CompetitorRow | None,
                 today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._competitor = competitor
        self._today = today or date.today()
        self._products: list[ProductRow] | None = None
        self.saved_id: int | None = None
        self.setWindowTitle(competitor.name if competitor else
                            translate("Market", "Новый конкурент"))
        self.resize(740, 540)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 14, 16, 12)
        outer.addWidget(named(QLabel(self.windowTitle()), "sectionTitle"))
        self.banner = error_banner()
        outer.addWidget(self.banner)
        self.errors = FieldErrors(banner=self.banner)
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)

        card = QWidget()
        card_layout = QVBoxLayout(card)
        form = form_layout()
        card_layout.addLayout(form)
        card_layout.addStretch(1)  # the rows stay together at the top
        c = competitor
        self.name_edit = QLineEdit(c.name if c else "")
        self.inn_edit = QLineEdit(c.inn if c else "")
        self.inn_edit.setPlaceholderText(translate("Market", "10 цифр (ИП — 12), необязательно"))
        self.website_edit = QLineEdit(c.website if c else "")
        self.segments_edit = QLineEdit(", ".join(c.segments) if c else "")
        self.segments_edit.setPlaceholderText(translate(
            "Market", "через запятую: Розница, Ключевые"))
        self.share_edit = QLineEdit(
            "" if c is None or c.market_share is None else
            share_text(c.market_share).replace("\u00a0%", ""))
        self.share_edit.setPlaceholderText(translate("Market", "оценка, %"))
        self.level_combo = QComboBox()
        for key in PRICE_LEVELS:
            self.level_combo.addItem(price_level_label(key) if key else
                                     translate("Market", "не оценён"), key)
        self.level_combo.setCurrentIndex(max(self.level_combo.findData(
            c.price_level if c else ""), 0))
        self.notes_edit = QPlainTextEdit(c.notes if c else "")
        self.notes_edit.setFixedHeight(90)
        self.errors.add_row(form, translate("Market", "Название *"), "name", self.name_edit)
        self.errors.add_row(form, translate("Market", "ИНН"), "inn", self.inn_edit)
        self.errors.add_row(form, translate("Market", "Сайт"), "website", self.website_edit)
        self.errors.add_row(form, translate("Market", "Сегменты"), "segments",
                            self.segments_edit)
        self.errors.add_row(form, translate("Market", "Доля рынка, %"), "market_share",
                            self.share_edit)
        self.errors.add_row(form, translate("Market", "Уровень цен"), "price_level",
                            self.level_combo)
        form.addRow(translate("Market", "Заметки"), self.notes_edit)
        self.tabs.addTab(card, translate("Market", "Карточка"))

        self.swot = SwotFields()
        if c:
            self.swot.set_texts(c.strengths, c.weaknesses, c.opportunities, c.threats)
        self.tabs.addTab(self.swot, translate("Market", "SWOT"))

        prices = QWidget()
        pl = QVBoxLayout(prices)
        pl.setContentsMargins(0, 8, 0, 0)
        self.prices_model = PriceLinesModel(self)
        self.prices_view = QTableView()
        self.prices_view.setModel(self.prices_model)
        self.prices_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.prices_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.prices_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.prices_view.verticalHeader().hide()
        header = self.prices_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.prices_view.doubleClicked.connect(lambda _i: self._on_edit_price_clicked())
        EmptyHint(self.prices_view, translate(
            "Market", "Цен пока нет. Добавьте цену конкурента на товар из каталога — "
                      "со страницы прайса, из тендерного протокола или со слов клиента."))
        pl.addWidget(self.prices_view, 1)
        pl.addWidget(self.errors.attach_rows("prices", self.prices_view, describe=lambda n, m:
                                             translate("Market", "Цена {n}: {m}").format(
                                                 n=n + 1, m=m)))
        row = QHBoxLayout()
        self.add_price_button = QPushButton(translate("Market", "Добавить цену"))
        self.add_price_button.clicked.connect(self._on_add_price_clicked)
        self.edit_price_button = QPushButton(translate("Market", "Изменить"))
        self.edit_price_button.clicked.connect(self._on_edit_price_clicked)
        self.delete_price_button = QPushButton(translate("Market", "Удалить"))
        self.delete_price_button.clicked.connect(self._on_delete_price_clicked)
        for b in (self.add_price_button, self.edit_price_button, self.delete_price_button):
            row.addWidget(b)
        row.addStretch(1)
        pl.addLayout(row)
        self.tabs.addTab(prices, translate("Market", "Цены"))
        if c is not None:
            self.prices_model.set_rows([
                PriceLine(product_id=p.product_id, sku=p.sku, product_name=p.product_name,
                          price=p.price, observed_on=p.observed_on, source=p.source,
                          note=p.note, id=p.id)
                for p in services.market.competitor_prices(c.id)])
        self._update_prices_tab()
        outer.addWidget(dialog_buttons(self, translate("Market", "Сохранить"), self.accept))
        self.track_changes(values=self.values, save=self.save)

    # --- values ---------------------------------------------------------------------------
    def values(self) -> tuple[object, ...]:
        return (self.name_edit.text(), self.inn_edit.text(), self.website_edit.text(),
                self.segments_edit.text(), self.share_edit.text(),
                self.level_combo.currentData(), self.notes_edit.toPlainText(),
                self.swot.texts(), tuple(self.prices_model.rows()))

    def draft(self) -> CompetitorDraft:
        """The card as typed; ValueError when the market share is not a number."""
        share_text = self.share_edit.text().strip()
        share = parse_decimal(share_text) if share_text else None
        strengths, weaknesses, opportunities, threats = self.swot.texts()
        return CompetitorDraft(
            name=self.name_edit.text(), inn=self.inn_edit.text(),
            website=self.website_edit.text(),
            segments=tuple(self.segments_edit.text().split(",")), market_share=share,
            price_level=str(self.level_combo.currentData() or ""),
            strengths=strengths, weaknesses=weaknesses, opportunities=opportunities,
            threats=threats, notes=self.notes_edit.toPlainText())

    def save(self) -> bool:
        """Store the competitor with its prices and close; a refusal stays by the fields."""
        try:
            draft = self.draft()
        except ValueError:
            self.errors.show({"market_share": translate(
                "Market", "Доля рынка — это число от 0 до 100")})
            return False
        try:
            self.saved_id = self._services.market.save_competitor(
                draft, self._competitor.id if self._competitor else None,
                prices=[line.draft() for line in self.prices_model.rows()])
        except ValidationError as exc:
            for message in self.errors.show(exc):
                dialogs.show_error(self, message)
            return False
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return False
        if self.unsaved is not None:
            self.unsaved.mark_clean()
        super().accept()
        return True

    def accept(self) -> None:
        self.save()

    # --- prices -----------------------------------------------------------------------------
    def products(self) -> list[ProductRow]:
        if self._products is None:
            self._products = self._services.catalog.list_products()
        return self._products

    def _selected_price(self) -> int:
        rows = self.prices_view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _update_prices_tab(self) -> None:
        self.tabs.setTabText(2, translate("Market", "Цены ({n})").format(
            n=self.prices_model.rowCount()) if self.prices_model.rowCount()
            else translate("Market", "Цены"))

    def open_price_dialog(self, line: PriceLine | None) -> PriceLine | None:
        """The price form; the line the user confirmed, or None."""
        if not self.products():
            dialogs.show_info(self, translate(
                "Market", "В каталоге нет товаров — сравнивать цены не с чем. Добавьте товары "
                          "в каталог (вкладка «Сделки» → «Каталог»)."))
            return None
        dialog = PriceDialog(products=self.products(), line=line, today=self._today,
                             parent=self)
        return dialog.line if dialog.exec() == QDialog.DialogCode.Accepted else None

    def add_price(self, line: PriceLine) -> None:
        self.prices_model.append_row(line)
        self.errors.clear_field("prices")
        self._update_prices_tab()

    def _on_add_price_clicked(self) -> None:
        line = self.open_price_dialog(None)
        if line is not None:
            self.add_price(line)

    def _on_edit_price_clicked(self) -> None:
        i = self._selected_price()
        old = self.prices_model.row_at(i)
        if old is None:
            return
        line = self.open_price_dialog(old)
        if line is not None:
            self.prices_model.replace_row(i, replace(line, id=old.id))

    def _on_delete_price_clicked(self) -> None:
        i = self._selected_price()
        if i >= 0:
            self.prices_model.remove_row(i)
            self._update_prices_tab()
