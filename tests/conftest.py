"""Shared fixtures: where the corpus is, and scrapes reused across tests (they take seconds)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from doc2openapi.scraper.pipeline import ScrapeResult, scrape
from doc2openapi.scraper.services import iter_services

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
PAGES = FIXTURES / "pages"

# The CLI caches under ./.cache by default; tests must neither read a developer's cache nor
# leave one behind. Child processes (make targets, the CLI) inherit this too.
os.environ["DOC2OPENAPI_CACHE_DIR"] = tempfile.mkdtemp(prefix="doc2openapi-test-cache-")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """With `pytest -n 2 --dist loadgroup` (`make test`), a worker runs each module whole (its
    module fixtures are built once) and one worker every test of the corpus catalog (a scrape
    of every tree, minutes long, is made once per worker that asks for it)."""
    for item in items:
        uses_catalog = "catalog" in getattr(item, "fixturenames", ())
        group = "catalog" if uses_catalog else item.nodeid.split("::", 1)[0]
        item.add_marker(pytest.mark.xdist_group(group))


def corpus_dir() -> Path | None:
    given = os.environ.get("DOC2OPENAPI_CORPUS")
    path = Path(given) if given else ROOT.parent / "shared" / "corpus"
    return path if path.is_dir() else None


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus. In CI its absence is a failure, never a skip."""
    path = corpus_dir()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("corpus not found: set DOC2OPENAPI_CORPUS or check out ../shared/corpus")
        pytest.skip("corpus not found (set DOC2OPENAPI_CORPUS)")
    return path


@pytest.fixture(scope="session")
def seeds(corpus: Path) -> Path:
    return corpus / "seeds"


@pytest.fixture(scope="session")
def html_services(corpus: Path) -> dict[str, ScrapeResult]:
    """Every service of the HTML corpus, scraped once for the whole test session."""
    return dict(iter_services([corpus / "otc-html"]))


@pytest.fixture(scope="session")
def modelarts_html(html_services: dict[str, ScrapeResult]) -> ScrapeResult:
    return html_services["modelarts"]


@pytest.fixture(scope="session")
def rst_modelarts(corpus: Path) -> ScrapeResult:
    return scrape([corpus / "otc-rst" / "modelarts"], service="modelarts")


@pytest.fixture(scope="session")
def catalog(corpus: Path) -> dict[str, ScrapeResult]:
    """Every service of every tree ("otc-rst/ecs", "otc-html/ecs", ...), scraped once per test
    session with provenance (the judged constraint sample and the scorer name fields by it)."""
    found: dict[str, ScrapeResult] = {}
    for rendering in ("otc-rst", "otc-html"):
        for name, result in iter_services([corpus / rendering], provenance=True):
            found[f"{rendering}/{name}"] = result
    return found
