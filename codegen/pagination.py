"""Which list operations page, and how: limit/offset, page/size, marker, or `*_links` next.

A style is recognised from the query parameters and the response shape the docs give; the
generated `iter_*` method hands the style to the runtime's next_query (templates/_paging.py.j2).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from codegen.types import Types
from scraper.model import REF_PREFIX

PAGE_CURSORS = ("page", "page_no", "pageNo", "page_num", "pageNum", "page_number", "page_index")
SIZES = ("limit", "page_size", "pageSize", "size", "per_page", "perPage", "page_limit")
NEXT_MARKERS = ("next_marker", "nextMarker", "next_page_marker")


@dataclass
class PaginationView:
    items: str  # attribute of the response holding the list
    item_type: str
    style: str
    cursor: str | None  # python name of the cursor parameter
    cursor_wire: str
    size: str | None  # python name of the page size parameter
    page_size: int | None
    paging: str  # the runtime Paging(...) expression


def _int(value: Any, fallback: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else fallback


def _field(attr: str, wire: str) -> str:
    return f"({attr!r}, {wire!r})"


def detect(
    returns: str | None, params: list[Any], raw_params: list[dict[str, Any]], types: Types
) -> PaginationView | None:
    """The pagination of an operation whose response holds one list, or None."""
    if returns is None:
        return None
    schema = types.resolve({"$ref": REF_PREFIX + returns})
    fields = types.models.fields.get(returns, {})
    arrays = {
        wire: prop
        for wire, prop in schema.get("properties", {}).items()
        if types.resolve(prop).get("type") == "array" and wire in fields
    }
    links = [w for w in arrays if w == "links" or w.endswith("_links")]
    lists = [w for w in arrays if w not in links]
    if len(lists) != 1:
        return None
    query = {p.wire: p for p in params if p.location == "query" and not p.required}
    raw = {str(p.get("name")): p for p in raw_params if p.get("in") == "query"}
    size_wire = next((s for s in SIZES if s in query and query[s].py_type == "int"), None)
    item_schema = types.resolve(types.resolve(arrays[lists[0]]).get("items", {}))
    item_ref = types.ref_class(types.resolve(arrays[lists[0]]).get("items", {}))
    item_fields = types.models.fields.get(item_ref or "", {})
    paging = ""
    cursor_wire = ""
    if len(links) == 1:
        paging = f"Paging(style='links', links={_field(fields[links[0]], links[0])})"
        cursor_wire = "marker" if "marker" in query else ""
    elif "marker" in query:
        cursor_wire = "marker"
        marker = next((m for m in NEXT_MARKERS if m in fields), None)
        item_id = "id" if "id" in item_schema.get("properties", {}) else None
        if marker is None and item_id is None:
            return None
        parts = ["style='marker'", "cursor='marker'"]
        if marker:
            parts.append(f"next_marker={_field(fields[marker], marker)}")
        if item_id:
            parts.append(f"item_id={_field(item_fields.get('id', 'id'), 'id')}")
        paging = f"Paging({', '.join(parts)})"
    else:
        cursor_wire = next((c for c in PAGE_CURSORS if c in query), "")
        if cursor_wire and query[cursor_wire].py_type == "int":
            start = _int(raw[cursor_wire].get("schema", {}).get("default"), 1)
            paging = f"Paging(style='page', cursor={cursor_wire!r}, start={start})"
        elif "offset" in query and query["offset"].py_type == "int" and size_wire:
            cursor_wire = "offset"
            text = str(raw["offset"].get("description", "")).lower()
            by_page = "page" in text and "record" not in text
            start = _int(raw["offset"].get("schema", {}).get("default"), 0)
            paging = f"Paging(style='offset', cursor='offset', start={start}, by_page={by_page})"
        else:
            return None
    size_schema = raw[size_wire].get("schema", {}) if size_wire else {}
    default = size_schema.get("default", size_schema.get("maximum"))
    return PaginationView(
        items=fields[lists[0]],
        item_type=types.python(types.resolve(arrays[lists[0]]).get("items", {})),
        style=paging.split("'")[1],  # Paging(style='...', ...)
        cursor=query[cursor_wire].py_name if cursor_wire in query else None,
        cursor_wire=cursor_wire,
        size=query[size_wire].py_name if size_wire else None,
        page_size=default if _int(default, 0) > 0 else None,
        paging=paging,
    )
