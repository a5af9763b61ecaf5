"""Tables and examples as two sources of structure: what the example shows and no table
documents joins the schema (and is reported), within limits that keep data out of it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from doc2openapi.scraper.body_places import MAX_VISITS, object_places
from doc2openapi.scraper.interpret.examples import NotJson, extract_json
from tests.helpers import operation, request_schema, resolve, response_schema
from tests.test_conventions import HEADER, RESPONSE_HEADER, kinds, page, scrape_pages, table


def _show_page(
    tmp_path: Path, response: str, *examples: str
) -> tuple[dict[str, Any], dict[str, Any], dict[str, list[str]]]:
    blocks = "\n".join(f".. code-block::\n\n   {example}\n" for example in examples)
    result = scrape_pages(
        tmp_path,
        {
            "show.rst": page(
                "Showing a Widget",
                ("URI", "GET /v1/widgets/{widget_id}"),
                ("Response", response),
                ("Example Response", blocks),
            )
        },
    )
    op = operation(result.spec, "get", "/v1/widgets/{widget_id}")
    return result.spec, response_schema(result.spec, op, "200"), kinds(result)


def test_a_field_only_the_example_shows_joins_the_schema_typed_by_its_value(
    tmp_path: Path,
) -> None:
    response = table("Table 1 Response body", RESPONSE_HEADER, ("id", "String", "The ID."))
    _, body, found = _show_page(
        tmp_path,
        response,
        '{"id": "w-1", "size": 3, "parts": [{"name": "a"}]}',
        '{"id": "w-2", "size": 2.5, "parts": [{"name": "b", "count": 1}]}',
    )
    size, parts = body["properties"]["size"], body["properties"]["parts"]
    assert size["type"] == "number"  # 3 in one example, 2.5 in the other
    assert parts["type"] == "array"
    assert set(parts["items"]["properties"]) == {"name", "count"}
    assert "no table documents it" in size["description"]
    assert "size" not in body.get("required", [])
    reported = found["doc-defect:undocumented-field"]
    assert any("$.size, which no table mentions; added as integer" in r for r in reported)
    assert any("$.parts, which no table mentions; added as array" in r for r in reported)


def test_an_object_without_fields_takes_the_example_keys_only_when_the_page_names_them(
    tmp_path: Path,
) -> None:
    """List items are records: they take every key the examples show, named or not. Another
    object's keys the page never names are data (a map), said as `inferred:map`; before, the
    items took nothing and neither was said."""
    response = table(
        "Table 1 Response body",
        RESPONSE_HEADER,
        ("tags", "Array of objects", "Tags: **key** is the tag key, **value** its value."),
        ("metadata", "Object", "Metadata the user set."),
        ("events", "Array of objects", "Events."),
    )
    spec, body, found = _show_page(
        tmp_path,
        response,
        '{"tags": [{"key": "env", "value": "prod"}], "metadata": {"owner_x": "me"},'
        ' "events": [{"type": "create", "at": 1}, {"type": "resize", "to": 2}]}',
    )
    tags = resolve(spec, body["properties"]["tags"])
    assert set(resolve(spec, tags["items"])["properties"]) == {"key", "value"}
    events = resolve(spec, body["properties"]["events"])
    assert set(resolve(spec, events["items"])["properties"]) == {"type", "at", "to"}
    assert "properties" not in resolve(spec, body["properties"]["metadata"])  # data, not fields
    reported = " ".join(found["doc-defect:undocumented-field"])
    assert (
        "$.tags[] is documented as an object without fields; the fields the examples show"
        " (key, value)" in reported
    )
    assert (
        "$.events[] is documented as an object without fields; the fields the examples"
        " show (at, to, type)" in reported
    )
    assert "owner_x" not in reported
    (data,) = found["inferred:map"]
    assert "$.metadata is documented as an object without fields" in data and "owner_x" in data


def test_a_field_the_tables_give_at_another_level_is_not_added_where_the_example_slips(
    tmp_path: Path,
) -> None:
    response = (
        table("Table 1 Response body", RESPONSE_HEADER, ("group", "Object", "See Table 2."))
        + "\n"
        + table("Table 2 group", RESPONSE_HEADER, ("group_id", "String", "The group ID."))
    )
    _, body, found = _show_page(tmp_path, response, '{"group_id": "g-1"}')
    assert set(body["properties"]) == {"group"}
    assert any(
        "has $.group_id, which no table mentions there; the tables have it at $.group.group_id" in r
        for r in found["doc-defect:undocumented-field"]
    )  # still reported, by the example check, with the place the tables give it


def test_an_object_with_generic_names_of_another_level_is_not_taken_for_it(
    tmp_path: Path,
) -> None:
    """`id`, `name` and `status` sit on many objects: three of them against the group's own
    two are no sign that the group's example shows the body."""
    group = '{"group_id": "g", "state": "S", "id": "g", "name": "n", "status": "s"}'
    example = '{"id": "w", "group": ' + group + "}"
    spec, _, found = _group_page(tmp_path, example)
    assert "doc-defect:example" not in found
    media = operation(spec, "get", "/v1/widgets/{widget_id}")["responses"]["200"]["content"]
    assert "examples" in media["application/json"]


