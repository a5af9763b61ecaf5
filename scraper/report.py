"""The report of one scrape: every file's verdict, every diagnostic with its severity, page
title and operation, and the counts the console summary and `doc2openapi report` show."""

from __future__ import annotations

from collections import Counter
from typing import Any

from doc2openapi.scraper.diagnostics import SEVERITIES, severity
from doc2openapi.scraper.model import Diagnostic, PageResult


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


def _diagnostic_entry(d: Diagnostic, pages: dict[str, PageResult]) -> dict[str, str]:
    """A diagnostic as the report lists it: its severity from the registry, and the page's
    title and the operation it is about where the page tells (one operation, or the reason
    names it)."""
    entry = {**d.as_dict(), "severity": severity(d.kind)}
    page = pages.get(d.file)
    if page is None:
        return entry
    if page.title:
        entry["title"] = page.title
    ids = [op.operation_id for op in page.operations]
    named = [i for i in ids if d.reason.startswith(f"{i} ")]
    if len(set(ids)) == 1 or named:
        entry["operationId"] = named[0] if named else ids[0]
    return entry


def build_report(
    service: str,
    results: list[PageResult],
    extra: list[Diagnostic],
    spec_errors: list[str],
    examples: dict[str, int],
    spec_operations: int | None = None,
    example_coverage: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The report: every file's verdict, the diagnostics, and counts. `operations` counts
    the spec's operations (`spec_operations`); `documented_operations` the pages' own, before
    pages that document one method and path twice are merged."""
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
    documented = sum(len(r.operations) for r in results)
    by_severity = Counter(severity(d.kind) for d in diagnostics)
    summary = {
        "files": len(results),
        "operation_pages": len(operation_pages),
        "pages_with_operations": statuses["operations"],
        "operations": documented if spec_operations is None else spec_operations,
        "documented_operations": documented,
        "not_operation_pages": statuses["not-an-operation"],
        "skipped": statuses["skipped"],
        "diagnostics": dict(sorted(Counter(d.kind for d in diagnostics).items())),
        "severities": {s: by_severity[s] for s in SEVERITIES},
        "examples": examples,
        "example_coverage": example_coverage or {},
        "constraints": _constraint_summary(results),
        "spec_valid": not spec_errors,
    }
    pages = {r.source: r for r in results}
    return {
        "service": service,
        "summary": summary,
        "spec_errors": spec_errors,
        "files": files,
        "diagnostics": [_diagnostic_entry(d, pages) for d in diagnostics],
    }
