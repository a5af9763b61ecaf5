"""Pull JSON bodies out of example code blocks ("POST https://... " lines, then JSON)."""

from __future__ import annotations

import json
import re

from doc2openapi.scraper.model import Json

REQUEST_LINE = re.compile(r"^\s*(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+\S+", re.I)
JSON_START = re.compile(r"^\s*[\[{]", re.M)


class NotJson(ValueError):
    """The block looks like a JSON body but does not parse."""


def extract_json(text: str) -> list[Json]:
    """The JSON bodies in a code block (none for a bare request line); NotJson if broken.

    Pages show alternatives in one block ("{...} Or {...}"): each value is returned.
    """
    values: list[Json] = []
    decoder = json.JSONDecoder()
    position = 0
    while (start := JSON_START.search(text, position)) is not None:
        body = text[start.start() :]
        offset = len(body) - len(body.lstrip())
        try:
            value, end = decoder.raw_decode(body.lstrip())
        except json.JSONDecodeError as err:
            raise NotJson(f"{err.msg} at line {err.lineno} column {err.colno}") from None
        values.append(value)
        position = start.start() + offset + end
    rest = text[position:].strip() if values else ""
    if rest and not rest.lower().startswith(("or", "//", "#")):
        raise NotJson(f"unexpected text after the JSON value: {rest[:40]!r}")
    return values
