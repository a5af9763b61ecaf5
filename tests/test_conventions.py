"""Doc conventions met across the 19-service catalog, each on a small RST page of our own.

Every test writes the smallest page that shows one convention and checks what the spec
makes of it, so a change to the interpreter that breaks a convention fails here by name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from doc2openapi.scraper.pipeline import ScrapeResult, scrape
from tests.helpers import (
    example_values,
    fields_of,
    operation,
    params,
    ref_name,
    request_schema,
    resolve,
    response_schema,
)


def rst_table(*rows: tuple[str, ...]) -> str:
    """A grid table from rows (the first is the header), indented for a directive."""
    widths = [max(len(row[i]) for row in rows) + 2 for i in range(len(rows[0]))]
    line = "+" + "+".join("-" * w for w in widths) + "+"
    head = "+" + "+".join("=" * w for w in widths) + "+"

    def cells(row: tuple[str, ...]) -> str:
        return "|" + "|".join(f" {c:<{w - 1}}" for c, w in zip(row, widths, strict=True)) + "|"

    out = [line, cells(rows[0]), head]
    for row in rows[1:]:
        out += [cells(row), line]
    return "\n".join("   " + text for text in out)


def page(title: str, *sections: tuple[str, str]) -> str:
    parts = [title, "=" * len(title), ""]
    for heading, body in sections:
        parts += [heading, "-" * len(heading), "", body, ""]
    return "\n".join(parts)


def table(caption: str, *rows: tuple[str, ...], label: str = "") -> str:
    anchor = f".. _{label}:\n\n" if label else ""
    return f"{anchor}.. table:: **{caption}**\n\n{rst_table(*rows)}\n"


HEADER = ("Parameter", "Mandatory", "Type", "Description")
RESPONSE_HEADER = ("Parameter", "Type", "Description")


def scrape_pages(tmp_path: Path, pages: dict[str, str]) -> ScrapeResult:
    folder = tmp_path / "svc"
    folder.mkdir()
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = scrape([folder], service="svc")
    assert result.valid, result.report
    return result


def scrape_response(
    tmp_path: Path, title: str, uri: str, response: str, example: str
) -> tuple[ScrapeResult, dict[str, Any]]:
    """One page that documents `uri` ("GET /v1/x") by a response table and an example
    response: the scrape, and the schema of its 200 response body."""
    method, path = uri.split()
    sections = (("URI", uri), ("Response", response), ("Example Response", example))
    result = scrape_pages(tmp_path, {"show.rst": page(title, *sections)})
    return result, response_schema(result.spec, operation(result.spec, method.lower(), path), "200")


def kinds(result: ScrapeResult) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for diagnostic in result.diagnostics:
        found.setdefault(diagnostic.kind, []).append(diagnostic.reason)
    return found


def test_rows_of_a_uri_table_named_in_the_query_template_are_query_parameters(
    tmp_path: Path,
) -> None:
    uri = "GET /v2/{project_id}/records?limit={limit}&name={name}\n\n" + table(
        "Table 1 Parameters in the URI",
        HEADER,
        ("project_id", "Yes", "String", "Project ID."),
        ("limit", "No", "Integer", "Page size."),
        ("name", "No", "String", "Record name."),
    )
    result = scrape_pages(tmp_path, {"list.rst": page("Listing Records", ("URI", uri))})
    p = params(operation(result.spec, "get", "/v2/{project_id}/records"))
    assert set(p) == {("path", "project_id"), ("query", "limit"), ("query", "name")}
    assert "path-parameter-not-in-path" not in kinds(result)


def test_a_token_row_in_a_uri_table_is_the_auth_header_not_a_query_parameter(
    tmp_path: Path,
) -> None:
    """DDS lists `x-auth-token` beside `project_id` under "Request parameters" of the URI."""
    uri = "GET https://{Endpoint}/v3/{project_id}/configurations\n\n" + table(
        "Table 1 Request parameters",
        ("Name", "Type", "Mandatory", "Description"),
        ("x-auth-token", "String", "Yes", "User token."),
        ("project_id", "String", "Yes", "Project ID."),
        ("limit", "Integer", "No", "Page size."),
    )
    result = scrape_pages(tmp_path, {"list.rst": page("Listing Templates", ("URI", uri))})
    p = params(operation(result.spec, "get", "/v3/{project_id}/configurations"))
    assert set(p) == {("path", "project_id"), ("query", "limit")}


def test_a_content_type_row_naming_a_form_type_makes_the_body_that_form(tmp_path: Path) -> None:
    """ "The value is fixed at application/x-www-form-urlencoded." in the header table:
    before, the body was declared JSON, which no server of that page accepts."""
    headers = table(
        "Table 1 Request header parameters", HEADER,
        ("Content-Type", "Yes", "String", "Fixed at application/x-www-form-urlencoded."),
    )  # fmt: skip
    body = table("Table 2 Request body parameters", HEADER, ("grant_type", "Yes", "String", "G."))
    text = page("Obtaining a Token", ("URI", "POST /v3/oauth/token"), ("Request", headers + body))
    result = scrape_pages(tmp_path, {"token.rst": text})
    content = operation(result.spec, "post", "/v3/oauth/token")["requestBody"]["content"]
    assert list(content) == ["application/x-www-form-urlencoded"]


def test_a_formdata_table_is_a_multipart_form_with_its_file_as_binary(tmp_path: Path) -> None:
    """APIG's import: "FormData parameters" with a row of type File."""
    request = table(
        "Table 2 FormData parameters",
        HEADER,
        ("is_create_group", "No", "Boolean", "Create a group."),
        ("file_name", "Yes", "File", "The file to import."),
    )
    text = page(
        "Importing APIs",
        ("URI", "POST /v2/{project_id}/imports"),
        ("Request Parameters", request),
        ("Response Parameters", "None"),
    )
    result = scrape_pages(tmp_path, {"import.rst": text})
    content = operation(result.spec, "post", "/v2/{project_id}/imports")["requestBody"]["content"]
    assert list(content) == ["multipart/form-data"]
    body = resolve(result.spec, content["multipart/form-data"]["schema"])
    assert body["properties"]["file_name"]["format"] == "binary"
    assert body["properties"]["is_create_group"]["type"] == "boolean"
    assert body["required"] == ["file_name"]


def test_a_request_example_s_content_type_is_the_body_s_media_type(tmp_path: Path) -> None:
    """IMS's Glance update: a JSON patch sent as application/openstack-images-v2.1-json-patch."""
    request = table(
        "Table 2 v2.1 request message body",
        HEADER,
        ("op", "Yes", "String", "The operation."),
        ("path", "Yes", "String", "The attribute."),
    )
    example = (
        "::\n\n   PATCH https://{Endpoint}/v2/images/abc\n"
        '   "Content-Type:application/openstack-images-v2.1-json-patch"\n'
        '   {"op": "replace", "path": "/name"}\n'
    )
    text = page(
        "Modifying an Image",
        ("URI", "PATCH /v2/images/{image_id}"),
        ("Request", request),
        ("Example Request", example),
        ("Response", "None"),
    )
    result = scrape_pages(tmp_path, {"patch.rst": text})
    content = operation(result.spec, "patch", "/v2/images/{image_id}")["requestBody"]["content"]
    assert list(content) == ["application/openstack-images-v2.1-json-patch"]
    examples = content["application/openstack-images-v2.1-json-patch"]["examples"]
    assert [e["value"] for e in examples.values()] == [{"op": "replace", "path": "/name"}]


def test_a_misspelt_path_variable_row_is_the_variable_and_a_reported_defect(
    tmp_path: Path,
) -> None:
    uri = "GET /v2/{project_id}/flavors/{flavor_id}\n\n" + table(
        "Table 1 Parameter description",
        HEADER,
        ("project_id", "Yes", "String", "Project ID."),
        ("flavors_id", "Yes", "String", "Flavor ID."),
    )
    result = scrape_pages(tmp_path, {"show.rst": page("Showing a Flavor", ("URI", uri))})
    p = params(operation(result.spec, "get", "/v2/{project_id}/flavors/{flavor_id}"))
    assert set(p) == {("path", "project_id"), ("path", "flavor_id")}
    assert p[("path", "flavor_id")]["description"] == "Flavor ID."
    assert any("flavors_id" in r for r in kinds(result)["doc-defect:parameter-name"])


def _filter_page(example: str) -> str:
    request = table(
        "Table 1 Parameter description",
        HEADER,
        ("limit", "No", "Integer", "Page size."),
        ("protocol", "No", "String", "Protocol to filter by."),
    )
    response = table("Table 2 Parameter description", RESPONSE_HEADER, ("count", "Integer", "N."))
    return page(
        "Querying Listeners",
        ("URI", "GET /v2.0/listeners"),
        ("Request", request),
        ("Response", response),
        ("Example Request", example),
    )


def test_a_get_pages_request_table_is_its_query_unless_a_body_is_shown(tmp_path: Path) -> None:
    plain = ".. code-block:: text\n\n   GET https://{Endpoint}/v2.0/listeners?limit=2\n"
    result = scrape_pages(tmp_path, {"list.rst": _filter_page(plain)})
    op = operation(result.spec, "get", "/v2.0/listeners")
    assert "requestBody" not in op
    assert set(params(op)) == {("query", "limit"), ("query", "protocol")}
    assert params(op)[("query", "limit")]["example"] == 2
    assert "inferred:query" in kinds(result)

    body = '.. code-block::\n\n   {"limit": 2, "protocol": "UDP"}\n'
    other = tmp_path / "with-body"
    other.mkdir()
    result = scrape_pages(other, {"list.rst": _filter_page(body)})
    op = operation(result.spec, "get", "/v2.0/listeners")
    assert "requestBody" in op and not params(op)


def test_a_get_pages_request_row_naming_a_path_variable_is_that_variable(tmp_path: Path) -> None:
    """A request table read as the query: a row named after a path variable documents the
    variable; it is no required query key beside it."""
    request = table(
        "Table 1 Parameter description",
        HEADER,
        ("fields", "No", "String", "Fields to return."),
        ("project_id", "Yes", "String", "Project ID."),
    )
    text = page("Querying Quotas", ("URI", "GET /v2.0/quotas/{project_id}"), ("Request", request))
    result = scrape_pages(tmp_path, {"quotas.rst": text})
    op = operation(result.spec, "get", "/v2.0/quotas/{project_id}")
    assert set(params(op)) == {("query", "fields"), ("path", "project_id")}
    assert params(op)[("path", "project_id")]["description"] == "Project ID."
    assert "undocumented-path-parameter" not in kinds(result)


def test_path_variables_a_uri_sentence_describes_take_its_words(tmp_path: Path) -> None:
    """No URI table: a sentence of the URI section names the variables ("project_id
    indicates the project ID"); a variable it does not name stays undocumented."""
    uri = (
        "POST /v2.0/{project_id}/gateways/{gateway_id}/tags/{key}\n\n"
        ".. note::\n\n   In the URI, **project_id** indicates the project ID, and "
        "**gateway_id** indicates the ID of the target gateway. The key is mandatory.\n"
    )
    result = scrape_pages(tmp_path, {"tags.rst": page("Creating Tags", ("URI", uri))})
    op = operation(result.spec, "post", "/v2.0/{project_id}/gateways/{gateway_id}/tags/{key}")
    described = {name: p.get("description") for (_, name), p in params(op).items()}
    assert described == {
        "project_id": "The project ID.",
        "gateway_id": "The ID of the target gateway.",
        "key": None,
    }
    assert len(kinds(result)["inferred:path"]) == 2
    assert any("{key}" in r for r in kinds(result)["undocumented-path-parameter"])


def test_a_type_name_containing_headers_is_a_body_object_not_header_parameters(
    tmp_path: Path,
) -> None:
    request = (
        table(
            "Table 1 Request header parameters",
            HEADER,
            ("X-Language", "No", "String", "Language."),
        )
        + "\n"
        + table(
            "Table 2 Request body parameters",
            HEADER,
            ("insert_headers", "No", "ListenerInsertHeaders object", "Headers to insert."),
        )
        + "\n"
        + table(
            "Table 3 ListenerInsertHeaders",
            HEADER,
            ("X-Forwarded-Host", "No", "Boolean", "Rewrite the host."),
        )
    )
    result = scrape_pages(
        tmp_path,
        {"add.rst": page("Adding a Listener", ("URI", "POST /v3/listeners"), ("Request", request))},
    )
    op = operation(result.spec, "post", "/v3/listeners")
    assert set(params(op)) == {("header", "X-Language")}
    body = request_schema(result.spec, op)
    headers = resolve(result.spec, body["properties"]["insert_headers"])
    assert set(headers["properties"]) == {"X-Forwarded-Host"}


def test_wire_types_null_object_path_parameters_and_untyped_arrays(tmp_path: Path) -> None:
    uri = "POST /v2/servers/{server_id}/action\n\n" + table(
        "Table 1 Parameter description",
        HEADER,
        ("server_id", "Yes", "Object", "Server ID."),
        ("tags", "No", "Array", "Tags to match."),
    )
    request = table(
        "Table 2 Request parameters",
        HEADER,
        ("os-start", "Yes", "Null", "Starts the server. The data structure is empty."),
    )
    result = scrape_pages(
        tmp_path,
        {"start.rst": page("Starting a Server", ("URI", uri), ("Request", request))},
    )
    op = operation(result.spec, "post", "/v2/servers/{server_id}/action")
    p = params(op)
    assert p[("path", "server_id")]["schema"] == {"type": "string"}
    assert p[("query", "tags")]["schema"] == {"type": "array", "items": {"type": "string"}}
    body = request_schema(result.spec, op)
    start = body["properties"]["os-start"]
    assert start["nullable"] is True and start["maxProperties"] == 0
    found = kinds(result)
    assert "doc-defect:parameter-type" in found and "inferred:items" in found


def test_a_list_filter_without_item_type_takes_the_responses_field_type(tmp_path: Path) -> None:
    """ELB (HTML): `protocol_port | No | Array` filters the listeners the page returns,
    whose table types `protocol_port` as Integer. A filter no response field names (or
    fields of several types) keeps string items."""
    uri = "GET /v2/listeners\n\n" + table(
        "Table 1 Query parameters",
        HEADER,
        ("protocol_port", "No", "Array", "Ports; repeat the key to query several."),
        ("name", "No", "Array", "Names."),
        ("marker", "No", "Array", "Markers."),
        ("weight", "No", "Array", "Weights."),
    )
    response = table(
        "Table 2 Response body",
        RESPONSE_HEADER,
        ("listeners", "Array of :ref:`Listener <listener>` objects", "Listeners."),
        ("weight", "String", "Weight, as text."),
    ) + table(
        "Table 3 Listener",
        RESPONSE_HEADER,
        ("protocol_port", "Integer", "Port."),
        ("name", "String", "Name."),
        ("weight", "Integer", "Weight."),
        label="listener",
    )
    result = scrape_pages(
        tmp_path,
        {"list.rst": page("Querying Listeners", ("URI", uri), ("Response", response))},
    )
    p = params(operation(result.spec, "get", "/v2/listeners"))
    items = {name: p[("query", name)]["schema"]["items"] for _, name in p}
    assert items == {
        "protocol_port": {"type": "integer"},
        "name": {"type": "string"},
        "marker": {"type": "string"},
        "weight": {"type": "string"},
    }
    reasons = " | ".join(kinds(result)["inferred:items"])
    assert "'protocol_port': array with no item type; items taken as integers, the type" in reasons
    assert "'marker': array with no item type; items taken as strings" in reasons


