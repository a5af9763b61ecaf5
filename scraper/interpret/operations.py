"""The interpreter: one Page in, its operations (or the reason it has none) out.

It reads only the Page model, so every reader's output goes through the same rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from openapi_schema_validator import OAS30Validator

from doc2openapi.scraper.interpret.columns import (
    Field,
    is_parameter_table,
    is_status_table,
    read_fields,
)
from doc2openapi.scraper.interpret.endpoints import (
    Endpoint,
    bodyless,
    distinct_template_names,
    find_endpoints,
    uri_endpoints,
)
from doc2openapi.scraper.interpret.examples import REQUEST_LINE, NotJson, extract_json
from doc2openapi.scraper.interpret.http_message import reason_phrase
from doc2openapi.scraper.interpret.inference import NAME_WORDS, refine_with_examples
from doc2openapi.scraper.interpret.linker import TableIndex, TableRef, page_key
from doc2openapi.scraper.interpret.prose import operation_prose
from doc2openapi.scraper.interpret.prose_headers import prose_headers
from doc2openapi.scraper.interpret.references import tidy_operation
from doc2openapi.scraper.interpret.request_syntax import interpret_request_syntax
from doc2openapi.scraper.interpret.schemas import SchemaBuilder, camel
from doc2openapi.scraper.interpret.sections import RoledSection, assign_roles
from doc2openapi.scraper.interpret.templates import TEMPLATE_VAR
from doc2openapi.scraper.model import (
    LOCATIONS,
    REF_PREFIX,
    SOURCE_KEY,
    Body,
    Example,
    Json,
    Location,
    Operation,
    PageResult,
    Parameter,
    Response,
    Schema,
)
from doc2openapi.scraper.naming import doc_name, operation_names, title_name
from doc2openapi.scraper.page import Block, CodeBlock, Page, Paragraph, Table

NO_BODY_STATUSES = frozenset({"204", "205", "304"})  # RFC 9110: these responses have no body
STATUS_MARKER = re.compile(r"\bstatus\s+codes?\s*[:：]?\s*(\d{3})\b", re.I)
STATUS_LINE = re.compile(r"^\s*([1-5]\d\d)\b(?![.,]\d)\s*[:：-]?\s*(.{0,80})$", re.S)
IMPLIED_HEADERS = {"x-auth-token", "content-type", "accept", "authorization"}
CONTENT_TYPE = re.compile(r"content-type\W{0,3}:\s*([\w.+-]+/[\w.+-]+)", re.I)
FORM_DATA = re.compile(r"\bform[\s_-]?data\b", re.I)
DEPRECATED = re.compile(r"\b(deprecated|discarded|out-of-date|obsolete)\b", re.I)


@dataclass
class _Draft:
    """What one page says, before it is split into one Operation per endpoint."""

    parameters: dict[tuple[str, str], Parameter] = field(default_factory=dict)
    request: TableRef | None = None
    bodies: dict[str, TableRef] = field(default_factory=dict)
    statuses: dict[str, str] = field(default_factory=dict)
    request_examples: list[Example] = field(default_factory=list)
    response_examples: dict[str, list[Example]] = field(default_factory=dict)
    template_vars: set[str] = field(default_factory=set)
    query_names: set[str] = field(default_factory=set)  # named in the URI's query string
    alternatives: list[TableRef] = field(default_factory=list)  # other forms of the request
    status_note: str = ""  # "See Returned Values for General Requests."
    query_examples: dict[str, str] = field(default_factory=dict)
    repeats: dict[str, str] = field(default_factory=dict)  # renamed repeat -> the name it repeats


def operation_id_base(page: Page) -> str:
    """A name for the page's schemas before its endpoints are known."""
    return doc_name(page) or title_name(page.title) or camel(page_key(page.source)) or "Operation"


