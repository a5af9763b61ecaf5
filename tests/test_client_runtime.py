"""The generated client's behaviour over HTTP, on a small ECS-like spec of our own
(tests/fixtures/codegen/ecs.yaml): safe paths, errors, options, logging, docs, actions."""

from __future__ import annotations

import asyncio
import inspect
import io
import json
import logging
import socket
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pydantic
import pytest
import yaml

from doc2openapi.codegen import generate_client
from doc2openapi.codegen.naming import snake_case
from doc2openapi.contract.mock import running_mock
from tests.conftest import FIXTURES
from tests.test_codegen import _import

SPEC = FIXTURES / "codegen" / "ecs.yaml"
BASE = "https://ecs.test"


@pytest.fixture(scope="module")
def ecs(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    project = tmp_path_factory.mktemp("gen") / "otc_ecs"
    generate_client(yaml.safe_load(SPEC.read_text()), project)
    return _import(project, "otc_ecs")


Handler = Callable[[httpx.Request], httpx.Response]


def _client(ecs: ModuleType, handler: Handler, **options: Any) -> Any:
    options.setdefault("project_id", "proj")
    options.setdefault("retry", ecs.RetryPolicy(backoff=0))
    return ecs.Client(BASE, transport=httpx.MockTransport(handler), **options)


def _recorder(response: httpx.Response | None = None) -> tuple[list[httpx.Request], Handler]:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return response if response is not None else httpx.Response(204)

    return seen, handle


@pytest.mark.parametrize("value", ["..", ".", ""])
def test_dot_and_empty_path_values_are_refused_before_any_request(
    ecs: ModuleType, value: str
) -> None:
    seen, handle = _recorder()
    with _client(ecs, handle) as client, pytest.raises(ValueError, match="path parameter 'key'"):
        client.delete_server_tag("server-1", value)
    assert seen == []


@pytest.mark.parametrize(
    ("value", "segment"), [("a/b", b"a%2Fb"), ("%2e%2e", b"%252e%252e"), ("a?b#c", b"a%3Fb%23c")]
)
def test_path_values_are_encoded_into_one_segment(
    ecs: ModuleType, value: str, segment: bytes
) -> None:
    seen, handle = _recorder()
    with _client(ecs, handle) as client:
        assert client.delete_server_tag("server-1", value) is None
    assert seen[0].url.raw_path == b"/v2.1/proj/servers/server-1/tags/" + segment


def test_every_failure_is_an_api_error_with_request_and_response(ecs: ModuleType) -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.endswith("/action"):
            return httpx.Response(202)  # Nova's start: no body at all
        if path.endswith("/missing"):
            return httpx.Response(
                404, text="no such server", headers={"Content-Type": "text/plain"}
            )
        if path.endswith("/garbled"):
            return httpx.Response(200, content=b"<html>", headers={"Content-Type": "text/html"})
        if path.endswith("/slow"):
            raise httpx.ReadTimeout("slow", request=request)
        return httpx.Response(202)

    with _client(ecs, handle, max_retries=0) as client:
        assert client.start_server("server-1", body={"os-start": {}}) is None
        empty = client.show_server("server-1")  # an undocumented empty 202: an empty result
        assert isinstance(empty, ecs.models.ShowServerResponse)
        with pytest.raises(ecs.NotFoundError) as missing:
            client.show_server("missing")
        assert missing.value.error_msg == "no such server"
        assert missing.value.response.status_code == 404
        assert missing.value.request.url.path.endswith("/missing")
        with pytest.raises(ecs.APIResponseValidationError) as garbled:
            client.show_server("garbled")
        assert garbled.value.response.status_code == 200
        with pytest.raises(ecs.APITimeoutError) as slow:
            client.show_server("slow")
        assert slow.value.request.url.path.endswith("/slow") and slow.value.response is None
        with pytest.raises(ecs.APIResponseValidationError):
            client.with_options(strict_responses=True).show_server("server-1")
    for caught in (missing, garbled, slow):
        assert isinstance(caught.value, ecs.APIError)


def test_connection_refused_is_an_api_connection_error(ecs: ModuleType) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with (
        ecs.Client(f"http://127.0.0.1:{port}", project_id="p", max_retries=0) as client,
        pytest.raises(ecs.APIConnectionError) as refused,
    ):
        client.show_server("server-1")
    assert not isinstance(refused.value, ecs.APITimeoutError)
    assert refused.value.request.url.port == port
    message = str(refused.value)  # what failed, and where: host, port and path
    assert message.startswith("Connection error: ")
    assert f"(GET http://127.0.0.1:{port}/v2.1/p/servers/server-1)" in message
    assert isinstance(refused.value, ecs.APIError)


def test_a_connection_error_never_quotes_what_another_error_may_hold(ecs: ModuleType) -> None:
    """httpx's LocalProtocolError quotes an illegal header value: a token read from a file
    with its newline. Only a connect error's own text is shown."""
    request = httpx.Request("GET", "https://user:pw@ecs.test/v1/servers?token=abc")
    leaked = httpx.LocalProtocolError("Illegal header value b'SECRET-TOKEN\\n'")
    message = str(ecs.APIConnectionError(request, cause=leaked))
    assert message == "Connection error: LocalProtocolError (GET https://ecs.test/v1/servers)"
    assert "SECRET" not in message and "pw" not in message and "abc" not in message


def test_responses_tolerate_null_and_keep_unknown_fields_unless_strict(ecs: ModuleType) -> None:
    body = {"server": {"id": None, "name": "web", "status": "ACTIVE", "locked": True}}
    _, handle = _recorder(httpx.Response(200, json=body))
    with _client(ecs, handle) as client:
        server = client.show_server("server-1").server
        assert (server.id, server.name, server.status) == (None, "web", "ACTIVE")
        assert server.model_extra == {"locked": True}
        strict = client.with_options(strict_responses=True)
        with pytest.raises(ecs.APIResponseValidationError, match=r"server\.id"):
            strict.show_server("server-1")


def test_a_list_answer_and_a_left_out_required_field_are_tolerated_unless_strict(
    ecs: ModuleType,
) -> None:
    """A bare array with one item off its type is read item by item, as an object answer
    is field by field; a required field the server leaves out reads None, not an
    AttributeError."""
    answers = {
        "/v1/proj/regions": [{"id": "r-1"}, {"id": 7, "new": True}],
        "/v2.1/proj/servers/s-1": {"server": {"name": "web"}},
    }

    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=answers[request.url.path])

    with _client(ecs, handle) as client:
        regions = client.list_regions()
        assert [(r.id, r.model_extra) for r in regions.root] == [("r-1", {}), (7, {"new": True})]
        server = client.show_server("s-1").server
        assert (server.id, server.status, server.name) == (None, None, "web")
        strict = client.with_options(strict_responses=True)
        for call in (strict.list_regions, lambda: strict.show_server("s-1")):
            with pytest.raises(ecs.APIResponseValidationError):
                call()


