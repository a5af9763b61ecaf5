"""XML bodies: their shape from the docs' XML blocks, their types from the element tables.

S3-style element tables are flat (one row per element name, nesting only in prose), so the
nesting comes from the XML the page itself shows: the syntax skeleton and the samples, merged.
An element seen more than once under one parent is an array; a container whose only child
repeats is a wrapped array. The tables give types, descriptions and which elements are
mandatory. XML is parsed with entity expansion, DTDs and the network all off, like every
other input. The same module turns an XML example back into JSON-like values along a schema,
so XML examples are checked by the same validator as JSON ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from doc2openapi.scraper.interpret.columns import REQUIRED_YES, read_fields
from doc2openapi.scraper.interpret.types import PRIMITIVES
from doc2openapi.scraper.model import Json, Schema
from doc2openapi.scraper.page import Table
from doc2openapi.scraper.tree import resolve

XML_MEDIA = re.compile(r"[/+]xml\b", re.I)
DTD = re.compile(r"<!(DOCTYPE|ENTITY)", re.I)
MANDATORY = re.compile(r"^(mandatory|required)\b", re.I)
TYPE_IN_TEXT = re.compile(r"\bType\s*:\s*([A-Za-z][\w ]*)", re.I)
OBJECT_TYPES = {"xml", "container", "object", "node"}
XMLNS = "http://www.w3.org/2000/xmlns/"
KNOWN_PREFIXES = {"http://www.w3.org/2001/XMLSchema-instance": "xsi"}


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


@dataclass
class Node:
    """One element name at one place in the tree, merged over every block that shows it."""

    name: str
    namespace: str = ""
    children: dict[str, Node] = field(default_factory=dict)
    attributes: dict[str, str] = field(default_factory=dict)  # local name -> namespace
    repeated: bool = False
    text: bool = False


def merge(node: Node | None, element: etree._Element) -> Node:
    """`node` with what `element` shows added (children, attributes, repetition)."""
    namespace, name = split_name(element.tag)
    if node is None:
        node = Node(name, namespace)
    node.namespace = node.namespace or namespace
    for key in element.attrib:
        attr_ns, attr_name = split_name(str(key))
        node.attributes.setdefault(attr_name, attr_ns)
    counts: dict[str, int] = {}
    children = [c for c in element if isinstance(c.tag, str)]
    for child in children:
        child_name = split_name(child.tag)[1]
        counts[child_name] = counts.get(child_name, 0) + 1
        merged = merge(node.children.get(child_name), child)
        node.children[child_name] = merged
        if counts[child_name] > 1:
            merged.repeated = True
    if not children and (element.text or "").strip():
        node.text = True
    return node


@dataclass(frozen=True)
class ElementInfo:
    """What an element table says of one element name."""

    type: str
    description: str
    required: bool | None  # None: the table has no Mandatory column


def mandatory_column(table: Table) -> int | None:
    """The "Mandatory (Yes/No)" column, whatever its header adds after the word."""
    return next((i for i, h in enumerate(table.header) if MANDATORY.match(h.strip())), None)


def says_mandatory(table: Table, row: int, column: int) -> bool:
    """Whether row `row` (counted from 1, as Field.row is) says yes in that column."""
    return REQUIRED_YES.match(table.rows[row - 1][column].text.strip()) is not None


def element_infos(tables: list[Table]) -> dict[str, ElementInfo]:
    """Element name -> its row, from every element table given (the first row wins)."""
    infos: dict[str, ElementInfo] = {}
    for table in tables:
        mandatory = mandatory_column(table)
        for fld in read_fields(table):
            description = fld.description.text
            type_text = fld.type.text if fld.type is not None else ""
            if not type_text.strip():
                found = TYPE_IN_TEXT.search(description)
                type_text = found.group(1) if found else ""
            word = (type_text.strip().split() or [""])[0].lower().rstrip(".,;")
            required = None if mandatory is None else says_mandatory(table, fld.row, mandatory)
            info = ElementInfo(word, description, required)
            infos.setdefault(fld.name, info)
            infos.setdefault(fld.name.rsplit(".", 1)[-1], info)  # "Result.Prefix": a path
    return infos


def _leaf(info: ElementInfo | None) -> Schema:
    word = info.type if info is not None else ""
    if word in OBJECT_TYPES:
        return {"type": "object"}
    return dict(PRIMITIVES.get(word, {"type": "string"}))


def node_schema(node: Node, infos: dict[str, ElementInfo], request: bool) -> Schema:
    """The schema of one element (its `xml` name is set by the caller where it differs)."""
    info = infos.get(node.name)
    only = next(iter(node.children.values())) if len(node.children) == 1 else None
    if only is not None and only.repeated and not node.attributes and not node.text:
        schema: Schema = {
            "type": "array",
            "items": _named(node_schema(only, infos, request), only.name),
            "xml": {"name": node.name, "wrapped": True},
        }
    elif node.children or node.attributes:
        properties: dict[str, Schema] = {}
        for attr, attr_ns in node.attributes.items():
            xml: dict[str, Any] = {"attribute": True}
            if attr_ns:
                xml["namespace"] = attr_ns
                if attr_ns in KNOWN_PREFIXES:
                    xml["prefix"] = KNOWN_PREFIXES[attr_ns]
            properties[attr] = {"type": "string", "xml": xml}
        required: list[str] = []
        for name, child in node.children.items():
            child_schema = node_schema(child, infos, request)
            if child.repeated:
                child_schema = {"type": "array", "items": _named(child_schema, name)}
            properties[name] = child_schema
            child_info = infos.get(name)
            if request and child_info is not None and child_info.required:
                required.append(name)
        schema = {"type": "object", "properties": properties}
        if required:
            schema["required"] = required
    else:
        schema = _leaf(info)
    if info is not None and info.description:
        schema["description"] = info.description
    return schema


def node_names(node: Node) -> set[str]:
    """Every element and attribute name in the tree under `node`, its own included."""
    out = {node.name} | set(node.attributes)
    for child in node.children.values():
        out |= node_names(child)
    return out


def _named(schema: Schema, name: str) -> Schema:
    xml = dict(schema.get("xml", {}))
    if xml.get("wrapped"):
        return schema  # a wrapped array names itself
    xml["name"] = name
    return {**schema, "xml": xml}


def root_schema(node: Node, infos: dict[str, ElementInfo], request: bool) -> Schema:
    """A body's schema: the root element's name and namespace in its `xml` object."""
    schema = node_schema(node, infos, request)
    xml: dict[str, Any] = {**schema.get("xml", {}), "name": node.name}
    if node.namespace:
        xml["namespace"] = node.namespace
    schema["xml"] = xml
    return schema


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
    children = [c for c in element if isinstance(c.tag, str)]
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
            if prop.get("type") == "array" and not prop.get("xml", {}).get("wrapped"):
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


def relax_required(schema: Schema, element: etree._Element, where: str = "") -> list[str]:
    """Drop from `required` what a documented sample leaves out (the sample is evidence,
    the Mandatory column a claim it refutes); returns the dropped elements' paths."""
    dropped: list[str] = []
    children = [c for c in element if isinstance(c.tag, str)]
    where = f"{where}/{split_name(element.tag)[1]}"
    if schema.get("type") == "array":
        for child in children:
            dropped += relax_required(schema.get("items", {}), child, where)
        return dropped
    present = {split_name(c.tag)[1] for c in children}
    present |= {split_name(str(k))[1] for k in element.attrib}
    required = schema.get("required", [])
    missing = [name for name in required if name not in present]
    if missing:
        dropped += [f"{where}/{name}" for name in missing]
        kept = [name for name in required if name in present]
        if kept:
            schema["required"] = kept
        else:
            del schema["required"]
    properties = schema.get("properties", {})
    for child in children:
        prop = properties.get(split_name(child.tag)[1])
        if prop is None:
            continue
        if prop.get("type") == "array" and not prop.get("xml", {}).get("wrapped"):
            dropped += relax_required(prop.get("items", {}), child, where)
        else:
            dropped += relax_required(prop, child, where)
    return dropped
