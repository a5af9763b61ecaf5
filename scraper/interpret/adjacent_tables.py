"""The table right after a field's own, for an "Object" row that points nowhere.

Pages generated from an API catalogue give a nested object's table the object's type name
and forget the link: `error | Object | Error message.` followed by a table captioned
"ErrorDetail", `tags | Array of objects` followed by "resource_tag field description". Such
a table is taken as the field's object only when nothing is ambiguous: the field is the one
row of its table that points nowhere, the next table sits in the same section and is titled
after an object (not "Response body parameters", the next status's body), and nothing on
the page points at it or names a field or a type after it. The link is reported
(`inferred:adjacent-table`) so a reader can check it.
"""

from __future__ import annotations

from collections.abc import Iterator

from doc2openapi.scraper.interpret.columns import Field, read_fields
from doc2openapi.scraper.interpret.component_names import type_name
from doc2openapi.scraper.interpret.linker import TableIndex, TableRef
from doc2openapi.scraper.interpret.table_titles import title_key
from doc2openapi.scraper.interpret.types import (
    ArrayType,
    ChoiceType,
    MapType,
    ObjectType,
    Primitive,
    TypeExpr,
    parse_type,
)
from doc2openapi.scraper.page import TABLE_NUMBER, Link, Page, Paragraph, Table


def unnamed_object(field: Field) -> bool:
    """ "Object", "Array of objects", "JSON": an object type that names no table."""
    if field.type is None:
        return False
    expr: TypeExpr = parse_type(field.type.text)
    while isinstance(expr, ArrayType):
        expr = expr.items
    return isinstance(expr, ObjectType) and expr.name is None


def points_at_table(index: TableIndex, field: Field, ref: TableRef) -> bool:
    """Whether a row's type, name, description or title leads to some table."""
    links = (field.type.links if field.type is not None else ()) + field.name_links
    if any(index.by_link(link, ref.page) for link in links):
        return True
    if index.mentioned(ref.page, field.description.text, field.description.links):
        return True
    found = index.by_title(ref.page, field.name, ref.position)
    return found is not None and found.key != ref.key


def following_table(index: TableIndex, field: Field, ref: TableRef) -> TableRef | None:
    """The table after `ref`'s, when `field` is the only row of `ref` that is an unnamed
    object pointing at no table, and that table is nobody else's."""
    nearby = index.refs(ref.page)
    after = next((r for r in nearby if r.position == ref.position + 1), None)
    if after is None or type_name(after.table.title) is None or not read_fields(after.table):
        return None  # "Response body parameters" after an object is the next status's body
    if section_of(ref.page, ref.table) is not section_of(ref.page, after.table):
        return None
    pointing = [
        f
        for f in read_fields(ref.table)
        if unnamed_object(f) and not points_at_table(index, f, ref)
    ]
    if [f.name for f in pointing] != [field.name]:
        return None
    return None if _named_elsewhere(index, ref.page, after) else after


def _named_elsewhere(index: TableIndex, page: Page, table: TableRef) -> bool:
    """Whether a link, a "Table N", a field's name (its plural: `options` for a table
    "Option") or an object type ("nodes | Array of Node objects") on the page names
    `table`."""
    nearby = index.refs(page)
    if pointed_at(page, table.table) or title_key(table.table.title) in field_names(nearby):
        return True
    return any(_names(index, fld, r, table) for r in nearby for fld in read_fields(r.table))


def named_further_on(index: TableIndex, ref: TableRef) -> bool:
    """Whether a table after `ref`'s in its section, `ref`'s being titled after an object,
    has a row whose type, name or link names it: tables given leaves first ("Table 3 Node",
    then "Table 4 Cluster" with `nodes | List<Node>`, then the body's table) put a nested
    object first."""
    if type_name(ref.table.title) is None:
        return False  # "Request body parameters" is a body's table, wherever it stands
    section = section_of(ref.page, ref.table)
    tables = [b for b in getattr(section, "blocks", ()) if isinstance(b, Table)]
    later = [r for t in tables if (r := index.ref_of(ref.page, t)).position > ref.position]
    return any(
        _names(index, fld, other, ref) for other in later for fld in read_fields(other.table)
    )


def _names(index: TableIndex, fld: Field, where: TableRef, target: TableRef) -> bool:
    """Does the row `fld` of `where` lead to `target` by its type, its name or a link? (A
    scalar row's pointer is to its values, not to an object's fields; a "Table N" in prose
    may name any table: "(node_count in Table 1)".)"""
    if fld.type is not None and isinstance(parse_type(fld.type.text), Primitive | ChoiceType):
        return False
    named = [fld.name, *filter(None, [_object_name(fld)])]
    if any(index.by_title(target.page, name, where.position) == target for name in named):
        return True
    links = (fld.type.links if fld.type is not None else ()) + fld.name_links
    return any(index.by_link(link, target.page) == target for link in links)


def section_of(page: Page, table: Table) -> object:
    return next((s for s in page.sections if any(b is table for b in s.blocks)), None)


def field_names(refs: list[TableRef]) -> set[str]:
    """Every field name the tables give, lowercased."""
    return {f.name.lower() for r in refs for f in read_fields(r.table)}


def _object_name(fld: Field) -> str | None:
    """The object type a row names, through arrays and maps ("List<Node>": Node)."""
    expr: TypeExpr | None = parse_type(fld.type.text) if fld.type is not None else None
    while isinstance(expr, ArrayType | MapType):
        expr = expr.items if isinstance(expr, ArrayType) else expr.values
    return expr.name if isinstance(expr, ObjectType) else None


def pointed_at(page: Page, table: Table) -> bool:
    """Whether any link or "Table N" on the page names `table`."""
    anchors = {a.lower() for a in table.anchors}
    number = TABLE_NUMBER.match(table.caption)
    mention = f"Table {number.group(1)}" if number else None
    for text, links in _texts(page):
        if any(link.anchor and link.anchor.lower() in anchors for link in links):
            return True
        if mention and _mentions(text, mention):
            return True
    return False


def _mentions(text: str, mention: str) -> bool:
    start = text.find(mention)
    while start >= 0:
        end = start + len(mention)
        if end == len(text) or not text[end].isdigit():
            return True
        start = text.find(mention, end)
    return False


def _texts(page: Page) -> Iterator[tuple[str, tuple[Link, ...]]]:
    for section in page.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph):
                yield block.body.text, block.body.links
            elif isinstance(block, Table):
                for row in block.rows:
                    for cell in row:
                        yield cell.text, cell.links
