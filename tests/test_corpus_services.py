"""All three services of the HTML corpus, one spec per service folder (issue: older layouts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from doc2openapi.scraper.interpret.columns import is_parameter_table
from doc2openapi.scraper.interpret.sections import assign_roles
from doc2openapi.scraper.page import Table
from doc2openapi.scraper.pipeline import ScrapeResult
from doc2openapi.scraper.readers import NotADocument, read_document
from doc2openapi.scraper.services import find_services
from tests.helpers import assert_operation_pages, resolve

# ECS docs carry more broken examples than the others (numbers typed as strings, "" for
# objects, mandatory fields missing): each one is reported as a doc defect.
EXAMPLE_SHARE = {"ecs": 0.85, "elb": 0.90}


@pytest.fixture(scope="module")
def services(html_services: dict[str, ScrapeResult]) -> dict[str, ScrapeResult]:
    return html_services


def test_one_spec_per_service_folder(corpus: Path, services: dict[str, ScrapeResult]) -> None:
    assert sorted(find_services([corpus / "otc-html"])) == ["ecs", "elb", "modelarts"]
    assert sorted(services) == ["ecs", "elb", "modelarts"]
    assert all(result.valid for result in services.values())


@pytest.mark.parametrize("name", ["ecs", "elb"])
def test_uri_pages_yield_operations(services: dict[str, ScrapeResult], name: str) -> None:
    assert_operation_pages(services[name].report, at_least=130, share=0.95)


@pytest.mark.parametrize("name", ["ecs", "elb"])
def test_examples_validate_or_are_reported(services: dict[str, ScrapeResult], name: str) -> None:
    report = services[name].report
    counts = report.summary.examples
    assert counts["valid"] + counts["invalid"] >= 140
    assert counts["valid"] / (counts["valid"] + counts["invalid"]) >= EXAMPLE_SHARE[name]
    defects = [d for d in report.diagnostics if d.kind == "doc-defect:example"]
    assert len({(d.file, d.reason.split(":")[0]) for d in defects}) >= counts["invalid"] / 2
    assert all(d.reason for d in defects)


def _documents_response_fields(path: Path) -> bool:
    try:
        page = read_document(path.read_bytes(), path.name)
    except NotADocument:
        return False
    roles = assign_roles(page)
    if not any(r.role == "uri" for r in roles):
        return False
    return any(
        isinstance(b, Table) and is_parameter_table(b) and "header" not in b.caption.lower()
        for r in roles
        if r.role == "response"
        for b in r.section.blocks
    )


def _has_fields(spec: dict[str, Any], op: dict[str, Any]) -> bool:
    for response in op["responses"].values():
        media = response.get("content", {}).get("application/json")
        if media is None:
            continue
        schema = resolve(spec, media["schema"])
        if any(schema.get(k) for k in ("properties", "items", "anyOf", "additionalProperties")):
            return True
    return False


def test_no_empty_response_where_the_page_documents_fields(
    corpus: Path, services: dict[str, ScrapeResult]
) -> None:
    checked = 0
    for name, result in services.items():
        folder = corpus / "otc-html" / name
        spec = result.spec
        by_id = {op["operationId"]: op for m in spec["paths"].values() for op in m.values()}
        no_body_pages = {d.file for d in result.report.diagnostics if d.kind == "doc-defect:status"}
        for entry in result.report.files:
            if entry.status != "operations" or not _documents_response_fields(folder / entry.file):
                continue
            no_body = entry.file in no_body_pages  # fields documented for a 204: reported
            for label in entry.operations:
                op_id = label.rsplit("(", 1)[1].rstrip(")")
                if op_id in by_id:  # merged duplicates live under the first page's id
                    checked += 1
                    assert no_body or _has_fields(spec, by_id[op_id]), f"{name}: {label}"
    assert checked >= 200


def test_tags_and_servers_come_from_the_docs(services: dict[str, ScrapeResult]) -> None:
    ecs = services["ecs"].spec
    tags = [t["name"] for t in ecs["tags"]]
    assert "Lifecycle Management" in tags
    op = ecs["paths"]["/v1/{project_id}/cloudservers"]["post"]
    assert op["tags"] == ["Lifecycle Management"]
    server = services["elb"].spec["servers"][0]
    assert "{region}" in server["url"]
    region = server["variables"]["region"]
    assert region["default"] in region["enum"]


def test_openstack_action_endpoint_merges_every_documented_body(
    services: dict[str, ScrapeResult],
) -> None:
    spec = services["ecs"].spec
    for version in ("v2.1", "v2"):  # one page documents both versions' endpoints
        action = spec["paths"][f"/{version}/{{project_id}}/servers/{{server_id}}/action"]["post"]
        shapes = action["requestBody"]["content"]["application/json"]["schema"]["oneOf"]
        keys = {key for shape in shapes for key in resolve(spec, shape).get("properties", {})}
        assert {"os-start", "os-stop", "reboot"} <= keys
        assert "Also documented as" in action["description"]
        actions = {a["key"]: a for a in action["x-actions"]}  # each action keeps its own page
        assert set(actions) == keys
        assert len({a["operationId"] for a in actions.values()}) == len(actions)


def test_versions_get_distinct_operation_ids(services: dict[str, ScrapeResult]) -> None:
    spec = services["ecs"].spec
    v21 = spec["paths"]["/v2.1/{project_id}/servers/{server_id}/os-interface"]["get"]
    v2 = spec["paths"]["/v2/{project_id}/servers/{server_id}/os-interface"]["get"]
    assert v21["operationId"] == "ListServerInterface"  # the newest version keeps the name
    assert v2["operationId"] == "ListV2ServerInterface"


def test_rfc6570_query_templates_are_not_path(services: dict[str, ScrapeResult]) -> None:
    paths = services["ecs"].spec["paths"]
    nic = "/v2.1/{project_id}/servers/{server_id}/os-interface/{"
    assert [p for p in paths if p.startswith(nic) and "delete" in paths[p]]
    assert not [p for p in paths if "{?" in p or "?" in p]
