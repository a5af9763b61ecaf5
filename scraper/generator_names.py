"""Names that code generators derive from a spec, kept apart so that no two collide.

Enum members:
generators name a string enum's members by upper-casing its values, so `["true", "True"]`
(values the docs list apart) gives two `TRUE` members and the generator stops. Such an enum
gets `x-enum-varnames` (the extension generators read for member names): the first spelling
keeps its name, the next ones are numbered. Enums that cannot clash are left as they are.

Models: a generator names an operation's inline types after the operation and a model's
after the model, so a component named like an operation (`ListServices`) makes two
`ListServicesStatus` types; such a component becomes `ListServicesObject`.
"""

from __future__ import annotations

import re
from typing import Any

from doc2openapi.scraper.components import rewrite_refs

_NOT_NAME = re.compile(r"[^A-Za-z0-9]+")


def _member(value: object) -> str:
    """The member name a generator derives from a value ("in-use" -> "IN_USE")."""
    name = _NOT_NAME.sub("_", str(value)).strip("_").upper()
    return name if name and name[0].isalpha() else "VALUE_" + (name or "EMPTY")


def name_enum_members(node: Any) -> int:
    """Add `x-enum-varnames` to every enum in `node` whose members would clash; how many."""
    count = 0
    if isinstance(node, dict):
        values = node.get("enum")
        if isinstance(values, list) and "x-enum-varnames" not in node:
            names = [_member(v) if v is not None else "NULL" for v in values]
            if len(set(names)) != len(names):
                seen: dict[str, int] = {}
                unique: list[str] = []
                for name in names:
                    seen[name] = seen.get(name, 0) + 1
                    unique.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
                while len(set(unique)) != len(unique):  # "A_2" was a value of its own
                    unique = [f"{n}_{i}" for i, n in enumerate(unique)]
                node["x-enum-varnames"] = unique
                count += 1
        for key, value in node.items():
            if key not in ("enum", "example", "examples", "default"):
                count += name_enum_members(value)
    elif isinstance(node, list):
        for value in node:
            count += name_enum_members(value)
    return count


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def rename_operation_like_components(spec: dict[str, Any]) -> dict[str, str]:
    """Rename components spelt like an operationId, refs included; returns the renames."""
    schemas: dict[str, Any] = spec.get("components", {}).get("schemas", {})
    operations = {
        _key(str(op.get("operationId", "")))
        for methods in spec.get("paths", {}).values()
        for op in methods.values()
        if isinstance(op, dict)
    }
    taken = {_key(name) for name in schemas} | operations
    mapping: dict[str, str] = {}
    for name in schemas:
        if _key(name) in operations:
            new, n = f"{name}Object", 2
            while _key(new) in taken:
                new, n = f"{name}Object{n}", n + 1
            taken.add(_key(new))
            mapping[name] = new
    if mapping:
        renamed = {mapping.get(k, k): v for k, v in schemas.items()}
        spec["components"]["schemas"] = dict(sorted(rewrite_refs(renamed, mapping).items()))
        spec["paths"] = rewrite_refs(spec["paths"], mapping)
    return mapping
