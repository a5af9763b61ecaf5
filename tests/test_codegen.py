"""Generated clients: importable, typed, lint-clean, safe; and they work over HTTP."""

from __future__ import annotations

import asyncio
import importlib
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from doc2openapi.codegen import generate_client, render_package
from doc2openapi.codegen.docstrings import one_line
from doc2openapi.codegen.models import inspect_models
from doc2openapi.codegen.operations import operation_views
from doc2openapi.codegen.prepare import lift_inline_bodies
from doc2openapi.scraper.pipeline import ScrapeResult, scrape
from tests.conftest import PAGES, ROOT

BIN = Path(sys.executable).parent


def _import(project: Path, package: str) -> ModuleType:
    sys.path.insert(0, str(project))
    try:
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]
        return importlib.import_module(package)
    finally:
        sys.path.remove(str(project))


@pytest.fixture(scope="module")
def widget(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    project = tmp_path_factory.mktemp("gen") / "otc_widget"
    generate_client(scrape([PAGES], service="widget").spec, project)
    return _import(project, "otc_widget")


def _handler(routes: Mapping[tuple[str, str], Callable[[httpx.Request], httpx.Response]]) -> Any:
    def handle(request: httpx.Request) -> httpx.Response:
        route = routes.get((request.method, request.url.path))
        return route(request) if route else httpx.Response(404, json={"error_code": "NOPE"})

    return handle


def test_generated_package_is_deterministic(tmp_path: Path) -> None:
    spec = scrape([PAGES], service="widget").spec
    first = render_package(spec, "otc_widget").files
    assert first == render_package(spec, "otc_widget").files
    assert set(first) == {
        "pyproject.toml", "README.md", "otc_widget/__init__.py", "otc_widget/_about.py",
        "otc_widget/_auth.py", "otc_widget/_errors.py", "otc_widget/_forms.py",
        "otc_widget/_options.py",
        "otc_widget/_paging.py", "otc_widget/_parse.py", "otc_widget/_runtime.py",
        "otc_widget/_shapes.py", "otc_widget/_xml.py",
        "otc_widget/client.py", "otc_widget/models.py", "otc_widget/py.typed",
    }  # fmt: skip


def test_client_methods_return_typed_models(widget: ModuleType) -> None:
    seen: list[httpx.Request] = []

    def list_widgets(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"count": 1, "widgets": [{"id": "w1", "size": 3}]})

    routes = {("GET", "/v1/p1/widgets"): list_widgets}
    transport = httpx.MockTransport(_handler(routes))
    with widget.Client("https://api.test", transport=transport,
                       auth=widget.TokenAuth("secret-token")) as client:  # fmt: skip
        page = client.list_widgets(project_id="p1", limit=5, colour="red")
    assert isinstance(page, widget.models.ListWidgetsResponse)
    assert page.widgets[0].size == 3
    assert seen[0].url.params["limit"] == "5"
    assert seen[0].headers["X-Auth-Token"] == "secret-token"
    assert "secret-token" not in repr(widget.TokenAuth("secret-token"))


