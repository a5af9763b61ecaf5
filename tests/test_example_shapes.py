"""The shape an example shows around a value where the table types it otherwise."""

from __future__ import annotations

from pathlib import Path

from tests.test_conventions import RESPONSE_HEADER, kinds, scrape_response, table


def test_a_scalar_the_example_shows_as_a_list_of_such_values_is_that_list(
    tmp_path: Path,
) -> None:
    """VPN `peer_cidrs`, SMN `tag_names`: "String" in the table, a list of strings (or an
    empty list) in the example. A list of another type changes nothing."""
    response = table(
        "Table 1 Response body",
        RESPONSE_HEADER,
        ("cidrs", "String", "Peer CIDRs. The value can contain up to 64 characters."),
        ("names", "String", "Tag names."),
        ("counts", "String", "Counts."),
    )
    example = '.. code-block::\n\n   {"cidrs": ["10.0.0.0/24"], "names": [], "counts": [1, 2]}\n'
    result, body = scrape_response(
        tmp_path, "Showing a Connection", "GET /v1/connections/{id}", response, example
    )
    cidrs = body["properties"]["cidrs"]
    assert cidrs["type"] == "array"
    assert cidrs["items"] == {"type": "string", "maxLength": 64}
    assert cidrs["description"].startswith("Peer CIDRs.")
    assert body["properties"]["names"]["items"] == {"type": "string"}
    assert body["properties"]["counts"]["type"] == "string"
    shapes = kinds(result)["doc-defect:shape"]
    assert len(shapes) == 2
    assert any("$.cidrs: the example shows a list of strings where the table" in s for s in shapes)


def test_an_array_without_item_type_the_example_shows_as_objects_holds_objects(
    tmp_path: Path,
) -> None:
    """DMS `topics`, VPN `tags` ("List<resource_tag>" with no such table): the items are
    objects, with the fields the example shows and the page names."""
    response = table(
        "Table 1 Response body",
        RESPONSE_HEADER,
        ("tags", "Array", "Tags, each a key and a value."),
        ("key", "String", "A tag key (in a request filter)."),
        ("value", "String", "A tag value."),
    )
    example = '.. code-block::\n\n   {"tags": [{"key": "a", "value": "b"}]}\n'
    result, body = scrape_response(
        tmp_path, "Showing Tags", "GET /v1/resources/{id}/tags", response, example
    )
    items = body["properties"]["tags"]["items"]
    assert items["type"] == "object"
    assert set(items["properties"]) == {"key", "value"}
    assert any("object items from the example" in r for r in kinds(result)["inferred:type"])


def test_an_array_of_fieldless_objects_the_example_shows_as_a_map_of_lists_is_that_map(
    tmp_path: Path,
) -> None:
    """ECS rebuild `addresses`: "Array of objects" with no fields, while the example maps
    each network ID to a list of addresses. A list in the example changes nothing."""
    response = table(
        "Table 1 Response body",
        RESPONSE_HEADER,
        ("addresses", "Array of objects", "The ECS's addresses, by network."),
        ("links", "Array of objects", "Links."),
        ("ips", "Array of objects", "Addresses, by network."),
        ("quota", "Array of objects", "Quota."),
    )
    example = (
        ".. code-block::\n\n"
        '   {"addresses": {"net-1": [{"addr": "192.168.0.1"}], "net-2": []},\n'
        '    "links": [{"rel": "self"}], "ips": {"net-1": ["10.0.0.1"]},\n'
        '    "quota": {"keys": [{"a": 1}], "used": 3}}\n'
    )
    result, body = scrape_response(
        tmp_path, "Rebuilding a Server", "GET /v1/servers/{id}/rebuilt", response, example
    )
    addresses = body["properties"]["addresses"]
    assert addresses["type"] == "object"
    assert addresses["additionalProperties"] == {"type": "array", "items": {"type": "object"}}
    assert addresses["description"] == "The ECS's addresses, by network."
    for unchanged in ("links", "ips", "quota"):  # a list; lists of values; not all lists
        assert body["properties"][unchanged]["type"] == "array"
    assert any("a map of arrays where the table says an array" in r
               for r in kinds(result)["doc-defect:shape"])  # fmt: skip