def test_a_table_captioned_as_the_data_structure_of_a_field_is_that_fields_object(
    tmp_path: Path,
) -> None:
    request = (
        table("Table 1 Request parameters", HEADER, ("image_tag", "No", "Object", "The tag."))
        + "\n"
        + table(
            "Table 2 Data structure description of the image_tag field",
            HEADER,
            ("key", "Yes", "String", "Tag key."),
            ("value", "Yes", "String", "Tag value."),
        )
    )
    result = scrape_pages(
        tmp_path,
        {"tag.rst": page("Tagging an Image", ("URI", "PUT /v1/tags"), ("Request", request))},
    )
    op = operation(result.spec, "put", "/v1/tags")
    body = request_schema(result.spec, op)
    image_tag = resolve(result.spec, body["properties"]["image_tag"])
    assert set(image_tag["properties"]) == {"key", "value"}
    assert image_tag["required"] == ["key", "value"]
    assert "unlinked-table" not in kinds(result)


def test_an_example_with_a_mechanical_json_slip_is_mended_and_the_slip_reported(
    tmp_path: Path,
) -> None:
    response = table("Table 1 Response body", RESPONSE_HEADER, ("id", "String", "The ID."))
    spec, body, found = _show_page(
        tmp_path, response, '{"id": "w-1"\n    "size": 3,\n    "parts": [1, 2,],\n    }'
    )
    assert body["properties"]["size"]["type"] == "integer"  # the mended example's evidence
    example = operation(spec, "get", "/v1/widgets/{widget_id}")["responses"]["200"]["content"][
        "application/json"
    ]["examples"]
    assert next(iter(example.values()))["value"] == {"id": "w-1", "size": 3, "parts": [1, 2]}
    (repaired,) = found["repaired-example"]
    assert "a missing ','" in repaired and "a ',' after the last member" in repaired
    assert "bad-example" not in found


def test_an_example_broken_beyond_a_mechanical_slip_is_left_out_and_reported(
    tmp_path: Path,
) -> None:
    response = table("Table 1 Response body", RESPONSE_HEADER, ("id", "String", "The ID."))
    _, body, found = _show_page(tmp_path, response, '{"id": "w-1", "size": ...}')
    assert set(body["properties"]) == {"id"}
    assert "Expecting value" in found["bad-example"][0]
    assert "repaired-example" not in found


def test_a_raw_control_character_in_an_example_string_is_mended() -> None:
    found = extract_json('{"script": "line one\tline two"}')
    assert found.values == [{"script": "line one\tline two"}]
    assert found.repairs == ["a raw control character inside a string"]


def test_a_line_comment_after_a_value_is_cut_and_urls_in_strings_are_kept() -> None:
    found = extract_json(
        '{"zone": "az1"   // Replace with your AZ.\n , "link": "https://x//y", // a URL\n}'
    )
    assert found.values == [{"zone": "az1", "link": "https://x//y"}]
    assert found.repairs == [
        "a // comment at line 1 column 18",
        "a // comment at line 2 column 28",
        "a ',' after the last member at line 3 column 1",
    ]


