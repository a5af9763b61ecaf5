"""A field the example shows and no row names, whose table the page has all the same.

A table row gets lost while the field's own table stays (ELB `members_links`: the example has
it, "members_links parameter description" describes it, no row of the body table names it).
The table, not the example's guess, is the field's object.
"""

from __future__ import annotations

from doc2openapi.scraper.interpret.columns import is_parameter_table
from doc2openapi.scraper.interpret.component_names import camel, type_name
from doc2openapi.scraper.interpret.schemas import SchemaBuilder
from doc2openapi.scraper.interpret.sections import RoledSection
from doc2openapi.scraper.model import Json, Schema
from doc2openapi.scraper.page import Table


def titled_table(
    builder: SchemaBuilder, sections: list[RoledSection], name: str, value: Json
) -> Schema | None:
    """The object of the page's table titled after `name` that nothing uses, when the
    example shows an object (or a list of objects) there."""
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(item, dict) for item in items):
        return None
    for ref in builder.index.titled(builder.page, name):
        if ref.key in builder.used:
            continue
        if not is_parameter_table(ref.table) or _under_examples(sections, ref.table):
            continue  # an example walkthrough's table is another API's
        schema = builder.object_ref(ref, type_name(ref.table.title) or camel(name))
        return {"type": "array", "items": schema} if isinstance(value, list) else schema
    return None


def _under_examples(sections: list[RoledSection], table: Table) -> bool:
    return any(
        roled.role.startswith("example") and any(b is table for b in roled.section.blocks)
        for roled in sections
    )
