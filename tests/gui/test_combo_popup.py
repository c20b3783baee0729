"""A combo box's open list shows its current item highlighted and readable (issue 17,
finding 5: under the style sheet it was drawn as an empty white box)."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox

from app.gui import apply_style
from app.views import style


def test_the_current_item_of_an_open_combo_is_highlighted_with_its_text(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    apply_style(qapp)
    box = QComboBox()
    qtbot.addWidget(box)
    box.addItems(["Все статусы", "Новый", "Подтверждён", "Отгружен", "Закрыт"])
    box.setCurrentIndex(2)
    box.show()
    box.showPopup()
    view = box.view()
    qtbot.waitUntil(lambda: view.isVisible())
    rect = view.visualRect(view.currentIndex())
    image = view.viewport().grab(rect).toImage()
    soft = QColor(style.ACCENT_SOFT)
    edge = image.pixelColor(2, image.height() // 2)
    assert (edge.red(), edge.green(), edge.blue()) == (soft.red(), soft.green(), soft.blue())
    dark = sum(1 for x in range(image.width()) for y in range(image.height())
               if image.pixelColor(x, y).lightness() < 100)
    assert dark > 20  # the item's text is drawn on it
    box.hidePopup()
