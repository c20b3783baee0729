"""Completing an activity: its outcome, the client's reaction, the result text and the next
step in the same dialog (a new activity, or «Без следующего шага» with a reason)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain.dates import date_time
from app.i18n import translate
from app.services.activities import (
    MEETING_KINDS,
    PLANNABLE_KINDS,
    REACTIONS,
    ActivityDetail,
    ActivityDraft,
    Completion,
    activity_kind_label,
    next_occurrence,
    reaction_label,
    result_label,
    results_for,
)
from app.views.activities.editor import (
    aware_datetime,
    datetime_edit,
    stored_or_shown,
    to_qdatetime,
)
from app.views.forms import FieldErrors, dialog_buttons, error_banner, form_layout
from app.views.style import named
from app.views.undo import record_completion
from app.views.unsaved import EditorDialog

QUICK_DAYS = (1, 3, 7)
NEXT_STEP_TIME = time(10, 0)  # a next step chosen by a quick button starts at 10:00


def quick_day_label(days: int) -> str:
    """`Завтра`, `Через 3 дня`, `Через неделю`: the next step's quick buttons."""
    labels = {1: translate("CompleteActivity", "Завтра"),
              3: translate("CompleteActivity", "Через 3 дня"),
              7: translate("CompleteActivity", "Через неделю")}
    return labels[days]


