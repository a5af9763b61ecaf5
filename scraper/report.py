"""The report of one scrape: every file's verdict, every diagnostic with its severity, page
title and operation, and the counts the console summary and `doc2openapi report` show.

Built here as a typed `Report`, and turned into JSON in one place (`Report.as_dict`), so
the file beside the spec has one shape whoever writes it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

from doc2openapi.scraper.diagnostics import SEVERITIES, severity
from doc2openapi.scraper.model import Diagnostic, PageResult

# A field with this mark is left out of the JSON while it holds its default (no title,
# no operations); the others are always written. "key" names a field the JSON spells
# otherwise.
OPTIONAL = {"optional": True}


@dataclass
class FileEntry:
    """One input file's verdict."""

    file: str
    status: str
    title: str = field(default="", metadata=OPTIONAL)
    operations: list[str] = field(default_factory=list, metadata=OPTIONAL)
    """"GET /path (OperationId)" per operation the page documents."""
    reason: str = field(default="", metadata=OPTIONAL)


@dataclass
class DiagnosticEntry:
    """A diagnostic as the report lists it: with its severity from the registry, and the
    page's title and the operation it is about where the page tells."""

    file: str
    kind: str
    reason: str
    table: str = field(default="", metadata=OPTIONAL)
    severity: str = ""
    title: str = field(default="", metadata=OPTIONAL)
    operation_id: str | None = field(default=None, metadata={**OPTIONAL, "key": "operationId"})


@dataclass
class ConstraintSummary:
    """Constraints the descriptions state and those extracted as schema keywords, by kind."""

    stated: dict[str, int]
    extracted: dict[str, int]
    share: float
    in_spec: dict[str, int] | None = field(default=None, metadata=OPTIONAL)
    """Constraint keywords as the finished document has them."""


@dataclass
class Summary:
    files: int
    operation_pages: int
    pages_with_operations: int
    operations: int
    documented_operations: int
    not_operation_pages: int
    skipped: int
    diagnostics: dict[str, int]
    severities: dict[str, int]
    examples: dict[str, int]
    example_coverage: dict[str, Any]
    constraints: ConstraintSummary
    spec_valid: bool


@dataclass
class Report:
    service: str
    summary: Summary
    spec_errors: list[str]
    files: list[FileEntry]
    diagnostics: list[DiagnosticEntry]

    @property
    def documents(self) -> int:
        """Input files read as documents (whatever their verdict), as opposed to skipped."""
        return self.summary.files - self.summary.skipped

    def as_dict(self) -> dict[str, Any]:
        """The report as its JSON file has it: keys in field order."""
        plain: dict[str, Any] = _plain(self)
        return plain


def _plain(value: Any) -> Any:
    """Dataclasses as dicts (optional fields at their default left out), recursively."""
    if is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for f in fields(value):
            item = getattr(value, f.name)
            if f.metadata.get("optional") and item == _default(f):
                continue
            out[f.metadata.get("key", f.name)] = _plain(item)
        return out
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _default(f: Any) -> Any:
    return f.default_factory() if callable(f.default_factory) else f.default


def _constraint_summary(
    results: list[PageResult], in_spec: dict[str, int] | None
) -> ConstraintSummary:
    stated: Counter[str] = Counter()
    extracted: Counter[str] = Counter()
    for r in results:
        stated.update(r.constraints.stated)
        extracted.update(r.constraints.extracted)
    return ConstraintSummary(
        stated=dict(sorted(stated.items())),
        extracted=dict(sorted(extracted.items())),
        share=round(extracted.total() / stated.total(), 3) if stated else 1.0,
        in_spec=in_spec,
    )


def _file_entry(r: PageResult) -> FileEntry:
    operations = [f"{op.method.upper()} {op.path} ({op.operation_id})" for op in r.operations]
    return FileEntry(r.source, r.status, r.title, operations, r.reason)


def _diagnostic_entry(d: Diagnostic, pages: dict[str, PageResult]) -> DiagnosticEntry:
    """A diagnostic with its severity, and the page's title and the operation it is about
    where the page tells (one operation, or the reason names it)."""
    entry = DiagnosticEntry(d.file, d.kind, d.reason, d.table, severity(d.kind))
    page = pages.get(d.file)
    if page is None:
        return entry
    entry.title = page.title
    ids = [op.operation_id for op in page.operations]
    named = [i for i in ids if d.reason.startswith(f"{i} ")]
    if len(set(ids)) == 1 or named:
        entry.operation_id = named[0] if named else ids[0]
    return entry


@dataclass
class SpecFindings:
    """What checking the document adds to the pages' verdicts (scraper/reconciling.py)."""

    examples: dict[str, int]
    """Examples kept ("valid") and dropped ("invalid")."""
    operations: int | None = None
    """Operations in the document, after merging; None: as many as the pages document."""
    example_coverage: dict[str, Any] = field(default_factory=dict)
    constraints_in_spec: dict[str, int] | None = None


def _summary(
    results: list[PageResult],
    diagnostics: list[Diagnostic],
    spec_errors: list[str],
    spec: SpecFindings,
) -> Summary:
    statuses = Counter(r.status for r in results)
    operation_pages = [
        r for r in results if r.status == "operations" or r.reason.startswith("the URI")
    ]
    documented = sum(len(r.operations) for r in results)
    by_severity = Counter(severity(d.kind) for d in diagnostics)
    return Summary(
        files=len(results),
        operation_pages=len(operation_pages),
        pages_with_operations=statuses["operations"],
        operations=documented if spec.operations is None else spec.operations,
        documented_operations=documented,
        not_operation_pages=statuses["not-an-operation"],
        skipped=statuses["skipped"],
        diagnostics=dict(sorted(Counter(d.kind for d in diagnostics).items())),
        severities={s: by_severity[s] for s in SEVERITIES},
        examples=spec.examples,
        example_coverage=spec.example_coverage,
        constraints=_constraint_summary(results, spec.constraints_in_spec),
        spec_valid=not spec_errors,
    )


def build_report(
    service: str,
    results: list[PageResult],
    extra: list[Diagnostic],
    spec_errors: list[str],
    spec: SpecFindings,
) -> Report:
    """The report: every file's verdict, the diagnostics, and counts. `operations` counts
    the spec's operations; `documented_operations` the pages' own, before pages that
    document one method and path twice are merged."""
    diagnostics = sorted({d for r in results for d in r.diagnostics} | set(extra))
    pages = {r.source: r for r in results}
    return Report(
        service=service,
        summary=_summary(results, diagnostics, spec_errors, spec),
        spec_errors=spec_errors,
        files=[_file_entry(r) for r in results],
        diagnostics=[_diagnostic_entry(d, pages) for d in diagnostics],
    )
