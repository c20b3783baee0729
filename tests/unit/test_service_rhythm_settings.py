"""The service-call rhythm settings (days per segment, for the others, the follow-up call) and
a client's own rhythm: read, validated, stored in one go, and what the Today section makes
of them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from app.models import Activity, Client
from app.services.activities import RhythmSettings, SegmentRhythm
from app.services.clients import ClientDraft
from app.services.errors import ValidationError
from tests.unit._moscow import moscow  # noqa: F401


def _clients(services, *rows: tuple[str, str, str]) -> list[int]:  # type: ignore[no-untyped-def]
    with services.uow_factory() as uow:
        objs = [Client(name=n, segment=seg, status=st) for n, seg, st in rows]
        uow.session.add_all(objs)
        uow.flush()
        ids = [c.id for c in objs]
        uow.commit()
    return ids


def test_the_defaults_with_the_clients_segments(services) -> None:  # type: ignore[no-untyped-def]
    _clients(services, ("А", "Малые", "active"), ("Б", "Малые", "active"),
             ("В", "Крупные", "lead"), ("Г", "", "active"))
    got = services.activities.rhythm_settings()
    # the settings' «Ключевые» (no client yet) and the clients' segments, by name;
    # only active clients are counted, the empty segment is none
    assert got == RhythmSettings(
        segments=(SegmentRhythm("Ключевые", 14, 0), SegmentRhythm("Крупные", None, 0),
                  SegmentRhythm("Малые", None, 2)),
        default_days=60, follow_up_days=14)


def test_saving_stores_every_value_and_the_section_follows(services) -> None:  # type: ignore[no-untyped-def]
    today = date(2026, 12, 2)
    small, big = _clients(services, ("Малый", "Малые", "active"), ("Крупный", "Крупные", "active"))
    at = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)  # ten days before today
    with services.uow_factory() as uow:
        uow.session.add_all([Activity(kind="call", subject="x", client_id=c, due_at=at,
                                      done=True, done_at=at) for c in (small, big)])
        uow.commit()
    assert services.worklist.service_due(today)[1] == 0
    saved = services.activities.save_rhythm_settings(RhythmSettings(
        segments=(SegmentRhythm("  Крупные ", 10), SegmentRhythm("Малые", None),
                  SegmentRhythm("Ключевые", None)),
        default_days=30, follow_up_days=21))
    assert services.settings.get("service_rhythm_days") == {"Крупные": 10}
    assert services.settings.get("service_rhythm_default_days") == 30
    assert services.activities.follow_up_days() == 21
    assert saved.segments == (SegmentRhythm("Крупные", 10, 1), SegmentRhythm("Малые", None, 1))
    items, total = services.worklist.service_due(today)
    assert [i.title for i in items] == ["Крупный"] and total == 1
    services.activities.save_rhythm_settings(replace_default(saved, 10))
    assert services.worklist.service_due(today)[1] == 2


def replace_default(value: RhythmSettings, days: int) -> RhythmSettings:
    return RhythmSettings(value.segments, days, value.follow_up_days)


@pytest.mark.parametrize(("settings", "errors"), [
    (RhythmSettings((SegmentRhythm("A", 0),), 60, 14),
     {"segments.0.days": "От 1 до 365 дней"}),
    (RhythmSettings((SegmentRhythm("A", 366),), 60, 14),
     {"segments.0.days": "От 1 до 365 дней"}),
    (RhythmSettings((SegmentRhythm("A", 5), SegmentRhythm(" ", 5)), 0, 400),
     {"segments.1.segment": "Укажите сегмент", "default_days": "От 1 до 365 дней",
      "follow_up_days": "От 1 до 365 дней"}),
    (RhythmSettings((SegmentRhythm("VIP", 5), SegmentRhythm("vip", 7)), 60, 14),
     {"segments.1.segment": "Сегмент «vip» уже есть в списке"}),
    (RhythmSettings((SegmentRhythm("Я" * 101, 5),), 60, 14),
     {"segments.0.segment": "Не длиннее 100 знаков"}),
    (RhythmSettings((), True, 14), {"default_days": "От 1 до 365 дней"}),  # type: ignore[arg-type]
    (RhythmSettings((), 60, 1.5), {"follow_up_days": "От 1 до 365 дней"}),  # type: ignore[arg-type]
])
def test_bad_values_are_refused_and_nothing_is_stored(services, settings, errors) -> None:  # type: ignore[no-untyped-def]
    services.settings.set("service_rhythm_days", {"Ключевые": 7})
    with pytest.raises(ValidationError) as caught:
        services.activities.save_rhythm_settings(settings)
    assert caught.value.errors == errors
    assert services.settings.get("service_rhythm_days") == {"Ключевые": 7}
    assert services.settings.get("service_rhythm_default_days") == 60
    assert services.settings.get("follow_up_days") == 14


def test_a_stored_value_out_of_range_reads_as_the_default(services) -> None:  # type: ignore[no-untyped-def]
    services.settings.set("service_rhythm_default_days", 0)
    services.settings.set("follow_up_days", "много")
    services.settings.set("service_rhythm_days", {"Ключевые": -3, "VIP": 9})
    got = services.activities.rhythm_settings()
    assert (got.default_days, got.follow_up_days) == (60, 14)
    assert got.segments == (SegmentRhythm("VIP", 9), SegmentRhythm("Ключевые", None))


def test_a_clients_own_rhythm_is_stored_and_checked(services) -> None:  # type: ignore[no-untyped-def]
    card = services.clients.create(ClientDraft(name="ООО «Сервис»", status="active",
                                               service_every_days=21))
    assert services.clients.get(card.id).draft.service_every_days == 21
    for bad in (0, 366, -1):
        with pytest.raises(ValidationError) as caught:
            services.clients.update(card.id, ClientDraft(name="ООО «Сервис»",
                                                         service_every_days=bad))
        assert caught.value.errors == {"service_every_days": "От 1 до 365 дней"}
    assert services.clients.get(card.id).draft.service_every_days == 21
    cleared = services.clients.update(card.id, ClientDraft(name="ООО «Сервис»",
                                                           status="active"))
    assert cleared.draft.service_every_days is None
    # the section reads the client's own rhythm: contacted 5 days ago, due at 5
    today = date(2026, 12, 2)
    at = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
    with services.uow_factory() as uow:
        uow.session.add(Activity(kind="call", subject="x", client_id=card.id, due_at=at,
                                 done=True, done_at=at))
        uow.commit()
    assert services.worklist.service_due(today)[1] == 0
    services.clients.update(card.id, ClientDraft(name="ООО «Сервис»", status="active",
                                                 service_every_days=5))
    assert services.worklist.service_due(today)[1] == 1
    services.clients.update(card.id, ClientDraft(name="ООО «Сервис»", status="active",
                                                 service_every_days=6))
    assert services.worklist.service_due(today + timedelta(days=0))[1] == 0