def test_request_models_refuse_unknown_keys_and_extra_body_adds_them(ecs: ModuleType) -> None:
    with pytest.raises(pydantic.ValidationError):
        ecs.models.StopServerRequest.model_validate({"os-stop": {"tpye": "SOFT"}})
    seen, handle = _recorder(httpx.Response(202))
    body = ecs.models.StopServerRequest.model_validate({"os-stop": {"type": "HARD"}})
    with _client(ecs, handle) as client:
        client.stop_server("server-1", body=body, extra_body={"new-field": 1})
    assert json.loads(seen[0].content) == {"os-stop": {"type": "HARD"}, "new-field": 1}


def test_a_request_model_sends_what_the_caller_set_not_its_defaults(ecs: ModuleType) -> None:
    """A documented default is the server's to apply: sending it unasked would, in a PATCH,
    reset what the caller left alone."""
    seen, handle = _recorder(httpx.Response(202))
    body = ecs.models.StopServerRequest.model_validate({"os-stop": {}})
    assert body.os_stop.type == "SOFT"  # readable on the model
    with _client(ecs, handle) as client:
        client.stop_server("server-1", body=body)
    assert json.loads(seen[0].content) == {"os-stop": {}}


def test_an_answer_model_shows_only_what_the_server_sent_never_a_documented_default(
    ecs: ModuleType,
) -> None:
    """`auto_recovery` is documented "default: false": that is what the server assumes when
    a request leaves it out, not what an answer that leaves it out says."""
    body = {"server": {"id": "s-1", "name": "web", "status": "ACTIVE"}}
    _, handle = _recorder(httpx.Response(200, json=body))
    with _client(ecs, handle) as client:
        server = client.show_server("server-1").server
    assert server.auto_recovery is None
    assert "auto_recovery" not in server.model_dump(exclude_unset=True)
    assert ecs.models.Server.model_validate({**body["server"], "auto_recovery": True}).auto_recovery


