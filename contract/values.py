"""Deterministic data from a schema, for mock responses that no documented example covers.

The same (schema, seed) always gives the same value, so a mock answers the same bytes on every
run and in every process. Values aim to satisfy the schema; the mock validates them anyway.
"""

from __future__ import annotations

import random
from typing import Any

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

    def _resolve(self, schema: Any) -> dict[str, Any]:
        for _ in range(64):
            if not isinstance(schema, dict) or "$ref" not in schema:
                break
            ref = str(schema["$ref"])
            schema = self._schemas.get(ref[len(REF_PREFIX) :]) if ref.startswith(REF_PREFIX) else {}
        return schema if isinstance(schema, dict) else {}

    def _value(self, schema: Any, rng: random.Random, depth: int) -> Any:
        schema = self._resolve(schema)
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
        if schema.get("format") in _FORMATS:
            return _FORMATS[schema["format"]]
        low = int(schema.get("minLength", 0))
        high = int(schema.get("maxLength", max(low, 12)))
        length = min(max(low, 8), high)
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(length))

    def _integer(self, schema: dict[str, Any], rng: random.Random, depth: int) -> Any:
        low, high = _bounds(schema, 1)
        if schema.get("default") is not None and low <= schema["default"] <= high:
            return schema["default"]
        return rng.randint(int(low), int(high))

    def _number(self, schema: dict[str, Any], rng: random.Random, depth: int) -> Any:
        low, high = _bounds(schema, 0.5)
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


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _ceil(value: float) -> int:
    return int(-(-value // 1))
