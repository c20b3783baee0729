"""Questions asked when a deal is closed (won / lost).

Reached through `app.views.dialogs` so tests can replace them. The competitor a deal is lost
to is picked from the register (completion by any part of the name); a name the register
does not have is added to it only after the user says so (the deal service then creates it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.money import format_money
from app.i18n import translate
from app.services.deals import lost_reason_label
from app.services.market.competitors import match_key
from app.views import dialogs
from app.views.deals.common import parse_decimal
from app.views.forms import FieldErrors, dialog_buttons, form_layout, line_edit, to_date, to_qdate
from app.views.geometry import FittedDialog


@dataclass(frozen=True)
class LostAnswer:
    reason: str
    comment: str = ""
    competitor: str = ""
    new_competitor: bool = False  # the user agreed to add `competitor` to the register


@dataclass(frozen=True)
class WonAnswer:
    closed_on: date
    amount: Decimal
    follow_up: bool = False  # plan the call after the sale (ActivitiesService.follow_up_draft)
    create_order: bool = False  # make the order from the deal (OrdersService.create_from_deal)


class LostReasonDialog(FittedDialog):
    def __init__(self, parent: QWidget | None, deal_title: str, reasons: list[str],
                 competitors: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Deals", "Сделка проиграна"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("Deals", "Почему проиграна сделка «{title}»?")
                                .format(title=deal_title), wordWrap=True))
        form = form_layout()
        self.reason = QComboBox()
        for key in reasons:
            self.reason.addItem(lost_reason_label(key), key)
        self._competitors = list(competitors)
        self._new_competitor = False
        self.competitor = QComboBox()
        self.competitor.setEditable(True)
        self.competitor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.competitor.addItems(self._competitors)
        completer = QCompleter(self._competitors, self.competitor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.competitor.setCompleter(completer)
        self.competitor.setCurrentText("")
        line_edit(self.competitor).setPlaceholderText(translate(
            "Deals", "Выберите из реестра или введите название"))
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText(translate("Deals", "Что решило дело — пригодится потом"))
        self.comment.setFixedHeight(70)
        # The keys are the service's (DealsService.move_deal), so its messages land here too.
        self.errors = FieldErrors()
        self.errors.add_row(form, translate("Deals", "Причина"), "lost_reason", self.reason)
        self._competitor_label = QLabel(translate("Deals", "Конкурент"))
        self._competitor_box = self.errors.wrap("competitor", self.competitor)
        form.addRow(self._competitor_label, self._competitor_box)
        self.errors.add_row(form, translate("Deals", "Комментарий"), "lost_comment",
                            self.comment)
        layout.addLayout(form)
        layout.addWidget(
            dialog_buttons(self, translate("Deals", "Закрыть как проигранную"), self._on_accept))
        self.reason.currentIndexChanged.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        is_comp = self.reason.currentData() == "competitor"
        self._competitor_box.setVisible(is_comp)
        self._competitor_label.setVisible(is_comp)

    def registered_name(self, typed: str) -> str | None:
        """The register's spelling of a typed name (case, ё and spaces aside), or None."""
        key = match_key(typed)
        return next((n for n in self._competitors if match_key(n) == key), None)

    def answer(self) -> LostAnswer:
        reason = str(self.reason.currentData() or "")
        typed = " ".join(self.competitor.currentText().split())
        name = (self.registered_name(typed) or typed) if reason == "competitor" else ""
        return LostAnswer(reason=reason, comment=self.comment.toPlainText().strip(),
                          competitor=name,
                          new_competitor=bool(name) and self.registered_name(name) is None)

    def _on_accept(self) -> None:
        a = self.answer()
        errors: dict[str, str] = {}
        if a.reason == "competitor" and not a.competitor:
            errors["competitor"] = translate("Deals", "Укажите конкурента")
        if a.reason == "other" and not a.comment:
            errors["lost_comment"] = translate("Deals", "Опишите причину в комментарии")
        if errors:
            self.errors.show(errors)
            return
        if a.new_competitor and not dialogs.confirm(
                self, translate("Deals", "Новый конкурент"),
                translate("Deals", "Конкурента «{name}» нет в реестре. Добавить его в реестр "
                                   "конкурентов?").format(name=a.competitor)):
            self.competitor.setFocus()  # the user corrects the name or picks one
            return
        self.competitor.setCurrentText(a.competitor)  # the register's spelling
        self.accept()


class WonDialog(FittedDialog):
    def __init__(self, parent: QWidget | None, deal_title: str, amount: Decimal,
                 today: date) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Deals", "Сделка выиграна"))
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("Deals", "Поздравляем! Уточните итог сделки «{title}».")
                                .format(title=deal_title), wordWrap=True))
        form = form_layout()
        self.closed_on = QDateEdit(to_qdate(today))
        self.closed_on.setCalendarPopup(True)
        self.closed_on.setDisplayFormat("dd.MM.yyyy")
        self.amount = QLineEdit(format_money(amount, currency=False))
        self.errors = FieldErrors()
        self.errors.add_row(form, translate("Deals", "Дата закрытия"), "closed_on",
                            self.closed_on)
        self.errors.add_row(form, translate("Deals", "Итоговая сумма, ₽"), "final_amount",
                            self.amount)
        layout.addLayout(form)
        self.follow_up_check = QCheckBox(translate("Deals", "Запланировать звонок после продажи"))
        self.follow_up_check.setToolTip(translate(
            "Deals", "Через несколько дней спросить клиента, всё ли его устраивает"))
        self.follow_up_check.setChecked(True)
        layout.addWidget(self.follow_up_check)
        self.create_order_check = QCheckBox(translate("Deals", "Создать заказ"))
        self.create_order_check.setToolTip(translate(
            "Deals", "Заказ с позициями сделки на итоговую сумму: отгрузки, оплаты, счёт"))
        self.create_order_check.setChecked(True)
        layout.addWidget(self.create_order_check)
        layout.addWidget(
            dialog_buttons(self, translate("Deals", "Закрыть как выигранную"), self._on_accept))

    def _on_accept(self) -> None:
        try:
            value = parse_decimal(self.amount.text())
        except ValueError:
            self.errors.show({"final_amount": translate(
                "Deals", "Сумма — это число, например 125 000,50")})
            return
        if value < 0:
            self.errors.show({"final_amount": translate(
                "Deals", "Сумма не может быть отрицательной")})
            return
        self.accept()

    def answer(self) -> WonAnswer:
        return WonAnswer(closed_on=to_date(self.closed_on.date()),
                         amount=parse_decimal(self.amount.text()),
                         follow_up=self.follow_up_check.isChecked(),
                         create_order=self.create_order_check.isChecked())


def ask_lost_reason(parent: QWidget | None, deal_title: str, reasons: list[str],
                    competitors: list[str]) -> LostAnswer | None:
    dlg = LostReasonDialog(parent, deal_title, reasons, competitors)
    return dlg.answer() if dlg.exec() == QDialog.DialogCode.Accepted else None


def ask_won_details(parent: QWidget | None, deal_title: str, amount: Decimal,
                    today: date) -> WonAnswer | None:
    dlg = WonDialog(parent, deal_title, amount, today)
    return dlg.answer() if dlg.exec() == QDialog.DialogCode.Accepted else None
