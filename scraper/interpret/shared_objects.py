"""One table linked from both the request and a response is one component; what one side's
examples teach must not change the other's.

A response example that leaves out a field, shows another shape or adds fields is evidence
about the response only: the request keeps its table's required flags and fields. So a
body learns from its examples on copies of the components it shares with the other side,
and a copy its examples left as it was goes back to the shared component (most do, and the
spec stays as it was).
"""

from __future__ import annotations

import copy
from typing import Any

from doc2openapi.scraper.components import fingerprint
from doc2openapi.scraper.model import REF_PREFIX, Body, Operation, Schema


def referenced(schema: Any, components: dict[str, Schema]) -> set[str]:
    """The component names `schema` reaches through $refs, its own and theirs."""
    found: set[str] = set()
    todo = [schema]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith(REF_PREFIX):
                name = ref[len(REF_PREFIX) :]
                if name not in found and name in components:
                    found.add(name)
                    todo.append(components[name])
            todo += list(node.values())
        elif isinstance(node, list):
            todo += node
    return found


def detach_shared(body: Body, op: Operation, label: str) -> dict[str, str]:
    """Point `body` at copies of the components it shares with the bodies of the other side
    (the request's for a response, the responses' for the request); copy name -> original."""
    request = label == "request body"
    others = [b for lbl, b in op.bodies() if (lbl == "request body") != request]
    theirs = set().union(*(referenced(b.schema, op.schemas) for b in others))
    ours = referenced(body.schema, op.schemas)
    shared = sorted(ours & theirs)
    if not shared:
        return {}
    side = "Request" if request else "Response"
    renamed = {name: _free_name(f"{op.operation_id}{side}{name}", op.schemas) for name in shared}
    for name in shared:
        op.schemas[renamed[name]] = _renamed(copy.deepcopy(op.schemas[name]), renamed)
    for name in ours - theirs:  # this side's own components point at the copies too
        _renamed(op.schemas[name], renamed)
    body.schema = _renamed(copy.deepcopy(body.schema), renamed)
    return {new: old for old, new in renamed.items()}


def reattach_unchanged(body: Body, op: Operation, copies: dict[str, str]) -> None:
    """Each copy that is still what it copied gives way to it again."""
    same = {
        new: old
        for new, old in copies.items()
        if fingerprint(new, op.schemas) == fingerprint(old, op.schemas)
    }
    for new in same:
        del op.schemas[new]
    for name in referenced(body.schema, op.schemas) - set(same):
        _renamed(op.schemas[name], same)
    body.schema = _renamed(body.schema, same)


def _free_name(preferred: str, components: dict[str, Schema]) -> str:
    name, n = preferred, 2
    while name in components:
        name, n = f"{preferred}{n}", n + 1
    return name


def _renamed(node: Any, names: dict[str, str]) -> Any:
    """`node` with every $ref to a key of `names` pointing at its value, changed in place
    (the dicts are the body's own or fresh copies); the node itself is returned."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(REF_PREFIX):
            node["$ref"] = REF_PREFIX + names.get(ref[len(REF_PREFIX) :], ref[len(REF_PREFIX) :])
        for value in node.values():
            _renamed(value, names)
    elif isinstance(node, list):
        for item in node:
            _renamed(item, names)
    return node
