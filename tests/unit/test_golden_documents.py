"""Golden images of the documents: each one rendered from a fixed database to PNG pages and
compared with the references in tests/data/golden (`<case>-p<N>.png`).

The database is the demo generator's with a fixed seed, sizes and day (`build_database`);
every document gets that day (`TODAY`) wherever it takes a date. A page is rendered with
PDFium (pypdfium2) at `DPI`, in grayscale, at most `MAX_PAGES` of a document. A pixel
differs when its gray level is more than `LEVEL` off the reference's; a page fails when more
than `TOLERANCE` of its pixels do (or its size differs), a document when its page count
differs from the one recorded in tests/data/golden/pages.json. A failure writes
`actual.png`, `expected.png` and `diff.png` (the differing pixels in red over the faded
reference) per page under the test's tmp_path and names them in its message.

References are regenerated with `python tools/update_golden.py` (docs/TESTING.md), which
renders through this module's `render_case`: one home for the rendering. A new document is
one line in `CASES`: a name and a function of the `Golden` subjects returning PDF bytes.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pypdfium2
import pytest
from PIL import Image, ImageChops
from sqlalchemy import func, select

from app.bootstrap import Services, bootstrap
from app.models import Deal, DealLine, Order, OrderLine, Stage
from app.services.demo import DemoSizes, generate_demo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session
    from sqlalchemy.sql import Select

    from app.services.documents import DocumentService

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden"
PAGE_COUNTS = GOLDEN / "pages.json"  # {case: the document's whole page count}
TODAY = date(2026, 11, 16)  # the database's and every document's day (a Monday)
SEED = 7
SIZES = DemoSizes(clients=20, deals=40)
DPI = 50
MAX_PAGES = 3
LEVEL = 40  # of 255: a smaller gray difference is anti-aliasing, not a change
TOLERANCE = 0.005  # the share of a page's pixels that may differ
REGENERATE = "python tools/update_golden.py"


@dataclass(frozen=True)
class Golden:
    """Services over a private copy of the fixed database, and what its documents are of."""

    services: Services
    deal_id: int  # an open deal with the most lines: the КП
    order_id: int  # the order with the most lines: the invoice
    client_id: int  # the client with the most orders: the statement and the hand-over
    trainee_id: int

    @property
    def docs(self) -> DocumentService:
        return self.services.documents


Case = Callable[[Golden], bytes]

CASES: dict[str, Case] = {
    "offer-classic": lambda g: g.docs.offer_pdf(
        g.docs.issue_offer(g.deal_id, template="classic", on=TODAY).id),
    "offer-modern": lambda g: g.docs.offer_pdf(
        g.docs.issue_offer(g.deal_id, template="modern", on=TODAY).id),
    "invoice": lambda g: g.docs.invoice_pdf(g.docs.issue_invoice(order_id=g.order_id, on=TODAY)),
    "statement": lambda g: g.docs.statement_pdf(g.client_id, date(2025, 1, 1), TODAY),
    "trainee-report": lambda g: g.docs.trainee_report_pdf(g.trainee_id, today=TODAY),
    "client-handover": lambda g: g.docs.client_handover_pdf(g.client_id, today=TODAY),
    "report-plan": lambda g: g.docs.report_pdf("plan", "2026-11", today=TODAY),
    "report-pipeline": lambda g: g.docs.report_pdf("pipeline", "2026", today=TODAY),
    "report-clients": lambda g: g.docs.report_pdf("clients", "2026-Q4", today=TODAY),
    "report-meeting-pack": lambda g: g.docs.report_pdf("meeting-pack", "2026-11", today=TODAY),
    "protocol": lambda g: g.docs.deal_document_pdf(g.docs.issue_protocol(
        g.deal_id, on=TODAY, place="офис клиента").id),
    "specification": lambda g: g.docs.deal_document_pdf(g.docs.issue_specification(
        order_id=g.order_id, on=TODAY).id),
}


def build_database(path: Path) -> None:
    """The fixed database at `path` (a new file): the demo data of SEED, SIZES and TODAY."""
    services = bootstrap(path)
    try:
        generate_demo(services.uow_factory, SIZES, seed=SEED, today=TODAY)
    finally:
        services.close()


def _first(session: Session, query: Select[int]) -> int:
    value = session.scalar(query.limit(1))
    assert value is not None, "the fixed database lacks a document's subject"
    return int(value)


@contextmanager
def opened(database: Path, workdir: Path) -> Iterator[Golden]:
    """A private copy of the fixed database in `workdir` (a case may issue documents)."""
    path = workdir / "golden.db"
    shutil.copyfile(database, path)
    services = bootstrap(path)
    try:
        with services.uow_factory(read_only=True) as uow:
            s = uow.session
            lines = func.count(DealLine.id)
            deal_id = _first(s, select(Deal.id).join(DealLine, DealLine.deal_id == Deal.id)
                             .join(Stage, Stage.id == Deal.stage_id)
                             .where(Stage.is_won.is_(False), Stage.is_lost.is_(False))
                             .group_by(Deal.id).order_by(lines.desc(), Deal.id))
            order_id = _first(s, select(OrderLine.order_id).group_by(OrderLine.order_id)
                              .order_by(func.count(OrderLine.id).desc(), OrderLine.order_id))
            client_id = _first(s, select(Order.client_id).group_by(Order.client_id)
                               .order_by(func.count(Order.id).desc(), Order.client_id))
        trainee_id = services.mentoring.trainees(TODAY)[0].id
        yield Golden(services, deal_id=deal_id, order_id=order_id, client_id=client_id,
                     trainee_id=trainee_id)
    finally:
        services.close()


def rasterise(pdf: bytes) -> tuple[int, list[Image.Image]]:
    """The document's page count and its first MAX_PAGES pages, grayscale, at DPI."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        pages = []
        for index in range(min(len(document), MAX_PAGES)):
            page = document[index]
            try:
                bitmap = page.render(scale=DPI / 72, grayscale=True)
                pages.append(bitmap.to_pil().convert("L"))
            finally:
                page.close()
        return len(document), pages
    finally:
        document.close()


