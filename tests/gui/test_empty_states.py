"""Empty lists say what to do (issue 17, finding 11): a hint over the view while its model
has no rows, gone with the first row."""

from __future__ import annotations

from datetime import date

from app.services.clients import ClientDraft
from app.services.deals import DealInput
from app.views.empty_state import EmptyHint


def _hint(view) -> EmptyHint:  # type: ignore[no-untyped-def]
    (hint,) = view.viewport().findChildren(EmptyHint)
    return hint


def test_a_new_deals_lists_and_a_new_bases_mentoring_say_what_to_do(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    from app.views.deals.editor import DealEditor
    from app.views.mentoring.templates import TemplatesPage
    from app.views.mentoring.trainees import TraineesPage

    client = services.clients.create(ClientDraft(name="ООО «Пустая»")).id
    deal = services.deals.save_deal(DealInput(client_id=client, title="Первая")).deal_id
    editor = DealEditor(services=services, deal_id=deal)
    qtbot.addWidget(editor)
    editor.show()
    editor.sections.setCurrentIndex(1)  # Позиции
    assert _hint(editor.lines_view).isVisible()
    assert "«+ Из каталога…»" in _hint(editor.lines_view).text()
    editor.sections.setCurrentIndex(5)  # Дела
    assert _hint(editor.activities_view).isVisible()
    editor.reject()
    trainees = TraineesPage(services=services, today=date.today)
    qtbot.addWidget(trainees)
    trainees.show()
    assert _hint(trainees.list_view).isVisible()
    assert "Новый стажёр" in _hint(trainees.list_view).text()
    templates = TemplatesPage(services=services)
    qtbot.addWidget(templates)
    templates.show()
    assert _hint(templates.list_view).isVisible() == (templates.list_model.rowCount() == 0)
    templates.refresh()
    # the built-in template is there: its list has a row, the hint stays hidden
    assert templates.list_model.rowCount() > 0
    assert not _hint(templates.list_view).isVisible()
