"""The crash tests' writer (a child process doing a user's service calls) and its harness.

The child (`python -m tests.crash_writer DB`, then `go SEED` on its stdin) opens DB with
`bootstrap`, prints `ready`, then forever picks a realistic action and calls the public
services: clients with contacts and tags created, edited, archived, deleted; deals with
lines created, edited, moved between stages (won, lost, re-opened), deleted; activities
planned and done; a product moved to another group (which re-files every won deal's lines
in the Plan rollups). Orders and payments have no service that writes them, so the writer
does not touch them. Before each call it prints `begin {what the call will leave in the
database}`, after the call returned `done {id}`, each line in one `write` to a pipe: a
`done` line is only ever read for a transaction that has committed.

The parent (`Campaign`) starts one writer per trial on the file the previous trial's writer
left behind (started ahead: it imports the app while the last trial is checked and opens
the file only on `go`), kills it with SIGKILL after a delay drawn from a seeded RNG, and
checks the file (`check_database`): integrity_check ok, foreign_key_check empty, every
deal's amount equals its lines, every rollup and the client search index equal their
recomputation from the raw rows, and the tracked rows (`read_state`) equal the writes
reported done, plus or minus the one call in flight at the kill. With `power_loss=True` the
writer runs under the LD_PRELOAD shim of tests/powerloss/ and each trial is checked on what
a power cut at the kill would have left on the disk (tests/unit/test_power_loss.py: the
model).

Nothing here imports Qt; the app is imported inside functions, so the harness is cheap to
import for the bench (bench/bench_crash.py).
"""

from __future__ import annotations

import json
import os
import random
import selectors
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from app.bootstrap import Services
    from app.services.deals import StageInfo

ROOT = Path(__file__).resolve().parents[1]
SHIM_SOURCE = ROOT / "tests" / "powerloss" / "shim.c"
DB_NAME = "salesdesk.db"
READY_TIMEOUT_S = 120
JOURNALS = ("-wal", "-journal")  # what a power cut can leave beside the file (-shm: never synced)


# --- what is tracked: a few facts per row, read the same way by the writer and the checker ---

class ClientFacts(NamedTuple):
    name: str
    region: str
    segment: str
    notes: str
    archived: int
    contacts: int
    tags: int


class DealFacts(NamedTuple):
    client_id: int
    title: str
    stage_id: int
    amount: int  # kopecks
    closed_on: str | None
    notes: str
    lines: int
    stage_changes: int


class ActivityFacts(NamedTuple):
    deal_id: int | None
    client_id: int | None
    subject: str
    done: int


class ProductFacts(NamedTuple):
    group_name: str
    price: int  # kopecks


FACTS: dict[str, type[NamedTuple]] = {
    "clients": ClientFacts, "deals": DealFacts, "activities": ActivityFacts,
    "products": ProductFacts,
}
STATE_SQL = {
    "clients": "SELECT c.id, c.name, c.region, c.segment, c.notes, c.archived,"
               " (SELECT count(*) FROM contacts k WHERE k.client_id = c.id),"
               " (SELECT count(*) FROM client_tags t WHERE t.client_id = c.id) FROM clients c",
    "deals": "SELECT d.id, d.client_id, d.title, d.stage_id, d.amount, d.closed_on, d.notes,"
             " (SELECT count(*) FROM deal_lines l WHERE l.deal_id = d.id),"
             " (SELECT count(*) FROM stage_changes x WHERE x.deal_id = d.id) FROM deals d",
    "activities": "SELECT id, deal_id, client_id, subject, done FROM activities",
    "products": "SELECT id, group_name, price FROM products",
}

State = dict[str, dict[int, Any]]  # table → id → its facts (a NamedTuple above)


def read_state(conn: Connection) -> State:
    """The tracked facts of every client, deal, activity and product, by table and id."""
    state: State = {}
    for table, sql in STATE_SQL.items():
        kind = FACTS[table]
        state[table] = {row[0]: kind(*row[1:]) for row in conn.exec_driver_sql(sql)}
    return state


