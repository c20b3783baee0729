"""The main window's tabs, in order. Each area adds its tab here.

A tab is imported and built the first time it is shown, so heavy libraries (pyqtgraph,
reportlab) cost nothing at start. A tab class takes `services=` by keyword and has a
`refresh()` method that reloads its data from the services.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from app.i18n import translate


class Refreshable(Protocol):
    """What every tab class has besides being a QWidget."""

    def refresh(self) -> None: ...


@dataclass(frozen=True)
class TabSpec:
    key: str  # stable English name: screenshots/<key>.png, QSettings
    title: Callable[[], str]
    module: str
    class_name: str


TABS: list[TabSpec] = [
    TabSpec("today", lambda: translate("MainWindow", "Сегодня"), "app.views.today", "TodayTab"),
    TabSpec("calendar", lambda: translate("MainWindow", "Календарь"),
            "app.views.activities.calendar", "CalendarTab"),
    TabSpec("clients", lambda: translate("MainWindow", "Клиенты"), "app.views.clients",
            "ClientsTab"),
    TabSpec("deals", lambda: translate("MainWindow", "Сделки"), "app.views.deals.tab",
            "DealsTab"),
    TabSpec("orders", lambda: translate("MainWindow", "Заказы"), "app.views.orders.tab",
            "OrdersTab"),
    TabSpec("plan", lambda: translate("MainWindow", "План"), "app.views.plan.tab", "PlanTab"),
    TabSpec("market", lambda: translate("MainWindow", "Рынок"), "app.views.market.tab",
            "MarketTab"),
    TabSpec("mentoring", lambda: translate("MainWindow", "Наставничество"),
            "app.views.mentoring", "MentoringTab"),
]
