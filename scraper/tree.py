"""Walking an OpenAPI document: its media types and the schemas a `$ref` stands for."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from doc2openapi.scraper.model import REF_PREFIX, Schema

MAX_REF_HOPS = 64  # a cycle of $refs ends here instead of looping
# The HTTP methods a path item holds, in the order specs and clients list them.
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(path, method, operation) for every operation, in document order; path-item keys that
    are not methods (`parameters`, `summary`, `x-...`) are skipped."""
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            if method in HTTP_METHODS:
                yield path, method, op


def media_types(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(operationId, "request body" or "<status> response", media type object), in order."""
    for op_id, where, _, media in media_entries(spec):
        yield op_id, where, media


def media_entries(spec: dict[str, Any]) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(operationId, where, media type name, media type object), in order: sub-resource
    operations (`x-subresources`) included, and before an endpoint's own media the responses
    of its actions (`x-actions`; an action's request body is a bare schema, its examples the
    endpoint's), whose examples the endpoint's union of answers repeats."""
    for path, methods in spec.get("paths", {}).items():
        for method, top in methods.items():
            label = f"{method.upper()} {path}"
            for action in top.get("x-actions", []):
                yield from _response_media(action, label)
            for op in [top, *top.get("x-subresources", [])]:
                body = op.get("requestBody", {}).get("content", {})
                for name, media in body.items():
                    yield op.get("operationId", label), "request body", name, media
                yield from _response_media(op, label)


def action_holders(spec: dict[str, Any]) -> set[str]:
    """The operationIds of endpoints with `x-actions`: their responses are the union of
    their actions' answers, whose examples media_entries yields with each action."""
    return {str(op.get("operationId")) for _, _, op in operations(spec) if op.get("x-actions")}


def _response_media(op: dict[str, Any], label: str) -> Iterator[tuple[str, str, str, Any]]:
    for status, response in op.get("responses", {}).items():
        for name, media in response.get("content", {}).items():
            yield op.get("operationId", label), f"{status} response", name, media


def referenced_names(node: Any, components: dict[str, Any]) -> set[str]:
    """The component names `node` reaches through `$ref`s, its own and theirs (those
    `components` has)."""
    found: set[str] = set()
    todo = [node]
    while todo:
        current = todo.pop()
        if isinstance(current, dict):
            ref = current.get("$ref")
            if isinstance(ref, str) and ref.startswith(REF_PREFIX):
                name = ref[len(REF_PREFIX) :]
                if name not in found and name in components:
                    found.add(name)
                    todo.append(components[name])
            todo += list(current.values())
        elif isinstance(current, list):
            todo += current
    return found


def follow_refs(schema: Any, components: dict[str, Schema]) -> Schema:
    """The schema a chain of `$ref`s ends at; {} for a dangling or foreign one."""
    for _ in range(MAX_REF_HOPS):
        if not isinstance(schema, dict) or "$ref" not in schema:
            break
        ref = str(schema["$ref"])
        schema = components.get(ref[len(REF_PREFIX) :]) if ref.startswith(REF_PREFIX) else {}
    return schema if isinstance(schema, dict) else {}


def resolve(schema: Any, components: dict[str, Schema]) -> Schema:
    """The schema a `$ref` (or a one-entry `allOf` wrapper) stands for."""
    for _ in range(MAX_REF_HOPS):
        schema = follow_refs(schema, components)
        members = schema.get("allOf")
        if not (isinstance(members, list) and len(members) == 1):
            break
        schema = members[0]
    return follow_refs(schema, components)


def resolve_shown(schema: Any, components: dict[str, Schema], value: Any) -> Schema:
    """The schema an example value stands under: `resolve`, then, for a union (`anyOf`,
    `oneOf`), its one branch of the value's kind (the object of "object or null" for a
    dict). A union with no such branch, or several, stays as it is."""
    target = resolve(schema, components)
    kind = "object" if isinstance(value, dict) else "array" if isinstance(value, list) else None
    branches = target.get("anyOf") or target.get("oneOf")
    if kind is None or not isinstance(branches, list):
        return target
    fitting: list[Schema] = [
        branch
        for branch in (resolve(b, components) for b in branches)
        if branch.get("type") == kind and "enum" not in branch  # not a null-only branch
    ]
    return fitting[0] if len(fitting) == 1 else target


SCHEMA_LISTS = ("allOf", "anyOf", "oneOf")


def subschemas(schema: Schema) -> Iterator[Schema]:
    """The schemas directly inside a schema: property values (never the properties map
    itself, whose keys are field names such as "properties" or "type"), items, map values,
    and the members of allOf/anyOf/oneOf/not."""
    properties = schema.get("properties")
    if isinstance(properties, dict):
        yield from (p for p in properties.values() if isinstance(p, dict))
    for key in ("items", "additionalProperties", "not"):
        child = schema.get(key)
        if isinstance(child, dict):
            yield child
    for key in SCHEMA_LISTS:
        members = schema.get(key)
        if isinstance(members, list):
            yield from (m for m in members if isinstance(m, dict))


def walk_schemas(schema: Schema, depth: int = 0) -> Iterator[Schema]:
    """A schema and every schema inside it, depth first (data keys never entered)."""
    if depth > MAX_REF_HOPS:
        return
    yield schema
    for child in subschemas(schema):
        yield from walk_schemas(child, depth + 1)


def reachable_schemas(schema: Schema, components: dict[str, Schema]) -> Iterator[Schema]:
    """Every schema reachable from `schema` through $refs, items, map values and unions,
    each once (a cycle of $refs ends where it began)."""
    seen: set[int] = set()
    todo = [schema]
    while todo:
        node = resolve(todo.pop(), components)
        if id(node) not in seen:
            seen.add(id(node))
            yield node
            todo += subschemas(node)
