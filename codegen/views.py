"""What the client template renders per method: an operation's name, parameters, body,
return type, docstring and paging, in Python terms (built by codegen/operations.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from doc2openapi.codegen.pagination import PaginationView


@dataclass
class ParamView:
    wire: str
    py_name: str
    py_type: str
    location: str
    required: bool
    description: str = ""
    from_client: bool = False  # project_id: the client's, unless the call gives one
    greedy: bool = False  # a path value that is a path (x-greedy-path): its `/` are kept


@dataclass
class BodyView:
    py_type: str
    required: bool
    kind: str = "json"  # "json", "xml" (a model written as XML), "form" (multipart fields
    # and files) or "binary" (bytes as given)
    media_type: str = "application/json"  # another JSON media type is sent as Content-Type
    model: str | None = None  # the model class of an XML body: its shape's key


@dataclass
class OperationView:
    name: str
    http_method: str
    path: str
    docstring: str
    return_type: str
    returns: str | None
    positional: list[ParamView] = field(default_factory=list)
    keyword: list[ParamView] = field(default_factory=list)
    body: BodyView | None = None
    pagination: PaginationView | None = None
    deprecated: bool = False
    action: str | None = None  # the x-actions key this method sends
    operation_id: str = ""  # the spec's operationId (an action's own)
    response_kind: str = "json"  # "json", "xml" or "binary" (bytes returned as they came)
    constants: list[tuple[str, str]] = field(default_factory=list)  # a sub-resource's ?acl=
    summary: str = ""  # the doc's summary, as given (the package README's table)
    unwrap: bool = False  # the response model is a RootModel of alternatives: return .root

    @property
    def path_params(self) -> list[ParamView]:
        return [p for p in self.positional + self.keyword if p.location == "path"]

    @property
    def greedy_params(self) -> tuple[str, ...]:
        """The wire names of the path parameters whose `/` are sent as they are."""
        return tuple(p.wire for p in self.path_params if p.greedy)

    @property
    def query_params(self) -> list[ParamView]:
        return [p for p in self.positional + self.keyword if p.location == "query"]

    @property
    def header_params(self) -> list[ParamView]:
        return [p for p in self.positional + self.keyword if p.location == "header"]
