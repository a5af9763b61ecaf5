"""One table that lists the fields of several nested objects side by side, nested as the
page's examples show (`ipsecpolicy Object`, `lifetime Object`, `value`, `units` in one table,
while the example sends `{"ipsecpolicy": {..., "lifetime": {"value", "units"}}}`; or
`floating_ip_pools Array of objects`, `name`, while the example sends
`{"floating_ip_pools": [{"name": ...}]}`).

A row moves only when every example places it under one chain of the table's own empty
objects; the move is reported as `inferred:nesting`.
"""

from __future__ import annotations

from collections.abc import Iterator

from doc2openapi.scraper.interpret.dotted_rows import INDEX, nest_dotted_rows
from doc2openapi.scraper.interpret.example_fields import walk_example
from doc2openapi.scraper.model import Body, Diagnostic, Json, Operation, Schema
from doc2openapi.scraper.tree import resolve, resolve_shown


def _empty_object(prop: Schema) -> bool:
    return prop.get("type") == "object" and not prop.get("properties") and "$ref" not in prop


def _container(prop: Schema) -> Schema | None:
    """The object rows can move into: an object, or the items of a list of objects, that
    the docs give no fields."""
    items = prop.get("items") if prop.get("type") == "array" else prop
    return items if isinstance(items, dict) and _empty_object(items) else None


def _paths_of(
    value: Json, containers: set[str], where: tuple[str, ...] = ()
) -> dict[str, set[tuple[str, ...]]]:
    """Field name -> the container paths the example shows it under (a list counts as its
    items), following only keys that name a documented empty object."""
    found: dict[str, set[tuple[str, ...]]] = {}
    items = value if isinstance(value, list) else [value]
    for item in items[:20]:
        if not isinstance(item, dict) or len(where) > 8:
            continue
        for key, inner in item.items():
            found.setdefault(key, set()).add(where)
            if key in containers:
                for name, paths in _paths_of(inner, containers, (*where, key)).items():
                    found.setdefault(name, set()).update(paths)
    return found


def _nesting(body: Body, properties: dict[str, Schema]) -> dict[str, tuple[str, ...]]:
    """Row name -> the one container path every example shows it under, for rows the
    examples nest inside documented empty objects (nothing when any example disagrees)."""
    containers = {k for k, v in properties.items() if isinstance(v, dict) and _container(v)}
    if not containers or not all(isinstance(ex.value, dict) for ex in body.examples):
        return {}
    shown: dict[str, set[tuple[str, ...]]] = {}
    for example in body.examples:
        for name, paths in _paths_of(example.value, containers).items():
            shown.setdefault(name, set()).update(paths)
    moves = {
        name: next(iter(paths))
        for name, paths in shown.items()
        if name in properties and len(paths) == 1 and next(iter(paths))
    }
    return {} if any(set(path) - containers for path in moves.values()) else moves


def _move_rows(root: Schema, moves: dict[str, tuple[str, ...]]) -> None:
    """Each moved row into its container, its required flag with it."""
    properties: dict[str, Schema] = root["properties"]
    required = set(root.get("required", []))
    containers = {k: c for k, v in properties.items() if (c := _container(v)) is not None}
    for name, path in moves.items():
        parent = containers[path[-1]]  # decided before any row moves in
        parent.setdefault("properties", {})[name] = properties.pop(name)
        if name in required:
            parent.setdefault("required", []).append(name)
    kept = [n for n in root.get("required", []) if n in properties]
    if kept:
        root["required"] = kept
    else:
        root.pop("required", None)


def nest_flat_table(body: Body, op: Operation, label: str) -> Diagnostic | None:
    """One table listing the fields of several objects side by side (`ipsecpolicy Object`,
    `lifetime Object`, then `value`, `units`): each row goes where every example shows it."""
    root = resolve(body.schema, op.schemas)
    moves = _nesting(body, root.get("properties", {}))
    if not moves:
        return None
    _move_rows(root, moves)
    return Diagnostic(
        op.source,
        "inferred:nesting",
        f"{op.operation_id} {label}: one table lists the fields of nested objects; "
        f"{len(moves)} placed as the example nests them",
    )


def nest_dotted_keys(body: Body, op: Operation, label: str) -> Diagnostic | None:
    """Rows named by a path with a step no row names (`root_volume.size` with no row
    `root_volume`; `publicip.eip.bandwidth.size` with no row `publicip.eip.bandwidth`),
    while an example nests the path (`"root_volume": {"size": ...}`) and has no key of the
    dotted name: the rows nest, and the missing steps become objects (lists of objects
    where the example has lists)."""
    made: set[str] = set()
    for example in body.examples:
        for schema, value in _objects(body.schema, example.value, op.schemas):
            shown = {
                name: listed
                for name in schema["properties"]
                if "." in name and name not in value
                and (listed := _nested_in(value, name.split(".")[:-1])) is not None
            }  # fmt: skip
            if shown:
                nest_dotted_rows(schema, shown)
                made |= {name.rpartition(".")[0] for name in shown}
    if not made:
        return None
    return Diagnostic(
        op.source,
        "inferred:nesting",
        f"{op.operation_id} {label}: rows named by a path under {', '.join(sorted(made))}, "
        "which no row names; nested as the example nests them",
    )


def _nested_in(value: dict[str, Json], steps: list[str]) -> list[bool] | None:
    """Whether each step of the path is a list (else an object) in the example, or None
    where the example does not nest that path."""
    listed: list[bool] = []
    current: Json = value
    for step in steps:
        inner = current.get(INDEX.sub("", step)) if isinstance(current, dict) else None
        if isinstance(inner, list):
            inner = next((item for item in inner if isinstance(item, dict)), None)
            listed.append(True)
        else:
            listed.append(False)
        if not isinstance(inner, dict):
            return None
        current = inner
    return listed


def _objects(
    schema: Schema, value: Json, schemas: dict[str, Schema]
) -> Iterator[tuple[Schema, dict[str, Json]]]:
    """Each documented object along the example, with the example's object there."""
    pairs = [(schema, value)]
    pairs += [(prop, inner) for _, _, prop, _, inner in walk_example(schema, value, schemas, "$")]
    for prop, inner in pairs:
        target = resolve_shown(prop, schemas, inner)
        if isinstance(inner, list) and isinstance(target.get("items"), dict):
            items = resolve_shown(target["items"], schemas, inner)
            yield from (
                (items, v) for v in inner[:20] if isinstance(v, dict) and "properties" in items
            )
        elif isinstance(inner, dict) and isinstance(target.get("properties"), dict):
            yield target, inner
