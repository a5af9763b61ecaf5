"""Objects written inline inside a component (fields an example showed, nested in place)
become components of their own before model generation.

datamodel-code-generator names an inline object after its field, and where that name is a
component's it renames the component's class instead (`Node` becomes `NodeModel`), so the
client would annotate with a class that is not the component's. Naming them here, after their
parent and field, keeps every component's class its own name.
"""

from __future__ import annotations

from typing import Any

from doc2openapi.codegen.naming import unique
from doc2openapi.scraper.components import qualified
from doc2openapi.scraper.interpret.component_names import camel
from doc2openapi.scraper.model import REF_PREFIX
from doc2openapi.scraper.tree import SCHEMA_LISTS


def _inline_object(node: Any) -> bool:
    return isinstance(node, dict) and "$ref" not in node and bool(node.get("properties"))


# (holder, key in it, name stem): a properties map and a name, a schema and "items", or an
# allOf/anyOf/oneOf list and an index; each is read and written as holder[key]
Slot = tuple[Any, Any, str]


def _children(schema: dict[str, Any], stem: str) -> list[Slot]:
    """Each schema slot directly inside `schema`: a property, items, map values, a member."""
    slots: list[Slot] = []
    properties = schema.get("properties")
    if isinstance(properties, dict):
        slots += [(properties, key, camel(str(key)) or "Field") for key in properties]
    for key, suffix in (("items", "Item"), ("additionalProperties", "Value")):
        if isinstance(schema.get(key), dict):
            slots.append((schema, key, stem + suffix))
    for key in SCHEMA_LISTS:
        members = schema.get(key)
        if isinstance(members, list):
            slots += [(members, i, f"{stem}Option{i + 1}") for i in range(len(members))]
    return slots


def lift_nested_objects(schemas: dict[str, Any]) -> None:
    """Every inline object with fields, at any depth of a component, becomes a component
    named `<Parent><Field>` (numbered past taken names), referenced where it stood."""
    taken = set(schemas)
    todo = [(name, schemas[name]) for name in sorted(schemas)]
    while todo:
        owner, root = todo.pop(0)
        stack: list[tuple[dict[str, Any], str, int]] = [(root, "", 0)]
        while stack:
            schema, stem, depth = stack.pop(0)
            for holder, key, child_stem in _children(schema, stem):
                child = holder[key]
                if not isinstance(child, dict) or depth > 32:
                    continue
                if _inline_object(child):
                    name = unique(qualified(owner, child_stem), taken, separator="")
                    schemas[name] = child
                    holder[key] = {"$ref": REF_PREFIX + name}
                    todo.append((name, child))
                elif "$ref" not in child:
                    stack.append((child, child_stem, depth + 1))
