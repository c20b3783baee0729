"""What a new pipeline starts with: the stages, the lost reasons, a starting objection library.

The stages are seeded into every database when its `stages` table is empty (`seed_stages`,
run by the start-up data step in `app.services.seeds`); the lost reasons are the setting's
value until the user changes it; the objection library is loaded by the demo only (a new
database starts with an empty library).
"""

from __future__ import annotations

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.models import Stage

DEFAULT_STAGES: list[tuple[str, int, int | None, bool, bool]] = [
    # name, probability, stall days, won, lost
    ("Первичный контакт", 10, 7, False, False),
    ("Выявление потребностей", 20, 10, False, False),
    ("Презентация", 35, 10, False, False),
    ("КП отправлено", 50, 7, False, False),
    ("Переговоры", 65, 14, False, False),
    ("Договор", 80, 10, False, False),
    ("Оплата", 90, 7, False, False),
    ("Выиграна", 100, None, True, False),
    ("Проиграна", 0, None, False, True),
]

# Keys of `lost_reason_label`; "competitor" asks for a name, "other" for a comment.
DEFAULT_LOST_REASONS: tuple[str, ...] = (
    "price", "competitor", "no_budget", "no_need", "postponed", "no_answer", "other",
)

OBJECTION_LIBRARY: list[tuple[str, str]] = [
    # objection, answer
    ("Дорого", "Сравните полную стоимость владения: доставка и сервис уже включены в цену."),
    ("Нам надо подумать", "Что именно осталось неясным? Давайте разберём это сейчас."),
    ("Мы уже работаем с другим поставщиком",
     "Предлагаем пробную поставку: сравните качество и сроки без риска."),
    ("Нет бюджета", "Можем разбить поставку на этапы или предложить отсрочку платежа."),
    ("Пришлите предложение на почту", "Конечно. Уточню три вопроса, чтобы КП было точным."),
]


def _stage_rows() -> list[dict[str, object]]:
    return [{"name": name, "position": pos, "probability": prob, "stall_days": stall,
             "is_won": won, "is_lost": lost}
            for pos, (name, prob, stall, won, lost) in enumerate(DEFAULT_STAGES, start=1)]


def seed_stages(session: Session) -> None:
    """Insert the default stages (the caller has checked that there are none)."""
    session.execute(insert(Stage), _stage_rows())


def stages_are_defaults(session: Session) -> bool:
    """True when the stages are exactly the seeded ones (a database nobody has set up yet)."""
    columns = ("name", "position", "probability", "stall_days", "is_won", "is_lost")
    stored = [dict(zip(columns, row, strict=True)) for row in session.execute(
        select(Stage.name, Stage.position, Stage.probability, Stage.stall_days, Stage.is_won,
               Stage.is_lost).order_by(Stage.position))]
    return stored == _stage_rows()
