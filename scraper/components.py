"""Merge the operations' local schemas into one components section.

Structurally identical objects become one component; a name two different structures
claim is qualified by the operation that uses it. Names depend only on the pages that use
the object, so removing an unrelated page never renames a component.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from doc2openapi.scraper.model import REF_PREFIX, SOURCE_KEY, Operation, Schema


def _local_name(ref: str) -> str:
    return ref[len(REF_PREFIX) :]


def fingerprint(name: str, schemas: dict[str, Schema], stack: tuple[str, ...] = ()) -> str:
    """A canonical text of `name`'s structure with references expanded (cycles by depth)."""
    if name in stack:
        return f"<cycle {len(stack) - stack.index(name)}>"
    inner = (*stack, name)

    def expand(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith(REF_PREFIX):
                return {"$ref": fingerprint(_local_name(ref), schemas, inner)}
            return {k: expand(v) for k, v in node.items() if k != SOURCE_KEY}
        if isinstance(node, list):
            return [expand(v) for v in node]
        return node

    return json.dumps(expand(schemas.get(name, {})), sort_keys=True, separators=(",", ":"))


def rewrite_refs(node: Any, mapping: dict[str, str]) -> Any:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(REF_PREFIX):
            return {**node, "$ref": REF_PREFIX + mapping.get(_local_name(ref), _local_name(ref))}
        return {k: rewrite_refs(v, mapping) for k, v in node.items()}
    if isinstance(node, list):
        return [rewrite_refs(v, mapping) for v in node]
    return node


MAX_NAME = 48


def qualified(owner: str, name: str) -> str:
    """`name` after its operation's name, the operation's leading words dropped while the
    whole is longer than MAX_NAME (ListServersDetails + Server -> ListServersDetailsServer)."""
    humps = re.findall(r"[A-Z][a-z0-9]*|[a-z0-9]+", owner)
    while len(humps) > 1 and len("".join(humps) + name) > MAX_NAME:
        humps = humps[1:]
    return "".join(humps) + name


def merge_components(operations: list[Operation]) -> tuple[dict[str, Schema], list[dict[str, str]]]:
    """Global components, and per operation a map from its local names to global ones."""
    prints: list[dict[str, str]] = [
        {name: fingerprint(name, op.schemas) for name in op.schemas} for op in operations
    ]
    names_of: dict[str, set[str]] = defaultdict(set)
    users: dict[str, set[str]] = defaultdict(set)
    for op, local in zip(operations, prints, strict=True):
        for name, fp in local.items():
            names_of[fp].add(name)
            users[fp].add(op.operation_id)
    chosen = {fp: min(names) for fp, names in names_of.items()}
    claims: dict[str, list[str]] = defaultdict(list)
    for fp, name in chosen.items():
        claims[name].append(fp)
    final: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(claims):
        fps = claims[name]
        if len(fps) == 1:
            final[fps[0]] = name
            taken.add(name)
    for name in sorted(claims):
        fps = claims[name]
        if len(fps) == 1:
            continue
        for fp in sorted(fps, key=lambda f: (min(users[f]), f)):
            owner = min(users[fp])
            base = name if name.startswith(owner) else qualified(owner, name)
            candidate, n = base, 2
            while candidate in taken:
                candidate, n = f"{base}{n}", n + 1
            final[fp] = candidate
            taken.add(candidate)
    mappings = [{name: final[fp] for name, fp in local.items()} for local in prints]
    components: dict[str, Schema] = {}
    for op, mapping in zip(operations, mappings, strict=True):
        for name, schema in op.schemas.items():
            components.setdefault(mapping[name], rewrite_refs(schema, mapping))
    return dict(sorted(components.items())), mappings
