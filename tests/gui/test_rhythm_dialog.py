"""«Ритм работы с клиентами» (Правка menu) and a client's own rhythm on its card: values
edited, refusals shown next to their field with nothing stored, saved values read back."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.models import Client
from app.views import dialogs
from app.views.activities.rhythm import RhythmDialog, SegmentRhythmModel
from app.views.clients.card import ClientCardDialog


def _clients(services, *rows: tuple[str, str]) -> list[int]:  # type: ignore[no-untyped-def]
    with services.uow_factory() as uow:
        objs = [Client(name=n, segment=seg, status="active") for n, seg in rows]
        uow.session.add_all(objs)
        uow.flush()
        ids = [c.id for c in objs]
        uow.commit()
    return ids


def _save(dialog: RhythmDialog) -> None:
    accept = next(b for b in dialog.buttons.buttons()
                  if dialog.buttons.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole)
    accept.click()


def test_segments_are_edited_checked_and_stored(qtbot, qtmodeltester, services) -> None:  # type: ignore[no-untyped-def]
    _clients(services, ("А", "Малые"), ("Б", "Малые"), ("В", "Крупные"))
    dialog = RhythmDialog(services=services)
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.model
    qtmodeltester.check(model)
    assert [(r.segment, r.days, r.clients) for r in model.rows()] == [
        ("Ключевые", 14, 0), ("Крупные", None, 1), ("Малые", None, 2)]
    days = SegmentRhythmModel.DAYS
    assert model.index(1, days).data() == "как остальным"
    assert not model.setData(model.index(2, days), "часто")  # not a number: refused
    assert model.setData(model.index(2, days), "400")
    dialog.new_segment.setText("  VIP  ")
    dialog.add_segment()
    assert model.rows()[-1].segment == "VIP" and model.rows()[-1].days == 60
    assert dialog.view.currentIndex().row() == 3
    dialog.default_days.setValue(45)
    _save(dialog)
    # refused: the message names the segment under the table, nothing stored
    assert dialog.isVisible()
    assert dialog.errors.label("segments").text() == "Малые: От 1 до 365 дней"
    assert model.row_errors() == {2: "От 1 до 365 дней"}
    assert services.settings.get("service_rhythm_days") == {"Ключевые": 14}
    assert services.settings.get("service_rhythm_default_days") == 60
    assert model.setData(model.index(2, days), "30")
    dialog.view.selectRow(0)
    dialog.reset_selected()  # «Ключевые» as the others
    dialog.follow_up_days.setValue(10)
    _save(dialog)
    assert not dialog.isVisible()
    assert services.settings.get("service_rhythm_days") == {"Малые": 30, "VIP": 60}
    assert services.settings.get("service_rhythm_default_days") == 45
    assert services.activities.follow_up_days() == 10


def test_closing_with_changes_asks_and_keeps_the_settings(qtbot, services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_save_changes",
                        lambda parent, subject="": asked.append(subject) or "discard")
    dialog = RhythmDialog(services=services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.default_days.setValue(90)
    dialog.reject()
    assert asked == ["Ритм работы с клиентами"] and not dialog.isVisible()
    assert services.settings.get("service_rhythm_default_days") == 60


def test_the_edit_menu_opens_it_and_the_today_tab_follows(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    services = main_window.services
    action = next(a for a in main_window.edit_menu.actions()
                  if a.objectName() == "rhythmSettingsAction")
    assert action.text() == "Ритм работы с клиентами…"
    seen: list[RhythmDialog] = []

    def work_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RhythmDialog)
        seen.append(dialog)
        dialog.default_days.setValue(7)
        _save(dialog)

    QTimer.singleShot(0, work_the_dialog)
    action.trigger()
    assert len(seen) == 1
    assert services.settings.get("service_rhythm_default_days") == 7


def test_a_clients_own_rhythm_on_its_card(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    (client_id,) = _clients(services, ("ООО «Сервис»", "Малые"))
    card = ClientCardDialog(services=services, client_id=client_id)
    qtbot.addWidget(card)
    spin = card.service_every_spin
    assert spin.value() == 0 and spin.text() == "по ритму сегмента"
    spin.setValue(21)
    assert spin.text() == "раз в 21 дн."
    assert card.save()
    assert services.clients.get(client_id).draft.service_every_days == 21
    again = ClientCardDialog(services=services, client_id=client_id)
    qtbot.addWidget(again)
    assert again.service_every_spin.value() == 21
    again.service_every_spin.setValue(0)
    assert again.save()
    assert services.clients.get(client_id).draft.service_every_days is None