@dataclass(frozen=True)
class Write:
    """One service call as the model sees it: `facts` for `table`'s row `id` (None: a new
    row, its id reported by `done`), or the row deleted (`facts` None)."""

    seq: int
    table: str
    id: int | None
    facts: tuple[Any, ...] | None

    def to_json(self) -> str:
        return json.dumps({"seq": self.seq, "table": self.table, "id": self.id,
                           "facts": self.facts}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Write:
        data = json.loads(text)
        facts = None if data["facts"] is None else FACTS[data["table"]](*data["facts"])
        return cls(seq=data["seq"], table=data["table"], id=data["id"], facts=facts)


def apply_write(state: State, table: str, row_id: int, facts: tuple[Any, ...] | None) -> None:
    """The write's effect on `state`, with the schema's cascades on the tracked facts."""
    if facts is not None:
        state[table][row_id] = facts
        return
    del state[table][row_id]
    activities = state["activities"]
    if table == "deals":  # activities.deal_id ON DELETE SET NULL
        for aid, a in list(activities.items()):
            if a[0] == row_id:
                activities[aid] = ActivityFacts(None, *a[1:])
    elif table == "clients":  # activities.client_id ON DELETE CASCADE
        for aid, a in list(activities.items()):
            if a[1] == row_id:
                del activities[aid]


# --- the child: realistic service calls ---------------------------------------------------

REGIONS = ("Москва", "Санкт-Петербург", "Урал", "Сибирь", "Казань", "")
SEGMENTS = ("A", "B", "C", "")
SOURCES = ("Сайт", "Звонок", "Выставка", "Рекомендация", "")
GROUPS = ("Инструмент", "Крепёж", "Электрика", "Расходники")
TAGS = ("VIP", "опт", "розница", "новый", "дилер", "ёлки")
WORDS = ("Альфа", "Вектор", "Гранит", "Дельта", "Ёлка", "Заря", "Импульс", "Кедр", "Луч",
         "Меридиан", "Норд", "Орион", "Прогресс", "Ресурс", "Сигма", "Техно")
PEOPLE = ("Иван Петров", "Анна Смирнова", "Пётр Кузнецов", "Ольга Попова", "Сергей Орлов")
SERVICES = ("Доставка", "Монтаж", "Настройка", "Обучение персонала")
EPOCH = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)


def _kopecks(value: Decimal) -> int:
    return int(value * 100)


