"""Ways to break a page, as documentation exports break in the wild (and worse).

Each mutation takes the page's bytes and a random source and returns new bytes. They work on
text (lines, table rows and cells found by pattern), so one set serves HTML, RST and text.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

Mutation = Callable[[bytes, random.Random], bytes]

ROW = re.compile(rb"<tr\b.*?</tr>", re.S | re.I)
CELL = re.compile(rb"<t[dh]\b.*?</t[dh]>", re.S | re.I)
HEADER_WORDS = (b"Parameter", b"Mandatory", b"Type", b"Description", b"Name", b"Value")


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def _spans(pattern: re.Pattern[bytes], data: bytes) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(data)] or [(0, len(data))]


def _edit_span(pattern: re.Pattern[bytes], how: str) -> Mutation:
    def mutate(data: bytes, rng: random.Random) -> bytes:
        start, end = rng.choice(_spans(pattern, data))
        piece = data[start:end]
        if how == "delete":
            return data[:start] + data[end:]
        if how == "duplicate":
            return data[:end] + piece + data[end:]
        spans = _spans(pattern, data)
        other_start, other_end = rng.choice(spans)
        if (other_start, other_end) == (start, end) or (other_start < end and start < other_end):
            return data
        first, second = sorted([(start, end), (other_start, other_end)])
        return (
            data[: first[0]] + data[second[0] : second[1]] + data[first[1] : second[0]]
            + data[first[0] : first[1]] + data[second[1] :]
        )  # fmt: skip

    mutate.__name__ = f"{how}_{'row' if pattern is ROW else 'cell'}"
    return mutate


def shuffle_lines(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    start = rng.randrange(len(lines))
    chunk = lines[start : start + rng.randint(2, 40)]
    rng.shuffle(chunk)
    return b"\n".join(lines[:start] + chunk + lines[start + len(chunk) :])


def delete_lines(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    start = rng.randrange(len(lines))
    return b"\n".join(lines[:start] + lines[start + rng.randint(1, 30) :])


def duplicate_lines(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    start = rng.randrange(len(lines))
    chunk = lines[start : start + rng.randint(1, 30)]
    return b"\n".join(lines[: start + len(chunk)] + chunk + lines[start + len(chunk) :])


def wrong_headers(data: bytes, rng: random.Random) -> bytes:
    for word in HEADER_WORDS:
        if rng.random() < 0.5:
            data = data.replace(word, rng.choice([b"", b"Foo", b"Type", b"Mandatory", word * 2]))
    return data


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        if buffer:
            buffer[rng.randrange(len(buffer))] = rng.randrange(256)
    return bytes(buffer)


def insert_markup(data: bytes, rng: random.Random) -> bytes:
    junk = rng.choice([
        b"<table>", b"</table>", b"<tr><td>", b"<td rowspan=\"999999\">", b"<td colspan=\"-3\">",
        b"\n.. include:: /etc/passwd\n", b"\n.. raw:: html\n\n   <b>x</b>\n", b"`", b"|", b"\x00",
        b"<!--", b"]]>", b"&#xD800;", b"\n====\n", b"\n   :param x:\n", b"{{{", b"\r",
    ])  # fmt: skip
    at = rng.randrange(len(data) + 1)
    return data[:at] + junk + data[at:]


def reencode(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "replace")
    choice = rng.choice(["gbk", "latin-1", "bom", "crlf", "utf-16"])
    if choice == "bom":
        return b"\xef\xbb\xbf" + data
    if choice == "crlf":
        return data.replace(b"\n", b"\r\n")
    return text.encode(choice, "replace")


def random_bytes(data: bytes, rng: random.Random) -> bytes:
    return rng.randbytes(rng.choice([0, 1, 7, 512, 4096]))


MUTATIONS: tuple[Mutation, ...] = (
    truncate, shuffle_lines, delete_lines, duplicate_lines, wrong_headers, flip_bytes,
    insert_markup, reencode, random_bytes,
    _edit_span(ROW, "delete"), _edit_span(ROW, "duplicate"), _edit_span(ROW, "swap"),
    _edit_span(CELL, "delete"), _edit_span(CELL, "duplicate"), _edit_span(CELL, "swap"),
)  # fmt: skip