def test_a_multipart_form_body_sends_fields_and_files_with_a_boundary(ecs: ModuleType) -> None:
    """APIG API import, OBS POST upload: a form of text fields and a file, from a model or a
    dict (where a (filename, bytes) tuple names the file)."""
    seen, handle = _recorder(httpx.Response(204))
    body = ecs.models.UploadImageFileRequest(name="disk", public=True, file=b"\x00\x01")
    with _client(ecs, handle) as client:
        assert client.upload_image_file(body=body) is None
        client.upload_image_file(body={"file": ("disk.qcow2", b"QFI")}, extra_body={"tag": 1})
        with client.with_options(default_headers={"content-type": "application/json"}) as json_h:
            json_h.upload_image_file(body={"file": io.BytesIO(b"QFI"), "name": "d"})
    first, second, third = seen
    assert first.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    assert b'name="public"\r\n\r\ntrue\r\n' in first.content
    assert b'name="file"; filename="file"' in first.content and b"\x00\x01" in first.content
    assert b'filename="disk.qcow2"' in second.content and b'name="tag"\r\n\r\n1' in second.content
    # the file goes last (OBS ignores fields after it), whatever the model's field order
    assert first.content.index(b'name="file"') > first.content.index(b'name="public"')
    assert third.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    assert third.content.index(b'name="file"') > third.content.index(b'name="name"')


def test_a_url_encoded_form_body_sends_its_fields_as_text(ecs: ModuleType) -> None:
    """An OAuth token request: fields as `a=b&c=d`, a list one field per item."""
    issued = "issued-by-the-fake-server"
    seen, handle = _recorder(httpx.Response(200, json={"access_token": issued}))
    with _client(ecs, handle) as client:
        body = {"grant_type": "client_credentials", "scopes": ["a", "b"], "refresh": True}
        assert client.create_access_token(body=body).access_token == issued
    (sent,) = seen
    assert sent.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert sent.content == b"grant_type=client_credentials&scopes=a&scopes=b&refresh=true"


def test_a_request_field_set_to_none_is_sent_as_null(ecs: ModuleType) -> None:
    """Clearing a field (a PATCH) takes an explicit null; a field not set is not sent."""
    seen, handle = _recorder(httpx.Response(200, json={"output": ""}))
    body = ecs.models.ShowConsoleOutputRequest.model_validate({"os-getConsoleOutput": {}})
    body.os_get_console_output.length = None
    with (
        _client(ecs, handle) as client,
        pytest.warns(DeprecationWarning, match="show_console_output"),
    ):
        client.show_console_output("server-1", body=body)
    assert json.loads(seen[0].content) == {"os-getConsoleOutput": {"length": None}}


@pytest.mark.parametrize(
    "error",
    [
        {"error": {"error_code": "KMS.0205", "error_msg": "Invalid key_id."}},  # KMS
        {"error_code": "KMS.0205", "error_msg": "Invalid key_id.", "request_id": "r"},
        {"message": {"code": "KMS.0205", "details": "Invalid key_id."}},  # LTS
        {"errorCode": "KMS.0205", "errorMessage": "Invalid key_id."},  # LTS
        {"badRequest": {"code": "KMS.0205", "message": "Invalid key_id."}},  # OpenStack
        {"code": 400, "error": {"error_code": "KMS.0205", "error_msg": "Invalid key_id."}},
    ],
    ids=["wrapped", "bare", "message-object", "camel-case", "openstack", "outer-code"],
)
def test_an_error_code_and_message_are_read_in_each_documented_shape(
    ecs: ModuleType, error: dict[str, Any]
) -> None:
    _, handle = _recorder(httpx.Response(400, json=error))
    with _client(ecs, handle) as client, pytest.raises(ecs.BadRequestError) as bad:
        client.show_server("server-1")
    assert (bad.value.error_code, bad.value.error_msg) == ("KMS.0205", "Invalid key_id.")


