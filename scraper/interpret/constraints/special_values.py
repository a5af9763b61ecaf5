"""Numbers a field's text gives a meaning of their own ("-1 indicates no limit") beside the
bounds it states: values the API takes, so the bounds are widened to them."""

from __future__ import annotations

import re

from doc2openapi.scraper.interpret.constraints.values import shown
from doc2openapi.scraper.model import Schema

SPECIAL_NUMBER = re.compile(r"(?<![\w.,\-])(-?\d{1,9})(?![\w.,]\w|\s*(?:-|to|~)\s*\d)")


def widen_to_special_values(schema: Schema, text: str) -> list[str]:
    """ "The value can be -1 or 1-99999. If the value is set to -1, ... Minimum: 1 Default: -1",
    "Range: 30 to 1200 Default: 0 (not limited)", "Value range: 1-100. The value -1 indicates
    no limit.": a number the stated bounds reject, whose meaning the text gives beside it, is
    a special value the API takes and returns. The bound is widened to it (a schema rejecting
    a documented value is wrong; one admitting a few more numbers is only loose), and that is
    reported. A default with no meaning ("Default: 0" beside "greater than 0", "Default: 600
    (10 minutes)") is left to the caller's check."""
    conflicts: list[str] = []
    default = schema.get("default")
    special = [int(n) for n in SPECIAL_NUMBER.findall(text)]
    for value in [default, *special]:
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        if "enum" in schema and value not in schema["enum"]:
            continue  # the list rejects it too: widening the bounds would not make it valid
        if not _given_a_meaning(str(value), text):
            continue
        what = "default" if value == default else "value"
        for bound, outside in (("minimum", value < schema.get("minimum", value)),
                               ("maximum", value > schema.get("maximum", value))):  # fmt: skip
            if outside:
                conflicts.append(
                    f"{what} {shown(value)} against {bound} {shown(schema[bound])}, the text "
                    f"giving it a meaning of its own; {bound} widened to it"
                )
                schema[bound] = value
    return conflicts


def _given_a_meaning(value: str, text: str) -> bool:
    """Does the text say what `value` means: "-1 indicates ...", "0, which means no limit",
    "If the value is set to -1, ...", "The value can be -1 or ...", "0 (not limited)"?"""
    n = rf"(?<![\w.\-]){re.escape(value)}(?![\w.\-]*\w)"
    meaning = (
        rf"{n}\s*,?\s*(?:which\s+)?(?:means|indicates|indicating|specifies|represents)\b|"
        rf"\b(?:set\s+to|can\s+be|value\s+is)\s+{n}|"
        rf"{n}\s*\(\s*(?:no|not|un\w+|disabl\w+|infinite|permanent\w*|all|none)\b"
    )
    return re.search(meaning, text, re.I) is not None