def test_a_block_comment_and_an_elision_after_a_lists_items_are_cut() -> None:
    """ "/* one of: ... */" between values, and ", ..." for more items like those a list
    shows: the rest is evidence. `{...}` for a whole object, `...` for a value, or an
    object's elided members (which may be ones its table requires) stay broken."""
    found = extract_json('{"state": "ACTIVE", /* one of: ACTIVE, FROZEN */\n "ids": [1, 2, ...]}')
    assert found.values == [{"state": "ACTIVE", "ids": [1, 2]}]
    assert found.repairs == [
        "a /* */ comment at line 1 column 21",
        "an elision ', ...' at line 2 column 16",
    ]
    for broken in ('[{...}, {"id": 1}]', '{"size": ...}', '{"a": [1, "]"], ...}'):
        with pytest.raises(NotJson):
            extract_json(broken)


def test_keys_written_without_quotes_are_quoted() -> None:
    found = extract_json('{job_id: "2c90",\n  zones:[{"id": "az1"}]}')
    assert found.values == [{"job_id": "2c90", "zones": [{"id": "az1"}]}]
    assert found.repairs == [
        "an unquoted key at line 1 column 2",
        "an unquoted key at line 2 column 3",
    ]


def test_a_key_with_spaces_inside_its_quotes_is_trimmed_unless_its_object_has_both() -> None:
    found = extract_json(
        '{" id ": 1, "tags": [{"key ": "a"}, {"key ": "b"}], "x": 2, " x": 3, " y": 4, "y ": 5}'
    )
    assert found.values == [
        {"id": 1, "tags": [{"key": "a"}, {"key": "b"}], "x": 2, " x": 3, "y": 4, "y ": 5}
    ]
    assert found.repairs == [
        "the key ' id ' written with spaces",
        "the key 'key ' written with spaces",
        "the key ' y' written with spaces",
    ]


def test_a_spaced_key_is_the_documented_field_not_a_rename(tmp_path: Path) -> None:
    response = table(
        "Table 1 Response body", RESPONSE_HEADER, ("stream_size", "Integer", "The size.")
    )
    _, body, found = _show_page(tmp_path, response, '{"stream_size ": 0}')
    assert set(body["properties"]) == {"stream_size"}
    assert "doc-defect:field-name" not in found
    assert "doc-defect:undocumented-field" not in found
    assert "the key 'stream_size ' written with spaces" in found["repaired-example"][0]


def test_a_placeholder_where_a_value_belongs_is_not_mended() -> None:
    for text in ('{"engine_type": xxx}', '{"engine_type": ,}', '{"a": 1, ......}'):
        with pytest.raises(NotJson):
            extract_json(text)


def test_a_truncated_example_is_not_mended_into_something_else() -> None:
    for text in ('{"a": 1', '{"a": [1,'):
        with pytest.raises(NotJson):
            extract_json(text)


GROUP_ROWS = (
    ("group_id", "String", "The group ID."),
    ("state", "String", "The state."),
    ("members", "Array of strings", "The members."),
)


def _nested_page(
    tmp_path: Path, nested: str, rows: tuple[tuple[str, str, str], ...], *examples: str
) -> tuple[Any, dict[str, Any], dict[str, list[str]]]:
    """A body of `id`, `name`, `status` and an object `nested` of these rows."""
    response = (
        table(
            "Table 1 Response body",
            RESPONSE_HEADER,
            ("id", "String", "The ID."),
            ("name", "String", "The name."),
            ("status", "String", "The status."),
            (nested, "Object", "See Table 2."),
        )
        + "\n"
        + table(f"Table 2 {nested}", RESPONSE_HEADER, *rows)
    )
    return _show_page(tmp_path, response, *examples)


def _group_page(tmp_path: Path, *examples: str) -> tuple[Any, dict[str, Any], dict[str, list[str]]]:
    return _nested_page(tmp_path, "group", GROUP_ROWS, *examples)


