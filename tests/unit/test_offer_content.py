"""Issue 15, «the КП shows what a client decides on»: the catalog's description, lead time,
warranty and photo under each line, frozen with the offer; the manager's position; the
company's bank details (classic template)."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import update

from app.models import DealLine
from app.services.catalog import ProductInput
from app.services.errors import ValidationError
from tests.unit._documents_helpers import flat, make_deal, pdf_text

ON = date(2026, 11, 16)


def _png(side: int = 600) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (side, side // 2), (200, 40, 40)).save(out, format="PNG")
    return out.getvalue()


def _images_in(data: bytes) -> int:
    from pypdf import PdfReader

    return sum(len(page.images) for page in PdfReader(io.BytesIO(data)).pages)


def _deal_with_product(services, **product: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    deal_id = make_deal(services, [("Стрейч-плёнка", "2", "1500.00", "0", "standard"),
                                   ("Доставка", "1", "500.00", "0", "standard")])
    product_id = services.catalog.save(ProductInput(
        sku="SP-1", name="Стрейч-плёнка", price=Decimal("1500.00"), **product))
    with services.uow_factory() as uow:
        uow.session.execute(update(DealLine).where(DealLine.deal_id == deal_id,
                                                   DealLine.position == 0)
                            .values(product_id=product_id))
        uow.commit()
    return deal_id, product_id


@pytest.mark.parametrize("template", ["classic", "modern"])
def test_the_offer_shows_the_catalogs_description_terms_and_photo(services, template: str) -> None:  # type: ignore[no-untyped-def]
    deal_id, product_id = _deal_with_product(
        services, description="Рулон 300 м, 23 мкм", lead_time="5 рабочих дней",
        warranty="12 месяцев")
    services.catalog.set_image(product_id, _png())
    offer = services.documents.issue_offer(deal_id, template=template, on=ON)
    pdf = services.documents.offer_pdf(offer.id)
    text = flat(pdf_text(pdf))
    assert "Рулон 300 м, 23 мкм" in text
    assert "Срок поставки: 5 рабочих дней" in text and "Гарантия: 12 месяцев" in text
    assert "Фото" in text  # the column appears when a line has a photo
    logo_free = _images_in(pdf)
    assert logo_free == 1  # the demo-free company has no logo: the one image is the photo
    # frozen: the catalog changes, the issued offer does not
    services.catalog.set_image(product_id, None)
    p = services.catalog.get(product_id)
    services.catalog.save(ProductInput(sku=p.sku, name=p.name, price=p.price,
                                       description="другое"), product_id)
    again = services.documents.offer_pdf(offer.id)
    assert "Рулон 300 м, 23 мкм" in flat(pdf_text(again)) and _images_in(again) == 1
    fresh = services.documents.issue_offer(deal_id, template=template, on=ON)
    fresh_pdf = services.documents.offer_pdf(fresh.id)
    assert _images_in(fresh_pdf) == 0 and "Фото" not in flat(pdf_text(fresh_pdf))
    assert "Срок поставки" not in flat(pdf_text(fresh_pdf))  # cleared with the save above


def test_a_line_typed_by_hand_has_no_details(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = make_deal(services, [("Монтаж", "1", "900.00", "0", "standard")])
    offer = services.documents.issue_offer(deal_id, on=ON)
    line = services.documents.offer_snapshot(offer.id)["lines"][0]
    assert "description" not in line and "image" not in line


def test_manager_position_and_bank_details(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = make_deal(services, [("Станок", "1", "1200.00", "0", "standard")])
    services.company.update(manager_position="Ведущий менеджер", manager_phone="+7 900 1",
                            manager_email="m@example.com")
    classic = flat(pdf_text(services.documents.offer_pdf(
        services.documents.issue_offer(deal_id, template="classic", on=ON).id)))
    assert "Ведущий менеджер" in classic
    # make_deal's company: ПАО Банк, БИК 044525225, к/с 301…225, р/с 407…001
    assert ("Банковские реквизиты: р/с 40702810938000000001 в ПАО Банк, БИК 044525225, "
            "к/с 30101810400000000225") in classic
    modern = flat(pdf_text(services.documents.offer_pdf(
        services.documents.issue_offer(deal_id, template="modern", on=ON).id)))
    assert "Ведущий менеджер" in modern and "Банковские реквизиты" not in modern


def test_a_photo_must_be_an_image_and_is_stored_small(services) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    _deal_id, product_id = _deal_with_product(services)
    with pytest.raises(ValidationError) as err:
        services.catalog.set_image(product_id, b"not an image")
    assert "image" in err.value.errors
    assert services.catalog.image(product_id) is None  # the refusal stored nothing
    services.catalog.set_image(product_id, _png(2000))
    stored = services.catalog.image(product_id)
    assert stored is not None
    with Image.open(io.BytesIO(stored)) as img:
        assert max(img.size) == 400 and img.format == "PNG"


def test_saving_a_product_keeps_its_description_lead_time_and_warranty(services) -> None:  # type: ignore[no-untyped-def]
    """Found on the way: the product card had no description field, and saving a product
    from it wrote an empty description over the catalog's."""
    product_id = services.catalog.save(ProductInput(
        sku="A", name="Товар", price=Decimal("10.00"), description="Описание",
        lead_time="3 дня", warranty="1 год"))
    p = services.catalog.get(product_id)
    assert (p.description, p.lead_time, p.warranty) == ("Описание", "3 дня", "1 год")
    with pytest.raises(ValidationError) as err:
        services.catalog.save(ProductInput(sku="B", name="Т", price=Decimal(1),
                                           warranty="г" * 101))
    assert "warranty" in err.value.errors
