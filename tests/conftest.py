"""Shared fixtures: where the corpus is, and scrapes reused across tests (they take seconds)."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock

from doc2openapi.scraper.cache import Cache
from doc2openapi.scraper.pipeline import ScrapeResult, Settings, scrape
from doc2openapi.scraper.services import iter_services

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
PAGES = FIXTURES / "pages"


# The CLI caches under ./.cache by default; tests must neither read a developer's cache nor
# leave one behind. One folder per test run instead, made by the first process (pytest, or
# pytest-xdist's controller) and shared by every process it starts (the workers, and the
# make targets and CLI runs they start, inherit the variables): a corpus page is read and
# interpreted once per run, not once per process. The process that made it removes it.
RUN_CACHE_VARIABLE = "DOC2OPENAPI_TEST_RUN_CACHE"
OWNS_RUN_CACHE = RUN_CACHE_VARIABLE not in os.environ
if OWNS_RUN_CACHE:
    os.environ[RUN_CACHE_VARIABLE] = tempfile.mkdtemp(prefix="doc2openapi-test-cache-")
RUN_CACHE = Path(os.environ[RUN_CACHE_VARIABLE])
os.environ["DOC2OPENAPI_CACHE_DIR"] = str(RUN_CACHE)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if OWNS_RUN_CACHE:  # after the workers, under xdist
        shutil.rmtree(RUN_CACHE, ignore_errors=True)


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


@dataclass(frozen=True)
class SharedScrapes:
    """Scrape settings whose cache every test process of the run shares (`make test` runs
    two, pytest-xdist), and the lock to scrape under: the first process that asks for a corpus
    scrape makes it, on both cores (the other process mostly waits for it), and the other
    reads it back from the cache."""

    settings: Settings
    lock: FileLock


@pytest.fixture(scope="session")
def shared_scrapes() -> SharedScrapes:
    settings = Settings(cache=Cache(RUN_CACHE), jobs=2)
    return SharedScrapes(settings, FileLock(RUN_CACHE / "scrape.lock"))


@pytest.fixture(scope="session")
def html_services(corpus: Path, shared_scrapes: SharedScrapes) -> dict[str, ScrapeResult]:
    """Every service of the HTML corpus, scraped once for the whole test run."""
    with shared_scrapes.lock:
        return dict(iter_services([corpus / "otc-html"], settings=shared_scrapes.settings))


@pytest.fixture(scope="session")
def modelarts_html(html_services: dict[str, ScrapeResult]) -> ScrapeResult:
    return html_services["modelarts"]


@pytest.fixture(scope="session")
def rst_modelarts(corpus: Path, shared_scrapes: SharedScrapes) -> ScrapeResult:
    with shared_scrapes.lock:
        folder = corpus / "otc-rst" / "modelarts"
        return scrape([folder], service="modelarts", settings=shared_scrapes.settings)


@pytest.fixture(scope="session")
def catalog(corpus: Path, shared_scrapes: SharedScrapes) -> dict[str, ScrapeResult]:
    """Every service of every tree ("otc-rst/ecs", "otc-html/ecs", ...), scraped once per test
    run with provenance (the judged constraint sample and the scorer name fields by it)."""
    found: dict[str, ScrapeResult] = {}
    with shared_scrapes.lock:
        for rendering in ("otc-rst", "otc-html"):
            services = iter_services(
                [corpus / rendering], provenance=True, settings=shared_scrapes.settings
            )
            found |= {f"{rendering}/{name}": result for name, result in services}
    return found
