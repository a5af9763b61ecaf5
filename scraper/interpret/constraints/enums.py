"""Value lists: "Options: - a: ... - b: ...", "The value can be a, b, or c.", "Specifies the
type, which can be a or b.", a Range part of "a: ..." lines, "Enumeration values: - a - b". A
list stated twice is one list."""

from __future__ import annotations

import re
from typing import Any

from doc2openapi.scraper.interpret.constraints.prose import (
    DEFAULT_NOTE,
    case_specific,
    states_bounds,
)
from doc2openapi.scraper.interpret.constraints.value_words import (
    BULLET,
    BULLET_LINE,
    COMMA_LINE,
    PARENTHESES,
    SINGLE,
    TOKEN,
    WORD_LIST,
    split_words,
    typed_list,
)
from doc2openapi.scraper.interpret.constraints.values import (
    NO_VALUE,
    NOT_HEADS,
    NUM_RANGE,
    composed_parts,
    is_placeholder,
    typed,
)

ENUM_INTRO = re.compile(
    r"(?<!default )(?<!Default )(?<!common )(?<!Common )(?<!recommended )(?<!example )"
    r"(?:the\s+)?"
    r"(?:(?:value\s+)?options?|values?|enumerated values|possible values|valid values|"
    r"value\s+range|enums)"
    r"(?:\s+(?:are(?:\s+enumerated)?|is|can be|include|must be))?(?:\s+one\s+of)?"
    r"(?:\s+(?:as\s+follows|the\s+following))?"
    r"(?:\s+(?:are\s+)?available)?\s*[:：]|"
    r"\bfollowing\s+(?:options|values)\s+(?:are\s+)?(?:available|supported)\s*[:：]|"
    r"\bcan\s+be\s+one\s+of\s+the\s+following\s*[:：]",
    re.I,
)
ITEM = re.compile(
    rf"(?:^|\s)[-•]\s+\*{{0,2}}({TOKEN})\*{{0,2}}(\s*{DEFAULT_NOTE})?"
    r"(?:\s*[:：]|\s*$|(?=\s+[-•]\s)|\s*\((?=[^()\n]*?[a-z]{2})[^()\n]*+\)\s*\.?\s*$)",
    re.M | re.I,
)
# "The value can contain but is not limited to the following values:" lists some values;
# "Values such as:", "Commonly used values are" some, "The options for GPU pools are as
# follows:" one case's
NOT_EXHAUSTIVE = re.compile(r"\bnot\s+limited\s+to\b[^.:：\n]*[:：]", re.I)
OPEN_INTRO = re.compile(
    r"\bfor\s+example\b|\bsuch\s+as\b|\bcommon(?:ly)?\b|\brecommended\b|\btypical(?:ly)?\b|"
    r"\b(?:for|when|if)\s+(?!this\b|the\s+(?:parameter|field|value)\b)\w",
    re.I,
)
# After an introduction only: "- bios indicates the BIOS boot mode.", "- asc (ascending order)"
DESCRIBED_ITEM = re.compile(
    rf"^\s*[-•]\s+\**({TOKEN})\**(?:\s+(?:indicates|means)\b|\s*\([^()]*\)\s*\.?\s*$)", re.I
)
LINE_ITEM = re.compile(rf"^\s*\*{{0,2}}({TOKEN})\*{{0,2}}\s*[:：]", re.M)
DEFAULT_MARK = re.compile(
    rf"^\s*{DEFAULT_NOTE}|{DEFAULT_NOTE}\s*\.?\s*$|"
    r"^\s*default(?:\s+value)?\.|\bthis\s+is\s+the\s+default(?:\s+value)?\b",
    re.I,
)
CAN_BE = re.compile(
    r"\b(?:value|values|options)(?:\s+of\s+(?:this|the)\s+(?:parameter|field))?"
    rf"\s+(?:can|must|are|is)\s+(?:only\s+)?(?:be\s+)?(?:one\s+of\s+)?"
    rf"[:：]?\s*{WORD_LIST}\s*(?=[.;,(]|$)",
    re.I | re.M,
)
# "Specifies the type, which can be public or private.": single-word values only, so "which
# can be Endpoint Service ID or Endpoint ID" (what an ID may be) and "which can be created and
# viewed ..." list nothing.
WHICH_CAN_BE = re.compile(
    rf"\bwhich\s+can\s+(?:only\s+)?be\s+((?:{SINGLE}\s*,\s*)*{SINGLE},?\s+or\s+{SINGLE})"
    r"\s*(?=[.;,]|$)",
    re.I | re.M,
)
MARKED = re.compile(rf"(?<![\w.*-])\**({TOKEN})\**\s*{DEFAULT_NOTE}", re.I)
ONLY = re.compile(  # "The value can only be ACTIVE.", "The value is fixed at v2 and cannot ..."
    rf"\b(?:the|its)\s+value\s+(?:can\s+only\s+be|is\s+fixed\s+(?:to|at|as))\s+({TOKEN})\s*"
    r"(?=[.;,(]|$|\s+and\s+cannot\b)", re.I | re.M)  # fmt: skip
