"""ASCII shortcuts for three docutils helpers that grid tables call per line and per cell.

docutils measures every line of a grid table for combining and East Asian wide characters,
once per cell it cuts out (`StringList.get_2D_block` -> `column_indices`), and again to check
the borders (`strip_combining_chars`) and to pad wide characters (`pad_double_width`). On the
corpus's wide tables that is a quarter of the RST reading time (`make bench` prints it). An
ASCII line has neither kind of character, so each shortcut answers what docutils would and
hands every other line to docutils itself: the node tree is the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import docutils.utils
from docutils import statemachine
from docutils.parsers.rst import states, tableparser

_installed = False


def install() -> None:
    """Put the shortcuts in place (once per process; idempotent)."""
    global _installed
    if _installed:
        return
    column_indices = docutils.utils.column_indices
    strip_combining_chars = docutils.utils.strip_combining_chars
    pad_double_width = statemachine.StringList.pad_double_width

    def ascii_column_indices(text: str) -> list[int]:
        return list(range(len(text))) if text.isascii() else column_indices(text)

    def ascii_strip_combining_chars(text: str) -> str:
        return text if text.isascii() else strip_combining_chars(text)

    def ascii_pad_double_width(self: statemachine.StringList, pad_char: str) -> None:
        if not all(line.isascii() for line in self.data if isinstance(line, str)):
            pad_double_width(self, pad_char)

    replacements: list[tuple[Any, str, Callable[..., Any]]] = [
        (docutils.utils, "column_indices", ascii_column_indices),
        (docutils.utils, "strip_combining_chars", ascii_strip_combining_chars),
        (states, "strip_combining_chars", ascii_strip_combining_chars),  # imported by name
        (tableparser, "strip_combining_chars", ascii_strip_combining_chars),
        (statemachine.StringList, "pad_double_width", ascii_pad_double_width),
    ]
    for owner, name, replacement in replacements:
        setattr(owner, name, replacement)
    _installed = True
