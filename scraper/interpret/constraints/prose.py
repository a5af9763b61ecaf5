"""Constraint phrases in free prose: ranges, lengths, defaults, value lists, formats.

Each finder returns what it read or None; it never guesses. A match inside a sentence that
states a case ("For SMS, ...", "If action is filter, ...") is not taken: the constraint holds
for that case only, so it stays in the description.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from doc2openapi.scraper.interpret.constraints.units import bounds_in_field_unit
from doc2openapi.scraper.interpret.constraints.values import (
    NUM,
    STOPWORDS,
    clean_token,
    is_placeholder,
    number,
    plain_dashes,
    typed,
)

UNIT = r"(?:\s*(?:s|ms|min|MB|GB|KB|%))?"
DEFAULT_NOTE = r"\(default(?:\s+value)?\)"
RANGE_PATTERNS = [
    re.compile(rf"\branges?\s+from\s+({NUM}){UNIT}(?:\s*{DEFAULT_NOTE})?\s+to\s+({NUM})", re.I),
    re.compile(rf"\b(?:value\s+)?range\s*(?:is|:)?\s*\[\s*({NUM})\s*,\s*({NUM})\s*\]", re.I),
    re.compile(rf"(?:^|\s)\[\s*({NUM})\s*,\s*({NUM})\s*\](?!\s*characters)", re.I),
    re.compile(rf"\b(?:between|from)\s+({NUM})\s+(?:and|to)\s+({NUM})\b(?!\s*characters)", re.I),
    re.compile(
        rf"\b(?:value\s+)?range\s*(?:is|[:：])?\s*\**({NUM}){UNIT}\**\s*(?:-|to|~)\s*\**({NUM})"
        rf"{UNIT}\**(?![\d,.]*\s*(?:characters|chars|bytes))(?=\s*(?:[.;,)]|$))",
        re.I | re.M,
    ),
    re.compile(rf"\bvalue\s+(?:is\s+)?({NUM})\s*-\s*({NUM})\b", re.I),
    re.compile(
        rf"^\s*value\s*[:：]\s*({NUM}){UNIT}\s+to\s+({NUM}){UNIT}(?=\s*(?:[.;,)]|$))", re.I | re.M
    ),
    re.compile(
        rf"^\s*({NUM}){UNIT}\s*(?:to|-|~)\s*({NUM}){UNIT}(?:\s*{DEFAULT_NOTE})?\s*\.?\s*$", re.M
    ),
]
# "[0, 100)", "(0, 1]": an interval with an open end, whose bound it excludes
INTERVAL = re.compile(
    rf"(?:^|(?<=[\s:：]))([\[(])\s*({NUM})\s*,\s*({NUM})\s*([\])])"
    r"(?!\s*(?:characters|chars|bytes))",
    re.M,
)
RANGE_BEFORE = re.compile(r"\brange\b[^.\n]{0,12}$", re.I)  # "(0, 1)" alone may be a pair
MINIMUM = re.compile(
    rf"\b(?:minimum|min\.?)(?:\s+value)?\s*(?:is|:)\s*({NUM})\b(?![,.]\d)|"
    rf"\b(?:greater\s+than\s+or\s+equal\s+to|no\s+less\s+than|at\s+least)\s+({NUM})\b(?![,.]\d)"
    rf"(?!\s*(?:characters|chars|bytes|items|values|elements))|"
    rf"(?:≥|>=)\s*({NUM})\b(?![,.]\d)(?!\s*(?:characters|chars|bytes))",  # "value ≥ 0"
    re.I,
)
# "The value must be a multiple of 10.", "an integer multiple of 8", "in increments of 50";
# never "is not a multiple of 10" (an error message's)
MULTIPLE = re.compile(
    r"\b(?:(?:must|should|shall|can|will)\s+(?:only\s+)?be|is|are)\s+(?:an?\s+)?"
    rf"(?:integer\s+|integral\s+|whole\s+)?multiples?\s+of\s+({NUM})\b(?![,.]\d)|"
    rf"\bin\s+(?:multiples|increments|steps)\s+of\s+({NUM})\b(?![,.]\d)",
    re.I,
)
ABOVE_ZERO = re.compile(r"\bgreater\s+than\s+(?:0|zero)\b(?!\s+or\b)", re.I)
MAXIMUM = re.compile(
    rf"\b(?:maximum|max\.?)(?:\s+value)?\s*(?:is|:)\s*({NUM})\b(?![,.]\d)"
    rf"(?!\s*(?:characters|chars|bytes|KB|MB|GB))|"
    rf"\b(?:cannot|can't|must not)\s+exceed\s+({NUM})\b(?!\s*(?:characters|chars|bytes))|"
    rf"(?:≤|<=)\s*({NUM})\b(?![,.]\d)(?!\s*(?:characters|chars|bytes))",  # "0 < f ≤ 50"
    re.I,
)
LENGTH_RANGE = re.compile(
    rf"\b({NUM})\s*(?:to|-|~)\s*({NUM})\s+(?:characters|chars|bytes)|"
    rf"\[\s*({NUM})\s*,\s*({NUM})\s*\]\s*(?:characters|chars|bytes)|"
    rf"\b(?:length|contains?)\s+(?:of\s+)?({NUM})\s*(?:-|to)\s*({NUM})\s+characters",
    re.I,
)
LENGTH_MAX = re.compile(
    rf"\b(?:max(?:imum)?\.?|up\s+to|at\s+most|no\s+more\s+than|cannot\s+exceed)"
    rf"\s+(?:of\s+)?({NUM})\s+(?:unicode\s+)?(?:characters|chars|bytes)",
    re.I,
)
LENGTH_EXACT = re.compile(
    r"\b(?:contains?|containing|consists?\s+of)\s+(?:exactly\s+)?(\d+)\s+characters(?!\s+or\b)",
    re.I,
)
# "- Public zone: 1-2147483647" under "Value range:": one range per case; equal, it is the field's
CASE_RANGE = re.compile(
    rf"^\s*[-•]\s+[^:\n]{{1,40}}:\s*({NUM})\s*(?:-|to|~)\s*({NUM})\s*\.?\s*$", re.M
)
# "(default)" or "(default value)" after a value: the mark every reader of value lists knows
VALUE = rf"\"[^\"\n]{{1,64}}\"|“[^”\n]{{1,64}}”|{NUM}(?![\w.\-]*\w)|[\w./:+\-]+"
# ("The value of Default is ECDHE-...": what the listed value Default stands for.)
DEFAULTS = [
    re.compile(rf"\bdefault(?:\s+value)?\s*[:：]\s*\**({VALUE})", re.I),
    re.compile(
        rf"\b(?:the\s+|its\s+)?(?<!of )default(?:\s+value|\s+\w+)?\s+(?:is|will\s+be)\s+"
        rf"(?:set\s+to\s+)?"
        rf"\**({VALUE})\**(?=\s*(?:[.,;)(]|$))",
        re.I | re.M,
    ),
    re.compile(rf"\bdefaults?\s+to\s+\**({VALUE})\**(?=\s*(?:[.,;)(]|$))", re.I | re.M),
    re.compile(rf"\bis\s+\**({VALUE})\**\s+by\s+default\b", re.I),
    re.compile(rf"\bby\s+default,\s+({VALUE})\s+is\s+used\b", re.I),
    re.compile(rf"\bthe\s+default\s+value\s+\**({VALUE})\**\s+(?:is|will\s+be)\s+used\b", re.I),
]
# "The value can only be true (default)." For a string only with listed values: a word
# before "(default)" ("in a shared pool (default)") need be no value, and the enum checks it.
MARKED_DEFAULT = re.compile(
    rf"\b(?:be|is|are|from|to)\s+(?:only\s+)?\**({VALUE})\**\s*{DEFAULT_NOTE}", re.I
)
CASE = re.compile(
    r"^\s*(?:[-•]\s*)?(?:for|if|when|whenever|unless|in\s+case|only\s+when|once)\b", re.I
)
# Words that head a label of the field's own keyword ("- Minimum: 1", "- Value range: ...")
LABEL_WORDS = frozenset(
    {"minimum", "maximum", "range", "length", "format", "unit", "note", "example",
     "constraints", "constraint", "definition", "type", "value", "values"}
)  # fmt: skip
# "- TCP listeners: ...": a bullet that opens with the case it is about, not with a label
# ("- Default value: 10") nor a sentence ("- The value ranges from 2 to 60. Unit: second.")
NOT_CASE = "|".join(sorted(LABEL_WORDS | {"default", "the", "it", "this"}))
CASE_BULLET = re.compile(
    rf"^[ \t]*[-•][ \t]+\**(?![ \t]*(?:{NOT_CASE})\b)([^:：\n*.(]{{1,40}}?)\**[ \t]*[:：]\s",
    re.I | re.M,
)
ADVICE = re.compile(r"\b(?:recommended|suggested)\b", re.I)
VALUE_HEADS = re.compile(r"(?:^|\s)[-•][ \t]+\**([\w.{}-]{1,40})\**[ \t]*[:：]", re.M)
BULLET_HEAD = re.compile(r"(?:^|\s)[-•]\s+\**$")  # ends the text before a bullet's head
# "If this parameter is not specified, ..." states the default, not a case.
UNSET = re.compile(
    r"\b(?:not\s+(?:specified|transferred|passed|set|provided|configured|carried|included)|"
    r"left\s+(?:blank|empty|unspecified)|omitted|does\s+not\s+exist)\b",
    re.I,
)


def case_specific(text: str, start: int, values: Sequence[Any] = ()) -> bool:
    """Does the sentence around `start` open with a case ("For SMS", "If ...") or sit in one
    of two or more case bullets ("- hmac: The value contains 8 to 32 characters.")? A bullet
    headed by one of the field's own `values` ("- SWA: Prefix match") describes that value."""
    return case_of(text, start, values) is not None


