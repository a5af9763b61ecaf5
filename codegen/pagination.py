"""The `iter_*` of a list operation that pages: its plan (codegen/page_plan.py) in the names of
the generated models and method, and the runtime Paging(...) it hands to next_query
(codegen/runtime/_paging.py)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from doc2openapi.codegen.page_plan import PagePlan, plan
from doc2openapi.codegen.prepare import json_media
from doc2openapi.codegen.types import Types
from doc2openapi.scraper.model import REF_PREFIX


@dataclass
class PaginationView:
    items: str  # attribute of the response holding the list
    item_type: str
    style: str  # offset, page, marker, next_marker or links
    location: str  # query or body: where the iterator sends cursor and size
    cursor: str  # expression of the first page's cursor in the iterator (None: none given)
    size: str  # expression of the page size the call asks for
    page_size: int | None  # the documented default page size
    paging: str  # the runtime Paging(...) expression


def _field(attr: str, wire: str) -> str:
    return f"({attr!r}, {wire!r})"


def _path(returns: str, wires: tuple[str, ...], types: Types) -> str:
    """(attribute, wire) pairs down the response models to a nested field."""
    steps = []
    owner = returns
    for wire in wires:
        steps.append((types.models.fields.get(owner, {}).get(wire, wire), wire))
        prop = types.resolve({"$ref": REF_PREFIX + owner}).get("properties", {}).get(wire, {})
        owner = types.ref_class(prop) or ""
    return repr(tuple(steps))


def _paging(p: PagePlan, returns: str, item_ref: str | None, types: Types) -> str:
    fields = types.models.fields
    style = "marker" if p.style == "next_marker" else p.style  # the runtime tries both ways
    parts = [f"style={style!r}"]
    parts += [f"cursor={p.cursor!r}"] if p.cursor else []
    parts += [f"size={p.size!r}"] if p.size else []
    parts += [f"start={p.start}"] if p.start else []
    parts += ["by_page=True"] if p.by_page else []
    parts += [f"text={p.text!r}"] if p.text else []
    if p.next_marker:
        parts.append(f"next_marker={_path(returns, p.next_marker, types)}")
    if p.item_id:
        attr = fields.get(item_ref or "", {}).get(p.item_id, p.item_id)
        parts.append(f"item_id={_field(attr, p.item_id)}")
    if p.links:
        parts.append(f"links={_field(fields[returns][p.links], p.links)}")
    return f"Paging({', '.join(parts)})"


def _value(p: PagePlan, wire: str, params: list[Any], body: str | None, types: Types) -> str:
    """The expression for a paging input's value as the call gives it."""
    if not wire:
        return "None"
    if p.location == "body":
        attr = types.models.fields.get(body or "", {}).get(wire, wire)
        return f"field_of(body, {_field(attr, wire)})"
    return next((q.py_name for q in params if q.location == "query" and q.wire == wire), "None")


def detect(
    returns: str | None, params: list[Any], op: dict[str, Any], types: Types
) -> PaginationView | None:
    """The pagination of an operation whose response holds the list to page over, or None;
    for a response of alternatives (its members returned), the one every member pages by."""
    if returns is None:
        return None
    members = types.members({"$ref": REF_PREFIX + returns})
    if not members:
        return _detect(returns, params, op, types)
    views = [_detect(member, params, op, types) for member in members]
    first = views[0]
    if first is None or any(v is None or replace(v, item_type="") != replace(first, item_type="")
                            for v in views):  # fmt: skip
        return None
    item_types = (v.item_type for v in views if v is not None)
    return replace(first, item_type=" | ".join(dict.fromkeys(item_types)))


def _detect(
    returns: str, params: list[Any], op: dict[str, Any], types: Types
) -> PaginationView | None:
    found = plan(op, types.resolve({"$ref": REF_PREFIX + returns}), types)
    fields = types.models.fields.get(returns, {})
    if found is None or found.items not in fields or (found.links and found.links not in fields):
        return None
    schema = types.resolve({"$ref": REF_PREFIX + returns})["properties"][found.items]
    items = types.resolve(schema).get("items", {})
    body = types.ref_class((json_media(op.get("requestBody")) or {}).get("schema", {}))
    return PaginationView(
        items=fields[found.items],
        item_type=types.python(items),
        style=found.style,
        location=found.location,
        cursor=_value(found, found.cursor, params, body, types),
        size=_value(found, found.size, params, body, types),
        page_size=found.page_size,
        paging=_paging(found, returns, types.ref_class(items), types),
    )
