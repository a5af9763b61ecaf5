"""Operations from S3-style pages: a "Request Syntax" block instead of a URI section.

Such a page shows the raw request (`PUT /ObjectName?acl HTTP/1.1`, `Host: bucketname...`),
then tables of request parameters, headers and XML elements, the response likewise, and whole
sample requests and responses. The bucket is in the host name (virtual-hosted style): it
becomes a server variable of the operation's `servers`; the object key is the path. The query
keys written bare (`?acl`) or with a literal value (`?list-type=2`) select a sub-resource:
they are the operation's `subresource` key (see scraper/subresources.py), and required query
parameters with that one value. Keys written with a placeholder (`?uploadId=uploadID`) are
ordinary query parameters.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

from doc2openapi.scraper.interpret.columns import (
    REQUIRED_YES,
    Field,
    is_parameter_table,
    read_fields,
)
from doc2openapi.scraper.interpret.http_message import HttpMessage, parse_message, reason_phrase
from doc2openapi.scraper.interpret.schemas import SchemaBuilder, fit
from doc2openapi.scraper.interpret.sections import RoledSection
from doc2openapi.scraper.interpret.xml_bodies import (
    ElementInfo,
    Node,
    NotXml,
    element_infos,
    merge,
    parse_xml,
    relax_required,
    root_schema,
    split_name,
)
from doc2openapi.scraper.model import (
    SOURCE_KEY,
    UNNAMED_KEY,
    Body,
    Example,
    Location,
    Operation,
    PageResult,
    Parameter,
    Response,
    Schema,
)
from doc2openapi.scraper.page import CodeBlock, Page, Paragraph, Table

MANDATORY = re.compile(r"^(mandatory|required)\b", re.I)
SYNTAX_TITLE = re.compile(r"\bsyntax\b", re.I)
WIRE_HEADERS = {"host", "date", "authorization", "content-length", "content-type", "accept"}
"""Headers every request carries, or that OpenAPI itself describes (media type, security)."""
NAMED_HOST_LABEL = re.compile(r"^(?P<word>[a-z]+?)-?name$", re.I)  # "bucketname" -> bucket
HOST_VARIABLES = {"region"}
# Domains the docs write where the cloud's own belongs: RFC 2606's reserved names, "xxx.com".
PLACEHOLDER_DOMAIN = re.compile(
    r"^(?:.*\.)?(?:example\.(?:com|net|org)|[^.]+\.example|x{3,}\.\w+)$"
)
DOMAIN_VARIABLE = "external_domain_name"
LITERAL_VALUE = re.compile(r"^\d+$")  # ?list-type=2: a value written as a literal
BINARY: Schema = {"type": "string", "format": "binary"}


@dataclass
class _Endpoint:
    """One request syntax block: the operation it documents and what the page shows of it."""

    message: HttpMessage
    path: str
    server: dict[str, object] | None
    markers: list[tuple[str, str]]  # (key, value: "" for a bare key)
    placeholders: list[str]  # query keys written with a placeholder value
    request_xml: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)
    response_xml: list[tuple[str, str]] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    response_placeholder: bool = False

    def roots(self) -> set[str]:
        """The root element names of the sample responses given to this endpoint."""
        return {_root(text) for _, text in self.response_xml} - {""}


def _root(text: str) -> str:
    """The root element's name of an XML text ("" when it is not one)."""
    found = re.search(r"<([A-Za-z_][\w.-]*)[\s>/]", re.sub(r"<\?[^>]*\?>", "", text))
    return found.group(1) if found else ""


def syntax_blocks(sections: list[RoledSection]) -> list[HttpMessage]:
    """The request syntax messages: request-line code blocks outside example sections."""
    found: list[HttpMessage] = []
    for roled in sections:
        if roled.role != "request":
            continue
        for block in roled.section.blocks:
            if isinstance(block, CodeBlock):
                message = parse_message(block.text)
                if message is not None and message.method:
                    found.append(message)
    return found


def has_syntax_section(sections: list[RoledSection]) -> bool:
    """A "Request Syntax" heading with a code block under it, whatever the block holds."""
    return any(
        roled.role == "request"
        and SYNTAX_TITLE.search(roled.section.title)
        and any(isinstance(b, CodeBlock) for b in roled.section.blocks)
        for roled in sections
    )


