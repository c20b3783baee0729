"""Form fields the order editor and its dialogs share: a date that may be left empty, and the
late-flag texts (a marker's tooltip) of orders and shipments."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

from app.i18n import translate
from app.views.forms import DateEdit, to_date, to_qdate

# the lowest date of an optional date field shows «не указана» (the deal editor's way)
NO_DATE = QDate(2000, 1, 1)


def date_edit(value: date | None = None, *, optional: bool = False,
              parent: QWidget | None = None) -> QDateEdit:
    """A date field in the project's form (dd.MM.yyyy, a calendar pop-up); an `optional`
    one starts at «не указана» when `value` is None."""
    edit = DateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    if optional:
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(translate("Orders", "не указана"))
    set_date(edit, value if value is not None or optional else date.today())
    return edit


def set_date(edit: QDateEdit, value: date | None) -> None:
    """Show `value` (None: «не указана» in an optional field)."""
    edit.setDate(NO_DATE if value is None else to_qdate(value))


def read_date(edit: QDateEdit) -> date | None:
    """The field's date; None for «не указана»."""
    value = edit.date()
    if edit.specialValueText() and value == edit.minimumDate():
        return None
    return to_date(value)


def late_texts(*, overdue: bool = False, late_shipment: bool = False,
               late_delivery: bool = False) -> list[str]:
    """What a late marker says, one line per flag (empty when nothing is late)."""
    texts = []
    if overdue:
        texts.append(translate("Orders", "Просрочена оплата: срок прошёл, деньги не пришли"))
    if late_shipment:
        texts.append(translate("Orders", "Опаздывает отгрузка: плановая дата прошла"))
    if late_delivery:
        texts.append(translate("Orders", "Опаздывает доставка: плановая дата прошла"))
    return texts
