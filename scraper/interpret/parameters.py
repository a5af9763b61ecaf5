"""Parameters: a table's rows read into the page's draft (where each goes, how it travels),
then each endpoint's own list, with a row for every path variable."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any

from doc2openapi.scraper.interpret.columns import (
    Field,
    caption_location,
    is_parameter_table,
    read_fields,
)
from doc2openapi.scraper.interpret.constraints import apply_constraints
from doc2openapi.scraper.interpret.constraints.stated_type import stated_type
from doc2openapi.scraper.interpret.endpoints import Endpoint
from doc2openapi.scraper.interpret.linker import TableRef
from doc2openapi.scraper.interpret.page_state import Draft, PageContext
from doc2openapi.scraper.interpret.prose_headers import prose_headers
from doc2openapi.scraper.interpret.schemas import SchemaBuilder
from doc2openapi.scraper.interpret.template_parameters import add_path_variables, add_query_keys
from doc2openapi.scraper.interpret.templates import TEMPLATE_VAR
from doc2openapi.scraper.interpret.value_tables import is_value_table
from doc2openapi.scraper.model import LOCATIONS, SOURCE_KEY, Location, Parameter, Schema
from doc2openapi.scraper.page import Page, Table

IMPLIED_HEADERS = {"x-auth-token", "content-type", "accept", "authorization"}
MEDIA_TYPE = re.compile(r"\b(?:application|multipart|text)/[\w+-]+(?:\.[\w+-]+)*")


def read_parameters(
    ctx: PageContext, page: Page, table: Table, where: str, located_only: bool = False
) -> None:
    """The rows of a parameter table on `page`, found in a `where` ("uri", "request")
    section; with `located_only`, only those its Location column puts outside the body."""
    builder = ctx.builder
    if not is_parameter_table(table):
        if not is_value_table(table):  # a field's values: its row takes them
            report_unknown_table(builder, table)
        return
    ref = ctx.index.ref_of(page, table)
    builder.used.add(ref.key)
    caption = table.caption.lower()
    for fld in read_fields(table):
        if located_only and not fld.outside_body:
            continue
        location, guessed = _row_location(fld, caption, where, ctx.draft)
        if location == "header" and fld.name.lower() in IMPLIED_HEADERS:
            if fld.name.lower() == "content-type":  # "fixed at application/x-www-form-..."
                ctx.draft.content_types += MEDIA_TYPE.findall(fld.description.text.lower())
            continue
        schema, description, source = row_schema(builder, fld, ref)
        if fld.type is None:  # no Type column
            schema = untyped_schema(description, location, fld.name, builder)
        if guessed and (location, fld.name) not in ctx.draft.parameters:
            ctx.draft.guessed_query[fld.name] = ref.key  # placed once the page is read
        elif (wire := wire_schema(schema, location, fld.name, builder, description)) is None:
            continue
        else:
            schema = wire
        parameter = Parameter(
            fld.name, location, fld.required or location == "path", schema, description, source
        )
        ctx.draft.parameters.setdefault((location, fld.name), parameter)


def row_schema(builder: SchemaBuilder, fld: Field, ref: TableRef) -> tuple[Schema, str, Any]:
    """A row's schema, and its description and doc source taken out of it: a parameter or
    header carries them beside its schema."""
    schema = builder.field_schema(fld, ref, typed_here=fld.type is not None)
    return schema, str(schema.pop("description", "")), schema.pop(SOURCE_KEY, None)


def untyped_schema(
    description: str, location: Location, name: str, builder: SchemaBuilder
) -> Schema:
    """A parameter without a documented type is text on the wire, with the keywords its
    description states, unless it is a query or header value whose description states
    another type: a range of whole numbers ("The value ranges from 1 to 100"), listed
    integers, true or false. A path segment stays text; so does a value with bounds only
    ("Maximum: 64" may be a length) or an open end ("(0, 1]" may be a ratio)."""
    found = stated_type(description) if location != "path" else None
    if found is None or found[0] == "string":
        return text_schema(description, location, name, builder)
    kind, why = found
    builder.diagnose(
        "inferred:type",
        f"{location} parameter {name!r} has no documented type; {kind}, as {why}",
    )
    return text_schema(description, location, name, builder, kind)  # a default too


def text_schema(
    description: str, location: Location, name: str, builder: SchemaBuilder, kind: str = "string"
) -> Schema:
    """Text on the wire (or a number), with the keywords its description states."""
    schema: Schema = {"type": kind}
    for conflict in apply_constraints(schema, description).conflicts:
        builder.diagnose("constraint:conflict", f"{location} parameter {name!r}: {conflict}")
    return schema


def report_unknown_table(builder: SchemaBuilder, table: Table) -> None:
    builder.diagnose("unknown-table", f"headers {list(table.header)} not understood", table.caption)


def place_request_table(ctx: PageContext, bodyless: bool) -> None:
    """Where the request table's rows go: a method without a body, and no body shown, has
    them in the query; otherwise a location column may put some outside the body."""
    request = ctx.draft.request
    if request is None:
        return
    if bodyless and not ctx.draft.request_examples:
        _request_table_as_query(ctx, request)
    else:
        _place_located_rows(ctx, request)


def _request_table_as_query(ctx: PageContext, request: TableRef) -> None:
    """A GET (HEAD, DELETE) page whose filters sit in a table under "Request", with no
    request body shown: its rows are query parameters, not a JSON body."""
    ctx.draft.request = None
    read_parameters(ctx, request.page, request.table, "request")
    ctx.builder.diagnose(
        "inferred:query",
        "the request table of a method without a body is read as query parameters",
        request.table.caption,
    )


def _place_located_rows(ctx: PageContext, request: TableRef) -> None:
    """A body method's request table with a Location column ("In": path, query, header,
    body): the rows it locates outside the body are parameters, which the body's schema
    leaves out; with no body row left, the table documents no body."""
    fields = read_fields(request.table)
    located = sum(1 for fld in fields if fld.outside_body)
    if not located:
        return
    read_parameters(ctx, request.page, request.table, "request", located_only=True)
    ctx.builder.located.add(request.key)
    if located == len(fields):
        ctx.draft.request = None


def _row_location(fld: Field, caption: str, where: str, draft: Draft) -> tuple[Location, bool]:
    """Where a parameter row goes, and whether only because a URI table holds it (no
    column, caption or template says so). A Location column is believed; otherwise a
    standard request header's name (X-Auth-Token, Content-Type) says header, and the URI's
    own template decides for the rows of a URI table ("GET /v2/recordsets?limit={limit}"
    puts `limit` in the query even under a caption "Parameters in the URI") and of a table
    that names no location (a GET's "Request" rows: `project_id` of
    `/quotas/{project_id}` is the path variable, not a query key), then the caption."""
    if fld.outside_body:  # a Location column; "URI" is the path's variable or the query's
        column = _location(fld, "")
        return column or ("path" if fld.name in draft.template_vars else "query"), False
    stated = _location(fld, caption)
    named = draft.template_vars | draft.query_names
    if stated is None and fld.name.lower() in IMPLIED_HEADERS and fld.name not in named:
        return "header", False  # "x-auth-token" among a URI table's rows: never a query key
    if where == "uri" or stated in (None, "path"):
        if fld.name in draft.template_vars:
            return "path", False
        if fld.name in draft.query_names:
            return "query", False
        if where == "uri" and (stated is None or _names_the_uri(caption)):
            return "query", True  # the URI holds the query string too: not in the path
    return stated or "query", False


def _names_the_uri(caption: str) -> bool:
    """ "Parameters in the URI" names the whole URI, query string included; "Path
    parameters" names the path."""
    words = set(re.findall(r"[a-z]+", caption))
    return bool(words & {"uri", "url"}) and "path" not in words