def render_case(case: str, database: Path, workdir: Path) -> tuple[int, list[Image.Image]]:
    """What the test compares and the tool writes: the case's page count and page images."""
    with opened(database, workdir) as golden:
        pdf = CASES[case](golden)
    return rasterise(pdf)


def golden_path(case: str, page: int) -> Path:
    """The reference of the case's page `page` (1-based)."""
    return GOLDEN / f"{case}-p{page}.png"


def golden_pages(case: str) -> list[Path]:
    """The case's references, in page order."""
    found = {}
    for path in GOLDEN.glob(f"{case}-p*.png"):
        name, _, page = path.stem.rpartition("-p")
        if name == case and page.isdigit():
            found[int(page)] = path
    return [found[n] for n in sorted(found)]


def page_counts() -> dict[str, int]:
    """The recorded page count of each case (all its pages, not only the compared)."""
    if not PAGE_COUNTS.exists():
        return {}
    counts: dict[str, int] = json.loads(PAGE_COUNTS.read_text(encoding="utf-8"))
    return counts


def differing(actual: Image.Image, expected: Image.Image) -> Image.Image:
    """A mask (mode "1"): white where the gray levels differ by more than LEVEL."""
    return ImageChops.difference(actual, expected).point(lambda v: 255 if v > LEVEL else 0,
                                                         mode="1")


def share_differing(actual: Image.Image, expected: Image.Image) -> float:
    """The share of pixels that differ (1.0 for pages of different sizes)."""
    if actual.size != expected.size:
        return 1.0
    mask = differing(actual, expected)
    return sum(mask.convert("L").histogram()[1:]) / (actual.width * actual.height)


def diff_image(actual: Image.Image, expected: Image.Image) -> Image.Image:
    """The reference faded, with the differing pixels in red (on the larger of the sizes)."""
    size = (max(actual.width, expected.width), max(actual.height, expected.height))
    a, e = (Image.new("L", size, 255) for _ in range(2))
    a.paste(actual)
    e.paste(expected)
    faded = Image.blend(e, Image.new("L", size, 255), 0.7).convert("RGB")
    return Image.composite(Image.new("RGB", size, (255, 0, 0)), faded, differing(a, e))


@pytest.fixture(scope="module")
def golden_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("golden") / "fixed.db"
    build_database(path)
    return path


@pytest.mark.parametrize("case", sorted(CASES))
def test_document_matches_its_golden_images(case: str, golden_database: Path,
                                            tmp_path: Path) -> None:
    count, pages = render_case(case, golden_database, tmp_path)
    references = golden_pages(case)
    if not references:
        pytest.fail(f"no reference images of {case!r} in {GOLDEN}: run `{REGENERATE} {case}`",
                    pytrace=False)
    problems = []
    recorded = page_counts().get(case)
    if count != recorded or len(pages) != len(references):
        problems.append(f"{count} pages, {recorded} recorded in {PAGE_COUNTS.name}; "
                        f"{len(pages)} compared, {len(references)} reference images")
    for number, (actual, reference) in enumerate(zip(pages, references, strict=False), 1):
        with Image.open(reference) as stored:
            expected = stored.convert("L")
        share = share_differing(actual, expected)
        if share <= TOLERANCE:
            continue
        out = tmp_path / f"p{number}"
        out.mkdir()
        actual.save(out / "actual.png")
        expected.save(out / "expected.png")
        diff_image(actual, expected).save(out / "diff.png")
        sizes = "" if actual.size == expected.size else f", size {actual.size} ≠ {expected.size}"
        problems.append(f"page {number}: {share:.2%} of pixels differ (tolerance "
                        f"{TOLERANCE:.2%}){sizes}: {out / 'actual.png'}, {out / 'expected.png'}, "
                        f"{out / 'diff.png'}")
    if problems:
        pytest.fail(f"{case} differs from its golden images; if the change is meant, run "
                    f"`{REGENERATE} {case}`\n  " + "\n  ".join(problems), pytrace=False)
