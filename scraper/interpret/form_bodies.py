"""A request whose syntax block sends `multipart/form-data` (a browser upload form): the
element table's rows are the form's fields, not XML elements, so they become the properties
of one form schema, a file field as bytes."""

from __future__ import annotations

from doc2openapi.scraper.interpret.schemas import SchemaBuilder
from doc2openapi.scraper.interpret.xml_schemas import ElementInfo, leaf_schema
from doc2openapi.scraper.model import Body, Schema

FORM = "multipart/form-data"
BYTES_WORDS = {"binary", "file"}  # "Binary or text": the file's content


def is_form(content_type: str | None) -> bool:
    return (content_type or "").split(";")[0].strip().lower() == FORM


def form_body(infos: dict[str, ElementInfo], builder: SchemaBuilder) -> Body:
    """The form's fields in table order, each once (element tables also key a dotted row by
    its last name), required as the Mandatory column says; a family of fields
    (`x-obs-meta-*`) is reported, not declared, as a family of headers is."""
    properties: dict[str, Schema] = {}
    required: list[str] = []
    for name, info in infos.items():
        if "." in name or name in properties:
            continue
        if name.endswith(("-", "*")):
            builder.diagnose(
                "header-pattern",
                f"{name.rstrip('*') + '*'!r} names a family of form fields, not one; not declared",
            )
            continue
        schema = (
            {"type": "string", "format": "binary"}
            if info.type in BYTES_WORDS
            else leaf_schema(info)
        )
        if info.description:
            schema["description"] = info.description
        properties[name] = schema
        if info.required:
            required.append(name)
    schema = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    return Body(schema, media_type=FORM)
