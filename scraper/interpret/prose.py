"""An operation's prose as CommonMark: every section of its page that is not the URI, a body,
an example or the status codes (Function, Constraints, Notes, ...), lists and code kept, but
not one that only points at another page ("See Error Codes.").

Doc text is untrusted: it is escaped so that it shows as written and never becomes markup
(HTML, links) of its own; only the structure the page shows (lists, code) becomes markup.
"""

from __future__ import annotations

import re

from doc2openapi.scraper.interpret.references import without_navigation
from doc2openapi.scraper.interpret.sections import RoledSection
from doc2openapi.scraper.page import Block, CodeBlock, Page, Paragraph

PROSE_ROLES = frozenset({"function", "other"})
# Characters that would start markup anywhere in a line, and markers that would at its start.
_INLINE_MARKUP = re.compile(r"([\\`*<\[\]])")
_LINE_START = re.compile(r"^(\s*)([#>+=|~-]|\d+[.)])(?=\s|$)")
_ITEM = "- "
# A section that only points elsewhere ("See Error Codes.", "For details, see Calling APIs.")
# or says "None": its link is gone in a description, so it tells the reader nothing.
# The pointer names a page by its title: "See the console first." is advice, not a pointer.
_EMPTY_SECTION = re.compile(
    r"(?:(?i:for\s+(?:details|more\s+information),?\s+)?(?i:see)\s+[A-Z][^.\n]{0,79}"
    r"|(?i:none))\.?"
)


def escape(text: str) -> str:
    """Doc text shown as written in CommonMark (no HTML, links, emphasis or headings)."""
    escaped = _INLINE_MARKUP.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def _lines(text: str, item: bool) -> str:
    """One paragraph's text: its own lines stay lines, "- " lines (nested items) a list;
    a list item's lines are indented under its marker."""
    indent = "  " if item else ""
    out: list[str] = []
    for line in text.split("\n"):
        if line.startswith(_ITEM):
            out.append(indent + _ITEM + escape(line[len(_ITEM) :]))
        else:
            out.append(indent + escape(line))
    rendered = "\n".join(out)
    return _ITEM + rendered[len(indent) :] if item else rendered


def fenced(code: str, language: str | None = None) -> str:
    """A fenced code block longer than any backtick run inside the code."""
    longest = max((len(m) for m in re.findall(r"`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    info = language if language and re.fullmatch(r"[\w+-]+", language) else ""
    return f"{fence}{info}\n{code.rstrip()}\n{fence}"


def render_blocks(blocks: list[Block]) -> str:
    """Paragraphs, list items and code blocks as CommonMark (tables are read elsewhere)."""
    parts: list[str] = []
    previous_item = False
    for block in blocks:
        if isinstance(block, Paragraph):
            text = _lines(block.body.text, block.item)
            if block.item and previous_item:
                parts[-1] += "\n" + text
            else:
                parts.append(text)
            previous_item = block.item
        elif isinstance(block, CodeBlock):
            parts.append(fenced(block.text, block.language))
            previous_item = False
    return "\n\n".join(p for p in parts if p.strip())


def _is_intro(roled: RoledSection, page: Page) -> bool:
    """The function section, or the text under the page's title, needs no heading."""
    return roled.role == "function" or roled.section.title == page.title


def operation_prose(page: Page, sections: list[RoledSection]) -> str:
    """The page's prose sections in page order, each but the function text under its heading;
    a section that only points elsewhere or says "None" is left out."""
    intro: list[str] = []
    others: list[str] = []
    for roled in sections:
        if roled.role not in PROSE_ROLES or roled.section.level == 0:
            continue
        text = render_blocks(roled.section.blocks)
        if not text or _EMPTY_SECTION.fullmatch(without_navigation(text)):
            continue
        if _is_intro(roled, page):
            intro.append(text)
        else:
            others.append(f"**{escape(roled.section.title)}**\n\n{text}")
    return "\n\n".join(intro + others)
