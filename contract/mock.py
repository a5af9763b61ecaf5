"""A mock server built from an OpenAPI document: routes every operation, checks every request.

Requests are validated by openapi-core (path, query, headers, body); the answer is the
documented example when it validates against the response schema, else data generated from
that schema (deterministic for a seed). Auth is checked the way the cloud gateway does it:
an X-Auth-Token header or an AK/SK-signed Authorization header; the signature itself is not
verified, since the mock knows no secret keys.
"""

from __future__ import annotations

import copy
import json
import logging
import re
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import Any

from openapi_core import OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest
from openapi_core.deserializing.styles.exceptions import EmptyQueryParameterValue
from openapi_core.templating.paths.exceptions import OperationNotFound, PathError
from openapi_core.templating.paths.finders import APICallPathFinder
from openapi_core.validation.request.exceptions import SecurityValidationError
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response

from contract.values import ValueGenerator

log = logging.getLogger("doc2openapi.mock")

REPEAT_MARK = "__repeat"
SIGNED = re.compile(r"^SDK-HMAC-SHA256\s+Access=[^,\s]+,\s*SignedHeaders=[^,\s]+,\s*Signature=\w+$")
JSON_TYPES = re.compile(r"^application/([\w.+-]+\+)?json$")


@dataclass(frozen=True)
class Answer:
    """What the mock sends for one operation when the request is good."""

    status: int
    media_type: str | None
    body: bytes


class MockAPI:
    """A WSGI application answering every operation of `spec`."""

    def __init__(self, spec: dict[str, Any], seed: int = 0) -> None:
        self.spec = spec
        routed = copy.deepcopy(spec)
        routed["servers"] = [{"url": "/"}]  # route by path on whatever host the mock runs
        self._templates = _unique_template_names(routed)
        self._openapi = OpenAPI.from_dict(routed)
        self._finder = APICallPathFinder(self._openapi.spec)
        self._values = ValueGenerator(spec, seed)
        self._answers: dict[tuple[str, str], Answer] = {}
        self._lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        try:
            response = self.handle(request)
        except Exception as err:  # a bug here must answer, not hang up: the client sees why
            log.exception("mock failed on %s %s", request.method, request.path)
            response = _error(500, f"the mock failed: {type(err).__name__}")
        return response(environ, start_response)

    def handle(self, request: Request) -> Response:
        """Route, authenticate, validate, answer; every refusal has an {error_code, error_msg}."""
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
        if _needs_auth(self.spec, operation) and not _authenticated(request):
            return _error(401, "missing X-Auth-Token or AK/SK-signed Authorization header")
        parameters = [*self.spec["paths"][template].get("parameters", []),
                      *operation.get("parameters", [])]  # fmt: skip
        errors = [
            error
            for error in self._openapi.unmarshal_request(openapi_request).errors
            if not isinstance(error, SecurityValidationError)  # checked above, AK/SK included
            and not _empty_but_allowed(error, parameters)
        ]
        if errors:
            return _error(400, "; ".join(_describe(error) for error in errors))
        return self._answer(openapi_request, template, method, operation)

    def _answer(
        self,
        request: WerkzeugOpenAPIRequest,
        template: str,
        method: str,
        operation: dict[str, Any],
    ) -> Response:
        key = (template, method)
        with self._lock:
            answer = self._answers.get(key)
        if answer is None:
            problems: list[str] = []
            for candidate in self._candidates(operation):
                reasons = list(self._openapi.iter_response_errors(request, _response(candidate)))
                if not reasons:
                    answer = candidate
                    break
                problems.append(_describe(reasons[0]))
            if answer is None:
                label = operation.get("operationId", f"{method.upper()} {template}")
                return _error(500, f"{label}: no valid answer: {'; '.join(problems)}")
            with self._lock:
                self._answers[key] = answer
        return _response(answer)

    def _candidates(self, operation: dict[str, Any]) -> Iterator[Answer]:
        """The documented examples first, then a generated value, for the success response."""
        status, response = _success(operation)
        content: dict[str, Any] = response.get("content") or {}
        if not content:
            yield Answer(status, None, b"")
            return
        media_type, media = next(iter(content.items()))
        examples = []
        if "example" in media:
            examples.append(media["example"])
        examples += [e["value"] for e in (media.get("examples") or {}).values() if "value" in e]
        label = str(operation.get("operationId", ""))
        generated = self._values.value(media.get("schema", {}), label)
        for value in [*examples, generated]:
            yield Answer(status, media_type, _encode(value, media_type))


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


def _success(operation: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """The documented 2xx answer (lowest code), else `default` as 200, else the first one."""
    responses: dict[str, Any] = operation.get("responses", {})
    codes = sorted(str(code) for code in responses)
    chosen = next((c for c in codes if c.startswith("2")), None)
    if chosen is None:
        chosen = "default" if "default" in responses else codes[0]
    status = 200 if not chosen[:3].isdigit() else int(chosen[:3])
    return status, responses[chosen] or {}


def _encode(value: Any, media_type: str) -> bytes:
    if JSON_TYPES.match(media_type.split(";")[0].strip()):
        return json.dumps(value, ensure_ascii=False, sort_keys=True).encode()
    return value.encode() if isinstance(value, str) else b""


def _response(answer: Answer) -> Response:
    return Response(answer.body, status=answer.status, content_type=answer.media_type)


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


def _authenticated(request: Request) -> bool:
    if request.headers.get("X-Auth-Token", "").strip():
        return True
    return bool(SIGNED.match(request.headers.get("Authorization", "").strip()))


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
    spec: dict[str, Any], host: str = "127.0.0.1", port: int = 8080, seed: int = 0
) -> BaseWSGIServer:
    """A threaded HTTP server for the mock of `spec`; port 0 picks a free port."""
    return _server(MockAPI(spec, seed), host, port)


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
    spec: dict[str, Any], host: str = "127.0.0.1", port: int = 0, seed: int = 0
) -> AbstractContextManager[str]:
    """Serve the mock of `spec` for a `with` block; yields its base URL."""
    return serving(MockAPI(spec, seed), host, port)
