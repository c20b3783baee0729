"""The Наставничество tab: trainees, checklist templates and the manager's own learning."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.bootstrap import Services
from app.i18n import translate
from app.views.mentoring.learning import LearningPage
from app.views.mentoring.report import open_trainee_report
from app.views.mentoring.templates import TemplatesPage
from app.views.mentoring.trainees import TraineesPage


class MentoringTab(QWidget):
    """Three pages: trainees (with checklist, meetings, assessments), templates, learning."""

    tab_key = "mentoring"

    @staticmethod
    def title() -> str:
        return translate("MainWindow", "Наставничество")

    def __init__(self, *, services: Services, today: Callable[[], date] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.today: Callable[[], date] = today or date.today
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 16)
        self.pages = QTabWidget()
        self.trainees = TraineesPage(services=services, today=lambda: self.today())
        self.templates = TemplatesPage(services=services)
        self.learning = LearningPage(services=services, today=lambda: self.today())
        self.pages.addTab(self.trainees, translate("Mentoring", "Стажёры"))
        self.pages.addTab(self.templates, translate("Mentoring", "Шаблоны чек-листов"))
        self.pages.addTab(self.learning, translate("Mentoring", "Моё обучение"))
        layout.addWidget(self.pages)
        self.templates.templates_changed.connect(self.trainees.refresh)
        self.trainees.report_requested.connect(self._on_trainees_report_requested)
        self.pages.currentChanged.connect(lambda _: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        page = self.pages.currentWidget()
        if hasattr(page, "refresh"):
            page.refresh()

    def _on_trainees_report_requested(self, trainee_id: int) -> None:
        current = self.trainees.current()
        open_trainee_report(self, self._services, trainee_id,
                            current.name if current and current.id == trainee_id else "")
