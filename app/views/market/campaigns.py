"""Кампании: the campaign register with what each brought in a chosen period (leads, deals,
won, revenue, cost, cost per lead and per won deal, ROI, days from lead to first deal), the
totals per channel, the campaign editor with its cost lines, and the mailing export.

The figures' rules live in app/services/market/campaigns.py; this page only shows them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain.dates import short_date
from app.domain.figures import percent_text
from app.domain.money import ZERO, format_money, parse_money
from app.i18n import plural, translate
from app.services.errors import ServiceError, ValidationError
from app.services.market.campaigns import (
    CampaignDraft,
    CampaignRow,
    CostLine,
    Effectiveness,
)
from app.services.market.mailing import MailingList
from app.views import dialogs, style
from app.views.background import run_with_progress
from app.views.documents.report_dialog import period_choices
from app.views.empty_state import EmptyHint
from app.views.forms import FieldErrors, dialog_buttons, error_banner, form_layout, line_edit
from app.views.geometry import FittedDialog
from app.views.orders.fields import date_edit, read_date, set_date
from app.views.record_model import Column, RecordTableModel
from app.views.style import named
from app.views.unsaved import EditorDialog

_DAY_FORMAT = "%d.%m.%Y"


def _money(value: Decimal | None) -> str:
    return "—" if value is None else format_money(value, currency=False)


def _days(value: Decimal | None) -> str:
    return "—" if value is None else str(value).replace(".", ",")


def _run(started_on: date, ended_on: date | None) -> str:
    if ended_on is None:
        return translate("Campaigns", "с {start}").format(start=short_date(started_on))
    return f"{short_date(started_on)} – {short_date(ended_on)}"


def _roi_color(e: Effectiveness) -> str | None:
    if e.roi is None:
        return None
    return style.SUCCESS if e.roi >= 0 else style.DANGER


# --- the campaign list -------------------------------------------------------------------------

@dataclass(frozen=True)
class CampaignLine:
    """A campaign of the register with its figures in the period on screen."""

    row: CampaignRow
    figures: Effectiveness


def _no_figures(row: CampaignRow) -> Effectiveness:
    return Effectiveness(name=row.name, channel=row.channel, campaign_id=row.id, leads=0,
                         deals=0, won=0, revenue=ZERO, cost=ZERO, cost_per_lead=None,
                         cost_per_won=None, roi=None, lead_to_deal_days=None)


def figure_columns() -> list[Column[Effectiveness]]:
    """The effectiveness columns shared by the campaign and the channel tables (and the
    Plan tab's sources page)."""
    return [
        Column(translate("Campaigns", "Лиды"), lambda e: f"{e.leads:n}", numeric=True),
        Column(translate("Campaigns", "Сделки"), lambda e: f"{e.deals:n}", numeric=True),
        Column(translate("Campaigns", "Выиграно"), lambda e: f"{e.won:n}", numeric=True),
        Column(translate("Campaigns", "Выручка"), lambda e: _money(e.revenue), numeric=True),
        Column(translate("Campaigns", "Затраты"), lambda e: _money(e.cost), numeric=True,
               tooltip=lambda _e: translate(
                   "Campaigns", "Статьи затрат с датой в периоде (без даты — на дату начала)")),
        Column(translate("Campaigns", "Цена лида"), lambda e: _money(e.cost_per_lead),
               numeric=True),
        Column(translate("Campaigns", "Цена выигр. сделки"), lambda e: _money(e.cost_per_won),
               numeric=True),
        Column("ROI", lambda e: percent_text(e.roi), numeric=True, color=_roi_color,
               tooltip=lambda _e: translate("Campaigns", "(выручка − затраты) / затраты")),
        Column(translate("Campaigns", "Дней до сделки"), lambda e: _days(e.lead_to_deal_days),
               numeric=True, tooltip=lambda _e: translate(
                   "Campaigns", "В среднем дней от появления лида до его первой сделки")),
    ]


def _on_line(column: Column[Effectiveness]) -> Column[CampaignLine]:
    """A figure column over a campaign line."""
    text, color, tooltip = column.text, column.color, column.tooltip
    return Column(column.header, lambda ln: text(ln.figures), numeric=column.numeric,
                  color=(lambda ln: color(ln.figures)) if color else None,
                  tooltip=(lambda ln: tooltip(ln.figures)) if tooltip else None)


class CampaignListModel(RecordTableModel[CampaignLine]):
    NAME = 0

    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column(translate("Campaigns", "Кампания"), lambda ln: ln.row.name,
                   tooltip=lambda ln: ln.row.target_segment and translate(
                       "Campaigns", "Целевой сегмент: {s}").format(s=ln.row.target_segment)),
            Column(translate("Campaigns", "Канал"), lambda ln: ln.row.channel),
            Column(translate("Campaigns", "Период"),
                   lambda ln: _run(ln.row.started_on, ln.row.ended_on)),
            *(_on_line(c) for c in figure_columns()),
        ], parent)


