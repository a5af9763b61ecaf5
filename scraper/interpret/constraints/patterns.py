"""Regular expressions the docs state, kept only when they are usable as an OpenAPI
`pattern` (ECMA-262): they must compile, and use no syntax only Python or PCRE knows."""

from __future__ import annotations

import re
from dataclasses import dataclass

from doc2openapi.scraper.interpret.constraints import prose

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
        if len(text) > 1 and QUOTES.get(text[0]) == text[-1] and text[0] not in text[1:-1]:
            text = text[1:-1].strip()  # not a pattern that holds quotes: "[^"]+"
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
# "must match the regular expression:" then the pattern on the next line) or before them on
# their line ("matches the ^[a-z]+$ regular expression"). The sentence must say the value
# conforms to it ("matches", "meets", "complies with"), and not negate that.
AFTER_WORDS = re.compile(
    r"\bregular\s+expression(?:[ \t]*[:\uff1a][ \t]*\n?[ \t]*|[ \t]+)(\S+)", re.I
)
BEFORE_WORDS = re.compile(r"(\S+)[ \t]+regular\s+expression\b", re.I)
# Words saying a value conforms to a regular expression (also what makes one "stated").
CONFORM_WORDS = (
    r"match(?:es|ed)?|meets?|meeting|compl(?:y|ies|ying|iance|iant)|conform(?:s|ing)?|"
    r"satisf(?:y|ies|ying)|follow(?:s|ing)?|consistent\s+with|"
    r"(?:verified|validated|checked)\s+(?:against|by)"
)
CONFORMS = re.compile(rf"\b(?:{CONFORM_WORDS}|matching)\b", re.I)
NEGATED = re.compile(r"\b(?:not|never|no)\b|n't\b", re.I)
REGEX_CHARS = re.compile(r"[\[\](){}\\^$*+?|]")


@dataclass(frozen=True)
class InlinePattern:
    """A regular expression a sentence states, and the case it is stated for."""

    pattern: str
    case: str | None  # None: it holds for every value


def stated_inline(text: str) -> InlinePattern | None:
    """The first usable pattern a sentence of `text` states for every value; else the first
    stated for one case of it (a bullet of cases, "- Key ID: ... matches ..."); None when
    there is none."""
    found = [(m.start(1), m.start(), m.end(), m.group(1)) for m in AFTER_WORDS.finditer(text)]
    found += [(m.start(), m.start(), m.end(), m.group(1)) for m in BEFORE_WORDS.finditer(text)]
    one_case: InlinePattern | None = None
    for first, words, end, token in sorted(found, key=lambda f: f[1]):
        pattern, lead = _clean(token), min(first, words)
        opening = text[prose.sentence_start(text, lead) : lead]  # the words before the pattern
        if (
            not REGEX_CHARS.search(pattern)
            or regex_problem(pattern) is not None
            or not CONFORMS.search(opening + text[words:end])
            or NEGATED.search(opening)
        ):
            continue
        case = prose.case_of(text, words)
        if case is None:
            return InlinePattern(pattern, None)
        one_case = one_case or InlinePattern(pattern, case)
    return one_case


def inline_pattern(text: str) -> str | None:
    """ "... that matches the regular expression ^[0-9a-z]{8}$." -> "^[0-9a-z]{8}$", unless
    it is stated for one case of the value only."""
    found = stated_inline(text)
    return found.pattern if found is not None and found.case is None else None