class Workload:
    """Picks the next action from what the database holds and makes it through the services.

    `state` mirrors the tracked facts (read at start, then updated with each write);
    `report` gets each `begin`/`done` line. Deals won are closed at their current amount
    and, when edited later, keep their lines (only the notes change): so every deal with
    lines has the amount of its lines, the invariant the checker holds the file to.
    """

    def __init__(self, services: Services, rng: random.Random, state: State,
                 report: Callable[[str], None]) -> None:
        self.svc = services
        self.rng = rng
        self.state = state
        self.report = report
        self.seq = 0
        stages: list[StageInfo] = services.deals.stages()
        self.stages = {s.id: s for s in stages}
        self.open_stages = [s.id for s in stages if s.is_open]
        self.won_stage = next(s.id for s in stages if s.is_won)
        self.lost_stage = next(s.id for s in stages if s.is_lost)

    # the moment of each action: spread over 18 months, in no particular order (as back-dated
    # entries and imports arrive), so the rollups get every month and every ordering
    def _now(self) -> datetime:
        return EPOCH + timedelta(minutes=self.rng.randrange(18 * 30 * 24 * 60))

    def _write(self, table: str, row_id: int | None, facts: tuple[Any, ...] | None,
               call: Callable[[], object]) -> None:
        """Report, make and mirror one write; `call` returns the new row's id if `row_id`
        is None."""
        self.seq += 1
        self.report("begin " + Write(self.seq, table, row_id, facts).to_json())
        returned = call()
        final_id = row_id if row_id is not None else returned
        assert isinstance(final_id, int)
        apply_write(self.state, table, final_id, facts)
        self.report("done " + json.dumps({"seq": self.seq, "id": final_id}))

    def step(self) -> None:
        actions: list[tuple[int, Callable[[], bool]]] = [
            (3, self.create_client), (3, self.edit_client), (1, self.archive_client),
            (1, self.delete_client), (5, self.create_deal), (4, self.edit_deal),
            (6, self.move_deal), (1, self.delete_deal), (3, self.plan_activity),
            (2, self.finish_activity), (1, self.regroup_product),
        ]
        while True:
            action = self.rng.choices([a for _, a in actions], [w for w, _ in actions])[0]
            if action():
                return

    # --- clients ---------------------------------------------------------------------------
    def _contact(self) -> Any:
        from app.services.clients import ContactDraft

        r = self.rng
        return ContactDraft(
            name=r.choice(PEOPLE), position=r.choice(("директор", "закупщик", "")),
            phone=f"+7 9{r.randrange(10, 99)} {r.randrange(100, 999)}-{r.randrange(10, 99)}-"
                  f"{r.randrange(10, 99)}" if r.random() < 0.7 else "",
            email=f"user{r.randrange(1000)}@example.ru" if r.random() < 0.5 else "")

    def create_client(self) -> bool:
        from app.services.clients import ClientDraft

        r = self.rng
        name = f"{r.choice(('ООО', 'АО', 'ИП'))} «{r.choice(WORDS)} {r.randrange(1, 10_000)}»"
        tags = tuple(r.sample(TAGS, r.randrange(3)))
        contacts = tuple(self._contact() for _ in range(r.randrange(4)))
        draft = ClientDraft(name=name, region=r.choice(REGIONS), segment=r.choice(SEGMENTS),
                            notes=r.choice(("", "Платит в срок", "Просит отсрочку")),
                            tags=tags, contacts=contacts)
        facts = ClientFacts(name, draft.region, draft.segment, draft.notes, 0, len(contacts),
                            len(tags))
        self._write("clients", None, facts, lambda: self.svc.clients.create(draft).id)
        return True

    def edit_client(self) -> bool:
        clients = self.state["clients"]
        if not clients:
            return False
        r = self.rng
        client_id = r.choice(sorted(clients))
        draft = self.svc.clients.get(client_id).draft
        contacts = list(draft.contacts)
        if contacts and r.random() < 0.4:
            contacts.pop(r.randrange(len(contacts)))
        if r.random() < 0.5:
            contacts.append(self._contact())
        tags = tuple(r.sample(TAGS, r.randrange(3)))
        new = replace(draft, region=r.choice(REGIONS), segment=r.choice(SEGMENTS),
                      notes=f"Правка {r.randrange(1000)}", tags=tags, contacts=tuple(contacts))
        facts = ClientFacts(new.name, new.region, new.segment, new.notes,
                            clients[client_id][4], len(contacts), len(tags))
        self._write("clients", client_id, facts,
                    lambda: self.svc.clients.update(client_id, new).id)
        return True

    def archive_client(self) -> bool:
        clients = self.state["clients"]
        if not clients:
            return False
        client_id = self.rng.choice(sorted(clients))
        archived = not clients[client_id][4]
        facts = clients[client_id]._replace(archived=int(archived))
        self._write("clients", client_id, facts,
                    lambda: self.svc.clients.set_archived([client_id], archived))
        return True

    def delete_client(self) -> bool:
        with_deals = {d[0] for d in self.state["deals"].values()}
        free = sorted(set(self.state["clients"]) - with_deals)
        if not free:
            return False
        client_id = self.rng.choice(free)
        self._write("clients", client_id, None,
                    lambda: self.svc.clients.delete(client_id))
        return True

    # --- deals -----------------------------------------------------------------------------
    def _lines(self) -> tuple[Any, ...]:
        from app.services.deals import LineInput

        r = self.rng
        lines = []
        products = self.svc.catalog.list_products()
        for _ in range(r.choice((0, 1, 1, 2, 3, 4))):
            quantity = Decimal(r.randrange(1, 20_000)) / 1000
            discount = Decimal(r.randrange(0, 31)) / 2
            if products and r.random() < 0.7:
                p = r.choice(products)
                lines.append(LineInput(name=p.name, quantity=quantity, price=p.price,
                                       discount=discount, product_id=p.id))
            else:
                lines.append(LineInput(name=r.choice(SERVICES), quantity=quantity,
                                       price=Decimal(r.randrange(100, 5_000_000)) / 100,
                                       discount=discount))
        return tuple(lines)

    def create_deal(self) -> bool:
        from app.services.deals import DealInput, deal_amount

        clients = self.state["clients"]
        if not clients:
            return False
        r = self.rng
        client_id = r.choice(sorted(clients))
        lines = self._lines()
        manual = None if lines else Decimal(r.randrange(0, 10_000_000)) / 100
        stage_id = r.choice(self.open_stages)
        data = DealInput(client_id=client_id, title=f"Поставка {r.choice(WORDS)}",
                         stage_id=stage_id, source=r.choice(SOURCES), manual_amount=manual,
                         notes=r.choice(("", "Срочно", "Тендер")), lines=lines)
        facts = DealFacts(client_id, data.title, stage_id,
                          _kopecks(deal_amount(lines, manual)), None, data.notes, len(lines), 1)
        now = self._now()
        self._write("deals", None, facts,
                    lambda: self.svc.deals.save_deal(data, now=now, today=now.date()).deal_id)
        return True

    def edit_deal(self) -> bool:
        from app.services.deals import DealInput, LineInput, deal_amount

        deals = self.state["deals"]
        if not deals:
            return False
        r = self.rng
        deal_id = r.choice(sorted(deals))
        detail = self.svc.deals.detail(deal_id)
        lines = tuple(LineInput(name=ln.name, quantity=ln.quantity, price=ln.price,
                                discount=ln.discount, unit=ln.unit, vat_kind=ln.vat_kind,
                                product_id=ln.product_id,
                                floor_override_reason=ln.floor_override_reason)
                      for ln in detail.lines)
        won = self.stages[detail.stage_id].is_won
        if not won:  # a won deal keeps its agreed amount: only its notes are edited
            lines = self._lines() if r.random() < 0.5 else lines
        manual = None if lines else detail.amount if won else (
            Decimal(r.randrange(0, 10_000_000)) / 100)
        data = DealInput(client_id=detail.client_id, contact_id=detail.contact_id,
                         title=detail.title, source=detail.source,
                         expected_close=detail.expected_close,
                         probability=detail.probability, manual_amount=manual,
                         notes=f"Правка {r.randrange(1000)}", lines=lines)
        amount = detail.amount if won and lines else deal_amount(lines, manual)
        old = deals[deal_id]
        facts = old._replace(amount=_kopecks(amount), notes=data.notes,
                             lines=len(lines))
        now = self._now()
        self._write("deals", deal_id, facts,
                    lambda: self.svc.deals.save_deal(data, deal_id, now=now, today=now.date()))
        return True

    def move_deal(self) -> bool:
        deals = self.state["deals"]
        if not deals:
            return False
        r = self.rng
        deal_id = r.choice(sorted(deals))
        old = deals[deal_id]
        choices = [s for s in [*self.open_stages, self.won_stage, self.won_stage,
                               self.lost_stage] if s != old[2]]
        target = r.choice(choices)
        now = self._now()
        closed: date | None = None
        kwargs: dict[str, Any] = {}
        if target == self.won_stage:
            closed = (now - timedelta(days=r.randrange(1, 40))).date()
            kwargs = {"closed_on": closed, "final_amount": Decimal(old[3]) / 100}
        elif target == self.lost_stage:
            closed = (now - timedelta(days=r.randrange(1, 40))).date()
            kwargs = {"closed_on": closed, "lost_reason": "price"}
        facts = old._replace(stage_id=target,
                             closed_on=closed.isoformat() if closed else None,
                             stage_changes=old[7] + 1)
        self._write("deals", deal_id, facts,
                    lambda: self.svc.deals.move_deal(deal_id, target, expected_from=old[2],
                                                     now=now, **kwargs))
        return True

    def delete_deal(self) -> bool:
        deals = self.state["deals"]
        if len(deals) < 10:
            return False
        deal_id = self.rng.choice(sorted(deals))
        self._write("deals", deal_id, None, lambda: self.svc.deals.delete_deal(deal_id))
        return True

    # --- activities and the catalog --------------------------------------------------------
    def plan_activity(self) -> bool:
        from app.services.activities import ActivityDraft

        deals = self.state["deals"]
        if not deals:
            return False
        r = self.rng
        deal_id = r.choice(sorted(deals))
        subject = f"{r.choice(('Позвонить', 'Встретиться', 'Отправить КП'))} {r.randrange(100)}"
        facts = ActivityFacts(deal_id, deals[deal_id][0], subject, 0)
        due = self._now()
        draft = ActivityDraft(kind=r.choice(("call", "meeting", "email")), subject=subject,
                              deal_id=deal_id, due_at=due)
        self._write("activities", None, facts,
                    lambda: self.svc.activities.create(draft, now=due))
        return True

    def finish_activity(self) -> bool:
        from app.services.activities import Completion, results_for

        pending = sorted(i for i, a in self.state["activities"].items() if not a[3])
        if not pending:
            return False
        activity_id = self.rng.choice(pending)
        facts = self.state["activities"][activity_id]._replace(done=1)
        now = self._now()

        def finish() -> object:
            kind = self.svc.activities.get(activity_id).kind
            return self.svc.activities.complete(activity_id, Completion(
                result=results_for(kind)[0], outcome="Договорились",
                no_next_reason="Ждём ответа"), now=now)

        self._write("activities", activity_id, facts, finish)
        return True

    def add_product(self, n: int) -> None:
        from app.services.catalog import ProductInput

        data = ProductInput(sku=f"SKU-{n:03d}", name=f"Товар {n}",
                            price=Decimal(self.rng.randrange(500, 500_000)) / 100,
                            group_name=self.rng.choice(GROUPS))
        facts = ProductFacts(data.group_name, _kopecks(data.price))
        self._write("products", None, facts, lambda: self.svc.catalog.save(data))

    def regroup_product(self) -> bool:
        from app.services.catalog import ProductInput

        products = self.state["products"]
        if not products:
            return False
        product_id = self.rng.choice(sorted(products))
        row = self.svc.catalog.get(product_id)
        group = self.rng.choice([g for g in GROUPS if g != row.group_name])
        data = ProductInput(sku=row.sku, name=row.name, price=row.price, group_name=group,
                            unit=row.unit, floor_price=row.floor_price,
                            max_discount=row.max_discount, vat_kind=row.vat_kind,
                            stock=row.stock, min_stock=row.min_stock,
                            description=row.description, archived=row.archived)
        facts = ProductFacts(group, _kopecks(row.price))
        self._write("products", product_id, facts,
                    lambda: self.svc.catalog.save(data, product_id))
        return True