def case_of(text: str, start: int, values: Sequence[Any] = ()) -> str | None:
    """The case the sentence around `start` is stated for ("For SMS" of "For SMS, ...",
    "Key ID" of "- Key ID: ..."), or None when it holds for every value."""
    opening = text[sentence_start(text, start) : start]
    if CASE.match(opening) and not UNSET.search(opening):
        return opening.strip(" -\u2022").split(",")[0].strip()
    bullet = CASE_BULLET.match(text, text.rfind("\n", 0, start) + 1)
    if bullet is None or bullet.end() > start or _case_bullets(text) < 2:
        return None
    case = bullet.group(1).strip()
    return None if case.lower() in {str(v).lower() for v in values} else case


@lru_cache(maxsize=256)
def _case_bullets(text: str) -> int:
    return len(CASE_BULLET.findall(text))


def states_bounds(text: str) -> bool:
    """Does the text state a length or a range ("The value contains 8 to 32 characters")?"""
    text = plain_dashes(text)
    bounds = (*RANGE_PATTERNS, INTERVAL, MINIMUM, MAXIMUM, LENGTH_RANGE, LENGTH_MAX, LENGTH_EXACT)
    return any(pattern.search(text) for pattern in bounds)


def first_stated(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match that states a rule of the field: not one case's, not advice ("The
    recommended value ranges from 10 to 50.")."""
    for match in pattern.finditer(text):
        if states_a_rule(text, match.start()):
            return match
    return None


def states_a_rule(text: str, start: int) -> bool:
    """Does the sentence around `start` hold for every value: no case's, no advice?"""
    advice = ADVICE.search(text, sentence_start(text, start), start) is not None
    return not advice and not case_specific(text, start)


def sentence_start(text: str, start: int) -> int:
    return max(text.rfind(".", 0, start), text.rfind("\n", 0, start), text.rfind(";", 0, start)) + 1


class Interval(NamedTuple):
    """Stated bounds, either None. An open end excludes its bound: a number's is marked, an
    integer's is read as the next integer in ("[0, 100)" is 0 to 99)."""

    low: Any
    high: Any
    open_low: bool = False
    open_high: bool = False


def numeric_range(text: str, integer: bool) -> Interval:
    """The bounds the text states. A stated range ("[1, 100]", "from 1 to 100", "(0, 1]")
    gives both; else each bound is read on its own."""
    stated = stated_range(text, integer)
    if stated is not None:
        return stated
    return Interval(_minimum(text, integer), _maximum(text, integer))


def stated_range(text: str, integer: bool) -> Interval | None:
    """The first range pattern that matches decides; else an interval with an open end;
    else the one range every case states."""
    text = plain_dashes(text)
    for pattern in RANGE_PATTERNS:
        if match := first_stated(pattern, text):
            if not bounds_in_field_unit(text, match):
                return None  # "in MB. ... from 1 GB to 10 GB": not the number's bounds
            closed = _ordered(match.groups(), integer) or _case_range(text, integer)
            return Interval(*closed) if closed else None
    if (interval := _open_interval(text, integer)) is not None:
        return interval
    closed = _case_range(text, integer)
    return Interval(*closed) if closed else None


def states_whole_range(text: str) -> bool:
    """Does the text state a closed range of whole numbers ("ranges from 1 to 100"), which
    only a number has? "(0, 1]" may be a ratio, "Maximum: 64" a length."""
    stated = stated_range(text, False)
    return (
        stated is not None
        and all(type(bound) is int for bound in (stated.low, stated.high))
        and not (stated.open_low or stated.open_high)
    )


def _open_interval(text: str, integer: bool) -> Interval | None:
    """ "[0, 100)", "(0, 1]", "range: (0, 1)" stated of the field (a closed "[1, 100]" is a
    range pattern's)."""
    for match in INTERVAL.finditer(text):
        opening, low, high, closing = match.groups()
        open_low, open_high = opening == "(", closing == ")"
        if not open_low and not open_high:
            continue
        if open_low and open_high and not RANGE_BEFORE.search(text, 0, match.start()):
            continue
        if not states_a_rule(text, match.start()):
            continue
        bounds = _ordered((low, high), integer)
        if bounds is None:
            continue
        if not integer:
            return Interval(*bounds, open_low, open_high)
        closed = _ordered((str(bounds[0] + open_low), str(bounds[1] - open_high)), True)
        return Interval(*closed) if closed else None
    return None


def _case_range(text: str, integer: bool) -> tuple[Any, Any] | None:
    """ "- Public zone: 1-2147483647" lines under "Value range:", when all state one range."""
    cases = {(m.group(1), m.group(2)) for m in CASE_RANGE.finditer(text)}
    return _ordered(cases.pop(), integer) if len(cases) == 1 else None


def _ordered(bounds: Sequence[str], integer: bool) -> tuple[int | float, int | float] | None:
    """The two numbers, when both read and the first is not above the second."""
    low, high = (number(b, integer) for b in bounds)
    if low is None or high is None or low > high:
        return None
    return low, high


def _minimum(text: str, integer: bool) -> Any:
    """ "minimum is 1", "at least 1"; for an integer, "greater than 0" is 1."""
    if match := first_stated(MINIMUM, text):
        low = number(next(g for g in match.groups() if g is not None), integer)
        if low is not None:
            return low
    return 1 if integer and first_stated(ABOVE_ZERO, text) else None


def _maximum(text: str, integer: bool) -> Any:
    """ "maximum is 100", "cannot exceed 100"."""
    match = first_stated(MAXIMUM, text)
    return number(next(g for g in match.groups() if g is not None), integer) if match else None


def multiple_of(text: str, integer: bool) -> int | float | None:
    """The step every value is a multiple of ("must be a multiple of 10"), when positive
    and the only one stated ("memory a multiple of 1024 and vCPUs of 2" is of two things)."""
    steps = {
        number(next(g for g in match.groups() if g is not None), integer)
        for match in MULTIPLE.finditer(text)
        if states_a_rule(text, match.start())
    }
    if len(steps) != 1:
        return None
    step = steps.pop()
    return step if step is not None and step > 0 else None


def length_range(text: str) -> tuple[int | float | None, int | float | None]:
    if match := first_stated(LENGTH_RANGE, text):
        groups = [g for g in match.groups() if g is not None]
        if (bounds := _ordered(groups[:2], True)) is not None:
            return bounds
    if match := first_stated(LENGTH_MAX, text):
        return None, number(match.group(1), True)
    if match := first_stated(LENGTH_EXACT, text):
        size = number(match.group(1), True)
        return size, size
    return None, None


def default_value(text: str, kind: str, members: list[Any] | None = None) -> Any:
    """The value a "default value is X" phrase names, typed; None when there is none. A
    listed value (`members`) counts even where it reads like a placeholder ("NONE")."""
    marked_ok = kind != "string" or members is not None  # a listed string is then checked
    for pattern in [*DEFAULTS, MARKED_DEFAULT] if marked_ok else DEFAULTS:
        for match in pattern.finditer(text):
            if case_specific(text, match.start(), members or ()) or _value_head(text, match):
                continue
            raw = match.group(1)
            token = clean_token(raw)
            quoted = raw[:1] in '"“'
            value = typed(token, kind)
            if value in (members or []):
                return value
            if is_placeholder(token) or (not quoted and token.lower() in STOPWORDS):
                continue
            if value is not None and value != "":
                return value
    return None


def _value_head(text: str, match: re.Match[str]) -> bool:
    """ "- default: common data disk, ...", "Options: - Default : default format - CSV": a
    bullet headed by a value named "default" among other value bullets, not the label
    "- Default: 30 seconds" (beside "- Minimum: 1") nor "- Default value: ..."."""
    if not re.match(r"default\W*\s*[:：]", match.group(0), re.I):
        return False
    line_start = text.rfind("\n", 0, match.start()) + 1
    if not BULLET_HEAD.search(text[line_start : match.start()]):
        return False
    heads = {h.lower() for h in VALUE_HEADS.findall(text)} - {"default"}
    return len(heads - LABEL_WORDS) > 0
