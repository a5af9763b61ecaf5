"""One view per client method: an OpenAPI operation, or each of its documented x-actions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from doc2openapi.codegen.naming import identifier, snake_case, unique
from doc2openapi.codegen.pagination import PaginationView, detect
from doc2openapi.codegen.prepare import (
    METHOD_ORDER,
    actions,
    body_media,
    is_json,
    key_names,
    subresources,
)
from doc2openapi.codegen.types import ModelInfo, Types
from doc2openapi.codegen.xml_shapes import is_xml

ERROR_CLASSES = {
    "400": "BadRequestError",
    "401": "AuthenticationError",
    "403": "PermissionDeniedError",
    "404": "NotFoundError",
    "409": "ConflictError",
    "429": "RateLimitError",
}
CLIENT_METHODS = {"close", "aclose", "raw", "with_options", "options"}


@dataclass
class ParamView:
    wire: str
    py_name: str
    py_type: str
    location: str
    required: bool
    description: str = ""
    from_client: bool = False  # project_id: the client's, unless the call gives one


@dataclass
class BodyView:
    py_type: str
    required: bool
    kind: str = "json"  # "json", "xml" (a model written as XML) or "binary" (bytes as given)
    media_type: str = "application/json"  # another JSON media type is sent as Content-Type
    model: str | None = None  # the model class of an XML body: its shape's key


def body_kind(media_type: str, schema: dict[str, Any]) -> str:
    """How a body travels: JSON (a vendor JSON type too, sent with its Content-Type), XML
    along its schema, or bytes as they are."""
    if is_json(media_type):
        return "json"
    if is_xml(media_type) and schema.get("format") != "binary":
        return "xml"
    return "binary"


@dataclass
class OperationView:
    name: str
    http_method: str
    path: str
    docstring: str
    return_type: str
    returns: str | None
    positional: list[ParamView] = field(default_factory=list)
    keyword: list[ParamView] = field(default_factory=list)
    body: BodyView | None = None
    pagination: PaginationView | None = None
    deprecated: bool = False
    action: str | None = None  # the x-actions key this method sends
    operation_id: str = ""  # the spec's operationId (an action's own)
    response_kind: str = "json"  # "json", "xml" or "binary" (bytes returned as they came)
    constants: list[tuple[str, str]] = field(default_factory=list)  # a sub-resource's ?acl=

    @property
    def path_params(self) -> list[ParamView]:
        return [p for p in self.positional + self.keyword if p.location == "path"]

    @property
    def query_params(self) -> list[ParamView]:
        return [p for p in self.positional + self.keyword if p.location == "query"]

    @property
    def header_params(self) -> list[ParamView]:
        return [p for p in self.positional + self.keyword if p.location == "header"]


def _one_line(text: Any) -> str:
    return " ".join(str(text or "").split())


def _paragraphs(text: Any) -> str:
    lines = [line.rstrip() for line in str(text or "").strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def _error_class(status: str) -> str:
    if status in ERROR_CLASSES:
        return ERROR_CLASSES[status]
    return "ServerError" if status[:1] == "5" else "APIStatusError"


def docstring(
    doc: dict[str, Any],
    view: OperationView,
    responses: dict[str, Any],
    body_description: str,
) -> str:
    """Summary, description, deprecation, Args, Returns, Raises and the doc page, as plain text
    (the template escapes it into a docstring)."""
    parts = [_one_line(doc.get("summary")), _paragraphs(doc.get("description"))]
    if doc.get("deprecated"):
        parts.append("Deprecated:\n    The API reference marks this operation as deprecated.")
    args = [f"    {p.py_name}: {_one_line(p.description) or p.wire}" for p in view.positional]
    if view.body is not None:
        args.append(f"    body: {_one_line(body_description) or 'The request body.'}")
    args += [
        f"    {p.py_name}: {_one_line(p.description) or p.wire}"
        + (" Defaults to the client's project_id." if p.from_client else "")
        for p in view.keyword
    ]
    args.append("    extra_headers, extra_query, extra_body, timeout: Per-call additions.")
    parts.append("Args:\n" + "\n".join(args))
    success = next((s for s in sorted(responses) if s[:1] == "2"), None)
    what = _one_line(responses.get(success, {}).get("description")) if success else ""
    parts.append(f"Returns:\n    {view.return_type}: {what or 'The response.'}")
    raises = [
        f"    {_error_class(status)}: {_one_line(r.get('description')) or 'HTTP ' + status}"
        for status, r in sorted(responses.items())
        if status[:1] in ("4", "5") and isinstance(r, dict)
    ]
    if view.path_params:
        raises.append("    ValueError: A path value is empty, '.' or '..'.")
    raises.append("    APIError: Any other failure (connection, timeout, undecodable body).")
    parts.append("Raises:\n" + "\n".join(raises))
    docs = doc.get("externalDocs")
    if isinstance(docs, dict) and docs.get("url"):
        parts.append(f"See: {_one_line(docs['url'])}")
    parts.append(f"HTTP: {view.http_method} {view.path}")
    return "\n\n".join(p for p in parts if p)


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
    body_type = types.python(schema)
    py_type = "dict[str, Any]" if body_type == "Any" else f"{body_type} | dict[str, Any]"
    model = types.ref_class(schema) if kind == "xml" else None
    if kind == "xml" and model is None:
        kind = "binary"  # an XML body with no model: the caller gives the document's bytes
        return BodyView("bytes", required, kind, media_type), description
    return BodyView(py_type, required, kind, media_type, model), description


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
    return_type = f"models.{returns}" if returns and returns != "bytes" else returns or "None"
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
    )
    view.docstring = docstring(doc, view, responses, body_description)
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
        for method in sorted(methods, key=METHOD_ORDER.index):
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
