"""The spec as the generators need it: one named schema per body, actions' bodies included,
and each object schema told whether it may carry fields the docs do not list."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from doc2openapi.codegen.naming import unique
from doc2openapi.codegen.nested import lift_nested_objects
from doc2openapi.codegen.xml_shapes import is_xml
from doc2openapi.scraper.model import REF_PREFIX
from doc2openapi.scraper.tree import HTTP_METHODS, referenced_names, walk_schemas

TEXT_FORMATS = {"uuid", "date-time", "date", "time", "email", "uri", "hostname", "ipv4", "ipv6"}


def is_json(media_type: str) -> bool:
    """application/json, or a vendor JSON type (application/openstack-images-v2.1-json-patch)."""
    return media_type == "application/json" or "json" in media_type.lower()


FORM_TYPES = frozenset({"multipart/form-data", "application/x-www-form-urlencoded"})


def is_form(media_type: str) -> bool:
    """A form: multipart/form-data (fields, and files as bytes) or
    application/x-www-form-urlencoded (fields only)."""
    return media_type.split(";", 1)[0].strip().lower() in FORM_TYPES


def json_media_type(holder: Any) -> str | None:
    """The JSON media type of a body: application/json, else a vendor one
    (application/openstack-images-v2.1-json-patch), if the body has one."""
    content = holder.get("content") if isinstance(holder, dict) else None
    if not isinstance(content, dict):
        return None
    if isinstance(content.get("application/json"), dict):
        return "application/json"
    return next((t for t, m in content.items() if is_json(t) and isinstance(m, dict)), None)


def json_media(holder: Any) -> dict[str, Any] | None:
    media_type = json_media_type(holder)
    if media_type is None:
        return None
    media: dict[str, Any] = holder["content"][media_type]
    return media


def body_media(holder: Any) -> tuple[str, dict[str, Any]] | None:
    """(media type, media object) of a body: JSON first, then XML, then the first one."""
    if not isinstance(holder, dict) or not isinstance(holder.get("content"), dict):
        return None
    content: dict[str, Any] = holder["content"]
    json_type = json_media_type(holder)
    if json_type is not None:
        return json_type, content[json_type]
    ranked = sorted(content, key=lambda m: not is_xml(m))
    for media_type in ranked:
        if isinstance(content[media_type], dict):
            return str(media_type), content[media_type]
    return None


def modelled_media(holder: Any) -> dict[str, Any] | None:
    """The media object of a body that becomes a model: JSON, XML or a form, not bytes."""
    found = body_media(holder)
    if found is None or not (is_json(found[0]) or is_xml(found[0]) or is_form(found[0])):
        return None
    return found[1]


def _entries(op: dict[str, Any], extension: str, parts: dict[str, type]) -> list[dict[str, Any]]:
    """The well-formed entries of an operation's extension list: each names a key and an
    operationId, and each of `parts` it has is of its type."""
    found = op.get(extension)
    if not isinstance(found, list):
        return []
    return [
        e
        for e in found
        if isinstance(e, dict)
        and isinstance(e.get("key"), str)
        and isinstance(e.get("operationId"), str)
        and all(isinstance(e.get(name, kind()), kind) for name, kind in parts.items())
    ]


def subresources(op: dict[str, Any]) -> list[dict[str, Any]]:
    """The well-formed entries of an operation's x-subresources (key, operationId, ...)."""
    return _entries(op, "x-subresources", {"parameters": list, "responses": dict})


def key_names(key: str) -> set[str]:
    """The query names of a sub-resource key: "partNumber&uploadId" -> both, "list-type=2"."""
    return {part.split("=", 1)[0] for part in key.split("&") if part}


def actions(op: dict[str, Any]) -> list[dict[str, Any]]:
    """The well-formed entries of an operation's x-actions (key, operationId, requestBody)."""
    return _entries(op, "x-actions", {"requestBody": dict, "responses": dict})


def _verbatim_strings(node: Any) -> None:
    """Models keep formatted strings as str: a UUID or timestamp dumps back exactly as sent."""
    if isinstance(node, dict):
        if node.get("type") == "string" and node.get("format") in TEXT_FORMATS:
            del node["format"]
        for key, value in node.items():
            if key not in ("examples", "example", "default", "enum"):
                _verbatim_strings(value)
    elif isinstance(node, list):
        for value in node:
            _verbatim_strings(value)


