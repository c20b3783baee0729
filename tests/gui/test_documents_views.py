"""Documents in the window: preview (print, save, e-mail), company dialog, deal panel."""

from __future__ import annotations

import email
from datetime import date
from email import policy

import pytest
from PySide6.QtPrintSupport import QPrinter

from app.services.documents.base import CompanyInfo, DocumentMeta, build_pdf
from app.views import dialogs
from app.views.documents import preview as preview_module
from app.views.documents.preview import PdfPreviewDialog


def _pdf(pages: int = 2) -> bytes:
    from reportlab.platypus import PageBreak

    def story(ctx):  # type: ignore[no-untyped-def]
        out = []
        for i in range(pages):
            out += [ctx.p(f"Страница с текстом {i}"), PageBreak()]
        return out[:-1]

    return build_pdf(story, DocumentMeta(title="Тест", on=date(2026, 11, 16),
                                         company=CompanyInfo(name="ООО Тест")))


@pytest.fixture
def preview(qtbot):  # type: ignore[no-untyped-def]
    dialog = PdfPreviewDialog(_pdf(), title="Тест", filename='КП "1"/2',
                              email_to="client@example.com")
    qtbot.addWidget(dialog)
    return dialog


def test_preview_loads_pages(preview) -> None:  # type: ignore[no-untyped-def]
    assert preview.document.page_count() == 2
    assert preview.filename == "КП _1_2.pdf"


def test_print_renders_every_page(preview, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "printed.pdf"

    def fake_ask(parent, printer: QPrinter) -> bool:  # type: ignore[no-untyped-def]
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(150)
        return True

    monkeypatch.setattr(dialogs, "ask_print", fake_ask)
    assert preview.print_document() == 2
    assert out.stat().st_size > 1000
    monkeypatch.setattr(dialogs, "ask_print", lambda parent, printer: False)
    assert preview.print_document() == 0


def test_save_as_adds_suffix(preview, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(tmp_path / "offer"))
    path = preview.save_as()
    assert path == tmp_path / "offer.pdf"
    assert path.read_bytes() == preview.pdf
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: None)
    assert preview.save_as() is None


