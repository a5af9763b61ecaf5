"""The nesting an example shows around a documented object, where the table says another.

Examples are captured from the live API, tables typed by hand: where a table documents an
object and the example holds a list or a map of them, one object where the table says a
list, a list or plain values where the table says objects with no fields, or a list of
values where the table says one, the example's shape wins.
"""

from __future__ import annotations

from doc2openapi.scraper.interpret.example_fields import json_type
from doc2openapi.scraper.interpret.spellings import fits
from doc2openapi.scraper.model import SOURCE_KEY, Json, Schema
from doc2openapi.scraper.tree import resolve


def adopt_example_shape(prop: Schema, value: Json, schemas: dict[str, Schema]) -> str | None:
    """Where a table documents an object and the page's example holds a list of such
    objects, or a map of them (ECS `addresses`: {"net": [{"addr": ..}]}), the example's
    shape wins: examples are captured from the live API, tables typed by hand. The table's
    fields and descriptions stay; what changes is only the nesting around them."""
    target = resolve(prop, schemas)
    if target is prop and (mapped := _adopt_map_of_lists(prop, value)) is not None:
        return mapped
    if target.get("type") == "array" and isinstance(value, dict):
        return _adopt_single_object(prop, target, value, schemas)
    if target is prop and _fieldless_object(prop) and isinstance(value, list):
        return _adopt_list(prop, value)
    if target is prop and (plain := _adopt_plain(prop, value)) is not None:
        return plain
    if target is prop and (listed := _adopt_scalar_list(prop, value)) is not None:
        return listed
    properties = target.get("properties")
    if not isinstance(properties, dict) or not properties or fits(value, properties):
        return None
    return _nest_as_shown(prop, value, properties)


def _nest_as_shown(prop: Schema, value: Json, properties: dict[str, Schema]) -> str | None:
    """The documented object wrapped as the example nests it: in a list, a map, or a map
    of lists; None when the example shows none of these."""
    shape = _example_shape(value, properties)
    if shape is None:
        return None
    kept = {k: prop.pop(k) for k in list(prop) if k in ("description", SOURCE_KEY)}
    inner = dict(prop)
    if "allOf" in inner and len(inner["allOf"]) == 1 and len(inner) == 1:
        inner = inner["allOf"][0]
    nested: Schema = {"type": "array", "items": inner}
    if shape.startswith("a map of arrays"):
        nested = {"type": "object", "additionalProperties": nested}
    elif shape.startswith("a map"):
        nested = {"type": "object", "additionalProperties": inner}
    prop.clear()
    prop.update(nested, **kept)
    return shape


def _fieldless_object(schema: Schema) -> bool:
    """ "Object" with nothing said of its fields: no properties, no typed values."""
    return (
        schema.get("type") == "object"
        and not schema.get("properties")
        and "additionalProperties" not in schema
    )


def _adopt_list(prop: Schema, value: list[Json]) -> str | None:
    """ "Object" in the table, a list in the example (ModelArts `code_tree.children`): a
    list of what the example shows, when its items are all of one JSON type."""
    kinds = [json_type(item) for item in value]
    if not kinds or kinds[0] is None or any(k != kinds[0] for k in kinds):
        return None
    kept = {k: prop.pop(k) for k in list(prop) if k in ("description", "nullable", SOURCE_KEY)}
    prop.clear()
    prop.update({"type": "array", "items": kinds[0]}, **kept)
    return f"a list of {kinds[0]['type']}s where the table says an object with no fields"


