"""Give each section of a page a role (URI, request, response, examples, ...) from its heading."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from doc2openapi.scraper.page import Page, Section

Role = Literal[
    "uri", "request", "response", "example-request", "example-response", "examples",
    "status", "function", "other",
]  # fmt: skip

_EXAMPLE = r"(?:example|sample)s?"
ROLE_PATTERNS: list[tuple[Role, re.Pattern[str]]] = [
    ("example-request", re.compile(rf"^{_EXAMPLE}\s+requests?\b|^requests?\s+{_EXAMPLE}\b", re.I)),
    ("example-response", re.compile(rf"^{_EXAMPLE}\s+responses?\b|^responses?\s+{_EXAMPLE}", re.I)),
    ("examples", re.compile(rf"^{_EXAMPLE}$", re.I)),
    ("status", re.compile(r"^(http\s+)?(status|return(ed)?)\s+(codes?|values?)$", re.I)),
    ("uri", re.compile(r"^(request\s+)?(uri|url)s?\b|^http\s+request$", re.I)),
    ("request", re.compile(r"^requests?\b", re.I)),
    ("response", re.compile(r"^responses?\b", re.I)),
    ("function", re.compile(r"^(function|description|api description)$", re.I)),
]  # fmt: skip


# "Query Parameters", "Path parameters", "Parameters": a heading naming the request's
# parameters outright. Weak: nested in a Response section, it names response fields.
PARAMETERS_HEADING = re.compile(
    r"^(?:(?:path|query|header|body)\s+)?param(?:eter)?s?(?:\s+description)?\s*$", re.I
)


@dataclass(frozen=True)
class RoledSection:
    role: Role
    section: Section


def role_of(title: str) -> Role | None:
    for role, pattern in ROLE_PATTERNS:
        if pattern.search(title.strip()):
            return role
    return None


def assign_roles(page: Page) -> list[RoledSection]:
    """A heading with no role of its own inherits the role of the section it is nested in."""
    stack: list[tuple[int, Role]] = []
    out: list[RoledSection] = []
    for section in page.sections:
        while stack and stack[-1][0] >= section.level:
            stack.pop()
        role = role_of(section.title) if section.level > 0 else None
        enclosing = stack[-1][1] if stack else "other"
        if role is None and section.level > 0 and enclosing in ("other", "function"):
            role = "request" if PARAMETERS_HEADING.search(section.title.strip()) else None
        if role is None:
            role = enclosing
        if section.level > 0:
            stack.append((section.level, role))
        out.append(RoledSection(role, section))
    return out