def _action_key(draft: _Draft) -> str | None:
    """The request body's one top-level field (an action such as "os-start"), if one: the
    key every request example wraps its body in, else the table's one row."""
    if draft.request is None:
        return None
    keys = {next(iter(e.value)) for e in draft.request_examples if isinstance(e.value, dict)}
    if (
        draft.request_examples
        and len(keys) == 1
        and all(isinstance(e.value, dict) and len(e.value) == 1 for e in draft.request_examples)
    ):
        return str(keys.pop())
    fields = read_fields(draft.request.table)
    return fields[0].name if len(fields) == 1 else None


class Interpreter:
    """Interprets pages of one service; `index` lets tables link across pages."""

    def __init__(self, index: TableIndex) -> None:
        self.index = index

    def interpret(self, page: Page) -> PageResult:
        sections = assign_roles(page)
        uri_sections = [s for s in sections if s.role == "uri"]
        if not uri_sections:
            base = operation_id_base(page)
            builder = SchemaBuilder(self.index, page, base)
            found = interpret_request_syntax(page, sections, builder, base)
            if found is not None:
                for op in found.operations:  # prose as for every other operation
                    tidy_operation(op, page, self.index, builder.tables())
                return found
            return PageResult(page.source, "not-an-operation", page.title, reason="no URI section")
        endpoints = uri_endpoints(uri_sections)
        if not endpoints:
            reason = "the URI section names no HTTP method and path"
            return PageResult.skip(page.source, "no-endpoint", reason, page.title)
        base_id = operation_id_base(page)
        builder = SchemaBuilder(self.index, page, base_id)
        endpoints, repeats = distinct_template_names(endpoints, builder)
        draft = _Draft(
            template_vars={v for e in endpoints for v in TEMPLATE_VAR.findall(e.path)},
            query_names={q for e in endpoints for q in e.query},
        )
        draft.repeats = repeats
        self._read_sections(page, sections, draft, builder)
        if draft.request is not None and bodyless(endpoints) and not draft.request_examples:
            self._request_table_as_query(draft.request, draft, builder)
        pairs = [(e.method, e.path) for e in endpoints]
        ids = operation_names(page, pairs, _action_key(draft))
        base_id = builder.operation_id = ids[0]
        operations = [
            self._operation(page, sections, draft, builder, endpoint, operation_id, base_id)
            for endpoint, operation_id in zip(endpoints, ids, strict=True)
        ]
        vocabulary = page_vocabulary(page)
        for op in operations:
            builder.diagnostics += refine_with_examples(op, vocabulary)
            tidy_operation(op, page, self.index, builder.tables())
        self._report_unused_tables(page, sections, builder)
        return builder.page_result(operations)

    # -- reading the sections -------------------------------------------------------------

    def _read_sections(
        self, page: Page, sections: list[RoledSection], draft: _Draft, builder: SchemaBuilder
    ) -> None:
        for roled in sections:
            role = roled.role
            if role == "uri":
                for table in self._tables(roled):
                    self._parameters(page, table, "uri", draft, builder)
            elif role in ("request", "response"):
                self._body_section(page, roled, draft, builder)
            elif role == "status":
                notes = [b.body.text for b in roled.section.blocks if isinstance(b, Paragraph)]
                draft.status_note = draft.status_note or " ".join(notes)
                for note in notes:  # "- Normal" then "204" on a line of its own
                    for line in note.splitlines():
                        if (status := STATUS_LINE.match(line)) is not None:
                            code, words = status.groups()
                            draft.statuses.setdefault(code, " ".join(words.split()))
                for table in self._tables(roled):
                    if is_status_table(table):
                        for row in table.rows:
                            code = row[0].text.strip()[:3]
                            if code.isdigit() and code not in draft.statuses:
                                description = row[1].text if len(row) > 1 else ""
                                draft.statuses[code] = " ".join(description.split())
            elif role in ("example-request", "example-response", "examples"):
                self._examples(page, roled, draft, builder)

    def _request_table_as_query(
        self, request: TableRef, draft: _Draft, builder: SchemaBuilder
    ) -> None:
        """A GET (HEAD, DELETE) page whose filters sit in a table under "Request", with no
        request body shown: its rows are query parameters, not a JSON body."""
        draft.request = None
        self._parameters(request.page, request.table, "request", draft, builder)
        builder.diagnose(
            "inferred:query",
            "the request table of a method without a body is read as query parameters",
            request.table.caption,
        )

    @staticmethod
    def _tables(roled: RoledSection) -> list[Table]:
        return [b for b in roled.section.blocks if isinstance(b, Table)]

    def _parameters(
        self, page: Page, table: Table, where: str, draft: _Draft, builder: SchemaBuilder
    ) -> None:
        if not is_parameter_table(table):
            builder.diagnose(
                "unknown-table", f"headers {list(table.header)} not understood", table.caption
            )
            return
        ref = self.index.ref_of(page, table)
        builder.used.add(ref.key)
        caption = table.caption.lower()
        for fld in read_fields(table):
            location = _row_location(fld, caption, where, draft)
            if location == "header" and fld.name.lower() in IMPLIED_HEADERS:
                continue
            schema = builder.field_schema(fld, ref)
            description = schema.pop("description", "")
            source = schema.pop(SOURCE_KEY, None)
            if fld.type is None:  # no Type column: on the wire a parameter is text
                schema = {"type": "string"}
            wire = _wire_schema(schema, location, fld.name, builder)
            if wire is None:
                continue
            schema = wire
            parameter = Parameter(
                fld.name, location, fld.required or location == "path", schema, description, source
            )
            draft.parameters.setdefault((location, fld.name), parameter)

    def _body_section(
        self, page: Page, roled: RoledSection, draft: _Draft, builder: SchemaBuilder
    ) -> None:
        status: str | None = None
        awaiting_root = True
        elsewhere: TableRef | None = None
        labelled = False  # the block before this one is a paragraph ("Parameters for ...")
        for block in roled.section.blocks:
            if isinstance(block, Paragraph):
                marker = STATUS_MARKER.search(block.body.text)
                if marker and roled.role == "response":
                    status, awaiting_root = marker.group(1), True
                elsewhere = elsewhere or self._linked_body(page, block)
                labelled = True
                continue
            after_label, labelled = labelled, False
            if not isinstance(block, Table):
                continue
            caption = block.caption.lower()
            if not is_parameter_table(block):
                if not is_status_table(block):
                    builder.diagnose(
                        "unknown-table",
                        f"headers {list(block.header)} not understood",
                        block.caption,
                    )
                continue
            if caption_location(caption) is not None:
                if roled.role == "request":
                    self._parameters(page, block, "request", draft, builder)
                else:
                    builder.used.add(self.index.ref_of(page, block).key)
                continue
            ref = self.index.ref_of(page, block)
            if not awaiting_root:
                if roled.role == "request" and after_label and not block.anchors:
                    draft.alternatives.append(ref)  # another form of the body, unless linked
                continue  # a nested object's table: reached through links
            awaiting_root = False
            self._body(roled.role, status, ref, draft)
        if elsewhere is not None and not any(isinstance(b, Table) for b in roled.section.blocks):
            self._body(roled.role, status, elsewhere, draft)
            builder.diagnose(
                "linked-body",
                f"the {roled.role} section has no table; its fields are read from "
                f"{elsewhere.page.source} ({elsewhere.table.caption or 'its first table'})",
            )

    @staticmethod
    def _alternatives(
        schema: Schema, draft: _Draft, builder: SchemaBuilder, base_id: str
    ) -> Schema:
        """A request section that gives the body in several forms, each a labelled table of
        its own ("Parameters for creating an image from an ECS", "... from a file") that no
        field links to: one body with every form's fields, required where all forms agree
        (as the SDKs model it; a client sends the fields of the form it means)."""
        forms = [ref for ref in draft.alternatives if ref.key not in builder.used]
        if not forms or "$ref" not in schema:
            return schema
        first = builder.schemas[schema["$ref"][len(REF_PREFIX) :]]
        merged = dict(first)
        properties = dict(first.get("properties", {}))
        required = set(first.get("required", []))
        for ref in forms:
            builder.used.add(ref.key)
            other = builder.object_schema(ref)
            for name, prop in other.get("properties", {}).items():
                properties.setdefault(name, prop)
            required &= set(other.get("required", []))
        merged["properties"] = properties
        merged["required"] = [n for n in first.get("required", []) if n in required]
        if not merged["required"]:
            del merged["required"]
        builder.schemas[schema["$ref"][len(REF_PREFIX) :]] = merged
        builder.diagnose(
            "inferred:alternatives",
            f"the request section gives {len(forms) + 1} forms of the body: one body with "
            "every form's fields, required only where all forms require them",
        )
        return schema

    @staticmethod
    def _body(role: str, status: str | None, ref: TableRef, draft: _Draft) -> None:
        if role == "request":
            draft.request = draft.request or ref
        else:
            draft.bodies.setdefault(status or "", ref)

    def _linked_body(self, page: Page, paragraph: Paragraph) -> TableRef | None:
        """The table a table-less body section points at ("See Responses (Task)."): a
        link to another page, or to a section or table anchor on one."""
        for link in paragraph.body.links:
            if link.page == page.source or not (link.page or link.anchor):
                continue
            found = self.index.by_link(link, page) or self.index.by_page_link(link, page)
            if found is not None and found.page.source != page.source:
                return found
        return None

    @staticmethod
    def _query_examples(block: Block, draft: _Draft) -> None:
        """Query values in example request lines ("GET https://.../jobs?limit=10")."""
        text = block.body.text if isinstance(block, Paragraph) else getattr(block, "text", "")
        for endpoint in find_endpoints(text.split("\n", 1)[0]):
            for name, value in endpoint.query_values:
                draft.query_examples.setdefault(name, value)

    def _examples(
        self, page: Page, roled: RoledSection, draft: _Draft, builder: SchemaBuilder
    ) -> None:
        """Examples go by section role, else by their label ("Sample request", a request line)."""
        label = ""
        status: str | None = None
        after_request_line = False
        for block in roled.section.blocks:
            if roled.role != "example-response":
                self._query_examples(block, draft)
            if isinstance(block, Paragraph):
                text = block.body.text
                if (marker := STATUS_MARKER.search(text)) is not None:
                    status = marker.group(1)
                elif REQUEST_LINE.match(text):
                    after_request_line = True  # a copied page splits "POST url" from its body
                else:
                    label, after_request_line = text, False
                continue
            if not isinstance(block, CodeBlock):
                continue
            try:
                values = extract_json(block.text)
            except NotJson as err:
                builder.diagnose("bad-example", f"example in {roled.section.title!r}: {err}")
                continue
            is_request = after_request_line or REQUEST_LINE.match(block.text) is not None
            after_request_line = False
            if not values:
                continue
            summary = " ".join(label.split())[:120]
            shown = CONTENT_TYPE.search(block.text)
            media_type = shown.group(1).lower() if shown else ""
            examples = [Example(value, summary, page.source, media_type) for value in values]
            kind = roled.role
            low = label.lower()
            if kind == "example-request" and "response" in low and "request" not in low:
                continue  # a response shown while explaining the request (often another API's)
            if kind == "examples":
                if any(w in low for w in ("fail", "error", "abnormal")):
                    continue  # an error body: no documented schema to hold it
                request = is_request or ("request" in low and "response" not in low)
                kind = "example-request" if request else "example-response"
            if kind == "example-request":
                draft.request_examples += examples
                continue
            errors = [e for e in examples if is_error_body(e.value)]
            if errors and not (status or "").startswith(("4", "5")):
                builder.diagnose(
                    "error-example",
                    f"an error body ({', '.join(sorted(errors[0].value))}) shown among the "
                    f"examples of {roled.section.title!r}; left out of the success response",
                )
                examples = [e for e in examples if e not in errors]
            draft.response_examples.setdefault(status or "", []).extend(examples)

    # -- assembling operations --------------------------------------------------------------

    def _operation(
        self,
        page: Page,
        sections: list[RoledSection],
        draft: _Draft,
        builder: SchemaBuilder,
        endpoint: Endpoint,
        operation_id: str,
        base_id: str,
    ) -> Operation:
        op = Operation(
            method=endpoint.method.lower(),
            path=endpoint.path,
            operation_id=operation_id,
            source=page.source,
            summary=page.title,
            description=operation_prose(page, sections),
            deprecated=DEPRECATED.search(page.title) is not None,
        )
        op.parameters = self._operation_parameters(page, draft, builder, endpoint)
        op.parameters += _prose_header_parameters(sections, op.parameters, builder)
        if draft.request is not None:
            schema = builder.object_ref(draft.request, base_id + "Request")
            schema = self._alternatives(schema, draft, builder, base_id)
            media_type = _request_media_type(draft.request, draft.request_examples)
            op.request_body = Body(
                schema, examples=list(draft.request_examples), media_type=media_type
            )
        elif draft.request_examples:
            builder.diagnose(
                "example-without-schema", "a request example is given but no request body table"
            )
        op.responses = self._responses(page, draft, builder, base_id)
        op.schemas = builder.schemas
        return op

    def _operation_parameters(
        self, page: Page, draft: _Draft, builder: SchemaBuilder, endpoint: Endpoint
    ) -> list[Parameter]:
        template = TEMPLATE_VAR.findall(endpoint.path)
        params: list[Parameter] = []
        misspelt = _misspelt_path_rows(draft, template)
        for (location, name), param in draft.parameters.items():
            if (location, name) in misspelt:
                var = misspelt[(location, name)]
                builder.diagnose(
                    "doc-defect:parameter-name",
                    f"parameter row {name!r} names no variable of {endpoint.path}; "
                    f"taken as the path variable {{{var}}}, the closest name",
                )
                param = Parameter(var, "path", True, param.schema, param.description, param.source)
                params.append(param)
                continue
            if location == "path" and name not in template:
                if name not in draft.template_vars:  # else it belongs to a sibling endpoint
                    builder.diagnose(
                        "path-parameter-not-in-path",
                        f"path parameter {name!r} occurs in no documented path",
                    )
                continue
            params.append(param)
            if location == "query" and name in draft.query_examples:
                self._parameter_example(param, draft.query_examples[name], builder)
        names = {p.name for p in params if p.location == "path"}
        for var in template:
            original = next((p for p in params if p.name == draft.repeats.get(var)), None)
            if var not in names and original is not None and original.location == "path":
                params.append(Parameter(var, "path", True, original.schema, original.description))
                names.add(var)
            if var not in names:
                builder.diagnose(
                    "undocumented-path-parameter",
                    f"{{{var}}} in {endpoint.path} has no parameter row; typed as string",
                )
                params.append(Parameter(var, "path", True, {"type": "string"}))
                names.add(var)
        return params

    @staticmethod
    def _parameter_example(param: Parameter, raw: str, builder: SchemaBuilder) -> None:
        """The example request's value, typed as the parameter is; a mismatch is a defect."""
        kind = param.schema.get("type")
        value: Json = raw
        try:
            if kind == "integer":
                value = int(raw)
            elif kind == "number":
                value = float(raw)
            elif kind == "boolean":
                value = {"true": True, "false": False}[raw.lower()]
        except (ValueError, KeyError):
            value = None
        checker = OAS30Validator(param.schema, format_checker=OAS30Validator.FORMAT_CHECKER)
        if value is None or not checker.is_valid(value):
            builder.diagnose(
                "doc-defect:example",
                f"query parameter {param.name!r}: example value {raw!r} does not fit its schema",
            )
            return
        param.example = value

    def _responses(
        self, page: Page, draft: _Draft, builder: SchemaBuilder, base_id: str
    ) -> dict[str, Response]:
        responses = {code: Response(code, desc) for code, desc in draft.statuses.items()}
        success = next((c for c in responses if c.startswith("2")), None)

        def code_of(status: str) -> str:  # no status stated: the success response
            return status or success or "200"

        body_codes = {code_of(status) for status in draft.bodies}
        for status, ref in draft.bodies.items():
            code = code_of(status)
            if code in NO_BODY_STATUSES:
                builder.diagnose(
                    "doc-defect:status",
                    f"response fields are documented for status {code}, which has no body "
                    "in HTTP; they are left out",
                )
                continue
            suffix = "Response" if code == (success or "200") else f"Response{code}"
            response = responses.setdefault(code, Response(code))
            response.body = Body(builder.object_ref(ref, base_id + suffix))
        for status, examples in draft.response_examples.items():
            code = code_of(status)
            documented = responses.get(code)
            if code in NO_BODY_STATUSES:
                has_body = any(e.value not in (None, {}, [], "") for e in examples)
                if code not in body_codes and has_body:
                    builder.diagnose(
                        "doc-defect:status",
                        f"a {code} response example is given, but that status has no body",
                    )
                continue
            if documented is None or documented.body is None:
                builder.diagnose(
                    "example-without-schema",
                    f"a {code} response example is given but no response table",
                )
                continue
            documented.body.examples.extend(examples)
        if not responses:
            builder.diagnose("no-responses", "no status codes or response tables documented")
            responses["default"] = Response("default", draft.status_note or "Not documented")
        for response in responses.values():
            if not response.description:
                response.description = reason_phrase(response.status)
        return dict(sorted(responses.items()))

    def _report_unused_tables(
        self, page: Page, sections: list[RoledSection], builder: SchemaBuilder
    ) -> None:
        for roled in sections:
            if roled.role not in ("uri", "request", "response"):
                continue
            for table in self._tables(roled):
                ref = self.index.ref_of(page, table)
                if ref.key not in builder.used and is_parameter_table(table):
                    builder.diagnose(
                        "unlinked-table",
                        "no field refers to this table; its fields are not in the spec",
                        table.caption,
                    )


