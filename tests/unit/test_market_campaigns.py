"""Campaigns (issue 16): the register with cost lines (the cost kept as their sum), the
effectiveness per campaign and per channel on hand-made data, the deal's campaign from its
client, the client's campaign and churn reason, the refusals with nothing half-saved, and
the campaign report PDF."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.models import Campaign, CampaignCost, Client, Competitor, Deal
from app.services.clients import ClientDraft, churn_reason_label
from app.services.deals import DealInput
from app.services.errors import ValidationError
from app.services.market.campaigns import CampaignDraft, CostLine, Effectiveness
from app.services.plan import parse_period

D = Decimal
Q4 = parse_period("2026-Q4")
WON_AT = datetime(2026, 12, 20, 12, tzinfo=UTC)


def _at(month: int, day: int, hour: int = 10, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


def _client(services, name: str, created: datetime, campaign_id: int | None) -> int:
    with services.uow_factory() as uow:
        c = Client(name=name, created_at=created, campaign_id=campaign_id)
        uow.session.add(c)
        uow.flush()
        cid = c.id
        uow.commit()
    return cid


def _deal(services, client_id: int, created: datetime, **kw) -> int:
    return services.deals.save_deal(DealInput(client_id=client_id, title="Поставка",
                                              manual_amount=D("1000"), **kw),
                                    now=created).deal_id


def _win(services, deal_id: int, amount: str, closed_on: date) -> None:
    won = next(s.id for s in services.deals.stages() if s.is_won)
    services.deals.move_deal(deal_id, won, closed_on=closed_on, final_amount=D(amount),
                             now=WON_AT)


def _exhibition() -> CampaignDraft:
    return CampaignDraft(
        name="Выставка «Склад-2026»", channel="Выставка", started_on=date(2026, 10, 5),
        ended_on=date(2026, 10, 8), target_segment="Опт", notes="стенд B12",
        costs=(CostLine("Стенд", D("100000.50"), date(2026, 9, 20)),  # before Q4
               CostLine("Печать каталогов", D("20000")),  # undated: on the start, 05.10
               CostLine("Командировка", D("30000"), date(2026, 10, 6))))


def _world(services) -> dict[str, int]:
    """Three campaigns in Q4 and one long over; leads, deals and wins with known dates:

    A (Выставка): leads c1 (06.10), c2 (07.10), c5 (08.10); c3 came from it in September.
        deals: d1 of c1 (16.10, 10 days after c1, won 10.11 for 300 000), d1b of c1
        (20.10), d2 of c2 (12.10, 5 days), d4 of c3 (01.12, won 15.12 for 50 000) — all
        A's by their clients. Cost in Q4: 20 000 + 30 000 = 50 000 (the stand in
        September is outside); the campaign's cost 150 000,50.
    B (Рассылка, running): lead c4 (02.11); its deal d3 (12.11, 10 days) has the campaign
        cleared. Cost 10 000 on 01.11.
    C («выставка», the same channel in other case): 40 000 undated, on its start 01.12.
    Old (2025): nothing in Q4, not listed.
    """
    m = services.market
    a = m.save_campaign(_exhibition())
    b = m.save_campaign(CampaignDraft(name="Рассылка ноябрь", channel="Рассылка",
                                      started_on=date(2026, 11, 1),
                                      costs=(CostLine("Сервис рассылки", D("10000"),
                                                      date(2026, 11, 1)),)))
    c = m.save_campaign(CampaignDraft(name="Выставка «Упак»", channel="выставка",
                                      started_on=date(2026, 12, 1), ended_on=date(2026, 12, 3),
                                      costs=(CostLine("Участие", D("40000")),)))
    old = m.save_campaign(CampaignDraft(name="Старая", channel="Реклама",
                                        started_on=date(2025, 1, 1), ended_on=date(2025, 2, 1),
                                        costs=(CostLine("Баннер", D("5000")),)))
    c1 = _client(services, "ООО «Альфа»", _at(10, 6), a)
    c2 = _client(services, "ООО «Бета»", _at(10, 7, 12), a)
    c3 = _client(services, "ООО «Гамма»", _at(9, 30), a)
    c4 = _client(services, "ООО «Дельта»", _at(11, 2, 9), b)
    _client(services, "ООО «Эпсилон»", _at(10, 8), a)
    d1 = _deal(services, c1, _at(10, 16))
    _deal(services, c1, _at(10, 20))
    _deal(services, c2, _at(10, 12, 12))
    _deal(services, c4, _at(11, 12, 9), campaign_id=None)  # cleared in the editor
    d4 = _deal(services, c3, _at(12, 1))
    _win(services, d1, "300000", date(2026, 11, 10))
    _win(services, d4, "50000", date(2026, 12, 15))
    return {"a": a, "b": b, "c": c, "old": old, "c1": c1, "c4": c4, "d1": d1}


def _by_name(rows: list[Effectiveness]) -> dict[str, Effectiveness]:
    return {r.name: r for r in rows}


def test_effectiveness_per_campaign(services) -> None:
    ids = _world(services)
    report = services.market.effectiveness(Q4)
    rows = _by_name(report.campaigns)
    assert set(rows) == {"Выставка «Склад-2026»", "Рассылка ноябрь", "Выставка «Упак»"}
    a = rows["Выставка «Склад-2026»"]
    assert (a.campaign_id, a.leads, a.deals, a.won) == (ids["a"], 3, 4, 2)
    assert a.revenue == D("350000.00")
    assert a.cost == D("50000.00")
    assert a.cost_per_lead == D("16666.67")  # 50 000 / 3
    assert a.cost_per_won == D("25000.00")
    assert a.roi == D("600.0")  # (350 000 − 50 000) / 50 000
    assert a.lead_to_deal_days == D("7.5")  # c1 10 days, c2 5 days, c5 none yet
    b = rows["Рассылка ноябрь"]
    assert (b.leads, b.deals, b.won, b.revenue, b.cost) == (1, 0, 0, D("0"), D("10000.00"))
    assert b.cost_per_lead == D("10000.00")
    assert b.cost_per_won is None
    assert b.roi == D("-100.0")
    assert b.lead_to_deal_days == D("10.0")  # its first deal, whatever its campaign
    c = rows["Выставка «Упак»"]
    assert (c.leads, c.deals, c.cost, c.cost_per_lead, c.roi) == (
        0, 0, D("40000.00"), None, D("-100.0"))
    assert c.lead_to_deal_days is None
    # most revenue first
    assert report.campaigns[0].name == "Выставка «Склад-2026»"


def test_effectiveness_per_channel_and_total(services) -> None:
    _world(services)
    report = services.market.effectiveness("2026-Q4")
    channels = _by_name(report.channels)
    assert set(channels) == {"Выставка", "Рассылка"}  # «выставка» is the same channel
    ex = channels["Выставка"]
    assert (ex.leads, ex.deals, ex.won, ex.revenue, ex.cost) == (
        3, 4, 2, D("350000.00"), D("90000.00"))
    assert ex.cost_per_lead == D("30000.00")
    assert ex.cost_per_won == D("45000.00")
    assert ex.roi == D("288.9")  # 260 000 / 90 000 = 2,8889
    assert ex.lead_to_deal_days == D("7.5")
    assert ex.campaign_id is None
    t = report.total
    assert (t.leads, t.deals, t.won, t.revenue, t.cost) == (
        4, 4, 2, D("350000.00"), D("100000.00"))
    assert t.roi == D("250.0")
    assert t.lead_to_deal_days == D("8.3")  # (10 + 5 + 10) / 3


def test_effectiveness_of_another_period(services) -> None:
    """September: A's stand (100 000,50, dated 20.09) and the lead c3; no deals then."""
    _world(services)
    report = services.market.effectiveness("2026-09")
    rows = _by_name(report.campaigns)
    assert set(rows) == {"Выставка «Склад-2026»"}  # listed for its figures, not its run
    a = rows["Выставка «Склад-2026»"]
    assert (a.leads, a.deals, a.won, a.cost) == (1, 0, 0, D("100000.50"))
    assert a.cost_per_lead == D("100000.50")
    assert a.lead_to_deal_days == D("62.0")  # c3 30.09 10:00 → d4 01.12 10:00
    assert services.market.effectiveness("2025-01").campaigns[0].name == "Старая"
    assert services.market.effectiveness("2024").campaigns == []


