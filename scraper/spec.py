"""Build one OpenAPI document from the interpreter's operations."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from doc2openapi.scraper.actions import snapshot, split_actions
from doc2openapi.scraper.components import fingerprint, merge_components, rewrite_refs
from doc2openapi.scraper.model import (
    GREEDY_KEY,
    REF_PREFIX,
    SOURCE_KEY,
    UNNAMED_KEY,
    Body,
    Diagnostic,
    Example,
    Operation,
    Parameter,
    Response,
    Schema,
)
from doc2openapi.scraper.name_clashes import resolve_clashes
from doc2openapi.scraper.security import DEFAULT_SCHEMES
from doc2openapi.scraper.subresources import fold_subresources
from doc2openapi.scraper.summaries import distinct_summaries
from doc2openapi.scraper.tree import HTTP_METHODS


@dataclass
class ServiceInfo:
    """What the docs say about the service as a whole."""

    title: str = "API"
    version: str = "0.0.0"
    description: str = ""
    servers: list[dict[str, Any]] = field(default_factory=list)  # none: OpenAPI's "/"
    tags: list[dict[str, str]] = field(default_factory=list)
    error_schema: Schema | None = None  # the error body the docs show ({error_code, error_msg})
    security_schemes: dict[str, dict[str, Any]] = field(
        default_factory=lambda: dict(DEFAULT_SCHEMES)
    )


def _absorb_schemas(first: Operation, other: Operation) -> dict[str, str]:
    """Bring `other`'s local schemas into `first`'s, renaming names that mean something else."""
    mapping: dict[str, str] = {}
    for name in other.schemas:
        target, n = name, 2
        while target in first.schemas and fingerprint(target, first.schemas) != fingerprint(
            name, other.schemas
        ):
            target, n = f"{name}{n}", n + 1
        mapping[name] = target
    for name, schema in other.schemas.items():
        first.schemas.setdefault(mapping[name], rewrite_refs(schema, mapping))
    return mapping


def _merge_body(first: Body | None, other: Body | None, mapping: dict[str, str]) -> Body | None:
    """Two pages documenting one endpoint with different bodies (OpenStack "action" APIs):
    the body is any of the documented shapes."""
    if other is None:
        return first
    schema = rewrite_refs(other.schema, mapping)
    if first is None:
        return Body(schema, other.description, list(other.examples), other.media_type)
    if schema != first.schema:
        shapes = list(first.schema.get("anyOf", [first.schema]))
        if schema not in shapes:
            shapes.append(schema)
        first.schema = {"anyOf": shapes}
    first.examples += other.examples
    return first


TEMPLATE_VAR = re.compile(r"\{([^{}/]+)\}")


def _rename_path_parameters(op: Operation, path: str) -> Diagnostic:
    """/servers/{id} and /servers/{server_id} are one path: take the first page's names."""
    renames = dict(zip(TEMPLATE_VAR.findall(op.path), TEMPLATE_VAR.findall(path), strict=True))
    reason = f"{op.path} is {path} with other parameter names; renamed"
    op.path = path
    op.parameters = [
        replace(p, name=renames[p.name]) if p.location == "path" and p.name in renames else p
        for p in op.parameters
    ]  # new objects: a page's endpoints share its parameters
    return Diagnostic(op.source, "renamed-path-parameter", reason)


def _merge_parameters(first: Operation, other: Operation) -> None:
    """The union of two pages' parameters. One that only some of the pages require is
    optional: a request as the other page documents it leaves it out (DNS: `type` is
    required to list private zones, optional to list public ones, on one GET /v2/zones)."""
    theirs = {(p.location, p.name): p for p in other.parameters}
    merged = []
    for param in first.parameters:  # new objects: a page's endpoints share its parameters
        match = theirs.pop((param.location, param.name), None)
        optional = param.location != "path" and (match is None or not match.required)
        merged.append(replace(param, required=False) if optional else param)
    for param in theirs.values():
        merged.append(replace(param, required=False) if param.location != "path" else param)
    first.parameters = merged


