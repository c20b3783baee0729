"""Client service: validation of the card, Cyrillic search, filters, duplicates, merge, delete."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import delete, func, select

from app.bootstrap import Services
from app.models import Activity, Deal, Order, Stage
from app.services.clients import (
    ClientChoice,
    ClientDraft,
    ClientQuery,
    ContactChoice,
    ContactDraft,
    fts_match_expression,
    name_key,
)
from app.services.errors import ConflictError, ValidationError

VALID = ClientDraft(
    name="ООО «Ромашка»", full_name="Общество с ограниченной ответственностью «Ромашка»",
    legal_form="ООО", inn="7707083893", kpp="773601001", ogrn="1027700132195",
    bik="044525225", corr_account="30101810400000000225",
    settlement_account="40702810200000000001", phone="8 (916) 123-45-67",
    email="Info@Romashka.example", segment="Ключевые", region="Москва", status="active",
    tags=("VIP", "vip", " сеть "),
    contacts=(ContactDraft(name="Семёнов Пётр", position="Директор", phone="+79031112233",
                           email="petr@romashka.example"),),
)


def errors_of(services: Services, draft: ClientDraft) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        services.clients.create(draft)
    return info.value.errors


def test_create_normalises_and_reads_back(services: Services) -> None:
    card = services.clients.create(VALID)
    d = services.clients.get(card.id).draft
    assert d.phone == "+7 916 123-45-67"
    assert d.email == "info@romashka.example"
    assert d.tags == ("VIP", "сеть")  # case-insensitive dedupe, trimmed
    assert d.contacts[0].phone == "+7 903 111-22-33"
    assert d.contacts[0].is_primary  # the only contact becomes primary


@pytest.mark.parametrize(("change", "field"), [
    ({"name": "  "}, "name"),
    ({"inn": "7707083894"}, "inn"),          # checksum
    ({"inn": "77070838"}, "inn"),            # length
    ({"inn": "77070838AB"}, "inn"),
    ({"kpp": "77360100"}, "kpp"),
    ({"ogrn": "1027700132196"}, "ogrn"),
    ({"bik": "04452522"}, "bik"),
    ({"corr_account": "30101810400000000226"}, "corr_account"),
    ({"settlement_account": "40702810200000000002"}, "settlement_account"),
    ({"phone": "12"}, "phone"),
    ({"email": "not an email"}, "email"),
    ({"status": "zombie"}, "status"),
])
def test_each_bad_field_is_named(services: Services, change: dict, field: str) -> None:
    bad = ClientDraft(**{**VALID.__dict__, **change})
    assert field in errors_of(services, bad)
    assert services.clients.count() == 0


def test_every_single_digit_change_of_a_valid_account_is_rejected(services: Services) -> None:
    from app.services.requisites import correspondent_account_error, settlement_account_error

    for account, check in (("30101810400000000225", correspondent_account_error),
                           ("40702810200000000001", settlement_account_error)):
        assert check(account, "044525225") is None
        for pos in range(20):
            for digit in "0123456789":
                if digit != account[pos]:
                    changed = account[:pos] + digit + account[pos + 1:]
                    assert check(changed, "044525225"), changed


def test_entrepreneur_needs_twelve_digit_inn_and_no_kpp(services: Services) -> None:
    ip = ClientDraft(name="ИП Иванов", kind="entrepreneur", inn="500100732259",
                     ogrn="304500116000157")
    assert services.clients.create(ip).draft.inn == "500100732259"
    errs = errors_of(services, ClientDraft(name="ИП Петров", kind="entrepreneur",
                                           inn="7707083893", kpp="773601001"))
    assert set(errs) == {"inn", "kpp"}


def test_contact_errors_are_keyed_by_position(services: Services) -> None:
    draft = ClientDraft(name="Альфа", contacts=(
        ContactDraft(name="Ок"), ContactDraft(name="", phone="abc", email="x@")))
    errs = errors_of(services, draft)
    assert set(errs) == {"contacts.1.name", "contacts.1.phone", "contacts.1.email"}


def test_update_edits_contacts_and_tags(services: Services) -> None:
    card = services.clients.create(VALID)
    kept = card.draft.contacts[0]
    new = ClientDraft(**{**card.draft.__dict__, "tags": ("сеть", "Новый"), "contacts": (
        ContactDraft(**{**kept.__dict__, "position": "Генеральный директор",
                        "is_primary": False}),
        ContactDraft(name="Ёлкина Анна", is_primary=True))})
    updated = services.clients.update(card.id, new)
    assert updated.draft.tags == ("Новый", "сеть")
    assert [c.name for c in updated.draft.contacts] == ["Семёнов Пётр", "Ёлкина Анна"]
    assert updated.draft.contacts[0].id == kept.id
    assert [c.is_primary for c in updated.draft.contacts] == [False, True]
    again = services.clients.update(card.id, ClientDraft(**{**new.__dict__, "contacts": ()}))
    assert again.draft.contacts == ()


@pytest.mark.parametrize("typed", ["ромашка", "РОМАШ", "семенов", "СЕМЁНОВ", "пётр",
                                   "9161234567", "89161234567", "+7 (916) 123-45-67",
                                   "123-45", "7707083893", "info@romashka", "петр@romashka",
                                   "vip", "сеть"])
def test_search_finds_as_a_russian_user_types(services: Services, typed: str) -> None:
    card = services.clients.create(VALID)
    services.clients.create(ClientDraft(name="ЗАО «Василёк»", phone="+7 495 000-00-01"))
    assert services.clients.search_ids(ClientQuery(text=typed)) == [card.id]


def test_search_follows_edits_and_does_not_break_on_fts_syntax(services: Services) -> None:
    card = services.clients.create(VALID)
    services.clients.update(card.id, ClientDraft(**{**VALID.__dict__, "name": "ООО «Лютик»",
                                                              "full_name": ""}))
    assert services.clients.search_ids(ClientQuery(text="ромашка")) == []
    assert services.clients.search_ids(ClientQuery(text="лютик")) == [card.id]
    for hostile in ['"', "NEAR(", "a OR", "*", "-", "ООО AND NOT"]:
        services.clients.search_ids(ClientQuery(text=hostile))
    assert fts_match_expression("  ,, ") is None


def test_filters_and_archive(services: Services) -> None:
    a = services.clients.create(VALID)
    b = services.clients.create(ClientDraft(name="Бета", status="lead", segment="Малые",
                                            region="Казань", tags=("сеть",)))
    ids = services.clients.search_ids
    assert ids(ClientQuery(status="lead")) == [b.id]
    assert ids(ClientQuery(segment="Ключевые")) == [a.id]
    assert ids(ClientQuery(region="Казань")) == [b.id]
    assert sorted(ids(ClientQuery(tag="сеть"))) == sorted([a.id, b.id])
    assert ids(ClientQuery(tag="VIP")) == [a.id]
    assert ids(ClientQuery(sort="name", descending=True)) == [a.id, b.id]
    services.clients.set_archived([a.id], True)
    assert ids(ClientQuery()) == [b.id]
    assert ids(ClientQuery(archived=True)) == [a.id]
    assert services.clients.lookup("ромашка") == []


def test_no_contact_filter_uses_done_activities(services: Services) -> None:
    a = services.clients.create(ClientDraft(name="Давно"))
    b = services.clients.create(ClientDraft(name="Недавно"))
    now = datetime.now(UTC)
    with services.uow_factory() as uow:
        uow.session.add(Activity(kind="call", subject="x", client_id=a.id, done=True,
                                 done_at=now - timedelta(days=90)))
        uow.session.add(Activity(kind="call", subject="y", client_id=b.id, done=True,
                                 done_at=now - timedelta(days=3)))
        uow.commit()
    assert services.clients.search_ids(ClientQuery(no_contact_days=30)) == [a.id]
    row = services.clients.rows([b.id])[0]
    assert row.last_contact is not None and row.last_contact.tzinfo is not None


def test_picker_api(services: Services) -> None:
    card = services.clients.create(VALID)
    assert services.clients.lookup("ром") == [
        ClientChoice(card.id, "ООО «Ромашка»", "7707083893", "Ключевые")]
    assert services.clients.contacts_of(card.id) == [
        ContactChoice(card.draft.contacts[0].id, "Семёнов Пётр", "Директор")]
    assert len(services.clients.lookup("", limit=5)) == 1
    other = services.clients.create(ClientDraft(name="Бета"))
    assert [c.id for c in services.clients.lookup("б")] == [other.id]  # pickers: one letter
    assert len(services.clients.search_ids(ClientQuery(text="б"))) == 2  # the list: 2+ chars


def test_duplicates_by_inn_phone_email_and_name(services: Services) -> None:
    card = services.clients.create(VALID)
    find = services.clients.find_duplicates
    assert find(ClientDraft(name="Другое", inn="7707083893"))[0].id == card.id
    assert find(ClientDraft(name="Другое", phone="+7 916 123 45 67"))[0].id == card.id
    assert find(ClientDraft(name="Другое", contacts=(
        ContactDraft(name="x", email="PETR@romashka.example"),)))[0].id == card.id
    assert find(ClientDraft(name="Ромашка"))[0].reasons == ("похожее название",)
    assert find(ClientDraft(name="АО Ромашкa"))  # latin "a" at the end: still near-identical
    assert find(ClientDraft(name="Совсем другое")) == []
    assert find(VALID, exclude_id=card.id) == []
    assert name_key("ООО «Ромашка-Плюс»") == "ромашка плюс"


def _add_history(services: Services, client_id: int) -> None:
    with services.uow_factory() as uow:
        uow.session.execute(delete(Stage))  # this test builds its own pipeline
        s = uow.session
        stage = Stage(name="Новая", position=1, probability=10)
        s.add(stage)
        s.flush()
        s.add(Deal(client_id=client_id, stage_id=stage.id, title="Поставка",
                   amount=Decimal("1000")))
        for n, (day, amount) in enumerate(((date(2026, 1, 10), "1000.50"),
                                           (date(2026, 3, 11), "2000"),
                                           (date(2026, 5, 10), "3000"))):
            s.add(Order(number=f"З-{client_id}-{n}", client_id=client_id, ordered_on=day,
                        amount=Decimal(amount)))
        s.add(Order(number=f"З-{client_id}-x", client_id=client_id, ordered_on=date(2026, 6, 1),
                    amount=Decimal("99999"), status="cancelled"))
        s.add(Activity(kind="meeting", subject="Встреча", client_id=client_id, done=True,
                       done_at=datetime(2026, 2, 1, 9, tzinfo=UTC)))
        uow.commit()


def test_purchase_summary_and_timeline(services: Services) -> None:
    card = services.clients.create(VALID)
    _add_history(services, card.id)
    summary = services.clients.purchase_summary(card.id)
    assert summary.total == Decimal("6000.50")
    assert summary.orders == 3
    assert summary.average == Decimal("2000.17")
    assert summary.average_days_between == 60.0
    assert summary.last_purchase == date(2026, 5, 10)
    kinds = [e.kind for e in services.clients.timeline(card.id)]
    assert kinds.count("order") == 4 and "deal" in kinds and "activity:meeting" in kinds
    whens = [e.when for e in services.clients.timeline(card.id)]
    assert whens == sorted(whens, reverse=True)


def test_merge_moves_everything_in_one_go(services: Services) -> None:
    survivor = services.clients.create(ClientDraft(name="Ромашка", tags=("сеть",)))
    dup = services.clients.create(VALID)
    _add_history(services, dup.id)
    result = services.clients.merge(survivor.id, dup.id)
    assert result.moved["deals"] == 1 and result.moved["orders"] == 4
    card = services.clients.get(survivor.id)
    assert card.draft.inn == "7707083893"  # empty fields filled from the duplicate
    assert card.draft.tags == ("VIP", "сеть")
    assert [c.name for c in card.draft.contacts] == ["Семёнов Пётр"]
    with services.uow_factory() as uow:
        assert uow.session.scalar(select(func.count(Order.id))
                                  .where(Order.client_id == survivor.id)) == 4
    assert services.clients.search_ids(ClientQuery(text="семенов")) == [survivor.id]
    with pytest.raises(ValidationError):
        services.clients.merge(survivor.id, survivor.id)


def test_delete_says_what_it_removes_and_refuses_history(services: Services) -> None:
    plain = services.clients.create(VALID)
    impact = services.clients.deletion_impact(plain.id)
    assert (impact.contacts, impact.deals, impact.blocked) == (1, 0, False)
    services.clients.delete(plain.id)
    assert services.clients.count() == 0
    assert services.clients.search_ids(ClientQuery(text="ромашка")) == []
    busy = services.clients.create(ClientDraft(name="С историей"))
    _add_history(services, busy.id)
    with pytest.raises(ConflictError):
        services.clients.delete(busy.id)
    assert services.clients.count() == 1


def test_rows_revenue_counts_this_year_only(services: Services) -> None:
    card = services.clients.create(VALID)
    _add_history(services, card.id)
    row = services.clients.rows([card.id], today=date(2026, 11, 16))[0]
    assert row.revenue_year == Decimal("6000.50")
    assert services.clients.rows([card.id], today=date(2027, 1, 5))[0].revenue_year == 0


def test_requisites_errors_is_shared_by_clients_and_the_own_company() -> None:
    from app.services.requisites import requisites_errors

    ok = requisites_errors(kind="organization", inn="7707083893", kpp="773601001",
                           ogrn="1027700132195", bik="044525225",
                           corr_account="30101810400000000225")
    assert ok == {}
    bad = requisites_errors(kind="entrepreneur", inn="7707083893", kpp="773601001",
                            corr_account="30101810400000000225")
    assert set(bad) == {"inn", "kpp", "bik", "corr_account"}


def test_two_or_three_digits_do_not_filter_the_list() -> None:
    """'916' begins a third of all phone numbers: the list waits for a fourth digit."""
    from app.services.clients import fts_match_expression

    assert fts_match_expression("91") is None
    assert fts_match_expression("916") is None
    assert fts_match_expression("9161") == '"9161"*'
    assert fts_match_expression("ип 91") is not None  # words with digits still search
    assert fts_match_expression("916", min_chars=1) == '"916"*'  # the picker's own limit


def test_a_new_clients_documents_are_in_the_language_chosen_for_new_clients(services) -> None:  # type: ignore[no-untyped-def]
    assert services.clients.new_draft().document_language == "ru"  # the default
    services.settings.set("default_document_language", "en")  # the first-run wizard's
    assert services.clients.new_draft().document_language == "en"
    services.settings.set("default_document_language", "xx")  # a value from nowhere
    assert services.clients.new_draft().document_language == "ru"


def test_the_day_a_client_left_is_kept_until_it_comes_back(services) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from app.models import Client

    card = services.clients.create(ClientDraft(name="ООО «Уходящий»", status="active"))

    def churned_on():  # type: ignore[no-untyped-def]
        with services.uow_factory(read_only=True) as uow:
            return uow.session.get(Client, card.id).churned_on

    assert churned_on() is None
    left = ClientDraft(**{**card.draft.__dict__, "status": "churned", "churn_reason": "price"})
    services.clients.update(card.id, left)
    assert churned_on() == date.today()
    with services.uow_factory() as uow:  # as if it left a month ago
        uow.session.get(Client, card.id).churned_on = date(2026, 10, 1)
        uow.commit()
    services.clients.update(card.id, ClientDraft(**{**left.__dict__, "notes": "звонили"}))
    assert churned_on() == date(2026, 10, 1)  # a later edit does not move it
    services.clients.update(card.id, ClientDraft(**{**left.__dict__, "status": "active"}))
    assert churned_on() is None


def test_the_day_a_client_left_rule() -> None:
    from datetime import date

    from app.services.clients.churn import churn_day

    today, before = date(2026, 12, 4), date(2026, 10, 1)
    assert churn_day(None, "lead", None, today) is None
    assert churn_day(None, "churned", None, today) == today  # a new client, imported lost
    assert churn_day("active", "lost", None, today) == today
    assert churn_day("lost", "churned", before, today) == before  # still gone: kept
    assert churn_day("lost", "lost", None, today) == today  # marked before the column
    assert churn_day("churned", "active", before, today) is None  # back


def test_a_fragment_inside_a_name_finds_the_client(services) -> None:  # type: ignore[no-untyped-def]
    """Issue 17, finding 1: every word of three characters or more anywhere in the name
    (ё as е, any case); shorter words and digits keep the words' beginnings only."""
    from app.services.clients import ClientQuery

    def found(text: str) -> list[str]:
        return [r.name for r in services.clients.list_clients(ClientQuery(text=text))]

    for name in ("ООО «Агроторг»", "Евроторг М", "АО «Берёзка-Опт»", "Торговый дом «Юг»"):
        services.clients.create(ClientDraft(name=name))
    assert found("торг") == ["Евроторг М", "ООО «Агроторг»", "Торговый дом «Юг»"]
    assert found("РЕЗК") == ["АО «Берёзка-Опт»"]
    assert found("торг евро") == ["Евроторг М"]
    assert found("то") == ["Торговый дом «Юг»"]  # two letters: a word's beginning only
    assert found("ргу") == []
    card = services.clients.list_clients(ClientQuery(text="агроторг"))[0]
    services.clients.update(card.id, ClientDraft(name="ООО «Агросбыт»"))  # the index follows
    assert found("торг") == ["Евроторг М", "Торговый дом «Юг»"]


