"""Markdown reader: CommonMark with pipe tables (markdown-it-py), rendered to HTML and read
by the HTML reader's walker, so both formats make the same Page from the same structure.

What Markdown has no markup for is taken from its conventions before the walk: a paragraph
"**Table N** Caption" just above a table is the table's caption (with any `<a name>` anchor
in it), and a heading's anchor is its `{#id}` attribute or else its GitHub-style slug, so
that `[Widget](#widget)` finds the heading it points at. Raw HTML in the Markdown (anchors,
`<br>` in cells, a whole `<table>`) goes to the same safe HTML parser as an HTML page.
"""

from __future__ import annotations

import re
from functools import cache

from lxml import etree
from markdown_it import MarkdownIt
from markdown_it.token import Token

from doc2openapi.scraper.page import TABLE_NUMBER, Page
from doc2openapi.scraper.readers.html import Element, parse_html, read_tree

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# The HTML a Markdown page may hold and mean as markup; any other "tag" is the text it shows
# (`Array<String>`, `List<Storage type>` in a type cell), as a type name, not an element.
HTML_ELEMENTS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "div",
    "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "ol",
    "p", "pre", "s", "samp", "small", "span", "strong", "sub", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "u", "ul", "var",
})  # fmt: skip
TAG_NAME = re.compile(r"\s*</?([A-Za-z][\w-]*)")
HEADING_ID = re.compile(r"\s*\{#([\w.:-]+)\}\s*$")  # "## Widget {#widget}" (pandoc, kramdown)
SLUG_DROPPED = re.compile(r"[^\w\- ]")

ATX_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.M)
PIPE_DELIMITER_ROW = re.compile(
    r"^[ \t]{0,3}\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$", re.M
)
FENCE = re.compile(r"^[ \t]{0,3}(?:`{3,}|~{3,})", re.M)


def looks_like_markdown(text: str) -> bool:
    """Headings written `# Title` (two, or one with a pipe table or a fenced code block):
    signs no HTML, RST or copied page shows at the start of its lines."""
    headings = len(ATX_HEADING.findall(text))
    return headings >= 2 or (
        headings == 1
        and (PIPE_DELIMITER_ROW.search(text) is not None or FENCE.search(text) is not None)
    )


@cache
def _renderer() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def read_markdown(text: str, source: str) -> Page:
    renderer = _renderer()
    env: dict[str, object] = {}
    tokens = renderer.parse(text, env)
    _unknown_html_as_text(tokens)
    root = parse_html(renderer.renderer.render(tokens, renderer.options, env))
    if root is not None:
        for heading in (e for e in root.iter(*HEADINGS) if not e.get("id")):
            _name_heading(heading)
        for table in list(root.iter("table")):
            _fold_caption(table)
    return read_tree(root, source)


def _unknown_html_as_text(tokens: list[Token]) -> None:
    """Raw HTML naming no HTML element is shown as written: `Map<String,Array<String>>`."""
    for token in tokens:
        if token.type in ("html_inline", "html_block"):
            name = TAG_NAME.match(token.content)
            if name is not None and name.group(1).lower() not in HTML_ELEMENTS:
                token.type = "text"
        if token.children:
            _unknown_html_as_text(token.children)


def _name_heading(heading: Element) -> None:
    """A heading's anchor: its written `{#id}` (taken out of the title), else its slug."""
    last = heading[-1] if len(heading) else heading
    tail = (last.tail if last is not heading else last.text) or ""
    written = HEADING_ID.search(tail)
    if written is not None:
        stripped = tail[: written.start()]
        if last is heading:
            heading.text = stripped
        else:
            last.tail = stripped
        heading.set("id", written.group(1))
        return
    slug = SLUG_DROPPED.sub("", _text(heading).strip().lower()).replace(" ", "-")
    if slug:
        heading.set("id", slug)


def _fold_caption(table: Element) -> None:
    """The paragraph "Table N Caption" just above a table becomes its <caption>; an empty
    `<a name>` in it stays an anchor just before the table."""
    label = table.getprevious()
    if label is None or label.tag != "p" or label.getparent() is not table.getparent():
        return
    if TABLE_NUMBER.match(_text(label)) is None:
        return
    caption = etree.Element("caption")
    caption.text = label.text
    for child in list(label):
        tail, child.tail = child.tail, None
        if child.tag == "a" and not _text(child).strip():
            table.addprevious(child)
            _append_text(caption, tail or "")
        else:
            caption.append(child)
            child.tail = tail
    table.insert(0, caption)
    parent = label.getparent()
    if parent is not None:
        parent.remove(label)


def _text(element: Element) -> str:
    return "".join(str(part) for part in element.itertext())


def _append_text(element: Element, text: str) -> None:
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text
