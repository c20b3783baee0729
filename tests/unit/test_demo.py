"""Demo data: deterministic for a seed, realistic, with valid Russian requisites."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.bootstrap import bootstrap
from app.domain.figures import line_total
from app.models import Client, Deal, DealLine, Stage
from app.services.demo import DemoSizes, generate_demo
from app.services.requisites import (
    correspondent_account_error,
    inn_error,
    ogrn_error,
    settlement_account_error,
)

TODAY = date(2026, 11, 16)


def _dump(tmp_path: Path, name: str, seed: int) -> dict:  # type: ignore[type-arg]
    svc = bootstrap(tmp_path / f"{name}.db")
    generate_demo(svc.uow_factory, DemoSizes(clients=25, deals=40), seed=seed, today=TODAY)
    svc.transfer.export_all(tmp_path / f"{name}.json")
    svc.close()
    data = json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))
    for rows in data["tables"].values():  # some bookkeeping instants are "now"
        for row in rows:
            for key in ("updated_at", "created_at"):
                row.pop(key, None)
    return data


def test_same_seed_same_data(tmp_path: Path) -> None:
    assert _dump(tmp_path, "a", 5) == _dump(tmp_path, "b", 5)
    assert _dump(tmp_path, "c", 6)["tables"]["clients"] != _dump(tmp_path, "d", 5)[
        "tables"]["clients"]


def test_requisites_are_valid(demo_services) -> None:  # type: ignore[no-untyped-def]
    with demo_services.uow_factory() as uow:
        clients = uow.session.scalars(select(Client)).all()
        for c in clients:
            kind = "organization" if c.kind == "organization" else "entrepreneur"
            assert inn_error(c.inn, kind=kind) is None, c.inn
            assert ogrn_error(c.ogrn, kind=kind) is None, c.ogrn
            assert settlement_account_error(c.settlement_account, c.bik) is None
            assert correspondent_account_error(c.corr_account, c.bik) is None


def test_deal_amounts_are_the_sum_of_their_lines(demo_services) -> None:  # type: ignore[no-untyped-def]
    with demo_services.uow_factory() as uow:
        s = uow.session
        stages = {st.id: st for st in s.scalars(select(Stage))}
        assert {st.name for st in stages.values()} >= {"Первичный контакт", "Выиграна"}
        for deal in s.scalars(select(Deal)).all()[:50]:
            lines = s.scalars(select(DealLine).where(DealLine.deal_id == deal.id)).all()
            assert deal.amount == sum(line_total(ln.quantity, ln.price, ln.discount)
                                      for ln in lines)
            if stages[deal.stage_id].is_won:
                assert deal.closed_on is not None
