"""Drive the official Huawei Cloud SDK against `doc2openapi mock`: real clients, nobody's ours.

Each SDK operation whose method and path match a spec operation is called once: its request
model is built with the spec's required values (examples, enums, defaults, generated data),
the SDK sends it (with a token, or AK/SK-signed), and the outcome is recorded: the status, the
mock's error, whether the SDK deserialized the answer, and the body fields the SDK's model
dropped on the way out. The SDK truth files name the operations (test use only).
"""

from __future__ import annotations

import importlib
import io
import json
import re
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException
from huaweicloudsdkcore.http.formdata import FormFile
from huaweicloudsdkcore.http.http_config import HttpConfig

from doc2openapi.contract.mock import MockAPI
from doc2openapi.contract.serving import serving
from tests.spec_requests import build_request

TRUTH = Path(__file__).resolve().parent.parent.parent / "shared" / "truth"
PROJECT = "0123456789abcdef0123456789abcdef"
AK, SK = "SDKMOCKAK", "sdk-mock-secret"
TEMPLATE_VAR = re.compile(r"\{[^{}]+\}")


class TokenCredentials(BasicCredentials):  # type: ignore[misc]
    """The SDK's own credentials, sending an IAM token instead of signing."""

    def sign_request(self, request: Any) -> Any:
        request.header_params["X-Auth-Token"] = "sdk-mock-token"
        request.header_params["X-Project-Id"] = self.project_id
        from huaweicloudsdkcore.signer.signer import Signer

        Signer.process_request_uri(request)
        return request


@dataclass
class Outcome:
    """One SDK operation against the mock, with one kind of auth."""

    operation: str  # the SDK's method name
    auth: str  # "token" or "aksk"
    status: int | None
    error: str = ""  # the mock's error_msg, or what the SDK raised
    deserialized: bool = False
    dropped: list[str] = field(default_factory=list)  # body fields the SDK model did not send
    module: str = ""  # the SDK client module ("v2"): CES and ELB reuse names across modules

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300 and self.deserialized


class _Recorder:
    """The mock, remembering the last request body it received and the body it answered."""

    def __init__(self, app: MockAPI) -> None:
        self.app = app
        self.sent: Any = None
        self.answered: Any = None
        self._lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        from werkzeug.wrappers import Request

        request = Request(environ)
        data = request.get_data(cache=True)
        response = self.app.handle(request)
        with self._lock:
            self.sent = (
                _form(request, data) if request.mimetype.startswith("multipart/") else _json(data)
            )
            self.answered = _json(response.get_data())
        return response(environ, start_response)


def _form(request: Any, data: bytes) -> dict[str, Any]:
    """A multipart body's fields (text) and files (their names)."""
    from werkzeug.wrappers import Request

    again = Request.from_values(
        input_stream=io.BytesIO(data), content_type=request.content_type,
        content_length=len(data), method=request.method,
    )  # fmt: skip
    return {**again.form.to_dict(), **{k: f.filename for k, f in again.files.items()}}


def _json(data: bytes) -> Any:
    try:
        return json.loads(data) if data else None
    except ValueError:
        return None


def sdk_operations(service: str) -> list[dict[str, Any]]:
    """The SDK's operations as the truth file lists them (names, module, method, path)."""
    truth = json.loads((TRUTH / f"huawei-sdk-{service}.json").read_text(encoding="utf-8"))
    operations: list[dict[str, Any]] = truth["operations"]
    for operation in operations:
        operation["package"] = truth["sdk_package"]
    return operations


def shape(path: str) -> str:
    return TEMPLATE_VAR.sub("{}", path.rstrip("/"))


def matches(
    spec: dict[str, Any], operations: list[dict[str, Any]]
) -> list[tuple[dict[str, Any], str]]:
    """(SDK operation, spec path template) for each SDK operation the spec also has."""
    templates: dict[tuple[str, str], str] = {}
    for template, item in spec["paths"].items():
        for method in item:
            templates.setdefault((method.upper(), shape(template)), template)
    found = []
    for operation in operations:
        template = templates.get((operation["method"], shape(operation["path"])))
        if template is not None:
            found.append((operation, template))
    return sorted(found, key=lambda pair: str(pair[0]["sdk_name"]))


