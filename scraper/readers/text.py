"""Plain-text reader: text copied from a rendered page, one table cell per line.

Copying loses the markup, so this reader rebuilds it from layout conventions of rendered
reference pages: blocks separated by blank lines, "Table N Caption" lines, runs of column
header cells (Parameter / Mandatory / Type / Description), or rows with tabs between their
cells (a browser's copy of a table), bullets ("•") that continue the cell above, and JSON
blocks. Everything else is a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from doc2openapi.scraper.page import Page, PageBuilder, Text, squash

BULLET = re.compile(r"^\s*[•●◦▪∙·]\s*")
CAPTION = re.compile(r"^Table\s+\d+\b", re.I)
STATUS_LINE = re.compile(r"^status\s+code\s*[:：]", re.I)
STAMP = re.compile(r"^(updated|last updated|published) on\b", re.I)
HEADINGS = {
    "function", "debugging", "uri", "request", "request header", "request body", "response",
    "response header", "response body", "example request", "example requests",
    "example response", "example responses", "samples", "status code", "status codes",
    "error code", "error codes", "constraints", "description", "returned values", "parameters",
}  # fmt: skip
# "Path Parameters", "Response Parameters (status 201)", "Sample Response", "Example
# Requests": the other ways rendered pages title those parts
HEADING_FORMS = re.compile(
    r"(?:(?:path|query|header|body|uri|request(?:\s+(?:body|header))?|response(?:\s+(?:body|"
    r"header))?)\s+parameters(?:\s*\((?:status(?:\s+code)?:?\s*)?\d{3}\))?|"
    r"(?:example|sample)s?\s+(?:request|response)s?|(?:request|response)\s+examples?)"
)
EXAMPLE_HEADING = re.compile(r"(?:example|sample)s?\b|.*\bexamples?$")
FIRST_COLUMN = {"parameter", "name", "field", "status code", "error code", "http status code",
                "attribute", "key", "header", "returned value"}  # fmt: skip
HEADER_CELLS = FIRST_COLUMN | {
    "mandatory", "required", "type", "data type", "description", "value", "remarks",
    "error message", "default", "example", "location", "optional",
}  # fmt: skip


@dataclass
class _Block:
    text: str
    bullet: bool = False
    code: bool = False
    cells: list[list[str]] | None = None  # a table copied with tabs between its cells


def _blocks(text: str) -> list[_Block]:
    """Blank-line separated blocks; a JSON block runs on until its brackets balance."""
    lines = text.split("\n")
    blocks: list[_Block] = []
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        if lines[i].lstrip()[:1] in "{[":
            end, depth = i, 0
            while end < len(lines):
                depth += _bracket_balance(lines[end])
                end += 1
                if depth <= 0:
                    break
            blocks.append(_Block("\n".join(lines[i:end]).strip("\n"), code=True))
            i = end
            continue
        start = i
        i += 1
        while i < len(lines) and lines[i].strip() and lines[i].lstrip()[:1] not in "{[":
            i += 1  # a JSON body may follow a request line without a blank line
        blocks += _chunk_blocks(lines[start:i])
    return blocks


def _chunk_blocks(chunk: list[str]) -> list[_Block]:
    """A run of lines: a bullet, a paragraph, or rows with tabs between their cells (under
    a "Table 1 URI parameters" line, as a browser copies a table and its caption)."""
    tabbed = [k for k, line in enumerate(chunk) if "\t" in line.strip()]
    if len(tabbed) >= 2:  # a header and a row at least ("Status code:\t201" is no table)
        start = tabbed[0]
        rows: list[list[str]] = []
        for line in chunk[start:]:
            if "\t" in line:
                rows.append([cell.strip() for cell in line.rstrip("\n").split("\t")])
            else:  # a cell's second line: the row's last cell goes on
                rows[-1][-1] += "\n" + line.strip()
        table = _Block(" ".join(chunk[start:]), cells=rows)
        return [*_chunk_blocks(chunk[:start]), table] if start else [table]
    if BULLET.match(chunk[0]):
        return [_Block(BULLET.sub("", " ".join(s.strip() for s in chunk)), bullet=True)]
    return [_Block(" ".join(s.strip() for s in chunk))]


def _bracket_balance(line: str) -> int:
    depth, in_string, escaped = 0, False, False
    for ch in line:
        if in_string:
            escaped = ch == "\\" and not escaped
            if ch == '"' and not escaped:
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
    return depth


def _key(block: _Block) -> str:
    return squash(block.text).lower().rstrip(":")


def _header_run(blocks: list[_Block], i: int) -> int:
    """How many column-header cells start at i (0 if this is no table header)."""
    if i >= len(blocks) or _key(blocks[i]) not in FIRST_COLUMN:
        return 0
    n = i + 1
    seen = {_key(blocks[i])}
    while n < len(blocks) and _key(blocks[n]) in HEADER_CELLS - FIRST_COLUMN - seen:
        seen.add(_key(blocks[n]))  # a first-column word again starts the first row
        n += 1
    return n - i if n - i >= 2 else 0


def _is_heading(blocks: list[_Block], i: int, within: str = "") -> bool:
    """Is block i a heading: one of the part names, not the first cell of a table's header,
    nor an example's label under an examples heading ("Sample request" under "Example
    Requests"; "Sample Response" under "Example Request" is the next part's heading)?"""
    key = _key(blocks[i])
    if blocks[i].bullet or blocks[i].code or blocks[i].cells:
        return False
    if key not in HEADINGS:
        if not HEADING_FORMS.fullmatch(key):
            return False
        if EXAMPLE_HEADING.match(key) and EXAMPLE_HEADING.match(within.lower()):
            part = _part(within.lower())  # "Sample Response" under "Example Request" goes on
            return part is not None and _part(key) not in (None, part)
    return _header_run(blocks, i) == 0 or _header_run(blocks, i + 1) > 0


