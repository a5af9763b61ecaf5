"""Rows named by their path in one table: `widget`, `widget.name`, `widget.tags[].key`.

Some references document a nested body in a single table, each nested field's name being
its path from a row above it. The path is explicit, so the row is put where it says: under
the object of its parent row (an array's items for an array of objects). A dotted name whose
parent is no row of the table stays as written: a key may hold dots (`metering.image_id`).
"""

from __future__ import annotations

import re

from doc2openapi.scraper.model import Schema

INDEX = re.compile(r"\[(?:\d*|\*)\]$")  # "tags[]", "tags[0]", "tags[*]": into a list's items


def nest_dotted_rows(schema: Schema) -> None:
    """Moves every `parent.child` property of the object under its parent's object, parents
    before children whatever the row order, each with its required flag."""
    properties: dict[str, Schema] = schema["properties"]
    for name in sorted((n for n in properties if "." in n), key=lambda n: n.count(".")):
        parent_path, _, child = name.rpartition(".")
        target = _object_at(schema, [INDEX.sub("", step) for step in parent_path.split(".")])
        child = INDEX.sub("", child)
        if target is None or not child or child in target.get("properties", {}):
            continue
        target.setdefault("properties", {})[child] = properties.pop(name)
        required: list[str] = schema.get("required", [])
        if name in required:
            required.remove(name)
            target.setdefault("required", []).append(child)
        if "required" in schema and not required:
            del schema["required"]


def _object_at(schema: Schema, steps: list[str]) -> Schema | None:
    """The inline object schema a path of property names leads to (through array items),
    made an object if the row left it untyped; None, and nothing changed, where the path
    leaves the table or meets a scalar, a map or a row with a table of its own."""
    nodes: list[tuple[Schema, bool]] = []  # (object on the path, whether it is an array's items)
    current: Schema = schema
    for step in steps:
        found = current.get("properties", {}).get(step)
        if found is None:
            return None
        listed = found.get("type") == "array"
        node = found.get("items", {}) if listed else found
        closed = "$ref" in node or "allOf" in node or "additionalProperties" in node
        if closed or node.get("type", "object") != "object":
            return None
        nodes.append((found, listed))
        current = node
    target = schema
    for found, listed in nodes:  # the whole path holds: now make each step an object
        target = found.setdefault("items", {}) if listed else found
        target["type"] = "object"
    return target
