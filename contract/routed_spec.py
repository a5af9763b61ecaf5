"""The mock's own copy of a spec, rewritten so openapi-core routes and validates what the mock
needs it to, and leaves the rest (auth, XML and folded bodies) to the mock.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Mapping
from contextlib import suppress
from typing import Any
from urllib.parse import unquote

from doc2openapi.contract import subresources
from doc2openapi.contract.xml_bodies import xml_request_media
from doc2openapi.scraper.model import GREEDY_KEY
from doc2openapi.scraper.tree import HTTP_METHODS, resolve

REPEAT_MARK = "__repeat"


def routed_copy(spec: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The copy openapi-core gets, and the documented path template by routed template."""
    routed = _without_security(copy.deepcopy(spec))  # auth is checked after validation
    _typed_form_fields(routed)
    _route_on_any_host(routed)
    _bodies_checked_here(routed)
    return routed, _unique_template_names(routed)


def checked_here(operation: dict[str, Any]) -> bool:
    """Bodies the mock checks itself: XML ones, and those of folded sub-resource operations
    (one OpenAPI operation, several documented bodies)."""
    return (
        bool(operation.get("requestBody"))
        and (xml_request_media(operation) is not None or bool(subresources.entries(operation)))
    ) or "key" in operation


def _bodies_checked_here(spec: dict[str, Any]) -> None:
    """No request body for openapi-core where the mock checks it itself."""
    for item in spec.get("paths", {}).values():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if isinstance(operation, dict) and subresources.entries(operation):
                for parameter in operation.get("parameters", []):  # required per entry
                    parameter["required"] = parameter.get("in") == "path"
            if isinstance(operation, dict) and checked_here(operation):
                operation.pop("requestBody", None)
                for entry in subresources.entries(operation):
                    entry.pop("requestBody", None)


def _route_on_any_host(spec: dict[str, Any]) -> None:
    """One server, `/`, for every operation: the mock answers by path on whatever host it
    runs, including operations the docs serve from their own host (an OBS bucket)."""
    spec["servers"] = [{"url": "/"}]
    for item in spec.get("paths", {}).values():
        item.pop("servers", None)
        for method in HTTP_METHODS:
            if isinstance(item.get(method), dict):
                item[method].pop("servers", None)