def test_closing_a_copy_leaves_the_clients_connections_open(ecs: ModuleType) -> None:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"servers": []})

    with _client(ecs, handle) as client:
        with client.with_options(timeout=1.0) as shorter:
            shorter.list_servers()
        client.list_servers()

    async def run() -> None:
        transport = httpx.MockTransport(handle)
        async with ecs.AsyncClient(BASE, project_id="p", transport=transport) as client:
            async with client.with_options(timeout=1.0) as shorter:
                await shorter.list_servers()
            await client.list_servers()

    asyncio.run(run())
    assert len(seen) == 4


def test_client_and_call_options(ecs: ModuleType) -> None:
    seen, handle = _recorder(httpx.Response(200, json={"servers": []}))
    with pytest.raises(ValueError, match=r"unknown region 'mars-1'.*eu-de, eu-nl"):
        ecs.Client(region="mars-1")
    with ecs.Client(region="eu-nl") as regional:
        assert regional.options.base_url == "https://ecs.eu-nl.cloud.test"
    client = _client(ecs, handle, default_headers={"X-Team": "a"}, timeout=5.0)
    with client:
        client.list_servers()
        client.list_servers(
            project_id="other",
            extra_headers={"OpenStack-API-Version": "compute 2.60"},
            extra_query={"all_tenants": 1},
            timeout=1.5,
        )
        shorter = client.with_options(timeout=0.5, default_headers={"X-Team": "b"})
        shorter.list_servers()
        raw = client.raw(client.list_servers, status="ACTIVE")
    first, second, third, fourth = seen
    assert first.url.path == "/v2.1/proj/servers" and second.url.path == "/v2.1/other/servers"
    assert first.headers["User-Agent"] == f"otc-ecs/{ecs.__version__}" == "otc-ecs/2024.5.1"
    assert first.headers["X-Team"] == "a" and third.headers["X-Team"] == "b"
    assert second.headers["OpenStack-API-Version"] == "compute 2.60"
    assert second.url.params["all_tenants"] == "1"
    assert [r.extensions["timeout"]["read"] for r in (first, second, third)] == [5.0, 1.5, 0.5]
    assert fourth.url.params["status"] == "ACTIVE"
    assert raw.status_code == 200 and raw.headers["content-type"] == "application/json"
    assert isinstance(raw.parse(), ecs.models.ServerList)
    with (
        ecs.Client(BASE, transport=httpx.MockTransport(handle)) as no_project,
        pytest.raises(ValueError, match="project_id is required"),
    ):
        no_project.list_servers()


def test_with_options_none_clears_auth_project_and_timeout_and_omitted_keeps_them(
    ecs: ModuleType,
) -> None:
    seen, handle = _recorder(httpx.Response(200, json={"servers": []}))
    with _client(ecs, handle, auth=ecs.TokenAuth("tok"), timeout=5.0) as client:
        anonymous = client.with_options(auth=None, timeout=None)
        anonymous.list_servers()
        client.with_options(max_retries=0).list_servers()
        assert client.with_options(project_id=None).options.project_id is None
        untyped: Any = client.with_options(region=None, max_retries=None, default_headers=None)
        assert untyped.options == client.options  # None where an option cannot be cleared
        chained = client.with_options(default_headers={"X-Team": "a"})
        chained = chained.with_options(default_headers={"x-team": "b"})
        assert dict(chained.options.default_headers) == {"x-team": "b"}
    cleared, kept = seen
    assert "X-Auth-Token" not in cleared.headers and kept.headers["X-Auth-Token"] == "tok"
    assert cleared.extensions["timeout"]["read"] is None
    assert kept.extensions["timeout"]["read"] == 5.0
    assert (anonymous.options.project_id, client.options.auth is not None) == ("proj", True)


def test_a_calls_timeout_none_means_no_timeout_as_in_with_options(ecs: ModuleType) -> None:
    """Per call as in `with_options`: no `timeout` is the client's, `timeout=None` none."""
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"servers": []})

    with _client(ecs, handle, timeout=5.0) as client:
        client.list_servers()
        client.list_servers(timeout=None)
        client.raw(client.list_servers, timeout=None)

    async def run() -> None:
        transport = httpx.MockTransport(handle)
        async with ecs.AsyncClient(BASE, project_id="p", transport=transport, timeout=4.0) as aio:
            await aio.list_servers()
            await aio.list_servers(timeout=None)

    asyncio.run(run())
    assert [r.extensions["timeout"]["read"] for r in seen] == [5.0, None, None, 4.0, None]


