"""What a table's title names: the field or object it documents, with the words every
title adds ("parameters", "Description of field", "data structure") taken off."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

from doc2openapi.scraper.page import Page

T = TypeVar("T")

GENERIC_TITLE_WORDS = re.compile(
    r"\b(parameters?|parameter description|field description|description|fields?|objects?|"
    r"structure|data structure|elements?|attributes?|body)\s*$",
    re.I,
)
LEADING_TITLE_WORDS = re.compile(
    r"^(?:(?:parameter\s+|data\s+structure\s+)?description|data\s+structure|structure|"
    r"parameters?|fields?)\s+of\s+(?:the\s+)?(?:(?:field|parameter|object|structure)\s+)?",
    re.I,
)
# "images information" is the table of "images" (for linking; such a title names no type)
INFORMATION = re.compile(r"\s+(?:parameter\s+)?information\s*$", re.I)
# "versions.links" names "links"
DOTTED_PREFIX = re.compile(r"^(?:[A-Za-z_][\w-]*\.)+(?=[A-Za-z_][\w-]*$)")


@lru_cache(maxsize=8192)  # asked of every table's title for every field that looks up a table
def title_key(title: str) -> str:
    """ "jobs parameters" -> "jobs"; "Description of field tag" -> "tag";
    "Data structure description of the versions.links field" -> "links";
    "ExportParams" -> "exportparams"."""
    stripped = DOTTED_PREFIX.sub("", _named(title))
    return (stripped or title).lower().replace(" ", "")


def title_owner(title: str) -> str:
    """ "backup.disk parameters" -> "backup": the object whose field a dotted title names;
    "" for a title of one name."""
    prefix = DOTTED_PREFIX.match(_named(title))
    return prefix.group(0).rstrip(".").rsplit(".", 1)[-1].lower() if prefix else ""


def of_owner(items: list[T], title: Callable[[T], str], owner: str) -> list[T]:
    """Of tables sharing a title, those whose dotted title gives them `owner`; else those it
    gives no other owner; else all."""
    if not owner:
        return items
    owned = [item for item in items if title_owner(title(item)) == owner]
    return owned or [item for item in items if not title_owner(title(item))] or items


def _named(title: str) -> str:
    """The title without the words every title adds."""
    stripped = INFORMATION.sub("", LEADING_TITLE_WORDS.sub("", title.strip()))
    return GENERIC_TITLE_WORDS.sub("", stripped).strip()


def number_forms(key: str) -> set[str]:
    """The singular of a plural title key, or the plurals of a singular one; none for keys
    under four letters, where a final "s" is as likely part of the word."""
    if len(key) < 4:
        return set()
    if key.endswith("ies"):
        return {key[:-3] + "y"}
    if key.endswith("s"):
        return {key[:-1]} | ({key[:-2]} if key.endswith(("ses", "xes", "ches", "shes")) else set())
    return {key + "s", key[:-1] + "ies"} if key.endswith("y") else {key + "s", key + "es"}


def folded(text: str) -> str:
    """Text as titles are compared: lower-case, one space between words."""
    return " ".join(text.lower().split())


def names_this_page(here: Page, where: str) -> bool:
    """Do the words after "Table 3 in" name this page, a section of it, or "the ..."?"""
    words = folded(where)
    titles = [here.title, *(section.title for section in here.sections)]
    named = (folded(title) for title in titles if title.strip())
    return words.startswith("the ") or any(words.startswith(title) for title in named)
