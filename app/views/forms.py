"""Small building blocks every dialog form shares: the button row, the field errors and
reading dates and times out of Qt's editors."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime, SignalInstance
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate
from app.services.errors import ValidationError
from app.views.record_model import RecordTableModel

FORM_LABEL_GAP = 12  # between a form's labels and their fields (px)
FORM_ROW_GAP = 6


def form_layout(parent: QWidget | None = None) -> QFormLayout:
    """A form (label: field rows) with room between a label and its field — Fusion's own
    spacing let «Контактное лицо» and «Ожидаемое закрытие» touch their fields (issue 17,
    finding 6). Every form of the app is made here."""
    form = QFormLayout(parent) if parent is not None else QFormLayout()
    form.setHorizontalSpacing(FORM_LABEL_GAP)
    form.setVerticalSpacing(FORM_ROW_GAP)
    return form


class DateEdit(QDateEdit):
    """A date field that hands Tab on while it shows its special value text («не указана»).

    Qt's date editor takes Tab for its next section (day → month → year); while the special
    text is shown it has none to go to, yet keeps the Tab, so Tab stayed in an empty optional
    date for ever (issue 17, «Keyboard»). Every date that may be empty is made from this.
    """

    def focusNextPrevChild(self, next: bool) -> bool:
        if self.specialValueText() and self.date() == self.minimumDate():
            return QWidget.focusNextPrevChild(self, next)  # on to the next field
        return super().focusNextPrevChild(next)


def dialog_buttons(dialog: QDialog, accept_text: str,
                   on_accept: Callable[[], None] | None = None) -> QDialogButtonBox:
    """The accept (primary, default) and Отмена buttons of a dialog, in the platform's order.

    `on_accept` runs instead of `dialog.accept` — typically a method that validates, shows
    errors next to the fields, and accepts only when all is well.
    """
    buttons = QDialogButtonBox()
    accept = buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
    accept.setObjectName("primary")
    accept.setDefault(True)
    buttons.addButton(translate("Forms", "Отмена"), QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(on_accept or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def in_platform_order(accept: QWidget, cancel: QWidget) -> list[QWidget]:
    """A dialog's own accept and cancel buttons in the order the platform's button boxes
    put them (`dialog_buttons`': accept first on Windows and KDE, cancel first on macOS and
    GNOME), for a row that holds more than the two — so every dialog has them the same way
    round."""
    from PySide6.QtWidgets import QApplication, QStyle

    layout = QApplication.style().styleHint(QStyle.StyleHint.SH_DialogButtonLayout)
    accept_first = layout in (QDialogButtonBox.ButtonLayout.WinLayout.value,
                              QDialogButtonBox.ButtonLayout.KdeLayout.value)
    return [accept, cancel] if accept_first else [cancel, accept]


def to_date(value: QDate) -> date:
    """A date editor's value as a `datetime.date`."""
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    """`value` for a date editor."""
    return QDate(value.year, value.month, value.day)


def to_time(value: QTime) -> time:
    """A time editor's value as a `datetime.time`."""
    return time(value.hour(), value.minute(), value.second(), value.msec() * 1000)


def line_edit(combo: QComboBox) -> QLineEdit:
    """The text field of an editable combo box (Qt's `lineEdit()` is None until
    `setEditable(True)`)."""
    edit = combo.lineEdit()
    if edit is None:
        raise ValueError("the combo box is not editable")
    return edit


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Outline `widget` in red (the `[invalid="true"]` rule of the style sheet) or not."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def error_label() -> QLabel:
    """The small red message shown under a field (hidden while there is nothing to say)."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def error_banner() -> QLabel:
    """The red box at the top of a form that `FieldErrors(banner=…)` fills: how many fields
    need a look, and the messages no field took (hidden while there is nothing to say)."""
    from app.views import style

    label = QLabel()
    label.setWordWrap(True)
    style.set_notice(label, "danger")
    label.hide()
    return label


def image_preview() -> QLabel:
    """A logo's or a stamp's preview: 120×48 on white paper, as it prints, in either theme."""
    label = QLabel()
    label.setFixedSize(120, 48)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setProperty("paper", "true")  # style.py
    return label


@dataclass(frozen=True)
class EditorHead:
    """The heading row of a record's editor: its title, a status badge, its amount."""

    row: QHBoxLayout
    heading: QLabel
    badge: QLabel
    amount: QLabel


