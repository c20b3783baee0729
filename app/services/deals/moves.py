"""Moving a deal between stages (won and lost need their details) and its stage history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.domain.money import round_money
from app.i18n import translate
from app.models import Competitor, Deal, Order, Stage, StageChange
from app.services.deals.board import local_date
from app.services.deals.lost_reasons import LostReasonSettings
from app.services.errors import ConflictError, NotFoundError, ValidationError
from app.services.rows import not_null
from app.services.uow import UowFactory


@dataclass(frozen=True)
class StageSpan:
    stage_id: int
    stage_name: str
    entered_at: datetime
    left_at: datetime | None  # None: the deal is still there
    days: int


@dataclass(frozen=True)
class StageMove:
    """A stored move as its undo needs it: the StageChange it recorded and the deal's
    stage fields as they were before it."""

    deal_id: int
    change_id: int
    to_stage_id: int
    stage_id: int
    stage_entered_at: datetime
    closed_on: date | None
    amount: Decimal
    lost_reason: str
    lost_comment: str
    competitor_id: int | None


class DealMoves(LostReasonSettings):
    """A move is one transaction: the deal's stage and its StageChange."""

    _uow: UowFactory

    def move_deal(self, deal_id: int, to_stage_id: int, *, expected_from: int | None = None,
                  lost_reason: str = "", lost_comment: str = "", competitor: str = "",
                  closed_on: date | None = None, final_amount: Decimal | None = None,
                  now: datetime | None = None) -> StageMove | None:
        """Move a deal to a stage, recording a StageChange; one transaction. Returns what
        `undo_move` needs to take it back (None: the deal was in that stage already).

        Moving to the lost stage needs a reason from the configured list (a competitor's
        name for "competitor", a comment for "other"); moving to the won stage needs the
        closing date and the final amount. `expected_from` guards against a board that is
        out of date: the move is refused if the deal is no longer in that stage.
        """
        now = now or datetime.now(UTC)
        reasons = self.lost_reasons()
        with self._uow() as uow:
            s = uow.session
            deal = s.get(Deal, deal_id)
            if deal is None:
                raise NotFoundError(translate("Deals", "Сделка не найдена"))
            target = s.get(Stage, to_stage_id)
            if target is None:
                raise NotFoundError(translate("Deals", "Этап не найден"))
            if expected_from is not None and deal.stage_id != expected_from:
                raise ConflictError(translate(
                    "Deals", "Сделка уже перенесена в другой этап — доска обновлена"))
            if deal.stage_id == to_stage_id:
                return None
            errors: dict[str, str] = {}
            if target.is_lost:
                if not lost_reason:
                    errors["lost_reason"] = translate("Deals", "Укажите причину проигрыша")
                elif lost_reason not in reasons:
                    errors["lost_reason"] = translate("Deals", "Такой причины нет в списке")
                elif lost_reason == "competitor" and not competitor.strip():
                    errors["competitor"] = translate("Deals", "Укажите конкурента")
                elif lost_reason == "other" and not lost_comment.strip():
                    errors["lost_comment"] = translate("Deals", "Опишите причину в комментарии")
            if target.is_won:
                if closed_on is None:
                    errors["closed_on"] = translate("Deals", "Укажите дату закрытия")
                elif closed_on > local_date(now) + timedelta(days=1):
                    errors["closed_on"] = translate("Deals", "Дата закрытия в будущем")
                if final_amount is None:
                    errors["final_amount"] = translate("Deals", "Укажите итоговую сумму")
                elif final_amount < 0:
                    errors["final_amount"] = translate(
                        "Deals", "Сумма не может быть отрицательной")
            if errors:
                raise ValidationError(errors)
            change = StageChange(deal_id=deal.id, from_stage_id=deal.stage_id,
                                 to_stage_id=target.id, changed_at=now)
            s.add(change)
            before = (deal.stage_id, deal.stage_entered_at, deal.closed_on, deal.amount,
                      deal.lost_reason, deal.lost_comment, deal.competitor_id)
            deal.stage_id = target.id
            deal.stage_entered_at = now
            if target.is_lost:
                deal.lost_reason = lost_reason
                deal.lost_comment = lost_comment.strip()
                deal.competitor_id = (self._competitor_id(s, competitor)
                                      if lost_reason == "competitor" else None)
                deal.closed_on = closed_on or local_date(now)
            elif target.is_won:
                deal.closed_on = closed_on
                deal.amount = round_money(not_null(final_amount, "final_amount"))  # validated
                deal.lost_reason = ""
                deal.lost_comment = ""
                deal.competitor_id = None
            else:
                deal.closed_on = None
                deal.lost_reason = ""
                deal.lost_comment = ""
                deal.competitor_id = None
            uow.flush()
            move = StageMove(deal.id, change.id, target.id, *before)
            uow.commit()
        return move

    def undo_move(self, move: StageMove) -> None:
        """Take a move back in one transaction: its StageChange is deleted and the deal's
        stage, closing date, amount and lost reason are as they were — as if it never
        happened. Refused when the deal has moved on since, or a won deal has an order."""
        with self._uow() as uow:
            s = uow.session
            deal = s.get(Deal, move.deal_id)
            if deal is None:
                raise NotFoundError(translate("Deals", "Сделка не найдена"))
            if deal.stage_id != move.to_stage_id:
                raise ConflictError(translate(
                    "Deals", "Сделка уже перенесена в другой этап — отменить перенос нельзя"))
            won = s.get(Stage, move.to_stage_id)
            if won is not None and won.is_won and s.scalar(
                    select(Order.id).where(Order.deal_id == deal.id,
                                           Order.status != "cancelled").limit(1)):
                raise ConflictError(translate(
                    "Deals", "По сделке уже оформлен заказ — отмените сначала заказ"))
            change = s.get(StageChange, move.change_id)
            if change is not None:
                s.delete(change)
            (deal.stage_id, deal.stage_entered_at, deal.closed_on, deal.amount,
             deal.lost_reason, deal.lost_comment, deal.competitor_id) = (
                move.stage_id, move.stage_entered_at, move.closed_on, move.amount,
                move.lost_reason, move.lost_comment, move.competitor_id)
            uow.commit()

    @staticmethod
    def _competitor_id(s: Session, name: str) -> int:
        name = name.strip()
        found = s.scalar(select(Competitor.id).where(Competitor.name == name))
        if found is not None:
            return int(found)
        comp = Competitor(name=name)
        s.add(comp)
        s.flush()
        return int(comp.id)

    def history(self, deal_id: int, *, now: datetime | None = None) -> list[StageSpan]:
        """The deal's path through the stages with the time spent in each."""
        now = now or datetime.now(UTC)
        to_stage = aliased(Stage)
        with self._uow(read_only=True) as uow:
            rows = uow.session.execute(
                select(StageChange.to_stage_id, to_stage.name, StageChange.changed_at,
                       to_stage.is_won, to_stage.is_lost)
                .join(to_stage, to_stage.id == StageChange.to_stage_id)
                .where(StageChange.deal_id == deal_id)
                .order_by(StageChange.changed_at, StageChange.id)
            ).all()
        spans = []
        for i, (sid, name, at, won, lost) in enumerate(rows):
            left = rows[i + 1][2] if i + 1 < len(rows) else None
            end = left or (at if (won or lost) else now)
            spans.append(StageSpan(stage_id=sid, stage_name=name, entered_at=at, left_at=left,
                                   days=max((end - at).days, 0)))
        return spans