BRACED = re.compile(r"\{(\w+)\}")
# The clause before "which can be" names the field only when it says nothing of its own
# ("Specifies the zone type, which ..."), not "The name can contain letters, which ...".
CLAUSE_VERB = re.compile(
    r"[:：]|\b(?:can|could|is|are|must|may|should|contains?|consists?|includes?|supports?)\b",
    re.I,
)


def _items(tail: str) -> tuple[list[str], str | None]:
    """ "- a: ... - b (default value): ..." -> ([a, b], b). A bullet line among them that
    names no value ("- vguser{num}: ...", a pattern of values), or a short one right after
    them ("- Custom Image"), leaves the list open: none."""
    matches = list(ITEM.finditer(tail))
    if matches and len(BULLET_LINE.findall(tail[: matches[-1].end()])) > len(matches):
        return [], None
    if matches and _unread_value_after(tail[matches[-1].end() :]):
        return [], None
    tokens: list[str] = []
    default = None
    for i, match in enumerate(matches):
        token = match.group(1)
        end = matches[i + 1].start() if i + 1 < len(matches) else len(tail)
        segment = tail[match.end() : end]
        if match.group(2) or DEFAULT_MARK.search(segment.split("\n", 1)[0]):
            default = default or token
        tokens.append(token)
    return tokens, default


def _unread_value_after(rest: str) -> bool:
    """Is the bullet line right after a list's last item a value it could not read (a few
    words, no sentence), not a note that ends the list ("- The default value is ip.")?"""
    following = rest.split("\n", 2)[1:2]
    line = following[0].strip() if following else ""
    if not BULLET_LINE.match(line):
        return False
    words = line.lstrip("-• ").split()
    return len(words) <= 4 and not line.endswith(".") and ". " not in line


def value_list(
    text: str, kind: str, labelled: str | None, range_part: str | None
) -> tuple[list[Any], Any] | None:
    """(values, the one marked as default) the text lists for the field, or None."""
    if labelled is not None:  # "Enumeration values:" names the list outright
        tokens, default = _items(labelled)
        if not tokens:
            comma_line = COMMA_LINE.fullmatch(labelled.strip())
            tokens = split_words(labelled) if comma_line else _described_items(labelled)
        values = typed_list(tokens, kind)
        if values:
            marked = _marked_default(text, kind)
            return values, typed(default, kind) if default else marked
    if NOT_EXHAUSTIVE.search(text):
        return None
    found = _from_intro(text, kind) or _from_range(range_part, kind) or _from_words(text, kind)
    if found is None:
        found = _bare_list(text, kind)
    return None if found is None or composed_parts(text, found[0]) else found


def introduced_values(text: str) -> bool:
    """Whether the text introduces a list of values ("Options: ...", "The value can be a, b,
    or c."), not only bullet lines, which may be an object's fields."""
    return (_from_intro(text, "string") or _from_words(text, "string")) is not None


def _marked_default(text: str, kind: str) -> Any:
    _, default = _items(text)
    return typed(default, kind) if default else None


