"""The campaigns page (issue 16) as a user drives it: a campaign with two cost lines through
the editor (and its refusals shown next to the fields), the period's figures in the list,
the mailing export's message; the client card's campaign and churn reason; the contact's
«Согласие на рассылку»; the deal editor's campaign from the client."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from app.models import Client, Competitor
from app.services.clients import ClientDraft, ContactDraft
from app.services.market.campaigns import CampaignDraft, CostLine
from app.views import dialogs
from app.views.clients.card import ClientCardDialog, ContactDialog
from app.views.deals.editor import DealEditor
from app.views.market.campaigns import CampaignsPage, MailingExportDialog

D = Decimal
TODAY = date(2026, 11, 16)


@pytest.fixture(autouse=True)
def _no_error_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, text, title=None: shown.append(text))
    return shown


def _page(qtbot, services) -> CampaignsPage:  # type: ignore[no-untyped-def]
    page = CampaignsPage(services, today=TODAY)
    qtbot.addWidget(page)
    page.show()
    return page


def _set_cell(model, row: int, column: int, text: str) -> None:  # type: ignore[no-untyped-def]
    assert model.setData(model.index(row, column), text, Qt.ItemDataRole.EditRole)


def test_a_campaign_with_two_cost_lines_through_the_editor(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, services)
    assert page.model.rowCount() == 0 and page.empty_hint.isVisible()
    editor = page.editor(None)
    qtbot.addWidget(editor)
    editor.show()
    editor.name_edit.setText("Выставка «Склад-2026»")
    editor.channel_combo.setCurrentText("Выставка")
    editor.started_edit.setDate(QDate(2026, 10, 5))
    editor.ended_edit.setDate(QDate(2026, 10, 8))
    editor.segment_combo.setCurrentText("Опт")
    assert editor.costs_hint.isVisible()
    first = editor.add_cost_line()
    _set_cell(editor.costs_model, first, 0, "Стенд")
    _set_cell(editor.costs_model, first, 1, "100 000,50")
    _set_cell(editor.costs_model, first, 2, "06.10.2026")
    second = editor.add_cost_line()
    _set_cell(editor.costs_model, second, 0, "Печать")
    _set_cell(editor.costs_model, second, 1, "20000")
    assert not editor.costs_hint.isVisible()
    assert "120\u00a0000,50" in editor.total_label.text()
    assert "2 статьи" in editor.total_label.text()
    # a refusal: the end before the start and a line in fractions of a kopeck
    editor.ended_edit.setDate(QDate(2026, 10, 1))
    _set_cell(editor.costs_model, second, 1, "20000,005")
    assert editor.save() is False
    shown = editor.errors.shown()
    assert shown["ended_on"] == "Кампания не может закончиться раньше, чем началась"
    assert "Статья 2: сумма — с точностью до копейки" in shown["costs"]
    assert services.market.list_campaigns() == []  # nothing stored
    editor.ended_edit.setDate(QDate(2026, 10, 8))
    _set_cell(editor.costs_model, second, 1, "20000")
    assert editor.save() is True
    detail = services.market.get_campaign(editor.saved_id)
    assert detail.cost == D("120000.50")
    assert [(c.label, c.amount, c.spent_on) for c in detail.draft.costs] == [
        ("Стенд", D("100000.50"), date(2026, 10, 6)), ("Печать", D("20000.00"), None)]
    assert detail.draft.target_segment == "Опт"
    page.refresh()
    page.set_period("2026-Q4")
    assert page.model.rowCount() == 1
    line = page.model.row(0)
    assert line.figures.cost == D("120000.50")  # both lines fall in Q4
    assert page.model.index(0, 0).data() == "Выставка «Склад-2026»"
    assert page.channel_model.rowCount() == 2  # Выставка and the total
    assert page.channel_model.index(1, 0).data() == "Итого"


def test_editor_asks_before_dropping_edits(qtbot, services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_save_changes",
                        lambda _p, subject="": asked.append(subject) or "cancel")
    page = _page(qtbot, services)
    editor = page.editor(None)
    qtbot.addWidget(editor)
    editor.show()
    editor.name_edit.setText("Рассылка")
    editor.reject()
    assert asked and editor.isVisible()
    editor.unsaved.mark_clean()
    editor.reject()
    assert not editor.isVisible()


def test_mailing_export_says_what_was_left_out(qtbot, services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    services.clients.create(ClientDraft(name="ООО «Ромашка»", segment="Опт", contacts=(
        ContactDraft(name="Фокина Полина Павловна", email="polina@romashka.ru",
                     mailing_consent=True),
        ContactDraft(name="Без Согласия", email="no@romashka.ru"),
        ContactDraft(name="Без Почты"))))
    infos: list[str] = []
    dialog = MailingExportDialog(services=services)
    qtbot.addWidget(dialog)
    dialog.show()
    import app.views.market.campaigns as page_module

    original = page_module.dialogs.show_info
    page_module.dialogs.show_info = lambda _p, text, title=None: infos.append(text)
    try:
        dialog.segment_combo.setCurrentIndex(dialog.segment_combo.findData("Опт"))
        dialog.vcf_radio.setChecked(True)
        dialog.export_to(tmp_path / "opt")
        qtbot.waitUntil(lambda: bool(infos), timeout=5000)
    finally:
        page_module.dialogs.show_info = original
    assert (tmp_path / "opt.vcf").read_bytes().startswith(b"BEGIN:VCARD")
    assert infos == ["Выгружен 1 контакт в opt.vcf.\n"
                     "Не вошли: без согласия на рассылку — 1, без e-mail — 1."]


# --- the client card ---------------------------------------------------------------------------

def _card(qtbot, services, client_id: int | None = None) -> ClientCardDialog:  # type: ignore[no-untyped-def]
    card = ClientCardDialog(services=services, client_id=client_id)
    qtbot.addWidget(card)
    card.show()
    return card


def test_card_chooses_the_campaign_and_asks_why_a_client_left(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    campaign = services.market.save_campaign(CampaignDraft(
        name="Выставка «Упак»", channel="Выставка", started_on=date(2026, 10, 1),
        costs=(CostLine("Стенд", D("1000")),)))
    with services.uow_factory() as uow:
        rival = Competitor(name="ПакСервис")
        uow.session.add(rival)
        uow.flush()
        rival_id = rival.id
        uow.commit()
    client_id = services.clients.create(ClientDraft(name="ООО «Ромашка»",
                                                    status="active")).id
    card = _card(qtbot, services, client_id)
    assert card.campaign_combo.currentText() == "—"
    card.campaign_combo.setCurrentIndex(card.campaign_combo.findData(campaign))
    assert not card.churn_reason_combo.isVisibleTo(card)
    card.status_combo.setCurrentIndex(card.status_combo.findData("churned"))
    # the card turns to the question: the reason field appears, the competitor not yet
    assert card.tabs.currentIndex() == card._class_tab
    assert card.churn_reason_combo.isVisibleTo(card)
    assert not card.churn_competitor_combo.isVisibleTo(card)
    assert card.save() is False  # no reason given
    assert card.errors.shown()["churn_reason"] == "Укажите причину ухода клиента"
    card.churn_reason_combo.setCurrentIndex(card.churn_reason_combo.findData("competitor"))
    assert card.churn_competitor_combo.isVisibleTo(card)
    assert [card.churn_competitor_combo.itemText(i)
            for i in range(card.churn_competitor_combo.count())] == ["—", "ПакСервис"]
    card.churn_competitor_combo.setCurrentIndex(card.churn_competitor_combo.findData(rival_id))
    assert card.save() is True
    got = services.clients.get(client_id).draft
    assert (got.campaign_id, got.status, got.churn_reason, got.churn_competitor_id) == (
        campaign, "churned", "competitor", rival_id)
    # back to active: the reason goes with the status
    card = _card(qtbot, services, client_id)
    assert card.churn_reason_combo.currentData() == "competitor"
    card.status_combo.setCurrentIndex(card.status_combo.findData("active"))
    assert not card.churn_reason_combo.isVisibleTo(card)
    assert card.save() is True
    got = services.clients.get(client_id).draft
    assert (got.churn_reason, got.churn_competitor_id, got.campaign_id) == ("", None, campaign)


def test_contact_consent_checkbox(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    card = _card(qtbot, services)
    card.name_edit.setText("ООО «Лютик»")
    dialog = ContactDialog(None, card)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.consent_check.isChecked()
    dialog.name_edit.setText("Иванова Анна Сергеевна")
    dialog.email_edit.setText("anna@lutik.ru")
    dialog.consent_check.setChecked(True)
    assert dialog.save() is True
    assert dialog.contact.mailing_consent is True
    card.contacts_model.upsert(None, dialog.contact)
    assert card.contacts_model.index(0, 5).data() == "✓"  # the «Рассылка» column
    assert card.save() is True
    stored = services.clients.get(card.saved_id).draft.contacts[0]
    assert (stored.email, stored.mailing_consent) == ("anna@lutik.ru", True)
    again = ContactDialog(stored, None)
    qtbot.addWidget(again)
    assert again.consent_check.isChecked()
    again.consent_check.setChecked(False)
    assert again.value().mailing_consent is False
    again.unsaved.mark_clean()


def test_new_deal_takes_the_clients_campaign_and_may_clear_it(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    campaign = services.market.save_campaign(CampaignDraft(
        name="Рассылка ноябрь", channel="Рассылка", started_on=date(2026, 11, 1)))
    with services.uow_factory() as uow:
        c = Client(name="ООО «Ромашка»", campaign_id=campaign,
                   created_at=datetime(2026, 11, 2, tzinfo=UTC))
        uow.session.add(c)
        uow.flush()
        client_id = c.id
        uow.commit()
    editor = DealEditor(services=services, client_id=client_id)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.campaign_combo.currentData() == campaign
    editor.title_edit.setText("Поставка")
    assert editor.save() is True
    assert services.deals.detail(editor.deal_id).campaign_id == campaign
    again = DealEditor(services=services, deal_id=editor.deal_id)
    qtbot.addWidget(again)
    again.show()
    assert again.campaign_combo.currentText() == "Рассылка ноябрь"
    again.campaign_combo.setCurrentIndex(0)  # «—»
    assert again.save() is True
    assert services.deals.detail(editor.deal_id).campaign_id is None


def test_client_list_filter_gives_the_mailing_its_clients(qtbot, services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.views.clients.tab import ClientsTab
    from app.views.market import campaigns as page_module

    for name, segment in (("ООО «Ромашка»", "Опт"), ("ООО «Лютик»", "Опт"),
                          ("ИП Василёк", "Розница")):
        services.clients.create(ClientDraft(name=name, segment=segment, contacts=(
            ContactDraft(name="Контакт", email=f"{len(name)}{segment}@x.ru",
                         mailing_consent=True),)))
    tab = ClientsTab(services=services)
    qtbot.addWidget(tab)
    tab.show()
    tab.segment_combo.setCurrentIndex(tab.segment_combo.findData("Опт"))
    seen: list[list[int] | None] = []
    monkeypatch.setattr(page_module.MailingExportDialog, "exec",
                        lambda self: seen.append(self._client_ids) or 0)
    assert tab.mailing_action in tab.more_button.menu().actions()
    tab.mailing_action.trigger()
    assert len(seen) == 1 and seen[0] is not None
    found = services.market.mailing_list(client_ids=seen[0])
    assert sorted(r.company for r in found.rows) == ["ООО «Лютик»", "ООО «Ромашка»"]
