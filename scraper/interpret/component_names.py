"""Component names from what the docs give: a table title that names a type ("spec
parameters" -> Spec), else the field in its parent's context (ServerAddress)."""

from __future__ import annotations

import re

from doc2openapi.scraper.interpret.table_titles import GENERIC_TITLE_WORDS
from doc2openapi.scraper.naming import singular

_WORD = re.compile(r"[A-Za-z0-9]+")
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
BODY_NAME = re.compile(r"(Request|Response)\d*$")
GENERIC_NAMES = {"request", "response", "uri", "path", "query", "header", "body", "common", "table"}


def camel(text: str) -> str:
    """ "export params" / "export_params" -> "ExportParams"; keeps inner capitals."""
    words = _WORD.findall(text)
    name = "".join(w[:1].upper() + w[1:] for w in words)
    if name and name[0].isdigit():
        name = "N" + name
    return name


def type_name(title: str) -> str | None:
    """A component name the docs give: an identifier-like type name or table title.

    "ExportParams" -> "ExportParams"; "spec parameters" -> "Spec"; "Parameters" -> None.
    """
    stripped = GENERIC_TITLE_WORDS.sub("", title.strip()).strip() or title.strip()
    if GENERIC_TITLE_WORDS.fullmatch(stripped) or stripped.lower() in GENERIC_NAMES:
        return None
    if _IDENT.match(stripped):
        return camel(stripped) if "_" in stripped else stripped[:1].upper() + stripped[1:]
    return None


MAX_NAME = 48


def fit(name: str) -> str:
    """A component name of at most MAX_NAME characters: leading words go first, so
    "<long operation name>Response" keeps its end."""
    humps = re.findall(r"[A-Z][a-z0-9]*|[a-z0-9]+|[^A-Za-z0-9]+", name)
    while len(humps) > 1 and len("".join(humps)) > MAX_NAME:
        humps = humps[1:]
    return "".join(humps)


def context_word(name: str) -> str:
    """What a nested object's name starts with: its parent's last word group, or nothing
    under a request or response body ("Server" under ShowServerResponse)."""
    if BODY_NAME.search(name):
        return ""
    name = name.rstrip("0123456789")
    humps = re.findall(r"[A-Z][a-z0-9]*|[a-z0-9]+", name)
    return "".join(humps[-2:]) if len(name) > 24 else name


def field_context_name(context: str, field_name: str) -> str:
    """A nested object named by its field in context: `server` -> Server, `addresses`
    under Server -> ServerAddress; the parent's word is not repeated (ServerTag, not
    ServerServerTag)."""
    words = re.findall(r"[A-Za-z][a-z0-9]*|[0-9]+", camel(field_name))
    if len(words) > 1 and words[0].lower() == "os":  # OpenStack's extension prefix
        words = words[1:]
    words = words[-3:]  # os-extended-volumes:volumes_attached -> VolumesVolumesAttached
    if words:
        words[-1] = singular(words[-1])
    own = "".join(words) or "Object"
    if context and not own.startswith(context):
        return context + own
    return own