def dedupe_operations(operations: list[Operation]) -> tuple[list[Operation], list[Diagnostic]]:
    """One operation per method and path; the pages that repeat it are merged into the first."""
    kept: dict[tuple[str, str], Operation] = {}
    members: dict[tuple[str, str], list[Operation]] = {}
    diagnostics: list[Diagnostic] = []
    canonical: dict[str, str] = {}
    for op in operations:
        shape = TEMPLATE_VAR.sub("{}", op.path)
        first_path = canonical.setdefault(shape, op.path)
        if first_path != op.path:
            diagnostics.append(_rename_path_parameters(op, first_path))
        key = (op.method, op.path)
        first = kept.get(key)
        if first is None:
            kept[key] = op
            continue
        diagnostics.append(
            Diagnostic(
                op.source,
                "duplicate-operation",
                f"{op.method.upper()} {op.path} is also documented in {first.source}; merged",
            )
        )
        mapping = _absorb_schemas(first, op)
        members.setdefault(key, [snapshot(first)]).append(_renamed(snapshot(op), mapping))
        _merge_parameters(first, op)
        first.request_body = _merge_body(first.request_body, op.request_body, mapping)
        for status, response in op.responses.items():
            mine = first.responses.setdefault(status, Response(status, response.description))
            mine.body = _merge_body(mine.body, response.body, mapping)
        first.responses = dict(sorted(first.responses.items()))
        if op.summary and op.summary != first.summary:
            also = f"Also documented as: {op.summary} ({op.source})."
            first.description = f"{first.description}\n\n{also}".strip()
    for key, documented in members.items():
        if split_actions(kept[key], documented):
            diagnostics.append(
                Diagnostic(
                    kept[key].source,
                    "actions",
                    f"{key[0].upper()} {key[1]}: {len(documented)} documented actions "
                    f"({', '.join(m.operation_id for m in documented)}) in x-actions",
                )
            )
    return list(kept.values()), diagnostics


def _renamed(op: Operation, mapping: dict[str, str]) -> Operation:
    """A merged page's operation with its schema names as absorbed into the first's."""
    for _, body in op.bodies():
        body.schema = rewrite_refs(body.schema, mapping)
    return op


def unique_operation_ids(operations: list[Operation]) -> list[Diagnostic]:
    """Every operationId unique, actions' included: a repeat that naming could not tell
    apart (see scraper/naming.py) gets a number."""
    seen: dict[str, int] = {}  # by lower case: documentation tools fold case
    diagnostics = []
    for op in [o for kept in operations for o in [kept, *kept.actions, *kept.variants]]:
        base = op.operation_id
        if base.lower() in seen:
            seen[base.lower()] += 1
            op.operation_id = f"{base}{seen[base.lower()]}"
            while op.operation_id.lower() in seen:
                seen[base.lower()] += 1
                op.operation_id = f"{base}{seen[base.lower()]}"
            diagnostics.append(
                Diagnostic(
                    op.source,
                    "duplicate-operation-id",
                    f"operationId {base} is taken; renamed {op.operation_id}",
                )
            )
        seen.setdefault(op.operation_id.lower(), 1)
    return diagnostics


