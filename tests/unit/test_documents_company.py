"""CompanyService: requisites validation, image normalisation, defaults."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from app.services.company import CompanyProfile
from app.services.errors import ValidationError


def _png(size=(3000, 1000), fmt="PNG") -> bytes:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    Image.new("RGB", size, "navy").save(buf, format=fmt)
    return buf.getvalue()


def test_defaults_on_empty_database(services) -> None:  # type: ignore[no-untyped-def]
    profile = services.company.get()
    assert profile == CompanyProfile()
    assert (profile.offer_validity_days, profile.offer_template) == (14, "classic")


def test_requisites_are_checked(services) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as err:
        services.company.save(CompanyProfile(
            name="", inn="7707083894", kpp="12", bik="04452522",
            settlement_account="40702810938000000002", email="nope",
            offer_validity_days=0, offer_template="fancy"))
    assert set(err.value.errors) >= {"name", "inn", "kpp", "bik", "settlement_account",
                                     "email", "offer_validity_days", "offer_template"}
    saved = services.company.save(CompanyProfile(
        name="  ООО «Продавец» ", inn="7707083893", kpp="773601001", bik="044525225",
        corr_account="30101810400000000225", settlement_account="40702810938000000001",
        default_vat_kind="reduced10", prices_include_vat=False))
    assert saved.name == "ООО «Продавец»"
    assert (saved.default_vat_kind, saved.prices_include_vat) == ("reduced10", False)
    assert services.company.get() == saved


def test_images_are_normalised_and_refused_when_bad(services) -> None:  # type: ignore[no-untyped-def]
    saved = services.company.update(name="X", logo=_png(), stamp=_png((200, 200), "JPEG"))
    with Image.open(io.BytesIO(saved.logo)) as img:
        assert img.format == "PNG" and max(img.size) <= 1200
    assert saved.stamp.startswith(b"\x89PNG")
    with pytest.raises(ValidationError) as err:
        services.company.update(facsimile=b"not an image at all")
    assert "facsimile" in err.value.errors
    gif = io.BytesIO()
    Image.new("RGB", (10, 10)).save(gif, format="GIF")
    with pytest.raises(ValidationError):
        services.company.update(logo=gif.getvalue())
    assert services.company.update(logo=None).logo is None


def test_cli_report_trainee(demo_services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from app.cli import run

    with demo_services.engine.connect() as conn:
        trainee_id = conn.execute(text("SELECT id FROM trainees LIMIT 1")).scalar()
    out = tmp_path / "t.pdf"
    db = str(demo_services.db_path)
    assert run(["--db", db, "report", "trainee", str(trainee_id), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert run(["--db", db, "report", "trainee", "x", "-o", str(out)]) == 1
    assert run(["--db", db, "report", "plan", "5", "-o", str(out)]) == 1
