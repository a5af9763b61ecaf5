"""Request headers the prose asks for ("Add a microversion using the HTTP request header
X-OpenStack-Nova-API-Version ... For example, X-OpenStack-Nova-API-Version: 2.6").

One rule for every service: a paragraph that speaks of a header and writes `Name: value`,
where the name is spelt like an HTTP header field (hyphenated words), documents an optional
header parameter with that value as its example. The sentence stays in its description.
"""

from __future__ import annotations

import re

from doc2openapi.scraper.interpret.sections import RoledSection
from doc2openapi.scraper.page import Paragraph, squash

# "X-OpenStack-Nova-API-Version: 2.6", "OpenStack-API-Version: compute 2.6" (up to "or", ",").
NAME_VALUE = re.compile(
    r"(?<![\w-])([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+)\s*:\s*"
    r"((?:(?!\s+(?:or|and)\s)[^\s,;\"'])+(?:\s+(?:(?!or\b|and\b)[^\s,;\"']+))?)"
)
HEADER_WORD = re.compile(r"\bheaders?\b", re.I)
PROSE_ROLES = frozenset({"function", "other"})


def prose_headers(sections: list[RoledSection]) -> dict[str, tuple[str, str]]:
    """Header name -> (example value, the paragraph that asks for it), in page order."""
    found: dict[str, tuple[str, str]] = {}
    for roled in sections:
        if roled.role not in PROSE_ROLES:
            continue
        for block in roled.section.blocks:
            if not isinstance(block, Paragraph) or not HEADER_WORD.search(block.body.text):
                continue
            text = squash(block.body.text)
            for match in NAME_VALUE.finditer(text):
                found.setdefault(match.group(1), (match.group(2).rstrip("."), text))
    return found
