"""The shape of a body's root as its examples show it, where the tables document the object
inside: a wrapper key (tables describe `{...}`, the example sends `{"server": {...}}`), a
list of the objects (classic ELB's listener list) or a map of them keyed by data (ids).

Examples are captured from the live API, so their shape wins; each change is reported.
"""

from __future__ import annotations

from doc2openapi.scraper.interpret.spellings import fits
from doc2openapi.scraper.model import SOURCE_KEY, Body, Diagnostic, Json, Operation, Schema
from doc2openapi.scraper.tree import resolve


def reshape_root(body: Body, op: Operation, label: str) -> list[Diagnostic]:
    """Each reshaping of the body's root that its examples call for, applied and reported."""
    found = [
        *_wrap(body, op, label),
        _unwrap_root_array(body, op, label) or _collection_of_documented(body, op, label),
    ]
    return [diagnostic for diagnostic in found if diagnostic is not None]


def _wrap(body: Body, op: Operation, label: str) -> list[Diagnostic]:
    """Wrap the body schema in the one key the examples wrap the documented fields in, when
    the tables omit it; examples that disagree on it are settled first."""
    properties = resolve(body.schema, op.schemas).get("properties", {})
    if not properties:
        return []
    left_out = _settle_wrapping(body, op, label, properties)
    key = _wrapper_key([ex.value for ex in body.examples])
    wrap = _wrap_in(body, op, label, key, properties) if key is not None else None
    return [*left_out, *([wrap] if wrap is not None else [])]


def _settle_wrapping(
    body: Body, op: Operation, label: str, properties: dict[str, Schema]
) -> list[Diagnostic]:
    """Examples of which some wrap the documented fields in one key and the others show them
    flat contradict each other: the shape most show wins (the table's, on a tie), and the
    others are reported and left out before they teach anything."""
    wrappers = [_wrapped_in(ex.value, properties) for ex in body.examples]
    keys = {wrapper for wrapper in wrappers if wrapper is not None}
    flat = [fits(ex.value, properties) for ex in body.examples]
    either = all(w is not None or f for w, f in zip(wrappers, flat, strict=True))
    if len(keys) != 1 or not any(flat) or not either:
        return []
    key = keys.pop()
    wrapped_wins = len(flat) - sum(flat) > sum(flat)
    shows = f"wraps the documented fields in {key!r}, where the other examples and the table do not"
    if wrapped_wins:
        shows = (
            f"shows the documented fields unwrapped, where the other examples wrap them in {key!r}"
        )
    kept = [ex for ex, is_flat in zip(body.examples, flat, strict=True) if is_flat != wrapped_wins]
    left_out = len(body.examples) - len(kept)
    body.examples = kept
    reason = f"{op.operation_id} {label} example: $ {shows}; left out"
    return [Diagnostic(op.source, "doc-defect:example", reason) for _ in range(left_out)]


def _wrap_in(
    body: Body, op: Operation, label: str, key: str, properties: dict[str, Schema]
) -> Diagnostic | None:
    """Wrap the body schema in `key`, when the first example wraps the documented fields
    (or a list of them) in it and no field is named so."""
    if _wrapped_in(body.examples[0].value, properties) != key:
        return None
    # {"networks": [{...}, ...]}: a list of documented objects
    listed = isinstance(body.examples[0].value[key], list)
    wrapped = {"type": "array", "items": body.schema} if listed else body.schema
    body.schema = {"type": "object", "properties": {key: wrapped}, "required": [key]}
    return Diagnostic(
        op.source,
        "inferred:wrapper",
        f"{op.operation_id} {label}: the example wraps the documented "
        f"{'objects in a list' if listed else 'fields'} in {key!r}",
    )


def _wrapper_key(values: list[Json]) -> str | None:
    """The key of every example when each is an object of that one key (`{"server": {..}}`)."""
    if not values or not all(isinstance(v, dict) and len(v) == 1 for v in values):
        return None
    keys = {next(iter(v)) for v in values}
    return keys.pop() if len(keys) == 1 else None


def _wrapped_in(value: Json, properties: dict[str, Schema]) -> str | None:
    """The one key of an example object that wraps the documented fields (or a list of
    them) under a name no field has."""
    if not isinstance(value, dict) or len(value) != 1:
        return None
    key, inner = next(iter(value.items()))
    sample = inner[0] if isinstance(inner, list) and inner else inner
    return key if key not in properties and fits(sample, properties) else None


def _unwrap_root_array(body: Body, op: Operation, label: str) -> Diagnostic | None:
    """A table with one array row ("LTSAgencyAccessConfigInfoList | Array of X") whose
    every example is a bare JSON list: the row names the list, and the body is the list."""
    values = [ex.value for ex in body.examples]
    if not values or not all(isinstance(v, list) for v in values):
        return None
    properties = resolve(body.schema, op.schemas).get("properties") or {}
    if len(properties) != 1:
        return None
    name, prop = next(iter(properties.items()))
    inner = resolve(prop, op.schemas)
    if inner.get("type") != "array":
        return None
    body.schema = {k: v for k, v in inner.items() if k != SOURCE_KEY}
    return Diagnostic(
        op.source,
        "inferred:root-array",
        f"{op.operation_id} {label}: the examples are lists; the one row {name!r} is the list",
    )


def _collection_of_documented(body: Body, op: Operation, label: str) -> Diagnostic | None:
    """A table of one object's fields whose every example is a list of such objects
    (classic ELB's listener list), or an object keyed by data (ids, names) whose values are
    such objects: the body is that list or map, as captured from the live API."""
    values = [ex.value for ex in body.examples]
    properties = resolve(body.schema, op.schemas).get("properties") or {}
    if not values or not properties:
        return None
    if all(isinstance(v, list) and v and all(fits(i, properties) for i in v) for v in values):
        body.schema = {"type": "array", "items": body.schema}
        kind, shape = "inferred:root-array", "lists of the object the table documents"
    elif all(_maps(v, properties) for v in values):
        body.schema = {"type": "object", "additionalProperties": body.schema}
        kind, shape = "doc-defect:shape", "maps of the object the table documents, keyed by data"
    else:
        return None
    return Diagnostic(
        op.source, kind, f"{op.operation_id} {label}: the examples are {shape}; the body is that "
        f"{'list' if kind == 'inferred:root-array' else 'map'}",
    )  # fmt: skip


def _maps(value: Json, properties: dict[str, Schema]) -> bool:
    """An object of two keys or more, none a documented field, each value fitting them."""
    return (
        isinstance(value, dict)
        and len(value) >= 2
        and not any(key in properties for key in value)
        and all(fits(member, properties) for member in value.values())
    )
