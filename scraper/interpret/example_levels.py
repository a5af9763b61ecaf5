"""Examples that show another object of the body than the one they stand for.

A list page whose example is one item of the list (not `count` and `tasks`), or a group's
fields beside `"group": null`, contradicts its own tables' shape although a lax schema
accepts it. Such an example is reported and left out before any inference reads it: it
is evidence for no type, null or field of the body, and no mock serves it as the body.
"""

from __future__ import annotations

from doc2openapi.scraper.body_places import example_objects, object_places, other_level
from doc2openapi.scraper.model import Body, Diagnostic, Operation


def set_aside_other_objects(body: Body, op: Operation, label: str) -> list[Diagnostic]:
    """Keep the body's examples that show its own objects; report the others."""
    if not body.examples:
        return []
    places = object_places(body.schema, op.schemas)
    kept, diagnostics = [], []
    for example in body.examples:
        shown = other_level(example_objects(example.value, body.schema, op.schemas), places)
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