def _prose_header_parameters(
    sections: list[RoledSection], documented: list[Parameter], builder: SchemaBuilder
) -> list[Parameter]:
    """Optional header parameters for the headers the page's prose asks for by name."""
    known = {p.name.lower() for p in documented if p.location == "header"} | IMPLIED_HEADERS
    found: list[Parameter] = []
    for name, (value, sentence) in prose_headers(sections).items():
        if name.lower() in known:
            continue
        found.append(Parameter(name, "header", False, {"type": "string"}, sentence, None, value))
        builder.diagnose(
            "inferred:header", f"header {name} (e.g. {value!r}) is asked for in the prose"
        )
    return found


def _wire_schema(
    schema: Schema, location: Location, name: str, builder: SchemaBuilder
) -> Schema | None:
    """A parameter's schema as it can travel: a path segment is a scalar (a doc type
    "Object" there is a defect), and an array whose item type the docs omit holds strings
    (a query string carries text)."""
    if location == "path" and (schema.get("type") in ("object", "array") or "allOf" in schema):
        builder.diagnose(
            "doc-defect:parameter-type",
            f"path parameter {name!r} is documented as {schema.get('type', 'an object')}; "
            "a path segment is a string",
        )
        return {"type": "string"}
    if schema.get("type") == "array" and not schema.get("items"):
        builder.diagnose(
            "inferred:items",
            f"{location} parameter {name!r}: array with no item type; items taken as strings",
        )
        schema = {**schema, "items": {"type": "string"}}
    if location in ("query", "header") and schema.get("type") == "object" and len(schema) == 1:
        builder.diagnose(
            "doc-defect:parameter-type",
            f"{location} parameter {name!r} is documented as a bare Object; typed as string",
        )
        return {"type": "string"}
    if location in ("query", "header") and _holds_objects(schema):
        builder.diagnose(
            "doc-defect:parameter-type",
            f"{location} parameter {name!r} is documented as an object (or a list of them), "
            "which a query string or header cannot carry; left out",
        )
        return None
    return schema


