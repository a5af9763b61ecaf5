"""The interpreter: one Page in, its operations (or the reason it has none) out.

It reads only the Page model, so every reader's output goes through the same rules.
"""

from __future__ import annotations

import re
from functools import partial

from doc2openapi.scraper.interpret.bodies import (
    BodyWalk,
    action_key,
    left_behind,
    read_body_section,
    request_body,
)
from doc2openapi.scraper.interpret.columns import is_parameter_table
from doc2openapi.scraper.interpret.component_names import camel
from doc2openapi.scraper.interpret.endpoints import (
    Endpoint,
    bodyless,
    distinct_template_names,
    request_line_endpoints,
    uri_endpoints,
    with_request_line_section,
)
from doc2openapi.scraper.interpret.example_fields import page_names
from doc2openapi.scraper.interpret.example_sections import read_example_section
from doc2openapi.scraper.interpret.inference import NAME_WORDS, refine_with_examples
from doc2openapi.scraper.interpret.linker import TableIndex, page_key
from doc2openapi.scraper.interpret.page_state import Draft, PageContext, section_tables
from doc2openapi.scraper.interpret.parameter_items import type_list_parameters
from doc2openapi.scraper.interpret.parameters import (
    operation_parameters,
    place_request_table,
    read_parameters,
)
from doc2openapi.scraper.interpret.prose import operation_prose
from doc2openapi.scraper.interpret.query_examples import read_request_line, reconcile_query
from doc2openapi.scraper.interpret.references import tidy_operation
from doc2openapi.scraper.interpret.request_syntax import interpret_request_syntax
from doc2openapi.scraper.interpret.responses import (
    build_responses,
    read_prose_statuses,
    read_status_section,
)
from doc2openapi.scraper.interpret.schemas import SchemaBuilder
from doc2openapi.scraper.interpret.sections import RoledSection, assign_roles
from doc2openapi.scraper.interpret.string_tables import adopt_string_tables
from doc2openapi.scraper.interpret.templates import TEMPLATE_VAR
from doc2openapi.scraper.interpret.titled_tables import titled_table
from doc2openapi.scraper.interpret.uri_rows import place_uri_rows
from doc2openapi.scraper.interpret.value_tables import is_value_table
from doc2openapi.scraper.model import Operation, PageResult
from doc2openapi.scraper.naming import doc_name, operation_names, title_name
from doc2openapi.scraper.page import Page, Paragraph, Table

DEPRECATED = re.compile(r"\b(deprecated|discarded|out-of-date|obsolete)\b", re.I)


def operation_id_base(page: Page) -> str:
    """A name for the page's schemas before its endpoints are known."""
    return doc_name(page) or title_name(page.title) or camel(page_key(page.source)) or "Operation"


class Interpreter:
    """Interprets pages of one service; `index` lets tables link across pages."""

    def __init__(self, index: TableIndex) -> None:
        self.index = index

    def interpret(self, page: Page) -> PageResult:
        sections = with_request_line_section(assign_roles(page))
        uri_sections = [s for s in sections if s.role == "uri"]
        endpoints = uri_endpoints(uri_sections) or request_line_endpoints(sections)
        if not uri_sections and not endpoints:
            return self._without_uri_section(page, sections)
        if not endpoints:
            reason = "the URI section names no HTTP method and path"
            return PageResult.skip(page.source, "no-endpoint", reason, page.title)
        builder = SchemaBuilder(self.index, page, operation_id_base(page))
        endpoints, repeats = distinct_template_names(endpoints, builder)
        draft = Draft(
            template_vars={v for e in endpoints for v in TEMPLATE_VAR.findall(e.path)},
            query_names={q for e in endpoints for q in e.query},
            repeats=repeats,
            endpoints=endpoints,
        )
        ctx = PageContext(page, sections, self.index, builder, draft)
        _read_sections(ctx)
        place_request_table(ctx, bodyless(endpoints))
        place_uri_rows(ctx, carries_body=not bodyless(endpoints))
        operations = _operations(ctx, endpoints)
        texts = page_texts(page)
        vocabulary = frozenset(w.lower() for text in texts for w in NAME_WORDS.findall(text))
        names = page_names(texts)
        adopt_string_tables(operations, builder)
        titled = partial(titled_table, builder, sections)  # the page's roles, read once
        for op in operations:
            builder.diagnostics += refine_with_examples(op, vocabulary, names, titled)
            tidy_operation(op, page, self.index, builder.tables())
        _report_unused_tables(ctx)
        return builder.page_result(operations)

    def _without_uri_section(self, page: Page, sections: list[RoledSection]) -> PageResult:
        """A page without a URI section: an operation only if it gives a request syntax."""
        base = operation_id_base(page)
        builder = SchemaBuilder(self.index, page, base)
        found = interpret_request_syntax(page, sections, builder, base)
        if found is None:
            return PageResult(page.source, "not-an-operation", page.title, reason="no URI section")
        for op in found.operations:  # prose as for every other operation
            tidy_operation(op, page, self.index, builder.tables())
        return found


