"""Benchmark of the client list on a generated 100,000-client database.

    python bench/bench_clients.py [--clients 100000] [--db PATH] [--rebuild] [--no-gui]

Measures what one keystroke of search costs (the id query plus the first visible page of
rows, and in the GUI the tab's reload with the model reset and a repaint), opening the tab,
sorting by a computed column, and the export of the whole base. Target: < 50 ms a keystroke.
The database is generated once (names from word lists, 1–3 contacts, tags, activities and
orders) and reused from the temp folder unless --rebuild.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.bootstrap import Services, bootstrap
from app.services.clients import ClientQuery

FORMS = ["ООО", "ООО", "ООО", "АО", "ПАО", "ИП"]
ROOTS = ["Ромашк", "Север", "Техно", "Агро", "Строй", "Логист", "Фарм", "Торг", "Снаб",
         "Волга", "Урал", "Сибир", "Балт", "Мега", "Альф", "Бета", "Гамм", "Дельт", "Вектор",
         "Прогресс", "Импульс", "Элемент", "Квант", "Гранит", "Кедр", "Берёз", "Ёлк", "Сокол",
         "Орион", "Меридиан"]
SUFFIXES = ["а", "ия", "ком", "сервис", "пром", "трейд", "маш", "опт", "холдинг", "групп",
            "центр", "плюс", "лайн", "экс", "снаб"]
TAILS = ["", "", "", " М", " Регион", " Столица", " Плюс", " Дистрибуция", " Поволжье"]
SURNAMES = ["Иванов", "Петров", "Семёнов", "Смирнов", "Кузнецов", "Попов", "Васильев",
            "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев",
            "Лебедев", "Егоров", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров",
            "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев"]
FIRST = ["Алексей", "Анна", "Мария", "Сергей", "Пётр", "Ольга", "Елена", "Дмитрий", "Иван",
         "Наталья", "Артём", "Юлия", "Фёдор", "Ксения"]
REGIONS = ["Москва", "Московская область", "Санкт-Петербург", "Нижегородская область",
           "Свердловская область", "Республика Татарстан", "Краснодарский край",
           "Новосибирская область"]
INDUSTRIES = ["Розничная торговля", "Оптовая торговля", "Логистика", "Производство",
              "Строительство", "Фармацевтика", "Пищевая промышленность", "Электронная коммерция"]
SEGMENTS = ["Ключевые", "Крупные", "Средние", "Малые"]
TAGS = ["VIP", "тендеры", "сезонный", "постоплата", "сеть", "новый", "экспорт", "самовывоз"]


def _inn10(rng: random.Random) -> str:
    digits = [rng.randint(0, 9) for _ in range(9)]
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    digits.append(sum(d * w for d, w in zip(digits, weights, strict=True)) % 11 % 10)
    return "".join(map(str, digits))


def _phone(rng: random.Random) -> str:
    code = rng.choice(["495", "499", "812", "916", "903", "985", "926"])
    n = rng.randint(0, 9_999_999)
    return f"+7 ({code}) {n // 10000:03d}-{n // 100 % 100:02d}-{n % 100:02d}"


def generate(services: Services, clients: int, seed: int = 5) -> None:
    rng = random.Random(seed)
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    today = date.today()
    triggers = _fts_triggers()
    with services.engine.begin() as conn:
        raw = conn.connection.driver_connection
        cur = raw.cursor()
        for name in triggers:  # bulk load: index once at the end, not per contact row
            cur.execute(f"DROP TRIGGER {name}")
        client_rows, contact_rows, tag_rows, act_rows, order_rows = [], [], [], [], []
        for cid in range(1, clients + 1):
            form = rng.choice(FORMS)
            if form == "ИП":
                name = f"ИП {rng.choice(SURNAMES)} {rng.choice(FIRST)}"
                kind = "entrepreneur"
            else:
                name = (f"{form} «{rng.choice(ROOTS)}{rng.choice(SUFFIXES)}"
                        f"{rng.choice(TAILS)}»")
                kind = "organization"
            created = now - timedelta(days=rng.randint(0, 1500))
            client_rows.append((
                cid, kind, name, name, form, _inn10(rng), "", "", "", "", _phone(rng),
                f"info{cid}@client{cid % 977}.example", "", "", "", "", "",
                rng.choice(INDUSTRIES), rng.choice(REGIONS), rng.choice(SEGMENTS),
                rng.choice(["lead", "active", "active", "active", "lost", "churned"]),
                "", rng.choice(["Сайт", "Выставка", "Рекомендация"]), None, "Орлова М. С.",
                "", 0, created, created))
            for k in range(rng.choice([1, 1, 2, 3])):
                contact_rows.append((cid, f"{rng.choice(SURNAMES)} {rng.choice(FIRST)}",
                                     rng.choice(["Директор", "Закупщик", "Бухгалтер"]),
                                     _phone(rng), "", f"c{cid}_{k}@client{cid % 977}.example",
                                     "", None, 1 if k == 0 else 0, ""))
            for tag in rng.sample(TAGS, rng.choice([0, 0, 1, 2])):
                tag_rows.append((cid, tag))
            for _ in range(rng.choice([0, 1, 2, 3])):
                due = now - timedelta(days=rng.randint(-30, 400), hours=rng.randint(0, 8))
                done = due < now
                act_rows.append(("call", "Звонок", cid, due, 1 if done else 0,
                                 due if done else None, "", "", "", "", now))
            if rng.random() < 0.3:
                for _ in range(rng.randint(1, 4)):
                    day = today - timedelta(days=rng.randint(0, 700))
                    order_rows.append((f"Б-{len(order_rows) + 1:07d}", cid, day,
                                       rng.randint(10_000, 5_000_000) * 100, "delivered",
                                       None, "", "", "", now))
        cur.executemany(
            "INSERT INTO clients (id, kind, name, full_name, legal_form, inn, kpp, ogrn, "
            "legal_address, postal_address, phone, email, website, bank_name, bik, "
            "corr_account, settlement_account, industry, region, segment, status, loyalty_tier, "
            "lead_source, campaign_id, responsible, notes, archived, created_at, updated_at) "
            "VALUES (" + ",".join("?" * 29) + ")", client_rows)
        cur.executemany(
            "INSERT INTO contacts (client_id, name, position, phone, phone2, email, messenger, "
            "birthday, is_primary, notes) VALUES (?,?,?,?,?,?,?,?,?,?)", contact_rows)
        cur.executemany("INSERT INTO client_tags (client_id, tag) VALUES (?, ?)", tag_rows)
        cur.executemany(
            "INSERT INTO activities (kind, subject, client_id, due_at, done, done_at, place, "
            "outcome, next_step, notes, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", act_rows)
        cur.executemany(
            "INSERT INTO orders (number, client_id, ordered_on, amount, status, payment_due_on, "
            "delivery_address, invoice_number, notes, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            order_rows)
        for name, (when, body) in triggers.items():
            cur.execute(f"CREATE TRIGGER {name} {when} BEGIN {body} END")
        cur.execute("DELETE FROM fts_clients")
        cur.execute(_fts_backfill())
    # No planner statistics and no FTS segment merge here: a user's database gets neither (the app
    # runs neither), so the figures below are what a grown database really does.


def _migration() -> Any:
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "app/migrations/versions/0002_client_search.py"
    spec = importlib.util.spec_from_file_location("client_search_migration", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fts_triggers() -> dict[str, tuple[str, str]]:
    return _migration().TRIGGERS


def _fts_backfill() -> str:
    return _migration()._row_select("c.id").replace("WHERE c.id = c.id;", ";")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def timed(fn, repeat: int = 5) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


# what a user types, keystroke by keystroke (a single character does not search yet)
TYPED = ["ро", "ром", "рома", "ромаш", "ромашк",                 # a name
         "ив", "ива", "иван", "иванов",                         # a contact person
         "се", "сем", "семе", "семен", "семено", "семенов",     # ё typed as е
         "91", "916", "9161", "91612", "916123",                # phone digits
         "77", "770", "7707",                                   # an ИНН
         "info12", "info123@",                                  # an e-mail
         "ооо ром", "ооо ромашка", "сибирь плюс"]               # two words


def bench_service(services: Services) -> list[float]:
    clients = services.clients
    print(f"clients in the base: {clients.count():n}")
    t = time.perf_counter()
    clients.filter_options()
    total = clients.count()
    ids = clients.search_ids(ClientQuery())
    clients.rows(ids[:100])
    print(f"open the tab (filters, count, {total:n} ids, first page): "
          f"{ms(time.perf_counter() - t)}")
    per_key: list[float] = []
    print("\nper keystroke — search_ids + first page of 100 rows (median of 5):")
    for typed in TYPED:
        found: list[int] = []

        def one(text: str = typed, found: list[int] = found) -> None:
            found[:] = clients.search_ids(ClientQuery(text=text))
            clients.rows(found[:100])

        median = statistics.median(timed(one))
        per_key.append(median)
        print(f"  {typed!r:14} {len(found):7n} found  {ms(median)}")
    print(f"  → median {ms(statistics.median(per_key))}, worst {ms(max(per_key))}, "
          f"{sum(k < 0.05 for k in per_key)}/{len(per_key)} under 50 ms")
    for sort in ("revenue_year", "last_contact", "next_activity", "tags"):
        t = statistics.median(timed(lambda s=sort: clients.search_ids(ClientQuery(sort=s)), 3))
        print(f"sort all by {sort:14}: {ms(t)}")
    t = statistics.median(timed(lambda: clients.search_ids(ClientQuery(no_contact_days=90)), 3))
    print(f"filter 'no contact for 90 days': {ms(t)}")
    t = statistics.median(timed(lambda: clients.search_ids(
        ClientQuery(text="ром", status="active", segment="Малые")), 5))
    print(f"search + two filters:            {ms(t)}")
    return per_key


def bench_gui(services: Services) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.gui import apply_style, ensure_app
    from app.views.clients.tab import ClientsTab

    app = ensure_app()
    apply_style(app)
    t = time.perf_counter()
    tab = ClientsTab(services=services)
    tab.resize(1400, 800)
    tab.show()
    app.processEvents()
    print(f"\nGUI: build the tab and show {tab.model.rowCount():n} rows: "
          f"{ms(time.perf_counter() - t)}")
    per_key = []
    for typed in TYPED:
        tab.search_edit.blockSignals(True)
        tab.search_edit.setText(typed)
        tab.search_edit.blockSignals(False)
        t = time.perf_counter()
        tab.reload()
        tab.view.viewport().repaint()
        per_key.append(time.perf_counter() - t)
    print(f"GUI per keystroke (reload + model reset + repaint): median "
          f"{ms(statistics.median(per_key))}, worst {ms(max(per_key))}")
    tab.search_edit.setText("")
    tab.reload()
    t = time.perf_counter()
    bar = tab.view.verticalScrollBar()
    for step in range(0, bar.maximum(), max(bar.maximum() // 50, 1)):
        bar.setValue(step)
        tab.view.viewport().repaint()
    print(f"GUI scroll through the whole list in 50 jumps: {ms(time.perf_counter() - t)} "
          f"({ms((time.perf_counter() - t) / 50)} a jump)")


def bench_export(services: Services, folder: Path) -> None:

    exporter = services.client_export
    for suffix in (".csv", ".xlsx"):
        t = time.perf_counter()
        n = exporter.export(folder / f"bench-clients{suffix}")
        print(f"export {n:n} clients to {suffix}: {time.perf_counter() - t:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--no-gui", action="store_true")
    parser.add_argument("--export", action="store_true", help="also time the export")
    args = parser.parse_args()
    path = args.db or Path(tempfile.gettempdir()) / f"salesdesk-bench-clients-{args.clients}.db"
    if args.rebuild and path.exists():
        for p in path.parent.glob(path.name + "*"):
            p.unlink()
    fresh = not path.exists()
    services = bootstrap(path)
    try:
        if fresh:
            t = time.perf_counter()
            generate(services, args.clients)
            print(f"generated {args.clients:n} clients in {time.perf_counter() - t:.1f} s "
                  f"→ {path}")
        bench_service(services)
        if not args.no_gui:
            bench_gui(services)
        if args.export:
            bench_export(services, path.parent)
    finally:
        services.close()


if __name__ == "__main__":
    main()
