"""The words of a value list: a value token, a list of them ("a, b, or c"), and the list
typed, shared by every way a list is read (after an introduction, in a Range part, in a
sentence)."""

from __future__ import annotations

import re
from typing import Any

from doc2openapi.scraper.interpret.constraints.values import NOT_VALUES, NUM, typed

TOKEN = r"[\w\-]+(?:\.[\w\-]+)*"  # noqa: S105 - a value token, not a secret
# A value of several words is Title Case ("Red Hat"), whatever flags the pattern using it
# has: under re.I "contain letters" would pass for one value; it ends where the list goes on
# or ends. Each value is read one way only (an atomic group): a long list that ends without
# "or" then fails in linear time, not by trying every way to split it.
TITLE = r"(?-i:[A-Z]\w*(?: [A-Z]\w*){1,2})(?![\w-])(?=\s*(?:,|\s(?:or|and)\s|[.;(]|$))"
WORD = rf"(?>{NUM}(?![\w.\-]*\w)|{TITLE}|{TOKEN})"
WORD_LIST = rf"((?:{WORD}\s*,\s*)*{WORD},?\s+(?:or|and)\s+{WORD})"
PARENTHESES = re.compile(r"\s*\([^()]*\)")
SINGLE = rf"(?>{NUM}(?![\w.\-]*\w)|{TOKEN})"
BULLET = re.compile(r"\s*[-•]\s")
BULLET_LINE = re.compile(r"^[ \t]*[-•][ \t]", re.M)
COMMA_LINE = re.compile(rf"^\s*{WORD_LIST}\s*\.?\s*$", re.M)
SPAN = re.compile(r"(\d+)\s*-\s*(\d+)")


def split_words(group: str) -> list[str]:
    return [
        t.strip().rstrip(".")
        for t in re.split(r"\s*,(?!\d{3}\b)\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+", group)
        if t.strip()
    ]


def typed_list(tokens: list[str], kind: str) -> list[Any] | None:
    """The tokens as values of the type; None if one is not, or if one says what values may
    contain ("letters"), or is a numeric span: "2100-9500, 27017, and 27019" are ports."""
    if any(t.lower() in NOT_VALUES or is_span(t) for t in tokens):
        return None
    values: dict[tuple[type, Any], Any] = {}  # keyed: a long hostile list stays linear
    for token in tokens:
        value = typed(token, kind)
        if value is None:
            return None
        values.setdefault((type(value), value), value)  # a list stated twice is one list
    return list(values.values()) or None


def is_span(token: str) -> bool:
    span = SPAN.fullmatch(token)
    return span is not None and int(span.group(1)) < int(span.group(2))
