"""iter_* through three pages for the paging the corpus documents beyond the plain styles
(tests/fixtures/codegen/paging.yaml), sync and async. Every request is first checked by the
mock built from the same spec (a value sent as a number where the docs say text is refused),
then answered with the next page of five items, two at a time. The ECS FPGA lists (page and
size typed String) do the same on the real docs."""

from __future__ import annotations

import asyncio
import json
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
import yaml

from doc2openapi.codegen import generate_client
from doc2openapi.contract.mock import MockAPI
from doc2openapi.scraper.pipeline import ScrapeResult
from tests.conftest import FIXTURES
from tests.test_codegen import _import

SPEC = yaml.safe_load((FIXTURES / "codegen" / "paging.yaml").read_text())
BASE = "https://paging.test"
NAMES = [f"i{n}" for n in range(5)]
TOKEN = {"X-Auth-Token": "mock-token"}


@dataclass(frozen=True)
class Case:
    """One paged list: how a request names its page, and how a page answers."""

    method: str
    call: dict[str, Any]  # the arguments of iter_<method>()
    where: str  # query or body
    cursor: str  # the cursor's wire name
    sent: list[Any]  # the cursor each of the three requests sends (None: none)
    index: Callable[[Any], int]  # the first item a cursor asks for
    page: Callable[[list[dict[str, str]], int], dict[str, Any]]  # answer: items, next index
    field: str  # the item field naming an item


def _more(then: int, prefix: str) -> str:
    """The next page's marker (prefix and first item's index), empty after the last page."""
    return f"{prefix}{then}" if then < len(NAMES) else ""


CASES = [
    Case(
        "list_associations", {"size": "2"}, "query", "page", [None, "2", "3"],
        lambda c: (int(c or 1) - 1) * 2, lambda items, _: {"associations": items}, "image_id",
    ),
    Case(
        "list_actions", {"server_id": "s1", "limit": "2"}, "query", "marker", [None, "i1", "i3"],
        lambda c: NAMES.index(c) + 1 if c else 0, lambda items, _: {"actions": items},
        "request_id",
    ),
    Case(
        "list_routes", {"limit": 2}, "query", "marker", [None, "r2", "r4"],
        lambda c: int(c[1:]) if c else 0,
        lambda items, then: {"routes": items, "page_info": {"next_marker": _more(then, "r")}},
        "route_id",
    ),
    Case(
        "list_networks", {"limit": 2}, "query", "continue", [None, "t2", "t4"],
        lambda c: int(c[1:]) if c else 0,
        lambda items, then: {"items": items, "metadata": {"continue": _more(then, "t")}},
        "name",
    ),
    Case(
        "query_resource_instances", {"body": {"action": "filter", "limit": "2"}}, "body",
        "offset", [None, "2", "4"], lambda c: int(c or 0),
        lambda items, _: {"resources": items, "total_count": len(NAMES)}, "resource_id",
    ),
    Case(
        "list_keys", {"body": {"limit": "2"}}, "body", "marker", [None, "k2", "k4"],
        lambda c: int(c[1:]) if c else 0,
        lambda items, then: {
            "keys": [i["key_id"] for i in items],
            "key_details": items,
            "next_marker": _more(then, "k"),
            "truncated": str(then < len(NAMES)).lower(),
        },
        "key_id",
    ),
    Case(
        "list_alarms", {"offset": 0, "limit": 2}, "query", "offset", ["0", "1", "2"],
        lambda c: int(c) * 2, lambda items, _: {"alarms": items, "count": len(NAMES)},
        "alarm_id",
    ),
]  # fmt: skip


@pytest.fixture(scope="module")
def paging(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    project = tmp_path_factory.mktemp("gen") / "otc_paging"
    generate_client(SPEC, project)
    return _import(project, "otc_paging")


def _cursor(case: Case, request: httpx.Request) -> Any:
    if case.where == "query":
        return request.url.params.get(case.cursor)
    return json.loads(request.content or b"{}").get(case.cursor)


def _server(
    case: Case, seen: list[Any], spec: dict[str, Any] = SPEC
) -> Callable[[httpx.Request], httpx.Response]:
    mock = httpx.WSGITransport(app=MockAPI(spec))

    def handle(request: httpx.Request) -> httpx.Response:
        checked = mock.handle_request(
            httpx.Request(request.method, request.url, headers=request.headers,
                          content=request.content)
        )  # fmt: skip
        checked.read()
        assert checked.status_code < 300, checked.text
        cursor = _cursor(case, request)
        seen.append(cursor)
        start = case.index(cursor)
        items = [{case.field: name} for name in NAMES[start : start + 2]]
        return httpx.Response(200, json=case.page(items, start + 2))

    return handle


@pytest.mark.parametrize("case", CASES, ids=[c.method for c in CASES])
def test_iter_pages_through_three_pages_sync_and_async(paging: ModuleType, case: Case) -> None:
    seen: list[Any] = []
    transport = httpx.MockTransport(_server(case, seen))
    options: dict[str, Any] = {"project_id": "p", "default_headers": TOKEN}
    with paging.Client(BASE, transport=transport, **options) as client:
        items = list(getattr(client, "iter_" + case.method)(**case.call))
    assert [getattr(item, case.field) for item in items] == NAMES
    assert seen == case.sent

    async def run() -> list[str]:
        async with paging.AsyncClient(BASE, transport=transport, **options) as client:
            method = getattr(client, "iter_" + case.method)
            return [getattr(item, case.field) async for item in method(**case.call)]

    seen.clear()
    assert asyncio.run(run()) == NAMES
    assert seen == case.sent


def _under(key: str) -> Callable[[list[dict[str, str]], int], dict[str, Any]]:
    return lambda items, _: {key: items}


def test_the_ecs_fpga_lists_page_by_page_numbers_typed_as_text(
    html_services: dict[str, ScrapeResult], tmp_path: Path
) -> None:
    """Issue 17's known gap, on the real ECS docs: page and size are documented as String."""
    spec = html_services["ecs"].spec
    generate_client(spec, tmp_path / "otc_ecs")
    ecs = _import(tmp_path / "otc_ecs", "otc_ecs")
    lists = [
        ("list_associations", "associations", "image_id"),
        ("list_fpga_image_details", "fpgaimages", "id"),
    ]
    for method, items, field in lists:
        case = Case(
            method, {"size": "2"}, "query", "page", [None, "2", "3"],
            lambda c: (int(c or 1) - 1) * 2, _under(items), field,
        )  # fmt: skip
        seen: list[Any] = []
        transport = httpx.MockTransport(_server(case, seen, spec))
        with ecs.Client(BASE, transport=transport, project_id="p", default_headers=TOKEN) as client:
            found = list(getattr(client, "iter_" + method)(**case.call))
        assert [getattr(item, field) for item in found] == NAMES
        assert seen == case.sent


def test_generated_paging_client_is_lint_and_type_clean(tmp_path: Path) -> None:
    from tests.test_codegen import BIN

    project = tmp_path / "otc_paging"
    generate_client(SPEC, project)
    config = str(project / "pyproject.toml")
    lint = subprocess.run([str(BIN / "ruff"), "check", "--config", config, str(project)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert lint.returncode == 0, lint.stdout[-2000:]
    typed = subprocess.run(
        [str(BIN / "mypy"), "--strict", "--config-file", config, str(project / "otc_paging")],
        capture_output=True, text=True, check=False, cwd=project,
    )  # fmt: skip
    assert typed.returncode == 0, typed.stdout[-3000:]
