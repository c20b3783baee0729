"""The built-in onboarding checklist, written from duty 9 (train and mentor new staff).

Seeded into a database that has no checklist template at all (`seed_default_template`, run
by the start-up data step in `app.services.seeds`, and by `ensure_default_template`).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.i18n import translate
from app.models import ChecklistItem, ChecklistTemplate

# (section, title, description, due offset in days from the trainee's start)
DEFAULT_TEMPLATE_ITEMS: list[tuple[str, str, str, int]] = [
    ("Знакомство с компанией", "Рабочее место и доступы",
     "Ноутбук, почта, телефония, SalesDesk; кто наставник и как с ним связаться", 0),
    ("Знакомство с компанией", "Экскурсия по офису и складу",
     "Показать отделы, познакомить с логистикой и бухгалтерией", 1),
    ("Знакомство с компанией", "Оргструктура и регламенты",
     "Кто за что отвечает, как согласуются скидки и отгрузки", 2),
    ("Знакомство с компанией", "Цели и мотивация на испытательный срок",
     "План продаж на первые три месяца, система бонусов, критерии успешной адаптации", 3),
    ("Продукт", "Изучить каталог и ценовую политику",
     "Товарные группы, базовые цены, минимальные цены, скидки", 5),
    ("Продукт", "Зачёт по продукту", "Устный зачёт по ключевым позициям каталога", 10),
    ("Стандарты работы с клиентами", "Скрипты звонков и писем",
     "Холодный звонок, повторный контакт, письмо после встречи", 7),
    ("Стандарты работы с клиентами", "Работа в SalesDesk",
     "Карточка клиента, сделки, дела; правило «у каждой сделки есть следующий шаг»", 7),
    ("Эталонная презентация", "Посмотреть эталонную презентацию наставника",
     "Записать структуру и ключевые аргументы", 12),
    ("Эталонная презентация", "Провести презентацию наставнику",
     "Разбор: структура, выявление потребностей, ответы на вопросы", 15),
    ("Работа с возражениями", "Выучить библиотеку возражений",
     "«Дорого», «Подумаем», «Работаем с другими» и ответы на них", 14),
    ("Работа с возражениями", "Ролевая игра: переговоры о цене",
     "Зона уступок: минимальная цена и как торговаться", 20),
    ("Сопровождение на встречах", "Три встречи с клиентами вместе с наставником",
     "Стажёр наблюдает и ведёт записи; разбор после каждой встречи", 30),
    ("Сопровождение на встречах", "Встреча под наблюдением наставника",
     "Стажёр ведёт встречу сам, наставник даёт обратную связь", 40),
    ("Самостоятельная сделка", "Провести сделку от первого контакта до оплаты",
     "С КП, переговорами и отгрузкой", 60),
    ("Самостоятельная сделка", "План развития по итогам оценки",
     "Дополнительное обучение по навыкам с оценкой 3 и ниже: тренинг, книга, разбор звонков",
     65),
    ("Самостоятельная сделка", "Обратная связь стажёра о программе адаптации",
     "Что помогло, что мешало; предложения по улучшению адаптации для следующих новичков", 70),
    ("Самостоятельная сделка", "Итоговая аттестация",
     "Оценка навыков и решение о завершении адаптации", 75),
]


def default_template_name() -> str:
    return translate("Mentoring", "Адаптация менеджера по продажам")


def default_template_description() -> str:
    return translate("Mentoring", "Стандартная программа адаптации")


def seed_default_template(session: Session) -> int:
    """Add the built-in template with its items to a database with no template; its id."""
    template = ChecklistTemplate(name=default_template_name(), is_default=True,
                                 description=default_template_description())
    session.add(template)
    session.flush()
    session.add_all(
        ChecklistItem(template_id=template.id, section=section, position=pos, title=title,
                      description=descr, due_offset_days=offset)
        for pos, (section, title, descr, offset) in enumerate(DEFAULT_TEMPLATE_ITEMS))
    session.flush()
    return template.id


def template_is_default(session: Session) -> bool:
    """True when the only template is the untouched built-in one (nobody has set it up)."""
    templates = list(session.scalars(select(ChecklistTemplate)))
    if len(templates) != 1 or not templates[0].is_default:
        return False
    items = session.execute(
        select(ChecklistItem.section, ChecklistItem.title, ChecklistItem.description,
               ChecklistItem.due_offset_days)
        .where(ChecklistItem.template_id == templates[0].id)
        .order_by(ChecklistItem.position)).all()
    total = session.scalar(select(func.count(ChecklistItem.id)))
    return total == len(items) and [tuple(r) for r in items] == DEFAULT_TEMPLATE_ITEMS
