"""A client list as a manager brings it from elsewhere, for the import benchmark.

    python bench/import_file.py OUT.csv [--rows 10000] [--seed 7] [--encoding cp1251]
                                [--bad 0.005] [--repeats 0.005] [--narrow]

Excel's Russian CSV (cp1251, `;`, CRLF) with Russian headers: company and ИП names, valid
ИНН/КПП/ОГРН (checksums by python-stdnum) and bank accounts (the Bank of Russia key),
addresses and people's names from Faker ru_RU, phones written the ways people write them
(«+7 (916) 123-45-67», «8 916 1234567», «8(495)123-45-67»), e-mails, statuses and tags in
words. A share of rows is bad (a wrong ИНН checksum, an e-mail without a domain, a phone
too short) and a share repeats an earlier row's ИНН, which the import rejects too.
Memory does not grow with --rows: Faker fills small pools once, rows are written as made.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

HEADERS = ["Название", "Полное наименование", "ОПФ", "ИНН", "КПП", "ОГРН",
           "Юридический адрес", "Телефон", "E-mail", "Сайт", "Банк", "БИК", "Корр. счёт",
           "Расчётный счёт", "Отрасль", "Регион", "Сегмент", "Статус", "Источник", "Метки",
           "Примечание", "Контактное лицо", "Должность", "Телефон контакта",
           "E-mail контакта"]
# a narrower list (what a 200,000-row file keeps under the import's 50 MB limit)
NARROW = ["Название", "ИНН", "КПП", "Телефон", "E-mail", "Регион", "Статус", "Метки",
          "Контактное лицо", "Телефон контакта"]
_STATUSES = ["Лид", "Активный", "Активный", "Активный", "Потерян", "Ушёл", ""]
_POSITIONS = ["Директор", "Менеджер по закупкам", "Главный инженер", "Руководитель склада",
              "Бухгалтер", "Коммерческий директор"]
_CODES = ["495", "499", "812", "843", "831", "343", "383", "861", "916", "903", "925", "985",
          "926", "977", "999", "912"]
_DOMAINS = ["mail.ru", "yandex.ru", "gmail.com", "bk.ru", "list.ru", "inbox.ru"]


def _phone(rng: random.Random) -> str:
    code = rng.choice(_CODES)
    a, b, c = rng.randint(100, 999), rng.randint(10, 99), rng.randint(10, 99)
    form = rng.randrange(5)
    if form == 0:
        return f"+7 ({code}) {a}-{b}-{c}"
    if form == 1:
        return f"8 {code} {a}{b}{c}"
    if form == 2:
        return f"8({code}){a}-{b}-{c}"
    if form == 3:
        return f"+7{code}{a}{b}{c}"
    return f"+7 {code} {a}-{b}-{c}"


def _inn_organisation(n: int) -> str:
    from stdnum.ru.inn import calc_company_check_digit

    body = f"77{n % 10**7:07d}"
    return body + calc_company_check_digit(body)


def _inn_person(n: int) -> str:
    from stdnum.ru.inn import calc_personal_check_digits

    body = f"50{n % 10**8:08d}"
    return body + calc_personal_check_digits(body)


def _ogrn(rng: random.Random, length: int) -> str:
    from stdnum.ru.ogrn import calc_check_digit

    while True:  # stdnum rejects the bodies whose remainder has two digits
        body = ("1" if length == 13 else "3") + "".join(
            rng.choice("0123456789") for _ in range(length - 2))
        check = calc_check_digit(body + "0")
        if len(check) == 1:
            return body + check


def rows(count: int, *, seed: int = 7, bad: float = 0.005,
         repeats: float = 0.005) -> Iterator[list[str]]:
    """The header, then `count` rows, made one at a time."""
    from faker import Faker

    from app.services.demo import BANKS, INDUSTRIES, LEGAL_FORMS, REGIONS, SEGMENTS, SOURCES, TAGS
    from app.services.requisites import account_control_digit

    rng = random.Random(seed)
    fake = Faker("ru_RU")
    fake.seed_instance(seed)
    people = [fake.name() for _ in range(3000)]
    addresses = [fake.address().replace("\n", ", ") for _ in range(3000)]
    words = [fake.word().capitalize() for _ in range(600)]
    translit = [fake.user_name().replace("_", "-").strip("-.") for _ in range(2000)]
    yield HEADERS
    inns: list[str] = []
    for i in range(count):
        entrepreneur = rng.random() < 0.12
        if entrepreneur:
            person = rng.choice(people)
            name = full_name = f"ИП {person}"
            form, inn, kpp, ogrn = "ИП", _inn_person(seed * 1_000_003 + i), "", _ogrn(rng, 15)
        else:
            form = rng.choice(LEGAL_FORMS)
            title = rng.choice(words) + rng.choice(words).lower()
            name = f"{form} «{title}»"
            full_name = {"ООО": "Общество с ограниченной ответственностью",
                         "АО": "Акционерное общество",
                         "ПАО": "Публичное акционерное общество"}[form] + f" «{title}»"
            inn = _inn_organisation(seed * 1_000_003 + i)
            kpp = f"{inn[:4]}01001"
            ogrn = _ogrn(rng, 13)
        earlier = rng.choice(inns) if inns and rng.random() < repeats else ""
        if len(earlier) == len(inn):
            inn = earlier  # the same client twice in the file
        elif len(inns) < 5000:
            inns.append(inn)
        else:
            inns[rng.randrange(5000)] = inn
        bank_name, bik = rng.choice(BANKS)
        settlement = account_control_digit(
            bik, "40702810" + "0" + "".join(rng.choice("0123456789") for _ in range(11)),
            correspondent=False)
        corr = account_control_digit(bik, "30101810" + "0" + "00000000" + bik[-3:],
                                     correspondent=True)
        login = rng.choice(translit)
        email = rng.choice([f"info@{login}.ru", f"{login}{i}@{rng.choice(_DOMAINS)}",
                            f"Sales.{login}@{login}-group.ru", ""])
        contact = rng.choice(people) if rng.random() < 0.8 else ""
        row = [name, full_name, form, inn, kpp, ogrn, rng.choice(addresses), _phone(rng),
               email, f"www.{login}.ru" if rng.random() < 0.3 else "", bank_name, bik, corr,
               settlement, rng.choice(INDUSTRIES), rng.choice(REGIONS), rng.choice(SEGMENTS),
               rng.choice(_STATUSES), rng.choice(SOURCES),
               ", ".join(rng.sample(TAGS, rng.choice([0, 0, 1, 2]))),
               rng.choice(["", "", "", "Звонить после 14:00", "Работают по предоплате",
                           "Договор на подписании; ждём оригинал"]),
               contact, rng.choice(_POSITIONS) if contact else "",
               _phone(rng) if contact else "",
               f"{rng.choice(translit)}@{rng.choice(_DOMAINS)}" if contact else ""]
        if rng.random() < bad:
            kind = rng.randrange(3)
            if kind == 0:
                row[3] = inn[:-1] + str((int(inn[-1]) + 1) % 10)  # wrong checksum
            elif kind == 1:
                row[8] = f"{login}@"  # no domain
            else:
                row[7] = "12-34"  # too short for a phone
        yield row


def write_csv(path: Path, count: int, *, seed: int = 7, encoding: str = "cp1251",
              bad: float = 0.005, repeats: float = 0.005, narrow: bool = False) -> Path:
    """Write `count` rows (and the header) to `path` as Excel's Russian CSV does; `narrow`
    keeps only the NARROW columns."""
    keep = [HEADERS.index(h) for h in (NARROW if narrow else HEADERS)]
    with Path(path).open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        for row in rows(count, seed=seed, bad=bad, repeats=repeats):
            writer.writerow([row[i] for i in keep])
    return Path(path)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--encoding", default="cp1251")
    parser.add_argument("--bad", type=float, default=0.005)
    parser.add_argument("--repeats", type=float, default=0.005)
    parser.add_argument("--narrow", action="store_true", help="only the NARROW columns")
    a = parser.parse_args()
    write_csv(a.out, a.rows, seed=a.seed, encoding=a.encoding, bad=a.bad, repeats=a.repeats,
              narrow=a.narrow)