def _location(fld: Field, caption: str) -> Location | None:
    """The location a table states (a Location column or its caption), if it states one."""
    for candidate in LOCATIONS:
        if candidate in fld.location:
            return candidate
    return caption_location(caption)


def wire_schema(
    schema: Schema, location: Location, name: str, builder: SchemaBuilder, description: str
) -> Schema | None:
    """A parameter's schema as it can travel: a path segment is a scalar (a doc type
    "Object" there is a defect: text, with the keywords its description states). An array
    whose item type the docs omit is typed once the operation's responses are known
    (parameter_items.py)."""
    if location == "path" and (schema.get("type") in ("object", "array") or "allOf" in schema):
        builder.diagnose(
            "doc-defect:parameter-type",
            f"path parameter {name!r} is documented as {schema.get('type', 'an object')}; "
            "a path segment is a string",
        )
        return text_schema(description, location, name, builder)
    if location in ("query", "header") and schema.get("type") == "object" and len(schema) == 1:
        builder.diagnose(
            "doc-defect:parameter-type",
            f"{location} parameter {name!r} is documented as a bare Object; typed as string",
        )
        return text_schema(description, location, name, builder)
    if location in ("query", "header") and _holds_objects(schema):
        builder.diagnose(
            "doc-defect:parameter-type",
            f"{location} parameter {name!r} is documented as an object (or a list of them), "
            "which a query string or header cannot carry; left out",
        )
        return None
    return schema


