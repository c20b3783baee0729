"""`salesdesk today [--date DATE]`: the worklist in 80 columns; a bad date is one line, exit 2."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from app.cli import run
from app.models import Activity, Client, Contact
from tests.unit._moscow import moscow  # noqa: F401  (the zone of every test here)


@pytest.fixture
def base(services):  # type: ignore[no-untyped-def]
    """A client with a call overdue, two today (10:00 and 14:30 Moscow), a contact's birthday
    and no contact for ages (a service call due)."""
    with services.uow_factory() as uow:
        s = uow.session
        c = Client(name="ООО «Очень длинное название клиента для проверки ширины строки»",
                   status="active", phone="+7 495 123-45-67")
        s.add(c)
        s.flush()
        s.add_all([
            Activity(kind="call", subject="Перезвонить по КП", client_id=c.id,
                     due_at=datetime(2026, 11, 30, 7, 0, tzinfo=UTC)),
            Activity(kind="meeting", subject="Встреча в офисе", client_id=c.id,
                     due_at=datetime(2026, 12, 2, 11, 30, tzinfo=UTC)),
            Activity(kind="call", subject="Утренний звонок", client_id=c.id,
                     due_at=datetime(2026, 12, 2, 7, 0, tzinfo=UTC)),
            Contact(client_id=c.id, name="Мария Иванова", birthday=date(1990, 12, 4)),
        ])
        uow.commit()
    path = str(services.db_path)
    services.close()
    return path


def test_today_prints_the_sections_in_80_columns(base, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(["today", "--db", base, "--date", "2026-12-02"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Дела на 2 декабря 2026 г."
    assert all(len(line) <= 80 for line in lines), [x for x in lines if len(x) > 80]
    headings = [x for x in lines if x and not x.startswith(" ")][1:]
    assert headings == ["Просрочено (1)", "Сегодня (2)", "Дни рождения (1)",
                        "Пора позвонить (1)"]
    today = lines[lines.index("Сегодня (2)") + 1:lines.index("Дни рождения (1)")]
    rows = [x.strip() for x in today if x.startswith("  ") and not x.startswith("   ")]
    assert rows[0].startswith("10:00       Звонок: Утренний звонок")  # 07:00 UTC is 10:00
    assert rows[1].startswith("14:30       Встреча: Встреча в офисе")
    assert rows[0].endswith("+7 495 123-45-67")
    assert any(x.strip().startswith("30.11 10:00 Звонок: Перезвонить по КП") for x in lines)
    assert any(x.strip().startswith("04.12       Мария Иванова") for x in lines)
    assert any(x.endswith("…") for x in lines)  # the long client name is cut, not wrapped


def test_a_capped_section_says_how_many_more(base, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(["today", "--db", base, "--date", "2026-12-02", "--limit", "1"]) == 0
    assert "  … и ещё 1" in capsys.readouterr().out.splitlines()


def test_another_day_shows_its_own_list(base, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(["today", "--db", base, "--date", "2026-12-03"]) == 0
    out = capsys.readouterr().out
    assert "Просрочено (3)" in out and "Сегодня (0)" in out


@pytest.mark.parametrize("bad", ["2026-13-01", "02.12.2026", "завтра", ""])
def test_a_bad_date_is_one_line_and_exit_2(base, capsys, bad: str) -> None:  # type: ignore[no-untyped-def]
    assert run(["today", "--db", base, "--date", bad]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "ГГГГ-ММ-ДД" in captured.err


def test_a_limit_below_one_is_refused(base, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(["today", "--db", base, "--limit", "0"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_today_defaults_to_the_local_date(base, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(["today", "--db", base]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    from app.domain.dates import long_date

    assert first == f"Дела на {long_date(date.today())}"
