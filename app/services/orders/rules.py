"""The checks of orders, lines and shipments, pure: each gives field → message.

A value with more decimals than is stored (money 2, quantities 3, percentages 2) is refused,
never rounded. Field names are those the editor shows messages next to: "lines.0.quantity",
"prepayment_pct", "payment_due_on", …
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from app.domain.figures import MONEY_PLACES, PERCENT_PLACES, QUANTITY_PLACES, too_precise
from app.i18n import translate
from app.services.deals.editor import LineInput
from app.services.deals.editor import validate_line as deal_line_errors
from app.services.documents.totals import number
from app.services.orders.codes import LEFT_STATUSES
from app.services.orders.dtos import OrderDraft, OrderLineDraft, ShipmentDraft

MAX_DEFERRED_DAYS = 3650
# the columns' lengths (models/orders.py)
NAME_LENGTH = 300
UNIT_LENGTH = 20
CONTRACT_LENGTH = 50
CARRIER_LENGTH = 100
TRACKING_LENGTH = 100
DOCUMENT_LENGTH = 30


def is_number(value: object) -> bool:
    """A finite Decimal or int (a bool, a float, a string is not)."""
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        return False
    return Decimal(value).is_finite()


def quantity_error(value: object, *, allow_zero: bool = False) -> str | None:
    """Why `value` cannot be a quantity (> 0, at most 3 decimals), or None."""
    if not is_number(value):
        return translate("Orders", "Количество должно быть числом")
    assert isinstance(value, (Decimal, int))
    if value < 0 or (value == 0 and not allow_zero):
        return translate("Orders", "Количество должно быть больше нуля")
    if too_precise(value, QUANTITY_PLACES):
        return translate("Orders", "Количество — не больше трёх знаков после запятой")
    return None


def validate_line(line: OrderLineDraft) -> dict[str, str]:
    """One line's problems by its field name (without the "lines.N." prefix): the deal
    line's rules (`deals.validate_line`: signs, stored places, VAT; no concession zone after
    the sale) and the columns' lengths."""
    errors: dict[str, str] = {}
    for key, what in (("quantity", translate("Orders", "Количество должно быть числом")),
                      ("price", translate("Orders", "Цена должна быть числом")),
                      ("discount", translate("Orders", "Скидка должна быть числом"))):
        if not is_number(getattr(line, key)):
            errors[key] = what
    if not errors:
        errors = deal_line_errors(LineInput(
            name=line.name, quantity=Decimal(line.quantity), price=Decimal(line.price),
            discount=Decimal(line.discount), unit=line.unit, vat_kind=line.vat_kind), None)
    elif not line.name.strip():
        errors["name"] = translate("Orders", "Укажите наименование")
    if "name" not in errors and len(line.name.strip()) > NAME_LENGTH:
        errors["name"] = translate("Orders", "Наименование не длиннее {n} знаков").format(
            n=NAME_LENGTH)
    if len(line.unit.strip()) > UNIT_LENGTH:
        errors["unit"] = translate("Orders", "Единица измерения не длиннее {n} знаков").format(
            n=UNIT_LENGTH)
    return errors


def validate_lines(lines: Sequence[OrderLineDraft]) -> dict[str, str]:
    """Every line's problems as "lines.N.field" → "Строка N+1: …"."""
    errors: dict[str, str] = {}
    if not lines:
        errors["lines"] = translate("Orders", "В заказе должна быть хотя бы одна строка")
    for i, line in enumerate(lines):
        for key, message in validate_line(line).items():
            errors[f"lines.{i}.{key}"] = translate("Orders", "Строка {n}: {msg}").format(
                n=i + 1, msg=message)
    return errors


def due_date(ordered_on: date, deferred_days: int | None,
             payment_due_on: date | None) -> date | None:
    """The payment due date the terms give: the date set, else the deferral after the
    order date, else none."""
    if payment_due_on is not None:
        return payment_due_on
    if deferred_days is not None:
        return ordered_on + timedelta(days=deferred_days)
    return None