def test_new_deal_takes_the_clients_campaign_and_the_editor_may_change_it(services) -> None:
    ids = _world(services)
    assert services.deals.client_campaign(ids["c1"]) == ids["a"]
    detail = services.deals.detail(ids["d1"])
    assert (detail.campaign_id, detail.campaign_name) == (ids["a"], "Выставка «Склад-2026»")
    # an edit that does not choose keeps it; choosing another or clearing is stored
    services.deals.save_deal(DealInput(client_id=ids["c1"], title="Поставка 2"), ids["d1"])
    assert services.deals.detail(ids["d1"]).campaign_id == ids["a"]
    services.deals.save_deal(DealInput(client_id=ids["c1"], title="Поставка 2",
                                       campaign_id=ids["b"]), ids["d1"])
    assert services.deals.detail(ids["d1"]).campaign_id == ids["b"]
    services.deals.save_deal(DealInput(client_id=ids["c1"], title="Поставка 2",
                                       campaign_id=None), ids["d1"])
    assert services.deals.detail(ids["d1"]).campaign_id is None
    with pytest.raises(ValidationError) as exc:
        services.deals.save_deal(DealInput(client_id=ids["c1"], title="Поставка 3",
                                           campaign_id=9999))
    assert set(exc.value.errors) == {"campaign"}


