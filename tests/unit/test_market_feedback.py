"""Complaints, corrective tasks, NPS/CSAT, churn and the base by industry (issue 16) on
hand-made data whose figures are worked out by hand below; the bad inputs refused whole."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.models import Activity, Client, Competitor, Complaint, Order, SatisfactionScore
from app.services.errors import ValidationError
from app.services.market.feedback import (
    ComplaintDraft,
    ComplaintFilter,
    ScoreDraft,
    is_overdue,
    nps_group,
)
from app.services.plan import parse_period
from tests.unit._orders_helpers import deal, win

D = Decimal
TODAY = date(2026, 11, 16)
NOW = datetime(2026, 11, 16, 9, tzinfo=UTC)
Q4 = parse_period("2026-Q4")


def _client(services, name: str, *, segment: str = "", industry: str = "",
            status: str = "active", churn_reason: str = "", competitor: int | None = None,
            churned_on: date | None = None) -> int:
    with services.uow_factory() as uow:
        c = Client(name=name, segment=segment, industry=industry, status=status,
                   churn_reason=churn_reason, churn_competitor_id=competitor,
                   churned_on=churned_on)
        uow.session.add(c)
        uow.flush()
        ident = c.id
        uow.commit()
    return ident


def _competitor(services, name: str) -> int:
    with services.uow_factory() as uow:
        c = Competitor(name=name)
        uow.session.add(c)
        uow.flush()
        ident = c.id
        uow.commit()
    return ident


def _order(services, client_id: int, number: str) -> int:
    with services.uow_factory() as uow:
        o = Order(client_id=client_id, number=number, ordered_on=date(2026, 10, 1),
                  amount=D("1000"))
        uow.session.add(o)
        uow.flush()
        ident = o.id
        uow.commit()
    return ident


def _count(services, model) -> int:  # type: ignore[no-untyped-def]
    with services.uow_factory(read_only=True) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def _complaint(services, client: int | None, **changes) -> int:  # type: ignore[no-untyped-def]
    fields = dict(client_id=client, category="quality", description="Брак в партии",
                  opened_on=date(2026, 11, 1))
    fields.update(changes)
    return services.market.save_complaint(ComplaintDraft(**fields), today=TODAY)


def _score(services, client_id: int, score: int, on: date, kind: str = "nps",
           comment: str = "") -> int:
    return services.market.record_score(ScoreDraft(client_id=client_id, kind=kind, score=score,
                                                   scored_on=on, comment=comment))


# --- complaints ------------------------------------------------------------------------

def test_a_complaint_is_saved_read_back_and_resolved_with_its_date(services) -> None:
    cid = _client(services, "ООО «Ромашка»")
    order = _order(services, cid, "З-1")
    ident = _complaint(services, cid, order_id=order, due_on=date(2026, 11, 20),
                       responsible="Иванов", resolution_cost=D("1500.50"))
    c = services.market.get_complaint(ident, today=TODAY)
    assert (c.client_name, c.category, c.status, c.order_id, c.due_on, c.responsible,
            c.resolution_cost, c.resolved_on, c.overdue) == (
        "ООО «Ромашка»", "quality", "open", order, date(2026, 11, 20), "Иванов",
        D("1500.50"), None, False)
    services.market.save_complaint(ComplaintDraft(
        **{**c.draft().__dict__, "status": "resolved", "resolution": "Заменили партию"}),
        ident, today=TODAY)
    c = services.market.get_complaint(ident, today=TODAY)
    assert c.status == "resolved" and c.resolved_on == TODAY
    # saved again later while still resolved: the day it was resolved stays
    services.market.save_complaint(c.draft(), ident, today=date(2026, 12, 1))
    assert services.market.get_complaint(ident).resolved_on == TODAY
    # reopened: no longer resolved
    services.market.save_complaint(ComplaintDraft(**{**c.draft().__dict__,
                                                     "status": "in_progress"}), ident)
    assert services.market.get_complaint(ident).resolved_on is None
    [row] = services.market.list_complaints(today=TODAY)
    assert (row.status_label, row.category_label, row.subject) == ("В работе", "Качество",
                                                                 "Заказ З-1")


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"due_on": date(2026, 10, 31)}, "due_on", "Срок не может быть раньше даты рекламации"),
    ({"resolution_cost": D("-1")}, "resolution_cost", "не может быть отрицательной"),
    ({"resolution_cost": D("10.005")}, "resolution_cost", "двух знаков"),
    ({"description": "   "}, "description", "Опишите"),
    ({"category": "weather"}, "category", "категорию"),
    ({"status": "resolved"}, "resolution", "как решили"),
    ({"client_id": None}, "client_id", "Выберите клиента"),
])
def test_bad_complaints_are_refused_and_nothing_is_saved(services, changes, field,
                                                         message) -> None:
    cid = _client(services, "ООО «Ромашка»")
    with pytest.raises(ValidationError) as caught:
        _complaint(services, cid, **changes)
    assert message in caught.value.errors[field]
    assert _count(services, Complaint) == 0


def test_an_order_or_deal_of_another_client_is_refused(services) -> None:
    mine = _client(services, "ООО «Ромашка»")
    other = _client(services, "ООО «Лютик»")
    theirs = _order(services, other, "З-9")
    their_deal = deal(services, other, manual="1000")
    with pytest.raises(ValidationError) as caught:
        _complaint(services, mine, order_id=theirs, deal_id=their_deal,
                   due_on=date(2026, 10, 1), resolution_cost=D("-5"))
    # every refusal at once
    assert caught.value.errors == {
        "order_id": "Это заказ другого клиента", "deal_id": "Это сделка другого клиента",
        "due_on": "Срок не может быть раньше даты рекламации (01.11.2026)",
        "resolution_cost": "Стоимость не может быть отрицательной"}
    assert _count(services, Complaint) == 0
    # and an edit refused leaves the stored complaint as it was
    ident = _complaint(services, mine)
    before = services.market.get_complaint(ident)
    with pytest.raises(ValidationError):
        services.market.save_complaint(ComplaintDraft(**{**before.draft().__dict__,
                                                         "order_id": theirs,
                                                         "description": "Новое"}), ident)
    assert services.market.get_complaint(ident) == before


def test_overdue_is_open_or_in_work_and_due_before_today(services) -> None:
    cid = _client(services, "ООО «Ромашка»")
    late = _complaint(services, cid, due_on=date(2026, 11, 10))
    _complaint(services, cid, due_on=date(2026, 11, 16), status="in_progress")  # due today
    _complaint(services, cid, due_on=date(2026, 11, 5), status="resolved",
               resolution="Скидка 5 %")
    _complaint(services, cid)  # no due date
    rows = services.market.list_complaints(ComplaintFilter(overdue=True), today=TODAY)
    assert [r.id for r in rows] == [late]
    assert rows[0].overdue
    # the list puts the overdue first; "active" leaves the resolved one out
    active = services.market.list_complaints(ComplaintFilter(status="active"), today=TODAY)
    assert len(active) == 3 and active[0].id == late
    assert is_overdue("open", date(2026, 11, 15), TODAY)
    assert not is_overdue("rejected", date(2026, 11, 1), TODAY)
    assert not is_overdue("in_progress", TODAY, TODAY)
    shown, total = services.market.overdue_complaints(TODAY)
    assert total == 1 and [r.id for r in shown] == [late]
    # the Today tab's section
    worklist = services.worklist.worklist(TODAY, sections=["complaints"])
    [item] = worklist.sections["complaints"]
    assert (item.kind, item.ident, item.client_id, item.overdue) == ("complaint", late, cid, True)
    assert "просрочено на 6 дн." in item.detail and worklist.totals["complaints"] == 1


def test_corrective_tasks_are_tracked_to_done(services) -> None:
    cid = _client(services, "ООО «Ромашка»")
    ident = _complaint(services, cid, due_on=date(2026, 11, 30))
    due = datetime(2026, 11, 18, 7, tzinfo=UTC)
    first = services.market.add_corrective_task(ident, "Заменить партию", due, now=NOW)
    second = services.market.add_corrective_task(ident, "Выехать к клиенту", due, now=NOW)
    c = services.market.get_complaint(ident)
    assert c.status == "in_progress"  # the first task puts a new complaint in work
    assert [(t.subject, t.done) for t in c.tasks] == [("Заменить партию", False),
                                                       ("Выехать к клиенту", False)]
    activity = services.activities.get(first)
    assert (activity.client_id, activity.complaint_id, activity.kind) == (cid, ident, "task")
    services.market.complete_corrective_task(first, "Заменили 12 шт.", now=NOW)
    c = services.market.get_complaint(ident)
    assert [(t.id, t.done) for t in c.tasks] == [(second, False), (first, True)]
    done = next(t for t in c.tasks if t.id == first)
    assert done.result == "done" and done.outcome == "Заменили 12 шт."
    [row] = services.market.list_complaints(today=TODAY)
    assert (row.tasks_open, row.tasks_done) == (1, 1)
    # an activity that is not a corrective task is not completed here
    plain = services.market.add_corrective_task(ident, "Ещё", due, now=NOW)
    with services.uow_factory() as uow:
        uow.session.get(Activity, plain).complaint_id = None
        uow.commit()
    with pytest.raises(ValidationError):
        services.market.complete_corrective_task(plain)
    # a closed complaint takes no new task
    services.market.save_complaint(ComplaintDraft(**{**c.draft().__dict__,
                                                     "status": "rejected",
                                                     "resolution": "Не наш брак"}), ident)
    with pytest.raises(ValidationError):
        services.market.add_corrective_task(ident, "Поздно", due, now=NOW)


def test_an_activity_of_another_clients_complaint_is_refused(services) -> None:
    from app.services.activities import ActivityDraft

    mine = _client(services, "ООО «Ромашка»")
    other = _client(services, "ООО «Лютик»")
    theirs = _complaint(services, other)
    with pytest.raises(ValidationError) as caught:
        services.activities.create(ActivityDraft(
            kind="task", subject="x", client_id=mine, complaint_id=theirs,
            due_at=datetime(2026, 11, 18, 7, tzinfo=UTC)), now=NOW)
    assert caught.value.errors == {"complaint_id": "Эта рекламация другого клиента"}


# --- satisfaction ----------------------------------------------------------------------

def _scores(services) -> dict[str, int]:
    """A, B «Ключевые», C «Малые», D no segment. Q4 2026 NPS: A 10, B 9, C 9, C 8, D 6,
    A 3 → 6 answers: promoters 3 (50.0 %), passives 1 (16.7 %), detractors 2 (33.3 %),
    NPS = (3 − 2) × 100 / 6 = 16.7; CSAT B 4 and 5 → 4.50. A Q3 score of 0 is outside."""
    a = _client(services, "А", segment="Ключевые")
    b = _client(services, "Б", segment="Ключевые")
    c = _client(services, "В", segment="Малые")
    d = _client(services, "Г")
    for cid, score, on in ((a, 10, date(2026, 10, 5)), (b, 9, date(2026, 10, 20)),
                           (c, 9, date(2026, 11, 2)), (c, 8, date(2026, 11, 3)),
                           (d, 6, date(2026, 12, 1)), (a, 3, date(2026, 12, 10)),
                           (a, 0, date(2026, 9, 30))):
        _score(services, cid, score, on, comment=f"{score}")
    _score(services, b, 4, date(2026, 10, 21), kind="csat")
    _score(services, b, 5, date(2026, 11, 21), kind="csat")
    return {"a": a, "b": b, "c": c, "d": d}


def test_nps_of_a_period_with_its_groups(services) -> None:
    _scores(services)
    s = services.market.nps(Q4)
    assert (s.responses, s.promoters, s.passives, s.detractors) == (6, 3, 1, 2)
    assert (s.nps, s.promoters_pct, s.passives_pct, s.detractors_pct) == (
        D("16.7"), D("50.0"), D("16.7"), D("33.3"))
    assert (s.csat_responses, s.csat_average) == (2, D("4.50"))
    assert [nps_group(n) for n in (10, 9, 8, 7, 6, 0)] == [
        "promoter", "promoter", "passive", "passive", "detractor", "detractor"]


def test_nps_of_a_segment(services) -> None:
    _scores(services)
    # «Ключевые»: A 10, B 9, A 3 → promoters 2, detractors 1 of 3: NPS 33.3
    s = services.market.nps(Q4, segment="Ключевые")
    assert (s.responses, s.promoters, s.passives, s.detractors, s.nps) == (3, 2, 0, 1,
                                                                          D("33.3"))
    # «Малые»: C 9, C 8 → 50.0
    assert services.market.nps(Q4, segment="Малые").nps == D("50.0")
    # nobody answered: no NPS rather than 0
    empty = services.market.nps("2026-Q1")
    assert empty.responses == 0 and empty.nps is None
    assert services.market.score_segments() == ["Ключевые", "Малые"]


def test_detractors_are_listed_with_their_last_complaint(services) -> None:
    ids = _scores(services)
    _complaint(services, ids["a"], opened_on=date(2026, 10, 1), description="Опоздали")
    last = _complaint(services, ids["a"], opened_on=date(2026, 11, 5), category="documents",
                      description="Нет УПД")
    _complaint(services, ids["a"], opened_on=date(2027, 1, 10), description="После периода")
    s = services.market.nps(Q4)
    assert [(d.client_name, d.score) for d in s.detractor_list] == [("А", 3), ("Г", 6)]
    a, d = s.detractor_list
    assert a.last_complaint is not None and a.last_complaint.id == last
    assert a.last_complaint.summary() == "05.11.2026 · Документы · Новая: Нет УПД"
    assert d.last_complaint is None


def test_nps_trend_by_month(services) -> None:
    _scores(services)
    trend = services.market.nps_trend(Q4)
    # October: A 10, B 9 → 100.0; November: C 9, C 8 → 50.0; December: D 6, A 3 → −100.0
    assert [(m.month, m.responses, m.nps) for m in trend] == [
        (date(2026, 10, 1), 2, D("100.0")), (date(2026, 11, 1), 2, D("50.0")),
        (date(2026, 12, 1), 2, D("-100.0"))]


@pytest.mark.parametrize(("kind", "score", "message"), [
    ("nps", 11, "NPS — от 0 до 10, а не 11"),
    ("nps", -1, "NPS — от 0 до 10, а не -1"),
    ("csat", 0, "CSAT — от 1 до 5, а не 0"),
    ("csat", 6, "CSAT — от 1 до 5, а не 6"),
    ("stars", 3, None),
])
def test_bad_scores_are_refused_and_nothing_is_saved(services, kind, score, message) -> None:
    cid = _client(services, "ООО «Ромашка»")
    with pytest.raises(ValidationError) as caught:
        _score(services, cid, score, TODAY, kind=kind)
    if message is None:
        assert "kind" in caught.value.errors
    else:
        assert caught.value.errors == {"score": message}
    assert _count(services, SatisfactionScore) == 0


def test_a_score_about_another_clients_order_is_refused(services) -> None:
    mine = _client(services, "ООО «Ромашка»")
    other = _client(services, "ООО «Лютик»")
    theirs = _order(services, other, "З-9")
    with pytest.raises(ValidationError) as caught:
        services.market.record_score(ScoreDraft(client_id=mine, kind="nps", score=11,
                                                scored_on=TODAY, order_id=theirs))
    assert caught.value.errors == {"score": "NPS — от 0 до 10, а не 11",
                                   "order_id": "Это заказ другого клиента"}
    assert _count(services, SatisfactionScore) == 0


def test_a_post_sale_follow_up_proposes_a_score(services) -> None:
    cid = _client(services, "ООО «Ромашка»")
    deal_id = deal(services, cid, manual="5000", title="Весы")
    win(services, deal_id, "5000")
    draft = services.activities.follow_up_draft(deal_id, today=TODAY)
    follow_up = services.activities.create(draft, now=NOW)
    proposal = services.market.score_proposal(follow_up)
    assert proposal is not None
    assert (proposal.client_id, proposal.deal_id, proposal.deal_title, proposal.order_id) == (
        cid, deal_id, "Весы", None)
    ordinary = services.market.add_corrective_task(_complaint(services, cid), "x",
                                                   draft.due_at, now=NOW)
    assert services.market.score_proposal(ordinary) is None


# --- churn -----------------------------------------------------------------------------

def test_churn_by_reason_and_competitor(services) -> None:
    rival = _competitor(services, "ТехноПром")
    other = _competitor(services, "ВесыПлюс")
    nov = date(2026, 11, 10)
    for name, reason, comp in (("1", "competitor", rival), ("2", "competitor", rival),
                               ("3", "competitor", other), ("4", "price", None),
                               ("5", "", None)):
        _client(services, name, status="churned" if name != "4" else "lost",
                churn_reason=reason, competitor=comp, churned_on=nov)
    # outside the period, and not churned
    _client(services, "6", status="lost", churn_reason="price", churned_on=date(2026, 9, 1))
    _client(services, "7", status="active", churned_on=nov)
    b = services.market.churn_breakdown(Q4)
    assert b.total == 5
    assert [(r.key, r.label, r.count, r.share) for r in b.by_reason] == [
        ("competitor", "К конкуренту", 3, D("60.0")), ("", "Причина не указана", 1, D("20.0")),
        ("price", "Цена", 1, D("20.0"))]
    assert [(r.label, r.count, r.share) for r in b.by_competitor] == [
        ("ТехноПром", 2, D("40.0")), ("ВесыПлюс", 1, D("20.0"))]


# --- the base by industry --------------------------------------------------------------

def test_the_base_by_industry(services) -> None:
    """«Пищевая»: A 100 000 (02.11.2026) + C 30 000 (10.10.2026) = 130 000 in Q4 2026; A
    50 000 in Q4 2025 → growth (130 − 50) / 50 = 160.0 %. «Строительство»: B 20 000 in Q4
    2025 only → −100.0 %. A lead without an industry and no revenue is left out."""
    a = _client(services, "А", industry="Пищевая")
    b = _client(services, "Б", industry="Строительство")
    c = _client(services, "В", industry="Пищевая")
    _client(services, "Г", status="lead")
    for cid, amount, on in ((a, "100000", date(2026, 11, 2)), (a, "50000", date(2025, 11, 5)),
                            (c, "30000", date(2026, 10, 10)), (b, "20000", date(2025, 10, 1))):
        win(services, deal(services, cid, manual=amount), amount, closed_on=on)
    rows = services.analytics.base_by(Q4, "industry")
    assert [(r.key, r.clients, r.buyers, r.revenue, r.previous, r.growth, r.share)
            for r in rows] == [
        ("Пищевая", 2, 2, D("130000.00"), D("50000.00"), D("160.0"), D("100.0")),
        ("Строительство", 1, 0, D("0.00"), D("20000.00"), D("-100.0"), D("0.0"))]
    with pytest.raises(ValidationError):
        services.analytics.base_by(Q4, "weather")


# --- the report's data -----------------------------------------------------------------

def test_losses_report_data_counts_complaints_by_category_and_status(services) -> None:
    cid = _client(services, "ООО «Ромашка»")
    _complaint(services, cid, category="quality", resolution_cost=D("1000"),
               due_on=date(2026, 11, 10))
    _complaint(services, cid, category="quality", status="resolved", resolution="Замена",
               resolution_cost=D("250.50"))
    _complaint(services, cid, category="delivery", opened_on=date(2026, 12, 3))
    _complaint(services, cid, category="price", opened_on=date(2026, 9, 30))  # Q3
    data = services.market.losses_report_data(Q4, today=TODAY)
    assert data.complaints_total == 3 and data.complaints_overdue == 1
    assert [(r.label, r.count, r.cost) for r in data.complaints_by_category] == [
        ("Качество", 2, D("1250.50")), ("Доставка", 1, D("0.00"))]
    assert [(r.label, r.count) for r in data.complaints_by_status] == [("Новая", 2),
                                                                       ("Решена", 1)]
    assert len(data.nps_trend) == 3 and data.losses.total_count == 0


def test_the_losses_report_renders_with_and_without_figures(services) -> None:
    from app.services.documents.base import CompanyInfo
    from app.services.documents.reports.losses import render_losses_report

    company = CompanyInfo(name="ООО «Продавец»")
    empty = render_losses_report(services.market.losses_report_data(Q4, today=TODAY), company)
    assert empty.startswith(b"%PDF")
    ids = _scores(services)
    _complaint(services, ids["a"], opened_on=date(2026, 11, 5), description="Нет УПД")
    full = render_losses_report(services.market.losses_report_data(Q4, today=TODAY), company)
    assert full.startswith(b"%PDF") and len(full) > len(empty)


def test_nps_is_written_with_its_sign() -> None:
    from app.services.market.feedback import nps_text

    assert [nps_text(v) for v in (D("16.7"), D("-100.0"), D("0.0"), None)] == [
        "+16,7", "−100,0", "0,0", "—"]