def server_of(host: str | None) -> dict[str, object] | None:
    """The server a Host line stands for: placeholder labels become variables.

    `bucketname.obs.region.example.com` ->
    `https://{bucket}.obs.{region}.{external_domain_name}`: a placeholder domain is the
    cloud's, which the service's own endpoint names where the docs give it.
    """
    if not host:
        return None
    labels: list[str] = []
    variables: dict[str, dict[str, Any]] = {}
    parts = host.strip().lower().split(".")
    for position, label in enumerate(parts):
        rest = ".".join(parts[position:])
        if "region" in variables and PLACEHOLDER_DOMAIN.match(rest):
            labels.append("{" + DOMAIN_VARIABLE + "}")  # the cloud's domain, not "example.com"
            variables[DOMAIN_VARIABLE] = {
                "default": DOMAIN_VARIABLE,
                "description": f"The cloud's domain name ({rest} in the docs).",
                UNNAMED_KEY: True,
            }
            break
        named = NAMED_HOST_LABEL.match(label)
        if named is not None and named.group("word") not in ("host", "domain"):
            name = named.group("word")
        elif label in HOST_VARIABLES:
            name = label
        else:
            labels.append(label)
            continue
        labels.append("{" + name + "}")
        variables[name] = {"default": name, "description": f"The {name} ({label} in the docs)."}
    url = "https://" + ".".join(labels)
    return {"url": url, "variables": variables} if variables else {"url": url}


def path_of(path: str) -> str:
    """`/` stays; one key segment (`/ObjectName`) is the object key `/{object}`."""
    segments = [s for s in path.split("/") if s]
    if not segments:
        return "/"
    if len(segments) == 1:
        return "/{object}"
    return "/" + "/".join(segments)


def _endpoint(message: HttpMessage) -> _Endpoint:
    markers: list[tuple[str, str]] = []
    placeholders: list[str] = []
    for key, value in message.query:
        if value is None or LITERAL_VALUE.match(value):
            markers.append((key, value or ""))
        else:
            placeholders.append(key)
    return _Endpoint(
        message, path_of(message.path), server_of(message.header("Host")), markers, placeholders
    )


