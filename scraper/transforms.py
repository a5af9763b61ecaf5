"""Whole-document rewrites applied after building: dropping provenance, OpenAPI 3.1."""

from __future__ import annotations

import copy
from typing import Any

from doc2openapi.scraper.model import SOURCE_KEY


def _walk(node: Any, visit: Any) -> None:
    if isinstance(node, dict):
        visit(node)
        for key, value in node.items():
            if key not in ("examples", "example", "default", "enum"):  # data, not schema
                _walk(value, visit)
    elif isinstance(node, list):
        for value in node:
            _walk(value, visit)


def strip_provenance(spec: dict[str, Any]) -> None:
    """Remove every x-doc-source (kept only with --provenance)."""
    _walk(spec, lambda node: node.pop(SOURCE_KEY, None))


def _schema_to_31(node: dict[str, Any]) -> None:
    """3.0's keywords as 3.1 writes them (a flag is a boolean: a field so named is not)."""
    if isinstance(node.get("nullable"), bool) and node.pop("nullable") and "type" in node:
        kinds = node["type"] if isinstance(node["type"], list) else [node["type"]]
        node["type"] = [*kinds, "null"] if "null" not in kinds else kinds
    for flag, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if isinstance(node.get(flag), bool) and node.pop(flag) and bound in node:
            node[flag] = node.pop(bound)  # "minimum: 0, exclusiveMinimum: true": above 0


def to_openapi_31(spec: dict[str, Any]) -> dict[str, Any]:
    """The same document as OpenAPI 3.1.0: `nullable` becomes a "null" type, an exclusive
    flag the bound it excludes."""
    converted = copy.deepcopy(spec)
    converted["openapi"] = "3.1.0"
    _walk(converted, _schema_to_31)
    return converted
