"""Operations from S3-style pages: a "Request Syntax" block instead of a URI section.

Such a page shows the raw request (`PUT /ObjectName?acl HTTP/1.1`, `Host: bucketname...`),
tables of parameters, headers and XML elements, the response likewise, and samples.
request_endpoints.py reads the blocks into endpoints (server, path, sub-resource keys); each
becomes an operation: parameters from the tables, XML bodies typed by the element tables."""

from __future__ import annotations

import json
import re
from dataclasses import replace

from doc2openapi.scraper.interpret.columns import Field, is_parameter_table, read_fields
from doc2openapi.scraper.interpret.component_names import fit
from doc2openapi.scraper.interpret.form_bodies import form_body, is_form
from doc2openapi.scraper.interpret.http_message import HttpMessage, reason_phrase
from doc2openapi.scraper.interpret.parameters import text_schema, untyped_schema
from doc2openapi.scraper.interpret.request_endpoints import (
    SyntaxEndpoint,
    collect_bodies,
    endpoint_of,
    has_syntax_section,
    syntax_blocks,
)
from doc2openapi.scraper.interpret.schemas import SchemaBuilder
from doc2openapi.scraper.interpret.sections import RoledSection
from doc2openapi.scraper.interpret.xml_bodies import NotXml, parse_xml, split_name
from doc2openapi.scraper.interpret.xml_schemas import (
    ElementInfo,
    Node,
    element_infos,
    mandatory_column,
    merge,
    node_names,
    place_by_stated_parent,
    relax_required,
    root_schema,
    says_mandatory,
)
from doc2openapi.scraper.model import (
    SOURCE_KEY,
    Body,
    Example,
    Location,
    Operation,
    PageResult,
    Parameter,
    Response,
    Schema,
)
from doc2openapi.scraper.page import Page, Paragraph, Table

# Headers every request carries, or that OpenAPI itself describes (media type, security).
WIRE_HEADERS = {"host", "date", "authorization", "content-length", "content-type", "accept"}
BINARY: Schema = {"type": "string", "format": "binary"}


