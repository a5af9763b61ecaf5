"""Fields a page's example shows and its tables leave out, taken into the schema.

Examples are usually captured from the live API and tables typed by hand, so a key the
example sends under a documented object is a field the table forgot: it joins the object,
typed by the example's value, and the report names it as `doc-defect:undocumented-field`.
An object the table types without fields ("Object" with no table of its own) takes the
example's keys only when the page's prose or tables name every one of them: a key the page
never names is data (a map of user metadata), not a field, said as `inferred:map`. The items
of a list ("Array of objects" with no table) are records: they take the keys the example
shows, named or not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from doc2openapi.scraper.interpret.spellings import meant_field
from doc2openapi.scraper.model import Body, Diagnostic, Json, Operation, Schema
from doc2openapi.scraper.tree import reachable_schemas, resolve_shown

MAX_DEPTH = 32
ITEMS_READ = 20  # list items of an example that are looked at
SHOWN_ONLY = "Shown in the page's example; no table documents it."
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:[.-][A-Za-z0-9_]+)*")


def page_names(texts: list[str]) -> frozenset[str]:
    """Every identifier-like token of the page's prose and tables (`resource_name`, `key`)."""
    return frozenset(token for text in texts for token in NAME.findall(text))


JSON_TYPES: list[tuple[type, Schema]] = [
    (bool, {"type": "boolean"}),  # before int: a bool is an int to Python
    (int, {"type": "integer"}),
    (float, {"type": "number"}),
    (str, {"type": "string"}),
    (list, {"type": "array", "items": {}}),
    (dict, {"type": "object"}),
]


def walk_example(
    schema: Schema, value: Json, schemas: dict[str, Schema], where: str, depth: int = 0
) -> Iterator[tuple[str, Schema, Schema, str, Json]]:
    """(path, parent object schema, property schema, property name, value) along the example,
    into the branch of a union the value shows."""
    if depth > 64:
        return
    target = resolve_shown(schema, schemas, value)
    if isinstance(value, dict) and isinstance(target.get("properties"), dict):
        for key, item in value.items():
            prop = target["properties"].get(key)
            if isinstance(prop, dict):
                yield f"{where}.{key}", target, prop, key, item
                yield from walk_example(prop, item, schemas, f"{where}.{key}", depth + 1)
    elif isinstance(value, list) and isinstance(target.get("items"), dict):
        for item in value[:20]:
            yield from walk_example(target["items"], item, schemas, f"{where}[]", depth + 1)


def json_type(value: Json) -> Schema | None:
    """The JSON type of one example value, as a fresh schema; None for null."""
    for cls, schema in JSON_TYPES:
        if isinstance(value, cls):
            return {k: (dict(v) if isinstance(v, dict) else v) for k, v in schema.items()}
    return None


def example_schema(values: list[Json]) -> Schema:
    """The schema a body's examples show together, where no table documents the body."""
    schema: Schema = {}
    for value in values:
        schema = _widen(schema, _value_schema(value))
    return schema


def _value_schema(value: Json, depth: int = 0) -> Schema:
    """The schema an example value shows: its JSON type, objects and lists all the way down."""
    if isinstance(value, list):
        items: Schema = {}
        for item in value[:ITEMS_READ]:
            items = _widen(items, _value_schema(item, depth + 1))
        return {"type": "array", "items": items}
    if isinstance(value, dict):
        if depth >= MAX_DEPTH:
            return {}
        return {
            "type": "object",
            "properties": {str(k): _value_schema(v, depth + 1) for k, v in value.items()},
        }
    return json_type(value) or {}  # null: nothing known but that it may be absent


def _widen(known: Schema, shown: Schema) -> Schema:
    """One schema for two example values of a field: integer and number give number,
    objects merge their keys, any other disagreement leaves the type open. A null says
    nothing, so a field first seen as null takes the type it shows next."""
    if not shown:
        return known
    if "type" not in known:
        return shown | known
    kinds = {known.get("type"), shown.get("type")}
    if len(kinds) == 1:
        if known.get("type") == "object":
            for key, sub in shown.get("properties", {}).items():
                props = known.setdefault("properties", {})
                props[key] = _widen(props[key], sub) if key in props else sub
        elif known.get("type") == "array":
            known["items"] = _widen(known.get("items") or {}, shown.get("items") or {})
        return known
    if kinds == {"integer", "number"}:
        known["type"] = "number"
        return known
    return {k: v for k, v in known.items() if k == "description"}


# A field the example shows and no row names -> the object of a table titled after it
TitledTable = Callable[[str, Json, str], Schema | None]  # name, value, body's role


