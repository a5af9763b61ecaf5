"""Success codes kept on a common page ("For details, see HTTP Status Codes") by a page that
names none: the code an operation gets, where that page says which method gets which."""

from __future__ import annotations

import re
from dataclasses import dataclass

from doc2openapi.scraper.interpret.columns import is_status_table
from doc2openapi.scraper.interpret.page_state import PageContext
from doc2openapi.scraper.page import Table

METHOD_WORD = re.compile(r"\b(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS)\b")


@dataclass(frozen=True)
class SuccessRow:
    code: str
    description: str  # the row's last cell, as the response's description
    methods: frozenset[str]  # the methods any of its cells names


@dataclass(frozen=True)
class CommonStatuses:
    """The 2xx rows of the page (or section, or table) a status section links to."""

    title: str
    rows: tuple[SuccessRow, ...]

    def of(self, method: str) -> dict[str, str]:
        """Code -> description for `method`, when every row names the methods it is for (a
        lone "206: part of a GET request" among codes for no method in particular is no
        mapping)."""
        if not all(row.methods for row in self.rows):
            return {}
        return {row.code: row.description for row in self.rows if method.upper() in row.methods}

    def gives(self, method: str, used: list[str]) -> str:
        given = list(self.of(method))
        said = f"no status code on the page; its linked page {self.title!r} gives "
        said += f"{', '.join(given)} for {method.upper()}"
        if used != given:
            said += f"; the body documented is taken as the {', '.join(used)} response"
        return said

    def unmapped(self, method: str) -> str:
        codes = ", ".join(row.code for row in self.rows)
        return (
            f"no status code on the page; its linked page {self.title!r} lists {codes} but "
            f"not which one a {method.upper()} request gets"
        )


def common_statuses(ctx: PageContext, method: str) -> CommonStatuses | None:
    """Of the parts the status section links to, the first that gives `method` a code, else
    the first that lists success codes."""
    found: list[CommonStatuses] = []
    for link in ctx.draft.status_links:
        part = ctx.index.linked_part(link, ctx.page)
        if part is not None and (rows := success_rows(part.tables)):
            found.append(CommonStatuses(part.title, rows))
    return next((c for c in found if c.of(method)), found[0] if found else None)


def success_rows(tables: list[Table]) -> tuple[SuccessRow, ...]:
    """The 2xx rows of status tables; a row with an empty code cell continues the row above
    ("204 | Normal response to DELETE requests." then " | Also for POST without a body.")."""
    rows: dict[str, SuccessRow] = {}
    last: str | None = None
    for table in tables:
        if not is_status_table(table):
            continue
        for cells in table.rows:
            code = cells[0].text.strip()[:3] if cells else ""
            text = " ".join(" ".join(cell.text for cell in cells[1:]).split())
            methods = frozenset(METHOD_WORD.findall(text))
            if not code and last is not None:
                above = rows[last]
                description = f"{above.description} {' '.join(cells[-1].text.split())}"
                rows[last] = SuccessRow(last, description.strip(), above.methods | methods)
                continue
            last = None
            if code.startswith("2") and code.isdigit() and code not in rows:
                rows[code] = SuccessRow(code, " ".join(cells[-1].text.split()), methods)
                last = code
    return tuple(rows.values())