def _open_state(services: Services) -> State:
    with services.engine.connect() as conn:
        return read_state(conn)


def make_template(path: Path, *, seed: int = 1, actions: int = 80,
                  wal_frames: int = 900) -> Path:
    """A database to start the trials from, made once in this process (no Qt): a catalog
    and `actions` of the writer's actions, checkpointed into the file; then more actions
    until its WAL holds `wal_frames` frames, so the first trials already cross SQLite's
    automatic checkpoint (at 1000) and a kill or a power cut can land in one. The file and
    its WAL are copied while the writer is idle (a state a crash could leave); the WAL is
    copied first, the file last under a temporary name, so a half-made template is never
    found."""
    import sqlite3

    from app.bootstrap import bootstrap

    if path.exists():
        return path
    build = path.with_name(f"{path.name}.build")
    shutil.rmtree(build, ignore_errors=True)
    build.mkdir()
    db = build / DB_NAME
    services = bootstrap(db)
    try:
        work = Workload(services, random.Random(seed), _open_state(services), lambda _: None)
        for n in range(8):
            work.add_product(n)
        for _ in range(actions):
            work.step()
        conn = sqlite3.connect(db)
        try:
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            page = conn.execute("PRAGMA page_size").fetchone()[0]
        finally:
            conn.close()
        if busy:
            raise RuntimeError(f"{db}: the WAL could not be checkpointed")
        wal = Path(f"{db}-wal")
        while not wal.exists() or wal.stat().st_size < 32 + wal_frames * (24 + page):
            work.step()
        shutil.copyfile(wal, f"{path}-wal")
        shutil.copyfile(db, f"{path}.part")
    finally:
        services.close()
    os.replace(f"{path}.part", path)
    shutil.rmtree(build)
    return path