def _without_security(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with no security requirement: openapi-core stops at a failed one, and the
    mock must report a bad body or parameter to any caller, signed or not."""
    spec["security"] = []
    for item in (spec.get("paths") or {}).values():
        for method in HTTP_METHODS:
            if isinstance(item, dict) and isinstance(item.get(method), dict):
                item[method].pop("security", None)
    return spec


def json_media_types(spec: dict[str, Any]) -> dict[str, Any]:
    """A JSON body under a vendor media type (IMS's application/openstack-images-v2.1-json-patch)
    is read as JSON: openapi-core would take it for bytes."""
    found: dict[str, Any] = {}
    for item in (spec.get("paths") or {}).values():
        for method in HTTP_METHODS:
            operation = item.get(method) if isinstance(item, dict) else None
            content = ((operation or {}).get("requestBody") or {}).get("content") or {}
            for media_type in content:
                if "json" in media_type and media_type != "application/json":
                    found[media_type] = json.loads
    return found


def _typed_form_fields(spec: dict[str, Any]) -> None:
    """A multipart form's boolean and number fields are read as JSON text ("false", "3").

    openapi-core reads every part of a form as a string unless the media type's `encoding`
    says otherwise, and then refuses `false` for a boolean field; what a client writes in
    such a part is the JSON literal, so the mock's own copy of the spec says so."""
    schemas = (spec.get("components") or {}).get("schemas") or {}
    for item in (spec.get("paths") or {}).values():
        for method in HTTP_METHODS:
            operation = item.get(method) if isinstance(item, dict) else None
            content = ((operation or {}).get("requestBody") or {}).get("content") or {}
            media = content.get("multipart/form-data")
            if not isinstance(media, dict):
                continue
            encoding = media.setdefault("encoding", {})
            for name, prop in _form_properties(media.get("schema"), schemas).items():
                kind = resolve(prop, schemas).get("type")
                if kind in ("boolean", "integer", "number") and name not in encoding:
                    encoding[name] = {"contentType": "application/json"}
            if not encoding:
                del media["encoding"]


def _form_properties(schema: Any, schemas: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    schema = resolve(schema, schemas)
    for part in schema.get("allOf", []):
        found.update(_form_properties(part, schemas))
    found.update(schema.get("properties") or {})
    return found


def _unique_template_names(spec: dict[str, Any]) -> dict[str, str]:
    """Rename repeated names in path templates (/v2/{p}/quotas/{p} -> {p}, {p__repeat1}).

    The docs repeat a name to say "the same value twice"; openapi-core cannot route such a
    template, so the mock routes a renamed copy and checks the values agree itself.
    Returns routed template -> documented template.
    """
    templates: dict[str, str] = {}
    for path in list(spec.get("paths", {})):
        routed, aliases = _rename_repeats(path)
        templates[routed] = path
        if aliases:
            item = spec["paths"].pop(path)
            extra = [{"name": alias, "in": "path", "required": True, "schema": {"type": "string"}}
                     for alias in aliases]  # fmt: skip
            item["parameters"] = [*item.get("parameters", []), *extra]
            spec["paths"][routed] = item
    return templates


def _rename_repeats(path: str) -> tuple[str, list[str]]:
    seen: dict[str, int] = {}
    parts, aliases, last = [], [], 0
    for match in re.finditer(r"\{([^{}]+)\}", path):
        name = match.group(1)
        seen[name] = seen.get(name, 0) + 1
        alias = name if seen[name] == 1 else f"{name}{REPEAT_MARK}{seen[name] - 1}"
        if alias != name:
            aliases.append(alias)
        parts.append(path[last : match.start()] + "{" + alias + "}")
        last = match.end()
    return "".join(parts) + path[last:], aliases


def greedy_templates(spec: dict[str, Any]) -> list[re.Pattern[str]]:
    """A regex per path template with a parameter whose value is a path (x-greedy-path): its
    value may hold `/`, which openapi-core routes nowhere (a value is one segment there)."""
    found = []
    for path, item in (spec.get("paths") or {}).items():
        operations = [item.get(m) for m in HTTP_METHODS if isinstance(item.get(m), dict)]
        parameters = [
            *item.get("parameters", []),
            *(p for o in operations for p in o.get("parameters", [])),
        ]
        greedy = {p.get("name") for p in parameters if p.get("in") == "path" and p.get(GREEDY_KEY)}
        if not greedy:
            continue
        pattern, last = "", 0
        for match in re.finditer(r"\{([^{}]+)\}", path):
            kind = ".+" if match.group(1) in greedy else "[^/]+"
            pattern += re.escape(path[last : match.start()]) + f"({kind})"
            last = match.end()
        found.append(re.compile(pattern + re.escape(path[last:])))
    return found


def folded_path(path: str, templates: list[re.Pattern[str]]) -> str | None:
    """The path as sent (still percent-encoded) with each value as one segment, the `/` of
    its greedy values too (`photos/a.jpg` for `/{object}`), or None when no greedy template
    matches it."""
    for template in templates:
        match = template.fullmatch(path)
        if match is None:
            continue
        out, last = "", 0
        for index in range(1, len(match.groups()) + 1):
            out += path[last : match.start(index)] + one_segment(unquote(match.group(index)))
            last = match.end(index)
        return out + path[last:]
    return None


KEPT_ESCAPES = re.compile(r"(%2[fF]|%25)")  # what `unquote` must not undo in a sent path


def sent_path(environ: Mapping[str, Any], decoded: str) -> str:
    """The request's path as the client sent it, decoded but for `%2F` and `%25` (the server
    decodes `env%2Fprod` to `env/prod`, two segments); `decoded` with its `%` kept as `%25`
    when the server gives no raw path. For a mock served at the root (no SCRIPT_NAME)."""
    raw = str(environ.get("RAW_URI") or environ.get("REQUEST_URI") or "").partition("?")[0]
    if not raw:
        return decoded.replace("%", "%25")
    if not raw.startswith("/"):  # an absolute-form target: http://host/path
        raw = "/" + raw.split("://", 1)[-1].partition("/")[2]
    with suppress(UnicodeError):  # WSGI hands the raw bytes over as latin-1
        raw = raw.encode("latin-1").decode("utf-8")
    return "".join(
        part if KEPT_ESCAPES.fullmatch(part) else unquote(part) for part in KEPT_ESCAPES.split(raw)
    )


def encoded_slashes_kept(path: str) -> str | None:
    """The path as sent with each value as one segment (a `%2F` a client encoded into a
    value stays in it); None when it has no encoded slash."""
    if "%2f" not in path.lower():
        return None
    return "/".join(one_segment(unquote(segment)) for segment in path.split("/"))


def one_segment(value: str) -> str:
    """A path value as one segment openapi-core routes: its `%` and `/` percent-encoded;
    `as_sent` reads it back."""
    return value.replace("%", "%25").replace("/", "%2F")


def as_sent(variables: Mapping[str, str]) -> dict[str, str]:
    """The path values openapi-core found in a path of `one_segment`s, as the client meant
    them, for the parameter checks (`env%2Fprod` is `env/prod`)."""
    return {name: unquote(value) for name, value in variables.items()}
