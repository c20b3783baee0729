"""The funnel page's presentation figure (issue 13): the three cards show what the service
counts on hand-made deals (tests/unit/test_presentation_conversion.py builds them)."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.bootstrap import Services
from tests.gui.test_plan_tab import show_section
from tests.unit.test_presentation_conversion import _build


def test_the_presentation_cards(qtbot: Any, services: Services) -> None:
    from app.views.background import wait_for_all
    from app.views.plan.data import SECTIONS
    from app.views.plan.tab import PlanTab

    _build(services)
    tab = PlanTab(services=services, today=date(2026, 11, 16))
    qtbot.addWidget(tab)
    tab.resize(1366, 768)
    tab.show()
    qtbot.waitUntil(tab.is_filled)
    tab.set_period("2026-11")
    show_section(qtbot, tab, SECTIONS.index("funnel"))
    qtbot.waitUntil(lambda: not tab.is_loading())

    def card(key: str) -> tuple[str, str]:
        value, note = tab.presentation_cards[key]
        return value.text(), note.text()

    assert card("presented") == ("5", "презентация с итогом «Состоялась» в периоде")
    assert card("moved_on") == ("2", "40,0 % от сделок с презентацией")
    assert card("won") == ("1", "20,0 % от сделок с презентацией")
    tab.set_period("2026-03")  # no presentation: no share
    qtbot.waitUntil(lambda: "funnel" in tab.data.loaded and not tab.is_loading())
    assert card("presented")[0] == "0" and card("won") == ("0", "презентаций в периоде не было")
    assert wait_for_all()