def _holds_objects(schema: Schema) -> bool:
    """An object, or an array of objects: a $ref, an allOf wrapper or a typed object."""
    items = schema.get("items") if schema.get("type") == "array" else None
    for node in (schema, items) if isinstance(items, dict) else (schema,):
        if node.get("properties") or "$ref" in node or "allOf" in node:
            return True
    return False


def page_vocabulary(page: Page) -> frozenset[str]:
    """The words of a page's prose and tables (not its examples), lower case."""
    texts: list[str] = [page.title]
    for section in page.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph):
                texts.append(block.body.text)
            elif isinstance(block, Table):
                texts += [cell.text for row in block.rows for cell in row]
    return frozenset(w.lower() for text in texts for w in NAME_WORDS.findall(text))


ERROR_KEYS = frozenset({"error", "error_code", "error_msg", "errorcode", "errormsg", "code",
                        "message", "msg", "request_id", "requestid", "error_description",
                        "encoded_authorization_message", "details"})  # fmt: skip
ERROR_MARKERS = frozenset({"error", "error_code", "error_msg", "errorcode", "errormsg"})


def is_error_body(value: Json) -> bool:
    """An example that is an error reply ({"error": {"code": .., "message": ..}},
    {"error_code": .., "error_msg": ..}), whatever the success body looks like."""
    if not isinstance(value, dict) or not value:
        return False
    keys = {str(k).lower() for k in value}
    return keys <= ERROR_KEYS and bool(keys & ERROR_MARKERS)


