"""Prose constraints become schema keywords; the prose stays."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scraper.interpret.constraints import apply_constraints
from scraper.pipeline import ScrapeResult, scrape
from tests.helpers import operation, params, resolve


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("integer", "The value ranges from 1 to 100. The default value is 10.",
         {"minimum": 1, "maximum": 100, "default": 10}),
        ("integer", "The value range is [1, 1000]. Default value: 10",
         {"minimum": 1, "maximum": 1000, "default": 10}),
        ("integer", "Minimum: 1 Maximum: 65535", {"minimum": 1, "maximum": 65535}),
        ("integer", "Default value: 0 The value range is [1, 65535].",
         {"minimum": 1, "maximum": 65535}),  # a default outside the range is dropped
        ("integer", "The options are as follows: - 0: labeled - 1: unlabeled - 2: all",
         {"enum": [0, 1, 2]}),
        ("string", "Options:\n- QUEUING: queuing\n- RUNNING: running (default value)",
         {"enum": ["QUEUING", "RUNNING"], "default": "RUNNING"}),
        ("string", "Sorting order. The value can be asc or desc. Default value: desc",
         {"enum": ["asc", "desc"], "default": "desc"}),
        ("string", "The value can be job_name, job_desc, status, or create_time.",
         {"enum": ["job_name", "job_desc", "status", "create_time"]}),
        ("string", "Consists of 1 to 64 characters.", {"minLength": 1, "maxLength": 64}),
        ("string", "The value contains a maximum of 255 characters.", {"maxLength": 255}),
        ("string", "The name contains 0 to 1,024 characters.", {"maxLength": 1024}),
        ("string", "The ID is in UUID format.", {"format": "uuid"}),
        ("string", "Otherwise, the default security group is used.", {}),
        ("boolean", "The value can be true or false, and the default value is false.",
         {"default": False}),
    ],
)  # fmt: skip
def test_constraints_from_prose(kind: str, text: str, expected: dict[str, Any]) -> None:
    schema: dict[str, Any] = {"type": kind}
    apply_constraints(schema, text)
    assert {k: v for k, v in schema.items() if k != "type"} == expected


def test_stated_but_unclear_constraints_are_counted_not_guessed() -> None:
    schema: dict[str, Any] = {"type": "integer"}
    found = apply_constraints(schema, "The value range is (0, ∞). Obtain it from the console.")
    assert found.stated == {"range"}
    assert found.extracted == set()
    assert schema == {"type": "integer"}


def test_seed_limit_and_enums(seeds: Path) -> None:
    result = scrape([seeds / "GetExportTasksStatusOfDataset.gitea.html.txt"])
    op = operation(result.spec, "get", "/v2/{project_id}/datasets/{dataset_id}/export-tasks")
    limit = params(op)[("query", "limit")]
    assert limit["schema"] == {
        "type": "integer",
        "format": "int32",
        "minimum": 1,
        "maximum": 100,
        "default": 10,
    }
    assert "ranges from 1 to 100" in limit["description"]
    assert params(op)[("query", "export_type")]["schema"]["enum"] == [0, 1, 2, 3]
    schemas = result.spec["components"]["schemas"]
    assert schemas["SearchProp"]["properties"]["op"]["enum"] == ["AND", "OR"]
    assert schemas["ExportParams"]["properties"]["export_dest"]["enum"] == ["DIR", "NEW_DATASET"]
    assert schemas["ExportParams"]["properties"]["export_dest"]["default"] == "DIR"


def test_corpus_share_of_stated_constraints_turned_into_keywords(
    html_services: dict[str, ScrapeResult],
) -> None:
    stated = extracted = 0
    for result in html_services.values():
        summary = result.report["summary"]["constraints"]
        stated += sum(summary["stated"].values())
        extracted += sum(summary["extracted"].values())
    assert stated >= 1000
    assert extracted / stated >= 0.90


def test_an_example_that_contradicts_a_keyword_removes_it(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        "<h1>Get</h1><h4>URI</h4><p>GET /v1/things</p><h4>Response Parameters</h4>"
        "<table><tr><th>Parameter</th><th>Type</th><th>Description</th></tr>"
        "<tr><td>mode</td><td>String</td><td>Options: - a: first - b: second</td></tr></table>"
        '<h4>Example Responses</h4><pre>{"mode": "c"}</pre>'
    )
    result = scrape([page])
    body = resolve(result.spec, result.spec["paths"]["/v1/things"]["get"]["responses"]["200"]
                   ["content"]["application/json"]["schema"])  # fmt: skip
    assert "enum" not in body["properties"]["mode"]
    kinds = [d["kind"] for d in result.diagnostics]
    assert "doc-defect:constraint" in kinds
    assert result.report["summary"]["examples"] == {"valid": 1, "invalid": 0}