# --- the register ---------------------------------------------------------------------------

def _stored_costs(services, campaign_id: int) -> tuple[Decimal, Decimal, int]:
    """(campaigns.cost, SUM of its lines, number of lines) as stored."""
    with services.uow_factory(read_only=True) as uow:
        s = uow.session
        cost = s.scalar(select(Campaign.cost).where(Campaign.id == campaign_id))
        total, n = s.execute(select(func.coalesce(func.sum(CampaignCost.amount), 0),
                                    func.count()).where(
            CampaignCost.campaign_id == campaign_id)).one()
    return cost, D(total), int(n)


def test_cost_is_the_sum_of_the_lines_through_edits(services) -> None:
    m = services.market
    cid = m.save_campaign(_exhibition())
    detail = m.get_campaign(cid)
    assert detail.cost == D("150000.50")
    assert [c.label for c in detail.draft.costs] == ["Стенд", "Печать каталогов",
                                                     "Командировка"]
    assert detail.draft.costs[1].spent_on is None
    assert detail.draft.target_segment == "Опт"
    cost, total, n = _stored_costs(services, cid)
    assert cost == D("150000.50") and n == 3
    assert total == D("150000.50")
    # change one line, drop one, add one: the sum follows in the same save
    stand, printing, _travel = detail.draft.costs
    m.save_campaign(replace(detail.draft, costs=(
        replace(stand, amount=D("90000.25")), printing, CostLine("Сувениры", D("0.75")))), cid)
    assert m.get_campaign(cid).cost == D("110001.00")
    cost, total, n = _stored_costs(services, cid)
    assert (cost, n) == (D("110001.00"), 3)
    assert total == cost
    ids_after = [c.id for c in m.get_campaign(cid).draft.costs]
    assert ids_after[:2] == [stand.id, printing.id]  # kept lines keep their rows
    row = next(r for r in m.list_campaigns() if r.id == cid)
    assert (row.name, row.channel, row.cost) == ("Выставка «Склад-2026»", "Выставка",
                                                 D("110001.00"))


@pytest.mark.parametrize(("change", "field"), [
    (lambda d: replace(d, costs=(CostLine("Стенд", D("-1")),)), "costs.0.amount"),
    (lambda d: replace(d, costs=(d.costs[0], CostLine("Печать", D("10.005")))),
     "costs.1.amount"),
    (lambda d: replace(d, costs=(CostLine("  ", D("10")),)), "costs.0.label"),
    (lambda d: replace(d, ended_on=date(2026, 10, 4)), "ended_on"),
    (lambda d: replace(d, started_on=None), "started_on"),
    (lambda d: replace(d, name="  "), "name"),
    (lambda d: replace(d, channel=""), "channel"),
])
def test_bad_input_is_refused_and_nothing_half_saved(services, change, field) -> None:
    m = services.market
    cid = m.save_campaign(_exhibition())
    before = m.get_campaign(cid)
    with pytest.raises(ValidationError) as exc:
        m.save_campaign(change(replace(before.draft, notes="изменено")), cid)
    assert field in exc.value.errors
    assert m.get_campaign(cid) == before
    assert _stored_costs(services, cid) == (D("150000.50"), D("150000.50"), 3)
    with pytest.raises(ValidationError):  # nor is a new one created
        m.save_campaign(change(replace(_exhibition(), name="Другая")))
    assert [r.id for r in m.list_campaigns()] == [cid]


