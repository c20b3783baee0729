"""The Ctrl+K search over the whole base, on hand-made rows."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.models import Client, Contact, Offer, Order, Product
from app.services.deals import DealInput

from ._orders_helpers import NOW


def _base(services) -> dict[str, int]:  # type: ignore[no-untyped-def]
    ids: dict[str, int] = {}
    with services.uow_factory() as uow:
        s = uow.session
        agro = Client(name="ООО «Агроторг»", inn="7707083893")
        euro = Client(name="Евроторг М")
        other = Client(name="ИП Ёлкин", archived=True)
        s.add_all([agro, euro, other])
        s.flush()
        s.add_all([Contact(client_id=agro.id, name="Фокина Полина Петровна",
                           phone="+7 (916) 123-45-67", email="polina@agro.example"),
                   Contact(client_id=agro.id, name="Смирнов Олег", phone="+7 495 000-00-01"),
                   Contact(client_id=euro.id, name="Фокин Пётр", email="petr@euro.example")])
        s.add_all([Product(sku="MB-120", name="Мешки для мусора 120 л", price=Decimal("145")),
                   Product(sku="ST-01", name="Стеллаж складской", price=Decimal("9800")),
                   Product(sku="MB-OLD", name="Мешки старые", price=Decimal("1"), archived=True)])
        ids |= {"agro": agro.id, "euro": euro.id, "elkin": other.id}
        uow.commit()
    ids["deal"] = services.deals.save_deal(
        DealInput(client_id=ids["agro"], title="Поставка стеллажей на склад",
                  manual_amount=Decimal("250000")), now=NOW).deal_id
    ids["deal2"] = services.deals.save_deal(
        DealInput(client_id=ids["euro"], title="Монтаж стеллажей",
                  manual_amount=Decimal("1000")), now=NOW).deal_id
    with services.uow_factory() as uow:
        s = uow.session
        s.add(Offer(number="КП-2026-0012", year=2026, seq=12, deal_id=ids["deal"],
                    issued_on=date(2026, 11, 2), valid_until=date(2026, 11, 16), snapshot="{}",
                    total=Decimal("250000")))
        order = Order(number="З-2026-0007", client_id=ids["agro"], deal_id=ids["deal"],
                      ordered_on=date(2026, 11, 3), amount=Decimal("250000"),
                      invoice_number="СЧ-2026-0044")
        s.add(order)
        s.flush()
        ids["order"] = order.id
        uow.commit()
    return ids


def _found(services, text: str) -> list[tuple[str, str, str, int]]:  # type: ignore[no-untyped-def]
    return [(h.kind, h.title, h.target, h.target_id) for h in services.search.search(text)]


def test_each_kind_is_found_and_grouped_in_order(services) -> None:  # type: ignore[no-untyped-def]
    ids = _base(services)
    assert _found(services, "агро") == [("client", "ООО «Агроторг»", "client", ids["agro"])]
    # a fragment inside a name (migration 0019): «торг» is in both
    assert _found(services, "торг") == [("client", "ООО «Агроторг»", "client", ids["agro"]),
                                        ("client", "Евроторг М", "client", ids["euro"])]
    assert _found(services, "7707083893") == [
        ("client", "ООО «Агроторг»", "client", ids["agro"])]
    # contact persons by name (ё folded; every word a prefix, as the client list), phone
    # digits as typed with 8, and e-mail
    assert _found(services, "фокин петр") == [
        ("contact", "Фокин Пётр", "client", ids["euro"]),
        ("contact", "Фокина Полина Петровна", "client", ids["agro"])]
    assert _found(services, "смирнов") == [("contact", "Смирнов Олег", "client", ids["agro"])]
    assert _found(services, "89161234567") == [
        ("contact", "Фокина Полина Петровна", "client", ids["agro"])]
    assert _found(services, "polina") == [
        ("contact", "Фокина Полина Петровна", "client", ids["agro"])]
    # deals by title in any case, newest first; products on SKU or name, archived left out
    assert _found(services, "СТЕЛЛАЖЕЙ") == [
        ("deal", "Монтаж стеллажей", "deal", ids["deal2"]),
        ("deal", "Поставка стеллажей на склад", "deal", ids["deal"])]
    assert _found(services, "мешки") == [("product", "Мешки для мусора 120 л", "product",
                                          _product_id(services, "MB-120"))]
    # numbers by their beginning, typed in lower case: КП opens its deal, an invoice its order
    assert _found(services, "кп-2026") == [("offer", "КП-2026-0012", "deal", ids["deal"])]
    assert _found(services, "сч-2026-00") == [
        ("invoice", "СЧ-2026-0044", "order", ids["order"])]
    assert _found(services, "сч-2027") == []
    assert _found(services, "0044") == []  # bare digits are not a number's beginning
    assert _found(services, "з-2026-0007") == [
        ("order", "З-2026-0007", "order", ids["order"])]
    kinds = [h.kind for h in services.search.search("стеллаж")]
    assert kinds == ["deal", "deal", "product"]
    # a fragment inside a word, and every word must be in the title
    assert _found(services, "еллаж скла") == [
        ("deal", "Поставка стеллажей на склад", "deal", ids["deal"]),
        ("product", "Стеллаж складской", "product", _product_id(services, "ST-01"))]


def test_archived_clients_say_so_and_short_or_odd_text_finds_nothing(services) -> None:  # type: ignore[no-untyped-def]
    ids = _base(services)
    (hit,) = services.search.search("елкин")
    assert (hit.target_id, hit.detail) == (ids["elkin"], "в архиве")
    assert services.search.search("а") == []
    assert services.search.search("   ") == []
    assert services.search.search('"%_\\') == []  # quotes and LIKE wildcards are plain text
    assert services.search.search("zzzz") == []


def test_at_most_per_kind_hits(services) -> None:  # type: ignore[no-untyped-def]
    with services.uow_factory() as uow:
        uow.session.add_all([Client(name=f"Альфа {i}") for i in range(12)])
        uow.commit()
    assert len(services.search.search("альфа")) == 5
    assert len(services.search.search("альфа", per_kind=8)) == 8


def _product_id(services, sku: str) -> int:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    with services.uow_factory(read_only=True) as uow:
        return int(uow.session.scalar(select(Product.id).where(Product.sku == sku)))


def test_words_without_digits_skip_the_numbers(services) -> None:  # type: ignore[no-untyped-def]
    _base(services)
    # a word without digits or dashes never runs the number queries
    assert [h.kind for h in services.search.search("склад")] == ["deal", "product"]


def test_the_title_index_follows_renames_and_deletes(services) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import delete, update

    from app.models import Deal

    ids = _base(services)
    with services.uow_factory() as uow:
        uow.session.execute(update(Deal).where(Deal.id == ids["deal"])
                            .values(title="Ёмкости для склада"))
        uow.commit()
    assert [h.target_id for h in services.search.search("стеллаж") if h.kind == "deal"] == [
        ids["deal2"]]
    assert [h.target_id for h in services.search.search("емкост")] == [ids["deal"]]  # ё as е
    with services.uow_factory() as uow:
        uow.session.execute(delete(Deal).where(Deal.id == ids["deal2"]))
        uow.commit()
    assert [h.kind for h in services.search.search("монтаж")] == []


def test_a_demo_base_is_indexed_by_its_bulk_load(demo_services) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select, text

    from app.models import Deal

    with demo_services.uow_factory(read_only=True) as uow:
        deals = uow.session.scalar(select(func.count()).select_from(Deal))
        indexed = uow.session.execute(text("SELECT count(*) FROM fts_deals")).scalar()
        title = uow.session.scalar(select(Deal.title).order_by(Deal.id.desc()).limit(1))
    assert indexed == deals > 0
    assert demo_services.search.search(title)[0].title == title
