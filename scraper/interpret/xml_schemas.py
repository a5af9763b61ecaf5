"""XML body schemas: their shape from the docs' XML blocks, their types from the element tables.

S3-style element tables are flat (one row per element name, nesting only in prose), so the
nesting comes from the XML the page itself shows: the syntax skeleton and the samples, merged.
An element seen more than once under one parent is an array; a container whose only child
repeats is a wrapped array. The tables give types, descriptions and which elements are
mandatory; a sample that leaves a mandatory element out refutes the claim. An element no
block shows is placed where its row says it belongs ("Parent: ListBucketResult.Contents").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from doc2openapi.scraper.interpret.columns import column_roles, read_fields, row_names
from doc2openapi.scraper.interpret.presence import presence, present_names
from doc2openapi.scraper.interpret.types import PRIMITIVES
from doc2openapi.scraper.interpret.xml_bodies import child_elements, split_name, unwrapped_array
from doc2openapi.scraper.model import Schema
from doc2openapi.scraper.page import Table

TYPE_IN_TEXT = re.compile(r"\bType\s*:\s*([A-Za-z][\w ]*)", re.I)
PARENT_IN_TEXT = re.compile(
    r"\bParent(?: element)?\s*:\s*\**([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)"
)
OBJECT_TYPES = {"xml", "container", "object", "node"}
KNOWN_PREFIXES = {"http://www.w3.org/2001/XMLSchema-instance": "xsi"}


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
    children = child_elements(element)
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
    parent: tuple[str, ...] = ()  # the path its row names ("Parent: A.B"), root first
    within: frozenset[str] = frozenset()  # required where these are ("Yes if Tag is present.")


def mandatory_column(table: Table) -> int | None:
    """The "Mandatory (Yes/No)" column: the table's required column."""
    return column_roles(table).get("required")


def says_mandatory(table: Table, row: int, column: int) -> bool:
    """Whether row `row` (counted from 1, as Field.row is) says yes in that column."""
    return presence(table.rows[row - 1][column].text, rows=row_names(table))[0]


def _within(table: Table, row: int, column: int | None) -> frozenset[str]:
    """The elements the row's yes is conditional on the presence of: its parents, in a
    table that lists the elements of every level (the sample XML says which is whose)."""
    return frozenset() if column is None else present_names(table.rows[row - 1][column].text)


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
            within = _within(table, fld.row, mandatory)
            parent = PARENT_IN_TEXT.search(description)
            path = tuple(parent.group(1).split(".")) if parent else ()
            info = ElementInfo(word, description, required, path, within)
            infos.setdefault(fld.name, info)
            infos.setdefault(fld.name.rsplit(".", 1)[-1], info)  # "Result.Prefix": a path
    return infos


def leaf_schema(info: ElementInfo | None) -> Schema:
    word = info.type if info is not None else ""
    if word in OBJECT_TYPES:
        return {"type": "object"}
    return dict(PRIMITIVES.get(word, {"type": "string"}))


def node_schema(node: Node, infos: dict[str, ElementInfo], request: bool) -> Schema:
    """The schema of one element (its `xml` name is set by the caller where it differs)."""
    info = infos.get(node.name)
    item = _wrapped_item(node)
    if item is not None:
        schema: Schema = {
            "type": "array",
            "items": _named(node_schema(item, infos, request), item.name),
            "xml": {"name": node.name, "wrapped": True},
        }
    elif node.children or node.attributes:
        schema = _object_schema(node, infos, request)
    else:
        schema = leaf_schema(info)
    if info is not None and info.description:
        schema["description"] = info.description
    return schema


def _wrapped_item(node: Node) -> Node | None:
    """The one child, repeated, of a bare container (`<Grants><Grant/><Grant/></Grants>`):
    the container is a wrapped array of it."""
    if len(node.children) != 1 or node.attributes or node.text:
        return None
    only = next(iter(node.children.values()))
    return only if only.repeated else None