class ChannelModel(RecordTableModel[Effectiveness]):
    """Per-channel totals; the last row is the total of all campaigns (bold)."""

    def __init__(self, parent: Any = None) -> None:
        self._total: Effectiveness | None = None
        super().__init__([
            Column(translate("Campaigns", "Канал"), lambda e: e.name,
                   bold=lambda e: e is self._total),
            *(replace(c, bold=lambda e: e is self._total) for c in figure_columns()),
        ], parent)

    def set_figures(self, channels: list[Effectiveness], total: Effectiveness) -> None:
        self._total = total
        self.set_rows([*channels, total] if channels else [])


def _table(model: RecordTableModel[Any]) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(26)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return view


class CampaignsPage(QWidget):
    """The campaigns and channels page of the «Рынок» tab."""

    def __init__(self, services: Services, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._market = services.market
        self._today = today or date.today()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        bar = QHBoxLayout()
        bar.setSpacing(6)
        bar.addWidget(named(QLabel(translate("Campaigns", "Кампании и каналы")), "sectionTitle"))
        bar.addSpacing(12)
        bar.addWidget(QLabel(translate("Campaigns", "Период:")))
        self.period_combo = QComboBox()
        for key, label in period_choices(self._today):
            self.period_combo.addItem(label, key)
        self.period_combo.setCurrentIndex(max(self.period_combo.findData(
            f"{self._today.year}-Q{(self._today.month - 1) // 3 + 1}"), 0))
        self.period_combo.setToolTip(translate(
            "Campaigns", "Лиды, сделки, выигрыши и затраты считаются за этот период"))
        self.period_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        bar.addWidget(self.period_combo)
        bar.addStretch(1)
        self.new_button = named(QPushButton(translate("Campaigns", "+ Кампания…")), "primary")
        self.new_button.clicked.connect(lambda: self.edit_campaign(None))
        self.edit_button = QPushButton(translate("Campaigns", "Изменить…"))
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.delete_button = QPushButton(translate("Campaigns", "Удалить"))
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.mailing_button = QPushButton(translate("Campaigns", "Экспорт рассылки…"))
        self.mailing_button.setToolTip(translate(
            "Campaigns", "Контактные лица с e-mail и согласием на рассылку — в CSV для "
                         "сервиса рассылок или в vCard"))
        self.mailing_button.clicked.connect(self.export_mailing)
        for b in (self.new_button, self.edit_button, self.delete_button, self.mailing_button):
            bar.addWidget(b)
        layout.addLayout(bar)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = CampaignListModel(self)
        self.view = _table(self.model)
        self.view.doubleClicked.connect(lambda _i: self._on_edit_clicked())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.empty_hint = EmptyHint(self.view, translate(
            "Campaigns", "Кампаний пока нет. Заведите выставку, рассылку или рекламу "
                         "кнопкой «+ Кампания…» — и выбирайте её в карточке клиента и в "
                         "сделке, чтобы видеть, что она принесла."))
        splitter.addWidget(self.view)
        channels = QWidget()
        cl = QVBoxLayout(channels)
        cl.setContentsMargins(0, 4, 0, 0)
        cl.addWidget(named(QLabel(translate("Campaigns", "По каналам")), "sectionTitle"))
        self.channel_model = ChannelModel(self)
        self.channel_view = _table(self.channel_model)
        self.channel_hint = EmptyHint(self.channel_view, translate(
            "Campaigns", "За период кампании ничего не принесли и ничего не стоили"))
        cl.addWidget(self.channel_view, 1)
        splitter.addWidget(channels)
        splitter.setSizes([360, 200])
        layout.addWidget(splitter, 1)
        self.note = named(QLabel(translate(
            "Campaigns", "Лиды — новые клиенты кампании за период; сделки — открытые за период; "
                         "выиграно и выручка — по дате закрытия.")), "cardNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.refresh()

    # --- reading ------------------------------------------------------------------------------
    def period_key(self) -> str:
        return str(self.period_combo.currentData())

    def set_period(self, key: str) -> None:
        index = self.period_combo.findData(key)
        if index < 0:
            from app.services.plan import parse_period

            self.period_combo.addItem(parse_period(key).label.capitalize(), key)
            index = self.period_combo.count() - 1
        self.period_combo.setCurrentIndex(index)

    def refresh(self) -> None:
        """Re-read the register and the period's figures."""
        chosen = self.current_id()
        report = self._market.effectiveness(self.period_key())
        figures = {e.campaign_id: e for e in report.campaigns}
        rows = self._market.list_campaigns()
        self.model.set_rows([CampaignLine(r, figures.get(r.id) or _no_figures(r))
                             for r in rows])
        self.channel_model.set_figures(report.channels, report.total)
        if chosen is not None:
            self.select(chosen)
        self._update_buttons()

    def current_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        line = self.model.row_at(rows[0].row()) if rows else None
        return line.row.id if line is not None else None

    def select(self, campaign_id: int) -> None:
        row = self.model.find(lambda ln: ln.row.id == campaign_id)
        if row >= 0:
            self.view.selectRow(row)

    def _update_buttons(self) -> None:
        chosen = self.current_id() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    # --- actions ------------------------------------------------------------------------------
    def editor(self, campaign_id: int | None) -> CampaignEditor:
        return CampaignEditor(services=self._services, campaign_id=campaign_id, parent=self)

    def edit_campaign(self, campaign_id: int | None) -> bool:
        dialog = self.editor(campaign_id)
        stored = bool(dialog.exec())
        if stored:
            self.refresh()
            if dialog.saved_id is not None:
                self.select(dialog.saved_id)
        return stored

    def _on_edit_clicked(self) -> None:
        campaign_id = self.current_id()
        if campaign_id is not None:
            self.edit_campaign(campaign_id)

    def _on_delete_clicked(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        line = self.model.row_at(rows[0].row()) if rows else None
        if line is None:
            return
        text = translate("Campaigns", "Удалить кампанию «{name}» с её затратами?").format(
            name=line.row.name)
        if line.row.clients or line.row.deals:
            text += "\n" + translate(
                "Campaigns", "Клиенты ({c}) и сделки ({d}) останутся, но без кампании.").format(
                c=line.row.clients, d=line.row.deals)
        if not dialogs.confirm(self, translate("Campaigns", "Удаление кампании"), text):
            return
        try:
            self._market.delete_campaign(line.row.id)
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
        self.refresh()

    def export_mailing(self) -> None:
        dialog = MailingExportDialog(services=self._services, parent=self)
        dialog.exec()


# --- the campaign editor ---------------------------------------------------------------------

def _parse_day(value: object) -> date | None:
    text = str(value or "").strip()
    if not text:
        return None
    try:
        return datetime.strptime(text, _DAY_FORMAT).date()
    except ValueError:
        raise ValueError(text) from None


def _cost_columns() -> list[Column[CostLine]]:
    return [
        Column(translate("Campaigns", "Статья затрат"), lambda c: c.label,
               edit=lambda c, v: replace(c, label=str(v))),
        Column(translate("Campaigns", "Сумма, ₽"), lambda c: format_money(c.amount,
                                                                         currency=False),
               numeric=True, edit=lambda c, v: replace(c, amount=parse_money(str(v))),
               edit_value=lambda c: str(c.amount).replace(".", ",")),
        Column(translate("Campaigns", "Дата"), lambda c: short_date(c.spent_on) or translate(
            "Campaigns", "на дату начала"),
               color=lambda c: None if c.spent_on else style.MUTED,
               edit=lambda c, v: replace(c, spent_on=_parse_day(v)),
               edit_value=lambda c: c.spent_on.strftime(_DAY_FORMAT) if c.spent_on else ""),
    ]


class CostLinesModel(RecordTableModel[CostLine]):
    """The editor's cost lines, edited in place (the sum, the date as дд.мм.гггг)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(_cost_columns(), parent, row_header=lambda i, _c: str(i + 1))

    def total(self) -> Decimal:
        return sum((c.amount for c in self.rows()), ZERO)


class CampaignEditor(EditorDialog):
    """Create or edit one campaign with its cost lines; closing with edits asks first."""

    def __init__(self, *, services: Services, campaign_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._market = services.market
        self.campaign_id = campaign_id
        self.saved_id: int | None = None
        self.setWindowTitle(translate("Campaigns", "Новая кампания") if campaign_id is None
                            else translate("Campaigns", "Кампания"))
        self.resize(760, 640)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        self.banner = error_banner()
        layout.addWidget(self.banner)
        self.errors = FieldErrors(banner=self.banner)
        form = form_layout()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(translate("Campaigns", "Выставка «Склад-2026»"))
        self.channel_combo = QComboBox()
        self.channel_combo.setEditable(True)
        self.channel_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.channel_combo.addItems(["", *self._market.channel_suggestions()])
        line_edit(self.channel_combo).setPlaceholderText(translate(
            "Campaigns", "выставка, рассылка, звонки, тендерная площадка, реклама…"))
        self.started_edit = date_edit(date.today())
        self.ended_edit = date_edit(None, optional=True)
        self.ended_edit.setSpecialValueText(translate("Campaigns", "идёт"))
        self.segment_combo = QComboBox()
        self.segment_combo.setEditable(True)
        self.segment_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.segment_combo.addItems(["", *services.clients.filter_options(full=False).segments])
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(60)
        self.errors.add_row(form, translate("Campaigns", "Название *"), "name", self.name_edit)
        self.errors.add_row(form, translate("Campaigns", "Канал *"), "channel",
                            self.channel_combo)
        period = QHBoxLayout()
        period.addWidget(self.errors.wrap("started_on", self.started_edit))
        period.addWidget(QLabel("—"))
        period.addWidget(self.errors.wrap("ended_on", self.ended_edit))
        period.addStretch(1)
        form.addRow(translate("Campaigns", "Период *"), period)
        self.errors.add_row(form, translate("Campaigns", "Целевой сегмент"), "target_segment",
                            self.segment_combo)
        self.errors.add_row(form, translate("Campaigns", "Заметки"), "notes", self.notes_edit)
        layout.addLayout(form)

        layout.addWidget(named(QLabel(translate("Campaigns", "Затраты")), "sectionTitle"))
        self.costs_model = CostLinesModel(self)
        self.costs_view = QTableView()
        self.costs_view.setModel(self.costs_model)
        self.costs_view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                        | QAbstractItemView.EditTrigger.EditKeyPressed
                                        | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.costs_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        ch = self.costs_view.horizontalHeader()
        ch.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        ch.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.costs_hint = EmptyHint(self.costs_view, translate(
            "Campaigns", "Статей затрат пока нет: стенд, печать, командировка, сервис "
                         "рассылки — «+ Статья»"))
        layout.addWidget(self.costs_view, 1)
        layout.addWidget(self.errors.attach_rows("costs", self.costs_view))
        row = QHBoxLayout()
        add = QPushButton(translate("Campaigns", "+ Статья"))
        add.setAutoDefault(False)
        add.clicked.connect(self.add_cost_line)
        remove = QPushButton(translate("Campaigns", "Удалить статью"))
        remove.setAutoDefault(False)
        remove.clicked.connect(self._on_remove_line_clicked)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        self.total_label = named(QLabel(), "sectionTitle")
        row.addWidget(self.total_label)
        layout.addLayout(row)
        hint = named(QLabel(translate(
            "Campaigns", "Двойной щелчок по ячейке — изменить. Дата статьи — дд.мм.гггг; без "
                         "даты затрата относится к дате начала кампании.")), "cardNote")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(dialog_buttons(self, translate("Campaigns", "Сохранить"), self._on_ok))
        for signal in (self.costs_model.dataChanged, self.costs_model.rowsInserted,
                       self.costs_model.rowsRemoved, self.costs_model.modelReset):
            signal.connect(self._update_total)
        self._load()
        self.track_changes(values=self.draft, save=self.save)

    def _load(self) -> None:
        if self.campaign_id is None:
            self._update_total()
            return
        detail = self._market.get_campaign(self.campaign_id)
        d = detail.draft
        self.setWindowTitle(translate("Campaigns", "Кампания: {name}").format(name=d.name))
        self.name_edit.setText(d.name)
        self.channel_combo.setCurrentText(d.channel)
        set_date(self.started_edit, d.started_on)
        set_date(self.ended_edit, d.ended_on)
        self.segment_combo.setCurrentText(d.target_segment)
        self.notes_edit.setPlainText(d.notes)
        self.costs_model.set_rows(list(d.costs))
        self._update_total()

    def draft(self) -> CampaignDraft:
        return CampaignDraft(
            name=self.name_edit.text(), channel=self.channel_combo.currentText(),
            started_on=read_date(self.started_edit), ended_on=read_date(self.ended_edit),
            target_segment=self.segment_combo.currentText(),
            notes=self.notes_edit.toPlainText(), costs=tuple(self.costs_model.rows()))

    def add_cost_line(self, line: CostLine | None = None) -> int:
        """Add a line (an empty one to type into by default); returns its row."""
        row = self.costs_model.append_row(line or CostLine(label="", amount=ZERO))
        if line is None:
            index = self.costs_model.index(row, 0)
            self.costs_view.setCurrentIndex(index)
            self.costs_view.edit(index)
        return row

    def _on_remove_line_clicked(self) -> None:
        index = self.costs_view.currentIndex()
        if index.isValid():
            self.costs_model.remove_row(index.row())

    def _update_total(self, *_: object) -> None:
        n = self.costs_model.rowCount()
        self.total_label.setText(translate("Campaigns", "Итого: {sum} ({lines})").format(
            sum=format_money(self.costs_model.total()),
            lines=plural(n, translate("Campaigns", "%n статья|%n статьи|%n статей"))))

    def _on_ok(self) -> None:
        self.save()

    def save(self) -> bool:
        try:
            saved = self._market.save_campaign(self.draft(), self.campaign_id)
        except ValidationError as exc:
            self.errors.show(exc)
            return False
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return False
        self.errors.clear()
        self.saved_id = saved
        self.campaign_id = saved
        if self.unsaved is not None:
            self.unsaved.mark_clean()
        self.accept()
        return True


# --- the mailing export --------------------------------------------------------------------

def mailing_message(result: MailingList, path: Path) -> str:
    """«Выгружено 12 контактов в list.csv. Не вошли: без согласия на рассылку — 3…»."""
    text = plural(result.exported, translate(
        "Mailing", "Выгружен %n контакт|Выгружено %n контакта|Выгружено %n контактов"))
    text += " " + translate("Mailing", "в {name}.").format(name=path.name)
    parts = [translate("Mailing", "без согласия на рассылку — {n}").format(n=result.no_consent),
             translate("Mailing", "без e-mail — {n}").format(n=result.no_email)]
    if result.duplicates:
        parts.append(translate("Mailing", "повтор адреса — {n}").format(n=result.duplicates))
    return text + "\n" + translate("Mailing", "Не вошли: {parts}.").format(
        parts=", ".join(parts))


class MailingExportDialog(FittedDialog):
    """Which segment and which format; then the file, and what was exported and left out.

    `client_ids` (the client list's filter) narrows the list to those clients.
    """

    def __init__(self, *, services: Services, parent: QWidget | None = None,
                 client_ids: list[int] | None = None) -> None:
        super().__init__(parent)
        self._market = services.market
        self._client_ids = client_ids
        self.exported: MailingList | None = None
        self.message = ""
        self.setWindowTitle(translate("Mailing", "Экспорт рассылки"))
        layout = QVBoxLayout(self)
        intro = QLabel(translate(
            "Mailing", "Контактные лица клиентов (кроме архивных) с e-mail. Попадут только "
                       "давшие согласие на рассылку (отметка в карточке контакта)."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = form_layout()
        self.segment_combo = QComboBox()
        self.segment_combo.addItem(translate("Mailing", "все сегменты"), "")
        for segment in self._market.mailing_segments():
            self.segment_combo.addItem(segment, segment)
        form.addRow(translate("Mailing", "Сегмент"), self.segment_combo)
        if client_ids is not None:
            form.addRow(translate("Mailing", "Клиенты"), QLabel(plural(len(client_ids), translate(
                "Mailing", "%n клиент по фильтру списка|%n клиента по фильтру списка"
                           "|%n клиентов по фильтру списка"))))
        kinds = QHBoxLayout()
        self.csv_radio = QRadioButton(translate("Mailing", "CSV для сервиса рассылок"))
        self.vcf_radio = QRadioButton(translate("Mailing", "vCard (адресная книга)"))
        self.csv_radio.setChecked(True)
        self._kinds = QButtonGroup(self)
        for b in (self.csv_radio, self.vcf_radio):
            self._kinds.addButton(b)
            kinds.addWidget(b)
        form.addRow(translate("Mailing", "Формат"), kinds)
        layout.addLayout(form)
        self.status = named(QLabel(), "cardNote")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addWidget(dialog_buttons(self, translate("Mailing", "Выгрузить…"),
                                        self._on_export))

    def file_format(self) -> str:
        return "vcf" if self.vcf_radio.isChecked() else "csv"

    def _on_export(self) -> None:
        kind = self.file_format()
        name = translate("Mailing", "рассылка") + (f" {self.segment_combo.currentData()}"
                                                   if self.segment_combo.currentData() else "")
        filters = (translate("Mailing", "vCard (*.vcf)") if kind == "vcf"
                   else translate("Mailing", "CSV (*.csv)"))
        chosen = dialogs.ask_save_path(self, translate("Mailing", "Сохранить рассылку"),
                                       f"{name}.{kind}", filters)
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, path: Path) -> None:
        """Write the list to `path` off the GUI thread; the message says what went in."""
        if path.suffix.lower() != f".{self.file_format()}":
            path = path.with_name(path.name + f".{self.file_format()}")
        segment = str(self.segment_combo.currentData() or "")
        kind = self.file_format()
        ids = self._client_ids
        run_with_progress(self, lambda: self._market.export_mailing(
            path, segment=segment, client_ids=ids, file_format=kind),
            lambda result: self._on_exported(result, path), self._on_failed,
            label=translate("Mailing", "Выгружаем рассылку…"))

    def _on_exported(self, result: MailingList, path: Path) -> None:
        self.exported = result
        self.message = mailing_message(result, path)
        dialogs.show_info(self, self.message, translate("Mailing", "Экспорт рассылки"))
        self.accept()

    def _on_failed(self, message: str) -> None:
        self.status.setText(message)
        dialogs.show_error(self, message)


__all__ = ["CampaignEditor", "CampaignsPage", "MailingExportDialog", "mailing_message"]
