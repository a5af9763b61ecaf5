"""The info diagnostics: what the interpreter did in the open. The spec says what the docs
mean, and the report says how, so a reader can check each inference against its page."""

from __future__ import annotations

from doc2openapi.scraper.diagnostic_kind import Kind

INFO_KINDS: dict[str, Kind] = {
    "inferred:status": Kind(
        "info",
        "a page with no status code, whose status section links to a common page that gives "
        'the code per method ("204: Normal response to DELETE requests"): that code; with no '
        "such page, a response body or example no status names: 200",
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
        'a type the table does not give (no Type column, "Enum"): from the page\'s example '
        "(a field, an array's items), or the values, the range of whole numbers or the "
        "length its description states",
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
        "an error reply shown among a success response's examples, or labelled as one where no "
        "error status takes it; left out of that response",
        "label it as an error example",
    ),
    "unused-example": Kind(
        "info",
        "an example block no body takes: a response shown while explaining the request (often "
        "another call's), labelled so or as an HTTP message; left out",
        "move it to the response's examples",
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
    "inferred:map": Kind(
        "info",
        "an object documented without fields whose example shows keys the page names nowhere "
        "(user metadata): they are data, not fields; the object stays free-form",
        "none, or document its fields",
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
    "inferred:indexed-query": Kind(
        "info",
        "a query row the example request sends indexed (`dim.0`, `tag[1]`): one parameter per "
        "index, up to the highest the example or the row's description shows",
        "none",
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
