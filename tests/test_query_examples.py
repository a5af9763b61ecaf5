"""The query string of an example request, reconciled with the parameter rows: each catches
what the other misses (indexed keys, keys no row names, misspellings), and says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from doc2openapi.scraper.interpret.templates import instantiates
from doc2openapi.scraper.pipeline import ScrapeResult
from tests.helpers import operation, params
from tests.test_conventions import HEADER, kinds, page, scrape_pages, table

QUERY = table(
    "Table 1 Query parameters",
    HEADER,
    ("dim", "Yes", "String", "Metric dimension, written dim.{i}=key,value."),
    ("offset", "No", "Integer", "Offset."),
)


def scrape_list(tmp_path: Path, request_line: str, extra: str = "") -> ScrapeResult:
    example = f".. code-block:: text\n\n   {request_line}\n"
    return scrape_pages(
        tmp_path,
        {
            "list.rst": page(
                "Querying Metric Data",
                ("URI", "GET /v1/{project_id}/metric-data\n\n" + QUERY + extra),
                ("Example Request", example),
            )
        },
    )


def test_a_row_the_example_sends_indexed_is_one_parameter_per_index(tmp_path: Path) -> None:
    line = "GET https://{Cloud Eye endpoint}/v1/p1/metric-data?dim.0=a,1&dim.1=b,2&offset=3"
    result = scrape_list(tmp_path, line)
    found = params(operation(result.spec, "get", "/v1/{project_id}/metric-data"))
    assert ("query", "dim") not in found
    assert found[("query", "dim.0")]["required"] is True
    assert found[("query", "dim.0")]["example"] == "a,1"
    assert found[("query", "dim.1")].get("required", False) is False
    assert ("query", "dim.2") not in found
    assert found[("query", "offset")]["example"] == 3  # the host placeholder has spaces
    assert "dim.0, dim.1" in " ".join(kinds(result)["inferred:indexed-query"])


def test_the_rows_stated_count_of_indices_is_read_not_each_ones_size(tmp_path: Path) -> None:
    """ "A maximum of three dimensions" (of the row `dim`) is three indices, dim.0 to dim.2;
    "up to 10 values" counts what each holds, not the indices."""
    row = table(
        "Table 1 Query parameters",
        HEADER,
        ("dim", "No", "String", "A maximum of three metric dimensions are supported, numbered from "
         "0. Each dimension has up to 10 values."),
    )  # fmt: skip
    line = "GET https://{endpoint}/v1/p1/data?dim.0=a,1"
    example = f".. code-block:: text\n\n   {line}\n"
    pages = {"list.rst": page("Data", ("URI", "GET /v1/{project_id}/data\n\n" + row),
                              ("Example Request", example))}  # fmt: skip
    found = params(operation(scrape_pages(tmp_path, pages).spec, "get", "/v1/{project_id}/data"))
    assert {name for _, name in found} == {"project_id", "dim.0", "dim.1", "dim.2"}


@pytest.mark.parametrize(
    ("said", "highest"),
    [
        ("A maximum of three dimensions are supported.", "dim.2"),
        ("A maximum of 3 metric dimensions are supported.", "dim.2"),
        ("Up to 256 characters; each dimension has up to 10 values.", "dim.1"),
        ("Each dimension can have up to 10 dimension values.", "dim.1"),
    ],
)
def test_a_stated_count_counts_when_it_names_the_rows_things(
    tmp_path: Path, said: str, highest: str
) -> None:
    row = table("Table 1 Query parameters", HEADER, ("dim", "No", "String", said))
    example = ".. code-block:: text\n\n   GET https://{endpoint}/v1/data?dim.1=a,1\n"
    pages = {"list.rst": page("Data", ("URI", "GET /v1/data\n\n" + row),
                              ("Example Request", example))}  # fmt: skip
    found = params(operation(scrape_pages(tmp_path, pages).spec, "get", "/v1/data"))
    assert max(name for _, name in found) == highest


def test_a_key_no_row_names_is_added_typed_by_its_value_and_reported(tmp_path: Path) -> None:
    line = "GET https://{endpoint}/v1/p1/metric-data?dim.0=a,1&limit=10&brief=true"
    result = scrape_list(tmp_path, line)
    found = params(operation(result.spec, "get", "/v1/{project_id}/metric-data"))
    assert found[("query", "limit")]["schema"] == {"type": "integer"}
    assert found[("query", "limit")]["example"] == 10
    assert found[("query", "limit")].get("required", False) is False
    assert found[("query", "brief")]["schema"] == {"type": "boolean"}
    reasons = kinds(result)["doc-defect:undocumented-parameter"]
    assert any("'limit', which no parameter row names" in r for r in reasons)


def test_a_key_documented_elsewhere_or_misspelt_is_reported_not_added(tmp_path: Path) -> None:
    header = table("Table 2 Request header parameters", HEADER, ("X-Trace", "No", "String", "Id."))
    line = "GET https://{endpoint}/v1/p1/metric-data?dim.0=a,1&offest=3&X-Trace=t&??dim.1=b,2"
    result = scrape_list(tmp_path, line, extra="\n" + header)
    found = params(operation(result.spec, "get", "/v1/{project_id}/metric-data"))
    assert {name for _, name in found} == {"project_id", "dim.0", "dim.1", "offset", "X-Trace"}
    reasons = " ".join(kinds(result)["doc-defect:undocumented-parameter"])
    assert "'offest', a misspelling of the query parameter 'offset'" in reasons
    assert "'X-Trace', which is a header parameter of the operation" in reasons


def test_a_request_line_for_another_path_says_nothing_of_this_one(tmp_path: Path) -> None:
    """A walkthrough's next call (an EIP query on a load balancer's page) is not this API's."""
    line = "GET https://{endpoint}/v1/p1/publicips?port_id=x&dim.0=a,1"
    result = scrape_list(tmp_path, line)
    found = params(operation(result.spec, "get", "/v1/{project_id}/metric-data"))
    assert ("query", "port_id") not in found
    assert ("query", "dim") in found
    assert "doc-defect:undocumented-parameter" not in kinds(result)


