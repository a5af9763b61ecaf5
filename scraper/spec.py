"""Build one OpenAPI document from the interpreter's operations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from doc2openapi.scraper.components import merge_components, rewrite_refs
from doc2openapi.scraper.merging import dedupe_operations
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
    schema = dict(param.schema)
    if schema.pop("deprecated", False):  # the row's name cell said so: the parameter is
        out["deprecated"] = True
    out["schema"] = rewrite_refs(schema, mapping)
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
