"""Which operations the docs describe as paged, and whether their client pages them.

    python bench/paging.py [--spec-dir spec] [--verbose]

Reads the specs `make` wrote (spec/*.yaml, spec/rst/*.yaml). An operation *looks paged* when
a query parameter or top-level request body field is a paging cursor or page size (offset,
start, marker, page, limit, ...), or its JSON response carries a next marker, a links list,
a page_info object or a count beside a list. It is a *paged list* when, besides, its
response has one list to page over and the docs say how to ask for the next page: a
`*_links` list beside it, or a cursor the client sends (a marker only when the response
gives the next one or the items carry the id it names). Each paged list has the style the
docs describe: links, next_marker, marker (the last item's id), page or offset.

Prints per tree and style how many paged lists there are and how many have `iter_*` in the
generated client, then each paged list without one and why every other operation that
looks paged is not a paged list. This reading of the docs is kept apart from the
generator's own (codegen/pagination.py): the corpus test holds the one against the other.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from doc2openapi.codegen.models import generate_models, inspect_models  # noqa: E402
from doc2openapi.codegen.operations import operation_views  # noqa: E402
from doc2openapi.codegen.prepare import actions, json_media, lift_inline_bodies  # noqa: E402
from doc2openapi.codegen.views import OperationView  # noqa: E402
from doc2openapi.scraper.model import REF_PREFIX  # noqa: E402
from doc2openapi.scraper.tree import resolve  # noqa: E402

STYLES = ("offset", "page", "marker", "next_marker", "links")
PAGES = {"page", "page_no", "pageNo", "page_num", "pageNum", "page_number", "page_index"}
MARKERS = {"marker", "continue", "cursor"}
SIZES = {"limit", "page_size", "pageSize", "pagesize", "size", "per_page", "perPage"}
NEXT_MARKERS = {"next_marker", "nextMarker", "next_page_marker"}
COUNTS = {"count", "total", "total_count", "totalCount"}


@dataclass(frozen=True)
class Reading:
    """What the docs say about paging one operation."""

    operation: str
    looks_paged: bool
    style: str | None = None  # set when the operation is a paged list
    reason: str = ""  # why it is not one


def _numeric(schema: dict[str, Any], description: str) -> bool:
    """A number, or text the docs say holds one (an integer default, 'the value is an integer')."""
    if schema.get("type") in ("integer", "number"):
        return True
    default = schema.get("default")
    return (isinstance(default, str) and default.isdigit()) or bool(
        re.search(r"\b(integer|number)\b", description, re.I)
    )


def _kind(name: str, schema: dict[str, Any], description: str) -> str | None:
    """The cursor kind of a parameter: page, offset or marker, else None."""
    if name in PAGES:
        return "page"
    if name == "offset" or (name == "start" and _numeric(schema, description)):
        return "offset"
    return "marker" if name in MARKERS or name == "start" else None


def _inputs(op: dict[str, Any], schemas: dict[str, Any]) -> list[tuple[str, dict[str, Any], str]]:
    """(name, schema, description) of the query parameters, else the body's top-level fields."""
    query = [
        (str(p.get("name")), resolve(p.get("schema", {}), schemas), str(p.get("description", "")))
        for p in op.get("parameters", [])
        if p.get("in") == "query"
    ]
    if any(_kind(*q) for q in query):
        return query
    body = json_media(op.get("requestBody")) or {}
    fields = resolve(body.get("schema", {}), schemas).get("properties", {})
    return query + [
        (str(k), resolve(v, schemas), str(v.get("description", ""))) for k, v in fields.items()
    ]


def _response(op: dict[str, Any], schemas: dict[str, Any]) -> dict[str, Any] | None:
    for status, response in sorted(op.get("responses", {}).items()):
        media = json_media(response) if status[:1] == "2" else None
        if media is not None:
            schema = resolve(media.get("schema", {}), schemas)
            alternatives = schema.get("anyOf") or schema.get("oneOf")
            if alternatives and "properties" not in schema:  # merged pages: the first's body
                return resolve(alternatives[0], schemas)
            return schema
    return None


