"""The mailing list (issue 16): only contacts with an e-mail and the consent, the others
counted; the CSV for a mail service; the vCard 3.0 file read back by `vobject` (Cyrillic
names, commas, semicolons, backslashes and long lines); `salesdesk export mailing`."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import vobject

from app.cli import run
from app.services.clients import ClientDraft, ContactDraft
from app.services.errors import ValidationError
from app.services.market.mailing import MailingRow, fold_line, mailing_vcard, vcard_escape


def _base(services) -> dict[str, int]:
    """Опт: Ромашка (3 contacts: two agreed, one without consent), Лютик (one agreed, one
    without an e-mail); Розница: Василёк (one agreed); an archived Опт client (agreed).

    Опт: exported 3, no consent 1, no e-mail 1; all: exported 4."""
    c = services.clients
    romashka = c.create(ClientDraft(name="ООО «Ромашка; Опт, Север»", segment="Опт", contacts=(
        ContactDraft(name="Фокина Полина Павловна", position="Директор, закупки",
                     email="polina@romashka.ru", phone="+7 916 123-45-67",
                     mailing_consent=True, is_primary=True),
        ContactDraft(name="Иван Петрович Сидоров", email="ivan@romashka.ru",
                     mailing_consent=True),
        ContactDraft(name="Без Согласия", email="no@romashka.ru", mailing_consent=False),
    ))).id
    lutik = c.create(ClientDraft(name="ООО «Лютик»", segment="Опт", contacts=(
        ContactDraft(name="Ли Мэй", email="mei@lutik.ru", mailing_consent=True),
        ContactDraft(name="Без Почты", phone="+7 495 000-00-00", mailing_consent=True),
    ))).id
    vasilek = c.create(ClientDraft(name="ИП Василёк", segment="Розница", contacts=(
        ContactDraft(name="Жуков Семён Ильич", email="semen@vasilek.ru",
                     mailing_consent=True),))).id
    old = c.create(ClientDraft(name="ООО «Архив»", segment="Опт", contacts=(
        ContactDraft(name="Старый Контакт", email="old@archive.ru", mailing_consent=True),))).id
    c.set_archived([old], True)
    return {"romashka": romashka, "lutik": lutik, "vasilek": vasilek}


def test_consent_honoured_and_counted(services) -> None:
    _base(services)
    found = services.market.mailing_list(segment="Опт")
    assert [r.email for r in found.rows] == ["mei@lutik.ru", "polina@romashka.ru",
                                             "ivan@romashka.ru"]
    assert (found.exported, found.no_consent, found.no_email, found.duplicates) == (3, 1, 1, 0)
    assert found.left_out == 2
    everyone = services.market.mailing_list()
    assert everyone.exported == 4 and everyone.no_consent == 1 and everyone.no_email == 1
    polina = next(r for r in found.rows if r.email == "polina@romashka.ru")
    assert (polina.last_name, polina.first_name, polina.patronymic) == (
        "Фокина", "Полина", "Павловна")
    assert polina.greeting == "Уважаемая Полина Павловна!"
    assert services.market.mailing_segments() == ["Опт", "Розница"]


def test_filter_ids_and_duplicate_addresses(services) -> None:
    ids = _base(services)
    only = services.market.mailing_list(client_ids=[ids["vasilek"]])
    assert [r.email for r in only.rows] == ["semen@vasilek.ru"]
    assert (only.no_consent, only.no_email) == (0, 0)
    services.clients.create(ClientDraft(name="ООО «Двойник»", segment="Розница", contacts=(
        ContactDraft(name="Жуков С. И.", email="SEMEN@vasilek.ru", mailing_consent=True),)))
    found = services.market.mailing_list(segment="Розница")
    assert (found.exported, found.duplicates) == (1, 1)


def test_unknown_segment_is_refused(services) -> None:
    _base(services)
    with pytest.raises(ValidationError) as exc:
        services.market.mailing_list(segment="Нет такого")
    assert set(exc.value.errors) == {"segment"}


def test_csv_content(services, tmp_path: Path) -> None:
    _base(services)
    path = tmp_path / "list.csv"
    result = services.market.export_mailing(path, segment="Опт")
    assert result.exported == 3
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["E-mail", "Фамилия", "Имя", "Отчество", "ФИО", "Обращение",
                       "Должность", "Компания", "Сегмент", "Телефон"]
    assert len(rows) == 4
    polina = next(r for r in rows if r[0] == "polina@romashka.ru")
    assert polina == ["polina@romashka.ru", "Фокина", "Полина", "Павловна",
                      "Фокина Полина Павловна", "Уважаемая Полина Павловна!",
                      "Директор, закупки", "ООО «Ромашка; Опт, Север»", "Опт",
                      "8 (916) 123-45-67"]  # the client export's form: no formula guard
    mei = next(r for r in rows if r[0] == "mei@lutik.ru")
    assert mei[1:4] == ["", "Ли Мэй", ""]  # no patronymic: the name is not split
    assert "no@romashka.ru" not in raw.decode("utf-8-sig")


def test_vcard_parses_with_vobject(services, tmp_path: Path) -> None:
    _base(services)
    path = tmp_path / "list.vcf"
    services.market.export_mailing(path, segment="Опт")
    raw = path.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    cards = list(vobject.readComponents(raw.decode("utf-8")))
    assert len(cards) == 3
    polina = next(c for c in cards if c.email.value == "polina@romashka.ru")
    assert polina.version.value == "3.0"
    assert polina.fn.value == "Фокина Полина Павловна"
    assert (polina.n.value.family, polina.n.value.given, polina.n.value.additional) == (
        "Фокина", "Полина", "Павловна")
    assert polina.org.value == ["ООО «Ромашка; Опт, Север»"]  # one component, not three
    assert polina.title.value == "Директор, закупки"
    assert polina.tel.value == "+7 916 123-45-67"


def test_vcard_escaping_and_folding() -> None:
    assert vcard_escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    long_name = "Константинопольская-Воскресенская Александра Вячеславовна"
    row = MailingRow(email="alexandra@example.ru", name=long_name,
                     last_name="Константинопольская-Воскресенская", first_name="Александра",
                     patronymic="Вячеславовна", greeting="", position="Руководитель; отдел\n"
                     "закупок, склад \\ логистика " * 3, company="ООО «Длинное, очень; "
                     "длинное название»", segment="Опт", phone="")
    raw = mailing_vcard([row])
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines)  # folded
    raw.decode("utf-8")  # no character cut in two
    card = vobject.readOne(raw.decode("utf-8"))
    assert card.fn.value == long_name
    assert card.title.value == row.position
    assert card.org.value == ["ООО «Длинное, очень; длинное название»"]
    folded = fold_line("X:" + "ж" * 100)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == "X:" + "ж" * 100


def _run(capsys, *args: object) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = run([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_export_mailing(capsys, services, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _base(services)
    services.close()
    target = tmp_path / "opt.vcf"
    code, out, err = _run(capsys, "--db", db_path, "export", "mailing", target,
                          "--segment", "Опт")
    assert (code, err) == (0, "")
    assert "Выгружено контактов: 3" in out
    assert "без согласия на рассылку — 1, без e-mail — 1" in out
    assert len(list(vobject.readComponents(target.read_text(encoding="utf-8")))) == 3
    code, out, err = _run(capsys, "--db", db_path, "export", "mailing", tmp_path / "all.csv")
    assert code == 0 and "Выгружено контактов: 4" in out
    # bad input: one line on stderr, a non-zero exit, no file
    code, out, err = _run(capsys, "--db", db_path, "export", "mailing", tmp_path / "x.csv",
                          "--segment", "Нет такого")
    assert code == 1 and err.count("\n") == 1 and "Нет такого" in err
    assert not (tmp_path / "x.csv").exists()
    code, out, err = _run(capsys, "--db", db_path, "export", "mailing", tmp_path / "x.txt")
    assert code == 2 and err.count("\n") == 1 and ".csv или .vcf" in err
