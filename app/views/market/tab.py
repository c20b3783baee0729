"""Рынок: the competitors, the campaigns, the complaints and the clients' satisfaction, one
page each, and the three market reports (рынок, потери и рекламации, кампании).

A page is built the first time it is shown and refreshed when shown again after a change
elsewhere (`refresh()` marks every page stale and reloads the one in view).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate
from app.views.icons import icon

if TYPE_CHECKING:
    from app.bootstrap import Services
    from app.views.background import Job


def _competitors(services: Services) -> QWidget:
    from app.views.market.competitors import CompetitorsPage

    return CompetitorsPage(services)


def _campaigns(services: Services) -> QWidget:
    from app.views.market.campaigns import CampaignsPage

    return CampaignsPage(services)


def _complaints(services: Services) -> QWidget:
    from app.views.market.feedback import ComplaintsPage

    return ComplaintsPage(services)


def _satisfaction(services: Services) -> QWidget:
    from app.views.market.feedback import SatisfactionPage

    return SatisfactionPage(services)


# (key, title, builder): the pages in order
PAGES: list[tuple[str, Callable[[], str], Callable[[Services], QWidget]]] = [
    ("competitors", lambda: translate("Market", "Конкуренты"), _competitors),
    ("campaigns", lambda: translate("Market", "Кампании"), _campaigns),
    ("complaints", lambda: translate("Market", "Рекламации"), _complaints),
    ("satisfaction", lambda: translate("Market", "Удовлетворённость"), _satisfaction),
]
REPORTS = ("market", "losses", "campaigns")  # the report kinds this tab offers


class MarketTab(QWidget):
    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._stale: set[int] = set()
        self._holders: list[QVBoxLayout] = []  # each page's place in the QTabWidget
        self._built_pages: dict[int, QWidget] = {}
        self.pages = QTabWidget()
        self.pages.setObjectName("marketPages")
        self.pages.setDocumentMode(True)
        for _key, title, _build in PAGES:
            holder = QWidget()
            place = QVBoxLayout(holder)
            place.setContentsMargins(0, 0, 0, 0)
            self._holders.append(place)
            self.pages.addTab(holder, title())
        self.report_button = QPushButton(icon("report"), translate("Market", "Отчёт…"))
        self.report_button.setObjectName("marketReportButton")
        self.report_button.setToolTip(translate(
            "Market", "Отчёт в PDF: рынок и конкуренты, потери и рекламации, кампании"))
        menu = QMenu(self.report_button)
        from app.views.documents.report_dialog import report_kinds

        labels = dict(report_kinds())
        for kind in REPORTS:
            action = menu.addAction(labels[kind])
            action.triggered.connect(lambda _=False, k=kind: self.open_report(k))
        self.report_button.setMenu(menu)
        self.pages.setCornerWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.pages)
        self.pages.currentChanged.connect(self._on_pages_current_changed)
        self._on_pages_current_changed(self.pages.currentIndex())

    def page(self, key: str) -> QWidget:
        """The page of that key, built if it was not yet."""
        index = next(i for i, (k, _t, _b) in enumerate(PAGES) if k == key)
        return self._built(index)

    def is_built(self, key: str) -> bool:
        return next(i for i, (k, _t, _b) in enumerate(PAGES) if k == key) in self._built_pages

    def _built(self, index: int) -> QWidget:
        page = self._built_pages.get(index)
        if page is None:
            page = PAGES[index][2](self.services)
            self._holders[index].addWidget(page)
            self._built_pages[index] = page
            self._stale.discard(index)
            page.refresh()  # type: ignore[attr-defined]  # (the page contract, tabs.py)
        return page

    def show_page(self, key: str) -> QWidget:
        index = next(i for i, (k, _t, _b) in enumerate(PAGES) if k == key)
        self.pages.setCurrentIndex(index)
        return self._built(index)

    def refresh(self) -> None:
        self._stale = set(range(self.pages.count()))
        self._on_pages_current_changed(self.pages.currentIndex())

    def _on_pages_current_changed(self, index: int) -> None:
        if index < 0:
            return
        fresh = index not in self._built_pages
        page = self._built(index)
        if not fresh and index in self._stale:
            self._stale.discard(index)
            page.refresh()  # type: ignore[attr-defined]  # (the page contract, tabs.py)

    def open_report(self, kind: str) -> Job | None:
        from app.views.documents.report_dialog import open_report

        return open_report(self, self.services, kind=kind)
