"""The `salesdesk` command: no subcommand opens the window; subcommands use the same services.

Each area's commands live in their own module listed in COMMAND_MODULES; a module has
`register(subparsers)` which adds parsers whose `handler(args) -> int` does the work.
Known errors print one line on stderr and exit non-zero; tracebacks are for bugs only.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__
from app.i18n import translate

if TYPE_CHECKING:  # the services are imported when a command runs (start-up time)
    from app.bootstrap import Services
    from app.db_lock import DatabaseLock

COMMAND_MODULES = [
    "app.cli.core",
    "app.cli.transfer",
    "app.cli.clients",
    "app.cli.documents",
    "app.cli.deals",
    "app.cli.day",
    "app.cli.money",
]
# The module that registers each command: a run builds its own command's parser only (a
# module's `register` may import the services, a quarter of a second before any work).
# tests/unit/test_cli_parser.py checks this against what the modules register.
COMMAND_OWNERS = {
    "demo": "app.cli.core", "check": "app.cli.core", "backup": "app.cli.core",
    "restore": "app.cli.core", "screenshots": "app.cli.core",
    "export": "app.cli.transfer", "import": "app.cli.transfer",
    "clients": "app.cli.clients",
    "offer": "app.cli.documents", "invoice": "app.cli.documents", "report": "app.cli.documents",
    "protocol": "app.cli.documents", "specification": "app.cli.documents",
    "pipeline": "app.cli.deals", "move-deal": "app.cli.deals",
    "today": "app.cli.day",
    "receivables": "app.cli.money", "statement": "app.cli.money",
}
_VALUE_OPTIONS = ("--db", "--lang")  # the top-level options that take a value
_HELP = ("-h", "--help")

# Commands that write to the database: they hold the writers' lock while they run, so a
# window (or another command) on the same file is named instead of racing it.
WRITING_COMMANDS = frozenset({"demo", "import", "move-deal", "invoice", "protocol",
                              "specification", "restore"})

EXIT_USAGE = 2
EXIT_FAILED = 1
EXIT_INTERNAL = 70


class CliError(Exception):
    """A known problem: printed as one line on stderr, exit code EXIT_FAILED."""


def add_db_option(parser: argparse.ArgumentParser, *, on_subcommand: bool) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        metavar=translate("Cli", "ФАЙЛ"),
        default=argparse.SUPPRESS if on_subcommand else None,
        help=translate("Cli", "файл базы данных (по умолчанию — в папке данных пользователя)"),
    )


def command_in(argv: Sequence[str]) -> str | None:
    """The subcommand `argv` names ("" for none: the window), or None when the whole parser
    is needed (top-level help, or a word that is not a command: argparse lists them)."""
    args = iter(argv)
    for arg in args:
        if arg in _HELP:
            return None
        if arg in _VALUE_OPTIONS:
            next(args, None)
        elif arg == "--":
            arg = next(args, "")
            return arg if arg in COMMAND_OWNERS else None
        elif not arg.startswith("-"):
            return arg if arg in COMMAND_OWNERS else None
    return ""


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with `command` ("" for none) only what that command needs."""
    parser = argparse.ArgumentParser(
        prog="salesdesk",
        description=translate("Cli", "SalesDesk — рабочий день менеджера по продажам. "
                                     "Без команды открывает окно программы."),
    )
    parser.add_argument("--version", action="version", version=f"SalesDesk {__version__}",
                        help=translate("Cli", "показать версию программы и выйти"))
    add_db_option(parser, on_subcommand=False)
    parser.add_argument("--lang", choices=["ru", "en"], default=None,
                        help=translate("Cli", "язык интерфейса (ru по умолчанию)"))
    parser.add_argument("--demo", action="store_true",
                        help=translate("Cli", "при первом запуске заполнить пустую базу "
                                              "демонстрационными данными"))
    sub = parser.add_subparsers(dest="command", metavar=translate("Cli", "КОМАНДА"))
    if command is None:
        modules = COMMAND_MODULES
    else:
        modules = [COMMAND_OWNERS[command]] if command else []
    for name in modules:
        module = importlib.import_module(name)
        module.register(sub)
    return parser


