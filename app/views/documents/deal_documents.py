"""The deal's documents: its offers (open, new version), its protocols and specifications,
and "Создать КП" / "Протокол переговоров" / "Спецификация по КП" / "Счёт на оплату"."""

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
from app.services.documents import DealDocumentRow, OfferRow
from app.views import dialogs, style
from app.views.documents.actions import show_deal_document, show_invoice, show_offer
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


def deal_document_kind_label(kind: str) -> str:
    """«Протокол переговоров» for "protocol", «Спецификация» for "specification"."""
    if kind == "protocol":
        return translate("DealDocuments", "Протокол переговоров")
    return translate("DealDocuments", "Спецификация")


class DealDocumentListModel(RecordTableModel[DealDocumentRow]):
    """The issued protocols and specifications of one deal, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([
            Column(translate("DealDocuments", "Номер"), lambda r: r.number),
            Column(translate("DealDocuments", "Документ"),
                   lambda r: deal_document_kind_label(r.kind)),
            Column(translate("DealDocuments", "Дата"), lambda r: short_date(r.issued_on)),
            Column(translate("DealDocuments", "Сумма"), lambda r: format_money(r.total),
                   numeric=True),
            Column(translate("DealDocuments", "Основание"),
                   lambda r: r.subject if r.kind == "specification" else ""),
        ], parent)


class DealDocumentsPanel(QWidget):
    """A section for the deal editor: offers issued for the deal and the document buttons.

    Signals:
        document_issued(str): a new offer, protocol or specification (its number) was issued.
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
        self.table = QTableView()  # parented by the layout, after the buttons above it
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
        self.offer_spec_button = QPushButton(translate("DealDocuments", "Спецификация по КП"))
        self.offer_spec_button.setToolTip(translate(
            "DealDocuments", "Спецификация к договору по выбранному КП, принятому клиентом"))
        self.offer_spec_button.clicked.connect(self.issue_offer_specification)
        self.protocol_button = QPushButton(translate("DealDocuments", "Протокол переговоров…"))
        self.protocol_button.setToolTip(translate(
            "DealDocuments", "Протокол встречи: участники, согласованные условия, открытые "
                             "вопросы и следующие шаги по сделке"))
        self.protocol_button.clicked.connect(self.create_protocol)
        self.invoice_button = QPushButton(translate("DealDocuments", "Счёт на оплату"))
        self.invoice_button.clicked.connect(self.open_invoice)
        buttons = QHBoxLayout()
        for b in (self.create_button, self.open_button, self.version_button,
                  self.offer_spec_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.protocol_button)
        buttons.addWidget(self.invoice_button)
        self.empty_label = QLabel(translate("DealDocuments", "КП по сделке ещё не выпускались"))
        self.empty_label.setObjectName("hint")
        self.documents_model = DealDocumentListModel(self)
        self.documents_table = QTableView()
        self.documents_table.setModel(self.documents_model)
        self.documents_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.documents_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.documents_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.documents_table.verticalHeader().hide()
        self.documents_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.documents_table.horizontalHeader().setStretchLastSection(True)
        self.documents_table.doubleClicked.connect(self._on_documents_table_double_clicked)
        self.documents_label = QLabel(translate(
            "DealDocuments", "Протоколы и спецификации (двойной щелчок — открыть)"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)  # as the deal editor's own tabs
        layout.addLayout(buttons)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.documents_label)
        layout.addWidget(self.documents_table, 2)
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
        documents = (self._services.documents.list_deal_documents(deal_id=self._deal_id)
                     if self._deal_id else [])
        self.documents_model.set_rows(documents)
        self.documents_label.setVisible(bool(documents))
        self.documents_table.setVisible(bool(documents))
        if rows:
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self, *_: object) -> None:
        has_deal = self._deal_id is not None
        selected = self.selected_offer() is not None
        self.create_button.setEnabled(has_deal)
        self.open_button.setEnabled(selected)
        self.version_button.setEnabled(selected)
        offer = self.selected_offer()
        self.offer_spec_button.setEnabled(offer is not None and not offer.superseded_by)
        self.protocol_button.setEnabled(has_deal)
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

    def create_protocol(self) -> None:
        """Ask the meeting's date, place and participants, issue the protocol, preview it."""
        if self._deal_id is None or not self._ready():
            return
        docs = self._services.documents
        deal_id = self._deal_id
        try:
            defaults = docs.protocol_defaults(deal_id)
        except Exception as exc:  # ServiceError: readable
            dialogs.show_error(self, str(exc))
            return
        answer = dialogs.ask_protocol_options(self, defaults)
        if answer is None:
            return
        self._issue_document(lambda: docs.issue_protocol(
            deal_id, on=answer.on, place=answer.place, contact_ids=answer.contact_ids,
            our_participants=answer.our_participants))

    def issue_offer_specification(self) -> None:
        offer = self.selected_offer()
        if offer is None:
            return
        docs = self._services.documents
        self._issue_document(lambda: docs.issue_specification(offer_id=offer.id))

    def _issue_document(self, issue: Callable[[], DealDocumentRow]) -> None:
        try:
            doc = issue()
        except Exception as exc:  # ServiceError: readable
            dialogs.show_error(self, str(exc))
            return
        self.refresh()
        self.document_issued.emit(doc.number)
        self.open_deal_document(doc)

    def _on_documents_table_double_clicked(self, index: QModelIndex) -> None:
        doc = self.documents_model.row_at(index.row())
        if doc is not None:
            self.open_deal_document(doc)

    def open_deal_document(self, doc: DealDocumentRow) -> None:
        show_deal_document(self, self._services, doc.id, on_shown=self.preview_opened.emit)

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
