"""Distinct operation names across a service, without numbers.

When several operations earn one name (two API versions of one call, an item and its
collection, two actions), the API version goes in once, consistently ("ListV21Servers"
beside "ListServers"), else the path word or title word that tells them apart; the
schemas named after an operation follow its new name.
"""

from __future__ import annotations

import re

from doc2openapi.scraper.components import qualified, rewrite_refs
from doc2openapi.scraper.model import Diagnostic, Operation
from doc2openapi.scraper.naming import VERSION, cap, segments, title_name, words_of


def version_of(path: str) -> str:
    """ "/v2.1/{project_id}/servers" -> "v2.1"; "" when the path names none."""
    return next((s for s in path.strip("/").split("/") if VERSION.match(s)), "")


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", version))


def with_word(name: str, word: str) -> str:
    """ "ListServers" + "V21" -> "ListV21Servers": after the verb, so no name ends in a
    digit and names sort by verb."""
    match = re.match(r"[A-Z][a-z0-9]*", name)
    head = match.group(0) if match and match.end() < len(name) else name
    return head + word + name[len(head) :]


def version_word(version: str) -> str:
    return "V" + "".join(re.findall(r"\d+", version))


TEMPLATE_VAR = re.compile(r"\{([^{}/]+)\}")
# "Request", "Response400", and objects named after a body ("ResponseServer")
BODY_SUFFIX = re.compile(r"^(Request|Response)(\d*)(?:[A-Z]\w*)?$")


def resolve_clashes(operations: list[Operation]) -> list[Diagnostic]:
    """Distinct names across a service, actions included, without numbers: when several
    operations share a name, those of the newest API version keep it (the call users
    want) and every older version says its version after the verb (ListServers for
    /v2.1, ListV2Servers for /v2); operations of one version are told apart by a word of
    their own path. Their body schemas follow."""
    diagnostics: list[Diagnostic] = []
    owners = {id(o): kept for kept in operations for o in [kept, *kept.actions]}
    named = [o for kept in operations for o in [kept, *kept.actions]]
    for _ in range(3):
        groups: dict[str, list[Operation]] = {}
        for op in named:
            groups.setdefault(op.operation_id.lower(), []).append(op)  # tools fold case
        clashes = [ops for ops in groups.values() if len(ops) > 1]
        if not clashes:
            break
        for ops in clashes:
            for op, new in _distinguish(ops):
                diagnostics.append(
                    Diagnostic(
                        op.source,
                        "operation-name",
                        f"{op.method.upper()} {op.path} would share the name "
                        f"{op.operation_id}; named {new}",
                    )
                )
                _rename(owners[id(op)], op, new)
    return diagnostics


def _distinguish(ops: list[Operation]) -> list[tuple[Operation, str]]:
    """New names for all but one of `ops`, which share a name."""
    newest = max(version_key(version_of(o.path)) for o in ops)
    renamed: list[tuple[Operation, str]] = []
    same: list[Operation] = []
    for op in ops:
        version = version_of(op.path)
        if version_key(version) == newest:
            same.append(op)
        else:
            renamed.append((op, with_word(op.operation_id, version_word(version))))
    same, shapes = _items_and_collections(same)
    renamed += shapes
    first = same[0]
    first_words = {w for s in segments(first.path)[0] for w in s.words}
    renamed += [
        (op, with_word(op.operation_id, _own_word(op, first, first_words))) for op in same[1:]
    ]
    return renamed


def _own_word(op: Operation, first: Operation, first_words: set[str]) -> str:
    """The word that tells `op` from `first` (of one API version): the last path segment of
    its own, else its method, else the page title's first word the name lacks."""
    own = [s for s in segments(op.path)[0] if not set(s.words) <= first_words]
    if own:
        return cap(own[-1].words)
    if op.method != first.method:
        return cap([op.method])
    low = op.operation_id.lower()
    extra = [w for w in words_of(title_name(op.summary)) if w not in low]
    return cap(extra[:1]) or "Other"


def _items_and_collections(
    ops: list[Operation],
) -> tuple[list[Operation], list[tuple[Operation, str]]]:
    """A collection and its items under one name (GET .../ips and .../ips/{name} are both
    "ShowServerIps" when the word is not plural): the collection is listed, an item of any
    other method says its key (UpdateServerMetadataKey)."""
    items = [o for o in ops if o.path.endswith("}")]
    collections = [o for o in ops if not o.path.endswith("}")]
    if not items or not collections:
        return ops, []
    renamed: list[tuple[Operation, str]] = []
    for op in collections:
        if op.method == "get" and op.operation_id.startswith("Show"):
            renamed.append((op, "List" + op.operation_id[len("Show") :]))
    if not renamed:
        for op in items:
            key = TEMPLATE_VAR.findall(op.path)[-1]
            renamed.append((op, op.operation_id + cap(words_of(key))))
    done = {id(o) for o, _ in renamed}
    return [o for o in ops if id(o) not in done], renamed


def _rename(owner: Operation, op: Operation, new: str) -> None:
    """Name `op` (the owner itself or one of its actions) `new`, and its body schemas
    "<name>Request" / "<name>Response" (and objects named after them) with it."""
    old, op.operation_id = op.operation_id, new
    mapping: dict[str, str] = {}
    for name in owner.schemas:
        suffix = BODY_SUFFIX.match(name[len(old) :]) if name.startswith(old) else None
        if suffix is not None and new + suffix.group(0) not in owner.schemas:
            mapping[name] = qualified(new, suffix.group(0))
    if not mapping:
        return
    owner.schemas = {mapping.get(k, k): rewrite_refs(v, mapping) for k, v in owner.schemas.items()}
    for holder in [owner, *owner.actions]:
        for param in holder.parameters:
            param.schema = rewrite_refs(param.schema, mapping)
        for _, body in holder.bodies():
            body.schema = rewrite_refs(body.schema, mapping)