def _object_schema(node: Node, infos: dict[str, ElementInfo], request: bool) -> Schema:
    """Attributes, then child elements (a repeated one is an unwrapped array); in a request
    body, the children the element table marks mandatory are required."""
    properties = {attr: _attribute_schema(attr_ns) for attr, attr_ns in node.attributes.items()}
    required: list[str] = []
    for name, child in node.children.items():
        child_schema = node_schema(child, infos, request)
        if child.repeated:
            child_schema = {"type": "array", "items": _named(child_schema, name)}
        properties[name] = child_schema
        child_info = infos.get(name)
        if (
            request
            and child_info is not None
            and (child_info.required or node.name.lower() in child_info.within)
        ):
            required.append(name)
    schema: Schema = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    return schema


def _attribute_schema(namespace: str) -> Schema:
    """`xsi:type="..."`: a string attribute, with its namespace and the usual prefix."""
    xml: dict[str, Any] = {"attribute": True}
    if namespace:
        xml["namespace"] = namespace
        if namespace in KNOWN_PREFIXES:
            xml["prefix"] = KNOWN_PREFIXES[namespace]
    return {"type": "string", "xml": xml}


def place_by_stated_parent(trees: dict[str, Node], infos: dict[str, ElementInfo]) -> None:
    """Add each element the blocks do not show under the parent its row names: a path from
    a body's root ("Parent: ListBucketResult.Contents") or the name of an element already
    placed ("Parent: RoutingRule"). Passes repeat so a parent placed by its own row can take
    children; a parent found nowhere leaves the element unplaced (and reported)."""
    waiting = {n: i.parent for n, i in infos.items() if "." not in n and i.parent}
    while waiting:
        placed = [n for n, path in waiting.items() if _place(n, infos[n], path, trees)]
        if not placed:
            return
        for name in placed:
            del waiting[name]


def _place(name: str, info: ElementInfo, path: tuple[str, ...], trees: dict[str, Node]) -> bool:
    anchor = trees.get(path[0]) or next(
        (found for tree in trees.values() if (found := _find(tree, path[0])) is not None), None
    )
    if anchor is None:
        return False
    for step in path[1:]:
        anchor = anchor.children.setdefault(step, Node(step, anchor.namespace))
    if name not in anchor.children and _find(anchor, name) is None:
        anchor.children[name] = Node(name, anchor.namespace, text=info.type not in OBJECT_TYPES)
    return True


def _find(node: Node, name: str) -> Node | None:
    """The first node called `name` in the tree under `node` (depth first), itself included."""
    if node.name == name:
        return node
    return next((f for c in node.children.values() if (f := _find(c, name)) is not None), None)


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


def relax_required(schema: Schema, element: etree._Element, where: str = "") -> list[str]:
    """Drop from `required` what a documented sample leaves out (the sample is evidence,
    the Mandatory column a claim it refutes); returns the dropped elements' paths."""
    children = child_elements(element)
    where = f"{where}/{split_name(element.tag)[1]}"
    if schema.get("type") == "array":
        items = schema.get("items", {})
        return [path for child in children for path in relax_required(items, child, where)]
    dropped = _drop_absent(schema, element, where)
    properties = schema.get("properties", {})
    for child in children:
        prop = properties.get(split_name(child.tag)[1])
        if prop is not None:
            item = prop.get("items", {}) if unwrapped_array(prop) else prop
            dropped += relax_required(item, child, where)
    return dropped


def _drop_absent(schema: Schema, element: etree._Element, where: str) -> list[str]:
    """The required names `element` has as neither child nor attribute, dropped from the
    schema's `required` (the keyword goes when none is left); their paths under `where`."""
    present = {split_name(c.tag)[1] for c in child_elements(element)}
    present |= {split_name(str(k))[1] for k in element.attrib}
    required = schema.get("required", [])
    missing = [name for name in required if name not in present]
    if not missing:
        return []
    kept = [name for name in required if name in present]
    if kept:
        schema["required"] = kept
    else:
        del schema["required"]
    return [f"{where}/{name}" for name in missing]