def _matches(endpoint: _Endpoint, sample: HttpMessage) -> int:
    """How well a sample request fits an endpoint (-1: not at all)."""
    if sample.method != endpoint.message.method:
        return -1
    keys = {k for k, _ in sample.query}
    wanted = {k for k, _ in endpoint.markers}
    if not wanted <= keys:
        return -1
    if path_of(sample.path) != endpoint.path:
        return 0
    return 1 + len(wanted)


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
        endpoints = [_endpoint(m) for m in messages]
        self._collect_bodies(endpoints)
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

    def _collect_bodies(self, endpoints: list[_Endpoint]) -> None:
        """Syntax and sample bodies, each given to the endpoint it belongs to."""
        current: _Endpoint | None = None
        syntax_index = 0
        syntax_responses: list[HttpMessage] = []
        for roled in self.sections:
            for block in roled.section.blocks:
                if not isinstance(block, CodeBlock):
                    continue
                text = block.text
                message = parse_message(text)
                if message is None and text.lstrip().startswith("<"):
                    message = HttpMessage(body=text.strip())  # a body shown alone
                if message is None:
                    continue
                if roled.role == "request" and message.method:
                    current = endpoints[min(syntax_index, len(endpoints) - 1)]
                    syntax_index += 1
                    self._take_request(current, message, "syntax")
                elif roled.role in ("example-request", "examples") and message.method:
                    scores = [_matches(e, message) for e in endpoints]
                    best = max(scores)
                    if best < 0:
                        current = None
                        continue
                    current = endpoints[scores.index(best)]
                    self._take_request(current, message, "sample")
                elif message.method:
                    continue
                elif roled.role == "response":
                    syntax_responses.append(message)
                elif roled.role in ("example-response", "examples"):
                    target = current or endpoints[0]
                    if message.status.isdigit():
                        target.statuses.append(message.status)
                    if message.status[:1].isdigit() and message.status[:1] != "2":
                        continue  # an error sample (412 <Error>) is no success body
                    if message.body:
                        target.response_xml.append(("sample", message.body))
                    elif message.body_placeholder:
                        target.response_placeholder = True
        for message in syntax_responses:  # to the endpoint whose samples show its root
            found = next((e for e in endpoints if _root(message.body) in e.roots()), None)
            target = found or endpoints[0]
            if message.body:
                target.response_xml.insert(0, ("syntax", message.body))
            elif message.body_placeholder:
                target.response_placeholder = True

    @staticmethod
    def _take_request(endpoint: _Endpoint, message: HttpMessage, kind: str) -> None:
        if message.body:
            endpoint.request_xml.append((kind, message.body))

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
        endpoint: _Endpoint,
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
        op.request_body = self._request_body(endpoint, message, request_infos, op_id)
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

    def _parameters(self, endpoint: _Endpoint) -> list[Parameter]:
        params: list[Parameter] = []
        if "{object}" in endpoint.path:
            params.append(Parameter("object", "path", True, {"type": "string"}, "The object key."))
        for key, value in endpoint.markers:
            params.append(
                Parameter(
                    key,
                    "query",
                    True,
                    {"type": "string", "enum": [value]},
                    f"Selects the `{key}` sub-resource" + (f" (always {value})." if value else "."),
                    allow_empty=not value,
                )
            )
        markers = {k for k, _ in endpoint.markers}
        named: set[tuple[str, str]] = {("query", k) for k in markers}
        for where, location in (("parameter", "query"), ("header", "header")):
            for table in self._understood(self._tables("request", where)):
                for param in self._table_parameters(table, location):
                    if (param.location, param.name) not in named:
                        named.add((param.location, param.name))
                        params.append(param)
        for key in endpoint.placeholders:
            if ("query", key) not in named:  # in the request line, in no table
                named.add(("query", key))
                params.append(Parameter(key, "query", True, {"type": "string"}))
        for name, _ in endpoint.message.headers:
            if name.lower() not in WIRE_HEADERS and ("header", name) not in named:
                named.add(("header", name))
                params.append(Parameter(name, "header", False, {"type": "string"}))
        return params

    def _table_parameters(self, table: Table, location: str) -> list[Parameter]:
        ref = self.builder.index.ref_of(self.page, table)
        out: list[Parameter] = []
        mandatory = _mandatory_column(table)
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
            if fld.type is None or schema.get("type") in ("object", "array") or not schema:
                schema = {"type": "string"}
            kind: Location = "header" if location == "header" else "query"
            out.append(Parameter(fld.name, kind, fld.required, schema, description, source))
        return out

    # -- bodies ----------------------------------------------------------------------------

    def _xml_schemas(
        self, docs: list[tuple[str, str]], infos: dict[str, ElementInfo], request: bool
    ) -> tuple[list[tuple[str, Schema]], dict[str, list[str]], list[str]]:
        """Root name -> schema (in order of appearance), the samples of each root, and
        the texts that are not XML (JSON or prose standing for the body)."""
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
        self.placed |= {name for tree in trees.values() for name in _names(tree)}
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

    def _request_body(
        self,
        endpoint: _Endpoint,
        message: HttpMessage,
        infos: dict[str, ElementInfo],
        op_id: str,
    ) -> Body | None:
        return self._body(
            endpoint.request_xml, infos, True, op_id + "Request", bool(message.body_placeholder)
        )

    def _responses(
        self, endpoint: _Endpoint, infos: dict[str, ElementInfo], op_id: str
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


def _mandatory_column(table: Table) -> int | None:
    """The "Mandatory (Yes/No)" column, whatever its header adds after the word."""
    for index, header in enumerate(table.header):
        if MANDATORY.match(header.strip()):
            return index
    return None


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
    required = fld.required
    if mandatory is not None:
        required = REQUIRED_YES.match(row[mandatory].text.strip()) is not None
    return replace(fld, name=name, required=required)


def _names(node: Node) -> set[str]:
    out = {node.name} | set(node.attributes)
    for child in node.children.values():
        out |= _names(child)
    return out


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
