"""The page being interpreted, in one object, so the modules that read its sections and
assemble its operations share it instead of passing the same five arguments around."""

from __future__ import annotations

from dataclasses import dataclass, field

from doc2openapi.scraper.interpret.endpoints import Endpoint
from doc2openapi.scraper.interpret.linker import TableIndex, TableRef
from doc2openapi.scraper.interpret.schemas import SchemaBuilder
from doc2openapi.scraper.interpret.sections import RoledSection
from doc2openapi.scraper.model import Example, Parameter, Schema
from doc2openapi.scraper.page import Link, Page, Table


@dataclass
class Draft:
    """What one page says, before it is split into one Operation per endpoint."""

    parameters: dict[tuple[str, str], Parameter] = field(default_factory=dict)
    request: TableRef | None = None
    bodies: dict[str, TableRef] = field(default_factory=dict)
    response_headers: dict[str, list[TableRef]] = field(default_factory=dict)  # by status
    statuses: dict[str, str] = field(default_factory=dict)
    prose_statuses: dict[str, str] = field(default_factory=dict)  # "Status code 200, ..."
    success_codes: list[str] = field(default_factory=list)  # "202 ... if it succeeds"
    request_examples: list[Example] = field(default_factory=list)
    content_types: list[str] = field(default_factory=list)  # a Content-Type row's media types
    response_examples: dict[str, list[Example]] = field(default_factory=dict)
    template_vars: set[str] = field(default_factory=set)
    query_names: set[str] = field(default_factory=set)  # named in the URI's query string
    guessed_query: dict[str, tuple[str, int]] = field(default_factory=dict)
    """URI-table rows nothing else places: name -> the table's key (TableRef.key)."""
    uri_body: Schema | None = None  # the body those rows form when the example shows them so
    alternatives: list[TableRef] = field(default_factory=list)  # other forms of the request
    status_note: str = ""  # "See Returned Values for General Requests."
    status_links: list[Link] = field(default_factory=list)  # the pages that note links to
    request_lines: list[Endpoint] = field(default_factory=list)  # example requests with a query
    endpoints: list[Endpoint] = field(default_factory=list)  # the page's, as its URI names them
    repeats: dict[str, str] = field(default_factory=dict)  # renamed repeat -> the name it repeats


@dataclass
class PageContext:
    """One page being interpreted: its roled sections, the service's tables, the page's
    schema builder (which also collects its diagnostics) and what has been read so far."""

    page: Page
    sections: list[RoledSection]
    index: TableIndex
    builder: SchemaBuilder
    draft: Draft


def section_tables(roled: RoledSection) -> list[Table]:
    return [b for b in roled.section.blocks if isinstance(b, Table)]
