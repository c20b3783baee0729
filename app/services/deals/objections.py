"""The library of standard objections and their answers (offered in the deal editor)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.i18n import translate
from app.models import StandardObjection
from app.services.errors import ValidationError
from app.services.uow import UowFactory


@dataclass(frozen=True)
class StandardObjectionRow:
    id: int
    text: str
    answer: str


class ObjectionLibrary:
    _uow: UowFactory

    def standard_objections(self) -> list[StandardObjectionRow]:
        with self._uow(read_only=True) as uow:
            return [StandardObjectionRow(o.id, o.text, o.answer) for o in uow.session.scalars(
                select(StandardObjection).order_by(StandardObjection.text))]

    def save_standard_objection(self, text: str, answer: str,
                                objection_id: int | None = None) -> int:
        if not text.strip():
            raise ValidationError.single("text", translate("Deals", "Текст возражения пуст"))
        with self._uow() as uow:
            s = uow.session
            clash = s.scalar(select(StandardObjection.id)
                             .where(StandardObjection.text == text.strip()))
            if clash is not None and clash != objection_id:
                raise ValidationError.single("text", translate(
                    "Deals", "Такое возражение уже есть в библиотеке"))
            row = (s.get(StandardObjection, objection_id) if objection_id is not None
                   else None)
            if row is None:
                row = StandardObjection()
                s.add(row)
            row.text = text.strip()
            row.answer = answer.strip()
            uow.flush()
            new_id = row.id
            uow.commit()
            return new_id

    def delete_standard_objection(self, objection_id: int) -> None:
        with self._uow() as uow:
            row = uow.session.get(StandardObjection, objection_id)
            if row is not None:
                uow.session.delete(row)
                uow.commit()


