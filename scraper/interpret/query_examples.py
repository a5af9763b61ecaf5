"""The query strings of a page's example requests, reconciled with each endpoint's rows.

An example request is usually copied from a live call, the parameter table typed by hand, so
each catches what the other misses: the example's value becomes the parameter's example (or
a reported defect when the schema rejects it); a key sent as `dim.0` for the row `dim` shows
the row is indexed on the wire (`dim.0`, `dim.1`, ...); a key no row names is added, typed by
its value, unless the tables document the name elsewhere, and is reported either way.
"""

from __future__ import annotations

import copy
import re
from dataclasses import replace

from openapi_schema_validator import OAS30Validator

from doc2openapi.scraper.interpret.columns import read_fields
from doc2openapi.scraper.interpret.constraints.evidence import drop_contradicted
from doc2openapi.scraper.interpret.endpoints import Endpoint, find_endpoints
from doc2openapi.scraper.interpret.page_state import Draft, PageContext
from doc2openapi.scraper.interpret.parameters import IMPLIED_HEADERS, name_similarity
from doc2openapi.scraper.interpret.schemas import SchemaBuilder
from doc2openapi.scraper.interpret.templates import TEMPLATE_VAR, instantiates
from doc2openapi.scraper.model import Json, Parameter, Schema
from doc2openapi.scraper.page import Block, Paragraph

INDEXED_KEY = re.compile(r"(.+?)(?:\.(\d{1,2})|\[(\d{1,2})\])")  # dim.0, tag[1]
MAX_INDEX = 20
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10}  # fmt: skip
# "A maximum of three (metric) dimensions are supported" (of the row `dim`): how many indices
STATED_COUNT = re.compile(
    rf"\b(?:a\s+maximum\s+of|up\s+to|at\s+most)\s+(\d{{1,2}}|{'|'.join(COUNTS)})\s+"
    r"((?:[a-z]+\s+)?[a-z]+)",
    re.I,
)


def read_request_line(block: Block, draft: Draft) -> None:
    """An example request line ("GET https://.../jobs?limit=10"), kept for its query; a
    template ("GET https://{endpoint}/v2/jobs?limit={limit}") gives no value, so no key."""
    text = block.body.text if isinstance(block, Paragraph) else getattr(block, "text", "")
    for line in find_endpoints(text.split("\n", 1)[0]):
        if line.query_values and line not in draft.request_lines:
            draft.request_lines.append(line)


def reconcile_query(ctx: PageContext, endpoint: Endpoint, params: list[Parameter]) -> None:
    """Each key of the endpoint's example requests against its rows (see the module)."""
    values: dict[str, str] = {}
    for line in _lines_of(ctx.draft, endpoint):
        for name, value in line.query_values:
            values.setdefault(name, value)  # the first the page shows
    for at, param in enumerate(params):
        if param.location == "query" and param.name in values:
            # the row may serve the page's other endpoints: the example and what it
            # contradicts are this endpoint's
            params[at] = param = replace(param, schema=copy.deepcopy(param.schema))
            _parameter_example(param, values[param.name], ctx.builder)
    query = {p.name: p for p in params if p.location == "query"}
    indexed: dict[str, list[str]] = {}
    for key in values:
        if key in query:
            continue
        match = INDEXED_KEY.fullmatch(key)
        if match and match.group(1) in query and _index(key) <= MAX_INDEX:
            indexed.setdefault(match.group(1), []).append(key)
        else:
            _undocumented_key(ctx, key, values[key], params, list(query))
    for name, sent in indexed.items():
        _index_row(ctx, params, query[name], sent, values)


def _lines_of(draft: Draft, endpoint: Endpoint) -> list[Endpoint]:
    """The page's request lines that fill in this endpoint's path and no more specific one
    of the page's (`/jobs/summary` beside `/jobs/{job_id}`); a walkthrough's line may call
    another API."""
    return [line for line in draft.request_lines if _closest(line, draft.endpoints) == endpoint]


def _closest(line: Endpoint, endpoints: list[Endpoint]) -> Endpoint | None:
    filled = [e for e in endpoints if e.method == line.method and instantiates(line.path, e.path)]
    return min(filled, key=lambda e: len(TEMPLATE_VAR.findall(e.path)), default=None)


def _index_row(
    ctx: PageContext,
    params: list[Parameter],
    row: Parameter,
    sent: list[str],
    values: dict[str, str],
) -> None:
    """The row `dim` sent as `dim.0` ... `dim.N`: one parameter per index up to the highest
    the example or the row's description shows ("dim.1=...", "A maximum of three
    dimensions": dim.2), the first as required as the row. The example's values are tested
    against the row once, for every index alike."""
    separator = "[" if any(key.startswith(f"{row.name}[") for key in sent) else "."
    indices = _described_indices(row) + [_index(key) for key in sent]
    names = [_key(row.name, n, separator) for n in range(min(max(indices), MAX_INDEX) + 1)]
    ctx.builder.diagnose(
        "inferred:indexed-query",
        f"query parameter {row.name!r} is sent as {', '.join(sent)} in the example request: "
        f"one parameter per index, {', '.join(names)}",
    )
    probe = replace(row, schema=copy.deepcopy(row.schema))  # the row may serve other endpoints
    examples = {k: _parameter_example(probe, values[k], ctx.builder) for k in sent if k in values}
    items = probe.schema.get("items") if probe.schema.get("type") == "array" else None
    schema = items if isinstance(items, dict) else probe.schema  # each index carries one item
    at = params.index(row)
    params[at : at + 1] = [
        Parameter(name, "query", row.required and i == 0, copy.deepcopy(schema),
                  row.description, row.source, _one(examples.get(name), items))
        for i, name in enumerate(names)
    ]  # fmt: skip


