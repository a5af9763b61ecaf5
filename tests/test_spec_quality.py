"""Spec quality: lint-clean, 3.0.3 and 3.1.0, stable deduplicated components, provenance."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from doc2openapi.scraper.model import REF_PREFIX
from doc2openapi.scraper.output import dumps
from doc2openapi.scraper.pipeline import ScrapeResult, scrape
from doc2openapi.scraper.transforms import to_openapi_31
from doc2openapi.scraper.validate import spec_errors
from tests.conftest import PAGES, ROOT

REDOCLY = ROOT / "node_modules" / ".bin" / "redocly"


@pytest.fixture(scope="module")
def all_specs(
    html_services: dict[str, ScrapeResult], rst_modelarts: ScrapeResult
) -> dict[str, ScrapeResult]:
    found = dict(html_services)
    found["rst-modelarts"] = rst_modelarts
    found["fixtures"] = scrape([PAGES], service="widget")
    return found


def _redocly_errors(spec: dict[str, Any], tmp_path: Path, name: str) -> tuple[int, int]:
    path = tmp_path / f"{name}.yaml"
    path.write_text(dumps(spec, path))
    env = {**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"}
    run = subprocess.run(
        [str(REDOCLY), "lint", str(path), "--format=json"],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    report = json.loads(run.stdout[run.stdout.index("{") :])
    totals = report["totals"]
    return int(totals["errors"]), int(totals["warnings"])


def test_redocly_finds_no_errors(all_specs: dict[str, ScrapeResult], tmp_path: Path) -> None:
    if not REDOCLY.exists():
        pytest.fail("Redocly CLI missing: run `make test` (it installs node_modules)")
    for name, result in all_specs.items():
        errors, warnings = _redocly_errors(result.spec, tmp_path, name)
        print(f"redocly {name}: {errors} errors, {warnings} warnings")
        assert errors == 0, name


def test_openapi_30_and_31_both_validate(all_specs: dict[str, ScrapeResult]) -> None:
    for name, result in all_specs.items():
        assert result.spec["openapi"] == "3.0.3"
        assert not spec_errors(result.spec), name
        converted = to_openapi_31(result.spec)
        assert converted["openapi"] == "3.1.0"
        assert not spec_errors(converted), name
        text = json.dumps(converted)
        assert '"nullable"' not in text
        if name == "elb":
            assert '"null"]' in text


def test_31_writes_an_exclusive_bound_as_its_number_and_leaves_fields_so_named() -> None:
    spec = {
        "openapi": "3.0.3",
        "components": {"schemas": {"Ratio": {
            "type": "object",
            "properties": {
                "rate": {"type": "number", "minimum": 0, "maximum": 1, "exclusiveMinimum": True},
                "nullable": {"type": "boolean"},  # a field, not the keyword
                "type": {"type": "string"},
            },
        }}},
    }  # fmt: skip
    converted = to_openapi_31(spec)["components"]["schemas"]["Ratio"]["properties"]
    assert converted["rate"] == {"type": "number", "maximum": 1, "exclusiveMinimum": 0}
    assert converted["nullable"] == {"type": "boolean"} and converted["type"] == {"type": "string"}


def test_31_output_validates() -> None:
    result = scrape([PAGES], openapi_version="3.1")
    assert result.valid
    assert result.spec["openapi"] == "3.1.0"


def _canonical(schema: Any) -> str:
    return json.dumps(schema, sort_keys=True)


def test_no_two_components_are_identical(all_specs: dict[str, ScrapeResult]) -> None:
    for name, result in all_specs.items():
        schemas = result.spec["components"]["schemas"]
        seen: dict[str, str] = {}
        for component, schema in schemas.items():
            text = _canonical(schema)
            assert text not in seen, f"{name}: {component} == {seen.get(text)}"
            seen[text] = component


def _refs(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"][len(REF_PREFIX) :]} if "$ref" in node else set()
        return found.union(*(_refs(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_refs(v) for v in node))
    return set()


def _closure(spec: dict[str, Any], roots: set[str]) -> set[str]:
    done: set[str] = set()
    todo = set(roots)
    while todo:
        name = todo.pop()
        done.add(name)
        todo |= _refs(spec["components"]["schemas"][name]) - done
    return done


def _operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return [op for methods in spec["paths"].values() for op in methods.values()]


def test_component_names_are_stable(corpus: Path, tmp_path: Path) -> None:
    source = corpus / "otc-html" / "modelarts"
    first = scrape([source])
    assert first.spec["components"] == scrape([source]).spec["components"]
    # An unrelated page: its operation shares no component with any other operation.
    ops = _operations(first.spec)
    closures = {op["operationId"]: _closure(first.spec, _refs(op)) for op in ops}
    pages = {
        label.rsplit("(", 1)[1].rstrip(")"): entry.file
        for entry in first.report.files
        for label in entry.operations
    }
    unrelated = sorted(
        op_id for op_id, names in closures.items()
        if names and not names & set().union(*(c for o, c in closures.items() if o != op_id))
    )  # fmt: skip
    assert unrelated
    removed = pages[unrelated[0]]
    docs = tmp_path / "modelarts"
    shutil.copytree(source, docs, ignore=shutil.ignore_patterns(removed))
    without = scrape([docs]).spec["components"]["schemas"]
    kept = set().union(*(c for o, c in closures.items() if o != unrelated[0]))
    assert len(kept) > 100
    for name in kept:
        assert without.get(name) == first.spec["components"]["schemas"][name], name
    assert not closures[unrelated[0]] & set(without)


def test_provenance_marks_operations_parameters_and_properties() -> None:
    spec = scrape([PAGES], provenance=True).spec
    op = spec["paths"]["/v1/{project_id}/widgets"]["get"]
    assert op["x-doc-source"] == {"file": "ListWidgets.html"}
    limit = next(p for p in op["parameters"] if p["name"] == "limit")
    assert limit["x-doc-source"] == {
        "file": "ListWidgets.html",
        "table": "Table 2 Query Parameters",
        "row": 1,
    }
    size = spec["components"]["schemas"]["Widget"]["properties"]["size"]
    assert size["x-doc-source"] == {"file": "ListWidgets.html", "table": "Table 4 Widget", "row": 2}
    plain = scrape([PAGES]).spec
    assert "x-doc-source" not in json.dumps(plain)


def test_deprecated_and_error_bodies(all_specs: dict[str, ScrapeResult]) -> None:
    spec = all_specs["ecs"].spec
    ops = [op for m in spec["paths"].values() for op in m.values()]
    discarded = [op for op in ops if "Discarded" in op.get("summary", "")]
    assert discarded
    assert all(op.get("deprecated") is True for op in discarded)
    rst = all_specs["rst-modelarts"].spec
    with_error = [
        op["responses"]["400"]["content"]["application/json"]["schema"]
        for op in _operations(rst)
        if "400" in op["responses"] and "content" in op["responses"]["400"]
    ]
    assert with_error
    error = rst["components"]["schemas"][with_error[0]["$ref"][len(REF_PREFIX) :]]
    assert set(error["properties"]) == {"error_code", "error_msg"}
