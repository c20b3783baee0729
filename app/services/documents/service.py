"""DocumentService: issues offers and invoices; every PDF of the application is made here.

One way for every document: gather its data (a frozen snapshot from the database, or DTOs
from the service that owns them, passed in by keyword from bootstrap), then call the
document module's `render_*(data) -> bytes`. The CLI and the views call only this service.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.dates import short_date
from app.i18n import in_language, translate
from app.models import (
    Client,
    CompanySettings,
    Contact,
    Deal,
    DealDocument,
    Offer,
    Order,
    OrderLine,
    Product,
    Setting,
    Stage,
)
from app.services.documents.base import (
    DOCUMENT_LANGUAGE,
    IMAGE_FIELDS,
    CompanyInfo,
    document_language,
)
from app.services.documents.fonts import REPLACEMENT, unprintable
from app.services.documents.markup import bind_signs
from app.services.documents.numbering import invoice_number, next_number
from app.services.documents.offer import (
    SNAPSHOT_VERSION,
    default_intro,
    offer_subject,
    render_offer,
)
from app.services.documents.totals import compute_totals, snapshot_line
from app.services.errors import NotFoundError, ValidationError
from app.services.pricing import rate_changes
from app.services.requisites import BANK_FIELDS, TAX_ID_FIELDS
from app.services.rows import not_null
from app.services.settings import DEFAULTS
from app.services.uow import UowFactory

if TYPE_CHECKING:
    from app.services.clients import ClientService
    from app.services.deals import DealsService
    from app.services.documents.frozen import DealDocumentRow
    from app.services.documents.protocol import ProtocolDefaults
    from app.services.market import MarketService
    from app.services.mentoring import MentoringService
    from app.services.plan import AnalyticsService, PlanService

OFFER_TEMPLATES = ("classic", "modern")
# the market's reports (issue 16): their figures come from MarketService, not gather_report
MARKET_REPORTS = ("market", "losses", "campaigns")
BUYER_FIELDS = ("name", "full_name", *TAX_ID_FIELDS, "legal_address", "postal_address",
                "phone", "email", *BANK_FIELDS)


@dataclass(frozen=True)
class OfferRow:
    id: int
    number: str
    deal_id: int
    issued_on: date
    valid_until: date
    template: str
    total: Decimal
    supersedes_id: int | None
    superseded_by: str  # number of the newer version, "" if this is the latest
    intro: str
    subject: str = ""  # the КП's subject line ("" prints none)


@dataclass(frozen=True)
class InvoiceRef:
    """An issued invoice: its number and the frozen data it is printed from."""

    number: str
    issued_on: date
    total: Decimal
    deal_id: int | None
    order_id: int | None
    snapshot: dict[str, Any]


def company_info(row: CompanySettings | None) -> CompanyInfo:
    if row is None:
        return CompanyInfo()
    values: dict[str, Any] = {
        k: (v if v is not None or k in IMAGE_FIELDS else "")
        for k, v in ((name, getattr(row, name)) for name in CompanyInfo.__dataclass_fields__)}
    return CompanyInfo(**values)


class DocumentService:
    """Offers (КП), invoices, reports, trainee reports, client hand-overs and reconciliation
    statements as PDF bytes; numbering through DocumentSequence."""

    def __init__(self, *, uow_factory: UowFactory, plan: Callable[[], PlanService],
                 analytics: Callable[[], AnalyticsService], deals: Callable[[], DealsService],
                 clients: Callable[[], ClientService],
                 mentoring: Callable[[], MentoringService],
                 market: Callable[[], MarketService]) -> None:
        """The collaborators come as providers: only the reports use them, and a КП or an
        invoice from the CLI need not import and build them (bench_documents)."""
        self._uow = uow_factory
        self._plan = plan
        self._analytics = analytics
        self._deals = deals
        self._clients = clients
        self._mentoring = mentoring
        self._market = market

    def company(self) -> CompanyInfo:
        """The seller as every document prints it."""
        with self._uow(read_only=True) as uow:
            return company_info(uow.session.get(CompanySettings, 1))

    # --- offers -------------------------------------------------------------------------

    def default_intro(self, deal_id: int, template: str) -> str:
        with self._uow(read_only=True) as uow:
            deal = uow.session.get(Deal, deal_id)
            if deal is None:
                raise NotFoundError(translate("Documents", "Сделка не найдена"))
            contact = uow.session.get(Contact, deal.contact_id) if deal.contact_id else None
            client = uow.session.get(Client, deal.client_id)
            return default_intro(template, contact.name if contact else "",
                                 document_language(client.document_language if client else None))

    def default_subject(self, deal_id: int) -> str:
        """The КП's subject line until the user writes one: the deal's name."""
        with self._uow(read_only=True) as uow:
            deal = uow.session.get(Deal, deal_id)
            if deal is None:
                raise NotFoundError(translate("Documents", "Сделка не найдена"))
            return deal.title

    def vat_change_notice(self, deal_id: int, on: date, validity_days: int) -> str:
        """The words a КП valid from `on` for `validity_days` needs when a VAT rate of its
        lines changes before it runs out (vat_change_notice's rule); "" when none does."""
        with self._uow(read_only=True) as uow:
            deal = uow.session.get(Deal, deal_id)
            if deal is None:
                raise NotFoundError(translate("Documents", "Сделка не найдена"))
            company = uow.session.get(CompanySettings, 1)
            client = uow.session.get(Client, deal.client_id)
            language = document_language(client.document_language if client else None)
            lines = deal_lines(deal, on, company.default_vat_kind if company else "standard")
        return vat_change_notice(lines, on, on + timedelta(days=validity_days), language)

    def unprintable_notice(self, deal_id: int, typed: str = "") -> str:
        """The offer dialog's warning about characters the КП's font cannot print — in the
        client's name, the deal's lines and contact, or `typed` (subject, introduction) —
        which the PDF shows as «?» (fonts.printable); "" when there are none."""
        with self._uow(read_only=True) as uow:
            deal = uow.session.get(Deal, deal_id)
            if deal is None:
                raise NotFoundError(translate("Documents", "Сделка не найдена"))
            client = uow.session.get(Client, deal.client_id)
            contact = uow.session.get(Contact, deal.contact_id) if deal.contact_id else None
            texts = [typed, deal.title, *(line.name for line in deal.lines),
                     *((client.name, client.full_name, client.legal_address) if client else ()),
                     *((contact.name, contact.position) if contact else ())]
        missing = unprintable("\n".join(t or "" for t in texts))
        if not missing:
            return ""
        return translate("Documents", "В шрифте документа нет символов {chars}: в PDF они "
                                      "будут напечатаны как «{r}».").format(
            chars=" ".join(missing), r=REPLACEMENT)

    def issue_offer(self, deal_id: int, *, template: str | None = None,
                    intro: str | None = None, on: date | None = None,
                    validity_days: int | None = None, supersedes_id: int | None = None,
                    subject: str | None = None) -> OfferRow:
        """Number a new offer for the deal and freeze its snapshot (lines, prices, parties);
        `subject` is its subject line (default: `default_subject`)."""
        with self._uow() as uow:
            offer = issue_offer_in(uow.session, deal_id, template=template, intro=intro,
                                   on=on or date.today(), validity_days=validity_days,
                                   supersedes_id=supersedes_id, subject=subject)
            uow.commit()
            return self._row(uow.session, offer)

    def new_offer_version(self, offer_id: int, *, template: str | None = None,
                          intro: str | None = None, on: date | None = None) -> OfferRow:
        """Re-issue an offer from the deal as it is now: a new number superseding the old."""
        old = self.get_offer(offer_id)
        template = template or old.template
        if intro is None and template != old.template and old.intro == self.default_intro(
                old.deal_id, old.template):
            intro = self.default_intro(old.deal_id, template)  # untouched intro follows
        return self.issue_offer(old.deal_id, template=template,
                                intro=old.intro if intro is None else intro, on=on,
                                validity_days=(old.valid_until - old.issued_on).days or None,
                                supersedes_id=old.id, subject=old.subject)

    def get_offer(self, offer_id: int) -> OfferRow:
        with self._uow(read_only=True) as uow:
            offer = uow.session.get(Offer, offer_id)
            if offer is None:
                raise NotFoundError(translate("Documents", "КП не найдено"))
            return self._row(uow.session, offer)

    def list_offers(self, deal_id: int) -> list[OfferRow]:
        with self._uow(read_only=True) as uow:
            offers = uow.session.scalars(
                select(Offer).where(Offer.deal_id == deal_id)
                .order_by(Offer.issued_on.desc(), Offer.id.desc())).all()
            return [self._row(uow.session, o) for o in offers]

    def offer_pdf(self, offer_id: int) -> bytes:
        """Render an issued offer from its frozen snapshot."""
        with self._uow(read_only=True) as uow:
            offer = uow.session.get(Offer, offer_id)
            if offer is None:
                raise NotFoundError(translate("Documents", "КП не найдено"))
            snapshot = json.loads(offer.snapshot)
        return render_offer(snapshot)

    def offer_snapshot(self, offer_id: int) -> dict[str, Any]:
        with self._uow(read_only=True) as uow:
            offer = uow.session.get(Offer, offer_id)
            if offer is None:
                raise NotFoundError(translate("Documents", "КП не найдено"))
            snapshot: dict[str, Any] = json.loads(offer.snapshot)
            return snapshot

    @staticmethod
    def _row(session: Session, offer: Offer) -> OfferRow:
        newer = session.scalar(select(Offer.number).where(Offer.supersedes_id == offer.id)
                               .order_by(Offer.id.desc()).limit(1))
        return OfferRow(id=offer.id, number=offer.number, deal_id=offer.deal_id,
                        issued_on=offer.issued_on, valid_until=offer.valid_until,
                        template=offer.template, total=offer.total,
                        supersedes_id=offer.supersedes_id, superseded_by=newer or "",
                        intro=offer.intro, subject=offer_subject(json.loads(offer.snapshot)))

    # --- invoices -------------------------------------------------------------------------

    def issue_invoice(self, *, deal_id: int | None = None, order_id: int | None = None,
                      on: date | None = None) -> InvoiceRef:
        """The invoice of an order or a won deal: numbered once, then always the same."""
        if (deal_id is None) == (order_id is None):
            raise ValidationError.single("invoice", translate(
                "Documents", "Счёт выставляется либо по сделке, либо по заказу"))
        if deal_id is not None:
            with self._uow(read_only=True) as uow:
                deal_invoice = self._setting(uow.session, f"documents.invoice.deal.{deal_id}")
                ordered = uow.session.scalar(
                    select(Order.id).where(Order.deal_id == deal_id,
                                           Order.status != "cancelled")
                    .order_by(Order.ordered_on.desc(), Order.id.desc()).limit(1))
            if deal_invoice is None and ordered is not None:
                # the sale already has an order: its invoice, not a second number
                return self.issue_invoice(order_id=ordered, on=on)
        key = (f"documents.invoice.order.{order_id}" if order_id is not None
               else f"documents.invoice.deal.{deal_id}")
        with self._uow() as uow:
            s = uow.session
            stored = self._setting(s, key)
            if stored is not None:
                return _invoice_ref(stored)
            order = None
            if order_id is not None:
                order = s.get(Order, order_id)
                if order is None:
                    raise NotFoundError(translate("Documents", "Заказ не найден"))
                deal = s.get(Deal, order.deal_id) if order.deal_id else None
                client = s.get(Client, order.client_id)
            else:
                deal = s.get(Deal, deal_id)
                if deal is None:
                    raise NotFoundError(translate("Documents", "Сделка не найдена"))
                stage = s.get(Stage, deal.stage_id)
                has_order = s.scalar(select(func.count(Order.id))
                                     .where(Order.deal_id == deal.id)) or 0
                if not (stage and stage.is_won) and not has_order:
                    raise ValidationError.single("deal", translate(
                        "Documents", "Счёт выставляется по выигранной сделке или по заказу"))
                client = s.get(Client, deal.client_id)
            company = s.get(CompanySettings, 1)
            if order is not None and order.invoice_number:
                number, issued = order.invoice_number, order.ordered_on
            else:
                issued = on or date.today()
                seq = next_number(s, "invoice", issued.year)
                number = invoice_number(issued.year, seq)
                if order is not None:
                    order.invoice_number = number
            default_kind = company.default_vat_kind if company else "standard"
            include_vat = bool(company.prices_include_vat) if company else True
            language = document_language(client.document_language if client else None)
            with in_language(language):  # what the invoice prints, in its language
                lines, basis = _invoice_lines_and_basis(s, order, deal, issued, include_vat,
                                                        default_kind)
            snapshot = {
                "version": SNAPSHOT_VERSION, "number": number, "issued_on": issued.isoformat(),
                "pay_until": (order.payment_due_on if order is not None and order.payment_due_on
                              else issued + timedelta(days=_payment_days(s))).isoformat(),
                "prices_include_vat": bool(company.prices_include_vat) if company else True,
                "seller": company_info(company).to_json(),
                "buyer": {k: (getattr(client, k) or "") for k in BUYER_FIELDS} if client else {},
                "basis": basis, "lines": lines, "language": language,
                "deal_id": deal.id if deal is not None else None,
                "order_id": order.id if order is not None else None,
            }
            s.add(Setting(key=key, value=json.dumps(snapshot, ensure_ascii=False,
                                                    sort_keys=True)))
            uow.commit()
            return _invoice_ref(snapshot)

    def invoice_pdf(self, invoice: InvoiceRef) -> bytes:
        from app.services.documents.invoice import render_invoice

        return render_invoice(invoice.snapshot)

    def deal_invoice(self, deal_id: int) -> InvoiceRef | None:
        """The invoice already issued for a deal, if any."""
        with self._uow(read_only=True) as uow:
            stored = self._setting(uow.session, f"documents.invoice.deal.{deal_id}")
            if stored is None:
                order_ids = uow.session.scalars(
                    select(Order.id).where(Order.deal_id == deal_id,
                                           Order.status != "cancelled")
                    .order_by(Order.ordered_on.desc(), Order.id.desc()))
                for order_id in order_ids:
                    stored = self._setting(uow.session, f"documents.invoice.order.{order_id}")
                    if stored is not None:
                        break
            return _invoice_ref(stored) if stored else None

    # --- reports ----------------------------------------------------------------------------

    def report_pdf(self, kind: str, period: str | None = None, *,
                   today: date | None = None) -> bytes:
        """plan | pipeline | clients | meeting-pack | market | losses | campaigns for a
        period (2026-11, 2026-Q4, 2026)."""
        from app.services.documents.reports import gather_report, render_report, report_period

        today = today or date.today()
        if kind in MARKET_REPORTS:
            p = report_period(period, today)
            market = self._market()
            if kind == "market":
                from app.services.documents.reports.market import render_market_report

                return render_market_report(market.market_report_data(p, today=today),
                                            self.company())
            if kind == "losses":
                from app.services.documents.reports.losses import render_losses_report

                return render_losses_report(market.losses_report_data(p, today=today),
                                            self.company())
            from app.services.documents.reports.campaigns import render_campaigns_report

            return render_campaigns_report(market.campaigns_report_data(p, today=today),
                                           self.company())
        return render_report(gather_report(
            kind, period, today=today, company=self.company(),
            uow_factory=self._uow, plan=self._plan(), analytics=self._analytics(),
            deals=self._deals()))

    def trainee_report_pdf(self, trainee_id: int, *, today: date | None = None) -> bytes:
        """A trainee's onboarding progress (NotFoundError for an unknown trainee)."""
        from app.services.documents.trainee_report import (
            gather_trainee_report,
            render_trainee_report,
        )

        return render_trainee_report(gather_trainee_report(
            self._mentoring(), trainee_id, company=self.company(), today=today or date.today()))

    def client_handover_pdf(self, client_id: int, *, today: date | None = None) -> bytes:
        """The hand-over summary of a client (NotFoundError for an unknown client)."""
        from app.services.documents.client_handover import (
            gather_client_handover,
            render_client_handover,
        )

        return render_client_handover(gather_client_handover(
            self._clients(), client_id, company=self.company(), today=today or date.today()))

    def statement_pdf(self, client_id: int, start: date, end: date) -> bytes:
        """The акт сверки взаиморасчётов of a client for `start`..`end` (NotFoundError for an
        unknown client, ValidationError for an end before the start)."""
        from app.services.documents.statement import StatementDocument, render_statement
        from app.services.receivables.statement import statement_in

        with self._uow(read_only=True) as uow:
            s = uow.session
            statement = statement_in(s, client_id, start, end)
            client = s.get(Client, client_id)
            buyer = {k: (getattr(client, k) or "") for k in BUYER_FIELDS} if client else {}
            company = company_info(s.get(CompanySettings, 1))
        return render_statement(StatementDocument(statement=statement, company=company,
                                                  client=buyer))

    # --- helpers used by the CLI and the views ---------------------------------------------

    def deal_exists(self, deal_id: int) -> bool:
        with self._uow(read_only=True) as uow:
            return uow.session.get(Deal, deal_id) is not None

    def deal_is_won(self, deal_id: int) -> bool:
        with self._uow(read_only=True) as uow:
            deal = uow.session.get(Deal, deal_id)
            if deal is None:
                return False
            stage = uow.session.get(Stage, deal.stage_id)
            return bool(stage and stage.is_won)

    def order_id_by_number(self, number: str) -> int | None:
        with self._uow(read_only=True) as uow:
            return uow.session.scalar(select(Order.id).where(Order.number == number))

    def _setting(self, session: Session, key: str) -> dict[str, Any] | None:
        """An issued invoice's snapshot (a JSON object) stored under `key`, if any."""
        row = session.get(Setting, key)
        if row is None:
            return None
        snapshot: dict[str, Any] = json.loads(row.value)
        return snapshot

    # --- protocols and specifications (frozen in deal_documents) ------------------------------

    def protocol_defaults(self, deal_id: int) -> ProtocolDefaults:
        """What the protocol dialog starts with: the client's contacts (the deal's ticked),
        our participants from the company's settings, the last meeting's place."""
        from app.services.documents.protocol import protocol_defaults_in

        with self._uow(read_only=True) as uow:
            return protocol_defaults_in(uow.session, deal_id)

    def issue_protocol(self, deal_id: int, *, on: date | None = None, place: str = "",
                       contact_ids: Sequence[int] | None = None,
                       our_participants: Sequence[str] | None = None) -> DealDocumentRow:
        """Number (ПР-YYYY-NNNN) and freeze the protocol of a meeting on `on` about the deal:
        `contact_ids` are the client's participants (None: the deal's contact), the
        `our_participants` lines ours (None: the manager from the company's settings)."""
        from app.services.documents.frozen import document_row, issue_deal_document
        from app.services.documents.protocol import gather_protocol

        on = on or date.today()
        with self._uow() as uow:
            snapshot = gather_protocol(uow.session, deal_id, on=on, place=place,
                                       contact_ids=contact_ids,
                                       our_participants=our_participants)
            doc = issue_deal_document(uow.session, "protocol", on, snapshot, deal_id=deal_id,
                                      order_id=None)
            uow.commit()
            return document_row(doc)

    def issue_specification(self, *, order_id: int | None = None, offer_id: int | None = None,
                            on: date | None = None) -> DealDocumentRow:
        """Number (СП-YYYY-NNNN) and freeze the specification of an order or of an accepted
        КП (one of the two); each call issues a new one."""
        from app.services.documents.frozen import document_row, issue_deal_document
        from app.services.documents.specification import (
            gather_offer_specification,
            gather_order_specification,
        )

        if (order_id is None) == (offer_id is None):
            raise ValidationError.single("specification", translate(
                "Documents", "Спецификация составляется либо по заказу, либо по КП"))
        on = on or date.today()
        with self._uow() as uow:
            s = uow.session
            if order_id is not None:
                snapshot, deal_id = gather_order_specification(s, order_id, on=on)
            else:
                snapshot, deal_id = gather_offer_specification(s, not_null(offer_id, "offer"))
            doc = issue_deal_document(s, "specification", on, snapshot, deal_id=deal_id,
                                      order_id=order_id)
            uow.commit()
            return document_row(doc)

    def deal_document_pdf(self, doc_id: int) -> bytes:
        """Render an issued protocol or specification from its frozen snapshot."""
        snapshot = self.deal_document_snapshot(doc_id)
        if snapshot.get("kind") == "protocol":
            from app.services.documents.protocol import render_protocol

            return render_protocol(snapshot)
        from app.services.documents.specification import render_specification

        return render_specification(snapshot)

    def deal_document_snapshot(self, doc_id: int) -> dict[str, Any]:
        from app.services.documents.frozen import stored_document

        with self._uow(read_only=True) as uow:
            snapshot: dict[str, Any] = json.loads(stored_document(uow.session, doc_id).snapshot)
            return snapshot

    def get_deal_document(self, doc_id: int) -> DealDocumentRow:
        from app.services.documents.frozen import document_row, stored_document

        with self._uow(read_only=True) as uow:
            return document_row(stored_document(uow.session, doc_id))

    def offer_id_by_number(self, number: str) -> int | None:
        with self._uow(read_only=True) as uow:
            return uow.session.scalar(select(Offer.id).where(Offer.number == number))

    def list_deal_documents(self, deal_id: int | None = None, order_id: int | None = None, *,
                            kind: str | None = None) -> list[DealDocumentRow]:
        """The protocols and specifications of a deal (with its orders') or of an order,
        newest first; `kind` keeps one kind."""
        from app.services.documents.frozen import document_row

        if (deal_id is None) == (order_id is None):
            raise ValidationError.single("documents", translate(
                "Documents", "Документы выбираются либо по сделке, либо по заказу"))
        query = select(DealDocument)
        if order_id is not None:
            query = query.where(DealDocument.order_id == order_id)
        else:
            query = query.where(DealDocument.deal_id == deal_id)
        if kind is not None:
            query = query.where(DealDocument.kind == kind)
        with self._uow(read_only=True) as uow:
            docs = uow.session.scalars(query.order_by(DealDocument.issued_on.desc(),
                                                      DealDocument.id.desc())).all()
            return [document_row(d) for d in docs]


def _invoice_lines_and_basis(s: Session, order: Order | None, deal: Deal | None, issued: date,
                             include_vat: bool, default_kind: str
                             ) -> tuple[list[dict[str, str | None]], str]:
    """An invoice's lines and its «Основание»: an order's (with its contract), else a won
    deal's (its latest КП)."""
    if order is not None:
        lines = _order_lines(s, order, issued, include_vat, default_kind)
        basis = translate("Documents", "Заказ № {n} от {d}").format(
            n=order.number, d=short_date(order.ordered_on))
        if order.contract_number.strip():
            contract = translate("Documents", "Договор № {n}").format(
                n=order.contract_number.strip())
            if order.contract_date is not None:
                contract = translate("Documents", "{contract} от {d}").format(
                    contract=contract, d=short_date(order.contract_date))
            basis = translate("Documents", "{contract}; {order}").format(
                contract=contract, order=basis[:1].lower() + basis[1:])
    else:  # a deal, which the caller checked; the basis is its latest КП — the deal's own
        # name is the CRM's, not the client's
        lines = deal_lines(not_null(deal, "deal"), issued, default_kind)
        offer = s.scalars(select(Offer).where(Offer.deal_id == not_null(deal, "deal").id)
                          .order_by(Offer.issued_on.desc(), Offer.id.desc())
                          .limit(1)).first()
        basis = translate("Documents", "Коммерческое предложение № {n} от {d}").format(
            n=offer.number, d=short_date(offer.issued_on)) if offer is not None else ""
    return lines, basis


def _payment_days(s: Session) -> int:
    """The setting "invoice_payment_days" (app.services.settings.DEFAULTS), read in `s`."""
    row = s.get(Setting, "invoice_payment_days")
    value: Any = json.loads(row.value) if row is not None else DEFAULTS["invoice_payment_days"]
    return int(value)


SUBJECT_LENGTH = 200


def clean_subject(subject: str) -> str:
    """The subject line as typed, on one line; refused when longer than SUBJECT_LENGTH."""
    text = " ".join(subject.split())
    if len(text) > SUBJECT_LENGTH:
        raise ValidationError.single("subject", translate(
            "Documents", "Тема КП — не длиннее {n} знаков").format(n=SUBJECT_LENGTH))
    return text


def vat_change_notice(lines: list[dict[str, str | None]], start: date, end: date,
                      language: str = DOCUMENT_LANGUAGE) -> str:
    """«НДС рассчитан по ставке на дату КП (20 %). С 01.01.2026 ставка — 22 %: …» for each
    rate of `lines` that changes after `start` up to `end` (the offer's validity); the
    invoice follows its own date, so that is the rule the price follows."""
    notes = []
    with in_language(language):
        for kind in sorted({str(line["vat_kind"]) for line in lines}):
            for day, old, new in rate_changes(kind, start, end):
                notes.append(translate(
                    "Documents", "НДС рассчитан по ставке на дату КП ({old} %). С {day} ставка "
                                 "НДС — {new} %: счёт с этой даты будет рассчитан по новой "
                                 "ставке.")
                    .format(old=f"{old:.0f}", new=f"{new:.0f}", day=short_date(day)))
    return bind_signs(" ".join(notes))  # «22 %» stays whole, in the PDF and the dialog


def issue_offer_in(s: Session, deal_id: int, *, template: str | None, intro: str | None, on: date,
                   validity_days: int | None = None, supersedes_id: int | None = None,
                   subject: str | None = None) -> Offer:
    """Issue an offer inside the caller's session (the service and the demo data use it)."""
    deal = s.get(Deal, deal_id)
    if deal is None:
        raise NotFoundError(translate("Documents", "Сделка не найдена"))
    company = s.get(CompanySettings, 1)
    template = template or (company.offer_template if company else "classic")
    if template not in OFFER_TEMPLATES:
        raise ValidationError.single("template", translate(
            "Documents", "Неизвестный шаблон КП: {t}").format(t=template))
    days = validity_days or (company.offer_validity_days if company else 14)
    if not 1 <= days <= 365:
        raise ValidationError.single("validity_days", translate(
            "Documents", "Срок действия КП — от 1 до 365 дней"))
    if supersedes_id is not None:
        old = s.get(Offer, supersedes_id)
        if old is None or old.deal_id != deal_id:
            raise NotFoundError(translate("Documents", "Предыдущая версия КП не найдена"))
    client = s.get(Client, deal.client_id)
    contact = s.get(Contact, deal.contact_id) if deal.contact_id else None
    if contact is None and client is not None:
        contact = next((c for c in client.contacts if c.is_primary), None) or (
            client.contacts[0] if client.contacts else None)
    language = document_language(client.document_language if client else None)
    if intro is None:
        intro = default_intro(template, contact.name if contact else "", language)
    used = s.scalar(select(func.max(Offer.seq)).where(Offer.year == on.year)) or 0
    seq = next_number(s, "offer", on.year, at_least=used)
    number = f"КП-{on.year}-{seq:04d}"
    info = company_info(company)
    snapshot: dict[str, Any] = {
        "version": SNAPSHOT_VERSION,
        "number": number,
        "issued_on": on.isoformat(),
        "valid_until": (on + timedelta(days=days)).isoformat(),
        "template": template,
        "intro": intro,
        "prices_include_vat": bool(company.prices_include_vat) if company else True,
        "seller": info.to_json(),
        "manager": {"name": info.manager_name, "position": info.manager_position,
                    "phone": info.manager_phone, "email": info.manager_email},
        "buyer": {k: (getattr(client, k) or "") for k in BUYER_FIELDS} if client else {},
        "contact": ({"name": contact.name, "position": contact.position,
                     "phone": contact.phone, "email": contact.email}
                    if contact else {}),
        "deal": {"id": deal.id, "title": deal.title,
                 "payment_terms": deal.payment_terms,
                 "delivery_terms": deal.delivery_terms},
        "subject": deal.title if subject is None else clean_subject(subject),
        "language": language,
    }
    with in_language(language):  # a line made of the deal's amount is named in it («шт»)
        snapshot["lines"] = with_product_details(s, deal, deal_lines(
            deal, on, company.default_vat_kind if company else "standard"))
    snapshot["vat_notice"] = vat_change_notice(snapshot["lines"], on,
                                               on + timedelta(days=days), language)
    totals = compute_totals(snapshot["lines"],
                            prices_include_vat=snapshot["prices_include_vat"])
    offer = Offer(number=number, year=on.year, seq=seq, deal_id=deal.id,
                  supersedes_id=supersedes_id, issued_on=on,
                  valid_until=on + timedelta(days=days), template=template,
                  intro=intro, total=totals.total,
                  snapshot=json.dumps(snapshot, ensure_ascii=False, sort_keys=True))
    s.add(offer)
    if company is not None and company.offer_template != template:
        company.offer_template = template  # the choice is remembered
    s.flush()
    return offer


def deal_lines(deal: Deal, on: date, default_kind: str) -> list[dict[str, str | None]]:
    """The lines a deal's КП and invoice both show: the deal's own; a deal without lines
    but with an amount (entered by hand) is one line of that amount, named by the deal, at
    the company's default VAT rate; a deal without either shows none."""
    if deal.lines:
        return [snapshot_line(ln.name, ln.unit, ln.quantity, ln.price, ln.discount,
                              ln.vat_kind, on) for ln in deal.lines]
    if deal.amount:
        return [snapshot_line(deal.title, translate("Documents", "шт"), Decimal(1),
                              deal.amount, Decimal(0), default_kind, on)]
    return []


def with_product_details(s: Session, deal: Deal,
                         lines: list[dict[str, str | None]]) -> list[dict[str, str | None]]:
    """A КП's lines with what the catalog says of each line's product, frozen with the offer:
    its description, lead time, warranty and photo (PNG as base64); a line typed by hand,
    or a product since deleted, has none of them."""
    if len(lines) != len(deal.lines):  # the one line of a deal's amount: no product
        return lines
    out = []
    for line, source in zip(lines, deal.lines, strict=True):
        product = s.get(Product, source.product_id) if source.product_id else None
        if product is not None:
            line = {**line, "description": product.description.strip(),
                    "lead_time": product.lead_time, "warranty": product.warranty,
                    "image": (base64.b64encode(product.image).decode("ascii")
                              if product.image else None)}
        out.append(line)
    return out


def _invoice_ref(snapshot: dict[str, Any]) -> InvoiceRef:
    totals = compute_totals(snapshot.get("lines") or [],
                            prices_include_vat=bool(snapshot.get("prices_include_vat", True)))
    return InvoiceRef(number=snapshot["number"],
                      issued_on=date.fromisoformat(snapshot["issued_on"]), total=totals.total,
                      deal_id=snapshot.get("deal_id"), order_id=snapshot.get("order_id"),
                      snapshot=snapshot)


def _order_lines(s: Session, order: Order, issued: date, include_vat: bool,
                 default_kind: str) -> list[dict[str, str | None]]:
    """An order's invoice lines: its own lines when they add up to its amount; else (a
    discount agreed at closing, an order without lines) one line for the amount — the
    invoice never bills more, or less, than the order."""
    own = s.scalars(select(OrderLine).where(OrderLine.order_id == order.id)
                    .order_by(OrderLine.position, OrderLine.id)).all()
    lines = [snapshot_line(ln.name, ln.unit, ln.quantity, ln.price, ln.discount, ln.vat_kind,
                           issued) for ln in own]
    if lines and compute_totals(lines, prices_include_vat=include_vat).amount == order.amount:
        return lines
    return [snapshot_line(
        translate("Documents", "Оплата по заказу № {n}").format(n=order.number),
        translate("Documents", "шт"), Decimal(1), order.amount, Decimal(0), default_kind,
        issued)]