def _client_class(package: str, version: str) -> Any:
    module = importlib.import_module(f"{package}.{version}")
    names = [n for n in dir(module) if n.endswith("Client") and not n.endswith("AsyncClient")]
    return getattr(module, next(n for n in names if n != "Client"))


@contextmanager
def sdk_clients(spec: dict[str, Any], package: str, versions: list[str]) -> Iterator[Any]:
    """A mock of `spec` verifying AK/SK, and a factory of SDK clients against it."""
    recorder = _Recorder(MockAPI(spec, keys={AK: SK}))
    with serving(recorder) as url:
        config = HttpConfig.get_default_config()
        config.timeout = (5, 10)
        config.retry_times = 0

        def client(version: str, auth: str) -> Any:
            credentials_type = TokenCredentials if auth == "token" else BasicCredentials
            credentials = credentials_type(AK, SK, PROJECT)
            builder = _client_class(package, version).new_builder()
            builder._credential_type = [credentials_type.__name__, "BasicCredentials"]
            return (
                builder.with_credentials(credentials)
                .with_endpoints([url])
                .with_http_config(config)
                .build()
            )

        clients = {(v, a): client(v, a) for v in versions for a in ("token", "aksk")}
        yield clients, recorder


def call(
    clients: dict[tuple[str, str], Any],
    recorder: _Recorder,
    spec: dict[str, Any],
    operation: dict[str, Any],
    template: str,
    auth: str,
) -> Outcome:
    """Build the SDK request from the spec's values, send it, and say what happened."""
    module = str(operation["version"])
    client = clients[(module, auth)]
    name = str(operation["sdk_name"])
    request_class = getattr(client.model_package, f"{operation['operation']}Request")
    wanted = build_request(spec, operation["method"].lower(), template)
    by_wire = {**wanted.path_values, **wanted.query, **wanted.headers}
    kwargs: dict[str, Any] = {}
    body: Any = None
    try:
        for attr, wire in request_class.attribute_map.items():
            kind = request_class.openapi_types[attr]
            if wire == "body":
                body = _body_for(client, kind, wanted.bodies)
                if body is not None:
                    kwargs[attr] = sdk_value(client.model_package, body, kind, "body")
            elif wire in by_wire:
                kwargs[attr] = sdk_value(client.model_package, by_wire[wire], kind, wire)
    except Unfit as err:  # the SDK types a field otherwise than the spec: nothing to send
        return Outcome(name, auth, None, str(err), module=module)
    recorder.sent = recorder.answered = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            response = getattr(client, name)(request_class(**kwargs))
    except ClientRequestException as err:
        dropped = _dropped(body, recorder.sent, "")
        return Outcome(name, auth, err.status_code, str(err.error_msg), False, dropped, module)
    except Exception as err:  # the SDK failed on the answer: that is the finding
        return Outcome(name, auth, None, f"{type(err).__name__}: {err}"[:300], module=module)
    status = int(getattr(response, "status_code", 0) or 0)
    # an SDK operation whose response model reads no body (only headers, or nothing) takes
    # any 2xx answer; otherwise some top-level field must land in the model
    reads_body = bool(operation.get("response_body"))
    deserialized = not reads_body or _deserialized(response, recorder.answered)
    dropped = _dropped(body, recorder.sent, "")
    return Outcome(name, auth, status, "", deserialized, dropped, module)


def _body_for(client: Any, kind: str, bodies: list[Any]) -> Any:
    """The spec's candidate body the SDK's body model knows best (most top-level keys)."""
    model = getattr(client.model_package, kind, None)
    known = set(getattr(model, "attribute_map", {}).values())
    if not bodies or not known:
        return bodies[0] if bodies else None
    return max(
        bodies,
        key=lambda b: len(set(b) & known) - len(set(b) - known) if isinstance(b, dict) else 0,
    )


