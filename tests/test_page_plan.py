"""How a list operation pages, read from the docs (codegen/page_plan.py), case by case."""

from __future__ import annotations

from typing import Any

import pytest

from doc2openapi.codegen.page_plan import PagePlan, plan
from doc2openapi.codegen.types import ModelInfo, Types

ITEM = {"type": "object", "properties": {"id": {"type": "string"}}}
ROUTE = {
    "type": "object",
    "properties": {"route_id": {"type": "string"}, "used": {"type": "integer"}},
}


def _query(
    name: str, kind: str = "integer", description: str = "", **schema: Any
) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "description": description,
        "schema": {"type": kind, **schema},
    }


def _plan(
    params: list[dict[str, Any]], response: dict[str, Any], body: Any = None
) -> PagePlan | None:
    op: dict[str, Any] = {"parameters": params}
    if body is not None:
        op["requestBody"] = {"content": {"application/json": {"schema": body}}}
    types = Types({"components": {"schemas": {}}}, ModelInfo(set(), {}))
    return plan(op, {"type": "object", "properties": response}, types)


def _list(item: dict[str, Any] = ITEM) -> dict[str, Any]:
    return {"type": "array", "items": item}


def test_text_typed_page_and_size_page_as_text() -> None:
    found = _plan([_query("page", "string"), _query("size", "string")], {"images": _list()})
    assert found == PagePlan(
        style="page",
        location="query",
        items="images",
        cursor="page",
        size="size",
        start=1,
        text=("page", "size"),
    )


@pytest.mark.parametrize(
    ("description", "by_page"),
    [
        ("Start page of the paging list. The default value is 0.", True),
        ("Page offset, which starts from 0 (page number minus 1).", True),
        ("Index of the page to be queried.", True),
        ("Specifies the index position. Not required when you query the first page.", False),
        ("Offset of the pagination query. Left blank when the first page is queried.", False),
    ],
)
def test_an_offset_counts_pages_only_when_the_docs_say_page_number(
    description: str, by_page: bool
) -> None:
    found = _plan([_query("offset", description=description), _query("limit")], {"a": _list()})
    assert found is not None and found.style == "offset" and found.by_page is by_page


@pytest.mark.parametrize(
    ("start", "style"),
    [
        (_query("start", "string", "The first alarm shown. The value is alarm_id."), "marker"),
        (_query("start", "string", "Start of pagination. The value is an integer."), "offset"),
        (_query("start", "string", "Start of the page.", default="0"), "offset"),
        (_query("start", "integer", "ID of the task where the query starts."), "offset"),
    ],
)
def test_start_is_an_offset_when_numeric_else_a_marker(start: dict[str, Any], style: str) -> None:
    alarm = {"type": "object", "properties": {"alarm_id": {"type": "string"}}}
    found = _plan([start, _query("limit")], {"alarms": _list(alarm)})
    assert found is not None and found.style == style
    assert found.item_id == ("alarm_id" if style == "marker" else "")


def test_a_marker_names_an_id_field_of_the_items_never_a_plain_word() -> None:
    said = "ID of the last route on the previous page, used together with limit."
    assert _plan([_query("marker", "string", said)], {"routes": _list(ROUTE)}) is None
    named = "The value is route_id."
    found = _plan([_query("marker", "string", named)], {"routes": _list(ROUTE)})
    assert found is not None and (found.style, found.item_id) == ("marker", "route_id")


def test_the_next_marker_may_sit_in_page_info() -> None:
    page_info = {"type": "object", "properties": {"next_marker": {"type": "string"}}}
    found = _plan([_query("marker", "string")], {"routes": _list(ROUTE), "page_info": page_info})
    assert found is not None
    assert (found.style, found.next_marker) == ("next_marker", ("page_info", "next_marker"))


def test_body_paging_and_the_one_list_of_objects() -> None:
    body = {
        "type": "object",
        "properties": {"limit": {"type": "string"}, "marker": {"type": "string"}},
    }
    response = {
        "keys": _list({"type": "string"}),
        "key_details": _list(),
        "next_marker": {"type": "string"},
    }
    found = _plan([], response, body)
    assert found is not None
    assert (found.location, found.items) == ("body", "key_details")
    assert (found.cursor, found.size) == ("marker", "limit")


@pytest.mark.parametrize(
    ("params", "response"),
    [
        ([], {"versions": _list(), "links": _list()}),  # a bare links list is the resource's own
        ([_query("limit")], {"items": _list(), "count": {"type": "integer"}}),  # a size only
        ([_query("offset"), _query("limit")], {"summary": {"type": "object"}}),  # no list
        ([_query("offset")], {"flavors": _list(), "data": _list()}),  # which list pages?
    ],
)
def test_not_a_paged_list(params: list[dict[str, Any]], response: dict[str, Any]) -> None:
    assert _plan(params, response) is None
