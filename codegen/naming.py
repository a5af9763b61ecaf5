"""Python names from doc-given names: valid, not keywords, never code."""

from __future__ import annotations

import keyword
import re

_ACRONYM_WORD = re.compile(r"([A-Z]+)([A-Z][a-z])")
_LOWER_UPPER = re.compile(r"([a-z0-9])([A-Z])")
_NOT_IDENT = re.compile(r"[^0-9a-zA-Z_]+")
# Names the generated methods use themselves: a parameter of the same name gets a "_".
RESERVED = {
    *("self", "body", "cls", "models"),
    *("extra_headers", "extra_query", "extra_body", "timeout"),
}


def snake_case(name: str) -> str:
    """ "GetExportTasksStatusOfDataset" -> "get_export_tasks_status_of_dataset"."""
    text = _ACRONYM_WORD.sub(r"\1_\2", name)
    text = _LOWER_UPPER.sub(r"\1_\2", text)
    return identifier(text.lower())


def identifier(name: str, reserved: set[str] = RESERVED) -> str:
    """Any text as a Python identifier: invalid characters become "_", keywords get a "_"."""
    text = _NOT_IDENT.sub("_", name).strip("_") or "value"
    text = re.sub(r"_+", "_", text)
    if text[0].isdigit():
        text = "n_" + text
    if keyword.iskeyword(text) or keyword.issoftkeyword(text) or text in reserved:
        text += "_"
    return text


def unique(name: str, taken: set[str], separator: str = "_") -> str:
    """`name`, or `name` numbered past the taken ones ("list_2"; "Response3" with separator
    "" for a model: the model generator would turn "Response_2" into another class name)."""
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name}{separator}{n}", n + 1
    taken.add(candidate)
    return candidate
