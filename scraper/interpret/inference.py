"""Learn from a page's own examples what its tables leave unsaid, and say so in the report.

- Types: a field from a table without a Type column takes the JSON type of its example value.
- The body's root: a wrapper key, a list or a map the examples show around the documented
  object (root_shapes.py).
- Null: a typed field whose example value is null is marked nullable.
- Shape: the nesting the example shows around a documented object (example_shapes.py).

Every inference is a diagnostic of kind "inferred:*", so nothing is silently made up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from doc2openapi.scraper.body_places import ExampleObject, example_objects
from doc2openapi.scraper.interpret.constraints import apply_constraints
from doc2openapi.scraper.interpret.example_fields import (
    TitledTable,
    adopt_example_fields,
    json_type,
    walk_example,
)
from doc2openapi.scraper.interpret.example_levels import set_aside_other_objects
from doc2openapi.scraper.interpret.example_shapes import adopt_example_shape
from doc2openapi.scraper.interpret.nesting import nest_dotted_keys, nest_flat_table
from doc2openapi.scraper.interpret.root_shapes import reshape_root
from doc2openapi.scraper.interpret.shared_objects import detach_shared, reattach_unchanged
from doc2openapi.scraper.interpret.spellings import meant_field
from doc2openapi.scraper.model import SOURCE_KEY, Body, Diagnostic, Json, Operation, Schema
from doc2openapi.scraper.tree import resolve

NULL_ONLY: Schema = {"type": "object", "nullable": True, "enum": [None]}  # just null
EMPTY_STRING: Schema = {"type": "string", "enum": [""]}  # "" where an object is absent


def _make_nullable(prop: Schema) -> bool:
    """Allow null; False if it already was. A $ref cannot carry nullable in OpenAPI 3.0, so
    an object becomes "anyOf: [the object, null]"."""
    if prop.get("nullable") or NULL_ONLY in prop.get("anyOf", []):
        return False
    if "type" in prop:
        prop["nullable"] = True
        return True
    if "allOf" in prop and len(prop["allOf"]) == 1:
        prop["anyOf"] = [prop.pop("allOf")[0], dict(NULL_ONLY)]
        return True
    if "$ref" in prop:
        prop["anyOf"] = [{"$ref": prop.pop("$ref")}, dict(NULL_ONLY)]
        return True
    if "anyOf" in prop:  # a choice of types ("String or Integer"): or null
        prop["anyOf"].append(dict(NULL_ONLY))
        return True
    return False


def _or_empty_string(prop: Schema, schemas: dict[str, Schema]) -> bool:
    """Let an object field be "" too (Nova `"image": ""` for a server booted from a volume);
    False if it is no object (a union already, so this was decided before)."""
    if resolve(prop, schemas).get("type") != "object":
        return False
    kept = {k: prop.pop(k) for k in list(prop) if k in ("description", SOURCE_KEY)}
    inner = dict(prop)
    if "allOf" in inner and len(inner["allOf"]) == 1 and len(inner) == 1:
        inner = inner["allOf"][0]
    prop.clear()
    prop.update({"anyOf": [inner, dict(EMPTY_STRING)]}, **kept)
    return True


def _untyped(prop: Schema) -> bool:
    return not any(k in prop for k in ("type", "$ref", "allOf", "oneOf", "anyOf"))


def _untyped_items(prop: Schema, schemas: dict[str, Schema], value: Json) -> Schema | None:
    """The untyped item schema of an array the example shows as a list of values of one
    JSON type ("Array" in the table; `["a", "b"]` or `[{"key": ..}]` in the example), else
    None. Objects learn their fields later, as fieldless objects do."""
    target = resolve(prop, schemas)
    items = target.get("items")
    if target.get("type") != "array" or not isinstance(items, dict) or not _untyped(items):
        return None
    if not isinstance(value, list) or not value:
        return None
    kinds = {type(v) for v in value}
    return items if len(kinds) == 1 and kinds <= {str, int, float, bool, dict} else None


def _objects(body: Body, value: Json, schemas: dict[str, Schema]) -> Iterator[ExampleObject]:
    """(path, example object, object schema) for every documented object in the example,
    list items as `[]`, the first 20 of each list."""
    return example_objects(value, body.schema, schemas, indexed=False, items=20)


NAME_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def _example_spelling_wins(
    shown: str, documented: str, vocabulary: frozenset[str], siblings: set[str]
) -> bool:
    """Which of two spellings of one field to believe. A plural slip goes to the example
    (`versions` documented, `version` on the wire). A letter the example drops
    (`update_at` for `updated_at`) is the example's typo. Spellings of the same letters in
    two case styles (`Name`, `name`; `regionId`, `region_id`) go to the one written in the
    style of the example's other keys: one object's keys share a style. Otherwise
    the example wins when every word of its spelling occurs in the page's prose and tables."""
    if shown + "s" == documented or documented + "s" == shown:
        return True
    if _letters(shown) == _letters(documented) and _case_style(shown) != _case_style(documented):
        styles = [_case_style(key) for key in siblings]
        return styles.count(_case_style(shown)) >= styles.count(_case_style(documented))
    if len(shown) + 1 == len(documented) and SequenceMatcher(None, shown, documented).ratio() > 0.9:
        return False
    words = [w.lower() for w in NAME_WORDS.findall(shown)]
    return bool(words) and all(w in vocabulary for w in words)


