"""Values in prose: numbers with thousands separators, typed tokens, placeholders for "none",
words that are no values, and the parts of a value composed of several."""

from __future__ import annotations

import json
import re
from typing import Any

NUM = r"-?(?:\d{1,3}(?:,\d{3})+(?![\d])|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)"
# "1 - 100", "**1** to **64**": two numbers a dash or "to" joins, each a group
NUM_RANGE = re.compile(rf"\**({NUM})\**\s*(?:-|to|~)\s*\**({NUM})\**")
# "1–5", "1 — 5", "−1": the dashes and minus sign typeset text puts between and before numbers
TYPESET_DASH = re.compile(r"(?<=\d)[ \t]*[\u2010-\u2015\u2212][ \t]*(?=[-\u2212]?\d)|\u2212(?=\d)")
# A default or range that says "nothing": N/A, null, none, -, "No limit." and their kin.
PLACEHOLDERS = frozenset({
    "", "n/a", "na", "n.a", "null", "none", "nil", "-", "--", "—", "–", "empty", "blank",
    "no", "not", "no limit", "unlimited", "not specified", "not set", "left blank", "nothing",
})  # fmt: skip
# Words a sloppy "default ... is X" match would take for a value.
STOPWORDS = frozenset({
    "is", "the", "a", "an", "of", "to", "be", "by", "as", "in", "on", "or", "and", "that",
    "this", "it", "its", "value", "used", "same", "set", "specified", "determined",
    "returned", "generated", "configured", "dynamically", "automatically", "displayed",
    "applied", "enabled", "disabled", "when", "if", "which", "current", "original", "all",
    "selected", "chosen", "assigned", "allocated", "adopted",
})  # fmt: skip

NO_VALUE = frozenset({"empty", "blank", "null"})  # "which can be empty or auto": "" is no word
# Words that say what a value may contain or how many, not a value: "letters, digits, or
# underscores", "2 or more". A list with one of them lists no values. (Singular words such
# as NUMBER or period are values of some fields.)
NOT_VALUES = frozenset(
    {
        "letters", "digits", "underscores", "hyphens", "periods", "spaces", "characters",
        "uppercase", "lowercase", "more", "less", "fewer",
    }
)  # fmt: skip
# Pronouns and articles head no value bullet ("- It means the size.").
NOT_HEADS = frozenset({"a", "an", "the", "this", "that", "these", "those", "it", "they", "which"})
# "The value is in the format of Operator:UTC time.", "The format is start.end.duration": a
# value made of parts joined by a separator, which every whole value then contains (a "."
# before a capital ends a sentence: "The format is JSON.The value ..."; a label names no part:
# "The format is ISO8601:YYYY-MM-DDThh:mm:ssZ").
COMPOSED = re.compile(
    r"\bformat\s+(?:is|of)\s+\**[A-Za-z]\w+(?: \w+)?\**"
    r"(:(?=\**[A-Za-z]\w*(?![\w-]))|\.(?=(?-i:[a-z])\w*(?![\w-])))",
    re.I,
)


def is_placeholder(text: str) -> bool:
    """True for text that means "no value": "N/A", "null", "None.", "-"."""
    return text.strip().strip("*").strip().rstrip(".").strip().lower() in PLACEHOLDERS


# "2^63-1", "2^31 - 1": a power (a superscript as the readers write it), less a number
POWER = re.compile(r"\b(\d{1,2})\^(\d{1,2})(?:\s*-\s*(\d{1,3})\b)?")


def plain_dashes(text: str) -> str:
    """Typeset dashes and minus signs between and before numbers as the ASCII hyphen every
    range and number pattern reads; a power written "2^63-1" as the number it is."""
    return POWER.sub(_power, TYPESET_DASH.sub("-", text))


def _power(match: re.Match[str]) -> str:
    value = int(match.group(1)) ** int(match.group(2)) - int(match.group(3) or 0)
    return str(value) if abs(value) < 2**63 else match.group(0)


def number(text: str, integer: bool) -> int | float | None:
    """ "1,000" -> 1000; "2.5" -> None when an integer is wanted."""
    if re.fullmatch(r"-?\d+", digits := text.replace(",", "")):  # exactly, past float's 2^53
        whole = int(digits)
        return whole if abs(whole) < 2**63 else None
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        return None
    if value != value or value in (float("inf"), float("-inf")):
        return None
    if value.is_integer() and abs(value) < 2**63:
        return int(value)
    return None if integer else value


def typed(token: str, kind: str) -> Any:
    """A token as a value of the field's type, or None if it is not one."""
    if kind in ("integer", "number"):
        if not re.fullmatch(NUM, token):
            return None
        return number(token, kind == "integer")
    if kind == "boolean":
        return {"true": True, "false": False}.get(token.lower())
    if kind == "string":
        return token
    return None


def clean_token(token: str) -> str:
    """Strip the quotes, emphasis and sentence end around a value."""
    token = token.strip().strip("*`").strip()
    if len(token) >= 2 and token[0] in "\"'“‘" and token[-1] in "\"'”’":
        return token[1:-1]
    return token.rstrip(".,;:").strip("\"'“”‘’")


def composed(text: str) -> bool:
    """Does the text say the value is made of parts ("in the format of Operator:UTC time")?"""
    return COMPOSED.search(text) is not None


def composed_parts(text: str, values: list[Any]) -> bool:
    """Are the listed words parts of a composed value ("- gt: greater than" under "in the
    format of Operator:UTC time"), not values: one lacks the separator every value has?"""
    match = COMPOSED.search(text)
    return match is not None and any(match.group(1) not in str(v) for v in values)


def shown(value: Any) -> str:
    """A value as a report quotes it: JSON, cut at 120 characters."""
    return json.dumps(value, ensure_ascii=False)[:120]