def test_messages_say_what_is_wrong(services) -> None:
    with pytest.raises(ValidationError) as exc:
        services.market.save_campaign(replace(
            _exhibition(), ended_on=date(2026, 10, 1),
            costs=(CostLine("Стенд", D("-5")), CostLine("Печать", D("1.001")))))
    assert exc.value.errors == {
        "ended_on": "Кампания не может закончиться раньше, чем началась",
        "costs.0.amount": "Статья 1: сумма не может быть отрицательной",
        "costs.1.amount": "Статья 2: сумма — с точностью до копейки",
    }


def test_duplicate_name_refused_whatever_the_case(services) -> None:
    m = services.market
    cid = m.save_campaign(_exhibition())
    with pytest.raises(ValidationError) as exc:
        m.save_campaign(replace(_exhibition(), name="ВЫСТАВКА «СКЛАД-2026»"))
    assert exc.value.errors == {"name": "Кампания «ВЫСТАВКА «СКЛАД-2026»» уже есть"}
    with services.uow_factory(read_only=True) as uow:
        assert uow.session.scalar(select(func.count()).select_from(CampaignCost)) == 3
    m.save_campaign(replace(_exhibition(), notes="другое"), cid)  # its own name is fine
    assert m.get_campaign(cid).draft.notes == "другое"


def test_delete_leaves_clients_and_deals_without_it(services) -> None:
    ids = _world(services)
    services.market.delete_campaign(ids["a"])
    with services.uow_factory(read_only=True) as uow:
        s = uow.session
        assert s.scalar(select(func.count()).select_from(CampaignCost)
                        .where(CampaignCost.campaign_id == ids["a"])) == 0
        assert s.scalar(select(Client.campaign_id).where(Client.id == ids["c1"])) is None
        assert s.scalar(select(Deal.campaign_id).where(Deal.id == ids["d1"])) is None
    assert "Выставка «Склад-2026»" not in {c.name for c in services.market.campaign_choices()}


def test_channel_suggestions_join_the_lead_sources_and_the_usual(services) -> None:
    _world(services)
    services.clients.create(ClientDraft(name="ООО «Сайт»", lead_source="Партнёр"))
    found = services.market.channel_suggestions()
    for channel in ("Выставка", "Рассылка", "Партнёр", "Тендерная площадка", "Сайт"):
        assert channel in found
    assert len([c for c in found if c.lower() == "выставка"]) == 1


# --- the client's side ----------------------------------------------------------------------

def _competitor(services, name: str = "ПакСервис") -> int:
    with services.uow_factory() as uow:
        c = Competitor(name=name)
        uow.session.add(c)
        uow.flush()
        cid = c.id
        uow.commit()
    return cid


def test_client_card_keeps_campaign_and_consent(services) -> None:
    from app.services.clients import ContactDraft

    cid = services.market.save_campaign(_exhibition())
    card = services.clients.create(ClientDraft(
        name="ООО «Ромашка»", campaign_id=cid,
        contacts=(ContactDraft(name="Иванова Анна Сергеевна", email="anna@romashka.ru",
                               mailing_consent=True),)))
    got = services.clients.get(card.id).draft
    assert got.campaign_id == cid
    assert got.contacts[0].mailing_consent is True
    services.clients.update(card.id, replace(got, campaign_id=None, contacts=(
        replace(got.contacts[0], mailing_consent=False),)))
    got = services.clients.get(card.id).draft
    assert (got.campaign_id, got.contacts[0].mailing_consent) == (None, False)
    with pytest.raises(ValidationError) as exc:
        services.clients.update(card.id, replace(got, campaign_id=9999, name="Другое"))
    assert set(exc.value.errors) == {"campaign_id"}
    assert services.clients.get(card.id).name == "ООО «Ромашка»"


