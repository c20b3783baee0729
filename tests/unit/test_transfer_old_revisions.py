"""A JSON backup written before a migration still imports: through the migrations, with their
data changes (tests/data/exports/README.md says how the files were made)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app.bootstrap import bootstrap
from app.migrations import HEAD_REVISION
from app.models import Order, OrderLine, Payment, Shipment, ShipmentLine, StockMovement
from app.services.errors import ServiceError
from app.services.transfer import read_export

EXPORTS = Path(__file__).resolve().parents[1] / "data" / "exports"
OLD = EXPORTS / "demo_0009.json"


def _file() -> dict:  # type: ignore[type-arg]
    return json.loads(OLD.read_text(encoding="utf-8"))


def test_the_fixture_is_an_older_revision() -> None:
    assert _file()["schema"] == "0009" != HEAD_REVISION


def test_a_0009_backup_imports_with_migration_0010s_changes(tmp_path: Path) -> None:
    old = _file()["tables"]
    services = bootstrap(tmp_path / "new.db")
    try:
        summary = services.transfer.import_all(OLD)
        with services.uow_factory(read_only=True) as uow:
            s = uow.session
            orders = {o.id: o.status for o in s.scalars(select(Order))}
            payments = sorted((p.id, p.client_id) for p in s.scalars(select(Payment)))
            lines = [(ln.id, ln.order_id, ln.position, ln.name, ln.quantity, ln.price)
                     for ln in s.scalars(select(OrderLine).order_by(OrderLine.id))]
            shipments = {x.id: x.status for x in s.scalars(select(Shipment))}
            shipped = sorted((sl.shipment_id, sl.order_line_id, sl.quantity)
                             for sl in s.scalars(select(ShipmentLine)))
            opening = {m.product_id: m.quantity for m in s.scalars(select(StockMovement))}
    finally:
        services.close()
    # every record of the file is there, plus what 0010 derives from them
    assert summary.rows >= sum(len(rows) for rows in old.values())
    statuses = {"delivered": "closed", "confirmed": "confirmed", "new": "new",
                "shipped": "shipped", "cancelled": "cancelled"}
    assert {o["id"]: statuses[o["status"]] for o in old["orders"]} == orders
    # a payment gets its order's client
    client_of = {o["id"]: o["client_id"] for o in old["orders"]}
    assert payments == sorted(
        (p["id"], client_of[p["order_id"]]) for p in old["payments"])
    # an order gets its deal's lines, in their order, with their figures
    deal_of = {o["id"]: o["deal_id"] for o in old["orders"]}
    expected_lines = sorted(
        ((order_id, ln["position"], ln["name"], Decimal(ln["quantity"]), Decimal(ln["price"]))
         for order_id, deal_id in deal_of.items()
         for ln in old["deal_lines"] if ln["deal_id"] == deal_id))
    assert sorted(ln[1:] for ln in lines) == expected_lines
    # shipments: planned → preparing; one that left carries its order's lines in full
    ship_status = {"planned": "preparing", "ready": "preparing", "delayed": "problem",
                   "shipped": "shipped", "delivered": "delivered"}
    assert {x["id"]: ship_status[x["status"]] for x in old["shipments"]} == shipments
    left = {x["id"]: x["order_id"] for x in old["shipments"]
            if x["status"] in ("shipped", "delivered")}
    assert shipped == sorted((sid, ln[0], ln[4]) for sid, order_id in left.items()
                             for ln in lines if ln[1] == order_id)
    # each product's stock is its opening journal entry
    assert opening == {p["id"]: Decimal(p["stock"]) for p in old["products"]
                       if Decimal(p["stock"]) != 0}


def test_an_unknown_revision_is_refused(tmp_path: Path) -> None:
    document = _file()
    document["schema"] = "0042x"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ServiceError, match="схемой «0042x», которой эта версия SalesDesk"):
        read_export(bad)


def test_a_field_the_old_revision_did_not_have_is_named(tmp_path: Path) -> None:
    """A 0009 file cannot carry a column 0010 added: the record is named, nothing is read."""
    document = _file()
    document["tables"]["payments"][0]["client_id"] = 1
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ServiceError, match=r"payments.*неизвестные поля: «client_id»"):
        read_export(bad)
