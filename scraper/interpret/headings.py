"""A table with no caption under a heading that names where its rows travel ("Query
Parameters", "Path parameters", "Request Headers") takes that heading as its caption.

Captions decide a parameter table's location; some renderings put the words in the heading
instead. Only a heading that names a location lends itself: "Request" or "Parameters" says
nothing a caption would add, and borrowing it would rename the tables' components.
"""

from __future__ import annotations

import re
from dataclasses import replace

from doc2openapi.scraper.interpret.columns import caption_location
from doc2openapi.scraper.page import Page, Section, Table


def caption_from_headings(page: Page) -> Page:
    """`page` with its uncaptioned tables under location headings captioned by them."""
    if not any(_lends(section) for section in page.sections):
        return page
    return replace(page, sections=[_captioned(s) if _lends(s) else s for s in page.sections])


def _lends(section: Section) -> bool:
    return _names_location(section.title) and any(
        isinstance(b, Table) and not b.caption.strip() for b in section.blocks
    )


def _names_location(title: str) -> bool:
    """Query, header or path, in words. A "URI" heading names a section of the page, whose
    table mixes path and query rows: it states no location for them."""
    words = set(re.findall(r"[a-z]+", title.lower()))
    if words & {"uri", "url", "uris", "urls"}:
        return False
    return caption_location(title.lower()) is not None


def _captioned(section: Section) -> Section:
    title = section.title.strip()
    blocks = [
        replace(b, caption=title) if isinstance(b, Table) and not b.caption.strip() else b
        for b in section.blocks
    ]
    return replace(section, blocks=blocks)