def test_uri_table_rows_the_request_example_sends_are_the_body(tmp_path: Path) -> None:
    """Classic ELB: one "Parameter description" table under URI holds the path variable
    and the body's fields; the request example sends those fields. On a GET, or where the
    example sends other keys, the rows stay query parameters."""
    rows = (
        ("project_id", "Yes", "String", "Project."),
        ("name", "Yes", "String", "Listener name."),
        ("port", "No", "Integer", "Port."),
        ("members", "No", "Array of objects", "Members."),
    )

    def uri(method: str) -> str:
        return f"{method} /v1/{{project_id}}/listeners\n\n" + table(
            "Table 1 Parameter description", HEADER, *rows
        )

    example = '.. code-block::\n\n   {"name": "lis", "port": 80}\n'
    other = '.. code-block::\n\n   {"listener": {"name": "lis"}}\n'
    result = scrape_pages(
        tmp_path,
        {
            "add.rst": page(
                "Adding a Listener", ("URI", uri("POST")), ("Example Request", example)
            ),
            "edit.rst": page("Editing a Listener", ("URI", uri("PUT")), ("Example Request", other)),
            "list.rst": page("Listing Listeners", ("URI", uri("GET"))),
            "batch.rst": page(
                "Adding Listeners",
                ("URI", uri("POST").replace("listeners", "listener-batches")),
                ("Example Request", '.. code-block::\n\n   [{"name": "a"}, {"name": "b"}]\n'),
            ),
        },
    )
    batch = operation(result.spec, "post", "/v1/{project_id}/listener-batches")
    listed = request_schema(result.spec, batch)
    assert listed["type"] == "array" and "port" in listed["items"]["properties"]
    path = "/v1/{project_id}/listeners"
    add = operation(result.spec, "post", path)
    assert set(params(add)) == {("path", "project_id")}
    body = request_schema(result.spec, add)
    assert list(body["properties"]) == ["name", "port", "members"]
    assert body["required"] == ["name"]
    assert body["properties"]["port"]["type"] == "integer"
    assert body["properties"]["port"]["description"] == "Port."
    assert body["properties"]["members"]["type"] == "array"
    object_reason, list_reason = kinds(result)["inferred:body"]
    assert "['members', 'name', 'port']" in object_reason and "as an object:" in object_reason
    assert "as a list of objects:" in list_reason
    for method in ("put", "get"):
        op = operation(result.spec, method, path)
        assert {("query", "name"), ("query", "port")} <= set(params(op))
    assert "requestBody" not in operation(result.spec, "get", path)
    # the PUT's example sends other keys: no table documents that body, the example shows it
    edit = operation(result.spec, "put", path)
    shown = request_schema(result.spec, edit)
    assert shown["properties"]["listener"]["properties"] == {"name": {"type": "string"}}
    assert "example-without-schema" in kinds(result)


def test_a_list_of_the_documented_object_and_empty_examples(tmp_path: Path) -> None:
    """Classic ELB: the response table documents one listener, the example is a list of
    them: the body is that list. "Response parameters: None" with an example `{}` agree,
    so nothing is reported; a non-empty example without a table is, and shows the body."""
    response = table("Table 2 Parameter description", RESPONSE_HEADER, ("id", "String", "ID."))
    listed = '.. code-block::\n\n   [{"id": "a"}, {"id": "b"}]\n'
    result = scrape_pages(
        tmp_path,
        {
            "list.rst": page(
                "Listing Listeners",
                ("URI", "GET /v1/listeners"),
                ("Response", response),
                ("Example Response", listed),
            ),
            "tag.rst": page(
                "Tagging",
                ("URI", "POST /v1/tags"),
                ("Response", "None"),
                ("Example Response", ".. code-block::\n\n   {}\n"),
            ),
            "untag.rst": page(
                "Untagging",
                ("URI", "POST /v1/untags"),
                ("Example Response", '.. code-block::\n\n   {"done": true}\n'),
            ),
            "show.rst": page(
                "Showing a Tag",
                ("URI", "GET /v1/tags/{tag_id}"),
                ("Example Request", '.. code-block::\n\n   {"tag": "a"}\n'),
            ),
        },
    )
    assert "requestBody" not in operation(result.spec, "get", "/v1/tags/{tag_id}")
    body = response_schema(result.spec, operation(result.spec, "get", "/v1/listeners"), "200")
    assert body["type"] == "array" and "id" in resolve(result.spec, body["items"])["properties"]
    (reason,) = kinds(result)["inferred:root-array"]
    assert "lists of the object the table documents" in reason
    get_without, without = kinds(result)["example-without-schema"]
    assert "a request example is given for a method without a body; left out" in get_without
    assert "a 200 response example is given but no response table" in without
    shown = response_schema(result.spec, operation(result.spec, "post", "/v1/untags"), "200")
    assert shown["properties"] == {"done": {"type": "boolean"}}
    tag_responses = operation(result.spec, "post", "/v1/tags")["responses"].values()
    assert not any("content" in r for r in tag_responses)
    assert "doc-defect:example" not in kinds(result)


def test_types_that_name_a_table_by_its_number_or_as_a_structure(tmp_path: Path) -> None:
    response = (
        table(
            "Table 2 Parameter description",
            RESPONSE_HEADER,
            ("topics", "Array of :ref:`Table 3 <t3>` objects", "Topics."),
            ("tags", "Tags structure array", "Tags."),
            ("labels", "Array of Map<String,String> objects", "Labels."),
        )
        + "\n"
        + table("Table 3 Topic structure", RESPONSE_HEADER, ("name", "String", "N."), label="t3")
        + "\n"
        + table("Table 4 Tags structure", RESPONSE_HEADER, ("key", "String", "K."))
    )
    result = scrape_pages(
        tmp_path,
        {"topics.rst": page("Querying Topics", ("URI", "GET /v2/topics"), ("Response", response))},
    )
    op = operation(result.spec, "get", "/v2/topics")
    body = response_schema(result.spec, op, "200")
    topics: dict[str, Any] = body["properties"]["topics"]
    assert set(resolve(result.spec, topics["items"])["properties"]) == {"name"}
    assert set(resolve(result.spec, body["properties"]["tags"]["items"])["properties"]) == {"key"}
    labels = body["properties"]["labels"]
    assert labels["items"]["additionalProperties"] == {"type": "string"}
    assert "unknown-type" not in kinds(result)
    assert ref_name(topics["items"])


def test_a_response_section_that_only_links_to_another_page_takes_that_pages_table(
    tmp_path: Path,
) -> None:
    task = page(
        "Responses (Task)",
        ("Response", table("Table 1 Response", RESPONSE_HEADER, ("job_id", "String", "Job."))),
    )
    deleting = page(
        "Deleting Servers",
        ("URI", "POST /v1/servers/delete"),
        ("Response", "See :ref:`Responses (Task) <task_page>`."),
    )
    result = scrape_pages(tmp_path, {"task.rst": ".. _task_page:\n\n" + task, "del.rst": deleting})
    op = operation(result.spec, "post", "/v1/servers/delete")
    assert set(response_schema(result.spec, op, "200")["properties"]) == {"job_id"}
    assert any("task.rst" in r for r in kinds(result)["linked-body"])


def test_a_link_to_an_operation_page_takes_its_response_body_not_its_path_table(
    tmp_path: Path,
) -> None:
    """ "The response parameters are the same as those of Querying a Job": that page's
    response body table, not its first table (the path parameters, which made the retry's
    response require `project_id` and reject its own example)."""
    show = page(
        "Querying a Job",
        ("URI", "GET /v1/jobs/{job_id}\n\n"
         + table("Table 1 Path parameters", HEADER, ("job_id", "Yes", "String", "Job."))),
        ("Response Parameters",
         table("Table 2 Response body parameters", RESPONSE_HEADER, ("id", "String", "ID."))),
    )  # fmt: skip
    retry = page(
        "Retrying a Job",
        ("URI", "POST /v1/jobs/{job_id}/retry"),
        ("Response Parameters", "The response parameters are the same as those of "
                                ":ref:`Querying a Job <show_page>`."),
    )  # fmt: skip
    pages = {"show.rst": ".. _show_page:\n\n" + show, "retry.rst": retry}
    result = scrape_pages(tmp_path, pages)
    op = operation(result.spec, "post", "/v1/jobs/{job_id}/retry")
    assert set(response_schema(result.spec, op, "200")["properties"]) == {"id"}
    assert any("Table 2 Response body parameters" in r for r in kinds(result)["linked-body"])


def test_an_example_shown_as_an_http_message_is_its_status_lines(tmp_path: Path) -> None:
    """Blocks opening with "HTTP/1.1 202 Accepted": the 202's example. Before, every such
    block was the 200's, and a field of the 202's table was reported as in no table."""

    def block(status_line: str, body: str) -> str:
        message = f"{status_line}\nContent-Type: application/json\n\n{body}"
        return ".. code-block:: text\n\n" + "".join(f"   {line}\n" for line in message.split("\n"))

    text = page(
        "Deleting a Cluster",
        ("URI", "DELETE /v1/clusters/{cluster_id}"),
        ("Response", "**Status code: 200**\n\n"
         + table("Table 2 Response body", RESPONSE_HEADER, ("result", "String", "Result."))
         + "\n**Status code: 202**\n\n"
         + table("Table 3 Response body", RESPONSE_HEADER, ("job_id", "String", "Job."))),
        ("Example Responses", block("HTTP/1.1 200 OK", '{"result": "success"}') + "\n"
         + block("HTTP/1.1 202 Accepted", '{"job_id": "j-1"}')),
    )  # fmt: skip
    result = scrape_pages(tmp_path, {"delete.rst": text})
    op = operation(result.spec, "delete", "/v1/clusters/{cluster_id}")
    for status, key in (("200", "result"), ("202", "job_id")):
        assert [list(value) for value in example_values(op, status)] == [[key]]
    assert "doc-defect:undocumented-field" not in kinds(result)


def test_a_labelled_example_and_a_table_stating_no_code_are_one_response(
    tmp_path: Path,
) -> None:
    """The table states no code and the example's label does: the label says where the body
    goes when the page lists that code, and is a reported slip when it does not. Before,
    the table went to the first listed code and the example, alone, to its label's code,
    reported as given with "no response table"."""

    def widget_page(listed: tuple[str, ...], label: str) -> str:
        statuses = table("Table 3 Status codes", ("Status Code", "Description"),
                         *((code, "Done.") for code in listed))  # fmt: skip
        example = f'Status code: {label}\n\n.. code-block::\n\n   {{"id": "w"}}\n'
        return page(
            "Creating a Widget",
            ("URI", "POST /v1/widgets"),
            ("Response", table("Table 2 Response body", RESPONSE_HEADER, ("id", "String", "Id."))),
            ("Example Response", example),
            ("Status Codes", statuses),
        )  # fmt: skip

    for case in ("listed", "slip"):
        (tmp_path / case).mkdir()
    listed = scrape_pages(tmp_path / "listed", {"create.rst": widget_page(("201", "202"), "202")})
    responses = operation(listed.spec, "post", "/v1/widgets")["responses"]
    assert "content" not in responses["201"]
    assert example_values(operation(listed.spec, "post", "/v1/widgets"), "202") == [{"id": "w"}]
    assert "example-without-schema" not in kinds(listed)

    slip = scrape_pages(tmp_path / "slip", {"create.rst": widget_page(("200",), "201")})
    op = operation(slip.spec, "post", "/v1/widgets")
    assert sorted(op["responses"]) == ["200"] and example_values(op, "200") == [{"id": "w"}]
    (reason,) = kinds(slip)["doc-defect:status"]
    assert "labelled 201, but the page lists 200" in reason


def test_a_query_key_the_uri_names_with_no_row_is_an_optional_string_said(
    tmp_path: Path,
) -> None:
    """`&sort={sort}` with no row: before, the key was lost without a word."""
    query = table("Table 1 Query parameters", HEADER, ("limit", "No", "Integer", "Page size."))
    text = page("Querying Alarms", ("URI", "GET /v2/alarms?limit={limit}&sort={sort}\n\n" + query))
    result = scrape_pages(tmp_path, {"alarms.rst": text})
    found = params(operation(result.spec, "get", "/v2/alarms"))
    assert found.keys() == {("query", "limit"), ("query", "sort")}
    assert found[("query", "sort")]["schema"] == {"type": "string"}
    assert "required" not in found[("query", "sort")]
    assert kinds(result)["undocumented-query-parameter"] == [
        "query key 'sort' in the URI of /v2/alarms has no parameter row; an optional string"
    ]
    cased = page(
        "Querying Alarms", ("URI", "GET /v2/alarms?Limit={limit}&size={limit}\n\n" + query)
    )
    (tmp_path / "cased").mkdir()
    # the row in other case, or named by the key's placeholder
    result = scrape_pages(tmp_path / "cased", {"alarms.rst": cased})
    assert params(operation(result.spec, "get", "/v2/alarms")).keys() == {("query", "limit")}


def test_angle_bracket_placeholders_are_path_variables(tmp_path: Path) -> None:
    """ "/clusters/<cluster_id>": before, the path kept the brackets and its variables became
    required query parameters."""
    uri = table("Table 1 Path parameters", HEADER, ("cluster_id", "Yes", "String", "Cluster."))
    text = page("Deleting a Cluster", ("URI", "DELETE /v2/clusters/<cluster_id>\n\n" + uri))
    result = scrape_pages(tmp_path, {"delete.rst": text})
    op = operation(result.spec, "delete", "/v2/clusters/{cluster_id}")
    assert params(op).keys() == {("path", "cluster_id")}


def test_a_returned_result_label_after_a_request_line_is_the_response_example(
    tmp_path: Path,
) -> None:
    """A block with only "GET https://.../servers", then "The returned result is as
    follows:" and the JSON: the response's example. Before, it was a request example of a
    GET, left out."""
    response = table("Table 2 Response body", RESPONSE_HEADER, ("count", "Integer", "Count."))
    example = (
        ".. code-block::\n\n   GET https://{endpoint}/v1/servers?limit=10\n\n"
        'The returned result is as follows:\n\n.. code-block::\n\n   {"count": 2}\n'
    )
    text = page(
        "Querying Servers", ("URI", "GET /v1/servers"), ("Response", response),
        ("Example", example),
    )  # fmt: skip
    result = scrape_pages(tmp_path, {"list.rst": text})
    assert example_values(operation(result.spec, "get", "/v1/servers"), "200") == [{"count": 2}]
    assert "example-without-schema" not in kinds(result)


def test_one_block_labelling_its_request_and_response_parts_gives_each_its_example(
    tmp_path: Path,
) -> None:
    """ "Request:" over one JSON value and "Response:" over another in one block: before,
    both were response examples, and the request's field was reported as in no table."""
    request = table("Table 1 Request body", HEADER, ("key_alias", "Yes", "String", "Alias."))
    response = table("Table 2 Response body", RESPONSE_HEADER, ("key_id", "String", "ID."))
    lines = ["Request:", '{"key_alias": "test"}', "", "Response:", '{"key_id": "k-1"}']
    block = ".. code-block::\n\n" + "".join(f"   {line}\n" for line in lines)
    text = page(
        "Creating a Key", ("URI", "POST /v1/keys"), ("Request", request),
        ("Response", response), ("Example", block),
    )  # fmt: skip
    result = scrape_pages(tmp_path, {"create.rst": text})
    op = operation(result.spec, "post", "/v1/keys")
    assert example_values(op) == [{"key_alias": "test"}]
    assert example_values(op, "200") == [{"key_id": "k-1"}]
    assert "doc-defect:undocumented-field" not in kinds(result)


