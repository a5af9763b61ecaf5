"""Request and response bodies: which table of a body section is the body's root (the
others are its nested objects, or other forms of it), and the request body it becomes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from doc2openapi.scraper.interpret.adjacent_tables import named_further_on
from doc2openapi.scraper.interpret.columns import (
    caption_location,
    caption_words,
    is_parameter_table,
    is_status_table,
    read_fields,
)
from doc2openapi.scraper.interpret.example_fields import example_schema
from doc2openapi.scraper.interpret.example_sections import read_body_code_block
from doc2openapi.scraper.interpret.examples import show_nothing
from doc2openapi.scraper.interpret.linker import TableRef
from doc2openapi.scraper.interpret.page_state import Draft, PageContext, section_tables
from doc2openapi.scraper.interpret.parameters import (
    read_parameters,
    report_unknown_table,
)
from doc2openapi.scraper.interpret.responses import STATUS_MARKER, heading_status
from doc2openapi.scraper.interpret.sections import RoledSection, role_of
from doc2openapi.scraper.interpret.value_tables import is_value_table
from doc2openapi.scraper.model import REF_PREFIX, Body, Schema
from doc2openapi.scraper.page import CodeBlock, Paragraph, Table

FORM_DATA = re.compile(r"\bform[\s_-]?data\b", re.I)
FORM_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})


@dataclass
class BodyWalk:
    """How far the walk through one request or response section has come."""

    role: str  # "request" or "response"
    level: int = 0  # the heading level of the section the walk began in
    status: str | None = None  # the response status the tables that follow document
    awaiting_root: bool = True  # the next body table is a body's root, not a nested object
    elsewhere: TableRef | None = None  # a table on another page a paragraph points at
    labelled: bool = False  # the block before this one is a paragraph ("Parameters for ...")
    label: str = ""  # the last paragraph's text ("Example response")


def read_body_section(
    ctx: PageContext, roled: RoledSection, previous: BodyWalk | None = None
) -> BodyWalk:
    """A request or response section's body table (one per status a response names), its
    parameter tables, and a body it only links to ("See Responses (Task)."). A heading
    nested in the section that names no role of its own goes on with the section's walk:
    "### Widget" over the Widget table holds one of the body's objects, not a body; under
    Request, a table of its own that nothing links is another form of the body, as after a
    label paragraph; "### Status code: 202" starts that status's body."""
    section = roled.section
    walk = previous if previous is not None and _goes_on(previous, roled) else None
    goes_on = walk is not None
    walk = walk or BodyWalk(roled.role, section.level)
    if (status := heading_status(section.title)) is not None and walk.role == "response":
        walk.status, walk.awaiting_root = status, True
    walk.labelled = goes_on and walk.role == "request"
    for block in section.blocks:
        if isinstance(block, Paragraph):
            _read_label(ctx, walk, block)
            continue
        after_label, walk.labelled = walk.labelled, False
        if isinstance(block, Table):
            _read_table(ctx, walk, block, after_label)
        elif isinstance(block, CodeBlock):
            read_body_code_block(ctx, roled, walk.label, walk.status, block)
    elsewhere, walk.elsewhere = walk.elsewhere, None
    if elsewhere is not None and walk.awaiting_root and not section_tables(roled):
        _add_body(ctx.draft, walk.role, walk.status, elsewhere)
        ctx.builder.diagnose(
            "linked-body",
            f"the {walk.role} section has no table; its fields are read from "
            f"{elsewhere.page.source} ({elsewhere.table.caption or 'its first table'})",
        )
    return walk


def _goes_on(previous: BodyWalk, roled: RoledSection) -> bool:
    """Whether a section continues the body walk before it: nested deeper under the same
    role, with a heading that names no role of its own."""
    return (
        previous.role == roled.role
        and roled.section.level > previous.level
        and role_of(roled.section.title) is None
    )


def left_behind(walk: BodyWalk | None, roled: RoledSection) -> BodyWalk | None:
    """The body walk, while a section of another role is nested inside its section (an
    example between the body's tables); None once the walk's section has ended."""
    return walk if walk is not None and roled.section.level > walk.level else None


def _read_label(ctx: PageContext, walk: BodyWalk, paragraph: Paragraph) -> None:
    marker = STATUS_MARKER.search(paragraph.body.text)
    if marker and walk.role == "response":
        walk.status, walk.awaiting_root = marker.group(1), True
    walk.elsewhere = walk.elsewhere or _linked_body(ctx, paragraph, walk.role)
    walk.labelled, walk.label = True, paragraph.body.text


def _read_table(ctx: PageContext, walk: BodyWalk, table: Table, after_label: bool) -> None:
    if not is_parameter_table(table):
        if not is_status_table(table) and not is_value_table(table):
            report_unknown_table(ctx.builder, table)
        return
    if (location := caption_location(table.caption.lower())) is not None:
        _read_located(ctx, walk, table, location)
        return
    stated = heading_status(table.caption) if walk.role == "response" else None
    if stated is not None and stated != walk.status:  # "Response body (status code: 404)"
        walk.status, walk.awaiting_root = stated, True
    ref = ctx.index.ref_of(ctx.page, table)
    if not walk.awaiting_root:
        if walk.role == "request" and after_label and not table.anchors:
            ctx.draft.alternatives.append(ref)  # another form of the body, unless linked
        return  # a nested object's table: reached through links
    if named_further_on(ctx.index, ref):
        return  # a nested object's table placed before the body's
    walk.awaiting_root = False
    _add_body(ctx.draft, walk.role, walk.status, ref)


