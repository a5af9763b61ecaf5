"""The mock's checks of request parameters beyond openapi-core's: empty values a plain string
takes, and on a folded operation the parameters an x-subresources entry defines its own way
(openapi-core sees the folded operation, where the plain one's definition of a name wins)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from openapi_core.deserializing.styles.exceptions import EmptyQueryParameterValue

Check = Callable[[Any, Any], "str | None"]  # (schema, value) -> why it does not fit, or None


def empty_but_allowed(error: Exception, parameters: list[dict[str, Any]]) -> bool:
    """`?name=` for a plain string parameter: its schema accepts "", so the mock does too.

    openapi-core applies OpenAPI 3.0's `allowEmptyValue: false` default; the cloud APIs treat
    an empty value as an empty string, and generators (schemathesis) send one.
    """
    if not isinstance(error.__cause__, EmptyQueryParameterValue):
        return False
    name = getattr(error, "name", None)
    for parameter in parameters:
        if parameter.get("in") == "query" and parameter.get("name") == name:
            schema = parameter.get("schema", {})
            constrained = {"enum", "pattern", "format", "$ref", "allOf", "anyOf", "oneOf"}
            plain = not set(schema) & constrained
            return plain and schema.get("type") == "string" and not schema.get("minLength")
    return False


def describe(error: Exception) -> str:
    """openapi-core's message plus the schema errors behind it, in one line."""
    text = str(error)
    cause = error.__cause__
    details = [str(getattr(e, "message", e)) for e in getattr(cause, "schema_errors", ()) or ()]
    if cause is not None and not details:
        details = [str(cause) or type(cause).__name__]
    if details:
        if "ValidationError" in text:  # the details again, as reprs: keep the headline only
            text = text.split(":", 1)[0]
        text = f"{text}: {'; '.join(details)}"
    return " ".join(text.split())[:2000]


def redefined(
    operation: dict[str, Any], entry: dict[str, Any] | None
) -> dict[tuple[str, str], Any]:
    """The query and header parameters `entry` defines otherwise than the folded `operation`
    does, by (location, name): their schemas."""
    if entry is None:
        return {}
    folded = {
        (p.get("in"), p.get("name")): p.get("schema") for p in operation.get("parameters", [])
    }
    return {
        (str(p["in"]), str(p["name"])): p.get("schema")
        for p in entry.get("parameters", [])
        if p.get("in") in ("query", "header")
        and folded.get((p["in"], p.get("name"))) != p.get("schema")
    }


def redefined_problems(
    schemas: Mapping[tuple[str, str], Any],
    query: Mapping[str, str],
    headers: Mapping[str, str],
    check: Check,
) -> list[str]:
    """Why the values of redefined parameters do not fit the entry's own schemas (`headers`
    by lower-case name)."""
    problems = []
    for (location, name), schema in schemas.items():
        value = query.get(name) if location == "query" else headers.get(name.lower())
        if value is None:
            continue
        problem = check(schema, _typed(value, schema if isinstance(schema, dict) else {}))
        if problem is not None:
            problems.append(f"{location} parameter {name}: {problem}")
    return problems


def _typed(value: str, schema: dict[str, Any]) -> Any:
    """A parameter's text as the value its schema's type reads it as (left as text if not)."""
    kind = schema.get("type")
    try:
        if kind == "integer":
            return int(value)
        if kind == "number":
            return float(value)
    except ValueError:
        return value
    if kind == "boolean" and value in ("true", "false"):
        return value == "true"
    return value
