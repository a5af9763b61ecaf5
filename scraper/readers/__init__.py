"""Readers: bytes of one document in, a Page out. Formats are detected by content."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from bs4.dammit import EncodingDetector, UnicodeDammit

from scraper.page import Page
from scraper.readers.html import read_html
from scraper.readers.rst import read_rst
from scraper.readers.text import read_text

Reader = Callable[[str, str], Page]

# UnicodeDammit logs a warning for every page it has to patch with U+FFFD; the patched
# characters are in the output for all to see, so the per-page log line is noise.
logging.getLogger("bs4.dammit").setLevel(logging.ERROR)

HTML_SIGNS = re.compile(r"<(?:!doctype\s+html|html|body|div|h[1-6]|table|p|a\s+name)\b", re.I)


class NotADocument(ValueError):
    """The file is not text a reader understands (binary, empty, ...)."""


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM); else the encoding the document declares; else a guess.

    Guessing (bs4's UnicodeDammit) needs enough bytes to be reliable: short text that is not
    UTF-8 is read as Windows-1252, the usual encoding of such snippets.
    """
    if b"\x00" in data[:8192]:
        raise NotADocument("binary file (NUL bytes)")
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
    """By content, not by extension: the seeds are .txt files holding HTML, RST and text."""
    head = text[:65536]
    if HTML_SIGNS.search(head):
        return "html"
    if len(RST_SIGNS.findall(head)) >= 2:
        return "rst"
    return "text"


READERS: dict[str, Reader] = {"html": read_html, "rst": read_rst, "text": read_text}


def read_document(data: bytes, source: str) -> Page:
    """Decode, detect the format and read one document. Raises NotADocument."""
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise NotADocument("empty file")
    fmt = detect_format(text)
    reader = READERS.get(fmt)
    if reader is None:
        raise NotADocument("not a recognised document format (HTML, RST or plain text)")
    return reader(text, source)