def test_async_client_and_request_body(widget: ModuleType) -> None:
    def create(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        assert body == {"name": "w", "spec": {"colour": "red"}}
        return httpx.Response(201, json={"id": "new"})

    transport = httpx.MockTransport(_handler({("POST", "/v1/p1/widgets"): create}))

    async def run() -> Any:
        async with widget.AsyncClient("https://api.test", transport=transport) as client:
            body = widget.models.CreateWidgetRequest(name="w", spec={"colour": "red"})
            return await client.create_widget(project_id="p1", body=body)

    created = asyncio.run(run())
    assert created.id == "new"


def test_pagination_retry_and_typed_errors(widget: ModuleType) -> None:
    calls: list[int] = []

    def pages(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params.get("offset", "0"))
        calls.append(offset)
        if len(calls) == 1:
            return httpx.Response(503, json={"error_code": "BUSY"})  # retried
        items = [{"id": f"w{i}"} for i in range(offset, min(offset + 2, 5))]
        return httpx.Response(200, json={"count": 5, "widgets": items})

    transport = httpx.MockTransport(_handler({("GET", "/v1/p1/widgets"): pages}))
    retry = widget.RetryPolicy(backoff=0)
    with widget.Client("https://api.test", transport=transport, retry=retry) as client:
        ids = [w.id for w in client.iter_list_widgets(project_id="p1", limit=2)]
        assert ids == ["w0", "w1", "w2", "w3", "w4"]
        assert calls == [0, 0, 2, 4]
        with pytest.raises(widget.NotFoundError) as caught:
            client.list_widgets(project_id="missing")
    assert caught.value.status_code == 404
    assert caught.value.error_code == "NOPE"


def test_posts_are_not_retried(widget: ModuleType) -> None:
    count = 0

    def busy(request: httpx.Request) -> httpx.Response:
        nonlocal count
        count += 1
        return httpx.Response(503, json={"error_code": "BUSY", "error_msg": "try later"},
                              headers={"X-Request-Id": "r-1"})  # fmt: skip

    transport = httpx.MockTransport(_handler({("POST", "/v1/p1/widgets"): busy}))
    retry = widget.RetryPolicy(backoff=0)
    with (
        widget.Client("https://api.test", transport=transport, retry=retry) as client,
        pytest.raises(widget.ServerError) as caught,
    ):
        client.create_widget(project_id="p1", body={"name": "w", "spec": {"colour": "red"}})
    assert count == 1
    assert (caught.value.error_msg, caught.value.request_id) == ("try later", "r-1")


def test_aksk_signature_matches_the_official_sdk(widget: ModuleType) -> None:
    from huaweicloudsdkcore.auth.credentials import BasicCredentials
    from huaweicloudsdkcore.sdk_request import SdkRequest
    from huaweicloudsdkcore.signer.signer import Signer

    body = b'{"name": "w"}'
    request = httpx.Request(
        "POST", "https://api.test/v1/p1/widgets?b=2&a=1 1",
        headers={"Content-Type": "application/json", "X-Sdk-Date": "20260101T000000Z"},
        content=body,
    )  # fmt: skip
    widget.AKSKAuth("AK123", "SK456").sign(request)
    reference = SdkRequest(
        method="POST", schema="https", host="api.test", resource_path="/v1/p1/widgets",
        query_params=[("b", "2"), ("a", "1 1")],
        header_params={"Content-Type": "application/json", "X-Sdk-Date": "20260101T000000Z"},
        body=body,
    )  # fmt: skip
    Signer(BasicCredentials("AK123", "SK456")).sign(reference)
    assert request.headers["Authorization"] == reference.header_params["Authorization"]


HOSTILE = {
    "openapi": "3.0.3",
    "info": {"title": 'Evil """ \\ {{ 7*7 }} </script>', "version": "1"},
    "paths": {
        "/things/{class}": {
            "get": {
                "operationId": "import",
                "summary": 'x"""; import os; os.system("echo pwned") # | `[a](javascript:x)` '
                           "https://evil.example www.evil.example me@evil.example",
                "description": "{{ config }} \\x00 </script> ''' \\",
                "parameters": [
                    {"name": "class", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "from", "in": "query", "schema": {"type": "integer"}},
                    {"name": "x-y.z", "in": "header", "schema": {"type": "string"}},
                    {"name": "self", "in": "query", "schema": {"type": "string"}},
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {
                            "$ref": "#/components/schemas/Thing"}}},
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Thing": {
                "type": "object",
                "description": 'Ends with a quote"',
                "properties": {
                    "def": {"type": "string", "description": '"""\\n__import__("os")'},
                    "a-b": {"type": "integer"},
                    "x.y": {"type": "string", "description": "{{ 1 }}"},
                },
            }
        }
    },
}  # fmt: skip


