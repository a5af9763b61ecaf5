"""Text that only makes sense beside the page it came from, made to stand on its own.

A spec has no "Table 3": a pointer to the table a field's own schema is built from says
nothing the schema does not, so it goes; any other mention names the table by its title.
Pointers whose target text is gone ("see . For example") and navigation lines ("Parent
topic: ...") go too. Works on every description of an operation, after it is built.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from doc2openapi.scraper.interpret.http_message import reason_phrase
from doc2openapi.scraper.interpret.linker import ELSEWHERE, TABLE_MENTION, TableIndex, TableRef
from doc2openapi.scraper.model import REF_PREFIX, SOURCE_KEY, Json, Operation, Schema
from doc2openapi.scraper.page import Page

# A sentence: up to its full stop (not one inside a number or an abbreviation like "e.g.").
_SENTENCE = re.compile(r"[^.;\n]*?(?:\.(?=\s|$)|;|$)", re.M)
_POINTER = re.compile(r"\b(see|refer to|described in|listed in|shown in|details)\b", re.I)
_EMPTY_POINTER = re.compile(
    r"(?:(?<=[.;:!?])|^)[^.;:!?\n]*\b(?:see|refer to)\s*(?:[.;:,]|$)\s*", re.I | re.M
)
_POINTER_CLAUSE = re.compile(
    r"[,;:]?\s*\(?\s*(?:(?:for (?:more )?details|for more information)(?: about [^,.;]*)?"
    r"\s*,?\s*)?(?:see|refer to)\s+(?:the\s+)?Table\s+\d+(?:\s+(?:and|or)\s+Table\s+\d+)*\s*\)?",
    re.I,
)
# "Parent topic: Images" on a line of its own or after the last sentence of a joined note.
_NAVIGATION = re.compile(
    r"(?:^|(?<=[.!?:])[ \t]+)\s*(?:parent|previous|next) topic\s*:.*$", re.I | re.M
)
_SPACES = re.compile(r"[ \t]{2,}")
_LABEL = re.compile(r"(?<![\w\"])Table\s+\d+(?![\w\"])", re.I)

Resolve = Callable[[int], TableRef | None]


def without_navigation(text: str) -> str:
    """`text` without its "Parent topic:" lines, for telling whether anything else is left."""
    return _NAVIGATION.sub("", text).strip()


def tidy(text: str, resolve: Resolve, own: frozenset[tuple[str, int]] = frozenset()) -> str:
    """`text` without dangling table numbers, empty pointers or navigation.

    `resolve` finds "Table N" of the text's page; `own` holds the tables the described
    element's schema is built from (a pointer to one of them is dropped)."""
    if not text:
        return text
    text = _NAVIGATION.sub("", text)
    text = _EMPTY_POINTER.sub("", text)
    if TABLE_MENTION.search(text):
        text = _SENTENCE.sub(lambda m: _sentence(m.group(0), resolve, own), text)
    text = _SPACES.sub(" ", text)
    return "\n".join(line.rstrip() for line in text.strip().split("\n")).strip()


def _sentence(sentence: str, resolve: Resolve, own: frozenset[tuple[str, int]]) -> str:
    """A sentence's mentions of this page's tables named; "Table 3 in <another page>" is
    left as it is: it says where to look."""
    mentions = [
        (m, resolve(int(m.group(1))))
        for m in TABLE_MENTION.finditer(sentence)
        if not ELSEWHERE.match(sentence, m.end())
    ]
    if not mentions:
        return sentence
    pointer = _POINTER.search(sentence) is not None
    if pointer and all(ref is None or ref.key in own for _, ref in mentions):
        rest = _POINTER_CLAUSE.sub("", sentence)  # the schema says it, or nothing does
        if not re.search(r"\w", rest):
            return ""
        if TABLE_MENTION.search(rest) is None:
            return rest

    def name(match: re.Match[str]) -> str:
        if ELSEWHERE.match(sentence, match.end()):
            return match.group(0)
        named = _name(resolve(int(match.group(0).split()[-1])))
        starts = not sentence[: match.start()].strip()
        return named[:1].upper() + named[1:] if starts else named

    return _LABEL.sub(name, sentence)


def _name(ref: TableRef | None) -> str:
    """How a sentence names a table once it has no number: its title, quoted."""
    if ref is None or not ref.table.title:
        return "the table in the docs"
    return f'"{ref.table.title}"'


def tidy_operation(
    op: Operation, page: Page, index: TableIndex, tables: dict[str, tuple[str, int]]
) -> None:
    """Every description of `op` made to stand on its own (`tables`: schema name -> table)."""

    def resolver(source: str | None) -> Resolve:
        home = index.page(source) if source else page
        home = home or page
        return lambda number: index.by_number(home, number)

    here = resolver(None)
    op.description = tidy(op.description, here)
    for param in op.parameters:
        source = param.source.get("file") if param.source else None
        param.description = tidy(param.description, resolver(source))
    for response in op.responses.values():
        words = tidy(response.description, here)
        response.description = words or reason_phrase(response.status, "Not documented")
    for schema in op.schemas.values():
        for node in _schemas(schema):
            description = node.get("description")
            if isinstance(description, str):
                origin = node.get(SOURCE_KEY)
                source = origin.get("file") if isinstance(origin, dict) else None
                own = frozenset(tables[n] for n in _refs(node) if n in tables)
                node["description"] = tidy(description, resolver(source), own)
                if not node["description"]:
                    del node["description"]


def _schemas(node: Json) -> Iterator[Schema]:
    """Every schema object inside `node` (properties, items, allOf, ...), `node` first."""
    if isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key not in (SOURCE_KEY, "example", "default", "enum"):
                yield from _schemas(value)
    elif isinstance(node, list):
        for value in node:
            yield from _schemas(value)


def _refs(node: Json) -> Iterator[str]:
    """The component names a schema refers to, at any depth below it (its own type)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(REF_PREFIX):
            yield ref[len(REF_PREFIX) :]
        for key, value in node.items():
            if key not in ("properties", SOURCE_KEY):
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)
