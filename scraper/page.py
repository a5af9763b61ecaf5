"""The format-neutral page model every reader produces and the interpreter consumes.

Readers know nothing about APIs: they only say what the page *shows* (headings, paragraphs,
tables, code, links). Keeping this model small is what lets one interpreter serve every format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    """Collapse runs of white space; renderings differ in white space only."""
    return _WS.sub(" ", text).strip()


@dataclass(frozen=True)
class Link:
    """A hyperlink: `page` is a file name (None for the same page); `anchor` a target id.

    `anchor` is compared case-insensitively: HTML keeps the case, Sphinx labels are lowercase.
    """

    text: str
    page: str | None
    anchor: str | None


@dataclass(frozen=True)
class Text:
    """Text with the links found inside it (a paragraph or a table cell)."""

    text: str
    links: tuple[Link, ...] = ()

    def __str__(self) -> str:
        return self.text


class TextCollector:
    """Builds a Text from a walk over inline and block nodes, shared by the readers.

    Blocks start new lines; list items start with "- "; a block inside a list item stays on
    the item's line.
    """

    def __init__(self) -> None:
        self.lines: list[str] = [""]
        self.links: list[Link] = []

    def text(self, value: str) -> None:
        self.lines[-1] += value

    def block(self, list_item: bool = False) -> None:
        current = self.lines[-1].strip()
        if current == "-" or (not current and not list_item):
            return  # still at the start of a line (or of an item's line)
        if not current:
            self.lines[-1] = "- "
        else:
            self.lines.append("- " if list_item else "")

    def link(self, link: Link) -> None:
        self.links.append(link)

    def result(self) -> Text:
        lines = (squash(line) for line in self.lines)
        return Text("\n".join(s for s in lines if s and s != "-"), tuple(self.links))


@dataclass(frozen=True)
class Paragraph:
    body: Text
    item: bool = False
    """A list item: descriptions render it as one ("- ...")."""


@dataclass(frozen=True)
class Table:
    """A table with spans resolved: every row has one cell per header column."""

    caption: str
    anchors: tuple[str, ...]
    header: tuple[str, ...]
    rows: tuple[tuple[Text, ...], ...]
    number: int | None = None

    @property
    def title(self) -> str:
        """The caption without its "Table N" label, e.g. "ExportParams"."""
        return squash(_TABLE_LABEL.sub("", self.caption, count=1))


_TABLE_LABEL = re.compile(r"^\s*Table\s+\d+[.:]?\s*", re.IGNORECASE)
TABLE_NUMBER = re.compile(r"^\s*Table\s+(\d+)", re.IGNORECASE)
ITEM_LABEL = re.compile(r"\bparameters?\b|[:：]\s*$", re.I)  # "- Parameters in the body"
LABEL = re.compile(r"\** ?([A-Za-z_][\w-]*(?: [A-Za-z_][\w-]*){0,5}) ?\** ?[:：]? ?\**")


@dataclass(frozen=True)
class CodeBlock:
    text: str
    language: str | None = None


Block = Paragraph | Table | CodeBlock


@dataclass
class Section:
    """A heading and the blocks up to the next heading (any level)."""

    title: str
    level: int
    anchors: tuple[str, ...] = ()
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Page:
    """What a reader saw on one page. `sections[0]` holds the blocks before the first heading."""

    source: str
    title: str = ""
    anchors: tuple[str, ...] = ()
    metadata: dict[str, str] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    toc: list[str] = field(default_factory=list)
    """Child documents this page lists as its contents (a toctree), for the topic tree."""
    notes: list[str] = field(default_factory=list)
    """Problems the reader met (markup errors, dropped content), for the report."""

    def tables(self) -> list[Table]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]


def texts_of(pages: list[Page]) -> list[str]:
    """Every paragraph's and code block's text, in order: where service-wide facts (hosts,
    regions, signature formats) are stated."""
    return [
        block.body.text if isinstance(block, Paragraph) else block.text
        for page in pages
        for section in page.sections
        for block in section.blocks
        if isinstance(block, (Paragraph, CodeBlock))
    ]


class PageBuilder:
    """Accumulates blocks into sections in document order; shared by every reader."""

    def __init__(self, source: str) -> None:
        self.page = Page(source=source, sections=[Section(title="", level=0)])

    def heading(self, title: str, level: int, anchors: tuple[str, ...] = ()) -> None:
        title = squash(title)
        if not title:
            return
        if not self.page.title and level <= 1:
            self.page.title = title
            self.page.anchors += anchors
        self.page.sections.append(Section(title=title, level=level, anchors=anchors))

    def paragraph(self, body: Text, item: bool = False) -> None:
        if body.text.strip():
            self.page.sections[-1].blocks.append(Paragraph(body, item))

    def code(self, text: str, language: str | None = None) -> None:
        if text.strip():
            self.page.sections[-1].blocks.append(CodeBlock(text.strip("\n"), language))

    def table(
        self,
        caption: str,
        anchors: tuple[str, ...],
        header: tuple[str, ...],
        rows: list[tuple[Text, ...]],
    ) -> None:
        caption = squash(caption) or self._label_above()
        match = TABLE_NUMBER.match(caption)
        number = int(match.group(1)) if match else None
        width = len(header)
        fixed = tuple(
            tuple(r[:width]) + (Text(""),) * (width - len(r))
            for r in rows
            if not _repeats(header, r)  # the header again, as a page break repeats it
        )
        self.page.sections[-1].blocks.append(
            Table(caption, anchors, tuple(squash(h) for h in header), fixed, number)
        )

    def _label_above(self) -> str:
        """The short label paragraph right above a table without a caption ("**Request
        header**", "owner:"): its caption, as a caption would be. A sentence ("The following
        table lists ...") or a line with a number ("Status code: 200") labels no table; a
        list item does only as a label ("- Parameters in the request header", "- owner:")."""
        blocks = self.page.sections[-1].blocks
        last = blocks[-1] if blocks else None
        if not isinstance(last, Paragraph):
            return ""
        text = squash(last.body.text)
        if last.item and not ITEM_LABEL.search(text):
            return ""  # "- Objects under a path": the list's content, not the table's label
        label = LABEL.fullmatch(text) if len(text) <= 60 else None  # a label is short
        return label.group(1) if label else ""

    def finish(self) -> Page:
        if not self.page.title:
            first = next((s.title for s in self.page.sections if s.title), "")
            self.page.title = first
        return self.page


def _repeats(header: tuple[str, ...], row: tuple[Text, ...]) -> bool:
    """Is the row the header's words again, cell by cell?"""
    cells = [squash(cell.text).lower() for cell in row]
    return len(header) > 1 and cells == [squash(h).lower() for h in header]
