"""Why an object field has no table: what its row points at, which no table read answers."""

from __future__ import annotations

from collections.abc import Iterator

from doc2openapi.scraper.interpret.columns import Field
from doc2openapi.scraper.interpret.linker import TABLE_MENTION
from doc2openapi.scraper.page import Link


def unresolved_reason(field: Field, name: str | None) -> str | None:
    """The reason to report an object field of no documented fields, when its row names a
    type, mentions a table or links into the docs; None when it points at nothing (an
    object the docs leave free-form)."""
    if name is not None:
        return f"field {field.name!r}: no table describes object type {name!r}"
    if mention := TABLE_MENTION.search(field.description.text):  # of a page not read
        return (
            f"field {field.name!r}: its description points at {mention.group(0)!r}, which "
            "no table read answers; an object of no documented fields"
        )
    if link := next(_internal_links(field), None):  # a page or an anchor not read
        target = "#".join(part for part in (link.page, link.anchor) if part)
        return (
            f"field {field.name!r}: it links to {target!r}, where no table read is; an "
            "object of no documented fields"
        )
    return None


def _internal_links(field: Field) -> Iterator[Link]:
    """The row's links into the docs (a page, an anchor), not to the web."""
    cells = (*field.name_links, *(field.type.links if field.type else ()), *field.description.links)
    return (link for link in cells if link.anchor or (link.page and "://" not in link.page))
