"""Turn prose constraints into schema keywords; the prose stays in the description.

"The value ranges from 1 to 100. The default value is 10." -> minimum 1, maximum 100,
default 10. Only what the text states plainly is taken; anything ambiguous stays prose.
`stated` says which kinds of constraint the text mentions at all, so the report can tell
how much of what the docs state became keywords.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from openapi_schema_validator import OAS30Validator

from scraper.model import Schema

NUM = r"-?\d{1,3}(?:,\d{3})+(?![\d])|-?\d+(?:\.\d+)?"
RANGE_PATTERNS = [
    re.compile(rf"\branges?\s+from\s+({NUM})\s+to\s+({NUM})", re.I),
    re.compile(rf"\b(?:value\s+)?range\s*(?:is|:)?\s*\[\s*({NUM})\s*,\s*({NUM})\s*\]", re.I),
    re.compile(rf"(?:^|\s)\[\s*({NUM})\s*,\s*({NUM})\s*\](?!\s*characters)", re.I),
    re.compile(rf"\b(?:between|from)\s+({NUM})\s+(?:and|to)\s+({NUM})\b(?!\s*characters)", re.I),
    re.compile(rf"\bvalue\s+(?:range\s+)?(?:is\s+)?({NUM})\s*-\s*({NUM})\b", re.I),
]
MINIMUM = re.compile(rf"\b(?:minimum|min\.?)(?:\s+value)?\s*(?:is|:)?\s*({NUM})\b", re.I)
MAXIMUM = re.compile(
    rf"\b(?:maximum|max\.?)(?:\s+value)?\s*(?:is|:)?\s*({NUM})\b(?!\s*characters)|"
    rf"\b(?:cannot|can't|must not)\s+exceed\s+({NUM})\b(?!\s*characters)",
    re.I,
)
LENGTH_RANGE = re.compile(
    rf"\b({NUM})\s+to\s+({NUM})\s+(?:characters|chars|bytes)|"
    rf"\b(?:length|contains?)\s+(?:of\s+)?({NUM})\s*(?:-|to)\s*({NUM})\s+characters",
    re.I,
)
LENGTH_MAX = re.compile(
    rf"\b(?:max(?:imum)?\.?|up\s+to|at\s+most|no\s+more\s+than|cannot\s+exceed)"
    rf"\s+(?:of\s+)?({NUM})\s+(?:characters|chars|bytes)",
    re.I,
)
DEFAULT = re.compile(
    r"\bdefault(?:\s+value\s*(?:is|[:：])?|\s+is|\s*[:：])\s*\*{0,2}([^\s,;*]+)\*{0,2}|"
    r"\b([\w.\-]+)\s+by\s+default\b",
    re.I,
)
ENUM_INTRO = re.compile(
    r"(?<!default )(?<!Default )(?:the\s+)?"
    r"(?:(?:value\s+)?options?|values?|enumerated values|possible values|valid values)"
    r"(?:\s+(?:are|is|can be|include|must be))?(?:\s+one\s+of)?"
    r"(?:\s+(?:as\s+follows|the\s+following))?"
    r"(?:\s+(?:are\s+)?available)?\s*[:：]|"
    r"\bfollowing\s+(?:options|values)\s+(?:are\s+)?(?:available|supported)\s*[:：]",
    re.I,
)
VALUE_CAN_BE = re.compile(
    r"\b(?:value|values)\s+(?:can|must)\s+be(?:\s+one\s+of)?\s*[:：]?\s+"
    r"((?:[\w.\-]+\s*,\s*)*[\w.\-]+,?\s+(?:or|and)\s+[\w.\-]+)\s*(?:[.;,]|$)",
    re.I,
)
ENUM_ITEM = re.compile(
    r"(?:^|\s)-\s+\*{0,2}([\w.\-]+)\*{0,2}(?:\s*\(default(?:\s+value)?\))?"
    r"(?:\s*[:：]|\s*$|(?=\s+-\s))",
    re.M | re.I,
)
BARE_ITEM = re.compile(r"^\s*([\w.\-]+)\s*[:：]", re.M)
FILLER_WORDS = {"is", "the", "value", "no", "a", "an", "not", "empty", "blank", "null"}
DEFAULT_ITEM = re.compile(r"\(default(?:\s+value)?\)", re.I)
STATED = {
    "range": re.compile(
        r"\brange\b[^.]{0,25}?[\[(]\s*-?\d|\bfrom\s+-?\d[\d.,]*\s+to\s+-?\d(?![\d.,]*\s*char)|"
        r"\b(?:minimum|maximum|min\.|max\.)(?:\s+value)?\s*(?:is|:)?\s*-?\d(?![\d.,]*\s*char)|"
        r"\bbetween\s+-?\d[\d.,]*\s+and\s+-?\d|\bcannot\s+exceed\s+\d(?![\d.,]*\s*char)",
        re.I,
    ),
    "length": re.compile(r"\d\s*(?:characters|chars)\b", re.I),
    "default": re.compile(
        r"\bdefault\s+value\s*(?:is|:)|\bdefault\s*[:：]|\bdefaults?\s+to\b|"
        r"\(default(?:\s+value)?\)|\bis\s+\S+\s+by\s+default",
        re.I,
    ),
    "enum": re.compile(
        r"(?:options?|values?)[^.:]{0,40}[:：]\s*(?:\n|\s)-\s+\S+[^\n]*?\s-\s+\S|"
        r"(?:options?|values?)[^.:]{0,40}[:：]\s*\n-\s|"
        r"\bvalues?\s+(?:can|must)\s+be\s+(?:one\s+of\s+)?[\w.\-]+,?\s+(?:or|and)\s+[\w.\-]+",
        re.I,
    ),
}
APPLIES = {"range": {"integer", "number"}, "length": {"string"}}
UUID_FORMAT = re.compile(r"\bUUID\s+format|\bformat\s+of\s+(?:the\s+)?UUID")
DATE_TIME = re.compile(r"yyyy-MM-dd'?T'?HH:mm:ss|ISO\s*8601|RFC\s*3339", re.I)


@dataclass
class Extracted:
    """What a description states, and which of those statements became keywords."""

    stated: set[str] = field(default_factory=set)
    extracted: set[str] = field(default_factory=set)


def _number(text: str, integer: bool) -> int | float | None:
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        return None
    if integer:
        return int(value) if value.is_integer() else None
    return int(value) if value.is_integer() else value


def _typed(token: str, kind: str) -> Any:
    """A token as the field's type, or None if it is not one."""
    if kind in ("integer", "number"):
        return _number(token, kind == "integer")
    if kind == "boolean":
        return {"true": True, "false": False}.get(token.lower())
    if kind == "string":
        return token
    return None


