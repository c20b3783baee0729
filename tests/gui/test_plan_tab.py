"""The Plan tab on a small hand-made database: the figures shown when switching periods,
breakdowns and the actual metric; bad input; the plan editor; charts saved as PNG."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import delete

from app.models import Client, Deal, DealLine, Order, Payment, PlanTarget, Product, Stage
from app.views import dialogs

D = Decimal
TODAY = date(2026, 11, 16)  # 10 of November's 20 working days have passed


@pytest.fixture
def tab(qtbot, services):
    with services.uow_factory() as uow:
        uow.session.execute(delete(Stage))  # this test builds its own pipeline
        s = uow.session
        won = Stage(name="Выиграна", position=1, probability=100, is_won=True)
        moscow = Client(name="ООО «Альфа»", region="Москва", segment="Крупные", status="active")
        spb = Client(name="ООО «Бета»", region="Санкт-Петербург", segment="Малые")
        pack = Product(sku="P1", name="Коробка", group_name="Упаковка", price=D("1000"))
        s.add_all([won, moscow, spb, pack])
        s.flush()
        d1 = Deal(client_id=moscow.id, stage_id=won.id, title="a", amount=D("39000"),
                  closed_on=date(2026, 11, 2))
        s.add_all([d1, Deal(client_id=spb.id, stage_id=won.id, title="b", amount=D("11000"),
                            closed_on=date(2026, 11, 10)),
                   Deal(client_id=moscow.id, stage_id=won.id, title="c", amount=D("50000"),
                        closed_on=date(2026, 10, 5))])
        s.flush()
        s.add(DealLine(deal_id=d1.id, product_id=pack.id, name="Коробка", quantity=D(39),
                       price=D("1000")))
        order = Order(number="З-1", client_id=moscow.id, deal_id=d1.id,
                      ordered_on=date(2026, 11, 2), amount=D("39000"))
        s.add(order)
        s.flush()
        s.add(Payment(order_id=order.id, client_id=order.client_id,
                      paid_on=date(2026, 11, 12), amount=D("19500")))
        s.add_all([
            PlanTarget(period_start=date(2026, 11, 1), amount=D("200000")),
            PlanTarget(period_start=date(2026, 11, 1), product_group="Упаковка",
                       amount=D("180000")),
        ])
        uow.commit()
    from app.views.plan.tab import PlanTab

    widget = PlanTab(services=services, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitUntil(widget.is_filled)  # the first open fills the frame off the GUI thread
    yield widget
    from app.views.background import wait_for_all

    assert wait_for_all()  # no section job may outlive the database


def show_section(qtbot, tab, index: int) -> None:
    """Switch to a page and wait until its figures are fetched (off the GUI thread)."""
    from app.views.plan.data import SECTIONS

    tab.sections.setCurrentIndex(index)
    qtbot.waitUntil(lambda: SECTIONS[index] in tab.data.loaded)
    assert not tab.loading_label.isVisible()


def card(tab, key: str) -> str:
    return tab.cards[key][0].text().replace("\u00a0", " ")


def test_month_figures_and_gap_warning(tab):
    assert tab.period_edit.text() == "2026-11"
    assert card(tab, "plan") == "200 000,00 ₽"
    assert card(tab, "actual") == "50 000,00 ₽"
    assert card(tab, "percent") == "25,0 %"
    assert card(tab, "left") == "150 000,00 ₽"
    assert card(tab, "rate") == "15 000,00 ₽"  # 150 000 / 10 working days
    assert card(tab, "forecast") == "100 000,00 ₽"  # 50 000 / 10 × 20
    rows = tab.breakdown_model.rows()
    assert [(r.label, r.actual) for r in rows] == [("Упаковка", D("39000.00")),
                                                    ("Без группы", D("11000.00"))]
    assert tab.gap_label.isVisible()
    assert "20\u00a0000,00" in tab.gap_label.text()
    assert "выигранные сделки" in tab.cumulative_chart.subtitle.text()


def test_switch_breakdown_and_periods(tab):
    tab.set_dimension("region")
    assert {r.label: r.actual for r in tab.breakdown_model.rows()} == {
        "Москва": D("39000.00"), "Санкт-Петербург": D("11000.00")}
    assert not tab.gap_label.isVisible()
    tab.set_period("2026-Q4")
    assert tab.period_label.text() == "4 квартал 2026"
    assert card(tab, "plan") == "200 000,00 ₽"
    assert card(tab, "actual") == "100 000,00 ₽"  # October 50 000 + November 50 000
    assert tab.kind_combo.currentData() == "quarter"
    tab.step_period(1)
    assert tab.period_edit.text() == "2027-Q1"
    assert card(tab, "plan") == "0,00 ₽" and card(tab, "percent") == "—"
    assert card(tab, "forecast") == "—"  # the quarter has not started
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findData("year"))
    assert tab.period_edit.text() == "2027"


def test_bad_period_keeps_the_current_one(tab):
    assert tab.set_period("2026-13") is False
    assert tab.error_label.isVisible() and "2026-13" in tab.error_label.text()
    assert tab.period_edit.text() == "2026-11"
    tab.period_edit.setText("2026-Q5")
    tab.period_edit.returnPressed.emit()
    assert "квартал" in tab.error_label.text()
    assert tab.set_period("2026-11") and not tab.error_label.isVisible()


def test_month_without_data_shows_zeros(tab):
    tab.set_period("2025-03")
    assert card(tab, "plan") == "0,00 ₽" and card(tab, "actual") == "0,00 ₽"
    assert card(tab, "percent") == "—"
    assert tab.breakdown_model.rowCount() == 0
    assert tab.cumulative_chart.tooltip_at(0).startswith("01.03.2025")
    assert all(m.plan == 0 for m in tab.data.monthly[:-8])


def test_payments_metric_is_named(tab, services):
    tab.set_metric("payments")
    assert services.plan.metric() == "payments"
    assert card(tab, "actual") == "19 500,00 ₽"
    assert "оплаты" in tab.cumulative_chart.subtitle.text()
    assert "оплаты" in tab.monthly_chart.subtitle.text()


def test_hover_tooltips_have_exact_figures(tab):
    tip = tab.cumulative_chart.tooltip_at(1)  # 2 November
    assert "02.11.2026" in tip and "Факт: 39\u00a0000,00" in tip
    assert "Факт: 50\u00a0000,00" in tab.monthly_chart.tooltip_at(11)
    assert "Упаковка" in tab.breakdown_chart.tooltip_at(1)  # worst first → drawn on top


def test_editor_refuses_negative_and_saves(tab, qtmodeltester):
    model = tab.grid_model
    qtmodeltester.check(model)
    november = model.index(10, 0)
    assert not model.setData(november, "-5")
    assert "отрицательным" in tab.editor_message.text()
    assert not model.setData(november, "много")
    assert "числом" in tab.editor_message.text()
    assert model.setData(november, "150 000")
    assert card(tab, "plan") == "150 000,00 ₽"
    gap_col = model.columnCount() - 1
    assert model.index(10, gap_col).data().replace("\u00a0", " ") == "-30 000,00 ₽"


def test_editor_spread_and_copy(tab, services, monkeypatch):
    tab.set_period("2027-11")
    tab.spread_period_combo.setCurrentIndex(tab.spread_period_combo.findData("2027-Q1"))
    tab.spread_amount_edit.setText("100 000")
    tab.spread_button.click()
    assert services.plan.plan_total("2027-01") == D("33333.33")
    assert services.plan.plan_total("2027-03") == D("33333.34")
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    tab.percent_spin.setValue(10)
    tab.copy_button.click()
    assert services.plan.plan_total("2027-11") == D("220000.00")
    assert card(tab, "plan") == "220 000,00 ₽"
    tab.spread_amount_edit.setText("-1")
    tab.spread_button.click()
    assert "отрицательным" in tab.editor_message.text()


def test_abc_matrix_cell_opens_client_list(tab, qtbot, qtmodeltester):
    assert tab.data.abc_xyz is None  # loaded when its page is first shown
    show_section(qtbot, tab, 3)
    qtmodeltester.check(tab.matrix_model)
    qtmodeltester.check(tab.cell_model)
    # November: Альфа 39 000 (78 %) → A, Бета 11 000 → B (78 < 80? yes: A too).
    res = tab.data.abc_xyz
    assert {c.name: c.abc for c in res.clients} == {"ООО «Альфа»": "A", "ООО «Бета»": "A"}
    index = tab.matrix_model.index(0, 2)  # A × Z
    tab.matrix_view.clicked.emit(index)
    assert tab.cell_model.rowCount() == 2
    assert "AZ" in tab.cell_title.text()
    tab.matrix_view.clicked.emit(tab.matrix_model.index(2, 0))
    assert tab.cell_model.rowCount() == 0


def test_chart_saved_as_png(tab, tmp_path, monkeypatch):
    target = tmp_path / "chart.png"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(target))
    tab.cumulative_chart.save_button.click()
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_sections_load_when_shown(tab, qtbot, qtmodeltester):
    assert tab.data.loaded == {"progress"}
    show_section(qtbot, tab, 1)
    assert [s.entered for s in tab.data.funnel] == [0]  # no stage changes in this base
    assert tab.data.losses.total_count == 0
    show_section(qtbot, tab, 2)
    qtmodeltester.check(tab.sources_model)
    tab.load_all_sections()
    assert tab.data.loaded == {"progress", "funnel", "sources", "base"}
    tab.set_period("2026-10")  # a new period: only the page on screen is fetched again
    qtbot.waitUntil(lambda: "sources" in tab.data.loaded)
    assert tab.data.loaded == {"sources"}
    # A job started for an old refresh is ignored when it reports.
    tab.sections.setCurrentIndex(1)
    old = tab.data
    tab.set_period("2026-09")
    qtbot.waitUntil(lambda: not tab.is_loading() and "funnel" in tab.data.loaded)
    assert tab.data is not old and tab.data.query.period.key == "2026-09"


def _rubles(kopecks: int) -> str:
    """The money text a user reads, written out here: 1234567 kopecks → "12 345,67 ₽"."""
    return f"{kopecks // 100:,}".replace(",", " ") + f",{kopecks % 100:02d} ₽"


def test_plan_tab_in_main_window(main_window, qtbot, monkeypatch):
    from sqlalchemy import text

    from app.views.plan.tab import PlanTab
    from tests.conftest import DEMO_TODAY

    monkeypatch.setattr(PlanTab, "today", lambda self: DEMO_TODAY)  # the demo's own today
    tabs = main_window.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Сегодня", "Календарь", "Клиенты", "Сделки", "Заказы", "План", "Рынок", "Наставничество"]
    widget = main_window.show_tab("plan")
    qtbot.waitUntil(widget.is_filled)
    assert tabs.tabText(tabs.currentIndex()) == "План"
    assert widget.period_edit.text() == "2026-11"
    with main_window.services.engine.connect() as conn:  # the raw rows
        targets = conn.execute(text(
            "SELECT product_group, region, segment, amount FROM plan_targets"
            " WHERE period_start = '2026-11-01'")).all()
        won = conn.execute(text(
            "SELECT SUM(d.amount) FROM deals d JOIN stages s ON s.id = d.stage_id"
            " WHERE s.is_won = 1 AND d.closed_on BETWEEN '2026-11-01' AND '2026-11-16'"
        )).scalar()
    # the demo plans each month by product group only, so the month's plan is their sum
    assert len(targets) >= 2 and all(t.product_group and not t.region and not t.segment
                                     for t in targets)
    assert card(widget, "plan") == _rubles(sum(t.amount for t in targets))
    assert card(widget, "actual") == _rubles(won)
    model = widget.breakdown_model  # "Товарная группа" by default: one row per planned group
    shown = {model.index(r, 0).data(): model.index(r, 1).data().replace("\u00a0", " ")
             for r in range(model.rowCount())}
    assert {t.product_group: shown.get(t.product_group) for t in targets} == {
        t.product_group: _rubles(t.amount) for t in targets}


def test_abc_shares_and_churn_k_are_configurable(tab, qtbot):
    show_section(qtbot, tab, 3)
    tab.a_share_spin.setValue(50)
    tab.a_share_spin.editingFinished.emit()
    qtbot.waitUntil(lambda: "base" in tab.data.loaded)
    # 39 000 (78 %) → A; the share before Бета is 78 % ≥ 50 + 15 → C.
    assert {c.name: c.abc for c in tab.data.abc_xyz.clients} == {"ООО «Альфа»": "A",
                                                                 "ООО «Бета»": "C"}
    assert "50/15/35" in tab.abc_note.text()
    tab.a_share_spin.setValue(90)
    tab.b_share_spin.setValue(20)
    tab.b_share_spin.editingFinished.emit()
    qtbot.waitUntil(lambda: not tab.is_loading())
    assert tab.error_label.isVisible() and "100" in tab.error_label.text()
    tab.a_share_spin.setValue(80)
    tab.b_share_spin.setValue(15)
    tab.churn_k_spin.setValue(5)
    tab.churn_k_spin.editingFinished.emit()
    qtbot.waitUntil(lambda: "base" in tab.data.loaded)
    assert not tab.error_label.isVisible()
    assert "5 обычных" in tab.churn_title.text()


def test_hovering_a_chart_shows_its_tooltip(tab, qtbot):
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QToolTip

    chart = tab.monthly_chart
    vb = chart.plot.getPlotItem().getViewBox()
    qtbot.waitUntil(lambda: vb.sceneBoundingRect().width() > 0)
    scene_pos = vb.mapViewToScene(QPointF(11, 1000))  # November's bars
    chart.plot.scene().sigMouseMoved.emit(scene_pos)
    qtbot.waitUntil(QToolTip.isVisible)
    assert "Факт: 50\u00a0000,00" in QToolTip.text()
    QToolTip.hideText()


def test_sources_page_shows_each_campaign_by_the_markets_rule(main_window, qtbot):
    """The campaigns of the period under the sources, as the Рынок tab counts them."""
    from app.views.plan.tab import PlanTab

    tab = main_window.show_tab("plan")
    assert isinstance(tab, PlanTab)
    qtbot.waitUntil(tab.is_filled, timeout=30_000)
    assert tab.set_period("2026")
    show_section(qtbot, tab, 2)
    expected = main_window.services.market.effectiveness("2026").campaigns
    assert expected  # the demo's campaigns of the year
    shown = tab.campaigns_model.rows()
    assert [(e.name, e.leads, e.won, e.cost) for e in shown] == [
        (e.name, e.leads, e.won, e.cost) for e in expected]
    # the channel's cost on the sources table is the sum of its campaigns' dated lines
    by_channel: dict[str, object] = {}
    for e in expected:
        by_channel[e.channel] = by_channel.get(e.channel, 0) + e.cost  # type: ignore[operator]
    for row in tab.sources_model.rows():
        if row.source in by_channel:
            assert row.cost == by_channel[row.source]


def test_a_months_date_labels_do_not_run_together(qtbot):
    """Issue 17, finding 6: «03.1205.1207.12…» — the bottom axis shows only as many dates as
    fit side by side with a gap, at any width."""
    from datetime import date, timedelta

    from PySide6.QtGui import QFont, QFontMetrics

    from app.views.plan.charts import LabelAxis

    axis = LabelAxis("bottom")
    days = [date(2026, 12, 1) + timedelta(days=i) for i in range(31)]
    axis.labels = [d.strftime("%d.%m") for d in days]
    label = QFontMetrics(axis.style.get("tickFont") or QFont()).horizontalAdvance("00.00")
    for size in (300.0, 520.0, 900.0, 2000.0):
        (_spacing, ticks), = axis.tickValues(0, 30, size)
        assert ticks[0] == 0 and len(ticks) * (label + 8) <= size  # each with room around it
        if size >= 2000:
            assert len(ticks) == 31  # room for every day: all of them
