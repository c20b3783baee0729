"""The PDF preview draws the pages PDFium renders, and writes only to a private folder."""

from __future__ import annotations

import io
import os
import stat
import tempfile
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from app.views.documents import preview as preview_module
from app.views.documents.pdf_pages import ZoomMode
from app.views.documents.preview import PdfPreviewDialog

WIDTH, HEIGHT = A4


def _black_top_left_quarter(pages: int = 1) -> bytes:
    """A4 pages whose top-left quarter is solid black and the rest white."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for _ in range(pages):
        pdf.setFillColorRGB(0, 0, 0)
        pdf.rect(0, HEIGHT / 2, WIDTH / 2, HEIGHT / 2, stroke=0, fill=1)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


@pytest.fixture
def dialog(qtbot):  # type: ignore[no-untyped-def]
    dialog = PdfPreviewDialog(_black_top_left_quarter(3), title="Тест", filename="Тест")
    qtbot.addWidget(dialog)
    dialog.resize(700, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_pages_are_drawn_where_the_pdf_puts_ink(dialog) -> None:  # type: ignore[no-untyped-def]
    pages = dialog.view.pages
    image = pages.grab().toImage()
    first = pages.page_rect(0)
    # fitted to the width: the page is as wide as the viewport less the margins
    assert first.width() == dialog.view.viewport().width() - 24
    ink = image.pixelColor(first.left() + first.width() // 4, first.top() + first.height() // 4)
    paper = image.pixelColor(first.left() + 3 * first.width() // 4,
                             first.top() + 3 * first.height() // 4)
    assert ink.lightness() < 20
    assert paper.lightness() > 240
    # A4 keeps its proportions on screen
    assert abs(first.height() / first.width() - HEIGHT / WIDTH) < 0.01
    assert dialog.pages_label.text() == "Страниц: 3"


def test_fit_page_shows_a_whole_page_in_the_window(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.fit_action.setChecked(False)
    assert dialog.view.zoom_mode() is ZoomMode.FIT_PAGE
    assert dialog.view.pages.page_rect(0).height() <= dialog.view.viewport().height()
    dialog.fit_action.setChecked(True)
    assert dialog.view.zoom_mode() is ZoomMode.FIT_WIDTH
    assert dialog.view.pages.page_rect(0).height() > dialog.view.viewport().height()


def test_files_for_other_programs_go_to_a_private_folder_and_never_follow_a_planted_link(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(preview_module, "_private_dir", None)
    monkeypatch.setattr(preview_module, "open_external", lambda path: True)
    # another local user plants a link where the preview used to write (a fixed shared name)
    shared = tmp_path / "salesdesk-documents"
    shared.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("чужой файл")
    (shared / "Тест.pdf").symlink_to(victim)

    dialog = PdfPreviewDialog(_black_top_left_quarter(), title="Тест", filename="Тест")
    qtbot.addWidget(dialog)
    written = dialog.open_in_viewer()

    assert victim.read_text() == "чужой файл"
    assert written is not None and written.read_bytes() == dialog.pdf
    assert not written.is_symlink()
    assert written.parent != shared and written.parent.parent == tmp_path
    assert stat.S_IMODE(os.stat(written.parent).st_mode) == 0o700
    # the e-mail draft lands in the same private folder
    eml = dialog.send_by_email()
    assert eml is not None and eml.parent == written.parent