def _operations_only(spec: dict[str, Any]) -> None:
    """Path items hold operations only: path-level parameters move into each operation
    (an operation's own parameter of the same name and location wins), other keys go."""
    for item in spec.get("paths", {}).values():
        shared = item.pop("parameters", [])
        for key in [k for k in item if k not in HTTP_METHODS]:
            del item[key]
        for op in item.values():
            own = {(p.get("name"), p.get("in")) for p in op.get("parameters", [])}
            inherited = [p for p in shared if (p.get("name"), p.get("in")) not in own]
            if inherited:
                op["parameters"] = inherited + op.get("parameters", [])
            for entry in subresources(op):
                mine = {(p.get("name"), p.get("in")) for p in entry.get("parameters", [])}
                extra = [p for p in shared if (p.get("name"), p.get("in")) not in mine]
                entry["parameters"] = extra + entry.get("parameters", [])


def _holders(op: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(name, suffix, holder of a JSON schema) for each body of an operation and its actions."""
    base = str(op.get("operationId", "Operation"))
    yield base, "Request", op.get("requestBody", {})
    for status, response in op.get("responses", {}).items():
        yield base, (f"Response{status}" if status[:1] != "2" else "Response"), response
    for action in actions(op):
        name = str(action["operationId"])
        body = action.get("requestBody")
        if body:
            yield name, "Request", {"content": {"application/json": {"schema": body}}}
        for status, response in action.get("responses", {}).items():
            yield name, (f"Response{status}" if status[:1] != "2" else "Response"), response
    for entry in subresources(op):
        name = str(entry["operationId"])
        yield name, "Request", entry.get("requestBody", {})
        for status, response in entry.get("responses", {}).items():
            yield name, (f"Response{status}" if status[:1] != "2" else "Response"), response


def _lift(spec: dict[str, Any]) -> None:
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    for methods in spec.get("paths", {}).values():
        for op in methods.values():
            for action in actions(op):  # the holder of an action body is made up: write back
                body = action.get("requestBody")
                if body and "$ref" not in body:
                    name = unique(
                        str(action["operationId"]) + "Request", set(schemas), separator=""
                    )
                    schemas[name] = body
                    action["requestBody"] = {"$ref": REF_PREFIX + name}
            for base, suffix, holder in _holders(op):
                media = modelled_media(holder)
                if media is None or "$ref" in media.get("schema", {"$ref": ""}):
                    continue
                name = unique(base + suffix, set(schemas), separator="")
                schemas[name] = media["schema"]
                media["schema"] = {"$ref": REF_PREFIX + name}


def _mark_objects(schema: dict[str, Any], allow: bool) -> None:
    """additionalProperties on each object schema with properties that does not say."""
    for node in walk_schemas(schema):
        if isinstance(node.get("properties"), dict) and "additionalProperties" not in node:
            node["additionalProperties"] = allow


def _uses(spec: dict[str, Any]) -> tuple[set[str], set[str]]:
    """The component schemas reachable from request bodies, and from responses."""
    schemas = spec.get("components", {}).get("schemas", {})
    requests: set[str] = set()
    responses: set[str] = set()
    for methods in spec.get("paths", {}).values():
        for op in methods.values():
            for part in (op, *actions(op), *subresources(op)):
                requests |= referenced_names(part.get("requestBody", {}), schemas)
                responses |= referenced_names(part.get("responses", {}), schemas)
    return requests, responses


def _mark_by_use(spec: dict[str, Any]) -> None:
    """Request-only schemas refuse unknown keys (typos fail at once); response schemas keep
    them (APIs grow). A schema used both ways keeps them.
    A schema an answer uses loses its defaults: a documented default is what the server
    assumes for a request, and a model must not show a value the server never sent."""
    schemas = spec.get("components", {}).get("schemas", {})
    requests, responses = _uses(spec)
    for name, schema in schemas.items():
        _mark_objects(schema, allow=not (name in requests and name not in responses))
        if name in responses:
            for node in walk_schemas(schema):
                node.pop("default", None)


def lift_inline_bodies(spec: dict[str, Any]) -> dict[str, Any]:
    """Give every request and response body a named component, so each has a model class."""
    spec = copy.deepcopy(spec)
    _verbatim_strings(spec)
    _operations_only(spec)
    _lift(spec)
    lift_nested_objects(spec["components"]["schemas"])
    _mark_by_use(spec)
    return spec
