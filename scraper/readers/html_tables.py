"""An HTML table as a header and rows of cells: spans resolved, header rows found."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from doc2openapi.scraper.page import Text

Element = etree._Element


def header_and_rows(
    table: Element, read: Callable[[Element], Text]
) -> tuple[tuple[str, ...], list[tuple[Text, ...]]] | None:
    """The table's header (its last header row naming each column) and its rows, each
    cell read by `read`; None for a table without rows."""
    grid = _grid(table, read)
    if not grid:
        return None
    heads = min(max(_header_rows(table), 1), len(grid))
    return _header(grid[:heads]), grid[heads:]


def table_rows(table: Element) -> list[Element]:
    """The table's own rows, not those of tables nested in its cells."""
    rows: list[Element] = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(r for r in child if r.tag == "tr")
    return rows


def _header_rows(table: Element) -> int:
    """How many rows head the table: those of its `<thead>`, else the leading rows of
    `<th>` cells only (a header split over two rows by rowspan and colspan), not a row of
    one cell under them (a sub-heading: "Basic settings"). Rows without cells count as
    none, as `_grid` drops them."""
    rows = [row for row in table_rows(table) if cells_of(row)]
    in_head = len([row for row in rows if getattr(row.getparent(), "tag", None) == "thead"])
    if in_head:
        return in_head
    count = 0
    for row in rows:
        cells = cells_of(row)
        if any(cell.tag != "th" for cell in cells) or (count and len(cells) == 1):
            break
        count += 1
    return count


def _header(rows: list[tuple[Text, ...]]) -> tuple[str, ...]:
    """A header over several rows names each column by its lowest cell with words ("Type"
    under "Attributes"; an upper cell spanned down repeats in the rows below it)."""
    width = len(rows[-1])
    return tuple(
        next((r[i].text for r in reversed(rows) if i < len(r) and r[i].text.strip()), "")
        for i in range(width)
    )


def cells_of(row: Element) -> list[Element]:
    return [cell for cell in row if cell.tag in ("td", "th")]


def _span(cell: Element, attr: str) -> int:
    value = cell.get(attr)
    try:
        return max(1, min(int(value), 1000)) if value is not None else 1
    except ValueError:
        return 1


def _grid(table: Element, read: Callable[[Element], Text]) -> list[tuple[Text, ...]]:
    """Resolve rowspan/colspan: a spanned cell's text is repeated in every slot it covers."""
    grid: list[list[Text | None]] = []
    for r, row in enumerate(table_rows(table)):
        while len(grid) <= r:
            grid.append([])
        col = 0
        for cell in row:
            if cell.tag not in ("td", "th"):
                continue
            while col < len(grid[r]) and grid[r][col] is not None:
                col += 1
            text = read(cell)
            for dr in range(_span(cell, "rowspan")):
                while len(grid) <= r + dr:
                    grid.append([])
                target = grid[r + dr]
                for dc in range(_span(cell, "colspan")):
                    while len(target) <= col + dc:
                        target.append(None)
                    target[col + dc] = text
            col += _span(cell, "colspan")
    return [tuple(c if c is not None else Text("") for c in row) for row in grid if row]