def _described_indices(row: Parameter) -> list[int]:
    """The indices the row's description shows ("dim.1=...") or counts ("A maximum of three
    dimensions": 0 to 2); a count of what each one holds ("up to 10 values") is no index."""
    shown = re.findall(rf"\b{re.escape(row.name)}\.(\d{{1,2}})\s*=", row.description)
    indices = [int(n) for n in shown]
    for count in STATED_COUNT.finditer(row.description):
        said, words = count.group(1).lower(), count.group(2).lower().split()
        counted = next((word for word in words if word.endswith("s")), "")  # the plural noun
        if counted.startswith(row.name.lower()):  # "dimension values" count values
            indices.append((int(said) if said.isdigit() else COUNTS[said]) - 1)
    return indices


def _one(example: Json, items: object) -> Json:
    """An indexed key's example: one item where the row is a list."""
    return example[0] if isinstance(items, dict) and isinstance(example, list) else example


def _index(key: str) -> int:
    match = INDEXED_KEY.fullmatch(key)
    return int(match.group(2) or match.group(3)) if match else 0


def _key(name: str, index: int, separator: str) -> str:
    return f"{name}[{index}]" if separator == "[" else f"{name}.{index}"


def _undocumented_key(
    ctx: PageContext, key: str, value: str, params: list[Parameter], rows: list[str]
) -> None:
    """A key the example sends that no query row names: added unless documented elsewhere
    or a misspelling of a row (`offest` for `offset`)."""
    elsewhere = _documented_elsewhere(ctx.draft, key, params) or _misspelt_row(key, rows)
    if elsewhere:
        ctx.builder.diagnose(
            "doc-defect:undocumented-parameter",
            f"the example request sends query key {key!r}, {elsewhere}; not added to the query",
        )
        return
    schema = _value_schema(value)
    ctx.builder.diagnose(
        "doc-defect:undocumented-parameter",
        f"the example request sends query key {key!r}, which no parameter row names; added as "
        f"an optional {schema['type']} query parameter",
    )
    params.append(Parameter(key, "query", False, schema, "", None, _typed_value(schema, value)))


def _documented_elsewhere(draft: Draft, key: str, params: list[Parameter]) -> str:
    lowered = key.lower()
    for param in params:
        if param.name.lower() == lowered and param.location != "query":
            return f"which is a {param.location} parameter of the operation"
    if lowered in IMPLIED_HEADERS:
        return "a standard request header"
    for ref in (draft.request, *draft.alternatives):
        if ref is not None and key in {f.name for f in read_fields(ref.table)}:
            return "which the tables document as a request body field"
    return ""


def _misspelt_row(key: str, rows: list[str]) -> str:
    """The query row `key` misspells: alike enough, or the same letters swapped; a plural
    (`tags` beside `tag`) may be another parameter."""
    for row in rows:
        if key.rstrip("s") == row.rstrip("s"):
            continue
        if name_similarity(key, row) >= 0.85 or (len(key) > 3 and sorted(key) == sorted(row)):
            return f"a misspelling of the query parameter {row!r}"
    return ""


def _value_schema(value: str) -> Schema:
    if re.fullmatch(r"-?\d{1,18}", value):
        return {"type": "integer"}
    if value.lower() in ("true", "false"):
        return {"type": "boolean"}
    return {"type": "string"}


def _parameter_example(param: Parameter, raw: str, builder: SchemaBuilder) -> Json:
    """The example request's value, typed as the parameter is; a mismatch is a defect. A
    list parameter's value is one item (`?id=a&id=b` repeats the key). A keyword read from
    prose that the value contradicts goes, as in bodies: `param.schema` is the caller's copy."""
    value: Json = _typed_value(param.schema, raw)
    if param.schema.get("type") == "array":
        items = param.schema.get("items")
        one = _typed_value(items if isinstance(items, dict) else {}, raw)
        value = None if one is None else [one]
    if value is not None:
        for dropped in drop_contradicted(param.schema, value):
            builder.diagnose(
                "doc-defect:constraint",
                f"query parameter {param.name!r}: example value {raw!r} {dropped}",
            )
    checker = OAS30Validator(param.schema, format_checker=OAS30Validator.FORMAT_CHECKER)
    if value is None or not checker.is_valid(value):
        builder.diagnose(
            "doc-defect:example",
            f"query parameter {param.name!r}: example value {raw!r} does not fit its schema",
        )
        return None
    param.example = value
    return value


def _typed_value(schema: Schema, raw: str) -> Json:
    """`raw` as the JSON value of the schema's scalar type; None when it is not one."""
    kind = schema.get("type")
    try:
        if kind == "integer":
            return int(raw)
        if kind == "number":
            return float(raw)
        if kind == "boolean":
            return {"true": True, "false": False}[raw.lower()]
    except (ValueError, KeyError):
        return None
    return raw
