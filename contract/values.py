"""Deterministic data from a schema, for mock responses that no documented example covers.

The same (schema, seed) always gives the same value, so a mock answers the same bytes on every
run and in every process. Values aim to satisfy the schema; the mock validates them anyway.
"""

from __future__ import annotations

import importlib
import random
import re
import string
from collections.abc import Callable
from typing import Any

from doc2openapi.scraper.tree import follow_refs

# The standard library's own regular-expression parser (`re._parser`, public as the deprecated
# `sre_parse`): patterns are read exactly as `re` reads them.
_PARSER: Any = importlib.import_module("re._parser")

REF_PREFIX = "#/components/schemas/"
MAX_DEPTH = 6  # deeper, optional fields are left out and arrays stay empty: $ref cycles end

_FORMATS = {
    "date-time": "2026-01-01T00:00:00Z",
    "date": "2026-01-01",
    "time": "00:00:00Z",
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "email": "user@example.com",
    "uri": "https://example.com/",
    "url": "https://example.com/",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "hostname": "example.com",
    "byte": "AA==",
}


class ValueGenerator:
    """Builds values for schemas of one OpenAPI document (refs resolve against it)."""

    def __init__(self, spec: dict[str, Any], seed: int = 0) -> None:
        self._schemas: dict[str, Any] = spec.get("components", {}).get("schemas", {})
        self._seed = seed

    def value(self, schema: Any, key: str = "") -> Any:
        """A value for `schema`; `key` (e.g. an operationId) varies the data between uses."""
        rng = random.Random(f"{self._seed}:{key}")  # noqa: S311 - test data, not secrets
        return self._value(schema, rng, 0)

    def _value(self, schema: Any, rng: random.Random, depth: int) -> Any:
        schema = follow_refs(schema, self._schemas)
        if schema.get("enum"):
            return rng.choice(schema["enum"])
        if "allOf" in schema:
            return self._all_of(schema, rng, depth)
        for key in ("oneOf", "anyOf"):
            if schema.get(key):
                return self._value(schema[key][0], rng, depth)
        kind = schema.get("type")
        if isinstance(kind, list):  # OpenAPI 3.1
            kind = next((k for k in kind if k != "null"), "null")
        if kind is None:
            kind = "object" if "properties" in schema else "string"
        maker = getattr(self, f"_{kind}", None)
        return maker(schema, rng, depth) if maker else None

    def _all_of(self, schema: dict[str, Any], rng: random.Random, depth: int) -> Any:
        parts = [self._value(part, rng, depth) for part in schema["allOf"]]
        rest = {k: v for k, v in schema.items() if k != "allOf"}
        if rest.get("properties") or rest.get("type") == "object":
            parts.append(self._object(rest, rng, depth))
        merged: dict[str, Any] = {}
        for part in parts:
            if not isinstance(part, dict):
                return part
            merged.update(part)
        return merged

    def _object(self, schema: dict[str, Any], rng: random.Random, depth: int) -> Any:
        required = set(schema.get("required", []))
        result: dict[str, Any] = {}
        for name, sub in schema.get("properties", {}).items():
            if name in required or depth < MAX_DEPTH:
                result[name] = self._value(sub, rng, depth + 1)
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict) and not result and depth < MAX_DEPTH:
            result["key"] = self._value(extra, rng, depth + 1)
        return result

    def _array(self, schema: dict[str, Any], rng: random.Random, depth: int) -> Any:
        low = int(schema.get("minItems", 0))
        high = int(schema.get("maxItems", max(low, 2)))
        count = low if depth >= MAX_DEPTH else min(max(low, 1), high)
        items: list[Any] = []
        for _ in range(count * 4):
            if len(items) >= count:
                break
            item = self._value(schema.get("items", {}), rng, depth + 1)
            if not schema.get("uniqueItems") or item not in items:
                items.append(item)
        return items

    def _string(self, schema: dict[str, Any], rng: random.Random, depth: int) -> Any:
        low = int(schema.get("minLength", 0))
        most = schema.get("maxLength")
        pattern = schema.get("pattern")
        if isinstance(pattern, str):
            longest = int(most) if most is not None else 1 << 16
            formatted = _FORMATS.get(schema.get("format", ""))
            if formatted is not None and _fits(formatted, pattern, low, longest):
                return formatted
            matching = _matching(pattern, rng, low, longest)
            if matching is not None:
                return matching
        elif schema.get("format") in _FORMATS:
            return _FORMATS[schema["format"]]
        high = int(most) if most is not None else max(low, 12)
        length = min(max(low, 8), high)
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(length))

    def _integer(self, schema: dict[str, Any], rng: random.Random, depth: int) -> Any:
        low, high = _bounds(schema, 1)
        default: Any = schema.get("default")
        if _is_number(default) and low <= default <= high and _on_step(schema, default):
            return default
        if (stepped := _stepped(schema, low, high, rng)) is not None:
            return int(stepped)
        return rng.randint(int(low), int(high))

    def _number(self, schema: dict[str, Any], rng: random.Random, depth: int) -> Any:
        low, high = _bounds(schema, 0.5)
        if (stepped := _stepped(schema, low, high, rng)) is not None:
            return stepped
        return round(rng.uniform(low, high), 2) if low < high else low

    def _boolean(self, schema: dict[str, Any], rng: random.Random, depth: int) -> Any:
        return rng.random() < 0.5

    def _null(self, schema: dict[str, Any], rng: random.Random, depth: int) -> Any:
        return None


