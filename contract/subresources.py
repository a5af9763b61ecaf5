"""Which documented operation a request on a folded method and path means: the plain one, or
an `x-subresources` entry selected by its query key (`GET /?acl`).

An entry is a candidate when every query name of its key is in the request and every
parameter it requires (query or header) is there; the candidate naming the most key names
wins, the plain operation first on a tie. Entries without a key (told apart by headers only,
as an upload is from a copy) win where the plain operation lacks a required header.
"""

from __future__ import annotations

from collections.abc import Container
from typing import Any

from doc2openapi.codegen.prepare import key_names

SUBRESOURCES_KEY = "x-subresources"


def missing(operation: dict[str, Any], query: Container[str], headers: Container[str]) -> list[str]:
    """The required query and header parameters of `operation` the request lacks."""
    out = []
    for p in operation.get("parameters", []):
        if not p.get("required"):
            continue
        if p.get("in") == "query" and p.get("name") not in query:
            out.append(f"query parameter {p.get('name')}")
        if p.get("in") == "header" and str(p.get("name", "")).lower() not in headers:
            out.append(f"header {p.get('name')}")
    return out


def _satisfied(operation: dict[str, Any], query: Container[str], headers: Container[str]) -> bool:
    return not missing(operation, query, headers)


def entries(operation: dict[str, Any]) -> list[dict[str, Any]]:
    found = operation.get(SUBRESOURCES_KEY)
    return [e for e in found if isinstance(e, dict)] if isinstance(found, list) else []


def selectors(operation: dict[str, Any]) -> set[str]:
    """Every query name that selects one of the operation's entries."""
    return {name for e in entries(operation) for name in key_names(str(e.get("key", "")))}


def select(
    operation: dict[str, Any], query: Container[str], headers: Container[str]
) -> dict[str, Any] | None:
    """The entry the request means, or None for the plain operation."""
    best: tuple[int, int] | None = None
    chosen: dict[str, Any] | None = None
    if _satisfied(operation, query, headers):
        best = (0, 1)
    for entry in entries(operation):
        names = key_names(str(entry.get("key", "")))
        if not all(name in query for name in names):
            continue
        if not _satisfied(entry, query, headers):
            continue
        score = (len(names), 0)
        if best is None or score > best:
            best, chosen = score, entry
    return chosen


# Contract runs against our own mock reach the entries too, on marker paths of a derived spec
# (`/_x-subresource/ConfigureBucketAcl/`): OpenAPI has one operation per method and path, so
# each entry needs a path of its own there. The mock takes the marker off and answers as the
# entry it names; the published spec never has these paths.
MARKER = "_x-subresource"


def expand(spec: dict[str, Any]) -> int:
    """Add every entry of `spec` as an operation of its own on a marker path; how many."""
    added: dict[str, dict[str, Any]] = {}
    for path, item in (spec.get("paths") or {}).items():
        for method, operation in (item or {}).items():
            if not isinstance(operation, dict):
                continue
            for entry in entries(operation):
                marked = f"/{MARKER}/{entry.get('operationId', '')}{path}"
                own = {k: v for k, v in entry.items() if k not in ("key", "servers")}
                added.setdefault(marked, {})[method] = own
    spec.setdefault("paths", {}).update(added)
    return sum(len(item) for item in added.values())


def unmarked(path: str) -> tuple[str | None, str]:
    """The operationId a marker path names (None for an ordinary path), and the path itself."""
    prefix = f"/{MARKER}/"
    if not path.startswith(prefix):
        return None, path
    operation_id, _, rest = path[len(prefix) :].partition("/")
    return operation_id, "/" + rest
