"""Document commands: offer (КП), invoice and meeting reports as PDF files."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import CliError, add_db_option, open_services
from app.i18n import translate

REPORT_KINDS = ("plan", "pipeline", "clients", "meeting-pack", "trainee")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("offer", help=translate("Cli", "коммерческое предложение по сделке (PDF)"))
    add_db_option(p, on_subcommand=True)
    p.add_argument("deal_id", type=int, metavar="DEAL_ID")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    p.add_argument("--template", default=None,
                   help=translate("Cli", "шаблон: classic (Классический) или modern "
                                         "(Современный); по умолчанию — последний выбранный"))
    p.set_defaults(handler=_offer)

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
