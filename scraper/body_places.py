"""Where a body schema documents its objects and fields, as example paths (`$.tasks[]`).

An example the tables place differently (a field one level off, a list page whose example
is one item of the list) is told by name: "documented at $.server.reservation_id" says
more than "no table mentions it".
"""

from __future__ import annotations

from collections.abc import Iterable

from doc2openapi.scraper.model import Schema
from doc2openapi.scraper.tree import SCHEMA_LISTS, follow_refs

MAX_DEPTH = 32
SHOWN_PLACES = 2  # places named in one report


def object_places(schema: Schema, components: dict[str, Schema]) -> dict[str, frozenset[str]]:
    """Each object of a body, by its path ($, $.server, $.tasks[], $.tags.*), with the names
    of its fields; a union's branches share their path, and a cycle of $refs ends."""
    places: dict[str, set[str]] = {}
    todo: list[tuple[Schema, str, frozenset[int], int]] = [(schema, "$", frozenset(), 0)]
    while todo:
        node, path, chain, depth = todo.pop()
        node = follow_refs(node, components)
        if id(node) in chain or depth > MAX_DEPTH:
            continue
        chain |= {id(node)}
        properties = node.get("properties")
        if isinstance(properties, dict):
            places.setdefault(path, set()).update(map(str, properties))
            todo += [
                (sub, f"{path}.{name}", chain, depth + 1)
                for name, sub in properties.items()
                if isinstance(sub, dict)
            ]
        for key, step in (("items", "[]"), ("additionalProperties", ".*")):
            if isinstance(child := node.get(key), dict):
                todo.append((child, path + step, chain, depth + 1))
        for key in SCHEMA_LISTS:
            members = node.get(key)
            if isinstance(members, list):
                todo += [(m, path, chain, depth + 1) for m in members if isinstance(m, dict)]
    return {path: frozenset(names) for path, names in places.items()}


def fullest_place(keys: Iterable[str], places: dict[str, frozenset[str]]) -> tuple[str, int] | None:
    """The object that has the most of these keys as fields (the shallowest of equals), and
    how many; None when none has any."""
    shown = set(keys)
    counted = [(len(shown & names), path) for path, names in places.items()]
    best = max(counted, key=lambda c: (c[0], -len(c[1]), c[1]), default=(0, ""))
    return (best[1], best[0]) if best[0] else None


def documented_at(name: str, places: dict[str, frozenset[str]]) -> str:
    """Where the body documents a field of this name ("$.server.reservation_id"), the first
    two in path order and how many more; empty when nowhere."""
    found = sorted(f"{path}.{name}" for path, names in places.items() if name in names)
    more = len(found) - SHOWN_PLACES
    return ", ".join(found[:SHOWN_PLACES]) + (f" and {more} more" if more > 0 else "")
