"""What a Mandatory cell says: yes or no, and a condition a schema cannot state.

"Yes when mount_type is ecs.", "Mandatory for AK/SK-based authentication" and "Yes (in some
cases)" require the row only then: it is optional, and the cell's words go to the
description. A condition on something no row of the table names ("Yes if Tag is present." in
the table of Tag's fields) is the nesting itself: the row is required wherever its object is.
"""

from __future__ import annotations

import re
from collections.abc import Collection

REQUIRED_YES = re.compile(r"^(?:(?:yes|y|true|mandatory|required|m)\b|[✓✔√])", re.I)
# The yes or no a cell opens with; what follows is a condition or a note
PRESENCE_WORD = re.compile(
    r"^(?:(?:yes|no|y|n|true|false|mandatory|required|optional|m|o)\b|[✓✔√✗✘×])[\s.,;:]*", re.I
)
CONDITION = re.compile(
    r"(?<!even\s)\b(?:if|when)\b|\b(?:unless|only|except|some|depend\w*|condition\w*|"
    r"either|optional)\b|^\W*for\b(?!\s+(?:all|details|more|example|instance)\b)|"
    r"\b(?:mandatory|required)\s+for\b(?!\s+all\b)",
    re.I,
)  # not "even if ...", "for all ...", "For details, see ..."
# "if Tag is present", "when func_mounts is not empty", "if the Transition or
# NoncurrentVersionTransition element is present": a condition on other elements' presence
# (not "if HTTPS is used": a feature's)
ON_PRESENCE = re.compile(
    r"^\W*(?:if|when)\s+(?:the\s+)?(?P<names>[\w.-]+(?:(?:\s*,\s*|\s+or\s+|\s+and\s+)[\w.-]+)*)"
    r"(?:\s+(?:element|parameter|field|object|container|header|node)s?)?\s+(?:is|are)\s+"
    r"(?:present|specified|added|configured|included|contained|carried|provided|"
    r"not\s+empty|not\s+null)\W*$",
    re.I,
)


def presence(
    cell: str, optional_column: bool = False, rows: Collection[str] = ()
) -> tuple[bool, str]:
    """Whether a Mandatory cell makes its row required, and the cell when it says more than
    yes or no (for the description). `rows`: the names the table's rows give, lower-case;
    `optional_column`: the column asks "Optional?", so yes means optional."""
    cell = " ".join(cell.split())
    says_yes = bool(REQUIRED_YES.match(cell)) != optional_column
    rest = PRESENCE_WORD.sub("", cell, count=1)
    if says_yes and not optional_column and CONDITION.search(rest or cell):
        says_yes = _within_its_object(rest, rows)
    return says_yes, cell if rest else ""


def _within_its_object(condition: str, rows: Collection[str]) -> bool:
    """A condition on the presence of elements no row of the table names: its parents."""
    names = present_names(condition)
    return bool(names) and not names & set(rows)


def present_names(cell: str) -> frozenset[str]:
    """The elements, lower-case, whose presence a yes is conditional on ("Yes if the
    Transition or NoncurrentVersionTransition element is present."); none for any other
    cell."""
    found = ON_PRESENCE.match(PRESENCE_WORD.sub("", " ".join(cell.split()), count=1))
    if found is None:
        return frozenset()
    return frozenset(n.lower() for n in re.split(r"\s*,\s*|\s+or\s+|\s+and\s+", found["names"]))
