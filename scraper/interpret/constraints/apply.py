"""One field's description -> its schema keywords, each checked against the schema."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from openapi_schema_validator import OAS30Validator

from doc2openapi.scraper.interpret.constraints import prose
from doc2openapi.scraper.interpret.constraints.enums import (
    introduced_values,
    marked_member,
    value_list,
)
from doc2openapi.scraper.interpret.constraints.formats import string_format
from doc2openapi.scraper.interpret.constraints.list_sizes import (
    LIST_MAX,
    LIST_NOT_EMPTY,
    list_size,
)
from doc2openapi.scraper.interpret.constraints.patterns import (
    CONFORM_WORDS,
    inline_pattern,
    read_pattern,
)
from doc2openapi.scraper.interpret.constraints.special_values import widen_to_special_values
from doc2openapi.scraper.interpret.constraints.structure import Parts, split
from doc2openapi.scraper.interpret.constraints.values import (
    NUM,
    clean_token,
    is_placeholder,
    number,
    plain_dashes,
    shown,
    typed,
)
from doc2openapi.scraper.model import Schema
from doc2openapi.scraper.naming import words_of

# "A fuzzy search will be performed.", "Fuzzy matching is supported." (a whole sentence: not
# one case's "Otherwise, fuzzy query ...", nor "... is not supported", "... only for name"):
# the listed values are what the filter matches, in part
FUZZY = re.compile(
    r"(?:^|[.:;]\s)[ \t]*(?:an?\s+)?fuzzy\s+(?:search|match(?:ing)?|quer(?:y|ies))\s+"
    r"(?:is|are|will\s+be)\s+(?:supported|performed|used)\s*(?:[.;]|$)",
    re.I | re.M,
)
STATED = {
    "range": re.compile(
        r"\brange\b[^.]{0,25}?[\[(]\s*-?\d|\bfrom\s+-?\d[\d.,]*\s+to\s+-?\d(?![\d.,]*\s*char)|"
        r"\b(?:minimum|maximum|min\.|max\.)(?:\s+value)?\s*(?:is|:)?\s*-?\d(?![\d.,]*\s*char)|"
        r"\bbetween\s+-?\d[\d.,]*\s+and\s+-?\d|\bcannot\s+exceed\s+\d(?![\d.,]*\s*char)",
        re.I,
    ),
    "length": re.compile(
        r"\d\s*(?:characters|chars)\b|^\s*\**(?:minimum|maximum)\**\s*:", re.I | re.M
    ),
    "default": re.compile(
        r"\bdefault\s+value\s*(?:is|:)|\bdefault\s*[:：]|\bdefaults?\s+to\b|"
        rf"{prose.DEFAULT_NOTE}|\bis\s+\S+\s+by\s+default",
        re.I,
    ),
    "enum": re.compile(
        r"(?:options?|values?)[^.:]{0,40}[:：]\s*(?:\n|\s)-\s+\S+[^\n]*?\s-\s+\S|"
        r"(?:options?|values?)[^.:]{0,40}[:：]\s*\n-\s|"
        r"\bvalues?\s+(?:can|must)\s+be\s+(?:one\s+of\s+)?[\w.\-]+,?\s+(?:or|and)\s+[\w.\-]+",
        re.I,
    ),
    # a value must conform to a regular expression, or one is labelled; not a mention
    # ("REGEX: regular expression match", "Regular expression of the topic")
    "pattern": re.compile(
        rf"\b(?:{CONFORM_WORDS})\b[^.:;()]{{0,40}}?"
        r"\bregular\s+expression|\bregular\s+expression(?:\s+matching)?\s*[:：]|"
        r"\^\S*\$\s+regular\s+expression|\bmatching\s+(?:the\s+)?regular\s+expression\s+\S|"
        r"\bregular\s+expression\s+\^",
        re.I,
    ),
    "items": re.compile(rf"\barray\s+length\b|{LIST_MAX.pattern}|{LIST_NOT_EMPTY.pattern}", re.I),
    "multiple": prose.MULTIPLE,
}
APPLIES = {
    "range": {"integer", "number"},
    "multiple": {"integer", "number"},
    "length": {"string"},
    "items": {"array"},
    "pattern": {"string", "array"},
}
SCALARS = ("string", "integer", "number", "boolean")

TYPE_FORMATS = frozenset({"int32", "int64", "float", "double"})  # the type column's, not stated
TYPE_KEYWORDS = [("format", f) for f in TYPE_FORMATS]


@dataclass
class Extracted:
    """What a description states, and which of those statements became keywords."""

    stated: set[str] = field(default_factory=set)
    extracted: set[str] = field(default_factory=set)
    items_from_list: bool = False  # an untyped "Array" whose values the prose lists
    conflicts: list[str] = field(default_factory=list)  # what was read, then dropped, and why


def apply_constraints(schema: Schema, description: str, name: str = "") -> Extracted:
    """Add the keywords `description` states to `schema` (a scalar, or an array whose item
    keywords go on its items), in place. A list's `name` says what a count counts."""
    kind = str(schema.get("type", ""))
    description = plain_dashes(description)
    result = Extracted(
        {k for k, p in STATED.items() if p.search(description) and kind in APPLIES.get(k, {kind})}
    )
    parts = split(description)
    if kind == "array":
        _array(schema, parts, result, (words_of(name) or [""])[-1])
        items = schema.get("items")
        if not items:
            _listed_items(schema, parts, result)
        elif isinstance(items, dict) and items.get("type") in ("string", "integer", "number"):
            _scalar(items, parts, result, with_default=False)
    elif kind in SCALARS:
        _scalar(schema, parts, result, with_default=True)
    result.stated |= result.extracted  # what was read was stated, whatever its wording
    return result


