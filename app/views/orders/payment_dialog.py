"""A payment against an order: amount, date and the платёжное поручение's number. What goes
beyond the order's outstanding amount becomes the client's credit (аванс), and the dialog
says so before it is stored."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from app.bootstrap import Services
from app.domain.money import format_money
from app.i18n import translate
from app.services.orders import OrderDetail
from app.services.receivables import PaymentDraft, PaymentResult
from app.views import style
from app.views.activities.editor import stored_or_shown
from app.views.deals.common import parse_decimal
from app.views.forms import FieldErrors, dialog_buttons, error_banner, form_layout
from app.views.orders.fields import date_edit, read_date
from app.views.style import named
from app.views.unsaved import EditorDialog


class PaymentDialog(EditorDialog):
    """Register money received from the order's client against the order.

    `stored` holds the PaymentResult once the dialog is accepted (how much went to the
    order, how much to credit).
    """

    def __init__(self, *, services: Services, order: OrderDetail, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._receivables = services.receivables
        self.order = order
        self.stored: PaymentResult | None = None
        self._outstanding = max(order.outstanding, Decimal(0))
        self.setWindowTitle(translate("Payment", "Оплата по заказу № {n}").format(
            n=order.number))
        self.setMinimumWidth(500)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 14, 16, 12)
        outer.addWidget(named(QLabel(self.windowTitle()), "sectionTitle"))
        summary = named(QLabel(translate(
            "Payment", "{client} · сумма заказа {amount}, оплачено {paid}, осталось {left}"
        ).format(client=order.client_name, amount=format_money(order.amount),
                 paid=format_money(order.paid), left=format_money(self._outstanding))),
            "cardNote")
        summary.setWordWrap(True)
        outer.addWidget(summary)
        self.banner = error_banner()
        outer.addWidget(self.banner)
        self.errors = FieldErrors(banner=self.banner)
        form = form_layout()
        self.amount_edit = QLineEdit(format_money(self._outstanding, currency=False)
                                     if self._outstanding > 0 else "")
        self.amount_edit.setPlaceholderText("0,00")
        self.amount_edit.textChanged.connect(lambda _t: self._show_split())
        self.paid_on_edit = date_edit(today or date.today())
        self.reference_edit = QLineEdit()
        self.reference_edit.setPlaceholderText(translate("Payment", "номер платёжного поручения"))
        self.errors.add_row(form, translate("Payment", "Сумма, ₽ *"), "amount",
                            self.amount_edit)
        self.errors.add_row(form, translate("Payment", "Дата оплаты *"), "paid_on",
                            self.paid_on_edit)
        self.errors.add_row(form, translate("Payment", "№ п/п"), "reference",
                            self.reference_edit)
        outer.addLayout(form)
        self.split_label = QLabel()
        self.split_label.setWordWrap(True)
        style.set_notice(self.split_label, "info")
        outer.addWidget(self.split_label)
        outer.addWidget(dialog_buttons(self, translate("Payment", "Записать оплату"),
                                       self._on_save_clicked))
        self._show_split()
        self.track_changes(values=self.values, save=self.save)
        if self.unsaved is not None:
            self.unsaved.mark_clean()
        self.amount_edit.setFocus()
        self.amount_edit.selectAll()

    def typed_amount(self) -> Decimal | None:
        try:
            return parse_decimal(self.amount_edit.text())
        except ValueError:
            return None

    def _show_split(self) -> None:
        """Say where the money goes: to the order, and the overpayment to the credit."""
        amount = self.typed_amount()
        if amount is None or amount <= 0:
            self.split_label.hide()
            return
        over = amount - self._outstanding
        if over > 0:
            self.split_label.setText(translate(
                "Payment", "В заказ зачтётся {to_order}; переплата {over} станет авансом "
                           "клиента и будет зачтена в его следующий заказ.").format(
                to_order=format_money(self._outstanding), over=format_money(over)))
        else:
            self.split_label.setText(translate(
                "Payment", "Вся сумма зачтётся в заказ; останется оплатить {left}.").format(
                left=format_money(-over)))
        self.split_label.show()

    def values(self) -> tuple[object, ...]:
        return (self.amount_edit.text(), self.paid_on_edit.date().toJulianDay(),
                self.reference_edit.text())

    def save(self) -> bool:
        amount = self.typed_amount()
        if amount is None:
            self.errors.show({"amount": translate(
                "Payment", "Сумма — это число, например 125 000,50")})
            return False
        paid_on = read_date(self.paid_on_edit)
        assert paid_on is not None  # a required field never shows «не указана»
        draft = PaymentDraft(client_id=self.order.client_id, amount=amount, paid_on=paid_on,
                             reference=self.reference_edit.text().strip(),
                             order_id=self.order.id)
        ok, self.stored = stored_or_shown(
            self.errors, lambda: self._receivables.register_payment(draft))
        if not ok:
            return False
        self.errors.clear()
        if self.unsaved is not None:
            self.unsaved.mark_clean()
        self.accept()
        return True

    def _on_save_clicked(self) -> None:
        self.save()
