"""How a list operation pages, read from its parameters and response schema (wire names only).

The cursor travels in the query, else in the request body's top-level fields: page numbers
(`page`, `page_no`, ...), an offset (`offset`, or a numeric `start`), or a marker (`marker`,
`continue`, a non-numeric `start`). The response holds the one list to page over and maybe
the next page's marker (`next_marker`, or inside an object such as `page_info`) or a
`*_links` list with rel "next". Paging values the docs type as text are sent as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from doc2openapi.codegen.prepare import json_media
from doc2openapi.codegen.types import Types

PAGES = ("page", "page_no", "pageNo", "page_num", "pageNum", "page_number", "page_index")
MARKERS = ("marker", "continue", "cursor")
SIZES = ("limit", "page_size", "pageSize", "pagesize", "size", "per_page", "perPage", "page_limit")
NEXT_MARKERS = ("next_marker", "nextMarker", "next_page_marker")
BY_PAGE = re.compile(
    r"\bpage (number|offset|index)\b|\bstart page\b|\bnumber of pages\b"
    r"|\b(index|number) of the( query)? page\b|\bpage to be queried\b",
    re.I,
)


@dataclass(frozen=True)
class Field:
    """A paging parameter: a query parameter or a top-level body field."""

    wire: str
    schema: dict[str, Any]
    description: str

    @property
    def text(self) -> bool:
        return self.schema.get("type") == "string"


@dataclass(frozen=True)
class PagePlan:
    style: str  # offset, page, marker (the last item's id), next_marker or links
    location: str  # where cursor and size travel: query or body
    items: str  # the response's list
    cursor: str = ""
    size: str = ""
    page_size: int | None = None  # the size the server uses when none is sent
    start: int = 0  # offset or page number of the first page
    by_page: bool = False  # an offset counting pages, not items
    text: tuple[str, ...] = ()  # cursor and size sent as text
    next_marker: tuple[str, ...] = ()  # path to the next marker in the response
    item_id: str = ""  # the item field a marker names
    links: str = ""  # the response's `*_links` list


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    return int(value) if isinstance(value, str) and value.isdigit() else None


def _numeric(field: Field) -> bool:
    """A number, or text the docs say holds one (an integer default, 'the value is an integer')."""
    if field.schema.get("type") in ("integer", "number"):
        return True
    if _int(field.schema.get("default")) is not None:
        return True
    return bool(re.search(r"\b(integer|number)\b", field.description, re.I))


def _cursor(fields: dict[str, Field]) -> tuple[str, Field] | None:
    """(kind, field) of the cursor: a marker before page numbers before an offset."""
    start = fields.get("start")
    found = [
        *(("marker", fields[m]) for m in MARKERS if m in fields),
        *([("marker", start)] if start and not _numeric(start) else []),
        *(("page", fields[p]) for p in PAGES if p in fields),
        *(("offset", fields[o]) for o in ("offset", "start") if o in fields),
    ]
    return found[0] if found else None


def _inputs(op: dict[str, Any], types: Types) -> tuple[str, dict[str, Field]]:
    """Where the paging inputs are (query, else body) and the fields there by wire name."""
    query = {
        str(p["name"]): Field(
            str(p["name"]), types.resolve(p.get("schema", {})), str(p.get("description", ""))
        )
        for p in op.get("parameters", [])
        if p.get("in") == "query" and "name" in p
    }
    if _cursor(query):
        return "query", query
    media = json_media(op.get("requestBody")) or {}
    props = types.resolve(media.get("schema", {})).get("properties", {})
    body = {
        str(k): Field(str(k), types.resolve(v), str(v.get("description", "")))
        for k, v in props.items()
        if isinstance(v, dict)
    }
    return ("body", body) if _cursor(body) else ("query", query)


def _page_list(props: dict[str, Any], types: Types) -> tuple[str | None, str]:
    """The list to page over (the one list, else the one list of objects) and `*_links`."""
    arrays = [w for w, p in props.items() if types.resolve(p).get("type") == "array"]
    links = [w for w in arrays if w.endswith("_links")]
    lists = [w for w in arrays if w not in links and w != "links"]
    if len(lists) > 1:
        lists = [w for w in lists if _is_object(types.resolve(_items(props[w], types)))]
    return (lists[0] if len(lists) == 1 else None), (links[0] if len(links) == 1 else "")


def _items(prop: dict[str, Any], types: Types) -> dict[str, Any]:
    items = types.resolve(prop).get("items", {})
    return items if isinstance(items, dict) else {}


def _is_object(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "object" or "properties" in schema


def _next_marker(props: dict[str, Any], types: Types) -> tuple[str, ...]:
    """The path to the next page's marker: top level, else one object down (page_info)."""
    top = next((m for m in NEXT_MARKERS if m in props), None)
    if top:
        return (top,)
    names = (*NEXT_MARKERS, *MARKERS)
    for wire, prop in props.items():
        inner = types.resolve(prop).get("properties", {})
        found = next((m for m in names if m in inner), None)
        if found:
            return (wire, found)
    return ()