def editor_head() -> EditorHead:
    """The deal's and the order's editors open with the same row (title · badge … amount)."""
    from app.views import style

    heading = style.named(QLabel(), "sectionTitle")
    badge = QLabel()
    style.set_chip(badge, "info")
    amount = QLabel()
    amount.setStyleSheet("font-size: 18px; font-weight: 600;")
    row = QHBoxLayout()
    row.addWidget(heading)
    row.addSpacing(8)
    row.addWidget(badge)
    row.addStretch(1)
    row.addWidget(amount)
    return EditorHead(row=row, heading=heading, badge=badge, amount=amount)


def _edited_signals(widget: QWidget) -> list[SignalInstance]:
    """The signals that mean "the user changed this field"."""
    if isinstance(widget, QLineEdit):
        return [widget.textEdited]
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return [widget.textChanged]
    if isinstance(widget, QComboBox):
        signals = [widget.activated]
        if widget.isEditable():
            signals.append(widget.editTextChanged)
        return signals
    if isinstance(widget, QDateTimeEdit):  # QDateEdit, QTimeEdit
        return [widget.dateTimeChanged]
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return [widget.valueChanged]
    if isinstance(widget, QAbstractButton):
        return [widget.toggled]
    return []


def _row_model(widget: QWidget) -> RecordTableModel[Any] | None:
    model = widget.model() if isinstance(widget, QAbstractItemView) else None
    return model if isinstance(model, RecordTableModel) else None


@dataclass
class _Field:
    widget: QWidget
    label: QLabel
    rows: bool = False  # `prefix.N.field` messages go to the view's rows
    describe: Callable[[int, str], str] | None = None


