"""Client import (Excel's cp1251 CSV, UTF-8, XLSX, hostile files) and export (CSV, XLSX)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.bootstrap import Services
from app.cli import run
from app.services.clients import ClientDraft, ClientQuery, ContactDraft
from app.services.clients.exporter import export_phone, neutralise
from app.services.clients.importer import ClientImportService, guess_mapping, read_table
from app.services.errors import ServiceError, ValidationError

EXCEL_CSV = (
    'Наименование;ИНН;КПП;Телефон;Эл. почта;Статус;Контактное лицо;Должность;Примечание\r\n'
    'ООО «Ромашка»;7707083893;773601001;8 (916) 123-45-67;info@romashka.example;Активный;'
    'Семёнов Пётр;Директор;"Склад; офис ""на Ленина"""\r\n'
    '\r\n'
    '"ИП Ёлкин; Пётр";500100732259;;+7 903 111-22-33;;лид;;;"две\r\nстроки"\r\n'
    'ЗАО «Ошибка»;7707083894;;;;;;;\r\n'
)


def importer(services: Services) -> ClientImportService:
    return services.client_import


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_mapping_guessed_from_russian_and_english_headers() -> None:
    m = guess_mapping(["Наименование", "ИНН клиента", "Телефон", "E-mail", "Contact person",
                       "Mobile", "Расчётный счёт", "Корр. счет", "что-то ещё"])
    assert m == {0: "name", 1: "inn", 2: "phone", 3: "email", 4: "contact_name",
                 5: "contact_phone", 6: "settlement_account", 7: "corr_account"}
    assert guess_mapping(["Company", "Tax ID", "Status", "Tags"]) == {
        0: "name", 1: "inn", 2: "status", 3: "tags"}


def test_excel_cp1251_csv_is_read_with_tricky_quoting(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "base.csv", EXCEL_CSV.encode("cp1251")))
    assert table.description.startswith("CSV, cp1251")
    assert table.rows[0][8] == 'Склад; офис "на Ленина"'
    assert table.rows[1][0] == "ИП Ёлкин; Пётр"
    assert table.rows[1][8] == "две\r\nстроки"
    assert table.lines == [2, 4, 6]  # the blank line is skipped, the two-line field counted


def test_strict_import_rejects_everything_and_names_the_line(services: Services,
                                                             tmp_path: Path) -> None:
    path = write(tmp_path, "base.csv", EXCEL_CSV.encode("cp1251"))
    report = importer(services).import_file(path)
    assert (report.imported, report.rejected, report.committed) == (0, 1, False)
    assert report.problems[0].line == 6
    assert "ИНН" in report.problems[0].message
    assert services.clients.count() == 0


def test_skip_invalid_imports_the_valid_rows(services: Services, tmp_path: Path) -> None:
    path = write(tmp_path, "base.csv", EXCEL_CSV.encode("cp1251"))
    report = importer(services).import_file(path, skip_invalid=True)
    assert (report.imported, report.rejected) == (2, 1)
    [romashka] = services.clients.lookup("ромашка")
    card = services.clients.get(romashka.id).draft
    assert card.phone == "+7 916 123-45-67" and card.status == "active"
    assert card.contacts[0].name == "Семёнов Пётр"
    assert card.notes == 'Склад; офис "на Ленина"'
    [ip] = services.clients.lookup("елкин")
    assert services.clients.get(ip.id).draft.kind == "entrepreneur"


def test_duplicates_by_inn_are_skipped_or_update(services: Services, tmp_path: Path) -> None:
    existing = services.clients.create(ClientDraft(name="Ромашка (старое)", inn="7707083893",
                                                   region="Тула"))
    csv_text = "Название,ИНН,Регион,Метки\nООО «Ромашка»,7707083893,,VIP; сеть\n"
    path = write(tmp_path, "dups.csv", b"\xef\xbb\xbf" + csv_text.encode())
    report = importer(services).import_file(path)
    assert (report.imported, report.skipped, report.rejected) == (0, 1, 0)
    assert "7707083893" in report.skipped_rows[0].message
    report = importer(services).import_file(path, update_duplicates=True)
    assert report.updated == 1 and services.clients.count() == 1
    card = services.clients.get(existing.id).draft
    assert (card.name, card.region, card.tags) == ("ООО «Ромашка»", "Тула", ("VIP", "сеть"))