def _read_located(ctx: PageContext, walk: BodyWalk, table: Table, location: str) -> None:
    """A table whose caption names where its rows travel ("Request header parameters"):
    parameters; under Response, a response header table's rows ("Response header
    parameters") are that response's headers. A field's table ("headers field description")
    is reached through its field."""
    if walk.role == "request":
        read_parameters(ctx, ctx.page, table, "request")
    elif location == "header" and "response" in caption_words(table.caption):  # not a field's
        headers = ctx.draft.response_headers.setdefault(walk.status or "", [])
        headers.append(ctx.index.ref_of(ctx.page, table))
    else:
        ctx.builder.used.add(ctx.index.ref_of(ctx.page, table).key)


def _add_body(draft: Draft, role: str, status: str | None, ref: TableRef) -> None:
    if role == "request":
        draft.request = draft.request or ref
    else:
        draft.bodies.setdefault(status or "", ref)


def _linked_body(ctx: PageContext, paragraph: Paragraph, role: str) -> TableRef | None:
    """The table a table-less body section points at ("See Responses (Task)."): a
    link to another page, or to a section or table anchor on one."""
    page = ctx.page
    for link in paragraph.body.links:
        if link.page == page.source or not (link.page or link.anchor):
            continue
        found = ctx.index.by_link(link, page) or ctx.index.by_page_link(link, page, role)
        if found is not None and found.page.source != page.source:
            return found
    return None


# -- the request body ---------------------------------------------------------------------


def request_body(ctx: PageContext, base_id: str, carries_body: bool) -> Body | None:
    """The body of the page's request table, with the page's request examples; without a
    table, what the examples show, for a method that carries a body (a GET's "request
    example" is a mislabelled reply, never its body)."""
    draft = ctx.draft
    if draft.request is None:
        shown = draft.uri_body or _shown_request(ctx, carries_body)
        if shown is None:
            return None
        schema = ctx.builder.named_ref("request", base_id + "Request", shown)
        return Body(schema, examples=list(draft.request_examples))
    schema = ctx.builder.object_ref(draft.request, base_id + "Request")
    schema = _alternatives(ctx, schema)
    media_type = _request_media_type(draft)
    return Body(schema, examples=list(draft.request_examples), media_type=media_type)


def _shown_request(ctx: PageContext, carries_body: bool) -> Schema | None:
    """The body the request examples show where no table documents one; None where they
    show nothing, or for a method without a body (reported)."""
    examples = ctx.draft.request_examples
    if show_nothing(examples):
        return None
    if not carries_body:
        ctx.builder.diagnose(
            "example-without-schema",
            "a request example is given for a method without a body; left out",
        )
        return None
    ctx.builder.diagnose(
        "example-without-schema",
        "a request example is given but no request body table; the body is what the examples show",
    )
    return example_schema([e.value for e in examples])


def _alternatives(ctx: PageContext, schema: Schema) -> Schema:
    """A request section that gives the body in several forms, each a labelled table of
    its own ("Parameters for creating an image from an ECS", "... from a file") that no
    field links to: one body with every form's fields, required where all forms agree
    (as the SDKs model it; a client sends the fields of the form it means)."""
    builder = ctx.builder
    forms = [ref for ref in ctx.draft.alternatives if ref.key not in builder.used]
    if not forms or "$ref" not in schema:
        return schema
    first = builder.schemas[schema["$ref"][len(REF_PREFIX) :]]
    merged = dict(first)
    properties = dict(first.get("properties", {}))
    required = set(first.get("required", []))
    for ref in forms:
        builder.used.add(ref.key)
        other = builder.object_schema(ref)
        for name, prop in other.get("properties", {}).items():
            properties.setdefault(name, prop)
        required &= set(other.get("required", []))
    merged["properties"] = properties
    merged["required"] = [n for n in first.get("required", []) if n in required]
    if not merged["required"]:
        del merged["required"]
    builder.schemas[schema["$ref"][len(REF_PREFIX) :]] = merged
    builder.diagnose(
        "inferred:alternatives",
        f"the request section gives {len(forms) + 1} forms of the body: one body with "
        "every form's fields, required only where all forms require them",
    )
    return schema


def _request_media_type(draft: Draft) -> str:
    """A body documented as "FormData parameters" is a form (a file upload, APIG's import):
    multipart/form-data; so is one whose Content-Type row names one form type alone ("fixed
    at application/x-www-form-urlencoded"). Any other body is JSON, of the JSON media type
    the first request example that names one shows
    ("Content-Type:application/openstack-images-v2.1-json-patch", IMS), else
    application/json."""
    if draft.request is not None and FORM_DATA.search(draft.request.table.caption):
        return "multipart/form-data"
    if len(stated := set(draft.content_types)) == 1 and stated <= FORM_TYPES:
        return stated.pop()
    shown = next((e.media_type for e in draft.request_examples if e.media_type), "")
    return shown if "json" in shown else "application/json"


def action_key(draft: Draft) -> str | None:
    """The request body's one top-level field (an action such as "os-start"), if one: the
    key every request example wraps its body in, else the table's one row."""
    if draft.request is None:
        return None
    keys = {k for e in draft.request_examples if isinstance(e.value, dict) for k in e.value}
    if (
        draft.request_examples
        and len(keys) == 1
        and all(isinstance(e.value, dict) and len(e.value) == 1 for e in draft.request_examples)
    ):
        return str(keys.pop())
    fields = read_fields(draft.request.table)
    return fields[0].name if len(fields) == 1 else None
