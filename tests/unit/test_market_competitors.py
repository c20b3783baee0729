"""The competitor register (issue 16, duty 10): the card and its refusals, our own SWOT, their
prices against our catalog (difference %, dearer, stale), the import of a price list matched by
SKU and by name (all or nothing), the deals lost to each competitor by quarter and by stage,
and the market report's data and PDF — on hand-made data with the sums worked out here."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import Competitor, CompetitorPrice, Deal
from app.services.errors import NotFoundError, ValidationError
from app.services.market.competitors import (
    CompetitorDraft,
    CompetitorPriceDraft,
    Swot,
    match_key,
)
from app.services.plan.periods import parse_period
from tests.unit._orders_helpers import client, product

D = Decimal
TODAY = date(2026, 11, 16)
VALID_INN = "7707083893"  # Сбербанк: a real, checksummed ИНН of an organisation


def _count(services, model) -> int:  # type: ignore[no-untyped-def]
    with services.uow_factory(read_only=True) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def _competitor(services, name: str = "ПакСервис", **fields) -> int:  # type: ignore[no-untyped-def]
    return services.market.save_competitor(CompetitorDraft(name=name, **fields))


# --- the register ---------------------------------------------------------------------------

def test_register_saves_reads_updates_and_deletes(services) -> None:  # type: ignore[no-untyped-def]
    cid = _competitor(services, "  ПакСервис  ", inn=" 7707083893 ", website="pak.example",
                      segments=("Розница, Опт", "Опт", " "), market_share=D("12.50"),
                      price_level="low", strengths="Склад в Твери", threats="Демпинг")
    row = services.market.competitor(cid)
    assert (row.name, row.inn, row.segments, row.market_share, row.price_level) == (
        "ПакСервис", VALID_INN, ("Розница", "Опт"), D("12.50"), "low")
    assert row.swot == Swot(strengths="Склад в Твери", threats="Демпинг")
    services.market.save_competitor(row.draft().__class__(
        **{**row.draft().__dict__, "notes": "Новый директор"}), cid)
    assert services.market.competitor(cid).notes == "Новый директор"
    assert [c.name for c in services.market.competitors()] == ["ПакСервис"]
    services.market.delete_competitor(cid)
    assert services.market.competitors() == []
    with pytest.raises(NotFoundError):
        services.market.delete_competitor(cid)


@pytest.mark.parametrize(("draft", "field", "words"), [
    (CompetitorDraft(name="  "), "name", "название"),
    (CompetitorDraft(name="А", inn="7707083894"), "inn", "контрольная сумма"),
    (CompetitorDraft(name="А", inn="77070838"), "inn", "10 цифр"),
    (CompetitorDraft(name="А", inn="77О7083893"), "inn", "только из цифр"),
    (CompetitorDraft(name="А", market_share=D("100.01")), "market_share", "от 0 до 100"),
    (CompetitorDraft(name="А", market_share=D("-1")), "market_share", "от 0 до 100"),
    (CompetitorDraft(name="А", market_share=D("1.005")), "market_share", "двух знаков"),
    (CompetitorDraft(name="А", price_level="cheap"), "price_level", "уровень"),
])
def test_bad_cards_are_refused_and_nothing_is_saved(services, draft, field,  # type: ignore[no-untyped-def]
                                                    words) -> None:
    with pytest.raises(ValidationError) as exc:
        services.market.save_competitor(draft)
    assert words in exc.value.errors[field]
    assert _count(services, Competitor) == 0


def test_a_duplicate_name_is_refused_whatever_its_case(services) -> None:  # type: ignore[no-untyped-def]
    first = _competitor(services, "ПакСервис")
    other = _competitor(services, "Упаковка-М")
    with pytest.raises(ValidationError) as exc:
        _competitor(services, "пакcервис".replace("c", "с").upper())  # «ПАКСЕРВИС»
    assert exc.value.errors["name"] == "Конкурент «ПакСервис» уже есть в реестре"
    with pytest.raises(ValidationError):  # renaming onto another one
        services.market.save_competitor(CompetitorDraft(name="пакСервис"), other)
    services.market.save_competitor(CompetitorDraft(name="ПАКСЕРВИС"), first)  # its own name
    assert sorted(c.name for c in services.market.competitors()) == ["ПАКСЕРВИС", "Упаковка-М"]


def test_own_swot_is_kept_in_the_settings(services) -> None:  # type: ignore[no-untyped-def]
    assert services.market.own_swot() == Swot()
    services.market.set_own_swot(Swot(strengths=" Свой склад ", weaknesses="Мало людей"))
    assert services.market.own_swot() == Swot(strengths="Свой склад", weaknesses="Мало людей")
    assert services.settings.get("own_swot")["strengths"] == "Свой склад"


# --- prices ---------------------------------------------------------------------------------

def test_comparison_difference_dearer_and_stale(services) -> None:  # type: ignore[no-untyped-def]
    box = product(services, "BOX-1", "Коробка 40×30", "100.00")
    tape = product(services, "TAPE", "Скотч", "80.00")
    film = product(services, "FILM", "Плёнка", "0.00")
    cid = _competitor(services)
    m = services.market
    m.add_price(cid, CompetitorPriceDraft(box, D("90.00"), date(2026, 6, 1)))  # older
    m.add_price(cid, CompetitorPriceDraft(box, D("93.75"), date(2026, 11, 1), "tender"))
    m.add_price(cid, CompetitorPriceDraft(tape, D("96.00"), date(2026, 8, 17)))  # 91 days
    m.add_price(cid, CompetitorPriceDraft(film, D("5.00"), date(2026, 8, 18)))  # 90 days
    m.add_price(cid, CompetitorPriceDraft(tape, D("1.00"), date(2026, 12, 1)))  # after today
    rows = {r.sku: r for r in m.price_comparison(cid, today=TODAY)}
    assert set(rows) == {"BOX-1", "TAPE", "FILM"}
    box_row = rows["BOX-1"]
    # the latest observation: 93.75 vs our 100 → −6.25 % → −6.3 (half-up), we are dearer
    assert (box_row.their_price, box_row.difference_pct, box_row.we_are_dearer,
            box_row.stale, box_row.source) == (D("93.75"), D("-6.3"), True, False, "tender")
    tape_row = rows["TAPE"]
    # 96 vs 80 → +20.0 %; 17.08 → 16.11 is 91 days: stale
    assert (tape_row.difference_pct, tape_row.we_are_dearer, tape_row.stale) == (
        D("20.0"), False, True)
    assert rows["FILM"].difference_pct is None and rows["FILM"].stale is False  # 90 days
    assert rows["FILM"].we_are_dearer is False
    # on 1 December the December price counts
    assert {r.sku: r.their_price for r in m.price_comparison(cid, today=date(2026, 12, 1))}[
        "TAPE"] == D("1.00")


def test_comparison_of_all_competitors(services) -> None:  # type: ignore[no-untyped-def]
    box = product(services, "BOX-1", "Коробка", "200.00")
    a, b = _competitor(services, "Альфа"), _competitor(services, "Бета")
    services.market.add_price(b, CompetitorPriceDraft(box, D("210.00"), TODAY))
    services.market.add_price(a, CompetitorPriceDraft(box, D("190.00"), TODAY))
    rows = services.market.price_comparison(today=TODAY)
    assert [(r.competitor_name, r.difference_pct, r.we_are_dearer) for r in rows] == [
        ("Альфа", D("-5.0"), True), ("Бета", D("5.0"), False)]


def test_bad_prices_are_refused_and_nothing_is_saved(services) -> None:  # type: ignore[no-untyped-def]
    box = product(services, "BOX-1", "Коробка", "100.00")
    cid = _competitor(services)
    m = services.market
    for draft, field, words in (
            (CompetitorPriceDraft(9999, D("10"), TODAY), "product_id", "нет в каталоге"),
            (CompetitorPriceDraft(box, D("-0.01"), TODAY), "price", "отрицательной"),
            (CompetitorPriceDraft(box, D("10.005"), TODAY), "price", "до копейки"),
            (CompetitorPriceDraft(box, D("10"), TODAY, "rumour"), "source", "источник")):
        with pytest.raises(ValidationError) as exc:
            m.add_price(cid, draft)
        assert words in exc.value.errors[field]
    assert _count(services, CompetitorPrice) == 0
    first = m.add_price(cid, CompetitorPriceDraft(box, D("10.50"), TODAY, note="прайс"))
    with pytest.raises(ValidationError) as exc:  # the same product and day twice
        m.add_price(cid, CompetitorPriceDraft(box, D("11"), TODAY))
    assert "уже записана" in exc.value.errors["observed_on"]
    m.update_price(first, CompetitorPriceDraft(box, D("11.00"), TODAY, "client"))
    assert [(p.price, p.source) for p in m.competitor_prices(cid)] == [(D("11.00"), "client")]
    with pytest.raises(NotFoundError):
        m.add_price(9999, CompetitorPriceDraft(box, D("10"), TODAY))
    m.delete_price(first)
    assert m.competitor_prices(cid) == []


def test_saving_a_card_with_its_prices_is_all_or_nothing(services) -> None:  # type: ignore[no-untyped-def]
    box = product(services, "BOX-1", "Коробка", "100.00")
    tape = product(services, "TAPE", "Скотч", "80.00")
    m = services.market
    with pytest.raises(ValidationError) as exc:
        m.save_competitor(CompetitorDraft(name="Альфа"), prices=[
            CompetitorPriceDraft(box, D("90"), TODAY),
            CompetitorPriceDraft(9999, D("-1"), TODAY)])
    assert set(exc.value.errors) == {"prices.1.product_id", "prices.1.price"}
    assert _count(services, Competitor) == 0 and _count(services, CompetitorPrice) == 0
    with pytest.raises(ValidationError) as exc:  # the same product and day twice
        m.save_competitor(CompetitorDraft(name="Альфа"), prices=[
            CompetitorPriceDraft(box, D("90"), TODAY), CompetitorPriceDraft(box, D("91"), TODAY)])
    assert "строке 1" in exc.value.errors["prices.1.observed_on"]
    cid = m.save_competitor(CompetitorDraft(name="Альфа"), prices=[
        CompetitorPriceDraft(box, D("90"), TODAY), CompetitorPriceDraft(tape, D("70"), TODAY)])
    stored = {p.sku: p for p in m.competitor_prices(cid)}
    # the editor sends the list back: the box changed, the tape removed, a new tape day
    m.save_competitor(CompetitorDraft(name="Альфа"), cid, prices=[
        CompetitorPriceDraft(box, D("95"), TODAY, id=stored["BOX-1"].id),
        CompetitorPriceDraft(tape, D("75"), date(2026, 11, 10))])
    assert sorted((p.sku, p.price, p.observed_on) for p in m.competitor_prices(cid)) == [
        ("BOX-1", D("95.00"), TODAY), ("TAPE", D("75.00"), date(2026, 11, 10))]
    assert _count(services, CompetitorPrice) == 2


# --- importing a price list -----------------------------------------------------------------

def _csv(tmp_path: Path, text: str, name: str = "prices.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="cp1251")
    return path


MAPPING = {0: "sku", 1: "name", 2: "price", 3: "observed_on"}


def test_import_matches_by_sku_then_by_name(services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    box = product(services, "BOX-1", "Коробка 40×30", "100.00")
    tape = product(services, "TAPE", "Скотч  прозрачный", "80.00")
    product(services, "FILM", "Плёнка", "50.00")
    cid = _competitor(services)
    path = _csv(tmp_path, "Артикул;Наименование;Цена, руб;Дата\n"
                          "box-1;что угодно;1 234,50;\n"  # by SKU (case folded)
                          ";СКОТЧ ПРОЗРАЧНЫЙ;77.7;02.11.2026\n")  # by name (case, spaces)
    report = services.market.import_prices(cid, path, MAPPING, observed_on=TODAY,
                                           source="price_list")
    assert (report.rows, report.imported, report.updated, report.committed) == (2, 2, 0, True)
    assert report.unmatched == [] and report.invalid == []
    prices = {p.product_id: (p.price, p.observed_on, p.source)
              for p in services.market.competitor_prices(cid)}
    assert prices == {box: (D("1234.50"), TODAY, "price_list"),
                      tape: (D("77.70"), date(2026, 11, 2), "price_list")}
    # the same file again replaces the prices of those days
    again = services.market.import_prices(cid, path, MAPPING, observed_on=TODAY)
    assert (again.imported, again.updated) == (0, 2)
    assert _count(services, CompetitorPrice) == 2


def test_import_guesses_the_columns_of_a_price_list(tmp_path: Path) -> None:
    from app.services.clients.importer import guess_mapping, read_table
    from app.services.market.competitors import PRICE_LIST_SYNONYMS

    path = _csv(tmp_path, "Код товара;Номенклатура;Цена с НДС;Комментарий\nA;Б;1;\n")
    table = read_table(path)
    assert guess_mapping(table.headers, PRICE_LIST_SYNONYMS) == {
        0: "sku", 1: "name", 2: "price", 3: "note"}


def test_import_reports_unmatched_rows_and_stores_nothing(services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    product(services, "BOX-1", "Коробка", "100.00")
    cid = _competitor(services)
    path = _csv(tmp_path, "Артикул;Наименование;Цена;Дата\n"
                          "BOX-1;Коробка;90;\n"
                          "XX-9;Стрейч-плёнка;50;\n")
    report = services.market.import_prices(cid, path, MAPPING, observed_on=TODAY)
    assert report.committed is False and report.imported == 1
    assert [(p.line, p.label) for p in report.unmatched] == [(3, "XX-9 · Стрейч-плёнка")]
    assert "не найден" in report.unmatched[0].message
    assert _count(services, CompetitorPrice) == 0
    skipped = services.market.import_prices(cid, path, MAPPING, observed_on=TODAY,
                                            skip_unmatched=True)
    assert skipped.committed is True and skipped.unmatched_count == 1
    assert _count(services, CompetitorPrice) == 1


def test_import_refuses_bad_rows_all_or_nothing(services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    product(services, "BOX-1", "Коробка", "100.00")
    product(services, "TAPE", "Скотч", "80.00")
    product(services, "FILM", "Плёнка", "60.00")
    product(services, "CUP", "Стакан", "5.00")
    cid = _competitor(services)
    path = _csv(tmp_path, "Артикул;Наименование;Цена;Дата\n"
                          "BOX-1;;90;\n"
                          "TAPE;;-5;\n"
                          "FILM;;10,555;\n"
                          "CUP;;сто;\n"
                          "CUP;;4;31.02.2026\n"
                          "box-1;;91;\n")
    report = services.market.import_prices(cid, path, MAPPING, observed_on=TODAY,
                                           skip_unmatched=True)
    assert report.committed is False and report.invalid_count == 5
    messages = {p.line: p.message for p in report.invalid}
    assert "отрицательной" in messages[3] and "копейки" in messages[4]
    assert "не число" in messages[5] and "дата" in messages[6] and "строке 2" in messages[7]
    assert _count(services, CompetitorPrice) == 0
    dry = services.market.import_prices(cid, _csv(tmp_path, "Артикул;Цена\nBOX-1;90\n", "ok.csv"),
                                        {0: "sku", 1: "price"}, observed_on=TODAY,
                                        dry_run=True)
    assert (dry.imported, dry.committed) == (1, False)
    assert _count(services, CompetitorPrice) == 0
    with pytest.raises(ValidationError) as exc:
        services.market.import_prices(cid, path, {0: "sku"}, observed_on=TODAY)
    assert "price" in exc.value.errors


def test_import_reads_xlsx(services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    box = product(services, "BOX-1", "Коробка", "100.00")
    cid = _competitor(services)
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["SKU", "Price", "Date"])
    ws.append(["BOX-1", 88.5, datetime(2026, 10, 1)])
    path = tmp_path / "prices.xlsx"
    wb.save(path)
    report = services.market.import_prices(cid, path, {0: "sku", 1: "price", 2: "observed_on"},
                                           observed_on=TODAY, source="website")
    assert report.committed and report.imported == 1
    [price] = services.market.competitor_prices(cid)
    assert (price.product_id, price.price, price.observed_on, price.source) == (
        box, D("88.50"), date(2026, 10, 1), "website")


def test_match_key_folds_case_yo_and_spaces() -> None:
    assert match_key("  Плёнка\u00a0 СТРЕЙЧ ") == "пленка стрейч"


# --- losses ---------------------------------------------------------------------------------

def _stage(services, *, lost: bool = False, won: bool = False, position: int = 0) -> int:  # type: ignore[no-untyped-def]
    stages = services.deals.stages()
    if lost:
        return next(s.id for s in stages if s.is_lost)
    open_stages = [s for s in stages if not s.is_lost and not s.is_won]
    return open_stages[position].id


def _lost_deal(services, cid: int, amount: str, closed_on: date, competitor: str, *,  # type: ignore[no-untyped-def]
               at: int = 0, title: str = "Поставка") -> int:
    with services.uow_factory() as uow:  # written directly: the deal editor is not under test
        deal = Deal(client_id=cid, title=title, stage_id=_stage(services), amount=D(amount),
                    stage_entered_at=datetime(2026, 1, 1, tzinfo=UTC))
        uow.session.add(deal)
        uow.flush()
        deal_id = deal.id
        uow.commit()
    if at:
        services.deals.move_deal(deal_id, _stage(services, position=at),
                                 now=datetime(2026, 1, 2, tzinfo=UTC))
    services.deals.move_deal(deal_id, _stage(services, lost=True), lost_reason="competitor",
                             competitor=competitor, closed_on=closed_on,
                             now=datetime(closed_on.year, closed_on.month, closed_on.day, 12,
                                          tzinfo=UTC))
    return deal_id


def test_losses_by_quarter_and_stage(services) -> None:  # type: ignore[no-untyped-def]
    cl = client(services, "ООО «Ромашка»")
    pak = _competitor(services, "ПакСервис")
    stage_names = [s.name for s in services.deals.stages() if not s.is_won and not s.is_lost]
    _lost_deal(services, cl, "100000", date(2026, 2, 10), "ПакСервис", at=1)
    _lost_deal(services, cl, "50000.50", date(2026, 3, 31), "ПакСервис", at=2)
    _lost_deal(services, cl, "20000", date(2026, 8, 1), "ПакСервис", at=1)
    _lost_deal(services, cl, "7000", date(2026, 8, 2), "Упаковка-М")  # a new name: added
    _lost_deal(services, cl, "999", date(2025, 12, 31), "ПакСервис", at=1)  # another year
    year = services.market.competitor_losses(parse_period("2026"))
    assert [(x.competitor_name, x.count, x.amount) for x in year] == [
        ("ПакСервис", 3, D("170000.50")), ("Упаковка-М", 1, D("7000.00"))]
    pak_losses = year[0]
    assert pak_losses.competitor_id == pak
    assert [(q.key, q.count, q.amount) for q in pak_losses.quarters] == [
        ("2026-Q1", 2, D("150000.50")), ("2026-Q2", 0, D("0.00")),
        ("2026-Q3", 1, D("20000.00")), ("2026-Q4", 0, D("0.00"))]
    assert pak_losses.quarters[0].label == "1 кв. 2026"
    assert [(st.stage_name, st.count, st.amount) for st in pak_losses.stages] == [
        (stage_names[1], 2, D("120000.00")), (stage_names[2], 1, D("50000.50"))]
    assert [d.closed_on for d in pak_losses.deals] == [
        date(2026, 8, 1), date(2026, 3, 31), date(2026, 2, 10)]
    assert year[1].stages[0].stage_name == stage_names[0]  # lost straight from the first
    only = services.market.competitor_losses(parse_period("2026-Q1"), pak)
    assert [(x.count, x.amount, [q.key for q in x.quarters]) for x in only] == [
        (2, D("150000.50"), ["2026-Q1"])]
    assert {c.name: c.lost_deals for c in services.market.competitors()} == {
        "ПакСервис": 4, "Упаковка-М": 1}


# --- the market report ----------------------------------------------------------------------

def test_market_report_data_and_pdf(services) -> None:  # type: ignore[no-untyped-def]
    from app.services.documents.base import CompanyInfo
    from app.services.documents.reports.market import render_market_report

    cl = client(services)
    box = product(services, "BOX-1", "Коробка", "100.00")
    pak = _competitor(services, "ПакСервис", strengths="Цена", weaknesses="Сроки")
    services.market.add_price(pak, CompetitorPriceDraft(box, D("95"), date(2026, 9, 1)))
    services.market.add_price(pak, CompetitorPriceDraft(box, D("97"), date(2026, 12, 20)))
    services.market.set_own_swot(Swot(strengths="Склад"))
    _lost_deal(services, cl, "30000", date(2026, 10, 5), "ПакСервис", at=1)
    data = services.market.market_report_data(parse_period("2026-Q4"), today=date(2026, 12, 10))
    assert data.as_of == date(2026, 12, 10)
    assert [c.swot.strengths for c in data.competitors] == ["Цена"]
    assert data.own_swot.strengths == "Склад"
    assert [(r.their_price, r.difference_pct, r.stale) for r in data.comparison] == [
        (D("95.00"), D("-5.0"), True)]  # 1.09 → 10.12 is 100 days; the 20.12 price not yet
    assert [(x.count, x.amount) for x in data.losses] == [(1, D("30000.00"))]
    assert data.quarter_labels == ["4 кв. 2026"]
    pdf = render_market_report(data, CompanyInfo(name="ООО «Наша»"))
    assert pdf.startswith(b"%PDF") and len(pdf) > 3000
    empty = services.market.market_report_data(parse_period("2025"), today=TODAY)
    assert empty.losses == [] and empty.comparison == []
    assert render_market_report(empty, CompanyInfo()).startswith(b"%PDF")
