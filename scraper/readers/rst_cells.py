"""Tables inside an RST table's cells: which they are, and the text a two-column one gives."""

from __future__ import annotations

from docutils import nodes

from doc2openapi.scraper.page import squash


def inner_tables_of(table: nodes.table) -> list[nodes.table]:
    """The tables inside `table`'s cells, not those inside them in turn, nor a table of one
    column (a layout box around text)."""
    return [inner for inner in table.findall(nodes.table, include_self=False)
            if _table_above(inner) is table and _width(inner) >= 2]  # fmt: skip


def _width(table: nodes.Node) -> int:
    group = table.next_node(nodes.tgroup) if isinstance(table, nodes.Element) else None
    return int(group.get("cols", 0)) if group is not None else 0


def pairs_of(table: nodes.Node) -> list[str]:
    """A two-column table's body rows as "key: value" lines ("SSD: Ultra-high I/O"); none
    for a wider table, whose rows the cell's link leads to."""
    body = table.next_node(nodes.tbody) if isinstance(table, nodes.Element) else None
    if _width(table) != 2 or body is None:
        return []
    rows = [[squash(entry.astext()) for entry in row.children] for row in body.children]
    return [": ".join(cell for cell in row if cell) for row in rows if any(row)]


def _table_above(node: nodes.Node) -> nodes.Node | None:
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.table):
        parent = parent.parent
    return parent
