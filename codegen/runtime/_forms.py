"""Form bodies: multipart/form-data (text fields and files) and
application/x-www-form-urlencoded (text fields), encoded by httpx."""

from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, TypedDict

import httpx

URLENCODED = "application/x-www-form-urlencoded"


class FormBody(TypedDict):
    content: bytes
    content_type: str


def form_body(
    body: Any, extra: Mapping[str, Any] | None, media_type: str = "multipart/form-data"
) -> FormBody:
    """A form body of `media_type`: the model's fields (only those set), then `extra`'s."""
    if hasattr(body, "model_dump"):  # python mode: bytes stay bytes
        fields = body.model_dump(by_alias=True, exclude_none=True, exclude_unset=True)
    else:
        fields = dict(body or {})
    merged = {**fields, **(extra or {})}
    if media_type == URLENCODED:
        encoded = httpx.Request("POST", "https://form.invalid/", data=_texts(merged))
    else:
        encoded = httpx.Request("POST", "https://form.invalid/", files=_parts(merged))
    return {"content": encoded.read(), "content_type": encoded.headers["Content-Type"]}


def _texts(fields: Mapping[str, Any]) -> dict[str, list[str]]:
    """URL-encoded: text fields only, a list one field per item."""
    return {
        name: [_form_text(item) for item in (value if isinstance(value, list) else [value])]
        for name, value in fields.items()
        if value is not None
    }


def _parts(fields: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """Multipart: bytes, a file object or a (filename, bytes) tuple are file parts, sent
    last (OBS ignores fields after the file); anything else a text field (true/false; JSON
    for objects and lists)."""
    texts: list[tuple[str, Any]] = []
    files: list[tuple[str, Any]] = []
    for name, value in fields.items():
        items = (
            value if isinstance(value, list) and value and all(map(_is_file, value)) else [value]
        )
        for item in items:
            if _is_file(item):
                files.append((name, _file_part(name, item)))
            elif item is not None:
                texts.append((name, (None, _form_text(item))))
    return texts + files


def _is_file(value: Any) -> bool:
    return isinstance(value, bytes | bytearray | tuple) or hasattr(value, "read")


def _file_part(name: str, value: Any) -> Any:
    if isinstance(value, tuple):
        return value
    if hasattr(value, "read"):
        filename = str(getattr(value, "name", name)).replace("\\", "/").rsplit("/", 1)[-1]
        return (filename or name, value.read())
    return (name, bytes(value))


def _form_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return _json.dumps(value, separators=(",", ":"), default=str)
    return str(value)
