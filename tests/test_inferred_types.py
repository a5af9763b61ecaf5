"""Types the tables leave out, learnt in the open: an untyped parameter whose description
states a numeric range is an integer, any other is text with its description's keywords; an
"Array" the example shows as strings holds strings."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import operation, params, response_schema
from tests.test_conventions import RESPONSE_HEADER, kinds, page, scrape_pages, table

NO_TYPE = ("Parameter", "Mandatory", "Description")


def test_an_untyped_query_parameter_stating_a_range_is_an_integer_a_path_one_stays_text(
    tmp_path: Path,
) -> None:
    uri = table(
        "Table 1 Parameters",
        NO_TYPE,
        ("project_id", "Yes", "Project ID. The value ranges from 1 to 64."),
        ("limit", "No", "Number of records. The value ranges from 1 to 100."),
        ("marker", "No", "Where the page starts. Maximum: 64"),
        ("size", "No", "Page size. The value ranges from 1 to 100 and the default value is 10."),
        ("ratio", "No", "Sampling ratio. Value range: (0, 1]."),
    )
    result = scrape_pages(
        tmp_path,
        {"list.rst": page("Listing Backups", ("URI", "GET /v3/{project_id}/backups\n\n" + uri))},
    )
    found = params(operation(result.spec, "get", "/v3/{project_id}/backups"))
    assert found[("query", "limit")]["schema"] == {"type": "integer", "minimum": 1, "maximum": 100}
    assert found[("query", "marker")]["schema"] == {"type": "string"}  # a bound may be a length
    assert found[("query", "size")]["schema"] == {  # the default beside the range
        "type": "integer", "minimum": 1, "maximum": 100, "default": 10
    }  # fmt: skip
    assert found[("query", "ratio")]["schema"] == {"type": "string"}  # "(0, 1]": maybe a ratio
    assert found[("path", "project_id")]["schema"]["type"] == "string"
    assert any(
        "'limit' has no documented type; integer" in r for r in kinds(result)["inferred:type"]
    )


def test_an_array_without_item_type_takes_the_examples_scalar_type(tmp_path: Path) -> None:
    response = table("Table 1 Response body", RESPONSE_HEADER, ("hosts", "Array", "Hosts."))
    example = '.. code-block::\n\n   {"hosts": ["a", "b"]}\n'
    result = scrape_pages(
        tmp_path,
        {
            "show.rst": page(
                "Listing Hosts",
                ("URI", "GET /v1/hosts"),
                ("Response", response),
                ("Example Response", example),
            )
        },
    )
    body = response_schema(result.spec, operation(result.spec, "get", "/v1/hosts"), "200")
    assert body["properties"]["hosts"]["items"] == {"type": "string"}
    assert any("string items from the example" in r for r in kinds(result)["inferred:type"])


def test_a_field_typed_by_its_example_gets_its_descriptions_constraints(tmp_path: Path) -> None:
    """A table without a Type column: a regular expression can only be read once the
    example gives the type (a length would give it: text); then it is, and the diagnostic
    says so."""
    response = table(
        "Table 1 Response body",
        ("Parameter", "Description"),
        ("name", "Dimension name matching the regular expression ^[a-z]+$"),
    )
    example = '.. code-block::\n\n   {"name": "disk"}\n'
    result = scrape_pages(
        tmp_path,
        {
            "show.rst": page(
                "Showing a Dimension",
                ("URI", "GET /v1/dimension"),
                ("Response", response),
                ("Example Response", example),
            )
        },
    )
    body = response_schema(result.spec, operation(result.spec, "get", "/v1/dimension"), "200")
    name = {k: v for k, v in body["properties"]["name"].items() if not k.startswith(("x-", "d"))}
    assert name == {"type": "string", "pattern": "^[a-z]+$"}
    assert any(
        "string from the example; then its description's pattern" in r
        for r in kinds(result)["inferred:type"]
    )
    assert "constraint:pattern" not in kinds(result)


def test_an_untyped_parameters_keyword_its_example_request_contradicts_is_dropped(
    tmp_path: Path,
) -> None:
    """Text on the wire with its description's keywords, read where the rows are; a value
    the example request sends beyond them drops the keyword, as in bodies, and keeps the
    example: the report says which keyword went."""
    uri = table(
        "Table 1 Query parameters",
        NO_TYPE,
        ("dim", "Yes", "Dimension, key,value. The key cannot exceed 32 characters."),
        ("name", "No", "Name of 1 to 8 characters."),
    )
    query = "dim=instance_id,0123456789abcdef0123456789abcdef&name=ab"
    example = f".. code-block:: text\n\n   GET https://{{endpoint}}/v1/data?{query}\n"
    result = scrape_pages(
        tmp_path,
        {
            "list.rst": page(
                "Listing Data", ("URI", "GET /v1/data\n\n" + uri), ("Example Request", example)
            )
        },
    )
    found = params(operation(result.spec, "get", "/v1/data"))
    assert found[("query", "dim")]["schema"] == {"type": "string"}
    assert found[("query", "dim")]["example"].startswith("instance_id,")
    assert found[("query", "name")]["schema"] == {"type": "string", "minLength": 1, "maxLength": 8}
    assert found[("query", "name")]["example"] == "ab"
    (reason,) = kinds(result)["doc-defect:constraint"]
    assert reason.startswith("query parameter 'dim': example value 'instance_id,")
    assert reason.endswith("contradicts maxLength 32; maxLength dropped")
    assert "doc-defect:example" not in kinds(result)


def test_a_parameter_documented_as_an_object_is_text_with_its_descriptions_keywords(
    tmp_path: Path,
) -> None:
    """A path segment (or a query value) cannot be an object: the doc type is a defect, and
    the row is text whose description still states its length and values."""
    uri = table(
        "Table 1 Parameters",
        ("Parameter", "Mandatory", "Type", "Description"),
        ("server_id", "Yes", "Object", "Server ID. The value contains 1 to 64 characters."),
        ("mode", "No", "Object", "Mode. The value can be fast or slow."),
    )
    pages = {"get.rst": page("Showing a Server", ("URI", "GET /v1/{server_id}\n\n" + uri))}
    found = params(operation(scrape_pages(tmp_path, pages).spec, "get", "/v1/{server_id}"))
    assert found[("path", "server_id")]["schema"] == {
        "type": "string", "minLength": 1, "maxLength": 64
    }  # fmt: skip
    assert found[("query", "mode")]["schema"] == {"type": "string", "enum": ["fast", "slow"]}
