"""Python type expressions for schemas, as the generated client writes them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from doc2openapi.scraper.model import REF_PREFIX
from doc2openapi.scraper.tree import resolve

WIRE_TYPES = {"str", "int", "float", "bool"}
SIMPLE = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


@dataclass
class ModelInfo:
    """What the generated models module defines: classes and their fields by wire name."""

    classes: set[str]
    fields: dict[str, dict[str, str]]


class Types:
    def __init__(self, spec: dict[str, Any], models: ModelInfo) -> None:
        self.schemas: dict[str, Any] = spec.get("components", {}).get("schemas", {})
        self.models = models

    def ref_class(self, schema: dict[str, Any]) -> str | None:
        while "allOf" in schema and len(schema["allOf"]) == 1:
            schema = schema["allOf"][0]
        ref = schema.get("$ref", "")
        name = ref[len(REF_PREFIX) :] if ref.startswith(REF_PREFIX) else None
        return name if name in self.models.classes else None

    def members(self, schema: dict[str, Any]) -> list[str] | None:
        """The model classes of a body that is one of several documented objects (pages merged
        into one method and path): its RootModel's members, the classes callers hold."""
        name = self.ref_class(schema)
        component = self.schemas.get(name or "", {})
        alternatives = component.get("anyOf") or component.get("oneOf")
        if not alternatives or "properties" in component:
            return None
        names = [self.ref_class(a) for a in alternatives]
        return [n for n in names if n] if len(names) > 1 and all(names) else None

    def member_union(self, schema: dict[str, Any]) -> str | None:
        """`models.A | models.B` for a body of alternatives (see members), else None."""
        members = self.members(schema)
        return " | ".join(f"models.{m}" for m in members) if members else None

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        return resolve(schema, self.schemas)

    def python(self, schema: dict[str, Any], depth: int = 0) -> str:
        if depth > 8:
            return "Any"
        name = self.ref_class(schema)
        if name is not None:
            return f"models.{name}"
        schema = self.resolve(schema)
        if "anyOf" in schema or "oneOf" in schema:
            alternatives = schema.get("anyOf") or schema.get("oneOf") or []
            options = [self.python(s, depth + 1) for s in alternatives]
            return "Any" if "Any" in options else " | ".join(dict.fromkeys(options))
        kind = schema.get("type")
        if kind in SIMPLE:
            return SIMPLE[str(kind)]
        if kind == "array":
            return f"list[{self.python(schema.get('items', {}), depth + 1)}]"
        if kind == "object":
            return "dict[str, Any]"
        return "Any"

    def parameter(self, schema: dict[str, Any]) -> str:
        """Parameters travel as text: scalars (enums as Literal) and lists of them, else Any."""
        resolved = self.resolve(schema)
        if resolved.get("type") == "array":
            inner = self.parameter(resolved.get("items", {}))
            return f"list[{inner}]" if inner != "Any" else "Any"
        literal = _literal(resolved)
        if literal is not None:
            return literal
        py_type = self.python(schema)
        return py_type if py_type in WIRE_TYPES else "Any"


def _literal(schema: dict[str, Any]) -> str | None:
    """Literal[...] for an enum of strings or of integers; values only ever as reprs."""
    values = schema.get("enum")
    if not isinstance(values, list) or not values:
        return None
    kinds = {type(v) for v in values}
    if kinds not in ({str}, {int}):
        return None
    return "Literal[" + ", ".join(repr(v) for v in dict.fromkeys(values)) + "]"