class Unfit(Exception):
    """A spec value that the SDK's type for the same field cannot hold."""

    def __init__(self, where: str, kind: str, value: Any) -> None:
        shown = json.dumps(value)
        super().__init__(f"the SDK types {where} as {kind}; the spec's value is {shown[:80]}")


def sdk_value(models: Any, value: Any, kind: str, where: str) -> Any:
    """`value` (JSON, as the spec gives it) as the SDK's type `kind` holds it, the way a user
    of the SDK writes it: models for objects, the value itself for the SDK's enum classes
    (which have no fields), JSON text for a structured value in a string field."""
    if value is None:
        return None
    if kind.startswith("list["):
        items = value if isinstance(value, list) else [value]
        return [sdk_value(models, item, kind[5:-1], f"{where}[]") for item in items]
    if kind.startswith("dict("):
        if not isinstance(value, dict):
            raise Unfit(where, kind, value)
        inner = kind[5:-1].split(",", 1)[1].strip()
        return {k: sdk_value(models, v, inner, f"{where}.{k}") for k, v in value.items()}
    if kind in _SCALARS:
        return _scalar(value, kind, where)
    if kind == FormFile.TYPE:
        return FormFile(_Upload(value))
    model = getattr(models, kind, None)
    if model is None or not model.openapi_types:
        return value  # untyped (object, date, ...), or one of the SDK's enum classes
    if not isinstance(value, dict):
        raise Unfit(where, kind, value)
    fields = {
        attr: sdk_value(models, value[wire], model.openapi_types[attr], f"{where}.{wire}")
        for attr, wire in model.attribute_map.items()
        if wire in value
    }
    return model(**fields)


_SCALARS = ("str", "int", "long", "float", "bool")
_INTEGER = re.compile(r"-?\d+")


def _scalar(value: Any, kind: str, where: str) -> Any:
    if kind == "str":
        if isinstance(value, str):
            return value
        return json.dumps(value) if isinstance(value, bool | dict | list) else str(value)
    if kind == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
    elif not isinstance(value, bool):
        if kind == "float" and isinstance(value, int | float):
            return float(value)
        if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
            return int(value)
        if isinstance(value, str) and _INTEGER.fullmatch(value.strip()):
            return int(value) if kind != "float" else float(value)
    raise Unfit(where, kind, value)


class _Upload(io.BytesIO):
    """A file for the SDK's form uploads (it wants an open binary file with a name)."""

    mode = "rb"
    name = "upload.json"

    def __init__(self, value: Any) -> None:
        text = value if isinstance(value, str) else json.dumps(value)
        super().__init__(text.encode())


def _deserialized(response: Any, answered: Any) -> bool:
    """The SDK's response model carries the answer: a field for some top-level key."""
    if not isinstance(answered, dict) or not answered:
        return True
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # to_dict() is deprecated in some models, not all
        fields = response.to_dict() if hasattr(response, "to_dict") else {}
    got = {k for k, v in fields.items() if v not in (None, [], {})}
    wire = getattr(type(response), "attribute_map", {})
    return bool({wire.get(k, k) for k in got} & set(answered)) or "body" in wire.values()


def _dropped(wanted: Any, sent: Any, where: str) -> list[str]:
    """Body fields the spec's value has that the SDK did not put on the wire."""
    if isinstance(wanted, dict):
        sent_map = sent if isinstance(sent, dict) else {}
        lost = []
        for key, value in wanted.items():
            if key not in sent_map:
                lost.append(f"{where}{key}")
            else:
                lost += _dropped(value, sent_map[key], f"{where}{key}.")
        return lost
    if isinstance(wanted, list) and wanted and isinstance(sent, list) and sent:
        return _dropped(wanted[0], sent[0], f"{where}[].")
    return []
