"""Pull JSON bodies out of example code blocks ("POST https://... " lines, then JSON)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from scraper.model import Json

REQUEST_LINE = re.compile(r"^\s*(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+\S+", re.I)
JSON_START = re.compile(r"^\s*[\[{]", re.M)


class NotJson(ValueError):
    """The block looks like a JSON body but does not parse."""


@dataclass(frozen=True)
class ExtractedJson:
    value: Json


def extract_json(text: str) -> ExtractedJson | None:
    """The JSON body in a code block, None if it has none; NotJson if it is broken."""
    start = JSON_START.search(text)
    if start is None:
        return None
    body = text[start.start() :].strip()
    try:
        value, end = json.JSONDecoder().raw_decode(body)
    except json.JSONDecodeError as err:
        raise NotJson(f"{err.msg} at line {err.lineno} column {err.colno}") from None
    if body[end:].strip():
        raise NotJson(f"unexpected text after the JSON value: {body[end:].strip()[:40]!r}")
    return ExtractedJson(value)
