"""The reconcile stage: the assembled document's examples set against their schemas (the ones
a schema rejects dropped and reported, the rest named), its constraints audited and its coverage
measured; then the finished document validated (remembered by structure, see
`cached_spec_errors`). It changes the document, so it is not called a check."""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from doc2openapi.scraper.cache import Cache
from doc2openapi.scraper.coverage import measure as measure_coverage
from doc2openapi.scraper.example_check import drop_rejected_examples
from doc2openapi.scraper.example_names import name_examples
from doc2openapi.scraper.interpret.constraints import audit_constraints, keyword_counts
from doc2openapi.scraper.model import SOURCE_KEY, Diagnostic, Operation
from doc2openapi.scraper.report import SpecFindings
from doc2openapi.scraper.tree import operations as spec_operations
from doc2openapi.scraper.validate import spec_errors, without_prose

VALID = TypeAdapter(bool)


def reconcile_document(
    spec: dict[str, Any], operations: list[Operation]
) -> tuple[list[Diagnostic], SpecFindings]:
    """Drop the examples their schemas reject and name the rest; audit the constraints and
    measure how much of each schema the examples show."""
    own = {
        op["operationId"]: _source_of(op["operationId"], operations)
        for _, _, op in spec_operations(spec)
    }
    sources = own | {  # an action's examples come from its own page
        str(action["operationId"]): _page_of(action)
        for _, _, op in spec_operations(spec)
        for action in op.get("x-actions", [])
        if _page_of(action)
    }
    constraint_diagnostics = audit_constraints(spec)
    example_diagnostics, valid_examples, invalid_examples = drop_rejected_examples(spec, sources)
    name_examples(spec)  # once the rejected are gone: numbers without gaps
    in_spec = keyword_counts(spec)
    coverage = measure_coverage(spec, sources)
    findings = SpecFindings(
        examples={"valid": valid_examples, "invalid": invalid_examples},
        operations=len(own),
        example_coverage=coverage.summary(),
        constraints_in_spec=in_spec,
    )
    return constraint_diagnostics + example_diagnostics + coverage.diagnostics, findings


def _page_of(action: dict[str, Any]) -> str:
    """The page an action was read from (its provenance: a file name, or {"file": ...})."""
    origin = action.get(SOURCE_KEY)
    return str(origin.get("file", "") if isinstance(origin, dict) else origin or "")


def _source_of(operation_id: str, operations: list[Operation]) -> str:
    return next((op.source for op in operations if op.operation_id == operation_id), "")


def cached_spec_errors(spec: dict[str, Any], cache: Cache | None, jobs: int = 1) -> list[str]:
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