class ResultChoice(QWidget):
    """The outcomes of a kind as radio buttons numbered 1…N; the digit keys pick them
    anywhere in the dialog except while typing in a text field (which takes the digit).

    Signals:
        chosen(str): an outcome was picked (its code).
    """

    chosen = Signal(str)

    def __init__(self, results: tuple[str, ...], *, shortcuts_on: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.results = results
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        per_column = 3
        self.buttons: list[QRadioButton] = []
        for n, code in enumerate(results, start=1):
            button = QRadioButton(f"{n}   {result_label(code)}")
            button.setObjectName(f"result_{code}")
            self.group.addButton(button, n - 1)
            grid.addWidget(button, (n - 1) % per_column, (n - 1) // per_column)
            self.buttons.append(button)
            key = QShortcut(QKeySequence(str(n)), shortcuts_on)
            key.activated.connect(lambda code=code: self.choose(code))
        grid.setColumnStretch(grid.columnCount(), 1)
        self.group.idToggled.connect(self._on_group_id_toggled)
        if self.buttons:
            self.setFocusProxy(self.buttons[0])

    def value(self) -> str:
        i = self.group.checkedId()
        return self.results[i] if 0 <= i < len(self.results) else ""

    def choose(self, code: str) -> None:
        if code in self.results:
            button = self.buttons[self.results.index(code)]
            button.setChecked(True)
            button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_group_id_toggled(self, i: int, on: bool) -> None:
        if on:
            self.chosen.emit(self.results[i])


class CompletionDialog(EditorDialog):
    """Close an activity with its outcome and decide the next step.

    Signals:
        completed(int, object): the activity was completed (its id, the next one's id or None).
    """

    completed = Signal(int, object)

    def __init__(self, *, services: Services, activity_id: int,
                 now: datetime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._now = now
        self.activity: ActivityDetail = services.activities.get(activity_id)
        self.next_id: int | None = None
        a = self.activity
        self.setWindowTitle(translate("CompleteActivity", "Завершить дело"))
        self.setMinimumWidth(720)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 14, 16, 12)
        outer.addWidget(named(QLabel(f"{activity_kind_label(a.kind)}: {a.subject}"),
                              "sectionTitle"))
        about = [p for p in (a.client_name, a.contact_name, a.deal_title,
                             date_time(a.due_at)) if p]
        outer.addWidget(named(QLabel(" · ".join(about)), "cardNote"))
        self.banner = error_banner()
        outer.addWidget(self.banner)
        self.errors = FieldErrors(banner=self.banner)

        form = form_layout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.results = ResultChoice(results_for(a.kind), shortcuts_on=self)
        self.results.chosen.connect(self._on_results_chosen)
        self.errors.add_row(form, translate("CompleteActivity", "Результат *"), "result",
                            self.results)
        self.reaction_combo = QComboBox()
        self.reaction_combo.addItem(translate("CompleteActivity", "— не указана —"), "")
        for code in REACTIONS:
            self.reaction_combo.addItem(reaction_label(code), code)
        if a.kind in MEETING_KINDS:
            self.errors.add_row(form, translate("CompleteActivity", "Реакция клиента"),
                                "reaction", self.reaction_combo)
        else:
            self.reaction_combo.hide()
        self.outcome_edit = QLineEdit()
        self.outcome_edit.setPlaceholderText(translate(
            "CompleteActivity", "О чём договорились, что важно запомнить"))
        self.errors.add_row(form, translate("CompleteActivity", "Итог"), "outcome",
                            self.outcome_edit)
        outer.addLayout(form)

        box = QGroupBox(translate("CompleteActivity", "Следующий шаг"))
        bl = QVBoxLayout(box)
        self.next_radio = QRadioButton(translate("CompleteActivity", "Запланировать дело"))
        self.none_radio = QRadioButton(translate("CompleteActivity", "Без следующего шага"))
        self.next_panel = QWidget()
        self.recurring_label = QLabel()
        self.recurring_label.setWordWrap(True)
        if a.repeat_every and a.repeat_unit and a.due_at is not None:
            nxt = next_occurrence(a.due_at, a.repeat_every, a.repeat_unit)
            text = (translate("CompleteActivity", "Следующий звонок: {when}") if a.kind == "call"
                    else translate("CompleteActivity", "Следующее по графику: {kind}, {when}")
                    ).format(when=date_time(nxt), kind=activity_kind_label(a.kind).lower())
            self.recurring_label.setText(text)
            bl.addWidget(self.recurring_label)
        else:
            self.recurring_label.hide()
        self._build_next(bl, a)
        outer.addWidget(box)
        self.recurring = not self.recurring_label.isHidden()
        if self.recurring:  # the series' next occurrence is the next step
            self.next_radio.hide()
            self.none_radio.hide()
            self.next_panel.hide()
            self.reason_edit.hide()
        # a post-sale follow-up proposes recording the client's score (issue 16)
        self.score_proposal = services.market.score_proposal(activity_id)
        self.score_check = QCheckBox(translate(
            "CompleteActivity", "Записать оценку клиента (NPS или CSAT) после завершения"))
        self.score_check.setChecked(True)
        self.score_check.setVisible(self.score_proposal is not None)
        outer.addWidget(self.score_check)
        outer.addStretch(1)
        outer.addWidget(dialog_buttons(self, translate("CompleteActivity", "Завершить"),
                                       self._on_complete_clicked))
        self._sync_mode()
        self.track_changes(values=self.values, save=self.save)
        self.results.setFocus()

    def _build_next(self, bl: QVBoxLayout, a: ActivityDetail) -> None:
        group = QButtonGroup(self)
        group.addButton(self.next_radio)
        group.addButton(self.none_radio)
        self.next_radio.setChecked(True)
        self.next_radio.toggled.connect(self._sync_mode)
        bl.addWidget(self.next_radio)
        grid = QGridLayout(self.next_panel)
        grid.setContentsMargins(24, 0, 0, 0)
        self.next_kind_combo = QComboBox()
        for k in PLANNABLE_KINDS:
            self.next_kind_combo.addItem(activity_kind_label(k), k)
        kind = a.kind if a.kind in PLANNABLE_KINDS else "call"
        self.next_kind_combo.setCurrentIndex(self.next_kind_combo.findData(kind))
        self.next_subject_edit = QLineEdit(a.subject)
        self.next_subject_edit.setPlaceholderText(translate("CompleteActivity",
                                                            "Что сделать"))
        self.next_due_edit = datetime_edit()
        self.set_next_in_days(1)
        quick = QHBoxLayout()
        self.quick_buttons: dict[int, QPushButton] = {}
        for days in QUICK_DAYS:
            button = QPushButton(quick_day_label(days))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, n=days: self.set_next_in_days(n))
            quick.addWidget(button)
            self.quick_buttons[days] = button
        quick.addStretch(1)
        grid.addWidget(QLabel(translate("CompleteActivity", "Вид")), 0, 0)
        grid.addWidget(self.next_kind_combo, 0, 1)
        grid.addWidget(QLabel(translate("CompleteActivity", "Что сделать *")), 0, 2)
        grid.addWidget(self.errors.wrap("next.subject", self.next_subject_edit), 0, 3)
        grid.addWidget(QLabel(translate("CompleteActivity", "Когда *")), 1, 0)
        grid.addWidget(self.errors.wrap("next.due_at", self.next_due_edit), 1, 1)
        grid.addLayout(quick, 1, 2, 1, 2)
        grid.setColumnStretch(3, 1)
        self.errors.attach("next.kind", self.next_kind_combo)
        bl.addWidget(self.next_panel)
        bl.addWidget(self.none_radio)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(translate(
            "CompleteActivity", "Почему следующего шага нет: клиент отказался, сделка закрыта…"))
        reason = self.errors.wrap("no_next_reason", self.reason_edit)
        reason.setContentsMargins(24, 0, 0, 0)
        bl.addWidget(reason)

    # --- the next step -------------------------------------------------------------------------
    def set_next_in_days(self, days: int) -> None:
        """A quick button: the next step `days` days from today, at 10:00 local time."""
        today = (self._now or datetime.now()).astimezone().date()
        when = datetime.combine(today + timedelta(days=days), NEXT_STEP_TIME).astimezone()
        self.next_due_edit.setDateTime(to_qdatetime(when))

    def _sync_mode(self, *_: object) -> None:
        planned = self.next_radio.isChecked()
        self.next_panel.setEnabled(planned)
        self.reason_edit.setEnabled(not planned)
        if not planned and not self.recurring:
            self.reason_edit.setFocus()

    def _on_results_chosen(self, code: str) -> None:
        self.errors.clear_field("result")
        if code == "refused" and not self.recurring:  # a refusal rarely has a next step
            self.none_radio.setChecked(True)

    # --- saving --------------------------------------------------------------------------------
    def values(self) -> tuple[object, ...]:
        return (self.results.value(), self.reaction_combo.currentData(),
                self.outcome_edit.text(), self.next_radio.isChecked(),
                self.next_kind_combo.currentData(), self.next_subject_edit.text(),
                self.next_due_edit.dateTime().toSecsSinceEpoch(), self.reason_edit.text())

    def completion(self) -> Completion:
        a = self.activity
        nxt = None
        if not self.recurring and self.next_radio.isChecked():
            nxt = ActivityDraft(kind=str(self.next_kind_combo.currentData()),
                                subject=self.next_subject_edit.text(),
                                client_id=a.client_id, contact_id=a.contact_id,
                                deal_id=a.deal_id, due_at=aware_datetime(self.next_due_edit))
        return Completion(
            result=self.results.value(), outcome=self.outcome_edit.text(),
            reaction=str(self.reaction_combo.currentData()) if a.kind in MEETING_KINDS else "",
            next=nxt,
            no_next_reason="" if nxt is not None or self.recurring else self.reason_edit.text())

    def save(self) -> bool:
        """Complete the activity; a refusal is shown next to its field and the dialog stays."""
        completion = self.completion()
        if not completion.result:
            self.errors.show({"result": translate(
                "CompleteActivity", "Выберите результат (цифры 1–{n})").format(
                n=len(self.results.results))})
            return False
        activities = self._services.activities
        ok, change = stored_or_shown(
            self.errors, lambda: activities.complete_undoable(self.activity.id, completion))
        if not ok or change is None:
            return False
        self.next_id = change.next_activity_id
        record_completion(activities, change)  # Правка → Отменить reopens it
        self.errors.clear()
        if self.unsaved is not None:
            self.unsaved.mark_clean()
        self.completed.emit(self.activity.id, self.next_id)
        self.accept()
        if self.score_proposal is not None and self.score_check.isChecked():
            from app.views.market.feedback import propose_score

            propose_score(self._services, self.score_proposal, self.parentWidget())
        return True

    def _on_complete_clicked(self) -> None:
        self.save()


__all__ = ["CompletionDialog", "ResultChoice"]
