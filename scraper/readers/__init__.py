"""Readers: bytes of one document in, a Page out. Formats are detected by content."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

import filetype
from bs4.dammit import EncodingDetector, UnicodeDammit

from doc2openapi.scraper.page import Page
from doc2openapi.scraper.readers.html import read_html
from doc2openapi.scraper.readers.markdown import looks_like_markdown, read_markdown
from doc2openapi.scraper.readers.rst import read_rst
from doc2openapi.scraper.readers.text import read_text

Reader = Callable[[str, str], Page]

# UnicodeDammit logs a warning for every page it has to patch with U+FFFD; the patched
# characters are in the output for all to see, so the per-page log line is noise.
logging.getLogger("bs4.dammit").setLevel(logging.ERROR)

HTML_SIGNS = re.compile(r"<(?:!doctype\s+html|html|body|div|h[1-6]|table|p|a\s+name)\b", re.I)


class NotADocument(ValueError):
    """The file is not text a reader understands (binary, empty, ...)."""


HEAD_BYTES = 8192
# C0 control bytes no text document has (tab, newlines, form feed, vertical tab and escape
# do occur in exported pages); random binary data has about one in ten.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
# Binary formats whose first bytes are text ("%PDF-1.7"): known by their signature alone.
_TEXT_HEADED = frozenset({"application/pdf", "application/postscript", "application/rtf"})


def binary_kind(data: bytes) -> str | None:
    """What kind of binary file `data` is ("binary file (PDF)"), or None when it may be text.

    By content, whatever the file is called: a signature (filetype) where the head is not
    text, or a format known to begin with text; else NUL or many control bytes."""
    head = data[:HEAD_BYTES]
    controls = len(_CONTROL_BYTES.findall(head))
    looks_binary = b"\x00" in head or controls > max(4, len(head) // 100)
    guess = filetype.guess(head) if head else None
    if guess is not None and (looks_binary or guess.mime in _TEXT_HEADED):
        return f"binary file ({guess.extension.upper()})"
    return "binary file" if looks_binary else None


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM); else the encoding the document declares; else a guess.

    Guessing (bs4's UnicodeDammit) needs enough bytes to be reliable: short text that is not
    UTF-8 is read as Windows-1252, the usual encoding of such snippets.
    """
    kind = binary_kind(data)
    if kind is not None:
        raise NotADocument(f"{kind}, not HTML, Markdown, RST or text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = EncodingDetector.find_declared_encoding(data[:65536], is_html=True)
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    if len(data) >= MIN_GUESS_BYTES:
        guess = UnicodeDammit(data).unicode_markup
        if guess is not None:
            return guess
    return data.decode("cp1252", errors="replace")


MIN_GUESS_BYTES = 256


RST_SIGNS = re.compile(
    r"^(?:\.\. [\w-]+::|\.\. _[^:\n]+:\s*$|:[\w ]+: \S|([=\-~^\"'`#*+])\1{2,}\s*$)", re.M
)


def detect_format(text: str) -> str:
    """By content, not by extension: the seeds are .txt files holding HTML, RST and text.
    Markdown may hold HTML (an anchor, a `<br>`), so it is told apart before HTML's signs."""
    head = text[:65536]
    if looks_like_markdown(head):
        return "markdown"
    if HTML_SIGNS.search(head):
        return "html"
    if len(RST_SIGNS.findall(head)) >= 2:
        return "rst"
    return "text"


READERS: dict[str, Reader] = {
    "html": read_html, "markdown": read_markdown, "rst": read_rst, "text": read_text,
}  # fmt: skip


def read_document(data: bytes, source: str) -> Page:
    """Decode, detect the format and read one document. Raises NotADocument."""
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise NotADocument("empty file")
    fmt = detect_format(text)
    reader = READERS.get(fmt)
    if reader is None:
        raise NotADocument("not a recognised document format (HTML, Markdown, RST or plain text)")
    return reader(text, source)