def test_a_curl_command_is_read_as_the_request_it_sends(tmp_path: Path) -> None:
    """ "curl -X POST 'https://.../jobs?dry_run=true' -H ... -d '{...}'": its body is the
    request example and its query is checked like a request line's. Before, the block was
    ignored, and the undocumented field and query key went unnoticed."""
    request = table("Table 1 Request body", HEADER, ("name", "Yes", "String", "Name."))
    command = [
        'curl -X POST "https://{endpoint}/v1/jobs?dry_run=true" \\',
        '  -H "Content-Type: application/json" \\',
        '  -d \'{"name": "job1", "retries": 2}\'',
    ]
    block = ".. code-block:: bash\n\n" + "".join(f"   {line}\n" for line in command)
    text = page(
        "Creating a Job", ("URI", "POST /v1/jobs"), ("Request", request),
        ("Example Request", block),
    )  # fmt: skip
    result = scrape_pages(tmp_path, {"create.rst": text})
    op = operation(result.spec, "post", "/v1/jobs")
    assert example_values(op) == [{"name": "job1", "retries": 2}]
    found = kinds(result)
    assert any("$.retries" in r for r in found["doc-defect:undocumented-field"])
    assert any("'dry_run'" in r for r in found["doc-defect:undocumented-parameter"])


def test_a_request_label_naming_results_stays_a_request(tmp_path: Path) -> None:
    """ "Request for querying the results of two tasks" is a request's label: "result" names
    a reply only where the label names neither side."""
    request = table("Table 1 Request body", HEADER, ("task_ids", "Yes", "Array of strings", "T."))
    example = (
        "Request for querying the results of two tasks\n\n.. code-block::\n\n"
        '   {"task_ids": ["a", "b"]}\n'
    )
    text = page(
        "Querying Results", ("URI", "POST /v1/results"), ("Request", request),
        ("Example", example),
    )  # fmt: skip
    result = scrape_pages(tmp_path, {"results.rst": text})
    op = operation(result.spec, "post", "/v1/results")
    assert example_values(op) == [{"task_ids": ["a", "b"]}]
    assert "doc-defect:undocumented-field" not in kinds(result)


def test_a_status_code_standing_alone_under_returned_values_is_the_success_code(
    tmp_path: Path,
) -> None:
    statuses = "-  Normal\n\n   204\n\n-  Abnormal\n\n" + table(
        "Table 2 Abnormal", ("Returned Value", "Description"), ("404 Not Found", "Not found.")
    )
    result = scrape_pages(
        tmp_path,
        {
            "del.rst": page(
                "Deleting an Image",
                ("URI", "DELETE /v2/images/{image_id}"),
                ("Returned Values", statuses),
            )
        },
    )
    op = operation(result.spec, "delete", "/v2/images/{image_id}")
    assert op["responses"]["204"]["description"] == "No Content"
    assert op["responses"]["404"]["description"] == "Not found."
    assert "no-responses" not in kinds(result)


def test_a_status_table_with_a_status_column_is_described_by_its_description_column(
    tmp_path: Path,
) -> None:
    """KMS, DWS: "Status Code | Status | Description" says "OK" in its second column."""
    statuses = table(
        "Table 4 Status codes",
        ("Status Code", "Status", "Description"),
        ("200", "OK", "Request processed successfully."),
    )
    result = scrape_pages(
        tmp_path,
        {"tags.rst": page("Querying Tags", ("URI", "GET /v1/tags"), ("Status Codes", statuses))},
    )
    op = operation(result.spec, "get", "/v1/tags")
    assert op["responses"]["200"]["description"] == "Request processed successfully."


def test_a_status_code_stated_in_a_sentence(tmp_path: Path) -> None:
    """ECS: "Status code 200, indicating that the operation is successful" under Example
    Response; DDS: "Status Code:200."; ELB: "If the operation succeeds, 202 Accepted is
    returned"; VPCEP: "status code **200** is returned" in its Function section. Not "error
    code 403", and not where a list or table names the statuses."""
    pages = {
        "add.rst": page(
            "Adding a Member",
            ("URI", "POST /v1/groups/{group_id}/action"),
            ("Response", "None"),
            ("Example Response", "Status code 200, indicating that the operation is successful"),
        ),
        "set.rst": page(
            "Setting a Policy", ("URI", "PUT /v3/policy"), ("Status Code", "Status Code:200.")
        ),
        "del.rst": page(
            "Deleting a Certificate",
            ("URI", "DELETE /v2/certificates/{id}"),
            (
                "Status Code",
                "If the operation succeeds, 202 Accepted is returned. In use: error code 403.",
            ),
        ),
        "svc.rst": page(
            "Deleting a Service",
            ("Function", "It is asynchronous. If it succeeds, status code **200** is returned."),
            ("URI", "DELETE /v1/services/{id}"),
        ),
        "own.rst": page(
            "Showing a Policy",
            ("URI", "GET /v3/policy"),
            ("Status Code", "-  Normal\n\n   204\n\nOtherwise status code 409 is returned."),
        ),
    }
    result = scrape_pages(tmp_path, pages)
    codes = {
        (method, path): sorted(operation(result.spec, method, path)["responses"])
        for method, path in [
            ("post", "/v1/groups/{group_id}/action"),
            ("put", "/v3/policy"),
            ("delete", "/v2/certificates/{id}"),
            ("delete", "/v1/services/{id}"),
            ("get", "/v3/policy"),
        ]
    }
    assert codes == {
        ("post", "/v1/groups/{group_id}/action"): ["200"],
        ("put", "/v3/policy"): ["200"],
        ("delete", "/v2/certificates/{id}"): ["202"],
        ("delete", "/v1/services/{id}"): ["200"],
        ("get", "/v3/policy"): ["204"],
    }
    assert "no-responses" not in kinds(result)


def test_a_sentence_naming_the_2xx_class_gives_the_range_key_unless_a_code_is_named(
    tmp_path: Path,
) -> None:
    """DNS: "If a 2xx status code is returned, for example, 200, 202, or 204, the request is
    successful" names no one code: OpenAPI's "2XX" says exactly that, with or without a body.
    Beside a code a sentence does name ("Status code 201, ..."), the class is not added; a
    "2xx" that says nothing of this call's success ("non-2xx", "must reply with") is none."""
    ranged = "If a 2xx status code is returned, for example, 200, 202, or 204, it succeeded."
    body = table("Table 3 Response parameters", RESPONSE_HEADER, ("id", "String", "Its ID."))
    pages = {
        "del.rst": page(
            "Deleting a Tag", ("URI", "DELETE /v2/tags/{key}"), ("Response", "None"),
            ("Returned Value", ranged),
        ),
        "add.rst": page(
            "Creating a Zone", ("URI", "POST /v2/zones"), ("Response", body),
            ("Returned Value", ranged),
        ),
        "put.rst": page(
            "Updating a Zone", ("URI", "PUT /v2/zones/{id}"), ("Response", "None"),
            ("Returned Value", ranged + " Status code 201, indicating that it was created."),
        ),
        "hook.rst": page(
            "Creating a Hook", ("Function", "The hook must reply with a 2xx status code."),
            ("URI", "POST /v2/hooks"), ("Response", body),
            ("Error Codes", "A non-2xx status code indicates a failure."),
        ),
    }  # fmt: skip
    result = scrape_pages(tmp_path, pages)
    responses = {
        (method, path): operation(result.spec, method, path)["responses"]
        for method, path in [
            ("delete", "/v2/tags/{key}"), ("post", "/v2/zones"), ("put", "/v2/zones/{id}"),
            ("post", "/v2/hooks"),
        ]
    }  # fmt: skip
    assert {key: sorted(found) for key, found in responses.items()} == {
        ("delete", "/v2/tags/{key}"): ["2XX"],
        ("post", "/v2/zones"): ["2XX"],
        ("put", "/v2/zones/{id}"): ["201"],
        ("post", "/v2/hooks"): ["200"],  # no sentence says a 2xx is this call's success
    }
    assert "content" not in responses["delete", "/v2/tags/{key}"]["2XX"]
    said = {found["2XX"]["description"] for found in responses.values() if "2XX" in found}
    assert said == {"Successful (any 2xx status)"}
    created = response_schema(result.spec, operation(result.spec, "post", "/v2/zones"), "2XX")
    assert set(created["properties"]) == {"id"}
    assert "no-responses" not in kinds(result)


def test_a_location_column_on_a_body_method_puts_its_rows_outside_the_body(
    tmp_path: Path,
) -> None:
    """One request table for everything ("Field | In | Type | Required"): on a PUT, as on a
    GET, the rows located in the path, query or headers are parameters, and only the rest
    are the body's fields; a table with no body row documents no body. "URI" is the path's
    variable or else the query string's key."""
    located = ("Parameter", "In", "Mandatory", "Type", "Description")
    put = table(
        "Table 1 Parameters", located,
        ("queue_id", "path", "Yes", "String", "Queue ID."),
        ("dry_run", "query", "No", "Boolean", "Only check."),
        ("X-Request-Id", "header", "No", "String", "Idempotency key."),
        ("name", "body", "Yes", "String", "New name."),
    )  # fmt: skip
    post = table(
        "Table 1 Parameters", located,
        ("queue_id", "URI", "Yes", "String", "Queue ID."),
        ("force", "URI", "No", "Boolean", "Purge at once."),
    )  # fmt: skip
    answer = table(
        "Table 2 Response", ("Parameter", "In", "Type", "Description"),
        ("X-Trace", "header", "String", "Trace."), ("id", "body", "String", "Queue ID."),
    )  # fmt: skip
    pages = {
        "put.rst": page(
            "Updating a Queue",
            ("URI", "PUT /v2/queues/{queue_id}"),
            ("Request", put),
            ("Response", answer),
        ),
        "purge.rst": page(
            "Purging a Queue", ("URI", "POST /v2/queues/{queue_id}/purge"), ("Request", post)
        ),
    }
    result = scrape_pages(tmp_path, pages)
    op = operation(result.spec, "put", "/v2/queues/{queue_id}")
    placed = {(p["in"], p["name"], p.get("required", False)) for p in op["parameters"]}
    assert placed == {
        ("path", "queue_id", True), ("query", "dry_run", False), ("header", "X-Request-Id", False)
    }  # fmt: skip
    body = request_schema(result.spec, op)
    assert body["properties"].keys() == {"name"} and body["required"] == ["name"]
    purge = operation(result.spec, "post", "/v2/queues/{queue_id}/purge")
    assert "requestBody" not in purge
    assert resolve(result.spec, response_schema(result.spec, op, "200"))["properties"].keys() == {
        "X-Trace",
        "id",
    }  # a response table's rows stay its fields: only the request table's are placed
    assert params(purge).keys() == {("path", "queue_id"), ("query", "force")}  # "URI": either


def test_a_request_line_under_another_heading_or_in_two_halves_names_the_endpoint(
    tmp_path: Path,
) -> None:
    """No URI section, but a paragraph that is a request line ("Request URL: GET https://...")
    under "Request": the endpoint, and the section's tables keep their role; "HTTP Request"
    is a URI heading. "HTTP Method: DELETE" and "Path: /v1/..." on lines of their own are
    one request line. What the prose mentions ("call GET /v1/widgets instead"), a bare line
    (how walkthroughs show a call) and an example's line name no operation."""
    path_table = table(
        "Table 1 Path parameters", HEADER, ("widget_id", "Yes", "String", "Widget ID.")
    )
    pages = {
        "show.rst": page(
            "Querying a Widget",
            ("Request", "Request URL: GET https://{endpoint}/v1/widgets/{widget_id}\n\n"
             "To list them all, call GET /v1/widgets instead.\n\n" + path_table),
        ),
        "purge.rst": page("Purging Widgets", ("HTTP Request", "POST /v1/widgets/purge")),
        "del.rst": page(
            "Deleting a Widget",
            ("URI", "HTTP Method: DELETE\n\nPath: /v1/widgets/{widget_id}\n\n" + path_table),
        ),
        "guide.rst": page(
            "Making a Request",
            ("Step 1: Get a Token", "Do this first."),
            ("Request", "POST https://iam.example.com/v3/auth/tokens"),
            ("Example Request", "GET https://{endpoint}/v1/widgets"),
        ),
    }  # fmt: skip
    result = scrape_pages(tmp_path, pages)
    found = {(m, p) for p, item in result.spec["paths"].items() for m in item}
    assert found == {
        ("get", "/v1/widgets/{widget_id}"),
        ("post", "/v1/widgets/purge"),
        ("delete", "/v1/widgets/{widget_id}"),
    }
    shown = operation(result.spec, "get", "/v1/widgets/{widget_id}")["parameters"]
    assert [(p["in"], p["name"], p["description"]) for p in shown] == [
        ("path", "widget_id", "Widget ID.")
    ]
    statuses = {f.file: f.status for f in result.report.files}
    assert statuses["guide.rst"] == "not-an-operation"


def test_a_bare_request_line_under_a_heading_of_no_role_is_the_uri_section(
    tmp_path: Path,
) -> None:
    """ "Endpoint" over "DELETE /v1/widgets/{widget_id}" (or over "Method: PUT" and "URI:
    ..."), on a page with a status section: the URI section, its table the path's. Before,
    the page was "not an operation", with no diagnostic. A page with no request, response
    or status section (an overview's "Endpoint") stays what it was."""
    path_table = table(
        "Table 1 Path parameters", HEADER, ("widget_id", "Yes", "String", "Widget ID.")
    )
    statuses = table("Table 2 Status codes", ("Status Code", "Description"), ("204", "Done."))
    pages = {
        "del.rst": page(
            "Deleting a Widget",
            ("Endpoint", "DELETE /v1/widgets/{widget_id}\n\n" + path_table),
            ("Status Codes", statuses),
        ),
        "put.rst": page(
            "Updating a Widget",
            ("Endpoint", "Method: PUT\n\nURI: /v1/widgets/{widget_id}\n\n" + path_table),
            ("Status Codes", statuses),
        ),
        "about.rst": page("Endpoints", ("Endpoint", "GET /v1/regions lists them.")),
    }
    result = scrape_pages(tmp_path, pages)
    found = {(m, p) for p, item in result.spec["paths"].items() for m in item}
    assert found == {("delete", "/v1/widgets/{widget_id}"), ("put", "/v1/widgets/{widget_id}")}
    shown = operation(result.spec, "delete", "/v1/widgets/{widget_id}")["parameters"]
    assert [(p["in"], p["name"], p["description"]) for p in shown] == [
        ("path", "widget_id", "Widget ID.")
    ]
    statuses_of = {f.file: f.status for f in result.report.files}
    assert statuses_of["about.rst"] == "not-an-operation"


