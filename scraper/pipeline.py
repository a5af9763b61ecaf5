"""docs -> spec, as a library function: collect files, read, interpret, build, validate, report.

Reading and interpreting run per page, on `jobs` processes, and are cached by content
(scraper/cache.py): a re-run reads and interprets only the pages that changed, and a run whose
inputs are all unchanged returns the stored result without building anything.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from doc2openapi.scraper.cache import Cache, collection_paused, digest
from doc2openapi.scraper.coverage import measure as measure_coverage
from doc2openapi.scraper.example_names import name_examples
from doc2openapi.scraper.generator_names import name_enum_members, rename_operation_like_components
from doc2openapi.scraper.interpret.constraints import audit_constraints, keyword_counts
from doc2openapi.scraper.interpret.linker import Lookups, TableIndex
from doc2openapi.scraper.interpret.operations import Interpreter
from doc2openapi.scraper.limits import MAX_PAGE_BYTES, TRANSIENT_KINDS, page_guard
from doc2openapi.scraper.model import Diagnostic, Operation, PageResult
from doc2openapi.scraper.page import Page
from doc2openapi.scraper.parallel import ordered_map, workers_for
from doc2openapi.scraper.progress import Progress
from doc2openapi.scraper.readers import NotADocument, read_document
from doc2openapi.scraper.report import build_report
from doc2openapi.scraper.service import service_info, unnamed_endpoint_parts
from doc2openapi.scraper.spec import build_spec
from doc2openapi.scraper.topics import (
    TOPICS_FILE,
    TopicTree,
    add_toctrees,
    load_class_file,
    tag_names,
    tag_objects,
    topic_of,
)
from doc2openapi.scraper.transforms import strip_provenance, to_openapi_31
from doc2openapi.scraper.validate import check_examples, spec_errors, without_prose

NOT_DOCUMENTS = {
    ".png", ".jpg", ".jpeg", ".gif", ".svg", ".bmp", ".ico", ".webp", ".css", ".js",
    ".json", ".py", ".pdf", ".zip", ".gz", ".woff", ".woff2", ".ttf", ".eot", ".map",
}  # fmt: skip


@dataclass(frozen=True)
class InputFile:
    path: Path
    source: str  # the name the report uses: relative to the input given, "/"-separated
    root: Path  # the folder it was found in (for CLASS.TXT.json)
    named: bool = False  # given by name: judged by its content alone, whatever its extension

    @property
    def is_document(self) -> bool:
        """Whether to read it: a file found in a folder may be an asset (an image, a style
        sheet) by its extension; one named by the user is always read."""
        return self.named or self.path.suffix.lower() not in NOT_DOCUMENTS


@dataclass
class RunStats:
    """How a run went: what it had to do and what the cache spared it. Not part of outputs."""

    files: int = 0
    pages_read: int = 0
    pages_from_cache: int = 0
    pages_interpreted: int = 0
    interpretations_from_cache: int = 0
    result_from_cache: bool = False
    processes: int = 0
    """Worker processes started (0: everything ran in this process)."""
    seconds: dict[str, float] = field(default_factory=dict)
    """Wall time per stage: hash, read, interpret, build, validate."""

    @contextmanager
    def timing(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - start


@dataclass
class ScrapeResult:
    spec: dict[str, Any]
    report: dict[str, Any]
    valid: bool
    stats: RunStats = field(default_factory=RunStats, compare=False, repr=False)

    @property
    def diagnostics(self) -> list[dict[str, str]]:
        return list(self.report["diagnostics"])


@dataclass
class StoredResult:
    """What the cache keeps of a whole run."""

    spec: dict[str, Any]
    report: dict[str, Any]
    valid: bool


@dataclass
class Interpretation:
    """A page's interpretation as cached, with what it consulted (see Lookups)."""

    result: PageResult
    consulted: dict[str, str]  # page source -> content digest
    links: list[tuple[str | None, str, str, tuple[str, int] | None]]

    def lookups(self) -> Lookups:
        return Lookups(set(self.consulted), {(p, a, h): t for p, a, h, t in self.links})


