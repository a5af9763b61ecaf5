"""HTML reader: lxml's HTML parser, walking the element tree in document order into a Page.

lxml directly, not beautifulsoup4 on lxml: the same parser builds the same tree, but bs4's
Python tree building took 75% of a cold HTML scrape (`make bench` measures both). bs4 keeps
the job it is best at, guessing the encoding (readers/__init__.py).

It also reads pages saved from a Git web view: web-page lines before the document and
lines of ``|`` noise between the document's lines are dropped before parsing.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from lxml import etree

from doc2openapi.scraper.page import Link, Page, PageBuilder, Text, TextCollector, squash
from doc2openapi.scraper.readers.html_tables import cells_of as _cells
from doc2openapi.scraper.readers.html_tables import header_and_rows, table_rows

Element = etree._Element
Node = Element | str

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
SKIPPED = {
    "script", "style", "head", "title", "noscript", "template", "svg", "iframe", "object", "nav",
}  # fmt: skip
# Navigation that documentation generators (DITA's "Parent topic:", child-topic lists) put
# around a topic: links to other pages, never the page's own content.
NAVIGATION_CLASSES = {"familylinks", "parentlink", "ullinks", "ulchildlink", "related-links"}
CHILD_TOPIC_CLASS = "ulchildlink"  # one entry of a page's list of child topics: its contents
PARENT_TOPIC_CLASS = "parentlink"  # "Parent topic: <a>": the page this one belongs under
# Elements that start a new line inside a cell or paragraph.
LINE_BREAKING = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "br", "pre", "table", "tr",
    "blockquote", "section", "caption", "h1", "h2", "h3", "h4", "h5", "h6",
    # HTML5's other block elements: a collapsible `<details>` holds a table as a div would
    "details", "summary", "figure", "figcaption", "aside", "header", "footer", "fieldset",
    "address", "center",
}  # fmt: skip
# Elements whose content the walker treats as one paragraph unless it holds structure.
PARAGRAPHS = {"p", "li", "dt", "dd", "caption", "blockquote", "figcaption", "summary"}
STRUCTURE = {"table", "pre", *HEADINGS}
CONTAINERS = {"body", "html", "main", "article"}
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


def _parser() -> etree.HTMLParser:
    """lxml's HTML parser, XHTML included: it never loads a DTD, expands entities or touches
    the network. The text is already decoded, so the encoding is fixed to what we encode."""
    return etree.HTMLParser(
        encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True
    )


def parse_html(markup: str) -> Element | None:
    """The element tree of the markup (None when there is none), parsed safely."""
    markup = markup.replace("\x00", "\ufffd")
    return etree.fromstring(markup.encode("utf-8"), _parser()) if markup.strip() else None


def read_html(text: str, source: str) -> Page:
    return read_tree(parse_html(unwrap_web_view(text)), source)


def read_tree(root: Element | None, source: str) -> Page:
    """The Page an element tree shows (also the Markdown reader's, which renders to HTML)."""
    builder = PageBuilder(source)
    if root is not None:
        _Walker(builder).walk(root)
    page = builder.finish()
    title = next(root.iter("title"), None) if root is not None else None
    if not page.title and title is not None:
        page.title = squash(text_of(title))
    return page


def _is_tag(node: object) -> bool:
    return isinstance(node, Element) and isinstance(node.tag, str)


def _skipped(tag: Element) -> bool:
    """Elements with nothing of the page's own to read: scripts, navigation."""
    return tag.tag in SKIPPED or not NAVIGATION_CLASSES.isdisjoint(tag.get("class", "").split())


def _children(element: Element) -> Iterator[Node]:
    """Text and child elements in document order (the shape of a DOM's child list)."""
    if element.text:
        yield element.text
    for child in element:
        if _is_tag(child):
            yield child
        if child.tail:
            yield child.tail


def text_of(element: Element, separator: str = "") -> str:
    """Every text string inside the element, outside skipped elements such as script."""
    return separator.join(_strings(element))


def _strings(element: Element) -> Iterator[str]:
    for node in _children(element):
        if isinstance(node, str):
            yield node
        elif node.tag not in ("script", "style", "template"):
            yield from _strings(node)


def _link(tag: Element) -> Link | None:
    href = tag.get("href")
    if not href or not href.strip():
        return None
    parts = urlsplit(href.strip())
    if parts.scheme in ("http", "https", "mailto", "ftp"):
        return Link(squash(text_of(tag)), href.strip(), None)
    page = unquote(parts.path) or None
    anchor = unquote(parts.fragment) or None
    return Link(squash(text_of(tag)), page, anchor)


def _anchor_names(tag: Element) -> list[str]:
    return [value for attr in ("id", "name") if (value := tag.get(attr))]


def rich_text(node: Element, inner_tables: dict[Element, str] | None = None) -> Text:
    """The text of a cell or paragraph: blocks on their own lines, list items as "- item".
    A table inside it (`inner_tables`, by its anchor) is read as a table of its own; the
    text links to it."""
    out = TextCollector()

    def visit(current: Element) -> None:
        for child in _children(current):
            if isinstance(child, str):
                out.text(child)
                continue
            if _skipped(child):
                continue
            if inner_tables and child in inner_tables:
                out.link(Link("", None, inner_tables[child]))
                for pair in _pairs(child):  # "SSD: Ultra-high I/O": readable in the text too
                    out.block(list_item=True)
                    out.text(pair)
                out.block()
                continue
            breaking = child.tag in LINE_BREAKING
            if breaking:
                out.block(list_item=child.tag == "li")
            elif child.tag == "sup":
                out.text("^")  # "size<sup>1</sup>", "2<sup>63</sup>": size^1, 2^63
            elif child.tag == "sub":
                out.text(" ")
            if child.tag == "a" and (link := _link(child)) is not None:
                out.link(link)
            visit(child)
            if breaking:
                out.block()

    visit(node)
    return out.result()


class _Walker:
    """Turns the element tree into PageBuilder calls, in document order."""

    def __init__(self, builder: PageBuilder) -> None:
        self.builder = builder
        self.pending_anchors: list[str] = []
        self.inline: list[Node] = []
        self.labelled: dict[Element, str] = {}  # a table's caption from its <details>' summary
        self.inner_count = itertools.count(1)  # tables inside cells: their anchors

    def walk(self, node: Element) -> None:
        for child in _children(node):
            if isinstance(child, str):
                if child.strip() or self.inline:  # the space between two inline elements
                    self.inline.append(child)
            elif not _skipped(child):
                self._element(child)
            else:
                self.builder.page.toc += _topic_links(child, CHILD_TOPIC_CLASS)
                parents = _topic_links(child, PARENT_TOPIC_CLASS)
                if parents:
                    self.builder.page.metadata.setdefault("parent", parents[0])
        if node.tag in LINE_BREAKING or node.tag in ("body", "html"):
            self._flush()

    def _element(self, tag: Element) -> None:
        name = tag.tag
        if name == "a" and not text_of(tag).strip():
            self.pending_anchors.extend(_anchor_names(tag))
            return
        if name in HEADINGS:
            self._flush()
            anchors = (*self._take_anchors(), *_anchor_names(tag))
            self.builder.heading(rich_text(tag).text, HEADINGS[name], anchors)
        elif name == "table":
            self._flush()
            self._table(tag)
        elif name == "pre":
            self._flush()
            self.builder.code(text_of(tag), _language(tag))
        elif name == "summary" and (table := _labelled_table(tag)) is not None:
            self._flush()
            self.labelled[table] = rich_text(tag).text  # the table's title, said once
        elif name in PARAGRAPHS and not _holds_structure(tag):
            self._flush()
            self.builder.paragraph(rich_text(tag), item=name == "li")
        elif name in LINE_BREAKING or name in CONTAINERS:
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
            if isinstance(node, str):
                text_parts.append(node)
                continue
            body = rich_text(node)
            raw = text_of(node)  # keep the spaces at its edges: "<b>Table 1 </b>Name"
            lead = " " if raw[:1].isspace() else ""
            trail = " " if raw[-1:].isspace() else ""
            text_parts.append(lead + body.text + trail)
            links.extend(body.links)
            if node.tag == "a" and (link := _link(node)) is not None:
                links.append(link)
        self.inline = []
        # Inline elements join as the browser shows them: "<span>ECS</span>s" is "ECSs".
        self.builder.paragraph(Text(squash("".join(text_parts)), tuple(links)))

    def _table(self, table: Element, *anchors: str) -> None:
        """The table, then each table inside its cells (under an anchor of its own, which
        the cell's text links to)."""
        anchors = (*anchors, *self._take_anchors(), *_anchor_names(table))
        caption_tag = next((c for c in table.iterchildren("caption")), None)
        caption = rich_text(caption_tag).text if caption_tag is not None else ""
        caption = caption or self.labelled.pop(table, "")
        inner = {t: f"table-in-cell-{next(self.inner_count)}" for t in _inner_tables(table)}
        parts = header_and_rows(table, lambda cell: rich_text(cell, inner))
        if parts is not None:
            self.builder.table(caption, anchors, *parts)
        for inner_table, anchor in inner.items():
            self._table(inner_table, anchor)


def _inner_tables(table: Element) -> list[Element]:
    """The tables inside `table`'s cells, not those inside them in turn, nor a table of one
    column (a layout box around text)."""
    return [
        inner
        for inner in table.iterdescendants("table")
        if next(inner.iterancestors("table"), None) is table and _width(inner) >= 2
    ]


def _width(table: Element) -> int:
    return max((len(_cells(row)) for row in table_rows(table)), default=0)


def _pairs(table: Element) -> list[str]:
    """A two-column table's body rows as "key: value" lines ("SSD: Ultra-high I/O"); none
    for a wider table, whose rows the cell's link leads to."""
    rows = [[squash(text_of(cell)) for cell in _cells(row)] for row in table_rows(table)]
    if _width(table) != 2 or len(rows) < 2:
        return []
    return [": ".join(cell for cell in row if cell) for row in rows[1:] if any(row)]


def _labelled_table(summary: Element) -> Element | None:
    """The one table of a `<details>` whose `<summary>` labels it ("filter_policy" over
    that object's fields), when the table has no caption of its own."""
    details = summary.getparent()
    if details is None or details.tag != "details" or _holds_structure(summary):
        return None  # "<summary><h2>Request Parameters</h2>": a heading, walked as one
    if next(details.iterdescendants("details"), None) is not None:
        return None  # an outer summary over folded parts labels them all, not one table
    tables = list(details.iterdescendants("table"))
    if len(tables) != 1 or next(tables[0].iterdescendants("caption"), None) is not None:
        return None
    return tables[0]


def _language(pre: Element) -> str | None:
    """A code block's language, as HTML5 marks it (`<code class="language-json">`)."""
    for element in (pre, *pre.iterchildren("code")):
        for name in element.get("class", "").split():
            if name.startswith("language-") and len(name) > len("language-"):
                return name.removeprefix("language-")
    return None


def _topic_links(tag: Element, kind: str) -> list[str]:
    """The pages a navigation element of this class names, in order: a child-topic list
    (the HTML form of a toctree) or the "Parent topic" line."""
    items = [d for d in (tag, *tag.iterdescendants()) if kind in d.get("class", "").split()]
    found = (next((_link(a) for a in item.iterdescendants("a")), None) for item in items)
    return [link.page for link in found if link is not None and link.page and not link.anchor]


def _holds_structure(tag: Element) -> bool:
    return any(d.tag in STRUCTURE for d in tag.iterdescendants())
