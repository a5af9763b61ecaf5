"""Rows of a URI table that neither the path nor the query template names.

A row of a table some field links to is that object's field, placed through the link. The
URI holds the query string too, so the other rows are query parameters, unless the method
carries a body, the page has no body table, and the request examples send exactly those
rows, as an object or a list of them (classic ELB documents path variables and body fields
in one "Parameter description" table): then they are the request body. The examples
decide, as they are captured from the live API.
"""

from __future__ import annotations

from doc2openapi.scraper.interpret.page_state import Draft, PageContext
from doc2openapi.scraper.interpret.parameters import wire_schema
from doc2openapi.scraper.interpret.spellings import fits
from doc2openapi.scraper.model import SOURCE_KEY, Parameter, Schema


def place_uri_rows(ctx: PageContext, carries_body: bool) -> None:
    """Each guessed row of the page's URI tables becomes a query parameter, or all of them
    the request body (see the module's docstring)."""
    rows = _unplaced_rows(ctx)
    if not rows:
        return
    draft = ctx.draft
    shown = _shape_shown(draft, rows) if carries_body and draft.request is None else None
    if shown is not None:
        for name in rows:
            del draft.parameters[("query", name)]
        body = _body(rows)
        draft.uri_body = body if shown == "an object" else {"type": "array", "items": body}
        ctx.builder.diagnose(
            "inferred:body",
            f"the URI table's rows {sorted(rows)} are no path variables and the request "
            f"examples send them as {shown}: they are the request body, not query parameters",
        )
        return
    for name, param in rows.items():
        wire = wire_schema(param.schema, "query", name, ctx.builder, param.description)
        if wire is None:
            del draft.parameters[("query", name)]
        else:
            param.schema = wire


def _shape_shown(draft: Draft, rows: dict[str, Parameter]) -> str | None:
    """ "an object" when every request example is an object of (mostly) these rows, "a
    list of objects" when every one is a list of such objects, else None."""
    values = [e.value for e in draft.request_examples]
    fields = {name: param.schema for name, param in rows.items()}
    if not values:
        return None
    if all(fits(v, fields) for v in values):
        return "an object"
    if all(isinstance(v, list) and v and all(fits(i, fields) for i in v) for v in values):
        return "a list of objects"
    return None


def _unplaced_rows(ctx: PageContext) -> dict[str, Parameter]:
    """The guessed rows, less those of a table a field links to (dropped from the draft:
    they are that object's fields, placed through the link)."""
    draft = ctx.draft
    objects = set(ctx.builder.tables().values())
    rows: dict[str, Parameter] = {}
    for (location, name), param in list(draft.parameters.items()):
        if location != "query" or name not in draft.guessed_query:
            continue
        if draft.guessed_query[name] in objects:
            del draft.parameters[(location, name)]
        else:
            rows[name] = param
    return rows


def _body(rows: dict[str, Parameter]) -> Schema:
    """The object the rows describe, as a body table would."""
    properties: dict[str, Schema] = {}
    for name, param in rows.items():
        prop = dict(param.schema)
        if param.description:
            prop["description"] = param.description
        if param.source:
            prop[SOURCE_KEY] = param.source
        properties[name] = prop
    body: Schema = {"type": "object", "properties": properties}
    required = [name for name, param in rows.items() if param.required]
    if required:
        body["required"] = required
    return body
