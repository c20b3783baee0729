"""Forms leave room between a label and its field (issue 17, finding 6: «Контактное лицо»,
«Ожидаемое закрытие», «Начальный этап» touched their fields), and the deal's Документы tab
has the inner margin of the editor's other tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout

from app.views.forms import FORM_LABEL_GAP


def test_every_form_of_the_deal_editor_keeps_its_labels_apart(qtbot, demo_services) -> None:  # type: ignore[no-untyped-def]
    from app.views.deals.editor import DealEditor

    deal_id = next(c.id for col in demo_services.deals.board().cards.values() for c in col)
    editor = DealEditor(services=demo_services, deal_id=deal_id)
    qtbot.addWidget(editor)
    editor.show()
    forms = editor.findChildren(QFormLayout)
    assert forms
    for form in forms:
        assert form.horizontalSpacing() >= FORM_LABEL_GAP
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is None or field is None or label.widget() is None:
                continue
            if not label.widget().isVisible():
                continue
            gap = field.geometry().left() - label.geometry().right()
            assert gap >= FORM_LABEL_GAP, (label.widget().text(), gap)
    titles = [editor.sections.tabText(i) for i in range(editor.sections.count())]
    documents = editor.sections.widget(titles.index("Документы"))
    margins = documents.layout().contentsMargins()
    assert min(margins.left(), margins.top(), margins.right()) >= 12
    editor.reject()  # nothing was edited: it closes without a question
