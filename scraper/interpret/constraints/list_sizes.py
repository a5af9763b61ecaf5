"""A list's size: an "Array length: 1 to 100" label, or what the prose says of the list
itself ("The list can contain up to 20 keys", "cannot be an empty list") or of what it is
named after ("A maximum of 50 audit log IDs" of `ids`). What each element may hold
("Each key can have up to 10 values" of `keys`) is not the list's size."""

from __future__ import annotations

import re

from doc2openapi.scraper.interpret.constraints.prose import (
    first_stated,
    sentence_start,
    states_a_rule,
)
from doc2openapi.scraper.interpret.constraints.values import NUM_RANGE, number
from doc2openapi.scraper.naming import singular

LIST_MAX = re.compile(
    r"\b(?:list|array)\s+can\s+(?:contain|have|include)\s+(?:up\s+to|a\s+maximum\s+of|at\s+most)"
    r"\s+(\d+)\b",
    re.I,
)
LIST_NOT_EMPTY = re.compile(r"\bcannot\s+be\s+an\s+empty\s+(?:list|array)\b", re.I)
# "A maximum of 50 audit log IDs", "up to 20 tags": a count, and the words that say of what
COUNT = re.compile(
    r"\b(?:up\s+to|a\s+maximum\s+of|at\s+most|no\s+more\s+than|not\s+more\s+than)\s+(\d+)"
    r"((?:\s+[A-Za-z][\w-]*){1,4})",
    re.I,
)
NOT_MODIFIERS = frozenset({
    "a", "after", "an", "and", "are", "at", "be", "before", "by", "can", "could", "during",
    "each", "for", "from", "has", "have", "in", "into", "is", "may", "must", "of", "on", "or",
    "per", "should", "than", "that", "the", "to", "under", "which", "will", "with", "within",
})  # fmt: skip
# "By default, ... up to 50 rules (apply for a higher quota)", "In the future, up to 100":
# a quota or a plan, not what the API accepts
NO_LIMIT_OF_THE_API = re.compile(r"\bby\s+default\b|\bquotas?\b|\bin\s+the\s+future\b", re.I)
Size = tuple[int | float | None, int | float | None]


def list_size(labelled: str | None, text: str, noun: str) -> Size:
    """(minItems, maxItems) from the "Array length" label when there is one, else from the
    prose; `noun` is the last word of the list's name. A minimum of 0 is no keyword."""
    if match := NUM_RANGE.search(labelled or ""):
        low, high = (number(g, True) for g in match.groups())
        if low is None or high is None or not 0 <= low <= high:
            return None, None
        return low or None, high
    most = first_stated(LIST_MAX, text)
    if most is None and noun:
        most = next((m for m in COUNT.finditer(text) if _counts(m, noun, text)), None)
    least = 1 if first_stated(LIST_NOT_EMPTY, text) else None
    return least, int(most.group(1)) if most else None


def _counts(match: re.Match[str], noun: str, text: str) -> bool:
    """Is `noun` the head of the counted words ("50 audit log IDs are"), the last before a
    word that is no modifier ("20 tag keys" counts keys), in a sentence that holds for
    every value?"""
    words = match.group(2).split()
    stop = next((i for i, w in enumerate(words) if w.lower() in NOT_MODIFIERS), len(words))
    if stop == 0 or singular(words[stop - 1]).lower() != singular(noun).lower():
        return False
    sentence = text[sentence_start(text, match.start()) : match.end()]
    return states_a_rule(text, match.start()) and not NO_LIMIT_OF_THE_API.search(sentence)
