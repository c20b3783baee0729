"""The warning shown when a new or edited client looks like one already in the base."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate
from app.services.clients import DuplicateMatch
from app.views import style


def ask_duplicates(parent: QWidget | None, matches: list[DuplicateMatch]) -> str | None:
    """→ "create" to save anyway, a client id (as text) to open it instead, None to go back."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(translate("ClientCard", "Похожие клиенты уже есть"))
    dialog.setMinimumWidth(560)
    layout = QVBoxLayout(dialog)
    intro = QLabel(translate("ClientCard", "Возможно, этот клиент уже есть в базе:"))
    intro.setStyleSheet("font-weight: 600;")
    layout.addWidget(intro)
    group = QButtonGroup(dialog)
    for n, m in enumerate(matches):  # at most 10 matches: one radio button each
        extra = translate("ClientCard", ", в архиве") if m.archived else ""
        inn = translate("ClientCard", " · ИНН {inn}").format(inn=m.inn) if m.inn else ""
        button = QRadioButton(f"{m.name}{inn} — {', '.join(m.reasons)}{extra}")
        button.setChecked(n == 0)
        group.addButton(button, n)
        layout.addWidget(button)
    hint = QLabel(translate("ClientCard", "Откройте существующую карточку, чтобы не заводить "
                                          "дубль, или сохраните нового клиента всё равно."))
    hint.setWordWrap(True)
    style.set_tone(hint, "muted")
    layout.addWidget(hint)
    result: dict[str, str | None] = {"answer": None}
    row = QHBoxLayout()
    back = QPushButton(translate("ClientCard", "Вернуться к карточке"))
    anyway = QPushButton(translate("ClientCard", "Создать всё равно"))
    open_existing = QPushButton(translate("ClientCard", "Открыть существующего"))
    open_existing.setObjectName("primary")
    open_existing.setDefault(True)

    def choose(answer: str | None) -> None:
        result["answer"] = answer
        dialog.accept()

    back.clicked.connect(dialog.reject)
    anyway.clicked.connect(lambda: choose("create"))
    open_existing.clicked.connect(
        lambda: choose(str(matches[max(group.checkedId(), 0)].id)))
    row.addWidget(back)
    row.addStretch(1)
    row.addWidget(anyway)
    row.addWidget(open_existing)
    layout.addLayout(row)
    dialog.exec()
    return result["answer"]