def test_async_raw_response_and_options(ecs: ModuleType) -> None:
    seen, handle = _recorder(httpx.Response(200, json={"output": "boot ok"}))

    async def run() -> Any:
        transport = httpx.MockTransport(handle)
        async with ecs.AsyncClient(BASE, project_id="p", transport=transport) as client:
            with pytest.warns(DeprecationWarning, match="show_console_output"):
                return await client.raw(
                    client.show_console_output, "s-1", body={"os-getConsoleOutput": {}}
                )

    raw = asyncio.run(run())
    assert raw.parsed.output == "boot ok" and raw.status_code == 200
    assert json.loads(seen[0].content) == {"os-getConsoleOutput": {}}


def test_logging_names_the_package_and_redacts_secrets(
    ecs: ModuleType, caplog: pytest.LogCaptureFixture
) -> None:
    answer = {"X-Request-Id": "req-7", "Set-Cookie": "session=c-SECRET"}
    _, handle = _recorder(httpx.Response(200, json={"servers": []}, headers=answer))
    caplog.set_level(logging.DEBUG, logger="otc_ecs")
    with _client(ecs, handle, auth=ecs.TokenAuth("tok-SECRET")) as client:
        client.list_servers(extra_headers={"Authorization": "Bearer also-SECRET"})
    with _client(ecs, handle, auth=ecs.AKSKAuth("AKID-SECRET", "SK-SECRET")) as client:
        client.list_servers()
        client.list_servers(
            marker="m 1", extra_query={"token": "q-SECRET", "X-Obs-Signature": "s-SECRET"}
        )
    assert {r.name for r in caplog.records} == {"otc_ecs"}
    assert "servers?marker=m%201&token=[REDACTED]&X-Obs-Signature=[REDACTED]" in caplog.text
    assert "/v2.1/proj/servers" in caplog.text and "[REDACTED]" in caplog.text
    assert "SECRET" not in caplog.text
    answered = [r.getMessage() for r in caplog.records if " -> 200 " in r.getMessage()]
    assert answered and all("'x-request-id': 'req-7'" in m for m in answered)  # the answer's
    assert "SECRET" not in repr(ecs.AKSKAuth("AKID-SECRET", "SK-SECRET"))


def test_docstrings_enums_and_deprecation(ecs: ModuleType) -> None:
    doc = inspect.getdoc(ecs.Client.list_servers) or ""
    assert doc.startswith("Listing ECSs\n\nLists the ECSs of the project, newest first.")
    for line in (
        "    project_id: The project ID. Defaults to the client's project_id.",
        "    limit: Maximum number of ECSs on a page.",
        "    status: ECS status.",
        "    models.ServerList: The ECSs.",
        "    BadRequestError: Invalid query.",
        "See: https://docs.cloud.test/ecs/ListServers.html",
    ):
        assert line in doc
    annotation = inspect.signature(ecs.Client.list_servers).parameters["status"].annotation
    assert annotation == "Literal['ACTIVE', 'SHUTOFF', 'ERROR'] | None"
    assert "Deprecated:" in (inspect.getdoc(ecs.Client.show_console_output) or "")
    assert "Deprecated:" not in (inspect.getdoc(ecs.Client.start_server) or "")


