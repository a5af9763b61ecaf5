"""Turn parameter tables into OpenAPI schemas: one named object per table, linked by $ref."""

from __future__ import annotations

import re
from collections import Counter

from doc2openapi.scraper.interpret.columns import (
    Field,
    body_fields,
    is_parameter_table,
    read_fields,
)
from doc2openapi.scraper.interpret.component_names import (
    context_word,
    field_context_name,
    fit,
    type_name,
)
from doc2openapi.scraper.interpret.constraints import apply_constraints
from doc2openapi.scraper.interpret.constraints.stated_type import stated_type
from doc2openapi.scraper.interpret.constraints.structure import readable
from doc2openapi.scraper.interpret.dotted_rows import nest_dotted_rows
from doc2openapi.scraper.interpret.field_tables import find_table
from doc2openapi.scraper.interpret.linker import TableIndex, TableRef
from doc2openapi.scraper.interpret.string_tables import Described, SourceKey, described_table
from doc2openapi.scraper.interpret.types import (
    PRIMITIVES,
    AnyType,
    ArrayType,
    ChoiceType,
    MapType,
    ObjectType,
    Primitive,
    TypeExpr,
    UnknownType,
    misspelled_primitive,
    parse_type,
)
from doc2openapi.scraper.interpret.unresolved import unresolved_reason
from doc2openapi.scraper.interpret.value_tables import listed_in_table
from doc2openapi.scraper.model import (
    REF_PREFIX,
    SOURCE_KEY,
    ConstraintCounts,
    Diagnostic,
    Operation,
    PageResult,
    Schema,
)
from doc2openapi.scraper.page import Page, squash


