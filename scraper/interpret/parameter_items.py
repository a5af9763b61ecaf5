"""The item type of a list parameter the docs leave untyped ("protocol_port | No | Array").

A list page's filters name fields of what the list returns (`?protocol_port=80&protocol_port=
443`), and the response table types those fields ("protocol_port | Integer"): one table
catches what the other misses. Without such a field, a query string carries text.
"""

from __future__ import annotations

from collections.abc import Iterator

from doc2openapi.scraper.interpret.schemas import SchemaBuilder
from doc2openapi.scraper.model import Operation, Schema
from doc2openapi.scraper.tree import follow_refs, reachable_schemas

SCALARS = ("integer", "number", "boolean", "string")


def untyped_items(schema: Schema) -> bool:
    """An array whose item type the docs omit (its items are still to be decided)."""
    return schema.get("type") == "array" and not schema.get("items")


def type_list_parameters(op: Operation, builder: SchemaBuilder) -> None:
    """Every list parameter of `op` without an item type gets one: the type the operation's
    success responses give a field of the same name, else string; each is reported."""
    for param in op.parameters:
        if not untyped_items(param.schema):
            continue
        found = _response_field_types(op, param.name)
        if len(found) == 1:
            (kind,) = found
            how = f"items taken as {kind}s, the type the response gives field {param.name!r}"
        else:
            kind, how = "string", "items taken as strings"
        param.schema = {**param.schema, "items": {"type": kind}}
        builder.diagnose(
            "inferred:items",
            f"{param.location} parameter {param.name!r}: array with no item type; {how}",
        )


def _response_field_types(op: Operation, name: str) -> set[str]:
    """The scalar types the 2xx response bodies give fields called `name` (a list of
    scalars counts as its items' type)."""
    found: set[str] = set()
    for status, response in op.responses.items():
        if not status.startswith("2") or response.body is None:
            continue
        for field in _fields_named(response.body.schema, name, op.schemas):
            target = follow_refs(field, op.schemas)
            if target.get("type") == "array" and isinstance(target.get("items"), dict):
                target = follow_refs(target["items"], op.schemas)
            if target.get("type") in SCALARS:
                found.add(str(target["type"]))
    return found


def _fields_named(schema: Schema, name: str, schemas: dict[str, Schema]) -> Iterator[Schema]:
    """The schemas of every property called `name` in `schema`, through $refs."""
    for node in reachable_schemas(schema, schemas):
        properties = node.get("properties")
        if isinstance(properties, dict) and isinstance(properties.get(name), dict):
            yield properties[name]
