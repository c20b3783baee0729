"""Наставничество: trainees and their onboarding checklists, accompanied meetings, skill
assessments, checklist templates and the manager's own learning log."""

from app.views.mentoring.tab import MentoringTab

__all__ = ["MentoringTab"]