def test_one_method_per_action_with_its_own_body_and_response(ecs: ModuleType) -> None:
    methods = {name for name in vars(ecs.Client) if not name.startswith("_")}
    assert {"start_server", "stop_server", "show_console_output"} <= methods
    assert "server_action" not in methods
    hints = {
        name: inspect.signature(getattr(ecs.Client, name))
        for name in ("start_server", "stop_server", "show_console_output")
    }
    assert hints["start_server"].return_annotation == "None"
    assert hints["show_console_output"].return_annotation == "models.ConsoleOutput"
    assert "models.StopServerRequest" in str(hints["stop_server"].parameters["body"].annotation)
    assert "StartServer.html" in (inspect.getdoc(ecs.Client.start_server) or "")

    def handle(request: httpx.Request) -> httpx.Response:
        (key,) = json.loads(request.content)
        return (
            httpx.Response(200, json={"output": key}) if "Console" in key else httpx.Response(202)
        )

    with _client(ecs, handle) as client:
        assert client.start_server("s", body={"os-start": {}}) is None
        assert client.stop_server("s", body={"os-stop": {"type": "SOFT"}}) is None
        with pytest.warns(DeprecationWarning, match="show_console_output"):
            output = client.show_console_output("s", body={"os-getConsoleOutput": {}})
    assert isinstance(output, ecs.models.ConsoleOutput) and output.output == "os-getConsoleOutput"


def _pages(style: str) -> tuple[str, Handler]:
    """A fake server with 3 pages of 2 items (the last one short), paged in `style`."""
    items = [{"id": f"i{n}"} for n in range(5)]

    def page(start: int) -> list[dict[str, Any]]:
        return items[start : start + 2]

    def handle(request: httpx.Request) -> httpx.Response:
        q = request.url.params
        if style == "links":
            start = int(q.get("marker", "0") or 0)
            chunk = page(start)
            nxt = f"https://elsewhere.test/v2.1/proj/servers?limit=2&marker={start + 2}"
            links = [{"rel": "next", "href": nxt}] if start + 2 < len(items) else []
            servers = [{**i, "name": "n", "status": "ACTIVE"} for i in chunk]
            return httpx.Response(200, json={"servers": servers, "servers_links": links})
        if style == "marker":
            ids = [i["id"] for i in items]
            start = ids.index(q["marker"]) + 1 if "marker" in q else 0
            return httpx.Response(200, json={"volumes": page(start)})
        if style == "next_marker":
            start = int(q.get("marker", "0"))
            more = start + 2 < len(items)
            return httpx.Response(
                200,
                json={"snapshots": page(start), "next_marker": str(start + 2) if more else None},
            )
        if style == "page":
            return httpx.Response(200, json={"images": page((int(q.get("page_no", "1")) - 1) * 2)})
        return httpx.Response(200, json={"flavors": page(int(q.get("offset", "0")))})

    method = {
        "links": "list_servers",
        "marker": "list_volumes",
        "next_marker": "list_snapshots",
        "page": "list_images",
        "offset": "list_flavors",
    }[style]
    return method, handle


