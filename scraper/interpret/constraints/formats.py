"""Named string formats in prose: a UUID, an IPv4 address, an RFC 3339 date-time (a date
layout with a time zone), never a layout some values do not follow."""

from __future__ import annotations

import re

from doc2openapi.scraper.interpret.constraints.prose import first_stated
from doc2openapi.scraper.interpret.constraints.values import composed

UUID = re.compile(
    r"\bin\s+(?:the\s+)?UUID\s+format|\bformat\s+of\s+(?:the\s+)?UUID|\b\d+-digit\s+UUID|"
    r"\bcompl(?:y|ies|ying)\s+with\s+(?:the\s+)?UUID\s+regular\s+expression|"
    r"\b(?:value|ID)\s+is\s+a\s+UUID\b"
    r"(?!\s*(?:containing\s+\d+\s+characters\s+|\([^()]{0,40}\)\s*)?or\b)",
    re.I,
)
IPV4 = re.compile(r"\b(?:value|it)\s+is\s+an\s+IPv4\s+address\b(?!\s+or\b)", re.I)
ZONED_LAYOUT = re.compile(
    r"%?y{4}-%?m{2}-%?d{2}'?T'?%?h{2}:%?m{2}(?::%?s{2})?(?:\.s+)?'?(?:Z|[+-]%?hh:?mm|X{1,3})'?",
    re.I,
)
ANY_LAYOUT = re.compile(r"%?y{4}-%?m{2}-%?d{2}", re.I)
ZONED_EXAMPLE = re.compile(r"\b\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)\b")
RFC3339 = re.compile(r"\bRFC\s*3339\b", re.I)


def string_format(text: str) -> str | None:
    if first_stated(UUID, text):
        return "uuid"
    if first_stated(IPV4, text):
        return "ipv4"
    if composed(text):  # "Operator:UTC time": the date is one part of the value
        return None
    if RFC3339.search(text) or (ZONED_LAYOUT.search(text) and not _unzoned_layout(text)):
        return "date-time"
    if ZONED_EXAMPLE.search(text) and not ANY_LAYOUT.search(text):
        return "date-time"
    return None


def _unzoned_layout(text: str) -> bool:
    """Does the text also allow a date layout without a zone ("yyyy-MM-ddThh:mm:ssZ or
    yyyy-MM-dd hh:mm:ss")? Then some of the field's values are no RFC 3339 date-time. (A
    zoned layout starts where its date does.)"""
    zoned = {m.start() for m in ZONED_LAYOUT.finditer(text)}
    return any(m.start() not in zoned for m in ANY_LAYOUT.finditer(text))
