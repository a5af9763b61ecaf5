"""What the mock answers to a good request: which action, which status, which example.

One mechanism for every operation: the responses come from the operation, or from the action
its request body names (`x-actions`); a `Prefer` header may pick the status (`code=404`), a
documented example (`example=NAME`) or generated data (`dynamic=true`), as Prism lets
contract testers do. Every answer is checked against its response schema before it is sent.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from jsonschema.exceptions import best_match
from openapi_schema_validator import OAS30Validator, OAS31Validator

from doc2openapi.codegen.runtime._xml import NotXml
from doc2openapi.contract.values import ValueGenerator
from doc2openapi.contract.xml_bodies import XmlBodies, is_xml

ACTIONS_KEY = "x-actions"
RESPONSE_REF = "#/components/responses/"
JSON_TYPES = re.compile(r"^application/([\w.+-]+\+)?json$")
PREFER_ITEM = re.compile(r'^\s*([\w-]+)\s*(?:=\s*("[^"]*"|[^\s;,]*))?')


class ChoiceError(ValueError):
    """A `Prefer` choice the spec does not document: the client hears why (400)."""


class NoAnswer(Exception):
    """No documented or generated value fits the response schema (a spec problem: 500)."""


@dataclass(frozen=True)
class Preference:
    """What the client asked for with `Prefer`; unset fields mean "as documented"."""

    code: str | None = None
    example: str | None = None
    dynamic: bool = False


@dataclass(frozen=True)
class Answer:
    status: int
    media_type: str | None
    body: bytes


def parse_prefer(values: Sequence[str]) -> Preference:
    """`Prefer: code=404, example="a b", dynamic=true` (RFC 7240; unknown preferences ignored)."""
    found: dict[str, str] = {}
    for value in values:
        for item in value.split(","):
            match = PREFER_ITEM.match(item)
            if match and match[1].lower() in ("code", "example", "dynamic"):
                found[match[1].lower()] = (match[2] or "").strip('"')
    code = found.get("code")
    if code is not None and not re.fullmatch(r"[1-5]\d\d", code):
        raise ChoiceError(f"Prefer: code={code} is not an HTTP status code")
    dynamic = found.get("dynamic", "false").lower()
    if dynamic not in ("true", "false"):
        raise ChoiceError(f"Prefer: dynamic={dynamic} is neither true nor false")
    example = found.get("example")
    if example == "":
        raise ChoiceError("Prefer: example= names no example")
    return Preference(code, example, dynamic == "true")


def select_action(operation: dict[str, Any], body: Any) -> dict[str, Any] | None:
    """The `x-actions` entry a body names by its single top-level key, if any."""
    if not isinstance(body, dict) or len(body) != 1:
        return None
    (key,) = body
    for action in operation.get(ACTIONS_KEY) or []:
        if isinstance(action, dict) and action.get("key") == key:
            return action
    return None


class Answerer:
    """Builds (and remembers) the answers for the operations of one spec."""

    def __init__(self, spec: dict[str, Any], seed: int = 0) -> None:
        self._spec = spec
        components = spec.get("components") or {}
        self._components = {"schemas": components.get("schemas") or {}}
        oas31 = str(spec.get("openapi", "")).startswith("3.1")
        self._validator: Any = OAS31Validator if oas31 else OAS30Validator
        self._values = ValueGenerator(spec, seed)
        self.xml = XmlBodies(spec)
        self._answers: dict[tuple[Any, ...], Answer] = {}
        self._lock = threading.Lock()

    def answer(
        self, key: tuple[str, ...], operation: dict[str, Any], action: dict[str, Any] | None,
        preference: Preference,
    ) -> Answer:  # fmt: skip
        """The answer for `operation` (or its `action`) as `preference` asks; `key` names it."""
        label = str((action or operation).get("operationId", " ".join(key)))
        documented = (action or {}).get("responses") or operation.get("responses") or {}
        responses = {str(code): response for code, response in documented.items()}
        status_key, status = _status(responses, preference.code, label)
        # An action whose page documents no status and no body answers "No Content", never
        # the shared endpoint's 200, whose body belongs to another action.
        if action is not None and preference.code is None and status_key == "default":
            status = 204 if not self._deref(responses[status_key]).get("content") else status
        cache_key = (*key, status_key, status, preference.example, preference.dynamic)
        with self._lock:
            known = self._answers.get(cache_key)
        if known is not None:
            return known
        response = self._deref(responses[status_key])
        problems: list[str] = []
        for media_type, schema, value in self._candidates(response, preference, label):
            if media_type is not None and is_xml(media_type):
                error, body = self._xml(schema, value)
            else:
                error, body = self.problem(schema, value), _encode(value, media_type)
            if error is None:
                answer = Answer(status, media_type, body)
                with self._lock:
                    self._answers[cache_key] = answer
                return answer
            problems.append(error)
        raise NoAnswer(f"{label} {status_key}: no valid answer: {'; '.join(problems)}")

    def _deref(self, response: Any) -> dict[str, Any]:
        for _ in range(16):
            ref = response.get("$ref") if isinstance(response, dict) else None
            if not isinstance(ref, str) or not ref.startswith(RESPONSE_REF):
                break
            responses = (self._spec.get("components") or {}).get("responses") or {}
            response = responses.get(ref[len(RESPONSE_REF) :], {})
        return response if isinstance(response, dict) else {}

    def _candidates(
        self, response: dict[str, Any], preference: Preference, label: str
    ) -> Iterator[tuple[str | None, Any, Any]]:
        """(media type, schema, value): the asked-for or documented examples, then generated."""
        content: dict[str, Any] = response.get("content") or {}
        if not content:
            if preference.example is not None:
                raise ChoiceError(f"Prefer: example={preference.example}: {label} has no body")
            yield None, None, None
            return
        media_type, media = next(iter(content.items()))
        schema = media.get("schema", {})
        examples = _examples(media)
        if preference.example is not None:
            if preference.example not in examples:
                known = ", ".join(examples) or "none"
                raise ChoiceError(
                    f"Prefer: example={preference.example} is not documented for {label} "
                    f"(documented: {known})"
                )
            yield media_type, schema, examples[preference.example]
            return
        if not preference.dynamic:
            for value in examples.values():
                yield media_type, schema, value
        yield media_type, schema, self._values.value(schema, label)

    def _xml(self, schema: Any, value: Any) -> tuple[str | None, bytes]:
        """A documented XML text is checked by what it stands for and sent as written; a
        generated value is checked, then written as XML along the schema."""
        if isinstance(value, str):
            try:
                return self.problem(schema, self.xml.read(value, schema)), value.encode()
            except NotXml as err:
                return f"(root): {err}", b""
        error = self.problem(schema, value)
        return error, (self.xml.write(value, schema) if error is None else b"")

    def problem(self, schema: Any, value: Any) -> str | None:
        """Why `value` does not fit `schema` (the first error, with where), or None."""
        if schema is None:
            return None
        root = {"allOf": [schema], "components": self._components}
        validator = self._validator(root, format_checker=self._validator.FORMAT_CHECKER)
        error = best_match(validator.iter_errors(value))
        if error is None:
            return None
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        return f"{where}: {error.message[:300]}"


def _examples(media: dict[str, Any]) -> dict[str, Any]:
    """Documented examples by name; a lone `example` is named "example"."""
    named: dict[str, Any] = {}
    if "example" in media:
        named["example"] = media["example"]
    for name, example in (media.get("examples") or {}).items():
        if isinstance(example, dict) and "value" in example:
            named[str(name)] = example["value"]
    return named


def _status(responses: dict[str, Any], code: str | None, label: str) -> tuple[str, int]:
    """The response key to answer with and its status code.

    Without a code: the lowest documented 2xx, else `default` as 200, else the first.
    With one: that code, else its range (`4XX`), else `default`; anything else is refused.
    """
    keys = sorted(str(k) for k in responses)
    if not keys:
        raise NoAnswer(f"{label}: no responses documented")
    if code is None:
        chosen = next((k for k in keys if k.startswith("2")), None)
        chosen = chosen or ("default" if "default" in responses else keys[0])
        return chosen, int(chosen) if chosen.isdigit() else 200
    for candidate in (code, f"{code[0]}XX", f"{code[0]}xx", "default"):
        if candidate in responses:
            return candidate, int(code)
    raise ChoiceError(
        f"Prefer: code={code} is not documented for {label} (documented: {', '.join(keys)})"
    )


def _encode(value: Any, media_type: str | None) -> bytes:
    if media_type is None:
        return b""
    if JSON_TYPES.match(media_type.split(";")[0].strip()):
        return json.dumps(value, ensure_ascii=False, sort_keys=True).encode()
    return value.encode() if isinstance(value, str) else b""
