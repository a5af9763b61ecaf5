"""docs -> spec, as a library function: a small orchestrator over the stages, one module each.

hash (scraper/inputs.py) -> read (reading.py) -> interpret (interpreting.py) -> build
(assembly.py) -> reconcile and validate (reconciling.py) -> report (report.py). Reading and
interpreting run per page, on `jobs` processes, and are cached by content (stage_runner.py,
cache.py): a re-run reads and interprets only the pages that changed, and a run whose inputs
are all unchanged returns the stored result without building anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from doc2openapi.scraper.assembly import assemble, finish, named_as_built
from doc2openapi.scraper.cache import Cache, collection_paused
from doc2openapi.scraper.inputs import InputFile, collect_files, input_digests
from doc2openapi.scraper.interpreting import interpret_all
from doc2openapi.scraper.limits import TRANSIENT_KINDS
from doc2openapi.scraper.model import PageResult
from doc2openapi.scraper.page import Page
from doc2openapi.scraper.progress import Progress
from doc2openapi.scraper.reading import read_all
from doc2openapi.scraper.reconciling import cached_spec_errors, reconcile_document
from doc2openapi.scraper.report import DiagnosticEntry, Report, build_report
from doc2openapi.scraper.run_stats import RunStats
from doc2openapi.scraper.stage_runner import Listener, StageEvent, StageRun, StageStarted
from doc2openapi.scraper.topics import TOPICS_FILE


@dataclass
class Settings:
    """How to run: processes, cache (None: none), progress."""

    jobs: int = 1
    cache: Cache | None = None
    progress: Progress = field(default_factory=Progress)


@dataclass
class ScrapeResult:
    spec: dict[str, Any]
    report: Report
    valid: bool
    stats: RunStats = field(default_factory=RunStats, compare=False, repr=False)

    @property
    def diagnostics(self) -> list[DiagnosticEntry]:
        return list(self.report.diagnostics)


@dataclass
class StoredResult:
    """What the cache keeps of a whole run."""

    spec: dict[str, Any]
    report: Report
    valid: bool


STORED = TypeAdapter(StoredResult)


def scrape(
    inputs: list[Path],
    *,
    service: str | None = None,
    openapi_version: str = "3.0.3",
    provenance: bool = False,
    settings: Settings | None = None,
) -> ScrapeResult:
    """Turn every page under `inputs` into one OpenAPI document and its report."""
    settings = settings or Settings()
    stats = RunStats()
    files = collect_files(inputs)
    stats.files = len(files)
    name = service or (inputs[0].name if inputs else "api")
    cache = settings.cache
    with stats.timing("hash"):
        digests = input_digests(files)
        run_key = _run_key(cache, files, digests, name, openapi_version, provenance)
        stored = _stored(cache, run_key)
    if stored is not None:
        stats.result_from_cache = True
        return ScrapeResult(stored.spec, stored.report, stored.valid, stats)
    run = StageRun(settings.jobs, cache, digests, [stats.on_event, _progress(settings, name)])
    with stats.timing("read"):
        pages, skipped = read_all(files, run)
    with stats.timing("interpret"):
        interpreted = interpret_all(pages, run)
    results = sorted(skipped + interpreted, key=lambda r: r.source)
    spec, report = _build(name, files, pages, results, provenance, openapi_version, settings,
                          stats)  # fmt: skip
    valid = not report.spec_errors
    transient = any(d.kind in TRANSIENT_KINDS for d in report.diagnostics)
    if cache is not None and not transient:
        cache.store("result", run_key, STORED, StoredResult(spec, report, valid))
    return ScrapeResult(spec, report, valid, stats)


def _run_key(
    cache: Cache | None,
    files: list[InputFile],
    digests: dict[str, str],
    name: str,
    openapi_version: str,
    provenance: bool,
) -> str:
    """What a whole run's result depends on: its options, and every input's content."""
    if cache is None:
        return ""
    return cache.key(
        "result", name, openapi_version, str(provenance),
        *(f"{f.source}={digests.get(f.source, '')}" for f in files),
        *(f"{k}={v}" for k, v in sorted(digests.items()) if k.endswith(TOPICS_FILE)),
    )  # fmt: skip


def _stored(cache: Cache | None, run_key: str) -> StoredResult | None:
    if cache is None:
        return None
    with collection_paused():
        return cache.load("result", run_key, STORED)


def _progress(settings: Settings, name: str) -> Listener:
    """The progress bar fed by the per-page stages: one bar per stage, one step per page."""

    def listen(event: StageEvent) -> None:
        if isinstance(event, StageStarted):
            settings.progress.stage(f"{name}: {event.activity}", event.todo)
        else:
            settings.progress.advance()

    return listen


def _build(
    name: str,
    files: list[InputFile],
    pages: list[Page],
    results: list[PageResult],
    provenance: bool,
    openapi_version: str,
    settings: Settings,
    stats: RunStats,
) -> tuple[dict[str, Any], Report]:
    """Every page's verdict (in source order) -> one validated document and its report."""
    with stats.timing("build"):
        assembled = assemble(name, files, pages, results)
    with stats.timing("validate"):
        check_diagnostics, findings = reconcile_document(assembled.spec, assembled.operations)
    with stats.timing("build"):
        spec = finish(assembled.spec, provenance, openapi_version)
    with stats.timing("validate"):
        errors = cached_spec_errors(spec, settings.cache, settings.jobs)
    diagnostics = assembled.diagnostics + check_diagnostics
    results = named_as_built(results, assembled.renamed)
    return spec, build_report(name, results, diagnostics, errors, findings)