def _array(schema: Schema, parts: Parts, result: Extracted, noun: str) -> None:
    low, high = list_size(parts.labels.get("array length"), _said(parts), noun)
    if low is not None:
        schema["minItems"] = low
    if high is not None and (low is None or low <= high):
        schema["maxItems"] = high
    if low is not None or high is not None:
        result.extracted.add("items")


def stated_pattern(parts: Parts) -> str | None:
    """The regular expression a description states for every value: a labelled line, a
    Range part that is one, or a sentence; None when there is no usable one."""
    labelled = read_pattern(parts.labels.get("pattern"), parts.section("range"))
    return labelled or inline_pattern(_said(parts))


def _said(parts: Parts) -> str:
    """The text constraints are read from: the prose and the parts that state the field."""
    return "\n".join(
        [*parts.prose, *parts.sections.get("definition", []),
         *parts.sections.get("constraints", []), *parts.sections.get("range", [])]
    )  # fmt: skip


def _listed_items(schema: Schema, parts: Parts, result: Extracted) -> None:
    """ "Array" with no item type whose prose introduces a list of values ("The value can
    be a, b, or c."): the items are those words (integers when all are digits)."""
    if not introduced_values(_said(parts)):  # bare "- key: ..." lines: an object's fields
        return
    items: Schema = {"type": "string"}
    found = Extracted()
    _scalar(items, parts, found, with_default=False)
    if "enum" not in items:
        return
    if all(isinstance(v, str) and v.isdigit() for v in items["enum"]):
        items = {"type": "integer", "enum": [int(v) for v in items["enum"]]}
    schema["items"] = items
    result.extracted |= found.extracted
    result.items_from_list = True


def _scalar(schema: Schema, parts: Parts, result: Extracted, with_default: bool) -> None:
    """Bounds by type, then enum, then default: the keywords' order in the spec."""
    kind = str(schema["type"])
    text = _said(parts)
    if kind in ("integer", "number"):
        _numeric(schema, parts, text, result)
    if kind == "string":
        _string(schema, parts, text, result)
    marked = _enum(schema, parts, text, result)
    if with_default:
        default = _default(parts, text, kind, marked, schema.get("enum"))
        if default is not None:
            schema["default"] = default
            result.extracted.add("default")
    if kind in ("integer", "number"):
        said = f"{text}\n{parts.section('default') or ''}"
        result.conflicts += widen_to_special_values(schema, said)
    _check(schema, result)


def _numeric(schema: Schema, parts: Parts, text: str, result: Extracted) -> None:
    """minimum/maximum: a "Minimum:"/"Maximum:" label wins over the prose."""
    kind = str(schema["type"])
    stated = prose.numeric_range(text, kind == "integer")
    low_label = _label_number(parts, "minimum", kind)
    high_label = _label_number(parts, "maximum", kind)
    _set(schema, result, "range", minimum=low_label if low_label is not None else stated.low,
         maximum=high_label if high_label is not None else stated.high)  # fmt: skip
    for bound, value, open_end in (("minimum", stated.low, stated.open_low),
                                   ("maximum", stated.high, stated.open_high)):  # fmt: skip
        if open_end and schema.get(bound) == value:  # OpenAPI 3.0's flag: "(0, 1]"
            schema[f"exclusive{bound.capitalize()}"] = True
    _multiple_of(schema, text, result)


def _multiple_of(schema: Schema, text: str, result: Extracted) -> None:
    """multipleOf, unless the minimum is no multiple of it: then the steps count from the
    minimum ("from 5, in steps of 10"), which JSON Schema cannot say, or the page
    contradicts itself; either way it is reported, not kept."""
    step = prose.multiple_of(text, schema["type"] == "integer")
    if step is None:
        return
    low = schema.get("minimum")
    if isinstance(low, int | float) and abs(round(low / step) * step - low) > 1e-9 * max(1, low):
        result.conflicts.append(
            f"a multiple of {shown(step)} against minimum {shown(low)}, which is none; "
            "multipleOf dropped"
        )
        return
    schema["multipleOf"] = step
    result.extracted.add("multiple")