def _read_sections(ctx: PageContext) -> None:
    body_walk: BodyWalk | None = None  # a body section's walk, which nested headings go on with
    for roled in ctx.sections:
        role = roled.role
        if role in ("request", "response"):
            body_walk = read_body_section(ctx, roled, body_walk)
        else:
            body_walk = left_behind(body_walk, roled)
        if role == "uri":
            for table in section_tables(roled):
                read_parameters(ctx, ctx.page, table, "uri")
            for block in roled.section.blocks:  # CES shows its example request under the URI
                read_request_line(block, ctx.draft)
        elif role == "status":
            read_status_section(roled, ctx.draft)
        elif role in ("example-request", "example-response", "examples"):
            read_example_section(ctx, roled)
        read_prose_statuses(roled, ctx.draft)


def _operations(ctx: PageContext, endpoints: list[Endpoint]) -> list[Operation]:
    """One operation per endpoint; the first one's id names the schemas they share."""
    pairs = [(e.method, e.path) for e in endpoints]
    ids = operation_names(ctx.page, pairs, action_key(ctx.draft))
    base_id = ctx.builder.operation_id = ids[0]
    return [
        _operation(ctx, endpoint, operation_id, base_id)
        for endpoint, operation_id in zip(endpoints, ids, strict=True)
    ]


def _operation(ctx: PageContext, endpoint: Endpoint, operation_id: str, base_id: str) -> Operation:
    page = ctx.page
    op = Operation(
        method=endpoint.method.lower(),
        path=endpoint.path,
        operation_id=operation_id,
        source=page.source,
        summary=page.title,
        description=operation_prose(page, ctx.sections),
        deprecated=DEPRECATED.search(page.title) is not None,
    )
    op.parameters = operation_parameters(ctx, endpoint)
    reconcile_query(ctx, endpoint, op.parameters)
    op.request_body = request_body(ctx, base_id, carries_body=not bodyless([endpoint]))
    op.responses = build_responses(ctx, base_id, endpoint.method)
    op.schemas = ctx.builder.schemas
    type_list_parameters(op, ctx.builder)
    return op


def _report_unused_tables(ctx: PageContext) -> None:
    """A parameter table no field refers to, or under a heading that names no part of the
    request or response, is reported: its fields are not in the spec. Tables under example
    headings are the examples' (often another API's, as in a walkthrough)."""
    for roled in ctx.sections:
        if roled.role.startswith("example"):
            continue
        where = (
            ""
            if roled.role in ("uri", "request", "response")
            else (
                f" (under {roled.section.title.strip()[:60]!r}, a heading that names no part of "
                "the request or response)"
            )
        )
        for table in section_tables(roled):
            ref = ctx.index.ref_of(ctx.page, table)
            if ref.key in ctx.builder.used:
                continue
            held = (
                "fields" if is_parameter_table(table) else "values" if is_value_table(table) else ""
            )
            if held:
                ctx.builder.diagnose(
                    "unlinked-table",
                    f"no field refers to this table{where}; its {held} are not in the spec",
                    table.caption,
                )


def page_texts(page: Page) -> list[str]:
    """A page's prose and table cells (not its examples): what it names in words."""
    texts: list[str] = [page.title]
    for section in page.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph):
                texts.append(block.body.text)
            elif isinstance(block, Table):
                texts += [cell.text for row in block.rows for cell in row]
    return texts
