"""`salesdesk receivables` and `salesdesk statement`: the table, csv and json agree with the
service; a bad date, an unknown client, an unwritable output: one line on stderr, non-zero."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal

import pytest

from app.cli import run
from app.models import Client, Order, Shipment
from app.services.receivables import PaymentDraft
from tests.unit._documents_helpers import flat, pdf_text

D = Decimal


@pytest.fixture
def base(services):  # type: ignore[no-untyped-def]
    """Альфа owes 600 (30 days overdue on 1 December) and 250 not yet due; Бета owes 2 500
    (153 days) and has 15 of credit; Гамма has only credit (40)."""
    with services.uow_factory() as uow:
        s = uow.session
        alpha, beta, gamma = Client(name="Альфа"), Client(name="Бета"), Client(name="Гамма")
        s.add_all([alpha, beta, gamma])
        s.flush()
        s.add_all([
            Order(number="З-1", client_id=alpha.id, ordered_on=date(2026, 10, 1),
                  amount=D("1000.00"), payment_due_on=date(2026, 11, 1), status="shipped"),
            Order(number="З-2", client_id=alpha.id, ordered_on=date(2026, 11, 1),
                  amount=D("250.00"), payment_due_on=date(2026, 12, 15)),
            Order(number="З-3", client_id=beta.id, ordered_on=date(2026, 6, 1),
                  amount=D("2500.00"), payment_due_on=date(2026, 7, 1))])
        s.flush()
        s.add(Shipment(order_id=1, status="delivered", planned_on=date(2026, 10, 5),
                       shipped_on=date(2026, 10, 5), upd_number="12"))
        uow.commit()
        ids = alpha.id, beta.id, gamma.id
    rv = services.receivables
    rv.register_payment(PaymentDraft(client_id=ids[0], order_id=1, amount=D("400.00"),
                                     paid_on=date(2026, 11, 5), reference="77"))
    rv.register_payment(PaymentDraft(client_id=ids[1], amount=D("15.00"),
                                     paid_on=date(2026, 11, 6)))
    rv.register_payment(PaymentDraft(client_id=ids[2], amount=D("40.00"),
                                     paid_on=date(2026, 11, 7)))
    path = str(services.db_path)
    services.close()
    return path


def _one_line_error(capsys) -> str:  # type: ignore[no-untyped-def]
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("salesdesk: ")
    return str(captured.err)


def test_the_table(base, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(["receivables", "--db", base, "--as-of", "2026-12-01"]) == 0
    lines = capsys.readouterr().out.replace("\u00a0", " ").splitlines()
    assert lines[0] == "Дебиторская задолженность на 01.12.2026"
    header = lines[2].split()
    assert header[0] == "Клиент" and header[-2:] == ["Итого", "Аванс"]
    rows = [line.split() for line in lines[4:7]]
    # by total: Бета (over 90), Альфа (250 not due + 600 at 30 days), Гамма (credit only)
    assert rows[0] == ["Бета", "—", "—", "—", "—", "2", "500,00", "2", "500,00", "15,00"]
    assert rows[1] == ["Альфа", "250,00", "600,00", "—", "—", "—", "850,00", "—"]
    assert rows[2] == ["Гамма", "—", "—", "—", "—", "—", "—", "40,00"]
    assert lines[-1].split() == ["Итого", "250,00", "600,00", "—", "—", "2", "500,00", "3",
                                 "350,00", "55,00"]


def test_json_and_csv_agree_with_the_service(base, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(["receivables", "--db", base, "--as-of", "2026-12-01", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["as_of"] == "2026-12-01"
    assert [(r["client"], r["total"], r["d1_30"], r["credit"]) for r in data["rows"]] == [
        ("Бета", "2500.00", "0.00", "15.00"), ("Альфа", "850.00", "600.00", "0.00"),
        ("Гамма", "0.00", "0.00", "40.00")]
    assert data["totals"]["client_id"] == 0 and data["totals"]["total"] == "3350.00"
    assert run(["receivables", "--db", base, "--as-of", "2026-12-01", "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out), delimiter=";"))
    assert rows[0] == ["client_id", "client", "not_due", "d1_30", "d31_60", "d61_90",
                       "over_90", "total", "credit"]
    assert rows[2] == ["1", "Альфа", "250.00", "600.00", "0.00", "0.00", "0.00", "850.00",
                       "0.00"]
    assert len(rows) == 4  # header and three clients, no totals row
    # earlier, before Альфа's payment: all 1 000 of З-1 was owed (not due on 31 October)
    assert run(["receivables", "--db", base, "--as-of", "2026-10-31", "--format", "json"]) == 0
    early = {r["client"]: r for r in json.loads(capsys.readouterr().out)["rows"]}
    assert (early["Альфа"]["not_due"], early["Альфа"]["total"]) == ("1000.00", "1000.00")


def test_an_empty_base_says_so(services, capsys) -> None:  # type: ignore[no-untyped-def]
    path = str(services.db_path)
    services.close()
    assert run(["receivables", "--db", path]) == 0
    assert "Долгов и авансов нет" in capsys.readouterr().out


@pytest.mark.parametrize("bad", ["2026-13-01", "01.12.2026", "вчера", ""])
def test_a_bad_as_of_date_is_one_line_and_exit_2(base, capsys, bad: str) -> None:  # type: ignore[no-untyped-def]
    assert run(["receivables", "--db", base, "--as-of", bad]) == 2
    assert "ГГГГ-ММ-ДД" in _one_line_error(capsys)


def test_the_statement_pdf(base, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "акт.pdf"
    assert run(["statement", "1", "--db", base, "--from", "2026-01-01", "--to", "2026-12-31",
                "-o", str(out)]) == 0
    printed = capsys.readouterr().out.replace("\u00a0", " ").splitlines()
    # shipped 1 000 (З-1, no lines: its amount), paid 400: 600 in our favour
    assert printed == ["Акт сверки: Альфа, 01.01.2026 — 31.12.2026, сальдо конечное 600,00",
                       str(out)]
    text = flat(pdf_text(out.read_bytes()))
    assert "05.10.2026 Отгрузка (УПД № 12) 1 000,00" in text
    assert "05.11.2026 Оплата (п/п № 77) 400,00" in text
    assert "задолженность в пользу" in text and "600,00 руб." in text
    assert not list(tmp_path.glob("*.part"))


@pytest.mark.parametrize(("argv", "exit_code", "words"), [
    (["statement", "404", "--from", "2026-01-01", "--to", "2026-12-31"], 1, "Клиент не найден"),
    (["statement", "abc", "--from", "2026-01-01", "--to", "2026-12-31"], 1, "номер клиента"),
    (["statement", "1", "--from", "2026-02-30", "--to", "2026-12-31"], 2, "ГГГГ-ММ-ДД"),
    (["statement", "1", "--from", "2026-01-01", "--to", "31.12.2026"], 2, "ГГГГ-ММ-ДД"),
    (["statement", "1", "--from", "2026-12-31", "--to", "2026-01-01"], 1, "раньше"),
])
def test_statement_refusals_are_one_line(base, tmp_path, capsys, argv: list[str],  # type: ignore[no-untyped-def]
                                          exit_code: int, words: str) -> None:
    out = tmp_path / "x.pdf"
    assert run([*argv, "--db", base, "-o", str(out)]) == exit_code
    assert words in _one_line_error(capsys)
    assert not out.exists()


def test_an_unwritable_output_is_refused_before_any_work(base, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    args = ["statement", "1", "--db", base, "--from", "2026-01-01", "--to", "2026-12-31"]
    missing = tmp_path / "нет такой папки" / "a.pdf"
    assert run([*args, "-o", str(missing)]) == 1
    assert "папка не существует" in _one_line_error(capsys)
    a_file = tmp_path / "файл.txt"
    a_file.write_text("x")
    assert run([*args, "-o", str(a_file / "a.pdf")]) == 1
    assert "папка не существует" in _one_line_error(capsys)
    assert run([*args, "-o", str(tmp_path)]) == 1
    assert "это папка" in _one_line_error(capsys)
