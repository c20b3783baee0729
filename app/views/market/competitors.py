"""The competitors page of the «Рынок» tab: the register on the left; on the right the
selected competitor's card and SWOT, their prices against ours (where we are dearer, which
prices are stale), the deals lost to them (count, amount, quarters, stages), and our own
SWOT. The editor (card, SWOT, prices) is `competitor_editor.CompetitorDialog`, the price
list import `competitor_import.PriceImportDialog`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain.dates import short_date
from app.domain.figures import percent_text
from app.domain.money import format_money
from app.i18n import plural, translate
from app.services.errors import ServiceError
from app.services.market.competitors import (
    STALE_DAYS,
    CompetitorLosses,
    CompetitorRow,
    LostDealRow,
    PriceComparisonRow,
    QuarterLoss,
    StageLoss,
    Swot,
    period_quarters,
    price_level_label,
    price_source_label,
    quarter_label,
    share_text,
)
from app.services.plan.periods import Period, parse_period
from app.views import dialogs, style
from app.views.empty_state import EmptyHint
from app.views.market.competitor_editor import CompetitorDialog, SwotFields
from app.views.market.competitor_import import PriceImportDialog
from app.views.record_model import Column, RecordTableModel
from app.views.style import named
from app.views.unsaved import UnsavedChanges

# --- models ---------------------------------------------------------------------------------

class CompetitorListModel(RecordTableModel[CompetitorRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([
            Column(translate("Market", "Конкурент"), lambda r: r.name,
                   tooltip=lambda r: r.website or None),
            Column(translate("Market", "Цены"), lambda r: price_level_label(r.price_level)),
            Column(translate("Market", "Доля"), lambda r: share_text(r.market_share), numeric=True),
            Column(translate("Market", "Проигрыши"), lambda r: str(r.lost_deals) if r.lost_deals
                   else "—", numeric=True,
                   tooltip=lambda r: translate("Market", "Сделок, проигранных им за всё время")),
        ], parent)


def _difference(r: PriceComparisonRow) -> str:
    text = percent_text(r.difference_pct)
    return "+" + text if r.difference_pct is not None and r.difference_pct > 0 else text


def comparison_columns(*, with_competitor: bool) -> list[Column[PriceComparisonRow]]:
    columns: list[Column[PriceComparisonRow]] = []
    if with_competitor:
        columns.append(Column(translate("Market", "Конкурент"), lambda r: r.competitor_name))
    stale_tip = translate("Market", "Цене больше {n} дней — стоит уточнить").format(n=STALE_DAYS)
    columns += [
        Column(translate("Market", "Товар"), lambda r: r.product_name),
        Column(translate("Market", "Артикул"), lambda r: r.sku),
        Column(translate("Market", "Наша цена"), lambda r: format_money(r.our_price),
               numeric=True),
        Column(translate("Market", "Их цена"), lambda r: format_money(r.their_price),
               numeric=True),
        Column(translate("Market", "Разница"), _difference, numeric=True,
               color=lambda r: style.DANGER if r.we_are_dearer else style.SUCCESS
               if r.difference_pct else None,
               bold=lambda r: r.we_are_dearer,
               tooltip=lambda r: translate("Market", "Мы дороже") if r.we_are_dearer else None),
        Column(translate("Market", "Дата"),
               lambda r: short_date(r.observed_on) + (
                   translate("Market", " · устарела") if r.stale else ""),
               color=lambda r: style.WARNING if r.stale else None,
               tooltip=lambda r: stale_tip if r.stale else None),
        Column(translate("Market", "Источник"), lambda r: price_source_label(r.source)),
    ]
    return columns


class ComparisonModel(RecordTableModel[PriceComparisonRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(comparison_columns(with_competitor=False), parent)


class QuarterLossModel(RecordTableModel[QuarterLoss]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([
            Column(translate("Market", "Квартал"), lambda r: r.label),
            Column(translate("Market", "Сделок"), lambda r: str(r.count), numeric=True),
            Column(translate("Market", "Сумма"), lambda r: format_money(r.amount), numeric=True),
        ], parent)


class StageLossModel(RecordTableModel[StageLoss]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([
            Column(translate("Market", "Этап перед проигрышем"), lambda r: r.stage_name),
            Column(translate("Market", "Сделок"), lambda r: str(r.count), numeric=True),
            Column(translate("Market", "Сумма"), lambda r: format_money(r.amount), numeric=True),
        ], parent)


class LostDealModel(RecordTableModel[LostDealRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([
            Column(translate("Market", "Сделка"), lambda r: r.title),
            Column(translate("Market", "Клиент"), lambda r: r.client_name),
            Column(translate("Market", "Сумма"), lambda r: format_money(r.amount), numeric=True),
            Column(translate("Market", "Закрыта"), lambda r: short_date(r.closed_on)),
            Column(translate("Market", "Этап"), lambda r: r.lost_at_stage),
        ], parent)


def _table(model: RecordTableModel[Any], *, stretch: int = 0) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(28)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


# --- the SWOT square ------------------------------------------------------------------------

class SwotView(QWidget):
    """A SWOT square to read: four boxes with their texts («не указано» where empty)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 8, 0, 0)
        grid.setSpacing(8)
        self.boxes: dict[str, QLabel] = {}
        for n, (key, title, color) in enumerate((
                ("strengths", translate("Market", "Сильные стороны"), "success"),
                ("weaknesses", translate("Market", "Слабые стороны"), "danger"),
                ("opportunities", translate("Market", "Возможности"), "accent"),
                ("threats", translate("Market", "Угрозы"), "warning"))):
            frame = QFrame()
            frame.setObjectName("card")
            fl = QVBoxLayout(frame)
            fl.setContentsMargins(12, 10, 12, 10)
            head = QLabel(title)
            head.setStyleSheet("font-weight: 600;")
            style.set_tone(head, color)
            body = QLabel()
            body.setWordWrap(True)
            body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            fl.addWidget(head)
            fl.addWidget(body, 1)
            row, col = divmod(n, 2)
            grid.addWidget(frame, row, col)
            self.boxes[key] = body
        self.show_swot(None)

    def show_swot(self, swot: Swot | None) -> None:
        empty = translate("Market", "не указано")
        for key, label in self.boxes.items():
            text = getattr(swot, key) if swot is not None else ""
            label.setText(text or empty)
            style.set_tone(label, None if text else "muted")