def _request_media_type(request: TableRef, examples: list[Example]) -> str:
    """A body documented as "FormData parameters" is a form (a file upload, APIG's import):
    multipart/form-data. Any other body is JSON, of the JSON media type the first request
    example that names one shows ("Content-Type:application/openstack-images-v2.1-json-patch",
    IMS), else application/json."""
    if FORM_DATA.search(request.table.caption):
        return "multipart/form-data"
    shown = next((e.media_type for e in examples if e.media_type), "")
    return shown if "json" in shown else "application/json"


def _row_location(fld: Field, caption: str, where: str, draft: _Draft) -> Location:
    """Where a parameter row goes. A Location column is believed; otherwise a standard request
    header's name (X-Auth-Token, Content-Type) says header, and the URI's own template decides
    for the rows of a URI table ("GET /v2/recordsets?limit={limit}" puts `limit` in the query
    even under a caption "Parameters in the URI"), then the caption."""
    stated = _location(fld, caption)
    if any(candidate in fld.location for candidate in LOCATIONS):
        return stated or "query"
    named = draft.template_vars | draft.query_names
    if stated is None and fld.name.lower() in IMPLIED_HEADERS and fld.name not in named:
        return "header"  # "x-auth-token" among a URI table's rows: a header, never a query key
    if where == "uri" or stated == "path":
        if fld.name in draft.template_vars:
            return "path"
        if fld.name in draft.query_names:
            return "query"
        if where == "uri" and stated is None:
            return "query"
    return stated or "query"