def _adopt_plain(prop: Schema, value: Json) -> str | None:
    """ "Object" or "Array of objects" with no fields anywhere, plain values in the example
    (CES `notificationList`: topic URNs; VPN `description`: ""): the field, or its items,
    are what the example shows, when the values are all of one scalar JSON type."""
    items = prop.get("items")
    if _fieldless_object(prop):
        target, values = prop, [value]
    elif prop.get("type") == "array" and isinstance(items, dict) and _fieldless_object(items):
        target, values = items, value if isinstance(value, list) else []
    else:
        return None
    kinds = [json_type(v) for v in values]
    if not kinds or kinds[0] is None or kinds[0]["type"] in ("object", "array"):
        return None
    if any(k != kinds[0] for k in kinds):
        return None
    kept = {k: v for k, v in target.items() if k in ("description", "nullable", SOURCE_KEY)}
    target.clear()
    target.update(kinds[0], **kept)
    if target is prop:
        return f"a {kinds[0]['type']} where the table says an object with no fields"
    return f"a list of {kinds[0]['type']}s where the table says objects with no fields"


SCALARS = ("string", "integer", "number", "boolean")


def _adopt_scalar_list(prop: Schema, value: Json) -> str | None:
    """A scalar in the table, a list of such values in the example (VPN `peer_cidrs`:
    String, `["10.0.0.0/24"]` or `[]`): a list of them. What the table says of the value
    (format, enum, length) goes to the items."""
    kind = prop.get("type")
    if kind not in SCALARS or not isinstance(value, list):
        return None
    shown = {(json_type(v) or {}).get("type") for v in value}
    if shown - {kind, "integer" if kind == "number" else kind}:
        return None
    kept = {k: prop.pop(k) for k in list(prop) if k in ("description", "nullable", SOURCE_KEY)}
    items = dict(prop)
    prop.clear()
    prop.update({"type": "array", "items": items}, **kept)
    return f"a list of {kind}s where the table says a {kind}"


def _adopt_map_of_lists(prop: Schema, value: Json) -> str | None:
    """ "Array of objects" with no fields, a map of such lists in the example (ECS rebuild
    `addresses`: {"<network ID>": [{"addr": ...}]}): a map of those lists, keyed as the
    example shows."""
    items = prop.get("items")
    if prop.get("type") != "array" or not isinstance(items, dict) or not _fieldless_object(items):
        return None
    lists = list(value.values()) if isinstance(value, dict) else []
    if not lists or any(not isinstance(v, list) for v in lists):
        return None
    if any(not isinstance(item, dict) for v in lists for item in v):
        return None  # lists of values, or one object with list fields
    kept = {k: prop.pop(k) for k in list(prop) if k in ("description", "nullable", SOURCE_KEY)}
    listed = dict(prop)
    prop.clear()
    prop.update({"type": "object", "additionalProperties": listed}, **kept)
    return "a map of arrays where the table says an array"


def _adopt_single_object(
    prop: Schema, target: Schema, value: dict[str, Json], schemas: dict[str, Schema]
) -> str | None:
    """The reverse slip: "Array of objects" in the table, one such object in the example
    (KMS `key_info`). The example's shape wins; the item schema becomes the field's."""
    items = target.get("items")
    properties = resolve(items, schemas).get("properties") if isinstance(items, dict) else None
    if not isinstance(items, dict) or not isinstance(properties, dict) or not properties:
        return None
    if not fits(value, properties):
        return None
    kept = {k: prop.pop(k) for k in list(prop) if k in ("description", SOURCE_KEY)}
    prop.clear()
    prop.update(items if "$ref" not in items else {"allOf": [items]}, **kept)
    return "one object where the table says an array of them"


def _example_shape(value: Json, properties: dict[str, Schema]) -> str | None:
    """How an example nests the documented object: "an array", "a map", "a map of arrays"."""
    if _all_fit(value, properties):
        return "an array of the object the table documents"
    if not isinstance(value, dict) or not value or any(k in properties for k in value):
        return None
    members = list(value.values())
    if all(fits(m, properties) for m in members):
        return "a map of the object the table documents"
    if all(_all_fit(m, properties) for m in members):
        return "a map of arrays of the object the table documents"
    return None


def _all_fit(value: Json, properties: dict[str, Schema]) -> bool:
    """A non-empty list of objects that each fit the documented fields."""
    return isinstance(value, list) and bool(value) and all(fits(v, properties) for v in value)