def run_writer(db: Path, seed: int) -> None:
    """The writer proper (in a process forked by `zygote_main`): runs until it is killed."""
    from app.bootstrap import bootstrap

    def report(line: str) -> None:
        data = (line + "\n").encode()
        assert len(data) < 4096  # one write below PIPE_BUF: a line is whole or absent
        os.write(1, data)

    services = bootstrap(db)
    work = Workload(services, random.Random(seed), _open_state(services), report)
    report("ready")
    while True:
        work.step()


def _die_with_parent() -> None:
    """Linux: SIGKILL this process when its parent (the zygote) dies, however it dies."""
    import contextlib
    import ctypes

    # elsewhere (no prctl) the zygote's own clean-up has to do
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def zygote_main(control_fd: int) -> None:
    """`python -m tests.crash_writer FD`: import the app once, then fork one writer per trial.

    On the control socket (a SOCK_SEQPACKET pair with the harness), JSON messages:
    `{"do": "go", "db": …, "seed": …, "err": …}` forks a writer whose stdout is a new pipe,
    sent back with the reply (SCM_RIGHTS); `{"do": "kill"}` kills it with SIGKILL and
    replies its exit code. The writer is this process's child and is reaped only after the
    kill, so its pid cannot have been reused meanwhile. No database is opened here: each
    writer opens its file itself, after the fork.
    """
    import ctypes  # noqa: F401 (for _die_with_parent, ahead of the forks)
    import socket
    import traceback

    from sqlalchemy.orm import configure_mappers

    import app.services.activities
    import app.services.catalog
    import app.services.clients
    import app.services.deals  # noqa: F401 (imported ahead of the work)
    from app.services.clients import ClientDraft, ContactDraft, validate_draft

    # what every writer would do first, done once: the phone and e-mail libraries load
    # their data on first use, SQLAlchemy configures the mappers on the first query
    validate_draft(ClientDraft(name="x", contacts=(ContactDraft(
        name="y", phone="+7 916 123-45-67", email="a@example.ru"),)))
    configure_mappers()
    control = socket.socket(fileno=control_fd)
    control.send(b"ready")
    writer: int | None = None

    def kill_writer() -> int:
        assert writer is not None
        os.kill(writer, signal.SIGKILL)
        _, status = os.waitpid(writer, 0)
        return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)

    try:
        while message := control.recv(4096):  # empty: the harness closed the socket
            command = json.loads(message)
            if command["do"] == "go":
                assert writer is None
                read_end, write_end = os.pipe()
                writer = os.fork()
                if writer == 0:  # the writer: stdout the pipe, stderr its file, no stdin
                    try:
                        _die_with_parent()
                        control.close()
                        os.close(read_end)
                        os.dup2(write_end, 1)
                        os.close(write_end)
                        os.dup2(os.open(command["err"],
                                        os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 2)
                        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
                        run_writer(Path(command["db"]), command["seed"])
                    except BaseException:
                        traceback.print_exc()
                        sys.stderr.flush()
                    finally:
                        os._exit(1)
                os.close(write_end)
                socket.send_fds(control, [b"forked"], [read_end])
                os.close(read_end)
            elif command["do"] == "kill":
                code = kill_writer()
                writer = None
                control.send(str(code).encode())
    finally:
        if writer is not None:  # the harness went away mid-trial: leave no writer behind
            kill_writer()


# --- the parent: run, kill, check ---------------------------------------------------------

@dataclass
class Trial:
    """What one writer run reported before it was killed."""

    at_startup: bool = False  # the kill was aimed at the writer's start (opening the file)
    done: list[Write] = field(default_factory=list)
    in_flight: Write | None = None
    ready: bool = False
    startup_s: float = 0.0
    sync_calls: int = 0  # power loss only: fsync/fdatasync calls the shim saw on the WAL
    db_syncs: int = 0  # … and on the database file itself (checkpoints)
    error: str | None = None  # the writer failed before the kill (a finding)


@dataclass
class CheckResult:
    problems: list[str]
    lost: int  # writes reported done whose rows are missing or changed
    state: State | None


def _candidates(model: State, in_flight: Write | None, found: State) -> Iterator[State]:
    """The states the file may hold: every reported write, and perhaps the one in flight."""
    yield model
    if in_flight is None:
        return
    after = {t: dict(rows) for t, rows in model.items()}
    row_id = in_flight.id
    if row_id is None:  # a new row: the id is whichever one appeared
        new = set(found[in_flight.table]) - set(model[in_flight.table])
        if len(new) != 1:
            return
        row_id = new.pop()
    if in_flight.facts is None and row_id not in after[in_flight.table]:
        return
    apply_write(after, in_flight.table, row_id, in_flight.facts)
    yield after


def _differences(model: State, found: State, limit: int = 5) -> tuple[list[str], int]:
    problems: list[str] = []
    lost = 0
    for table, rows in model.items():
        got = found[table]
        for row_id, facts in sorted(rows.items()):
            if got.get(row_id) != facts:
                lost += 1
                if len(problems) < limit:
                    problems.append(f"{table} {row_id}: reported {facts}, found {got.get(row_id)}")
        for row_id in sorted(set(got) - set(rows))[:limit]:
            problems.append(f"{table} {row_id}: not reported, found {got[row_id]}")
    return problems, lost


def check_database(path: Path, model: State | None, in_flight: Write | None) -> CheckResult:
    """Open the file as the app does and hold it to every invariant (see the module doc)."""
    from app.db import inspect_file, open_database
    from tests.unit._rollup_check import line_kopecks, rollup_mismatches

    try:
        inspect_file(path)  # read-only: header, application id, quick_check
        engine = open_database(path, backup=False, create=False)
    except Exception as exc:  # any refusal is a finding, reported with its message
        return CheckResult([f"open: {type(exc).__name__}: {exc}"], 0, None)
    problems: list[str] = []
    try:
        with engine.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            if rows != ["ok"]:
                problems.append(f"integrity_check: {rows[:5]}")
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
            if broken:
                problems.append(f"foreign_key_check: {broken[:5]}")
            lines: dict[int, int] = {}
            for deal_id, quantity, price, discount in conn.exec_driver_sql(
                    "SELECT deal_id, quantity, price, discount FROM deal_lines"):
                lines[deal_id] = lines.get(deal_id, 0) + line_kopecks(quantity, price, discount)
            for deal_id, amount in conn.exec_driver_sql("SELECT id, amount FROM deals"):
                if deal_id in lines and lines[deal_id] != amount:
                    problems.append(f"deal {deal_id}: amount {amount}, lines {lines[deal_id]}")
            problems += rollup_mismatches(conn)
            problems += _search_index_mismatches(conn)
            state = read_state(conn)
    finally:
        engine.dispose()
    lost = 0
    if model is not None:
        candidates = list(_candidates(model, in_flight, state))
        if not any(state == c for c in candidates):
            diff, lost = _differences(candidates[-1], state)
            if in_flight is not None and len(candidates) > 1:
                lost = min(lost, _differences(model, state)[1])
            problems.append(f"reported writes vs file (in flight: {in_flight}): {diff}")
    return CheckResult(problems, lost, state)


def _search_index_mismatches(conn: Connection) -> list[str]:
    """fts_clients (migration 0002) has one row per client, its names folded, and passes
    FTS5's own integrity-check (the index matches the stored text)."""
    problems = []
    try:
        conn.exec_driver_sql("INSERT INTO fts_clients(fts_clients) VALUES ('integrity-check')")
    except Exception as exc:
        problems.append(f"fts_clients integrity-check: {exc}")
    indexed: dict[int, str] = {
        row[0]: row[1] for row in conn.exec_driver_sql("SELECT rowid, names FROM fts_clients")}
    clients = conn.exec_driver_sql("SELECT id, name, full_name FROM clients").all()
    if set(indexed) != {c[0] for c in clients}:
        problems.append("fts_clients rows differ from clients")
    for client_id, name, full_name in clients:
        want = f"{name} {full_name}".replace("ё", "е").replace("Ё", "Е")
        if client_id in indexed and indexed[client_id] != want:
            problems.append(f"fts_clients {client_id}: {indexed[client_id]!r}, want {want!r}")
            break
    return problems


def copy_template(template: Path, dest: Path) -> Path:
    """The template (and its WAL) as DB_NAME in the folder `dest`; returns the file."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(f"{template}-wal", dest / f"{DB_NAME}-wal")
    shutil.copyfile(template, dest / DB_NAME)
    return dest / DB_NAME


def _copy_files(src: Path, dest: Path, names: list[str]) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for name in names:
        if (src / name).exists():
            shutil.copyfile(src / name, dest / name)


def build_shim(folder: Path) -> Path:
    """Compile tests/powerloss/shim.c into `folder`; a missing gcc is an error, not a skip."""
    compiler = shutil.which("gcc")
    if compiler is None:
        raise RuntimeError("the power-loss test needs gcc to build its LD_PRELOAD shim "
                           "(tests/powerloss/shim.c): install gcc (apt-get install gcc)")
    out = folder / "shim.so"
    result = subprocess.run([compiler, "-shared", "-fPIC", "-Wall", "-o", str(out),
                             str(SHIM_SOURCE), "-ldl"],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"gcc could not build the shim:\n{result.stderr}")
    return out


@dataclass
class Campaign:
    """Trials on one database file, each a writer started, killed at random and checked.

    `folder` holds `live/` (the file the writers use, carried from trial to trial: each
    writer opens what the last one left, as a restarted app would), `after/` (a copy for the
    check) and, for power loss, the shim and its `shadow/` folder (the "disk").
    """

    folder: Path
    template: Path
    seed: int
    power_loss: bool = False
    # seconds after "ready" (default: up to 0.6 s, 1 s under the shim, whose copies make
    # each commit about twice as slow)
    delay: tuple[float, float] | None = None
    startup_kill_share: float = 0.12  # trials killed while the writer starts (opens the file)
    trials: int = 0
    failures: list[str] = field(default_factory=list)
    lost: int = 0
    commits: int = 0
    startup_kills: int = 0
    mid_call_kills: int = 0
    sync_calls: int = 0
    db_syncs: int = 0

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.kill_after = self.delay or ((0.0, 1.0) if self.power_loss else (0.0, 0.6))
        self.live = self.folder / "live"
        self.live.mkdir(parents=True)
        copy_template(self.template, self.live)
        self._startup_s = 0.2  # the last writer's go → ready time: the range of startup kills
        self._zygote: subprocess.Popen[bytes] | None = None
        self.shim: Path | None = None
        self.shadow = self.folder / "shadow"
        self.log = self.folder / "sync.log"
        if self.power_loss:
            self.shim = build_shim(self.folder)
            self.shadow.mkdir()
            copy_template(self.template, self.shadow)  # the initial durable copy
        first = self.folder / "after"
        copy_template(self.template, first)
        result = check_database(first / DB_NAME, None, None)
        shutil.rmtree(first)
        if result.problems or result.state is None:
            raise RuntimeError(f"the template fails its own check: {result.problems}")
        self.model: State = result.state

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["PYTHONPATH"] = str(ROOT)
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            env[name] = str(self.folder / "xdg" / name.lower())  # lock files land here
        for name in ("LD_PRELOAD", "POWERLOSS_WATCH", "POWERLOSS_SHADOW", "POWERLOSS_LOG"):
            env.pop(name, None)
        if self.shim is not None:
            env["LD_PRELOAD"] = str(self.shim)
            env["POWERLOSS_WATCH"] = str(self.live.resolve())
            env["POWERLOSS_SHADOW"] = str(self.shadow.resolve())
            env["POWERLOSS_LOG"] = str(self.log.resolve())
        return env

    def _start_zygote(self) -> None:
        """The process that imports the app once and forks each trial's writer."""
        import socket

        self._control, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        with open(self.folder / "zygote.err", "wb") as err:
            self._zygote = subprocess.Popen(
                [sys.executable, "-m", "tests.crash_writer", str(theirs.fileno())],
                cwd=self.folder, env=self._env(), stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=err, pass_fds=[theirs.fileno()])
        theirs.close()
        self._receive()  # "ready": it has imported the app

    def _receive(self) -> tuple[bytes, list[int]]:
        """The zygote's next message (and the file descriptors it carries); a zygote that
        died or hangs is an error, not a wait."""
        import select
        import socket

        if not select.select([self._control], [], [], READY_TIMEOUT_S)[0]:
            raise RuntimeError(f"the writers' zygote did not answer in {READY_TIMEOUT_S} s")
        message, fds, _, _ = socket.recv_fds(self._control, 4096, 1)
        if not message:
            raise RuntimeError("the writers' zygote died:\n"
                               + (self.folder / "zygote.err").read_text(errors="replace"))
        return message, fds

    def close(self) -> None:
        """End the zygote (it returns when the control socket closes)."""
        if self._zygote is not None:
            self._control.close()
            try:
                self._zygote.wait(timeout=READY_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self._zygote.kill()  # its writer dies with it (PR_SET_PDEATHSIG)
                self._zygote.wait()
            self._zygote = None

    def __enter__(self) -> Campaign:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run_trial(self) -> Trial:
        """Fork a writer, kill it at a random moment, return what it had reported."""
        at_startup = self.rng.random() < self.startup_kill_share
        delay = (self.rng.uniform(0, self._startup_s) if at_startup
                 else self.rng.uniform(*self.kill_after))
        seed = self.rng.randrange(1 << 30)
        self.log.unlink(missing_ok=True)
        if self._zygote is None:
            self._start_zygote()
        err_path = self.folder / "writer.err"
        started = time.monotonic()
        self._control.send(json.dumps({"do": "go", "db": str(self.live / DB_NAME),
                                       "seed": seed, "err": str(err_path)}).encode())
        _, fds = self._receive()
        out = b""
        ready_at: float | None = None
        with open(fds[0], "rb", buffering=0) as pipe, selectors.DefaultSelector() as sel:
            sel.register(pipe, selectors.EVENT_READ)
            # before "ready" a generous limit (a writer that hangs is a finding, not a wait)
            deadline = started + (delay if at_startup else READY_TIMEOUT_S)
            while (left := deadline - time.monotonic()) > 0:
                if not sel.select(left):
                    continue
                chunk = pipe.read(65536)
                if not chunk:
                    break  # the writer ended by itself: a failure, found below
                out += chunk
                if ready_at is None and b"ready\n" in out:
                    ready_at = time.monotonic()
                    if not at_startup:
                        deadline = ready_at + delay
            self._control.send(b'{"do": "kill"}')
            code = int(self._receive()[0])
            out += pipe.read()  # whatever the writer wrote before it died (then EOF)
        trial = Trial(at_startup=at_startup)
        if ready_at is not None:
            trial.startup_s = self._startup_s = ready_at - started
        if code != -signal.SIGKILL or (ready_at is None and not at_startup):
            detail = err_path.read_text(errors="replace")[-3000:]
            trial.error = (f"the writer ended by itself (exit {code}) before the kill"
                           if code != -signal.SIGKILL else
                           f"the writer was not ready after {READY_TIMEOUT_S} s") + f":\n{detail}"
        for line in out.decode().splitlines(keepends=True):
            if not line.endswith("\n"):
                continue  # cannot happen (one write per line), but never trust half a line
            tag, _, rest = line.strip().partition(" ")
            if tag == "ready":
                trial.ready = True
            elif tag == "begin":
                trial.in_flight = Write.from_json(rest)
            elif tag == "done":
                data = json.loads(rest)
                assert trial.in_flight is not None and trial.in_flight.seq == data["seq"]
                trial.done.append(replace(trial.in_flight, id=data["id"]))
                trial.in_flight = None
        if self.shim is not None and self.log.exists():
            db = str((self.live / DB_NAME).resolve())
            for entry in self.log.read_text().splitlines():
                call, _size, path = entry.split(" ", 2)
                if call in ("fsync", "fdatasync"):
                    trial.sync_calls += path == f"{db}-wal"
                    trial.db_syncs += path == db
        return trial

    def _files_after_kill(self) -> Path:
        """A copy of what the killed writer left: the live files, or after a power cut, the
        shim's shadow copies (each file as of its last sync; never synced: absent), which
        then also become the live files (the machine restarts on what the disk kept)."""
        after = self.folder / "after"
        shutil.rmtree(after, ignore_errors=True)
        names = [DB_NAME] + [DB_NAME + j for j in JOURNALS]
        _copy_files(self.shadow if self.power_loss else self.live, after, names)
        if self.power_loss:
            for name in [*names, DB_NAME + "-shm"]:
                (self.live / name).unlink(missing_ok=True)
            _copy_files(after, self.live, names)
        return after

    def trial(self) -> Trial:
        """One trial: run, kill, check; findings go to `failures` (with the trial number)."""
        trial = self.run_trial()
        self.trials += 1
        self.commits += len(trial.done)
        self.startup_kills += not trial.ready
        self.mid_call_kills += trial.in_flight is not None
        self.sync_calls += trial.sync_calls
        self.db_syncs += trial.db_syncs
        where = f"trial {self.trials} (campaign seed {self.seed}, {len(trial.done)} commits)"
        if trial.error:
            self.failures.append(f"{where}: {trial.error}")
        expected = {t: dict(rows) for t, rows in self.model.items()}
        for write in trial.done:
            assert write.id is not None
            apply_write(expected, write.table, write.id, write.facts)
        if self.power_loss and trial.sync_calls < len(trial.done):
            self.failures.append(
                f"{where}: only {trial.sync_calls} syncs of the WAL: not synchronous=FULL, "
                f"or the shim did not see SQLite's calls")
        after = self._files_after_kill()
        result = check_database(after / DB_NAME, expected, trial.in_flight)
        shutil.rmtree(after)
        self.lost += result.lost
        if result.problems:
            self.failures.append(f"{where}: {result.problems}")
        if result.state is not None:
            self.model = result.state  # the next writer starts from what the file holds
        return trial

    def summary(self) -> str:
        text = (f"trials {self.trials}, failures {len(self.failures)}, lost commits "
                f"{self.lost}, commits reported {self.commits}, killed while starting "
                f"{self.startup_kills}, inside a service call {self.mid_call_kills}")
        if self.power_loss:
            text += (f", syncs seen by the shim: WAL {self.sync_calls}, database file "
                     f"{self.db_syncs} (checkpoints)")
        return text


if __name__ == "__main__":
    zygote_main(int(sys.argv[1]))
