"""docs -> spec, as a library function: collect files, read, interpret, build, validate, report."""

from __future__ import annotations

import os
import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scraper.interpret.linker import TableIndex, page_key
from scraper.interpret.operations import Interpreter
from scraper.limits import MAX_PAGE_BYTES, page_guard
from scraper.model import Diagnostic, PageResult
from scraper.page import Page
from scraper.readers import NotADocument, read_document
from scraper.service import Topics, load_topics, service_info
from scraper.spec import build_spec
from scraper.transforms import strip_provenance, to_openapi_31
from scraper.validate import check_examples, spec_errors

NOT_DOCUMENTS = {
    ".png", ".jpg", ".jpeg", ".gif", ".svg", ".bmp", ".ico", ".webp", ".css", ".js",
    ".json", ".py", ".pdf", ".zip", ".gz", ".woff", ".woff2", ".ttf", ".eot", ".map",
}  # fmt: skip


@dataclass(frozen=True)
class InputFile:
    path: Path
    source: str  # the name the report uses: relative to the input given, "/"-separated
    root: Path  # the folder it was found in (for CLASS.TXT.json)


@dataclass
class ScrapeResult:
    spec: dict[str, Any]
    report: dict[str, Any]
    valid: bool

    @property
    def diagnostics(self) -> list[dict[str, str]]:
        return list(self.report["diagnostics"])


@dataclass
class _Run:
    results: list[PageResult] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    topics: dict[Path, Topics] = field(default_factory=dict)


def collect_files(inputs: list[Path]) -> list[InputFile]:
    """Every regular file under the inputs, in a stable order; symlinked folders are not entered."""
    files: list[InputFile] = []
    for given in inputs:
        if given.is_file():
            files.append(InputFile(given, given.name, given.parent))
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


def _read(file: InputFile, run: _Run) -> None:
    suffix = file.path.suffix.lower()
    if suffix in NOT_DOCUMENTS:
        reason = "metadata" if suffix == ".json" else f"not a document ({suffix})"
        run.results.append(PageResult(file.source, "skipped", reason=reason))
        return
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
    if page is None:
        run.results.append(_skipped(file.source, kind, reason))
        return
    run.pages.append(page)
    if file.root not in run.topics:
        run.topics[file.root] = load_topics(file.root)


def _skipped(source: str, kind: str, reason: str) -> PageResult:
    return PageResult(
        source, "skipped", reason=reason, diagnostics=[Diagnostic(source, kind, reason)]
    )


def scrape(
    inputs: list[Path],
    *,
    service: str | None = None,
    openapi_version: str = "3.0.3",
    provenance: bool = False,
) -> ScrapeResult:
    """Turn every page under `inputs` into one OpenAPI document and its report."""
    files = collect_files(inputs)
    run = _Run()
    roots = {f.source: f.root for f in files}
    for file in files:
        _read(file, run)
    index = TableIndex(run.pages)
    interpreter = Interpreter(index)
    parents = _parent_topics(run)
    for page in run.pages:
        with page_guard("interpreting") as failure:
            result = interpreter.interpret(page)
        if failure:
            run.results.append(_skipped(page.source, failure.kind, failure.reason))
            continue
        for note in page.notes:
            result.diagnostics.append(Diagnostic(page.source, "markup", note))
        tag = next((parents[k] for k in _topic_keys(page) if k in parents), None)
        for op in result.operations:
            if tag:
                op.tags = [tag]
        run.results.append(result)
    run.results.sort(key=lambda r: r.source)
    operations = [op for r in run.results for op in r.operations]
    merged = Topics()
    for root in sorted({roots[r.source] for r in run.results}):
        found = run.topics.get(root)
        if found is not None:
            merged.product = merged.product or found.product
            merged.descriptions += found.descriptions
            merged.order += [t for t in found.order if t not in merged.order]
    name = service or (inputs[0].name if inputs else "api")
    info = service_info(name, merged, run.pages)
    spec, build_diagnostics = build_spec(operations, info)
    sources = {
        op["operationId"]: _source_of(op["operationId"], operations)
        for methods in spec["paths"].values()
        for op in methods.values()
    }
    example_diagnostics, valid_examples, invalid_examples = check_examples(spec, sources)
    if not provenance:
        strip_provenance(spec)
    if openapi_version.startswith("3.1"):
        spec = to_openapi_31(spec)
    errors = spec_errors(spec)
    report = build_report(
        name,
        run.results,
        build_diagnostics + example_diagnostics,
        errors,
        {"valid": valid_examples, "invalid": invalid_examples},
    )
    return ScrapeResult(spec, report, not errors)


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


