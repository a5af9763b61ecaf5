"""A mock server built from an OpenAPI document: routes every operation, checks every request.

Every request is validated by openapi-core (path, query, headers, body) whatever its auth,
then authenticated the way the cloud gateway does it: an X-Auth-Token header, or an AK/SK
`Authorization: SDK-HMAC-SHA256 ...` signature, verified when the mock is given the keys.
What a good request gets is decided in `contract.answers` (documented example, generated
data, per-action answers, `Prefer` choices).
"""

from __future__ import annotations

import copy
import json
import logging
import re
import threading
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from typing import Any
from urllib.parse import urlsplit

from openapi_core import Config, OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest
from openapi_core.deserializing.styles.exceptions import EmptyQueryParameterValue
from openapi_core.templating.paths.exceptions import OperationNotFound, PathError
from openapi_core.templating.paths.finders import APICallPathFinder
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response

from doc2openapi.codegen.xmlcodec import NotXml
from doc2openapi.contract import subresources
from doc2openapi.contract.answers import (
    JSON_TYPES,
    Answer,
    Answerer,
    ChoiceError,
    NoAnswer,
    parse_prefer,
    select_action,
)
from doc2openapi.contract.signing import (
    DEFAULT_SIGNATURE,
    URL_SIGNATURE_PARAMETERS,
    AcceptedAuth,
    WireRequest,
    parse_authorization,
    signature_problem,
    well_formed_other_signature,
)
from doc2openapi.contract.xml_bodies import is_xml, xml_request_media

log = logging.getLogger("doc2openapi.mock")

REPEAT_MARK = "__repeat"
MOCK_SK_ENV = "DOC2OPENAPI_MOCK_SK"  # `doc2openapi mock --ak KEY` takes the secret key from here
MOCK_TOKEN = ("X-Auth-Token", "mock-token")  # what `contract --mock` sends its own mock
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
NOT_SIGNED = (
    "the Authorization header is not an AK/SK signature "
    "(SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=<64 hex digits>)"
)