def _enum(text: str, kind: str) -> tuple[list[Any], Any] | None:
    """Values listed after "options are as follows:" (as "- x: ..." items or bare lines)."""
    intro = ENUM_INTRO.search(text)
    if intro:
        tail = text[intro.end() :]
        items = ENUM_ITEM.findall(tail)
        if len(items) < 2:
            items = BARE_ITEM.findall(tail)
        values = [_typed(v, kind) for v in items]
        if len(values) >= 2 and None not in values and len(set(map(str, values))) == len(values):
            default = None
            for item, value in zip(ENUM_ITEM.finditer(tail), values, strict=False):
                segment = tail[item.end() : item.end() + 200].split("\n- ", 1)[0]
                segment = re.split(r"\s-\s+\*{0,2}[\w.\-]+\*{0,2}\s*[:：]", segment, maxsplit=1)[0]
                if DEFAULT_ITEM.search(segment):
                    default = value
            return values, default
    can_be = VALUE_CAN_BE.search(text)
    if can_be and kind in ("string", "integer", "boolean"):
        tokens = [
            t.strip().rstrip(".")
            for t in re.split(r"\s*,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+", can_be.group(1))
        ]
        values = [_typed(t, kind) for t in tokens if t and " " not in t]
        if len(values) >= 2 and None not in values and len(set(map(str, values))) == len(values):
            return values, None
    return None


def apply_constraints(schema: Schema, description: str) -> Extracted:
    """Add the keywords `description` states to a primitive `schema`, in place."""
    kind = schema.get("type")
    result = Extracted(
        {k for k, p in STATED.items() if p.search(description) and kind in APPLIES.get(k, {kind})}
    )
    if kind not in ("string", "integer", "number", "boolean"):
        return result
    text = description
    if kind in ("integer", "number"):
        for pattern in RANGE_PATTERNS:
            match = pattern.search(text)
            if match:
                low, high = (_number(g, kind == "integer") for g in match.groups())
                if low is not None and high is not None and low <= high:
                    schema["minimum"], schema["maximum"] = low, high
                    result.extracted.add("range")
                break
        if "minimum" not in schema and (match := MINIMUM.search(text)):
            value = _number(match.group(1), kind == "integer")
            if value is not None:
                schema["minimum"] = value
                result.extracted.add("range")
        if "maximum" not in schema and (match := MAXIMUM.search(text)):
            value = _number(match.group(1) or match.group(2), kind == "integer")
            if value is not None:
                schema["maximum"] = value
                result.extracted.add("range")
    if kind == "string":
        if match := LENGTH_RANGE.search(text):
            groups = [g for g in match.groups() if g is not None]
            low, high = (int(float(g.replace(",", ""))) for g in groups[:2])
            if low <= high:
                if low > 0:
                    schema["minLength"] = low
                schema["maxLength"] = high
                result.extracted.add("length")
        elif match := LENGTH_MAX.search(text):
            schema["maxLength"] = int(float(match.group(1).replace(",", "")))
            result.extracted.add("length")
        if "format" not in schema:
            if UUID_FORMAT.search(text):
                schema["format"] = "uuid"
            elif DATE_TIME.search(text):
                schema["format"] = "date-time"
    enum = _enum(text, str(kind))
    if enum is not None and kind == "boolean":
        result.extracted.add("enum")  # true/false: the type says it all
        if enum[1] is not None:
            schema["default"] = enum[1]
            result.extracted.add("default")
    elif enum is not None:
        schema["enum"], enum_default = enum
        result.extracted.add("enum")
        if enum_default is not None:
            schema["default"] = enum_default
            result.extracted.add("default")
    if "default" not in schema:
        for match in DEFAULT.finditer(text):
            token = (match.group(1) or match.group(2)).rstrip(".").strip("\"'")
            value = _typed(token, str(kind))
            if value is None or (
                kind == "string" and token.lower() in {"is", "the", "value", "no"}
            ):
                continue
            if "enum" in schema and value not in schema["enum"]:
                continue
            if kind == "string" and not ("enum" in schema or match.group(1)):
                continue
            schema["default"] = value
            result.extracted.add("default")
            break
    _check_default(schema, result)
    return result


def _check_default(schema: Schema, result: Extracted) -> None:
    """A default its own schema rejects (out of range, too long, not in the enum, not of the
    format) is dropped; the prose stays in the description."""
    if "default" not in schema:
        return
    rules = {k: v for k, v in schema.items() if k not in ("default", "description")}
    checker = OAS30Validator(rules, format_checker=OAS30Validator.FORMAT_CHECKER)
    if not checker.is_valid(schema["default"]):
        del schema["default"]
        result.extracted.discard("default")