def _bounds(schema: dict[str, Any], step: float) -> tuple[float, float]:
    """Inclusive bounds, honouring both 3.0 (boolean) and 3.1 (numeric) exclusive forms."""
    high: float | None = schema.get("maximum")
    exclusive_low: Any = schema.get("exclusiveMinimum")
    exclusive_high: Any = schema.get("exclusiveMaximum")
    if _is_number(exclusive_high):
        high = float(exclusive_high) if high is None else min(high, float(exclusive_high))
        exclusive_high = True
    if high is not None and exclusive_high is True:
        high -= step
    low: float | None = schema.get("minimum")
    if _is_number(exclusive_low):
        low = float(exclusive_low) if low is None else max(low, float(exclusive_low))
        exclusive_low = True
    if low is None:
        low = 0 if high is None else min(0, high)
    elif exclusive_low is True:
        low += step
    if high is None:
        high = low + 100
    if schema.get("type") == "integer":
        low, high = _ceil(low), int(high // 1)
    return low, max(low, high)


def _stepped(schema: dict[str, Any], low: float, high: float, rng: random.Random) -> Any:
    """A multiple of the schema's `multipleOf` within the bounds (the lowest above `low` when
    none fits), or None when it has none."""
    step = _step(schema)
    if step is None:
        return None
    first, last = _ceil(low / step), int(high / step // 1)
    return rng.randint(first, max(first, last)) * step


def _on_step(schema: dict[str, Any], value: float) -> bool:
    step = _step(schema)
    return step is None or value % step == 0


def _step(schema: dict[str, Any]) -> float | None:
    """The schema's `multipleOf`, when it is a positive number."""
    step: Any = schema.get("multipleOf")
    return float(step) if _is_number(step) and step > 0 else None


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _ceil(value: float) -> int:
    return int(-(-value // 1))


def _fits(value: str, pattern: str, low: int, high: int) -> bool:
    try:
        return low <= len(value) <= high and re.search(pattern, value) is not None
    except re.error:
        return False


def _matching(pattern: str, rng: random.Random, low: int, high: int) -> str | None:
    """A string `pattern` matches (searched, as JSON Schema does) within the length bounds,
    or None when the pattern is not one `re` reads or no try fits."""
    try:
        parsed = _PARSER.parse(pattern)
    except (re.error, RecursionError):
        return None
    for width in (8, 1, low, high, 16, 32):  # repeats aim at this many characters
        try:
            value = _Xeger(rng, max(width, 1)).text(parsed)
        except _Unsupported:
            return None
        if _fits(value, pattern, low, high):
            return value
    return None


class _Unsupported(Exception):
    """A pattern construct the generator does not write (a look-around, say)."""


_PRINTABLE = string.ascii_letters + string.digits + "-_."
_CATEGORIES = {
    "CATEGORY_DIGIT": string.digits,
    "CATEGORY_NOT_DIGIT": string.ascii_letters,
    "CATEGORY_WORD": string.ascii_letters + string.digits + "_",
    "CATEGORY_NOT_WORD": "-. ",
    "CATEGORY_SPACE": " ",
    "CATEGORY_NOT_SPACE": _PRINTABLE,
}


class _Xeger:
    """Writes a string for a parsed pattern: a random member of each set, repeats aiming at
    `width` characters (one repetition for a repeated group), a random branch of each choice."""

    def __init__(self, rng: random.Random, width: int) -> None:
        self._rng = rng
        self._width = width
        self._groups: dict[int, str] = {}
        self._writers: dict[str, Callable[[Any], str]] = {  # by the parser's opcode name
            "LITERAL": chr,
            "NOT_LITERAL": self._not_literal,
            "ANY": lambda _: self._rng.choice(string.ascii_lowercase),
            "IN": lambda members: self._rng.choice(self._members(members)),
            "MAX_REPEAT": self._repeat,
            "MIN_REPEAT": self._repeat,
            "POSSESSIVE_REPEAT": self._repeat,
            "SUBPATTERN": lambda group: self._group(group[0], group[-1]),
            "ATOMIC_GROUP": lambda body: self._group(None, body),
            "BRANCH": lambda branch: self.text(self._rng.choice(branch[1])),
            "GROUPREF": lambda group: self._groups.get(group, ""),
            "AT": lambda _: "",
        }

    def text(self, parsed: Any) -> str:
        return "".join(self._item(str(op), arg) for op, arg in parsed)

    def _item(self, op: str, arg: Any) -> str:
        """One parsed item's text; a construct with no writer is refused as unsupported."""
        if op not in self._writers:
            raise _Unsupported(op)
        return self._writers[op](arg)

    def _not_literal(self, code: int) -> str:
        return self._rng.choice([c for c in _PRINTABLE if ord(c) != code])

    def _repeat(self, arg: tuple[int, int, Any]) -> str:
        """One repetition of a group; a single character or set repeated up to `width`."""
        least, most, body = arg
        single = len(body) == 1 and str(body[0][0]) in ("LITERAL", "IN", "ANY", "NOT_LITERAL")
        count = max(least, min(most, self._width if single else 1))
        return "".join(self.text(body) for _ in range(count))

    def _group(self, group: int | None, body: Any) -> str:
        """A group's text, remembered under its number for a later back-reference."""
        value = self.text(body)
        if group is not None:
            self._groups[group] = value
        return value

    def _members(self, items: list[tuple[Any, Any]]) -> list[str]:
        chosen: set[str] = set()
        negate = False
        for op, arg in items:
            kind = str(op)
            if kind == "NEGATE":
                negate = True
            elif kind == "LITERAL":
                chosen.add(chr(arg))
            elif kind == "RANGE":
                chosen.update(chr(c) for c in range(arg[0], min(arg[1], arg[0] + 256) + 1))
            elif kind == "CATEGORY" and str(arg) in _CATEGORIES:
                chosen.update(_CATEGORIES[str(arg)])
            else:
                raise _Unsupported(kind)
        if negate:
            return [c for c in _PRINTABLE if c not in chosen] or [" "]
        return sorted(chosen)
