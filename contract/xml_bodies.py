"""XML bodies in the mock: requests read into values and validated against their schema
(openapi-core cannot: it hands the validator an Element), answers written as XML.

The reading and writing are the generated clients' own (codegen/runtime/_xml.py), along the same
shapes, so the mock speaks exactly the XML the clients do.
"""

from __future__ import annotations

from typing import Any

from doc2openapi.codegen.runtime import _xml
from doc2openapi.codegen.xml_shapes import ShapeCompiler, is_xml

__all__ = ["XmlBodies", "is_xml"]


class XmlBodies:
    """The XML side of one spec: shapes by schema, compiled once."""

    def __init__(self, spec: dict[str, Any]) -> None:
        schemas = (spec.get("components") or {}).get("schemas") or {}
        self._compiler = ShapeCompiler(schemas)
        self._roots: dict[str, dict[str, Any]] = {}

    def root(self, schema: Any) -> dict[str, Any]:
        key = repr(schema)
        if key not in self._roots:
            self._roots[key] = self._compiler.root(schema)
        return self._roots[key]

    def read(self, data: bytes | str, schema: Any) -> Any:
        """The value an XML body stands for; raises _xml.NotXml when it is none. An unwrapped
        array with no element is empty: XML cannot write `[]` otherwise."""
        root = self.root(schema)
        try:
            value = _xml.loads(data, root)
        except UnicodeDecodeError as err:
            raise _xml.NotXml(f"not UTF-8: {err}") from None
        _empty_arrays(value, root["shape"])
        return value

    def write(self, value: Any, schema: Any) -> bytes:
        return _xml.dumps(value, self.root(schema))


def xml_request_media(operation: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """(media type, media) of an operation's XML request body, if it has one."""
    content = (operation.get("requestBody") or {}).get("content") or {}
    for media_type, media in content.items():
        if is_xml(str(media_type)) and isinstance(media, dict):
            return str(media_type), media
    return None


def _empty_arrays(value: Any, shape: dict[str, Any]) -> None:
    """Fill in `[]` for every unwrapped array of `shape` that `value` has no element of."""
    if isinstance(value, list) and shape.get("type") == "array":
        for item in value:
            _empty_arrays(item, shape["items"])
    if not isinstance(value, dict) or shape.get("type") != "object":
        return
    for prop in shape.get("properties", []):
        inner = prop["shape"]
        if inner.get("type") == "array" and not inner.get("wrapped") and not prop.get("attribute"):
            value.setdefault(prop["key"], [])
        _empty_arrays(value.get(prop["key"]), inner)