def test_same_inn_twice_in_a_file_is_reported(services: Services, tmp_path: Path) -> None:
    path = write(tmp_path, "twice.csv", "Название;ИНН\nА;7707083893\nБ;7707083893\n".encode())
    report = importer(services).import_file(path)
    assert report.rejected == 1 and report.problems[0].line == 3


def test_not_a_table_and_unknown_formats_are_refused(services: Services,
                                                     tmp_path: Path) -> None:
    with pytest.raises(ServiceError):
        importer(services).import_file(write(tmp_path, "a.pdf", b"%PDF"))
    with pytest.raises(ServiceError):
        importer(services).import_file(write(tmp_path, "a.xlsx", b"not a zip"))
    with pytest.raises(ServiceError):  # no name column
        importer(services).import_file(write(tmp_path, "b.csv", "ИНН\n7707083893\n".encode()))


def test_zip_bomb_is_refused_before_unpacking(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (40 * 1024 * 1024))
    assert path.stat().st_size < 200_000
    with pytest.raises(ServiceError, match="zip"):
        importer(services).import_file(path)


def test_xml_entity_bomb_is_refused(services: Services, tmp_path: Path) -> None:
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
            '<workbook>&lol2;</workbook>')
    path = tmp_path / "entities.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", bomb)
        zf.writestr("xl/workbook.xml", bomb)
    with pytest.raises(ServiceError):
        importer(services).import_file(path)


