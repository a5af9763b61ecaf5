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
    final = _global_names(operations, prints)
    mappings = [{name: final[fp] for name, fp in local.items()} for local in prints]
    components: dict[str, Schema] = {}
    for op, mapping in zip(operations, mappings, strict=True):
        for name, schema in op.schemas.items():
            components.setdefault(mapping[name], rewrite_refs(schema, mapping))
    return dict(sorted(components.items())), mappings


def _global_names(operations: list[Operation], prints: list[dict[str, str]]) -> dict[str, str]:
    """Fingerprint -> global name: the least of its local names, kept as it is when no other
    structure claims it, else qualified by the first operation using each claimant."""
    names_of: dict[str, set[str]] = defaultdict(set)
    users: dict[str, set[str]] = defaultdict(set)
    for op, local in zip(operations, prints, strict=True):
        for name, fp in local.items():
            names_of[fp].add(name)
            users[fp].add(op.operation_id)
    claims: dict[str, list[str]] = defaultdict(list)
    for fp, names in names_of.items():
        claims[min(names)].append(fp)
    final = {fps[0]: name for name, fps in sorted(claims.items()) if len(fps) == 1}
    taken = set(final.values())
    for name, fps in sorted(claims.items()):
        if len(fps) == 1:
            continue
        for fp in sorted(fps, key=lambda f: (min(users[f]), f)):
            final[fp] = _free_name(name, min(users[fp]), taken)
            taken.add(final[fp])
    return final


def _free_name(name: str, owner: str, taken: set[str]) -> str:
    """`name` qualified by its owner (unless it already starts with it), numbered past the
    names already taken."""
    base = name if name.startswith(owner) else qualified(owner, name)
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}{n}", n + 1
    return candidate
