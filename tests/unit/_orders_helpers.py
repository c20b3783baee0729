"""Shared helpers of the orders tests: clients, products and won deals on a fresh base."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import func, select

from app.models import Client, Payment, Product, StockMovement
from app.services.deals import DealInput, LineInput

D = Decimal
CLOSED = date(2026, 11, 2)
NOW = datetime(2026, 11, 2, 15, tzinfo=UTC)


def client(services, name: str = "ООО «Ромашка»", *, postal: str = "г. Тверь, ул. Склада, 5",
           legal: str = "г. Москва, ул. Тверская, 1") -> int:
    with services.uow_factory() as uow:
        c = Client(name=name, postal_address=postal, legal_address=legal)
        uow.session.add(c)
        uow.flush()
        cid = c.id
        uow.commit()
    return cid


def product(services, sku: str, name: str, price: str, *, stock: str = "0",
            min_stock: str = "0", unit: str = "шт", archived: bool = False) -> int:
    """A product whose stock was set without the journal (as the catalog form sets it)."""
    with services.uow_factory() as uow:
        p = Product(sku=sku, name=name, price=D(price), unit=unit, stock=D(stock),
                    min_stock=D(min_stock), archived=archived)
        uow.session.add(p)
        uow.flush()
        pid = p.id
        uow.commit()
    return pid


def won_stage(services) -> int:
    return next(s.id for s in services.deals.stages() if s.is_won)


def deal(services, client_id: int, lines: tuple[LineInput, ...] = (), *,
         title: str = "Поставка мебели", manual: str | None = None) -> int:
    """An open deal with `lines` (or a manual amount)."""
    return services.deals.save_deal(
        DealInput(client_id=client_id, title=title, lines=lines,
                  manual_amount=None if manual is None else D(manual)), now=NOW).deal_id


def win(services, deal_id: int, final: str, closed_on: date = CLOSED) -> None:
    services.deals.move_deal(deal_id, won_stage(services), closed_on=closed_on,
                             final_amount=D(final), now=NOW)


def won_deal(services, client_id: int, lines: tuple[LineInput, ...] = (), *,
             final: str, title: str = "Поставка мебели", manual: str | None = None) -> int:
    deal_id = deal(services, client_id, lines, title=title, manual=manual)
    win(services, deal_id, final)
    return deal_id


def pay(services, order_id: int, client_id: int, amount: str, on: date) -> int:
    """A payment row written directly (the receivables service is another area's)."""
    with services.uow_factory() as uow:
        p = Payment(order_id=order_id, client_id=client_id, paid_on=on, amount=D(amount),
                    reference="п/п 1")
        uow.session.add(p)
        uow.flush()
        pid = p.id
        uow.commit()
    return pid


def stock_of(services, product_id: int) -> tuple[Decimal, Decimal]:
    """(products.stock, the sum of the product's journal entries)."""
    with services.uow_factory(read_only=True) as uow:
        stock = uow.session.scalar(select(Product.stock).where(Product.id == product_id))
        journal = uow.session.scalar(
            select(func.coalesce(func.sum(StockMovement.quantity), 0))
            .where(StockMovement.product_id == product_id))
    return stock, D(journal)
