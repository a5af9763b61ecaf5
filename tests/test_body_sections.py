"""Examples written inside the Request and Response sections (DNS, DDS, VPN), and nested
tables titled with the singular of their field's name."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import operation, resolve, response_schema
from tests.test_conventions import HEADER, RESPONSE_HEADER, kinds, page, scrape_pages, table


def _block(text: str) -> str:
    return f".. code-block::\n\n   {text}\n"


def test_examples_inside_the_body_sections_are_those_bodies_examples(tmp_path: Path) -> None:
    request = "\n".join([
        table("Table 1 Request parameters", HEADER, ("name", "Yes", "String", "Name.")),
        "-  Example request", "", _block('{"name": "a"}'),
    ])  # fmt: skip
    response = "\n".join([
        table("Table 2 Response parameters", RESPONSE_HEADER, ("id", "String", "ID.")),
        "-  Example response", "",
        "The following is a request example when the name is set:", "",
        _block('{"id": "t-1"}'),
        "Abnormal response", "", _block('{"error_code": "T.001", "error_msg": "bad"}'),
    ])  # fmt: skip
    result = scrape_pages(
        tmp_path,
        {
            "create.rst": page(
                "Creating a Thing",
                ("URI", "POST /v1/things"),
                ("Request", request),
                ("Response", response),
            )
        },
    )
    op = operation(result.spec, "post", "/v1/things")
    sent = op["requestBody"]["content"]["application/json"]["examples"]
    assert [e["value"] for e in sent.values()] == [{"name": "a"}]
    shown = op["responses"]["200"]["content"]["application/json"]["examples"]
    # the section decides: a label that says "request example" under Response is the slip
    assert [e["value"] for e in shown.values()] == [{"id": "t-1"}]
    assert "example-without-schema" not in kinds(result)


def test_an_empty_request_example_is_an_example_not_a_crash(tmp_path: Path) -> None:
    request = "\n".join([
        table("Table 1 Request parameters", HEADER, ("name", "No", "String", "Name.")),
        "Example request", "", _block("{}"),
    ])  # fmt: skip
    result = scrape_pages(
        tmp_path,
        {"get.rst": page("Downloading Logs", ("URI", "POST /v1/logs"), ("Request", request))},
    )
    op = operation(result.spec, "post", "/v1/logs")
    examples = op["requestBody"]["content"]["application/json"]["examples"]
    assert [e["value"] for e in examples.values()] == [{}]


def test_an_array_field_takes_the_following_table_titled_with_its_singular(
    tmp_path: Path,
) -> None:
    response = (
        table("Table 1 Response parameters", RESPONSE_HEADER, ("instances", "Array", "All."))
        + "\n"
        + table(
            "Table 2 instance parameter description",
            RESPONSE_HEADER,
            ("instance_id", "String", "ID."),
        )
    )
    result = scrape_pages(
        tmp_path,
        {"list.rst": page("Listing", ("URI", "GET /v1/instances"), ("Response", response))},
    )
    body = response_schema(result.spec, operation(result.spec, "get", "/v1/instances"), "200")
    items = resolve(result.spec, body["properties"]["instances"]["items"])
    assert set(items["properties"]) == {"instance_id"}
    assert "unlinked-table" not in kinds(result)


def test_a_label_naming_neither_body_keeps_the_side_the_last_label_named(tmp_path: Path) -> None:
    request = table("Table 1 Request parameters", HEADER, ("action", "Yes", "String", "Do."))
    response = table("Table 2 Response parameters", RESPONSE_HEADER, ("total", "Integer", "N."))
    examples = "\n".join([
        "-  Request example", "", ".. code-block:: text", "", "   POST /v1/things/action", "",
        "-  Request body", "", "   -  **action** is set to **filter**.", "",
        "      " + _block('{"action": "filter"}').replace("\n", "\n      "),
        "-  Example response", "", "   -  **action** is set to **filter**.", "",
        "      " + _block('{"total": 3}').replace("\n", "\n      "),
    ])  # fmt: skip
    result = scrape_pages(
        tmp_path,
        {
            "find.rst": page(
                "Finding Things",
                ("URI", "POST /v1/things/action"),
                ("Request", request),
                ("Response", response),
                ("Example", examples),
            )
        },
    )
    op = operation(result.spec, "post", "/v1/things/action")
    sent = op["requestBody"]["content"]["application/json"]["examples"]
    assert [e["value"] for e in sent.values()] == [{"action": "filter"}]
    shown = op["responses"]["200"]["content"]["application/json"]["examples"]
    assert [e["value"] for e in shown.values()] == [{"total": 3}]


def test_example_blocks_left_out_are_said_xml_error_labels_and_responses_under_the_request(
    tmp_path: Path,
) -> None:
    """Blocks no body takes were dropped without a word: an XML body on a page whose bodies
    are JSON, a block labelled as an error reply, a response shown under the Request."""
    request = "\n".join([
        table("Table 1 Request parameters", HEADER, ("name", "Yes", "String", "Name.")),
        "-  Example response", "", _block('{"id": "t-0"}'),
    ])  # fmt: skip
    response = table("Table 2 Response parameters", RESPONSE_HEADER, ("id", "String", "ID."))
    samples = "\n".join([
        "Example request", "", ".. code-block:: xml\n\n   <widget><name>a</name></widget>\n",
        "Failed response", "", _block('{"error_code": "T.001", "error_msg": "bad"}'),
    ])  # fmt: skip
    result = scrape_pages(tmp_path, {"create.rst": page(
        "Creating a Widget", ("URI", "POST /v1/widgets"), ("Request", request),
        ("Response", response), ("Examples", samples),
    )})  # fmt: skip
    found = kinds(result)
    assert found["bad-example"] == [
        "example in 'Examples': an XML body, where the page's bodies are JSON; not read"
    ]
    assert found["unused-example"] == [
        "a response in 'Request' ('Example response'); left out of the bodies"
    ]
    assert found["error-example"] == [
        "an error reply in 'Examples' ('Failed response'); left out of the bodies"
    ]


def test_a_request_example_whose_label_names_a_response_resource_or_a_failure_is_kept(
    tmp_path: Path,
) -> None:
    """APIG's request examples are labelled "Creating a response for an API group" (the
    resource is a gateway response); DMS's "Deleting all instances that fail to be
    created:". Both were dropped, as a response and as an error reply."""
    request = "\n".join([
        table("Table 1 Request parameters", HEADER, ("name", "Yes", "String", "Name.")),
        "-  Deleting all widgets that fail to be created:", "", _block('{"name": "a"}'),
    ])  # fmt: skip
    examples = "Creating a response for an API group\n\n" + _block('{"name": "b"}')
    result = scrape_pages(tmp_path, {"create.rst": page(
        "Creating a Widget", ("URI", "POST /v1/widgets"), ("Request", request),
        ("Example Requests", examples),
    )})  # fmt: skip
    sent = operation(result.spec, "post", "/v1/widgets")["requestBody"]["content"]
    values = [e["value"] for e in sent["application/json"]["examples"].values()]
    assert values == [{"name": "a"}, {"name": "b"}]
    assert "unused-example" not in kinds(result) and "error-example" not in kinds(result)
