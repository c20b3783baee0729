"""Сделки: filters, the forecast strip and the pipeline board; moves, closing, the editor."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import TypedDict

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain.dates import month_name
from app.domain.money import format_rubles
from app.i18n import plural, translate
from app.services.deals import (
    Board,
    BoardFilter,
    DealCard,
    MonthForecast,
    StageInfo,
    StageMove,
)
from app.services.errors import ServiceError
from app.views import dialogs
from app.views.deals.board import PipelineBoard
from app.views.deals.common import parse_decimal
from app.views.forms import line_edit, set_invalid
from app.views.icons import icon
from app.views.shortcuts_help import describe
from app.views.style import named


class _MoveDetails(TypedDict, total=False):
    """What a move to a closed stage adds (the keywords of `DealsService.move_deal`)."""

    lost_reason: str
    lost_comment: str
    competitor: str
    closed_on: date
    final_amount: Decimal


class _ForecastCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(1)
        self.title = named(QLabel(), "cardTitle")
        self.value = named(QLabel(), "forecastValue")
        self.note = named(QLabel(), "cardNote")
        self.note.setWordWrap(True)  # narrow windows wrap the note instead of widening the tab
        for w in (self.title, self.value, self.note):
            layout.addWidget(w)
        self.setStyleSheet("QLabel#forecastValue { font-size: 17px; font-weight: 600; }")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)


class ForecastStrip(QWidget):
    """This month and next: what is won, what the weighted pipeline adds, and the plan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.this_card = _ForecastCard()
        self.next_card = _ForecastCard()
        self.total_card = _ForecastCard()
        layout.addWidget(self.this_card, 3)
        layout.addWidget(self.next_card, 3)
        layout.addWidget(self.total_card, 2)

    def show_forecast(self, this: MonthForecast, nxt: MonthForecast,
                      pipeline_weighted: Decimal, pipeline_amount: Decimal) -> None:
        for card, m, first in ((self.this_card, this, True), (self.next_card, nxt, False)):
            card.title.setText(translate("Deals", "Прогноз: {month}").format(
                month=f"{month_name(m.month.month).capitalize()} {m.month.year}"))
            card.value.setText(format_rubles(m.expected))
            parts = []
            if m.won:
                parts.append(translate("Deals", "выиграно {sum}").format(sum=format_rubles(m.won)))
            parts.append(plural(m.deals, translate(
                "Deals", "+ взвешенно {sum} по %n сделке|+ взвешенно {sum} по %n сделкам"
                         "|+ взвешенно {sum} по %n сделкам")).format(
                sum=format_rubles(m.weighted)))
            if m.plan:
                parts.append(translate("Deals", "план {plan} ({share} %)").format(
                    plan=format_rubles(m.plan), share=m.plan_share))
            card.note.setText(" · ".join(parts))
            tip = translate("Deals", "Ожидается = выиграно + сумма открытых сделок с закрытием "
                                     "в этом месяце, умноженная на их вероятность.")
            if first and m.overdue_deals:
                tip += "\n" + translate(
                    "Deals", "В том числе {n} сделок с просроченной датой закрытия."
                ).format(n=m.overdue_deals)
            card.setToolTip(tip)
        self.total_card.title.setText(translate("Deals", "Вся воронка, взвешенно"))
        self.total_card.value.setText(format_rubles(pipeline_weighted))
        self.total_card.note.setText(translate("Deals", "из {sum} в открытых сделках").format(
            sum=format_rubles(pipeline_amount)))


