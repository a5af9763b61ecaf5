"""Keywords an example contradicts. Examples are usually captured from a live call, keywords
read from prose (or a format from the type column): where they disagree the example is the
evidence, and the keyword goes, reported."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, cast

from jsonschema.exceptions import ValidationError
from openapi_schema_validator import OAS30Validator

from doc2openapi.scraper.model import Schema

CONSTRAINT_KEYWORDS = {
    "enum", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength",
    "maxLength", "pattern", "format", "minItems", "maxItems", "multipleOf",
}  # fmt: skip


def contradicted(errors: Iterable[ValidationError]) -> list[ValidationError]:
    """The errors a constraint keyword raises (not a type, nor a missing field)."""
    return [
        e for e in errors
        if e.validator in CONSTRAINT_KEYWORDS and isinstance(e.schema, dict)
        and e.validator in e.schema
    ]  # fmt: skip


def drop_keyword(error: ValidationError) -> str:
    """Remove the keyword `error` names from its schema, in place (a list takes its default
    along); the words that say what was dropped."""
    keyword, schema = str(error.validator), cast(dict[str, Any], error.schema)
    flag = f"exclusive{keyword.capitalize()}"  # OpenAPI 3.0's, about its bound
    if keyword in ("minimum", "maximum") and schema.get(flag) and error.instance == schema[keyword]:
        del schema[flag]  # a value on the bound: the interval is closed there
        return f"is {json.dumps(error.instance)}, which {flag} excludes; {flag} dropped"
    stated = schema.pop(keyword)
    if keyword == "enum":
        schema.pop("default", None)
    schema.pop(flag, None)
    return f"contradicts {keyword} {json.dumps(stated)[:80]}; {keyword} dropped"


def drop_contradicted(schema: Schema, value: Any) -> list[str]:
    """The keywords of a self-contained schema (a parameter's) that `value` contradicts,
    removed in place; what was dropped, one entry per keyword."""
    dropped: list[str] = []
    for _ in range(len(CONSTRAINT_KEYWORDS)):
        validator = OAS30Validator(schema, format_checker=OAS30Validator.FORMAT_CHECKER)
        errors = contradicted(validator.iter_errors(value))
        if not errors:
            break
        dropped += [drop_keyword(e) for e in errors if e.validator in cast(Schema, e.schema)]
    return dropped
