"""Check the examples against their schemas.

An example that contradicts its schema is a doc defect: it is reported and left out of the
spec, so the spec never carries an example its own schema rejects.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, cast

from jsonschema.exceptions import ValidationError, relevance
from openapi_schema_validator import OAS30Validator, OAS31Validator

from doc2openapi.scraper.body_places import (
    ExampleObject,
    documented_at,
    example_objects,
    object_places,
)
from doc2openapi.scraper.interpret.constraints.evidence import contradicted, drop_keyword
from doc2openapi.scraper.interpret.spellings import meant_field
from doc2openapi.scraper.interpret.xml_bodies import NotXml, is_xml_media, xml_value
from doc2openapi.scraper.model import SOURCE_KEY, Diagnostic
from doc2openapi.scraper.tree import action_holders, media_entries


def undocumented_fields(
    objects: Iterable[ExampleObject], components: dict[str, Any]
) -> Iterator[tuple[str, str]]:
    """(path, name) of each example field that no table mentions where it stands; not another
    spelling of a field the object leaves out (`regionId` for `region_id`): the interpreter
    names that slip as `doc-defect:field-name`."""
    for where, value, schema in objects:
        if schema.get("additionalProperties"):
            continue
        unshown = {k: v for k, v in schema["properties"].items() if k not in value}
        for key, item in value.items():
            if (
                key not in schema["properties"]
                and meant_field(key, item, unshown, components) is None
            ):
                yield f"{where}.{key}", key


def _path(error: ValidationError) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)


def _closest_alternative(
    error: ValidationError, page: str = ""
) -> tuple[int, list[ValidationError]] | None:
    """For an example that fits none of several alternatives (pages merged into one method
    and path), its own page's alternative (`page`: the example's file) and its errors, else
    the one it comes closest to (the fewest errors); None for any other error."""
    branches: dict[int, list[ValidationError]] = {}
    if error.validator in ("anyOf", "oneOf"):
        for inner in error.context or []:
            branches.setdefault(int(inner.relative_schema_path[0]), []).append(inner)
    if not branches:
        return None
    own = {i: errors for i, errors in branches.items() if _from_page(errors, page)}
    return min((own or branches).items(), key=lambda item: (len(item[1]), item[0]))


def _from_page(errors: list[ValidationError], page: str) -> bool:
    """Do the errors lie in schemas documented on `page` (their fields' provenance)?"""
    for error in errors if page else []:
        schema = error.schema if isinstance(error.schema, dict) else {}
        fields = [
            schema,
            *(v for v in schema.get("properties", {}).values() if isinstance(v, dict)),
        ]
        if any((f.get(SOURCE_KEY) or {}).get("file") == page for f in fields):
            return True
    return False


def _own_errors(
    errors: Iterable[ValidationError], page: str = "", *, fields_too: bool = False
) -> Iterator[ValidationError]:
    """The errors, a failed choice among the body's alternatives (merged pages: an example
    comes from one of them) replaced by the errors of the example's own page's alternative,
    or the one it comes closest to. A field's alternatives (an object or null) are no one
    page's: left whole, unless `fields_too` (to name every place an example fails)."""
    for error in errors:
        opened = fields_too or not error.absolute_path
        closest = _closest_alternative(error, page) if opened else None
        if closest is None:
            yield error
        else:
            yield from _own_errors(closest[1], page, fields_too=fields_too)


def _explain(error: ValidationError, page: str = "") -> str:
    """Where and why an example fails; for a failed choice among alternatives, why it
    fails its own page's, or the closest."""
    found = _closest_alternative(error, page)
    if found is None:
        return f"{_path(error)}: {error.message[:300]}"
    closest, errors = found
    count = len(error.validator_value) if isinstance(error.validator_value, list) else "its"
    return (
        f"{_path(error)} fits none of {count} alternatives; "
        f"against #{closest + 1} (its page's, else the closest): {_explain(_first(errors), page)}"
    )


def _first(errors: list[ValidationError]) -> ValidationError:
    return min(errors, key=lambda e: (len(e.absolute_path), str(e.absolute_path)))


def _elsewhere(
    errors: list[ValidationError], shown: ValidationError, page: str, order: dict[str, int]
) -> str:
    """The other places (paths) the example fails at, in the example's order, so that one
    report names them all: within a failed choice, those of the alternative explained."""
    while (found := _closest_alternative(shown, page)) is not None:
        shown = _first(found[1])  # where `_explain` ends
    places = dict.fromkeys(_path(e) for e in _own_errors(errors, page, fields_too=True))
    placed = sorted(places, key=lambda place: order.get(place, len(order)))
    others = [place for place in placed if place != _path(shown)]
    if not others:
        return ""
    more = f" and {len(others) - 3} more" if len(others) > 3 else ""
    return f" (also at {', '.join(others[:3])}{more})"


def example_order(value: Any) -> dict[str, int]:
    """Each path of an example ("$.a[0].b"), numbered in the order the example shows it, so
    that reports name places the same way on every run."""
    order: dict[str, int] = {}
    todo: list[tuple[str, Any]] = [("$", value)]
    while todo:
        path, node = todo.pop()
        order.setdefault(path, len(order))
        if isinstance(node, dict):
            todo += reversed([(f"{path}.{key}", item) for key, item in node.items()])
        elif isinstance(node, list):
            todo += reversed([(f"{path}[{i}]", item) for i, item in enumerate(node)])
    return order


def in_example_order(
    errors: Iterable[ValidationError], order: dict[str, int]
) -> list[ValidationError]:
    """The errors by where they are in the example: jsonschema gives a map's in the order of
    a set, which changes from run to run."""
    return sorted(errors, key=lambda error: order.get(_path(error), len(order)))


def _null_among_values(error: ValidationError) -> bool:
    """A null example value of a nullable field with listed values says "no value yet", not
    "another value": null joins the list (OAS 3.0.3 spells a nullable enum so) and the list
    stays."""
    schema = error.schema
    if error.validator != "enum" or error.instance is not None or not isinstance(schema, dict):
        return False
    if schema.get("nullable") is not True or not isinstance(schema.get("enum"), list):
        return False
    if None not in schema["enum"]:  # one pass may meet the same shared schema twice
        schema["enum"].append(None)
    return True


def _drop_contradicted_constraints(
    validator_cls: Any,
    root: dict[str, Any],
    value: Any,
    source: str,
    label: str,
    order: dict[str, int],
) -> list[Diagnostic]:
    """A keyword taken from prose (or a format from the type column) that the docs' own
    example contradicts is removed: the example is evidence, the keyword an inference."""
    found: list[Diagnostic] = []
    for _ in range(50):
        validator = validator_cls(root, format_checker=validator_cls.FORMAT_CHECKER)
        own = _own_errors(validator.iter_errors(value), source)
        errors = contradicted(in_example_order(own, order))
        if not errors:
            break
        for error in errors:
            gone = error.validator not in cast(dict[str, Any], error.schema)  # dropped already
            if gone or _null_among_values(error):
                continue
            found.append(
                Diagnostic(source, "doc-defect:constraint",
                           f"{label}: {_path(error)} = {json.dumps(error.instance)[:60]} "
                           f"{drop_keyword(error)}")
            )  # fmt: skip
    return found


def drop_rejected_examples(
    spec: dict[str, Any], sources: dict[str, str]
) -> tuple[list[Diagnostic], int, int]:
    """Drop examples their schema rejects; report them and undocumented fields.

    Returns the diagnostics and the numbers of valid and invalid examples, each page's
    example counted once even where it serves several operations (v2 and v2.1 paths). The
    examples of an endpoint's union of action answers are judged with their action's.
    """
    judge = _ExampleJudge(spec)
    holders = action_holders(spec)
    for op_id, where, media_type, media in media_entries(spec):
        examples = media.get("examples")
        if not examples:
            continue
        for key in list(examples):
            value = examples[key]["value"]
            source = examples[key].pop(SOURCE_KEY, "") or sources.get(op_id, "")
            judged = judge.verdicts.get((source, where, json.dumps(value, sort_keys=True)))
            if op_id in holders and where != "request body" and judged is not None:
                # the union of the actions' answers repeats their examples, judged already
                keep = judged
            else:
                keep = judge.judge(f"{op_id} {where}", media_type, media, value, source)
            if not keep:
                del examples[key]
        if not examples:
            del media["examples"]
    valid = sum(judge.verdicts.values())
    return judge.diagnostics, valid, len(judge.verdicts) - valid


class _ExampleJudge:
    """Checks examples against their schemas, keeping each page example's verdict."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.components = spec.get("components", {}).get("schemas", {})
        openapi = str(spec.get("openapi"))
        self.validator_cls = OAS31Validator if openapi.startswith("3.1") else OAS30Validator
        self.diagnostics: list[Diagnostic] = []
        self.verdicts: dict[tuple[str, str, str], bool] = {}

    def judge(
        self, at: str, media_type: str, media: dict[str, Any], value: Any, source: str
    ) -> bool:
        """Whether the example at `at` ("Op 200 response") stays; what it shows is reported."""
        where = at.split(" ", 1)[1]
        if is_xml_media(media_type):  # checked as the values it stands for
            try:
                value = xml_value(str(value), media["schema"], self.components)
            except NotXml as err:
                self.verdicts[(source, where, str(value))] = False
                self.diagnostics.append(
                    Diagnostic(source, "doc-defect:example", f"{at} example: {err}")
                )
                return False
        root = {"allOf": [media["schema"]], "components": {"schemas": self.components}}
        identity = (source, where, json.dumps(value, sort_keys=True))
        label = f"{at} example"
        cls = self.validator_cls
        order = example_order(value)
        self.diagnostics += _drop_contradicted_constraints(cls, root, value, source, label, order)
        errors = in_example_order(
            cls(root, format_checker=cls.FORMAT_CHECKER).iter_errors(value), order
        )
        self.verdicts[identity] = self.verdicts.get(identity, True) and not errors
        if errors:
            error = max(errors, key=relevance)  # a failed choice is `_explain`'s to open
            also = _elsewhere(errors, error, source, order)
            said = f"{label}: {_explain(error, source)}{also}"
            self.diagnostics.append(Diagnostic(source, "doc-defect:example", said))
            return False
        objects = example_objects(value, media["schema"], self.components)
        places: dict[str, frozenset[str]] | None = None  # built for the first field it names
        for field_path, name in undocumented_fields(objects, self.components):
            if places is None:
                places = object_places(media["schema"], self.components)
            elsewhere = documented_at(name, places)
            self.diagnostics.append(
                Diagnostic(source, "doc-defect:undocumented-field",
                           f"{at} example has {field_path}, which no table mentions"
                           + (f" there; the tables have it at {elsewhere}" if elsewhere else ""))
            )  # fmt: skip
        return True