def _from_intro(text: str, kind: str) -> tuple[list[Any], Any] | None:
    for intro in ENUM_INTRO.finditer(text):
        if not _for_the_field(text, intro, intro.end()):
            continue
        tail = text[intro.end() :]
        tokens, default = _items(tail)
        if not tokens:
            listed = re.match(rf"\s*{WORD_LIST}\s*(?=[.;](?:\s|$)|$|\n)", PARENTHESES.sub("", tail))
            tokens = split_words(listed.group(1)) if listed else _leading_lines(tail)
            tokens = tokens or _described_items(tail) or _comma_line(intro.group(), tail)
        if (found := _listed(tokens, default, kind)) is not None:
            return found
    return None


def _for_the_field(text: str, intro: re.Match[str], values: int) -> bool:
    """A list introduced by `intro` (its values begin at `values`) that is stated of the
    field itself: not in a case, not some of its values."""
    return not case_specific(text, intro.start()) and not _open(text, intro.start(), values)


def _open(text: str, start: int, end: int) -> bool:
    """Does the introduction of a list, from its sentence's start to `end` (where the
    values begin), say the list is some values or one case's ("such as", "for GPU pools")?"""
    before = text[:start].rstrip()
    ended = before.endswith(".")  # the introduction is a sentence of its own
    begin = (
        len(before) if ended else max(before.rfind("\n"), before.rfind(". "), before.rfind(";")) + 1
    )
    return OPEN_INTRO.search(text[begin:end]) is not None


# "Possible values: a, b, c", "Enumerated values: asc | desc. Default: desc.": values after
# their introduction, split by commas (with no "or" before the last) or by spaced bars
# ("GET|POST" is one value joined by bars), filling the rest of the line or sentence. Not
# after "Value range:", which lists kinds of characters that way ("letters, digits").
COMMA_ONLY = re.compile(
    rf"[ \t]*((?:{SINGLE}[ \t]*,[ \t]*)+{SINGLE}|(?:{SINGLE}[ \t]+\|[ \t]+)+{SINGLE})"
    r"[ \t]*(?:\.(?=\s|$)[ \t]*|(?=\n)|$)"
)


OPEN_END = frozenset({"etc", "others", "e.g", "i.e"})  # "a, b, etc.": some of the values
CHARACTER_SPAN = re.compile(r"[a-z]-[a-z]|[A-Z]-[A-Z]|\d-\d")  # "a-z, A-Z": kinds of characters


def _comma_line(intro: str, tail: str) -> list[str]:
    if "range" in intro.lower() or (listed := COMMA_ONLY.match(tail)) is None:
        return []
    group = listed.group(1)  # "1,000, 2,000": split_words keeps a thousands separator
    tokens = [t.strip() for t in group.split("|")] if "|" in group else split_words(group)
    if tokens[-1].lower() in OPEN_END or any(CHARACTER_SPAN.fullmatch(t) for t in tokens):
        return []
    return tokens


def _leading_lines(tail: str) -> list[str]:
    """ "PER: dedicated\nWHOLE: shared" right after the introduction."""
    tokens = []
    for line in tail.lstrip("\n").splitlines():
        head = LINE_ITEM.match(line)
        if not head:
            break
        tokens.append(head.group(1))
    return tokens


def _described_items(tail: str) -> list[str]:
    """The values of the bullets right after the introduction when each is one value and
    what it means ("- bios indicates ...", "- asc (ascending order)"); else none."""
    tokens = []
    for line in tail.lstrip("\n").splitlines():
        if not BULLET.match(line):
            break
        item = DESCRIBED_ITEM.match(line)
        if item is None or item.group(1).lower() in NOT_HEADS:
            return []
        tokens.append(item.group(1))
    return tokens


def _from_range(range_part: str | None, kind: str) -> tuple[list[Any], Any] | None:
    """A Range part that lists values: a first line "a, b, and c" (what follows it, such as
    "- ACTIVE: ACTIVE, REBOOT, or RESIZE" while rebooting, is about some of them), else
    "- a: ..." items, else plain values."""
    if not range_part:
        return None
    first = range_part.strip().split("\n", 1)[0].strip()
    if NUM_RANGE.match(first):  # "1 - 100": bounds, not the value "- 100" of a list
        return None
    words = split_words(first) if COMMA_LINE.fullmatch(first) else []
    if (listed := _listed(words, None, kind)) is not None:
        return listed
    tokens, default = _items(range_part)
    return _listed(tokens or _plain_values(range_part), default, kind)


