"""The first-run wizard: requisites checked page by page, then how to begin."""

from __future__ import annotations

from app.views.first_run import FirstRunWizard
from app.views.main_window import MainWindow


def _window(qtbot, services) -> MainWindow:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    window = MainWindow(services=services, settings=QSettings())
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_new_base_is_set_up_page_by_page(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, services)
    wizard = window.offer_first_run()
    assert isinstance(wizard, FirstRunWizard) and wizard.isVisible()
    assert wizard.step.text() == "Шаг 1 из 3" and not wizard.back_button.isEnabled()
    # a bad ИНН keeps the page, its message under the field
    wizard.editors["name"].setText("ООО «СкладПро»")
    wizard.editors["inn"].setText("7707083890")
    assert not wizard.next_page()
    assert wizard.stack.currentIndex() == 0
    assert wizard.errors.label("inn").isVisibleTo(wizard)
    assert "ИНН" in wizard.errors.label("inn").text()
    wizard.editors["inn"].selectAll()
    qtbot.keyClicks(wizard.editors["inn"], "7707083893")  # typed, as a user does
    assert not wizard.errors.label("inn").isVisibleTo(wizard)  # cleared by the edit
    wizard.editors["kpp"].setText("773601001")
    assert wizard.next_page() and wizard.stack.currentIndex() == 1
    wizard.editors["bik"].setText("12345")
    assert not wizard.next_page() and wizard.stack.currentIndex() == 1
    wizard.editors["bik"].setText("")
    wizard.language.setCurrentIndex(wizard.language.findData("en"))
    wizard.vat_kind.setCurrentIndex(wizard.vat_kind.findData("usn5"))
    assert wizard.next_page() and wizard.stack.currentIndex() == 2
    assert wizard.next_button.text() == "Готово"
    # nothing is written before «Готово»
    assert services.company.get().name == ""
    chosen: list[str] = []
    wizard.finished_with.connect(chosen.append)
    wizard.start_radio("empty").setChecked(True)
    assert wizard.next_page()
    assert chosen == ["empty"] and not wizard.isVisible()
    profile = services.company.get()
    assert (profile.name, profile.inn, profile.kpp, profile.default_vat_kind) == (
        "ООО «СкладПро»", "7707083893", "773601001", "usn5")
    assert services.settings.get("default_document_language") == "en"
    assert window.offer_first_run() is None  # once only; Справка re-opens it
    assert window.tab_keys()[window.tabs.currentIndex()] == "clients"


def test_closing_the_wizard_writes_nothing_and_asks_again(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, services)
    wizard = window.offer_first_run()
    assert isinstance(wizard, FirstRunWizard)
    wizard.editors["name"].setText("ООО «Черновик»")
    wizard.skip_button.click()
    assert services.company.get().name == ""
    again = window.offer_first_run()
    assert isinstance(again, FirstRunWizard)
    again.reject()


def test_demo_data_on_an_empty_base_and_never_over_clients(qtbot, services, demo_services) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, services)
    wizard = window.open_first_run()
    assert isinstance(wizard, FirstRunWizard)
    wizard.editors["name"].setText("ООО «Пробная»")
    wizard.next_page()
    wizard.next_page()
    wizard.start_radio("demo").setChecked(True)
    assert wizard.next_page()
    qtbot.waitUntil(lambda: services.overview.overview().clients > 0, timeout=60_000)
    demo_window = _window(qtbot, demo_services)
    assert demo_window.offer_first_run() is None  # a base with a company is left alone
    wizard = demo_window.open_first_run()
    assert isinstance(wizard, FirstRunWizard)
    assert not wizard.start_radio("demo").isEnabled()
    assert wizard.editors["name"].text() == demo_services.company.get().name
    wizard.reject()
