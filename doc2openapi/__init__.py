"""doc2openapi: cloud API reference docs -> OpenAPI 3, typed clients, contract tests.

The public library API; the CLI (`doc2openapi.cli`) is a thin layer over it. The names below
load their stage on first use, so `import doc2openapi` (for `__version__`, say) stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from doc2openapi._version import __version__

if TYPE_CHECKING:
    from doc2openapi.scraper.cache import Cache
    from doc2openapi.scraper.pipeline import ScrapeResult, Settings, scrape
    from doc2openapi.scraper.services import iter_services
    from doc2openapi.scraper.validate import spec_errors

_LAZY = {
    "Cache": "doc2openapi.scraper.cache",
    "ScrapeResult": "doc2openapi.scraper.pipeline",
    "Settings": "doc2openapi.scraper.pipeline",
    "iter_services": "doc2openapi.scraper.services",
    "scrape": "doc2openapi.scraper.pipeline",
    "spec_errors": "doc2openapi.scraper.validate",
}

__all__ = [
    "Cache",
    "ScrapeResult",
    "Settings",
    "__version__",
    "iter_services",
    "scrape",
    "spec_errors",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'doc2openapi' has no attribute {name!r}")