# --- the page -------------------------------------------------------------------------------

def period_choices(today: date) -> list[Period]:
    """This year, its quarters so far, and last year."""
    y = today.year
    current_q = (today.month - 1) // 3 + 1
    keys = [str(y)] + [f"{y}-Q{q}" for q in range(current_q, 0, -1)] + [str(y - 1)]
    return [parse_period(k) for k in keys]


class CompetitorsPage(QWidget):
    """The competitor register with each competitor's SWOT, prices and losses, and ours."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._market = services.market
        self._current: CompetitorRow | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        splitter = QSplitter()
        layout.addWidget(splitter)

        # the register
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 8, 0)
        ll.addWidget(named(QLabel(translate("Market", "Реестр конкурентов")), "sectionTitle"))
        self.list_model = CompetitorListModel(self)
        self.list_view = _table(self.list_model)
        self.list_view.doubleClicked.connect(lambda _i: self._on_edit_button_clicked())
        self.list_view.selectionModel().selectionChanged.connect(
            lambda *_a: self._on_selection_changed())
        EmptyHint(self.list_view, translate(
            "Market", "Конкурентов пока нет. Добавьте первого кнопкой «Новый конкурент» — "
                      "или он появится, когда сделку проиграют конкуренту."))
        ll.addWidget(self.list_view, 1)
        buttons = QGridLayout()
        self.new_button = named(QPushButton(translate("Market", "Новый конкурент")), "primary")
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.edit_button = QPushButton(translate("Market", "Изменить"))
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.delete_button = QPushButton(translate("Market", "Удалить"))
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.import_button = QPushButton(translate("Market", "Импорт прайса…"))
        self.import_button.setToolTip(translate(
            "Market", "Загрузить цены конкурента из CSV или Excel: по артикулу или названию"))
        self.import_button.clicked.connect(self._on_import_button_clicked)
        buttons.addWidget(self.new_button, 0, 0)
        buttons.addWidget(self.import_button, 0, 1)
        buttons.addWidget(self.edit_button, 1, 0)
        buttons.addWidget(self.delete_button, 1, 1)
        ll.addLayout(buttons)
        splitter.addWidget(left)

        # the selected competitor
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(8, 0, 0, 0)
        rl.setSpacing(6)
        card = QFrame()
        card.setObjectName("card")
        cl = QVBoxLayout(card)
        cl.setContentsMargins(14, 10, 14, 10)
        self.name_label = named(QLabel(), "cardValue")
        self.details_label = named(QLabel(), "cardNote")
        self.details_label.setWordWrap(True)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        for w in (self.name_label, self.details_label, self.notes_label):
            cl.addWidget(w)
        rl.addWidget(card)
        self.tabs = QTabWidget()
        rl.addWidget(self.tabs, 1)

        self.swot_view = SwotView()
        self.tabs.addTab(self.swot_view, translate("Market", "SWOT"))

        prices = QWidget()
        pl = QVBoxLayout(prices)
        pl.setContentsMargins(0, 8, 0, 0)
        top = QHBoxLayout()
        self.prices_summary = named(QLabel(), "cardNote")
        self.prices_summary.setWordWrap(True)
        self.all_check = QCheckBox(translate("Market", "Все конкуренты"))
        self.all_check.toggled.connect(lambda _on: self._show_prices())
        top.addWidget(self.prices_summary, 1)
        top.addWidget(self.all_check)
        pl.addLayout(top)
        self.comparison_model = ComparisonModel(self)
        self.comparison_view = _table(self.comparison_model)
        self.comparison_hint = EmptyHint(self.comparison_view, "")
        pl.addWidget(self.comparison_view, 1)
        self.tabs.addTab(prices, translate("Market", "Сравнение цен"))

        losses = QWidget()
        lsl = QVBoxLayout(losses)
        lsl.setContentsMargins(0, 8, 0, 0)
        top = QHBoxLayout()
        self.period_combo = QComboBox()
        for p in period_choices(date.today()):
            self.period_combo.addItem(p.label.capitalize(), p.key)
        self.period_combo.currentIndexChanged.connect(lambda _i: self._show_losses())
        self.losses_summary = named(QLabel(), "cardNote")
        self.losses_summary.setWordWrap(True)
        top.addWidget(QLabel(translate("Market", "Период")))
        top.addWidget(self.period_combo)
        top.addSpacing(12)
        top.addWidget(self.losses_summary, 1)
        lsl.addLayout(top)
        pair = QHBoxLayout()
        self.quarters_model = QuarterLossModel(self)
        self.quarters_view = _table(self.quarters_model)
        self.stages_model = StageLossModel(self)
        self.stages_view = _table(self.stages_model)
        EmptyHint(self.stages_view, translate("Market", "Нет проигранных сделок"))
        for view in (self.quarters_view, self.stages_view):
            view.setMaximumHeight(150)
            pair.addWidget(view)
        lsl.addLayout(pair)
        self.deals_model = LostDealModel(self)
        self.deals_view = _table(self.deals_model)
        EmptyHint(self.deals_view, translate(
            "Market", "За период этому конкуренту не проиграна ни одна сделка."))
        lsl.addWidget(self.deals_view, 1)
        self.tabs.addTab(losses, translate("Market", "Проигранные сделки"))

        own = QWidget()
        ol = QVBoxLayout(own)
        ol.setContentsMargins(0, 8, 0, 0)
        hint = named(QLabel(translate(
            "Market", "Наш SWOT — чтобы сравнивать себя с конкурентами; попадает в отчёт "
                      "«Рынок и конкуренты».")), "cardNote")
        hint.setWordWrap(True)
        ol.addWidget(hint)
        self.own_swot = SwotFields()
        ol.addWidget(self.own_swot, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.own_save_button = named(QPushButton(translate("Market", "Сохранить наш SWOT")),
                                     "primary")
        self.own_save_button.clicked.connect(self._on_own_save_button_clicked)
        row.addWidget(self.own_save_button)
        ol.addLayout(row)
        self.tabs.addTab(own, translate("Market", "Наш SWOT"))
        self.own_unsaved = UnsavedChanges(self, values=self.own_swot.texts,
                                          save=self._store_own_swot,
                                          subject=lambda: translate("Market", "Наш SWOT"))

        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 940])
        self._show(None)

    # --- API --------------------------------------------------------------------------
    def refresh(self) -> None:
        keep = self._current.id if self._current else None
        rows = self._market.competitors()
        self.list_model.set_rows(rows)
        if not self.own_unsaved.is_modified():
            s = self._market.own_swot()
            self.own_swot.set_texts(s.strengths, s.weaknesses, s.opportunities, s.threats)
            self.own_unsaved.mark_clean()
        row = self.list_model.find(lambda r: r.id == keep) if keep is not None else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.select_row(row)
        else:
            self._show(None)

    def select_row(self, row: int) -> None:
        self.list_view.selectionModel().select(
            self.list_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self._on_selection_changed()

    def select_competitor(self, competitor_id: int) -> None:
        row = self.list_model.find(lambda r: r.id == competitor_id)
        if row >= 0:
            self.select_row(row)

    def current(self) -> CompetitorRow | None:
        rows = self.list_view.selectionModel().selectedRows()
        return self.list_model.row_at(rows[0].row()) if rows else None

    def period(self) -> Period:
        return parse_period(str(self.period_combo.currentData()))

    # --- showing ----------------------------------------------------------------------
    def _on_selection_changed(self) -> None:
        self._show(self.current())

    def _show(self, c: CompetitorRow | None) -> None:
        self._current = c
        for w in (self.edit_button, self.delete_button, self.import_button):
            w.setEnabled(c is not None)
        if c is None:
            self.name_label.setText(translate("Market", "Конкурент не выбран"))
            self.details_label.setText(translate(
                "Market", "Выберите конкурента в реестре слева или добавьте нового."))
            self.notes_label.hide()
        else:
            self.name_label.setText(c.name)
            self.details_label.setText(self._details(c))
            self.notes_label.setText(c.notes)
            self.notes_label.setVisible(bool(c.notes))
        self.swot_view.show_swot(c.swot if c else None)
        self._show_prices()
        self._show_losses()

    @staticmethod
    def _details(c: CompetitorRow) -> str:
        parts = []
        if c.inn:
            parts.append(translate("Market", "ИНН {v}").format(v=c.inn))
        if c.website:
            parts.append(c.website)
        if c.segments:
            parts.append(translate("Market", "сегменты: {v}").format(v=", ".join(c.segments)))
        if c.market_share is not None:
            parts.append(translate("Market", "доля рынка {v}").format(v=share_text(c.market_share)))
        if c.price_level:
            parts.append(translate("Market", "цены: {v}").format(
                v=price_level_label(c.price_level).lower()))
        parts.append(plural(c.prices, translate(
            "Market", "%n цена записана|%n цены записаны|%n цен записано")))
        return "  ·  ".join(parts)

    def _show_prices(self) -> None:
        every = self.all_check.isChecked()
        c = self._current
        if every:
            rows = self._market.price_comparison()
        else:
            rows = self._market.price_comparison(c.id) if c else []
        self.comparison_model.set_rows(rows, columns=comparison_columns(with_competitor=every))
        self.comparison_hint.setText(
            translate("Market", "Цен конкурентов пока нет.") if every else
            translate("Market", "Цен этого конкурента пока нет. Добавьте их в карточке "
                                "конкурента (вкладка «Цены») или загрузите прайс кнопкой "
                                "«Импорт прайса…».") if c else
            translate("Market", "Выберите конкурента"))
        dearer = sum(1 for r in rows if r.we_are_dearer)
        stale = sum(1 for r in rows if r.stale)
        self.prices_summary.setText(translate(
            "Market", "Товаров: {n} · мы дороже: {d} · устаревших цен (старше {days} дн.): {s}")
            .format(n=len(rows), d=dearer, s=stale, days=STALE_DAYS) if rows else "")
        view = self.comparison_view
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1 if every else 0, QHeaderView.ResizeMode.Stretch)

    def _show_losses(self) -> None:
        c = self._current
        losses: CompetitorLosses | None = None
        if c is not None:
            found = self._market.competitor_losses(self.period(), c.id)
            losses = found[0] if found else None
        if losses is None:
            quarters = [QuarterLoss(k, quarter_label(k), 0, Decimal("0.00"))
                        for k in period_quarters(self.period())] if c else []
            self.quarters_model.set_rows(quarters)
            self.stages_model.set_rows([])
            self.deals_model.set_rows([])
            self.losses_summary.setText(translate("Market", "Проигранных сделок нет")
                                        if c else "")
            return
        self.quarters_model.set_rows(losses.quarters)
        self.stages_model.set_rows(losses.stages)
        self.deals_model.set_rows(losses.deals)
        self.losses_summary.setText(translate("Market", "{n} на сумму {a}").format(
            n=plural(losses.count, translate(
                "Market", "Проиграна %n сделка|Проиграно %n сделки|Проиграно %n сделок")),
            a=format_money(losses.amount)))

    # --- actions ----------------------------------------------------------------------
    def _on_new_button_clicked(self) -> None:
        self._open_editor(None)

    def _on_edit_button_clicked(self) -> None:
        if self._current is not None:
            self._open_editor(self._current)

    def _open_editor(self, c: CompetitorRow | None) -> None:
        dialog = CompetitorDialog(services=self._services, competitor=c, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            self.refresh()
            self.select_competitor(dialog.saved_id)

    def _on_delete_button_clicked(self) -> None:
        c = self._current
        if c is None:
            return
        text = translate("Market", "Удалить конкурента «{name}» вместе с его ценами?").format(
            name=c.name)
        if c.lost_deals:
            text += "\n" + plural(c.lost_deals, translate(
                "Market", "%n проигранная ему сделка останется без конкурента.|%n проигранные "
                          "ему сделки останутся без конкурента.|%n проигранных ему сделок "
                          "останутся без конкурента."))
        if not dialogs.confirm(self, translate("Market", "Удалить конкурента"), text):
            return
        try:
            self._market.delete_competitor(c.id)
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
        self._current = None
        self.refresh()

    def _on_import_button_clicked(self) -> None:
        c = self._current
        if c is None:
            return
        dialog = PriceImportDialog(services=self._services, competitor=c, parent=self)
        dialog.exec()
        if dialog.imported:
            self.refresh()
            self.tabs.setCurrentIndex(1)

    def _on_own_save_button_clicked(self) -> None:
        self._store_own_swot()

    def _store_own_swot(self) -> bool:
        s, w, o, t = self.own_swot.texts()
        try:
            self._market.set_own_swot(Swot(s, w, o, t))
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return False
        self.own_unsaved.mark_clean()
        return True
