"""Markdown reader: CommonMark with pipe tables (markdown-it-py), rendered to HTML and read
by the HTML reader's walker, so both formats make the same Page from the same structure.

What Markdown has no markup for is taken from its conventions before the walk
(`markdown_tree.py`). Raw HTML in the Markdown (anchors, `<br>` in cells, a whole `<table>`)
goes to the same safe HTML parser as an HTML page, which drops scripts and styles; a "tag"
that names no HTML element, or names one with capitals (`Array<String>`, `List<Table>` in a
type cell), is the text it shows.
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from doc2openapi.scraper.page import Page
from doc2openapi.scraper.readers.html import parse_html, read_tree
from doc2openapi.scraper.readers.markdown_tree import apply_conventions

# Every element of HTML: raw HTML naming one, in lowercase, is markup (the HTML walker then
# keeps or drops it as it does on an HTML page: `<script>`, `<iframe>`, `<style>` go).
HTML_ELEMENTS = frozenset(
    """a abbr address area article aside audio b base bdi bdo blockquote body br button canvas
caption center cite code col colgroup data datalist dd del details dfn dialog div dl dt em
embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hgroup hr
html i iframe img input ins kbd label legend li link main map mark menu meta meter nav
noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp
script search section select slot small source span strike strong style sub summary sup svg
table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr
""".split()  # noqa: SIM905
)
TAG_NAME = re.compile(r"\s*</?([A-Za-z][\w-]*)")

ATX_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+\S", re.M)
PIPE_DELIMITER_ROW = re.compile(
    r"^[ \t]{0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$", re.M
)
BACKTICK_FENCE = re.compile(r"^[ \t]{0,3}`{3,}")
HTML_DOCUMENT = re.compile(r"<(?:!doctype\s+html|html|body)\b", re.I)
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:.*\n){0,100}?(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
FRONT_MATTER_TITLE = re.compile(r"^title:[ \t]*([\"']?)(.+?)\1[ \t]*$", re.M)


def looks_like_markdown(text: str) -> bool:
    """A pipe table's delimiter row (`| --- | --- |`), or a `# Heading` with a fenced code
    block, outside fenced code, in text that is no HTML document: signs no HTML, RST or
    copied page shows at the start of its lines (a `# comment` alone is not one)."""
    lines, fences = _unfenced_lines(text)
    outside = "\n".join(lines)
    if HTML_DOCUMENT.search(outside) is not None:
        return False
    if PIPE_DELIMITER_ROW.search(outside) is not None:
        return True
    return fences > 0 and ATX_HEADING.search(outside) is not None


def _unfenced_lines(text: str) -> tuple[list[str], int]:
    """The lines outside backtick-fenced code blocks, and how many fence lines there are."""
    lines: list[str] = []
    fences = 0
    for line in text.split("\n"):
        if BACKTICK_FENCE.match(line):
            fences += 1
        elif fences % 2 == 0:
            lines.append(line)
    return lines, fences


@cache
def _renderer() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def read_markdown(text: str, source: str) -> Page:
    renderer = _renderer()
    env: dict[str, object] = {}
    front = FRONT_MATTER.match(text)
    tokens = renderer.parse(text[front.end() :] if front else text, env)
    _unknown_html_as_text(tokens)
    root = parse_html(renderer.renderer.render(tokens, renderer.options, env))
    if root is not None:
        apply_conventions(root)
    page = read_tree(root, source)
    title = FRONT_MATTER_TITLE.search(front.group()) if front else None
    if title is not None and not any(s.level == 1 for s in page.sections):
        page.title = title.group(2).strip()  # a static site's page names its title up front
    return page


def _unknown_html_as_text(tokens: list[Token]) -> None:
    """Raw HTML naming no HTML element in lowercase is shown as written: `Map<String,X>`."""
    for token in tokens:
        if token.type in ("html_inline", "html_block"):
            name = TAG_NAME.match(token.content)
            if name is not None and name.group(1) not in HTML_ELEMENTS:
                token.type = "text"
        if token.children:
            _unknown_html_as_text(token.children)
