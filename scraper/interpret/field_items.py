"""The item type of a list field its page leaves untyped ("sni_container_refs | Array", and
`[]` or nothing in the example); a field left untyped (no Type column, an "Enum" whose
values the text does not list) is reported.

Another page of the service often types a field of that name ("sni_container_refs | Array
of strings" on the create page): one page catches what another misses. Only plain values
are taken so; objects are a bigger claim than a shared name supports (ELB v2 `tags` are
strings where v3 `tags` are objects), so such a list stays untyped, as does one no other
page types, and both are reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from doc2openapi.scraper.model import Diagnostic, Operation, Schema
from doc2openapi.scraper.tree import reachable_schemas, resolve

SCALARS = ("string", "integer", "number", "boolean")
TYPED_KEYS = ("type", "$ref", "allOf", "oneOf", "anyOf")
SHAPE_KEYS = ("properties", "items", "additionalProperties", "enum")


def type_untyped_items(operations: list[Operation]) -> list[Diagnostic]:
    """Give each untyped list field of the service the one plain item type its other fields
    of that name have; report it, or that its items stay untyped. An untyped field is only
    reported: its name on another page proved weak evidence (DWS `error_msg`, a string
    there, is null in the examples here; ELB classic `tcp_draining` is 1, not a boolean)."""
    typed: dict[str, dict[str, str]] = {}  # field name -> item type -> an operation typing it
    untyped: dict[int, tuple[Operation, str, str, Schema]] = {}
    for op in _with_merged(operations):
        for slot, name, schema in _slots(op):
            if not any(key in schema for key in (*TYPED_KEYS, *SHAPE_KEYS)):
                untyped.setdefault(id(schema), (op, slot, name, schema))
            elif slot == "items" and (kind := schema.get("type")) in SCALARS:
                typed.setdefault(name, {}).setdefault(str(kind), op.operation_id)
    return [
        _typed_or_reported(op, slot, name, schema, typed)
        for op, slot, name, schema in untyped.values()
    ]


def _typed_or_reported(
    op: Operation, slot: str, name: str, schema: Schema, typed: dict[str, dict[str, str]]
) -> Diagnostic:
    """An untyped list's items given the one plain type its namesakes have, said; else what
    stays untyped, said."""
    field = f"{op.operation_id}: field {name!r}"
    kinds = typed.get(name, {})
    if slot == "field":
        reason = f"{field} has no type, and no example or listed value shows one; left untyped"
        return Diagnostic(op.source, "untyped-field", reason)
    if len(kinds) == 1:
        ((kind, where),) = kinds.items()
        schema["type"] = kind
        reason = (
            f"{field} is an array with no item type; {kind} items, as the service's other "
            f"fields of that name ({where})"
        )
        return Diagnostic(op.source, "inferred:items", reason)
    reason = (
        f"{field} is an array with no item type, and no example or other field of that name "
        "shows one; items left untyped"
    )
    return Diagnostic(op.source, "untyped-items", reason)


def _with_merged(operations: list[Operation]) -> Iterator[Operation]:
    """Every operation, and the actions and variants merged into it."""
    for op in operations:
        yield op
        yield from _with_merged(op.actions + op.variants)


def _slots(op: Operation) -> Iterator[tuple[str, str, Schema]]:
    """("items", field name, item schema) of every list field in the operation's bodies,
    and ("field", field name, schema) of every other field."""
    for _, body in op.bodies():
        for node in reachable_schemas(body.schema, op.schemas):
            properties = node.get("properties")
            if not isinstance(properties, dict):
                continue
            for name, prop in properties.items():
                target = resolve(prop, op.schemas) if isinstance(prop, dict) else {}
                items = target.get("items")
                if target.get("type") == "array" and isinstance(items, dict):
                    yield "items", name, items
                elif isinstance(prop, dict):
                    yield "field", name, prop