def test_email_draft_and_external_viewer(preview, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened = []
    monkeypatch.setattr(preview_module, "open_external", lambda p: opened.append(p) or True)
    pdf_path = preview.open_in_viewer()
    assert pdf_path.read_bytes() == preview.pdf
    eml_path = preview.send_by_email()
    assert opened == [pdf_path, eml_path]
    msg = email.message_from_bytes(eml_path.read_bytes(), policy=policy.default)
    assert msg["To"] == "client@example.com" and msg["X-Unsent"] == "1"
    attachments = list(msg.iter_attachments())
    assert attachments[0].get_filename() == preview.filename
    assert attachments[0].get_content() == preview.pdf


def test_company_dialog_validates_and_saves(qtbot, services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import io

    from PIL import Image

    from app.views.documents.company_dialog import CompanyDialog

    dialog = CompanyDialog(services=services)
    qtbot.addWidget(dialog)
    dialog.editors["name"].setText("ООО «Ромашка»")
    dialog.editors["inn"].setText("1234567890")
    assert dialog.save() is False
    assert not dialog.errors.label("inn").isHidden()
    assert "контрольная сумма" in dialog.errors.label("inn").text()
    dialog.editors["inn"].setText("7707083893")
    buf = io.BytesIO()
    Image.new("RGB", (40, 20), "red").save(buf, format="PNG")
    tmp = services.db_path.parent / "logo.png"
    tmp.write_bytes(buf.getvalue())
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(tmp))
    dialog.choose_image("logo")
    dialog.validity.setValue(30)
    dialog.template.setCurrentIndex(dialog.template.findData("modern"))
    assert dialog.save() is True
    saved = services.company.get()
    assert (saved.name, saved.inn, saved.offer_validity_days, saved.offer_template) == (
        "ООО «Ромашка»", "7707083893", 30, "modern")
    assert saved.logo and saved.logo.startswith(b"\x89PNG")



def test_the_order_number_prefix_is_set_in_the_company_dialog(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    """A bad prefix is refused under its field with nothing saved; a good one numbers the next
    order (issue 14: «one series, configurable prefix»)."""
    from app.views.documents.company_dialog import CompanyDialog
    from tests.gui._orders_helpers import make_order

    dialog = CompanyDialog(services=services)
    qtbot.addWidget(dialog)
    assert dialog.order_prefix.text() == "З"  # the default
    dialog.editors["name"].setText("ООО «Новое имя»")
    dialog.order_prefix.setText("ЗК 1")
    assert dialog.save() is False
    assert "без пробелов" in dialog.errors.label("order_number_prefix").text()
    assert services.company.get().name != "ООО «Новое имя»"  # nothing saved half-way
    dialog.order_prefix.setText("ЗК")
    assert dialog.save() is True
    assert services.orders.number_prefix() == "ЗК"
    _sale, order = make_order(services)
    assert order.number.startswith(f"ЗК-{order.ordered_on.year}-")


def test_company_menu_action(main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Правка → Реквизиты компании… opens the dialog over the window, showing the saved name."""
    from PySide6.QtWidgets import QDialog
    from sqlalchemy import text

    from app.views.documents.company_dialog import CompanyDialog

    shown: list[CompanyDialog] = []
    monkeypatch.setattr(CompanyDialog, "exec",
                        lambda self: shown.append(self) or QDialog.DialogCode.Rejected)
    [edit_menu] = [a.menu() for a in main_window.menuBar().actions() if a.text() == "&Правка"]
    [action] = [a for a in edit_menu.actions() if a.text() == "Реквизиты компании…"]
    action.trigger()
    [dialog] = shown
    with main_window.services.engine.connect() as conn:
        name = conn.execute(text("SELECT name FROM company_settings WHERE id = 1")).scalar()
    assert name
    assert dialog.windowTitle() == "Реквизиты компании" and dialog.parent() is main_window
    assert dialog.editors["name"].text() == name


def test_deal_documents_panel(qtbot, qtmodeltester, demo_services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from app.views.documents.deal_documents import DealDocumentsPanel
    from app.views.documents.offer_dialog import OfferAnswer

    with demo_services.engine.connect() as conn:
        deal_id = conn.execute(text(
            "SELECT deal_id FROM deal_lines WHERE deal_id NOT IN (SELECT deal_id FROM offers)"
            " LIMIT 1")).scalar()
    panel = DealDocumentsPanel(services=demo_services, deal_id=deal_id)
    qtbot.addWidget(panel)
    assert panel.model.rowCount() == 0 and not panel.open_button.isEnabled()
    seen = {}

    def fake_ask(parent, templates, current, intro_for, validity, **options):  # type: ignore[no-untyped-def]
        seen["intro"] = intro_for("modern")
        seen["validity"] = validity
        seen["subject"] = options["subject"]
        seen["vat_notice"] = options["vat_notice_for"](validity)
        return OfferAnswer(template="modern", intro="Своё вступление", validity_days=30,
                           subject="Линия розлива под ключ")

    monkeypatch.setattr(dialogs, "ask_offer_options", fake_ask)
    with qtbot.waitSignal(panel.preview_opened, timeout=20_000) as blocker:
        panel.create_offer()
    dialog = blocker.args[0]
    assert dialog.document.page_count() >= 1
    dialog.close()
    assert panel.model.rowCount() == 1 and seen["intro"]
    assert panel.model.row_at(0).template == "modern"
    first = panel.model.row_at(0)
    assert (first.valid_until - first.issued_on).days == 30 and seen["validity"] == 14
    assert first.subject == "Линия розлива под ключ"
    assert seen["subject"] and seen["vat_notice"] == ""  # the deal's name; no rate change
    with qtbot.waitSignal(panel.preview_opened, timeout=20_000) as blocker:
        panel.new_version()
    blocker.args[0].close()
    assert panel.model.rowCount() == 2
    assert panel.model.row_at(1).superseded_by == panel.model.row_at(0).number
    qtmodeltester.check(panel.model)


def test_deal_editor_has_documents_section(qtbot, demo_services) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from app.views.deals.editor import DealEditor
    from app.views.documents.deal_documents import DealDocumentsPanel

    with demo_services.engine.connect() as conn:
        deal_id = conn.execute(text("SELECT deal_id FROM deal_lines LIMIT 1")).scalar()
    editor = DealEditor(services=demo_services, deal_id=deal_id)
    qtbot.addWidget(editor)
    titles = [editor.sections.tabText(i) for i in range(editor.sections.count())]
    assert "Документы" in titles
    panel = editor.sections.widget(titles.index("Документы"))
    assert isinstance(panel, DealDocumentsPanel) and panel.create_button.isEnabled()
    new = DealEditor(services=demo_services)
    qtbot.addWidget(new)
    titles = [new.sections.tabText(i) for i in range(new.sections.count())]
    assert not new.sections.widget(titles.index("Документы")).create_button.isEnabled()


def test_meeting_report_from_menu(qtbot, main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.views.documents import report_dialog
    from app.views.documents.report_dialog import ReportAnswer, period_choices

    assert [k for k, _ in period_choices(date(2026, 1, 10))][:4] == [
        "2026-01", "2025-12", "2026-Q1", "2025-Q4"]
    shown = []
    monkeypatch.setattr(dialogs, "ask_report_options",
                        lambda parent, today, kind=None: ReportAnswer("pipeline", "2026-11"))
    monkeypatch.setattr("app.views.documents.preview.show_pdf",
                        lambda parent, data, **kw: shown.append((data, kw)))
    action = next(a for a in main_window.findChildren(type(main_window.edit_menu.actions()[0]))
                  if a.objectName() == "meetingReportAction")
    action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    data, kw = shown[0]
    assert data.startswith(b"%PDF") and "Воронка продаж" in kw["title"]
    monkeypatch.setattr(dialogs, "ask_report_options", lambda parent, today, kind=None: None)
    assert report_dialog.open_report(main_window, main_window.services) is None


def test_email_falls_back_to_mailto(preview, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    urls, infos = [], []
    monkeypatch.setattr(preview_module, "open_external", lambda p: False)
    monkeypatch.setattr(preview_module, "open_url", lambda u: urls.append(u) or True)
    monkeypatch.setattr(dialogs, "show_info", lambda parent, text, title=None: infos.append(text))
    preview.send_by_email()
    assert urls and urls[0].scheme() == "mailto"
    assert urls[0].path() == "client@example.com" and "subject=" in urls[0].query()
    assert infos and preview.filename in infos[0]


def test_invoice_from_panel_and_refusal(qtbot, demo_services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from app.views.documents.deal_documents import DealDocumentsPanel

    with demo_services.engine.connect() as conn:
        won = conn.execute(text("SELECT d.id FROM deals d JOIN stages s ON s.id = d.stage_id"
                                " WHERE s.is_won LIMIT 1")).scalar()
        open_deal = conn.execute(text(
            "SELECT d.id FROM deals d JOIN stages s ON s.id = d.stage_id WHERE NOT s.is_won"
            " AND NOT s.is_lost AND d.id NOT IN (SELECT deal_id FROM orders"
            " WHERE deal_id IS NOT NULL) LIMIT 1")).scalar()
    panel = DealDocumentsPanel(services=demo_services, deal_id=won)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.preview_opened, timeout=20_000) as blocker:
        panel.open_invoice()
    assert "Счёт на оплату" in blocker.args[0].windowTitle()
    blocker.args[0].close()
    assert panel.invoice_button.text().startswith("Счёт № ")
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, text, title=None: errors.append(text))
    panel.set_deal(open_deal)
    panel.open_invoice()
    assert errors and "выигранной сделке" in errors[0]


def test_company_menu_opens_dialog(main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.views.documents import company_dialog

    calls = []
    monkeypatch.setattr(company_dialog, "open_company_dialog",
                        lambda parent, services: calls.append(services) or False)
    action = next(a for a in main_window.edit_menu.actions()
                  if a.objectName() == "companySettingsAction")
    action.trigger()
    assert calls == [main_window.services]


def test_background_job_reports_known_errors_and_bugs(qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.services.errors import ValidationError
    from app.views.background import run_with_progress

    results: list[object] = []

    def known() -> bytes:
        raise ValidationError.single("x", "Неверный период")

    def bug() -> bytes:
        raise ZeroDivisionError("division by zero")

    for build in (known, bug, lambda: b"%PDF-1.4"):
        run_with_progress(None, build, results.append, results.append, label="…")
    qtbot.waitUntil(lambda: len(results) == 3, timeout=10_000)
    assert "Неверный период" in results
    assert b"%PDF-1.4" in results
    assert any(isinstance(r, str) and "ZeroDivisionError" in r for r in results)


def test_offer_options_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.views.documents.offer_dialog import OfferOptionsDialog

    dialog = OfferOptionsDialog([("classic", "Классический"), ("modern", "Современный")],
                                "classic", lambda t: f"intro {t}", 21)
    qtbot.addWidget(dialog)
    assert dialog.intro.toPlainText() == "intro classic"
    dialog.template.setCurrentIndex(1)
    assert dialog.intro.toPlainText() == "intro modern"  # untouched text follows the template
    dialog.intro.setPlainText("моё")
    dialog.template.setCurrentIndex(0)
    assert dialog.answer().intro == "моё" and dialog.answer().validity_days == 21


def test_offer_dialog_warns_of_a_vat_change_within_the_validity(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    """Found: an offer of 31.12.2025 valid to 14.01.2026 said nothing of the rate changing on
    01.01.2026. The dialog says it while the validity spans the change, and the КП prints it."""
    from datetime import date

    from app.views.documents.offer_dialog import OfferOptionsDialog
    from tests.unit._documents_helpers import flat, make_deal, pdf_text

    deal_id = make_deal(services, [("Станок", "1", "1200.00", "0", "standard")])
    docs = services.documents
    eve = date(2025, 12, 31)
    dialog = OfferOptionsDialog([("classic", "Классический")], "classic", lambda t: "",
                                14, subject=docs.default_subject(deal_id),
                                vat_notice_for=lambda d: docs.vat_change_notice(deal_id, eve, d))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.subject.text() == "Поставка оборудования"  # the deal's name, editable
    assert dialog.vat_notice.isVisible()
    notice = dialog.vat_notice.text()
    assert "С 01.01.2026 ставка НДС — 22\u00a0%" in notice  # «22 %» never breaks
    assert "(20\u00a0%)" in notice
    dialog.validity.setValue(1)  # valid to 01.01.2026 itself: the change is inside
    assert dialog.vat_notice.isVisible()
    eve = date(2025, 12, 20)  # 12 days before the change (the lambda reads it)
    dialog.validity.setValue(12)
    assert dialog.vat_notice.isVisible()
    dialog.validity.setValue(11)  # valid to 31.12.2025: nothing changes
    assert not dialog.vat_notice.isVisible() and dialog.vat_notice.text() == ""
    dialog.validity.setValue(14)
    assert dialog.vat_notice.isVisible()
    dialog.subject.setText("  Линия   розлива  ")
    answer = dialog.answer()
    assert answer.subject == "Линия   розлива"
    dialog.accept()  # «Создать»: the answer is taken, nothing left to ask about
    offer = docs.issue_offer(deal_id, on=eve, validity_days=14, subject=answer.subject)
    text = flat(pdf_text(docs.offer_pdf(offer.id)))
    assert "Предмет предложения: Линия розлива" in text  # one line, spaces folded
    assert "С 01.01.2026 ставка НДС — 22 %" in text
    later = docs.issue_offer(deal_id, on=date(2026, 11, 16), validity_days=14)
    assert "ставка НДС" not in flat(pdf_text(docs.offer_pdf(later.id)))
    assert docs.vat_change_notice(deal_id, date(2026, 11, 16), 365) == ""


def test_characters_the_font_lacks_are_said_in_the_dialog_and_printed_as_a_question_mark(  # type: ignore[no-untyped-def]
        qtbot, services) -> None:
    """Found: Chinese and emoji came out as empty boxes, U+0000 in the text layer, 😀 copied as
    U+1F60. The offer dialog names them, and the PDF prints «?» for each; Hebrew, which the
    font has, stays as typed."""
    from datetime import date

    from app.services.documents.fonts import unprintable
    from app.views.documents.offer_dialog import OfferOptionsDialog
    from tests.unit._documents_helpers import flat, make_deal, pdf_text

    assert unprintable("Чай 中国 😀 Ёлка №1 ₽ שלום") == "中国😀"
    deal_id = make_deal(services, [("Чай 中国", "1", "100.00", "0", "standard")],
                        client_name="ООО «Шалом שלום»")
    docs = services.documents
    dialog = OfferOptionsDialog([("classic", "Классический")], "classic", lambda t: "", 14,
                                glyph_notice_for=lambda typed: docs.unprintable_notice(
                                    deal_id, typed))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.glyph_notice.isVisible()
    assert "中 国" in dialog.glyph_notice.text() and "😀" not in dialog.glyph_notice.text()
    dialog.subject.setText("Подарок 😀")
    assert "😀 中 国:" in dialog.glyph_notice.text()  # what was typed, then the deal's
    dialog.accept()
    offer = docs.issue_offer(deal_id, on=date(2026, 11, 16), subject="Подарок 😀")
    text = pdf_text(docs.offer_pdf(offer.id))
    assert "\x00" not in text and "\U0001f600" not in text and "\u1f60" not in text
    assert "Чай ??" in flat(text) and "Подарок ?" in flat(text)
    assert "שלום" in text or "םולש" in text  # (the text layer may give it in visual order)
