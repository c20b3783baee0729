"""The app's palette and style sheet; charts and the kanban take their colours from here."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

_O = TypeVar("_O", bound=QObject)


def named(widget: _O, name: str) -> _O:
    """`widget` with its object name set to `name`, which the `#name` rules of the style
    sheets (below, and the widgets' own) and the tests find it by."""
    widget.setObjectName(name)
    return widget


ACCENT = "#2563eb"
ACCENT_SOFT = "#dbeafe"
SUCCESS = "#16a34a"
WARNING = "#d97706"
DANGER = "#dc2626"
TEXT = "#1f2937"
MUTED = "#6b7280"
BORDER = "#e5e7eb"
SURFACE = "#ffffff"
BACKGROUND = "#f5f7fb"
SERIES = ["#2563eb", "#16a34a", "#d97706", "#9333ea", "#0891b2", "#dc2626", "#4b5563"]

STYLE_SHEET = f"""
QMainWindow, QDialog {{ background: {BACKGROUND}; }}
QTabWidget::pane {{ border: 1px solid {BORDER}; background: {BACKGROUND}; top: -1px; }}
QTabBar::tab {{ padding: 8px 18px; color: {MUTED}; background: transparent;
               border: none; border-bottom: 2px solid transparent; }}
QTabBar::tab:selected {{ color: {TEXT}; border-bottom: 2px solid {ACCENT}; font-weight: 600; }}
QTabBar::tab:hover {{ color: {TEXT}; }}
QFrame#card {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 8px; }}
QLabel#cardTitle {{ color: {MUTED}; font-size: 12px; }}
QLabel#cardValue {{ color: {TEXT}; font-size: 22px; font-weight: 600; }}
QLabel#cardNote {{ color: {MUTED}; font-size: 11px; }}
QLabel#sectionTitle {{ color: {TEXT}; font-size: 15px; font-weight: 600; }}
QLabel#fieldError {{ color: {DANGER}; font-size: 11px; }}
QTableView {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 6px;
             gridline-color: {BORDER}; selection-background-color: {ACCENT_SOFT};
             selection-color: {TEXT}; alternate-background-color: #fafbfd; }}
QHeaderView::section {{ background: #f1f4f9; color: {MUTED}; border: none;
                       border-bottom: 1px solid {BORDER}; padding: 6px; font-weight: 600; }}
QPushButton {{ padding: 6px 14px; border: 1px solid {BORDER}; border-radius: 6px;
              background: {SURFACE}; color: {TEXT}; }}
QPushButton:hover {{ border-color: {ACCENT}; }}
QPushButton#primary {{ background: {ACCENT}; color: white; border-color: {ACCENT}; }}
QPushButton#primary:disabled {{ background: #a5b8e8; border-color: #a5b8e8; }}
QPushButton:disabled {{ color: {MUTED}; }}
QLineEdit, QComboBox, QDateEdit, QSpinBox, QDoubleSpinBox, QPlainTextEdit, QTextEdit {{
    padding: 4px 6px; border: 1px solid {BORDER}; border-radius: 5px; background: {SURFACE}; }}
QLineEdit[invalid="true"], QComboBox[invalid="true"], QDateEdit[invalid="true"],
QTimeEdit[invalid="true"], QSpinBox[invalid="true"], QDoubleSpinBox[invalid="true"],
QPlainTextEdit[invalid="true"], QTextEdit[invalid="true"], QTableView[invalid="true"],
QListView[invalid="true"] {{ border: 1px solid {DANGER}; }}
QStatusBar {{ color: {MUTED}; }}
/* a combo box's popup: Fusion's menu-style popup under a style sheet draws the current
   item as an empty white box (issue 17, finding 5) */
QComboBox QAbstractItemView {{ background: {SURFACE}; color: {TEXT}; border: 1px solid {BORDER};
    outline: 0; selection-background-color: {ACCENT_SOFT}; selection-color: {TEXT}; }}
QComboBox {{ combobox-popup: 0; }}  /* a list popup, whose items the rules below draw */
QComboBox QAbstractItemView::item {{ min-height: 22px; padding: 0 6px; border: none; }}
QComboBox QAbstractItemView::item:selected, QComboBox QAbstractItemView::item:hover {{
    background: {ACCENT_SOFT}; color: {TEXT}; }}
"""