def _plain_values(range_part: str) -> list[str]:
    """ "full: full backup" lines, "1: on; 0: off.", "a, b or c", or one value a line."""
    pieces = [p for p in re.split(r"[;\n]", range_part) if p.strip()]
    heads = [LINE_ITEM.match(p) for p in pieces]
    if len(pieces) >= 2 and all(heads):
        return [h.group(1) for h in heads if h]
    if COMMA_LINE.fullmatch(range_part.strip()):
        return split_words(range_part.strip())
    lines = [line.strip() for line in range_part.splitlines() if line.strip()]
    if len(lines) >= 2 and all(re.fullmatch(TOKEN, line) for line in lines):
        return lines
    return []


def _listed(tokens: list[str], default: str | None, kind: str) -> tuple[list[Any], Any] | None:
    """The tokens typed (None unless every one is of the type), with the default typed."""
    values = typed_list(tokens, kind)
    return (values, typed(default, kind) if default else None) if values else None


def _from_words(text: str, kind: str) -> tuple[list[Any], Any] | None:
    """ "The value can be a, b, or c." / "its value can only be ACTIVE." ("can only be null"
    says the field is always empty, not that its one value is the string "null".)"""
    text = PARENTHESES.sub("", text)
    match = next((m for m in CAN_BE.finditer(text) if _for_the_field(text, m, m.start(1))), None)
    if match and kind in ("string", "integer", "number"):
        values = typed_list(split_words(match.group(1)), kind)
        if values and len(values) >= 2:
            return values, None
    if kind in ("string", "integer", "number") and (which := _which_can_be(text, kind)):
        return which, None
    only = next((m for m in ONLY.finditer(text) if not case_specific(text, m.start())), None)
    if only and kind in ("string", "integer") and not is_placeholder(only.group(1)):
        value = typed(only.group(1), kind)
        if value is not None:
            return [value], None
    return None


def _which_can_be(text: str, kind: str) -> list[Any] | None:
    """ "..., which can be a, b, or c." said of the field itself: after a clause that only
    names it ("Specifies the zone type"), not one that says something of its own ("The name
    can contain letters, which ...", "spec: ..."), not in a bullet line, which describes one
    part of the value ("- spec: ..., which can be large or lvs"), nor in a case."""
    for match in WHICH_CAN_BE.finditer(text):
        line = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
        sentence = re.split(r"[.;]\s", line)[-1]
        if BULLET.match(line) or CLAUSE_VERB.search(sentence) or case_specific(text, match.start()):
            continue
        tokens = split_words(match.group(1))
        if NO_VALUE.isdisjoint(t.lower() for t in tokens):
            values = typed_list(tokens, kind)
            if values and len(values) >= 2:
                return values
    return None


def marked_member(text: str, kind: str, members: list[Any]) -> Any:
    """The value of the field's list the prose marks "(default)" where it names it ("1, 2
    (default), 3 or 4", "- true (default) indicates ..."); a word that is no member of the
    list ("in a shared pool (default)") marks nothing."""
    for match in MARKED.finditer(text):
        if case_specific(text, match.start()):
            continue
        value = typed(match.group(1), kind)
        if value is not None and any(value == m and type(value) is type(m) for m in members):
            return value
    return None


def _bare_list(text: str, kind: str) -> tuple[list[Any], Any] | None:
    """A list of "- value: meaning" lines with no introduction, when every item is one; a
    line that states bounds ("- hmac: The value contains 8 to 32 characters") is a case."""
    lines = [line for line in text.splitlines() if BULLET.match(line)]
    if len(lines) < 2:
        return None
    tokens, default = _items("\n".join(lines))
    if len(tokens) != len(lines) or set(tokens) & set(BRACED.findall(text)):
        return None
    if any(states_bounds(line) for line in lines):
        return None
    first = text.index(lines[0])
    if text[:first].rstrip().endswith((":", "：")) and _open(text, first, first):
        return None  # "The options for GPU pools are as follows:"
    return _listed(tokens, default, kind)
