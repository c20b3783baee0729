"""Сегодня: the day's worklist (`TodayTab`, the main window's first tab)."""

from app.views.today.tab import TodayTab

__all__ = ["TodayTab"]
