"""A mock server built from an OpenAPI document: routes every operation, checks every request.

Every request is validated by openapi-core (path, query, headers, body) whatever its auth,
then authenticated as the spec's security schemes say (`contract.authn`): an X-Auth-Token
header, or an AK/SK signature (`SDK-HMAC-SHA256 ...`, or OBS's), verified when the mock is
given the keys.
What a good request gets is decided in `contract.answers` (documented example, generated
data, per-action answers, `Prefer` choices).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from contextlib import AbstractContextManager
from typing import Any

from openapi_core import Config, OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest
from openapi_core.templating.paths.exceptions import OperationNotFound, PathError
from openapi_core.templating.paths.finders import APICallPathFinder
from werkzeug.serving import BaseWSGIServer
from werkzeug.wrappers import Request, Response

from doc2openapi.codegen.runtime._xml import NotXml
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
from doc2openapi.contract.authn import auth_problem
from doc2openapi.contract.parameter_checks import (
    describe,
    empty_but_allowed,
    redefined,
    redefined_problems,
)
from doc2openapi.contract.routed_spec import (
    REPEAT_MARK,
    as_sent,
    checked_here,
    encoded_slashes_kept,
    folded_path,
    greedy_templates,
    json_media_types,
    routed_copy,
    sent_path,
)
from doc2openapi.contract.serving import serving, threaded_server
from doc2openapi.contract.signing import AcceptedAuth
from doc2openapi.contract.xml_bodies import is_xml

log = logging.getLogger("doc2openapi.mock")

MOCK_SK_ENV = "DOC2OPENAPI_MOCK_SK"  # `doc2openapi mock --ak KEY` takes the secret key from here
MOCK_TOKEN = ("X-Auth-Token", "mock-token")  # what `contract --mock` sends its own mock


class _Refused(Exception):
    """A request the mock refuses: the status it answers with, and why (the message)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _refuse_if(status: int, problem: str | None) -> None:
    """Refuse with `status` when a check found a problem."""
    if problem is not None:
        raise _Refused(status, problem)


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
        routed, self._templates = routed_copy(spec)
        config = Config(extra_media_type_deserializers=json_media_types(routed))
        self._openapi = OpenAPI.from_dict(routed, config=config)
        self._finder = APICallPathFinder(self._openapi.spec)
        self._answerer = Answerer(spec, seed)
        self._greedy = greedy_templates(spec)

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(_unmarked(environ))
        try:
            response = self.handle(request)
        except Exception as err:  # a bug here must answer, not hang up: the client sees why
            log.exception("mock failed on %s %s", request.method, request.path)
            response = _error(500, f"the mock failed: {type(err).__name__}")
        return response(environ, start_response)

    def handle(self, request: Request) -> Response:
        """Route, validate (400), authenticate (401), answer; refusals carry error_code/msg."""
        try:
            return _response(self._answer(request))
        except _Refused as refused:
            return _error(refused.status, str(refused))

    def _answer(self, request: Request) -> Answer:
        openapi_request, template = self._route(request)
        operation: dict[str, Any] = self.spec["paths"][template][request.method.lower()]
        headers = {name.lower() for name in request.headers.keys()}  # noqa: SIM118
        entry = _entry(operation, request, headers)
        self._validate(openapi_request, template, operation, entry)
        lacking = subresources.missing(entry or operation, request.args, headers)
        if lacking:  # openapi-core did not check: a folded operation's are each entry's own
            raise _Refused(400, "missing required " + ", ".join(lacking))
        _refuse_if(400, self._body_problem(entry or operation, request))
        if _needs_auth(self.spec, operation):
            _refuse_if(401, auth_problem(self._auth, self._keys, request))
        return self._chosen_answer(request, template, operation, entry)

    def _route(self, request: Request) -> tuple[WerkzeugOpenAPIRequest, str]:
        """The request as openapi-core reads it, and the documented path template of its
        operation. A path no template routes may hold a greedy value (`photos/a.jpg` for
        `/{object}`): routed again with that value's `/` as `%2F`, one segment."""
        openapi_request = WerkzeugOpenAPIRequest(request)
        sent = sent_path(request.environ, request.path)
        if (kept := encoded_slashes_kept(sent)) is not None:
            openapi_request = _FoldedRequest(request, kept)  # "env%2Fprod" stays one segment
        try:
            found = self._find(request.method, openapi_request)
        except _Refused as refused:
            folded = folded_path(sent, self._greedy)
            if folded is None or refused.status != 404:
                raise
            openapi_request = _FoldedRequest(request, folded)
            found = self._find(request.method, openapi_request)
        variables: dict[str, str] = found.path_result.variables
        if isinstance(openapi_request, _FoldedRequest):  # checked as sent, not as routed
            variables = openapi_request.parameters.path = as_sent(variables)
        for name, value in variables.items():
            original = name.split(REPEAT_MARK, 1)[0]
            if value != variables.get(original, value):
                raise _Refused(400, f"path parameter {original} has two different values")
        return openapi_request, self._templates[str(found.path_result.pattern)]

    def _find(self, method: str, openapi_request: WerkzeugOpenAPIRequest) -> Any:
        """openapi-core's route of the request; 405 or 404 when it finds none."""
        try:
            # not urljoin: it would drop a trailing ";..." from the path as URL "params"
            url = openapi_request.host_url.rstrip("/") + openapi_request.path
            return self._finder.find(method.lower(), url)
        except OperationNotFound:
            raise _Refused(405, f"{method} is not an operation of {openapi_request.path}") from None
        except PathError:
            raise _Refused(404, f"no operation has the path {openapi_request.path}") from None

    def _validate(
        self,
        openapi_request: WerkzeugOpenAPIRequest,
        template: str,
        operation: dict[str, Any],
        entry: dict[str, Any] | None,
    ) -> None:
        """openapi-core's checks of path, query, headers and body, bar allowed empty values;
        an entry's parameters by its own definitions, where they differ from the folded one's."""
        parameters = [
            *self.spec["paths"][template].get("parameters", []),
            *(entry or operation).get("parameters", []),
        ]
        own = redefined(operation, entry)
        errors = [
            describe(error)
            for error in self._openapi.unmarshal_request(openapi_request).errors
            if not empty_but_allowed(error, parameters)
            and (getattr(error, "location", None), getattr(error, "name", None)) not in own
        ]
        request = openapi_request.request
        errors += redefined_problems(
            own,
            request.args,
            {k.lower(): v for k, v in request.headers.items()},
            self._answerer.problem,
        )
        if errors:
            raise _Refused(400, "; ".join(errors))

    def _chosen_answer(
        self,
        request: Request,
        template: str,
        operation: dict[str, Any],
        entry: dict[str, Any] | None,
    ) -> Answer:
        """The answer for the request's action or entry, as its `Prefer` header chooses."""
        try:
            preference = parse_prefer(request.headers.getlist("Prefer"))
            action = entry or select_action(operation, _json_body(request))
            # keyless entries (an upload beside a copy) differ by their operationId
            named = str((entry or {}).get("operationId", ""))
            key = (request.method.upper(), template, str((action or {}).get("key", "")), named)
            return self._answerer.answer(key, operation, action, preference)
        except ChoiceError as err:
            raise _Refused(400, str(err)) from None
        except NoAnswer as err:
            raise _Refused(500, str(err)) from None

    def _body_problem(self, operation: dict[str, Any], request: Request) -> str | None:
        """What is wrong with a body openapi-core does not check (XML, a sub-resource's)."""
        if not checked_here(operation):
            return None
        body = request.get_data(cache=True)
        holder = operation.get("requestBody") or {}
        content: dict[str, Any] = holder.get("content") or {}
        media_type = request.mimetype or ""
        if not body:
            return _empty_body_problem(holder, media_type)
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