def test_hostile_spec_gives_valid_inert_code(tmp_path: Path) -> None:
    project = tmp_path / "otc_hostile"
    generate_client(HOSTILE, project)
    for source in (project / "otc_hostile").glob("*.py"):
        compile(source.read_text(), str(source), "exec")
    module = _import(project, "otc_hostile")
    thing = module.models.Thing.model_validate({"def": "d", "a-b": 1, "x.y": "v"})
    assert thing.model_dump(by_alias=True) == {"def": "d", "a-b": 1, "x.y": "v"}

    def answer(request: httpx.Request) -> httpx.Response:
        path = request.url.raw_path.split(b"?")[0]
        assert path == b"/things/a%2F..%2Fb"  # path values cannot escape the path
        assert request.url.params["from"] == "3"
        assert request.headers["x-y.z"] == "h"
        return httpx.Response(200, json={"def": "d"})

    with module.Client("https://h.test", transport=httpx.MockTransport(answer)) as client:
        result = client.import_("a/../b", from_=3, x_y_z="h")
    assert result.def_ == "d"
    readme = (project / "README.md").read_text()
    assert "</script>" not in readme and "\\[a\\](javascript" in readme  # text, no markup
    for link in ("https://evil", "www.evil", "me@evil"):  # what GitHub and PyPI would link
        assert link not in readme
    row = next(line for line in readme.splitlines() if line.startswith("| `import_`"))
    assert len(re.findall(r"(?<!\\)\|", row)) == 4  # one row of three cells


def test_the_package_readme_table_keeps_one_row_per_method() -> None:
    """A path with a newline or `|` and an operation without a summary stay one row each."""
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/a/{x}\n| y | z |": {"get": {"operationId": "odd", "responses": {"204": {
                "description": "none"}}, "parameters": [{"name": "x", "in": "path",
                "required": True, "schema": {"type": "string"}}]}},
            "/b": {"get": {"operationId": "bare", "description": "Line one.\nLine two.",
                           "responses": {"204": {"description": "none"}}}},
        },
    }  # fmt: skip
    readme = render_package(spec, "otc_t").files["README.md"]
    table = readme[readme.index("| method |") :].strip().splitlines()
    assert [line.split(" | ")[0] for line in table[2:]] == ["| `odd`", "| `bare`"]
    assert table[3].endswith("|  |")  # no summary: an empty cell, not the docstring's "Args:"
    assert "client.bare()" in readme  # the first call needs no argument


