"""Rows named by their path (`a.b.c`): nested under their parent rows, or left as keys."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from doc2openapi.scraper.interpret.columns import read_fields
from doc2openapi.scraper.interpret.dotted_rows import nest_dotted_rows
from doc2openapi.scraper.page import Table, Text
from tests.helpers import fields_of


def _nested(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    schema = {"type": "object", "properties": properties, "required": required}
    nest_dotted_rows(schema)
    return schema


def test_children_nest_whatever_the_row_order_with_their_required_flags() -> None:
    schema = _nested(
        {"a": {"type": "object"}, "a.b.c": {"type": "string"}, "a.b": {}}, ["a", "a.b.c"]
    )
    assert schema["required"] == ["a"]
    b = schema["properties"]["a"]["properties"]["b"]
    assert b == {"type": "object", "properties": {"c": {"type": "string"}}, "required": ["c"]}


def test_a_map_a_scalar_or_a_missing_step_keeps_the_dotted_key_and_changes_nothing() -> None:
    properties: dict[str, dict[str, Any]] = {
        "m": {"type": "object", "additionalProperties": {"type": "string"}},
        "m.key": {"type": "string"},
        "s": {"type": "string"},
        "s.x": {"type": "string"},
        "t": {"type": "array"},
        "t.u.v": {"type": "string"},
    }
    schema = _nested({k: dict(v) for k, v in properties.items()}, [])
    assert schema["properties"] == properties  # "t" keeps its untyped items


def test_a_step_no_row_names_under_an_object_row_is_made() -> None:
    """`spec.disk.size` with `spec` an object row and no `spec.disk` row: `disk` is made.
    Before, the row stayed a top-level key with two dots in it."""
    schema = _nested(
        {"spec": {"type": "object"}, "spec.disk.size": {"type": "integer"}}, ["spec.disk.size"]
    )
    disk = schema["properties"]["spec"]["properties"]["disk"]
    assert disk == {
        "type": "object",
        "properties": {"size": {"type": "integer"}},
        "required": ["size"],
    }
    assert set(schema["properties"]) == {"spec"}


def test_an_index_step_of_any_spelling_leads_into_the_list_items() -> None:
    """ "tags[].key", "tags[0].key", "tags[*].key": the same field of each list item."""
    for index in ("[]", "[0]", "[*]"):
        schema = _nested({"tags": {"type": "array"}, f"tags{index}.key": {"type": "string"}}, [])
        items = schema["properties"]["tags"]["items"]
        assert items == {"type": "object", "properties": {"key": {"type": "string"}}}, index


def test_rows_an_example_nests_make_the_steps_no_row_names() -> None:
    """`disk.size` with no row `disk`, `a.b.c` with no row `a.b`: where an example nests the
    path (`shown`: whether each step is a list there), the missing steps are made."""
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {
            "a": {"type": "object"},
            "a.b.c": {"type": "string"},
            "disk.size": {"type": "integer"},
            "tags.key": {"type": "string"},
            "meta.x": {"type": "string"},  # not shown: stays a key
        },
        "required": ["disk.size"],
    }
    nest_dotted_rows(schema, {"a.b.c": [False, False], "disk.size": [False], "tags.key": [True]})
    properties = schema["properties"]
    assert properties["a"]["properties"]["b"] == {
        "type": "object", "properties": {"c": {"type": "string"}}
    }  # fmt: skip
    assert properties["disk"] == {
        "type": "object", "properties": {"size": {"type": "integer"}}, "required": ["size"]
    }  # fmt: skip
    assert properties["tags"]["items"]["properties"] == {"key": {"type": "string"}}
    assert "meta.x" in properties and "required" not in schema


def test_rows_drawn_as_branches_of_the_row_above_nest_under_it() -> None:
    """ "└ size" under `bandwidth`, "│ └ port" two levels down: the drawing is the path; a
    branch after a level's last ("└") at its depth is a level deeper (its indent is lost)."""
    rows = [("bandwidth", "Object"), ("└ size", "Integer"), ("listeners", "Array of objects"),
            ("├─ pool", "Object"), ("│  └ port", "Integer"), ("└ volume", "Object"),
            ("└ kind", "String")]  # fmt: skip
    table = Table("Table 1 Body", (), ("Parameter", "Type"),
                  tuple((Text(n), Text(t)) for n, t in rows))  # fmt: skip
    assert [f.name for f in read_fields(table)] == [
        "bandwidth", "bandwidth.size", "listeners", "listeners.pool", "listeners.pool.port",
        "listeners.volume", "listeners.volume.kind",  # after a level's last, one deeper
    ]  # fmt: skip


def _names(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    return [f.name for f in fields_of(header, *rows)]


@pytest.mark.parametrize(
    "drawn",
    [
        ["widget", "+-- name", "`-- tags", "    `-- key", "size"],  # ASCII tree
        ["widget", "|- name", "|- tags", "|-|- key", "size"],  # a branch per level
        ["widget", "- name", "- tags", "-- key", "size"],  # dashes counted
        ["widget", "├ name", "└ tags", "└ key", "size"],  # box drawing, as before
    ],
)
def test_rows_drawn_in_ascii_or_by_dashes_nest_like_box_drawing(drawn: list[str]) -> None:
    rows = [(name, "String") for name in drawn]
    assert _names(("Parameter", "Type"), rows) == [
        "widget", "widget.name", "widget.tags", "widget.tags.key", "size",
    ]  # fmt: skip


def test_a_drawing_every_row_has_draws_the_top_level() -> None:
    """Every row a bullet ("- name"): a list in each cell, no nesting."""
    assert _names(("Parameter", "Type"), [("- name", "String"), ("- size", "Integer")]) == [
        "name",
        "size",
    ]


def test_a_level_or_a_parent_column_nests_the_rows() -> None:
    levels = [("widget", "1", "Object"), ("name", "2", "String"), ("tags", "2", "Array"),
              ("key", "3", "String"), ("size", "1", "Integer")]  # fmt: skip
    assert _names(("Parameter", "Level", "Type"), levels) == [
        "widget", "widget.name", "widget.tags", "widget.tags.key", "size",
    ]  # fmt: skip
    parents = [("widget", "-", "Object"), ("name", "widget", "String"),
               ("tags", "widget", "Array"), ("key", "tags", "String"),
               ("size", "", "Integer"), ("note", "elsewhere", "String")]  # fmt: skip
    assert _names(("Parameter", "Parent", "Type"), parents) == [
        "widget", "widget.name", "widget.tags", "widget.tags.key", "size", "note",
    ]  # fmt: skip


def test_a_blank_level_cell_keeps_the_level_above_and_a_parent_may_come_later() -> None:
    """One Level cell left blank flattened every row; a Parent naming a row further down
    left its children at the top."""
    levels = [("widget", "1", "Object"), ("name", "2", "String"), ("size", "", "Integer"),
              ("kind", "1", "String")]  # fmt: skip
    assert _names(("Parameter", "Level", "Type"), levels) == [
        "widget", "widget.name", "widget.size", "kind",
    ]  # fmt: skip
    parents = [("key", "tags", "String"), ("tags", "widget", "Array"),
               ("widget", "", "Object")]  # fmt: skip
    assert _names(("Parameter", "Parent", "Type"), parents) == [
        "widget.tags.key", "widget.tags", "widget",
    ]  # fmt: skip