def _parameter(param: Parameter, mapping: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {"name": param.name, "in": param.location}
    if param.description:
        out["description"] = param.description
    if param.required:
        out["required"] = True
    if param.allow_empty:
        out["allowEmptyValue"] = True
    if param.greedy:
        out[GREEDY_KEY] = True
    out["schema"] = rewrite_refs(param.schema, mapping)
    if param.example is not None:
        out["example"] = param.example
    if param.source:
        out[SOURCE_KEY] = param.source
    return out


def _example(example: Example) -> dict[str, Any]:
    out: dict[str, Any] = {"summary": example.summary} if example.summary else {}
    out["value"] = example.value
    out[SOURCE_KEY] = example.source
    return out


def _content(body: Body, mapping: dict[str, str]) -> dict[str, Any]:
    media: dict[str, Any] = {"schema": rewrite_refs(body.schema, mapping)}
    if body.examples:
        media["examples"] = {
            f"example{i}": _example(ex) for i, ex in enumerate(body.examples, start=1)
        }
    return {body.media_type: media}


def _operation(op: Operation, mapping: dict[str, str], error_ref: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {"operationId": op.operation_id}
    if op.tags:
        out["tags"] = list(op.tags)
    out |= _prose(op)
    if op.servers:
        out["servers"] = op.servers
    if op.parameters:
        order = {"path": 0, "query": 1, "header": 2, "cookie": 3}
        params = sorted(op.parameters, key=lambda p: order[p.location])
        out["parameters"] = [_parameter(p, mapping) for p in params]
    if op.request_body is not None:
        out["requestBody"] = {"required": True, "content": _content(op.request_body, mapping)}
    out["responses"] = _responses(op, mapping, error_ref)
    if op.actions:
        out["x-actions"] = [_action(a, mapping, error_ref) for a in op.actions]
    if op.variants:
        out["x-subresources"] = [
            {"key": v.subresource or "", **_operation(v, mapping, error_ref)} for v in op.variants
        ]
    return out


def _responses(op: Operation, mapping: dict[str, str], error_ref: str | None) -> dict[str, Any]:
    responses: dict[str, Any] = {}
    for status, response in op.responses.items():
        entry: dict[str, Any] = {"description": response.description}
        if response.headers:
            entry["headers"] = {h.name: _header(h, mapping) for h in response.headers}
        if response.body is not None:
            entry["content"] = _content(response.body, mapping)
        elif error_ref is not None and status[:1] in ("4", "5"):
            entry["content"] = {"application/json": {"schema": {"$ref": error_ref}}}
        responses[status] = entry
    return responses


def _header(param: Parameter, mapping: dict[str, str]) -> dict[str, Any]:
    """A response header object: a parameter without its name and location."""
    out = _parameter(param, mapping)
    return {k: v for k, v in out.items() if k not in ("name", "in")}


def _prose(op: Operation) -> dict[str, Any]:
    """What an operation or an action says of itself: summary, description, deprecation, page."""
    out: dict[str, Any] = {}
    if op.summary:
        out["summary"] = op.summary
    if op.description:
        out["description"] = op.description
    if op.deprecated:
        out["deprecated"] = True
    out[SOURCE_KEY] = {"file": op.source}
    return out


def _action(action: Operation, mapping: dict[str, str], error_ref: str | None) -> dict[str, Any]:
    """One entry of `x-actions`: the action's key, name, prose, body schema and responses."""
    assert action.request_body is not None
    out: dict[str, Any] = {"key": action.action_key, "operationId": action.operation_id}
    out |= _prose(action)
    out["requestBody"] = rewrite_refs(action.request_body.schema, mapping)
    out["responses"] = _responses(action, mapping, error_ref)
    return out


def _shared_variables(server: dict[str, Any], service: list[dict[str, Any]]) -> dict[str, Any]:
    """An operation's own server (an OBS bucket host) with the values the service's endpoint
    names for the variables both share (region, the cloud's domain)."""
    known = {
        name: variable
        for entry in service
        for name, variable in entry.get("variables", {}).items()
        if not variable.get(UNNAMED_KEY)
    }
    variables = {
        name: known.get(name, variable) for name, variable in server.get("variables", {}).items()
    }
    return {**server, "variables": variables} if variables else server


def build_spec(
    operations: list[Operation], info: ServiceInfo
) -> tuple[dict[str, Any], list[Diagnostic]]:
    """The OpenAPI document (plain dicts, in a stable order) and what building it reported."""
    ordered = sorted(operations, key=lambda o: (o.source, o.path, HTTP_METHODS.index(o.method)))
    ordered, diagnostics = fold_subresources(ordered)
    ordered, deduped = dedupe_operations(ordered)
    diagnostics += deduped
    diagnostics += resolve_clashes(ordered)
    diagnostics += unique_operation_ids(ordered)
    distinct_summaries(ordered)
    components, mappings = merge_components(ordered)
    error_ref = None
    if info.error_schema is not None:
        name = next(n for n in ("Error", "ErrorResponse", "DocErrorBody") if n not in components)
        components[name] = info.error_schema
        components = dict(sorted(components.items()))
        error_ref = REF_PREFIX + name
    paths: dict[str, dict[str, Any]] = {}
    for op, mapping in zip(ordered, mappings, strict=True):
        op.servers = [_shared_variables(server, info.servers) for server in op.servers]
        paths.setdefault(op.path, {})[op.method] = _operation(op, mapping, error_ref)
    sorted_paths = {
        path: dict(sorted(methods.items(), key=lambda kv: HTTP_METHODS.index(kv[0])))
        for path, methods in sorted(paths.items())
    }
    info_block: dict[str, Any] = {"title": info.title, "version": info.version}
    if info.description:
        info_block["description"] = info.description
    spec: dict[str, Any] = {"openapi": "3.0.3", "info": info_block}
    if info.servers:
        spec["servers"] = info.servers
    used_tags = {t for op in ordered for t in op.tags}
    tags = [t for t in info.tags if t["name"] in used_tags]
    if tags:
        spec["tags"] = tags
    spec["security"] = [{name: []} for name in info.security_schemes]  # alternatives
    spec["paths"] = sorted_paths
    schemas: dict[str, Schema] = components
    spec["components"] = {"schemas": schemas, "securitySchemes": info.security_schemes}
    return spec, diagnostics
