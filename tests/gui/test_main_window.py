"""The main window opens on the demo database with every tab, and remembers its state."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from app.views.main_window import MainWindow
from app.views.tabs import TABS


def test_every_tab_builds_and_refreshes(main_window: MainWindow) -> None:
    assert main_window.tab_keys() == [t.key for t in TABS]
    for key in main_window.tab_keys():
        widget = main_window.show_tab(key)
        widget.refresh()  # type: ignore[attr-defined]
        assert widget.isVisible()


def test_today_tab_shows_database_figures(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    today = main_window.show_tab("today")
    qtbot.waitUntil(today.is_filled)
    overview = main_window.services.overview.overview()
    worklist = main_window.services.worklist.worklist()
    assert today.clients_card.value.text().replace("\u00a0", "") == str(overview.clients)
    shown = [today.model.item(r) for r in today.model.item_rows()]
    assert {i.section for i in shown if i is not None} == {
        s for s, items in worklist.sections.items() if items}


def test_window_remembers_current_tab(qtbot, demo_services) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings()
    window = MainWindow(services=demo_services, settings=settings)
    qtbot.addWidget(window)
    last = window.tab_keys()[-1]
    window.show_tab(last)
    window.show()
    window.resize(1500, 900)
    size = window.size()
    window.close()
    again = MainWindow(services=demo_services, settings=settings)
    qtbot.addWidget(again)
    assert again.tab_keys()[again.tabs.currentIndex()] == last
    assert again.size() == size


def test_shortcuts_are_bound_once_the_window_is_up(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QAction, QKeySequence

    actions = {a.text(): a for a in main_window.findChildren(QAction)}
    qtbot.waitUntil(lambda: not actions["Выход"].shortcut().isEmpty())
    assert actions["Выход"].shortcut() == QKeySequence("Ctrl+Q")
    assert actions["Создать резервную копию"].shortcut() == QKeySequence("Ctrl+Shift+B")
    tab_actions = [a for a in actions.values() if a.shortcut() == QKeySequence("Ctrl+2")]
    assert len(tab_actions) == 1
    tab_actions[0].trigger()
    assert main_window.tabs.currentIndex() == 1


def test_today_rows_open_their_deal_order_client_or_trainee(main_window: MainWindow,  # type: ignore[no-untyped-def]
                                                      monkeypatch, qtbot) -> None:
    opened: list[tuple[str, int]] = []
    deals = main_window.show_tab("deals")
    clients = main_window.show_tab("clients")
    monkeypatch.setattr(deals, "open_deal", lambda ident: opened.append(("deal", ident)))
    monkeypatch.setattr(clients, "open_client", lambda ident: opened.append(("client", ident)))
    orders = main_window.show_tab("orders")
    monkeypatch.setattr(orders, "open_order", lambda ident: opened.append(("order", ident)))
    today = main_window.show_tab("today")
    qtbot.waitUntil(today.is_filled)  # the stalled deals and birthdays come from a job

    def first_row(section: str) -> int | None:
        return next((r for r in today.model.item_rows()
                     if today.model.item(r).section == section), None)

    checked = 0
    # a payment due opens its order (issue 14); a deal its deal, a birthday the client
    for section, kind in (("stalled", "deal"), ("payments", "order"),
                          ("birthdays", "client")):
        row = first_row(section)
        if row is None:
            continue
        item = today.model.item(row)
        today.view.activated.emit(today.model.index(row, 0))
        expected = {"deal": item.deal_id, "order": item.ident, "client": item.client_id}[kind]
        assert opened[-1] == (kind, expected)
        checked += 1
    assert checked >= 2
    row = first_row("trainee_tasks")
    assert row is not None
    task = today.model.item(row)
    today.view.activated.emit(today.model.index(row, 0))
    mentoring = main_window.show_tab("mentoring")
    assert main_window.tabs.currentIndex() == main_window.tab_keys().index("mentoring")
    trainee = next(t.trainee_name for t in main_window.services.mentoring.overdue_tasks()
                   if t.task_id == task.ident)
    assert mentoring.trainees.card.name_label.text() == trainee