def _letters(name: str) -> str:
    """A name without case or word separators: `regionId` and `region_id` are `regionid`."""
    return "".join(c for c in name if c not in "_-").lower()


def _case_style(name: str) -> tuple[bool, bool]:
    """Whether a name starts upper-case, and whether it has capitals after: `name`,
    `Name`, `userId` and `UserId` are four styles."""
    return name[:1].isupper(), any(c.isupper() for c in name[1:])


def _rename_to_example(
    target: Schema,
    shown: list[dict[str, Json]],
    vocabulary: frozenset[str],
    schemas: dict[str, Schema],
) -> list[tuple[str, str]]:
    """Where the examples (`shown`: each one's object here) and the table name one field
    differently, the examples' name is kept (captured from the live API) with the table's
    type and description."""
    properties: dict[str, Schema] = target["properties"]
    every = set.intersection(*(set(value) for value in shown))
    ever = set.union(*(set(value) for value in shown))
    unshown = {name: prop for name, prop in properties.items() if name not in ever}
    renames = []
    for key in sorted(k for k in every if k not in properties):
        value = next(value[key] for value in shown)
        documented = meant_field(key, value, unshown, schemas)
        if documented is None or not _example_spelling_wins(
            key, documented, vocabulary, every - {key}
        ):
            continue
        _rename(target, documented, key)
        del unshown[documented]
        renames.append((documented, key))
    return renames


def _rename(target: Schema, documented: str, shown: str) -> None:
    """The object's field `documented` named `shown`, in its place and required as it was."""
    target["properties"] = {
        (shown if name == documented else name): prop for name, prop in target["properties"].items()
    }
    if documented in target.get("required", []):
        target["required"] = [shown if r == documented else r for r in target["required"]]


def _rename_fields(body: Body, op: Operation, vocabulary: frozenset[str]) -> list[str]:
    """Field names the examples spell differently from the tables, decided once per object
    over every example (they must agree), as (path, documented, shown) messages."""
    seen: dict[int, tuple[str, Schema, list[dict[str, Json]]]] = {}
    for example in body.examples:
        for path, value, target in _objects(body, example.value, op.schemas):
            seen.setdefault(id(target), (path, target, []))[2].append(value)
    messages = []
    for path, target, shown in seen.values():
        for documented, spelt in _rename_to_example(target, shown, vocabulary, op.schemas):
            messages.append(
                f"the table names {path}.{documented} {documented!r}, the example "
                f"{spelt!r}; the example's name is used"
            )
    return messages


