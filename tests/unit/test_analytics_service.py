"""Analytics on hand-made datasets: funnel, losses, sources, ABC/XYZ, RFM, churn risk.
Every expected figure is worked out in the comments."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import delete

from app.models import Campaign, CampaignCost, Client, Competitor, Deal, Stage, StageChange
from app.services.errors import ValidationError
from app.services.plan import rfm_segment

D = Decimal


def _at(day: int, month: int = 11) -> datetime:
    return datetime(2026, month, day, 10, 0, tzinfo=UTC)


@pytest.fixture
def funnel_db(services):
    """Four deals through S1 → S2 → won, in November 2026."""
    with services.uow_factory() as uow:
        uow.session.execute(delete(Stage))  # this test builds its own pipeline
        s = uow.session
        s1 = Stage(name="S1", position=1, probability=10)
        s2 = Stage(name="S2", position=2, probability=50)
        won = Stage(name="Won", position=3, probability=100, is_won=True)
        lost = Stage(name="Lost", position=4, probability=0, is_lost=True)
        alpha = Competitor(name="Альфа")
        c = Client(name="ООО «Клиент»", created_at=_at(1, 10))
        s.add_all([s1, s2, won, lost, alpha, c])
        s.add_all([Client(name=f"Лид {i}", lead_source=src, created_at=_at(3 + i))
                   for i, src in enumerate(["Выставка", "Выставка", "Сайт"])])
        # 100 000 in three lines: the stand (20 Oct) and the catalogues (undated: on the
        # campaign's start, 17 Oct) fall in October; the travel (5 Nov) → 30 000 in November.
        fair = Campaign(name="Выставка-осень", channel="Выставка", cost=D("100000"),
                        started_on=date(2026, 10, 17), ended_on=date(2026, 11, 15))
        s.add(fair)
        s.flush()
        s.add_all([CampaignCost(campaign_id=fair.id, label="Стенд", amount=D("40000"),
                                spent_on=date(2026, 10, 20)),
                   CampaignCost(campaign_id=fair.id, label="Каталоги", amount=D("30000")),
                   CampaignCost(campaign_id=fair.id, label="Командировка", amount=D("30000"),
                                spent_on=date(2026, 11, 5))])
        s.flush()

        def deal(stage, amount, source, path, *, closed=None, reason="", competitor=None):
            d = Deal(client_id=c.id, stage_id=stage.id, title="x", amount=D(amount),
                     source=source, closed_on=closed, lost_reason=reason,
                     competitor_id=competitor, created_at=path[0][1])
            s.add(d)
            s.flush()
            prev = None
            for st, when in path:
                s.add(StageChange(deal_id=d.id, from_stage_id=prev, to_stage_id=st.id,
                                  changed_at=when))
                prev = st.id

        # A: S1 2 Nov → S2 5 Nov (3 days) → won 9 Nov (4 days in S2).
        deal(won, "5000", "Сайт", [(s1, _at(2)), (s2, _at(5)), (won, _at(9))],
             closed=date(2026, 11, 9))
        # B: S1 3 Nov → S2 4 Nov (1 day) → lost 8 Nov from S2 (4 days), price.
        deal(lost, "1000", "Сайт", [(s1, _at(3)), (s2, _at(4)), (lost, _at(8))],
             closed=date(2026, 11, 8), reason="price")
        # C: S1 6 Nov → lost 7 Nov from S1 (1 day), to a competitor.
        deal(lost, "3000", "Выставка", [(s1, _at(6)), (lost, _at(7))],
             closed=date(2026, 11, 7), reason="competitor", competitor=alpha.id)
        # D: S1 10 Nov, still there.
        deal(s1, "8000", "Выставка", [(s1, _at(10))])
        uow.commit()
    return services


def test_funnel_by_hand(funnel_db):
    f = {x.name: x for x in funnel_db.analytics.funnel("2026-11")}
    assert list(f) == ["S1", "S2", "Won"]  # lost stages are not a funnel step
    # S1: A, B, C, D entered; A and B moved on; days in S1: 3, 1, 1 → 1.7; C lost here.
    assert (f["S1"].entered, f["S1"].moved_on, f["S1"].conversion) == (4, 2, D("50.0"))
    assert f["S1"].avg_days == D("1.7") and f["S1"].lost_here == 1
    # S2: A, B entered; A won; 4 and 4 days; B lost here.
    assert (f["S2"].entered, f["S2"].moved_on, f["S2"].conversion) == (2, 1, D("50.0"))
    assert f["S2"].avg_days == D("4.0") and f["S2"].lost_here == 1
    assert f["Won"].entered == 1 and f["Won"].conversion is None
    empty = funnel_db.analytics.funnel("2026-09")
    assert all(x.entered == 0 and x.conversion is None for x in empty)


def test_losses_by_reason_and_competitor(funnel_db):
    losses = funnel_db.analytics.losses("2026-11")
    assert (losses.total_count, losses.total_amount) == (2, D("3000.00") + D("1000.00"))
    assert [(r.key, r.count, r.amount) for r in losses.by_reason] == [
        ("competitor", 1, D("3000.00")), ("price", 1, D("1000.00"))]
    assert losses.by_reason[0].share == D("50.0")
    assert [(r.key, r.count, r.amount) for r in losses.by_competitor] == [
        ("Альфа", 1, D("3000.00"))]
    assert funnel_db.analytics.losses("2026-01").by_reason == []


def test_sources_by_hand(funnel_db):
    rows = {r.source: r for r in funnel_db.analytics.sources("2026-11")}
    site, fair = rows["Сайт"], rows["Выставка"]
    assert (site.leads, site.deals, site.won, site.closed) == (1, 2, 1, 2)
    assert site.revenue == D("5000.00") and site.conversion == D("50.0")
    assert site.cost == 0 and site.cost_per_lead is None
    assert (fair.leads, fair.deals, fair.won, fair.closed) == (2, 2, 0, 1)
    assert fair.conversion == D("0.0")
    assert fair.cost == D("30000.00") and fair.cost_per_lead == D("15000.00")
    assert next(iter(rows)) == "Сайт"  # most revenue first


@pytest.fixture
def base_db(services):
    """Clients with won deals on the 15th of months of 2026 (and 2025 for one)."""
    with services.uow_factory() as uow:
        uow.session.execute(delete(Stage))  # this test builds its own pipeline
        s = uow.session
        won = Stage(name="Won", position=1, probability=100, is_won=True)
        s.add(won)
        clients = {n: Client(name=n, status="active") for n in
                   ("c1", "c2", "c3", "c4", "c5", "c6", "c7")}
        clients["c7"].status = "lost"
        s.add_all(clients.values())
        s.flush()

        def buy(name, months, amounts, year=2026):
            for m, a in zip(months, amounts, strict=True):
                s.add(Deal(client_id=clients[name].id, stage_id=won.id, title="x",
                           amount=D(a), closed_on=date(year, m, 15)))

        buy("c1", range(1, 13), ["4000"] * 12)  # 48 000, steady: CV 0 → X
        buy("c2", range(1, 7), ["5000"] * 6)  # 30 000; 6 months of 12: CV 100 % → Z
        buy("c3", range(1, 13), ["800", "1200"] * 6)  # 12 000; mean 1 000, σ 200 → 20 % → Y
        buy("c4", [3], ["6000"])  # 6 000, once → Z
        buy("c5", [11], ["4000"])  # 4 000, once → Z
        # c6 and c7: two purchases in 2025 (1 Sep, 1 Oct → a 30-day interval).
        for name in ("c6", "c7"):
            for day in (date(2025, 9, 1), date(2025, 10, 1)):
                s.add(Deal(client_id=clients[name].id, stage_id=won.id, title="x",
                           amount=D("10000"), closed_on=day))
        uow.commit()
    return services


def test_abc_xyz_by_hand(base_db):
    res = base_db.analytics.abc_xyz("2026")
    # Total 100 000: 48, 30, 12, 6, 4 %. Share before each: 0, 48, 78 → A; 90 → B; 96 → C.
    assert res.total_revenue == D("100000.00")
    got = {c.name: (c.abc, c.xyz) for c in res.clients}
    assert got == {"c1": ("A", "X"), "c2": ("A", "Z"), "c3": ("A", "Y"),
                   "c4": ("B", "Z"), "c5": ("C", "Z")}
    by_name = {c.name: c for c in res.clients}
    assert by_name["c1"].cv == D("0.0") and by_name["c3"].cv == D("20.0")
    assert by_name["c2"].cv == D("100.0")
    assert by_name["c3"].cumulative_share == D("90.0") and by_name["c3"].share == D("12.0")
    assert res.cell("A", "X").count == 1 and res.cell("B", "Z").revenue == D("6000.00")
    assert len(res.cells) == 9 and res.cell("C", "X").count == 0
    assert [c.name for c in res.clients_in("A", "Z")] == ["c2"]
    # 70/20: before-shares 0, 48 → A; 78 → B; 90 → C (not below 90); 96 → C.
    custom = base_db.analytics.abc_xyz("2026", a_share=70, b_share=20)
    assert [c.abc for c in custom.clients] == ["A", "A", "B", "C", "C"]
    with pytest.raises(ValidationError):
        base_db.analytics.abc_xyz("2026", a_share=90, b_share=20)
    with pytest.raises(ValidationError):
        base_db.analytics.abc_xyz("2026", x_max=30, y_max=20)
    assert base_db.analytics.abc_xyz("2024").clients == []


def test_rfm_by_hand(base_db):
    res = base_db.analytics.rfm(as_of=date(2026, 12, 31), since=date(2026, 1, 1))
    got = {c.name: (c.r, c.f, c.m, c.segment) for c in res.clients}
    # Last purchase ranks (oldest first): c4 Mar 1, c2 Jun 2, c5 Nov 3, c1 = c3 Dec 4.
    # Frequency: c4 = c5 (1) → 1, c2 (6) → 3, c1 = c3 (12) → 4. Money ranks 1..5.
    assert got == {"c1": (4, 4, 5, "loyal"), "c3": (4, 4, 3, "loyal"),
                   "c2": (2, 3, 4, "at_risk"), "c5": (3, 1, 1, "need_attention"),
                   "c4": (1, 1, 2, "lost")}
    assert {c.name: c.recency_days for c in res.clients}["c2"] == 199  # 15 Jun → 31 Dec
    seg = {x.segment: x for x in res.segments}
    assert seg["loyal"].count == 2 and seg["loyal"].monetary == D("60000.00")
    assert seg["champions"].count == 0 and len(res.segments) == 9


def test_rfm_segment_map():
    assert rfm_segment(5, 5) == "champions"
    assert rfm_segment(5, 1) == "new"
    assert rfm_segment(1, 5) == "cant_lose"
    assert rfm_segment(1, 1) == "lost"
    assert rfm_segment(4, 1) == "promising"


def test_churn_risk_by_hand(base_db):
    risk = base_db.analytics.churn_risk(as_of=date(2026, 12, 31), k=2)
    # c2: interval (15 Jun − 15 Jan) / 5 = 151 / 5 = 30.2; silent 199 > 60.4; at stake 30 000.
    # c6: interval 30; silent 456 > 60; at stake 20 000. c7 is already lost: not listed.
    # c1, c3: last purchase 16 days ago; c4, c5: one purchase only.
    assert [(c.name, c.revenue_at_stake) for c in risk] == [
        ("c2", D("30000.00")), ("c6", D("20000.00"))]
    c2 = risk[0]
    assert (c2.usual_interval_days, c2.days_since_last, c2.overdue_ratio) == (
        D("30.2"), 199, D("6.6"))
    strict = base_db.analytics.churn_risk(as_of=date(2026, 12, 31), k=10)
    assert [c.name for c in strict] == ["c6"]  # 199 < 302, 456 > 300
    for bad in (0, -1, "x"):
        with pytest.raises(ValidationError):
            base_db.analytics.churn_risk(k=bad)


def test_rfm_segments_summary_matches_rfm(base_db):
    args = {"as_of": date(2026, 12, 31), "since": date(2026, 1, 1)}
    assert base_db.analytics.rfm_segments(**args) == base_db.analytics.rfm(**args).segments
    assert sum(s.count for s in base_db.analytics.rfm_segments(as_of=date(2026, 12, 31))) == 7


def test_client_base_matches_rfm_segments_and_churn_risk(base_db):
    # One per-client aggregation shared by both analyses gives exactly what each gives alone.
    for as_of in (date(2026, 12, 31), date(2026, 6, 30), date(2020, 1, 1)):
        for k in (2, "1,5", 10):
            segments, churn = base_db.analytics.client_base(as_of=as_of, k=k, limit=200)
            assert segments == base_db.analytics.rfm_segments(as_of=as_of)
            assert churn == base_db.analytics.churn_risk(as_of=as_of, k=k, limit=200)
    segments, churn = base_db.analytics.client_base(as_of=date(2026, 12, 31), k=2)
    assert churn and sum(s.count for s in segments) == 7
    # and it leaves no temporary table behind; bad input is refused as before
    segments2, churn2 = base_db.analytics.client_base(as_of=date(2026, 12, 31), k=2)
    assert (segments2, churn2) == (segments, churn)
    for bad in (0, -1, "x", 101):
        with pytest.raises(ValidationError):
            base_db.analytics.client_base(k=bad)


def test_client_base_reads_the_rollup_or_the_deals_alike(demo_services):
    """As of today the per-client figures come from agg_client_won; with a `since` (or an
    earlier as-of) from the deals. Both give the same RFM for the same deals."""
    from tests.conftest import DEMO_TODAY

    a = demo_services.analytics
    from_rollup = a.rfm(as_of=DEMO_TODAY)
    from_deals = a.rfm(as_of=DEMO_TODAY, since=date(1900, 1, 1))
    assert from_rollup.clients and from_rollup == from_deals
    assert a.rfm_segments(as_of=DEMO_TODAY) == from_rollup.segments
    segments, churn = a.client_base(as_of=DEMO_TODAY, k=1)
    assert segments == from_rollup.segments
    assert churn == a.churn_risk(as_of=DEMO_TODAY, k=1)
    # a past as-of leaves out the deals closed after it (the deals path)
    earlier = a.rfm(as_of=date(2026, 6, 30))
    assert all(c.last_purchase <= date(2026, 6, 30) for c in earlier.clients)
    assert sum(c.frequency for c in earlier.clients) < sum(c.frequency
                                                          for c in from_rollup.clients)


def test_funnel_counts_each_entry_into_a_stage(funnel_db):
    """A deal sent back to a stage and moved on again counts as two entries (the funnel is
    kept per entry by month, so any period is a sum of months)."""
    with funnel_db.uow_factory() as uow:
        s = uow.session
        ids = {st.name: st.id for st in s.query(Stage)}
        client_id = s.query(Client).first().id
        d = Deal(client_id=client_id, stage_id=ids["S2"], title="E", amount=D("100"),
                 created_at=_at(12))
        s.add(d)
        s.flush()
        # E: S1 12 Nov → S2 13 Nov → back to S1 14 Nov → S2 again 16 Nov, still there
        prev = None
        for name, day in (("S1", 12), ("S2", 13), ("S1", 14), ("S2", 16)):
            s.add(StageChange(deal_id=d.id, from_stage_id=prev, to_stage_id=ids[name],
                              changed_at=_at(day)))
            prev = ids[name]
        uow.commit()
    f = {x.name: x for x in funnel_db.analytics.funnel("2026-11")}
    # S1: A, B, C, D as before plus E twice (both times on to S2): 6 entries, 4 moved on;
    # days: 3, 1, 1 (before) + 1 + 2 → 8 / 5 = 1.6
    assert (f["S1"].entered, f["S1"].moved_on, f["S1"].avg_days) == (6, 4, D("1.6"))
    # S2: A, B plus E twice; E's first stay ended going back (not on), its second goes on
    assert (f["S2"].entered, f["S2"].moved_on, f["S2"].conversion) == (4, 1, D("25.0"))
    # the quarter is the sum of its months: the same figures
    q = {x.name: x for x in funnel_db.analytics.funnel("2026-Q4")}
    assert (q["S1"].entered, q["S2"].entered) == (6, 4)
