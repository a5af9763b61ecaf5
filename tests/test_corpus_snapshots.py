"""Structural snapshots of every corpus service: operationIds with their method and path,
component names and counts, committed under tests/golden/corpus/ (identifiers and numbers
only, no doc prose). A change that adds, drops or renames anything shows up as a diff to
review; when it is intended, regenerate with `make golden`."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest

from doc2openapi.scraper.pipeline import ScrapeResult
from doc2openapi.scraper.tree import operations
from tests.conftest import ROOT
from tests.test_golden import UPDATE

SNAPSHOTS = ROOT / "tests" / "golden" / "corpus"


def snapshot(result: ScrapeResult) -> dict[str, Any]:
    spec = result.spec
    ids = {op["operationId"]: f"{method.upper()} {path}" for path, method, op in operations(spec)}
    parameters = sum(len(op.get("parameters", [])) for _, _, op in operations(spec))
    components = spec.get("components", {}).get("schemas", {})
    kinds = Counter(d.kind for d in result.report.diagnostics)
    return {
        "counts": {
            "operations": len(ids),
            "paths": len(spec.get("paths", {})),
            "parameters": parameters,
            "components": len(components),
            "tags": len(spec.get("tags", [])),
            "valid": result.valid,
        },
        "diagnostics": dict(sorted(kinds.items())),
        "operations": dict(sorted(ids.items())),
        "components": sorted(components),
    }


def test_every_service_matches_its_snapshot(catalog: dict[str, ScrapeResult]) -> None:
    produced = {
        f"{tree}.json": json.dumps(snapshot(result), indent=1, sort_keys=False) + "\n"
        for tree, result in catalog.items()
    }
    if UPDATE:
        for old in SNAPSHOTS.rglob("*.json"):
            old.unlink()
        for name, text in produced.items():
            (SNAPSHOTS / name).parent.mkdir(parents=True, exist_ok=True)
            (SNAPSHOTS / name).write_text(text, encoding="utf-8")
    kept = {str(p.relative_to(SNAPSHOTS)): p.read_text() for p in SNAPSHOTS.rglob("*.json")}
    assert sorted(kept) == sorted(produced), "services added or gone: run `make golden`"
    changed = sorted(name for name in produced if kept[name] != produced[name])
    if changed:
        pytest.fail(f"structure changed in {changed}: review `git diff tests/golden`, "
                    "then run `make golden`")  # fmt: skip
