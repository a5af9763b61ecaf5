"""Several documented actions on one method and path (OpenStack's `POST .../action`).

OpenAPI allows one operation per method and path, so pages that document `{"os-start": {}}`,
`{"os-stop": {}}` and `{"reboot": {...}}` on one endpoint become one operation whose body is
`oneOf` the action bodies, told apart by their single top-level key, and an `x-actions` list
that keeps each action's own name, summary, body and responses for clients and mocks.
"""

from __future__ import annotations

import copy
import re

from doc2openapi.scraper.model import Operation, Schema
from doc2openapi.scraper.tree import resolve

VERSION_SEGMENT = re.compile(r"^v\d+(\.\d+)?$", re.I)


def _body_object(op: Operation) -> Schema:
    """The object schema an operation's request body stands for (through $ref and allOf)."""
    return resolve(op.request_body.schema, op.schemas) if op.request_body is not None else {}


def action_key(op: Operation) -> str | None:
    """The single top-level key of an operation's request body, if it has exactly one."""
    properties = _body_object(op).get("properties")
    if isinstance(properties, dict) and len(properties) == 1:
        return str(next(iter(properties)))
    return None


def snapshot(op: Operation) -> Operation:
    """The operation as its own page documents it, before other pages are merged into it."""
    return copy.deepcopy(op)


def shared_operation_id(op: Operation) -> str:
    """A name for the endpoint itself: its literal path words ("ServersAction")."""
    words = [
        s
        for s in op.path.strip("/").split("/")
        if s and "{" not in s and not VERSION_SEGMENT.match(s)
    ]
    tail = words[-2:] if len(words) >= 2 else words
    name = "".join(re.sub(r"[^0-9A-Za-z]+", " ", w).title().replace(" ", "") for w in tail)
    return name or op.method.title() + "Action"


def split_actions(op: Operation, members: list[Operation]) -> bool:
    """Give `op` (already merged from `members`) its actions, when every member's body is
    told apart by one top-level key of its own; otherwise leave the merge as it is."""
    keys = [action_key(m) for m in members]
    if len(members) < 2 or None in keys or len(set(keys)) != len(keys):
        return False
    op.actions = members
    branches = []
    for member, key in zip(members, keys, strict=True):
        assert member.request_body is not None and key is not None
        member.action_key = key  # kept: later renames may move the schemas it was read from
        branch = member.request_body.schema
        if key not in _body_object(member).get("required", []):  # the key tells them apart
            branch = {"allOf": [branch], "required": [key]}
        branches.append(branch)
    assert op.request_body is not None
    op.request_body.schema = {"oneOf": branches}
    op.operation_id = shared_operation_id(op)
    op.summary = f"{len(members)} actions: " + ", ".join(str(k) for k in keys)
    op.deprecated = all(m.deprecated for m in members)
    return True