def resolve_db(args: argparse.Namespace) -> Path:
    from app.db import default_db_path

    path = args.db if getattr(args, "db", None) else default_db_path()
    return Path(path).expanduser().resolve()


def program_name(args: argparse.Namespace) -> str:
    return f"salesdesk {args.command}"


def open_services(args: argparse.Namespace, *, create: bool = True) -> Services:
    """Open the database named by --db and build the services (errors become CliError).

    A writing command (WRITING_COMMANDS) takes the writers' lock first and keeps it until
    `services.close()`.
    """
    from app.bootstrap import bootstrap
    from app.db_errors import DatabaseOpenError

    path = resolve_db(args)
    lock = None
    try:
        if args.command in WRITING_COMMANDS:
            lock = lock_database(path, program_name(args))
        return bootstrap(path, create=create, lock=lock, program=program_name(args))
    except DatabaseOpenError as exc:
        if lock is not None:
            lock.release()
        raise CliError(str(exc)) from exc


def lock_database(path: Path, program: str) -> DatabaseLock:
    from app.db_errors import storage_error
    from app.db_lock import DatabaseLock

    try:
        return DatabaseLock(path, program).acquire()
    except OSError as exc:
        raise storage_error(exc, path) or exc from exc


def _setup_language(lang: str | None) -> None:
    if lang and lang != "ru":
        from app.qt_i18n import install_language

        install_language(lang)


def window_problem() -> str | None:
    """Why the window cannot open on this machine, in one line, before Qt aborts on it."""
    from app.qt_platform import install_hint, missing_xcb_libraries, uses_xcb

    if not uses_xcb():
        return None
    missing = missing_xcb_libraries()
    if missing:
        return translate(
            "Startup", "окну не хватает системных библиотек Qt: {libs}. Установите их: "
                       "{command}").format(libs=", ".join(missing),
                                           command=install_hint(missing))
    if not os.environ.get("DISPLAY"):
        return translate(
            "Startup", "нет экрана для окна: переменная DISPLAY не задана (запуск по SSH или "
                       "без графического сеанса); команды без окна работают — salesdesk -h")
    return None


def main(argv: Sequence[str] | None = None) -> None:
    sys.exit(run(argv))


def run(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = None
    if "--lang" in argv:
        i = argv.index("--lang")
        if i + 1 < len(argv):
            lang = argv[i + 1]
    _setup_language(lang)
    from app.cli import argparse_ru

    argparse_ru.install()
    parser = build_parser(command_in(argv))
    args = parser.parse_args(argv)
    if args.command is None:
        problem = window_problem()
        if problem:
            print(f"salesdesk: {problem}", file=sys.stderr)
            return 1
        from app.gui import run_gui

        return run_gui(db_path=resolve_db(args), language=args.lang, demo=args.demo)
    from app.db_errors import DatabaseOpenError, storage_error
    from app.services.errors import ServiceError

    try:
        return int(args.handler(args) or 0)
    except (CliError, ServiceError, DatabaseOpenError) as exc:
        print(f"salesdesk: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:
        known = storage_error(exc, Path(exc.filename or "."))
        print(f"salesdesk: {known}" if known else
              f"salesdesk: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "),
              file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if os.environ.get("SALESDESK_DEBUG"):
            raise
        known = storage_error(exc, resolve_db(args))  # SQLite's refusal outside a service
        if known is not None:
            print(f"salesdesk: {known}", file=sys.stderr)
            return EXIT_FAILED
        print(translate("Cli", "salesdesk: внутренняя ошибка ({kind}: {exc}); "
                               "запустите с SALESDESK_DEBUG=1 для подробностей").format(
            kind=type(exc).__name__, exc=exc), file=sys.stderr)
        return EXIT_INTERNAL
