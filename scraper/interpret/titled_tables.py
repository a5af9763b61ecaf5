"""A field the example shows and no row names, whose table the page has all the same.

A table row gets lost while the field's own table stays (ELB `members_links`: the example has
it, "members_links parameter description" describes it, no row of the body table names it).
The table, not the example's guess, is the field's object.
"""

from __future__ import annotations

from doc2openapi.scraper.interpret.columns import is_parameter_table
from doc2openapi.scraper.interpret.component_names import camel, type_name
from doc2openapi.scraper.interpret.linker import TableRef
from doc2openapi.scraper.interpret.schemas import SchemaBuilder
from doc2openapi.scraper.interpret.sections import RoledSection
from doc2openapi.scraper.model import Json, Schema
from doc2openapi.scraper.page import Table


def titled_table(
    builder: SchemaBuilder, sections: list[RoledSection], name: str, value: Json, role: str
) -> Schema | None:
    """The object of the page's table titled after `name`, when the example shows an object
    (or a list of objects) there: one in the body's own section (`role`: "request" or
    "response") before one elsewhere, and one nothing uses before one a row uses (ELB
    `members_links`: a misplaced row of the item table links the response's table, while
    the request's namesake serves a request row); never another section's table in use."""
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(item, dict) for item in items):
        return None
    ranked: list[tuple[bool, bool, int, TableRef]] = []
    for ref in builder.index.titled(builder.page, name):
        if not is_parameter_table(ref.table) or _role(sections, ref.table) == "examples":
            continue  # an example walkthrough's table is another API's
        elsewhere, used = _role(sections, ref.table) != role, ref.key in builder.used
        if not (elsewhere and used):
            ranked.append((elsewhere, used, ref.position, ref))
    if not ranked:
        return None
    ref = min(ranked, key=lambda entry: entry[:3])[3]
    schema = builder.object_ref(ref, type_name(ref.table.title) or camel(name))
    return {"type": "array", "items": schema} if isinstance(value, list) else schema


def _role(sections: list[RoledSection], table: Table) -> str:
    """ "request", "response" or "examples" (any example section): where `table` stands."""
    for roled in sections:
        if any(b is table for b in roled.section.blocks):
            return "examples" if roled.role.startswith("example") else roled.role
    return ""
