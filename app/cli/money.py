"""Money commands: `receivables` (aging by client) and `statement` (the акт сверки as PDF)."""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli import EXIT_USAGE, CliError, add_db_option, open_services
from app.i18n import translate

if TYPE_CHECKING:
    from app.services.receivables import Aging, AgingRow

NAME_WIDTH = 40  # the client column of the table; longer names end in "…"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("receivables", help=translate(
        "Cli", "дебиторская задолженность по клиентам и срокам просрочки"))
    add_db_option(p, on_subcommand=True)
    p.add_argument("--as-of", default=None, metavar=translate("Cli", "ДАТА"),
                   help=translate("Cli", "на день ГГГГ-ММ-ДД (по умолчанию сегодня)"))
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(handler=_receivables)

    p = sub.add_parser("statement", help=translate(
        "Cli", "акт сверки взаиморасчётов с клиентом за период (PDF)"))
    add_db_option(p, on_subcommand=True)
    p.add_argument("client_id", metavar="CLIENT_ID", help=translate("Cli", "номер клиента"))
    p.add_argument("--from", dest="start", required=True, metavar=translate("Cli", "ДАТА"),
                   help=translate("Cli", "начало периода ГГГГ-ММ-ДД"))
    p.add_argument("--to", dest="end", required=True, metavar=translate("Cli", "ДАТА"),
                   help=translate("Cli", "конец периода ГГГГ-ММ-ДД (включительно)"))
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    p.set_defaults(handler=_statement)


class _BadDate(Exception):
    """A date on the command line that is not ГГГГ-ММ-ДД (a usage error, exit 2)."""


def _day(text: str | None, default: date | None = None) -> date:
    from app.cli.day import parse_day

    if text is None and default is not None:
        return default
    day = parse_day(text or "")
    if day is None:
        raise _BadDate(translate("Cli", "дата в виде ГГГГ-ММ-ДД: {t}").format(t=text))
    return day


def _usage(message: str) -> int:
    print("salesdesk: " + message, file=sys.stderr)
    return EXIT_USAGE


def _receivables(args: argparse.Namespace) -> int:
    try:
        as_of = _day(args.as_of, date.today())
    except _BadDate as exc:
        return _usage(str(exc))
    services = open_services(args, create=False)
    try:
        aging = services.receivables.aging(as_of)
    finally:
        services.close()
    if args.format == "json":
        json.dump({"as_of": aging.as_of.isoformat(), "rows": [_json(r) for r in aging.rows],
                   "totals": _json(aging.totals)}, sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif args.format == "csv":
        _csv(aging)
    else:
        for line in aging_lines(aging):
            print(line)
    return 0


def _amounts(row: AgingRow) -> list[str]:
    from app.services.receivables import BUCKETS

    return [str(getattr(row, b)) for b in BUCKETS] + [str(row.total), str(row.credit)]


def _json(row: AgingRow) -> dict[str, object]:
    """Amounts as exact decimal strings ("1234.50"): JSON numbers are floats to most readers."""
    from app.services.receivables import BUCKETS

    keys = [*BUCKETS, "total", "credit"]
    return {"client_id": row.client_id, "client": row.client_name,
            **dict(zip(keys, _amounts(row), strict=True))}


def _csv(aging: Aging) -> None:
    """One row per client (no totals row: a reader sums), `;`-separated like `clients`."""
    from app.services.clients.exporter import neutralise
    from app.services.receivables import BUCKETS

    writer = csv.writer(sys.stdout, delimiter=";", lineterminator="\n")
    writer.writerow(["client_id", "client", *BUCKETS, "total", "credit"])
    for row in aging.rows:
        writer.writerow([row.client_id, neutralise(row.client_name), *_amounts(row)])


def aging_lines(aging: Aging) -> list[str]:
    """The aging as a text table: a client per line, then the totals row."""
    from app.domain.dates import short_date
    from app.domain.money import format_money
    from app.services.receivables import BUCKETS, bucket_labels

    labels = bucket_labels()
    lines = [translate("Cli", "Дебиторская задолженность на {d}").format(
        d=short_date(aging.as_of)), ""]
    if not aging.rows:
        return [*lines, translate("Cli", "Долгов и авансов нет")]
    headers = [translate("Cli", "Клиент"), *(labels[b] for b in BUCKETS),
               translate("Cli", "Итого"), translate("Cli", "Аванс")]

    def cells(row: AgingRow) -> list[str]:
        name = row.client_name
        if len(name) > NAME_WIDTH:
            name = name[:NAME_WIDTH - 1] + "…"
        return [name] + [format_money(getattr(row, b), currency=False) if getattr(row, b)
                         else "—" for b in (*BUCKETS, "total", "credit")]

    table = [cells(r) for r in aging.rows]
    totals = cells(aging.totals)
    widths = [max(len(h), *(len(row[i]) for row in [*table, totals]))
              for i, h in enumerate(headers)]

    def line(row: list[str]) -> str:
        first = row[0].ljust(widths[0])
        rest = (cell.rjust(w) for cell, w in zip(row[1:], widths[1:], strict=True))
        return "  ".join([first, *rest]).rstrip()

    rule = "-" * len(line(headers))
    return [*lines, line(headers), rule, *(line(r) for r in table), rule, line(totals)]


def _client_id(text: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise CliError(translate("Cli", "ожидался номер клиента, получено {t!r}")
                       .format(t=text)) from None
    if value <= 0:
        raise CliError(translate("Cli", "ожидался номер клиента, получено {t!r}").format(t=text))
    return value


def check_output(path: Path) -> Path:
    """Refuse an output file that cannot be written before any work is done."""
    path = path.expanduser()
    folder = path.parent
    if not folder.is_dir():
        raise CliError(translate("Cli", "{path}: папка не существует").format(path=folder))
    if path.is_dir():
        raise CliError(translate("Cli", "{path}: это папка, а не файл").format(path=path))
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise CliError(translate("Cli", "{path}: нет прав на запись").format(path=path))
    return path


def _statement(args: argparse.Namespace) -> int:
    from app.cli.documents import _write
    from app.domain.dates import short_date
    from app.domain.money import format_money

    try:
        start, end = _day(args.start), _day(args.end)
    except _BadDate as exc:
        return _usage(str(exc))
    client_id = _client_id(args.client_id)
    output = check_output(args.output)
    services = open_services(args, create=False)
    try:
        figures = services.receivables.statement(client_id, start, end)
        data = services.documents.statement_pdf(client_id, start, end)
    finally:
        services.close()
    print(translate("Cli", "Акт сверки: {name}, {a} — {b}, сальдо конечное {s}").format(
        name=figures.client_name, a=short_date(start), b=short_date(end),
        s=format_money(figures.closing, currency=False)))
    _write(output, data)
    return 0
