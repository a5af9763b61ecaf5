"""Plain-text reader: text copied from a rendered page, one table cell per line.

Copying loses the markup, so this reader rebuilds it from layout conventions of rendered
reference pages: blocks separated by blank lines, "Table N Caption" lines, runs of column
header cells (Parameter / Mandatory / Type / Description), bullets ("•") that continue the
cell above, and JSON blocks. Everything else is a paragraph.
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
    "function", "debugging", "uri", "request", "request parameters", "request header",
    "request body", "response", "response parameters", "response header", "response body",
    "example request", "example requests", "example response", "example responses",
    "samples", "status code", "status codes", "error code", "error codes", "constraints",
    "description", "returned values", "parameters",
}  # fmt: skip
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
        chunk = lines[start:i]
        if BULLET.match(chunk[0]):
            blocks.append(_Block(BULLET.sub("", " ".join(s.strip() for s in chunk)), bullet=True))
        else:
            blocks.append(_Block(" ".join(s.strip() for s in chunk)))
    return blocks


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


def _is_heading(blocks: list[_Block], i: int) -> bool:
    key = _key(blocks[i])
    if blocks[i].bullet or blocks[i].code or key not in HEADINGS:
        return False
    return _header_run(blocks, i) == 0 or _header_run(blocks, i + 1) > 0


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
            elif _is_heading(self.blocks, self.i):
                self.builder.heading(block.text, 2)
                self.i += 1
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

    def _ends_table(self, i: int) -> bool:
        block = self.blocks[i]
        return (
            block.code
            or _is_heading(self.blocks, i)
            or bool(CAPTION.match(block.text) and _header_run(self.blocks, i + 1))
            or _header_run(self.blocks, i) > 0
            or bool(STATUS_LINE.match(block.text))
        )

    def _table(self, caption: str) -> None:
        width = _header_run(self.blocks, self.i)
        header = tuple(self.blocks[self.i + k].text for k in range(width))
        self.i += width
        rows = self._rows(width)
        if rows and len(rows[-1]) < width:
            self.builder.page.notes.append(
                f"table {caption or header[0]!r}: last row has {len(rows[-1])} of {width} cells"
            )
        cells = [tuple(Text(c) for c in row) for row in rows]
        self.builder.table(caption, (), header, cells)

    def _rows(self, width: int) -> list[list[str]]:
        """The cells after a table's header, row by row, up to the block that ends it."""
        rows: list[list[str]] = []
        while self.i < len(self.blocks):
            block = self.blocks[self.i]
            starting_row = not rows or len(rows[-1]) == width
            if block.bullet and rows:
                rows[-1][-1] += "\n- " + block.text
            elif starting_row and self._ends_table(self.i):
                break
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


def read_text(text: str, source: str) -> Page:
    return _TextPageReader(_blocks(text), source).read()
