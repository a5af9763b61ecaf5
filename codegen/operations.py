"""One view per client method: an OpenAPI operation, or each of its documented x-actions."""

from __future__ import annotations

from typing import Any

from doc2openapi.codegen.docstrings import docstring
from doc2openapi.codegen.naming import identifier, snake_case, unique
from doc2openapi.codegen.pagination import detect
from doc2openapi.codegen.prepare import (
    actions,
    body_media,
    is_form,
    is_json,
    key_names,
    subresources,
)
from doc2openapi.codegen.types import ModelInfo, Types
from doc2openapi.codegen.views import BodyView, OperationView, ParamView
from doc2openapi.codegen.xml_shapes import is_xml
from doc2openapi.scraper.model import GREEDY_KEY, REF_PREFIX
from doc2openapi.scraper.tree import HTTP_METHODS

CLIENT_METHODS = {"close", "aclose", "raw", "with_options", "options"}


def body_kind(media_type: str, schema: dict[str, Any]) -> str:
    """How a body travels: JSON (a vendor JSON type too, sent with its Content-Type), XML
    along its schema, a multipart form of fields and files, or bytes as they are."""
    if is_json(media_type):
        return "json"
    if is_form(media_type) and schema.get("type", "object") == "object":
        return "form"
    if is_xml(media_type) and schema.get("format") != "binary":
        return "xml"
    return "binary"


def _params(op: dict[str, Any], types: Types) -> list[ParamView]:
    taken: set[str] = set()
    params = []
    for p in op.get("parameters", []):
        if p.get("in") not in ("path", "query", "header"):
            continue
        wire = str(p["name"])
        client = p.get("in") == "path" and wire == "project_id"
        params.append(
            ParamView(
                wire=wire,
                py_name=unique(identifier(snake_case(wire)), taken),
                py_type=types.parameter(p.get("schema", {})),
                location=str(p["in"]),
                required=bool(p.get("required")) and not client,
                description=str(p.get("description", "")),
                from_client=client,
                greedy=p.get("in") == "path" and p.get(GREEDY_KEY) is True,
            )
        )
    return params


def _returns(responses: dict[str, Any], types: Types) -> tuple[str | None, bool, str]:
    """The model of the first 2xx JSON or XML response (or "bytes"), whether some 2xx has no
    body, and how the body travels."""
    returns = None
    kind = "json"
    empty = False
    for status in sorted(responses):
        if status[:1] != "2":
            continue
        found = body_media(responses[status])
        if found is None:
            empty = True
        elif returns is None:
            schema = found[1].get("schema", {})
            kind = body_kind(found[0], types.resolve(schema))
            returns = "bytes" if kind == "binary" else types.ref_class(schema)
    return returns, empty, kind


def _request(holder: Any, types: Types) -> tuple[BodyView, str] | None:
    """The body argument of a request body, and its schema's description."""
    found = body_media(holder)
    if found is None:
        return None
    media_type, media = found
    schema = media.get("schema", {})
    kind = body_kind(media_type, types.resolve(schema))
    required = bool(holder.get("required"))
    description = str(types.resolve(schema).get("description", ""))
    if kind == "binary":
        return BodyView("bytes", required, kind, media_type), description
    body_type = types.member_union(schema) or types.python(schema)
    py_type = "dict[str, Any]" if body_type == "Any" else f"{body_type} | dict[str, Any]"
    model = types.ref_class(schema) if kind == "xml" else None
    if kind == "xml" and model is None:
        kind = "binary"  # an XML body with no model: the caller gives the document's bytes
        return BodyView("bytes", required, kind, media_type), description
    return BodyView(py_type, required, kind, media_type, model), description


def _return_type(returns: str | None, kind: str, types: Types) -> tuple[str, bool]:
    """The annotation of what a method returns, and whether it unwraps a RootModel of
    alternatives (the caller gets the member, not the wrapper)."""
    union = (
        types.member_union({"$ref": REF_PREFIX + returns}) if returns and kind == "json" else None
    )
    if union:
        return union, True
    return (f"models.{returns}" if returns and returns != "bytes" else returns or "None"), False