class MockAPI:
    """A WSGI application answering every operation of `spec`.

    `keys` maps access keys to secret keys: with keys, AK/SK signatures are verified; without,
    a well-formed signature is enough (the mock cannot know anyone's secret key).
    """

    def __init__(
        self, spec: dict[str, Any], seed: int = 0, keys: Mapping[str, str] | None = None
    ) -> None:
        self.spec = spec
        self._keys = dict(keys or {})
        self._auth = AcceptedAuth.of(spec)
        routed = _without_security(copy.deepcopy(spec))  # auth is checked after validation
        _typed_form_fields(routed)
        _route_on_any_host(routed)
        _bodies_checked_here(routed)
        self._templates = _unique_template_names(routed)
        config = Config(extra_media_type_deserializers=_json_media_types(routed))
        self._openapi = OpenAPI.from_dict(routed, config=config)
        self._finder = APICallPathFinder(self._openapi.spec)
        self._answerer = Answerer(spec, seed)

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        try:
            response = self.handle(request)
        except Exception as err:  # a bug here must answer, not hang up: the client sees why
            log.exception("mock failed on %s %s", request.method, request.path)
            response = _error(500, f"the mock failed: {type(err).__name__}")
        return response(environ, start_response)

    def handle(self, request: Request) -> Response:
        """Route, validate (400), authenticate (401), answer; refusals carry error_code/msg."""
        openapi_request = WerkzeugOpenAPIRequest(request)
        try:
            # not urljoin: it would drop a trailing ";..." from the path as URL "params"
            url = openapi_request.host_url.rstrip("/") + openapi_request.path
            found = self._finder.find(request.method.lower(), url)
        except OperationNotFound:
            return _error(405, f"{request.method} is not an operation of {request.path}")
        except PathError:
            return _error(404, f"no operation has the path {request.path}")
        template = self._templates[str(found.path_result.pattern)]
        variables: dict[str, str] = found.path_result.variables
        for name, value in variables.items():
            original = name.split(REPEAT_MARK, 1)[0]
            if value != variables.get(original, value):
                return _error(400, f"path parameter {original} has two different values")
        method = request.method.lower()
        operation: dict[str, Any] = self.spec["paths"][template][method]
        parameters = [*self.spec["paths"][template].get("parameters", []),
                      *operation.get("parameters", [])]  # fmt: skip
        errors = [
            error
            for error in self._openapi.unmarshal_request(openapi_request).errors
            if not _empty_but_allowed(error, parameters)
        ]
        if errors:
            return _error(400, "; ".join(_describe(error) for error in errors))
        headers = {name.lower() for name in request.headers.keys()}  # noqa: SIM118
        entry = subresources.select(operation, request.args, headers)
        lacking = subresources.missing(entry or operation, request.args, headers)
        if lacking:  # openapi-core did not check: a folded operation's are each entry's own
            return _error(400, "missing required " + ", ".join(lacking))
        problem = self._body_problem(entry or operation, request)
        if problem is not None:
            return _error(400, problem)
        if _needs_auth(self.spec, operation):
            problem = self._auth_problem(request)
            if problem is not None:
                return _error(401, problem)
        try:
            preference = parse_prefer(request.headers.getlist("Prefer"))
            action = entry or select_action(operation, _json_body(request))
            # keyless entries (an upload beside a copy) differ by their operationId
            named = str((entry or {}).get("operationId", ""))
            key = (method.upper(), template, str((action or {}).get("key", "")), named)
            answer = self._answerer.answer(key, operation, action, preference)
        except ChoiceError as err:
            return _error(400, str(err))
        except NoAnswer as err:
            return _error(500, str(err))
        return _response(answer)

    def _body_problem(self, operation: dict[str, Any], request: Request) -> str | None:
        """What is wrong with a body openapi-core does not check (XML, a sub-resource's)."""
        if not _checked_here(operation):
            return None
        body = request.get_data(cache=True)
        holder = operation.get("requestBody") or {}
        if not body:
            return "request body is required" if holder.get("required") else None
        content: dict[str, Any] = holder.get("content") or {}
        media_type = request.mimetype or ""
        media = content.get(media_type)
        if media is None:
            documented = ", ".join(content) or "none"
            return f"Content-Type {media_type or '(none)'} is not documented ({documented})"
        schema = media.get("schema")
        try:
            if is_xml(media_type):
                value = self._answerer.xml.read(body, schema)
            elif JSON_TYPES.match(media_type):
                value = json.loads(body)
            else:
                return None  # bytes: anything goes
        except (NotXml, ValueError) as err:
            return f"request body is not {media_type}: {err}"[:2000]
        problem = self._answerer.problem(schema, value)
        return None if problem is None else f"request body: {problem}"

    def _auth_problem(self, request: Request) -> str | None:
        """Why the request is not authenticated, or None: a token, or a (valid) signature,
        in the ways the spec's security schemes name."""
        accepted = self._auth
        if accepted.token and request.headers.get("X-Auth-Token", "").strip():
            return None
        if accepted.url_signing and all(request.args.get(p) for p in URL_SIGNATURE_PARAMETERS):
            return None  # the mock cannot know the secret key: a complete signed URL is enough
        header = request.headers.get("Authorization")
        if header is None or accepted.signature is None:
            return f"missing authentication: this API takes {accepted.expected()}"
        if accepted.signature != DEFAULT_SIGNATURE:
            if well_formed_other_signature(header, accepted.signature):
                return None
            return f"the Authorization header is not `{accepted.signature} AccessKey:Signature`"
        authorization = parse_authorization(header)
        if authorization is None:
            return NOT_SIGNED
        if not self._keys:
            return None
        problem = signature_problem(_wire(request), authorization, self._keys)
        return None if problem is None else f"AK/SK signature refused: {problem}"


def _checked_here(operation: dict[str, Any]) -> bool:
    """Bodies the mock checks itself: XML ones, and those of folded sub-resource operations
    (one OpenAPI operation, several documented bodies)."""
    return (
        bool(operation.get("requestBody"))
        and (xml_request_media(operation) is not None or bool(subresources.entries(operation)))
    ) or "key" in operation