def _part(key: str) -> str | None:
    return next((part for part in ("request", "response") if part in key), None)


class _TextPageReader:
    def __init__(self, blocks: list[_Block], source: str) -> None:
        self.blocks = blocks
        self.builder = PageBuilder(source)
        self.i = 0

    def read(self) -> Page:
        titled = False
        while self.i < len(self.blocks):
            block = self.blocks[self.i]
            if block.code:
                self.builder.code(block.text)
                self.i += 1
            elif _is_heading(self.blocks, self.i, self.builder.page.sections[-1].title):
                self.builder.heading(block.text, 2)
                self.i += 1
            elif block.cells:
                self._tabbed_table("")
            elif CAPTION.match(block.text) and self._tabbed(self.i + 1):
                self.i += 1
                self._tabbed_table(block.text)
            elif CAPTION.match(block.text) and _header_run(self.blocks, self.i + 1):
                self.i += 1
                self._table(block.text)
            elif _header_run(self.blocks, self.i):
                self._table("")
            elif not titled and not STAMP.match(block.text) and not block.bullet:
                self.builder.heading(block.text, 1)
                titled = True
                self.i += 1
            else:
                prefix = "- " if block.bullet else ""
                self.builder.paragraph(Text(prefix + block.text))
                self.i += 1
        return self.builder.finish()

    def _ends_table(self, i: int, header: tuple[str, ...], mid_row: bool = False) -> bool:
        """Whether block i ends the table. In a row left short only a part's heading or a
        captioned table does (a description may open with "Status code: ...")."""
        block = self.blocks[i]
        heading = _is_heading(self.blocks, i, self.builder.page.sections[-1].title)
        if heading and _opens_row(header, self.blocks[i + 1 : i + 2]):
            heading = False  # a field named like a heading: "description", then "No"
        captioned = bool(CAPTION.match(block.text) and _header_run(self.blocks, i + 1))
        if mid_row:
            return heading or captioned
        return (
            block.code
            or heading
            or captioned
            or _header_run(self.blocks, i) > 0
            or block.cells is not None
            or bool(STATUS_LINE.match(block.text))
        )

    def _table(self, caption: str) -> None:
        width = _header_run(self.blocks, self.i)
        header = tuple(self.blocks[self.i + k].text for k in range(width))
        self.i += width
        rows = self._rows(header)
        note = rows.pop() if len(rows) > 1 and _is_note(rows[-1][0], rows[:-1]) else []
        name = caption or header[0]
        if (first := _out_of_step(header, rows)) is not None:
            self.builder.page.notes.append(
                f"table {name!r}: row {first + 1} is out of step with the header ({header[0]} "
                f"{rows[first][0]!r}): a cell copied empty leaves no line, so which cell is "
                f"which is guesswork from row {max(first, 1)} on; those rows are skipped"
            )
            rows = rows[: max(first - 1, 0)]
        elif rows and len(rows[-1]) < width:
            self.builder.page.notes.append(
                f"table {name!r}: last row has {len(rows[-1])} of {width} cells"
            )
        cells = [tuple(Text(c) for c in row) for row in rows]
        self.builder.table(caption, (), header, cells)
        for line in note:  # "Note:", "1. The name must be unique.": prose under the table
            self.builder.paragraph(Text(line))

    def _tabbed(self, i: int) -> bool:
        return i < len(self.blocks) and self.blocks[i].cells is not None

    def _tabbed_table(self, caption: str) -> None:
        """Rows copied with tabs between cells: the first is the header; a cell that held a
        tab of its own joins the last column."""
        header, *rows = self.blocks[self.i].cells or [[]]
        self.i += 1
        width = len(header)
        joined = [(*row[: width - 1], " ".join(row[width - 1 :])) for row in rows]
        self.builder.table(caption, (), tuple(header), [tuple(map(Text, r)) for r in joined])

    def _rows(self, header: tuple[str, ...]) -> list[list[str]]:
        """The cells after a table's header, row by row, up to the block that ends it."""
        width = len(header)
        rows: list[list[str]] = []
        while self.i < len(self.blocks):
            block = self.blocks[self.i]
            starting_row = not rows or len(rows[-1]) == width
            if block.bullet and rows:
                rows[-1][-1] += "\n- " + block.text
            elif self._ends_table(self.i, header, mid_row=not starting_row):
                break  # a heading ends a row left short, too: "Response Parameters"
            elif starting_row and self._continues(block, rows):
                rows[-1][-1] += "\n" + block.text
            elif starting_row:
                rows.append([block.text])
            else:
                rows[-1].append(block.text)
            self.i += 1
        return rows

    @staticmethod
    def _continues(block: _Block, rows: list[list[str]]) -> bool:
        """A second paragraph of the last cell, not a new row: prose where names are tokens."""
        if not rows or " " not in block.text.strip():
            return False
        names_are_tokens = all(" " not in row[0].strip() for row in rows)
        return names_are_tokens and block.text.rstrip().endswith((".", ":", ")"))


