"""Pages that document one method and path, merged into one operation.

OpenStack "action" APIs and pairs such as DNS's public and private zone pages share an
endpoint: the parameters are their union, each body any of the documented shapes, and a
merged page's schemas keep names of their own.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import chain, count

from doc2openapi.scraper.actions import snapshot, split_actions
from doc2openapi.scraper.components import fingerprint, rewrite_refs
from doc2openapi.scraper.model import Body, Diagnostic, Operation, Response
from doc2openapi.scraper.name_clashes import with_word
from doc2openapi.scraper.naming import cap, singular, title_name, words_of


def _absorb_schemas(first: Operation, other: Operation) -> dict[str, str]:
    """Bring `other`'s local schemas into `first`'s, renaming names that mean something else
    by the word of its page's title that the first page's lacks (DNS "Querying Public Zones"
    beside "Querying Private Zones": ListPublicZonesResponse); a number where none does."""
    mapping: dict[str, str] = {}
    word = _title_word(other, first)
    for name in other.schemas:
        shown = fingerprint(name, other.schemas)
        worded = [_with_title_word(name, word, other.operation_id)] if word else []
        taken = set(mapping.values()) | (set(other.schemas) - {name})  # by its other schemas
        mapping[name] = next(
            target
            for target in chain([name], worded, (f"{name}{n}" for n in count(2)))
            if target not in taken
            and (target not in first.schemas or fingerprint(target, first.schemas) == shown)
        )
    for name, schema in other.schemas.items():
        first.schemas.setdefault(mapping[name], rewrite_refs(schema, mapping))
    return mapping


LINKING_WORDS = frozenset({"using", "with", "in", "of", "for", "by", "to", "from", "on", "and"})


def _title_word(op: Operation, first: Operation) -> str:
    """The first word of `op`'s page title that `first`'s title and name lack (linking words
    and plurals aside), capitalised."""
    words = [*words_of(title_name(first.summary)), *words_of(first.operation_id)]
    known = {singular(w) for w in words}
    extra = [
        w
        for w in words_of(title_name(op.summary))
        if singular(w) not in known and w not in LINKING_WORDS
    ]
    return cap(extra[:1])


def _with_title_word(name: str, word: str, operation_id: str) -> str:
    """ "ListZonesResponse" + "Public" -> "ListPublicZonesResponse" (after the verb of a
    name the operation gives); "Zone" + "Public" -> "PublicZone"."""
    return with_word(name, word) if name.startswith(operation_id) else word + name


def _merge_body(first: Body | None, other: Body | None, mapping: dict[str, str]) -> Body | None:
    """Two pages documenting one endpoint with different bodies (OpenStack "action" APIs):
    the body is any of the documented shapes."""
    if other is None:
        return first
    schema = rewrite_refs(other.schema, mapping)
    if first is None:
        return Body(schema, other.description, list(other.examples), other.media_type)
    if schema != first.schema:
        shapes = list(first.schema.get("anyOf", [first.schema]))
        if schema not in shapes:
            shapes.append(schema)
        first.schema = {"anyOf": shapes}
    first.examples += other.examples
    return first


TEMPLATE_VAR = re.compile(r"\{([^{}/]+)\}")


def _rename_path_parameters(op: Operation, path: str) -> Diagnostic:
    """/servers/{id} and /servers/{server_id} are one path: take the first page's names."""
    renames = dict(zip(TEMPLATE_VAR.findall(op.path), TEMPLATE_VAR.findall(path), strict=True))
    reason = f"{op.path} is {path} with other parameter names; renamed"
    op.path = path
    op.parameters = [
        replace(p, name=renames[p.name]) if p.location == "path" and p.name in renames else p
        for p in op.parameters
    ]  # new objects: a page's endpoints share its parameters
    return Diagnostic(op.source, "renamed-path-parameter", reason)


def _merge_parameters(first: Operation, other: Operation) -> None:
    """The union of two pages' parameters. One that only some of the pages require is
    optional: a request as the other page documents it leaves it out (DNS: `type` is
    required to list private zones, optional to list public ones, on one GET /v2/zones)."""
    theirs = {(p.location, p.name): p for p in other.parameters}
    merged = []
    for param in first.parameters:  # new objects: a page's endpoints share its parameters
        match = theirs.pop((param.location, param.name), None)
        optional = param.location != "path" and (match is None or not match.required)
        merged.append(replace(param, required=False) if optional else param)
    for param in theirs.values():
        merged.append(replace(param, required=False) if param.location != "path" else param)
    first.parameters = merged


def dedupe_operations(operations: list[Operation]) -> tuple[list[Operation], list[Diagnostic]]:
    """One operation per method and path; the pages that repeat it are merged into the first."""
    kept: dict[tuple[str, str], Operation] = {}
    members: dict[tuple[str, str], list[Operation]] = {}
    diagnostics: list[Diagnostic] = []
    canonical: dict[str, str] = {}
    for op in operations:
        shape = TEMPLATE_VAR.sub("{}", op.path)
        first_path = canonical.setdefault(shape, op.path)
        if first_path != op.path:
            diagnostics.append(_rename_path_parameters(op, first_path))
        key = (op.method, op.path)
        first = kept.get(key)
        if first is None:
            kept[key] = op
            continue
        diagnostics.append(
            Diagnostic(
                op.source,
                "duplicate-operation",
                f"{op.method.upper()} {op.path} is also documented in {first.source}; merged",
            )
        )
        mapping = _absorb_schemas(first, op)
        members.setdefault(key, [snapshot(first)]).append(_renamed(snapshot(op), mapping))
        _merge_parameters(first, op)
        first.request_body = _merge_body(first.request_body, op.request_body, mapping)
        for status, response in op.responses.items():
            mine = first.responses.setdefault(status, Response(status, response.description))
            mine.body = _merge_body(mine.body, response.body, mapping)
        first.responses = dict(sorted(first.responses.items()))
        if op.summary and op.summary != first.summary:
            also = f"Also documented as: {op.summary} ({op.source})."
            first.description = f"{first.description}\n\n{also}".strip()
    for key, documented in members.items():
        if split_actions(kept[key], documented):
            diagnostics.append(
                Diagnostic(
                    kept[key].source,
                    "actions",
                    f"{key[0].upper()} {key[1]}: {len(documented)} documented actions "
                    f"({', '.join(m.operation_id for m in documented)}) in x-actions",
                )
            )
    return list(kept.values()), diagnostics


def _renamed(op: Operation, mapping: dict[str, str]) -> Operation:
    """A merged page's operation with its schema names as absorbed into the first's."""
    for _, body in op.bodies():
        body.schema = rewrite_refs(body.schema, mapping)
    return op
