"""RST reader: docutils' parser and node tree (never regexes over the text) into a Page.

Sphinx-only directives and roles are registered so Sphinx pages parse cleanly; `:ref:` becomes a
link to a label, which is how nested object tables are linked. File insertion and raw are off,
so `.. include:: /etc/passwd` reads nothing. docutils' messages become page notes, not stderr.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, cast

from docutils import nodes
from docutils.core import publish_doctree
from docutils.parsers.rst import Directive, directives, roles
from docutils.parsers.rst.directives.body import CodeBlock
from docutils.parsers.rst.states import Inliner
from docutils.utils import unescape

from doc2openapi.scraper.page import Link, Page, PageBuilder, Text, TextCollector, squash
from doc2openapi.scraper.readers import docutils_speed
from doc2openapi.scraper.readers.rst_cells import inner_tables_of, pairs_of

SETTINGS: dict[str, Any] = {
    "file_insertion_enabled": False,  # include, csv-table :file:/:url:, raw :file: read nothing
    "raw_enabled": False,
    "_disable_config": True,  # no docutils.conf from the machine or the docs' folder
    "report_level": 2,  # warnings and errors become page notes; INFO messages (a list that
    # starts at 2, a heading repeated) say nothing about the content and are not kept
    "halt_level": 5,  # never raise on bad markup
    "warning_stream": io.StringIO(),
    "doctitle_xform": False,  # keep the title a section like every other heading
    "sectsubtitle_xform": False,
    "syntax_highlight": "none",
    "line_length_limit": 100_000,
    "input_encoding": "unicode",
}


class toc(nodes.General, nodes.Element):
    """A toctree: the child documents of this page, in order."""


class TocTree(Directive):
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "maxdepth": directives.unchanged, "hidden": directives.flag,
        "caption": directives.unchanged, "glob": directives.flag,
        "titlesonly": directives.flag, "numbered": directives.unchanged,
        "name": directives.unchanged, "includehidden": directives.flag,
    }  # fmt: skip

    def run(self) -> list[nodes.Node]:
        entries = [line.strip() for line in self.content if line.strip()]
        node = toc()
        node["entries"] = [e.rsplit("<", 1)[-1].rstrip(">").strip() for e in entries]
        return [node]


class ContentOnly(Directive):
    """Sphinx directives whose body is ordinary content (seealso, only, hlist, ...)."""

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict[str, Any]] = {"columns": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        container = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, container)
        return [container]


class Ignored(Directive):
    """Sphinx directives with nothing to read (index, highlight, literalinclude: no file)."""

    has_content = True
    optional_arguments = 10
    final_argument_whitespace = True
    option_spec = None

    def run(self) -> list[nodes.Node]:
        return []


def _ref_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Inliner,
    options: Mapping[str, Any] | None = None, content: Sequence[str] = (),
) -> tuple[list[nodes.reference], list[nodes.reference]]:  # fmt: skip
    """`:ref:`Title <label>`` and `:doc:`: a link to a label, resolved by the interpreter."""
    text = unescape(text)
    if text.endswith(">") and "<" in text:
        title, target = text[:-1].rsplit("<", 1)
        title = title.strip()
    else:
        title, target = text, text
    node = nodes.reference(rawtext, title or target.strip())
    node["doc2openapi_target"] = target.strip()
    node["doc2openapi_role"] = name
    return [node], []


def _text_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Inliner,
    options: Mapping[str, Any] | None = None, content: Sequence[str] = (),
) -> tuple[list[nodes.Node], list[nodes.system_message]]:  # fmt: skip
    return [nodes.literal(rawtext, unescape(text))], []


def _register() -> None:
    directives.register_directive("toctree", TocTree)
    for name in ("code-block", "sourcecode"):
        directives.register_directive(name, CodeBlock)
    for name in ("seealso", "only", "hlist", "versionadded", "versionchanged", "deprecated",
                 "centered", "tabularcolumns", "glossary", "productionlist"):  # fmt: skip
        directives.register_directive(name, ContentOnly)
    for name in ("index", "highlight", "literalinclude", "rst-class", "autosummary",
                 "include-file", "graphviz", "tab"):  # fmt: skip
        directives.register_directive(name, Ignored)
    for name in ("ref", "doc", "numref"):
        roles.register_local_role(name, _ref_role)
    for name in ("term", "abbr", "guilabel", "menuselection", "file", "kbd", "command", "option",
                 "envvar", "program", "samp", "download", "dfn", "mimetype", "regexp"):  # fmt: skip
        roles.register_local_role(name, cast(Any, _text_role))  # stubs want references


_register()


def _link(node: nodes.reference) -> Link | None:
    target = node.get("doc2openapi_target")
    text = squash(node.astext())
    if target:
        if node.get("doc2openapi_role") == "doc":
            return Link(text, target, None)
        return Link(text, None, target)
    uri = node.get("refuri")
    if uri:
        page, _, anchor = str(uri).partition("#")
        return Link(text, page or None, anchor or None)
    name = node.get("refname")
    return Link(text, None, str(name)) if name else None


BREAKING = (nodes.paragraph, nodes.list_item, nodes.bullet_list, nodes.enumerated_list,
            nodes.literal_block, nodes.definition_list_item, nodes.field, nodes.line,
            nodes.block_quote, nodes.note, nodes.Admonition, nodes.table)  # fmt: skip


def rich_text(node: nodes.Node, inner_tables: dict[int, str] | None = None) -> Text:
    """Cell or paragraph text: blocks on their own lines, list items as "- item". A table
    inside it (`inner_tables`: its id, its anchor) is read as a table of its own; the text
    links to it."""
    out = TextCollector()

    def visit(current: nodes.Node) -> None:
        for child in current.children:
            if isinstance(child, nodes.system_message):
                continue
            if inner_tables and id(child) in inner_tables:
                out.link(Link("", None, inner_tables[id(child)]))
                for pair in pairs_of(child):  # "SSD: Ultra-high I/O": readable in the text too
                    out.block(list_item=True)
                    out.text(pair)
                out.block()
                continue
            if isinstance(child, nodes.Text):
                out.text(child.astext())  # astext() drops docutils' escape markers
                continue
            if isinstance(child, nodes.superscript):
                out.text("^")  # "size\ :sup:`1`", "2\ :sup:`63`": size^1, 2^63, as in HTML
            breaking = isinstance(child, BREAKING)
            if breaking:
                out.block(list_item=isinstance(child, nodes.list_item))
            if isinstance(child, nodes.reference) and (link := _link(child)) is not None:
                out.link(link)
            visit(child)
            if breaking:
                out.block()

    visit(node)
    return out.result()


# Read with their section (a title), or nothing for the page (targets, comments, definitions).
UNREAD = (nodes.title, nodes.target, nodes.comment, nodes.substitution_definition)


def _anchors(node: nodes.Element) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*node.get("names", []), *node.get("ids", [])]))


class _Walker:
    def __init__(self, builder: PageBuilder) -> None:
        self.builder = builder
        self.depth = 0
        self.inner_count = itertools.count(1)  # tables inside cells: their anchors

    def walk(self, node: nodes.Element) -> None:
        for child in node.children:
            self.block(child)

    def block(self, node: nodes.Node) -> None:
        page = self.builder.page
        if isinstance(node, nodes.system_message):
            if node.get("level", SETTINGS["report_level"]) >= SETTINGS["report_level"]:
                page.notes.append(f"line {node.get('line', '?')}: {squash(node.astext())[:300]}")
        elif isinstance(node, nodes.section):
            self.section(node)
        elif isinstance(node, UNREAD):
            return
        elif isinstance(node, nodes.table):
            self.table(node)
        elif isinstance(node, nodes.literal_block):
            self.builder.code(node.astext(), (node.get("language") or None))
        elif isinstance(node, (nodes.docinfo, nodes.field_list)):
            self.fields(node)
        elif isinstance(node, toc):
            page.toc.extend(str(e) for e in node["entries"])
        elif isinstance(node, (nodes.paragraph, nodes.line_block, nodes.rubric)):
            self.builder.paragraph(rich_text(node))
        elif isinstance(node, nodes.Element):
            self.container(node)

    def section(self, node: nodes.section) -> None:
        self.depth += 1
        title = node.next_node(nodes.title)
        heading = title.astext() if title is not None else ""
        self.builder.heading(heading, self.depth, _anchors(node))
        self.walk(node)
        self.depth -= 1

    def container(self, node: nodes.Element) -> None:
        """A list item of text alone is one paragraph; anything else is walked into."""
        blocks = (nodes.table, nodes.literal_block)  # kept as blocks, not flattened
        if isinstance(node, nodes.list_item) and not any(node.next_node(b) for b in blocks):
            self.builder.paragraph(rich_text(node), item=True)
        else:
            self.walk(node)

    def fields(self, node: nodes.Element) -> None:
        for field in node.findall(nodes.field):
            name = field.next_node(nodes.field_name)
            body = field.next_node(nodes.field_body)
            if name is not None and body is not None:
                self.builder.page.metadata[name.astext().strip()] = squash(body.astext())
        for child in node.children:  # docinfo turns known names (author, ...) into elements
            if not isinstance(child, nodes.field) and isinstance(child, nodes.TextElement):
                self.builder.page.metadata[child.tagname] = squash(child.astext())

    def table(self, node: nodes.table, *anchors: str) -> None:
        """The table, then each table inside its cells (under an anchor of its own, which
        the cell's text links to)."""
        title = node.next_node(nodes.title)
        caption = title.astext() if title is not None and title.parent is node else ""
        group = node.next_node(nodes.tgroup)
        if group is None:
            return
        inner_tables = inner_tables_of(node)
        inner = {id(t): f"table-in-cell-{next(self.inner_count)}" for t in inner_tables}
        grid, header_rows = _grid(group, inner)
        rows = [tuple(c if c is not None else Text("") for c in r) for r in grid]
        if not rows:
            return
        header = rows[max(header_rows, 1) - 1]
        self.builder.table(caption, (*anchors, *_anchors(node)), tuple(c.text for c in header),
                           rows[max(header_rows, 1) :])  # fmt: skip
        for inner_table in inner_tables:
            self.table(inner_table, inner[id(inner_table)])


def _grid(group: nodes.Element, inner: dict[int, str]) -> tuple[list[list[Text | None]], int]:
    """The cells of a table's rows, spans resolved, and how many rows head it."""
    width = int(group.get("cols", 0))
    grid: list[list[Text | None]] = []
    header_rows = 0
    index = 0
    for part in group.children:
        if not isinstance(part, (nodes.thead, nodes.tbody)):
            continue
        for row in part.children:
            if not isinstance(row, nodes.Element):
                continue
            if isinstance(part, nodes.thead):
                header_rows += 1
            _row(row, index, grid, width, inner)
            index += 1
    return grid, header_rows


def _row(
    row: nodes.Element, r: int, grid: list[list[Text | None]], width: int,
    inner: dict[int, str],
) -> None:  # fmt: skip
    while len(grid) <= r:
        grid.append([None] * width)
    col = 0
    for entry in row.children:
        if not isinstance(entry, nodes.Element):
            continue
        while col < width and grid[r][col] is not None:
            col += 1
        text = rich_text(entry, inner)
        rows_down = int(entry.get("morerows", 0)) + 1
        cols_across = int(entry.get("morecols", 0)) + 1
        for dr in range(min(rows_down, 1000)):
            while len(grid) <= r + dr:
                grid.append([None] * width)
            for dc in range(cols_across):
                if col + dc < width:
                    grid[r + dr][col + dc] = text
        col += cols_across


def read_rst(text: str, source: str) -> Page:
    docutils_speed.install()
    settings = {**SETTINGS, "warning_stream": io.StringIO()}
    doctree = publish_doctree(text, source_path=source, settings_overrides=settings)
    builder = PageBuilder(source)
    _Walker(builder).walk(doctree)
    return builder.finish()
