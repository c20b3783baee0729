"""Pipeline commands: the board as text and moving a deal between stages, without a window."""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal

from app.cli import CliError, add_db_option, open_services
from app.domain.dates import month_year
from app.i18n import translate


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("pipeline", help=translate(
        "Cli", "воронка: сделки по этапам, суммы, взвешенные суммы, застрявшие"))
    add_db_option(p, on_subcommand=True)
    p.add_argument("--stalled", action="store_true",
                   help=translate("Cli", "показать застрявшие сделки"))
    p.set_defaults(handler=_pipeline)

    p = sub.add_parser("move-deal", help=translate("Cli", "перенести сделку в другой этап"))
    add_db_option(p, on_subcommand=True)
    p.add_argument("deal_id", type=int, metavar="DEAL_ID")
    p.add_argument("stage", metavar=translate("Cli", "ЭТАП"),
                   help=translate("Cli", "название этапа или его номер по порядку"))
    p.add_argument("--reason", default="",
                   help=translate("Cli", "причина проигрыша (price, competitor, …)"))
    p.add_argument("--competitor", default="")
    p.add_argument("--comment", default="")
    p.add_argument("--amount", default=None,
                   help=translate("Cli", "итоговая сумма выигранной сделки"))
    p.add_argument("--closed-on", default=None,
                   help=translate("Cli", "дата закрытия ГГГГ-ММ-ДД (по умолчанию сегодня)"))
    p.set_defaults(handler=_move)


def _pipeline(args: argparse.Namespace) -> int:
    from app.domain.money import format_money

    services = open_services(args, create=False)
    try:
        board = services.deals.board()
        forecast = services.deals.forecast()
    finally:
        services.close()
    for st in board.stages:
        s = board.summaries[st.id]
        stalled = sum(1 for c in board.column(st.id) if c.stalled)
        print(f"{st.name:<26} {s.count:>5}  {format_money(s.amount):>20}  "
              f"≈ {format_money(s.weighted):>18}  "
              + translate("Cli", "застряли: {n}").format(n=stalled))
        if args.stalled:
            for c in board.column(st.id):
                if c.stalled:
                    print(f"    #{c.id:<6} {c.client_name} — {c.title}: "
                          + translate("Cli", "{d} дн. (норма {n})").format(
                              d=c.days_in_stage, n=c.stall_limit))
    for m in (forecast.this_month, forecast.next_month):
        print(translate("Cli", "Прогноз {month}: {sum} (выиграно {won}, взвешенно {w})").format(
            month=month_year(m.month), sum=format_money(m.expected),
            won=format_money(m.won), w=format_money(m.weighted)))
    return 0


def _move(args: argparse.Namespace) -> int:
    from app.domain.money import parse_money

    services = open_services(args, create=False)
    try:
        stages = services.deals.stages()
        target = next((s for s in stages if s.name.casefold() == args.stage.casefold()), None)
        if target is None and args.stage.isdigit() and 1 <= int(args.stage) <= len(stages):
            target = stages[int(args.stage) - 1]
        if target is None:
            raise CliError(translate("Cli", "Нет этапа «{name}». Этапы: {all}").format(
                name=args.stage, all=", ".join(s.name for s in stages)))
        amount: Decimal | None = None
        if args.amount is not None:
            try:
                amount = parse_money(args.amount)
            except ValueError:
                raise CliError(translate("Cli", "Сумма — это число: {t}").format(
                    t=args.amount)) from None
        closed_on = None
        if target.is_won:
            try:
                closed_on = (date.fromisoformat(args.closed_on) if args.closed_on
                             else date.today())
            except ValueError:
                raise CliError(translate("Cli", "Дата в виде ГГГГ-ММ-ДД: {t}").format(
                    t=args.closed_on)) from None
            if amount is None:
                amount = services.deals.detail(args.deal_id).amount
        services.deals.move_deal(args.deal_id, target.id, lost_reason=args.reason,
                                 lost_comment=args.comment, competitor=args.competitor,
                                 closed_on=closed_on, final_amount=amount)
    finally:
        services.close()
    print(translate("Cli", "Сделка {id} → {stage}").format(id=args.deal_id, stage=target.name))
    return 0
