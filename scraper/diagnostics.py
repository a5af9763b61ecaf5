"""Every diagnostic kind the pipeline emits, with its severity, meaning and what to do.

The interpreter creates diagnostics by kind string alone; this registry is where a kind gets
its severity, so `--strict` / `--fail-on` and the report can tell a lost page (error) from a
doc defect worth a look (warning) from an inference made in the open (info). The README's
diagnostic table is generated from `KINDS` (a test keeps the two equal).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
FALLBACK: Severity = "warning"
"""The severity of a kind missing from the registry: never a crash, never silently ignored."""


@dataclass(frozen=True)
class Kind:
    severity: Severity
    meaning: str
    action: str


KINDS: dict[str, Kind] = {
    # A page, or a whole operation, is lost.
    "unreadable": Kind(
        "error",
        "not a document (binary such as PDF or PNG, empty, unknown format)",
        "give HTML, RST or text exported from the docs",
    ),
    "too-large": Kind("error", "a page over 20 MiB, or out of memory", "split or trim the page"),
    "too-deep": Kind("error", "a page nested too deeply to read", "check the page's markup"),
    "too-slow": Kind("error", "a page took over 20 s in one stage", "re-run; report if it stays"),
    "internal-error": Kind("error", "the tool failed on this page", "report it with the page"),
    "no-endpoint": Kind(
        "error",
        "a URI section that names no HTTP method and path",
        "fix the URI section of the page",
    ),
    "request-syntax": Kind(
        "error",
        "a Request Syntax block whose first line is no HTTP request line (`PUT /?acl HTTP/1.1`)",
        "fix the request line of the page",
    ),
    # Part of an operation is lost or unconstrained, or the docs contradict themselves.
    "bad-xml": Kind(
        "warning",
        "an XML body (syntax or sample) that is not well-formed, or declares a DTD; skipped",
        "fix the XML",
    ),
    "doc-defect:mandatory": Kind(
        "warning",
        "a field or element its table marks mandatory that an example of the page leaves out "
        "(one whose every key the table documents); not required",
        "fix the Mandatory column or the sample",
    ),
    "unplaced-element": Kind(
        "warning",
        "an element table row whose element no XML block of the page shows and whose stated "
        "parent is found nowhere: its place in the body is unknown; left out",
        "show the element in the syntax or a sample, or name its parent (`Parent: Root.Element`)",
    ),
    "unknown-table": Kind(
        "warning", "a table whose headers are not understood; skipped", "check its columns"
    ),
    "unknown-type": Kind(
        "warning",
        "a type cell not understood; what it leaves open is typed only by an example or the "
        "description, reported so",
        "check the type",
    ),
    "untyped-items": Kind(
        "warning",
        "an array with no item type that no example, listed value or same-named field of the "
        "service shows; its items are left untyped",
        "give the item type",
    ),
    "unresolved-object": Kind(
        "warning", '"X object" with no table describing X', "document X in a table"
    ),
    "string-with-table": Kind(
        "warning",
        "a String field whose description points at a table of fields (or that a later table "
        "is titled after), and no example shows that object there (JSON text inside the "
        "string, or no example): kept a string",
        "type the field, or say the string holds JSON; the table's fields are not in the spec",
    ),
    "unlinked-table": Kind(
        "warning", "a parameter table no field refers to", "link it from the field it describes"
    ),
    "duplicate-field": Kind(
        "warning", "a field listed twice in one table; the first is kept", "remove the repeat"
    ),
    "undocumented-path-parameter": Kind(
        "warning", "a `{name}` in the path with no parameter row; typed as string", "add a row"
    ),
    "path-parameter-not-in-path": Kind(
        "warning", "a path parameter row that no documented path uses", "check the URI"
    ),
    "example-without-schema": Kind(
        "warning",
        "an example with no table for its body; the body's schema is what the examples show",
        "document the body",
    ),
    "bad-example": Kind("warning", "an example block that is not valid JSON", "fix the example"),
    "repaired-example": Kind(
        "warning",
        "an example that is JSON once a mechanical slip is mended (a missing ',', a ',' after "
        "the last member, a raw control character in a string); the mended example is used",
        "fix the example",
    ),
    "no-responses": Kind(
        "warning",
        "no status code documented, on the page or per method on a common page it links to: a "
        "`default` response says so",
        "list the codes",
    ),
    "doc-defect:example": Kind(
        "warning",
        "an example its own schema rejects, or one that shows another object of the body "
        "(one item of a list page); left out of the spec",
        "fix either one",
    ),
    "doc-defect:undocumented-field": Kind(
        "warning",
        "an example field no table mentions; added, typed by the example, unless the tables "
        "give its name elsewhere in the body (the report says where)",
        "document the field",
    ),
    "doc-defect:constraint": Kind(
        "warning",
        "an example contradicts a keyword read from prose; the keyword is dropped",
        "fix the prose or the example",
    ),
    "doc-defect:status": Kind(
        "warning",
        "a body documented for a status that has none in HTTP (204, 304); left out",
        "check the status code",
    ),
    "doc-defect:parameter-name": Kind(
        "warning",
        "a parameter row whose name is a near miss of a path variable; taken as that variable",
        "fix the row's name",
    ),
    "doc-defect:parameter-type": Kind(
        "warning", "a path parameter typed as an object or array; typed as string", "fix the type"
    ),
    "doc-defect:type": Kind(
        "warning",
        'a type cell that misspells a plain type ("Sting") and names no table; read as that type',
        "fix the type",
    ),
    "doc-defect:shape": Kind(
        "warning",
        "a table's object that its example nests in an array or map, or shows as plain values "
        "or a map of lists when it has no fields; the example's shape is used",
        "fix the type column",
    ),
    "doc-defect:link": Kind(
        "warning",
        "a field linking to another page's table while its own page has a table of that title; "
        "the page's own table is used",
        "fix the link's target",
    ),
    "doc-defect:field-name": Kind(
        "warning",
        "a field the table and its example name differently (a near miss); the example's name is "
        "used",
        "fix the table's name",
    ),
    "constraint:pattern": Kind(
        "warning",
        "a stated regular expression that could not become a `pattern` (none readable, not "
        "ECMA-262, stated for one listed case only, or not a string field)",
        "check the expression",
    ),
    "constraint:conflict": Kind(
        "warning",
        "a default or value list read from a description that its own stated bounds, length, "
        "format or list reject (the page contradicts itself, or a case was read as the rule); "
        "the default or list is dropped, or, for a numeric default whose meaning the text "
        'gives ("-1 indicates no limit"), the bound is widened to it',
        "check the description",
    ),
    "low-example-coverage": Kind(
        "warning",
        "an example with over a tenth of its fields outside the schema (the fields are named)",
        "document the fields, or fix the example",
    ),
    "duplicate-operation-id": Kind(
        "warning",
        "two operations would share an operationId; the second is numbered",
        "give the pages distinct names",
    ),
    "markup": Kind(
        "warning", "markup the reader could not follow (e.g. an RST error)", "fix the markup"
    ),
    # Done in the open: the spec says what the docs mean, and the report says how.
    "inferred:status": Kind(
        "info",
        "a page with no status code, whose status section links to a common page that gives "
        'the code per method ("204: Normal response to DELETE requests"): that code',
        "list the codes on the page",
    ),
    "inferred:adjacent-table": Kind(
        "info",
        "an Object row that points at no table takes the table right after its own, which "
        "nothing else on the page points at (a type-named table such as ErrorDetail)",
        "none needed; link the field to its table to make it explicit",
    ),
    "inferred:nesting": Kind(
        "info",
        "one table lists the fields of nested objects side by side; each row is placed where "
        "the examples nest it",
        "none needed; split the table per object to make it explicit",
    ),
    "inferred:variants": Kind(
        "info",
        "a field whose description links, case by case, to several tables: any one of them "
        "(`anyOf`)",
        "none needed",
    ),
    "endpoint-not-named": Kind(
        "info",
        "the docs name no region or cloud domain for the service's endpoint (`x-doc-unnamed`)",
        "pass the client a base URL; the cloud's Regions and Endpoints page has it",
    ),
    "duplicate-operation": Kind(
        "info", "the same method and path on several pages: merged (bodies as `anyOf`)", "none"
    ),
    "operation-name": Kind(
        "info",
        "two operations would share a name: one says its API version (ListV21Servers) or a "
        "word of its path",
        "none",
    ),
    "renamed-path-parameter": Kind(
        "info", "one path written with other parameter names on another page; renamed", "none"
    ),
    "repeated-path-parameter": Kind(
        "info",
        "a path naming one variable twice; the repeat is renamed `target_<name>` (distinct "
        "names, as OpenAPI requires), described as the doc's row",
        "none",
    ),
    "inferred:type": Kind(
        "info",
        "a type the table does not give: from the page's example (a field, an array's items), "
        "or from a numeric range a parameter's description states",
        "none",
    ),
    "inferred:wrapper": Kind(
        "info", "a top-level wrapper key the example shows and the tables omit", "none"
    ),
    "inferred:nullable": Kind("info", "a field the example shows as `null`: nullable", "none"),
    "inferred:empty": Kind(
        "info",
        'an object field the example shows as `""` (the object is absent): the object or an '
        "empty string",
        "say when the field is empty",
    ),
    "inferred:query": Kind(
        "info", "a GET/DELETE page's request table, with no body shown: query parameters", "none"
    ),
    "inferred:body": Kind(
        "info",
        "a URI table's rows that no template names and the request examples send: the body",
        "put the body's fields in a request table",
    ),
    "error-example": Kind(
        "info",
        "an error reply shown among a success response's examples; left out of that response",
        "label it as an error example",
    ),
    "inferred:alternatives": Kind(
        "info",
        "a request section giving the body in several labelled forms: one body with all "
        "their fields, required where every form requires them",
        "none",
    ),
    "inferred:items": Kind(
        "info",
        "an array with no item type: items typed as a same-named field of the operation or "
        "the service, as the listed values, or (parameters) as strings",
        "give the item type",
    ),
    "inferred:root-array": Kind(
        "info",
        "a body table whose one row names the body itself, or whose examples are lists of the "
        "object it documents: the body is an array",
        "none",
    ),
    "inferred:path": Kind(
        "info", "a path variable no row names, described by a URI section's sentence", "none"
    ),
    "inferred:header": Kind(
        "info",
        "a request header the prose asks for by name and value: an optional header parameter",
        "none",
    ),
    "linked-body": Kind(
        "info", "a body section with no table, read from the page or section it links to", "none"
    ),
    "header-pattern": Kind(
        "info",
        "a header or form-field row naming a family (`x-obs-meta-*`), not one; not declared",
        "none",
    ),
    "subresources": Kind(
        "info",
        "several operations on one method and path told apart by query keys (`?acl`): "
        "one operation and `x-subresources`",
        "none",
    ),
    "actions": Kind(
        "info",
        "several actions on one method and path: a `oneOf` body and `x-actions`",
        "none",
    ),
}


def lookup(kind: str) -> Kind | None:
    return KINDS.get(kind)


def severity(kind: str) -> Severity:
    """The kind's severity; FALLBACK for a kind the registry does not know (yet)."""
    found = KINDS.get(kind)
    return found.severity if found is not None else FALLBACK


def at_least(found: str, threshold: str) -> bool:
    """Whether severity `found` is `threshold` or worse (error > warning > info)."""
    order: dict[str, int] = {name: rank for rank, name in enumerate(SEVERITIES)}
    return order.get(found, order[FALLBACK]) <= order.get(threshold, order[FALLBACK])


def markdown_table() -> str:
    """The README's table of kinds, generated from the registry."""
    rows = ["| kind | severity | meaning | what to do |", "|---|---|---|---|"]
    for name in sorted(KINDS, key=lambda k: (SEVERITIES.index(KINDS[k].severity), k)):
        kind = KINDS[name]
        rows.append(f"| `{name}` | {kind.severity} | {kind.meaning} | {kind.action} |")
    return "\n".join(rows) + "\n"
