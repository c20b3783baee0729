"""`export` and `import`: whole-database JSON, client lists (from the clients area),
calendar files (.ics: the planned activities out, meetings in) and a mailing list (.csv or
.vcf: the contacts who agreed to a mailing).

Each kind registers a handler in EXPORTERS / IMPORTERS; `what` picks one.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from app.cli import EXIT_USAGE, add_db_option, open_services
from app.cli import clients as clients_cli
from app.i18n import plural, translate

Handler = Callable[[argparse.Namespace], int]


def _export_all(args: argparse.Namespace) -> int:
    services = open_services(args, create=False)
    try:
        summary = services.transfer.export_all(args.file)
    finally:
        services.close()
    tables = plural(summary.tables, translate("Cli", "%n таблица|%n таблицы|%n таблиц"))
    print(translate("Cli", "Выгружено записей: {n} ({tables}) → {path}").format(
        n=summary.rows, tables=tables, path=args.file))
    return 0


def _import_all(args: argparse.Namespace) -> int:
    from app.services.transfer import read_export

    checked = read_export(args.file)  # a bad file is refused before the database is opened
    services = open_services(args)
    try:
        summary = services.transfer.import_checked(checked)
    finally:
        services.close()
    print(translate("Cli", "Загружено записей: {n}").format(n=summary.rows))
    return 0


def _export_calendar(args: argparse.Namespace) -> int:
    from app.cli.day import parse_day

    bounds = []
    for option, value in (("--from", args.from_date), ("--to", args.to_date)):
        day = parse_day(value) if value is not None else None
        if value is not None and day is None:
            print("salesdesk: " + translate("Cli", "{option}: дата в виде ГГГГ-ММ-ДД: {t}")
                  .format(option=option, t=value), file=sys.stderr)
            return EXIT_USAGE
        bounds.append(day)
    services = open_services(args, create=False)
    try:
        written = services.calendar.export_ics(args.file, start=bounds[0], end=bounds[1])
    finally:
        services.close()
    print(translate("Cli", "Выгружено дел в календарь: {n} → {path}").format(
        n=written, path=args.file))
    return 0


def _import_calendar(args: argparse.Namespace) -> int:
    from app.services.calendar_ics import read_calendar

    calendar = read_calendar(args.file)  # a bad file is refused before the base is opened
    services = open_services(args)
    try:
        result = services.calendar.import_checked(calendar)
    finally:
        services.close()
    print(translate("Cli", "Загружено событий: {created}, пропущено: {skipped}, "
                           "привязано к клиентам: {matched}").format(
        created=result.created, skipped=result.skipped, matched=result.matched))
    return 0


def _export_mailing(args: argparse.Namespace) -> int:
    """A mailing list (contacts with an e-mail and the consent) as .csv or .vcf."""
    from app.services.market.mailing import mailing_format

    if not mailing_format(args.file):
        print("salesdesk: " + translate("Cli", "файл рассылки — .csv или .vcf: {path}").format(
            path=args.file), file=sys.stderr)
        return EXIT_USAGE
    services = open_services(args, create=False)
    try:
        ids = None
        if args.search:  # the client list's search narrows the segment's clients
            from app.services.clients import ClientQuery

            ids = services.clients.search_ids(ClientQuery(text=args.search))
        result = services.market.export_mailing(args.file, segment=args.segment,
                                                client_ids=ids)
    finally:
        services.close()
    print(translate("Cli", "Выгружено контактов: {n} → {path}").format(
        n=result.exported, path=args.file))
    print(translate("Cli", "Не вошли: без согласия на рассылку — {consent}, без e-mail — "
                           "{email}, повтор адреса — {dup}").format(
        consent=result.no_consent, email=result.no_email, dup=result.duplicates))
    return 0


EXPORTERS: dict[str, Handler] = {"all": _export_all, "clients": clients_cli.export_clients,
                                 "calendar": _export_calendar, "mailing": _export_mailing}
IMPORTERS: dict[str, Handler] = {"all": _import_all, "clients": clients_cli.import_clients,
                                 "calendar": _import_calendar}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help=translate("Cli", "выгрузить данные в файл"))
    add_db_option(p, on_subcommand=True)
    p.add_argument("what", choices=sorted(EXPORTERS))
    p.add_argument("file", type=Path)
    p.add_argument("--search", default="", help=translate("Cli", "только найденные записи"))
    p.add_argument("--from", dest="from_date", default=None, metavar=translate("Cli", "ДАТА"),
                   help=translate("Cli", "календарь: дела с этого дня ГГГГ-ММ-ДД "
                                         "(по умолчанию с сегодняшнего)"))
    p.add_argument("--to", dest="to_date", default=None, metavar=translate("Cli", "ДАТА"),
                   help=translate("Cli", "календарь: дела по этот день включительно"))
    p.add_argument("--segment", default="", metavar=translate("Cli", "СЕГМЕНТ"),
                   help=translate("Cli", "рассылка: контакты клиентов этого сегмента "
                                         "(по умолчанию всех)"))
    p.set_defaults(handler=lambda a: EXPORTERS[a.what](a))

    p = sub.add_parser("import", help=translate("Cli", "загрузить данные из файла"))
    add_db_option(p, on_subcommand=True)
    p.add_argument("what", choices=sorted(IMPORTERS))
    p.add_argument("file", type=Path)
    p.add_argument("--skip-invalid", action="store_true",
                   help=translate("Cli", "загрузить верные строки, об остальных сообщить"))
    p.add_argument("--update-duplicates", action="store_true",
                   help=translate("Cli", "обновлять клиентов с тем же ИНН вместо пропуска"))
    # the values are checked by the import itself (NEAR_DUPLICATE_CHOICES): naming them here
    # would import the clients area, and its models, for every command
    p.add_argument("--near-duplicates", default="skip", metavar="skip|update|import",
                   help=translate("Cli", "строки, похожие на клиентов базы или на строку "
                                         "выше в том же файле (то же название, телефон или "
                                         "e-mail, но не ИНН): skip — пропустить и "
                                         "перечислить, update — обновить найденного, "
                                         "import — загрузить как новых"))
    p.set_defaults(handler=lambda a: IMPORTERS[a.what](a))