def test_an_example_of_another_object_teaches_the_body_nothing(tmp_path: Path) -> None:
    """DMS ShowGroup: the example shows the group's fields beside `"group": null`. It is
    reported and set aside before any inference reads it, so `group` is not made nullable
    by it."""
    spec, body, found = _group_page(
        tmp_path, '{"group": null, "group_id": "g", "state": "STABLE", "members": []}'
    )
    (said,) = found["doc-defect:example"]
    assert "200 response example: $ shows the fields of $.group (3 of its 4 keys)" in said
    assert "inferred:nullable" not in found
    assert "nullable" not in resolve(spec, body["properties"]["group"])
    assert "anyOf" not in body["properties"]["group"]


def test_a_map_with_some_documented_keys_is_not_taken_for_another_object(
    tmp_path: Path,
) -> None:
    """A table with field rows and a row for any other key is a map: its data keys (`id`,
    `name`, `status` here) are no sign that the example shows another object."""
    rows = (("version", "String", "The version label."), ("Key of the label", "String", "Any."))
    example = '{"id": "w", "labels": {"version": "1", "id": "a", "name": "n", "status": "b"}}'
    spec, body, found = _nested_page(tmp_path, "labels", rows, example)
    assert "additionalProperties" in resolve(spec, body["properties"]["labels"])
    assert "doc-defect:example" not in found
    media = operation(spec, "get", "/v1/widgets/{widget_id}")["responses"]["200"]["content"]
    assert "examples" in media["application/json"]


def test_a_field_one_level_off_is_reported_inside_a_nullable_object(tmp_path: Path) -> None:
    """One example's `"group": null` makes the group "object or null"; the other example's
    group still has its fields checked: `status` is the body's, not the group's."""
    _, _, found = _group_page(
        tmp_path,
        '{"id": "w-1", "group": null}',
        '{"id": "w-2", "group": {"group_id": "g", "state": "S", "status": "x"}}',
    )
    assert "inferred:nullable" in found
    assert any(
        "$.group.status, which no table mentions there; the tables have it at $.status" in r
        for r in found["doc-defect:undocumented-field"]
    )


def test_the_places_of_a_body_are_bounded_where_shared_objects_fan_out() -> None:
    """Three fields per level that share the next level's object: 3**11 paths, unless the
    walk stops at its bound."""
    components = {
        f"L{n}": {"properties": {k: {"$ref": f"#/components/schemas/L{n + 1}"} for k in "abc"}}
        for n in range(11)
    } | {"L11": {"properties": {"id": {"type": "string"}}}}
    places = object_places({"$ref": "#/components/schemas/L0"}, components)
    assert "$.a.b.c" in places and len(places) <= MAX_VISITS


def test_nan_and_infinity_are_no_json_and_a_key_given_twice_is_named() -> None:
    """Python's parser reads NaN and Infinity; a spec keeping them would not load in a
    strict JSON parser. A key given twice keeps its last value, as parsers do, and is said."""
    with pytest.raises(NotJson, match="NaN is no JSON value"):
        extract_json('{"ratio": NaN}')
    with pytest.raises(NotJson, match="Infinity is no JSON value"):
        extract_json('{"limit": -Infinity}')
    found = extract_json('[{"size": 1, "size": "large"}, {"size": 2, "size": 3}]')
    assert found.values == [[{"size": "large"}, {"size": 3}]]
    assert found.repairs == ["the key 'size' given twice (its last value kept)"]


def test_an_example_that_shows_none_of_the_documented_fields_teaches_the_body_nothing(
    tmp_path: Path,
) -> None:
    """A walkthrough's reply to another call (`widgets`, `count`) on a page whose tables
    document `name` and `group`: set aside and reported, not added as fields."""
    _, body, found = _group_page(tmp_path, '{"widgets": [{"id": "a"}], "count": 1}')
    (said,) = found["doc-defect:example"]
    assert "$ shows none of the fields the tables document (count, widgets)" in said
    assert set(body["properties"]) == {"id", "name", "status", "group"}
    assert "doc-defect:undocumented-field" not in found


