"""The own company's requisites, letterhead images and document defaults (one settings row)."""

from __future__ import annotations

import io
from dataclasses import dataclass, fields, replace
from typing import Any

from app.i18n import translate
from app.models import CompanySettings
from app.models.company import VAT_KINDS
from app.services.contact_info import normalize_email
from app.services.documents.base import CompanyInfo
from app.services.errors import ValidationError
from app.services.requisites import requisites_errors
from app.services.uow import UowFactory

OFFER_TEMPLATES = ("classic", "modern")
IMAGE_KINDS = ("logo", "facsimile", "stamp")
MAX_IMAGE_SIDE = 1200  # px: enough for print at letterhead size, small in snapshots
MAX_IMAGE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class CompanyProfile(CompanyInfo):
    """The company settings row: the seller as documents print it, plus document defaults."""

    default_vat_kind: str = "standard"
    prices_include_vat: bool = True
    offer_validity_days: int = 14
    offer_template: str = "classic"


TEXT_FIELDS = tuple(f.name for f in fields(CompanyProfile)
                    if f.name not in IMAGE_KINDS and f.type == "str"
                    and f.name not in ("default_vat_kind", "offer_template"))


def offer_template_label(key: str) -> str:
    return {"classic": translate("Documents", "Классический"),
            "modern": translate("Documents", "Современный")}.get(key, key)


def validate_profile(profile: CompanyProfile) -> dict[str, str]:
    """Field → message for every problem (empty fields are allowed: filled in later)."""
    errors: dict[str, str] = {}
    p = profile
    kind = "organization" if len(p.inn.strip()) != 12 else "entrepreneur"
    errors.update(requisites_errors(
        kind=kind, inn=p.inn.strip(), kpp=p.kpp.strip(), ogrn=p.ogrn.strip(),
        bik=p.bik.strip(), corr_account=p.corr_account.strip(),
        settlement_account=p.settlement_account.strip()))
    if not p.name.strip():
        errors["name"] = translate("Company", "Укажите название компании")
    for field in ("email", "manager_email"):
        try:
            normalize_email(getattr(p, field))
        except ValueError:
            errors[field] = translate("Company", "Неверный адрес электронной почты")
    if p.default_vat_kind not in VAT_KINDS:
        errors["default_vat_kind"] = translate("Company", "Неизвестная ставка НДС")
    if p.offer_template not in OFFER_TEMPLATES:
        errors["offer_template"] = translate("Company", "Неизвестный шаблон КП")
    if not 1 <= int(p.offer_validity_days) <= 365:
        errors["offer_validity_days"] = translate(
            "Company", "Срок действия КП — от 1 до 365 дней")
    return errors


def normalize_image(data: bytes | None, side: int = MAX_IMAGE_SIDE) -> bytes | None:
    """PNG/JPEG bytes → PNG no larger than `side` px; ValidationError if unreadable."""
    if not data:
        return None
    if len(data) > MAX_IMAGE_BYTES:
        raise ValidationError.single(
            "image", translate("Company", "Изображение больше 10 МБ"))
    try:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as img:
            if img.format not in ("PNG", "JPEG"):
                raise ValidationError.single(
                    "image", translate("Company", "Нужен файл PNG или JPEG"))
            img.load()
            converted = img.convert("RGBA")
            converted.thumbnail((side, side))
            out = io.BytesIO()
            converted.save(out, format="PNG", optimize=True)
            return out.getvalue()
    except ValidationError:
        raise
    except Exception as exc:
        raise ValidationError.single(
            "image", translate("Company", "Не удалось прочитать изображение")) from exc


class CompanyService:
    """Reads and saves the single CompanySettings row."""

    def __init__(self, *, uow_factory: UowFactory) -> None:
        self._uow = uow_factory

    def get(self) -> CompanyProfile:
        with self._uow(read_only=True) as uow:
            row = uow.session.get(CompanySettings, 1)
            if row is None:
                return CompanyProfile()
            return _to_profile(row)

    def save(self, profile: CompanyProfile) -> CompanyProfile:
        """Validate and store everything (images are normalised to PNG)."""
        # field name → value: the text fields here, the images below (by name, so Any)
        texts: dict[str, Any] = {name: str(getattr(profile, name) or "").strip()
                                 for name in TEXT_FIELDS}
        cleaned = replace(profile, **texts)
        errors = validate_profile(cleaned)
        if errors:
            raise ValidationError(errors)
        images: dict[str, Any] = {}
        for kind in IMAGE_KINDS:
            raw = getattr(cleaned, kind)
            try:
                images[kind] = normalize_image(raw)
            except ValidationError as exc:
                raise ValidationError.single(kind, str(exc)) from exc
        cleaned = replace(cleaned, **images)
        with self._uow() as uow:
            row = uow.session.get(CompanySettings, 1)
            if row is None:
                row = CompanySettings(id=1)
                uow.session.add(row)
            for f in fields(CompanyProfile):
                setattr(row, f.name, getattr(cleaned, f.name))
            uow.commit()
            return _to_profile(row)

    def update(self, **values: Any) -> CompanyProfile:
        """Change some fields, keeping the rest."""
        return self.save(replace(self.get(), **values))

    def remember_offer_template(self, template: str) -> None:
        if template not in OFFER_TEMPLATES:
            raise ValidationError.single(
                "template", translate("Company", "Неизвестный шаблон КП"))
        with self._uow() as uow:
            row = uow.session.get(CompanySettings, 1)
            if row is None:
                row = CompanySettings(id=1)
                uow.session.add(row)
            row.offer_template = template
            uow.commit()


def _to_profile(row: CompanySettings) -> CompanyProfile:
    values = {}
    for f in fields(CompanyProfile):
        value = getattr(row, f.name)
        if value is None and f.name not in IMAGE_KINDS:
            value = f.default
        values[f.name] = value
    return CompanyProfile(**values)
