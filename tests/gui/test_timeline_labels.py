"""Every kind of entry the client's history gives has a label in the card (a shipment showed
its raw code «shipment» once the after-sale came)."""

from __future__ import annotations

from app.services.clients.history import TIMELINE_GROUPS, TIMELINE_KINDS
from app.views.clients.card import _timeline_group, _timeline_kind


def test_every_timeline_kind_and_group_has_a_label() -> None:
    assert _timeline_kind("shipment") == "Отгрузка"
    assert [k for k in TIMELINE_KINDS if _timeline_kind(k) == k] == []
    assert [g for g in TIMELINE_GROUPS if _timeline_group(g) == g] == []