@pytest.mark.parametrize("style", ["links", "marker", "next_marker", "page", "offset"])
def test_iter_pages_through_three_pages_sync_and_async(ecs: ModuleType, style: str) -> None:
    method, handle = _pages(style)
    seen: list[httpx.Request] = []

    def recording(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return handle(request)

    size = {"page": "page_size"}.get(style, "limit")
    with _client(ecs, recording) as client, pytest.MonkeyPatch.context() as patch:
        patch.setattr("warnings.warn", lambda *a, **k: None)  # list_flavors is deprecated
        ids = [item.id for item in getattr(client, "iter_" + method)(**{size: 2})]
    assert ids == ["i0", "i1", "i2", "i3", "i4"]
    assert len(seen) == 3
    assert {r.url.host for r in seen} == {"ecs.test"}  # a next link never picks the host

    async def run() -> list[str]:
        transport = httpx.MockTransport(handle)
        async with ecs.AsyncClient(BASE, project_id="proj", transport=transport) as client:
            found = []
            async for item in getattr(client, "iter_" + method)(**{size: 2}):
                found.append(item.id)
            return found

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("warnings.warn", lambda *a, **k: None)
        assert asyncio.run(run()) == ids


def test_iter_stops_when_the_server_ignores_the_cursor(ecs: ModuleType) -> None:
    """A server (or a mock) that answers every page with the first one ends the loop after
    one repeat, instead of paging forever."""
    seen, handle = _recorder(httpx.Response(200, json={"flavors": [{"id": "a"}, {"id": "b"}]}))
    with _client(ecs, handle) as client, pytest.MonkeyPatch.context() as patch:
        patch.setattr("warnings.warn", lambda *a, **k: None)  # list_flavors is deprecated
        ids = [item.id for item in client.iter_list_flavors(limit=2)]
    assert ids == ["a", "b"] and len(seen) == 2


def test_generated_fixture_client_is_lint_and_type_clean(tmp_path: Path) -> None:
    import subprocess

    from tests.test_codegen import BIN

    project = tmp_path / "otc_ecs"
    generate_client(yaml.safe_load(SPEC.read_text()), project)
    config = str(project / "pyproject.toml")
    lint = subprocess.run([str(BIN / "ruff"), "check", "--config", config, str(project)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert lint.returncode == 0, lint.stdout[-2000:]
    typed = subprocess.run(
        [str(BIN / "mypy"), "--strict", "--config-file", config, str(project / "otc_ecs")],
        capture_output=True, text=True, check=False, cwd=project,
    )  # fmt: skip
    assert typed.returncode == 0, typed.stdout[-3000:]


def test_the_ecs_client_has_a_method_per_documented_action(
    html_services: dict[str, Any], tmp_path: Path
) -> None:
    """On the real ECS docs: every action of every shared action endpoint is a method of its
    own, and against the mock start, stop and reboot answer with their own, empty, shape."""
    spec = html_services["ecs"].spec
    expected = {
        snake_case(a["operationId"])
        for item in spec["paths"].values()
        for op in item.values()
        for a in op.get("x-actions", [])
    }
    assert len(expected) >= 30
    generate_client(spec, tmp_path / "otc_ecs")
    real = _import(tmp_path / "otc_ecs", "otc_ecs")
    assert expected <= set(dir(real.Client))
    with running_mock(spec) as url:
        client = real.Client(base_url=url, project_id="p", auth=real.TokenAuth("token"))
        with client:
            for name, key in (("start_server", "os-start"), ("stop_server", "os-stop")):
                assert getattr(client, name)("server-1", body={key: {}}) is None
            assert client.reboot_server("server-1", body={"reboot": {"type": "SOFT"}}) is None


def test_a_signed_query_with_a_space_or_a_plus_passes_the_mock_and_goes_as_percent_20(
    ecs: ModuleType,
) -> None:
    """httpx writes a space as "+", which one server reads as a plus and another as a space:
    the client writes %20, so both see (and sign) the same text."""
    spec = yaml.safe_load(SPEC.read_text())
    spec["components"]["securitySchemes"]["aksk"] = {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": "SDK-HMAC-SHA256",
    }
    spec["security"] = [{"aksk": []}]
    with (
        running_mock(spec, keys={"AK1": "SK1"}) as url,
        ecs.Client(url, project_id="p", auth=ecs.AKSKAuth("AK1", "SK1")) as client,
    ):
        for marker in ("a b", "a+b", "ä/&=%"):
            raw = client.raw(client.list_servers, marker=marker)
            assert raw.status_code == 200
        assert raw.http_response.request.url.query == b"marker=%C3%A4%2F%26%3D%25"
    seen, handle = _recorder(httpx.Response(200, json={"servers": []}))
    with _client(ecs, handle, default_headers={"user-agent": "mine/1"}) as client:
        client.list_servers(marker="a b", extra_headers={"USER-AGENT": "call/2"})
    assert seen[0].url.query == b"marker=a%20b"
    assert seen[0].headers.get_list("User-Agent") == ["call/2"]


def test_a_path_value_with_a_slash_reaches_the_mocks_operation_as_one_segment(
    ecs: ModuleType,
) -> None:
    """The client sends `env/prod` as `env%2Fprod`; the mock routes it as one value, not as
    two segments no operation has."""
    spec = yaml.safe_load(SPEC.read_text())
    with running_mock(spec) as url, ecs.Client(url, project_id="p", auth=ecs.TokenAuth("t")) as c:
        raw = c.raw(c.delete_server_tag, "server-1", "env/prod")
    assert raw.status_code == 204
    assert raw.http_response.request.url.raw_path.endswith(b"/tags/env%2Fprod")


ALTERNATIVES = {
    "openapi": "3.0.3",
    "info": {"title": "zones", "version": "1"},
    "servers": [{"url": "https://dns.test"}],
    "paths": {"/v2/zones": {
        "get": {"operationId": "ListZones", "parameters": [
            {"name": "limit", "in": "query", "schema": {"type": "integer", "default": 2}},
            {"name": "marker", "in": "query", "schema": {"type": "string"}}],
            "responses": {"200": {
            "description": "OK", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/ListZonesResponse"}}}}}},
        "post": {
            "operationId": "CreateZone",
            "requestBody": {"required": True, "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/CreateZoneRequest"}}}},
            "responses": {"202": {"description": "OK"}},
        },
    }},
    "components": {"schemas": {
        "ListZonesResponse": {"anyOf": [{"$ref": "#/components/schemas/PublicZones"},
                                        {"$ref": "#/components/schemas/PrivateZones"}]},
        "CreateZoneRequest": {"anyOf": [{"$ref": "#/components/schemas/PublicZone"},
                                        {"$ref": "#/components/schemas/PrivateZone"}]},
        "PublicZones": {"type": "object", "properties": {
            "zones": {"type": "array", "items": {"$ref": "#/components/schemas/PublicZone"}}}},
        "PrivateZones": {"type": "object", "properties": {
            "zones": {"type": "array", "items": {"$ref": "#/components/schemas/PrivateZone"}},
            "router": {"type": "string"}}},
        "PublicZone": {"type": "object", "required": ["name"], "properties": {
            "id": {"type": "string"}, "name": {"type": "string"}}},
        "PrivateZone": {"type": "object", "required": ["name", "router"], "properties": {
            "id": {"type": "string"}, "name": {"type": "string"}, "router": {"type": "string"}}},
    }},
}  # fmt: skip


def test_a_body_of_alternatives_is_typed_and_returned_as_its_members(tmp_path: Path) -> None:
    """Pages merged into one method and path give a RootModel of alternatives: callers pass
    and receive the members (`client.list_zones().zones`), never the wrapper's `.root`."""
    import subprocess

    from tests.test_codegen import BIN

    project = tmp_path / "otc_zones"
    generate_client(ALTERNATIVES, project)
    zones = _import(project, "otc_zones")
    list_zones = inspect.signature(zones.Client.list_zones)
    assert list_zones.return_annotation == "models.PublicZones | models.PrivateZones"
    body = inspect.signature(zones.Client.create_zone).parameters["body"].annotation
    assert body == "models.PublicZone | models.PrivateZone | dict[str, Any]"
    seen, handle = _recorder()

    def answer(request: httpx.Request) -> httpx.Response:
        handle(request)
        return httpx.Response(200, json={"zones": [{"name": "a."}]})

    with zones.Client(BASE, transport=httpx.MockTransport(answer)) as client:
        listed = client.list_zones()
        client.create_zone(body=zones.models.PrivateZone(name="b.", router="r"))
    assert isinstance(listed, zones.models.PublicZones) and listed.zones[0].name == "a."
    assert json.loads(seen[1].content) == {"name": "b.", "router": "r"}
    loose = {"zones": [{"name": None, "id": "z"}]}  # a null the docs do not allow: kept, typed
    with zones.Client(
        BASE, transport=httpx.MockTransport(lambda r: httpx.Response(200, json=loose))
    ) as client:
        tolerated = client.list_zones()
    assert isinstance(tolerated, zones.models.PublicZones) and tolerated.zones[0].id == "z"
    with zones.Client(BASE, transport=httpx.MockTransport(lambda r: httpx.Response(200))) as client:
        assert isinstance(client.list_zones(), zones.models.PublicZones)  # an empty body
    iterate = inspect.signature(zones.Client.iter_list_zones).return_annotation
    assert iterate == "Iterator[models.PublicZone | models.PrivateZone]"  # either list pages
    user = tmp_path / "user.py"
    user.write_text(
        "from otc_zones import Client, models\n\n\n"
        "def names(client: Client) -> list[str]:\n"
        "    client.create_zone(body=models.PublicZone(name='a.'))\n"
        "    listed = [zone.name for zone in client.list_zones().zones or []]\n"
        "    return listed + [zone.name for zone in client.iter_list_zones(limit=2)]\n"
    )
    typed = subprocess.run(
        [str(BIN / "mypy"), "--strict", "--config-file", str(project / "pyproject.toml"),
         str(project / "otc_zones"), str(user)],
        capture_output=True, text=True, check=False, cwd=project,
    )  # fmt: skip
    assert typed.returncode == 0, typed.stdout[-3000:]
