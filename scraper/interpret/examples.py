"""Pull JSON bodies out of example code blocks ("POST https://... " lines, then JSON).

Hand-edited examples break JSON in a few mechanical ways: a comma left out between two
members, one left after the last, a raw tab or line break inside a string, a `// note` or
`/* note */` between values, an elision after a list's items (`[{"id": 1}, ...]`), a key
written without quotes (`{job_id: "..."}`), a key with a stray space inside its quotes
(`" updated_at "`). Those are repaired, each repair named, so the example still serves as
evidence and the report says what was mended; anything else (a placeholder such as `xxx` or
`......` where a value belongs or for an object's other members) is NotJson.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from doc2openapi.scraper.model import Example, Json

REQUEST_LINE = re.compile(r"^\s*(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+\S+", re.I)
JSON_START = re.compile(r"^\s*[\[{]", re.M)
MAX_REPAIRS = 10
VALUE_END = re.compile(r'(?:["}\]\d]|true|false|null)\s*$')
BARE_KEY = re.compile(r"[A-Za-z_][\w-]*(?=\s*:)")
COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
ELISION = re.compile(r"(?:\.{3,}|\u2026)")  # "[1, 2, ...]": more items like those shown


class NotJson(ValueError):
    """The block looks like a JSON body but does not parse."""


@dataclass
class Extracted:
    """The JSON values of a block, and the repairs that made them parse."""

    values: list[Json] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)


def extract_json(text: str) -> Extracted:
    """The JSON bodies in a code block (none for a bare request line); NotJson if broken.

    Pages show alternatives in one block ("{...} Or {...}"): each value is returned.
    """
    found = Extracted()
    position = 0
    while (start := JSON_START.search(text, position)) is not None:
        body = text[start.start() :]
        offset = len(body) - len(body.lstrip())
        value, end, body_repairs = _decode(body.lstrip())
        found.values.append(_trim_keys(value, body_repairs))
        found.repairs += body_repairs
        position = start.start() + offset + end
    rest = text[position:].strip() if found.values else ""
    if rest and not rest.lower().startswith(("or", "//", "#")):
        raise NotJson(f"unexpected text after the JSON value: {rest[:40]!r}")
    return found


def _decode(body: str) -> tuple[Json, int, list[str]]:
    """(value, end in the original body, repairs). The end is shifted back by the characters
    the repairs added, so the caller's position stays in the original text."""
    repairs: list[str] = []
    shift, strict = 0, True
    while True:
        try:
            decoder = json.JSONDecoder(
                strict=strict, parse_constant=_no_constant, object_pairs_hook=_members(repairs)
            )
            value, end = decoder.raw_decode(body)
            return value, end - shift, repairs
        except json.JSONDecodeError as err:
            failure = NotJson(f"{err.msg} at line {err.lineno} column {err.colno}")
            if len(repairs) >= MAX_REPAIRS:
                raise failure from None
            if strict and err.msg.startswith("Invalid control character"):
                strict = False
                repairs.append("a raw control character inside a string")
                continue
            mended = _mend(body, err)
            if mended is None:
                raise failure from None
            body, what, added = mended
            shift += added
            repairs.append(f"{what} at line {err.lineno} column {err.colno}")


def _no_constant(name: str) -> Json:
    """NaN and Infinity: Python reads them, JSON has no such values (a spec that kept them
    would not load in a strict JSON parser)."""
    raise NotJson(f"{name} is no JSON value")


def _members(repairs: list[str]) -> Callable[[list[tuple[str, Json]]], dict[str, Json]]:
    """An object's members; a key given twice keeps its last value, as JSON parsers do,
    and is named among the repairs (the first value is lost, and may have been meant)."""

    def members(pairs: list[tuple[str, Json]]) -> dict[str, Json]:
        value = dict(pairs)
        if len(value) < len(pairs):
            given = Counter(key for key, _ in pairs)
            for key in (key for key, times in given.items() if times > 1):
                repair = f"the key {key!r} given twice (its last value kept)"
                if repair not in repairs:  # once, however many items have it
                    repairs.append(repair)
        return value

    return members


def _trim_keys(value: Json, repairs: list[str]) -> Json:
    """The value with every key's surrounding spaces removed: no API names a field
    `" updated_at "`, so the spaces are a slip of the hand, named among the repairs. A key
    whose trimmed form is already in its object stays as written."""
    if isinstance(value, list):
        return [_trim_keys(item, repairs) for item in value]
    if not isinstance(value, dict):
        return value
    trimmed: dict[str, Json] = {}
    for key, item in value.items():
        clean = key.strip()
        if clean != key and clean and clean not in value and clean not in trimmed:
            repair = f"the key {key!r} written with spaces"
            if repair not in repairs:  # once, however many items have it
                repairs.append(repair)
            key = clean
        trimmed[key] = _trim_keys(item, repairs)
    return trimmed


def _mend(body: str, err: json.JSONDecodeError) -> tuple[str, str, int] | None:
    """One mechanical fix at the error: (new body, what was done, characters added)."""
    before = body[: err.pos].rstrip()
    here = body[err.pos : err.pos + 1]
    if (removed := _cut(body, err.pos, before)) is not None:
        return removed
    if err.msg.startswith("Expecting property name") and (key := BARE_KEY.match(body, err.pos)):
        return body[: err.pos] + f'"{key.group()}"' + body[key.end() :], "an unquoted key", 2
    if err.msg == "Expecting ',' delimiter" and here and here in '"{[' and VALUE_END.search(before):
        return body[: err.pos] + "," + body[err.pos :], "a missing ','", 1
    trailing = err.msg in ("Expecting property name enclosed in double quotes", "Expecting value")
    if trailing and before.endswith(",") and here and here in "}]":
        cut = len(before) - 1
        return body[:cut] + body[cut + 1 :], "a ',' after the last member", -1
    return None


def _cut(body: str, pos: int, before: str) -> tuple[str, str, int] | None:
    """A comment at the error (which is outside strings), or a list's elision, cut out."""
    if (comment := COMMENT.match(body, pos)) is not None:
        what = "a // comment" if comment.group().startswith("//") else "a /* */ comment"
        return body[:pos] + body[comment.end() :], what, -len(comment.group())
    elided = ELISION.match(body, pos) if before.endswith(",") else None
    if elided is not None and _open_bracket(before) == "[":
        cut = len(before) - 1  # the ',' goes with it: "[1, ...]" is [1]
        return body[:cut] + body[elided.end() :], "an elision ', ...'", cut - elided.end()
    return None


def _open_bracket(text: str) -> str:
    """The innermost bracket still open at the end of `text` ("" if none). Only a list's
    elision is cut: an object's ("{"a": 1, ...}") hides members the table may require."""
    stack: list[str] = []
    in_string = escaped = False
    for char in text:
        if in_string:
            in_string, escaped = (char != '"' or escaped), (char == "\\" and not escaped)
        elif char == '"':
            in_string = True
        elif char in "[{":
            stack.append(char)
        elif char in "]}" and stack:
            stack.pop()
    return stack[-1] if stack else ""


def show_nothing(examples: list[Example]) -> bool:
    """Examples that are all empty (`{}`, `[]`, null, ""): they agree with a page that
    documents no body, so they need no table."""
    return all(e.value in (None, {}, [], "") for e in examples)
