"""Plan service on a hand-made dataset: every expected figure is worked out in the comments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import delete

from app.models import Client, Deal, DealLine, Order, Payment, PlanTarget, Product, Stage
from app.services.errors import ValidationError
from app.services.plan import parse_period

D = Decimal
TODAY = date(2026, 11, 16)  # Monday; Nov 2026 has 20 working days (4 Nov is a holiday),
#                             10 of them are on or before the 16th.


def _deal(s, client, stage, amount, *, closed=None, expected=None, probability=None):
    deal = Deal(client_id=client.id, stage_id=stage.id, title="Сделка", amount=D(amount),
                closed_on=closed, expected_close=expected, probability=probability)
    s.add(deal)
    s.flush()
    return deal


@pytest.fixture
def plan_db(services):
    with services.uow_factory() as uow:
        uow.session.execute(delete(Stage))  # this test builds its own pipeline
        s = uow.session
        open_ = Stage(name="Переговоры", position=1, probability=50)
        won = Stage(name="Выиграна", position=2, probability=100, is_won=True)
        lost = Stage(name="Проиграна", position=3, probability=0, is_lost=True)
        moscow = Client(name="ООО «Альфа»", region="Москва", segment="Крупные", status="active")
        spb = Client(name="ООО «Бета»", region="Санкт-Петербург", segment="Малые")
        pack = Product(sku="P1", name="Коробка", group_name="Упаковка", price=D("1000"))
        wear = Product(sku="P2", name="Костюм", group_name="Спецодежда", price=D("5000"))
        s.add_all([open_, won, lost, moscow, spb, pack, wear])
        s.flush()
        # Won on 2 Nov: 30 × 1 000 (Упаковка) + 2 × 5 000 − 10 % (Спецодежда) = 39 000.
        d1 = _deal(s, moscow, won, "39000", closed=date(2026, 11, 2))
        s.add_all([
            DealLine(deal_id=d1.id, position=0, product_id=pack.id, name="Коробка",
                     quantity=D(30), price=D("1000")),
            DealLine(deal_id=d1.id, position=1, product_id=wear.id, name="Костюм",
                     quantity=D(2), price=D("5000"), discount=D(10)),
        ])
        _deal(s, spb, won, "11000", closed=date(2026, 11, 10))  # no lines → "Без группы"
        _deal(s, moscow, won, "50000", closed=date(2026, 10, 31))  # October
        _deal(s, moscow, lost, "70000", closed=date(2026, 11, 5))  # lost: not actual
        # Pipeline in November: 100 000 × 50 % (stage) + 10 000 × 20 % (own) = 52 000.
        _deal(s, moscow, open_, "100000", expected=date(2026, 11, 25))
        _deal(s, spb, open_, "10000", expected=date(2026, 11, 30), probability=20)
        _deal(s, spb, open_, "999000", expected=date(2026, 12, 5))  # December
        order = Order(number="З-1", client_id=moscow.id, deal_id=d1.id,
                      ordered_on=date(2026, 11, 2), amount=D("39000"))
        s.add(order)
        s.flush()
        s.add_all([Payment(order_id=order.id, client_id=order.client_id,
                           paid_on=date(2026, 11, 12), amount=D("19500")),
                   Payment(order_id=order.id, client_id=order.client_id,
                           paid_on=date(2026, 10, 20), amount=D("100"))])
        # Plan: November total 200 000; groups 120 000 + 60 000 = 180 000 (a 20 000 gap).
        s.add_all([
            PlanTarget(period_start=date(2026, 11, 1), amount=D("200000")),
            PlanTarget(period_start=date(2026, 11, 1), product_group="Упаковка",
                       amount=D("120000")),
            PlanTarget(period_start=date(2026, 11, 1), product_group="Спецодежда",
                       amount=D("60000")),
        ])
        uow.commit()
    return services


def test_parse_period_forms_and_errors():
    assert parse_period("2026-11").first == date(2026, 11, 1)
    assert parse_period("2026-11").last == date(2026, 11, 30)
    q = parse_period("2026-Q4")
    assert (q.first, q.last, q.key) == (date(2026, 10, 1), date(2026, 12, 31), "2026-Q4")
    assert parse_period("2024-02").last == date(2024, 2, 29)
    assert parse_period("2026").months()[0] == date(2026, 1, 1)
    assert len(parse_period("2026").months()) == 12
    for bad in ("2026-13", "2026-00", "2026-Q5", "2026-Q0", "ноябрь", "", "26-11"):
        with pytest.raises(ValidationError) as err:
            parse_period(bad)
        assert "period" in err.value.errors


def test_progress_by_hand(plan_db):
    p = plan_db.plan.progress("2026-11", today=TODAY, metric="won_deals")
    assert p.plan == D("200000.00")  # the total row wins over the group rows
    assert p.actual == D("50000.00")  # 39 000 + 11 000
    assert p.percent == D("25.0")
    assert p.left == D("150000.00")
    assert (p.working_days_total, p.working_days_elapsed, p.working_days_left) == (20, 10, 10)
    assert p.daily_rate_needed == D("15000.00")  # 150 000 / 10
    assert p.forecast == D("100000.00")  # 50 000 / 10 × 20
    assert p.forecast_percent == D("50.0")
    assert p.plan_to_date == D("100000.00")  # 200 000 × 10 / 20
    assert (p.pipeline_count, p.pipeline_amount, p.pipeline_weighted) == (
        2, D("110000.00"), D("52000.00"))
    assert "выигранные сделки" in p.metric_label


def test_progress_payments_metric_and_setting(plan_db):
    plan_db.plan.set_metric("payments")
    assert plan_db.plan.metric() == "payments"
    p = plan_db.plan.progress("2026-11", today=TODAY)
    assert p.actual == D("19500.00")
    assert "оплаты" in p.metric_label
    with pytest.raises(ValidationError):
        plan_db.plan.set_metric("revenue")


def test_breakdown_by_group_worst_first_with_gap(plan_db):
    b = plan_db.plan.breakdown("2026-11", "product_group", today=TODAY, metric="won_deals")
    rows = {r.label: r for r in b.rows}
    # Упаковка: 30 000 against 120 000 × 10/20 = 60 000 → −30 000.
    assert rows["Упаковка"].actual == D("30000.00")
    assert rows["Упаковка"].plan_to_date == D("60000.00")
    assert rows["Упаковка"].deviation == D("-30000.00")
    assert rows["Упаковка"].percent == D("25.0")
    # Спецодежда: 9 000 against 30 000 → −21 000.
    assert rows["Спецодежда"].actual == D("9000.00")
    assert rows["Спецодежда"].deviation == D("-21000.00")
    # The deal without lines: 11 000, no plan.
    assert rows["Без группы"].actual == D("11000.00")
    assert rows["Без группы"].percent is None
    assert [r.label for r in b.rows] == ["Упаковка", "Спецодежда", "Без группы"]
    assert b.gap == D("20000.00")
    assert b.plan_total == D("200000.00") and b.parts_total == D("180000.00")
    assert "не сходится" in b.warning


def test_breakdown_by_region_and_payments_by_group(plan_db):
    b = plan_db.plan.breakdown("2026-11", "region", today=TODAY, metric="won_deals")
    assert {r.value: r.actual for r in b.rows} == {"Москва": D("39000.00"),
                                                    "Санкт-Петербург": D("11000.00")}
    assert b.gap == 0 and b.warning == ""
    # 19 500 paid for the 39 000 deal: split 30 000 : 9 000 → 15 000 and 4 500.
    g = plan_db.plan.breakdown("2026-11", "product_group", today=TODAY, metric="payments")
    assert {r.value: r.actual for r in g.rows if r.actual} == {
        "Упаковка": D("15000.00"), "Спецодежда": D("4500.00")}


def test_cumulative_series_and_forecast(plan_db):
    c = plan_db.plan.cumulative("2026-11", today=TODAY, metric="won_deals")
    assert len(c.days) == 30 and len(c.actual) == 16
    assert c.plan[0] == 0  # 1 Nov is a Sunday
    assert c.plan[1] == D("10000.00")  # 200 000 / 20 working days
    assert c.plan[-1] == D("200000.00")
    assert c.actual[0] == 0 and c.actual[1] == D("39000.00") and c.actual[-1] == D("50000.00")
    assert c.forecast_days[0] == TODAY and c.forecast[0] == D("50000.00")
    assert c.forecast[-1] == D("100000.00")  # the same as progress.forecast


def test_monthly_bars_zero_months(plan_db):
    months = plan_db.plan.monthly("2026-11", metric="won_deals")
    assert len(months) == 12 and months[0].month == date(2025, 12, 1)
    assert (months[-2].plan, months[-2].actual) == (D("0.00"), D("50000.00"))
    assert (months[-1].plan, months[-1].actual) == (D("200000.00"), D("50000.00"))
    assert all(m.plan == 0 and m.actual == 0 for m in months[:10])


def test_month_without_data_is_zeros(plan_db):
    p = plan_db.plan.progress("2025-03", today=TODAY)
    assert (p.plan, p.actual, p.left, p.percent) == (0, 0, 0, None)
    assert p.forecast == 0 and p.daily_rate_needed is None
    c = plan_db.plan.cumulative("2025-03", today=TODAY)
    assert len(c.days) == 31 and all(v == 0 for v in c.actual) and c.forecast == []
    assert plan_db.plan.breakdown("2025-03", "segment", today=TODAY).rows == []
    f = plan_db.plan.progress("2027-02", today=TODAY)  # future: nothing elapsed
    assert f.forecast is None and f.working_days_left == f.working_days_total


def test_set_target_validation(plan_db):
    with pytest.raises(ValidationError) as err:
        plan_db.plan.set_target("2026-12", D("-1"))
    assert "отрицательным" in err.value.errors["amount"]
    with pytest.raises(ValidationError):
        plan_db.plan.set_target("2026-13", D("1"))
    with pytest.raises(ValidationError):
        plan_db.plan.set_target("2026-Q4", D("1"))
    with pytest.raises(ValidationError):
        plan_db.plan.set_target("2026-12", D("1"), dimension="colour", value="x")
    plan_db.plan.set_target("2026-12", D("5"), dimension="region", value="Москва")
    plan_db.plan.set_target("2026-12", None, dimension="region", value="Москва")
    assert plan_db.plan.plan_total("2026-12") == 0


def test_spread_even_and_seasonal(plan_db):
    even = plan_db.plan.set_period_total("2027-Q1", D("100000"), spread="even")
    assert [m.plan for m in even] == [D("33333.33"), D("33333.33"), D("33333.34")]
    assert plan_db.plan.plan_total("2027-Q1") == D("100000.00")
    # 2026-Q4 actual: October 50 000, November 50 000, December 0 → 40 000 / 40 000 / 0.
    seasonal = plan_db.plan.set_period_total("2027-Q4", D("80000"), spread="seasonal",
                                             metric="won_deals")
    assert [m.plan for m in seasonal] == [D("40000.00"), D("40000.00"), D("0.00")]
    # No sales a year earlier: falls back to even.
    fallback = plan_db.plan.set_period_total("2028-Q2", D("90"), spread="seasonal")
    assert [m.plan for m in fallback] == [D("30.00")] * 3
    with pytest.raises(ValidationError):
        plan_db.plan.set_period_total("2027", D("-5"))
    with pytest.raises(ValidationError):
        plan_db.plan.set_period_total("2027", D("5"), spread="random")


def test_copy_from_last_year_and_scale(plan_db):
    assert plan_db.plan.copy_from_last_year("2027-11", 10) == 3
    grid = plan_db.plan.grid("2027-11", "product_group")
    row = grid.rows[0]
    assert row.total == D("220000.00")
    assert row.cells["Упаковка"] == D("132000.00") and row.cells["Спецодежда"] == D("66000.00")
    assert row.gap == D("22000.00")
    assert plan_db.plan.scale("2026-11", -50) == 3
    assert plan_db.plan.plan_total("2026-11") == D("100000.00")
    with pytest.raises(ValidationError):
        plan_db.plan.scale("2026-11", "-100")
    with pytest.raises(ValidationError):
        plan_db.plan.scale("2026-11", "много")


def test_plan_without_total_row_sums_first_breakdown(services):
    services.plan.set_target("2026-05", D("70"), dimension="region", value="Москва")
    services.plan.set_target("2026-05", D("30"), dimension="region", value="Казань")
    assert services.plan.plan_total("2026-05") == D("100.00")
    services.plan.set_target("2026-05", D("150"))
    assert services.plan.plan_total("2026-05") == D("150.00")
    b = services.plan.breakdown("2026-05", "region", today=date(2026, 6, 1))
    assert b.gap == D("50.00")


def test_grid_zero_months(services):
    grid = services.plan.grid("2026", "segment")
    assert len(grid.rows) == 12
    assert all(r.total is None and r.effective_total == 0 for r in grid.rows)

