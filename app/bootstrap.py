"""Wires the database, the unit of work and every area's service together.

The GUI, the CLI and the tests all build their `Services` here; nothing creates an
engine at import time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from app.db import open_database
from app.services.activities import ActivitiesService
from app.services.analytics import AnalyticsService
from app.services.catalog import CatalogService
from app.services.clients import ClientService
from app.services.company import CompanyService
from app.services.deals import DealsService
from app.services.documents import DocumentService
from app.services.mentoring import MentoringService
from app.services.overview import OverviewService
from app.services.plan import PlanService
from app.services.settings import SettingsService
from app.services.uow import UowFactory, make_uow_factory


@dataclass
class Services:
    """Every area's service, handed to the main window and the CLI by keyword."""

    db_path: Path
    engine: Engine
    uow_factory: UowFactory
    settings: SettingsService
    overview: OverviewService
    clients: ClientService
    deals: DealsService
    catalog: CatalogService
    activities: ActivitiesService
    mentoring: MentoringService
    company: CompanyService
    documents: DocumentService
    plan: PlanService
    analytics: AnalyticsService

    def close(self) -> None:
        self.engine.dispose()


def build_services(engine: Engine, db_path: Path) -> Services:
    uow = make_uow_factory(engine)
    return Services(
        db_path=db_path,
        engine=engine,
        uow_factory=uow,
        settings=SettingsService(uow_factory=uow),
        overview=OverviewService(uow_factory=uow),
        clients=ClientService(uow_factory=uow),
        deals=DealsService(uow_factory=uow),
        catalog=CatalogService(uow_factory=uow),
        activities=ActivitiesService(uow_factory=uow),
        mentoring=MentoringService(uow_factory=uow),
        company=CompanyService(uow_factory=uow),
        documents=DocumentService(uow_factory=uow),
        plan=PlanService(uow_factory=uow),
        analytics=AnalyticsService(uow_factory=uow),
    )


def bootstrap(db_path: Path | str, *, create: bool = True, quick_check: bool = True) -> Services:
    """Open (creating or migrating) the database and build the services on it."""
    path = Path(db_path).expanduser().resolve()
    engine = open_database(path, create=create, quick_check=quick_check)
    return build_services(engine, path)
