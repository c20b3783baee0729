"""Every multi-row action is one transaction: an exception injected at each of its steps
leaves the database exactly as it was (a dump of every table compared before and after).

Steps are the session's statements and flushes (merge, import) and the file operations of a
restore; the injection walks N = 1, 2, … until the action gets through without reaching N,
so every step is tried, whatever their number. Also: automatic backups at start and at exit,
and a restore of each kind of backup gives back the same `export all`.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

import app.backups
from app.bootstrap import Services
from app.db import inspect_file
from app.models import Client, Contact


class Injected(Exception):
    """The failure planted at one step."""


def _dump(path: Path) -> str:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


@contextmanager
def _fail_at(step: int, targets: list[tuple[object, str]]) -> Iterator[list[int]]:
    """Make the step-th call of any of `targets` (object, attribute) raise Injected."""
    calls = [0]
    originals = [(owner, name, getattr(owner, name)) for owner, name in targets]

    def wrap(original: Callable[..., object]) -> Callable[..., object]:
        def counted(*args: object, **kwargs: object) -> object:
            calls[0] += 1
            if calls[0] == step:
                raise Injected(f"step {step}")
            return original(*args, **kwargs)
        return counted

    for owner, name, original in originals:
        setattr(owner, name, wrap(original))
    try:
        yield calls
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)


def _every_step(services: Services, action: Callable[[], object],
                targets: list[tuple[object, str]], *, limit: int = 400) -> int:
    """Inject at steps 1, 2, …; after each failure the database is unchanged. → steps tried."""
    before = _dump(services.db_path)
    for step in range(1, limit):
        with _fail_at(step, targets) as calls:
            try:
                action()
            except Injected:
                services.disconnect()
                assert _dump(services.db_path) == before, f"half-done at step {step}"
                continue
        assert calls[0] < step  # got through: every step has been tried
        return step - 1
    pytest.fail(f"more than {limit} steps")


SESSION_STEPS: list[tuple[object, str]] = [(Session, "execute"), (Session, "flush"),
                                           (Session, "scalars"), (Session, "get")]


def test_merging_clients_is_all_or_nothing(services: Services) -> None:
    with services.uow_factory() as uow:
        a, b = Client(name="ООО «Альфа»"), Client(name="Альфа ООО", inn="7707083893")
        uow.session.add_all([a, b])
        uow.session.flush()
        uow.session.add_all([Contact(client_id=b.id, name="Иванов Иван", is_primary=True),
                             Contact(client_id=a.id, name="Петров Пётр", is_primary=True)])
        uow.commit()
        ids = a.id, b.id
    steps = _every_step(services, lambda: services.clients.merge(*ids), SESSION_STEPS)
    assert steps >= 5
    with services.uow_factory(read_only=True) as uow:  # the real merge went through at the end
        assert uow.session.query(Client).count() == 1


def test_client_import_is_all_or_nothing(services: Services, tmp_path: Path) -> None:
    source = tmp_path / "clients.csv"
    source.write_text("Название;ИНН;Телефон\n" + "".join(
        f"ООО «Клиент {i}»;;+7 495 000-00-{i:02d}\n" for i in range(30)), encoding="utf-8")
    steps = _every_step(services, lambda: services.client_import.import_file(source),
                        SESSION_STEPS)
    assert steps >= 3
    with services.uow_factory(read_only=True) as uow:
        assert uow.session.query(Client).count() == 30


def _add_client(services: Services, name: str) -> None:
    with services.uow_factory() as uow:
        uow.session.add(Client(name=name))
        uow.commit()


RESTORE_STEPS: list[tuple[object, str]] = [
    (app.backups, "_stage_copy"), (app.backups, "make_backup"), (app.backups, "move_aside"),
    (app.backups, "_checkpoint_and_close"), (app.backups.os, "replace"),
    (app.backups, "_fsync_dir"), (app.backups, "_fsync_file"), (app.backups, "_write_sidecar"),
]


def test_restore_is_all_or_nothing_at_every_file_step(services: Services) -> None:
    _add_client(services, "Из копии")
    backup = services.backup.create("manual")
    _add_client(services, "Текущий")
    services.disconnect()
    before = _dump(services.db_path)
    tried = 0
    for step in range(1, 60):
        with _fail_at(step, RESTORE_STEPS) as calls:
            try:
                services.backup.restore(backup.path)
            except Injected:
                tried += 1
                services.disconnect()
                now = _dump(services.db_path)
                # either untouched, or already the restored copy (the swap itself is atomic)
                assert now in (before, _dump(backup.path)), f"half-done at step {step}"
                inspect_file(services.db_path, quick_check=True)
                if now != before:  # the failure came after the swap: put the current one back
                    services.backup.restore(services.backup.list()[0].path)
                    before = _dump(services.db_path)
                continue
        assert calls[0] < step
        break
    assert tried >= 4
    assert [c for c in _names(services)] == ["Из копии"]


def _names(services: Services) -> list[str]:
    with services.uow_factory(read_only=True) as uow:
        return [c.name for c in uow.session.query(Client).order_by(Client.id)]


# --- automatic backups --------------------------------------------------------------------------
def test_automatic_backup_at_start_at_most_once_per_interval(services: Services) -> None:
    assert services.backup.auto_backup_due()
    made = services.backup.backup_if_due()
    assert made is not None and made.kind == "auto"
    assert services.backup.backup_if_due() is None  # within 24 h: not again
    later = datetime.now(UTC) + timedelta(hours=25)
    assert services.backup.auto_backup_due(now=later)


def test_a_commit_marks_the_services_changed_for_the_exit_backup(services: Services) -> None:
    services.settings.get("stall_in_working_days")  # a read changes nothing
    assert not services.changed
    _add_client(services, "Новый")
    assert services.changed


@pytest.mark.parametrize("kind", ["manual", "auto", "exit", "before-migration", "before-restore"])
def test_restore_of_each_kind_gives_the_same_export(demo_services: Services, tmp_path: Path,
                                                    kind: str) -> None:
    demo_services.transfer.export_all(tmp_path / "before.json")
    made = demo_services.backup.create(kind)
    _add_client(demo_services, "После копии")
    demo_services.backup.restore(made.path)
    demo_services.transfer.export_all(tmp_path / "after.json")
    before = (tmp_path / "before.json").read_text(encoding="utf-8")
    after = (tmp_path / "after.json").read_text(encoding="utf-8")
    strip = lambda text: "\n".join(  # noqa: E731 - the export's own time stamp differs
        line for line in text.splitlines() if '"exported_at"' not in line)
    assert strip(after) == strip(before)


def test_json_import_all_is_all_or_nothing(services: Services, tmp_path: Path) -> None:
    from app.bootstrap import bootstrap
    from app.services.demo import DemoSizes, generate_demo

    source = bootstrap(tmp_path / "source.db")
    generate_demo(source.uow_factory, DemoSizes(clients=6, deals=6), seed=5)
    export = tmp_path / "all.json"
    source.transfer.export_all(export)
    source.close()
    steps = _every_step(services, lambda: services.transfer.import_all(export), SESSION_STEPS,
                        limit=2000)
    assert steps >= 3
    with services.uow_factory(read_only=True) as uow:
        assert uow.session.query(Client).count() == 6  # the source's clients, all of them
