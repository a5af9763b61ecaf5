"""Units written beside a range's bounds, against the unit the field is stated in.

"Disk size, in MB. The value ranges from 1 GB to 10 GB." states bounds in another unit than
the number the field holds: 1 and 10 are not its bounds. Such a range, or one whose bounds
are in two units ("1 MB to 1 GB"), is not read (the summary counts it as stated, not
extracted); converting is left out: a GB is 1000 MB to some services and 1024 to others.
"""

from __future__ import annotations

import re

_SIZE = r"[KMGTP]i?B|bytes?"
_TIME = r"ms|milliseconds?|s|secs?|seconds?|min|mins|minutes?|h|hrs?|hours?|days?"
# right after a bound: "10 GB", "3s", "7 days"
BOUND_UNIT = re.compile(rf"\s*\**\s*({_SIZE}|{_TIME})(?![\w/])", re.I)
# the field's own unit: "in MB", "Unit: GB", "(unit: second)", "unit is minute", "(MB)"
FIELD_UNIT = re.compile(
    rf"\b(?:in|unit\s*(?:is|[:：])?)\s+\(?({_SIZE}|ms|min|milliseconds|seconds|minutes|hours|days|"
    rf"second|minute|hour|day)\b|\(({_SIZE})\)",
    re.I,
)


def canonical(unit: str) -> str:
    """One spelling per unit: "seconds", "sec" and "s" are "s"; sizes upper-case."""
    low = unit.lower()
    if low.startswith("milli") or low == "ms":
        return "ms"
    if low.startswith("min"):  # min, mins, minute(s)
        return "min"
    if low.startswith("s"):
        return "s"
    if low.startswith("h"):  # h, hr(s), hour(s)
        return "h"
    if low.startswith("day"):
        return "d"
    return "B" if low.startswith("byte") else unit.upper().replace("I", "i")


def bounds_in_field_unit(text: str, match: re.Match[str]) -> bool:
    """Whether a range's bounds are numbers of the field's own unit: no unit beside them,
    or one, the same as the unit the text states the field in (if it states one)."""
    shown = set()
    for group in range(1, (match.lastindex or 0) + 1):
        if match.group(group) is not None and (unit := BOUND_UNIT.match(text, match.end(group))):
            shown.add(canonical(unit.group(1)))
    if not shown:
        return True
    if len(shown) > 1:
        return False
    stated = FIELD_UNIT.search(text)
    return stated is None or canonical(stated.group(1) or stated.group(2)) in shown
