"""Fields of a scraped spec, named by where the docs define them (file, table, row, name).

The judged constraint sample (tests/fixtures/constraints_judged.json) names fields this way,
so it survives changes to operation ids and component names; the sampler and the accuracy
script share this walk.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

SOURCE_KEY = "x-doc-source"
REF_PREFIX = "#/components/schemas/"
# Formats the type column gives ("Integer (int32)"), not the prose: not judged here.
TYPE_FORMATS = frozenset({"int32", "int64", "float", "double"})
KINDS = (
    "enum", "default", "minimum", "maximum", "minLength", "maxLength",
    "pattern", "format", "minItems", "maxItems",
)  # fmt: skip


@dataclass(frozen=True)
class SpecField:
    """One documented field as it is in the spec."""

    key: str  # "file#table#row#name": stable across ids and component names
    where: str  # readable: "OperationId query limit" or "Component.property"
    location: str  # path, query, header or body
    schema: dict[str, Any]
    description: str


def field_key(source: dict[str, Any], name: str) -> str:
    return f"{source.get('file', '')}#{source.get('table', '')}#{source.get('row', '')}#{name}"


def spec_fields(spec: dict[str, Any]) -> Iterator[SpecField]:
    """Every parameter and property with a doc source, in document order."""
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            if not isinstance(op, dict):
                continue
            for param in op.get("parameters", []):
                source = param.get(SOURCE_KEY)
                if isinstance(source, dict) and "row" in source:
                    op_id = op.get("operationId", f"{method} {path}")
                    where = f"{op_id} {param['in']} {param['name']}"
                    yield SpecField(
                        field_key(source, param["name"]), where, param["in"],
                        param.get("schema", {}), param.get("description", ""),
                    )  # fmt: skip
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        yield from _properties(name, schema)


def _properties(where: str, schema: Any, depth: int = 0) -> Iterator[SpecField]:
    """A schema's properties with a doc source, and those of the inline objects it holds (a
    table nested as its examples show is inline, not a component of its own)."""
    if not isinstance(schema, dict) or depth > 16:
        return
    for prop, sub in (schema.get("properties") or {}).items():
        if not isinstance(sub, dict):
            continue
        source = sub.get(SOURCE_KEY)
        if isinstance(source, dict) and "row" in source:
            yield SpecField(
                field_key(source, prop), f"{where}.{prop}", "body", sub,
                sub.get("description", ""),
            )  # fmt: skip
        inner = sub.get("items") if sub.get("type") == "array" else sub
        yield from _properties(f"{where}.{prop}", inner, depth + 1)


def field_type(schema: dict[str, Any]) -> str:
    """ "string", "array of integer", "object", "" (unknown): for the reader of the sample."""
    if "$ref" in schema or "allOf" in schema:
        return "object"
    kind = str(schema.get("type", ""))
    if kind == "array" and isinstance(schema.get("items"), dict):
        return "array of " + (field_type(schema["items"]) or "?")
    return kind


def keywords(schema: dict[str, Any]) -> dict[str, Any]:
    """The constraint keywords of a field; an array's item keywords count as the field's."""
    found: dict[str, Any] = {}
    items = schema.get("items") if schema.get("type") == "array" else None
    for source in (items, schema):
        if not isinstance(source, dict):
            continue
        for kind in KINDS:
            if kind in source and not (kind == "format" and source[kind] in TYPE_FORMATS):
                found[kind] = source[kind]
    return found
