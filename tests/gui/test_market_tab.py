"""The Рынок tab: its four pages built when first shown, the reports offered from it."""

from __future__ import annotations

from app.views.main_window import MainWindow


def test_pages_are_built_on_first_show_and_refreshed_after_a_change(  # type: ignore[no-untyped-def]
        main_window: MainWindow, qtbot, monkeypatch) -> None:
    from app.views.market.tab import PAGES, MarketTab

    tab = main_window.show_tab("market")
    assert isinstance(tab, MarketTab)
    assert [tab.pages.tabText(i) for i in range(tab.pages.count())] == [
        "Конкуренты", "Кампании", "Рекламации", "Удовлетворённость"]
    assert [tab.is_built(key) for key, _t, _b in PAGES] == [True, False, False, False]
    refreshed: list[str] = []
    campaigns = tab.show_page("campaigns")
    assert tab.is_built("campaigns")
    monkeypatch.setattr(campaigns, "refresh", lambda: refreshed.append("campaigns"))
    tab.show_page("competitors")
    tab.refresh()  # a change elsewhere: the page in view reloads, the others when shown
    tab.show_page("campaigns")
    assert refreshed == ["campaigns"]
    tab.show_page("competitors")
    tab.show_page("campaigns")
    assert refreshed == ["campaigns"]  # not again: nothing changed since


def test_the_report_button_offers_the_three_reports(main_window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.views import dialogs

    tab = main_window.show_tab("market")
    asked: list[str | None] = []
    monkeypatch.setattr(dialogs, "ask_report_options",
                        lambda parent, today, kind=None: asked.append(kind))
    menu = tab.report_button.menu()
    assert [a.text() for a in menu.actions()] == [
        "Рынок и конкуренты", "Потери и рекламации", "Кампании и каналы"]
    for action in menu.actions():
        action.trigger()
    assert asked == ["market", "losses", "campaigns"]
