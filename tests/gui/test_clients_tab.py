"""Клиенты tab: list model, search as you type, the card (create → validate → save → edit →
archive), duplicates, delete confirmation, column state and the import dialog."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.bootstrap import Services
from app.services.clients import ClientDraft, ClientQuery
from app.views import dialogs
from app.views.clients.card import ClientCardDialog, ContactDialog
from app.views.clients.import_dialog import ImportDialog
from app.views.clients.model import COLUMN_KEYS, ClientTableModel
from app.views.clients.tab import ClientsTab


@pytest.fixture
def tab(qtbot, demo_services: Services) -> ClientsTab:  # type: ignore[no-untyped-def]
    from app.gui import apply_style, ensure_app

    apply_style(ensure_app())
    widget = ClientsTab(services=demo_services)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    return widget


def test_model_passes_qabstractitemmodeltester(qtmodeltester, demo_services: Services) -> None:
    model = ClientTableModel(demo_services.clients.rows)
    model.set_ids(demo_services.clients.search_ids(ClientQuery()))
    qtmodeltester.check(model)
    assert model.rowCount() == demo_services.clients.count()


# Russian order written out by hand (issue 17, finding 2): Ё between Е and Ж, lower and upper
# case together — code-point order would put «ёж», «Ёлка» after «Яблоко» and «ааа» last
RUSSIAN_ORDER = ["ааа Малыш", "АБВ", "Дельта", "ежевика", "Ёлка", "ЕЛЬ", "ёршик", "Жук",
                 "Яблоко", "яблоня"]


def test_list_shows_every_active_client_in_russian_order(qtbot, tab: ClientsTab) -> None:
    assert tab.model.rowCount() == tab._services.clients.count()
    clients = tab._services.clients
    made = {clients.create(ClientDraft(name=n)).id for n in reversed(RUSSIAN_ORDER)}
    tab.search_edit.setText("")
    tab.refresh()
    qtbot.waitUntil(lambda: made <= set(tab.model.ids()))
    names = [tab.model.client_at(r).name for r in range(tab.model.rowCount())]
    assert [n for n in names if n in RUSSIAN_ORDER] == RUSSIAN_ORDER
    # the whole list: by the names' folded form (the check's own folding, not the app's)
    folded = [" ".join(n.lower().replace("ё", "е").split()) for n in names]
    assert folded == sorted(folded)
    tab.view.sortByColumn(COLUMN_KEYS.index("revenue_year"), tab.view.horizontalHeader()
                          .sortIndicatorOrder().DescendingOrder)
    revenue = [tab.model.client_at(r).revenue_year for r in range(tab.model.rowCount())]
    assert revenue == sorted(revenue, reverse=True)


def test_a_fragment_inside_a_name_finds_it(qtbot, tab: ClientsTab) -> None:
    """Issue 17, finding 1: «торг» found nothing although «Агроторг» and «Евроторг М»
    exist; a fragment anywhere in a name finds them, in any case, with ё as е."""
    clients = tab._services.clients
    agro = clients.create(ClientDraft(name="ООО «Агроторг»")).id
    euro = clients.create(ClientDraft(name="Евроторг М")).id
    birch = clients.create(ClientDraft(name="АО «Берёзка-Опт»")).id
    tab.refresh()
    tab.search_edit.setText("ТОРГ")
    qtbot.waitUntil(lambda: birch not in tab.model.ids())  # the search has been applied
    assert {agro, euro} <= set(tab.model.ids())
    expected = {c.id for c in clients.list_clients(ClientQuery(text="торг"))}
    assert set(tab.model.ids()) == expected  # what the service finds: no more, no less
    tab.search_edit.setText("резка")  # inside «Берёзка», typed with е
    qtbot.waitUntil(lambda: tab.model.ids() == [birch])
    tab.search_edit.setText("торг берез")  # every word must be somewhere in the name
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)


def test_search_as_you_type_is_case_and_yo_insensitive(qtbot, tab: ClientsTab) -> None:
    card = tab._services.clients.create(ClientDraft(name="ООО «Семёнов и партнёры»",
                                                    phone="+7 916 765-43-21"))
    tab.refresh()
    tab.search_edit.setText("семенов и")
    qtbot.waitUntil(lambda: tab.model.ids() == [card.id])
    tab.search_edit.setText("9167654321")
    qtbot.waitUntil(lambda: tab.model.ids() == [card.id])
    assert "Найдено: 1" in tab.count_label.text()
    tab.search_edit.setText("нет такого клиента")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    assert tab.stack.currentIndex() == 1  # the empty state with "reset" instead of a blank grid
    tab.empty_action.click()
    assert tab.search_edit.text() == "" and tab.model.rowCount() > 1


def test_filters_narrow_the_list(tab: ClientsTab) -> None:
    tab.status_combo.setCurrentIndex(tab.status_combo.findData("lead"))
    statuses = {tab.model.client_at(r).status for r in range(tab.model.rowCount())}
    assert statuses == {"lead"}
    tag = tab.tag_combo.itemData(1)
    tab.tag_combo.setCurrentIndex(1)
    assert all(tag in tab.model.client_at(r).tags for r in range(tab.model.rowCount()))
    tab.reset_filters()
    assert tab.model.rowCount() == tab._services.clients.count()


def fill(dialog: ClientCardDialog, **values: str) -> None:
    for key, value in values.items():
        widget = dialog._fields[key]
        if hasattr(widget, "setPlainText"):
            widget.setPlainText(value)
        elif hasattr(widget, "setCurrentText") and widget.isEditable():
            widget.setCurrentText(value)
        else:
            widget.setText(value)


def test_card_create_validate_save_search_edit_archive(qtbot, tab: ClientsTab,
                                                       monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(dialogs, "ask_client_duplicates", lambda *a: pytest.fail("no dups"))
    services = tab._services
    dialog = ClientCardDialog(services=services)
    qtbot.addWidget(dialog)
    fill(dialog, name="ООО «Ёжик в тумане»", inn="7707083894", phone="12",
         segment="Ключевые", region="Тверь")
    dialog.tags_edit.set_tags(["новинка"])
    assert dialog.save() is False
    errors = dialog.errors
    assert errors.label("inn").isHidden() is False and errors.label("phone").isHidden() is False
    assert "контрольная сумма" in errors.label("inn").text()
    assert dialog.name_edit.text() == "ООО «Ёжик в тумане»"  # the form keeps what was typed
    assert not dialog.banner.isHidden()
    fill(dialog, inn="7736050003", phone="8 916 000 11 22")
    contact = ContactDialog(None, dialog)
    qtbot.addWidget(contact)
    contact.name_edit.setText("Пётр Ёлкин")
    contact.email_edit.setText("не почта")
    contact._on_ok_clicked()
    assert contact.errors.label("email").isHidden() is False and not contact.result()
    contact.email_edit.setText("petr@ezhik.example")
    contact._on_ok_clicked()
    dialog.contacts_model.upsert(None, contact.contact)
    assert dialog.save() is True
    card = services.clients.get(dialog.saved_id)
    assert card.draft.phone == "+7 916 000-11-22"
    assert card.draft.tags == ("новинка",)
    assert card.draft.contacts[0].is_primary

    tab.refresh()
    tab.search_edit.setText("ежик")
    qtbot.waitUntil(lambda: tab.model.ids() == [card.id])

    edit = ClientCardDialog(services=services, client_id=card.id)
    qtbot.addWidget(edit)
    assert edit.inn_edit.text() == "7736050003"
    assert edit.timeline_model.rowCount() == 0
    fill(edit, region="Тула")
    edit.status_combo.setCurrentIndex(edit.status_combo.findData("active"))
    assert edit.save() is True
    assert services.clients.get(card.id).draft.region == "Тула"

    tab.reload()
    tab.select_client(card.id)
    tab.archive_selected()
    assert card.id not in tab.model.ids()
    tab.archive_button.setChecked(True)
    assert tab.model.ids() == [card.id]


def test_duplicate_warning_offers_open_existing(qtbot, tab: ClientsTab, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    services = tab._services
    existing = services.clients.create(ClientDraft(name="ООО «Дубль»", inn="7707083893"))
    seen = []

    def answer(parent, matches):  # type: ignore[no-untyped-def]
        seen.extend(matches)
        return str(existing.id)

    monkeypatch.setattr(dialogs, "ask_client_duplicates", answer)
    dialog = ClientCardDialog(services=services)
    qtbot.addWidget(dialog)
    fill(dialog, name="Дубль", inn="7707083893")
    with qtbot.waitSignal(dialog.open_client_requested) as signal:
        assert dialog.save() is False
    assert signal.args == [existing.id]
    assert seen[0].id == existing.id and "тот же ИНН" in seen[0].reasons
    assert services.clients.count() == tab._total + 1  # nothing new saved
    monkeypatch.setattr(dialogs, "ask_client_duplicates", lambda *a: "create")
    again = ClientCardDialog(services=services)
    qtbot.addWidget(again)
    fill(again, name="Дубль", inn="7707083893")
    assert again.save() is True


def test_delete_asks_and_says_what_goes(tab: ClientsTab, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    services = tab._services
    card = services.clients.create(ClientDraft(name="Удаляемый"))
    tab.refresh()
    tab.select_client(card.id)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda p, t, text: asked.append(text) or False)
    tab.delete_selected()
    assert "контактные лица — 0" in asked[0] and services.clients.count() == tab._total
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    tab.delete_selected()
    assert card.id not in tab.model.ids()
    # a client with deals is never deleted: the user is told to archive it
    busy = next(r for r in (services.clients.rows(tab.model.ids()))
                if services.clients.deletion_impact(r.id).blocked)
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda p, text, *a: errors.append(text))
    tab.select_client(busy.id)
    tab.delete_selected()
    assert "архив" in errors[0] and busy.id in tab.model.ids()


def test_hidden_columns_are_remembered(qtbot, demo_services: Services, tab: ClientsTab) -> None:  # type: ignore[no-untyped-def]
    column = COLUMN_KEYS.index("industry")
    tab._set_column_visible(column, False)
    again = ClientsTab(services=demo_services)
    qtbot.addWidget(again)
    assert again.view.horizontalHeader().isSectionHidden(column)
    again._set_column_visible(column, True)


def test_tags_complete_from_tags_in_use(qtbot, tab: ClientsTab, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = ClientCardDialog(services=tab._services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(2)
    dialog.tags_edit.setFocus()
    dialog.tags_edit.setText("сеть, ")
    qtbot.keyClicks(dialog.tags_edit, "V")  # QTest types ASCII keys only
    completer = dialog.tags_edit._completer
    assert completer.completionCount() >= 1 and completer.currentCompletion() == "VIP"
    dialog.tags_edit._on_completer_activated("VIP")
    assert dialog.tags_edit.tags() == ("сеть", "VIP")
    asked: list[str] = []  # the typed tags are unsaved: closing asks; drop them
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda p, s: asked.append(s) or "discard")
    assert dialog.close() and asked == ["Новый клиент"]


EXCEL_CSV = ('Наименование;ИНН;Телефон;Контактное лицо\r\n'
             'ООО «Импорт-1»;7736050003;8 (916) 123-45-67;Иванов Иван\r\n'
             'ООО «Ошибка»;1234567890;;\r\n')


def test_import_dialog_strict_then_skip_invalid(qtbot, tab: ClientsTab, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "clients.csv"
    path.write_bytes(EXCEL_CSV.encode("cp1251"))
    dialog = ImportDialog(services=tab._services, parent=tab)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.file_loaded, timeout=10_000):
        dialog.load_file_in_background(path)
    assert "cp1251" in dialog.info_label.text()
    assert dialog.mapping() == {0: "name", 1: "inn", 2: "phone", 3: "contact_name"}
    assert dialog.preview_model.rowCount() == 2
    before = tab._services.clients.count()
    with qtbot.waitSignal(dialog.report_ready, timeout=10_000):
        dialog.start(dry_run=False)
    assert dialog.report.rejected == 1 and not dialog.report.committed
    assert "Строка 3" in dialog.report_edit.toPlainText()
    assert tab._services.clients.count() == before
    dialog.skip_invalid_check.setChecked(True)
    with qtbot.waitSignal(dialog.report_ready, timeout=10_000):
        dialog.start(dry_run=False)
    assert dialog.report.imported == 1 and dialog.imported
    assert tab._services.clients.lookup("импорт")[0].inn == "7736050003"
    dialog.set_field(0, "")
    errors: list[str] = []
    import app.views.clients.import_dialog as module

    module.dialogs.show_error, original = (lambda p, t, *a: errors.append(t)), \
        module.dialogs.show_error
    try:
        dialog.start(dry_run=True)
    finally:
        module.dialogs.show_error = original
    assert errors and "название" in errors[0]


def test_card_opens_the_handover_summary_in_the_preview(qtbot, tab: ClientsTab,  # type: ignore[no-untyped-def]
                                                        monkeypatch) -> None:
    import app.views.documents.preview as preview

    shown: list[bytes] = []
    monkeypatch.setattr(preview, "show_pdf", lambda parent, data, **kw: shown.append(data))
    client_id = tab.model.id_at(0)
    dialog = ClientCardDialog(services=tab._services, client_id=client_id)
    qtbot.addWidget(dialog)
    assert not dialog.handover_button.isHidden()
    dialog.handover_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=15_000)
    assert shown[0].startswith(b"%PDF")


def test_saved_filters_round_trip(qtbot, tab: ClientsTab, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tab.status_combo.setCurrentIndex(tab.status_combo.findData("lead"))
    tab.set_no_contact_days(30)
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: "Лиды без контакта")
    assert tab.save_current_filter() == "Лиды без контакта"
    expected = tab.model.ids()
    tab.reset_filters()
    assert tab.model.ids() != expected
    assert tab.apply_saved_filter("Лиды без контакта")
    assert tab.status_combo.currentData() == "lead" and tab.no_contact_days() == 30
    assert tab.model.ids() == expected
    tab._fill_saved_menu()
    assert "Лиды без контакта" in [a.text() for a in tab.saved_menu.actions()]
    tab.delete_saved_filter("Лиды без контакта")
    assert not tab.apply_saved_filter("Лиды без контакта")


def test_export_runs_off_the_gui_thread_with_the_current_filter(qtbot, tab: ClientsTab,  # type: ignore[no-untyped-def]
                                                                monkeypatch,
                                                                tmp_path: Path) -> None:
    target = tmp_path / "segment.csv"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(target))
    monkeypatch.setattr(dialogs, "show_info", lambda *a, **k: None)
    tab.status_combo.setCurrentIndex(tab.status_combo.findData("lead"))
    with qtbot.waitSignal(tab.export_finished, timeout=15_000) as signal:
        tab.export_clients()
    assert signal.args == [str(target), tab.model.rowCount()]
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == tab.model.rowCount() + 1 and all("Лид" in line for line in lines[1:])


def test_merge_two_selected_clients_keeps_the_current_one(tab: ClientsTab,  # type: ignore[no-untyped-def]
                                                          monkeypatch) -> None:
    services = tab._services
    keep = services.clients.create(ClientDraft(name="Слияние А", tags=("сеть",)))
    gone = services.clients.create(ClientDraft(name="Слияние Б", inn="7707083893",
                                               tags=("VIP",)))
    tab.refresh()
    tab.search_edit.setText("слияние")
    tab.reload()
    selection = tab.view.selectionModel()
    tab.view.selectRow(tab.model.row_of(gone.id))
    tab.view.setCurrentIndex(tab.model.index(tab.model.row_of(keep.id), 0))
    selection.select(tab.model.index(tab.model.row_of(gone.id), 0),
                     selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    selection.select(tab.model.index(tab.model.row_of(keep.id), 0),
                     selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda p, t, text: asked.append(text) or True)
    tab.merge_selected()
    assert "Оставить «Слияние А»" in asked[0]
    assert tab.model.ids() == [keep.id]
    card = services.clients.get(keep.id).draft
    assert card.inn == "7707083893" and card.tags == ("VIP", "сеть")


def test_a_broad_search_shows_its_first_page_then_the_rest(qtbot, tab: ClientsTab,
                                                           monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A text search sorted by name fills its first page at once and the rest on the next
    turn of the event loop; a newer search cancels a rest not yet loaded (issue 12)."""
    from app.views.clients import tab as tab_module

    monkeypatch.setattr(tab_module, "FIRST_PAGE", 10)
    services = tab._services
    broad = services.clients.search_ids(ClientQuery(text="ооо"))
    narrow = services.clients.search_ids(ClientQuery(text="ао"))
    assert len(broad) > 10 and len(narrow) > 10 and broad != narrow
    tab.search_edit.blockSignals(True)
    tab.search_edit.setText("ооо")
    tab.search_edit.blockSignals(False)
    tab.reload()
    assert tab.model.ids() == broad[:10]  # the first page, before the event loop turns
    qtbot.waitUntil(lambda: tab.model.ids() == broad)
    assert f"Найдено: {len(broad)}" in tab.count_label.text()

    tab.view.selectRow(3)
    chosen = tab.model.id_at(3)
    tab.search_edit.blockSignals(True)
    tab.search_edit.setText("ооо")
    tab.search_edit.blockSignals(False)
    tab.reload()  # the first page again, then a newer search before the rest comes
    tab.search_edit.blockSignals(True)
    tab.search_edit.setText("ао")
    tab.search_edit.blockSignals(False)
    tab.reload()
    qtbot.waitUntil(lambda: tab.model.ids() == narrow)
    qtbot.wait(50)  # the cancelled rest never lands on top of the newer list
    assert tab.model.ids() == narrow
    assert f"Найдено: {len(narrow)}" in tab.count_label.text()
    assert chosen not in narrow or chosen in tab.selected_ids()

    tab.reload()
    last = narrow[-1]
    assert tab.select_client(last)  # a client past the first page is found at once
    assert tab.selected_ids() == [last]


