"""The questions asked when a deal is won or lost."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import QDialog

from app.views.deals.move_dialogs import LostReasonDialog, WonDialog


def test_lost_dialog_needs_competitor_and_comment(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = LostReasonDialog(None, "Поставка", ["price", "competitor", "other"], ["ПакСервис"])
    qtbot.addWidget(dlg)
    dlg.reason.setCurrentIndex(dlg.reason.findData("competitor"))
    dlg._on_accept()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "конкурента" in dlg.errors.label("competitor").text()
    dlg.competitor.setCurrentText("ПакСервис")
    dlg._on_accept()
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.answer().competitor == "ПакСервис"
    other = LostReasonDialog(None, "Поставка", ["other"], [])
    qtbot.addWidget(other)
    other._on_accept()
    assert other.result() != QDialog.DialogCode.Accepted
    assert other.errors.label("lost_comment").text()


def test_won_dialog_refuses_bad_amounts(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = WonDialog(None, "Поставка", Decimal("125000.50"), date(2026, 11, 16))
    qtbot.addWidget(dlg)
    assert dlg.answer().amount == Decimal("125000.50")
    dlg.amount.setText("сто")
    dlg._on_accept()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert dlg.errors.label("final_amount").text() and dlg.amount.text() == "сто"
    dlg.amount.setText("-1")
    dlg._on_accept()
    assert dlg.result() != QDialog.DialogCode.Accepted
    dlg.amount.setText("99 999,99")
    dlg._on_accept()
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.answer().amount == Decimal("99999.99")
    assert dlg.answer().closed_on == date(2026, 11, 16)


def test_won_dialog_offers_the_call_after_the_sale(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = WonDialog(None, "Поставка", Decimal("1000"), date(2026, 11, 16))
    qtbot.addWidget(dlg)
    assert dlg.follow_up_check.isChecked() and dlg.answer().follow_up is True
    dlg.follow_up_check.setChecked(False)
    assert dlg.answer().follow_up is False