class FieldErrors:
    """Shows a ValidationError's messages next to the fields they name.

    Register each field once — `add_row` (a QFormLayout row), `wrap` (the widget with its
    label under it, for any layout) or `attach` (a label the caller placed). `show(errors)`
    then puts each message in red under its field, outlines the field, reveals and focuses
    the first bad one (switching tabs if need be) and returns the messages no field took;
    nothing the user typed is touched. A field's message goes as soon as the user edits it.

    A table of rows edited in the form (`attach_rows(prefix, view)`) takes the
    `prefix.N.field` messages (and `prefix` itself): they are listed under the table and
    row N is marked through the model's `set_row_errors` when it has one.

    A `banner`, if given, says how many fields need a look and lists the unplaced messages —
    for forms spread over tabs, where a field's own message may be out of sight.
    """

    def __init__(self, *, banner: QLabel | None = None) -> None:
        self._fields: dict[str, _Field] = {}
        self._unplaced: list[str] = []
        self._banner = banner
        if banner is not None:
            banner.hide()

    # --- registering fields -----------------------------------------------------------------
    def attach(self, field: str, widget: QWidget, label: QLabel | None = None) -> QLabel:
        """Register `widget` as `field`; returns the message label for the caller to place."""
        label = label or error_label()
        label.setObjectName("fieldError")
        label.setWordWrap(True)
        label.hide()
        self._fields[field] = _Field(widget, label)
        for signal in _edited_signals(widget):
            signal.connect(lambda *_a, f=field: self.clear_field(f))
        return label

    def wrap(self, field: str, widget: QWidget) -> QWidget:
        """`widget` with its message label under it, registered as `field`."""
        box = QWidget()
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        lay.addWidget(self.attach(field, widget))
        box.setFocusProxy(widget)
        return box

    def add_row(self, form: QFormLayout, label: str, field: str, widget: QWidget) -> QLabel:
        """Add the row `label: widget` to `form`, the message under the widget."""
        form.addRow(label, self.wrap(field, widget))
        return self.label(field)

    def attach_rows(self, prefix: str, view: QAbstractItemView, label: QLabel | None = None,
                    *, describe: Callable[[int, str], str] | None = None) -> QLabel:
        """Register a table whose rows are `prefix.N`; `describe(n, message)` words a row's
        message for the list under the table (default: the message as is)."""
        label = self.attach(prefix, view, label)
        self._fields[prefix].rows = True
        self._fields[prefix].describe = describe
        return label

    def label(self, field: str) -> QLabel:
        return self._fields[field].label

    def widget(self, field: str) -> QWidget:
        return self._fields[field].widget

    # --- showing ----------------------------------------------------------------------------
    def show(self, errors: ValidationError | Mapping[str, str]) -> list[str]:
        """Show each message next to its field; returns the messages no field here took."""
        if isinstance(errors, ValidationError):
            errors = errors.errors
        self.clear()
        placed: dict[str, list[str]] = {}
        row_marks: dict[str, dict[int, str]] = {}
        for key, message in errors.items():
            field, row = self._field_for(key)
            if field is None:
                self._unplaced.append(message)
                continue
            entry = self._fields[field]
            if row is not None:
                row_marks.setdefault(field, {}).setdefault(row, message)
                if entry.describe is not None:
                    message = entry.describe(row, message)
            placed.setdefault(field, []).append(message)
        for field, messages in placed.items():
            entry = self._fields[field]
            entry.label.setText("\n".join(dict.fromkeys(messages)))
            entry.label.show()
            set_invalid(entry.widget, True)
            model = _row_model(entry.widget)
            if model is not None and field in row_marks:
                model.set_row_errors(row_marks[field])
        self._update_banner()
        first = next((f for f in self._fields if f in placed), None)
        if first is not None:
            self._reveal(first, min(row_marks.get(first, {}), default=None))
        return list(self._unplaced)

    def clear(self) -> None:
        """Hide every message (e.g. when the form loads another record)."""
        self._unplaced = []
        for field in self._fields:
            self.clear_field(field)
        self._update_banner()

    def clear_field(self, field: str) -> None:
        entry = self._fields[field]
        if entry.label.isHidden() and not entry.widget.property("invalid"):
            return
        entry.label.clear()
        entry.label.hide()
        set_invalid(entry.widget, False)
        model = _row_model(entry.widget)
        if entry.rows and model is not None:
            model.set_row_errors({})
        self._update_banner()

    def shown(self) -> dict[str, str]:
        """The messages on screen now, by field."""
        return {f: e.label.text() for f, e in self._fields.items() if not e.label.isHidden()}

    # --- helpers ----------------------------------------------------------------------------
    def _field_for(self, key: str) -> tuple[str | None, int | None]:
        if key in self._fields and not self._fields[key].rows:
            return key, None
        head, _, rest = key.partition(".")
        entry = self._fields.get(head)
        if entry is None or not entry.rows:
            return None, None
        number = rest.split(".", 1)[0]
        return head, (int(number) if number.isdigit() else None)

    def _update_banner(self) -> None:
        if self._banner is None:
            return
        count = len(self.shown())
        lines = []
        if count:
            lines.append(translate("Forms", "Проверьте поля, отмеченные красным ({n}). "
                                            "Введённое сохранено в форме.").format(n=count))
        lines.extend(self._unplaced)
        self._banner.setText("\n".join(lines))
        self._banner.setVisible(bool(lines))

    def _reveal(self, field: str, row: int | None) -> None:
        widget = self._fields[field].widget
        ancestors: list[QWidget] = []
        parent = widget.parentWidget()
        while parent is not None:
            ancestors.append(parent)
            parent = parent.parentWidget()
        for ancestor in reversed(ancestors):  # the outer tabs first, then the inner ones
            if isinstance(ancestor, QTabWidget):
                i = next((i for i in range(ancestor.count())
                          if (page := ancestor.widget(i)) is not None
                          and (page is widget or page.isAncestorOf(widget))), -1)
                if i >= 0:
                    ancestor.setCurrentIndex(i)
            elif isinstance(ancestor, QScrollArea):
                ancestor.ensureWidgetVisible(widget)
        if row is not None and isinstance(widget, QAbstractItemView) \
                and widget.model() is not None:
            widget.setCurrentIndex(widget.model().index(row, 0))
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
