"""doc2openapi: cloud API reference docs -> OpenAPI 3, typed clients, contract tests.

The public library API; the CLI (`doc2openapi.cli`) is a thin layer over it.
"""

from importlib.metadata import PackageNotFoundError, version

from scraper.cache import Cache
from scraper.pipeline import ScrapeResult, Settings, iter_services, scrape
from scraper.validate import spec_errors

try:
    __version__ = version("doc2openapi")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "Cache",
    "ScrapeResult",
    "Settings",
    "__version__",
    "iter_services",
    "scrape",
    "spec_errors",
]
