"""Small helpers for reading scraped specs in tests."""

from __future__ import annotations

from typing import Any

from scraper.model import REF_PREFIX


def operation(spec: dict[str, Any], method: str, path: str) -> dict[str, Any]:
    result: dict[str, Any] = spec["paths"][path][method]
    return result


def resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """Follow $ref (and a single-entry allOf wrapper) to the schema it names."""
    while True:
        if "$ref" in schema:
            schema = spec["components"]["schemas"][schema["$ref"][len(REF_PREFIX) :]]
        elif "allOf" in schema and len(schema["allOf"]) == 1:
            schema = schema["allOf"][0]
        else:
            return schema


def ref_name(schema: dict[str, Any]) -> str:
    if "allOf" in schema:
        schema = schema["allOf"][0]
    ref: str = schema["$ref"]
    return ref[len(REF_PREFIX) :]


def params(op: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(p["in"], p["name"]): p for p in op.get("parameters", [])}


def response_schema(spec: dict[str, Any], op: dict[str, Any], status: str) -> dict[str, Any]:
    return resolve(spec, op["responses"][status]["content"]["application/json"]["schema"])
