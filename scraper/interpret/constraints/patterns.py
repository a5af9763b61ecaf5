"""Regular expressions the docs state, kept only when they are usable as an OpenAPI
`pattern` (ECMA-262): they must compile, and use no syntax only Python or PCRE knows."""

from __future__ import annotations

import re

REGEX_LIKE = re.compile(r"^\^.*\$$|^\^.*[\]})+*]$")
# Python/PCRE-only syntax that ECMA-262 rejects or reads differently.
NOT_ECMA = re.compile(r"\(\?P|\(\?[aiLmsux-]+[):]|\(\?>|\(\?#|\\[AZzGQE]|[+*?}]\+|\\p\{\^")


def regex_problem(pattern: str) -> str | None:
    """Why `pattern` is not a usable ECMA-262 regular expression, or None if it is."""
    if not pattern.strip():
        return "the regular expression is empty"
    if NOT_ECMA.search(pattern):
        return "it uses syntax ECMA-262 regular expressions lack"
    try:
        re.compile(pattern)
    except re.error as err:
        return f"it does not compile ({err})"
    return None


def _clean(text: str) -> str:
    text = text.strip().strip("`").strip()
    if text.startswith("**") and text.endswith("**"):
        text = text[2:-2].strip()
    if text.endswith("$.") or text.endswith(")."):
        text = text[:-1]
    return text


def read_pattern(label: str | None, range_part: str | None) -> str | None:
    """The pattern from a "Regular expression matching:" line, or a Range part that is one
    regular expression ("^[a-z]{1,64}$"); None when absent or unusable."""
    candidates = []
    if label is not None:
        candidates.append(_clean(label.split("\n", 1)[0]))
    if range_part is not None and "\n" not in range_part.strip():
        stated = _clean(range_part)
        if REGEX_LIKE.match(stated):
            candidates.append(stated)
    for pattern in candidates:
        if pattern and regex_problem(pattern) is None:
            return pattern
    return None


STATED_INLINE = re.compile(
    r"\b(?:matches|matching|match)\s+(?:the\s+)?regular\s+expression\s+(\S+?)(?=\.?(?:\s|$))",
    re.I,
)


def inline_pattern(text: str) -> str | None:
    """ "... that matches the regular expression ^[0-9a-z]{8}$." -> "^[0-9a-z]{8}$"."""
    match = STATED_INLINE.search(text)
    if match:
        pattern = _clean(match.group(1))
        if regex_problem(pattern) is None:
            return pattern
    return None
