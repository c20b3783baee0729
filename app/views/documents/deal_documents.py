"""The deal's documents: its offers (open, new version) and "Создать КП" / "Счёт на оплату"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import short_date
from app.domain.money import format_money
from app.i18n import translate
from app.services.company import OFFER_TEMPLATES, offer_template_label
from app.services.documents import OfferRow
from app.views import dialogs, style
from app.views.documents.actions import show_invoice, show_offer
from app.views.record_model import Column, RecordTableModel

if TYPE_CHECKING:
    from app.bootstrap import Services
    from app.views.deals.editor import DealEditor


class OfferListModel(RecordTableModel[OfferRow]):
    """OfferRow DTOs of one deal, newest first; replaced versions greyed out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([
            Column(translate("DealDocuments", "Номер"), lambda r: r.number),
            Column(translate("DealDocuments", "Дата"), lambda r: short_date(r.issued_on)),
            Column(translate("DealDocuments", "Действует до"), lambda r: short_date(r.valid_until)),
            Column(translate("DealDocuments", "Шаблон"),
                   lambda r: offer_template_label(r.template)),
            Column(translate("DealDocuments", "Сумма"), lambda r: format_money(r.total),
                   numeric=True),
            Column(translate("DealDocuments", "Состояние"),
                   lambda r: translate("DealDocuments", "заменено {n}").format(
                       n=r.superseded_by) if r.superseded_by
                   else translate("DealDocuments", "актуальное"),
                   color=lambda r: style.MUTED if r.superseded_by else None),
        ], parent)


class DealDocumentsPanel(QWidget):
    """A section for the deal editor: offers issued for the deal and the document buttons.

    Signals:
        document_issued(str): a new offer (its number) was issued.
        preview_opened(object): the PdfPreviewDialog that was opened.
    """

    document_issued = Signal(str)
    preview_opened = Signal(object)

    def __init__(self, *, services: Services, deal_id: int | None = None,
                 before_issue: Callable[[], bool] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dealDocumentsPanel")
        self._services = services
        self._deal_id = deal_id
        # called before an offer or invoice is issued (the deal editor saves what is typed,
        # so the document shows the lines on screen); False stops the issue
        self._before_issue = before_issue
        self.model = OfferListModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.create_button = QPushButton(translate("DealDocuments", "Создать КП…"))
        self.create_button.clicked.connect(self.create_offer)
        self.open_button = QPushButton(translate("DealDocuments", "Открыть"))
        self.open_button.clicked.connect(self.open_selected)
        self.version_button = QPushButton(translate("DealDocuments", "Новая версия"))
        self.version_button.setToolTip(translate(
            "DealDocuments", "Выпустить КП заново по текущим строкам сделки, с новым номером"))
        self.version_button.clicked.connect(self.new_version)
        self.invoice_button = QPushButton(translate("DealDocuments", "Счёт на оплату"))
        self.invoice_button.clicked.connect(self.open_invoice)
        buttons = QHBoxLayout()
        for b in (self.create_button, self.open_button, self.version_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.invoice_button)
        self.empty_label = QLabel(translate("DealDocuments", "КП по сделке ещё не выпускались"))
        self.empty_label.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    # --- state --------------------------------------------------------------------------

    def set_deal(self, deal_id: int | None) -> None:
        self._deal_id = deal_id
        self.refresh()

    def refresh(self) -> None:
        rows = self._services.documents.list_offers(self._deal_id) if self._deal_id else []
        self.model.set_rows(rows)
        self.empty_label.setVisible(bool(self._deal_id) and not rows)
        invoice = self._services.documents.deal_invoice(self._deal_id) if self._deal_id else None
        self.invoice_button.setText(
            translate("DealDocuments", "Счёт № {n}").format(n=invoice.number) if invoice
            else translate("DealDocuments", "Счёт на оплату"))
        self.invoice_button.setToolTip(
            translate("DealDocuments", "Открыть выставленный счёт") if invoice
            else translate("DealDocuments", "Выставить счёт на оплату по выигранной сделке"))
        if rows:
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self, *_: object) -> None:
        has_deal = self._deal_id is not None
        selected = self.selected_offer() is not None
        self.create_button.setEnabled(has_deal)
        self.open_button.setEnabled(selected)
        self.version_button.setEnabled(selected)
        self.invoice_button.setEnabled(has_deal)

    def selected_offer(self) -> OfferRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    # --- actions ------------------------------------------------------------------------

    def _ready(self) -> bool:
        return self._before_issue is None or bool(self._before_issue())

    def create_offer(self) -> None:
        if self._deal_id is None or not self._ready():
            return
        docs = self._services.documents
        deal_id = self._deal_id
        company = self._services.company.get()
        templates = [(key, offer_template_label(key)) for key in OFFER_TEMPLATES]
        today = date.today()
        answer = dialogs.ask_offer_options(
            self, templates, company.offer_template, lambda t: docs.default_intro(deal_id, t),
            company.offer_validity_days, subject=docs.default_subject(deal_id),
            vat_notice_for=lambda days: docs.vat_change_notice(deal_id, today, days),
            glyph_notice_for=lambda typed: docs.unprintable_notice(deal_id, typed))
        if answer is None:
            return
        self._issue(lambda: docs.issue_offer(deal_id, template=answer.template,
                                             intro=answer.intro, on=today,
                                             validity_days=answer.validity_days,
                                             subject=answer.subject))

    def new_version(self) -> None:
        offer = self.selected_offer()
        if offer is None or not self._ready():
            return
        docs = self._services.documents
        self._issue(lambda: docs.new_offer_version(offer.id))

    def _issue(self, issue: Callable[[], OfferRow]) -> None:
        try:
            offer = issue()
        except Exception as exc:  # ServiceError: readable
            dialogs.show_error(self, str(exc))
            return
        self.refresh()
        self.document_issued.emit(offer.number)
        self.open_offer(offer)

    def open_selected(self) -> None:
        offer = self.selected_offer()
        if offer is not None:
            self.open_offer(offer)

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        offer = self.model.row_at(index.row())
        if offer is not None:
            self.open_offer(offer)

    def open_offer(self, offer: OfferRow) -> None:
        show_offer(self, self._services, offer.id, on_shown=self.preview_opened.emit)

    def open_invoice(self) -> None:
        if self._deal_id is None or not self._ready():
            return
        show_invoice(self, self._services, deal_id=self._deal_id,
                     on_shown=self.preview_opened.emit)
        self.refresh()  # the button now names the invoice


def deal_editor_section(editor: DealEditor) -> tuple[str, QWidget]:
    """The "Документы" tab of the deal editor (registered with DealEditor.register_section)."""
    panel = DealDocumentsPanel(services=editor.services, deal_id=editor.deal_id,
                               before_issue=lambda: editor.save(close=False))
    editor.deal_saved.connect(panel.set_deal)
    return translate("DealDocuments", "Документы"), panel