def _services(html_services: dict[str, ScrapeResult]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, result in sorted(html_services.items()):
        yield name, result.spec


def test_corpus_clients_typecheck_lint_and_round_trip_examples(
    html_services: dict[str, ScrapeResult], tmp_path: Path
) -> None:
    projects = []
    for name, spec in _services(html_services):
        project = tmp_path / f"otc_{name}"
        generate_client(spec, project)
        projects.append(project)
        module = _import(project, f"otc_{name}")
        prepared = lift_inline_bodies(spec)
        views = operation_views(
            prepared, inspect_models((project / f"otc_{name}" / "models.py").read_text())
        )
        checked = 0
        for view in views:
            if view.action is not None:  # answers with the action's own responses
                continue
            op = prepared["paths"][view.path][view.http_method.lower()]
            for status, response in op["responses"].items():
                media = response.get("content", {}).get("application/json", {})
                if not status.startswith("2") or "schema" not in media:
                    continue
                assert view.returns, (name, view.name, status)  # a documented body is read
                model = getattr(module.models, view.returns)
                for example in media.get("examples", {}).values():
                    parsed = model.model_validate(example["value"])
                    dumped = parsed.model_dump(mode="json", by_alias=True, exclude_unset=True)
                    assert dumped == example["value"], (name, view.name)
                    checked += 1
        assert checked >= 20, name
    for project in projects:
        lint = subprocess.run(
            [str(BIN / "ruff"), "check", "--config", str(project / "pyproject.toml"), str(project)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert lint.returncode == 0, lint.stdout[-2000:]
    typed = subprocess.run(
        [str(BIN / "mypy"), "--strict", "--config-file", str(projects[0] / "pyproject.toml"),
         *[str(p / p.name) for p in projects]],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )  # fmt: skip
    assert typed.returncode == 0, typed.stdout[-3000:]


ARGUMENTS = {"int": 1, "float": 1.0, "bool": True, "str": "x", "Any": "x"}


def _arguments(view: Any) -> tuple[list[Any], dict[str, Any]]:
    args = ["p-1" for _ in view.positional]
    kwargs = {
        p.py_name: [] if p.py_type.startswith("list[") else ARGUMENTS.get(p.py_type, "x")
        for p in view.keyword
        if p.required
    }
    if view.body is not None and view.body.required:
        kwargs["body"] = {}
    return args, kwargs


def _returned(module: ModuleType, view: Any) -> tuple[type, ...]:
    """The classes a method's annotation names (a RootModel of alternatives: its members)."""
    names = [n.removeprefix("models.") for n in view.return_type.split(" | ") if n != "None"]
    return tuple(getattr(module.models, n) for n in names)


def test_every_modelarts_method_sync_and_async(
    modelarts_html: ScrapeResult, tmp_path: Path
) -> None:
    from tests.fake_api import FakeAPI

    spec = modelarts_html.spec
    project = tmp_path / "otc_modelarts"
    generate_client(spec, project)
    module = _import(project, "otc_modelarts")
    views = operation_views(
        lift_inline_bodies(spec),
        inspect_models((project / "otc_modelarts" / "models.py").read_text()),
    )
    fake = FakeAPI(spec)
    base = "https://modelarts.test"
    typed = 0
    with module.Client(base, transport=fake.transport(), project_id="p-1") as client:
        for view in views:
            args, kwargs = _arguments(view)
            result = getattr(client, view.name)(*args, **kwargs)
            if view.returns:
                assert isinstance(result, _returned(module, view)), view.name
                typed += 1
            else:
                assert result is None

    async def run_all() -> int:
        count = 0
        async with module.AsyncClient(
            "https://modelarts.test", transport=fake.transport(), project_id="p-1"
        ) as aclient:
            for view in views:
                args, kwargs = _arguments(view)
                result = await getattr(aclient, view.name)(*args, **kwargs)
                if view.returns:
                    assert isinstance(result, _returned(module, view)), view.name
                    count += 1
        return count

    assert asyncio.run(run_all()) == typed
    assert len(views) >= 130
    assert typed >= 100
    assert len(fake.calls) == 2 * len(views)
    print(f"modelarts: {len(views)} methods called sync and async, {typed} typed results")


def test_an_endpoint_the_docs_do_not_name_is_asked_for_never_invented(
    widget: ModuleType,
) -> None:
    """The fixture pages name no region and no cloud domain (`x-doc-unnamed` in the spec)."""
    with pytest.raises(ValueError, match=r"names no region .* pass region=\.\.\. or base_url="):
        widget.Client()
    with pytest.raises(ValueError, match=r"names no external_domain_name .* pass base_url="):
        widget.Client(region="eu-de")
    with widget.Client("https://widgets.test") as client:
        assert client.options.base_url == "https://widgets.test"


def test_a_vendor_json_body_is_sent_with_its_media_type(tmp_path: Path) -> None:
    """IMS's Glance update takes a JSON patch as application/openstack-images-v2.1-json-patch."""
    media = "application/openstack-images-v2.1-json-patch"
    item = {"type": "object", "properties": {"op": {"type": "string"}}}
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "images", "version": "1"},
        "paths": {
            "/v2/images/{image_id}": {
                "patch": {
                    "operationId": "UpdateImage",
                    "parameters": [{"name": "image_id", "in": "path", "required": True,
                                    "schema": {"type": "string"}}],
                    "requestBody": {"required": True, "content": {
                        media: {"schema": {"type": "array", "items": item}}}},
                    "responses": {"204": {"description": "updated"}},
                }
            }
        },
    }  # fmt: skip
    project = tmp_path / "otc_images"
    generate_client(spec, project)
    module = _import(project, "otc_images")
    seen: list[httpx.Request] = []

    def update(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    transport = httpx.MockTransport(_handler({("PATCH", "/v2/images/i1"): update}))
    with module.Client("https://h.test", transport=transport) as client:
        client.update_image("i1", body=[{"op": "replace"}])
    assert seen[0].headers["Content-Type"] == media
    assert json.loads(seen[0].content) == [{"op": "replace"}]


def test_a_docstring_line_ends_a_heading_line_before_the_next_sentence() -> None:
    """A table cell's first paragraph ("Zone type") above a sentence reads as a heading on
    the page; on one docstring line it ends with a period instead of running on."""
    assert one_line("Zone type\nThe value is private.") == "Zone type. The value is private."
    assert one_line("The options are\n- ACTIVE\n- ERROR") == "The options are - ACTIVE - ERROR"
    assert one_line("Ends here.\nNext one.") == "Ends here. Next one."
    assert one_line("a value\nthat wraps") == "a value that wraps"
    assert one_line("\n  Zone   type \n\n The ID \n") == "Zone type. The ID"
    assert one_line(None) == ""
