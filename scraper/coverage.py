"""How much of each documented example the schema covers: a self-check that needs no SDK.

A page's example is usually captured from the live API and its tables typed by hand, so
every dotted field of an example that no schema path reaches is something the interpreter
missed or the docs left out; every schema field no example shows is one nothing confirms.
Map keys (`additionalProperties`) count as covered; list items share their list's path. An XML
example counts as the values it stands for (elements and attributes as fields).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from doc2openapi.scraper.interpret.xml_bodies import NotXml, is_xml_media, xml_value
from doc2openapi.scraper.model import Diagnostic, Json, Schema
from doc2openapi.scraper.tree import action_holders, media_entries, resolve

LOW_COVERAGE = 0.9  # an example with less than this share of its fields covered is reported
MAX_DEPTH = 32
SHOWN = 5  # fields named in a diagnostic


@dataclass
class Fields:
    """The distinct dotted field paths of one example, split by whether the schema has them."""

    covered: set[str] = field(default_factory=set)
    missing: set[str] = field(default_factory=set)


@dataclass
class Coverage:
    fields: int = 0
    covered: int = 0
    schema_fields: int = 0
    schema_fields_shown: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "fields": self.fields,
            "covered": self.covered,
            "ratio": round(self.covered / self.fields, 4) if self.fields else 1.0,
            "schema_fields": self.schema_fields,
            "schema_fields_shown": self.schema_fields_shown,
        }


def example_fields(value: Json, schema: Schema, components: dict[str, Schema]) -> Fields:
    found = Fields()
    _Walk(components, found).value(value, schema, "", 0)
    found.missing -= found.covered
    return found


@dataclass
class _Walk:
    """An example and its schema side by side, sorting each field into covered or missing."""

    components: dict[str, Schema]
    found: Fields

    def value(self, value: Json, schema: Schema, where: str, depth: int) -> None:
        if depth > MAX_DEPTH:
            return
        schema = resolve(schema, self.components)
        branches = schema.get("oneOf") or schema.get("anyOf")
        if branches:  # the branch that explains most of the value
            tries = [example_fields(value, branch, self.components) for branch in branches]
            best = max(tries, key=lambda t: (len(t.covered), -len(t.missing)))
            self.found.covered |= {_join(where, p) for p in best.covered}
            self.found.missing |= {_join(where, p) for p in best.missing}
        elif isinstance(value, list):
            for item in value[:50]:
                self.value(item, _schema(schema.get("items")), where, depth + 1)
        elif isinstance(value, dict):
            self.members(value, schema, where, depth)

    def members(self, value: dict[str, Json], schema: Schema, where: str, depth: int) -> None:
        properties = schema.get("properties") or {}
        extra = schema.get("additionalProperties")
        if not properties and extra is None and schema.get("type") == "object":
            extra = True  # a free-form object (metadata): its keys are data
        for key, item in value.items():
            path = _join(where, str(key))
            inner = properties.get(key, extra)
            if isinstance(inner, dict):
                self.found.covered.add(path)
                self.value(item, inner, path, depth + 1)
            else:  # a free-form value is data all the way down; an unknown key, nothing
                _all_fields(item, path, self.found.covered if inner else self.found.missing)


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _schema(node: Any) -> Schema:
    return node if isinstance(node, dict) else {}


def _all_fields(value: Json, where: str, into: set[str], depth: int = 0) -> None:
    """`where` and every dotted field below it, into `into`."""
    into.add(where)
    if depth > MAX_DEPTH:
        return
    for item in value[:50] if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            for key, inner in item.items():
                _all_fields(inner, f"{where}.{key}", into, depth + 1)


def schema_fields(
    schema: Schema, components: dict[str, Schema], where: str = "", depth: int = 0
) -> set[str]:
    """Every dotted property path a schema documents (through refs, items, maps, unions)."""
    if depth > 8:  # deep enough for any example; recursive schemas stop here
        return set()
    schema = resolve(schema, components)
    paths: set[str] = set()
    for branch in schema.get("oneOf", []) + schema.get("anyOf", []):
        paths |= schema_fields(branch, components, where, depth + 1)
    items = schema.get("items")
    if isinstance(items, dict):
        paths |= schema_fields(items, components, where, depth + 1)
    extra = schema.get("additionalProperties")
    if isinstance(extra, dict):
        paths |= schema_fields(extra, components, where, depth + 1)
    for key, prop in (schema.get("properties") or {}).items():
        path = _join(where, str(key))
        paths.add(path)
        if isinstance(prop, dict):
            paths |= schema_fields(prop, components, path, depth + 1)
    return paths


def _example_value(
    value: Json, media_type: str, media: Schema, components: dict[str, Schema]
) -> Json:
    """An XML example as its values (the checks kept only examples that parse); JSON as is."""
    if not (is_xml_media(media_type) and isinstance(value, str)):
        return value
    try:
        return xml_value(value, media.get("schema", {}), components)
    except NotXml:
        return None


def measure(spec: dict[str, Any], sources: dict[str, str]) -> Coverage:
    """Coverage of every example left in the spec (those the checks kept) by its schema."""
    components = spec.get("components", {}).get("schemas", {})
    total = Coverage()
    seen: set[tuple[str, str, str]] = set()
    holders = action_holders(spec)
    for op_id, where, media_type, media in media_entries(spec):
        examples = media.get("examples") or {}
        if not examples or (op_id in holders and where != "request body"):
            continue  # the union of actions' answers: each action's are measured as its own
        documented = schema_fields(media.get("schema", {}), components)
        shown: set[str] = set()
        for name, example in examples.items():
            value = _example_value(example.get("value"), media_type, media, components)
            fields = example_fields(value, media.get("schema", {}), components)
            shown |= fields.covered
            identity = (sources.get(op_id, ""), where, repr(value))
            if identity in seen:
                continue  # one page's example serving two operations counts once
            seen.add(identity)
            count = len(fields.covered) + len(fields.missing)
            total.fields += count
            total.covered += len(fields.covered)
            if count and len(fields.covered) / count < LOW_COVERAGE:
                named = ", ".join(sorted(fields.missing)[:SHOWN])
                more = len(fields.missing) - SHOWN
                total.diagnostics.append(
                    Diagnostic(
                        sources.get(op_id, ""),
                        "low-example-coverage",
                        f"{op_id} {where} example {name}: the schema covers "
                        f"{len(fields.covered)} of {count} fields; not covered: {named}"
                        + (f" and {more} more" if more > 0 else ""),
                    )
                )
        total.schema_fields += len(documented)
        total.schema_fields_shown += len(documented & shown)
    return total
