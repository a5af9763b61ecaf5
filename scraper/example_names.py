"""Example keys a reader can pick by name (`Prefer: example=...`, Redoc's drop-down).

Named once the examples a schema rejects are gone, so numbers never have gaps: an example
whose caption is a short label ("Example response 2", "Not Found") is named after it, any
other `example-1..n` in document order.
"""

from __future__ import annotations

import re
from typing import Any

from doc2openapi.scraper.tree import media_types

MAX_LABEL_WORDS = 5
MAX_KEY_LENGTH = 40
NOT_KEY_CHARS = re.compile(r"[^a-z0-9]+")


def label_key(summary: str) -> str | None:
    """The key a short caption gives ("Example response 2" -> "example-response-2")."""
    if not summary or len(summary.split()) > MAX_LABEL_WORDS:
        return None
    key = NOT_KEY_CHARS.sub("-", summary.lower()).strip("-")
    return key if key and len(key) <= MAX_KEY_LENGTH else None


def example_keys(summaries: list[str]) -> list[str]:
    """One key per example: its caption's when that is unique here, else the first free
    `example-N`."""
    labels = [label_key(s) for s in summaries]
    keys = [label if label and labels.count(label) == 1 else "" for label in labels]
    taken, counter = set(keys), 0
    for position, key in enumerate(keys):
        if not key:
            counter += 1
            while f"example-{counter}" in taken:
                counter += 1
            keys[position] = f"example-{counter}"
    return keys


def name_examples(spec: dict[str, Any]) -> None:
    """Rename every media type's examples in place (values and order unchanged)."""
    for _op_id, _where, media in media_types(spec):
        examples: dict[str, Any] | None = media.get("examples")
        if not examples:
            continue
        entries = list(examples.values())
        keys = example_keys([str(e.get("summary", "")) for e in entries])
        media["examples"] = dict(zip(keys, entries, strict=True))
