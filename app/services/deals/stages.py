"""Stage settings: the list of stages and whether the stall limit counts working days."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from app.i18n import translate
from app.models import Deal, Stage
from app.services.errors import ConflictError, ValidationError
from app.services.settings import SettingsService
from app.services.uow import UowFactory


@dataclass(frozen=True)
class StageInfo:
    id: int
    name: str
    position: int
    probability: int
    stall_days: int | None
    is_won: bool
    is_lost: bool

    @property
    def is_open(self) -> bool:
        return not (self.is_won or self.is_lost)



@dataclass(frozen=True)
class StageInput:
    name: str
    probability: int
    stall_days: int | None = None
    is_won: bool = False
    is_lost: bool = False
    id: int | None = None




def stage_info(s: Stage) -> StageInfo:
    return StageInfo(id=s.id, name=s.name, position=s.position, probability=s.probability,
                     stall_days=s.stall_days, is_won=s.is_won, is_lost=s.is_lost)


class StageSettings:
    """The stages in board order (a new database gets its defaults from the seed step)."""

    _uow: UowFactory
    _settings: SettingsService

    def stall_in_working_days(self) -> bool:
        return bool(self._settings.get("stall_in_working_days"))

    def set_stall_in_working_days(self, value: bool) -> None:
        self._settings.set("stall_in_working_days", bool(value))

    def stages(self) -> list[StageInfo]:
        with self._uow(read_only=True) as uow:
            return [stage_info(s) for s in
                    uow.session.scalars(select(Stage).order_by(Stage.position))]

    def save_stages(self, stages: list[StageInput]) -> None:
        """Replace the stage list (order = list order); stages left out are deleted."""
        errors: dict[str, str] = {}
        names: set[str] = set()
        for i, st in enumerate(stages):
            name = st.name.strip()
            if not name:
                errors[f"stages.{i}.name"] = translate("Deals", "Этапу нужно название")
            elif name.casefold() in names:
                errors[f"stages.{i}.name"] = translate("Deals", "Этап «{name}» повторяется"
                                                       ).format(name=name)
            names.add(name.casefold())
            if not (0 <= st.probability <= 100):
                errors[f"stages.{i}.probability"] = translate(
                    "Deals", "Вероятность должна быть от 0 до 100 %")
            if st.stall_days is not None and st.stall_days <= 0:
                errors[f"stages.{i}.stall_days"] = translate(
                    "Deals", "Срок зависания — положительное число дней")
            if st.is_won and st.is_lost:
                errors[f"stages.{i}.is_won"] = translate(
                    "Deals", "Этап не может быть одновременно выигрышем и проигрышем")
        if sum(1 for s in stages if s.is_won) != 1 or sum(1 for s in stages if s.is_lost) != 1:
            errors["stages"] = translate(
                "Deals", "Нужен ровно один этап «выиграна» и ровно один «проиграна»")
        if not any(not s.is_won and not s.is_lost for s in stages):
            errors.setdefault("stages", translate("Deals", "Нужен хотя бы один рабочий этап"))
        if errors:
            raise ValidationError(errors)
        with self._uow() as uow:
            s = uow.session
            existing = {st.id: st for st in s.scalars(select(Stage))}
            keep = {st.id for st in stages if st.id is not None}
            for sid, row in existing.items():
                if sid not in keep:
                    used = s.scalar(select(func.count(Deal.id)).where(Deal.stage_id == sid))
                    if used:
                        raise ConflictError(translate(
                            "Deals", "Этап «{name}» нельзя удалить: в нём {n} сделок"
                        ).format(name=row.name, n=used))
                    s.delete(row)
            uow.flush()
            # Positions and names are UNIQUE: park them first, then write the final values.
            for i, row in enumerate(r for sid, r in existing.items() if sid in keep):
                row.position = -(i + 1)
                row.name = f"~{row.id}~{id(row)}"
            uow.flush()
            for pos, st in enumerate(stages, start=1):
                row = existing[st.id] if st.id is not None else Stage()
                if st.id is None:
                    s.add(row)
                row.name = st.name.strip()
                row.position = pos
                row.probability = st.probability
                row.stall_days = st.stall_days
                row.is_won = st.is_won
                row.is_lost = st.is_lost
            uow.commit()

    def neighbour_stage(self, stage_id: int, step: int) -> StageInfo | None:
        """The stage left (-1) or right (+1) of a stage in board order, if any."""
        stages = self.stages()
        for i, st in enumerate(stages):
            if st.id == stage_id:
                j = i + step
                return stages[j] if 0 <= j < len(stages) else None
        return None
