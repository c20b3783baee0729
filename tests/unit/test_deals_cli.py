"""`salesdesk pipeline` and `salesdesk move-deal`: the same services, one-line errors."""

from __future__ import annotations

from app.cli import run


def test_pipeline_prints_every_open_stage(demo_services, capsys) -> None:  # type: ignore[no-untyped-def]
    path = str(demo_services.db_path)
    demo_services.close()
    assert run(["pipeline", "--db", path, "--stalled"]) == 0
    out = capsys.readouterr().out
    assert "Первичный контакт" in out and "Оплата" in out and "Прогноз" in out


def test_move_deal_refuses_bad_input_in_one_line(demo_services, capsys) -> None:  # type: ignore[no-untyped-def]
    card = demo_services.deals.board().cards
    deal_id = next(c.id for col in card.values() for c in col)
    path = str(demo_services.db_path)
    assert run(["move-deal", "--db", path, str(deal_id), "Проиграна"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "причину" in err
    assert run(["move-deal", "--db", path, str(deal_id), "Нет такого"]) == 1
    assert run(["move-deal", "--db", path, str(deal_id), "Выиграна", "--amount", "abc"]) == 1
    assert run(["move-deal", "--db", path, str(deal_id), "Проиграна", "--reason", "price"]) == 0
    assert demo_services.deals.detail(deal_id).lost_reason == "price"
