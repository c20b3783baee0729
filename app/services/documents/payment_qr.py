"""The payment QR code of an invoice: ГОСТ Р 56042-2014, the "ST00012" text banks' apps scan.

    ST00012|Name=…|PersonalAcc=…|BankName=…|BIC=…|CorrespAcc=…|PayeeINN=…|KPP=…|Sum=…|Purpose=…

"ST0001" is the format, the last "2" says UTF-8; "|" separates the fields (so a value never
holds one). Name, PersonalAcc, BankName, BIC and CorrespAcc are required: without any of them
the invoice has no QR code, nor with a value longer than the standard's limit. Sum is in
kopecks. The code is drawn by reportlab's own QR widget
(error correction M, as the standard recommends).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from app.domain.dates import short_date
from app.i18n import translate
from app.services.documents.fonts import FAMILY
from app.services.documents.markup import clean_text
from app.services.documents.totals import DocumentTotals, money, rate_label

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing

    from app.services.documents.base import CompanyInfo

HEADER = "ST00012"
REQUIRED = ("Name", "PersonalAcc", "BankName", "BIC", "CorrespAcc")
# the standard's longest value of each field: a longer one is not a payment a bank takes,
# so the invoice then has no QR code (never a cut requisite)
MAX_LENGTH = {"Name": 160, "PersonalAcc": 20, "BankName": 45, "BIC": 9, "CorrespAcc": 20,
              "PayeeINN": 12, "KPP": 9, "Sum": 18, "Purpose": 210}


def _value(text: object) -> str:
    """One field's value: printable, on one line, without the separator."""
    return " ".join(clean_text(text).replace("|", " ").split())


def payment_purpose(number: str, issued: date, totals: DocumentTotals) -> str:
    """«Оплата по счёту № … от …», and the VAT the payment order must state."""
    vat = "; ".join(translate("Documents", "в т.ч. НДС {rate} — {sum} руб.").format(
        rate=rate_label(rate), sum=money(amount)) for rate, amount in totals.vat_by_rate)
    return "{basis}. {vat}".format(
        basis=translate("Documents", "Оплата по счёту № {n} от {d}").format(
            n=number, d=short_date(issued)),
        vat=vat or translate("Documents", "НДС не облагается"))


def payment_fields(seller: CompanyInfo, total: Decimal, purpose: str) -> dict[str, str] | None:
    """The fields of the payment text, in the standard's order; None when a required
    requisite of the seller is missing (no bank, account, BIC or correspondent account) or
    a value is longer than the standard allows (MAX_LENGTH)."""
    fields = {
        "Name": _value(seller.full_name or seller.name),
        "PersonalAcc": _value(seller.settlement_account),
        "BankName": _value(seller.bank_name),
        "BIC": _value(seller.bik),
        "CorrespAcc": _value(seller.corr_account),
        "PayeeINN": _value(seller.inn),
        "KPP": _value(seller.kpp),
        "Sum": str(int((total * 100).to_integral_value())),
        "Purpose": _value(purpose),
    }
    if not all(fields[name] for name in REQUIRED):
        return None
    if any(len(value) > MAX_LENGTH[name] for name, value in fields.items()):
        return None
    return {name: value for name, value in fields.items() if value}


def payment_text(fields: dict[str, str]) -> str:
    return "|".join([HEADER, *(f"{name}={value}" for name, value in fields.items())])


def qr_drawing(text: str, size: float) -> Drawing:
    """`text` as a QR code `size` points square (reportlab's widget, UTF-8, level M)."""
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing

    widget = QrCodeWidget(text, barLevel="M", barBorder=2)
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    # the renderer sets a font even for shapes: ours, so the PDF asks for no Helvetica
    drawing.__dict__["initialFontName"] = FAMILY
    return drawing
