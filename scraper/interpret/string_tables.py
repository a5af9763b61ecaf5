"""A field typed "String" whose description points at a table of fields, or which a table
after its own is titled after ("loadbalancers | String", then "loadbalancers parameter
description").

Either the type cell is wrong (ELB `quota | String | ... see Table 3`, while the example shows
`"quota": {"member": 500, ...}`) or the string carries JSON the table describes (ModelArts
`model_metric_list`, whose example is `"{\\"metric\\": ...}"`). The page's examples decide: an
object that shares a field with the table makes the field that table's object
(`doc-defect:shape`); otherwise the field stays a string and the table is reported with the
reason (`string-with-table`), not as a table nothing points at, nor are the tables it links to
(the JSON's inner objects).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from doc2openapi.scraper.interpret.columns import Field, is_parameter_table, read_fields
from doc2openapi.scraper.interpret.component_names import type_name
from doc2openapi.scraper.interpret.example_fields import walk_example
from doc2openapi.scraper.interpret.linker import TableIndex, TableRef
from doc2openapi.scraper.model import SOURCE_KEY, Json, Operation, Schema

if TYPE_CHECKING:  # the builder notes the fields; this module decides them afterwards
    from doc2openapi.scraper.interpret.schemas import SchemaBuilder

SourceKey = tuple[str, str, int]  # a field's x-doc-source: file, table caption, row


@dataclass(frozen=True)
class Described:
    """A String field whose description points at `target`, a table of fields (or which
    `target` is titled after)."""

    field: str
    target: TableRef
    name: str  # the component name the table's object would take
    parent: TableRef
    titled: bool = False

    def how(self) -> str:
        caption = repr(self.target.table.caption)
        return (
            f"{caption} is titled after it"
            if self.titled
            else f"its description points at {caption}"
        )


def described_table(index: TableIndex, field: Field, ref: TableRef) -> tuple[TableRef, bool] | None:
    """The table of an object's fields on this page that a String row's description links
    to or names ("see Table 3"), else one after the row's table titled after the field;
    titled after an object ("quota parameter description"), not a list of values on
    another page nor a body's "Response parameters". With it: whether it was the title."""
    target = index.mentioned(ref.page, field.description.text, field.description.links)
    titled = target is None
    if titled:
        titled_after = index.titled(ref.page, field.name)  # exactly: a plural is too weak
        target = next((r for r in titled_after if r.position > ref.position), None)
    if target is None or target.key == ref.key or target.page.source != ref.page.source:
        return None
    if type_name(target.table.title) is None or not is_parameter_table(target.table):
        return None
    return (target, titled) if read_fields(target.table) else None


def _source(prop: Schema) -> SourceKey | None:
    source = prop.get(SOURCE_KEY)
    if not isinstance(source, dict):
        return None
    return (str(source.get("file")), str(source.get("table")), int(source.get("row", 0)))


def _shows_table(value: Json, described: Described) -> bool:
    """An object (or a list of objects) that names at least one of the table's fields."""
    fields = {f.name for f in read_fields(described.target.table)}
    items = value if isinstance(value, list) else [value]
    objects = [v for v in items if isinstance(v, dict) and v]
    return bool(objects) and len(objects) == len(items) and any(set(o) & fields for o in objects)


def _adopt(prop: Schema, value: Json, described: Described, builder: SchemaBuilder) -> None:
    ref = builder.object_ref(described.target, described.name, described.parent)
    kept = {k: prop[k] for k in ("description", SOURCE_KEY) if k in prop}
    prop.clear()
    prop.update({"type": "array", "items": ref} if isinstance(value, list) else {"allOf": [ref]})
    prop.update(kept)


def adopt_string_tables(operations: list[Operation], builder: SchemaBuilder) -> None:
    """Each String field that points at a table: its object where an example shows one,
    else a `string-with-table` report (the table's fields are not in the spec)."""
    if not builder.described:
        return
    adopted: set[SourceKey] = set()
    shown_as_text: set[SourceKey] = set()
    for op in operations:
        for prop, value, key, described in _shown(op, builder.described):
            if prop.get("type") == "string" and _shows_table(value, described):
                _adopt(prop, value, described, builder)
                adopted.add(key)
                builder.diagnose(
                    "doc-defect:shape",
                    f"field {described.field!r} is typed String, yet {described.how()} and "
                    "the example shows that object: the object",
                    key[1],
                )
            elif isinstance(value, str):
                shown_as_text.add(key)
    kept = [  # not adopted, nor a table that is some object's (the row only refers to it)
        (key, described)
        for key, described in builder.described.items()
        if key not in adopted and described.target.key not in builder.used
    ]
    for key, described in kept:
        builder.mark_read(described.target)  # with the tables it links to: reported here
        why = (
            "the example shows text: the table describes the JSON inside the string"
            if key in shown_as_text
            else "no example shows an object there"
        )
        builder.diagnose(
            "string-with-table",
            f"field {described.field!r} is typed String and {described.how()}; {why}. Kept a "
            "string: the table's fields are not in the spec",
            key[1],
        )


def _shown(
    op: Operation, described: dict[SourceKey, Described]
) -> Iterator[tuple[Schema, Json, SourceKey, Described]]:
    """Every example value of a noted String field, with the field's schema and note."""
    for _, body in op.bodies():
        for example in body.examples:
            for _, _, prop, _, value in walk_example(body.schema, example.value, op.schemas, "$"):
                key = _source(prop)
                if key is not None and key in described:
                    yield prop, value, key, described[key]
