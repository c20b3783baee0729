"""The product catalog: prices, the concession zone (floor price / max discount), VAT, stock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, or_, select

from app.domain.figures import HUNDRED, MONEY_PLACES, PERCENT_PLACES, QUANTITY_PLACES, too_precise
from app.domain.money import round_money
from app.i18n import translate
from app.models import VAT_KINDS, DealLine, Product
from app.services.errors import NotFoundError, ValidationError
from app.services.uow import UowFactory


@dataclass(frozen=True)
class ProductRow:
    id: int
    sku: str
    name: str
    group_name: str
    unit: str
    price: Decimal
    floor_price: Decimal | None
    max_discount: Decimal | None
    vat_kind: str
    stock: Decimal
    min_stock: Decimal
    description: str
    archived: bool
    lead_time: str = ""  # «5 рабочих дней»: printed in the КП beside the line
    warranty: str = ""  # «12 месяцев»

    @property
    def effective_floor(self) -> Decimal | None:
        """The lowest unit price the manager may give without an override reason."""
        return effective_floor(self.price, self.floor_price, self.max_discount)


@dataclass(frozen=True)
class ProductInput:
    sku: str
    name: str
    price: Decimal
    group_name: str = ""
    unit: str = "шт"
    floor_price: Decimal | None = None
    max_discount: Decimal | None = None
    vat_kind: str = "standard"
    stock: Decimal = Decimal(0)
    min_stock: Decimal = Decimal(0)
    description: str = ""
    archived: bool = False
    lead_time: str = ""
    warranty: str = ""


PRODUCT_TEXT_LIMIT = 100  # characters of a lead time or a warranty
PRODUCT_IMAGE_SIDE = 400  # px: a photo as a КП prints it (about 3 cm), not the camera's


def effective_floor(price: Decimal, floor_price: Decimal | None,
                    max_discount: Decimal | None) -> Decimal | None:
    """The stricter (higher) of the floor price and the price less the maximum discount."""
    floors = []
    if floor_price is not None:
        floors.append(floor_price)
    if max_discount is not None:
        floors.append(round_money(price * (HUNDRED - max_discount) / HUNDRED))
    return max(floors) if floors else None


def _row(p: Product) -> ProductRow:
    return ProductRow(
        id=p.id, sku=p.sku, name=p.name, group_name=p.group_name, unit=p.unit, price=p.price,
        floor_price=p.floor_price, max_discount=p.max_discount, vat_kind=p.vat_kind,
        stock=p.stock, min_stock=p.min_stock, description=p.description, archived=p.archived,
        lead_time=p.lead_time, warranty=p.warranty,
    )


def validate_product(data: ProductInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not data.sku.strip():
        errors["sku"] = translate("Catalog", "Укажите артикул")
    if not data.name.strip():
        errors["name"] = translate("Catalog", "Укажите наименование")
    if not data.unit.strip():
        errors["unit"] = translate("Catalog", "Укажите единицу измерения")
    if data.price < 0:
        errors["price"] = translate("Catalog", "Цена не может быть отрицательной")
    if data.floor_price is not None:
        if data.floor_price < 0:
            errors["floor_price"] = translate("Catalog",
                                              "Минимальная цена не может быть отрицательной")
        elif data.price >= 0 and data.floor_price > data.price:
            errors["floor_price"] = translate("Catalog",
                                              "Минимальная цена выше цены по прайсу")
    if data.max_discount is not None and not (0 <= data.max_discount <= 100):
        errors["max_discount"] = translate("Catalog", "Скидка должна быть от 0 до 100 %")
    if data.vat_kind not in VAT_KINDS:
        errors["vat_kind"] = translate("Catalog", "Неизвестная ставка НДС")
    for key in ("lead_time", "warranty"):
        if len(getattr(data, key).strip()) > PRODUCT_TEXT_LIMIT:
            errors[key] = translate("Catalog", "Не длиннее {n} знаков").format(
                n=PRODUCT_TEXT_LIMIT)
    if data.stock < 0:
        errors["stock"] = translate("Catalog", "Остаток не может быть отрицательным")
    if data.min_stock < 0:
        errors["min_stock"] = translate("Catalog", "Неснижаемый остаток не может быть "
                                                   "отрицательным")
    # more decimals than stored are refused, not rounded (app/domain/figures.py)
    for key, places, message in (
            ("price", MONEY_PLACES, translate("Catalog", "Цена — с точностью до копейки")),
            ("floor_price", MONEY_PLACES,
             translate("Catalog", "Минимальная цена — с точностью до копейки")),
            ("max_discount", PERCENT_PLACES,
             translate("Catalog", "Скидка — не больше двух знаков после запятой")),
            ("stock", QUANTITY_PLACES,
             translate("Catalog", "Остаток — не больше трёх знаков после запятой")),
            ("min_stock", QUANTITY_PLACES,
             translate("Catalog", "Неснижаемый остаток — не больше трёх знаков после запятой"))):
        value = getattr(data, key)
        if key not in errors and value is not None and too_precise(value, places):
            errors[key] = message
    return errors


class CatalogService:
    def __init__(self, *, uow_factory: UowFactory) -> None:
        self._uow = uow_factory

    def list_products(self, text: str = "", *, include_archived: bool = False,
                      limit: int | None = None) -> list[ProductRow]:
        with self._uow(read_only=True) as uow:
            q = select(Product)
            if not include_archived:
                q = q.where(Product.archived.is_(False))
            needle = text.strip()
            if needle:
                like = f"%{needle}%"
                # SQLite's lower() ignores Cyrillic, so we also match the capitalised form.
                q = q.where(or_(Product.name.like(like), Product.sku.like(like),
                                Product.group_name.like(like),
                                Product.name.like(f"%{needle.capitalize()}%"),
                                Product.name.like(f"%{needle.lower()}%")))
            q = q.order_by(Product.group_name, Product.name)
            if limit:
                q = q.limit(limit)
            return [_row(p) for p in uow.session.scalars(q)]

    def get(self, product_id: int) -> ProductRow:
        with self._uow(read_only=True) as uow:
            p = uow.session.get(Product, product_id)
            if p is None:
                raise NotFoundError(translate("Catalog", "Товар не найден"))
            return _row(p)

    def groups(self) -> list[str]:
        with self._uow(read_only=True) as uow:
            return list(uow.session.scalars(
                select(Product.group_name).where(Product.group_name != "")
                .group_by(Product.group_name).order_by(Product.group_name)))

    def save(self, data: ProductInput, product_id: int | None = None) -> int:
        errors = validate_product(data)
        if errors:
            raise ValidationError(errors)
        with self._uow() as uow:
            s = uow.session
            clash = s.scalar(select(Product.id).where(Product.sku == data.sku.strip()))
            if clash is not None and clash != product_id:
                raise ValidationError.single(
                    "sku", translate("Catalog", "Артикул {sku} уже есть в каталоге")
                    .format(sku=data.sku.strip()))
            if product_id is None:
                p = Product()
                s.add(p)
            else:
                found = s.get(Product, product_id)
                if found is None:
                    raise NotFoundError(translate("Catalog", "Товар не найден"))
                p = found
            p.sku = data.sku.strip()
            p.name = data.name.strip()
            p.group_name = data.group_name.strip()
            p.unit = data.unit.strip()
            p.price = data.price
            p.floor_price = data.floor_price
            p.max_discount = data.max_discount
            p.vat_kind = data.vat_kind
            p.min_stock = data.min_stock
            p.description = data.description
            p.archived = data.archived
            p.lead_time = data.lead_time.strip()
            p.warranty = data.warranty.strip()
            if product_id is None:
                p.stock = Decimal(0)
            uow.flush()
            if data.stock != p.stock:
                # the stock changes through its journal (a count entered in the card is a
                # correction; a new product's, its opening balance)
                from app.services.orders.stock import move_stock

                move_stock(s, p, data.stock - p.stock,
                           "opening" if product_id is None else "correction", date.today(),
                           reason="" if product_id is None else translate(
                               "Catalog", "Остаток изменён в карточке товара"))
            new_id = p.id
            uow.commit()
            return new_id

    def image(self, product_id: int) -> bytes | None:
        """The product's photo (PNG), or None."""
        with self._uow(read_only=True) as uow:
            p = uow.session.get(Product, product_id)
            if p is None:
                raise NotFoundError(translate("Catalog", "Товар не найден"))
            return p.image

    def set_image(self, product_id: int, data: bytes | None) -> None:
        """Store a PNG or JPEG as the product's photo (as PNG, at most PRODUCT_IMAGE_SIDE px a
        side), or remove it with None; ValidationError("image") for anything else."""
        from app.services.company import normalize_image

        image = normalize_image(data, PRODUCT_IMAGE_SIDE)
        with self._uow() as uow:
            p = uow.session.get(Product, product_id)
            if p is None:
                raise NotFoundError(translate("Catalog", "Товар не найден"))
            p.image = image
            uow.commit()

    def delete(self, product_id: int) -> None:
        """Delete a product nobody used; one that is in deals is archived instead."""
        with self._uow() as uow:
            s = uow.session
            p = s.get(Product, product_id)
            if p is None:
                raise NotFoundError(translate("Catalog", "Товар не найден"))
            used = s.scalar(select(func.count(DealLine.id))
                            .where(DealLine.product_id == product_id))
            if used:
                p.archived = True
            else:
                s.delete(p)
            uow.commit()


# VAT_KINDS is re-exported: the catalog's views offer the kinds and may not import app.models.
__all__ = ["HUNDRED", "VAT_KINDS", "CatalogService", "ProductInput", "ProductRow",
           "effective_floor", "validate_product"]