def test_names_sort_in_russian_order(services) -> None:  # type: ignore[no-untyped-def]
    """Issue 17, finding 2: Ё between Е and Ж, lower and upper case together (written out
    by hand; code points would put «ёж» and «Ёлка» after «Яблоко», lower case last)."""
    from app.services.clients import ClientQuery

    order = ["ааа", "Бета", "ежевика", "Ёлка", "ЕЛЬ", "ёршик", "Жук", "Яблоко", "яблоня"]
    for name in reversed(order):
        services.clients.create(ClientDraft(name=name))
    names = [r.name for r in services.clients.list_clients(ClientQuery())]
    assert names == order
    desc = [r.name for r in services.clients.list_clients(ClientQuery(descending=True))]
    assert desc == order[::-1]
    # a renamed client moves to its new place; a Core insert (the import's) gets its key too
    first = services.clients.list_clients(ClientQuery())[0]
    services.clients.update(first.id, ClientDraft(name="Эра"))
    assert [r.name for r in services.clients.list_clients(ClientQuery())][-3:] == [
        "Эра", "Яблоко", "яблоня"]
    from sqlalchemy import insert

    from app.models import Client

    with services.uow_factory() as uow:
        uow.session.execute(insert(Client), [{"name": "ёжик"}, {"name": "Ангел"}])
        uow.commit()
    names = [r.name for r in services.clients.list_clients(ClientQuery())]
    assert names[:2] == ["Ангел", "Бета"] and names.index("ёжик") == names.index("ежевика") + 1


def test_the_sort_key_is_made_again_on_a_whole_base_import(services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A JSON file's sort_name is never trusted: an older file has none, a hand-edited one
    could disagree with the name (app/services/transfer.py DERIVED)."""
    import json

    from app.bootstrap import bootstrap
    from app.services.clients import ClientQuery

    services.clients.create(ClientDraft(name="Ёлка"))
    services.clients.create(ClientDraft(name="Жук"))
    path = tmp_path / "all.json"
    services.transfer.export_all(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    for row in data["tables"]["clients"]:
        row["sort_name"] = "я" if row["name"] == "Ёлка" else "а"  # a wrong key
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    other = bootstrap(tmp_path / "other.db")
    try:
        other.transfer.import_all(path)
        assert [r.name for r in other.clients.list_clients(ClientQuery())] == ["Ёлка", "Жук"]
    finally:
        other.close()
