"""The type a field with none (no Type column, a bare "Enum") has by what its description
states: the listed values' ("fast or slow", "1, 2, or 3", "true or false"), a range of whole
numbers' (an integer), a length in characters' (text)."""

from __future__ import annotations

import re

from doc2openapi.scraper.interpret.constraints.apply import apply_constraints
from doc2openapi.scraper.interpret.constraints.prose import length_range, states_whole_range
from doc2openapi.scraper.model import Schema

# "Each tag key contains 1 to 36 characters", "a list of ports": what the text states is
# of a list's items, and the field may be the list
OF_ITEMS = re.compile(r"\beach\b|\b(?:list|array)\s+of\b", re.I)


def stated_type(text: str) -> tuple[str, str] | None:
    """(type, why) for a description that implies one; None when it implies none, or when
    it speaks of a list's items (the field may be the list)."""
    if OF_ITEMS.search(text):
        return None
    listed: Schema = {"type": "string"}
    apply_constraints(listed, text)
    values = [str(v) for v in listed.get("enum", [])]
    if {v.lower() for v in values} == {"true", "false"}:
        return "boolean", "the values its description lists"
    if values:
        whole = all(re.fullmatch(r"-?\d+", v) for v in values)
        return ("integer" if whole else "string"), "the values its description lists"
    if states_whole_range(text):
        return "integer", "its description states a range of whole numbers"
    if any(bound is not None for bound in length_range(text)):
        return "string", "its description states a length in characters"
    return None
