"""Hand-made data of the order view tests: a client, two products, a won deal and its order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.bootstrap import Services
from app.services.catalog import ProductInput
from app.services.clients import ClientDraft
from app.services.deals import DealInput, LineInput
from app.services.orders import OrderDetail

D = Decimal


@dataclass(frozen=True)
class Sale:
    client_id: int
    deal_id: int
    shelf_id: int  # the product with little stock
    board_id: int


def won_stage(services: Services) -> int:
    return next(s.id for s in services.deals.stages() if s.is_won)


def make_sale(services: Services, name: str = "ООО «Ромашка»", *, shelves: int = 10,
              won_on: date | None = None, final: Decimal | None = None,
              win: bool = True) -> Sale:
    """A client with a deal of three lines: 10 shelves × 12 500 (4 in stock), 40 boards ×
    1 800, one installation at 15 000 — 212 000 ₽ in all; won for `final` (the lines' sum
    by default) on `won_on`."""
    client_id = services.clients.create(ClientDraft(
        name=name, postal_address="г. Тверь, ул. Складская, 5")).id
    shelf = services.catalog.save(ProductInput(sku=f"S-{client_id}", name="Стеллаж 2000×1000",
                                               price=D("12500"), stock=D("4")))
    board = services.catalog.save(ProductInput(sku=f"B-{client_id}", name="Полка усиленная",
                                               price=D("1800"), stock=D("100")))
    deal_id = services.deals.save_deal(DealInput(
        client_id=client_id, title=f"Стеллажи для {name}", lines=(
            LineInput(name="Стеллаж 2000×1000", quantity=D(shelves), price=D("12500"),
                      product_id=shelf),
            LineInput(name="Полка усиленная", quantity=D(40), price=D("1800"),
                      product_id=board),
            LineInput(name="Монтаж", quantity=D(1), price=D("15000"))))).deal_id
    if win:
        amount = services.deals.detail(deal_id).amount
        services.deals.move_deal(deal_id, won_stage(services),
                                 closed_on=won_on or date.today(),
                                 final_amount=amount if final is None else final)
    return Sale(client_id, deal_id, shelf, board)


def make_order(services: Services, name: str = "ООО «Ромашка»", *,
               on: date | None = None) -> tuple[Sale, OrderDetail]:
    sale = make_sale(services, name, won_on=on)
    return sale, services.orders.create_from_deal(sale.deal_id, on=on)
