"""Meeting reports: every kind builds from the demo data; figures match the services."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from sqlalchemy import delete
from sqlalchemy import text as sql_text

from app.domain.money import format_money
from app.services.errors import ValidationError
from app.services.plan import PlanService
from tests.conftest import DEMO_TODAY
from tests.unit._documents_helpers import assert_fonts_embedded, flat, pdf_pages, pdf_text


def _m(value) -> str:  # type: ignore[no-untyped-def]
    return flat(format_money(value, currency=False))


def test_plan_report_figures(demo_services) -> None:  # type: ignore[no-untyped-def]
    pdf = demo_services.documents.report_pdf("plan", "2026-11", today=DEMO_TODAY)
    assert_fonts_embedded(pdf)
    text = flat(pdf_text(pdf))
    progress = PlanService(uow_factory=demo_services.uow_factory).progress(
        "2026-11", today=DEMO_TODAY)
    assert "Выполнение плана продаж" in text and "Ноябрь 2026" in text
    assert _m(progress.plan_to_date) in text and _m(progress.left) in text
    assert "По разрезу: Товарная группа" in text and "Зависшие сделки" in text
    assert "Страница 1 из" in text


def _rubles(kopecks: int) -> str:
    """1234567 kopecks → "12 345,67", written out here rather than through app.domain.money."""
    return f"{kopecks // 100:,}".replace(",", " ") + f",{kopecks % 100:02d}"


def test_pipeline_report_lists_losses(demo_services) -> None:  # type: ignore[no-untyped-def]
    pdf = demo_services.documents.report_pdf("pipeline", "2026", today=DEMO_TODAY)
    text = flat(pdf_text(pdf))
    with demo_services.uow_factory() as uow:  # the raw rows: lost deals closed in 2026
        lost = uow.session.execute(sql_text(
            "SELECT d.lost_reason, d.amount FROM deals d JOIN stages s ON s.id = d.stage_id"
            " WHERE s.is_lost = 1 AND d.closed_on BETWEEN '2026-01-01' AND '2026-12-31'")).all()
    by_reason: dict[str | None, list[int]] = {}
    for reason, kopecks in lost:
        counts = by_reason.setdefault(reason, [0, 0])
        counts[0] += 1
        counts[1] += kopecks
    assert len(by_reason) >= 2, "the demo loses deals for several reasons in 2026"
    assert "Открытые сделки по этапам" in text and "Итого" in text
    assert "Проигранные сделки: 2026 год" in text
    for count, kopecks in by_reason.values():  # each reason's row: deals, sum, share
        share = str((Decimal(count * 100) / len(lost)).quantize(Decimal("0.1"), ROUND_HALF_UP))
        share = share.replace(".", ",")
        assert f"{count} {_rubles(kopecks)} {share} %" in text, (count, kopecks, share)


def test_clients_report_and_meeting_pack(demo_services) -> None:  # type: ignore[no-untyped-def]
    text = flat(pdf_text(demo_services.documents.report_pdf("clients", "2026-Q4",
                                                            today=DEMO_TODAY)))
    assert "ABC-анализ по выручке" in text and "Риск ухода" in text
    pack = demo_services.documents.report_pdf("meeting-pack", "2026-11", today=DEMO_TODAY)
    pages = pdf_pages(pack)
    assert_fonts_embedded(pack)
    joined = flat(" ".join(pages))
    for title in ("План и факт", "Открытые сделки по этапам", "Дебиторская задолженность"):
        assert title in joined
    assert joined.count("Зависшие сделки") == 1
    assert all(f"из {len(pages)}" in p for p in pages)


def test_report_bad_input(services) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        services.documents.report_pdf("plan", "2026-13")
    with pytest.raises(ValidationError):
        services.documents.report_pdf("nonsense", "2026")
    assert services.documents.report_pdf("pipeline", "2026").startswith(b"%PDF")  # empty DB


def test_cli_report(demo_services, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from app.cli import run

    out = tmp_path / "r.pdf"
    db = str(demo_services.db_path)
    assert run(["--db", db, "report", "pipeline", "--period", "2026-Q4", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert run(["--db", db, "report", "plan", "--period", "Q4", "-o", str(out)]) == 1
    assert "период" in capsys.readouterr().err.lower()
    assert run(["--db", db, "report", "trainee", "-o", str(out)]) == 1


@pytest.mark.parametrize(("kind", "title"), [("market", "Рынок и конкуренты"),
                                             ("losses", "Потери и рекламации"),
                                             ("campaigns", "Кампании и каналы")])
def test_cli_market_reports(demo_services, tmp_path, capsys, kind, title) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    from app.cli import run

    out = tmp_path / f"{kind}.pdf"
    db = str(demo_services.db_path)
    assert run(["--db", db, "report", kind, "--period", "2026", "-o", str(out)]) == 0
    first = PdfReader(out).pages[0].extract_text()
    assert title in first and "2026" in first
    assert run(["--db", db, "report", kind, "--period", "2026-Q5", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "квартал" in err


def test_reports_print_hostile_client_names_literally(services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from datetime import date
    from decimal import Decimal

    import reportlab.lib.utils as rl_utils

    from app.models import Client, Deal, Stage

    opened: list[str] = []
    real = rl_utils.open_for_read
    monkeypatch.setattr(rl_utils, "open_for_read",
                        lambda name, *a, **k: opened.append(str(name)) or real(name, *a, **k))
    evil = '<img src="/etc/passwd"/> ООО "Рога & Копыта" <b>'
    with services.uow_factory() as uow:
        uow.session.execute(delete(Stage))  # this test builds its own pipeline
        s = uow.session
        won = Stage(name="Выиграна <b>", position=9, probability=100, is_won=True)
        open_ = Stage(name="Переговоры & <i>", position=1, probability=50)
        client = Client(name=evil, status="active", segment="<font size=40>")
        s.add_all([won, open_, client])
        s.flush()
        s.add_all([Deal(client_id=client.id, stage_id=won.id, title=evil,
                        amount=Decimal("1000.00"), closed_on=date(2026, 11, 10)),
                   Deal(client_id=client.id, stage_id=open_.id, title=evil,
                        amount=Decimal("500.00"))])
        uow.commit()
    for kind in ("plan", "pipeline", "clients", "meeting-pack"):
        pdf = services.documents.report_pdf(kind, "2026-11", today=date(2026, 11, 16))
        text = flat(pdf_text(pdf))
        assert ("Рога & Копыта" in text) or kind == "pipeline", kind
        assert "passwd" not in " ".join(opened)
    text = flat(pdf_text(services.documents.report_pdf("pipeline", "2026-11",
                                                       today=date(2026, 11, 16))))
    assert "Переговоры & <i>" in text


def test_plan_report_speaks_russian_and_shows_no_column_of_zeros(demo_services) -> None:  # type: ignore[no-untyped-def]
    """Found: «Прогноз (run-rate)» in Russian text, and the region and segment sections all
    «0,00 / —» on the demo data, which sets no plan by region or segment."""
    text = flat(pdf_text(demo_services.documents.report_pdf("plan", "2026-11",
                                                            today=DEMO_TODAY)))
    assert "run-rate" not in text and "Прогноз по текущему темпу" in text
    assert "План по разрезу «Регион» не задан — показаны продажи за период" in text
    assert "План по разрезу «Сегмент» не задан" in text
    assert "План по разрезу «Товарная группа» не задан" not in text  # its plan is set