def test_neutralising_and_phone_format() -> None:
    for risky in ("=1+2", "+7 999", "-5", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(risky) == "'" + risky
    assert neutralise("ООО «Ромашка»") == "ООО «Ромашка»"
    assert export_phone("+7 916 123-45-67") == "8 (916) 123-45-67"
    assert export_phone("+49 30 1234567").startswith("+49")


HOSTILE = ClientDraft(name="=HYPERLINK(\"http://evil\")", inn="7707083893", kpp="773601001",
                      phone="+7 916 123-45-67", email="a@b.example", notes="@SUM(1)",
                      tags=("-минус", "VIP"), status="active", segment="Малые",
                      contacts=(ContactDraft(name="+Плюс Петров", phone="+49 30 1234567",
                                             email="p@b.example"),))
PLAIN = ClientDraft(name="ИП Ёлкин", kind="entrepreneur", inn="500100732259",
                    legal_address="г. Москва;\nул. Ленина, д. 1", region="Москва")


def _comparable(services: Services) -> list[tuple]:
    cards = [services.clients.get(i).draft for i in services.clients.search_ids(ClientQuery())]
    return [(c.name, c.kind, c.inn, c.kpp, c.phone, c.email, c.notes, c.tags, c.status,
             c.segment, c.legal_address, c.region,
             [(p.name, p.phone, p.email) for p in c.contacts]) for c in cards]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_round_trip_export_then_import_into_empty_base(services: Services, tmp_path: Path,
                                                       suffix: str) -> None:
    from app.bootstrap import bootstrap

    services.clients.create(HOSTILE)
    services.clients.create(PLAIN)
    path = tmp_path / f"clients{suffix}"
    assert services.client_export.export(path) == 2
    other = bootstrap(tmp_path / "other.db")
    try:
        report = other.client_import.import_file(path)
        assert (report.imported, report.rejected) == (2, 0), report.problems
        assert _comparable(other) == _comparable(services)
    finally:
        other.close()


def test_csv_export_is_excel_friendly_and_neutralised(services: Services,
                                                      tmp_path: Path) -> None:
    services.clients.create(HOSTILE)
    path = tmp_path / "out.csv"
    services.client_export.export(path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Название;")
    assert ";'=HYPERLINK(\"\"http://evil\"\")" in text or "'=HYPERLINK" in text
    assert ";8 (916) 123-45-67;" in text
    for cell in text.splitlines()[1].split(";"):
        assert not cell.lstrip('"').startswith(("=", "+", "-", "@"))


def test_xlsx_export_has_no_formula_cells(services: Services, tmp_path: Path) -> None:
    import openpyxl

    services.clients.create(HOSTILE)
    path = tmp_path / "out.xlsx"
    services.client_export.export(path)
    ws = openpyxl.load_workbook(path).active
    types = {cell.data_type for row in ws.iter_rows() for cell in row if cell.value is not None}
    assert types == {"s"}
    assert ws["A2"].value == '=HYPERLINK("http://evil")'
    with zipfile.ZipFile(path) as zf:
        assert "<f>" not in zf.read("xl/worksheets/sheet1.xml").decode()


def test_export_follows_the_search(services: Services, tmp_path: Path) -> None:
    services.clients.create(HOSTILE)
    services.clients.create(PLAIN)
    path = tmp_path / "found.csv"
    n = services.client_export.export(
        path, ClientQuery(text="елкин"))
    assert n == 1 and "ИП Ёлкин" in path.read_text(encoding="utf-8-sig")


def test_cli_import_export_and_list(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = str(tmp_path / "cli.db")
    bad = write(tmp_path, "base.csv", EXCEL_CSV.encode("cp1251"))
    assert run(["--db", db, "import", "clients", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "строка 6" in err and "--skip-invalid" in err
    assert run(["--db", db, "import", "clients", str(bad), "--skip-invalid"]) == 1
    assert "Загружено: 2" in capsys.readouterr().out
    assert run(["--db", db, "clients", "--search", "семенов", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "ООО «Ромашка»" in out and "Ёлкин" not in out
    assert run(["--db", db, "export", "clients", str(tmp_path / "x.xlsx"), "--search",
                "елкин"]) == 0
    assert "Выгружено клиентов: 1" in capsys.readouterr().out
    assert run(["--db", db, "export", "clients", str(tmp_path / "x.txt")]) == 1
    assert "CSV или XLSX" in capsys.readouterr().err
    good = write(tmp_path, "good.csv", "Название;ИНН\nБета;7736050003\n".encode())
    assert run(["--db", db, "import", "clients", str(good)]) == 0
    assert run(["--db", db, "import", "clients", str(tmp_path / "missing.csv")]) == 1


def test_rows_like_a_client_by_name_phone_or_email_are_caught(services: Services,
                                                               tmp_path: Path) -> None:
    """Issue 17, finding 10: duplicates were matched by ИНН only; a row with the same name
    (legal form, quotes and case aside), phone or e-mail as a client is skipped and listed,
    updates that client, or is imported anyway, as asked. Two ИНН are two companies."""
    alfa = services.clients.create(ClientDraft(name="ООО «Альфа-Снаб»", inn="7707083893"))
    beta = services.clients.create(ClientDraft(
        name="Бета", contacts=(ContactDraft(name="Иванов", phone="+7 916 123-45-67",
                                            email="ivanov@beta.example"),)))
    csv_text = ("Название;ИНН;Телефон;Эл. почта;Регион\n"
                "альфа-снаб;;;;Тула\n"  # the name without the legal form and quotes
                "ООО «Гамма»;;8 (916) 123-45-67;;Тверь\n"  # Бета's contact's phone
                "ИП Дельта;;;IVANOV@beta.example;\n"  # and e-mail, another case
                "АО «Альфа-Снаб»;7736050003;;;\n"  # the same name, another ИНН
                "ООО «Новая»;;;;\n")
    path = write(tmp_path, "near.csv", csv_text.encode("utf-8"))
    before = services.clients.count()
    report = importer(services).import_file(path)
    assert (report.imported, report.skipped, report.near_duplicates) == (2, 3, 3)
    listed = {p.line: p.message for p in report.skipped_rows}
    assert listed.keys() == {2, 3, 4}
    assert f"№{alfa.id}" in listed[2] and "то же название" in listed[2]
    assert f"№{beta.id}" in listed[3] and "тот же телефон" in listed[3]
    assert f"№{beta.id}" in listed[4] and "тот же e-mail" in listed[4]
    assert services.clients.count() == before + 2  # «Альфа-Снаб» of another ИНН and «Новая»
    # update: the found client takes what the row has
    path2 = write(tmp_path, "near2.csv", "Название;Регион\nАльфа-снаб;Тула\n".encode())
    report = importer(services).import_file(path2, near_duplicates="update")
    assert (report.updated, report.imported) == (1, 0)
    assert services.clients.get(alfa.id).draft.region == "Тула"
    # import anyway: a second client
    report = importer(services).import_file(path2, near_duplicates="import")
    assert report.imported == 1 and report.near_duplicates == 0
    with pytest.raises(ValidationError):
        importer(services).import_file(path2, near_duplicates="maybe")


def test_cli_names_a_bad_choice_for_rows_like_a_client(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture) -> None:
    path = write(tmp_path, "c.csv", "Название\nООО «Одна»\n".encode())
    db = str(tmp_path / "x.db")
    assert run(["--db", db, "import", "clients", str(path), "--near-duplicates", "maybe"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "maybe" in err
    assert run(["--db", db, "import", "clients", str(path)]) == 0
    assert run(["--db", db, "import", "clients", str(path)]) == 0  # skipped: like «Одна»
    out = capsys.readouterr().out
    assert "пропущено: 1" in out and "похож на клиента" in out


# --- rows of one file like each other (issue 17, finding 10) ------------------------------

IN_FILE_CSV = (
    "Название;ИНН;Телефон;Эл. почта;Регион;Контактное лицо;Телефон контакта;E-mail контакта\n"
    "ООО «Вектор»;;;;Тула;;;\n"  # line 2
    "вектор;;;;Тверь;;;\n"  # 3: the name without the legal form and quotes
    'АО "ВЕКТОР";;;;Омск;;;\n'  # 4: the same name a third time
    "Сигма;;+7 (912) 000-00-00;;;;;\n"  # 5
    "ИП Лямбда;;;;;Петров;89120000000;\n"  # 6: line 5's phone, as a contact's, written 8…
    "Омега;;;Info@Omega.example;;;;\n"  # 7
    "Дзета;;;;;Сидоров;;INFO@omega.example\n"  # 8: line 7's e-mail, as a contact's
    "Каппа;;;;;;;\n"  # 9: no phone, no e-mail
    "Тета;;;;;;;\n"  # 10: no phone, no e-mail either — not like line 9
)


def test_rows_of_one_file_like_each_other_are_caught(services: Services,
                                                      tmp_path: Path) -> None:
    """Issue 17, finding 10: within a file only a repeated ИНН was caught; two rows with the
    same name (legal form, quotes and case aside), phone or e-mail became two clients. The
    later rows are now skipped and listed with the earlier line and why."""
    path = write(tmp_path, "in_file.csv", IN_FILE_CSV.encode("utf-8"))
    report = importer(services).import_file(path)
    assert (report.imported, report.updated, report.skipped, report.rejected) == (5, 0, 4, 0)
    assert (report.near_duplicates, report.near_in_file) == (4, 4)
    listed = {p.line: p.message for p in report.skipped_rows}
    assert listed == {
        3: "похож на строку 2 файла (то же название) — пропущен",
        4: "похож на строку 2 файла (то же название) — пропущен",
        6: "похож на строку 5 файла (тот же телефон) — пропущен",
        8: "похож на строку 7 файла (тот же e-mail) — пропущен",
    }
    found = sorted(r.name for r in services.clients.rows(
        services.clients.search_ids(ClientQuery())))
    assert found == sorted(["ООО «Вектор»", "Сигма", "Омега", "Каппа", "Тета"])


def test_rows_of_one_file_like_each_other_update_the_first_or_are_imported_anyway(
        services: Services, tmp_path: Path) -> None:
    path = write(tmp_path, "in_file.csv", IN_FILE_CSV.encode("utf-8"))
    # update: the later rows fill in the client the earlier row became, as a base match does
    report = importer(services).import_file(path, near_duplicates="update")
    assert (report.imported, report.updated, report.skipped) == (5, 4, 0)
    rows = {r.name: r for r in services.clients.rows(services.clients.search_ids(
        ClientQuery()))}
    # one client of the three «Вектор» rows, and so on: non-empty cells of each later row
    # overwrite (the name too), as a row updating a client of the base does
    assert sorted(rows) == sorted(['АО "ВЕКТОР"', "ИП Лямбда", "Дзета", "Каппа", "Тета"])
    assert services.clients.get(rows['АО "ВЕКТОР"'].id).draft.region == "Омск"
    sigma = services.clients.get(rows["ИП Лямбда"].id).draft
    assert sigma.phone == "+7 912 000-00-00"  # line 5's own phone, kept
    assert [c.name for c in sigma.contacts] == ["Петров"]  # line 6's contact joined it
    omega = services.clients.get(rows["Дзета"].id).draft
    assert omega.email == "info@omega.example"  # line 7's own, as validation stores it
    assert [c.name for c in omega.contacts] == ["Сидоров"]


def test_rows_of_one_file_imported_anyway(services: Services, tmp_path: Path) -> None:
    path = write(tmp_path, "in_file.csv", IN_FILE_CSV.encode("utf-8"))
    report = importer(services).import_file(path, near_duplicates="import")
    assert (report.imported, report.skipped, report.near_duplicates) == (9, 0, 0)
    assert services.clients.count() == 9


def test_rows_of_one_file_with_two_inn_are_two_companies(services: Services,
                                                         tmp_path: Path) -> None:
    csv_text = ("Название;ИНН;Телефон\n"
                "ООО «Альфа»;7707083893;\n"  # 2
                "Альфа;7736050003;\n"  # 3: the same name, another ИНН: another company
                "альфа;;\n"  # 4: no ИНН: like line 2
                "Бета;;8 916 123-45-67\n"  # 5
                "Бета-2;7707083893;+7 916 123-45-67\n")  # 6: line 2's ИНН: rejected as before
    path = write(tmp_path, "inn.csv", csv_text.encode("utf-8"))
    report = importer(services).import_file(path, skip_invalid=True)
    assert (report.imported, report.skipped, report.rejected) == (3, 1, 1)
    assert [(p.line, p.message) for p in report.skipped_rows] == [
        (4, "похож на строку 2 файла (то же название) — пропущен")]
    assert [(p.line, p.message) for p in report.problems] == [
        (6, "ИНН: этот ИНН уже был в строке 2")]


def test_a_row_like_the_base_is_named_by_the_client_not_the_earlier_row(
        services: Services, tmp_path: Path) -> None:
    """A row like both a client of the base and an earlier row names the client (the
    earlier row was its duplicate too); a row like a skipped row is skipped with it."""
    alfa = services.clients.create(ClientDraft(name="Альфа", phone="+7 916 555-44-33"))
    csv_text = ("Название;Телефон;Эл. почта\n"
                "ООО «Альфа»;;a@alfa.example\n"  # 2: like the client by name
                "Альфа-М;;a@alfa.example\n"  # 3: like line 2 by e-mail, not like the client
                "ИП Альфа;;\n")  # 4: like the client and line 2
    path = write(tmp_path, "base_and_file.csv", csv_text.encode("utf-8"))
    before = services.clients.count()
    report = importer(services).import_file(path)
    assert (report.imported, report.skipped, report.near_duplicates,
            report.near_in_file) == (0, 3, 3, 1)
    listed = {p.line: p.message for p in report.skipped_rows}
    assert f"№{alfa.id}" in listed[2] and f"№{alfa.id}" in listed[4]
    assert listed[3] == "похож на строку 2 файла (тот же e-mail) — пропущен"
    assert services.clients.count() == before
    # update: line 3 goes to the client line 2 updated — one client, not a new one
    report = importer(services).import_file(path, near_duplicates="update")
    assert (report.imported, report.updated) == (0, 3)
    assert services.clients.count() == before
    assert services.clients.get(alfa.id).draft.email == "a@alfa.example"


def test_cli_lists_rows_like_an_earlier_row(tmp_path: Path,
                                            capsys: pytest.CaptureFixture) -> None:
    path = write(tmp_path, "c.csv", "Название;Телефон\nООО «Одна»;89120000000\n"
                                     "Другая;+7 (912) 000-00-00\n".encode())
    db = str(tmp_path / "x.db")
    assert run(["--db", db, "import", "clients", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Загружено: 1, обновлено: 0, пропущено: 1" in out
    assert "строка 3: похож на строку 2 файла (тот же телефон) — пропущен" in out


def test_update_never_gives_a_client_a_second_inn(services: Services, tmp_path: Path) -> None:
    """A row may fill in the ИНН of the client an earlier row became or updated; a later row
    of another ИНН is then another company, not an update that replaces it."""
    base = services.clients.create(ClientDraft(name="Бета"))
    csv_text = ("Название;ИНН;Регион\n"
                "Альфа;;Тула\n"  # 2: a new client
                "ООО «Альфа»;7707083893;\n"  # 3: like line 2: gives its client the ИНН
                "альфа;7736050003;Омск\n"  # 4: like line 2 by name, but another ИНН
                "ООО «Бета»;500100732259;\n"  # 5: like the client of the base: gives it the ИНН
                "Бета;7702070139;\n")  # 6: like it, another ИНН
    path = write(tmp_path, "inn_given.csv", csv_text.encode("utf-8"))
    before = services.clients.count()
    report = importer(services).import_file(path, near_duplicates="update")
    assert (report.imported, report.updated, report.rejected) == (3, 2, 0)
    assert services.clients.count() == before + 3
    inns = sorted(r.inn for r in services.clients.rows(
        services.clients.search_ids(ClientQuery())))
    assert inns == sorted(["7707083893", "7736050003", "500100732259", "7702070139"])
    assert services.clients.get(base.id).draft.inn == "500100732259"
