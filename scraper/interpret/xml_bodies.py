"""XML bodies: read safely, and turned back into JSON-like values along a schema.

XML is parsed with entity expansion, DTDs and the network all off, like every other input.
An XML example becomes the value it stands for under the body's schema, so XML examples are
checked by the same validator as JSON ones. Building the schemas from the docs' XML blocks is
xml_schemas.py's job.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from doc2openapi.scraper.model import Json, Schema
from doc2openapi.scraper.tree import resolve

XML_MEDIA = re.compile(r"[/+]xml\b", re.I)
DTD = re.compile(r"<!(DOCTYPE|ENTITY)", re.I)
XMLNS = "http://www.w3.org/2000/xmlns/"


class NotXml(ValueError):
    """A block that is not well-formed XML, or that declares a DTD (never loaded)."""


def is_xml_media(media_type: str) -> bool:
    return XML_MEDIA.search(media_type) is not None


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(text: str) -> etree._Element:
    """The root element of an XML text; a DTD or entity declaration is refused outright."""
    if DTD.search(text):
        raise NotXml("declares a DTD or entities, which are never read")
    data = re.sub(r"^\s*<\?xml[^>]*>", "", text.strip()).encode("utf-8")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as err:
        raise NotXml(f"not well-formed XML: {err}") from None
    if root is None:
        raise NotXml("no element")
    return root


def split_name(tag: str) -> tuple[str, str]:
    """(namespace, local name) of an lxml tag ("{ns}Name")."""
    qname = etree.QName(tag)
    return qname.namespace or "", qname.localname


def child_elements(element: etree._Element) -> list[etree._Element]:
    """The child elements, without comments or processing instructions."""
    return [c for c in element if isinstance(c.tag, str)]


def unwrapped_array(schema: Schema) -> bool:
    """An array whose items are repeated elements side by side, with no container."""
    return schema.get("type") == "array" and not schema.get("xml", {}).get("wrapped")


# -- XML examples as JSON-like values, along a schema ------------------------------------------


def xml_value(text: str, schema: Schema, components: dict[str, Schema]) -> Json:
    """The value an XML example stands for under `schema`, for the JSON Schema validator.

    Raises NotXml when the text is not XML or its root is not the element the schema names.
    """
    root = parse_xml(text)
    name = split_name(root.tag)[1]
    branch = _branch(schema, name, components)
    if branch is None:
        raise NotXml(f"root element <{name}> is not the body's documented element")
    return _value(root, branch, components)


def _branch(schema: Schema, name: str, components: dict[str, Schema]) -> Schema | None:
    """The schema (or the anyOf/oneOf branch) whose root element is `name`."""
    schema = resolve(schema, components)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            for option in schema[key]:
                found = _branch(option, name, components)
                if found is not None:
                    return found
            return None
    declared = schema.get("xml", {}).get("name")
    return schema if declared in (None, name) else None


def _value(element: etree._Element, schema: Schema, components: dict[str, Schema]) -> Json:
    schema = resolve(schema, components)
    children = child_elements(element)
    kind = schema.get("type")
    if kind == "array":
        items = schema.get("items", {})
        return [_value(c, items, components) for c in children]
    if kind == "object" or children or element.attrib:
        properties = schema.get("properties", {})
        out: dict[str, Json] = {}
        for key, raw in element.attrib.items():
            attr_ns, attr = split_name(str(key))
            if attr_ns != XMLNS:
                out[attr] = str(raw)
        for child in children:
            name = split_name(child.tag)[1]
            prop = resolve(properties.get(name, {}), components)
            if unwrapped_array(prop):
                out.setdefault(name, []).append(_value(child, prop.get("items", {}), components))
            else:
                out[name] = _value(child, prop, components)
        return out
    return _scalar((element.text or "").strip(), kind)


def _scalar(text: str, kind: Any) -> Json:
    """Text typed as the schema says, where it can be; left as text (and so rejected) if not."""
    try:
        if kind == "integer":
            return int(text)
        if kind == "number":
            return float(text)
    except ValueError:
        return text
    if kind == "boolean" and text.lower() in ("true", "false"):
        return text.lower() == "true"
    return text