def test_a_name_that_differs_in_case_goes_by_the_case_of_the_examples_other_keys(
    tmp_path: Path,
) -> None:
    """`Name` in an example whose other keys are lower-case is the example's slip (the
    table's `name` stays, reported); in an example whose keys are all capitalised, the
    example's spelling is the wire name (as for any other near miss)."""
    response = table(
        "Table 1 Response body", RESPONSE_HEADER,
        ("name", "String", "The name."), ("status", "String", "The status."),
    )  # fmt: skip
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    _, body, found = _show_page(tmp_path / "a", response, '{"Name": "w", "status": "ok"}')
    assert set(body["properties"]) == {"name", "status"}
    (slip,) = found["doc-defect:field-name"]
    assert "the example has $.Name, where the table names 'name'; the example's slip" in slip
    capitalised = table(
        "Table 1 Response body", RESPONSE_HEADER,
        ("name", "String", "The name."), ("Status", "String", "The status."),
    )  # fmt: skip
    _, body, found = _show_page(tmp_path / "b", capitalised, '{"Name": "w", "Status": "ok"}')
    assert set(body["properties"]) == {"Name", "Status"}
    assert body["properties"]["Name"]["description"] == "The name."
    assert any("the example 'Name'; the example's name is used" in r
               for r in found["doc-defect:field-name"])  # fmt: skip


def test_an_object_the_example_names_alike_and_shows_with_the_tables_fields_is_that_field(
    tmp_path: Path,
) -> None:
    """`statics` documented (a table of `total` and `items`), `statistics` sent with those
    fields: one field, the example's name. Before, the names were too far apart for a near
    miss, and `statistics` joined as a second, undescribed object. A name unlike the
    documented one (`figures`) stays a field of its own."""
    response = table(
        "Table 1 Response body", RESPONSE_HEADER,
        ("statics", "Object", "Statistics. For details, see Table 2."),
    ) + "\n" + table(
        "Table 2 statics", RESPONSE_HEADER,
        ("total", "Integer", "Total."), ("items", "Array of strings", "Items."),
    )  # fmt: skip
    (tmp_path / "alike").mkdir()
    (tmp_path / "unlike").mkdir()
    shown = '{"%s": {"total": 2, "items": ["a", "b"]}}'
    _, body, found = _show_page(tmp_path / "alike", response, shown % "statistics")
    assert set(body["properties"]) == {"statistics"}
    (renamed,) = found["doc-defect:field-name"]
    assert "the table names $.statics 'statics', the example 'statistics'" in renamed
    assert "doc-defect:undocumented-field" not in found
    _, body, found = _show_page(tmp_path / "unlike", response, shown % "figures")
    assert set(body["properties"]) == {"statics", "figures"}


def test_camel_for_snake_goes_by_the_style_of_the_examples_other_keys(tmp_path: Path) -> None:
    """`regionId` for a documented `region_id` beside snake_case keys is the example's slip:
    the table's name stays, and the slip is said once (the example check no longer also
    calls it a field no table mentions). Beside camelCase keys it is the wire name. Before,
    the example's spelling won whenever its words were the page's."""
    response = table(
        "Table 1 Response body", RESPONSE_HEADER,
        ("region_id", "String", "The region."), ("zone_name", "String", "The zone."),
        ("zoneCount", "Integer", "Zones."),
    )  # fmt: skip
    (tmp_path / "snake").mkdir()
    (tmp_path / "camel").mkdir()
    _, body, found = _show_page(tmp_path / "snake", response, '{"regionId": "r", "zone_name": "z"}')
    assert "region_id" in body["properties"] and "regionId" not in body["properties"]
    (slip,) = found["doc-defect:field-name"]
    assert "the example has $.regionId, where the table names 'region_id'" in slip
    assert "doc-defect:undocumented-field" not in found
    _, body, found = _show_page(tmp_path / "camel", response, '{"regionId": "r", "zoneCount": 1}')
    assert "regionId" in body["properties"] and "region_id" not in body["properties"]