def _is_object(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "object" or "properties" in schema


def _next_marker(props: dict[str, Any], schemas: dict[str, Any]) -> bool:
    if NEXT_MARKERS & set(props):
        return True
    nested = (resolve(p, schemas).get("properties", {}) for p in props.values())
    return any((NEXT_MARKERS | MARKERS) & set(fields) for fields in nested)


def _item_id(item: dict[str, Any], description: str) -> bool:
    ids = [f for f in item.get("properties", {}) if f.lower().endswith("id")]
    return "id" in ids or any(re.search(rf"\b{re.escape(f)}\b", description) for f in ids)


def read(op_id: str, op: dict[str, Any], schemas: dict[str, Any]) -> Reading:
    """The docs' word on paging one operation (or action)."""
    inputs = _inputs(op, schemas)
    cursors = {k: (name, desc) for name, s, desc in inputs if (k := _kind(name, s, desc))}
    sizes = [name for name, _, _ in inputs if name in SIZES]
    response = _response(op, schemas)
    props = (response or {}).get("properties", {})
    arrays = {k: resolve(v, schemas) for k, v in props.items()}
    arrays = {k: v for k, v in arrays.items() if v.get("type") == "array"}
    links = [k for k in arrays if k == "links" or k.endswith("_links")]
    lists = [k for k in arrays if k not in links]
    if len(lists) > 1:
        lists = [k for k in lists if _is_object(resolve(arrays[k].get("items", {}), schemas))]
    next_marker = _next_marker(props, schemas)
    counted = bool(COUNTS & set(props)) and bool(lists)
    looks = bool(cursors or sizes or next_marker or links or "page_info" in props or counted)
    if not looks:
        return Reading(op_id, False)
    if response is None:
        return Reading(op_id, True, reason="no JSON response")
    if not lists:
        return Reading(op_id, True, reason="no list in the response")
    if len(lists) > 1:
        return Reading(op_id, True, reason="several lists in the response")
    if any(k.endswith("_links") for k in links):
        return Reading(op_id, True, style="links")
    if "marker" in cursors:
        if next_marker:
            return Reading(op_id, True, style="next_marker")
        item = resolve(arrays[lists[0]].get("items", {}), schemas)
        if _item_id(item, cursors["marker"][1]):
            return Reading(op_id, True, style="marker")
        return Reading(op_id, True, reason="a marker neither the response nor the items give")
    for kind in ("page", "offset"):
        if kind in cursors:
            return Reading(op_id, True, style=kind)
    return Reading(op_id, True, reason="no cursor to send" + (" (a page size only)" * bool(sizes)))


def readings(spec: dict[str, Any]) -> Iterator[Reading]:
    """Every operation and action of a spec, read."""
    schemas = spec.get("components", {}).get("schemas", {})
    for methods in spec.get("paths", {}).values():
        shared = methods.get("parameters", [])
        for method, op in methods.items():
            if not isinstance(op, dict) or method == "parameters":
                continue
            op = {**op, "parameters": [*shared, *op.get("parameters", [])]}
            yield read(str(op.get("operationId")), op, schemas)
            for action in actions(op):
                body = action.get("requestBody")
                own = {
                    "parameters": op["parameters"],
                    "requestBody": {"content": {"application/json": {"schema": body}}},
                    "responses": action.get("responses") or op.get("responses", {}),
                }
                yield read(str(action["operationId"]), own, schemas)


def _only(spec: dict[str, Any], operation_ids: set[str]) -> dict[str, Any]:
    """The spec cut down to the paths of some operations and the schemas they reach."""
    paths = {
        path: methods
        for path, methods in spec.get("paths", {}).items()
        if any(isinstance(op, dict) and op.get("operationId") in operation_ids
               for op in methods.values())
    }  # fmt: skip
    schemas = spec.get("components", {}).get("schemas", {})
    reached: set[str] = set()
    todo: list[Any] = [paths]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            name = ref[len(REF_PREFIX) :] if isinstance(ref, str) else ""
            if name in schemas and name not in reached:
                reached.add(name)
                todo.append(schemas[name])
            todo.extend(node.values())
        elif isinstance(node, list):
            todo.extend(node)
    kept = {k: v for k, v in schemas.items() if k in reached}
    return {**spec, "paths": paths, "components": {**spec.get("components", {}), "schemas": kept}}


def client_style(view: OperationView) -> str | None:
    """The style of the method's iter_* (None: it has none)."""
    if view.pagination is None:
        return None
    style = view.pagination.style
    by_next = style == "marker" and "next_marker=" in view.pagination.paging
    return "next_marker" if by_next else style


def client_styles(spec: dict[str, Any], operation_ids: set[str]) -> dict[str, str | None]:
    """operationId -> the style the generated client pages it in, for the operations given."""
    prepared = lift_inline_bodies(_only(spec, operation_ids))
    views = operation_views(prepared, inspect_models(generate_models(prepared)))
    return {v.operation_id: client_style(v) for v in views if v.operation_id in operation_ids}


def spec_files(spec_dir: Path) -> dict[str, Path]:
    """tree name ("otc-html/ecs", "otc-rst/ecs") -> spec file, as `make spec` lays them out."""
    found = {f"otc-html/{f.stem}": f for f in sorted(spec_dir.glob("*.yaml"))}
    found |= {f"otc-rst/{f.stem}": f for f in sorted((spec_dir / "rst").glob("*.yaml"))}
    return found


def measure(spec: dict[str, Any]) -> list[tuple[Reading, str | None]]:
    """Each operation that looks paged, with the style of its client's iter_* (or None)."""
    looked = [r for r in readings(spec) if r.looks_paged]
    styles = client_styles(spec, {r.operation for r in looked})
    return [(r, styles.get(r.operation)) for r in looked]


def tally(rows: list[tuple[Reading, str | None]]) -> Counter[str]:
    """Counts of one tree: looks, paged, iter (the docs' style), any (some iter_*), and per
    style `<style>` (paged lists) and `<style>+` (with the docs' style of iter_*)."""
    count: Counter[str] = Counter(looks=len(rows))
    for reading, style in rows:
        if reading.style is None:
            continue
        count.update(["paged", reading.style])
        if style is not None:
            count["any"] += 1
        if style == reading.style:
            count.update(["iter", reading.style + "+"])
    return count


def _row(name: str, count: Counter[str]) -> str:
    cells = "  ".join(f"{count[s]:>5} / {count[s + '+']:<3}" for s in STYLES)
    numbers = "".join(f"{count[k]:>6}" for k in ("looks", "paged", "any", "iter"))
    return f"{name:<24}{numbers}  {cells}"


def _report(measured: dict[str, list[tuple[Reading, str | None]]], verbose: bool) -> None:
    head = "".join(f"{k:>6}" for k in ("looks", "paged", "any", "iter"))
    print(f"{'tree':<24}{head}  " + "  ".join(f"{s:>11}" for s in STYLES))
    print(f"{'':<48}(per style: paged lists / with iter_* in that style)")
    total: Counter[str] = Counter()
    for tree, rows in measured.items():
        count = tally(rows)
        total.update(count)
        print(_row(tree, count))
    print(_row("all", total))
    reasons = Counter(r.reason for rows in measured.values() for r, _ in rows if r.style is None)
    print("\nLooks paged, not a paged list:")
    for reason, n in reasons.most_common():
        print(f"  {n:>4}  {reason}")
    print("\nDisagreements (a paged list without iter_* in the docs' style, or the reverse):")
    problems = [
        f"  {tree} {r.operation}: docs {r.style or 'not paged'}, iter_* {style or 'none'}"
        for tree, rows in measured.items()
        for r, style in rows
        if style != r.style
    ]
    print("\n".join(problems) or "  none")
    if verbose:
        print("\nNot paged lists:")
        for tree, rows in measured.items():
            print("\n".join(f"  {tree} {r.operation}: {r.reason}" for r, _ in rows if r.reason))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--spec-dir", type=Path, default=ROOT / "spec")
    parser.add_argument("--verbose", action="store_true", help="list every non-paged one too")
    args = parser.parse_args()
    files = spec_files(args.spec_dir)
    if not files:
        sys.exit(f"no specs in {args.spec_dir}: run make first")
    measured = {
        tree: measure(yaml.safe_load(path.read_text(encoding="utf-8")))
        for tree, path in files.items()
    }
    _report(measured, args.verbose)


if __name__ == "__main__":
    main()
