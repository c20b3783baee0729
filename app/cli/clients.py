"""Client commands: `clients` (list/search), and the `import clients` / `export clients` handlers.

The handlers are registered in app.cli.transfer's IMPORTERS / EXPORTERS.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import TYPE_CHECKING

from app.cli import CliError, add_db_option, open_services
from app.i18n import plural, translate

if TYPE_CHECKING:
    from app.services.clients import ClientQuery


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from app.services.clients import CLIENT_STATUSES

    p = sub.add_parser("clients", help=translate("Cli", "список клиентов (с поиском)"))
    add_db_option(p, on_subcommand=True)
    p.add_argument("--search", default="", help=translate(
        "Cli", "искать по названию, ИНН, телефону, e-mail, контактам и примечаниям"))
    p.add_argument("--status", choices=CLIENT_STATUSES)
    p.add_argument("--segment", default="")
    p.add_argument("--tag", default="")
    p.add_argument("--archived", action="store_true",
                   help=translate("Cli", "показать архив вместо рабочего списка"))
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.add_argument("--limit", type=int, default=0,
                   help=translate("Cli", "не больше N строк (0 — все)"))
    p.set_defaults(handler=_list_clients)


def _query(args: argparse.Namespace) -> ClientQuery:
    from app.services.clients import ClientQuery

    return ClientQuery(text=getattr(args, "search", "") or "",
                       status=getattr(args, "status", None) or "",
                       segment=getattr(args, "segment", "") or "",
                       tag=getattr(args, "tag", "") or "",
                       archived=bool(getattr(args, "archived", False)))


def _list_clients(args: argparse.Namespace) -> int:
    from app.services.clients import status_label
    from app.services.clients.exporter import export_phone, neutralise

    services = open_services(args, create=False)
    try:
        ids = services.clients.search_ids(_query(args))
        if args.limit and args.limit > 0:
            ids = ids[: args.limit]
        rows = services.clients.rows(ids)
    finally:
        services.close()
    columns = ["id", "name", "inn", "status", "segment", "region", "phone", "email", "tags",
               "revenue_year"]
    if args.format == "json":
        data = [{"id": r.id, "name": r.name, "inn": r.inn, "status": r.status,
                 "segment": r.segment, "region": r.region, "industry": r.industry,
                 "phone": r.phone, "email": r.email, "tags": list(r.tags),
                 "responsible": r.responsible,
                 "last_contact": r.last_contact.isoformat() if r.last_contact else None,
                 "next_activity": r.next_activity.isoformat() if r.next_activity else None,
                 "revenue_year": str(r.revenue_year)} for r in rows]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if args.format == "csv":
        # a CSV is opened in Excel: the file export's formula guard and phone form apply
        writer = csv.writer(sys.stdout, delimiter=";", lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow([neutralise(str(cell)) for cell in (
                r.id, r.name, r.inn, r.status, r.segment, r.region, export_phone(r.phone),
                r.email, ", ".join(r.tags), r.revenue_year)])
        return 0
    headers = [translate("Cli", "№"), translate("Cli", "Название"), translate("Cli", "ИНН"),
               translate("Cli", "Статус"), translate("Cli", "Сегмент"),
               translate("Cli", "Регион"), translate("Cli", "Телефон")]
    table = [[str(r.id), r.name, r.inn, status_label(r.status), r.segment, r.region, r.phone]
             for r in rows]
    widths = [min(max([len(h)] + [len(row[i]) for row in table]), 40)
              for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for row in table:
        print("  ".join(cell[:w].ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    print(translate("Cli", "Клиентов: {n}").format(n=len(rows)))
    return 0


def export_clients(args: argparse.Namespace) -> int:
    services = open_services(args, create=False)
    try:
        count = services.client_export.export(
            args.file, _query(args))
    finally:
        services.close()
    print(translate("Cli", "Выгружено клиентов: {n} → {path}").format(n=count, path=args.file))
    return 0


def import_clients(args: argparse.Namespace) -> int:
    if not args.file.exists():
        raise CliError(translate("Cli", "{path}: файл не найден").format(path=args.file))
    services = open_services(args)
    try:
        report = services.client_import.import_file(
            args.file, skip_invalid=args.skip_invalid,
            update_duplicates=args.update_duplicates,
            near_duplicates=getattr(args, "near_duplicates", "skip"))
    finally:
        services.close()
    print(translate("Cli", "Загружено: {i}, обновлено: {u}, пропущено: {s}, отклонено: {r}")
          .format(i=report.imported, u=report.updated, s=report.skipped, r=report.rejected))
    for p in report.skipped_rows:
        print(translate("Cli", "  строка {line}: {msg}").format(line=p.line, msg=p.message))
    if report.skipped > len(report.skipped_rows):
        print(plural(report.skipped - len(report.skipped_rows), translate(
            "Cli", "  … и ещё %n пропущенная строка|  … и ещё %n пропущенные строки"
                   "|  … и ещё %n пропущенных строк")))
    for p in report.problems:
        print(translate("Cli", "  строка {line}: {msg}").format(line=p.line, msg=p.message),
              file=sys.stderr)
    if report.rejected > len(report.problems):
        print(plural(report.rejected - len(report.problems), translate(
            "Cli", "  … и ещё %n строка с ошибками|  … и ещё %n строки с ошибками"
                   "|  … и ещё %n строк с ошибками")), file=sys.stderr)
    if report.rejected and not report.committed:
        print(translate("Cli", "Ничего не загружено: в файле есть ошибки. Исправьте их или "
                               "запустите с --skip-invalid, чтобы загрузить верные строки."),
              file=sys.stderr)
    return 0 if report.rejected == 0 else 1