NOTE_LABEL = re.compile(r"^(?:notes?|remarks?|caution|warning|tip)\s*[:：]$", re.I)  # not `remark`


def _opens_row(header: tuple[str, ...], following: list[_Block]) -> bool:
    """Whether a heading word ("description") opens a row instead: the block after it fits
    the table's second column (a yes or no under Mandatory, a type word under Type)."""
    if len(header) < 2 or not following:
        return False
    key, text = squash(header[1]).lower(), squash(following[0].text).lower()
    if key in PRESENCE_HEADERS:  # a short yes or no: not "None" nor "No body is needed."
        return (
            re.fullmatch(r"(?:yes|no|mandatory|optional|required)\b[^.]{0,20}\.?", text) is not None
        )
    if key in ("type", "data type"):
        return text.split(" ", 1)[0] in TYPE_WORDS
    return False


def _is_note(first: str, rows: list[list[str]]) -> bool:
    """Whether a table's last row is a note under it: it opens with "Note:", or with a
    sentence where every other row's name is a word or two ("color [1]")."""
    first = first.strip()
    if NOTE_LABEL.match(first):
        return True
    names_are_short = all(len(row[0].split()) <= 3 for row in rows)
    return names_are_short and len(first.split()) > 3 and first.endswith((".", ":"))


PRESENCE_HEADERS = {"mandatory", "required", "optional"}

TYPE_WORDS = {"string", "integer", "int", "long", "boolean", "number", "float", "double",
              "object", "array"}  # fmt: skip


# What a Mandatory cell opens with or says: "Yes (for Windows)", "Conditionally mandatory"
PRESENCE_WORDS = re.compile(
    r"^(?:yes|no|y|n|true|false|m|o|c|cm|n/a|none|[-—–✓✔√✗✘×])(?![\w/])|"
    r"mandatory|optional|required|conditional|\b(?:if|when|only|unless|except)\b",
    re.I,
)  # "Only for HTTPS listeners": a condition, said in the Mandatory cell


def _not_presence(text: str) -> bool:
    """A Mandatory cell that is a type, a sentence or any words but a yes or no ("Boolean",
    "Whether ... .", "Widget alias." where a spanned cell was copied as none), not a yes or
    no with a note ("Yes (for Windows)", "Conditionally mandatory")."""
    if text in TYPE_WORDS or (text.endswith(".") and len(text.split()) > 3):
        return True
    return bool(text) and PRESENCE_WORDS.search(text) is None


def _out_of_step(header: tuple[str, ...], rows: list[list[str]]) -> int | None:
    """The first row whose cells are not where the header says: a Mandatory cell that is no
    yes or no, or a Type cell that is a sentence. One cell per line cannot show an empty
    cell, so the cells after one shift by one."""
    keys = [squash(h).lower() for h in header]
    for number, row in enumerate(rows):
        if len(set(row)) == 1:
            continue  # a sub-heading row spanning every column
        for key, cell in zip(keys, row, strict=False):
            text = squash(cell).lower()
            if key in PRESENCE_HEADERS and _not_presence(text):
                return number
            if key in ("type", "data type") and (text.endswith(".") or len(text.split()) > 6):
                return number
    return None


def read_text(text: str, source: str) -> Page:
    return _TextPageReader(_blocks(text), source).read()
