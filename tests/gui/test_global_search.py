"""Ctrl+K in the window: type, move with the arrows, Enter opens the hit where it lives."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.models import Client, Deal, Product
from app.views.global_search import GlobalSearchDialog
from app.views.main_window import MainWindow


def _dialog(main_window: MainWindow, qtbot) -> GlobalSearchDialog:  # type: ignore[no-untyped-def]
    action = next(a for a in main_window.edit_menu.actions()
                  if a.objectName() == "globalSearchAction")
    qtbot.waitUntil(lambda: not action.shortcut().isEmpty())
    assert action.shortcut() == QKeySequence("Ctrl+K")
    action.trigger()
    (dialog,) = [d for d in main_window.findChildren(GlobalSearchDialog) if d.isVisible()]
    return dialog


def test_enter_opens_the_chosen_deal(main_window: MainWindow, monkeypatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    services = main_window.services
    with services.uow_factory(read_only=True) as uow:
        deal_id, title = uow.session.execute(
            select(Deal.id, Deal.title).order_by(Deal.id.desc()).limit(1)).one()
    opened: list[tuple[str, int]] = []
    deals = main_window.show_tab("deals")
    monkeypatch.setattr(deals, "open_deal", lambda ident: opened.append(("deal", ident)))
    dialog = _dialog(main_window, qtbot)
    dialog.box.setText(title.lower())
    # the pause timer searches; the first hit is selected
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    rows = dialog.model.hit_rows()
    assert dialog.model.hit(rows[0]).target_id == deal_id  # the newest deal first
    assert dialog.model.hit(0) is None  # the kind's header comes first, not selectable
    assert dialog.list.currentIndex().row() == rows[0]
    qtbot.keyClick(dialog.box, Qt.Key.Key_Down)
    if len(rows) > 1:
        assert dialog.list.currentIndex().row() == rows[1]
    qtbot.keyClick(dialog.box, Qt.Key.Key_Up)
    assert dialog.list.currentIndex().row() == rows[0]
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert opened == [("deal", deal_id)]
    assert not dialog.isVisible()
    assert main_window.tab_keys()[main_window.tabs.currentIndex()] == "deals"


def test_a_client_and_a_product_open_and_nothing_found_says_so(  # type: ignore[no-untyped-def]
        main_window: MainWindow, monkeypatch, qtbot) -> None:
    services = main_window.services
    with services.uow_factory(read_only=True) as uow:
        client_id, name = uow.session.execute(
            select(Client.id, Client.name).where(Client.archived.is_(False))
            .order_by(Client.id).limit(1)).one()
        product_id, sku = uow.session.execute(
            select(Product.id, Product.sku).order_by(Product.id).limit(1)).one()
    opened: list[tuple[str, int]] = []
    clients = main_window.show_tab("clients")
    monkeypatch.setattr(clients, "open_client", lambda ident: opened.append(("client", ident)))
    dialog = _dialog(main_window, qtbot)
    # the word after the legal form and quotes: the way a user types a client's name
    word = name.replace("«", " ").replace("»", " ").split()[-1]
    dialog.box.setText(word)
    dialog.search_now()
    hit_rows = [r for r in dialog.model.hit_rows()
                if dialog.model.hit(r).kind == "client"
                and dialog.model.hit(r).target_id == client_id]
    assert hit_rows
    dialog.open_row(hit_rows[0])
    assert opened == [("client", client_id)]

    dialog = _dialog(main_window, qtbot)
    dialog.box.setText("нет-такого-ничего")
    dialog.search_now()
    assert dialog.model.hit_rows() == [] and dialog.hint.text() == "Ничего не найдено"
    dialog.box.setText(sku)
    dialog.open_current()  # Enter before the pause: searches what is typed, then opens
    from app.views.deals.catalog import CatalogDialog

    catalog = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, CatalogDialog) and w.isVisible())
    assert catalog._current == product_id
    assert catalog.switch.selected() == product_id  # selected in the list too
    catalog.reject()