def _holds_objects(schema: Schema) -> bool:
    """An object, or an array of objects: a $ref, an allOf wrapper or a typed object."""
    items = schema.get("items") if schema.get("type") == "array" else None
    for node in (schema, items) if isinstance(items, dict) else (schema,):
        if node.get("properties") or "$ref" in node or "allOf" in node:
            return True
    return False


# -- one endpoint's parameters ---------------------------------------------------------------


def operation_parameters(ctx: PageContext, endpoint: Endpoint) -> list[Parameter]:
    """The page's parameter rows that belong to this endpoint, then one for each of its path
    variables that no row names, then the headers the prose asks for."""
    template = TEMPLATE_VAR.findall(endpoint.path)
    params = _row_parameters(ctx, endpoint, template)
    add_path_variables(ctx, endpoint, template, params)
    add_query_keys(ctx, endpoint, params)
    return params + _prose_header_parameters(ctx, params)


def _row_parameters(ctx: PageContext, endpoint: Endpoint, template: list[str]) -> list[Parameter]:
    draft, builder = ctx.draft, ctx.builder
    params: list[Parameter] = []
    misspelt = _misspelt_path_rows(draft, template)
    for (location, name), param in draft.parameters.items():
        if (location, name) in misspelt:
            params.append(_as_path_variable(param, misspelt[(location, name)], endpoint, builder))
            continue
        if location == "path" and name not in template:
            if name not in draft.template_vars:  # else it belongs to a sibling endpoint
                builder.diagnose(
                    "path-parameter-not-in-path",
                    f"path parameter {name!r} occurs in no documented path",
                )
            continue
        params.append(param)
    return params


def _as_path_variable(
    param: Parameter, var: str, endpoint: Endpoint, builder: SchemaBuilder
) -> Parameter:
    builder.diagnose(
        "doc-defect:parameter-name",
        f"parameter row {param.name!r} names no variable of {endpoint.path}; "
        f"taken as the path variable {{{var}}}, the closest name",
    )
    return Parameter(var, "path", True, param.schema, param.description, param.source)


def _misspelt_path_rows(draft: Draft, template: list[str]) -> dict[tuple[str, str], str]:
    """Path or query rows that are near-misses of a path variable no row names
    (`flavors_id` for `{flavor_id}`): the row is the variable, misspelt."""
    named = {name for (location, name) in draft.parameters if location == "path"}
    orphans = [v for v in template if v not in named]
    found: dict[tuple[str, str], str] = {}
    for key in draft.parameters:
        location, name = key
        if location not in ("path", "query") or name in draft.template_vars:
            continue
        if location == "query" and name in draft.query_names:
            continue
        close = [v for v in orphans if name_similarity(name, v) >= 0.85]
        if len(close) == 1 and close[0] not in found.values():
            found[key] = close[0]
    return found


def name_similarity(one: str, other: str) -> float:
    """How alike two names are, 0 to 1: a misspelling (`flavors_id`) scores 0.85 or more."""
    return SequenceMatcher(None, one.lower(), other.lower()).ratio()


def _prose_header_parameters(ctx: PageContext, documented: list[Parameter]) -> list[Parameter]:
    """Optional header parameters for the headers the page's prose asks for by name."""
    known = {p.name.lower() for p in documented if p.location == "header"} | IMPLIED_HEADERS
    found: list[Parameter] = []
    for name, (value, sentence) in prose_headers(ctx.sections).items():
        if name.lower() in known:
            continue
        found.append(Parameter(name, "header", False, {"type": "string"}, sentence, None, value))
        ctx.builder.diagnose(
            "inferred:header", f"header {name} (e.g. {value!r}) is asked for in the prose"
        )
    return found
