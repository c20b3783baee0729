"""Tab walks each dialog in a sensible order (issue 17, «Keyboard»).

For every dialog of the app, and for each page of its tabs in turn: from the first field, real
Tab presses go round the dialog and come back (no widget keeps Tab for itself — a text box
typing a tab, a table moving from cell to cell for ever), they reach every widget of the page
that takes keyboard focus, and they visit the rows of each form one after another, top to
bottom. A dialog without a form (a list, a preview) is checked for the round and the reach.
And Tab follows what the user sees: walking the page's layouts in reading order (rows top to
bottom, within a row left to right; a tab widget's bar before its page) gives the order Tab
must visit the focusable widgets in — only the dialog's own button box may come last wherever
it sits. A scroll area holding fields is no Tab stop of its own. On the main window, Tab
leaves every table of the tabs with lists (the arrows move inside them).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QStackedLayout,
    QStackedWidget,
    QTabBar,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from reportlab.pdfgen import canvas
from sqlalchemy import text

FIELDS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QCheckBox)
# Tab stops at the whole, not at its line edit, its buttons, its header's corner
COMPOSITES = (QComboBox, QAbstractSpinBox, QLineEdit, QAbstractItemView, QTabBar)
STEPS_INSIDE = 8  # Tab may step inside one widget (a date's day, month, year) before leaving


def _owner(widget: QWidget, among: list[QWidget]) -> QWidget | None:
    """The widget of `among` a focused widget belongs to (an editable combo's line edit…)."""
    w: QWidget | None = widget
    while w is not None:
        if w in among:
            return w
        w = w.parentWidget()
    return None


def _walk(dialog: QDialog, start: QWidget, focusable: list[QWidget],
          limit: int = 200) -> list[QWidget]:
    """The widgets real Tab presses visit from `start`, once round and back to `start`.

    Fails if Tab stays in one widget (more than `STEPS_INSIDE` presses) or leaves the dialog;
    a dialog with only one widget to stop at goes round by staying there.
    """
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    first = QApplication.focusWidget()
    assert first is not None and first.window() is dialog, "the dialog does not take focus"
    seen: list[QWidget] = [first]
    for _ in range(limit):
        current = QApplication.focusWidget()
        for _step in range(STEPS_INSIDE):
            assert current is not None
            QTest.keyClick(current, Qt.Key.Key_Tab)
            QApplication.processEvents()
            if QApplication.focusWidget() is not current:
                break
        else:
            if focusable == [current]:
                return seen
            raise AssertionError(f"Tab is trapped in {_name(current)}")
        after = QApplication.focusWidget()
        assert after is not None and after.window() is dialog, f"Tab left the dialog at {after}"
        if after in seen:
            assert after is first, (
                f"Tab goes round {[_name(w) for w in seen[seen.index(after):]]} and never "
                f"back to {_name(first)}")
            return seen
        seen.append(after)
    raise AssertionError(f"Tab does not come back to {_name(first)} within {limit} presses")


def _name(widget: QWidget | None) -> str:
    if widget is None:
        return "None"
    return widget.objectName() or type(widget).__name__ + (
        f"«{widget.text()}»" if hasattr(widget, "text") and isinstance(widget.text(), str)
        else "")


def _focusable(dialog: QDialog) -> list[QWidget]:
    """The widgets in view that Tab should stop at: enabled, shown, taking Tab focus, and every
    button (a tool button without focus would be out of reach of the keyboard). A combo box or
    spin box counts once, not its line edit or buttons; an exclusive group of radio buttons
    counts once too (Tab stops at its checked button, the arrows choose)."""
    def inside_composite(w: QWidget) -> bool:
        parent = w.parentWidget()
        while parent is not None and parent is not dialog:
            if isinstance(parent, COMPOSITES):
                return True
            parent = parent.parentWidget()
        return False

    found = [w for w in dialog.findChildren(QWidget)
             if w.window() is dialog and w.isVisible() and w.isEnabled()
             and w.focusProxy() is None and not inside_composite(w)
             and (w.focusPolicy() & Qt.FocusPolicy.TabFocus or isinstance(w, QAbstractButton))]
    radios: dict[int, list[QRadioButton]] = {}
    for w in found:
        if isinstance(w, QRadioButton):
            group = w.group() if w.group() is not None and w.group().exclusive() else (
                w.parentWidget() if w.autoExclusive() else None)
            if group is not None:
                radios.setdefault(id(group), []).append(w)
    for members in radios.values():
        keep = next((r for r in members if r.isChecked()), members[0])
        found = [w for w in found if w is keep or w not in members]
    return found


def _form_rows(dialog: QDialog) -> list[list[QWidget]]:
    """The fields in view of each form (and of each column of a label/field grid), in rows."""
    def inner(widget: QWidget) -> list[QWidget]:
        return [widget] if isinstance(widget, FIELDS) else [
            w for w in widget.findChildren(QWidget) if isinstance(w, FIELDS)][:1]

    def usable(w: QWidget) -> bool:
        return (w.isVisible() and w.isEnabled() and w.window() is dialog
                and not (isinstance(w, QLineEdit) and w.isReadOnly()))

    rows: list[list[QWidget]] = []
    for form in dialog.findChildren(QFormLayout):
        if form.parentWidget() is None or not form.parentWidget().isVisible():
            continue
        fields = []
        for r in range(form.rowCount()):
            item = form.itemAt(r, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if widget is not None:
                fields += [w for w in inner(widget) if usable(w)]
        if fields:
            rows.append(fields)
    for grid in dialog.findChildren(QGridLayout):  # forms laid out as label/field grids
        if grid.parentWidget() is None or not grid.parentWidget().isVisible():
            continue
        for column in range(grid.columnCount()):
            fields = []
            for r in range(grid.rowCount()):
                item = grid.itemAtPosition(r, column)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    fields += [w for w in inner(widget) if usable(w)
                               and not any(w in f for f in rows) and w not in fields]
            if len(fields) > 1:
                rows.append(fields)
    return rows


def _reading_order(dialog: QDialog, focusable: list[QWidget]) -> list[QWidget]:
    """The focusable widgets as the page's layouts show them: rows top to bottom, within a row
    left to right, a tab widget's bar (and its corner) before its page, the page in view of a
    stack. Widgets no layout places (a cell's editor, a floating hint) are left out; the buttons
    of the dialog's own button box go last, wherever they sit (a user looks for them there)."""
    order: list[QWidget] = []

    def visit_widget(w: QWidget | None) -> None:
        if w is None or not w.isVisible() or w in order:
            return
        if w in focusable:
            order.append(w)
        if isinstance(w, COMPOSITES):  # one stop: Tab does not go inside
            return
        if isinstance(w, QTabWidget):
            visit_widget(w.tabBar())
            visit_widget(w.cornerWidget(Qt.Corner.TopLeftCorner))
            visit_widget(w.cornerWidget(Qt.Corner.TopRightCorner))
            visit_widget(w.currentWidget())
        elif isinstance(w, QStackedWidget):
            visit_widget(w.currentWidget())
        elif isinstance(w, QScrollArea):
            visit_widget(w.widget())
        elif isinstance(w, QSplitter):
            for i in range(w.count()):
                visit_widget(w.widget(i))
        elif w.layout() is not None:
            visit_layout(w.layout())
        elif not isinstance(w, QAbstractScrollArea):  # children placed by hand: by position
            kids = [c for c in w.findChildren(QWidget, options=Qt.FindChildOption.
                                              FindDirectChildrenOnly) if c.isVisible()]
            for kid in sorted(kids, key=lambda c: (c.y(), c.x())):
                visit_widget(kid)

    def visit_item(item: QLayoutItem | None) -> None:
        if item is None:
            return
        if item.widget() is not None:
            visit_widget(item.widget())
        elif item.layout() is not None:
            visit_layout(item.layout())

    def visit_layout(layout: QLayout) -> None:
        if isinstance(layout, QStackedLayout):
            visit_widget(layout.currentWidget())
        elif isinstance(layout, QFormLayout):
            for r in range(layout.rowCount()):
                for role in (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole,
                             QFormLayout.ItemRole.SpanningRole):
                    visit_item(layout.itemAt(r, role))
        elif isinstance(layout, QGridLayout):
            cells = sorted(range(layout.count()),
                           key=lambda i: layout.getItemPosition(i)[:2])  # (row, column)
            for i in cells:
                visit_item(layout.itemAt(i))
        else:
            items = [layout.itemAt(i) for i in range(layout.count())]
            if isinstance(layout, QBoxLayout) and layout.direction() in (
                    QBoxLayout.Direction.RightToLeft, QBoxLayout.Direction.BottomToTop):
                items.reverse()
            for item in items:
                visit_item(item)

    visit_widget(dialog)
    boxes = [b for b in dialog.findChildren(QDialogButtonBox,
                                            options=Qt.FindChildOption.FindDirectChildrenOnly)]
    last = [w for w in order if any(b.isAncestorOf(w) for b in boxes)]
    return [w for w in order if w not in last] + last


def _check_reading_order(dialog: QDialog, visited: list[QWidget],
                         focusable: list[QWidget]) -> None:
    """Tab visits the page's focusable widgets in the order the layouts show them.

    The round is read from the top left widget: Tab goes from the last button back to the top,
    so a walk started at the first field of a form lower down reaches what is above it last.
    """
    expected = _reading_order(dialog, focusable)
    cycle = [w for w in visited if w in expected]
    if expected and expected[0] in cycle:  # the round read from the top left
        at = cycle.index(expected[0])
        cycle = cycle[at:] + cycle[:at]
    assert [_name(w) for w in cycle] == [_name(w) for w in expected], (
        "Tab does not follow the layout's order")
    assert cycle == expected


def _check_page(dialog: QDialog, *, form: bool) -> None:
    """The page in view: Tab goes round from its first field (or the focused widget, for a
    dialog without a form), reaching every focusable widget and each form's rows in order."""
    rows = _form_rows(dialog)
    if form:
        assert rows, "the dialog has no form in view"
    focusable = _focusable(dialog)
    assert focusable, "nothing in the dialog takes focus"
    hollow = [w for w in focusable if isinstance(w, QScrollArea) and w.widget() is not None
              and any(w.widget().isAncestorOf(f) for f in focusable)]
    assert not hollow, f"{[_name(w) for w in hollow]}: a Tab stop that shows no focus (its " \
                       "fields are the stops)"
    focused = QApplication.focusWidget()
    start = rows[0][0] if rows else (focused if focused in focusable else focusable[0])
    visited: list[QWidget] = []
    for w in _walk(dialog, start, focusable):
        owner = _owner(w, focusable)
        if owner is not None and owner not in visited:
            visited.append(owner)
    missing = [_name(w) for w in focusable if w not in visited]
    assert not missing, f"Tab never reaches {missing}"
    for fields in rows:  # each form's rows in order, top to bottom
        order = [visited.index(_owner(w, focusable) or w) for w in fields]
        assert order == sorted(order), [_name(f) for f in fields]
    _check_reading_order(dialog, visited, focusable)


def _tab_widgets(dialog: QDialog) -> list[QTabWidget]:
    """The dialog's tab widgets in view whose pages a user walks (not nested in another's)."""
    shown = [t for t in dialog.findChildren(QTabWidget) if t.isVisible() and t.count() > 1]
    return [t for t in shown if not any(o is not t and o.isAncestorOf(t) for o in shown)]


def _check(dialog: QDialog, *, form: bool = True) -> None:
    """Check the page in view, then each other page of the dialog's tabs, one after another
    (as a user does: Ctrl+Tab or the tab bar's arrows, then Tab through the page)."""
    _check_page(dialog, form=form)
    for tabs in _tab_widgets(dialog):
        first = tabs.currentIndex()
        for index in range(tabs.count()):
            if index == first or not tabs.isTabEnabled(index) or not tabs.isTabVisible(index):
                continue
            tabs.setCurrentIndex(index)
            tabs.tabBar().setFocus(Qt.FocusReason.TabFocusReason)  # where the user switched
            QApplication.processEvents()
            _check_page(dialog, form=False)  # a page may hold a list only
        tabs.setCurrentIndex(first)


TODAY = date(2026, 11, 16)  # the demo's


def _first(services, sql: str) -> int:  # type: ignore[no-untyped-def]
    """The id of the first demo record `sql` selects."""
    with services.engine.connect() as conn:
        found = conn.execute(text(sql)).scalar()
    assert found is not None, sql
    return int(found)


def _activity_editor(services):  # type: ignore[no-untyped-def]
    from app.views.activities.editor import ActivityEditor

    return ActivityEditor(services=services, activity_id=_first(
        services, "SELECT id FROM activities WHERE NOT done AND client_id IS NOT NULL"
                  " AND deal_id IS NOT NULL ORDER BY id"))


def _activity_editor_new(services):  # type: ignore[no-untyped-def]
    from app.views.activities.editor import ActivityEditor

    return ActivityEditor(services=services)


def _company(services):  # type: ignore[no-untyped-def]
    from app.views.documents.company_dialog import CompanyDialog

    return CompanyDialog(services=services)


def _first_run(services):  # type: ignore[no-untyped-def]
    from app.views.first_run import FirstRunWizard

    return FirstRunWizard(services=services)


def _deal(services):  # type: ignore[no-untyped-def]
    from app.views.deals.editor import DealEditor

    return DealEditor(services=services, deal_id=_first(
        services, "SELECT deal_id FROM deal_lines ORDER BY deal_id"))


def _deal_new(services):  # type: ignore[no-untyped-def]
    from app.views.deals.editor import DealEditor

    return DealEditor(services=services)


def _client(services):  # type: ignore[no-untyped-def]
    from app.views.clients.card import ClientCardDialog

    return ClientCardDialog(services=services, client_id=_first(
        services, "SELECT client_id FROM contacts ORDER BY client_id"))


def _client_new(services):  # type: ignore[no-untyped-def]
    from app.views.clients.card import ClientCardDialog

    return ClientCardDialog(services=services, client_id=None)


def _campaign(services):  # type: ignore[no-untyped-def]
    from app.views.market.campaigns import CampaignEditor

    return CampaignEditor(services=services, campaign_id=_first(
        services, "SELECT id FROM campaigns ORDER BY id"))


def _competitor(services):  # type: ignore[no-untyped-def]
    from app.views.market.competitor_editor import CompetitorDialog

    cid = _first(services, "SELECT competitor_id FROM competitor_prices ORDER BY competitor_id")
    return CompetitorDialog(services=services, competitor=services.market.competitor(cid),
                            today=TODAY)


def _shortcuts(services):  # type: ignore[no-untyped-def]
    from app.views.shortcuts_help import ShortcutRow, ShortcutsDialog

    return ShortcutsDialog([ShortcutRow("Файл", "Ctrl+K", "Поиск"),
                            ShortcutRow("Файл", "F1", "Горячие клавиши"),
                            ShortcutRow("Сделки", "Ctrl+N", "Новая сделка")])


def _stages(services):  # type: ignore[no-untyped-def]
    from app.views.deals.stages import StageSettingsDialog

    return StageSettingsDialog(services=services)


def _lost(services):  # type: ignore[no-untyped-def]
    from app.views.deals.move_dialogs import LostReasonDialog

    return LostReasonDialog(None, "Поставка", ["price", "competitor", "other"],
                            ["ПакСервис", "Профупак"])


def _won(services):  # type: ignore[no-untyped-def]
    from app.views.deals.move_dialogs import WonDialog

    return WonDialog(None, "Поставка", Decimal("125000.50"), TODAY)


def _objections(services):  # type: ignore[no-untyped-def]
    from app.views.deals.editor import ObjectionLibraryDialog

    return ObjectionLibraryDialog(services=services)


def _stock(services):  # type: ignore[no-untyped-def]
    from app.views.deals.catalog import StockCorrectionDialog

    product = services.catalog.get(_first(services, "SELECT id FROM products ORDER BY id"))
    return StockCorrectionDialog(services=services, product=product)


def _catalog(services):  # type: ignore[no-untyped-def]
    from app.views.deals.catalog import CatalogDialog

    return CatalogDialog(services=services)


def _order_id(services) -> int:  # type: ignore[no-untyped-def]
    return _first(services, "SELECT id FROM orders WHERE status NOT IN ('done', 'cancelled')"
                            " ORDER BY id")


def _shipment(services):  # type: ignore[no-untyped-def]
    from app.views.orders.shipment_dialog import ShipmentDialog

    order = services.orders.order(_order_id(services), today=TODAY)
    return ShipmentDialog(services=services, order=order, shipment=order.shipments[0],
                          today=TODAY)


def _shipment_new(services):  # type: ignore[no-untyped-def]
    from app.views.orders.shipment_dialog import ShipmentDialog

    order = services.orders.order(_order_id(services), today=TODAY)
    return ShipmentDialog(services=services, order=order, today=TODAY)


def _payment(services):  # type: ignore[no-untyped-def]
    from app.views.orders.payment_dialog import PaymentDialog

    order = services.orders.order(_order_id(services), today=TODAY)
    return PaymentDialog(services=services, order=order, today=TODAY)


def _order(services):  # type: ignore[no-untyped-def]
    from app.views.orders.editor import OrderEditor

    return OrderEditor(services=services, order_id=_order_id(services))


def _backups(services):  # type: ignore[no-untyped-def]
    from app.views.backups import BackupsDialog

    return BackupsDialog(services)


def _task(services):  # type: ignore[no-untyped-def]
    from app.views.mentoring.checklist import TaskDialog

    trainee = _first(services, "SELECT trainee_id FROM trainee_tasks ORDER BY trainee_id")
    return TaskDialog(services=services, task=services.mentoring.tasks(trainee, TODAY)[0])


def _trainee(services):  # type: ignore[no-untyped-def]
    from app.views.mentoring.trainees import TraineeDialog

    return TraineeDialog(services=services, trainee=services.mentoring.trainees(TODAY)[0],
                         today=TODAY)


def _global_search(services):  # type: ignore[no-untyped-def]
    from app.views.global_search import GlobalSearchDialog

    return GlobalSearchDialog(services)


def _export_period(services):  # type: ignore[no-untyped-def]
    from app.views.activities.calendar import ExportPeriodDialog

    return ExportPeriodDialog(TODAY)


def _call_log(services):  # type: ignore[no-untyped-def]
    from app.views.activities.call_log import CallLogDialog

    deal = _first(services, "SELECT d.id FROM deals d JOIN contacts c ON c.client_id ="
                            " d.client_id ORDER BY d.id")
    client = _first(services, f"SELECT client_id FROM deals WHERE id = {deal}")
    return CallLogDialog(services=services, client_id=client, deal_id=deal)


def _completion(services):  # type: ignore[no-untyped-def]
    from app.views.activities.complete import CompletionDialog

    return CompletionDialog(services=services, activity_id=_first(
        services, "SELECT id FROM activities WHERE NOT done AND client_id IS NOT NULL"
                  " AND deal_id IS NOT NULL ORDER BY id"))


def _rhythm(services):  # type: ignore[no-untyped-def]
    from app.views.activities.rhythm import RhythmDialog

    return RhythmDialog(services=services)


def _statement(services):  # type: ignore[no-untyped-def]
    from app.views.clients.statement import StatementPeriodDialog

    return StatementPeriodDialog(TODAY)


def _import(services):  # type: ignore[no-untyped-def]
    from app.views.clients.import_dialog import ImportDialog

    dialog = ImportDialog(services=services)
    path = services.db_path.with_name("clients.csv")  # the test's own folder
    path.write_text("Название;ИНН;Телефон\nООО «Лютик»;7707083893;+7 495 123-45-67\n",
                    encoding="utf-8")
    assert dialog.load_file(path)  # the mapping's combo boxes in view
    return dialog


def _contact(services):  # type: ignore[no-untyped-def]
    from app.views.clients.card import ContactDialog

    client = _first(services, "SELECT client_id FROM contacts ORDER BY client_id")
    return ContactDialog(services.clients.get(client).draft.contacts[0])


def _report(services):  # type: ignore[no-untyped-def]
    from app.views.documents.report_dialog import ReportOptionsDialog

    return ReportOptionsDialog(TODAY)


def _preview(services):  # type: ignore[no-untyped-def]
    from app.views.documents.preview import PdfPreviewDialog

    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    for n in range(2):
        pdf.drawString(100, 700, f"Страница {n + 1}")
        pdf.showPage()
    pdf.save()
    return PdfPreviewDialog(out.getvalue(), title="КП", filename="КП", email_to="a@b.ru")


def _protocol(services):  # type: ignore[no-untyped-def]
    from app.views.documents.protocol_dialog import ProtocolDialog

    deal = _first(services, "SELECT d.id FROM deals d JOIN contacts c ON c.client_id ="
                            " d.client_id ORDER BY d.id")
    return ProtocolDialog(services.documents.protocol_defaults(deal), today=TODAY)


def _offer(services):  # type: ignore[no-untyped-def]
    from app.views.documents.offer_dialog import OfferOptionsDialog

    deal = _first(services, "SELECT deal_id FROM deal_lines ORDER BY deal_id")
    docs = services.documents
    return OfferOptionsDialog(
        [("classic", "Классический"), ("modern", "Современный")], "classic",
        lambda t: docs.default_intro(deal, t), 14, subject=docs.default_subject(deal),
        vat_notice_for=lambda days: docs.vat_change_notice(deal, TODAY, days),
        glyph_notice_for=lambda typed: docs.unprintable_notice(deal, typed))


def _price(services):  # type: ignore[no-untyped-def]
    from app.views.market.competitor_editor import PriceDialog

    return PriceDialog(products=services.catalog.list_products(), line=None, today=TODAY)


def _price_import(services):  # type: ignore[no-untyped-def]
    from app.views.market.competitor_import import PriceImportDialog

    cid = _first(services, "SELECT id FROM competitors ORDER BY id")
    dialog = PriceImportDialog(services=services, competitor=services.market.competitor(cid),
                               today=TODAY)
    path = services.db_path.with_name("prices.csv")  # the test's own folder
    path.write_text("Артикул;Наименование;Цена\nBOX-1;Коробка;95,50\n", encoding="utf-8")
    assert dialog.load_file(path)  # the mapping's combo boxes in view
    return dialog


def _mailing(services):  # type: ignore[no-untyped-def]
    from app.views.market.campaigns import MailingExportDialog

    return MailingExportDialog(services=services)


def _complaint(services):  # type: ignore[no-untyped-def]
    from app.views.market.feedback import ComplaintEditor

    return ComplaintEditor(services=services, today=TODAY, complaint_id=_first(
        services, "SELECT id FROM complaints ORDER BY id"))


def _score(services):  # type: ignore[no-untyped-def]
    from app.views.market.feedback import ScoreDialog

    return ScoreDialog(services=services, today=TODAY, client_id=_first(
        services, "SELECT id FROM clients ORDER BY id"))


DIALOGS: dict[str, Callable] = {  # type: ignore[type-arg]
    "activity": _activity_editor, "activity_new": _activity_editor_new, "company": _company,
    "first_run": _first_run, "deal": _deal, "deal_new": _deal_new, "client": _client,
    "client_new": _client_new, "campaign": _campaign, "competitor": _competitor,
    "lost": _lost, "won": _won, "objections": _objections,
    "stock": _stock, "catalog": _catalog, "shipment": _shipment, "shipment_new": _shipment_new,
    "payment": _payment, "order": _order, "task": _task, "trainee": _trainee,
    "export_period": _export_period, "call_log": _call_log, "completion": _completion,
    "rhythm": _rhythm, "statement": _statement, "contact": _contact, "report": _report,
    "protocol": _protocol, "offer": _offer, "price": _price, "price_import": _price_import,
    "mailing": _mailing, "complaint": _complaint, "score": _score,
}
# Dialogs without a form (a list, a preview, a table with a few options under it): Tab must
# still go round them and reach every widget and button in view. The search dialog has one
# stop only, its box (↑/↓ choose a hit, the list takes no focus on purpose); the preview's
# toolbar buttons are in its round.
CONTROLS: dict[str, Callable] = {  # type: ignore[type-arg]
    "shortcuts": _shortcuts, "backups": _backups, "global_search": _global_search,
    "preview": _preview, "stages": _stages, "import": _import,
}


def _shown(qtbot, dialog: QDialog) -> QDialog:  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_tab_walks_every_field_in_order(qtbot, demo_services, name: str) -> None:  # type: ignore[no-untyped-def]
    dialog = _shown(qtbot, DIALOGS[name](demo_services))
    _check(dialog)
    dialog.reject()  # untouched: closes without asking


@pytest.mark.parametrize("name", sorted(CONTROLS))
def test_tab_goes_round_a_dialog_without_a_form(qtbot, demo_services, name: str) -> None:  # type: ignore[no-untyped-def]
    dialog = _shown(qtbot, CONTROLS[name](demo_services))
    _check(dialog, form=False)
    dialog.reject()


def _three_fields(qtbot) -> tuple[QDialog, list[QLineEdit]]:  # type: ignore[no-untyped-def]
    dialog = QDialog()
    form = QFormLayout(dialog)
    fields = [QLineEdit() for _ in range(3)]
    for n, w in enumerate(fields):
        w.setObjectName(f"field{n}")
        form.addRow(str(n), w)
    return dialog, fields


def test_the_walk_catches_a_field_out_of_order(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The check itself: a dialog whose Tab jumps from the first field to the third fails."""
    dialog, (a, b, c) = _three_fields(qtbot)
    _shown(qtbot, dialog)
    _check(dialog)  # the natural order passes
    QWidget.setTabOrder(a, c)
    QWidget.setTabOrder(c, b)
    with pytest.raises(AssertionError):
        _check(dialog)


def test_the_walk_catches_a_widget_out_of_reading_order(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The check itself: a list laid out between two fields but made after the buttons (so
    Tab reaches it after them) fails; so does a scroll area that is a Tab stop of its own."""
    from PySide6.QtGui import QStandardItemModel

    dialog = QDialog()
    column = QVBoxLayout(dialog)
    above, below = QLineEdit(), QLineEdit()
    column.addWidget(above)
    column.addWidget(below)
    column.addWidget(QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                      | QDialogButtonBox.StandardButton.Cancel))
    table = QTableView()
    table.setModel(QStandardItemModel(2, 2, table))
    table.setTabKeyNavigation(False)
    column.insertWidget(1, table)  # between the fields, but last in Tab's round
    _shown(qtbot, dialog)
    with pytest.raises(AssertionError, match="layout's order"):
        _check(dialog, form=False)
    QWidget.setTabOrder(above, table)
    QWidget.setTabOrder(table, below)
    _check(dialog, form=False)
    area, inner = QScrollArea(), QWidget()
    QVBoxLayout(inner).addWidget(QLineEdit())
    area.setWidget(inner)
    column.insertWidget(0, area)
    qtbot.waitUntil(area.isVisible)
    with pytest.raises(AssertionError, match="shows no focus"):
        _check(dialog, form=False)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    _check(dialog, form=False)


def test_the_walk_catches_a_trap(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The check itself: a text box that types Tab, or a table that moves from cell to cell
    with it, keeps the focus for ever; both fail until they hand Tab on."""
    from PySide6.QtGui import QStandardItemModel

    dialog, _fields = _three_fields(qtbot)
    form = dialog.layout()
    assert isinstance(form, QFormLayout)
    notes, table = QPlainTextEdit(), QTableView()
    table.setModel(QStandardItemModel(3, 2, table))
    form.addRow("notes", notes)
    form.addRow("table", table)
    _shown(qtbot, dialog)
    # the app's style hands Tab on from both (style.AppStyle, checked below); undone here
    assert notes.tabChangesFocus() and not table.tabKeyNavigation()
    notes.setTabChangesFocus(False)
    table.setTabKeyNavigation(True)
    with pytest.raises(AssertionError, match="trapped in QPlainTextEdit"):
        _check(dialog)
    notes.clear()
    notes.setTabChangesFocus(True)
    with pytest.raises(AssertionError, match="trapped in QTableView"):
        _check(dialog)
    table.setTabKeyNavigation(False)
    _check(dialog)


MAIN_TABS = ("clients", "orders", "plan", "market", "mentoring")  # the tabs with tables


def _settle() -> None:
    """The tab's background loads done and their rows in the tables."""
    from app.views.background import wait_for_all

    for _ in range(3):
        assert wait_for_all()
        QApplication.processEvents()


def _tables_in_view(root: QWidget) -> list[QAbstractItemView]:
    return [v for v in root.findChildren(QAbstractItemView)
            if v.isVisible() and v.isEnabled() and v.focusPolicy() & Qt.FocusPolicy.TabFocus
            and v.model() is not None and v.model().rowCount() > 0]


@pytest.mark.parametrize("key", MAIN_TABS)
def test_tab_leaves_the_tables_of_a_main_tab(qtbot, main_window, key: str) -> None:  # type: ignore[no-untyped-def]
    """A user tabbing through a tab's filters Tabs out of its lists (the arrows move in them),
    on each page of the tab's own tabs (Рынок → Конкуренты, Наставничество's pages…)."""
    tab = main_window.show_tab(key)
    qtbot.waitUntil(main_window.current_tab_ready)
    qtbot.waitUntil(main_window.isActiveWindow)
    if hasattr(tab, "_build_pages"):  # the plan's sections, built one per turn of the loop
        tab._build_pages(at_once=True)
    _settle()
    pages = [t for t in tab.findChildren(QTabWidget) if t.isVisible()]
    checked: list[str] = []
    for index in range(max((p.count() for p in pages), default=1)):
        for page in pages:
            if index < page.count():
                page.setCurrentIndex(index)
        _settle()
        for view in _tables_in_view(tab):
            view.setFocus(Qt.FocusReason.TabFocusReason)
            QApplication.processEvents()
            assert QApplication.focusWidget() is view, _name(view)
            QTest.keyClick(view, Qt.Key.Key_Tab)
            QApplication.processEvents()
            assert QApplication.focusWidget() is not view, (
                f"Tab is trapped in {_name(view)} ({type(view.parentWidget()).__name__})")
            checked.append(_name(view))
    assert checked, "no table with rows in view"
