"""Service folders -> one scrape each: a folder holding documents is a service, a folder of
such folders is several, named after their folders."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from doc2openapi.scraper.pipeline import ScrapeResult, Settings, scrape

SERVICE_NAME = re.compile(r"[^a-z0-9_-]+")


def service_name(folder: Path) -> str:
    """A file-system-safe service name from a folder name ("ModelArts" -> "modelarts")."""
    return SERVICE_NAME.sub("-", folder.name.lower()).strip("-_") or "api"


def find_services(inputs: list[Path]) -> dict[str, list[Path]]:
    """One service per folder holding documents; a folder of such folders is several services."""
    services: dict[str, list[Path]] = {}
    for given in inputs:
        if not given.is_dir():
            raise FileNotFoundError(f"{given}: not a folder (--out-dir takes service folders)")
        has_files = any(p.is_file() and not p.name.startswith(".") for p in given.iterdir())
        folders = [given] if has_files else sorted(p for p in given.iterdir() if p.is_dir())
        for folder in folders:
            services.setdefault(service_name(folder), []).append(folder)
    return services


def iter_services(
    inputs: list[Path],
    *,
    openapi_version: str = "3.0.3",
    provenance: bool = False,
    settings: Settings | None = None,
) -> Iterator[tuple[str, ScrapeResult]]:
    """`scrape` once per service folder under `inputs`, one service at a time, so a caller
    that writes each result as it comes holds one service in memory, not all of them.
    The folders are found at once: a missing input raises here, not halfway."""
    services = find_services(inputs)

    def each() -> Iterator[tuple[str, ScrapeResult]]:
        for name, folders in services.items():
            yield (
                name,
                scrape(
                    folders,
                    service=name,
                    openapi_version=openapi_version,
                    provenance=provenance,
                    settings=settings,
                ),
            )

    return each()