def _string(schema: Schema, parts: Parts, text: str, result: Extracted) -> None:
    """minLength/maxLength (a label wins over the prose), pattern, format."""
    low, high = prose.length_range(text)
    low_label = _label_number(parts, "minimum", "string")
    high_label = _label_number(parts, "maximum", "string")
    if isinstance(low_label, int) and low_label >= 0:
        low = low_label
    if isinstance(high_label, int) and high_label >= 0:
        high = high_label
    _set(schema, result, "length", minLength=low or None, maxLength=high)
    pattern = stated_pattern(parts)
    if pattern is not None:
        schema["pattern"] = pattern
        result.extracted.add("pattern")
    if "format" not in schema and (found := string_format(text)):
        schema["format"] = found


def _enum(schema: Schema, parts: Parts, text: str, result: Extracted) -> Any:
    """The listed values (a boolean's true/false needs none: the type says it all); returns
    the one the list marks as default."""
    kind = str(schema["type"])
    if FUZZY.search(text):  # a filter matched in part ("PENDING" for PENDING_CREATE): any text
        return None
    listed = value_list(text, kind, parts.labels.get("enum"), parts.section("range"))
    if listed is None:
        return None
    values, marked = listed
    if kind != "boolean":
        schema["enum"] = values
    result.extracted.add("enum")
    return marked


def _label_number(parts: Parts, name: str, kind: str) -> int | float | None:
    stated = parts.labels.get(name, "")
    match = re.match(rf"\**({NUM})\**\s*\.?\s*$", stated.strip())
    if not match:
        return None
    return number(match.group(1), kind in ("integer", "string"))


def _set(schema: Schema, result: Extracted, kind: str, **keywords: Any) -> None:
    low_key, high_key = list(keywords)
    low, high = keywords[low_key], keywords[high_key]
    if low is not None and high is not None and low > high:
        return
    for key, value in ((low_key, low), (high_key, high)):
        if value is not None:
            wider = key in schema and (
                value < schema[key] if key == low_key else value > schema[key]
            )
            if wider:  # than the type's "String(64)" allows: said (a narrower one agrees)
                result.conflicts.append(
                    f"the type gives {key} {schema[key]}, the description {value}; "
                    "the description's is kept (the field's own words)"
                )
            schema[key] = value
            result.extracted.add(kind)


def _default(parts: Parts, text: str, kind: str, marked: Any, listed: list[Any] | None) -> Any:
    """The structured Default Value part decides alone; else a marked list item, else prose,
    else a value of the list (true/false for a boolean) marked "(default)" where named."""
    stated = parts.section("default")
    if stated is not None:
        first = re.match(r"\s*(\"[^\"]*\"|\S+)(?:\s*$|\s*\(|\s*[:,]\s|\s*\.\s*$)", stated)
        token = clean_token(first.group(1)) if first else ""
        value = typed(token, kind) if first else None
        if listed and value in listed:  # "Default: NONE" where NONE is one of the values
            return value
        return None if is_placeholder(stated) or is_placeholder(token) else value
    if marked is not None:
        return marked
    members = [True, False] if kind == "boolean" else listed
    found = prose.default_value(text, kind, members)
    if found is None:
        found = marked_member(text, kind, members or [])
    return found


def _check(schema: Schema, result: Extracted) -> None:
    """A default or enum its own schema rejects (out of range, too long, not in the enum, not
    of the format) is dropped, and said in `result.conflicts`: the page contradicts itself,
    or a case was read as the rule. The prose stays in the description."""
    rules = {k: v for k, v in schema.items() if k not in ("default", "description", "enum")}
    checker = OAS30Validator(rules, format_checker=OAS30Validator.FORMAT_CHECKER)
    if "enum" in schema and not all(checker.is_valid(v) for v in schema["enum"]):
        result.conflicts.append(f"listed values {shown(schema.pop('enum'))} against "
                                f"{_keywords(rules)}; enum dropped")  # fmt: skip
        result.extracted.discard("enum")
    if "default" in schema:
        with_enum = {**rules, **({"enum": schema["enum"]} if "enum" in schema else {})}
        full = OAS30Validator(with_enum, format_checker=OAS30Validator.FORMAT_CHECKER)
        if not full.is_valid(schema["default"]):
            result.conflicts.append(f"default {shown(schema.pop('default'))} against "
                                    f"{_keywords(with_enum)}; default dropped")  # fmt: skip
            result.extracted.discard("default")


def _keywords(rules: Schema) -> str:
    """The keywords read from the description (not the type, nor a format the type gives)."""
    own = [(k, v) for k, v in rules.items() if k != "type" and (k, v) not in TYPE_KEYWORDS]
    return ", ".join(f"{k} {shown(v)}" for k, v in own) or "its type"
