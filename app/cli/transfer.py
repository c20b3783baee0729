"""`export` and `import`: whole-database JSON, and (from the clients area) client lists.

Each kind registers a handler in EXPORTERS / IMPORTERS; `what` picks one.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from app.cli import add_db_option, open_services
from app.cli import clients as clients_cli
from app.i18n import translate

Handler = Callable[[argparse.Namespace], int]


def _export_all(args: argparse.Namespace) -> int:
    services = open_services(args, create=False)
    try:
        summary = services.transfer.export_all(args.file)
    finally:
        services.close()
    print(translate("Cli", "Выгружено записей: {n} ({t} таблиц) → {path}").format(
        n=summary.rows, t=summary.tables, path=args.file))
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


EXPORTERS: dict[str, Handler] = {"all": _export_all, "clients": clients_cli.export_clients}
IMPORTERS: dict[str, Handler] = {"all": _import_all, "clients": clients_cli.import_clients}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help=translate("Cli", "выгрузить данные в файл"))
    add_db_option(p, on_subcommand=True)
    p.add_argument("what", choices=sorted(EXPORTERS))
    p.add_argument("file", type=Path)
    p.add_argument("--search", default="", help=translate("Cli", "только найденные записи"))
    p.set_defaults(handler=lambda a: EXPORTERS[a.what](a))

    p = sub.add_parser("import", help=translate("Cli", "загрузить данные из файла"))
    add_db_option(p, on_subcommand=True)
    p.add_argument("what", choices=sorted(IMPORTERS))
    p.add_argument("file", type=Path)
    p.add_argument("--skip-invalid", action="store_true",
                   help=translate("Cli", "загрузить верные строки, об остальных сообщить"))
    p.add_argument("--update-duplicates", action="store_true",
                   help=translate("Cli", "обновлять клиентов с тем же ИНН вместо пропуска"))
    p.set_defaults(handler=lambda a: IMPORTERS[a.what](a))