def test_an_example_line_under_the_uri_is_no_second_endpoint(tmp_path: Path) -> None:
    """CES writes "- Example" with the request line inside its URI section."""
    uri = (
        "GET /v1/{project_id}/alarms/{alarm_id}\n\n"
        ".. code-block:: text\n\n   GET https://{endpoint}/v1/p1/alarms/al-1?limit=1\n"
    )
    result = scrape_pages(tmp_path, {"show.rst": page("Querying an Alarm", ("URI", uri))})
    assert list(result.spec["paths"]) == ["/v1/{project_id}/alarms/{alarm_id}"]
    assert "duplicate-operation" not in kinds(result)


def test_each_endpoint_takes_the_values_of_its_own_request_lines(tmp_path: Path) -> None:
    """Two endpoints share the page's rows; a response field's name is no request field."""
    rows = table("Table 1 Query parameters", HEADER, ("limit", "No", "Integer", "Page size."))
    response = table(
        "Table 2 Response body parameters",
        ("Parameter", "Type", "Description"),
        ("status", "String", "Job status."),
    )
    uri = "GET /v1/{project_id}/jobs\n\nGET /v1/{project_id}/jobs/{job_id}\n\n" + rows
    lines = (
        ".. code-block:: text\n\n   GET https://{endpoint}/v1/p1/jobs?limit=1&status=done\n\n"
        ".. code-block:: text\n\n   GET https://{endpoint}//V1/p1/jobs/j-1?limit=2&limit=3\n"
    )
    result = scrape_pages(
        tmp_path,
        {"jobs.rst": page("Querying Jobs", ("URI", uri), ("Response", response),
                          ("Example Request", lines))},
    )  # fmt: skip
    listed = params(operation(result.spec, "get", "/v1/{project_id}/jobs"))
    shown = params(operation(result.spec, "get", "/v1/{project_id}/jobs/{job_id}"))
    assert listed[("query", "limit")]["example"] == 1
    assert shown[("query", "limit")]["example"] == 2  # `//V1`: a slip; the first value wins
    assert listed[("query", "status")]["schema"] == {"type": "string"}
    assert ("query", "status") not in shown


def test_a_literal_path_takes_its_lines_before_a_template_it_fills(tmp_path: Path) -> None:
    rows = table("Table 1 Query parameters", HEADER, ("limit", "No", "Integer", "Page size."))
    uri = "GET /v1/jobs/{job_id}\n\nGET /v1/jobs/summary\n\n" + rows
    line = ".. code-block:: text\n\n   GET https://{endpoint}/v1/jobs/summary?period=7\n"
    result = scrape_pages(
        tmp_path, {"jobs.rst": page("Querying Jobs", ("URI", uri), ("Example Request", line))}
    )
    assert ("query", "period") in params(operation(result.spec, "get", "/v1/jobs/summary"))
    assert ("query", "period") not in params(operation(result.spec, "get", "/v1/jobs/{job_id}"))


def test_a_uri_written_with_its_host_is_one_endpoint_with_its_example(tmp_path: Path) -> None:
    """An absolute template gives no value; its example under it is no second endpoint."""
    uri = (
        "GET https://{Cloud Eye endpoint}/v1/{project_id}/alarms?marker={marker}\n\n"
        ".. code-block:: text\n\n   GET https://{Cloud Eye endpoint}/v1/p1/alarms?limit=1\n"
    )
    result = scrape_pages(tmp_path, {"list.rst": page("Querying Alarms", ("URI", uri))})
    assert list(result.spec["paths"]) == ["/v1/{project_id}/alarms"]
    reasons = " ".join(kinds(result)["doc-defect:undocumented-parameter"])
    assert "'limit'" in reasons and "'marker'" not in reasons


def test_a_path_fills_a_template_variable_by_variable_whatever_their_layout() -> None:
    assert instantiates("/v1/a-b.json", "/v1/{x}-{y}.json")
    assert instantiates("/v1/ab", "/v1/{x}{y}")
    assert not instantiates("/v1/a", "/v1/{x}{y}")
    assert not instantiates("/v1/-b.json", "/v1/{x}-{y}.json")
    assert not instantiates("/v1/a/b", "/v1/{x}")
    assert instantiates("//V1/p/jobs", "/v1/{project_id}/jobs")
    assert not instantiates("/" + "a" * 5000 + "/", "/" + "{v}" * 40 + "x/")