def scrape_services(
    inputs: list[Path], *, openapi_version: str = "3.0.3", provenance: bool = False
) -> dict[str, ScrapeResult]:
    """`scrape` once per service folder under `inputs`, keyed by service name."""
    return {
        name: scrape(folders, service=name, openapi_version=openapi_version, provenance=provenance)
        for name, folders in find_services(inputs).items()
    }


def _topic_keys(page: Page) -> list[str]:
    """How a topic tree may name this page: its path without extension, or its file name."""
    path = page.source.rsplit(".", 1)[0].lower()
    keys = [path, page_key(page.source)]
    if page.metadata.get("original_name"):
        keys.insert(0, page_key(page.metadata["original_name"]))
    return keys


def _parent_topics(run: _Run) -> dict[str, str]:
    """Page -> parent topic title, from CLASS.TXT.json and from the pages' own toctrees."""
    parents: dict[str, str] = {}
    for topics in run.topics.values():
        parents.update(topics.parent_of)
    for page in run.pages:
        folder = posixpath.dirname(page.source)
        for entry in page.toc:
            child = posixpath.normpath(posixpath.join(folder, entry)).lower()
            if page.title and not child.startswith(".."):
                parents.setdefault(child, page.title)
    return parents


def _source_of(operation_id: str, operations: list[Any]) -> str:
    return next((op.source for op in operations if op.operation_id == operation_id), "")


def _constraint_summary(results: list[PageResult]) -> dict[str, Any]:
    total: Counter[str] = Counter()
    for r in results:
        total.update(r.constraints)
    stated = sum(n for k, n in total.items() if k.startswith("stated:"))
    extracted = sum(n for k, n in total.items() if k.startswith("extracted:"))
    return {
        "stated": {k.split(":")[1]: n for k, n in sorted(total.items()) if k.startswith("stated:")},
        "extracted": {
            k.split(":")[1]: n for k, n in sorted(total.items()) if k.startswith("extracted:")
        },
        "share": round(extracted / stated, 3) if stated else 1.0,
    }


def build_report(
    service: str,
    results: list[PageResult],
    extra: list[Diagnostic],
    spec_errors: list[str],
    examples: dict[str, int],
) -> dict[str, Any]:
    diagnostics = sorted({d for r in results for d in r.diagnostics} | set(extra))
    files = []
    for r in results:
        entry: dict[str, Any] = {"file": r.source, "status": r.status}
        if r.title:
            entry["title"] = r.title
        if r.operations:
            entry["operations"] = [
                f"{op.method.upper()} {op.path} ({op.operation_id})" for op in r.operations
            ]
        if r.reason:
            entry["reason"] = r.reason
        files.append(entry)
    statuses = Counter(r.status for r in results)
    operation_pages = [
        r for r in results if r.status == "operations" or r.reason.startswith("the URI")
    ]
    summary = {
        "files": len(results),
        "operation_pages": len(operation_pages),
        "pages_with_operations": statuses["operations"],
        "operations": sum(len(r.operations) for r in results),
        "not_operation_pages": statuses["not-an-operation"],
        "skipped": statuses["skipped"],
        "diagnostics": dict(sorted(Counter(d.kind for d in diagnostics).items())),
        "examples": examples,
        "constraints": _constraint_summary(results),
        "spec_valid": not spec_errors,
    }
    return {
        "service": service,
        "summary": summary,
        "spec_errors": spec_errors,
        "files": files,
        "diagnostics": [d.as_dict() for d in diagnostics],
    }