def _view(
    name: str,
    method: str,
    path: str,
    doc: dict[str, Any],
    request: tuple[BodyView, str] | None,
    responses: dict[str, Any],
    params: list[ParamView],
    types: Types,
) -> OperationView:
    body, body_description = request if request is not None else (None, "")
    returns, empty, kind = _returns(responses, types)
    return_type, unwrap = _return_type(returns, kind, types)
    view = OperationView(
        name=name,
        http_method=method.upper(),
        path=path,
        docstring="",
        return_type=return_type + (" | None" if returns and empty else ""),
        returns=returns,
        positional=[p for p in params if p.location == "path" and not p.from_client],
        keyword=sorted(
            (p for p in params if p.location != "path" or p.from_client),
            key=lambda p: not p.required,
        ),
        body=body,
        deprecated=bool(doc.get("deprecated")),
        response_kind=kind,
        unwrap=unwrap,
    )
    view.docstring = docstring(doc, view, responses, body_description)
    view.summary = str(doc.get("summary") or "")  # the README's filter makes it one line
    return view


def _markers(entry: dict[str, Any]) -> list[tuple[str, str]]:
    """The query parameters that select a sub-resource: named by its key, one value allowed."""
    names = key_names(str(entry["key"]))
    found = []
    for p in entry.get("parameters", []):
        enum = (p.get("schema") or {}).get("enum")
        if not isinstance(enum, list) or len(enum) != 1 or not isinstance(enum[0], str | int):
            continue
        if p.get("in") == "query" and p.get("name") in names:
            found.append((str(p["name"]), str(enum[0])))
    return found


def _subresource_views(
    op: dict[str, Any], method: str, path: str, types: Types, method_names: set[str]
) -> list[OperationView]:
    """One method per x-subresources entry: its own parameters, bodies and responses; the
    marker (`?acl`) is sent, not asked for."""
    views = []
    for entry in subresources(op):
        name = unique(snake_case(str(entry["operationId"])), method_names)
        method_names.add("iter_" + name)
        markers = _markers(entry)
        fixed = {wire for wire, _ in markers}
        params = [p for p in _params(entry, types) if p.location != "query" or p.wire not in fixed]
        request = _request(entry.get("requestBody"), types)
        responses = entry.get("responses") or {}
        view = _view(name, method, path, entry, request, responses, params, types)
        view.operation_id = str(entry["operationId"])
        view.constants = markers
        views.append(view)
    return views


def operation_views(spec: dict[str, Any], models: ModelInfo) -> list[OperationView]:
    types = Types(spec, models)
    views: list[OperationView] = []
    method_names: set[str] = set(CLIENT_METHODS)
    for path, methods in spec.get("paths", {}).items():
        for method in sorted(methods, key=HTTP_METHODS.index):
            op = methods[method]
            params = _params(op, types)
            documented = actions(op)
            if not documented:
                op_id = str(op.get("operationId", f"{method}_{path}"))
                name = unique(snake_case(op_id), method_names)
                method_names.add("iter_" + name)
                request = _request(op.get("requestBody"), types)
                responses = op.get("responses", {})
                selectors = {n for e in subresources(op) for n in key_names(str(e["key"]))}
                params = [p for p in params if not (p.location == "query" and p.wire in selectors)]
                view = _view(name, method, path, op, request, responses, params, types)
                view.operation_id = op_id
                modelled = view.returns if view.returns != "bytes" else None
                view.pagination = detect(modelled, params, op, types)
                views.append(view)
                views += _subresource_views(op, method, path, types, method_names)
                continue
            for action in documented:
                name = unique(snake_case(str(action["operationId"])), method_names)
                method_names.add("iter_" + name)
                schema = action.get("requestBody")
                holder = {"required": True, "content": {"application/json": {"schema": schema}}}
                request = _request(holder, types) if schema else None
                responses = action.get("responses") or op.get("responses", {})
                view = _view(name, method, path, action, request, responses, params, types)
                view.action = str(action["key"])
                view.operation_id = str(action["operationId"])
                views.append(view)
    return views


# OperationView with the function that builds them: callers (bench/paging.py) import both here
__all__ = ["CLIENT_METHODS", "OperationView", "body_kind", "operation_views"]