def test_import_dialog_lists_rows_like_a_client_and_imports_them_when_asked(  # type: ignore[no-untyped-def]
        qtbot, tab: ClientsTab, tmp_path: Path) -> None:
    """Issue 17, finding 10: the check names the client each row is like; «загружать как
    новых» imports them anyway."""
    services = tab._services
    existing = services.clients.create(ClientDraft(name="ООО «Двойник»"))
    path = tmp_path / "near.csv"
    path.write_text("Название;Регион\nДвойник;Тула\nООО «Другой»;Тверь\n", encoding="utf-8")
    dialog = ImportDialog(services=services, parent=tab)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.file_loaded, timeout=10_000):
        dialog.load_file_in_background(path)
    with qtbot.waitSignal(dialog.report_ready, timeout=10_000):
        dialog.start(dry_run=True)
    text = dialog.report_edit.toPlainText()
    assert f"№{existing.id}" in text and "то же название" in text
    assert "1 строка похожа на клиента базы" in text
    assert (dialog.report.imported, dialog.report.near_duplicates) == (1, 1)
    dialog.near_combo.setCurrentIndex(dialog.near_combo.findData("import"))
    before = services.clients.count()
    with qtbot.waitSignal(dialog.report_ready, timeout=10_000):
        dialog.start(dry_run=False)
    assert dialog.report.imported == 2 and services.clients.count() == before + 2


def test_import_dialog_lists_rows_like_an_earlier_row_of_the_file(  # type: ignore[no-untyped-def]
        qtbot, tab: ClientsTab, tmp_path: Path) -> None:
    """Issue 17, finding 10: a row like an earlier row of the same file is listed with that
    row's line and why, counted apart from the rows like a client of the base."""
    services = tab._services
    path = tmp_path / "in_file.csv"
    path.write_text("Название;Телефон\nООО «Первый»;89120000000\nВторой;+7 (912) 000-00-00\n",
                    encoding="utf-8")
    dialog = ImportDialog(services=services, parent=tab)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.file_loaded, timeout=10_000):
        dialog.load_file_in_background(path)
    with qtbot.waitSignal(dialog.report_ready, timeout=10_000):
        dialog.start(dry_run=True)
    text = dialog.report_edit.toPlainText()
    assert "1 строка похожа на строку выше в том же файле и пропущена" in text
    assert "Строка 3 (Второй): похож на строку 2 файла (тот же телефон) — пропущен" in text
    assert "клиента базы" not in text
    assert (dialog.report.imported, dialog.report.near_in_file) == (1, 1)