PAGE = TypeAdapter(Page)
INTERPRETATION = TypeAdapter(Interpretation)
STORED = TypeAdapter(StoredResult)
VALID = TypeAdapter(bool)


@dataclass
class Settings:
    """How to run: processes, cache (None: none), progress."""

    jobs: int = 1
    cache: Cache | None = None
    progress: Progress = field(default_factory=Progress)


def collect_files(inputs: list[Path]) -> list[InputFile]:
    """Every regular file under the inputs, in a stable order; symlinked folders are not entered."""
    files: list[InputFile] = []
    for given in inputs:
        if given.is_file():
            files.append(InputFile(given, given.name, given.parent, named=True))
            continue
        if not given.is_dir():
            raise FileNotFoundError(f"{given}: no such file or directory")
        for folder, dirs, names in os.walk(given, followlinks=False):
            dirs.sort()
            for name in sorted(names):
                path = Path(folder) / name
                if path.is_symlink() or not path.is_file():
                    continue
                rel = path.relative_to(given).as_posix()
                files.append(InputFile(path, rel, Path(folder)))
    return files


def content_digest(path: Path) -> str:
    """What a file's verdict depends on: its bytes (a file too large to read, its size)."""
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            return f"too-large:{size}"
        return digest(path.read_bytes())
    except OSError as err:
        return f"unreadable:{err.errno}"


def _digests(files: list[InputFile]) -> dict[str, str]:
    """Content digests of the documents and of the topic trees they are read with."""
    found = {f.source: content_digest(f.path) for f in files if f.is_document}
    for root in sorted({f.root for f in files}):
        found[f"{root}/{TOPICS_FILE}"] = content_digest(root / TOPICS_FILE)
    return found


def _not_a_document(file: InputFile) -> PageResult:
    suffix = file.path.suffix.lower()
    reason = "metadata" if suffix == ".json" else f"not a document ({suffix})"
    return PageResult(file.source, "skipped", reason=reason)


def read_file(file: InputFile) -> Page | PageResult:
    """One file -> its Page, or the verdict that skips it (a diagnostic says why)."""
    if not file.is_document:
        return _not_a_document(file)
    page: Page | None = None
    kind, reason = "unreadable", ""
    with page_guard("reading") as failure:
        try:
            if file.path.stat().st_size > MAX_PAGE_BYTES:
                raise NotADocument(f"larger than {MAX_PAGE_BYTES // (1024 * 1024)} MiB")
            page = read_document(file.path.read_bytes(), file.source)
        except NotADocument as err:
            reason = str(err)
        except OSError as err:
            reason = f"unreadable: {err.strerror or err}"
    if failure:
        kind, reason = failure.kind, failure.reason
    return page if page is not None else PageResult.skip(file.source, kind, reason)


def _read_all(
    label: str,
    files: list[InputFile],
    digests: dict[str, str],
    settings: Settings,
    stats: RunStats,
) -> tuple[list[Page], list[PageResult]]:
    """Pages in input order (from the cache where the content is known), and skip verdicts."""
    cache = settings.cache
    known: dict[str, Page] = {}
    if cache is not None:
        with collection_paused():
            for file in files:
                if file.is_document:
                    page = cache.load("page", _page_key(cache, file.source, digests), PAGE)
                    if page is not None:
                        known[file.source] = page
    stats.pages_from_cache = len(known)
    skipped = [_not_a_document(f) for f in files if not f.is_document]
    todo = [f for f in files if f.is_document and f.source not in known]
    settings.progress.stage(f"{label}: reading", len(todo))
    stats.processes = max(stats.processes, workers_for(settings.jobs, len(todo)))
    for file, outcome in zip(todo, ordered_map(read_file, todo, settings.jobs), strict=True):
        settings.progress.advance()
        if isinstance(outcome, PageResult):
            skipped.append(outcome)
            continue
        known[file.source] = outcome
        stats.pages_read += 1
        if cache is not None:
            cache.store("page", _page_key(cache, file.source, digests), PAGE, outcome)
    pages = [known[f.source] for f in files if f.source in known]
    return pages, skipped