@dataclass
class _Adopter:
    """Walks each example beside its schema, adding what the example shows and no table has."""

    schemas: dict[str, Schema]
    names: frozenset[str]
    documented: frozenset[str]  # every field name the body's tables give, at any depth
    titled: TitledTable = field(default=lambda name, value, role: None)
    role: str = "response"
    added: dict[int, Schema] = field(default_factory=dict)  # schemas made here, by id
    # objects documented without fields, by id: where, and the keys the examples gave them
    fieldless: dict[int, tuple[str, list[str]]] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    slips: list[str] = field(default_factory=list)  # near misses of a documented name
    maps: dict[str, str] = field(default_factory=dict)  # fieldless objects keyed by data

    def value(self, schema: Schema, value: Json, where: str, depth: int) -> None:
        if depth > MAX_DEPTH:
            return
        target = resolve_shown(schema, self.schemas, value)
        if isinstance(value, list) and isinstance(target.get("items"), dict):
            for item in value[:ITEMS_READ]:
                self.value(target["items"], item, f"{where}[]", depth + 1)
        elif isinstance(value, dict) and value:
            self.members(target, value, where, depth)

    def members(self, target: Schema, value: dict[str, Json], where: str, depth: int) -> None:
        properties = target.get("properties")
        if not self._takes_fields(target, value, where):
            return
        announce = isinstance(properties, dict) and id(target) not in self.fieldless
        if not isinstance(properties, dict):
            properties = target["properties"] = {}
            self.fieldless[id(target)] = (where, [])
        if id(target) in self.fieldless:
            self.fieldless[id(target)][1].extend(str(key) for key in value if key not in properties)
        unshown = [name for name in properties if name not in value]
        another = announce and self._another_object(properties, value)
        for key, item in value.items():
            prop = properties.get(key)
            if isinstance(prop, dict):
                if id(prop) in self.added:
                    properties[key] = _widen(prop, _value_schema(item))
                    self.added[id(properties[key])] = properties[key]
                else:
                    self.value(prop, item, f"{where}.{key}", depth + 1)
            elif not another:  # else the example shows another object here: no fields of it
                self.undocumented(properties, where, key, item, announce, unshown)

    def undocumented(
        self,
        properties: dict[str, Schema],
        where: str,
        key: str,
        item: Json,
        announce: bool,
        unshown: list[str],
    ) -> None:
        """A key of the example object at `where` that no row of the object names: the page's
        table titled after it, nothing (a name of another level, or a near miss), or the
        example's own field."""
        path = f"{where}.{key}"
        if announce and (table := self.titled(key, item, self.role)) is not None:
            properties[key] = table  # the page's own table outweighs a row elsewhere
            self.messages.append(
                f"the example has {path}, which no row here names; the page's table "
                "titled after it is its object"
            )
            return
        if announce and key in self.documented:
            return  # documented at another level: the example's slip
        unshown_fields = {name: properties[name] for name in unshown}
        if announce and (meant := meant_field(key, item, unshown_fields, self.schemas)):
            slip = f"the example has {path}, where the table names {meant!r}; the example's slip"
            if slip not in self.slips:
                self.slips.append(slip)
            return
        made = properties[key] = _value_schema(item) | {"description": SHOWN_ONLY}
        self.added[id(made)] = made
        if announce:
            self.messages.append(
                f"the example has {path}, which no table mentions; added as "
                f"{made.get('type', 'untyped')} from the example"
            )

    def _another_object(self, properties: dict[str, Schema], value: dict[str, Json]) -> bool:
        """Whether more of the example object's keys are fields of other levels than of this
        one (a list page whose example shows one item of the list, not the list's body)."""
        here = sum(1 for key in value if key in properties)
        elsewhere = sum(1 for key in value if key not in properties and key in self.documented)
        return elsewhere > here

    def _takes_fields(self, target: Schema, value: dict[str, Json], where: str) -> bool:
        """A documented object takes any key; a fieldless list item too (a record); another
        fieldless object only keys the page names, else its keys are data, said once."""
        if any(k in target for k in ("oneOf", "anyOf", "allOf", "$ref", "additionalProperties")):
            return False
        if target.get("properties") and id(target) not in self.fieldless:
            return True
        if target.get("type") != "object":
            return False
        if where.endswith("[]") or all(str(key) in self.names for key in value):
            return True
        unnamed = sorted(str(key) for key in value if str(key) not in self.names)
        self.maps.setdefault(
            where,
            f"{where} is documented as an object without fields, and the example's keys "
            f"{', '.join(unnamed[:5])}{', ...' if len(unnamed) > 5 else ''} are named nowhere "
            "on the page: they are data (a map), not fields",
        )
        return False


def _field_names(schema: Schema, schemas: dict[str, Schema]) -> frozenset[str]:
    """The names of every property a body schema documents, through refs, items and unions."""
    return frozenset(
        name for node in reachable_schemas(schema, schemas) for name in node.get("properties") or {}
    )


def adopt_example_fields(
    body: Body, op: Operation, label: str, names: frozenset[str], titled: TitledTable
) -> Iterator[Diagnostic]:
    """Add to a body's schema the fields its examples show and its tables leave out (from
    a table titled after the field, where the page has one: titled_tables.py)."""
    role = "request" if label == "request body" else "response"
    adopter = _Adopter(op.schemas, names, _field_names(body.schema, op.schemas), titled, role)
    for example in body.examples:
        if isinstance(example.value, dict | list):
            adopter.value(body.schema, example.value, "$", 0)
    for where, keys in adopter.fieldless.values():
        yield Diagnostic(
            op.source,
            "doc-defect:undocumented-field",
            f"{op.operation_id} {label}: {where} is documented as an object without fields; "
            f"the fields the examples show ({', '.join(sorted(keys))}) are taken from them",
        )
    for message in adopter.messages:
        yield Diagnostic(
            op.source, "doc-defect:undocumented-field", f"{op.operation_id} {label}: {message}"
        )
    for slip in adopter.slips:
        yield Diagnostic(op.source, "doc-defect:field-name", f"{op.operation_id} {label}: {slip}")
    for data in adopter.maps.values():
        yield Diagnostic(op.source, "inferred:map", f"{op.operation_id} {label}: {data}")
