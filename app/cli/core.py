"""Core commands: demo data, integrity check, backup/restore, screenshots."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli import CliError, add_db_option, lock_database, open_services, program_name, resolve_db
from app.i18n import translate


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help=translate("Cli", "заполнить базу демонстрационными данными"))
    add_db_option(p, on_subcommand=True)
    p.add_argument("--preset", choices=("small", "large"), default=None,
                   help=translate("Cli", "готовый размер для замеров: small — 3 000 клиентов "
                                         "и 10 000 сделок, large — 100 000 и 300 000 за 5 лет"))
    p.add_argument("--clients", type=_positive_int, default=None, metavar="N",
                   help=translate("Cli", "сколько клиентов (300)"))
    p.add_argument("--deals", type=_positive_int, default=None, metavar="N",
                   help=translate("Cli", "сколько сделок (600)"))
    p.add_argument("--seed", type=int, default=1, metavar="S",
                   help=translate("Cli", "зерно случайных чисел: одно зерно — одни данные"))
    p.set_defaults(handler=_demo)

    p = sub.add_parser("check", help=translate("Cli", "проверить целостность базы данных"))
    add_db_option(p, on_subcommand=True)
    p.set_defaults(handler=_check)

    p = sub.add_parser("backup", help=translate("Cli", "сделать резервную копию базы"))
    add_db_option(p, on_subcommand=True)
    p.add_argument("dest", nargs="?", type=Path,
                   help=translate("Cli", "файл или папка (по умолчанию — папка резервных копий)"))
    p.set_defaults(handler=_backup)

    p = sub.add_parser("restore", help=translate("Cli", "восстановить базу из резервной копии"))
    add_db_option(p, on_subcommand=True)
    p.add_argument("file", type=Path)
    p.set_defaults(handler=_restore)

    p = sub.add_parser("screenshots",
                       help=translate("Cli", "снимки окна и каждой вкладки в PNG"))
    add_db_option(p, on_subcommand=True)
    p.add_argument("dir", type=Path)
    p.add_argument("--width", type=_positive_int, default=1400)
    p.add_argument("--height", type=_positive_int, default=860)
    p.add_argument("--theme", choices=("light", "dark"), default="light",
                   help=translate("Cli", "оформление: светлое или тёмное"))
    p.set_defaults(handler=_screenshots)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("Cli", "нужно целое число, получено {t!r}").format(t=text)) from None
    if value < 0:
        raise argparse.ArgumentTypeError(translate("Cli", "число не может быть отрицательным"))
    return value


def _demo(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from app.services.demo import DEMO_PRESETS, DemoSizes, generate_demo

    sizes = DEMO_PRESETS[args.preset] if args.preset else DemoSizes()
    counts = {name: getattr(args, name) for name in ("clients", "deals")
              if getattr(args, name) is not None}  # given with a preset: that preset's shape
    services = open_services(args)
    try:
        summary = generate_demo(services.uow_factory, replace(sizes, **counts), seed=args.seed)
    finally:
        services.close()
    print(translate("Cli", "Готово: {summary}").format(summary=summary))
    return 0


def _check(args: argparse.Namespace) -> int:
    from app.db import DatabaseOpenError, check_integrity, create_db_engine, inspect_file

    path = resolve_db(args)
    if not path.exists():
        raise CliError(translate("Cli", "{path}: база данных не найдена").format(path=path))
    try:
        inspect_file(path)
    except DatabaseOpenError as exc:
        raise CliError(str(exc)) from exc
    engine = create_db_engine(path)
    try:
        report = check_integrity(engine)
    finally:
        engine.dispose()
    if report.ok:
        print(translate("Cli", "{path}: всё в порядке (схема {rev})").format(
            path=path, rev=report.revision))
        return 0
    print(translate("Cli", "{path}: найдены проблемы:").format(path=path), file=sys.stderr)
    for problem in report.problems:
        print(f"  - {problem}", file=sys.stderr)
    return 1


def _backup(args: argparse.Namespace) -> int:
    services = open_services(args, create=False)
    try:
        made = services.backup.create("manual", args.dest)
    finally:
        services.close()
    print(translate("Cli", "Резервная копия: {path}").format(path=made.path))
    return 0


def _restore(args: argparse.Namespace) -> int:
    from app.bootstrap import Services

    if not args.file.exists():
        raise CliError(translate("Cli", "{path}: файл не найден").format(path=args.file))
    path = resolve_db(args)
    lock = lock_database(path, program_name(args))  # refused while a window or command has the file
    services = Services(db_path=path, lock=lock)  # the current file may not open at all
    try:
        result = services.backup.restore(args.file)
    finally:
        services.close()
    print(translate("Cli", "База восстановлена из {src}").format(src=args.file))
    if result.safety:
        print(translate("Cli", "Прежняя база сохранена в {path}").format(
            path=result.safety.path))
    if result.moved_aside:
        print(translate("Cli", "Прежний файл (повреждённый или чужой) переименован в "
                               "{path}").format(path=result.moved_aside))
    return 0


def _screenshots(args: argparse.Namespace) -> int:
    import json
    import os

    from app.views.geometry import FRAME_ALLOWANCE

    # No window appears on screen: an offscreen screen with room for the window and its
    # frame (every window is fitted to its screen, and offscreen's default is 800×600).
    args.dir.mkdir(parents=True, exist_ok=True)
    screen = args.dir / ".offscreen.json"
    screen.write_text(json.dumps({"screens": [{
        "name": "Screenshots", "x": 0, "y": 0, "dpr": 1, "logicalDpiX": 96, "logicalDpiY": 96,
        "width": max(args.width + FRAME_ALLOWANCE.width(), 1920),
        "height": max(args.height + FRAME_ALLOWANCE.height(), 1080)}]}), encoding="utf-8")
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":  # a bare one too
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")  # offscreen's size-hint notes
    from app.gui import render_screenshots

    services = open_services(args)
    try:
        files = render_screenshots(services, args.dir, size=(args.width, args.height),
                                   theme=args.theme)
    finally:
        services.close()
        screen.unlink(missing_ok=True)
    for f in files:
        print(f)
    return 0
