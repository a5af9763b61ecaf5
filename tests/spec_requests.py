"""Valid requests for the operations of a spec, to drive a mock the way a client would."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from doc2openapi.contract.values import ValueGenerator
from doc2openapi.scraper import tree


@dataclass
class SpecRequest:
    """One request built from a spec operation: documented values first, generated otherwise."""

    method: str
    template: str
    operation: dict[str, Any]
    path_values: dict[str, Any] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    bodies: list[Any] = field(default_factory=list)  # every candidate body, `body` first

    @property
    def path(self) -> str:
        return re.sub(
            r"\{([^{}]+)\}",
            lambda m: quote(str(self.path_values.get(m[1], "x")), safe=""),
            self.template,
        )


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(method, path template, operation) in document order."""
    for template, method, op in tree.operations(spec):
        yield method, template, op


def parameter_value(values: ValueGenerator, parameter: dict[str, Any], label: str) -> Any:
    """The parameter's example, else its default or first enum value, else generated."""
    schema = parameter.get("schema") or {}
    for candidate in (parameter.get("example"), schema.get("example"), schema.get("default")):
        if candidate is not None:
            return candidate
    if schema.get("enum"):
        return schema["enum"][0]
    return values.value(schema, f"{label}:{parameter['name']}")


def body_values(values: ValueGenerator, operation: dict[str, Any], label: str) -> list[Any]:
    """Candidate bodies (JSON of any JSON media type, or a form's fields): the documented
    request examples, then one generated value per documented shape (`anyOf`/`oneOf`
    branches: an endpoint shared by several actions)."""
    content = (operation.get("requestBody") or {}).get("content") or {}
    media = next((m for t, m in content.items() if "json" in t or t == "multipart/form-data"), None)
    if media is None:
        return []
    found = [e["value"] for e in (media.get("examples") or {}).values() if "value" in e]
    if "example" in media:
        found.append(media["example"])
    schema = media.get("schema", {})
    shapes = schema.get("anyOf") or schema.get("oneOf") or [schema]
    found += [values.value(shape, f"{label}:{i}") for i, shape in enumerate(shapes)]
    return found


def build_request(spec: dict[str, Any], method: str, template: str, seed: int = 0) -> SpecRequest:
    """A request with every required parameter and body the operation documents."""
    values = ValueGenerator(spec, seed)
    item = spec["paths"][template]
    operation = item[method]
    label = str(operation.get("operationId", template))
    request = SpecRequest(method.upper(), template, operation)
    for parameter in [*item.get("parameters", []), *operation.get("parameters", [])]:
        where = parameter.get("in")
        if where != "path" and not parameter.get("required"):
            continue
        value = parameter_value(values, parameter, label)
        if where == "path":
            request.path_values[parameter["name"]] = value
        elif where == "query":
            request.query[parameter["name"]] = _query_text(value)
        elif where == "header":
            request.headers[parameter["name"]] = str(value)
    request.bodies = body_values(values, operation, label)
    request.body = request.bodies[0] if request.bodies else None
    return request


def _query_text(value: Any) -> Any:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return [_query_text(v) for v in value]
    return value