def test_rows_named_by_a_path_with_any_index_nest_under_their_list(tmp_path: Path) -> None:
    rows = table(
        "Table 2 Request body", HEADER,
        ("tags", "No", "Array of objects", "Tags."),
        ("tags[*].key", "Yes", "String", "Key."),
        ("tags[*].value", "No", "String", "Value."),
    )  # fmt: skip
    result = scrape_pages(
        tmp_path, {"tag.rst": page("Tagging", ("URI", "POST /v1/tags"), ("Request", rows))}
    )
    op = operation(result.spec, "post", "/v1/tags")
    body = request_schema(result.spec, op)
    items = resolve(result.spec, body["properties"]["tags"]["items"])
    assert list(body["properties"]) == ["tags"]
    assert list(items["properties"]) == ["key", "value"] and items["required"] == ["key"]


def test_a_status_section_linking_to_a_common_page_takes_the_code_it_gives_the_method(
    tmp_path: Path,
) -> None:
    """ELB, VPN, VPCEP: "For details, see Status Codes", a page whose normal codes say which
    method gets which ("204: Normal response to DELETE requests"). ECS, DNS, SMN: a list of
    codes that does not say which one applies is reported, not guessed from."""
    mapped = table(
        "Table 1 Normal response codes",
        ("Status Code", "Type", "Description"),
        ("200", "OK", "Normal response to GET and PUT requests."),
        ("201", "Created", "Normal response to POST requests."),
        ("204", "No Content", "Normal response to DELETE requests."),
    )
    unmapped = "-  Normal\n\n" + table(
        "Table 1 Normal",
        ("Returned Value", "Description"),
        ("200", "Request succeeded."),
        ("202", "Request accepted."),
        ("206", "Part of a GET request was processed."),  # names a method; maps none
    )
    pages = {
        "codes.rst": ".. _codes_page:\n\n" + page("Status Codes", ("Normal", mapped)),
        "general.rst": ".. _general_page:\n\n" + page("Returned Values", ("Codes", unmapped)),
        "del.rst": page(
            "Deleting a Listener",
            ("URI", "DELETE /v2/listeners/{id}"),
            ("Response", "None"),
            ("Status Code", "For details, see :ref:`Status Codes <codes_page>`."),
        ),
        "create.rst": page(
            "Creating a Listener",
            ("URI", "POST /v2/listeners"),
            ("Response", table("Table 1 Response", RESPONSE_HEADER, ("id", "String", "ID."))),
            ("Status Code", "For details, see :ref:`Status Codes <codes_page>`."),
        ),
        "patch.rst": page(
            "Updating a Listener",
            ("URI", "PATCH /v2/listeners/{id}"),
            ("Status Code", "For details, see :ref:`Status Codes <codes_page>`."),
        ),
        "lock.rst": page(
            "Locking a Server",
            ("URI", "POST /v2/servers/{id}/lock"),
            ("Returned Values", "See :ref:`Returned Values <general_page>`."),
        ),
        "show.rst": page(
            "Querying a Server",
            ("URI", "GET /v2/servers/{id}"),
            ("Returned Values", "See :ref:`Returned Values <general_page>`."),
        ),
    }
    result = scrape_pages(tmp_path, pages)
    deleting = operation(result.spec, "delete", "/v2/listeners/{id}")
    assert list(deleting["responses"]) == ["204"]
    assert deleting["responses"]["204"]["description"] == "Normal response to DELETE requests."
    creating = operation(result.spec, "post", "/v2/listeners")
    assert list(creating["responses"]) == ["201"]  # the body is the 201 response's
    assert "id" in response_schema(result.spec, creating, "201")["properties"]
    assert sorted(kinds(result)["inferred:status"]) == [
        "no status code on the page; its linked page 'Status Codes' gives 201 for POST",
        "no status code on the page; its linked page 'Status Codes' gives 204 for DELETE",
    ]
    assert list(operation(result.spec, "patch", "/v2/listeners/{id}")["responses"]) == ["default"]
    assert list(operation(result.spec, "post", "/v2/servers/{id}/lock")["responses"]) == ["default"]
    assert list(operation(result.spec, "get", "/v2/servers/{id}")["responses"]) == ["default"]
    assert sorted(kinds(result)["no-responses"]) == [
        "no status code on the page; its linked page 'Returned Values' lists 200, 202, 206 but "
        "not which one a GET request gets",
        "no status code on the page; its linked page 'Returned Values' lists 200, 202, 206 but "
        "not which one a POST request gets",
        "no status code on the page; its linked page 'Status Codes' lists 200, 201, 204 but not "
        "which one a PATCH request gets",
    ]


def test_common_status_pages_in_other_layouts(tmp_path: Path) -> None:
    """A row continued on a row with no code; two codes for one method with a body (the
    first with a body takes it, and the report says so); a section of a page, reached by
    its label; a second link that maps where the first one lists only."""
    status = ("Status Code", "Description")
    codes = table(
        "Table 1 Normal",
        status,
        ("200", "Normal response to GET, PUT and POST requests."),
        ("201", "Normal response to POST requests."),
        ("204", "Normal response to DELETE requests."),
        ("", "Also returned for PATCH requests."),
    )
    unmapped = table("Table 1 Normal", status, ("200", "Succeeded."), ("202", "Accepted."))
    appendix = page("Appendix", ("Overview", "Codes of every API."))
    appendix += "\n.. _v2_codes:\n\nNormal Codes\n------------\n\n" + codes
    see = "For details, see :ref:`Codes <v2_codes>`."
    pages = {
        "appendix.rst": appendix,
        "general.rst": ".. _general:\n\n" + page("Returned Values", ("Codes", unmapped)),
        "patch.rst": page("Updating a Rule", ("URI", "PATCH /v2/rules/{id}"), ("Status Code", see)),
        "create.rst": page(
            "Creating a Rule",
            ("URI", "POST /v2/rules"),
            ("Response", table("Table 1 Response", RESPONSE_HEADER, ("id", "String", "ID."))),
            ("Status Code", "See :ref:`Returned Values <general>` and :ref:`Codes <v2_codes>`."),
        ),
    }
    result = scrape_pages(tmp_path, pages)
    assert list(operation(result.spec, "patch", "/v2/rules/{id}")["responses"]) == ["204"]
    creating = operation(result.spec, "post", "/v2/rules")
    assert list(creating["responses"]) == ["200"]
    assert creating["responses"]["200"]["description"] == (
        "Normal response to GET, PUT and POST requests."
    )
    assert sorted(kinds(result)["inferred:status"]) == [
        "no status code on the page; its linked page 'Normal Codes' gives 200, 201 for POST; "
        "the body documented is taken as the 200 response",
        "no status code on the page; its linked page 'Normal Codes' gives 204 for PATCH",
    ]
    assert "no-responses" not in kinds(result)


def test_the_example_decides_the_nesting_around_a_documented_object(tmp_path: Path) -> None:
    response = (
        table(
            "Table 1 Response body",
            RESPONSE_HEADER,
            ("addresses", "Object", "Addresses, see :ref:`Table 2 <addr>`."),
            ("versions", "Object", "Versions, see :ref:`Table 3 <ver>`."),
        )
        + "\n"
        + table(
            "Table 2 addresses",
            RESPONSE_HEADER,
            ("addr", "String", "IP."),
            ("version", "Integer", "4 or 6."),
            label="addr",
        )
        + "\n"
        + table("Table 3 versions", RESPONSE_HEADER, ("id", "String", "Version."), label="ver")
    )
    example = (
        ".. code-block::\n\n"
        '   {"addresses": {"net-1": [{"addr": "10.0.0.2", "version": 4}]},\n'
        '    "versions": [{"id": "v1"}, {"id": "v2"}]}\n'
    )
    result, body = scrape_response(
        tmp_path, "Showing a Server", "GET /v2/servers/{server_id}", response, example
    )
    addresses = body["properties"]["addresses"]
    assert addresses["type"] == "object" and addresses["description"].startswith("Addresses")
    per_network = addresses["additionalProperties"]
    assert per_network["type"] == "array"
    assert set(resolve(result.spec, per_network["items"])["properties"]) == {"addr", "version"}
    assert body["properties"]["versions"]["type"] == "array"
    assert len(kinds(result)["doc-defect:shape"]) == 2
    assert "doc-defect:example" not in kinds(result)


def _action_page(title: str, key: str, status: str, *answer: tuple[str, str]) -> str:
    request = table(
        "Table 2 Request parameters", HEADER, (key, "Yes", "Object", f"The {key} action.")
    )
    statuses = table("Table 3 Status codes", ("Status Code", "Description"), (status, "Done."))
    return page(
        title,
        ("URI", "POST /v2.1/{project_id}/servers/{server_id}/action"),
        ("Request", request),
        *answer,
        ("Status Codes", statuses),
    )


def test_an_actions_response_example_is_checked_against_its_schema(tmp_path: Path) -> None:
    """ECS rebuild: `progress` is typed String, the example shows 0. An action's answer is
    checked as any operation's, not only as one branch of the endpoint's union."""
    response = table(
        "Table 4 Response parameters",
        RESPONSE_HEADER,
        ("name", "String", "Server name."),
        ("progress", "String", "Progress."),
    )
    example = '.. code-block::\n\n   {"name": "web", "progress": 0}\n'
    answer = ("Response", response), ("Example Response", example)
    result = scrape_pages(
        tmp_path,
        {
            "start.rst": _action_page("Starting a Server", "os-start", "202"),
            "rebuild.rst": _action_page("Rebuilding a Server", "rebuild", "200", *answer),
        },
    )
    reasons = kinds(result)["doc-defect:example"]
    assert reasons == ["RebuildServer 200 response example: $.progress: 0 is not of type 'string'"]


def test_an_actions_example_is_measured_once_as_its_own_not_again_in_the_union(
    tmp_path: Path,
) -> None:
    response = table(
        "Table 4 Response parameters",
        RESPONSE_HEADER,
        ("name", "String", "Server name."),
        ("progress", "Integer", "Progress."),
    )
    example = '.. code-block::\n\n   {"name": "web", "progress": 0}\n'
    answer = ("Response", response), ("Example Response", example)
    pages = {
        "start.rst": _action_page("Starting a Server", "os-start", "202"),
        "rebuild.rst": _action_page("Rebuilding a Server", "rebuild", "200", *answer),
    }
    coverage = scrape_pages(tmp_path, pages).report.as_dict()["summary"]["example_coverage"]
    assert (coverage["fields"], coverage["covered"], coverage["schema_fields"]) == (2, 2, 2)


def test_actions_on_one_endpoint_are_one_operation_with_x_actions(tmp_path: Path) -> None:
    result = scrape_pages(
        tmp_path,
        {
            "start.rst": _action_page("Starting a Server", "os-start", "202"),
            "console.rst": _action_page("Getting the Console Log", "os-getConsoleOutput", "200"),
        },
    )
    op = operation(result.spec, "post", "/v2.1/{project_id}/servers/{server_id}/action")
    actions = {a["key"]: a for a in op["x-actions"]}
    assert set(actions) == {"os-start", "os-getConsoleOutput"}
    assert actions["os-start"]["operationId"] == "StartServer"
    assert set(actions["os-start"]["responses"]) == {"202"}
    assert set(actions["os-getConsoleOutput"]["responses"]) == {"200"}
    branches = op["requestBody"]["content"]["application/json"]["schema"]["oneOf"]
    assert len(branches) == 2
    assert op["operationId"] == "ServersAction"
    assert op["operationId"] not in {a["operationId"] for a in actions.values()}


def test_a_table_whose_one_row_names_the_body_makes_an_array_body(tmp_path: Path) -> None:
    request = (
        table(
            "Table 2 Parameter description",
            HEADER,
            ("[Array element]", "Yes", "Array of :ref:`Metric <m>` objects", "Data points."),
        )
        + "\n"
        + table("Table 3 Metric", HEADER, ("ttl", "Yes", "Integer", "Seconds."), label="m")
    )
    example = '.. code-block::\n\n   [{"ttl": 60}, {"ttl": 30}]\n'
    result = scrape_pages(
        tmp_path,
        {
            "add.rst": page(
                "Adding Data",
                ("URI", "POST /V1.0/{project_id}/metric-data"),
                ("Request", request),
                ("Example Request", example),
            )
        },
    )
    op = operation(result.spec, "post", "/V1.0/{project_id}/metric-data")
    body = request_schema(result.spec, op)
    assert body["type"] == "array"
    assert set(resolve(result.spec, body["items"])["properties"]) == {"ttl"}
    assert "doc-defect:example" not in kinds(result)


def test_a_name_cell_linking_to_a_table_links_the_fields_object(tmp_path: Path) -> None:
    request = (
        table(
            "Table 2 Request parameters",
            HEADER,
            (":ref:`items <items>`", "Yes", "Array of objects", "The items."),
        )
        + "\n"
        + table("Table 3 items", HEADER, ("level", "Yes", "Integer", "Level."), label="items")
    )
    result = scrape_pages(
        tmp_path,
        {"add.rst": page("Adding Items", ("URI", "POST /v1/items"), ("Request", request))},
    )
    op = operation(result.spec, "post", "/v1/items")
    body = request_schema(result.spec, op)
    assert set(resolve(result.spec, body["properties"]["items"]["items"])["properties"]) == {
        "level"
    }


def test_a_field_the_example_names_differently_goes_by_evidence(tmp_path: Path) -> None:
    response = table(
        "Table 1 Response body",
        RESPONSE_HEADER,
        ("versions", "String", "The version."),
        ("updated_at", "String", "When it was updated."),
    )
    example = '.. code-block::\n\n   {"version": "v1", "update_at": "2020-01-01"}\n'
    result, body = scrape_response(
        tmp_path, "Showing the Version", "GET /v1/version", response, example
    )
    # A plural slip in the table goes to the example; a letter the example drops does not.
    assert set(body["properties"]) == {"version", "updated_at"}
    renamed = kinds(result)["doc-defect:field-name"]
    assert len(renamed) == 2
    assert any("'versions', the example 'version'; the example's name is used" in r
               for r in renamed)  # fmt: skip
    assert any("$.update_at, where the table names 'updated_at'; the example's slip" in r
               for r in renamed)  # fmt: skip
    assert "doc-defect:undocumented-field" not in kinds(result)  # the slip is said once


def test_servers_take_the_domain_and_region_of_the_hosts_the_examples_name(
    tmp_path: Path,
) -> None:
    example = ".. code-block:: text\n\n   GET https://widget.eu-nl.cloud.example.org/v1/widgets\n"
    iam_example = (
        ".. code-block:: text\n\n   POST https://iam.eu-nl.cloud.example.org/v3/auth/tokens\n"
    )
    result = scrape_pages(
        tmp_path,
        {
            "list.rst": page(
                "Listing Widgets", ("URI", "GET /v1/widgets"), ("Example Request", example)
            ),
            "token.rst": page("Getting a Token", ("Example", iam_example)),
        },
    )
    variables = result.spec["servers"][0]["variables"]
    assert variables["service_name"]["default"] == "svc"
    assert variables["region"]["default"] == "eu-nl"
    assert variables["external_domain_name"]["default"] == "cloud.example.org"


def test_a_request_given_in_several_labelled_forms_is_one_body_with_all_their_fields(
    tmp_path: Path,
) -> None:
    request = (
        "-  Parameters for creating an image from a server\n\n"
        + rst_table(
            HEADER,
            ("name", "Yes", "String", "Image name."),
            ("instance_id", "Yes", "String", "Server ID."),
        )
        + "\n\n-  Parameters for creating an image from a file\n\n"
        + rst_table(
            HEADER,
            ("name", "Yes", "String", "Image name."),
            ("image_url", "Yes", "String", "File URL."),
        )
        + "\n"
    )
    result = scrape_pages(
        tmp_path,
        {"create.rst": page("Creating an Image", ("URI", "POST /v2/images"), ("Request", request))},
    )
    op = operation(result.spec, "post", "/v2/images")
    body = request_schema(result.spec, op)
    assert set(body["properties"]) == {"name", "instance_id", "image_url"}
    assert body["required"] == ["name"]  # what every form requires
    assert "inferred:alternatives" in kinds(result)
    assert "unlinked-table" not in kinds(result)


