"""Regular expressions the docs state, kept only when they are usable as an OpenAPI
`pattern` (ECMA-262): they must compile, and use no syntax only Python or PCRE knows."""

from __future__ import annotations

import re
from dataclasses import dataclass

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


QUOTES = {'"': '"', "'": "'", "\u201c": "\u201d"}


def _clean(text: str) -> str:
    """A stated pattern without its markup: backticks, bold, quotes, and the sentence's
    full stop or comma after it ("**"^[a-z]{1,64}$"**." -> ^[a-z]{1,64}$)."""
    text = text.strip()
    for _ in range(2):  # the punctuation may sit inside or outside the quotes
        if len(text) > 1 and text[-1] in ".,;" and text[-2] in "$)]}\"'\u201d*+`":
            text = text[:-1]
        text = text.strip().strip("`").strip()
        if text.startswith("**") and text.endswith("**"):
            text = text[2:-2].strip()
        if len(text) > 1 and QUOTES.get(text[0]) == text[-1]:
            text = text[1:-1].strip()
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


# A pattern in a sentence: after the words ("matches the regular expression ^[a-z]+$",
# "must match the regular expression:" then the pattern on the next line) or before them
# ("matches the ^[a-z]+$ regular expression").
AFTER_WORDS = re.compile(r"\bregular\s+expression\s*[:\uff1a]?\s+(\S+)", re.I)
BEFORE_WORDS = re.compile(r"(\S+)\s+regular\s+expression\b", re.I)
# A bullet that names one case of the value ("- Key ID: a string that matches ..."): its
# pattern holds for that case only, not for every value of the field.
ONE_CASE = re.compile(r"\s*[-*\u2022]\s+(?P<case>[^:\n]{1,40}?)\s*:\s")


@dataclass(frozen=True)
class InlinePattern:
    """A regular expression a sentence states, and the listed case it is stated for."""

    pattern: str
    case: str | None  # None: it holds for every value


def stated_inline(text: str) -> InlinePattern | None:
    """The first usable pattern a sentence of `text` states, looked for on both sides of
    the words "regular expression"; None when there is none."""
    found = [(m.start(1), m.group(1)) for m in AFTER_WORDS.finditer(text)]
    found += [(m.start(1), m.group(1)) for m in BEFORE_WORDS.finditer(text)]
    for start, token in sorted(found):
        pattern = _clean(token)
        if REGEX_LIKE.match(pattern) and regex_problem(pattern) is None:
            line = text[text.rfind("\n", 0, start) + 1 :]
            case = ONE_CASE.match(line)
            return InlinePattern(pattern, case.group("case") if case else None)
    return None


def inline_pattern(text: str) -> str | None:
    """ "... that matches the regular expression ^[0-9a-z]{8}$." -> "^[0-9a-z]{8}$", unless
    it is stated for one listed case of the value only."""
    found = stated_inline(text)
    return found.pattern if found is not None and found.case is None else None
