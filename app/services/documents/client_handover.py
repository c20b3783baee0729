"""The client hand-over summary (PDF): what a colleague needs to take a client over.

    data = gather_client_handover(clients, client_id, company=..., today=...)
    pdf: bytes = render_client_handover(data)

Called through `DocumentService.client_handover_pdf` by the client card.

Requisites, classification, contact persons, open deals, the last and the planned
activities, the purchase history in figures and the notes, with "передал / принял"
signature lines. Built on the shared document base (page template, escaping, fonts).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # reportlab is imported when the summary is rendered
    from reportlab.platypus import Flowable, Table

from app.domain.dates import short_date
from app.domain.money import format_money
from app.i18n import translate
from app.services.activities import activity_kind_label
from app.services.clients import (
    ActivityLine,
    ClientCard,
    ClientService,
    OpenDeal,
    PurchaseSummary,
    kind_label,
    status_label,
)
from app.services.documents.base import (
    MM,
    BuildContext,
    Column,
    CompanyInfo,
    DocumentMeta,
    SignatureLine,
    build_pdf,
    data_table,
    key_value_table,
)
from app.services.documents.fonts import FAMILY
from app.services.documents.markup import esc, inline_list
from app.services.documents.styles import REPORT


@dataclass(frozen=True)
class HandoverData:
    card: ClientCard
    deals: list[OpenDeal]
    done: list[ActivityLine]
    planned: list[ActivityLine]
    purchases: PurchaseSummary
    company: CompanyInfo
    today: date


def gather_client_handover(clients: ClientService, client_id: int, *, company: CompanyInfo,
                           today: date) -> HandoverData:
    """What the summary prints, through the client service (NotFoundError: no client)."""
    card = clients.get(client_id)
    return HandoverData(
        card=card, deals=clients.open_deals(client_id),
        done=clients.activities_of(client_id, done=True, limit=10),
        planned=clients.activities_of(client_id, done=False, limit=10),
        purchases=clients.purchase_summary(client_id), company=company, today=today)


def render_client_handover(data: HandoverData) -> bytes:
    """The hand-over summary of one client as PDF bytes."""
    meta = DocumentMeta(
        title=translate("Documents", "Сводка по клиенту для передачи"), on=data.today,
        company=data.company, theme=REPORT,
        subject=translate("Documents", "Передача клиента: {name}").format(
            name=data.card.name))
    return build_pdf(lambda ctx: story(ctx, data), meta)


def story(ctx: BuildContext, data: HandoverData) -> list[Flowable]:
    from reportlab.platypus import CondPageBreak, Spacer

    d = data.card.draft
    head = [kind_label(d.kind), status_label(d.status)]
    if d.inn:
        head.append(translate("Documents", "ИНН {v}").format(v=d.inn))
    if data.card.archived:
        head.append(translate("Documents", "в архиве"))
    out: list[Flowable] = [
        ctx.m(esc(translate("Documents", "Сводка по клиенту для передачи коллеге")), "subtitle"),
        ctx.p(d.name, "title"),
        ctx.p(" · ".join(head), "small_muted"),
        Spacer(1, 4 * MM),
        _kpis(ctx, data),
        ctx.m(esc(translate("Documents", "Реквизиты")), "h2"),
        key_value_table(ctx, [
            (translate("Documents", "Полное наименование"), d.full_name),
            (translate("Documents", "ИНН / КПП"), " / ".join(v for v in (d.inn, d.kpp) if v)),
            ("ОГРНИП" if d.kind != "organization" else "ОГРН", d.ogrn),
            (translate("Documents", "Юридический адрес"), d.legal_address),
            (translate("Documents", "Почтовый адрес"), d.postal_address),
            (translate("Documents", "Телефон, e-mail"),
             inline_list((d.phone, d.email, d.website))),
            (translate("Documents", "Банк"), d.bank_name),
            (translate("Documents", "БИК"), d.bik),
            (translate("Documents", "Корр. счёт"), d.corr_account),
            (translate("Documents", "Расчётный счёт"), d.settlement_account),
        ], label_width=0.28),
        ctx.m(esc(translate("Documents", "Классификация")), "h2"),
        key_value_table(ctx, [
            (translate("Documents", "Сегмент"), d.segment),
            (translate("Documents", "Отрасль"), d.industry),
            (translate("Documents", "Регион"), d.region),
            (translate("Documents", "Метки"), ", ".join(d.tags)),
            (translate("Documents", "Источник"), d.lead_source),
            (translate("Documents", "Уровень лояльности"), d.loyalty_tier),
            (translate("Documents", "Ответственный"), d.responsible),
            (translate("Documents", "В базе с"), short_date(data.card.created_at.date())),
        ], label_width=0.28),
        ctx.m(esc(translate("Documents", "Контактные лица")), "h2"),
    ]
    if d.contacts:
        out.append(data_table(ctx, [
            Column(translate("Documents", "ФИО"), 2.6, bold=True),
            Column(translate("Documents", "Должность"), 2.0),
            Column(translate("Documents", "Телефоны"), 2.2),
            Column(translate("Documents", "E-mail"), 2.4),
            Column(translate("Documents", "День рождения"), 1.3, align="center"),
        ], [((c.name + (" ★" if c.is_primary else "")), c.position,
             "\n".join(p for p in (c.phone, c.phone2) if p) or "—", c.email or "—",
             short_date(c.birthday, "—")) for c in d.contacts]))
        notes = [(c.name, c.notes) for c in d.contacts if c.notes.strip()]
        for name, note in notes:
            out.append(ctx.p(f"{name}: {note}", "small_muted"))
    else:
        out.append(ctx.p(translate("Documents", "Контактные лица не указаны."), "small_muted"))

    out.append(CondPageBreak(40 * MM))
    out.append(ctx.m(esc(translate("Documents", "Открытые сделки")), "h2"))
    if data.deals:
        total = sum((deal.amount for deal in data.deals), start=data.purchases.total * 0)
        out.append(data_table(ctx, [
            Column(translate("Documents", "Сделка"), 3.3),
            Column(translate("Documents", "Этап"), 2.0),
            Column(translate("Documents", "Вероятность"), 1.5, align="right"),
            Column(translate("Documents", "Закрытие"), 1.4, align="center"),
            Column(translate("Documents", "Сумма"), 1.8, align="right"),
        ], [(deal.title, deal.stage, f"{deal.probability} %", short_date(deal.expected_close, "—"),
             format_money(deal.amount)) for deal in data.deals],
            footer_rows=[(translate("Documents", "Итого"), "", "", "", format_money(total))]))
    else:
        out.append(ctx.p(translate("Documents", "Открытых сделок нет."), "small_muted"))

    out.append(CondPageBreak(40 * MM))
    out.append(ctx.m(esc(translate("Documents", "Запланированные дела")), "h2"))
    out.append(_activities(ctx, data.planned, planned=True))
    out.append(ctx.m(esc(translate("Documents", "Последние контакты")), "h2"))
    out.append(_activities(ctx, data.done, planned=False))

    if d.notes.strip():
        out.append(ctx.m(esc(translate("Documents", "Примечания")), "h2"))
        out.append(ctx.p(d.notes))
    out.append(CondPageBreak(32 * MM))
    out.append(Spacer(1, 6 * MM))
    out.append(SignatureLine.make(ctx, [
        (translate("Documents", "Передал"), data.company.manager_name or ""),
        (translate("Documents", "Принял"), ""),
    ]))
    return [_embedded_font(f) for f in out]


def _activities(ctx: BuildContext, lines: list[ActivityLine], *, planned: bool) -> Flowable:
    if not lines:
        return ctx.p(translate("Documents", "Нет запланированных дел.") if planned
                     else translate("Documents", "Выполненных дел с клиентом ещё не было."),
                     "small_muted")
    if planned:
        return data_table(ctx, [
            Column(translate("Documents", "Срок"), 1.3),
            Column(translate("Documents", "Тип"), 1.3),
            Column(translate("Documents", "Дело"), 4.2),
            Column(translate("Documents", "Контакт"), 2.4),
        ], [(short_date(a.when, "—"), activity_kind_label(a.kind), a.subject, a.contact or "—")
            for a in lines])
    return data_table(ctx, [
        Column(translate("Documents", "Дата"), 1.3),
        Column(translate("Documents", "Тип"), 1.3),
        Column(translate("Documents", "Дело"), 2.8),
        Column(translate("Documents", "Итог и следующий шаг"), 3.8),
    ], [(short_date(a.when, "—"), activity_kind_label(a.kind), a.subject,
         " → ".join(v for v in (a.outcome, a.next_step) if v) or "—") for a in lines])


def _kpis(ctx: BuildContext, data: HandoverData) -> Table:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Paragraph, Table, TableStyle

    st = ctx.styles
    p = data.purchases
    open_sum = sum((deal.amount for deal in data.deals), start=p.total * 0)
    cells = [
        (format_money(p.total), translate("Documents", "выручка за всё время")),
        (str(p.orders), translate("Documents", "заказов")),
        (short_date(p.last_purchase, "—"), translate("Documents", "последняя покупка")),
        (str(len(data.deals)), translate("Documents", "открытых сделок")),
        (format_money(open_sum), translate("Documents", "в открытых сделках")),
    ]
    row = [[Paragraph(esc(v), st.kpi_value), Paragraph(esc(label), st.kpi_label)]
           for v, label in cells]
    weights = (1.45, 0.75, 1.1, 0.85, 1.35)
    table = Table([row], colWidths=[ctx.width * w / sum(weights) for w in weights],
                  hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), HexColor(ctx.theme.accent_light)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("LINEAFTER", (0, 0), (-2, -1), 0.6, HexColor("#FFFFFF")),
    ]))
    return table


def _embedded_font(flowable: Flowable) -> Flowable:
    """Plain-string table cells would fall back to unembedded Helvetica; use ours."""
    from reportlab.platypus import Table, TableStyle

    if isinstance(flowable, Table):
        flowable.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FAMILY)]))
    return flowable
