"""Demo data of the documents area: a letterhead logo and offers issued for open deals."""

from __future__ import annotations

import io
import random
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import CompanySettings, Deal, DealLine, Offer, Stage


def demo_logo(text: str = "СП", name: str = "СкладПро") -> bytes:
    """A simple PNG logo drawn with the bundled font (deterministic bytes)."""
    from PIL import Image, ImageDraw, ImageFont

    from app.resources import resource_path

    bold = str(resource_path("fonts", "DejaVuSans-Bold.ttf"))
    big = ImageFont.truetype(bold, 84)
    img = Image.new("RGBA", (1000, 160), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle((4, 8, 148, 152), 28, fill=(31, 58, 95, 255))
    draw.text((76, 80), text, font=ImageFont.truetype(bold, 62), fill="white", anchor="mm")
    draw.text((172, 80), name, font=big, fill=(31, 58, 95, 255), anchor="lm")
    bbox = img.getbbox()
    if bbox:
        img = img.crop((0, 0, min(1000, bbox[2] + 8), 160))
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=True)
    return out.getvalue()


def add_demo_documents(s: Session, rng: random.Random, today: date, *, limit: int = 25) -> int:
    """Give the demo company a logo and issue offers for deals at or past the offer stage."""
    from app.services.documents.service import issue_offer_in

    company = s.get(CompanySettings, 1)
    if company is not None and not company.logo:
        company.logo = demo_logo()
    s.flush()
    stages = list(s.scalars(select(Stage).order_by(Stage.position)))
    offer_stage = next((st for st in stages if "КП" in st.name), None)
    min_position = offer_stage.position if offer_stage else 0
    deal_ids = list(s.scalars(
        select(Deal.id).join(Stage, Stage.id == Deal.stage_id)
        .where(Stage.position >= min_position, Stage.is_lost.is_(False),
               Deal.id.in_(select(DealLine.deal_id)))
        .order_by(Deal.id)))
    rng.shuffle(deal_ids)
    events: list[tuple[date, int, bool]] = []
    for deal_id in deal_ids[:limit]:
        on = today - timedelta(days=rng.randint(12, 40))
        events.append((on, deal_id, False))
        if rng.random() < 0.25:  # a revised version after the client's answer
            events.append((on + timedelta(days=rng.randint(1, 10)), deal_id, True))
    latest: dict[int, Offer] = {}
    for on, deal_id, revision in sorted(events):  # numbers grow with the dates
        old = latest.get(deal_id) if revision else None
        offer = issue_offer_in(
            s, deal_id, template=old.template if old else rng.choice(("classic", "modern")),
            intro=old.intro if old else None, on=on,
            supersedes_id=old.id if old else None)
        # made on its day, not at the generator's clock (the demo's today may be earlier)
        offer.created_at = datetime.combine(on, time(12)).astimezone().astimezone(UTC)
        latest[deal_id] = offer
    if company is not None:
        company.offer_template = "classic"
    return len(events)