def _item_id(item: dict[str, Any], marker: Field) -> str:
    """The item field a marker holds: `id`, else an id field its description names."""
    fields = item.get("properties", {})
    if "id" in fields:
        return "id"
    ids = (f for f in fields if f.lower().endswith("id"))
    return next((f for f in ids if re.search(rf"\b{re.escape(f)}\b", marker.description)), "")


def _by_page(offset: Field) -> bool:
    """An offset the docs call a page number ('start page', 'page offset'), not a record index."""
    return bool(BY_PAGE.search(offset.description))


def plan(op: dict[str, Any], response: dict[str, Any], types: Types) -> PagePlan | None:
    """How `op` pages, given its resolved 2xx response schema; None if it does not."""
    props = response.get("properties", {})
    items, links = _page_list(props, types)
    if items is None:
        return None
    location, fields = _inputs(op, types)
    found = _cursor(fields)
    base = _shared(location, items, found[1] if found else None, fields)
    if links:
        marker = found[1].wire if found and found[0] == "marker" else ""
        return replace(base, style="links", links=links, cursor=marker)
    if found is None:
        return None
    kind, cursor = found
    if kind == "marker":
        return _marker_plan(base, cursor, props, types)
    return _counted_plan(base, kind, cursor)


def _shared(location: str, items: str, cursor: Field | None, fields: dict[str, Field]) -> PagePlan:
    """What every style has (where the values travel, the list, the page size), no style yet."""
    size = next((fields[s] for s in SIZES if s in fields), None)
    return PagePlan(
        style="",
        location=location,
        items=items,
        size=size.wire if size else "",
        page_size=_page_size(size),
        text=tuple(f.wire for f in (cursor, size) if f and f.text),
    )


def _marker_plan(
    base: PagePlan, cursor: Field, props: dict[str, Any], types: Types
) -> PagePlan | None:
    """A marker: the next one from the response, else the last item's id; None if neither."""
    next_marker = _next_marker(props, types)
    item_id = _item_id(types.resolve(_items(props[base.items], types)), cursor)
    if not next_marker and not item_id:
        return None
    style = "next_marker" if next_marker else "marker"
    return replace(base, style=style, cursor=cursor.wire, next_marker=next_marker, item_id=item_id)


def _counted_plan(base: PagePlan, kind: str, cursor: Field) -> PagePlan:
    """Page numbers or an offset, counted from the documented default (else 1 or 0)."""
    start = _int(cursor.schema.get("default"))
    if kind == "page":
        return replace(base, style="page", cursor=cursor.wire, start=1 if start is None else start)
    by_page = _by_page(cursor)
    return replace(base, style="offset", cursor=cursor.wire, start=start or 0, by_page=by_page)


def _page_size(size: Field | None) -> int | None:
    if size is None:
        return None
    value = _int(size.schema.get("default", size.schema.get("maximum")))
    return value if value else None
