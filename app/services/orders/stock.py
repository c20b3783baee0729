"""The stock journal: every change of a product's stock is a movement, written with
`products.stock` in the same transaction; receipts, corrections with a reason, low stock.

`products.stock` is kept equal to the sum of the product's movements. A stock set without
the journal (the catalog's product form, the demo data, a base from before migration 0010)
is taken into the journal before the next movement: as the `opening` balance when the
product has no movement yet, else as a `correction` for the difference.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.domain.figures import QUANTITY_PLACES, too_precise
from app.i18n import translate
from app.models import Order, Product, Shipment, StockMovement
from app.services.errors import NotFoundError, ValidationError
from app.services.orders.codes import stock_kind_label
from app.services.orders.dtos import LowStockRow, StockMovementRow
from app.services.orders.rules import is_number, quantity_error, quantity_text
from app.services.uow import UowFactory

REASON_LENGTH = 500


def journal_sum(s: Session, product_id: int) -> Decimal:
    """The sum of a product's movements (its stock as the journal has it)."""
    total = s.scalar(select(func.coalesce(func.sum(StockMovement.quantity), 0))
                     .where(StockMovement.product_id == product_id))
    return Decimal(total or 0)


def move_stock(s: Session, product: Product, quantity: Decimal, kind: str, on: date, *,
               shipment_id: int | None = None, reason: str = "") -> Decimal:
    """Write one movement and the product's new stock (inside the caller's transaction);
    the new stock. A stock set outside the journal is journalled first (module docstring)."""
    recorded = journal_sum(s, product.id)
    if recorded != product.stock:
        has_any = s.scalar(select(StockMovement.id)
                           .where(StockMovement.product_id == product.id).limit(1))
        s.add(StockMovement(
            product_id=product.id, moved_on=on, quantity=product.stock - recorded,
            kind="correction" if has_any is not None else "opening",
            reason=translate("Orders", "Остаток, изменённый вне журнала") if has_any else ""))
    s.add(StockMovement(product_id=product.id, moved_on=on, quantity=quantity, kind=kind,
                        shipment_id=shipment_id, reason=reason))
    product.stock = product.stock + quantity
    s.flush()
    return product.stock


class StockJournal:
    """Receipts, corrections, the journal of a product and the low-stock list."""

    _uow: UowFactory

    def stock_journal(self, product_id: int) -> tuple[StockMovementRow, ...]:
        """A product's movements, newest first, each with the stock after it."""
        with self._uow(read_only=True) as uow:
            s = uow.session
            if s.get(Product, product_id) is None:
                raise NotFoundError(translate("Orders", "Товар не найден"))
            rows = s.execute(
                select(StockMovement, Order.number)
                .outerjoin(Shipment, Shipment.id == StockMovement.shipment_id)
                .outerjoin(Order, Order.id == Shipment.order_id)
                .where(StockMovement.product_id == product_id)
                .order_by(StockMovement.moved_on, StockMovement.id)).all()
            balance = Decimal("0")
            out: list[StockMovementRow] = []
            for movement, number in rows:
                balance += movement.quantity
                out.append(StockMovementRow(
                    id=movement.id, moved_on=movement.moved_on, quantity=movement.quantity,
                    kind=movement.kind, kind_label=stock_kind_label(movement.kind),
                    shipment_id=movement.shipment_id, order_number=number or "",
                    reason=movement.reason, balance=balance))
        return tuple(reversed(out))

    def correct_stock(self, product_id: int, delta: Decimal, reason: str, *,
                      on: date | None = None) -> Decimal:
        """A manual correction (a count, a write-off) by `delta`, with its reason; the new
        stock. A stock below zero is refused."""
        errors: dict[str, str] = {}
        if not is_number(delta):
            errors["delta"] = translate("Orders", "Количество должно быть числом")
        elif delta == 0:
            errors["delta"] = translate("Orders", "Укажите, на сколько изменить остаток")
        elif too_precise(delta, QUANTITY_PLACES):
            errors["delta"] = translate(
                "Orders", "Количество — не больше трёх знаков после запятой")
        reason = (reason or "").strip()
        if not reason:
            errors["reason"] = translate("Orders", "Укажите причину корректировки")
        elif len(reason) > REASON_LENGTH:
            errors["reason"] = translate("Orders", "Причина не длиннее {n} знаков").format(
                n=REASON_LENGTH)
        if errors:
            raise ValidationError(errors)
        return self._move(product_id, Decimal(delta), "correction", on or date.today(), reason)

    def receive_stock(self, product_id: int, quantity: Decimal, *, on: date | None = None,
                      reason: str = "") -> Decimal:
        """Goods received (`quantity` > 0); the new stock."""
        problem = quantity_error(quantity)
        if problem:
            raise ValidationError.single("quantity", problem)
        reason = (reason or "").strip()
        if len(reason) > REASON_LENGTH:
            raise ValidationError.single("reason", translate(
                "Orders", "Комментарий не длиннее {n} знаков").format(n=REASON_LENGTH))
        return self._move(product_id, Decimal(quantity), "receipt", on or date.today(), reason)

    def _move(self, product_id: int, quantity: Decimal, kind: str, on: date,
              reason: str) -> Decimal:
        with self._uow() as uow:
            s = uow.session
            product = s.get(Product, product_id)
            if product is None:
                raise NotFoundError(translate("Orders", "Товар не найден"))
            if product.stock + quantity < 0:
                raise ValidationError.single("delta", translate(
                    "Orders", "Остаток не может стать отрицательным: на складе {n}").format(
                    n=quantity_text(product.stock, product.unit)))
            stock = move_stock(s, product, quantity, kind, on, reason=reason)
            uow.commit()
        return stock

    def low_stock(self) -> tuple[LowStockRow, ...]:
        """Products (not archived) at or below their low-stock threshold, and any whose
        stock went below zero; the largest shortage first."""
        with self._uow(read_only=True) as uow:
            products = uow.session.scalars(
                select(Product).where(
                    Product.archived.is_(False),
                    or_((Product.min_stock > 0) & (Product.stock <= Product.min_stock),
                        Product.stock < 0))).all()
            rows = [LowStockRow(product_id=p.id, sku=p.sku, name=p.name, unit=p.unit,
                                stock=p.stock, min_stock=p.min_stock) for p in products]
        rows.sort(key=lambda r: (r.stock - r.min_stock, r.name, r.product_id))
        return tuple(rows)

