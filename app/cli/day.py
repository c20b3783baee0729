"""`today`: the day's worklist in the terminal (the Today tab's sections, 80 columns wide)."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from typing import TYPE_CHECKING

from app.cli import EXIT_USAGE, add_db_option, open_services
from app.i18n import translate

if TYPE_CHECKING:
    from app.services.worklist import Worklist

WIDTH = 80
WHEN_WIDTH = 12  # "29.11 09:00 ", "17.05.2022 ": the column before each row's title
# the sections the command always shows first (empty ones say so), then every other one that
# has rows, in the worklist's order
FIRST = ("overdue", "today", "birthdays", "service_due")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("today", help=translate(
        "Cli", "список дел на день: просроченные, сегодняшние по времени, дни рождения, "
               "кому пора позвонить"))
    add_db_option(p, on_subcommand=True)
    p.add_argument("--date", default=None, metavar=translate("Cli", "ДАТА"),
                   help=translate("Cli", "день ГГГГ-ММ-ДД (по умолчанию сегодня)"))
    p.add_argument("--limit", type=int, default=20, metavar="N",
                   help=translate("Cli", "строк в разделе (по умолчанию 20)"))
    p.set_defaults(handler=_today)


def parse_day(text: str) -> date | None:
    """A date given on the command line (ГГГГ-ММ-ДД), or None when it is not one."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def _today(args: argparse.Namespace) -> int:
    day = date.today()
    if args.date is not None:
        parsed = parse_day(args.date)
        if parsed is None:
            print("salesdesk: " + translate("Cli", "дата в виде ГГГГ-ММ-ДД: {t}").format(
                t=args.date), file=sys.stderr)
            return EXIT_USAGE
        day = parsed
    if args.limit < 1:
        print("salesdesk: " + translate("Cli", "--limit: нужно число больше нуля"),
              file=sys.stderr)
        return EXIT_USAGE
    services = open_services(args, create=False)
    try:
        worklist = services.worklist.worklist(day, limit=args.limit)
    finally:
        services.close()
    for line in worklist_lines(worklist):
        print(line)
    return 0


def _fit(text: str, width: int = WIDTH) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def _when(value: datetime | date | None, day: date) -> str:
    """`09:00` today, `03.12 09:00` another day this year, `17.05.2022` another year."""
    from app.domain.dates import day_month, local_date, short_date

    if value is None:
        return ""
    on = local_date(value)
    if on.year != day.year:
        return short_date(on)
    if isinstance(value, datetime):
        clock = value.astimezone().strftime("%H:%M")
        return clock if on == day else f"{day_month(on)} {clock}"
    return day_month(on)


def _title_line(when: str, title: str, phone: str) -> str:
    """The row's first line: when, the title, and the phone at the right edge if it fits."""
    left = f"  {when:<{WHEN_WIDTH}}"
    if phone:
        room = WIDTH - len(left) - len(phone) - 2
        if room >= 20:
            return f"{left}{_fit(title, room):<{room}}  {phone}"
    return _fit(left + title)


def worklist_lines(worklist: Worklist) -> list[str]:
    """The worklist as text lines no wider than WIDTH: a heading per section with its count,
    two lines per row (when and title; the detail below), «… и ещё N» when capped."""
    from app.domain.dates import long_date
    from app.services.activities import activity_kind_label
    from app.services.worklist import SECTIONS, section_label

    lines = [translate("Cli", "Дела на {day}").format(day=long_date(worklist.today))]
    order = list(FIRST) + [s for s in SECTIONS if s not in FIRST and worklist.sections[s]]
    indent = " " * (2 + WHEN_WIDTH)
    for name in order:
        items, total = worklist.sections[name], worklist.totals[name]
        lines.append("")
        lines.append(_fit(f"{section_label(name)} ({total})"))
        if not items:
            lines.append("  " + translate("Cli", "нет"))
        for item in items:
            title = item.title
            if item.kind == "activity":
                title = f"{activity_kind_label(item.activity_kind)}: {title}"
            if item.kind == "birthday" and item.done:
                title += " ✓"
            lines.append(_title_line(_when(item.when, worklist.today), title, item.phone))
            if item.detail:
                lines.append(_fit(indent + item.detail))
            if item.related:
                names = ", ".join(n for _id, n in item.related)
                lines.append(_fit(indent + names))
        if total > len(items):
            lines.append("  " + translate("Cli", "… и ещё {n}").format(n=total - len(items)))
    return lines
