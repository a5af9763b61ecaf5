"""The built document's constraint keywords, checked once more where the whole spec is seen.

A path parameter never has a default (a mock would put the default in the URL); a default
its schema rejects, a placeholder default, an enum value not of the field's type and a
pattern that is no ECMA-262 regular expression are removed; a field whose description
states a regular expression but has no `pattern` gets a diagnostic saying why (not a number
whose expression accepts every value its bounds, default and list name: it restates them).
The report counts the keywords as they are in the document.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from openapi_schema_validator import OAS30Validator

from doc2openapi.scraper.interpret.constraints.apply import (
    STATED,
    TYPE_FORMATS,
    stated_pattern,
)
from doc2openapi.scraper.interpret.constraints.patterns import regex_problem, stated_inline
from doc2openapi.scraper.interpret.constraints.structure import split
from doc2openapi.scraper.interpret.constraints.values import is_placeholder
from doc2openapi.scraper.model import SOURCE_KEY, Diagnostic
from doc2openapi.scraper.tree import operations

KEYWORDS = (
    "enum", "default", "minimum", "maximum", "minLength", "maxLength",
    "pattern", "format", "minItems", "maxItems", "multipleOf",
)  # fmt: skip
PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,),
}  # fmt: skip


def _fields(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any], str, Any]]:
    """(where, location, schema, description, source) for every parameter (sub-resource
    operations' too) and property."""
    for path, method, top in operations(spec):
        for op in [top, *top.get("x-subresources", [])]:
            yield from _parameters(op, f"{method.upper()} {path}{_key(op)}")
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        if not isinstance(schema, dict):
            continue
        for prop, sub in schema.get("properties", {}).items():
            if isinstance(sub, dict):
                yield (f"{name}.{prop}", "body", sub, str(sub.get("description", "")),
                       sub.get(SOURCE_KEY))  # fmt: skip


def _key(op: dict[str, Any]) -> str:
    """A sub-resource operation's selecting query key (`?acl`), so that a report says which."""
    return f"?{op['key']}" if "key" in op else ""


def _parameters(op: dict[str, Any], at: str) -> Iterator[tuple[str, str, dict[str, Any], str, Any]]:
    for param in op.get("parameters", []):
        if isinstance(param.get("schema"), dict):
            where = f"{at} {param.get('in')} {param.get('name')}"
            yield (where, str(param.get("in")), param["schema"],
                   str(param.get("description", "")), param.get(SOURCE_KEY))  # fmt: skip


def _targets(schema: dict[str, Any]) -> list[dict[str, Any]]:
    items = schema.get("items")
    return (
        [schema, items] if schema.get("type") == "array" and isinstance(items, dict) else [schema]
    )


def audit_constraints(spec: dict[str, Any]) -> list[Diagnostic]:
    """Remove keywords the schema or the location contradicts, in place; report missing
    patterns. `spec` still carries its provenance (x-doc-source) for the diagnostics."""
    found: list[Diagnostic] = []
    for where, location, schema, description, source in _fields(spec):
        file = source.get("file", "") if isinstance(source, dict) else ""
        if location == "path":
            schema.pop("default", None)
        if location == "header" and schema.get("format") == "date-time":
            del schema["format"]  # an HTTP date (RFC 9110) is no RFC 3339 date-time
        for target in _targets(schema):
            _check_values(target)
            if "pattern" in target and (problem := regex_problem(str(target["pattern"]))):
                del target["pattern"]
                reason = f"{where}: pattern dropped: {problem}"
                found.append(Diagnostic(file, "constraint:pattern", reason))
        if STATED["pattern"].search(description) and (why := _why_no_pattern(schema, description)):
            found.append(Diagnostic(
                file, "constraint:pattern",
                f"{where}: the description states a regular expression; no pattern: {why}",
            ))  # fmt: skip
    return found


def _why_no_pattern(schema: dict[str, Any], description: str) -> str | None:
    """Why a field whose description states a regular expression has no `pattern`; None when
    nothing is lost: it has one, a named string format ("must comply with UUID regular
    expression rules") states it, or a number's keywords do."""
    if any(
        "pattern" in t or t.get("format", "int32") not in TYPE_FORMATS for t in _targets(schema)
    ):
        return None
    kind = schema.get("type", "untyped")
    if kind in ("integer", "number"):
        return _number_pattern(schema, description)
    if kind not in ("string", "array"):
        return f"the field is of type {kind}, not a string"
    inline = stated_inline(description)
    if inline is not None and inline.case is not None:
        return f"the regular expression is stated for one listed case ({inline.case!r}) only"
    return "no usable regular expression follows the words"


def _number_pattern(schema: dict[str, Any], description: str) -> str | None:
    """A number's expression ("^([1-9]|[1-9][0-9]|100)$" beside Minimum 1, Maximum 100)
    restates its keywords when it accepts every value they name: nothing is lost."""
    why = f"the field is of type {schema['type']}, not a string"
    pattern = stated_pattern(split(description))
    named = [schema[k] for k in ("minimum", "maximum", "default") if k in schema]
    named += list(schema.get("enum", []))
    if pattern is None or not named:
        return why
    rejected = [value for value in named if re.search(pattern, str(value)) is None]
    if rejected:
        return f"{why}, and it rejects {rejected[0]!r}, which the field's keywords allow"
    return None


def _check_values(schema: dict[str, Any]) -> None:
    _check_enum(schema)
    _check_default(schema)


def _check_enum(schema: dict[str, Any]) -> None:
    """An enum goes unless it is a non-empty list of values of the field's type (a bool is
    no integer here, though Python says it is)."""
    kind = schema.get("type")
    allowed = PYTHON_TYPES.get(str(kind))
    if "enum" not in schema or allowed is None:
        return
    values = schema["enum"]
    fits = all(
        isinstance(v, allowed) and (kind == "boolean" or not isinstance(v, bool)) for v in values
    )
    if not isinstance(values, list) or not values or not fits:
        del schema["enum"]


def _check_default(schema: dict[str, Any]) -> None:
    """A null or placeholder default goes (one of the listed values, such as NONE, is no
    placeholder), and so does one its own keywords reject."""
    if "default" not in schema:
        return
    default = schema["default"]
    placeholder = isinstance(default, str) and is_placeholder(default)
    if default is None or (placeholder and default not in schema.get("enum", [])):
        del schema["default"]
        return
    rules = {k: v for k, v in schema.items() if k in KEYWORDS and k != "default"}
    if kind := schema.get("type"):
        rules["type"] = kind
    checker = OAS30Validator(rules, format_checker=OAS30Validator.FORMAT_CHECKER)
    if not checker.is_valid(default):
        del schema["default"]


def keyword_counts(spec: dict[str, Any]) -> dict[str, int]:
    """How many of each constraint keyword the document holds (item keywords included)."""
    counts: Counter[str] = Counter()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key in KEYWORDS:
                if key in node and not isinstance(node[key], dict):
                    if key == "format" and node[key] in TYPE_FORMATS:
                        continue
                    counts[key] += 1
            for key, value in node.items():
                if key not in ("enum", "default", "example", "examples", "description"):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk({"paths": spec.get("paths", {}), "components": spec.get("components", {})})
    return dict(sorted(counts.items()))