def validate_header(draft: OrderDraft) -> dict[str, str]:
    """The header's problems: dates, payment terms, the contract, lengths."""
    errors: dict[str, str] = {}
    ordered_on: object = draft.ordered_on  # a view may send None for an empty date field
    if not isinstance(ordered_on, date):
        errors["ordered_on"] = translate("Orders", "Укажите дату заказа")
        return errors
    if draft.ship_by is not None and draft.ship_by < draft.ordered_on:
        errors["ship_by"] = translate("Orders", "Дата отгрузки раньше даты заказа")
    if not is_number(draft.prepayment_pct):
        errors["prepayment_pct"] = translate("Orders", "Предоплата должна быть числом")
    elif not 0 <= draft.prepayment_pct <= 100:
        errors["prepayment_pct"] = translate("Orders", "Предоплата должна быть от 0 до 100 %")
    elif too_precise(draft.prepayment_pct, PERCENT_PLACES):
        errors["prepayment_pct"] = translate(
            "Orders", "Предоплата — не больше двух знаков после запятой")
    if draft.deferred_days is not None and (
            isinstance(draft.deferred_days, bool) or not isinstance(draft.deferred_days, int)
            or not 0 <= draft.deferred_days <= MAX_DEFERRED_DAYS):
        errors["deferred_days"] = translate(
            "Orders", "Отсрочка — целое число дней от 0 до {n}").format(n=MAX_DEFERRED_DAYS)
    if draft.payment_due_on is not None and draft.payment_due_on < draft.ordered_on:
        errors["payment_due_on"] = translate("Orders", "Срок оплаты раньше даты заказа")
    if len(draft.contract_number.strip()) > CONTRACT_LENGTH:
        errors["contract_number"] = translate(
            "Orders", "Номер договора не длиннее {n} знаков").format(n=CONTRACT_LENGTH)
    if draft.contract_date is not None and draft.contract_date > draft.ordered_on:
        errors["contract_date"] = translate("Orders", "Договор датирован позже заказа")
    if draft.amount is not None:
        if not is_number(draft.amount):
            errors["amount"] = translate("Orders", "Сумма должна быть числом")
        elif draft.amount < 0:
            errors["amount"] = translate("Orders", "Сумма не может быть отрицательной")
        elif too_precise(draft.amount, MONEY_PLACES):
            errors["amount"] = translate("Orders", "Сумма — с точностью до копейки")
    return errors


def validate_shipment(draft: ShipmentDraft, statuses: Sequence[str]) -> dict[str, str]:
    """A shipment's own problems (the quantities against the order are checked apart)."""
    errors: dict[str, str] = {}
    if draft.status not in statuses:
        errors["status"] = translate("Orders", "Неизвестный статус отгрузки")
    planned_on: object = draft.planned_on  # a view may send None for an empty date field
    if not isinstance(planned_on, date):
        errors["planned_on"] = translate("Orders", "Укажите плановую дату отгрузки")
    if not draft.lines:
        errors["lines"] = translate("Orders", "Выберите, что отгружается")
    for line_id, quantity in draft.lines.items():
        problem = quantity_error(quantity)
        if problem:
            errors[f"lines.{line_id}"] = problem
    if draft.status in LEFT_STATUSES and draft.shipped_on is None:
        errors["shipped_on"] = translate("Orders", "Укажите дату отгрузки")
    if draft.status == "delivered" and draft.delivered_on is None:
        errors["delivered_on"] = translate("Orders", "Укажите дату доставки")
    if draft.delivered_on is not None:
        if draft.shipped_on is None:
            errors.setdefault("shipped_on", translate(
                "Orders", "Доставка без даты отгрузки: укажите дату отгрузки"))
        elif draft.delivered_on < draft.shipped_on:
            errors["delivered_on"] = translate("Orders", "Доставка раньше отгрузки")
    if (isinstance(planned_on, date) and draft.planned_delivery_on is not None
            and draft.planned_delivery_on < planned_on):
        errors["planned_delivery_on"] = translate(
            "Orders", "Плановая доставка раньше плановой отгрузки")
    if draft.status == "problem" and not draft.problem_note.strip():
        errors["problem_note"] = translate("Orders", "Опишите проблему")
    for key, limit in (("carrier", CARRIER_LENGTH), ("tracking_number", TRACKING_LENGTH),
                       ("upd_number", DOCUMENT_LENGTH), ("waybill_number", DOCUMENT_LENGTH),
                       ("invoice_number", DOCUMENT_LENGTH)):
        if len(str(getattr(draft, key)).strip()) > limit:
            errors[key] = translate("Orders", "Не длиннее {n} знаков").format(n=limit)
    return errors


def has_left(status: str, shipped_on: date | None) -> bool:
    """Whether a shipment in `status` has left the warehouse (its stock is out): shipped,
    in transit or delivered, or a problem after it was shipped."""
    if status in LEFT_STATUSES:
        return True
    return status == "problem" and shipped_on is not None


def left_sql(shipment: str = "sh") -> str:
    """`has_left` in SQL over a shipments alias."""
    statuses = ", ".join(f"'{s}'" for s in LEFT_STATUSES)
    return (f"({shipment}.status IN ({statuses}) OR ({shipment}.status = 'problem'"
            f" AND {shipment}.shipped_on IS NOT NULL))")


def quantity_text(value: Decimal, unit: str) -> str:
    """`4 шт`, `2,5 кг`: a quantity without trailing zeros and its unit."""
    return f"{number(value)}\u00a0{unit}".strip()
