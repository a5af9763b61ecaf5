"""Where a body schema documents its objects and fields, as example paths (`$.tasks[]`).

An example the tables place differently is told by name: a field one level off ("the tables
have it at $.server.reservation_id" says more than "no table mentions it"), and an example
of another object of the body (a list page's example of one item of the list).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from doc2openapi.scraper.model import Schema
from doc2openapi.scraper.tree import SCHEMA_LISTS, follow_refs, resolve_shown

# (path, the example's object, the object schema its fields are checked against)
ExampleObject = tuple[str, dict[str, Any], Schema]

MAX_DEPTH = 32
MAX_EXAMPLE_DEPTH = 64  # an example nested deeper is not walked further
MAX_VISITS = 20_000  # schema nodes walked for one body's places
SHOWN_PLACES = 2  # places named in one report


def object_places(schema: Schema, components: dict[str, Schema]) -> dict[str, frozenset[str]]:
    """Each object of a body, by its path ($, $.server, $.tasks[], $.tags.*), with the names
    of its fields; a union's branches share their path, and a cycle of $refs ends."""
    places: dict[str, set[str]] = {}
    todo: deque[tuple[Schema, str, frozenset[int], int]] = deque([(schema, "$", frozenset(), 0)])
    for _ in range(MAX_VISITS):  # components shared at every level multiply the paths:
        if not todo:  # level by level, so that a bound cuts the deepest off
            break
        node, path, chain, depth = todo.popleft()
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


def example_objects(
    value: Any,
    schema: Schema,
    components: dict[str, Schema],
    where: str = "$",
    *,
    indexed: bool = True,
    items: int = 50,
    depth: int = 0,
) -> Iterator[ExampleObject]:
    """Each object of an example where its schema documents fields, down through the fields
    the schema has, into the branch of a union the value shows (an object or null). List
    items are `[0]`, `[1]` (`indexed`) or all `[]`, the first `items` of each list."""
    if depth > MAX_EXAMPLE_DEPTH:
        return
    schema = resolve_shown(schema, components, value)
    if isinstance(value, dict) and isinstance(schema.get("properties"), dict):
        yield where, value, schema
        for key, item in value.items():
            if isinstance(sub := schema["properties"].get(key), dict):
                yield from example_objects(
                    item, sub, components, f"{where}.{key}",
                    indexed=indexed, items=items, depth=depth + 1,
                )  # fmt: skip
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for i, item in enumerate(value[:items]):
            yield from example_objects(
                item, schema["items"], components, f"{where}[{i if indexed else ''}]",
                indexed=indexed, items=items, depth=depth + 1,
            )  # fmt: skip


def other_level(objects: Iterable[ExampleObject], places: dict[str, frozenset[str]]) -> str | None:
    """Why the example shows another object of the body than the one it stands for (a list
    page's example of one item): most of an object's keys, two at least, are the fields of
    one other object, which has more than twice as many of them as its own (generic names
    such as `id` and `name` sit on many objects). A map's keys are data, never counted.
    None when it shows none."""
    for where, value, schema in objects:
        if schema.get("additionalProperties"):
            continue
        here = sum(1 for key in value if key in schema["properties"])
        place, shared = _fullest_place(map(str, value), places)
        if shared >= 2 and shared > 2 * here and 2 * shared > len(value):
            return (
                f"{where} shows the fields of {place} ({shared} of its {len(value)} keys), "
                f"not its own ({here}): an example of another object"
            )
    return None


def _fullest_place(keys: Iterable[str], places: dict[str, frozenset[str]]) -> tuple[str, int]:
    """The object that has the most of these keys as fields, and how many; of equals, the
    one fewest levels down, then the first in path order."""
    shown = set(keys)
    ranked = sorted(places, key=lambda path: (-len(shown & places[path]), _depth(path), path))
    return (ranked[0], len(shown & places[ranked[0]])) if ranked else ("", 0)


def _depth(path: str) -> int:
    return path.count(".") + path.count("[")


def documented_at(name: str, places: dict[str, frozenset[str]]) -> str:
    """Where the body documents a field of this name ("$.server.reservation_id"), the first
    two in path order and how many more; empty when nowhere."""
    found = sorted(f"{path}.{name}" for path, names in places.items() if name in names)
    more = len(found) - SHOWN_PLACES
    return ", ".join(found[:SHOWN_PLACES]) + (f" and {more} more" if more > 0 else "")
