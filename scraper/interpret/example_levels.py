"""Examples that show another object of the body than the one they stand for.

A list page whose example is one item of the list (not `count` and `tasks`), or a group's
fields beside `"group": null`, contradicts its own tables' shape although a lax schema
accepts it. So does an example none of whose keys the body's tables name at any level (a
walkthrough's reply to another call: `widgets` and `count` on a create page). Such an
example is reported and left out before any inference reads it: it is evidence for no
type, null or field of the body, and no mock serves it as the body.
"""

from __future__ import annotations

from doc2openapi.scraper.body_places import example_objects, object_places, other_level
from doc2openapi.scraper.interpret.spellings import near_miss
from doc2openapi.scraper.model import Body, Diagnostic, Json, Operation


def set_aside_other_objects(body: Body, op: Operation, label: str) -> list[Diagnostic]:
    """Keep the body's examples that show its own objects; report the others."""
    if not body.examples:
        return []
    places = object_places(body.schema, op.schemas)
    kept, diagnostics = [], []
    for example in body.examples:
        shown = other_level(
            example_objects(example.value, body.schema, op.schemas), places
        ) or _no_documented_key(example.value, places)
        if shown is None:
            kept.append(example)
            continue
        diagnostics.append(
            Diagnostic(
                op.source,
                "doc-defect:example",
                f"{op.operation_id} {label} example: {shown}; left out",
            )
        )
    body.examples = kept
    return diagnostics


def _no_documented_key(value: Json, places: dict[str, frozenset[str]]) -> str | None:
    """Why an example object of two keys or more is no example of this body: none of its
    keys, nor a near miss of one, is a field the body documents anywhere. None otherwise,
    and for a body whose root is no documented object (a map, a list, no table)."""
    if not isinstance(value, dict) or len(value) < 2 or not places.get("$"):
        return None
    documented = sorted({name for names in places.values() for name in names})
    keys = sorted(map(str, value))
    if any(key in documented or near_miss(key, documented) for key in keys):
        return None
    return (
        f"$ shows none of the fields the tables document ({', '.join(keys[:4])}"
        f"{', ...' if len(keys) > 4 else ''}): an example of another object"
    )
