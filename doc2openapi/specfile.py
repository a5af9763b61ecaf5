"""A file named on the command line, loaded as a JSON/YAML document or refused in one line.

Whatever the file is (missing, a folder, a PDF, broken YAML, a list, an invalid spec), the
caller gets a `FileRefused` whose message names the file and the reason: never a traceback,
never a validator's multi-line dump.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from doc2openapi.scraper.readers import binary_kind
from doc2openapi.scraper.validate import spec_errors


class FileRefused(Exception):
    """The file cannot be used; the message is one line naming it and the reason."""


def _one_line(text: str, width: int = 200) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= width else line[: width - 3] + "..."


def load_mapping(path: Path, what: str = "an OpenAPI document") -> dict[str, Any]:
    """The JSON (by extension) or YAML document in `path`; it must be a mapping."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise FileRefused(f"{path}: {err.strerror or err}") from None
    kind = binary_kind(data)
    if kind is not None:
        raise FileRefused(f"{path}: a {kind}, not JSON or YAML")
    try:
        text = data.decode("utf-8-sig")
        document = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except UnicodeDecodeError as err:
        raise FileRefused(f"{path}: not UTF-8 text ({err.reason} at byte {err.start})") from None
    except json.JSONDecodeError as err:
        raise FileRefused(f"{path}: not JSON ({err.msg}, line {err.lineno})") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        problem = getattr(err, "problem", None) or type(err).__name__
        raise FileRefused(f"{path}: not YAML ({_one_line(problem)}{where})") from None
    except RecursionError:
        raise FileRefused(f"{path}: nested too deeply") from None
    if not isinstance(document, dict):
        raise FileRefused(f"{path}: not {what} (top level is not a mapping)")
    return document


def invalid_line(path: Path, errors: list[str]) -> str:
    """An invalid spec in one line: the first finding, and how many there are."""
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{path}: not a valid OpenAPI document: {_one_line(errors[0])}{more}"


def load_spec(path: Path, *, validate: bool = True) -> dict[str, Any]:
    """An OpenAPI document, valid under openapi-spec-validator unless `validate` is off."""
    spec = load_mapping(path)
    if validate:
        errors = spec_errors(spec)
        if errors:
            raise FileRefused(invalid_line(path, errors))
    return spec