class RequestSyntaxReader:
    """Reads one S3-style page into operations, one per request syntax block."""

    def __init__(self, page: Page, sections: list[RoledSection], builder: SchemaBuilder) -> None:
        self.page = page
        self.sections = sections
        self.builder = builder
        self.placed: set[str] = set()  # element names some XML block of the page shows

    def diagnose(self, kind: str, reason: str, table: str = "") -> None:
        self.builder.diagnose(kind, reason, table)

    def read(self, messages: list[HttpMessage], base_id: str) -> list[Operation]:
        endpoints = [endpoint_of(m) for m in messages]
        collect_bodies(self.sections, endpoints)
        request_infos, response_infos = self._element_tables()
        operations = []
        for number, endpoint in enumerate(endpoints, start=1):
            op_id = base_id if number == 1 else f"{base_id}{number}"
            operations.append(self._operation(endpoint, op_id, request_infos, response_infos))
        if any(e.request_xml or e.response_xml for e in endpoints):
            names = set(request_infos) | set(response_infos)
            for name in sorted(n for n in names if n.rsplit(".", 1)[-1] not in self.placed):
                self.diagnose(
                    "unplaced-element",
                    f"element {name!r} is in a table but in no XML block of the page, so its "
                    "place in the body is unknown; left out",
                )
        return operations

    # -- what the page shows -------------------------------------------------------------

    def _tables(self, role: str, word: str) -> list[Table]:
        """The tables of `role` sections whose heading names `word` ("header", "element")."""
        out: list[Table] = []
        for roled in self.sections:
            title = roled.section.title.lower()
            if roled.role == role and word in title:
                out += [b for b in roled.section.blocks if isinstance(b, Table)]
        return out

    def _element_tables(self) -> tuple[dict[str, ElementInfo], dict[str, ElementInfo]]:
        return (
            element_infos(self._understood(self._tables("request", "element"))),
            element_infos(self._understood(self._tables("response", "element"))),
        )

    def _understood(self, tables: list[Table]) -> list[Table]:
        kept = []
        for table in tables:
            if is_parameter_table(table):
                kept.append(table)
                self.builder.used.add(self.builder.index.ref_of(self.page, table).key)
            else:
                self.diagnose(
                    "unknown-table", f"headers {list(table.header)} not understood", table.caption
                )
        return kept

    # -- one operation ---------------------------------------------------------------------

    def _operation(
        self,
        endpoint: SyntaxEndpoint,
        op_id: str,
        request_infos: dict[str, ElementInfo],
        response_infos: dict[str, ElementInfo],
    ) -> Operation:
        message = endpoint.message
        op = Operation(
            method=message.method.lower(),
            path=endpoint.path,
            operation_id=op_id,
            source=self.page.source,
            summary=self.page.title,
            description=self._function_text(),
        )
        if endpoint.server is not None:
            op.servers = [endpoint.server]
        op.parameters = self._parameters(endpoint)
        required = {p.name for p in op.parameters if p.location == "query" and p.required}
        keys = [f"{k}={v}" if v else k for k, v in endpoint.markers]
        keys += [k for k in endpoint.placeholders if k in required]  # ?uploadId=...: needed
        op.subresource = "&".join(keys)
        placeholder = bool(message.body_placeholder)
        if is_form(message.header("Content-Type")):
            op.request_body = form_body(request_infos, self.builder)
            self.placed |= set(request_infos)
        else:
            op.request_body = self._body(
                endpoint.request_xml, request_infos, True, op_id + "Request", placeholder
            )
        op.responses = self._responses(endpoint, response_infos, op_id)
        op.schemas = self.builder.schemas
        return op

    def _function_text(self) -> str:
        texts = [
            b.body.text
            for roled in self.sections
            if roled.role == "function"
            for b in roled.section.blocks
            if isinstance(b, Paragraph)
        ]
        return "\n\n".join(texts)

    def _parameters(self, endpoint: SyntaxEndpoint) -> list[Parameter]:
        """The object key and the sub-resource keys, then the tables' parameters and headers,
        then what only the request line shows; each (location, name) once, the first wins."""
        params: list[Parameter] = []
        if "{object}" in endpoint.path:  # "An object name is a complete path": `/` is kept
            key = Parameter("object", "path", True, {"type": "string"}, "The object key.")
            params.append(replace(key, greedy=True))
        params += [_subresource_parameter(key, value) for key, value in endpoint.markers]
        named = {("query", key) for key, _ in endpoint.markers}
        for param in self._documented_parameters() + _request_line_parameters(endpoint):
            if (param.location, param.name) not in named:
                named.add((param.location, param.name))
                params.append(param)
        return params

    def _documented_parameters(self) -> list[Parameter]:
        return [
            param
            for where, location in (("parameter", "query"), ("header", "header"))
            for table in self._understood(self._tables("request", where))
            for param in self._table_parameters(table, location)
        ]

    def _table_parameters(self, table: Table, location: str) -> list[Parameter]:
        ref = self.builder.index.ref_of(self.page, table)
        out: list[Parameter] = []
        mandatory = mandatory_column(table)
        for fld in read_fields(table):
            fld = _whole_name(table, fld, mandatory)
            if location == "header" and fld.name.lower() in WIRE_HEADERS:
                continue
            if "*" in fld.cell or fld.name.endswith("-"):
                self.diagnose(
                    "header-pattern",
                    f"{fld.cell!r} names a family of {location} parameters, not one; not declared",
                    table.caption,
                )
                continue
            schema = self.builder.field_schema(fld, ref)
            description = str(schema.pop("description", ""))
            source = schema.pop(SOURCE_KEY, None)
            kind: Location = "header" if location == "header" else "query"
            if fld.type is None:
                schema = untyped_schema(description, kind, fld.name, self.builder)
            elif schema.get("type") in ("object", "array") or not schema:
                schema = text_schema(description, kind, fld.name, self.builder)
            out.append(Parameter(fld.name, kind, fld.required, schema, description, source))
        return out

    # -- bodies ----------------------------------------------------------------------------

    def _xml_schemas(
        self, docs: list[tuple[str, str]], infos: dict[str, ElementInfo], request: bool
    ) -> tuple[list[tuple[str, Schema]], dict[str, list[str]], list[str]]:
        """Root name -> schema (in page order), each root's samples, the non-XML body texts."""
        trees: dict[str, Node] = {}
        samples: dict[str, list[str]] = {}
        other: list[str] = []
        for kind, text in docs:
            if not text.lstrip().startswith("<"):
                other.append(text)
                continue
            try:
                element = parse_xml(text)
            except NotXml as err:
                self.diagnose("bad-xml", f"{kind} body: {err}"[:300])
                continue
            name = split_name(element.tag)[1]
            trees[name] = merge(trees.get(name), element)
            if kind == "sample":
                samples.setdefault(name, []).append(text.strip())
        place_by_stated_parent(trees, infos)
        self.placed |= {name for tree in trees.values() for name in node_names(tree)}
        schemas = [(name, root_schema(tree, infos, request)) for name, tree in trees.items()]
        for root, schema in schemas:
            for text in samples.get(root, []):
                for path in relax_required(schema, parse_xml(text)):
                    self.diagnose(
                        "doc-defect:mandatory",
                        f"{path} is mandatory in its table, but a sample leaves it out; "
                        "not required",
                    )
        return schemas, samples, other

    def _body(
        self,
        docs: list[tuple[str, str]],
        infos: dict[str, ElementInfo],
        request: bool,
        name: str,
        placeholder: bool,
    ) -> Body | None:
        schemas, samples, other = self._xml_schemas(docs, infos, request)
        if schemas:
            refs: list[Schema] = []
            examples: list[Example] = []
            for number, (root, schema) in enumerate(schemas, start=1):
                component = fit(name if number == 1 else f"{name}{number}")
                while component in self.builder.schemas:  # a shortened name already taken
                    component += "X"
                self.builder.schemas[component] = schema
                refs.append({"$ref": "#/components/schemas/" + component})
                examples += [Example(text, "", self.page.source) for text in samples.get(root, [])]
            schema = refs[0] if len(refs) == 1 else {"anyOf": refs}
            return Body(schema, examples=examples, media_type="application/xml")
        for text in other:
            if text.lstrip().startswith("{") or "json" in text.lower():
                return Body({"type": "object"}, examples=_json_examples(text, self.page.source),
                            media_type="application/json")  # fmt: skip
        if other or placeholder:
            return Body(dict(BINARY), media_type="application/octet-stream")
        return None

    def _responses(
        self, endpoint: SyntaxEndpoint, infos: dict[str, ElementInfo], op_id: str
    ) -> dict[str, Response]:
        success = next((s for s in endpoint.statuses if s.startswith("2")), "200")
        body = self._body(
            endpoint.response_xml, infos, False, op_id + "Response", endpoint.response_placeholder
        )
        response = Response(success, reason_phrase(success), body)
        for table in self._understood(self._tables("response", "header")):
            response.headers += [
                p for p in self._table_parameters(table, "header") if p.name not in
                {h.name for h in response.headers}
            ]  # fmt: skip
        for header in response.headers:
            header.required = False
        return {success: response}


