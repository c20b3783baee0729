"""The documents base: fonts, escaping (markup injection), page splitting, words."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.services.documents.base import (
    Column,
    CompanyInfo,
    DocumentMeta,
    build_pdf,
    data_table,
    letterhead,
)
from app.services.documents.markup import esc, fmt
from app.services.documents.offer import render_offer
from app.services.documents.words import amount_in_words
from tests.unit._documents_helpers import assert_fonts_embedded, flat, pdf_pages, pdf_text

NASTY = 'ООО "Рога & Копыта" <b>'
META = DocumentMeta(title="Проверка", number="Т-1", on=date(2026, 11, 16),
                    company=CompanyInfo(name=NASTY, inn="7707083893"))


def _snapshot(**overrides):  # type: ignore[no-untyped-def]
    snap = {
        "version": 1, "number": "КП-2026-0001", "issued_on": "2026-11-16",
        "valid_until": "2026-11-30", "template": "classic", "intro": "Вступление",
        "prices_include_vat": True, "seller": CompanyInfo(name="Продавец").to_json(),
        "manager": {"name": "Менеджер"}, "buyer": {"name": "Покупатель"},
        "contact": {"name": "Контакт"},
        "deal": {"title": "Сделка", "payment_terms": "", "delivery_terms": ""},
        "lines": [{"name": "Товар", "unit": "шт", "quantity": "1", "price": "100",
                   "discount": "0", "vat_kind": "standard", "vat_rate": "22"}],
    }
    snap.update(overrides)
    return snap


def test_escape_helpers() -> None:
    assert esc(NASTY) == "ООО &quot;Рога &amp; Копыта&quot; &lt;b&gt;"
    assert esc("a\nb") == "a<br/>b"
    assert esc("a\x00\x07b\ud800") == "ab"
    assert fmt("<b>{x}</b>", x="<i>") == "<b>&lt;i&gt;</b>"


def test_user_markup_appears_literally() -> None:
    pdf = build_pdf(lambda ctx: [*letterhead(ctx), ctx.p(NASTY, "title"),
                                 ctx.p("x < y & z > w")], META)
    text = flat(pdf_text(pdf))
    assert NASTY in text
    assert "x < y & z > w" in text


def test_img_tag_in_user_text_never_opens_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    import reportlab.lib.utils as rl_utils

    opened: list[str] = []
    real = rl_utils.open_for_read

    def spy(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(str(name))
        return real(name, *args, **kwargs)

    monkeypatch.setattr(rl_utils, "open_for_read", spy)
    evil = '<img src="/etc/passwd"/> <a href="http://example.com/x">ссылка</a>'
    snap = _snapshot(intro=evil, buyer={"name": evil},
                     lines=[{"name": evil, "unit": "<img src='x'/>", "quantity": "1",
                             "price": "1", "discount": "0", "vat_kind": "none",
                             "vat_rate": None}])
    pdf = render_offer(snap)
    assert not [n for n in opened if "passwd" in n or "http" in n or n == "x"]
    assert '<img src="/etc/passwd"/>' in flat(pdf_text(pdf))


def test_fonts_are_embedded() -> None:
    pdf = build_pdf(lambda ctx: [ctx.p("Съешь же ещё этих мягких французских булок")], META)
    names = assert_fonts_embedded(pdf)
    assert any("DejaVuSans" in n for n in names)
    assert not [n for n in names if "Helvetica" in n]  # reportlab's default never slips in
    assert "Съешь же ещё этих мягких французских булок" in flat(pdf_text(pdf))


def test_long_table_repeats_header_and_numbers_pages() -> None:
    columns = [Column("№", 0.5, "center"), Column("Наименование", 5),
               Column("Сумма", 1.5, "right")]
    rows = [[str(i), f"Позиция {i}", "100,00"] for i in range(1, 201)]
    pdf = build_pdf(lambda ctx: [data_table(ctx, columns, rows)], META)
    pages = pdf_pages(pdf)
    assert len(pages) >= 4
    for n, page in enumerate(pages, start=1):
        assert "Наименование" in page
        assert f"Страница {n} из {len(pages)}" in page
        assert "Т-1 от 16.11.2026" in page
    assert "Позиция 200" in pages[-1]


def test_huge_cell_splits_instead_of_layout_error() -> None:
    columns = [Column("№", 0.5), Column("Текст", 6)]
    huge = "Очень длинное описание " * 450  # ~10 000 characters
    pdf = build_pdf(lambda ctx: [data_table(ctx, columns, [["1", huge], ["2", "x" * 10_000]])],
                    META)
    assert len(pdf_pages(pdf)) >= 2


def test_deterministic_output() -> None:
    assert render_offer(_snapshot()) == render_offer(_snapshot())


@pytest.mark.parametrize(("amount", "words"), [
    (Decimal("123456.78"), "Сто двадцать три тысячи четыреста пятьдесят шесть рублей 78 копеек"),
    ("2.00", "Два рубля 00 копеек"),
    (Decimal("21.01"), "Двадцать один рубль 01 копейка"),
    ("2.675", "Два рубля 68 копеек"),
])
def test_amount_in_words(amount, words) -> None:  # type: ignore[no-untyped-def]
    assert amount_in_words(amount) == words


def test_amount_in_words_refuses_float() -> None:
    with pytest.raises(TypeError):
        amount_in_words(2.675)  # type: ignore[arg-type]


_text = st.text(max_size=80)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(name=_text, intro=st.text(max_size=400), line=_text, unit=st.text(max_size=10),
       contact=_text, terms=_text, template=st.sampled_from(["classic", "modern"]))
def test_random_unicode_in_every_field_gives_a_valid_pdf(
        name, intro, line, unit, contact, terms, template) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    seller = CompanyInfo(**{k: name for k in ("name", "full_name", "inn", "kpp",
                                              "legal_address", "phone", "email",
                                              "signer_name", "signer_title",
                                              "manager_name")})
    snap = _snapshot(
        template=template, intro=intro, seller=seller.to_json(),
        manager={"name": contact, "phone": terms, "email": name},
        buyer={"name": name, "full_name": line, "inn": terms, "legal_address": intro},
        contact={"name": contact, "position": terms, "email": line},
        deal={"title": line, "payment_terms": terms, "delivery_terms": intro},
        lines=[{"name": line, "unit": unit, "quantity": "2", "price": "10.5",
                "discount": "5", "vat_kind": "standard", "vat_rate": "22"}],
    )
    from app.services.documents.invoice import render_invoice

    for pdf in (render_offer(snap), render_invoice({**snap, "basis": terms})):
        assert pdf.startswith(b"%PDF")
        assert len(PdfReader(io.BytesIO(pdf)).pages) >= 1


@pytest.mark.parametrize("template", ["classic", "modern", "invoice"])
def test_huge_text_in_every_field_lays_out(template) -> None:  # type: ignore[no-untyped-def]
    from app.services.documents.invoice import render_invoice

    huge = "Длинный текст без конца " * 300  # ~7 000 characters
    word = "Ы" * 3000
    seller = CompanyInfo(**{k: huge for k in ("name", "full_name", "legal_address", "phone",
                                              "email", "website", "bank_name",
                                              "signer_name", "signer_title",
                                              "accountant_name", "manager_name")},
                         inn=word, kpp=word, bik=word, corr_account=word,
                         settlement_account=word)
    party = {"name": huge, "full_name": word, "inn": huge, "kpp": word, "legal_address": huge,
             "phone": huge}
    snap = _snapshot(template="classic" if template == "invoice" else template, intro=huge,
                     seller=seller.to_json(), buyer=party,
                     manager={"name": huge, "phone": word, "email": huge},
                     contact={"name": huge, "position": word, "email": huge},
                     deal={"title": huge, "payment_terms": huge, "delivery_terms": word},
                     basis=huge,
                     lines=[{"name": huge, "unit": word, "quantity": "1", "price": "1",
                             "discount": "0", "vat_kind": "standard", "vat_rate": "22"}])
    pdf = render_invoice(snap) if template == "invoice" else render_offer(snap)
    assert pdf.startswith(b"%PDF")
