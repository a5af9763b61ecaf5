"""One table linked from both the request and a response is one component; what one side's
examples teach must not change the other's.

A response example that leaves out a field, shows another shape or adds fields is evidence
about the response only: the request keeps its table's required flags and fields. So a
body learns from its examples on copies of the components it shares with the other side,
and a copy its examples left as it was goes back to the shared component (most do, and the
spec stays as it was).
"""

from __future__ import annotations

from doc2openapi.scraper.components import fingerprint, rewrite_refs
from doc2openapi.scraper.model import Body, Operation, Schema
from doc2openapi.scraper.tree import referenced_names


def detach_shared(body: Body, op: Operation, label: str) -> dict[str, str]:
    """Point `body` at copies of the components it shares with the bodies of the other side
    (the request's for a response, the responses' for the request); copy name -> original."""
    request = label == "request body"
    others = [b for lbl, b in op.bodies() if (lbl == "request body") != request]
    theirs = set().union(*(referenced_names(b.schema, op.schemas) for b in others))
    ours = referenced_names(body.schema, op.schemas)
    shared = sorted(ours & theirs)
    if not shared:
        return {}
    side = "Request" if request else "Response"
    renamed = {name: _free_name(f"{op.operation_id}{side}{name}", op.schemas) for name in shared}
    for name in shared:  # fresh copies, pointing at each other
        op.schemas[renamed[name]] = rewrite_refs(op.schemas[name], renamed)
    for name in ours - theirs:  # this side's own components point at the copies too
        op.schemas[name] = rewrite_refs(op.schemas[name], renamed)
    body.schema = rewrite_refs(body.schema, renamed)
    return {new: old for old, new in renamed.items()}


def reattach_unchanged(body: Body, op: Operation, copies: dict[str, str]) -> None:
    """Each copy that is still what it copied gives way to it again."""
    if not copies:
        return
    same = {
        new: old
        for new, old in copies.items()
        if fingerprint(new, op.schemas) == fingerprint(old, op.schemas)
    }
    for new in same:
        del op.schemas[new]
    for name in referenced_names(body.schema, op.schemas) - set(same):
        op.schemas[name] = rewrite_refs(op.schemas[name], same)
    body.schema = rewrite_refs(body.schema, same)


def _free_name(preferred: str, components: dict[str, Schema]) -> str:
    name, n = preferred, 2
    while name in components:
        name, n = f"{preferred}{n}", n + 1
    return name