def test_a_response_whose_examples_are_maps_of_the_documented_object_is_that_map(
    tmp_path: Path,
) -> None:
    """The body's root keyed by ids, each value the object the table documents: a map of
    it, reported, rather than ids taken for fields."""
    response = table(
        "Table 1 Response body", RESPONSE_HEADER,
        ("name", "String", "The name."), ("size", "Integer", "The size."),
    )  # fmt: skip
    example = '{"4f1c2a": {"name": "a", "size": 1}, "9b8e7d": {"name": "b", "size": 2}}'
    spec, body, found = _show_page(tmp_path, response, example)
    assert set(body) >= {"type", "additionalProperties"} and "properties" not in body
    assert set(resolve(spec, body["additionalProperties"])["properties"]) == {"name", "size"}
    assert any("the examples are maps of the object the table documents" in r
               for r in found["doc-defect:shape"])  # fmt: skip
    assert "doc-defect:undocumented-field" not in found


def test_what_a_response_example_teaches_a_table_the_request_shares_stays_the_responses(
    tmp_path: Path,
) -> None:
    """One `spec` table linked from the request and from the response: the response's
    example (a list where the table says a string, a field left out) changes the
    response's object only; the request keeps its table, and its example stays valid.
    Where the response example teaches nothing, both keep one component."""
    spec_rows = table(
        "Table 3 spec", HEADER,
        ("colour", "Yes", "String", "Colour."), ("weight", "Yes", "Integer", "Weight."),
        label="spec",
    )  # fmt: skip

    def scrape_with(response_example: str, folder: str) -> tuple[Any, Any]:
        (tmp_path / folder).mkdir()
        request = table(
            "Table 2 Request body", HEADER, ("spec", "Yes", ":ref:`spec <spec>` object", "Spec.")
        )
        response = table(
            "Table 4 Response body", RESPONSE_HEADER, ("spec", ":ref:`spec <spec>` object", "Spec.")
        )
        result = scrape_pages(tmp_path / folder, {"create.rst": page(
            "Creating a Widget", ("URI", "POST /v1/widgets"),
            ("Request Parameters", request + "\n" + spec_rows),
            ("Response Parameters", response),
            ("Example Request", '.. code-block::\n\n   {"spec": {"colour": "red", "weight": 2}}\n'),
            ("Example Response", f".. code-block::\n\n   {response_example}\n"),
        )})  # fmt: skip
        op = operation(result.spec, "post", "/v1/widgets")
        sent = resolve(result.spec, request_schema(result.spec, op)["properties"]["spec"])
        got = resolve(result.spec, response_schema(result.spec, op, "200")["properties"]["spec"])
        return (result, sent), got

    (result, sent), got = scrape_with('{"spec": {"colour": ["red"]}}', "taught")
    assert sent["required"] == ["colour", "weight"] and set(sent["properties"]) == {
        "colour", "weight"
    }  # fmt: skip
    assert sent["properties"]["colour"]["type"] == "string"
    assert got["properties"]["colour"]["type"] == "array" and got["required"] == ["colour"]
    assert "doc-defect:example" not in kinds(result)  # the request's example still fits
    (result, sent), got = scrape_with('{"spec": {"colour": "red", "weight": 2}}', "untaught")
    assert sent is got  # one component, as before


def test_examples_that_disagree_on_a_wrapper_follow_the_most_the_table_breaking_a_tie(
    tmp_path: Path,
) -> None:
    """One example wraps the documented fields in `widget`, another shows them flat. Before,
    `widget` joined the flat body as a field, and the body documented itself twice."""
    response = table("Table 1 Response body", RESPONSE_HEADER, ("id", "String", "Id."))
    wrapped, flat = '{"widget": {"id": "a"}}', '{"id": "b"}'
    (tmp_path / "tie").mkdir()
    _, body, found = _show_page(tmp_path / "tie", response, wrapped, flat)
    assert set(body["properties"]) == {"id"}
    (reason,) = found["doc-defect:example"]
    assert (
        "$ wraps the documented fields in 'widget', where the other examples and the table"
        " do not; left out" in reason
    )
    assert "doc-defect:undocumented-field" not in found

    (tmp_path / "most").mkdir()
    spec, body, found = _show_page(tmp_path / "most", response, wrapped, wrapped, flat)
    assert set(body["properties"]) == {"widget"}
    assert set(resolve(spec, body["properties"]["widget"])["properties"]) == {"id"}
    (reason,) = found["doc-defect:example"]
    assert "$ shows the documented fields unwrapped, where the other examples wrap them" in reason
    assert found["inferred:wrapper"]
