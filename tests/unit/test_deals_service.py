"""Deals service: amounts to the kopeck, weighted sums, days in stage, stalled detection,
moves with StageChange, closing rules, the concession zone and bad input."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text

from app.models import Client, Deal, StageChange
from app.services.catalog import ProductInput
from app.services.deals import BoardFilter, DealInput, LineInput, ObjectionInput, StageInput
from app.services.errors import ConflictError, ValidationError

D = Decimal


def _client(services, name: str = "ООО «Ромашка»", segment: str = "Крупные") -> int:
    with services.uow_factory() as uow:
        c = Client(name=name, segment=segment)
        uow.session.add(c)
        uow.flush()
        cid = c.id
        uow.commit()
    return cid


def _deal(services, client_id: int, title: str = "Поставка", amount: str = "1000",
          probability: int | None = None, at: datetime | None = None, **kw) -> int:
    return services.deals.save_deal(
        DealInput(client_id=client_id, title=title, manual_amount=D(amount),
                  probability=probability, **kw),
        now=at or datetime(2026, 11, 2, 9, tzinfo=UTC)).deal_id


def _open(services):
    return [s for s in services.deals.stages() if s.is_open]


def _won(services):
    return next(s for s in services.deals.stages() if s.is_won)


def _lost(services):
    return next(s for s in services.deals.stages() if s.is_lost)


def test_default_stages_are_created_on_first_use(services) -> None:
    names = [s.name for s in services.deals.stages()]
    assert names[0] == "Первичный контакт" and names[-2:] == ["Выиграна", "Проиграна"]


def test_amount_is_the_sum_of_lines_to_the_kopeck(services) -> None:
    cid = _client(services)
    lines = (
        LineInput(name="Скотч", quantity=D("3"), price=D("33.33"), discount=D("7.5")),
        LineInput(name="Плёнка", quantity=D("2.5"), price=D("640.01"), discount=D("0")),
        LineInput(name="Коробка", quantity=D("7"), price=D("85.55"), discount=D("3")),
    )
    # 99.99 × 0.925 = 92.49075 → 92.49; 1600.025 → 1600.03; 598.85 × 0.97 = 580.8845 → 580.88
    deal_id = services.deals.save_deal(
        DealInput(client_id=cid, title="Смешанная", lines=lines)).deal_id
    detail = services.deals.detail(deal_id)
    assert detail.amount == D("2273.40")
    assert [ln.total for ln in detail.lines] == [D("92.49"), D("1600.03"), D("580.88")]
    # The manual amount is ignored while there are lines, and used without them.
    services.deals.save_deal(DealInput(client_id=cid, title="Смешанная",
                                       manual_amount=D("1"), lines=lines), deal_id)
    assert services.deals.detail(deal_id).amount == D("2273.40")
    # a manual amount finer than a kopeck is refused, not rounded
    with pytest.raises(ValidationError) as err:
        services.deals.save_deal(DealInput(client_id=cid, title="Без строк",
                                           manual_amount=D("100.005")), deal_id)
    assert "копейки" in err.value.errors["amount"]
    services.deals.save_deal(DealInput(client_id=cid, title="Без строк",
                                       manual_amount=D("100.01")), deal_id)
    assert services.deals.detail(deal_id).amount == D("100.01")


def test_column_sums_and_weighted_sums(services) -> None:
    cid = _client(services)
    first = _open(services)[0]  # probability 10 %
    _deal(services, cid, amount="1000.00")
    _deal(services, cid, amount="333.33")
    _deal(services, cid, amount="0.05", probability=50)
    board = services.deals.board(today=date(2026, 11, 2))
    summary = board.summaries[first.id]
    assert summary.count == 3
    assert summary.amount == D("1333.38")
    # 1000×10 % + 333.33×10 % + 0.05×50 % = 100 + 33.333 + 0.025 = 133.358 → 133.36
    assert summary.weighted == D("133.36")
    assert [c.probability for c in board.column(first.id)].count(50) == 1


def test_days_in_stage_and_stalled_in_calendar_and_working_days(services) -> None:
    cid = _client(services)
    stages = _open(services)
    second = stages[1]  # stall limit 10 days in the default set
    services.deals.save_stages([
        StageInput(id=s.id, name=s.name, probability=s.probability,
                   stall_days=7 if s.id == second.id else s.stall_days,
                   is_won=s.is_won, is_lost=s.is_lost) for s in services.deals.stages()])
    deal_id = _deal(services, cid)
    services.deals.move_deal(deal_id, second.id, now=datetime(2026, 11, 13, 9, tzinfo=UTC))
    today = date(2026, 11, 23)  # Monday; 13 Nov was a Friday
    card = services.deals.card(deal_id, today=today)
    assert card.days_in_stage == 10 and card.stall_limit == 7 and card.stalled
    services.deals.set_stall_in_working_days(True)
    card = services.deals.card(deal_id, today=today)
    assert card.days_in_stage == 6 and not card.stalled  # 16–20 and 23 November
    assert services.deals.card(deal_id, today=date(2026, 11, 25)).stalled  # 8 working days
    stalled_board = services.deals.board(BoardFilter(stalled_only=True), today=today)
    assert all(not col for col in stalled_board.cards.values())
    assert stalled_board.summaries[second.id].count == 0


def test_working_days_skip_russian_holidays(services) -> None:
    cid = _client(services)
    deal_id = _deal(services, cid, at=datetime(2026, 12, 30, 9, tzinfo=UTC))
    services.deals.set_stall_in_working_days(True)
    card = services.deals.card(deal_id, today=date(2027, 1, 11))
    # 31 Dec 2026 and the New Year holidays up to 10 January are not working days.
    assert card.days_in_stage == 1


def test_move_records_stage_change_and_history(services) -> None:
    cid = _client(services)
    stages = _open(services)
    deal_id = _deal(services, cid, at=datetime(2026, 11, 2, 9, tzinfo=UTC))
    services.deals.move_deal(deal_id, stages[2].id, expected_from=stages[0].id,
                             now=datetime(2026, 11, 5, 9, tzinfo=UTC))
    with services.uow_factory() as uow:
        changes = list(uow.session.execute(
            select(StageChange.from_stage_id, StageChange.to_stage_id)
            .where(StageChange.deal_id == deal_id).order_by(StageChange.id)))
    assert changes == [(None, stages[0].id), (stages[0].id, stages[2].id)]
    history = services.deals.history(deal_id, now=datetime(2026, 11, 9, 9, tzinfo=UTC))
    assert [(h.stage_name, h.days) for h in history] == [(stages[0].name, 3),
                                                         (stages[2].name, 4)]
    # A stale board (the deal is no longer where the card was) is refused.
    with pytest.raises(ConflictError):
        services.deals.move_deal(deal_id, stages[3].id, expected_from=stages[0].id)


def test_lost_needs_a_reason_and_competitor(services) -> None:
    cid = _client(services)
    deal_id = _deal(services, cid)
    lost = _lost(services)
    with pytest.raises(ValidationError) as err:
        services.deals.move_deal(deal_id, lost.id)
    assert "lost_reason" in err.value.errors
    with pytest.raises(ValidationError) as err:
        services.deals.move_deal(deal_id, lost.id, lost_reason="competitor")
    assert "competitor" in err.value.errors
    with pytest.raises(ValidationError):
        services.deals.move_deal(deal_id, lost.id, lost_reason="other")  # needs a comment
    with pytest.raises(ValidationError):
        services.deals.move_deal(deal_id, lost.id, lost_reason="луна в козероге")
    services.deals.move_deal(deal_id, lost.id, lost_reason="competitor", competitor="ПакСервис")
    detail = services.deals.detail(deal_id)
    assert (detail.stage_id, detail.lost_reason, detail.competitor_name) == (
        lost.id, "competitor", "ПакСервис")
    assert detail.closed_on is not None
    # Closed deals leave the board unless the filter shows them.
    assert deal_id not in [c.id for col in services.deals.board().cards.values() for c in col]
    shown = services.deals.board(BoardFilter(show_closed=True))
    assert [c.id for c in shown.column(lost.id)] == [deal_id]


def test_configured_lost_reasons_are_used(services) -> None:
    services.deals.set_lost_reasons(["price", "Сменился директор", "price"])
    assert services.deals.lost_reasons() == ["price", "Сменился директор"]
    cid = _client(services)
    deal_id = _deal(services, cid)
    with pytest.raises(ValidationError):
        services.deals.move_deal(deal_id, _lost(services).id, lost_reason="no_budget")
    services.deals.move_deal(deal_id, _lost(services).id, lost_reason="Сменился директор")
    with pytest.raises(ValidationError):
        services.deals.set_lost_reasons([" "])


def test_won_needs_date_and_final_amount(services) -> None:
    cid = _client(services)
    deal_id = _deal(services, cid, amount="5000")
    won = _won(services)
    with pytest.raises(ValidationError) as err:
        services.deals.move_deal(deal_id, won.id)
    assert {"closed_on", "final_amount"} <= set(err.value.errors)
    with pytest.raises(ValidationError):
        services.deals.move_deal(deal_id, won.id, closed_on=date(2026, 11, 3),
                                 final_amount=D("-1"))
    services.deals.move_deal(deal_id, won.id, closed_on=date(2026, 11, 3),
                             final_amount=D("4999.995"),
                             now=datetime(2026, 11, 3, 12, tzinfo=UTC))
    detail = services.deals.detail(deal_id)
    assert (detail.closed_on, detail.amount) == (date(2026, 11, 3), D("5000.00"))
    forecast = services.deals.forecast(date(2026, 11, 20))
    assert forecast.this_month.won == D("5000.00")


def test_a_move_the_database_refuses_changes_nothing(services) -> None:
    cid = _client(services)
    deal_id = _deal(services, cid)
    stages = _open(services)
    with services.uow_factory() as uow:
        uow.session.execute(text(
            "CREATE TRIGGER no_moves BEFORE UPDATE OF stage_id ON deals "
            "BEGIN SELECT RAISE(ABORT, 'moves are frozen'); END"))
        uow.commit()
    with pytest.raises(ConflictError):
        services.deals.move_deal(deal_id, stages[1].id)
    assert services.deals.detail(deal_id).stage_id == stages[0].id
    with services.uow_factory() as uow:
        assert uow.session.scalar(select(func.count(StageChange.id))) == 1


def test_bad_input_is_refused_with_messages(services) -> None:
    cid = _client(services)
    bad = DealInput(client_id=None, title=" ", probability=120, lines=(
        LineInput(name="A", quantity=D("-1"), price=D("10")),
        LineInput(name="B", quantity=D("1"), price=D("-10")),
        LineInput(name="C", quantity=D("1"), price=D("10"), discount=D("100.01")),
    ), objections=(ObjectionInput(text=" "),))
    with pytest.raises(ValidationError) as err:
        services.deals.save_deal(bad)
    keys = set(err.value.errors)
    assert {"client", "title", "probability", "lines.0.quantity", "lines.1.price",
            "lines.2.discount", "objections.0.text"} <= keys
    with pytest.raises(ValidationError):
        services.deals.save_deal(DealInput(client_id=cid, title="x", manual_amount=D("-5")))
    with pytest.raises(ValidationError):  # a client that does not exist
        services.deals.save_deal(DealInput(client_id=9999, title="x"))
    with services.uow_factory() as uow:
        assert uow.session.scalar(select(func.count(Deal.id))) == 0


def test_a_line_beyond_what_the_rollups_hold_exactly_is_refused(services) -> None:
    """quantity × price above 9 billion rubles would overflow the rollup triggers' 64-bit
    arithmetic (tests/unit/test_figures.py): refused with a message on the quantity."""
    cid = _client(services)
    too_big = DealInput(client_id=cid, title="Крупная", lines=(
        LineInput(name="Турбина", quantity=D("3"), price=D("3000000000.01")),))
    with pytest.raises(ValidationError) as err:
        services.deals.save_deal(too_big)
    assert "9\u00a0000\u00a0000\u00a0000,00" in err.value.errors["lines.0.quantity"]
    at_limit = DealInput(client_id=cid, title="Крупная", lines=(
        LineInput(name="Турбина", quantity=D("3"), price=D("3000000000")),))
    deal_id = services.deals.save_deal(at_limit).deal_id
    assert services.deals.detail(deal_id).amount == D("9000000000.00")


def test_more_decimals_than_stored_are_refused_not_rounded(services) -> None:
    """0,3333 × 3 630,00 with 12,345 % off was stored as 0,333 and 12,35 %: the deal said
    1 209,85 and its КП 1 209,50 (issue 15, finding 3). Refused, each next to its field."""
    cid = _client(services)
    bad = DealInput(client_id=cid, title="Точная", lines=(
        LineInput(name="Кабель", quantity=D("0.3333"), price=D("3630"), discount=D("1")),
        LineInput(name="Лоток", quantity=D("1"), price=D("10.005")),
        LineInput(name="Монтаж", quantity=D("1"), price=D("100"), discount=D("12.345")),))
    with pytest.raises(ValidationError) as err:
        services.deals.save_deal(bad)
    assert set(err.value.errors) == {"lines.0.quantity", "lines.1.price", "lines.2.discount"}
    assert "трёх знаков" in err.value.errors["lines.0.quantity"]
    assert "копейки" in err.value.errors["lines.1.price"]
    assert "двух знаков" in err.value.errors["lines.2.discount"]
    with services.uow_factory() as uow:
        assert uow.session.scalar(select(func.count(Deal.id))) == 0
    # trailing zeros are not decimals: 0,3330 and 12,340 % are what is stored
    ok = DealInput(client_id=cid, title="Точная", lines=(
        LineInput(name="Кабель", quantity=D("0.3330"), price=D("3630.00"),
                  discount=D("12.340")),))
    deal_id = services.deals.save_deal(ok).deal_id
    # 0,333 × 3 630,00 = 1 208,79; less 12,34 % = 1 059,63 (by hand: 1208.79 × 0.8766)
    assert services.deals.detail(deal_id).amount == D("1059.63")


def test_past_expected_close_warns_but_saves(services) -> None:
    cid = _client(services)
    data = DealInput(client_id=cid, title="Старая", expected_close=date(2026, 1, 10))
    warnings = services.deals.warnings_for(data, is_new=True, today=date(2026, 11, 2))
    assert warnings and "10.01.2026" in warnings[0]
    result = services.deals.save_deal(data, today=date(2026, 11, 2))
    assert result.warnings == warnings
    assert services.deals.detail(result.deal_id).expected_close == date(2026, 1, 10)
    # Editing an existing deal does not nag.
    assert services.deals.warnings_for(data, is_new=False, today=date(2026, 11, 2)) == []


def test_concession_zone_needs_an_override_reason(services) -> None:
    cid = _client(services)
    pid = services.catalog.save(ProductInput(sku="W-1", name="Весы", price=D("1000"),
                                             floor_price=D("900")))
    pid2 = services.catalog.save(ProductInput(sku="T-1", name="Тележка", price=D("1000"),
                                              max_discount=D("5")))
    line = LineInput(name="Весы", quantity=D("1"), price=D("1000"), discount=D("10.01"),
                     product_id=pid)
    with pytest.raises(ValidationError) as err:
        services.deals.save_deal(DealInput(client_id=cid, title="x", lines=(line,)))
    assert "причину уступки" in err.value.errors["lines.0.discount"]
    # Exactly at the floor is allowed; max discount works as a floor too.
    ok = LineInput(name="Весы", quantity=D("1"), price=D("1000"), discount=D("10"),
                   product_id=pid)
    over = LineInput(name="Тележка", quantity=D("1"), price=D("1000"), discount=D("6"),
                     product_id=pid2)
    with pytest.raises(ValidationError) as err:
        services.deals.save_deal(DealInput(client_id=cid, title="x", lines=(ok, over)))
    assert set(err.value.errors) == {"lines.1.discount"}
    reasoned = LineInput(name="Весы", quantity=D("1"), price=D("1000"), discount=D("20"),
                         product_id=pid, floor_override_reason="Ключевой клиент, объём")
    deal_id = services.deals.save_deal(DealInput(client_id=cid, title="x",
                                                 lines=(reasoned,))).deal_id
    stored = services.deals.detail(deal_id).lines[0]
    assert stored.floor_override_reason == "Ключевой клиент, объём"
    assert stored.floor == D("900.00")


def test_objections_are_kept_in_sync(services) -> None:
    cid = _client(services)
    deal_id = services.deals.save_deal(DealInput(client_id=cid, title="x", objections=(
        ObjectionInput(text="Дорого", answer="Сервис включён"),
        ObjectionInput(text="Подумаем")))).deal_id
    items = services.deals.detail(deal_id).objections
    assert [o.text for o in items] == ["Дорого", "Подумаем"]
    services.deals.save_deal(DealInput(client_id=cid, title="x", objections=(
        ObjectionInput(id=items[0].id, text="Дорого", answer="Сервис включён",
                       resolved=True),)), deal_id)
    again = services.deals.detail(deal_id).objections
    assert len(again) == 1 and again[0].resolved and again[0].id == items[0].id
    sid = services.deals.save_standard_objection("Нет бюджета", "Рассрочка")
    with pytest.raises(ValidationError):
        services.deals.save_standard_objection("Нет бюджета", "ещё раз")
    assert [o.id for o in services.deals.standard_objections()] == [sid]


def test_stage_settings_reorder_rename_and_refuse_deleting_used(services) -> None:
    cid = _client(services)
    stages = services.deals.stages()
    deal_id = _deal(services, cid)
    reordered = [StageInput(id=s.id, name=s.name + "!" if i == 1 else s.name,
                            probability=s.probability, stall_days=s.stall_days,
                            is_won=s.is_won, is_lost=s.is_lost) for i, s in enumerate(stages)]
    reordered[0], reordered[1] = reordered[1], reordered[0]
    services.deals.save_stages(reordered)
    names = [s.name for s in services.deals.stages()]
    assert names[:2] == [stages[1].name + "!", stages[0].name]
    assert services.deals.detail(deal_id).stage_id == stages[0].id
    without_first = [s for s in reordered if s.id != stages[0].id]
    with pytest.raises(ConflictError):
        services.deals.save_stages(without_first)
    with pytest.raises(ValidationError):
        services.deals.save_stages([s for s in reordered if not s.is_won])
    with pytest.raises(ValidationError):
        services.deals.save_stages([*reordered, StageInput(name=" ", probability=101)])


def test_forecast_weights_this_and_next_month(services) -> None:
    cid = _client(services)
    _deal(services, cid, amount="1000", expected_close=date(2026, 11, 25))  # 10 %
    _deal(services, cid, amount="2000", expected_close=date(2026, 11, 1))  # overdue, 10 %
    _deal(services, cid, amount="3000", probability=50, expected_close=date(2026, 12, 5))
    _deal(services, cid, amount="4000", expected_close=date(2027, 2, 1))
    f = services.deals.forecast(date(2026, 11, 16))
    assert (f.this_month.deals, f.this_month.weighted, f.this_month.overdue_deals) == (
        2, D("300.00"), 1)
    assert (f.next_month.deals, f.next_month.weighted) == (1, D("1500.00"))
    assert f.pipeline_amount == D("10000")


def test_catalog_validation(services) -> None:
    with pytest.raises(ValidationError) as err:
        services.catalog.save(ProductInput(sku=" ", name="", price=D("-1"),
                                           max_discount=D("101"), stock=D("-1")))
    assert {"sku", "name", "price", "max_discount", "stock"} <= set(err.value.errors)
    with pytest.raises(ValidationError):
        services.catalog.save(ProductInput(sku="A", name="A", price=D("10"),
                                           floor_price=D("11")))
    pid = services.catalog.save(ProductInput(sku="A", name="Абажур", price=D("10")))
    with pytest.raises(ValidationError):
        services.catalog.save(ProductInput(sku="A", name="Другой", price=D("10")))
    assert [p.id for p in services.catalog.list_products("абажур")] == [pid]


def test_won_amount_survives_editing_the_deal(services) -> None:
    cid = _client(services)
    lines = (LineInput(name="Весы", quantity=D("2"), price=D("1000")),)
    deal_id = services.deals.save_deal(DealInput(client_id=cid, title="x",
                                                 lines=lines)).deal_id
    services.deals.move_deal(deal_id, _won(services).id, closed_on=date(2026, 11, 3),
                             final_amount=D("1900"), now=datetime(2026, 11, 3, tzinfo=UTC))
    services.deals.save_deal(DealInput(client_id=cid, title="x (подписано)", lines=lines),
                             deal_id)
    assert services.deals.detail(deal_id).amount == D("1900.00")
    services.deals.save_deal(DealInput(client_id=cid, title="x", lines=lines,
                                       manual_amount=D("1950.50")), deal_id)
    assert services.deals.detail(deal_id).amount == D("1950.50")


def _stage_state(services, deal_id: int):  # type: ignore[no-untyped-def]
    with services.uow_factory(read_only=True) as uow:
        d = uow.session.get(Deal, deal_id)
        changes = uow.session.scalar(select(func.count()).select_from(StageChange)
                                     .where(StageChange.deal_id == deal_id))
        return (d.stage_id, d.stage_entered_at, d.closed_on, d.amount, d.lost_reason,
                d.lost_comment, d.competitor_id, changes)


def test_undo_a_move_puts_the_deal_back_as_it_was(services) -> None:
    """Undo (issue 17): the move's stage change is gone and the deal's stage, entry time,
    closing date, amount and lost reason are what they were before it."""
    cid = _client(services)
    stages = _open(services)
    deal_id = _deal(services, cid, amount="1000", at=datetime(2026, 11, 2, 9, tzinfo=UTC))
    before = _stage_state(services, deal_id)
    won = services.deals.move_deal(deal_id, _won(services).id, closed_on=date(2026, 11, 5),
                                   final_amount=D("900"), now=datetime(2026, 11, 5, 9, tzinfo=UTC))
    assert won is not None
    after = _stage_state(services, deal_id)
    assert after[0] == _won(services).id and after[3] == D("900") and after[7] == before[7] + 1
    services.deals.undo_move(won)
    assert _stage_state(services, deal_id) == before
    assert services.deals.move_deal(deal_id, stages[0].id) is None  # there already
    # a lost deal comes back with its reason when the move out of «lost» is undone
    lost = services.deals.move_deal(deal_id, _lost(services).id, lost_reason="competitor",
                                    competitor="ООО «Соперник»")
    assert lost is not None
    lost_state = _stage_state(services, deal_id)
    reopened = services.deals.move_deal(deal_id, stages[1].id)
    assert reopened is not None and _stage_state(services, deal_id)[4] == ""
    services.deals.undo_move(reopened)
    assert _stage_state(services, deal_id) == lost_state
    # refused once the deal has moved on: nothing changes
    services.deals.move_deal(deal_id, stages[2].id)
    moved_on = _stage_state(services, deal_id)
    with pytest.raises(ConflictError):
        services.deals.undo_move(lost)
    assert _stage_state(services, deal_id) == moved_on
    from ._rollup_check import assert_rollups_in_sync

    with services.uow_factory(read_only=True) as uow:  # the triggers followed every undo
        assert_rollups_in_sync(uow.session)


def test_undo_of_a_win_is_refused_once_it_has_an_order(services) -> None:
    from app.models import Order

    cid = _client(services)
    deal_id = _deal(services, cid)
    won = services.deals.move_deal(deal_id, _won(services).id, closed_on=date(2026, 11, 5),
                                   final_amount=D("1000"))
    assert won is not None
    with services.uow_factory() as uow:
        uow.session.add(Order(number="З-2026-00001", client_id=cid, deal_id=deal_id,
                              ordered_on=date(2026, 11, 5), amount=D("1000")))
        uow.commit()
    state = _stage_state(services, deal_id)
    with pytest.raises(ConflictError) as err:
        services.deals.undo_move(won)
    assert "заказ" in str(err.value)
    assert _stage_state(services, deal_id) == state