class DealsTab(QWidget):
    """The pipeline kanban with filters and a forecast strip.

    Signals:
        deal_moved(int, int): a move was stored (deal id, new stage id).
        deal_saved(int): the editor saved a deal.
    """

    tab_key = "deals"
    deal_moved = Signal(int, int)
    deal_saved = Signal(int)

    @staticmethod
    def title() -> str:
        return translate("MainWindow", "Сделки")

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._deals = services.deals
        self._stages: list[StageInfo] = []
        self._board: Board | None = None
        self._filter = BoardFilter()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 10)
        layout.setSpacing(10)
        layout.addLayout(self._build_toolbar())
        layout.addLayout(self._build_filters())
        self.forecast = ForecastStrip()
        layout.addWidget(self.forecast)
        self.board = PipelineBoard()
        self.board.move_requested.connect(self._on_board_move_requested)
        self.board.step_requested.connect(self._on_board_step_requested)
        self.board.open_requested.connect(self.open_deal)
        self.board.context_menu_requested.connect(self._on_board_context_menu_requested)
        layout.addWidget(self.board, 1)
        self.status = named(QLabel(), "cardNote")
        layout.addWidget(self.status)
        self._text_timer = QTimer(self, singleShot=True, interval=250)
        self._text_timer.timeout.connect(self._on_filters_changed)
        # a window shortcut of the tab: active as soon as the tab is shown (a hidden tab's
        # are not), whether or not the board has the focus yet
        describe(QShortcut(QKeySequence.StandardKey.New, self), translate(
            "DealsTab", "Новая сделка")).activated.connect(self.new_deal)
        describe(QShortcut(QKeySequence.StandardKey.Find, self), translate(
            "DealsTab", "Поиск по сделкам")).activated.connect(self.search.setFocus)
        self.refresh()

    # --- building -----------------------------------------------------------------------------
    def _build_toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        heading = named(QLabel(translate("Deals", "Воронка продаж")), "sectionTitle")
        row.addWidget(heading)
        row.addSpacing(12)
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("Deals", "Поиск по сделке и клиенту  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.search.textChanged.connect(lambda _t: self._text_timer.start())
        row.addWidget(self.search, 1)
        self.sort_combo = QComboBox()
        for key, label in (
            ("close", translate("Deals", "Сначала ближайшие к закрытию")),
            ("amount", translate("Deals", "Сначала крупные")),
            ("weighted", translate("Deals", "Сначала по взвешенной сумме")),
            ("days", translate("Deals", "Сначала дольше всех в этапе")),
        ):
            self.sort_combo.addItem(label, key)
        # as wide as its longest choice: «Сначала ближайшие к закрытию» was cut at 1280 px
        self.sort_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sort_combo.currentIndexChanged.connect(lambda _i: self._on_sort_changed())
        row.addWidget(self.sort_combo)
        row.addStretch(0)
        self.catalog_button = QPushButton(icon("catalog"), translate("Deals", "Каталог товаров"))
        self.catalog_button.clicked.connect(self.open_catalog)
        self.settings_button = QPushButton(icon("pipeline"),
                                           translate("Deals", "Настройка воронки"))
        self.settings_button.clicked.connect(self.open_stage_settings)
        self.new_button = named(QPushButton(translate("Deals", "+ Новая сделка")), "primary")
        self.new_button.clicked.connect(self.new_deal)
        for b in (self.catalog_button, self.settings_button, self.new_button):
            row.addWidget(b)
        return row

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self.client_filter = QComboBox()
        self.client_filter.setEditable(True)
        self.client_filter.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.client_filter.setMinimumWidth(180)
        client_text = line_edit(self.client_filter)
        client_text.setPlaceholderText(translate("Deals", "Все клиенты"))
        self.client_filter.activated.connect(lambda _i: self._on_filters_changed())
        client_text.editingFinished.connect(self._on_client_text_finished)
        self.segment_filter = QComboBox()
        self.segment_filter.setMinimumWidth(130)
        self.segment_filter.currentIndexChanged.connect(lambda _i: self._on_filters_changed())
        self.amount_min = QLineEdit()
        self.amount_min.setPlaceholderText(translate("Deals", "Сумма от"))
        self.amount_max = QLineEdit()
        self.amount_max.setPlaceholderText(translate("Deals", "до"))
        for amount in (self.amount_min, self.amount_max):
            amount.setFixedWidth(100)
            amount.editingFinished.connect(self._on_filters_changed)
        self.period_filter = QComboBox()
        for key, label in (
            ("", translate("Deals", "Закрытие: любое")),
            ("overdue", translate("Deals", "Закрытие просрочено")),
            ("this_month", translate("Deals", "Закрытие в этом месяце")),
            ("next_month", translate("Deals", "Закрытие в следующем месяце")),
            ("quarter", translate("Deals", "Закрытие в этом квартале")),
            ("30d", translate("Deals", "Закрытие в ближайшие 30 дней")),
        ):
            self.period_filter.addItem(label, key)
        self.period_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.period_filter.setMinimumContentsLength(16)
        self.period_filter.currentIndexChanged.connect(lambda _i: self._on_filters_changed())
        self.stalled_only = QCheckBox(translate("Deals", "Только застрявшие"))
        self.stalled_only.toggled.connect(lambda _c: self._on_filters_changed())
        self.show_closed = QCheckBox(translate("Deals", "Закрытые сделки"))
        self.show_closed.setToolTip(translate("Deals", "Показать выигранные и проигранные"))
        self.show_closed.toggled.connect(lambda _c: self._on_filters_changed())
        self.reset_button = QPushButton(icon("reset"), translate("Deals", "Сбросить"))
        self.reset_button.setFlat(True)
        self.reset_button.clicked.connect(self.reset_filters)
        for w in (self.client_filter, self.segment_filter, self.amount_min, self.amount_max,
                  self.period_filter, self.stalled_only, self.show_closed):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.reset_button)
        return row

    # --- data ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._reload_filter_choices()
        self._reload()

    def _reload_filter_choices(self) -> None:
        current_client = self.client_filter.currentData()
        self.client_filter.blockSignals(True)
        self.client_filter.clear()
        self.client_filter.addItem("", None)
        for c in self._deals.clients_with_open_deals():
            self.client_filter.addItem(c.name, c.id)
        completer = QCompleter([self.client_filter.itemText(i)
                                for i in range(1, self.client_filter.count())], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.client_filter.setCompleter(completer)
        i = self.client_filter.findData(current_client) if current_client is not None else 0
        self.client_filter.setCurrentIndex(max(i, 0))
        self.client_filter.blockSignals(False)
        current_segment = self.segment_filter.currentData()
        self.segment_filter.blockSignals(True)
        self.segment_filter.clear()
        self.segment_filter.addItem(translate("Deals", "Все сегменты"), "")
        for seg in self._deals.segments():
            self.segment_filter.addItem(seg, seg)
        i = self.segment_filter.findData(current_segment) if current_segment else 0
        self.segment_filter.setCurrentIndex(max(i, 0))
        self.segment_filter.blockSignals(False)

    def current_filter(self, today: date | None = None) -> BoardFilter:
        today = today or date.today()
        close_from = close_to = None
        period = self.period_filter.currentData()
        month_end = date(today.year, today.month, calendar.monthrange(today.year,
                                                                      today.month)[1])
        if period == "overdue":
            close_to = today - timedelta(days=1)
        elif period == "this_month":
            close_from, close_to = today.replace(day=1), month_end
        elif period == "next_month":
            close_from = month_end + timedelta(days=1)
            close_to = date(close_from.year, close_from.month,
                            calendar.monthrange(close_from.year, close_from.month)[1])
        elif period == "quarter":
            q0 = (today.month - 1) // 3 * 3 + 1
            close_from = date(today.year, q0, 1)
            q_end_month = q0 + 2
            close_to = date(today.year, q_end_month,
                            calendar.monthrange(today.year, q_end_month)[1])
        elif period == "30d":
            close_from, close_to = today, today + timedelta(days=30)
        return BoardFilter(
            client_id=self.client_filter.currentData(),
            segment=str(self.segment_filter.currentData() or ""),
            amount_min=self._amount(self.amount_min),
            amount_max=self._amount(self.amount_max),
            close_from=close_from, close_to=close_to,
            stalled_only=self.stalled_only.isChecked(),
            text=self.search.text(),
            show_closed=self.show_closed.isChecked(),
        )

    @staticmethod
    def _amount(edit: QLineEdit) -> Decimal | None:
        text = edit.text().strip()
        try:
            value = parse_decimal(text) if text else None
        except ValueError:
            # A filter bar has no room for a message line: the outline and the tooltip say it.
            set_invalid(edit, True)
            edit.setToolTip(translate("Deals", "Введите сумму числом, например 150 000"))
            return None
        set_invalid(edit, False)
        edit.setToolTip("")
        return value

    def _reload(self, *, select_deal: int | None = None) -> None:
        self._filter = self.current_filter()
        board = self._deals.board(self._filter)
        self._board = board
        self._stages = self._deals.stages()
        self.board.set_stages(board.stages, working_days=board.working_days)
        self.board.set_closing_stages(self._stages)
        sort_key = str(self.sort_combo.currentData())
        for col in self.board.columns:
            col.model.set_cards(board.column(col.stage.id), sort_key)
            col.show_summary(board.summaries[col.stage.id])
        self._show_forecast()
        self._show_status()
        if select_deal is not None:
            self.board.select_deal(select_deal)

    def _show_forecast(self) -> None:
        f = self._deals.forecast()
        self.forecast.show_forecast(f.this_month, f.next_month, f.pipeline_weighted,
                                    f.pipeline_amount)

    def _show_status(self) -> None:
        cards = [c for col in self.board.columns if col.stage.is_open
                 for c in col.model.cards()]
        stalled = sum(1 for c in cards if c.stalled)
        no_step = sum(1 for c in cards if c.next_due is None)
        unit = (translate("Deals", "в рабочих днях") if self._board and self._board.working_days
                else translate("Deals", "в календарных днях"))
        self.status.setText(translate(
            "Deals", "Открытых сделок на доске: {n} · застряли: {stalled} ({unit}) · "
                     "без следующего шага: {no_step} · перетащите карточку или Ctrl+←/→, "
                     "чтобы сменить этап").format(
            n=len(cards), stalled=stalled, unit=unit, no_step=no_step))

    def _refresh_summaries(self, stage_ids: list[int]) -> None:
        """Re-read the headers of these columns (after a move: the two it touched)."""
        columns = [col for col in self.board.columns if col.stage.id in stage_ids]
        if not columns:
            return
        ids = None
        if self._filter.text.strip() or self._filter.stalled_only:
            # filters applied to the cards: the headers count the cards the columns show
            ids = [c.id for col in columns for c in col.model.cards()]
        summaries = self._deals.column_summaries(
            self._filter, [col.stage.id for col in columns], ids)
        for col in columns:
            col.show_summary(summaries[col.stage.id])

    # --- filters -------------------------------------------------------------------------------
    def _on_sort_changed(self) -> None:
        sort_key = str(self.sort_combo.currentData())
        for col in self.board.columns:
            col.model.set_cards(col.model.cards(), sort_key)

    def _on_filters_changed(self) -> None:
        self._reload()
        if self._filter.text.strip():
            # the first match, left to right, made current and scrolled to: it may be in a
            # column off-screen
            first = next((c.id for col in self.board.columns for c in col.model.cards()), None)
            if first is not None:
                self.board.select_deal(first, focus=False)

    def _on_client_text_finished(self) -> None:
        text = self.client_filter.currentText().strip()
        if not text:
            if self.client_filter.currentIndex() != 0:
                self.client_filter.setCurrentIndex(0)
            self._reload()
            return
        i = self.client_filter.findText(text, Qt.MatchFlag.MatchContains)
        if i >= 0:
            self.client_filter.setCurrentIndex(i)
        self._reload()

    def reset_filters(self) -> None:
        for w in (self.search, self.amount_min, self.amount_max):
            w.blockSignals(True)
            w.clear()
            w.blockSignals(False)
        for combo in (self.client_filter, self.segment_filter, self.period_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for box in (self.stalled_only, self.show_closed):
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self._reload()

    # --- moving --------------------------------------------------------------------------------
    def _card(self, deal_id: int) -> DealCard | None:
        col = self.board.column_of_deal(deal_id)
        return col.model.card_at(col.model.row_of(deal_id)) if col else None

    def _stage(self, stage_id: int) -> StageInfo | None:
        return next((s for s in self._stages if s.id == stage_id), None)

    def _on_board_move_requested(self, deal_id: int, from_stage: int, to_stage: int) -> None:
        self.move_deal(deal_id, to_stage)

    def _on_board_step_requested(self, deal_id: int, step: int) -> None:
        card = self._card(deal_id)
        if card is None:
            return
        order = [s for s in self._stages if s.is_open or s.is_won]
        ids = [s.id for s in order]
        if card.stage_id not in ids:
            return
        j = ids.index(card.stage_id) + step
        if 0 <= j < len(order):
            self.move_deal(deal_id, order[j].id)

    def move_deal(self, deal_id: int, to_stage_id: int) -> bool:
        """The one path every move takes (drop, keyboard, menu): ask, store, then show.

        Returns True when the move was stored. On refusal the card stays where it was and
        the user is told why.
        """
        card = self._card(deal_id)
        target = self._stage(to_stage_id)
        if card is None or target is None or card.stage_id == to_stage_id:
            return False
        kwargs: _MoveDetails = {}
        follow_up: date | None = None  # the day the win is counted from, when asked for
        order_on: date | None = None  # the order's date, when the won dialog asked for one
        if target.is_lost:
            lost = dialogs.ask_lost_reason(self, card.title, self._deals.lost_reasons(),
                                           self._deals.competitor_names())
            if lost is None:
                return False
            kwargs = {"lost_reason": lost.reason, "lost_comment": lost.comment,
                      "competitor": lost.competitor}
        elif target.is_won:
            won = dialogs.ask_won_details(self, card.title, card.amount, date.today())
            if won is None:
                return False
            kwargs = {"closed_on": won.closed_on, "final_amount": won.amount}
            follow_up = max(won.closed_on, date.today()) if won.follow_up else None
            order_on = min(won.closed_on, date.today()) if won.create_order else None
        try:
            move = self._deals.move_deal(deal_id, to_stage_id, expected_from=card.stage_id,
                                         **kwargs)
        except ServiceError as exc:
            dialogs.show_error(self, translate(
                "Deals", "Сделка «{title}» не перенесена в «{stage}»:\n{reason}").format(
                title=card.title, stage=target.name, reason=exc))
            self._reload(select_deal=deal_id)  # the board shows what is stored
            return False
        if move is not None:
            self._record_move(card.title, target.name, move, to_stage_id, kwargs)
        if follow_up is not None:
            self._plan_follow_up(deal_id, follow_up)
        self._apply_move(card, target)
        self.deal_moved.emit(deal_id, to_stage_id)
        if order_on is not None:
            self._create_order(deal_id, order_on)
        return True

    def _record_move(self, title: str, stage: str, move: StageMove, to_stage_id: int,
                     details: _MoveDetails) -> None:
        """Правка → Отменить: the move back (its stage change deleted), and again."""
        from app.views.undo import history

        done = [move]
        deals = self._deals

        def redo() -> None:
            again = deals.move_deal(move.deal_id, to_stage_id, expected_from=move.stage_id,
                                    **details)
            if again is not None:
                done[0] = again

        history().record(translate("Deals", "перенос «{title}» в «{stage}»").format(
            title=title, stage=stage), undo=lambda: deals.undo_move(done[0]), redo=redo)

    def _create_order(self, deal_id: int, on: date) -> None:
        """The order asked for in the won dialog (the win is stored already), opened in its
        editor."""
        from app.views.orders.editor import create_order_from_deal

        create_order_from_deal(self, self._services, deal_id, on=on)

    def _plan_follow_up(self, deal_id: int, won_on: date) -> None:
        """The call after the sale, asked for in the won dialog (the win is stored already);
        counted from the closing day, or from today for a win entered after the fact."""
        activities = self._services.activities
        try:
            activities.create(activities.follow_up_draft(deal_id, today=won_on))
        except ServiceError as exc:
            dialogs.show_error(self, translate(
                "Deals", "Сделка выиграна, но звонок после продажи не запланирован:\n{reason}"
            ).format(reason=exc))

    def _apply_move(self, card: DealCard, target: StageInfo) -> None:
        """Show a stored move: the card leaves one column and enters the other, their two
        headers and the forecast strip are re-read; every other card stays as it is."""
        source = self.board.column_for(card.stage_id)
        if source is not None:
            source.model.remove_deal(card.id)
        dest = self.board.column_for(target.id)
        if dest is not None:
            fresh = self._deals.card(card.id)
            if not (self._filter.stalled_only and not fresh.stalled):
                dest.model.insert_card(fresh)
                self.board.select_deal(card.id)
        self._refresh_summaries([card.stage_id, target.id])
        self._show_forecast()
        self._show_status()
        self.status.setText(translate("Deals", "«{title}» → {stage}").format(
            title=card.title, stage=target.name) + "   ·   " + self.status.text())

    # --- context menu --------------------------------------------------------------------------
    def _on_board_context_menu_requested(self, deal_id: int, pos: QPoint) -> None:
        menu = self.context_menu_for(deal_id)
        if menu is not None:
            menu.exec(pos)

    def context_menu_for(self, deal_id: int) -> QMenu | None:
        card = self._card(deal_id)
        if card is None:
            return None
        menu = QMenu(self)
        menu.addAction(translate("Deals", "Открыть сделку…"), lambda: self.open_deal(deal_id))
        menu.addAction(translate("Deals", "Запланировать дело…"),
                       lambda: self.plan_activity(deal_id))
        menu.addAction(translate("Deals", "Записать звонок…"),
                       lambda: self.log_call(deal_id))
        move = menu.addMenu(translate("Deals", "Перенести в этап"))
        for st in self._stages:
            if not st.is_open:
                continue
            action = move.addAction(st.name, self._mover(deal_id, st.id))
            action.setEnabled(st.id != card.stage_id)
        menu.addSeparator()
        for st in self._stages:
            if st.is_won:
                menu.addAction(translate("Deals", "Выиграна…"),
                               self._mover(deal_id, st.id)).setEnabled(st.id != card.stage_id)
            if st.is_lost:
                menu.addAction(translate("Deals", "Проиграна…"),
                               self._mover(deal_id, st.id)).setEnabled(st.id != card.stage_id)
        return menu

    def _mover(self, deal_id: int, stage_id: int) -> Callable[[], None]:
        """A menu item's slot: move the deal to the stage."""
        def move() -> None:
            self.move_deal(deal_id, stage_id)
        return move

    # --- editor, catalog, settings -------------------------------------------------------------
    def open_deal(self, deal_id: int | None = None) -> None:
        from app.views.deals.editor import DealEditor

        editor = DealEditor(services=self._services, deal_id=deal_id, parent=self)
        editor.deal_saved.connect(self._on_editor_deal_saved)
        editor.exec()

    def new_deal(self) -> None:
        self.open_deal(None)

    def _on_editor_deal_saved(self, deal_id: int) -> None:
        self._reload_filter_choices()
        self._reload(select_deal=deal_id)
        self.deal_saved.emit(deal_id)

    def current_deal_id(self) -> int | None:
        """The deal selected on the board (the quick-add shortcut pre-fills it)."""
        return self.board.current_deal_id()

    def plan_activity(self, deal_id: int) -> None:
        """The activity editor for the deal (its client and contact pre-filled)."""
        from app.views.activities.editor import ActivityEditor

        card = self._card(deal_id)
        if card is None:
            return
        editor = ActivityEditor(services=self._services, deal_id=deal_id,
                                contact_id=self._deals.detail(deal_id).contact_id, parent=self)
        if editor.exec():
            self._refresh_card(deal_id)

    def log_call(self, deal_id: int) -> None:
        """«Записать звонок» for the deal's client, tied to the deal."""
        from app.views.activities.call_log import CallLogDialog

        card = self._card(deal_id)
        if card is None:
            return
        detail = self._deals.detail(deal_id)
        dialog = CallLogDialog(services=self._services, client_id=detail.client_id,
                               contact_id=detail.contact_id, deal_id=deal_id, parent=self)
        if dialog.exec():
            self._refresh_card(deal_id)

    def _refresh_card(self, deal_id: int) -> None:
        """The card shows the deal's next step (or its absence) as stored now."""
        col = self.board.column_of_deal(deal_id)
        if col is not None:
            col.model.replace_card(self._deals.card(deal_id))
        self._show_status()

    def open_catalog(self) -> None:
        from app.views.deals.catalog import CatalogDialog

        CatalogDialog(services=self._services, parent=self).exec()

    def open_stage_settings(self) -> None:
        from app.views.deals.stages import StageSettingsDialog

        dlg = StageSettingsDialog(services=self._services, parent=self)
        if dlg.exec():
            self._reload()
