"""Which documented field an example's undocumented key stands for.

Tables are typed by hand and examples captured, so one field is often spelt two ways: a
near miss of the name (`dispalyName`, `regionId`), or a shorter word for an object whose
value shows the documented object's own fields (`statics` documented, `statistics` sent
with the fields of the `statics` table). Which spelling wins is decided elsewhere; this
only pairs them.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from doc2openapi.scraper.model import Json, Schema
from doc2openapi.scraper.tree import resolve

NEAR = 0.85  # name likeness of a near miss: `dimension_name` for `dimension_names`
ALIKE = 0.7  # of an object whose fields also match: `statics` for `statistics`


def near_miss(shown: str, documented: list[str]) -> str | None:
    """The one documented name the example's name is a near miss of (`dimension_name` for
    `dimension_names`, `Name` for `name`), if exactly one is close."""
    low = shown.lower()  # "Name" for "name": a difference of case is a near miss too
    close = [d for d in documented if _likeness(low, d.lower()) >= NEAR]
    return close[0] if len(close) == 1 else None


def fits(value: Json, properties: dict[str, Schema]) -> bool:
    """A JSON object whose keys are mostly the documented fields."""
    if not isinstance(value, dict) or not value:
        return False
    return sum(1 for k in value if k in properties) * 2 >= len(value)


def meant_field(
    shown: str, value: Json, unshown: dict[str, Schema], schemas: dict[str, Schema]
) -> str | None:
    """The documented field (of those the example object leaves out) that its key `shown`
    stands for: a near miss of the name; else the one alike in name whose documented
    object the value fits (`statistics: {total, items}` for `statics`, a table of `total`
    and `items`)."""
    if (close := near_miss(shown, list(unshown))) is not None:
        return close
    if not isinstance(value, dict):
        return None
    low = shown.lower()
    matched = [
        name
        for name, prop in unshown.items()
        if _likeness(low, name.lower()) >= ALIKE
        and fits(value, resolve(prop, schemas).get("properties") or {})
    ]
    return matched[0] if len(matched) == 1 else None


def _likeness(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()
