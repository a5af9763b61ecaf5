"""What the interpreter produces: operations with schemas as OpenAPI schema dicts, and diagnostics.

Named objects are local to their operation (`Operation.schemas`, referenced as
``#/components/schemas/<name>``); the spec builder merges and names them across operations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Schema = dict[str, Any]
Json = Any
REF_PREFIX = "#/components/schemas/"
SOURCE_KEY = "x-doc-source"  # provenance: where in the docs an element comes from
UNNAMED_KEY = "x-doc-unnamed"  # a server variable the docs give no value for: default = its name
SIGNATURE_KEY = "x-signature-scheme"  # the word that starts a signature header (`OBS`)
GREEDY_KEY = "x-greedy-path"  # a path parameter whose value is a path: its `/` are sent as `/`


@dataclass(frozen=True, order=True)
class Diagnostic:
    """Something in the docs we could not understand, or that contradicts itself."""

    file: str
    kind: str
    reason: str
    table: str = ""

    def as_dict(self) -> dict[str, str]:
        out = {"file": self.file, "kind": self.kind, "reason": self.reason}
        if self.table:
            out["table"] = self.table
        return out


Location = Literal["path", "query", "header", "cookie"]
LOCATIONS: tuple[Location, ...] = ("path", "query", "header", "cookie")


@dataclass
class Parameter:
    name: str
    location: Location
    required: bool
    schema: Schema
    description: str = ""
    source: dict[str, Any] | None = None
    example: Json = None
    allow_empty: bool = False  # a bare query key (`?acl`): present, with no value
    greedy: bool = False  # a path parameter holding a path (`/` kept): GREEDY_KEY


@dataclass
class Example:
    value: Json
    summary: str = ""
    source: str = ""  # the page it comes from (pages documenting one endpoint are merged)
    media_type: str = ""  # the Content-Type a request example shows, if it shows one


@dataclass
class Body:
    schema: Schema
    description: str = ""
    examples: list[Example] = field(default_factory=list)
    media_type: str = "application/json"


@dataclass
class Response:
    status: str
    description: str = ""
    body: Body | None = None
    headers: list[Parameter] = field(default_factory=list)

    @property
    def header_names(self) -> set[str]:
        return {header.name for header in self.headers}


@dataclass
class Operation:
    method: str
    path: str
    operation_id: str
    source: str
    summary: str = ""
    description: str = ""
    tags: list[str] = field(default_factory=list)
    deprecated: bool = False
    parameters: list[Parameter] = field(default_factory=list)
    request_body: Body | None = None
    responses: dict[str, Response] = field(default_factory=dict)
    schemas: dict[str, Schema] = field(default_factory=dict)
    actions: list[Operation] = field(default_factory=list)
    """The documented actions merged into this operation (see scraper/actions.py)."""
    action_key: str = ""
    """For one of those actions: the top-level body key that selects it."""
    subresource: str | None = None
    """S3-style pages: the query keys that select the operation ("acl"; "" for none)."""
    servers: list[dict[str, Any]] = field(default_factory=list)
    """Where the docs give this operation its own host (a bucket's virtual host)."""
    variants: list[Operation] = field(default_factory=list)
    """Other sub-resource operations on this method and path (see scraper/subresources.py)."""

    def bodies(self) -> list[tuple[str, Body]]:
        """The request body and every response's, those it has, each with a label for
        messages ("request body", "200 response")."""
        labelled = [("request body", self.request_body)] + [
            (f"{r.status} response", r.body) for r in self.responses.values()
        ]
        return [(label, body) for label, body in labelled if body is not None]


PageStatus = Literal["operations", "not-an-operation", "skipped"]


@dataclass
class ConstraintCounts:
    """Per kind of constraint (range, length, default, enum): how many descriptions state
    one, and how many of those became schema keywords."""

    stated: dict[str, int] = field(default_factory=dict)
    extracted: dict[str, int] = field(default_factory=dict)


@dataclass
class PageResult:
    """The interpreter's verdict on one input file, as the report lists it."""

    source: str
    status: PageStatus
    title: str = ""
    operations: list[Operation] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    reason: str = ""
    constraints: ConstraintCounts = field(default_factory=ConstraintCounts)

    @classmethod
    def skip(cls, source: str, kind: str, reason: str, title: str = "") -> PageResult:
        """A page left out, with the one diagnostic that says why."""
        diagnostic = Diagnostic(source, kind, reason)
        return cls(source, "skipped", title, diagnostics=[diagnostic], reason=reason)