def test_churn_reason_asked_kept_and_cleared(services) -> None:
    rival = _competitor(services)
    assert [(c.id, c.name) for c in services.clients.competitor_choices()] == [
        (rival, "ПакСервис")]
    card = services.clients.create(ClientDraft(name="ООО «Ромашка»", status="active"))
    draft = services.clients.get(card.id).draft
    with pytest.raises(ValidationError) as exc:  # marked lost: why?
        services.clients.update(card.id, replace(draft, status="lost"))
    assert exc.value.errors == {"churn_reason": "Укажите причину ухода клиента"}
    assert services.clients.get(card.id).draft.status == "active"
    with pytest.raises(ValidationError) as exc:
        services.clients.update(card.id, replace(draft, status="lost", churn_reason="bored"))
    assert set(exc.value.errors) == {"churn_reason"}
    services.clients.update(card.id, replace(draft, status="churned",
                                             churn_reason="competitor",
                                             churn_competitor_id=rival))
    got = services.clients.get(card.id).draft
    assert (got.status, got.churn_reason, got.churn_competitor_id) == (
        "churned", "competitor", rival)
    assert churn_reason_label(got.churn_reason) == "к конкуренту"
    # another reason drops the competitor
    services.clients.update(card.id, replace(got, churn_reason="price"))
    got = services.clients.get(card.id).draft
    assert (got.churn_reason, got.churn_competitor_id) == ("price", None)
    # back to active: the reason goes
    services.clients.update(card.id, replace(got, status="active"))
    got = services.clients.get(card.id).draft
    assert (got.churn_reason, got.churn_competitor_id) == ("", None)
    # an unknown competitor is refused, nothing changes
    with pytest.raises(ValidationError) as exc:
        services.clients.update(card.id, replace(got, status="lost", churn_reason="competitor",
                                                 churn_competitor_id=9999))
    assert set(exc.value.errors) == {"churn_competitor_id"}
    assert services.clients.get(card.id).draft.status == "active"


def test_a_client_lost_before_reasons_were_asked_can_still_be_saved(services) -> None:
    with services.uow_factory() as uow:
        c = Client(name="ООО «Старый»", status="lost")
        uow.session.add(c)
        uow.flush()
        cid = c.id
        uow.commit()
    draft = services.clients.get(cid).draft
    services.clients.update(cid, replace(draft, notes="звонили"))
    assert services.clients.get(cid).draft.notes == "звонили"


def test_client_import_sets_one_campaign_for_all_rows(services, tmp_path) -> None:
    campaign = services.market.save_campaign(_exhibition())
    path = tmp_path / "exhibition.csv"
    path.write_text("Название;ИНН\nООО «Первый»;\nООО «Второй»;\n", encoding="utf-8")
    report = services.client_import.import_file(path, campaign_id=campaign)
    assert report.imported == 2
    with services.uow_factory(read_only=True) as uow:
        got = dict(uow.session.execute(select(Client.name, Client.campaign_id)).all())
    assert got == {"ООО «Первый»": campaign, "ООО «Второй»": campaign}
    with pytest.raises(ValidationError) as exc:
        services.client_import.import_file(path, campaign_id=9999)
    assert set(exc.value.errors) == {"campaign"}


# --- the report ----------------------------------------------------------------------------

def test_campaigns_report_renders(services) -> None:
    from app.services.documents.base import CompanyInfo
    from app.services.documents.reports.campaigns import render_campaigns_report

    _world(services)
    data = services.market.campaigns_report_data(Q4, today=date(2026, 12, 20))
    assert data.campaigns[0].name == "Выставка «Склад-2026»"
    assert data.total.cost == D("100000.00")
    pdf = render_campaigns_report(data, CompanyInfo(name="ООО «Продавец»"))
    assert pdf.startswith(b"%PDF")
    empty = services.market.campaigns_report_data("2024", today=date(2026, 12, 20))
    assert render_campaigns_report(empty, CompanyInfo(name="ООО «Продавец»")).startswith(b"%PDF")