class SchemaBuilder:
    """Builds the named schemas of one operation; tables already built are reused by $ref."""

    def __init__(self, index: TableIndex, page: Page, operation_id: str) -> None:
        self.index = index
        self.page = page
        self.operation_id = operation_id
        self.schemas: dict[str, Schema] = {}
        self.diagnostics: list[Diagnostic] = []
        self.used: set[tuple[str, int]] = set()
        self.located: set[tuple[str, int]] = set()  # request tables with rows outside the body
        self.stated: Counter[str] = Counter()
        self.extracted: Counter[str] = Counter()
        self._names: dict[tuple[str, int], str] = {}
        self._context: dict[tuple[str, int], str] = {}  # the word a table's fields go under
        self._bodies: dict[str, str] = {}  # bodies no one table describes: key -> name
        self.described: dict[SourceKey, Described] = {}  # String rows pointing at a table

    def tables(self) -> dict[str, tuple[str, int]]:
        """Schema name -> the table (TableRef.key) it is built from."""
        return {name: key for key, name in self._names.items()}

    def page_result(self, operations: list[Operation]) -> PageResult:
        """The page's verdict: its operations, with what building them reported."""
        return PageResult(
            self.page.source,
            "operations",
            self.page.title,
            operations=operations,
            diagnostics=sorted(set(self.diagnostics)),
            constraints=ConstraintCounts(
                dict(sorted(self.stated.items())), dict(sorted(self.extracted.items()))
            ),
        )

    def diagnose(self, kind: str, reason: str, table: str = "") -> None:
        self.diagnostics.append(Diagnostic(self.page.source, kind, reason, table))

    def object_ref(self, ref: TableRef, preferred: str, parent: TableRef | None = None) -> Schema:
        """A $ref to the component for `ref`'s table, building it on first use. A name
        another table of the page has goes after the parent's (`server` in the request and
        in the response: Server, CreateServerResponseServer), never a number if avoidable."""
        name = self._names.get(ref.key)
        if name is None:
            within = self._names.get(parent.key, "") if parent is not None else ""
            name = self._unique(preferred, within)
            self._names[ref.key] = name
            self._context[ref.key] = context_word(name)
            self.used.add(ref.key)
            self.schemas[name] = {}  # placeholder: a table that refers to itself ends here
            self.schemas[name] = self._object(ref)
        return {"$ref": REF_PREFIX + name}

    def mark_read(self, ref: TableRef) -> None:
        """Count `ref`'s table and every table it links to as read, keeping nothing built: a
        body left out (a 204's) is reported once, as the body, not again table by table."""
        scratch = SchemaBuilder(self.index, self.page, self.operation_id)
        scratch.object_ref(ref, self.operation_id)
        self.used |= scratch.used

    def named_ref(self, key: str, preferred: str, schema: Schema) -> Schema:
        """A $ref to the component holding `schema`, a body no one table describes (`key`
        names it on the page: "request", "200 response"), made on first use, as
        `object_ref` makes a table's: the page's endpoints share it."""
        name = self._bodies.get(key)
        if name is None:
            name = self._bodies[key] = self._unique(preferred)
            self.schemas[name] = schema
        return {"$ref": REF_PREFIX + name}

    def _unique(self, preferred: str, within: str = "") -> str:
        base = fit(preferred or self.operation_id + "Object")
        parent = within.rstrip("0123456789")
        if base in self.schemas and parent and not base.startswith(parent):
            base = fit(parent + base)
        name, n = base, 2
        while name in self.schemas:
            name, n = f"{base}{n}", n + 1
        return name

    def object_schema(self, ref: TableRef) -> Schema:
        """The object a table describes, built in place (no component of its own)."""
        return self._object(ref)

    def _object(self, ref: TableRef) -> Schema:
        fields = body_fields(ref.table, located=ref.key in self.located)
        if len(fields) == 1 and fields[0].stands_for_the_body:
            whole = self.field_schema(fields[0], ref)
            if whole.get("type") == "array":  # "Array elements | Array of objects": a list body
                self.diagnose(
                    "inferred:root-array",
                    f"the only row, {fields[0].name!r}, names no field: the body is the array",
                    ref.table.caption,
                )
                return whole
        properties: dict[str, Schema] = {}
        required: list[str] = []
        any_key: Schema | None = None
        for field in fields:
            if field.any_key:  # a map: the row names its keys in prose
                any_key = self.field_schema(field, ref)
                continue
            if field.name in properties:
                self.diagnose(
                    "duplicate-field", f"field {field.name!r} listed twice", ref.table.caption
                )
                continue
            properties[field.name] = self.field_schema(field, ref)
            if field.required:
                required.append(field.name)
        schema: Schema = {"type": "object", "properties": properties}
        if required:
            schema["required"] = required
        nest_dotted_rows(schema)
        if any_key is not None:
            schema["additionalProperties"] = any_key
        return schema

    def field_schema(self, field: Field, ref: TableRef, typed_here: bool = True) -> Schema:
        """The row's schema; one with no type takes the type its description states, unless
        its caller types it (`typed_here` False: a parameter, text on the wire)."""
        expr = parse_type(field.type.text) if field.type is not None else AnyType()
        schema = self._expr(expr, field, ref)
        if not schema and isinstance(expr, AnyType) and typed_here:
            schema = self._typed_by_values(field, ref)
        if isinstance(expr, Primitive) and schema.get("type") == "string":
            self._note_described(field, ref)
        description = field.description.text.strip()
        found = apply_constraints(schema, description, field.name)
        self._listed_in_table(schema, field, ref)
        if found.items_from_list:
            why = "array with no item type; string items, the values its description lists"
            self.diagnose("inferred:items", f"field {field.name!r}: {why}", ref.table.caption)
        for conflict in found.conflicts:
            self.diagnose("constraint:conflict", f"field {field.name!r}: {conflict}",
                          ref.table.caption)  # fmt: skip
        self.stated.update(found.stated)
        self.extracted.update(found.extracted & found.stated)
        if "$ref" in schema:  # 3.0 ignores siblings of $ref: wrap to keep description, source
            schema = {"allOf": [schema]}
        if field.deprecated:
            schema["deprecated"] = True
        if description:
            schema["description"] = readable(description)
        schema[SOURCE_KEY] = {"file": ref.page.source, "table": ref.table.caption, "row": field.row}
        return schema

    def _typed_by_values(self, field: Field, ref: TableRef) -> Schema:
        """ "Enum", or no type at all: the type of the values the description lists ("The
        value can be fast or slow.", "true or false"), or of the range or length it states;
        else nothing, left to the examples (and reported if they give none)."""
        found = stated_type(field.description.text)
        if found is None:
            return {}
        kind, why = found
        self.diagnose(
            "inferred:type",
            f"field {field.name!r} has no type of its own; {kind}, as {why}",
            ref.table.caption,
        )
        return {"type": kind}

    def _note_described(self, field: Field, ref: TableRef) -> None:
        """A String row whose description points at a table: the examples decide later."""
        if (found := described_table(self.index, field, ref)) is not None:
            target, titled = found
            name = self._component_name(None, field, target, ref)
            key = (ref.page.source, ref.table.caption, field.row)
            self.described.setdefault(key, Described(field.name, target, name, ref, titled))

    def _listed_in_table(self, schema: Schema, field: Field, ref: TableRef) -> None:
        """A scalar whose values a "Value | Meaning" table lists."""
        if (found := listed_in_table(self.index, schema, field, ref)) is not None:
            self.used.add(found[0].key)
            if found[1]:
                self.diagnose("constraint:conflict", found[1], ref.table.caption)

    def _expr(self, expr: TypeExpr, field: Field, ref: TableRef) -> Schema:
        match expr:
            case Primitive() | ChoiceType():
                return expr.as_schema()
            case ArrayType(items=items):
                return {"type": "array", "items": self._expr(items, field, ref)}
            case MapType(values=AnyType()):
                return {"type": "object", "additionalProperties": True}
            case MapType(values=values):
                return {"type": "object", "additionalProperties": self._expr(values, field, ref)}
            case ObjectType(name=name, implied=implied):
                return self._object_type(name, implied, field, ref)
            case AnyType():
                if variants := self._variants(field, ref):
                    return variants
                return self._table_ref(None, field, ref) or {}
            case UnknownType():
                self._unknown_type(field, ref)
                return {}
        raise AssertionError(expr)  # pragma: no cover - the match is exhaustive

    def _object_type(self, name: str | None, implied: bool, field: Field, ref: TableRef) -> Schema:
        """ "ExportParams object", "Object", a bare "jobs": the tables the description links case
        by case, else the table found for it. A bare name no table describes is no type."""
        if (name is None or implied) and (variants := self._variants(field, ref)):
            return variants
        if (found := self._table_ref(name, field, ref)) is not None:
            return found
        if implied and name is not None and name.lower() in PRIMITIVES:  # "Time object"
            return dict(PRIMITIVES[name.lower()])  # and no table "Time": the plain type
        if implied and name is not None and (meant := misspelled_primitive(name)) is not None:
            schema = meant.as_schema()
            self.diagnose(
                "doc-defect:type",
                f"field {field.name!r}: type {name!r} is read as {schema['type']}",
                ref.table.caption,
            )
            return schema
        if implied:  # "master_eip | master_eip": a name, and no table has it
            self._unknown_type(field, ref, "names no table of the page nor a type")
            return {}
        if (reason := unresolved_reason(field, name)) is not None:
            self.diagnose("unresolved-object", reason, ref.table.caption)
        return {"type": "object"}

    def _table_ref(self, name: str | None, field: Field, ref: TableRef) -> Schema | None:
        """A $ref to the table describing the field's object, when one is found."""
        target = find_table(self.index, name, field, ref, self.diagnose)
        if target is None:
            return None
        if not is_parameter_table(target.table):  # reported as unknown-table: not read
            self.diagnose(
                "unresolved-object",
                f"field {field.name!r}: its table, {target.table.caption!r}, has columns "
                "not understood; an object of no documented fields",
                ref.table.caption,
            )
            return {"type": "object"}
        return self.object_ref(target, self._component_name(name, field, target, ref), ref)

    def _unknown_type(self, field: Field, ref: TableRef, why: str = "not understood") -> None:
        assert field.type is not None
        self.diagnose(
            "unknown-type",
            f"field {field.name!r}: type {squash(field.type.text)!r} {why}; left to examples",
            ref.table.caption,
        )

    def _variants(self, field: Field, ref: TableRef) -> Schema | None:
        """ "If infer_type is real-time, see Table 3. If it is batch, see Table 4.": a field
        whose description links, case by case, to several tables is any one of them."""
        text = field.description.text
        if len(CONDITION.findall(text)) < 2:
            return None
        targets: dict[tuple[str, int], TableRef] = {}
        for link in field.description.links:
            target = self.index.by_link(link, ref.page)
            if target is not None and target.key != ref.key and read_fields(target.table):
                targets.setdefault(target.key, target)
        if len(targets) < 2:
            return None
        self.diagnose(
            "inferred:variants",
            f"field {field.name!r}: {len(targets)} tables, one per case the description names",
            ref.table.caption,
        )
        return {
            "anyOf": [
                self.object_ref(t, self._component_name(None, field, t, ref), ref)
                for t in targets.values()
            ]
        }

    def _component_name(
        self, name: str | None, field: Field, target: TableRef, parent: TableRef
    ) -> str:
        given = type_name(name) if name else None
        if given:
            return given
        from_title = type_name(target.table.title)
        if from_title:
            return from_title
        return field_context_name(self._context.get(parent.key, ""), field.name)


CONDITION = re.compile(r"\b(?:if|when)\b", re.I)