def _misspelt_path_rows(draft: _Draft, template: list[str]) -> dict[tuple[str, str], str]:
    """Path or query rows that are near-misses of a path variable no row names
    (`flavors_id` for `{flavor_id}`): the row is the variable, misspelt."""
    named = {name for (location, name) in draft.parameters if location == "path"}
    orphans = [v for v in template if v not in named]
    found: dict[tuple[str, str], str] = {}
    for key in draft.parameters:
        location, name = key
        if location not in ("path", "query") or name in draft.template_vars:
            continue
        if location == "query" and name in draft.query_names:
            continue
        close = [v for v in orphans if _similarity(name, v) >= 0.85]
        if len(close) == 1 and close[0] not in found.values():
            found[key] = close[0]
    return found


def _similarity(one: str, other: str) -> float:
    return SequenceMatcher(None, one.lower(), other.lower()).ratio()


def _location(fld: Field, caption: str) -> Location | None:
    """The location a table states (a Location column or its caption), if it states one."""
    for candidate in LOCATIONS:
        if candidate in fld.location:
            return candidate
    return caption_location(caption)


def caption_location(caption: str) -> Location | None:
    """The location a caption names as words ("Request header parameters", "Query
    parameters", "Parameters in the URI"); a type name that contains one
    ("ListenerInsertHeaders", "uri_config") names none."""
    words = set(re.findall(r"(?<![\w-])[a-z]+(?![\w-])", caption.lower()))
    if words & {"header", "headers"}:
        return "header"
    if "query" in words:
        return "query"
    if words & {"path", "uri", "url"}:
        return "path"
    return None
