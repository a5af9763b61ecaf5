"""Every diagnostic kind the pipeline emits, with its severity, meaning and what to do.

The interpreter creates diagnostics by kind string alone; this registry is where a kind gets
its severity, so `--strict` / `--fail-on` and the report can tell a lost page (error) from a
doc defect worth a look (warning) from an inference made in the open (info). The README's
diagnostic table is generated from `KINDS` (a test keeps the two equal). The info kinds live
in `diagnostic_info.py`.
"""

from __future__ import annotations

from doc2openapi.scraper.diagnostic_info import INFO_KINDS
from doc2openapi.scraper.diagnostic_kind import FALLBACK, SEVERITIES, Kind, Severity

__all__ = ["FALLBACK", "KINDS", "SEVERITIES", "at_least", "lookup", "markdown_table", "severity"]


KINDS: dict[str, Kind] = {
    # A page, or a whole operation, is lost.
    "unreadable": Kind(
        "error",
        "not a document (binary such as PDF or PNG, empty, unknown format)",
        "give HTML, Markdown, RST or text exported from the docs",
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
    "untyped-field": Kind(
        "warning",
        'a field with no type (no Type column, a bare "Enum") that no example, listed value, '
        "stated range or length types; left untyped",
        "give the type",
    ),
    "unresolved-object": Kind(
        "warning",
        '"X object" with no table describing X, or an object row whose "see Table N" or link '
        "leads to no table read",
        "document X in a table, or fix the pointer",
    ),
    "string-with-table": Kind(
        "warning",
        "a String field whose description points at a table of fields (or that a later table "
        "is titled after), and no example shows that object there (JSON text inside the "
        "string, or no example): kept a string",
        "type the field, or say the string holds JSON; the table's fields are not in the spec",
    ),
    "no-operations": Kind(
        "warning",
        "no page of a service documents an operation (a URI section with a method and path, or "
        "a request syntax): its spec has no paths",
        "check that the pages are API reference pages; `unknown-table` and `no-endpoint` say "
        "what was met",
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
    "undocumented-query-parameter": Kind(
        "warning",
        "a query key the URI names (`&sort={sort}`) with no parameter row; an optional string",
        "add a row",
    ),
    "path-parameter-not-in-path": Kind(
        "warning", "a path parameter row that no documented path uses", "check the URI"
    ),
    "example-without-schema": Kind(
        "warning",
        "an example with no table for its body; the body's schema is what the examples show",
        "document the body",
    ),
    "bad-example": Kind(
        "warning",
        "an example block that is not valid JSON (NaN and Infinity included)",
        "fix the example",
    ),
    "repaired-example": Kind(
        "warning",
        "an example with a mechanical slip, mended (a missing ',', a ',' after the last member, "
        "a raw control character in a string, a key with spaces inside its quotes), or a key "
        "given twice (its last value kept); the mended example is used",
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
        "(one item of a list page) or none of the fields its tables document (another call's "
        "reply); left out of the spec",
        "fix either one",
    ),
    "doc-defect:undocumented-field": Kind(
        "warning",
        "an example field no table mentions; added, typed by the example, unless the tables "
        "give its name elsewhere in the body (the report says where)",
        "document the field",
    ),
    "doc-defect:undocumented-parameter": Kind(
        "warning",
        "a query key an example request sends and no parameter row names; added, typed by its "
        "value, unless the tables document the name elsewhere (the report says where)",
        "document the parameter",
    ),
    "doc-defect:constraint": Kind(
        "warning",
        "an example contradicts a keyword read from prose; the keyword is dropped",
        "fix the prose or the example",
    ),
    "doc-defect:status": Kind(
        "warning",
        "a body documented for a status that has none in HTTP (204, 304), left out; or a "
        "response example labelled with a success code the page does not list, shown with "
        "the response table it belongs to",
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
        "a field the table and its example name differently (a near miss, case included); the "
        "example's name is used, unless it is the example's slip (a letter dropped, a case its "
        "other keys do not use), which is named",
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
        'gives ("-1 indicates no limit"), the bound is widened to it; or a length the type '
        'gives ("String(64)") that the description widens, which is kept',
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
    **INFO_KINDS,
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