def test_an_array_the_example_shows_as_one_object_is_that_object(tmp_path: Path) -> None:
    response = (
        table(
            "Table 4 Response parameters",
            RESPONSE_HEADER,
            ("key_info", "Array of objects", "Key details, see :ref:`Table 5 <ki>`."),
        )
        + "\n"
        + table("Table 5 key_info", RESPONSE_HEADER, ("key_id", "String", "ID."), label="ki")
    )
    example = '.. code-block::\n\n   {"key_info": {"key_id": "k-1"}}\n'
    result, body = scrape_response(tmp_path, "Creating a Key", "POST /v1.0/keys", response, example)
    key_info = body["properties"]["key_info"]
    assert "items" not in key_info
    assert set(resolve(result.spec, key_info)["properties"]) == {"key_id"}
    assert "one object" in kinds(result)["doc-defect:shape"][0]


def test_list_items_keep_their_code_and_error_replies_leave_the_success_examples(
    tmp_path: Path,
) -> None:
    response = table("Table 4 Response", RESPONSE_HEADER, ("key_id", "String", "ID."))
    examples = (
        "-  Example response\n\n"
        "   .. code-block::\n\n"
        '      {"key_id": "k-1"}\n\n'
        "   or\n\n"
        "   .. code-block::\n\n"
        '      {"error": {"error_code": "KMS.0001", "error_msg": "failed"}}\n'
    )
    result = scrape_pages(
        tmp_path,
        {
            "show.rst": page(
                "Showing a Key",
                ("URI", "GET /v1.0/keys/{key_id}"),
                ("Response", response),
                ("Examples", examples),
            )
        },
    )
    op = operation(result.spec, "get", "/v1.0/keys/{key_id}")
    media = op["responses"]["200"]["content"]["application/json"]
    assert [e["value"] for e in media["examples"].values()] == [{"key_id": "k-1"}]
    assert "error-example" in kinds(result)


def test_the_service_is_titled_as_its_reference_names_itself(tmp_path: Path) -> None:
    result = scrape_pages(
        tmp_path,
        {
            "index.rst": page("Widget Service - API Reference", ("Overview", "All about widgets.")),
            "list.rst": page("Listing Widgets", ("URI", "GET /v1/widgets")),
        },
    )
    assert result.spec["info"]["title"] == "Widget Service API"


def _toctree(*entries: str) -> str:
    return ".. toctree::\n   :hidden:\n\n" + "".join(f"   {e}\n" for e in entries)