def _entry(operation: dict[str, Any], request: Request, headers: set[str]) -> dict[str, Any] | None:
    """The x-subresources entry the request means (None: the plain operation), or the one
    its marker path names in a contract run: that one may differ from the others by its
    host alone (listing buckets beside listing objects), which a mock cannot see."""
    marked = request.environ.get(MARKED)
    if marked is None:
        return subresources.select(operation, request.args, headers)
    for entry in subresources.entries(operation):
        if entry.get("operationId") == marked:
            return entry
    raise _Refused(404, f"{request.method} {request.path} has no operation {marked}")


MARKED = "doc2openapi.subresource"  # the environ key of a marker path's operationId


def _unmarked(environ: dict[str, Any]) -> dict[str, Any]:
    """The request without the marker path of a contract run (`/_x-subresource/<id>/...`),
    the operationId it names kept under MARKED."""
    marked, path = subresources.unmarked(str(environ.get("PATH_INFO", "")))
    if marked is None:
        return environ
    environ = {**environ, "PATH_INFO": path, MARKED: marked}
    for raw in ("RAW_URI", "REQUEST_URI"):
        if raw in environ:
            environ[raw] = subresources.unmarked(str(environ[raw]))[1]
    return environ


class _FoldedRequest(WerkzeugOpenAPIRequest):
    """The request as openapi-core reads it, with another path (greedy values folded)."""

    def __init__(self, request: Request, path: str) -> None:
        super().__init__(request)
        self._path = path

    @property
    def path(self) -> str:
        return self.get_path(self._path)


def _empty_body_problem(holder: dict[str, Any], media_type: str) -> str | None:
    """An empty body where one is required: refused, unless it is bytes of a documented media
    type (no bytes are some bytes: an empty object, stored or appended)."""
    if not holder.get("required"):
        return None
    content: dict[str, Any] = holder.get("content") or {}
    if media_type in content and not JSON_TYPES.match(media_type) and not is_xml(media_type):
        return None
    return "request body is required"


def _json_body(request: Request) -> Any:
    if not request.content_length and not request.headers.get("Transfer-Encoding"):
        return None
    try:
        return json.loads(request.get_data(cache=True))
    except ValueError:
        return None


def _response(answer: Answer) -> Response:
    response = Response(answer.body, status=answer.status, content_type=answer.media_type)
    if answer.media_type is None:  # a documented response without content: no media type
        del response.headers["Content-Type"]
    return response


def _needs_auth(spec: dict[str, Any], operation: dict[str, Any]) -> bool:
    requirements = operation.get("security", spec.get("security", []))
    return bool(requirements) and all(requirements)  # an empty requirement makes auth optional


def _error(status: int, message: str) -> Response:
    body = {"error_code": f"MOCK.{status:04d}", "error_msg": message}
    return Response(json.dumps(body), status=status, content_type="application/json")


def make_mock_server(
    spec: dict[str, Any],
    host: str = "127.0.0.1",
    port: int = 8080,
    seed: int = 0,
    keys: Mapping[str, str] | None = None,
) -> BaseWSGIServer:
    """A threaded HTTP server for the mock of `spec`; port 0 picks a free port."""
    return threaded_server(MockAPI(spec, seed, keys), host, port)


def running_mock(
    spec: dict[str, Any],
    host: str = "127.0.0.1",
    port: int = 0,
    seed: int = 0,
    keys: Mapping[str, str] | None = None,
) -> AbstractContextManager[str]:
    """Serve the mock of `spec` for a `with` block; yields its base URL."""
    return serving(MockAPI(spec, seed, keys), host, port)