def _page_key(cache: Cache, source: str, digests: dict[str, str]) -> str:
    return cache.key("page", source, digests[source])


_interpreter: tuple[list[Page], Interpreter] | None = None


def _start_interpreter(pages: list[Page], index: TableIndex | None) -> None:
    """Worker set-up: the interpreter needs every page, since tables link across pages."""
    global _interpreter
    _interpreter = (pages, Interpreter(index)) if index is not None else None


def _interpret_one(position: int) -> tuple[PageResult, Lookups | None]:
    assert _interpreter is not None, "call _start_interpreter first"
    pages, interpreter = _interpreter
    page = pages[position]
    with page_guard("interpreting") as failure, interpreter.index.recording() as lookups:
        result = interpreter.interpret(page)
    if failure:
        return PageResult.skip(page.source, failure.kind, failure.reason), None
    for note in page.notes:
        result.diagnostics.append(Diagnostic(page.source, "markup", note))
    return result, lookups


def _interpret_all(
    label: str,
    pages: list[Page],
    digests: dict[str, str],
    settings: Settings,
    stats: RunStats,
) -> list[PageResult]:
    """Every page's verdict, from the cache where the page and all it consulted are unchanged."""
    cache = settings.cache
    index = TableIndex(pages)
    known: dict[int, PageResult] = {}
    if cache is not None:
        with collection_paused():
            entries = [
                cache.load("interpretation", _page_key(cache, p.source, digests), INTERPRETATION)
                for p in pages
            ]
        for position, entry in enumerate(entries):
            if entry is None:
                continue
            unchanged = all(digests.get(s) == d for s, d in entry.consulted.items())
            if unchanged and index.resolves_as_before(entry.lookups()):
                known[position] = entry.result
    todo = [i for i in range(len(pages)) if i not in known]
    settings.progress.stage(f"{label}: interpreting", len(todo))
    stats.processes = max(stats.processes, workers_for(settings.jobs, len(todo)))
    outcomes = ordered_map(
        _interpret_one, todo, settings.jobs, setup=_start_interpreter, setup_args=(pages, index)
    )
    for position, (result, lookups) in zip(todo, outcomes, strict=True):
        settings.progress.advance()
        known[position] = result
        if cache is not None and lookups is not None:
            entry = Interpretation(
                result,
                {s: digests[s] for s in sorted(lookups.pages)},
                [(*k, t) for k, t in sorted(lookups.links.items(), key=str)],
            )
            key = _page_key(cache, pages[position].source, digests)
            cache.store("interpretation", key, INTERPRETATION, entry)
    _start_interpreter([], None)  # drop the in-process interpreter's pages
    stats.pages_interpreted = len(todo)
    stats.interpretations_from_cache = len(pages) - len(todo)
    return [known[i] for i in range(len(pages))]


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
        digests = _digests(files)
        run_key = ""
        if cache is not None:
            run_key = cache.key(
                "result", name, openapi_version, str(provenance),
                *(f"{f.source}={digests.get(f.source, '')}" for f in files),
                *(f"{k}={v}" for k, v in sorted(digests.items()) if k.endswith(TOPICS_FILE)),
            )  # fmt: skip
            with collection_paused():
                stored = cache.load("result", run_key, STORED)
            if stored is not None:
                stats.result_from_cache = True
                return ScrapeResult(stored.spec, stored.report, stored.valid, stats)
    with stats.timing("read"):
        pages, skipped = _read_all(name, files, digests, settings, stats)
    with stats.timing("interpret"):
        interpreted = _interpret_all(name, pages, digests, settings, stats)
    spec, report, valid = _build(name, files, pages, skipped + interpreted, provenance,
                                 openapi_version, stats, settings)  # fmt: skip
    transient = any(d["kind"] in TRANSIENT_KINDS for d in report["diagnostics"])
    if cache is not None and not transient:
        cache.store("result", run_key, STORED, StoredResult(spec, report, valid))
    return ScrapeResult(spec, report, valid, stats)


