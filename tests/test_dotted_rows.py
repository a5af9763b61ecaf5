"""Rows named by their path (`a.b.c`): nested under their parent rows, or left as keys."""

from __future__ import annotations

from typing import Any

from doc2openapi.scraper.interpret.dotted_rows import nest_dotted_rows


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


def test_an_index_step_of_any_spelling_leads_into_the_list_items() -> None:
    """ "tags[].key", "tags[0].key", "tags[*].key": the same field of each list item."""
    for index in ("[]", "[0]", "[*]"):
        schema = _nested({"tags": {"type": "array"}, f"tags{index}.key": {"type": "string"}}, [])
        items = schema["properties"]["tags"]["items"]
        assert items == {"type": "object", "properties": {"key": {"type": "string"}}}, index
