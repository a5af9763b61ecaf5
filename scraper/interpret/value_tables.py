"""A field's values listed in a table of their own: "Value | Meaning" rows ("soft | The backup
goes to the recycle bin."), which the field's description points at ("For the values, see
Table 2") or which is titled after the field ("status values").

Such a table holds no fields, so it is no parameter table; its first column is the field's
enum when every cell there is one value of the field's type. A values table no field takes is
reported like any table nothing refers to.
"""

from __future__ import annotations

import re

from doc2openapi.scraper.interpret.columns import Field, is_parameter_table
from doc2openapi.scraper.interpret.constraints.value_words import TOKEN, typed_list
from doc2openapi.scraper.interpret.linker import TableIndex, TableRef
from doc2openapi.scraper.model import Schema
from doc2openapi.scraper.page import Table

Found = tuple[TableRef, str | None] | None  # the values table, and what it contradicts

VALUE_COLUMN = re.compile(
    r"^(?:(?:enum(?:eration|erated)?|valid|possible|allowed|option)\s+)?(?:values?|options?)$",
    re.I,
)
MEANING_COLUMN = re.compile(r"^(?:description|meaning|remarks?|explanation|notes?)$", re.I)
# "Values of status", "status values", "Valid values of the status field": the field's list
LIST_WORDS = re.compile(
    r"\b(?:(?:enum(?:eration|erated)?|valid|possible|allowed)\s+)?(?:values?|options?)\b|"
    r"\b(?:of|the|field|parameter)\b",
    re.I,
)
WORDS_AROUND = re.compile(r"^[`*\"'“]+|[`*\"'”]+$")


def is_value_table(table: Table) -> bool:
    """ "Value | Meaning", "Enumeration Value | Description": a first column of values and
    the others saying what each means."""
    header = [cell.strip() for cell in table.header]
    return (
        len(header) >= 2
        and VALUE_COLUMN.match(header[0]) is not None
        and all(MEANING_COLUMN.match(cell) for cell in header[1:])
        and not is_parameter_table(table)
    )


def listed_in_table(index: TableIndex, schema: Schema, field: Field, ref: TableRef) -> Found:
    """Set the enum of a scalar `schema` (or of its items) from the values table its field
    points at (or is titled after). Returns that table, and what it contradicts (a default
    it does not list, an enum the prose states otherwise, the field's type), which leaves
    the schema as it is."""
    items = schema.get("items")
    if schema.get("type") == "array" and isinstance(items, dict):  # "Array of strings"
        schema = items
    kind = str(schema.get("type"))
    target = _values_table(index, field, ref) if kind in ("string", "integer", "number") else None
    if target is None:
        return None
    cells = [WORDS_AROUND.sub("", row[0].text.strip()) for row in target.table.rows if row]
    values = typed_list(cells, kind) if all(re.fullmatch(TOKEN, c) for c in cells) else None
    stated = schema.get("enum", values or [])
    if not values:
        trouble = f"its first column holds no {kind} values"
    elif sorted(map(str, stated)) != sorted(map(str, values)):
        trouble = f"the description lists {stated!r}, kept"
    elif "default" in schema and schema["default"] not in values:
        trouble = f"it does not list the default {schema['default']!r}; no enum"
    else:
        schema["enum"] = values
        return target, None
    return target, f"field {field.name!r}: values table {target.table.caption!r}: {trouble}"


def _values_table(index: TableIndex, field: Field, ref: TableRef) -> TableRef | None:
    """The values table the field's description points at, else one titled after it."""
    target = index.mentioned(ref.page, field.description.text, field.description.links)
    if target is not None and is_value_table(target.table):
        return target
    titled = (t for t in index.refs(ref.page) if _titled_after(t.table, field.name))
    return next((t for t in titled if is_value_table(t.table)), None)


def _titled_after(table: Table, name: str) -> bool:
    return LIST_WORDS.sub(" ", table.title).lower().split() == [name.lower()]
