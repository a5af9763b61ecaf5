"""Compile a body schema and its OpenAPI `xml` objects into the plain-data shape the XML codec
(codegen/xmlcodec.py) walks: element and attribute names, wrapped arrays, namespaces.

Shapes are data, never code: the generator writes them as reprs, and the codec checks every
name it writes is an XML name.
"""

from __future__ import annotations

import re
from typing import Any

from doc2openapi.scraper.model import REF_PREFIX

XML_MEDIA = re.compile(r"^(application|text)/([\w.-]+\+)?xml$", re.I)
SCALARS = {"string", "integer", "number", "boolean"}
MAX_DEPTH = 16  # deeper (a $ref cycle) is read and written as found


def is_xml(media_type: str) -> bool:
    """application/xml, text/xml and any */*+xml."""
    return XML_MEDIA.match(media_type.split(";")[0].strip()) is not None


class ShapeCompiler:
    """Shapes for the schemas of one document ($refs resolve against its components)."""

    def __init__(self, schemas: dict[str, Any]) -> None:
        self._schemas = schemas

    def _resolve(self, schema: Any) -> tuple[dict[str, Any], str]:
        """The schema behind refs and single allOfs, and the last component name passed."""
        name = ""
        for _ in range(32):
            if not isinstance(schema, dict):
                return {}, name
            ref = schema.get("$ref")
            if isinstance(ref, str) and ref.startswith(REF_PREFIX):
                name = ref[len(REF_PREFIX) :]
                schema = self._schemas.get(name, {})
            elif isinstance(schema.get("allOf"), list) and len(schema["allOf"]) == 1:
                schema = schema["allOf"][0]
            else:
                break
        return schema, name

    def root(self, schema: Any) -> dict[str, Any]:
        """A body's root: its element name (`xml.name`, else the component's name, as OpenAPI
        says), its namespace, and its content's shape."""
        resolved, component = self._resolve(schema)
        for key in ("anyOf", "oneOf"):
            if resolved.get(key):  # several documented roots: the first one is written
                return self.root(resolved[key][0])
        xml = resolved.get("xml") or {}
        return {
            "name": str(xml.get("name") or component or "root"),
            "namespace": str(xml.get("namespace") or ""),
            "shape": self.shape(resolved, 0),
        }

    def shape(self, schema: Any, depth: int) -> dict[str, Any]:
        resolved, _ = self._resolve(schema)
        if depth > MAX_DEPTH:
            return {"type": "any"}
        kind = resolved.get("type")
        if kind == "array":
            items, _ = self._resolve(resolved.get("items", {}))
            xml = resolved.get("xml") or {}
            return {
                "type": "array",
                "wrapped": bool(xml.get("wrapped")),
                "item": str((items.get("xml") or {}).get("name") or ""),
                "items": self.shape(items, depth + 1),
            }
        if kind == "object" or "properties" in resolved:
            return {"type": "object", "properties": self._properties(resolved, depth)}
        return {"type": kind if kind in SCALARS else "any"}

    def _properties(self, schema: dict[str, Any], depth: int) -> list[dict[str, Any]]:
        out = []
        for key, sub in (schema.get("properties") or {}).items():
            resolved, _ = self._resolve(sub)
            xml = {**(resolved.get("xml") or {}), **((sub or {}).get("xml") or {})}
            prop: dict[str, Any] = {"key": str(key), "name": str(xml.get("name") or key)}
            if xml.get("attribute"):
                prop["attribute"] = True
            if xml.get("namespace"):
                prop["namespace"] = str(xml["namespace"])
            if xml.get("prefix"):
                prop["prefix"] = str(xml["prefix"])
            prop["shape"] = self.shape(resolved, depth + 1)
            if prop["shape"]["type"] == "array" and not prop["shape"]["item"]:
                prop["shape"]["item"] = prop["name"]  # items unnamed: named as the property
            out.append(prop)
        return out