def _build(
    name: str,
    files: list[InputFile],
    pages: list[Page],
    results: list[PageResult],
    provenance: bool,
    openapi_version: str,
    stats: RunStats,
    settings: Settings,
) -> tuple[dict[str, Any], dict[str, Any], bool]:
    """Every page's verdict -> one validated document and its report."""
    with stats.timing("build"):
        spec, operations, build_diagnostics = _assemble(name, files, pages, results)
    with stats.timing("validate"):
        sources = {
            op["operationId"]: _source_of(op["operationId"], operations)
            for methods in spec["paths"].values()
            for op in methods.values()
        }
        constraint_diagnostics = audit_constraints(spec)
        example_diagnostics, valid_examples, invalid_examples = check_examples(spec, sources)
        name_examples(spec)  # once the rejected are gone: numbers without gaps
        example_diagnostics = constraint_diagnostics + example_diagnostics
        in_spec = keyword_counts(spec)
        coverage = measure_coverage(spec, sources)
        example_diagnostics += coverage.diagnostics
    with stats.timing("build"):
        rename_operation_like_components(spec)
        name_enum_members(spec)
        if not provenance:
            strip_provenance(spec)
        if openapi_version.startswith("3.1"):
            spec = to_openapi_31(spec)
    with stats.timing("validate"):
        errors = _spec_errors(spec, settings.cache, settings.jobs)
    report = build_report(
        name,
        results,
        build_diagnostics + example_diagnostics,
        errors,
        {"valid": valid_examples, "invalid": invalid_examples},
        spec_operations=len(sources),
        example_coverage=coverage.summary(),
    )
    report["summary"]["constraints"]["in_spec"] = in_spec  # as the document has them
    return spec, report, not errors


def _spec_errors(spec: dict[str, Any], cache: Cache | None, jobs: int = 1) -> list[str]:
    """openapi-spec-validator's findings. Validity is remembered by the document's structure
    (`without_prose`), so a re-run whose changes are only prose skips the validator; an
    invalid document is always validated afresh, since its messages may quote prose."""
    if cache is None:
        return spec_errors(spec, jobs)
    structure = json.dumps(without_prose(spec), sort_keys=True, ensure_ascii=False)
    key = cache.key("valid", structure)
    if cache.load("valid", key, VALID) is True:
        return []
    errors = spec_errors(spec, jobs)
    if not errors:
        cache.store("valid", key, VALID, True)
    return errors


def _assemble(
    name: str, files: list[InputFile], pages: list[Page], results: list[PageResult]
) -> tuple[dict[str, Any], list[Operation], list[Diagnostic]]:
    """The operations of every page, tagged by topic, in one document (not yet validated)."""
    roots = {f.source: f.root for f in files}
    tree = TopicTree()
    for root in sorted({roots[p.source] for p in pages}):
        tree.merge(load_class_file(root))
    add_toctrees(tree, pages)
    by_source = {page.source: page for page in pages}
    topic = {
        r.source: topic_of(tree, by_source[r.source]) for r in results if r.source in by_source
    }
    names = tag_names(tree, [t for t in topic.values() if t is not None])
    for result in results:
        tag = names.get(topic.get(result.source) or "", "")
        for op in result.operations if tag else []:
            op.tags = [tag]
    results.sort(key=lambda r: r.source)
    operations = [op for r in results for op in r.operations]
    info = service_info(name, tree, pages)
    info.tags = tag_objects(tree, names, pages)
    spec, diagnostics = build_spec(operations, info)
    unnamed = unnamed_endpoint_parts(info.servers)
    if unnamed:
        home = min(pages, key=lambda p: (p.source.count("/"), p.source)).source if pages else ""
        diagnostics.append(
            Diagnostic(home, "endpoint-not-named",
                       f"the docs name no value for {', '.join(unnamed)} of the endpoint")
        )  # fmt: skip
    return spec, operations, diagnostics


def _source_of(operation_id: str, operations: list[Operation]) -> str:
    return next((op.source for op in operations if op.operation_id == operation_id), "")
