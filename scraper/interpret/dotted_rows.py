"""Rows named by their path in one table: `widget`, `widget.name`, `widget.tags[].key`.

Some references document a nested body in a single table, each nested field's name being
its path from a row above it. The path is explicit, so the row is put where it says: under
the object of its parent row (an array's items for an array of objects), through objects
made for steps no row names once the first step is a row (`spec.disk.size` with no
`spec.disk`). A dotted name whose first step is no row of the table stays as written, a
key may hold dots (`metering.image_id`), unless an example nests it that way (the caller
says which).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from doc2openapi.scraper.model import Schema

INDEX = re.compile(r"\[(?:\d*|\*)\]$")  # "tags[]", "tags[0]", "tags[*]": into a list's items


def nest_dotted_rows(schema: Schema, shown: Mapping[str, list[bool]] | None = None) -> None:
    """Moves every `parent.child` property of the object under its parent's object, parents
    before children whatever the row order, each with its required flag. A row in `shown`
    (its parent steps, each a list or not, as an example nests them) also makes the steps
    no row names: objects, or lists of objects."""
    properties: dict[str, Schema] = schema["properties"]
    for name in sorted((n for n in properties if "." in n), key=lambda n: n.count(".")):
        parent_path, _, child = name.rpartition(".")
        steps = [INDEX.sub("", step) for step in parent_path.split(".")]
        target = _object_at(schema, steps, (shown or {}).get(name))
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


def _object_at(schema: Schema, steps: list[str], listed: list[bool] | None) -> Schema | None:
    """The inline object schema a path of property names leads to (through array items),
    made an object if the row left it untyped; None, and nothing changed, where the path
    leaves the table or meets a scalar, a map or a row with a table of its own. A step no
    row names under a row typed as an object is made, an object; with `listed` (whether
    each step is a list, as an example shows), any such step, a list where it shows one."""
    current: Schema = schema
    nodes: list[tuple[Schema, bool]] = []  # (object on the path, whether it is an array's items)
    for number, step in enumerate(steps):
        found = current.get("properties", {}).get(step)
        if found is None:
            found = _made_step(current, step, number, listed)
        if found is None:
            return None
        is_list = found.get("type") == "array"
        node = found.get("items", {}) if is_list else found
        closed = "$ref" in node or "allOf" in node or "additionalProperties" in node
        if closed or node.get("type", "object") != "object":
            return None
        nodes.append((found, is_list))
        current = node
    target = schema
    for found, is_list in nodes:  # the whole path holds: now make each step an object
        target = found.setdefault("items", {}) if is_list else found
        target["type"] = "object"
    return target


def _made_step(current: Schema, step: str, number: int, listed: list[bool] | None) -> Schema | None:
    """The step no row names, made where it may be: under a row typed as an object, or
    anywhere an example nests the path (a list where it shows one); None elsewhere."""
    if listed is None and not (number > 0 and current.get("type") == "object"):
        return None
    made: Schema = {"type": "array", "items": {}} if listed and listed[number] else {}
    current.setdefault("properties", {})[step] = made
    return made
