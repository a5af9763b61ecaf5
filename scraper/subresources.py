"""S3-style sub-resources: several operations on one method and path, told apart by the query.

`GET /?acl`, `GET /?policy` and `GET /` (list objects) are three operations, but OpenAPI keys
paths without their query and allows one operation per method and path. So they become one
OpenAPI operation: the plain one (no sub-resource key, on the bucket's host) as it is, with
the other operations' query keys as optional parameters, and an `x-subresources` list that
keeps each other operation whole (its key, operationId, servers, parameters, bodies,
responses) for clients and mocks. Where no plain operation exists (every `POST /{object}`
has a key), the OpenAPI operation is a neutral union and every operation is in the list.
"""

from __future__ import annotations

import copy

from doc2openapi.scraper.components import fingerprint, rewrite_refs
from doc2openapi.scraper.model import Body, Diagnostic, Operation, Parameter, Response, Schema


def _absorb(into: dict[str, Schema], other: Operation) -> None:
    """Move `other`'s local schemas into `into`, renaming names that mean something else,
    and point `other`'s bodies at the new names."""
    if other.schemas is into:
        return
    mapping: dict[str, str] = {}
    for name in other.schemas:
        target, n = name, 2
        while target in into and fingerprint(target, into) != fingerprint(name, other.schemas):
            target, n = f"{name}{n}", n + 1
        mapping[name] = target
    for name, schema in other.schemas.items():
        into.setdefault(mapping[name], rewrite_refs(schema, mapping))
    bodies: list[Body | None] = [other.request_body, *(r.body for r in other.responses.values())]
    for body in bodies:
        if body is not None:
            body.schema = rewrite_refs(body.schema, mapping)
    other.schemas = into


def _optional(param: Parameter) -> Parameter:
    out = copy.copy(param)
    out.required = param.location == "path"  # a path variable is always there
    return out


def _primary(group: list[Operation]) -> Operation | None:
    """The plain operation: no sub-resource key, on the host with the most variables."""
    plain = [op for op in group if op.subresource == ""]
    plain.sort(key=lambda op: -sum(len(s.get("variables", {})) for s in op.servers))
    return plain[0] if plain else None


def _neutral(group: list[Operation]) -> Operation:
    """An operation that stands for a group with no plain member: their union, no bodies."""
    first = group[0]
    noun = "Object" if "{object}" in first.path else "Bucket"
    op = Operation(
        method=first.method,
        path=first.path,
        operation_id=f"{first.method.title()}{noun}SubResource",
        source=first.source,
        summary="One of: " + "; ".join(m.summary or m.operation_id for m in group),
        servers=copy.deepcopy(first.servers),
        schemas={},
        tags=list(first.tags),
    )
    for member in group:
        for status, response in member.responses.items():
            op.responses.setdefault(status, Response(status, response.description))
    op.responses = dict(sorted(op.responses.items()))
    return op


def fold_subresources(operations: list[Operation]) -> tuple[list[Operation], list[Diagnostic]]:
    """One operation per method and path for sub-resource operations; others untouched."""
    groups: dict[tuple[str, str], list[Operation]] = {}
    out: list[Operation] = []
    for op in operations:
        if op.subresource is None:
            out.append(op)
            continue
        key = (op.method, op.path)
        if key not in groups:
            groups[key] = []
            out.append(op)  # holds the group's place in the order
        groups[key].append(op)
    diagnostics: list[Diagnostic] = []
    folded: dict[int, Operation] = {}
    for group in groups.values():
        if len(group) == 1:
            continue
        head = _fold(group)
        diagnostics.append(_folded_diagnostic(group, head))
        folded[id(group[0])] = head
    return [folded.get(id(op), op) for op in out], diagnostics


def _fold(group: list[Operation]) -> Operation:
    """The group's operation, holding the others as variants, with their schemas and their
    parameters (optional, since each variant has its own)."""
    primary = _primary(group)
    head = primary if primary is not None else _neutral(group)
    head.variants = [op for op in group if op is not primary]
    known = {(p.location, p.name) for p in head.parameters}
    for variant in head.variants:
        _absorb(head.schemas, variant)
        for param in variant.parameters:
            if (param.location, param.name) not in known:
                known.add((param.location, param.name))
                head.parameters.append(_optional(param))
    return head


def _folded_diagnostic(group: list[Operation], head: Operation) -> Diagnostic:
    """What was folded, and which query keys do not tell the operations apart."""
    keys = [op.subresource or "(none)" for op in group]
    shared = sorted({k for k in keys if keys.count(k) > 1})
    reason = (
        f"{head.method.upper()} {head.path}: {len(group)} documented operations told apart by "
        f"their query keys ({', '.join(keys)}); {len(head.variants)} in x-subresources"
    )
    if shared:
        reason += f"; {', '.join(shared)} is shared, told apart by host or headers only"
    return Diagnostic(head.source, "subresources", reason)
