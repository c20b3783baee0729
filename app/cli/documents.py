"""Document commands: offer (КП), invoice, negotiation protocol, specification and meeting
reports as PDF files."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.cli import CliError, add_db_option, open_services
from app.i18n import translate

REPORT_KINDS = ("plan", "pipeline", "clients", "meeting-pack", "market", "losses", "campaigns",
                "trainee")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("offer", help=translate("Cli", "коммерческое предложение по сделке (PDF)"))
    add_db_option(p, on_subcommand=True)
    p.add_argument("deal_id", type=int, metavar="DEAL_ID")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    p.add_argument("--template", default=None,
                   help=translate("Cli", "шаблон: classic (Классический) или modern "
                                         "(Современный); по умолчанию — последний выбранный"))
    p.set_defaults(handler=_offer)

    p = sub.add_parser("protocol", help=translate("Cli", "протокол переговоров по сделке (PDF)"))
    add_db_option(p, on_subcommand=True)
    p.add_argument("deal_id", type=int, metavar="DEAL_ID")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    p.add_argument("--date", default=None, metavar=translate("Cli", "ДАТА"),
                   help=translate("Cli", "дата встречи ГГГГ-ММ-ДД (по умолчанию сегодня)"))
    p.add_argument("--place", default="", help=translate("Cli", "место встречи"))
    p.add_argument("--contact", dest="contacts", type=int, action="append", default=None,
                   metavar="CONTACT_ID",
                   help=translate("Cli", "участник со стороны клиента (номер контакта; можно "
                                         "несколько раз); по умолчанию — контакт сделки"))
    p.add_argument("--our", dest="ours", action="append", default=None,
                   metavar=translate("Cli", "«ФИО, должность»"),
                   help=translate("Cli", "участник с нашей стороны (можно несколько раз); по "
                                         "умолчанию — менеджер из реквизитов компании"))
    p.set_defaults(handler=_protocol)

    p = sub.add_parser("specification", help=translate(
        "Cli", "спецификация к договору по заказу или принятому КП (PDF)"))
    add_db_option(p, on_subcommand=True)
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--order", default=None, metavar="ORDER",
                        help=translate("Cli", "номер заказа (например З-2026-00001) или его id"))
    source.add_argument("--offer", default=None, metavar="OFFER",
                        help=translate("Cli", "номер КП (например КП-2026-0001) или его id"))
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    p.add_argument("--date", default=None, metavar=translate("Cli", "ДАТА"),
                   help=translate("Cli", "дата спецификации ГГГГ-ММ-ДД (по умолчанию сегодня)"))
    p.set_defaults(handler=_specification)

    p = sub.add_parser("invoice", help=translate("Cli", "счёт на оплату по выигранной сделке "
                                                        "или заказу (PDF)"))
    add_db_option(p, on_subcommand=True)
    p.add_argument("ref", metavar="DEAL_OR_ORDER_ID",
                   help=translate("Cli", "номер сделки, или номер заказа (например З-2026-0001)"))
    p.add_argument("--order", action="store_true",
                   help=translate("Cli", "считать число номером (id) заказа, а не сделки"))
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    p.set_defaults(handler=_invoice)

    p = sub.add_parser("report", help=translate("Cli", "отчёт к совещанию (PDF)"))
    add_db_option(p, on_subcommand=True)
    p.add_argument("kind", choices=REPORT_KINDS)
    p.add_argument("target", nargs="?", default=None, metavar="TRAINEE_ID",
                   help=translate("Cli", "для отчёта trainee — номер стажёра"))
    p.add_argument("--period", default=None, metavar="2026-11|2026-Q4|2026")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    p.set_defaults(handler=_report)


def _write(path: Path, data: bytes) -> None:
    path = path.expanduser()
    if path.parent and not path.parent.exists():
        raise CliError(translate("Cli", "{path}: папка не существует").format(path=path.parent))
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)
    print(path)


def _offer(args: argparse.Namespace) -> int:
    services = open_services(args, create=False)
    try:
        offer = services.documents.issue_offer(args.deal_id, template=args.template)
        data = services.documents.offer_pdf(offer.id)
    finally:
        services.close()
    print(translate("Cli", "Выпущено {number}").format(number=offer.number))
    _write(args.output, data)
    return 0


def _invoice(args: argparse.Namespace) -> int:
    services = open_services(args, create=False)
    try:
        docs = services.documents
        ref = args.ref.strip()
        order_id = docs.order_id_by_number(ref)
        if order_id is None and args.order:
            order_id = _int(ref)
        if order_id is not None:
            invoice = docs.issue_invoice(order_id=order_id)
        else:
            invoice = docs.issue_invoice(deal_id=_int(ref))
        data = docs.invoice_pdf(invoice)
    finally:
        services.close()
    print(translate("Cli", "Счёт № {number}").format(number=invoice.number))
    _write(args.output, data)
    return 0


def _date_option(text: str | None) -> date | None:
    from app.cli.day import parse_day

    if text is None:
        return None
    day = parse_day(text)
    if day is None:
        raise CliError(translate("Cli", "дата в виде ГГГГ-ММ-ДД: {t}").format(t=text))
    return day


def _protocol(args: argparse.Namespace) -> int:
    from app.cli.money import check_output

    on = _date_option(args.date)
    output = check_output(args.output)  # before a number is used up
    services = open_services(args, create=False)
    try:
        docs = services.documents
        doc = docs.issue_protocol(args.deal_id, on=on, place=args.place,
                                  contact_ids=args.contacts, our_participants=args.ours)
        data = docs.deal_document_pdf(doc.id)
    finally:
        services.close()
    print(translate("Cli", "Выпущен протокол {number}").format(number=doc.number))
    _write(output, data)
    return 0


def _specification(args: argparse.Namespace) -> int:
    from app.cli.money import check_output

    on = _date_option(args.date)
    output = check_output(args.output)
    services = open_services(args, create=False)
    try:
        docs = services.documents
        if args.order is not None:
            ref = args.order.strip()
            order_id = docs.order_id_by_number(ref)
            doc = docs.issue_specification(
                order_id=order_id if order_id is not None else _id(ref, "order"), on=on)
        else:
            ref = args.offer.strip()
            offer_id = docs.offer_id_by_number(ref)
            doc = docs.issue_specification(
                offer_id=offer_id if offer_id is not None else _id(ref, "offer"), on=on)
        data = docs.deal_document_pdf(doc.id)
    finally:
        services.close()
    print(translate("Cli", "Выпущена спецификация {number}").format(number=doc.number))
    _write(output, data)
    return 0


def _id(text: str, what: str) -> int:
    try:
        return int(text)
    except ValueError:
        message = (translate("Cli", "заказ {t!r} не найден") if what == "order"
                   else translate("Cli", "КП {t!r} не найдено"))
        raise CliError(message.format(t=text)) from None


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise CliError(translate("Cli", "ожидался номер сделки или заказа, получено {t!r}")
                       .format(t=text)) from None


def _report(args: argparse.Namespace) -> int:
    services = open_services(args, create=False)
    try:
        if args.kind == "trainee":
            if args.target is None:
                raise CliError(translate("Cli", "укажите номер стажёра: report trainee ID"))
            data = services.documents.trainee_report_pdf(_int(args.target))
        else:
            if args.target is not None:
                raise CliError(translate("Cli", "лишний аргумент: {t}").format(t=args.target))
            data = services.documents.report_pdf(args.kind, args.period)
    finally:
        services.close()
    _write(args.output, data)
    return 0
