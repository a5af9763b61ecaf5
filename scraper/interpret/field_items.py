"""The item type of a list field its page leaves untyped ("sni_container_refs | Array", and
`[]` or nothing in the example).

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


def type_untyped_items(operations: list[Operation]) -> list[Diagnostic]:
    """Give each untyped list field of the service the one plain item type its other fields
    of that name have; report it, or that its items stay untyped."""
    typed: dict[str, dict[str, str]] = {}  # field name -> item type -> an operation typing it
    untyped: dict[int, tuple[Operation, str, Schema]] = {}
    for op in _with_merged(operations):
        for name, items in _list_items(op):
            if not any(key in items for key in TYPED_KEYS):
                untyped.setdefault(id(items), (op, name, items))
            elif (kind := items.get("type")) in SCALARS:
                typed.setdefault(name, {}).setdefault(str(kind), op.operation_id)
    diagnostics = []
    for op, name, items in untyped.values():
        kinds = typed.get(name, {})
        if len(kinds) == 1:
            ((kind, where),) = kinds.items()
            items["type"] = kind
            diagnostics.append(
                Diagnostic(
                    op.source,
                    "inferred:items",
                    f"{op.operation_id}: field {name!r} is an array with no item type; "
                    f"{kind} items, as the service's other fields of that name ({where})",
                )
            )
        else:
            diagnostics.append(
                Diagnostic(
                    op.source,
                    "untyped-items",
                    f"{op.operation_id}: field {name!r} is an array with no item type, and "
                    "no example or other field of that name shows one; items left untyped",
                )
            )
    return diagnostics


def _with_merged(operations: list[Operation]) -> Iterator[Operation]:
    """Every operation, and the actions and variants merged into it."""
    for op in operations:
        yield op
        yield from _with_merged(op.actions + op.variants)


def _list_items(op: Operation) -> Iterator[tuple[str, Schema]]:
    """(field name, item schema) of every list field in the operation's bodies."""
    for _, body in op.bodies():
        for node in reachable_schemas(body.schema, op.schemas):
            properties = node.get("properties")
            if not isinstance(properties, dict):
                continue
            for name, prop in properties.items():
                target = resolve(prop, op.schemas) if isinstance(prop, dict) else {}
                items = target.get("items")
                if target.get("type") == "array" and isinstance(items, dict):
                    yield name, items
