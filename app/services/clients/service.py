"""ClientService: the one object the Клиенты tab, the pickers and the documents are given.

Each feature lives in its own module as a mixin over the same unit of work: `search`
(the list and the pickers), `card`, `duplicates`, `history`. Search goes through the
`fts_clients` FTS5 index (migration 0002) so that Cyrillic case, е/ё and phone formatting
do not matter.
"""

from __future__ import annotations

from app.services.clients.card import ClientCards
from app.services.clients.duplicates import ClientDuplicates
from app.services.clients.history import ClientHistory
from app.services.clients.search import ClientSearch
from app.services.settings import SettingsService
from app.services.uow import UowFactory


class ClientService(ClientSearch, ClientCards, ClientDuplicates, ClientHistory):
    """Clients: the base, its search, the card, duplicates, merge, archive and delete."""

    def __init__(self, *, uow_factory: UowFactory, settings: SettingsService) -> None:
        self._uow = uow_factory
        self._settings = settings