def _subresource_parameter(key: str, value: str) -> Parameter:
    """`?acl` (value "") or `?list-type=2`: a required query key with that one value."""
    schema: Schema = {"type": "string", "enum": [value]}
    said = f"Selects the `{key}` sub-resource" + (f" (always {value})." if value else ".")
    return Parameter(key, "query", True, schema, said, allow_empty=not value)


def _request_line_parameters(endpoint: SyntaxEndpoint) -> list[Parameter]:
    """Query keys with a placeholder value and headers the syntax block shows, as plain
    strings: they count where no table documents them."""
    params = [Parameter(key, "query", True, {"type": "string"}) for key in endpoint.placeholders]
    params += [
        Parameter(name, "header", False, {"type": "string"})
        for name, _ in endpoint.message.headers
        if name.lower() not in WIRE_HEADERS
    ]
    return params


def _whole_name(table: Table, fld: Field, mandatory: int | None) -> Field:
    """The row with its name as written across a line break ("part-number" / "-marker")
    and its Mandatory cell read."""
    row = table.rows[fld.row - 1]
    cell = next((c.text for c in row if c.text.strip().startswith(fld.name)), "")
    lines = [line.strip() for line in cell.splitlines()]
    name = fld.name
    if len(lines) > 1 and (lines[0].endswith("-") or lines[1].startswith("-")):
        joined = lines[0] + lines[1]
        if re.fullmatch(r"[\w-]+", joined):
            name = joined
    required = fld.required if mandatory is None else says_mandatory(table, fld.row, mandatory)
    return replace(fld, name=name, required=required)


def _json_examples(text: str, source: str) -> list[Example]:
    try:
        return [Example(json.loads(text), "", source)]
    except ValueError:
        return []


def interpret_request_syntax(
    page: Page, sections: list[RoledSection], builder: SchemaBuilder, base_id: str
) -> PageResult | None:
    """The page's operations from its request syntax blocks; None when it shows none."""
    messages = syntax_blocks(sections)
    if not messages:
        if not has_syntax_section(sections):
            return None
        reason = "a Request Syntax block whose first line is no HTTP request line"
        return PageResult.skip(page.source, "request-syntax", reason, page.title)
    operations = RequestSyntaxReader(page, sections, builder).read(messages, base_id)
    return builder.page_result(operations)
