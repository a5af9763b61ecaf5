"""Validate the document (openapi-spec-validator), fast on large specs.

Its examples are checked against their schemas in `example_check`.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any, cast

from jsonschema.exceptions import ValidationError
from jsonschema_path import SchemaPath
from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
from openapi_spec_validator.validation import keywords
from openapi_spec_validator.validation.validators import SpecValidator

from doc2openapi.scraper.parallel import ordered_map, workers_for


def spec_errors(spec: dict[str, Any], jobs: int = 1) -> list[str]:
    """openapi-spec-validator's findings, as one line each (empty: valid).

    With two processes, the validator's walk is split: tags and paths (with every schema they
    reference) in one, components in the other. Together they make every check the single
    walk makes, so a document both halves accept is valid. Where either finds anything, the
    whole document is validated again in one piece, so messages are exactly the validator's.
    """
    if workers_for(jobs, len(_HALVES)) == len(_HALVES):
        halves = ordered_map(_half_errors, _HALVES, jobs, setup=_share, setup_args=(spec,))
        if not any(list(halves)):
            return []
    return _errors(spec, _validator_class(str(spec.get("openapi", "")).startswith("3.1")))


class _IdSet(set[int]):
    """A set that takes the list calls the validator makes on its registries, in O(1)."""

    def append(self, value: int) -> None:
        self.add(value)


def _unquadratic(schema_walk: type[keywords.SchemaValidator]) -> type[keywords.SchemaValidator]:
    """The validator's schema walk with its visited/checked registries as sets: it keeps
    them as lists, and a membership test per schema made its walk quadratic (27% of the
    validation of our largest spec). The checks and their findings are unchanged."""

    class SetRegistries(schema_walk):  # type: ignore[misc,valid-type]
        def __init__(self, registry: Any) -> None:
            super().__init__(registry)
            for name in ("visited_schema_ids", "meta_checked_schema_ids"):
                if isinstance(getattr(self, name, None), list):
                    setattr(self, name, _IdSet())

    return SetRegistries


@cache
def _validator_class(oas31: bool, root: type | None = None) -> type[SpecValidator]:
    base = OpenAPIV31SpecValidator if oas31 else OpenAPIV30SpecValidator
    walks = {**base.keyword_validators}
    walks["schema"] = _unquadratic(walks["schema"])  # type: ignore[arg-type]
    if root is not None:
        walks["__root__"] = root
    name = f"{base.__name__}{root.__name__ if root else ''}"
    return type(name, (base,), {"keyword_validators": walks})


def _errors(spec: dict[str, Any], validator_cls: type[SpecValidator]) -> list[str]:
    errors = []
    try:
        for error in validator_cls(spec).iter_errors():
            where = "/".join(str(p) for p in error.absolute_path)
            errors.append(f"{where or '<root>'}: {error.message}")
    except (ValueError, TypeError, KeyError, RecursionError) as err:  # the validator's own bugs
        errors.append(f"<root>: the validator failed on this document: {err}")
    return sorted(errors)


class _PathsWalk(keywords.RootValidator):
    """The validator's root walk without components: tags, then paths."""

    def __call__(self, spec: SchemaPath) -> Iterator[ValidationError]:
        if "tags" in spec and "tags" in self.registry.keyword_validators:
            yield from cast(Any, self.registry["tags"])(spec / "tags")
        if "paths" in spec:
            yield from self.paths_validator(spec / "paths")


class _ComponentsWalk(keywords.RootValidator):
    """The validator's root walk over the components alone."""

    def __call__(self, spec: SchemaPath) -> Iterator[ValidationError]:
        if "components" in spec:
            yield from self.components_validator(spec / "components")


_HALVES: list[type] = [_PathsWalk, _ComponentsWalk]
_shared: dict[str, Any] = {}


def _share(spec: dict[str, Any]) -> None:
    _shared["spec"] = spec


def _half_errors(root: type) -> list[str]:
    spec = _shared["spec"]
    return _errors(spec, _validator_class(str(spec.get("openapi", "")).startswith("3.1"), root))


PROSE_KEYS = frozenset({"description", "summary"})
VALUE_KEYS = frozenset({"example", "examples", "default", "enum", "const"})


def without_prose(node: Any) -> Any:
    """The document with every description and summary emptied, for caching validity.

    The OpenAPI schema types them as plain strings, so their wording cannot make a document
    valid or invalid: documents equal but for prose are valid alike. Values that schemas
    check (examples, defaults, enums, consts) are kept verbatim, whatever keys they hold.
    """
    if isinstance(node, dict):
        return {
            key: (
                ""
                if key in PROSE_KEYS and isinstance(value, str)
                else value
                if key in VALUE_KEYS
                else without_prose(value)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [without_prose(item) for item in node]
    return node
