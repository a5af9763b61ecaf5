"""Interpreting our own fixture pages: parameters, bodies, linking, examples, responses."""

from __future__ import annotations

from typing import Any

import pytest

from doc2openapi.scraper.pipeline import ScrapeResult, scrape
from tests.conftest import PAGES
from tests.helpers import (
    operation,
    params,
    ref_name,
    request_schema,
    resolve,
    response_schema,
)


@pytest.fixture(scope="module")
def widgets() -> ScrapeResult:
    return scrape([PAGES], service="widget")


@pytest.fixture(scope="module")
def spec(widgets: ScrapeResult) -> dict[str, Any]:
    return widgets.spec


def test_spec_is_valid_and_named_from_the_docs(widgets: ScrapeResult) -> None:
    assert widgets.valid
    assert widgets.spec["info"]["title"] == "Widget API"
    assert widgets.spec["components"]["securitySchemes"]["token"]["name"] == "X-Auth-Token"


def test_parameters_by_location(spec: dict[str, Any]) -> None:
    op = operation(spec, "get", "/v1/{project_id}/widgets")
    p = params(op)
    assert p[("path", "project_id")]["required"] is True
    assert p[("path", "project_id")]["schema"] == {"type": "string"}
    assert p[("query", "limit")]["schema"]["type"] == "integer"
    assert "required" not in p[("query", "limit")]
    assert p[("query", "limit")]["example"] == 10  # from the example request's query string
    assert op["operationId"] == "ListWidgets"
    assert op["summary"] == "Listing Widgets"
    assert op["tags"] == ["Widget Management"]


def test_nested_objects_link_by_anchor(spec: dict[str, Any]) -> None:
    op = operation(spec, "get", "/v1/{project_id}/widgets")
    body = response_schema(spec, op, "200")
    items = body["properties"]["widgets"]["items"]
    assert ref_name(items) == "Widget"
    widget = resolve(spec, items)
    assert widget["properties"]["size"] == {
        "type": "integer",
        "format": "int64",
        "description": "Size in bytes.",
    }
    assert widget["properties"]["labels"]["additionalProperties"] == {
        "type": "array",
        "items": {"type": "string"},
    }
    assert ref_name(widget["properties"]["owner"]) == "Owner"
    assert set(resolve(spec, widget["properties"]["owner"])["properties"]) == {"name", "active"}


def test_request_body_links_by_table_number_and_title(spec: dict[str, Any]) -> None:
    op = operation(spec, "post", "/v1/{project_id}/widgets")
    request = request_schema(spec, op)
    assert request["required"] == ["name", "spec"]
    assert ref_name(request["properties"]["spec"]) == "Spec"  # "For details, see Table 4"
    parts = request["properties"]["parts"]
    assert parts["type"] == "array" and ref_name(parts["items"]) == "Parts"  # "see Table 5"
    assert "Optional" not in request["properties"]  # the spanning sub-heading row is no field
    headers = params(op)
    assert ("header", "X-Request-Tag") in headers
    assert ("header", "X-Auth-Token") not in headers  # covered by the security scheme


def test_responses_from_status_table(spec: dict[str, Any]) -> None:
    get = operation(spec, "get", "/v1/{project_id}/widgets")
    assert set(get["responses"]) == {"200", "401"}
    assert get["responses"]["401"]["description"] == "Unauthorized"
    post = operation(spec, "post", "/v1/{project_id}/widgets")
    assert set(post["responses"]) == {"201"}  # the body without a status marker: first 2xx
    assert "content" in post["responses"]["201"]


def test_examples_validated_and_defects_reported(widgets: ScrapeResult) -> None:
    spec = widgets.spec
    get = operation(spec, "get", "/v1/{project_id}/widgets")
    media = get["responses"]["200"]["content"]["application/json"]
    assert media["examples"]["ok"]["value"]["count"] == 1  # named after its caption, "OK"
    post = operation(spec, "post", "/v1/{project_id}/widgets")
    assert "examples" not in post["responses"]["201"]["content"]["application/json"]
    assert post["requestBody"]["content"]["application/json"]["examples"]
    reasons = {(d.kind, d.reason) for d in widgets.diagnostics}
    assert (
        "doc-defect:example",
        "CreateWidget 201 response example: $.id: 42 is not of type 'string'",
    ) in reasons
    assert (
        "doc-defect:undocumented-field",
        "ListWidgets 200 response: the example has $.widgets[].shape, which no table mentions; "
        "added as string from the example",
    ) in reasons
    widget = resolve(spec, media["schema"])["properties"]["widgets"]
    shape = resolve(spec, widget["items"])["properties"]["shape"]
    assert shape["type"] == "string"  # the example's field joins the schema, typed by its value


def test_report_lists_every_file(widgets: ScrapeResult) -> None:
    files = {f.file: f for f in widgets.report.files}
    assert files["overview.html"].status == "not-an-operation"
    assert files["CLASS.TXT.json"].status == "skipped"
    assert files["ListWidgets.html"].operations == ["GET /v1/{project_id}/widgets (ListWidgets)"]
    assert widgets.report.summary.operations == 2