def _learn_field(prop: Schema, value: Json, schemas: dict[str, Schema]) -> tuple[str, str] | None:
    """What one example value teaches about its field's schema, applied: (diagnostic kind,
    the rest of its message after the field's path), or None."""
    if (shape := adopt_example_shape(prop, value, schemas)) is not None:
        return "doc-defect:shape", f": the example shows {shape}; the example's shape is used"
    if value is None:
        return ("inferred:nullable", " is null in the example") if _make_nullable(prop) else None
    if value == "" and _or_empty_string(prop, schemas):
        return (
            "inferred:empty",
            ' is "" in the example where the table says an object: the object or ""',
        )
    if (items := _untyped_items(prop, schemas, value)) is not None:
        items.update(json_type(value[0]) or {})
        return (
            "inferred:type",
            f" is an array with no item type; {items['type']} items from the example",
        )
    if _untyped(prop) and (guess := json_type(value)) is not None:
        prop.update(guess)
        return "inferred:type", f" has no documented type; {guess['type']} from the example" + (
            _typed_constraints(prop)
        )
    return None


def _typed_constraints(prop: Schema) -> str:
    """A table without a Type column: what its description states ("Minimum: 1", a regular
    expression) could only be read once the example gave the type; read it now (the
    examples are checked against it later, like any other keyword), and say so."""
    found = apply_constraints(prop, str(prop.get("description", "")))
    read = f"; then its description's {', '.join(sorted(found.extracted))}" * bool(found.extracted)
    return read + "".join(f"; {conflict}" for conflict in found.conflicts)


def refine_with_examples(
    op: Operation,
    vocabulary: frozenset[str] = frozenset(),
    names: frozenset[str] = frozenset(),
    titled: TitledTable = lambda name, value, role: None,
) -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    for label, body in op.bodies():
        if not body.examples:
            continue
        copies = detach_shared(body, op, label)  # what this side's examples teach is its own
        diagnostics += _refine_body(body, op, label, vocabulary, names, titled)
        reattach_unchanged(body, op, copies)
    return diagnostics


def _refine_body(
    body: Body,
    op: Operation,
    label: str,
    vocabulary: frozenset[str],
    names: frozenset[str],
    titled: TitledTable,
) -> list[Diagnostic]:
    """What one body's examples teach its schema, applied; the diagnostics saying so."""
    diagnostics: list[Diagnostic] = []
    for reshaped in (
        *reshape_root(body, op, label),
        nest_flat_table(body, op, label),
        nest_dotted_keys(body, op, label),
    ):
        if reshaped is not None:
            diagnostics.append(reshaped)
    diagnostics += set_aside_other_objects(body, op, label)  # before they teach anything
    for message in _rename_fields(body, op, vocabulary):
        diagnostics.append(
            Diagnostic(op.source, "doc-defect:field-name", f"{op.operation_id} {label}: {message}")
        )
    for example in body.examples:
        for path, _parent, prop, _name, value in walk_example(
            body.schema, example.value, op.schemas, "$"
        ):
            if (learnt := _learn_field(prop, value, op.schemas)) is not None:
                kind, what = learnt
                diagnostics.append(
                    Diagnostic(op.source, kind, f"{op.operation_id} {label}: {path}{what}")
                )
    diagnostics += [  # before the example's own fields join: only the tables' count
        Diagnostic(op.source, "doc-defect:mandatory", f"{op.operation_id} {label}: {m}")
        for m in _relax_required(body, op)
    ]
    diagnostics += adopt_example_fields(body, op, label, names, titled)
    return diagnostics


def _relax_required(body: Body, op: Operation) -> list[str]:
    """A field its table marks mandatory that an example of the page leaves out is not
    required: the example is evidence, the Mandatory column a claim it refutes. Only an
    object all of whose keys the table documents counts (not another form of the body,
    nor another API's walkthrough)."""
    messages = []
    for example in body.examples:
        for path, value, target in _objects(body, example.value, op.schemas):
            required = target.get("required") or []
            missing = [name for name in required if name not in value]
            if not missing or not set(value) <= set(target["properties"]):
                continue
            kept = [name for name in required if name in value]
            if kept:
                target["required"] = kept
            else:
                target.pop("required")
            messages += [
                f"{path}.{name} is mandatory in its table, but an example leaves it out; "
                "not required"
                for name in missing
            ]
    return messages
