"""HTML reader: beautifulsoup4 on lxml, walking the DOM in document order into a Page.

It also reads pages saved from a Git web view: web-page lines before the document and
lines of ``|`` noise between the document's lines are dropped before parsing.
"""

from __future__ import annotations

import re
import warnings
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning
from bs4.element import Comment, NavigableString, Tag

from scraper.page import Link, Page, PageBuilder, Text, TextCollector, squash

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
SKIPPED = {"script", "style", "head", "title", "noscript", "template", "svg", "iframe", "object"}
# Elements that start a new line inside a cell or paragraph.
LINE_BREAKING = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "br", "pre", "table", "tr",
    "blockquote", "section", "caption", "h1", "h2", "h3", "h4", "h5", "h6",
}  # fmt: skip
# Elements whose content the walker treats as one paragraph unless it holds structure.
PARAGRAPHS = {"p", "li", "dt", "dd", "caption", "blockquote", "figcaption"}
STRUCTURE = ["table", "pre", *HEADINGS]
NOISE_LINE = re.compile(r"^\s*\|\s*$")
TAG_LINE = re.compile(r"^\s*<")


def unwrap_web_view(text: str) -> str:
    """Drop what a Git web view adds around a page: leading non-markup lines, `|` noise lines."""
    lines = text.splitlines()
    noise = sum(1 for line in lines if NOISE_LINE.match(line))
    if lines and noise * 5 >= len(lines):
        lines = [line for line in lines if not NOISE_LINE.match(line)]
    start = next((i for i, line in enumerate(lines) if TAG_LINE.match(line)), 0)
    return "\n".join(lines[start:])


def read_html(text: str, source: str) -> Page:
    """Always lxml's HTML parser, XHTML included: it never loads a DTD or expands entities."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(unwrap_web_view(text), "lxml")
    builder = PageBuilder(source, "html")
    _Walker(builder).walk(soup)
    page = builder.finish()
    if not page.title and soup.title is not None:
        page.title = squash(soup.title.get_text())
    return page


def _link(tag: Tag) -> Link | None:
    href = tag.get("href")
    if not isinstance(href, str) or not href.strip():
        return None
    parts = urlsplit(href.strip())
    if parts.scheme in ("http", "https", "mailto", "ftp"):
        return Link(squash(tag.get_text()), href.strip(), None)
    page = unquote(parts.path) or None
    anchor = unquote(parts.fragment) or None
    return Link(squash(tag.get_text()), page, anchor)


def _anchor_names(tag: Tag) -> list[str]:
    names = []
    for attr in ("id", "name"):
        value = tag.get(attr)
        if isinstance(value, str) and value:
            names.append(value)
    return names


def rich_text(node: Tag) -> Text:
    """The text of a cell or paragraph: blocks on their own lines, list items as "- item"."""
    out = TextCollector()

    def visit(current: Tag) -> None:
        for child in current.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                out.text(str(child))
                continue
            if not isinstance(child, Tag) or child.name in SKIPPED:
                continue
            breaking = child.name in LINE_BREAKING
            if breaking:
                out.block(list_item=child.name == "li")
            if child.name == "a" and (link := _link(child)) is not None:
                out.link(link)
            visit(child)
            if breaking:
                out.block()

    visit(node)
    return out.result()


class _Walker:
    """Turns the DOM into PageBuilder calls, in document order."""

    def __init__(self, builder: PageBuilder) -> None:
        self.builder = builder
        self.pending_anchors: list[str] = []
        self.inline: list[Tag | NavigableString] = []

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                if str(child).strip():
                    self.inline.append(child)
                continue
            if not isinstance(child, Tag) or child.name in SKIPPED:
                continue
            self._element(child)
        if node.name in LINE_BREAKING or node.name in ("body", "html", "[document]"):
            self._flush()

    def _element(self, tag: Tag) -> None:
        name = tag.name
        if name == "a" and not tag.get_text(strip=True):
            self.pending_anchors.extend(_anchor_names(tag))
            return
        if name in HEADINGS:
            self._flush()
            anchors = (*self._take_anchors(), *_anchor_names(tag))
            self.builder.heading(tag.get_text(" "), HEADINGS[name], anchors)
        elif name == "table":
            self._flush()
            self._table(tag)
        elif name == "pre":
            self._flush()
            self.builder.code(tag.get_text())
        elif name in PARAGRAPHS and tag.find(STRUCTURE) is None:
            self._flush()
            self.builder.paragraph(rich_text(tag))
        elif name in LINE_BREAKING or name in ("body", "html", "main", "article", "nav"):
            self._flush()
            self.pending_anchors.extend(_anchor_names(tag) if name == "div" else [])
            self.walk(tag)
        else:
            self.inline.append(tag)

    def _take_anchors(self) -> tuple[str, ...]:
        anchors, self.pending_anchors = tuple(self.pending_anchors), []
        return anchors

    def _flush(self) -> None:
        if not self.inline:
            return
        text_parts: list[str] = []
        links: list[Link] = []
        for node in self.inline:
            if isinstance(node, Tag):
                body = rich_text(node)
                text_parts.append(body.text)
                links.extend(body.links)
                if node.name == "a" and (link := _link(node)) is not None:
                    links.append(link)
            else:
                text_parts.append(str(node))
        self.inline = []
        self.builder.paragraph(Text(squash(" ".join(text_parts)), tuple(links)))

    def _table(self, table: Tag) -> None:
        anchors = (*self._take_anchors(), *_anchor_names(table))
        caption_tag = table.find("caption")
        caption = caption_tag.get_text(" ") if isinstance(caption_tag, Tag) else ""
        grid = _grid(table)
        if not grid:
            return
        header, *rows = grid
        self.builder.table(caption, anchors, tuple(c.text for c in header), rows)


def _rows(table: Tag) -> list[Tag]:
    """The table's own rows, not those of tables nested in its cells."""
    rows: list[Tag] = []
    for child in table.children:
        if not isinstance(child, Tag):
            continue
        if child.name == "tr":
            rows.append(child)
        elif child.name in ("thead", "tbody", "tfoot"):
            rows.extend(r for r in child.children if isinstance(r, Tag) and r.name == "tr")
    return rows


def _span(cell: Tag, attr: str) -> int:
    value = cell.get(attr)
    try:
        return max(1, min(int(str(value)), 1000)) if value is not None else 1
    except ValueError:
        return 1


def _grid(table: Tag) -> list[tuple[Text, ...]]:
    """Resolve rowspan/colspan: a spanned cell's text is repeated in every slot it covers."""
    grid: list[list[Text | None]] = []
    for r, row in enumerate(_rows(table)):
        while len(grid) <= r:
            grid.append([])
        col = 0
        for cell in row.children:
            if not isinstance(cell, Tag) or cell.name not in ("td", "th"):
                continue
            while col < len(grid[r]) and grid[r][col] is not None:
                col += 1
            text = rich_text(cell)
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
