"""The spec keeps the page's prose whole and readable: every prose section as CommonMark,
no "Table N" or navigation left dangling, no word split by inline markup, and the headers
the prose asks for. Pages are our own, as small as the convention allows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from doc2openapi.scraper.generator_names import name_enum_members, rename_operation_like_components
from doc2openapi.scraper.interpret.references import tidy
from doc2openapi.scraper.pipeline import scrape
from tests.helpers import operation, params, request_schema, response_schema
from tests.test_conventions import HEADER, RESPONSE_HEADER, kinds, page, scrape_pages, table

HTML_PAGE = """<html><body>
<h1 class="topictitle1">Starting <span id="t1">ECS</span>s in a Batch</h1>
<div class="section"><h4 class="sectiontitle">Function</h4>
<p>This API starts <span>ECS</span>s, <b>several</b> <i>at once</i>.</p></div>
<div class="section"><h4 class="sectiontitle">URI</h4><p>POST /v1/{project_id}/servers/start</p>
<table><caption><b>Table 1 </b>Parameter description</caption>
<thead><tr><th>Parameter</th><th>Mandatory</th><th>Description</th></tr></thead>
<tbody><tr><td>project_id</td><td>Yes</td><td>The project.</td></tr></tbody></table></div>
<div class="section"><h4 class="sectiontitle">Constraints</h4><ul>
<li>When using this API, ensure that the microversion is 2.6 or later.
<p>Add a microversion using the HTTP request header X-Widget-API-Version.</p>
<p>For example, X-Widget-API-Version: 2.6</p></li>
<li>A second rule with <code>code</code>.</li></ul>
<pre class="screen">#!/bin/bash
echo hello</pre>
</div>
<div class="section"><h4 class="sectiontitle">Returned Values</h4><p>See Returned Values.</p>
</div>
<div class="section"><h4 class="sectiontitle">Error Codes</h4><p>See <a href="e.html">Error
Codes</a>.</p></div>
<div class="section"><h4 class="sectiontitle">Calling Method</h4><p>For details, see
<a href="c.html">Calling APIs</a>.</p></div>
<div class="section"><h4 class="sectiontitle">Restrictions</h4><p>None</p></div>
<div class="section"><h4 class="sectiontitle">Notes</h4><p>See the console for quotas first.
</p></div>
<div class="familylinks"><div class="parentlink"><strong>Parent topic:</strong>
<a href="index.html">Batch Operations</a></div></div>
</body></html>
"""


def test_html_prose_sections_become_commonmark(tmp_path: Path) -> None:
    result = scrape_pages(tmp_path, {"start.html": HTML_PAGE})
    op = operation(result.spec, "post", "/v1/{project_id}/servers/start")
    assert op["summary"] == "Starting ECSs in a Batch"  # no "ECS s": inline spans join
    text = op["description"]
    assert text.startswith("This API starts ECSs, several at once.")
    assert "**Constraints**\n\n- When using this API, ensure that the microversion" in text
    assert "\n- A second rule with code." in text
    assert "```\n#!/bin/bash\necho hello\n```" in text  # code stays a code block
    assert "Parent topic" not in str(result.spec)
    # a section that only points at another page (its link gone) or says "None" tells nothing
    for empty in ("Error Codes", "Calling Method", "Restrictions"):
        assert f"**{empty}**" not in text
    assert "**Notes**\n\nSee the console for quotas first." in text  # advice, no pointer
    for response in op["responses"].values():
        assert "Parent topic" not in response["description"]


def test_a_header_the_prose_asks_for_is_an_optional_parameter(tmp_path: Path) -> None:
    result = scrape_pages(tmp_path, {"start.html": HTML_PAGE})
    op = operation(result.spec, "post", "/v1/{project_id}/servers/start")
    header = params(op)[("header", "X-Widget-API-Version")]
    assert header.get("required", False) is False
    assert header["example"] == "2.6"
    assert "microversion is 2.6 or later" in header["description"]
    assert any("X-Widget-API-Version" in r for r in kinds(result)["inferred:header"])


def test_rst_notes_and_constraints_keep_lists_and_code(tmp_path: Path) -> None:
    constraints = (
        "- Only *stopped* widgets.\n- At most 10 <per> call.\n\n"
        ".. code-block::\n\n   curl -X DELETE x\n"
    )
    text = page(
        "Deleting a Widget",
        ("Function", "This API deletes a widget."),
        ("URI", "DELETE /v1/widgets/{widget_id}"),
        ("Constraints", constraints),
        ("Notes", "Deleted widgets cannot be restored."),
    )
    result = scrape_pages(tmp_path, {"delete.rst": text})
    description = operation(result.spec, "delete", "/v1/widgets/{widget_id}")["description"]
    assert description == (
        "This API deletes a widget.\n\n"
        "**Constraints**\n\n- Only stopped widgets.\n- At most 10 \\<per> call.\n\n"
        "```\ncurl -X DELETE x\n```\n\n"
        "**Notes**\n\nDeleted widgets cannot be restored."
    )


def test_table_numbers_become_what_they_name(tmp_path: Path) -> None:
    request = (
        table(
            "Table 2 Request body",
            HEADER,
            ("spec", "Yes", "Object", "The spec. For details, see :ref:`Table 3 <spec>`."),
            ("state", "No", "String", "The state. Table 4 lists the states."),
            ("size", "No", "Integer", "The size, see Table 9."),
        )
        + "\n"
        + table("Table 3 spec", HEADER, ("name", "Yes", "String", "Name."), label="spec")
        + "\n"
        + table("Table 4 Widget states", ("State", "Meaning"), ("on", "running"))
    )
    text = page(
        "Creating a Widget",
        ("Function", "Creates a widget (see Table 2)."),
        ("URI", "POST /v1/widgets"),
        ("Request", request),
        ("Response", table("Table 5 Response body", RESPONSE_HEADER, ("id", "String", "Id."))),
    )
    result = scrape_pages(tmp_path, {"create.rst": text})
    spec = result.spec
    op = operation(spec, "post", "/v1/widgets")
    props = request_schema(spec, op)["properties"]
    assert props["spec"]["description"] == "The spec."  # its schema is that table
    assert props["state"]["description"] == 'The state. "Widget states" lists the states.'
    assert props["size"]["description"] == "The size."  # no Table 9 on the page
    assert op["description"] == 'Creates a widget (see "Request body").'
    assert response_schema(spec, op, "200")
    assert "Table " not in str({k: v for k, v in spec.items() if k != "components"})


def test_tidy_drops_empty_pointers_and_navigation() -> None:
    def nothing(number: int) -> None:
        return None

    assert tidy("Resizing, see . For example, x.", nothing) == "For example, x."
    assert tidy("Text.\nParent topic: Images", nothing) == "Text."
    assert tidy("For details, see Table 3.", nothing) == ""
    assert tidy("Table 3 shows the mapping.", nothing) == "The table in the docs shows the mapping."
    assert tidy("Version 0.5 (see Table 2) is old.", nothing) == "Version 0.5 is old."


def test_descriptions_are_deterministic(tmp_path: Path) -> None:
    folder = tmp_path / "svc"
    folder.mkdir()
    (folder / "start.html").write_text(HTML_PAGE, encoding="utf-8")
    first = scrape([folder], service="svc").spec
    assert scrape([folder], service="svc").spec == first


def test_a_repeated_path_variable_gets_a_name_of_its_own(tmp_path: Path) -> None:
    uri = "GET /v2/{project_id}/os-quota-sets/{project_id}\n\n" + table(
        "Table 1 Parameter description",
        ("Parameter", "Mandatory", "Description"),
        ("project_id", "Yes", "The project whose quotas are queried."),
    )
    text = page("Querying Quotas", ("URI", uri))
    result = scrape_pages(tmp_path, {"quotas.rst": text})
    op = operation(result.spec, "get", "/v2/{project_id}/os-quota-sets/{target_project_id}")
    target = params(op)[("path", "target_project_id")]
    assert target["required"] is True and target["description"].startswith("The project")
    assert ("path", "project_id") in params(op)
    assert kinds(result)["repeated-path-parameter"]


def test_generator_names_never_collide() -> None:
    enum: dict[str, Any] = {"type": "string", "enum": ["true", "false", "True", "in-use"]}
    plain: dict[str, Any] = {"type": "string", "enum": ["a", "b"]}
    spec: dict[str, Any] = {
        "paths": {"/x": {"get": {"operationId": "ListThings", "responses": {}}}},
        "components": {"schemas": {"ListThings": {"properties": {"a": enum, "b": plain}}}},
    }
    spec["paths"]["/x"]["get"]["responses"]["200"] = {
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ListThings"}}}
    }
    assert name_enum_members(spec) == 1
    assert enum["x-enum-varnames"] == ["TRUE", "FALSE", "TRUE_2", "IN_USE"]
    assert "x-enum-varnames" not in plain
    assert rename_operation_like_components(spec) == {"ListThings": "ListThingsObject"}
    media = spec["paths"]["/x"]["get"]["responses"]["200"]["content"]["application/json"]
    assert media["schema"]["$ref"] == "#/components/schemas/ListThingsObject"
    assert list(spec["components"]["schemas"]) == ["ListThingsObject"]