def _bodies_checked_here(spec: dict[str, Any]) -> None:
    """No request body for openapi-core where the mock checks it itself."""
    for item in spec.get("paths", {}).values():
        for method in METHODS:
            operation = item.get(method)
            if isinstance(operation, dict) and subresources.entries(operation):
                for parameter in operation.get("parameters", []):  # required per entry
                    parameter["required"] = parameter.get("in") == "path"
            if isinstance(operation, dict) and _checked_here(operation):
                operation.pop("requestBody", None)
                for entry in subresources.entries(operation):
                    entry.pop("requestBody", None)


def _route_on_any_host(spec: dict[str, Any]) -> None:
    """One server, `/`, for every operation: the mock answers by path on whatever host it
    runs, including operations the docs serve from their own host (an OBS bucket)."""
    spec["servers"] = [{"url": "/"}]
    for item in spec.get("paths", {}).values():
        item.pop("servers", None)
        for method in METHODS:
            if isinstance(item.get(method), dict):
                item[method].pop("servers", None)


def _without_security(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with no security requirement: openapi-core stops at a failed one, and the
    mock must report a bad body or parameter to any caller, signed or not."""
    spec["security"] = []
    for item in (spec.get("paths") or {}).values():
        for method in METHODS:
            if isinstance(item, dict) and isinstance(item.get(method), dict):
                item[method].pop("security", None)
    return spec


def _json_media_types(spec: dict[str, Any]) -> dict[str, Any]:
    """A JSON body under a vendor media type (IMS's application/openstack-images-v2.1-json-patch)
    is read as JSON: openapi-core would take it for bytes."""
    found: dict[str, Any] = {}
    for item in (spec.get("paths") or {}).values():
        for method in METHODS:
            operation = item.get(method) if isinstance(item, dict) else None
            content = ((operation or {}).get("requestBody") or {}).get("content") or {}
            for media_type in content:
                if "json" in media_type and media_type != "application/json":
                    found[media_type] = json.loads
    return found


def _typed_form_fields(spec: dict[str, Any]) -> None:
    """A multipart form's boolean and number fields are read as JSON text ("false", "3").

    openapi-core reads every part of a form as a string unless the media type's `encoding`
    says otherwise, and then refuses `false` for a boolean field; what a client writes in
    such a part is the JSON literal, so the mock's own copy of the spec says so."""
    schemas = (spec.get("components") or {}).get("schemas") or {}
    for item in (spec.get("paths") or {}).values():
        for method in METHODS:
            operation = item.get(method) if isinstance(item, dict) else None
            content = ((operation or {}).get("requestBody") or {}).get("content") or {}
            media = content.get("multipart/form-data")
            if not isinstance(media, dict):
                continue
            encoding = media.setdefault("encoding", {})
            for name, prop in _form_properties(media.get("schema"), schemas).items():
                kind = _resolved(prop, schemas).get("type")
                if kind in ("boolean", "integer", "number") and name not in encoding:
                    encoding[name] = {"contentType": "application/json"}
            if not encoding:
                del media["encoding"]


def _form_properties(schema: Any, schemas: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    schema = _resolved(schema, schemas)
    for part in schema.get("allOf", []):
        found.update(_form_properties(part, schemas))
    found.update(schema.get("properties") or {})
    return found


def _resolved(schema: Any, schemas: dict[str, Any]) -> dict[str, Any]:
    for _ in range(32):
        if not isinstance(schema, dict) or "$ref" not in schema:
            break
        schema = schemas.get(str(schema["$ref"]).rsplit("/", 1)[-1])
    return schema if isinstance(schema, dict) else {}


def _wire(request: Request) -> WireRequest:
    """The request as signed: raw path and query, header values as the client wrote them."""
    raw_uri = request.environ.get("RAW_URI") or request.environ.get("REQUEST_URI")
    path = urlsplit(str(raw_uri)).path if raw_uri else request.path
    headers = {name.lower(): _utf8(value) for name, value in request.headers.items()}
    query = request.query_string.decode("latin-1")
    return WireRequest(request.method, path, query, headers, request.get_data(cache=True))


def _utf8(value: str) -> str:
    """WSGI gives header bytes as Latin-1; clients sign their UTF-8 text."""
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return value


def _json_body(request: Request) -> Any:
    if not request.content_length and not request.headers.get("Transfer-Encoding"):
        return None
    try:
        return json.loads(request.get_data(cache=True))
    except ValueError:
        return None


def _unique_template_names(spec: dict[str, Any]) -> dict[str, str]:
    """Rename repeated names in path templates (/v2/{p}/quotas/{p} -> {p}, {p__repeat1}).

    The docs repeat a name to say "the same value twice"; openapi-core cannot route such a
    template, so the mock routes a renamed copy and checks the values agree itself.
    Returns routed template -> documented template.
    """
    templates: dict[str, str] = {}
    for path in list(spec.get("paths", {})):
        routed, aliases = _rename_repeats(path)
        templates[routed] = path
        if aliases:
            item = spec["paths"].pop(path)
            extra = [{"name": alias, "in": "path", "required": True, "schema": {"type": "string"}}
                     for alias in aliases]  # fmt: skip
            item["parameters"] = [*item.get("parameters", []), *extra]
            spec["paths"][routed] = item
    return templates


def _rename_repeats(path: str) -> tuple[str, list[str]]:
    seen: dict[str, int] = {}
    parts, aliases, last = [], [], 0
    for match in re.finditer(r"\{([^{}]+)\}", path):
        name = match.group(1)
        seen[name] = seen.get(name, 0) + 1
        alias = name if seen[name] == 1 else f"{name}{REPEAT_MARK}{seen[name] - 1}"
        if alias != name:
            aliases.append(alias)
        parts.append(path[last : match.start()] + "{" + alias + "}")
        last = match.end()
    return "".join(parts) + path[last:], aliases


def _response(answer: Answer) -> Response:
    response = Response(answer.body, status=answer.status, content_type=answer.media_type)
    if answer.media_type is None:  # a documented response without content: no media type
        del response.headers["Content-Type"]
    return response


def _empty_but_allowed(error: Exception, parameters: list[dict[str, Any]]) -> bool:
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


def _needs_auth(spec: dict[str, Any], operation: dict[str, Any]) -> bool:
    requirements = operation.get("security", spec.get("security", []))
    return bool(requirements) and all(requirements)  # an empty requirement makes auth optional


def _describe(error: Exception) -> str:
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


def _error(status: int, message: str) -> Response:
    body = {"error_code": f"MOCK.{status:04d}", "error_msg": message}
    return Response(json.dumps(body), status=status, content_type="application/json")


class _QuietHandler(WSGIRequestHandler):
    """Logs method, path and status only: query strings and headers may carry secrets."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        path = self.path.split("?", 1)[0]
        log.info("%s %s %s", self.command, path, code)

    def log(self, type: str, message: str, *args: Any) -> None:
        log.debug(message, *args)


def make_mock_server(
    spec: dict[str, Any],
    host: str = "127.0.0.1",
    port: int = 8080,
    seed: int = 0,
    keys: Mapping[str, str] | None = None,
) -> BaseWSGIServer:
    """A threaded HTTP server for the mock of `spec`; port 0 picks a free port."""
    return _server(MockAPI(spec, seed, keys), host, port)


def _server(app: Any, host: str, port: int) -> BaseWSGIServer:
    return make_server(host, port, app, threaded=True, request_handler=_QuietHandler)


@contextmanager
def serving(app: Any, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve a WSGI `app` in a background thread for the `with` block; yields its base URL."""
    server = _server(app, host, port)
    thread = threading.Thread(target=server.serve_forever, name="doc2openapi-serving", daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def running_mock(
    spec: dict[str, Any],
    host: str = "127.0.0.1",
    port: int = 0,
    seed: int = 0,
    keys: Mapping[str, str] | None = None,
) -> AbstractContextManager[str]:
    """Serve the mock of `spec` for a `with` block; yields its base URL."""
    return serving(MockAPI(spec, seed, keys), host, port)