def test_topics_of_the_toctree_become_described_tags_told_apart_by_their_parent(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "svc"
    for sub, parent, version in (("new", "APIs (Recommended)", "v2"), ("old", "Nova APIs", "v1")):
        (folder / sub / "life").mkdir(parents=True)
        (folder / sub / "index.rst").write_text(
            f"{parent}\n{'=' * len(parent)}\n\n{_toctree('life/index')}", encoding="utf-8"
        )
        (folder / sub / "life" / "index.rst").write_text(
            "Lifecycle Management\n====================\n\n" + _toctree("create"),
            encoding="utf-8",
        )
        (folder / sub / "life" / "create.rst").write_text(
            page("Creating a Server", ("URI", f"POST /{version}/servers")), encoding="utf-8"
        )
    (folder / "index.rst").write_text(
        "Service - API Reference\n=======================\n\n" + _toctree("new/index", "old/index"),
        encoding="utf-8",
    )
    spec = scrape([folder], service="svc").spec
    assert spec["tags"] == [
        {
            "name": "Lifecycle Management",
            "description": "In the API reference under APIs (Recommended) › Lifecycle Management.",
        },
        {
            "name": "Lifecycle Management (Nova APIs)",
            "description": "In the API reference under Nova APIs › Lifecycle Management.",
        },
    ]
    new, old = operation(spec, "post", "/v2/servers"), operation(spec, "post", "/v1/servers")
    assert new["tags"] == ["Lifecycle Management"]
    assert old["tags"] == ["Lifecycle Management (Nova APIs)"]
    assert (new["summary"], old["summary"]) == (
        "Creating a Server (v2)",
        "Creating a Server (v1)",
    )


def test_html_child_topic_lists_and_parent_topic_lines_place_pages_under_topics(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "svc"
    folder.mkdir()
    nav = '<div class="familylinks"><div class="parentlink"><strong>Parent topic:</strong> '
    (folder / "topic.html").write_text(
        "<html><body><h1>Widget Management</h1><p>Widgets hold things.</p>"
        '<ul class="ullinks"><li class="ulchildlink"><a href="listed.html">Listing</a></li>'
        "</ul></body></html>",
        encoding="utf-8",
    )
    for name, method in (("listed", "GET"), ("unlisted", "DELETE")):
        (folder / f"{name}.html").write_text(
            f"<html><body><h1>{name}</h1><h2>URI</h2><p>{method} /v1/widgets</p>"
            f'{nav}<a href="topic.html">Widget Management</a></div></div></body></html>',
            encoding="utf-8",
        )
    spec = scrape([folder], service="svc").spec
    assert spec["tags"] == [{"name": "Widget Management", "description": "Widgets hold things."}]
    for method in ("get", "delete"):
        assert operation(spec, method, "/v1/widgets")["tags"] == ["Widget Management"]


def test_a_flat_table_of_nested_objects_is_nested_as_its_example_shows(tmp_path: Path) -> None:
    rows = table(
        "Table 2 Response parameters",
        RESPONSE_HEADER,
        ("name", "String", "Policy name."),
        ("lifetime", "Object", "Lifetime of the SA."),
        ("policy", "Object", "The policy."),
        ("value", "Integer", "Lifetime value."),
        ("units", "String", "Lifetime unit."),
    )
    example = (
        ".. code-block::\n\n"
        '   {"policy": {"name": "p", "lifetime": {"value": 3600, "units": "seconds"}}}\n'
    )
    result, body = scrape_response(
        tmp_path, "Querying a Policy", "GET /v2/policies/{policy_id}", rows, example
    )
    assert set(body["properties"]) == {"policy"}
    policy = resolve(result.spec, body["properties"]["policy"])
    assert set(policy["properties"]) == {"name", "lifetime"}
    lifetime = resolve(result.spec, policy["properties"]["lifetime"])
    assert set(lifetime["properties"]) == {"value", "units"}
    assert "inferred:nesting" in kinds(result)


def test_a_flat_table_row_after_a_list_of_objects_goes_into_its_items_as_shown(
    tmp_path: Path,
) -> None:
    """Nova: `floating_ip_pools | Yes | Array of objects`, then `name | Yes | String`, while
    the example lists `{"name": ...}` objects."""
    rows = table(
        "Table 2 Response parameters",
        HEADER,
        ("pools", "Yes", "Array of objects", "The pools."),
        ("name", "Yes", "String", "Pool name."),
        ("size", "No", "Integer", "Pool size."),
    )
    example = '.. code-block::\n\n   {"pools": [{"name": "p1", "size": 2}, {"name": "p2"}]}\n'
    result, body = scrape_response(tmp_path, "Listing Pools", "GET /v2/pools", rows, example)
    assert set(body["properties"]) == {"pools"} and body["required"] == ["pools"]
    items = resolve(result.spec, body["properties"]["pools"]["items"])
    assert set(items["properties"]) == {"name", "size"} and items["required"] == ["name"]
    found = kinds(result)
    assert "inferred:nesting" in found and "doc-defect:example" not in found


def test_a_field_linking_one_table_per_case_is_any_of_them(tmp_path: Path) -> None:
    cases = "If kind is a, see :ref:`Table 2 <t2>`. If kind is b, see :ref:`Table 3 <t3>`."
    body = "\n".join([
        table("Table 1 Request body", HEADER, ("kind", "Yes", "String", "Kind."),
              ("config", "Yes", "config array corresponding to kind", cases)),
        table("Table 2 config parameters of a", HEADER, ("weight", "No", "Integer", "W."),
              label="t2"),
        table("Table 3 config parameters of b", HEADER, ("path", "No", "String", "P."),
              label="t3"),
    ])  # fmt: skip
    result = scrape_pages(
        tmp_path,
        {"create.rst": page("Creating a Job", ("URI", "POST /v1/jobs"), ("Request", body))},
    )
    op = operation(result.spec, "post", "/v1/jobs")
    schema = request_schema(result.spec, op)
    config = schema["properties"]["config"]
    assert config["type"] == "array"
    branches = [resolve(result.spec, b) for b in config["items"]["anyOf"]]
    assert [set(b["properties"]) for b in branches] == [{"weight"}, {"path"}]
    assert "inferred:variants" in kinds(result)


def test_uncaptioned_tables_under_location_headings_are_parameters_there(
    tmp_path: Path,
) -> None:
    """A rendering that puts "Query Parameters" in a heading instead of a caption."""

    def rows(name: str) -> str:
        return rst_table(HEADER, (name, "Yes", "String", "A value."))

    text = page(
        "Creating a Thing",
        ("URI", "POST /v1/{project_id}/things"),
        ("Path Parameters", rows("project_id")),
        ("Query Parameters", rows("dry_run")),
        ("Request Headers", rows("X-Trace-Id")),
        ("Request Body", rows("name")),
        ("Notes", rows("color")),
    )
    result = scrape_pages(tmp_path, {"create.rst": text})
    op = operation(result.spec, "post", "/v1/{project_id}/things")
    assert set(params(op)) == {("path", "project_id"), ("query", "dry_run"),
                               ("header", "X-Trace-Id")}  # fmt: skip
    body = request_schema(result.spec, op)
    assert set(body["properties"]) == {"name"}
    (unlinked,) = kinds(result)["unlinked-table"]
    assert "'Notes'" in unlinked


def test_an_untyped_array_whose_prose_lists_values_holds_those_strings(tmp_path: Path) -> None:
    """ELB's older pages: a query filter typed "Array", its values listed in the prose."""
    uri = "GET /v2/{project_id}/listeners\n\n" + table(
        "Table 1 Query Parameters",
        HEADER,
        ("policy", "No", "Array", "The value can be tls-1-0, tls-1-1, or tls-1-2."),
    )
    result = scrape_pages(tmp_path, {"list.rst": page("Listing Listeners", ("URI", uri))})
    policy = params(operation(result.spec, "get", "/v2/{project_id}/listeners"))[
        ("query", "policy")
    ]
    assert policy["schema"]["items"] == {
        "type": "string",
        "enum": ["tls-1-0", "tls-1-1", "tls-1-2"],
    }
    assert any("values its description lists" in r for r in kinds(result)["inferred:items"])


def test_a_link_to_another_pages_table_of_a_title_this_page_has_takes_this_pages(
    tmp_path: Path,
) -> None:
    """ELB v2, VPN, ModelArts: a query page's row keeps the create page's anchor."""
    create = page(
        "Adding a Policy",
        ("URI", "POST /v1/policies"),
        ("Request", table("Table 1 Request parameters", HEADER,
                          ("name", "Yes", "String", "Name."),
                          ("rules", "Yes", "Array", "See :ref:`Table 6 <create_rules>`.")) + "\n"
         + table("Table 6 rules parameter description", HEADER,
                 ("type", "Yes", "String", "Rule type."), label="create_rules")),
    )  # fmt: skip
    query = page(
        "Querying a Policy",
        ("URI", "GET /v1/policies/{policy_id}"),
        ("Response", table("Table 3 Response parameters", RESPONSE_HEADER,
                           ("rules", "Array", "Rules. See :ref:`Table 6 <create_rules>`."))
         + "\n" + table("Table 4 rules parameter description", RESPONSE_HEADER,
                        ("id", "String", "Rule ID."))),
    )  # fmt: skip
    result = scrape_pages(tmp_path, {"create.rst": create, "query.rst": query})
    body = response_schema(
        result.spec, operation(result.spec, "get", "/v1/policies/{policy_id}"), "200"
    )
    rules = resolve(result.spec, body["properties"]["rules"]["items"])
    assert set(rules["properties"]) == {"id"}
    (defect,) = kinds(result)["doc-defect:link"]
    assert "create.rst" in defect
    assert "unlinked-table" not in kinds(result)


def test_a_parameter_only_some_merged_pages_require_is_optional(tmp_path: Path) -> None:
    """DNS: listing public and listing private zones are one GET /v2/zones; only the
    private page requires `type`."""

    def listing(title: str, mandatory: str) -> str:
        uri = "GET /v2/zones\n\n" + table(
            "Table 1 Parameters in the URI",
            HEADER,
            ("type", mandatory, "String", "Zone type."),
            ("limit", "Yes", "Integer", "Page size."),
        )
        return page(title, ("URI", uri))

    result = scrape_pages(
        tmp_path,
        {
            "a_private.rst": listing("Querying Private Zones", "Yes"),
            "b_public.rst": listing("Querying Public Zones", "No"),
        },
    )
    p = params(operation(result.spec, "get", "/v2/zones"))
    assert p[("query", "type")].get("required", False) is False
    assert p[("query", "limit")]["required"] is True
    assert "duplicate-operation" in kinds(result)


def test_merged_pages_bodies_are_named_by_the_word_their_titles_differ_in(
    tmp_path: Path,
) -> None:
    """DNS: the public and the private zone pages share GET /v2/zones with bodies of their
    own; the second page's schemas say its title's word (ListPublicZonesResponse), not a
    number (ListZonesResponse2), linking words and plurals aside."""

    def listing(title: str, field: str) -> str:
        response = table(
            "Table 2 Response body",
            RESPONSE_HEADER,
            ("zones", "Array of objects", "The zones. See Table 3."),
        ) + table("Table 3 zones", RESPONSE_HEADER, ("id", "String", "ID."), field_row(field))
        return page(title, ("URI", "GET /v2/zones"), ("Response", response))

    def field_row(name: str) -> tuple[str, str, str]:
        return (name, "String", "A field of this kind of zone.")

    result = scrape_pages(
        tmp_path,
        {
            "a_private.rst": listing("Querying Private Zones", "router"),
            "b_public.rst": listing("Querying Public Zones in a Region", "email"),
        },
    )
    op = operation(result.spec, "get", "/v2/zones")
    shapes = op["responses"]["200"]["content"]["application/json"]["schema"]["anyOf"]
    assert [ref_name(s) for s in shapes] == ["ListZonesResponse", "ListPublicZonesResponse"]
    names = result.spec["components"]["schemas"]
    assert not [name for name in names if name[-1].isdigit()], sorted(names)


def test_a_uri_table_row_the_path_does_not_hold_is_a_query_parameter(tmp_path: Path) -> None:
    """ "Parameters in the URI" names the query string too, with or without a template."""
    uri = "GET /v2/{project_id}/zones\n\n" + table(
        "Table 1 Parameters in the URI",
        HEADER,
        ("project_id", "Yes", "String", "Project."),
        ("limit", "No", "Integer", "Page size."),
    )
    result = scrape_pages(tmp_path, {"list.rst": page("Listing Zones", ("URI", uri))})
    p = params(operation(result.spec, "get", "/v2/{project_id}/zones"))
    assert set(p) == {("path", "project_id"), ("query", "limit")}
    assert "path-parameter-not-in-path" not in kinds(result)


def test_an_object_without_fields_the_example_shows_as_a_list_is_that_list(
    tmp_path: Path,
) -> None:
    """ModelArts: `code_tree.children` typed "Object", a list of entries in the example."""
    response = table(
        "Table 1 Response body",
        RESPONSE_HEADER,
        ("name", "String", "Directory name."),
        ("children", "Object", "Files in the directory."),
    )
    example = '.. code-block::\n\n   {"name": "code/", "children": [{"name": "a.py"}]}\n'
    result, body = scrape_response(
        tmp_path, "Showing a Tree", "GET /v2/trees/{tree_id}", response, example
    )
    children = body["properties"]["children"]
    assert children["type"] == "array" and children["description"].startswith("Files")
    assert resolve(result.spec, children["items"])["type"] == "object"
    (shape,) = kinds(result)["doc-defect:shape"]
    assert "object with no fields" in shape


def test_objects_without_fields_the_example_shows_as_plain_values_are_those_values(
    tmp_path: Path,
) -> None:
    """CES: `notificationList` typed "Array of objects" with no object table, topic URNs
    (strings) in the example; VPN: `description` typed "Object", "" in the example. Mixed
    plain values change nothing."""
    response = table(
        "Table 1 Response body",
        RESPONSE_HEADER,
        ("targets", "Array of objects", "Topics to notify."),
        ("note", "Object", "A remark."),
        ("mixed", "Array of objects", "Anything."),
    )
    example = (
        ".. code-block::\n\n"
        '   {"targets": ["urn:smn:a", "urn:smn:b"], "note": "", "mixed": [1, "x"]}\n'
    )
    result, body = scrape_response(
        tmp_path, "Showing an Action", "GET /v1/actions/{action_id}", response, example
    )
    targets = body["properties"]["targets"]
    assert targets["type"] == "array" and targets["items"]["type"] == "string"
    assert body["properties"]["note"]["type"] == "string"
    assert body["properties"]["note"]["description"] == "A remark."
    assert resolve(result.spec, body["properties"]["mixed"]["items"])["type"] == "object"
    shapes = " | ".join(kinds(result)["doc-defect:shape"])
    assert len(kinds(result)["doc-defect:shape"]) == 2
    assert "$.targets: the example shows a list of strings where the table says objects" in shapes
    assert "$.note: the example shows a string where the table says an object" in shapes


def test_header_words_around_a_role_and_columns_no_role_reads(tmp_path: Path) -> None:
    """ "Is Mandatory", "Mandatory (Yes/No)", "Required?" are the required column; a column
    no role reads (ECS's "Constraint", "Default Value") stays in the description, where the
    constraint reader finds it."""
    request = table(
        "Table 1 Request parameters",
        ("Parameter", "Is Mandatory", "Data Type", "Description", "Default Value", "Example"),
        ("size", "Yes", "Integer", "Disk size.", "40", "80"),
        ("mode", "No", "String", "Disk mode.", "N/A", "-"),
        ("zone", "✓", "String", "Disk zone.", "-", "-"),  # a check mark says yes
        ("cipher", "No", "String", "Cipher. Options: NONE, AES256", "NONE", "-"),  # a value
        ("timeout", "No", "Integer", "Timeout. Unit: second.", "1000 ms", "-"),  # not 1000
    )
    result = scrape_pages(
        tmp_path,
        {"create.rst": page("Creating a Disk", ("URI", "POST /v1/disks"), ("Request", request))},
    )
    op = operation(result.spec, "post", "/v1/disks")
    body = request_schema(result.spec, op)
    assert body["required"] == ["size", "zone"]
    size = body["properties"]["size"]
    assert size["default"] == 40
    assert size["description"].splitlines() == ["Disk size.", "Default Value: 40", "Example: 80"]
    assert body["properties"]["mode"]["description"] == "Disk mode."
    fields = body["properties"]
    assert fields["cipher"]["enum"] == ["NONE", "AES256"] and fields["cipher"]["default"] == "NONE"
    assert "default" not in fields["timeout"]  # a unit of its own: no number to take as is


def test_a_type_the_description_states_where_no_type_column_does(tmp_path: Path) -> None:
    """OBS: "Parameter | Description" tables whose descriptions end in "Type: integer"."""
    rows = [
        ("max-uploads", "Page size, from 1 to 1000.<br/>Type: integer"),
        ("owner", "Whether to show the owner.<br/>Type: boolean"),
        ("kind", "Upload kind.<br/>Resource type: part"),
    ]
    cells = "".join(f"<tr><td>{n}</td><td>{d}</td></tr>" for n, d in rows)
    (tmp_path / "list.html").write_text(
        "<h1>Listing Uploads</h1><h4>URI</h4><p>GET /v1/uploads</p><h4>Request</h4>"
        "<table><caption>Table 1 Query parameters</caption>"
        f"<tr><th>Parameter</th><th>Description</th></tr>{cells}</table>"
    )
    result = scrape([tmp_path / "list.html"])
    p = params(operation(result.spec, "get", "/v1/uploads"))
    assert p[("query", "max-uploads")]["schema"]["type"] == "integer"
    assert p[("query", "owner")]["schema"]["type"] == "boolean"
    assert p[("query", "kind")]["schema"] == {"type": "string"}


def test_fields_documented_for_a_204_are_one_status_defect_not_an_unlinked_table(
    tmp_path: Path,
) -> None:
    """ModelArts' tag pages document a body under "Status code: 204", and the tag object
    in a table of its own: one defect, the body's, and no table reported again."""
    response = (
        "**Status code: 204**\n\n"
        + table(
            "Table 2 Response body parameters",
            RESPONSE_HEADER,
            ("tags", ":ref:`Tag <show_tag>` object", "Tags."),
        )
        + "\n"
        + table("Table 3 Tag", RESPONSE_HEADER, ("key", "String", "Tag key."), label="show_tag")
    )
    result = scrape_pages(
        tmp_path,
        {"tags.rst": page("Showing Tags", ("URI", "GET /v1/tags"), ("Response", response))},
    )
    assert "content" not in operation(result.spec, "get", "/v1/tags")["responses"]["204"]
    found = [d for d in result.diagnostics if d.kind == "doc-defect:status"]
    assert [d.table for d in found] == ["Table 2 Response body parameters"]
    assert "unlinked-table" not in kinds(result)
    assert not result.spec.get("components", {}).get("schemas")  # nothing of it is kept


def _listener_pages(create_type: str) -> dict[str, str]:
    """A create page typing `refs` as `create_type` and a list page typing it "Array" with
    an empty list in its example."""
    create = table(
        "Table 1 Request body",
        HEADER,
        ("name", "Yes", "String", "Listener name."),
        ("refs", "No", create_type, "Certificate IDs."),
    )
    listing = table(
        "Table 2 Response body",
        RESPONSE_HEADER,
        ("name", "String", "Listener name."),
        ("refs", "Array", "Certificate IDs."),
    )
    example = '.. code-block::\n\n   {"name": "web", "refs": []}\n'
    return {
        "create.rst": page(
            "Creating a Listener", ("URI", "POST /v1/listeners"), ("Request", create)
        ),
        "show.rst": page(
            "Querying a Listener",
            ("URI", "GET /v1/listeners/{id}"),
            ("Response", listing),
            ("Example Response", example),
        ),
    }


def test_a_list_field_left_untyped_takes_the_plain_item_type_another_page_gives_its_name(
    tmp_path: Path,
) -> None:
    result = scrape_pages(tmp_path, _listener_pages("Array of strings"))
    shown = response_schema(result.spec, operation(result.spec, "get", "/v1/listeners/{id}"), "200")
    assert resolve(result.spec, shown)["properties"]["refs"]["items"] == {"type": "string"}
    (typed,) = [r for r in kinds(result)["inferred:items"] if "'refs'" in r]
    assert "string items, as the service's other fields of that name" in typed
    assert "untyped-items" not in kinds(result)


def test_a_list_field_whose_namesakes_hold_objects_stays_untyped_and_is_reported(
    tmp_path: Path,
) -> None:
    pages = _listener_pages("Array of Cert objects")
    pages["create.rst"] += "\n" + table(
        "Table 3 Cert", HEADER, ("id", "Yes", "String", "Certificate ID.")
    )
    result = scrape_pages(tmp_path, pages)
    shown = response_schema(result.spec, operation(result.spec, "get", "/v1/listeners/{id}"), "200")
    assert resolve(result.spec, shown)["properties"]["refs"]["items"] == {}
    (untyped,) = kinds(result)["untyped-items"]
    assert "field 'refs' is an array with no item type" in untyped


def _keypair_page(example: str) -> dict[str, str]:
    request = table(
        "Table 2 Request body",
        HEADER,
        ("name", "Yes", "String", "Server name."),
        ("keyname", "Yes", "String", "Key pair name."),
        ("adminpass", "No", "String", "Password, when no key pair is given."),
    )
    return {
        "reinstall.rst": page(
            "Reinstalling a Server",
            ("URI", "POST /v1/servers/{id}/reinstall"),
            ("Request", request),
            ("Example Request", f".. code-block::\n\n   {example}\n"),
        )
    }


def test_a_mandatory_field_an_example_leaves_out_is_not_required_and_is_reported(
    tmp_path: Path,
) -> None:
    result = scrape_pages(tmp_path, _keypair_page('{"name": "vm", "adminpass": "secret"}'))
    op = operation(result.spec, "post", "/v1/servers/{id}/reinstall")
    body = request_schema(result.spec, op)
    assert body["required"] == ["name"]
    (relaxed,) = kinds(result)["doc-defect:mandatory"]
    assert "$.keyname is mandatory in its table, but an example leaves it out" in relaxed
    assert "doc-defect:example" not in kinds(result)


def test_an_example_with_keys_no_table_documents_does_not_relax_the_mandatory_column(
    tmp_path: Path,
) -> None:
    """Another form of the body, or another API's walkthrough, is no evidence about this one."""
    result = scrape_pages(tmp_path, _keypair_page('{"name": "vm", "user_data": "x"}'))
    op = operation(result.spec, "post", "/v1/servers/{id}/reinstall")
    body = request_schema(result.spec, op)
    assert body["required"] == ["name", "keyname"]
    assert "doc-defect:mandatory" not in kinds(result)


def test_a_list_filters_example_value_is_one_item_of_the_list(tmp_path: Path) -> None:
    query = table(
        "Table 1 Query parameters",
        HEADER,
        ("id", "No", "Array", "Load balancer IDs; repeat the key for several."),
        ("limit", "No", "Integer", "Page size."),
    )
    request = ".. code-block:: text\n\n   GET https://{endpoint}/v3/lbs?id=lb-1&limit=2\n"
    result = scrape_pages(
        tmp_path,
        {
            "list.rst": page(
                "Querying Load Balancers",
                ("URI", "GET /v3/lbs\n\n" + query),
                ("Example Request", request),
            )
        },
    )
    found = params(operation(result.spec, "get", "/v3/lbs"))
    assert found[("query", "id")]["example"] == ["lb-1"]
    assert found[("query", "limit")]["example"] == 2
    assert "doc-defect:example" not in kinds(result)


def test_an_object_field_the_example_shows_as_an_empty_string_may_be_either(
    tmp_path: Path,
) -> None:
    """Nova: `"image": ""` for a server booted from a volume, where the table says Object."""
    response = table(
        "Table 1 Response parameters",
        RESPONSE_HEADER,
        ("image", "Object", "The image; for details, see Table 2."),
    ) + table("Table 2 image field description", RESPONSE_HEADER, ("id", "String", "Image ID."))
    example = '.. code-block::\n\n   {"image": ""}\n'
    result, body = scrape_response(
        tmp_path, "Showing a Server", "GET /v2/server", response, example
    )
    image = resolve(result.spec, body)["properties"]["image"]
    assert image["anyOf"][1] == {"type": "string", "enum": [""]}
    assert set(resolve(result.spec, image["anyOf"][0])["properties"]) == {"id"}
    assert 'is "" in the example' in kinds(result)["inferred:empty"][0]
    assert "doc-defect:example" not in kinds(result)


def test_an_example_teaches_the_object_of_a_field_an_earlier_value_made_a_union(
    tmp_path: Path,
) -> None:
    """A field shown as "" (or null) first and as an object next: the object's fields the
    example shows still join it, through the union the first value made."""
    response = (
        table(
            "Table 1 Response parameters",
            RESPONSE_HEADER,
            ("servers", "Array of objects", "The servers; for details, see Table 2."),
        )
        + table(
            "Table 2 servers field description",
            RESPONSE_HEADER,
            ("image", "Object", "The image; for details, see Table 3."),
        )
        + table("Table 3 image field description", RESPONSE_HEADER, ("id", "String", "Image ID."))
    )
    example = (
        '.. code-block::\n\n   {"servers": [{"image": ""}, {"image": {"id": "i-1", "size": 4}}]}\n'
    )
    result, body = scrape_response(
        tmp_path, "Listing Servers", "GET /v2/servers", response, example
    )
    servers = resolve(result.spec, body)["properties"]["servers"]
    image = resolve(result.spec, servers["items"])["properties"]["image"]
    fields = resolve(result.spec, image["anyOf"][0])["properties"]
    assert fields["size"]["type"] == "integer"
    assert "$.servers[].image.size" in kinds(result)["doc-defect:undocumented-field"][0]


def test_a_type_that_names_no_table_is_reported_apart_from_one_not_understood(
    tmp_path: Path,
) -> None:
    """VPN "master_eip | master_eip" (no table has that title); OBS "HTTP time string
    complying with ..."; ELB "Integer/Boolean" is a choice of two types."""
    response = table(
        "Table 1 Response parameters",
        RESPONSE_HEADER,
        ("master_eip", "master_eip", "The first EIP."),
        ("since", "HTTP time string complying with RFC 2616.", "A time."),
        ("admin_state_up", "Integer/Boolean", "The administrative state."),
    )
    example = (
        '.. code-block::\n\n   {"admin_state_up": true}\n\n'
        '.. code-block::\n\n   {"admin_state_up": null}\n'  # a choice may be null too
    )
    result, body = scrape_response(tmp_path, "Showing a Gateway", "GET /v1/gw", response, example)
    reasons = kinds(result)["unknown-type"]
    assert any("'master_eip' names no table of the page" in r for r in reasons)
    assert any("'HTTP time string complying with RFC 2616.' not understood" in r for r in reasons)
    assert not any("Integer/Boolean" in r for r in reasons)
    properties = resolve(result.spec, body)["properties"]
    assert properties["master_eip"].get("type") is None
    assert properties["admin_state_up"]["anyOf"] == [
        {"type": "integer", "format": "int32"},
        {"type": "boolean"},
        {"type": "object", "nullable": True, "enum": [None]},
    ]
    assert "doc-defect:example" not in kinds(result)


def test_a_misspelled_plain_type_is_read_as_that_type(tmp_path: Path) -> None:
    """IMS "type | Sting": no table is titled so; the type it misspells, reported."""
    response = table(
        "Table 1 Response parameters",
        RESPONSE_HEADER,
        ("type", "Sting", "The image type."),
        ("size", "Interger", "The image size."),
    )
    example = '.. code-block::\n\n   {"type": "private", "size": 4}\n'
    result, body = scrape_response(tmp_path, "Showing an Image", "GET /v2/img", response, example)
    fields = resolve(result.spec, body)["properties"]
    assert (fields["type"]["type"], fields["size"]["type"]) == ("string", "integer")
    reasons = kinds(result)["doc-defect:type"]
    assert "field 'type': type 'Sting' is read as string" in reasons
    assert "unknown-type" not in kinds(result)


def test_an_example_field_documented_deeper_takes_its_sections_table_titled_after_it(
    tmp_path: Path,
) -> None:
    """ELB list members: the example shows `members_links` beside `members`, its table row
    is in the member's table, and each message has a "members_links" table (the request's
    serves the request's own row, the response's the misplaced row): the response's."""
    links = ("href", "String", "Link."), ("rel", "String", "next or previous.")
    request = table(
        "Table 1 Parameter description",
        HEADER,
        ("limit", "No", "Integer", "Page size."),
        ("members_links", "No", "Array", "Page links. For details, see Table 5."),
    ) + table("Table 2 members_links parameter description", RESPONSE_HEADER, *links)
    response = (
        table(
            "Table 3 Response parameters",
            RESPONSE_HEADER,
            ("members", "Array", "The members. For details, see Table 4."),
        )
        + table(
            "Table 4 members parameter description",
            RESPONSE_HEADER,
            ("id", "String", "Member ID."),
            ("members_links", "Array", "Page links. For details, see Table 5."),
        )
        + table(
            "Table 5 members_links parameter description",
            RESPONSE_HEADER,
            *links,
            ("type", "String", "Link type."),
        )
    )
    example = (
        ".. code-block::\n\n"
        '   {"members": [{"id": "m-1"}], "members_links": [{"href": "h", "rel": "next"}]}\n'
    )
    sections = (
        ("URI", "GET /v2/members"),
        ("Request", request),
        ("Response", response),
        ("Example Response", example),
    )
    result = scrape_pages(tmp_path, {"list.rst": page("Listing Members", *sections)})
    body = response_schema(result.spec, operation(result.spec, "get", "/v2/members"), "200")
    top = resolve(result.spec, body)["properties"]
    shown = resolve(result.spec, top["members_links"]["items"])["properties"]
    assert set(shown) == {"href", "rel", "type"}
    assert "unlinked-table" not in kinds(result)
    assert "titled after it" in kinds(result)["doc-defect:undocumented-field"][0]


def test_an_example_of_one_list_item_adds_no_fields_to_the_list_body(tmp_path: Path) -> None:
    """ModelArts list processor tasks: the example shows one task (the show page's body), not
    `count` and `tasks`; its key no table has is no field of the list's body, and the example
    is reported as one of `$.tasks[]` and left out, so no mock serves it as the list."""
    response = table(
        "Table 1 Response parameters",
        RESPONSE_HEADER,
        ("count", "Integer", "Total number."),
        ("tasks", "Array of objects", "The tasks. For details, see Table 2."),
    ) + table(
        "Table 2 tasks field description",
        RESPONSE_HEADER,
        ("task_id", "String", "Task ID."),
        ("name", "String", "Task name."),
    )
    example = '.. code-block::\n\n   {"task_id": "t-1", "name": "clean", "ai_project": "p"}\n'
    result, body = scrape_response(
        tmp_path, "Listing Tasks", "GET /v2/processor-tasks", response, example
    )
    assert set(resolve(result.spec, body)["properties"]) == {"count", "tasks"}
    (said,) = kinds(result)["doc-defect:example"]
    assert "$ shows the fields of $.tasks[] (2 of its 3 keys), not its own (0)" in said
    media = operation(result.spec, "get", "/v2/processor-tasks")["responses"]["200"]["content"]
    assert "examples" not in media["application/json"]
    assert "doc-defect:undocumented-field" not in kinds(result)


def test_rows_named_by_their_path_nest_under_their_parent_row(tmp_path: Path) -> None:
    """`widget.tags[].key` is the `key` of each item of `widget.tags`; a dotted key whose
    prefix is no row (`metering.image_id`) is a key with a dot in it."""
    request = table(
        "Table 2 Request body parameters",
        HEADER,
        ("widget", "Yes", "Object", "The widget."),
        ("widget.name", "Yes", "String", "Name."),
        ("widget.tags", "No", "Array of objects", "Tags."),
        ("widget.tags[].key", "Yes", "String", "Tag key."),
        ("metering.image_id", "No", "String", "A key with a dot."),
    )
    result, body = _request_body(
        tmp_path, request, '{"widget": {"name": "w", "tags": [{"key": "k"}]}}'
    )
    widget = body["properties"]["widget"]
    assert set(body["properties"]) == {"widget", "metering.image_id"}
    assert body["required"] == ["widget"]
    assert set(widget["properties"]) == {"name", "tags"} and widget["required"] == ["name"]
    tag = widget["properties"]["tags"]["items"]
    assert tag["properties"]["key"]["type"] == "string" and tag["required"] == ["key"]
    assert "doc-defect:mandatory" not in kinds(result)  # the example nests them too


def _request_body(
    tmp_path: Path, request: str, example: str
) -> tuple[ScrapeResult, dict[str, Any]]:
    """A POST page of a request table and a JSON example: the scrape and the body schema."""
    shown = f".. code-block::\n\n   {example}\n"
    sections = (("URI", "POST /v1/widgets"), ("Request", request), ("Example Request", shown))
    result = scrape_pages(tmp_path, {"create.rst": page("Creating a Widget", *sections)})
    op = operation(result.spec, "post", "/v1/widgets")
    schema = op["requestBody"]["content"]["application/json"]["schema"]
    return result, resolve(result.spec, schema)


@pytest.mark.parametrize(
    "said",
    [
        "Normal response code: 202 Accepted",
        "Normal: 202",
        "Success: 202",
        "Returned value: 202 Accepted.",
        "Return code: 202",
        "HTTP status code 202 is returned if the request succeeds.",
    ],
)
def test_a_body_takes_the_success_code_other_labels_state(tmp_path: Path, said: str) -> None:
    """Status labels other vendors write, in a "Returned Value" section. Before, the body
    was silently a 200's."""
    fields = table("Table 2 Response body", RESPONSE_HEADER, ("job_id", "String", "Job."))
    text = page(
        "Resizing a Volume",
        ("URI", "POST /v2/volumes/{volume_id}/action"),
        ("Response", fields),
        ("Returned Value", said),
    )
    result = scrape_pages(tmp_path, {"resize.rst": text})
    responses = operation(result.spec, "post", "/v2/volumes/{volume_id}/action")["responses"]
    assert list(responses) == ["202"] and "content" in responses["202"]
    assert "inferred:status" not in kinds(result)


def test_a_status_in_a_body_tables_caption_makes_it_that_statuss_body(tmp_path: Path) -> None:
    """ "Response body parameters (status code: 404)" after the 200's table: before, it was
    an unlinked table."""
    fields = table("Table 2 Response body parameters (status code: 200)", RESPONSE_HEADER,
                   ("id", "String", "ID."))  # fmt: skip
    error = table("Table 3 Response body parameters (status code: 404)", RESPONSE_HEADER,
                  ("error_code", "String", "Code."))  # fmt: skip
    text = page("Querying a Job", ("URI", "GET /v1/jobs"), ("Response", fields + "\n" + error))
    result = scrape_pages(tmp_path, {"show.rst": text})
    op = operation(result.spec, "get", "/v1/jobs")
    assert list(response_schema(result.spec, op, "404")["properties"]) == ["error_code"]
    assert list(response_schema(result.spec, op, "200")["properties"]) == ["id"]
    assert "unlinked-table" not in kinds(result)


def test_a_body_with_no_success_status_documented_is_a_200_and_said(tmp_path: Path) -> None:
    fields = table("Table 2 Response body", RESPONSE_HEADER, ("job_id", "String", "Job."))
    text = page("Resizing a Volume", ("URI", "POST /v2/volumes"), ("Response", fields))
    result = scrape_pages(tmp_path, {"resize.rst": text})
    assert list(operation(result.spec, "post", "/v2/volumes")["responses"]) == ["200"]
    assert kinds(result)["inferred:status"] == [
        "no success status is documented; the response body is given 200"
    ]


def test_a_body_takes_the_success_code_a_sentence_or_its_marker_states(tmp_path: Path) -> None:
    """DDS: a response table with no status marker, and "Status Code:202." in the status
    section: the body is the 202's (it was a 200's, and the sentence was lost). VPN: a
    table under "Status code: 201" and no status list: its component is named as the
    success body ("CreateGatewayResponse"), not "CreateGatewayResponse201"."""
    fields = table("Table 2 Response body", RESPONSE_HEADER, ("id", "String", "The ID."))
    pages = {
        "restore.rst": page(
            "Restoring a Backup",
            ("URI", "POST /v3/instances"),
            ("Response", fields),
            ("Status Code", "Status Code:202."),
        ),
        "gateway.rst": page(
            "Creating a Gateway",
            ("URI", "POST /v5/gateways"),
            ("Response", f"**Status code: 201**\n\n{fields}"),
        ),
    }
    pages["download.rst"] = page(
        "Downloading a Widget",
        ("Function", "Downloads it. If Range is specified, status code 206 is returned."),
        ("URI", "GET /v3/widgets"),
        ("Response", fields),
    )  # a sentence about one case names no success code: the table is the 200's
    result = scrape_pages(tmp_path, pages)
    assert list(operation(result.spec, "get", "/v3/widgets")["responses"]) == ["200"]
    restore = operation(result.spec, "post", "/v3/instances")["responses"]
    assert list(restore) == ["202"] and "content" in restore["202"]
    gateway = operation(result.spec, "post", "/v5/gateways")["responses"]
    assert ref_name(gateway["201"]["content"]["application/json"]["schema"]) == (
        "CreateGatewayResponse"
    )


def test_an_enum_typed_row_takes_the_type_of_its_values(tmp_path: Path) -> None:
    """ "Enum" says there is a list, not of what: the example and the listed values tell."""
    request = table(
        "Table 2 Request body parameters",
        HEADER,
        ("mode", "No", "Enum", "Mode. Values: 0, 1, 2"),
        ("kind", "No", "Enum", "Kind. The value can be fast or slow."),
    )
    result, body = _request_body(tmp_path, request, '{"mode": 1, "kind": "fast"}')
    mode, kind = body["properties"]["mode"], body["properties"]["kind"]
    assert (mode["type"], mode["enum"]) == ("integer", [0, 1, 2])
    assert (kind["type"], kind["enum"]) == ("string", ["fast", "slow"])
    assert "doc-defect:example" not in kinds(result)


def test_a_values_table_the_field_points_at_is_its_enum(tmp_path: Path) -> None:
    """ "Value | Meaning" rows, which a field's description points at ("see Table 2") or
    which is titled after the field ("Values of state"): the field's enum. One whose values
    are not of the field's type, or that lists no default the prose gives, is reported; one
    no field takes is an unlinked table."""
    request = table(
        "Table 1 Request body parameters",
        HEADER,
        ("mode", "No", "String", "Deletion mode. For the values, see Table 2."),
        ("state", "No", "String", "Target state."),
        ("level", "No", "Integer", "Level. Default: 9. See Table 4."),
        ("states", "No", "Array of strings", "States to match. See Table 3."),
    )
    modes = table("Table 2 Deletion modes", ("Value", "Meaning"),
                  ("soft", "To the recycle bin."), ("``hard``", "At once."))  # fmt: skip
    states = table("Table 3 Values of State", ("Enumeration Value", "Description"),
                   ("on", "Running."), ("off", "Stopped."))  # fmt: skip
    levels = table("Table 4 Levels", ("Value", "Description"), ("1", "Low."), ("2", "High."))
    spare = table("Table 5 Colours", ("Value", "Description"), ("red", "Red."))
    text = page(
        "Deleting Backups",
        ("URI", "POST /v1/backups/delete"),
        ("Request Parameters", "\n".join((request, modes, states, levels, spare))),
    )
    result = scrape_pages(tmp_path, {"delete.rst": text})
    op = operation(result.spec, "post", "/v1/backups/delete")
    body = request_schema(result.spec, op)
    fields = body["properties"]
    assert fields["mode"]["enum"] == ["soft", "hard"]
    assert fields["state"]["enum"] == ["on", "off"]
    assert fields["states"]["items"]["enum"] == ["on", "off"]
    assert "enum" not in fields["level"] and fields["level"]["default"] == 9
    found = kinds(result)
    assert any("'level'" in r and "default 9" in r for r in found["constraint:conflict"])
    assert [r for r in found["unlinked-table"]] and "unknown-table" not in found
    assert [(d.table, "its values are not" in d.reason) for d in result.diagnostics
            if d.kind == "unlinked-table"] == [("Table 5 Colours", True)]  # fmt: skip


def test_a_label_paragraph_above_a_table_without_caption_is_its_caption(tmp_path: Path) -> None:
    """ "**Request header**" over the header table and "**Request body**" over the body's;
    "owner:" over the table of the `owner` field ("Object (see below)"). Before, the
    header rows were body fields and the owner table another form of the body."""

    def rows(*cells: tuple[str, ...]) -> str:
        return "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in cells)

    head = "<thead><tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr></thead>"
    owner = ("owner", "No", "Object (see below)", "Owner.")
    text = (
        "<html><body><h1>Creating a Gadget</h1><h2>URI</h2><p>POST /v1/gadgets</p>"
        "<h2>Request Parameters</h2><p><strong>Request header</strong></p>"
        f"<table>{head}{rows(('X-Language', 'No', 'String', 'Language.'))}</table>"
        "<p><strong>Request body</strong></p>"
        f"<table>{head}{rows(('name', 'Yes', 'String', 'Name.'), owner)}</table>"
        f"<p>owner:</p><table>{head}{rows(('user_id', 'Yes', 'String', 'User.'))}</table>"
        "</body></html>"
    )
    result = scrape_pages(tmp_path, {"create.html": text})
    op = operation(result.spec, "post", "/v1/gadgets")
    assert params(op).keys() == {("header", "X-Language")}
    body = request_schema(result.spec, op)
    assert body["properties"].keys() == {"name", "owner"} and body["required"] == ["name"]
    assert resolve(result.spec, body["properties"]["owner"])["properties"].keys() == {"user_id"}


def test_bulleted_labels_over_header_and_body_tables_place_their_rows(tmp_path: Path) -> None:
    """The IAM layout: "- Parameters in the request header" and "- Parameters in the
    response header" as list items over caption-less tables. Before, the header rows were
    request body fields (the body's required flags lost), and the response header table
    became the response body, the real body table unlinked."""

    def labelled(label: str, *rows: tuple[str, ...]) -> str:
        return f"-  {label}\n\n{rst_table(*rows)}\n\n"  # the table inside the item

    request = labelled(
        "Parameters in the request header",
        HEADER,
        ("Content-Type", "Yes", "String", "Fill application/json."),
        ("X-Domain-Id", "No", "String", "Account ID."),
    ) + labelled("Parameters in the request body", HEADER, ("auth", "Yes", "Object", "Auth."))
    response = labelled(
        "Parameters in the response header",
        RESPONSE_HEADER,
        ("X-Subject-Token", "String", "Signed token."),
    ) + labelled("Parameters in the response body", RESPONSE_HEADER, ("token", "Object", "T."))
    text = page(
        "Obtaining a Token",
        ("URI", "POST /v3/auth/tokens"),
        ("Request", request),
        ("Response", response),
        ("Status Codes", table("Table 9 Status codes", ("Status Code", "Description"),
                               ("201", "Created."))),
    )  # fmt: skip
    result = scrape_pages(tmp_path, {"token.rst": text})
    op = operation(result.spec, "post", "/v3/auth/tokens")
    assert params(op).keys() == {("header", "X-Domain-Id")}
    body = request_schema(result.spec, op)
    assert body["properties"].keys() == {"auth"} and body["required"] == ["auth"]
    created = op["responses"]["201"]
    assert created["headers"] == {
        "X-Subject-Token": {"description": "Signed token.", "schema": {"type": "string"}}
    }
    assert response_schema(result.spec, op, "201")["properties"].keys() == {"token"}
    assert "unlinked-table" not in kinds(result)


def test_list_content_and_a_headers_fields_table_are_no_location_tables(tmp_path: Path) -> None:
    """A list item over a caption-less table labels it only as a label ("- Objects under a
    path" is the list's content: before, the body's rows became path parameters), and a
    field's table captioned "headers field description" is that field's object, not the
    response's headers."""
    flush_left = "\n".join(
        line[3:] for line in rst_table(HEADER, ("prefix", "Yes", "String", "P.")).splitlines()
    )
    items = "-  Objects in the bucket\n-  Objects under a path"
    request = f"The policy applies to:\n\n{items}\n\n{flush_left}\n"
    response = table(
        "Table 2 Response body", RESPONSE_HEADER, ("headers", "Array of objects", "Headers.")
    ) + table("Table 3 headers field description", RESPONSE_HEADER, ("key", "String", "Key."))
    text = page(
        "Creating a Policy", ("URI", "POST /v1/policies"), ("Request", request),
        ("Response", response),
    )  # fmt: skip
    result = scrape_pages(tmp_path, {"create.rst": text})
    op = operation(result.spec, "post", "/v1/policies")
    assert list(request_schema(result.spec, op)["properties"]) == ["prefix"]
    assert "headers" not in op["responses"]["200"]
    item = response_schema(result.spec, op, "200")["properties"]["headers"]["items"]
    assert list(resolve(result.spec, item)["properties"]) == ["key"]


def test_presence_stated_in_the_row_of_a_table_with_no_mandatory_column(tmp_path: Path) -> None:
    """A sentence "Mandatory." or "This parameter is mandatory.", or a name marked "zone*",
    makes a field required; "mandatory when ..." and a wildcard name ("x-meta-*") do not.
    Before, only "(Mandatory, String)" did, and the other fields were optional, silently."""
    rows = (
        ("name", "String", "Widget name. This parameter is mandatory."),
        ("size", "Integer", "Size in GB. Optional."),
        ("colour", "String", "Mandatory. Colour."),
        ("zone*", "String", "Zone."),
        ("tag", "String", "Tag. Mandatory when zone is set."),
        ("x-meta-\\*", "String", "Metadata."),
    )
    request = table("Table 1 Request body", RESPONSE_HEADER, *rows)
    text = page("Creating a Widget", ("URI", "POST /v1/widgets"), ("Request", request))
    result = scrape_pages(tmp_path, {"create.rst": text})
    body = request_schema(result.spec, operation(result.spec, "post", "/v1/widgets"))
    assert body["required"] == ["name", "colour", "zone"]


def test_a_two_column_table_whose_descriptions_open_with_the_type_is_typed_by_them(
    tmp_path: Path,
) -> None:
    """ "Parameter | Description" rows that open with "(Optional, Boolean)", "(Mandatory,
    String)", "Array of SubJob objects." or "Map<String,String>."; a first sentence that is
    words ("Job status.") states no type."""
    two = ("Parameter", "Description")
    query = table(
        "Table 1 Query Parameters", two,
        ("verbose", "(Optional, Boolean) Whether to return sub-jobs."),
        ("region", "(Mandatory, String) Region."),
        ("key", "Object name. Where the object is."),  # words, not a type
    )  # fmt: skip
    response = table(
        "Table 2 Response body", two,
        ("sub_jobs", "Array of SubJob objects. See Table 3."),
        ("state", "Job status. One word."),
        ("enabled", "Type: Boolean. Whether it is on."),
    )  # fmt: skip
    sub_job = table("Table 3 SubJob", two, ("entities", "Map<String,String>. Entities."))
    text = page(
        "Querying a Job",
        ("URI", "GET /v1/jobs\n\n" + query),
        ("Response Parameters", response + "\n" + sub_job),
    )
    result = scrape_pages(tmp_path, {"show.rst": text})
    op = operation(result.spec, "get", "/v1/jobs")
    found = params(op)
    assert found[("query", "verbose")]["schema"] == {"type": "boolean"}
    assert "required" not in found[("query", "verbose")]
    assert found[("query", "region")]["required"] is True
    assert found[("query", "key")]["schema"] == {"type": "string"}
    body = response_schema(result.spec, op, "200")["properties"]
    sub_job_schema = resolve(result.spec, body["sub_jobs"]["items"])
    assert sub_job_schema["properties"]["entities"]["additionalProperties"] == {"type": "string"}
    assert "type" not in body["state"] and body["enabled"]["type"] == "boolean"


def test_rows_named_by_a_path_nest_as_the_example_does_where_no_row_names_a_step(
    tmp_path: Path,
) -> None:
    """`root_volume.size` with no row `root_volume`, `publicip.eip.bandwidth.size` with no
    row `publicip.eip.bandwidth`: the example nests them, so the steps become objects and the
    rows keep their bounds; before, the rows were keys with dots, required, and the example
    was reported as breaking the schema."""
    request = table(
        "Table 1 Request body parameters", HEADER,
        ("publicip", "No", "Object", "EIP."),
        ("publicip.eip", "No", "Object", "EIP to create."),
        ("publicip.eip.bandwidth.size", "Yes", "Integer", "Size. The value ranges from 1 to 300."),
        ("root_volume.size", "Yes", "Integer", "Disk size. The value ranges from 40 to 1024."),
    )  # fmt: skip
    example = (
        '.. code-block::\n\n   {"publicip": {"eip": {"bandwidth": {"size": 5}}}, '
        '"root_volume": {"size": 40}}\n'
    )
    text = page(
        "Creating a Server",
        ("URI", "POST /v1/servers"),
        ("Request Parameters", request),
        ("Example Request", example),
    )
    result = scrape_pages(tmp_path, {"create.rst": text})
    op = operation(result.spec, "post", "/v1/servers")
    body = request_schema(result.spec, op)
    assert body["properties"].keys() == {"publicip", "root_volume"}
    bandwidth = body["properties"]["publicip"]["properties"]["eip"]["properties"]["bandwidth"]
    assert bandwidth["properties"]["size"]["maximum"] == 300 and bandwidth["required"] == ["size"]
    assert body["properties"]["root_volume"]["properties"]["size"]["minimum"] == 40
    found = kinds(result)
    assert "doc-defect:example" not in found and "doc-defect:undocumented-field" not in found
    assert any("root_volume" in r for r in found["inferred:nesting"])


def test_a_status_in_parentheses_in_a_response_heading_names_its_body(tmp_path: Path) -> None:
    """ "Response Parameters (status 200)" and "Response Parameters (status 202)": one body
    each; before, the second table was an unlinked table and 202 had no body."""
    ok = table("Table 1 Parameters", RESPONSE_HEADER, ("size", "Integer", "New size."))
    accepted = table("Table 2 Parameters", RESPONSE_HEADER, ("job_id", "String", "Job."))
    text = page(
        "Resizing a Volume",
        ("URI", "POST /v2/volumes/{volume_id}/resize"),
        ("Response Parameters (status 200)", ok),
        ("Response Parameters (status 202)", accepted),
    )
    result = scrape_pages(tmp_path, {"resize.rst": text})
    op = operation(result.spec, "post", "/v2/volumes/{volume_id}/resize")
    assert response_schema(result.spec, op, "200")["properties"].keys() == {"size"}
    assert response_schema(result.spec, op, "202")["properties"].keys() == {"job_id"}
    assert "unlinked-table" not in kinds(result)


def test_a_mandatory_cell_s_condition_is_kept_and_makes_no_requirement(tmp_path: Path) -> None:
    """ "Yes when mount_type is ecs.", "Mandatory for AK/SK-based authentication": required
    only then, which a schema cannot say; the words go to the description. A bare yes stays
    required, and a note that states no condition ("Yes. Used for filtering.") too, and so
    does a condition on the presence of something no row names (the object the table is
    of: OBS "Yes if Tag is present." in Tag's table)."""
    request = table(
        "Table 1 Request body parameters",
        HEADER,
        ("name", "Yes", "String", "Name."),
        ("filter", "Yes. Used for filtering.", "String", "Filter."),
        ("mount_path", "Yes when mount_type is ecs.", "String", "Mount path."),
        ("sign", "Mandatory for AK/SK-based authentication", "String", "Signature."),
        ("size", "Yes (in some cases)", "Integer", "Size."),
        ("key", "No. This field is required when SSE-C is used.", "String", "Key."),
        ("mode", "Conditionally mandatory", "String", "Mode."),
        ("days", "Yes if Rule is present.", "Integer", "Days."),  # no row: its object
        ("date", "Yes if the name element is specified.", "String", "Date."),  # a row's
        ("image", "Yes, even if the image is private.", "String", "Image."),  # no condition
        ("kind", "Required for all widget types", "String", "Kind."),
        ("cert", "Yes if HTTPS is used.", "String", "Certificate."),  # a feature's, no object
    )
    pages = {"create.rst": page("Creating a Widget", ("URI", "POST /v1/widgets"),
                                ("Request", request))}  # fmt: skip
    result = scrape_pages(tmp_path, pages)
    body = resolve(result.spec, request_schema(result.spec, operation(result.spec, "post",
                                                                      "/v1/widgets")))  # fmt: skip
    assert body["required"] == ["name", "filter", "days", "image", "kind"]
    said = {name: prop["description"] for name, prop in body["properties"].items()}
    assert said["name"] == "Name."
    assert said["mount_path"] == "Mount path.\nMandatory: Yes when mount_type is ecs."
    assert said["key"].endswith("Mandatory: No. This field is required when SSE-C is used.")
    assert said["mode"].endswith("Mandatory: Conditionally mandatory")


def test_a_name_cell_that_says_deprecated_marks_the_field_and_the_parameter(
    tmp_path: Path,
) -> None:
    query = table(
        "Table 1 Query parameters",
        HEADER,
        ("marker (deprecated)", "No", "String", "Old paging marker."),
        ("limit", "No", "Integer", "Page size."),
    )
    response = table(
        "Table 2 Response body parameters",
        RESPONSE_HEADER,
        ("owner_id (Deprecated)", "String", "Owner."),
        ("name", "String", "Name."),
    )
    pages = {"list.rst": page("Listing Widgets", ("URI", "GET /v1/widgets\n\n" + query),
                              ("Response", response))}  # fmt: skip
    result = scrape_pages(tmp_path, pages)
    op = operation(result.spec, "get", "/v1/widgets")
    found = params(op)
    assert found[("query", "marker")]["deprecated"] is True
    assert "deprecated" not in found[("query", "marker")]["schema"]
    assert "deprecated" not in found[("query", "limit")]
    props = resolve(result.spec, response_schema(result.spec, op, "200"))["properties"]
    assert props["owner_id"]["deprecated"] is True
    assert "deprecated" not in props["name"]


def test_a_condition_on_the_rows_own_parent_row_keeps_it_required() -> None:
    """ "tags.key | Yes if tags is specified.": tags is a row of the table, but it is the
    key's parent, so the key is required wherever a tag is."""
    rows = (("tags", "No", "Array"), ("tags.key", "Yes if tags is specified.", "String"),
            ("name", "Yes if tags is specified.", "String"))  # fmt: skip
    assert {f.name: f.required for f in fields_of(("Parameter", "Mandatory", "Type"), *rows)} == {
        "tags": False, "tags.key": True, "name": False,
    }  # fmt: skip


def test_a_child_named_deprecated_is_not_deprecated() -> None:
    rows = (("widget", "Object"), ("└ deprecated", "Boolean"), ("old (deprecated)", "String"))
    assert {f.name: f.deprecated for f in fields_of(("Parameter", "Type"), *rows)} == {
        "widget": False, "widget.deprecated": False, "old": True,
    }  # fmt: skip


def test_a_footnote_mark_beside_a_name_is_no_part_of_it() -> None:
    """Text copied from a page keeps superscripts as characters: "size¹" is `size`."""
    rows = (("size¹", "Integer"), ("color²³", "String"), ("name", "String"))
    assert [f.name for f in fields_of(("Parameter", "Type"), *rows)] == ["size", "color", "name"]


def test_a_field_with_no_type_takes_the_type_of_what_its_description_states(
    tmp_path: Path,
) -> None:
    """ "Enum" with its values in prose, or a table with no Type column: the listed values'
    type (integers, true/false a boolean), else a range's (integer) or a length's (string);
    a field nothing types is reported (another page's field of that name is no evidence)."""
    no_type = ("Parameter", "Mandatory", "Description")
    body = table(
        "Table 1 Request body parameters",
        no_type,
        ("mode", "No", "Mode. The value can be fast or slow."),
        ("level", "No", "Level. The value can be 1, 2, or 3."),
        ("enabled", "No", "Whether it is on. The value can be true or false."),
        ("size", "No", "Size. The value ranges from 1 to 100."),
        ("name", "Yes", "Name. The value contains 1 to 64 characters."),
        ("owner", "No", "Owner."),
        ("note", "No", "A note."),
        ("tags", "No", "Tags. Each tag contains 1 to 36 characters."),  # an item's length
    )
    kind = table(
        "Table 2 Response body parameters",
        HEADER,
        ("kind", "Yes", "Enum", "Kind. The value can be a or b."),
        ("owner", "Yes", "String", "Owner."),
    )
    pages = {
        "create.rst": page("Creating a Widget", ("URI", "POST /v1/widgets"), ("Request", body)),
        "show.rst": page("Showing a Widget", ("URI", "GET /v1/widgets/{id}"), ("Response", kind)),
    }
    result = scrape_pages(tmp_path, pages)
    create = operation(result.spec, "post", "/v1/widgets")
    props = resolve(result.spec, request_schema(result.spec, create))["properties"]
    assert props["mode"]["type"] == "string" and props["mode"]["enum"] == ["fast", "slow"]
    assert props["level"]["type"] == "integer" and props["level"]["enum"] == [1, 2, 3]
    assert props["enabled"]["type"] == "boolean" and "enum" not in props["enabled"]
    assert (props["size"]["type"], props["size"]["maximum"]) == ("integer", 100)
    assert (props["name"]["type"], props["name"]["maxLength"]) == ("string", 64)
    assert "type" not in props["owner"]  # the other page's String owner is no evidence
    assert "type" not in props["note"]
    show = operation(result.spec, "get", "/v1/widgets/{id}")
    shown = resolve(result.spec, response_schema(result.spec, show, "200"))["properties"]
    assert shown["kind"]["enum"] == ["a", "b"]
    found = kinds(result)
    assert {r.split("'")[1] for r in found["untyped-field"]} == {"owner", "note", "tags"}
    assert any("'level'" in r and "values its description lists" in r
               for r in found["inferred:type"])  # fmt: skip
