"""Wires the database, the unit of work and every area's service together.

The GUI, the CLI and the tests all build their `Services` here; nothing creates an
engine at import time. Each area's service is imported and built the first time it is
used (a cached property), so start-up pays only for what the first tab needs.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from app.db import create_db_engine, optimize, prepare_database
from app.db_lock import DatabaseLock
from app.services.uow import UowFactory, make_uow_factory

if TYPE_CHECKING:
    from app.services.activities import ActivitiesService
    from app.services.backup import BackupService
    from app.services.calendar_ics import CalendarService
    from app.services.catalog import CatalogService
    from app.services.clients import ClientService
    from app.services.clients.exporter import ClientExportService
    from app.services.clients.importer import ClientImportService
    from app.services.company import CompanyService
    from app.services.deals import DealsService
    from app.services.documents import DocumentService
    from app.services.global_search import GlobalSearchService
    from app.services.market import MarketService
    from app.services.mentoring import MentoringService
    from app.services.orders import OrdersService
    from app.services.overview import OverviewService
    from app.services.plan import PlanService
    from app.services.plan.analytics import AnalyticsService
    from app.services.receivables import ReceivablesService
    from app.services.settings import SettingsService
    from app.services.transfer import TransferService
    from app.services.worklist import WorklistService


class Services:
    """Every area's service, handed to the main window and the CLI by keyword.

    This is the one place that builds services: a service that needs another gets it here,
    by keyword, never by constructing it itself (tests/unit/test_layers.py checks).
    """

    def __init__(self, *, db_path: Path, engine: Engine | None = None,
                 lock: DatabaseLock | None = None) -> None:
        self.db_path = db_path
        self.lock = lock  # the writers' lock, when this process holds it (window, commands)
        self.changed = False  # a unit of work committed since start (the exit backup)
        if engine is not None:
            self.engine = engine

    @cached_property
    def engine(self) -> Engine:
        """Built on first use: the window can appear before SQLAlchemy's dialect loads."""
        return create_db_engine(self.db_path)

    @cached_property
    def uow_factory(self) -> UowFactory:
        return make_uow_factory(self.engine, db_path=self.db_path, on_commit=self._committed)

    def _committed(self) -> None:
        self.changed = True

    def disconnect(self) -> None:
        """Close every pooled connection (the engine stays usable: it reconnects on use)."""
        if "engine" in self.__dict__:
            self.engine.dispose()

    def optimize(self, *, opening: bool = False) -> bool:
        """Refresh the planner's statistics (`app.db.optimize`); the window's maintenance."""
        return optimize(self.engine, opening=opening)

    def close(self) -> None:
        """Close the database and give up the writers' lock (if this process holds it)."""
        self.disconnect()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def _reopen_after_swap(self) -> None:
        """A restore swapped the file: follow its identity, migrate and seed it if needed."""
        from app.services.seeds import SEEDS

        self.disconnect()
        if self.lock is not None:
            self.lock.follow_file()
        prepare_database(self.db_path, create=False, quick_check=False, seeds=SEEDS,
                         lock=self.lock)

    @cached_property
    def settings(self) -> SettingsService:
        from app.services.settings import SettingsService

        return SettingsService(uow_factory=self.uow_factory)

    @cached_property
    def overview(self) -> OverviewService:
        from app.services.overview import OverviewService

        return OverviewService(uow_factory=self.uow_factory)

    @cached_property
    def clients(self) -> ClientService:
        from app.services.clients import ClientService

        return ClientService(uow_factory=self.uow_factory, settings=self.settings)

    @cached_property
    def client_import(self) -> ClientImportService:
        from app.services.clients.importer import ClientImportService

        return ClientImportService(uow_factory=self.uow_factory)

    @cached_property
    def client_export(self) -> ClientExportService:
        from app.services.clients.exporter import ClientExportService

        return ClientExportService(uow_factory=self.uow_factory, clients=self.clients)

    @cached_property
    def deals(self) -> DealsService:
        from app.services.deals import DealsService

        return DealsService(uow_factory=self.uow_factory, settings=self.settings)

    @cached_property
    def catalog(self) -> CatalogService:
        from app.services.catalog import CatalogService

        return CatalogService(uow_factory=self.uow_factory)

    @cached_property
    def activities(self) -> ActivitiesService:
        from app.services.activities import ActivitiesService

        return ActivitiesService(uow_factory=self.uow_factory, settings=self.settings)

    @cached_property
    def worklist(self) -> WorklistService:
        from app.services.worklist import WorklistService

        return WorklistService(uow_factory=self.uow_factory, overview=self.overview,
                               deals=self.deals, mentoring=self.mentoring,
                               settings=self.settings, activities=self.activities)

    @cached_property
    def calendar(self) -> CalendarService:
        from app.services.calendar_ics import CalendarService

        return CalendarService(uow_factory=self.uow_factory, activities=self.activities)

    @cached_property
    def mentoring(self) -> MentoringService:
        from app.services.mentoring import MentoringService

        return MentoringService(uow_factory=self.uow_factory)

    @cached_property
    def company(self) -> CompanyService:
        from app.services.company import CompanyService

        return CompanyService(uow_factory=self.uow_factory)

    @cached_property
    def documents(self) -> DocumentService:
        from app.services.documents import DocumentService

        return DocumentService(uow_factory=self.uow_factory, plan=lambda: self.plan,
                               analytics=lambda: self.analytics, deals=lambda: self.deals,
                               clients=lambda: self.clients, mentoring=lambda: self.mentoring,
                               market=lambda: self.market)

    @cached_property
    def plan(self) -> PlanService:
        from app.services.plan import PlanService

        return PlanService(uow_factory=self.uow_factory)

    @cached_property
    def analytics(self) -> AnalyticsService:
        from app.services.plan.analytics import AnalyticsService

        return AnalyticsService(uow_factory=self.uow_factory)

    @cached_property
    def orders(self) -> OrdersService:
        from app.services.orders import OrdersService

        return OrdersService(uow_factory=self.uow_factory, settings=self.settings)

    @cached_property
    def search(self) -> GlobalSearchService:
        from app.services.global_search import GlobalSearchService

        return GlobalSearchService(uow_factory=self.uow_factory)

    @cached_property
    def market(self) -> MarketService:
        from app.services.market import MarketService

        return MarketService(uow_factory=self.uow_factory, settings=self.settings,
                             activities=lambda: self.activities)

    @cached_property
    def receivables(self) -> ReceivablesService:
        from app.services.receivables import ReceivablesService

        return ReceivablesService(uow_factory=self.uow_factory)

    @cached_property
    def transfer(self) -> TransferService:
        from app.services.transfer import TransferService

        return TransferService(uow_factory=self.uow_factory)

    @cached_property
    def backup(self) -> BackupService:
        """Backups of the file itself: needs no engine (restore works on a broken file)."""
        from app.services.backup import BackupService

        return BackupService(db_path=self.db_path, read_setting=self.settings.get,
                             write_setting=self.settings.set, before_swap=self.disconnect,
                             after_swap=self._reopen_after_swap)


def bootstrap(db_path: Path | str, *, create: bool = True, quick_check: bool = True,
              lock: DatabaseLock | None = None, program: str = "salesdesk") -> Services:
    """Open (creating or migrating, then seeding) the database and build the services on it.

    `lock` is the writers' lock the caller holds for the services' lifetime (the window, a
    writing command); without it, a step that must write takes the lock just for that step.
    """
    from app.services.seeds import SEEDS

    path = Path(db_path).expanduser().resolve()
    prepare_database(path, create=create, quick_check=quick_check, seeds=SEEDS, lock=lock,
                     program=program)
    return Services(db_path=path, lock=lock)
