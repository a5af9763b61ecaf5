"""The example self-check: every dotted field of a documented example the schema does not
reach is counted and named, for JSON and XML examples alike."""

from __future__ import annotations

from typing import Any

from doc2openapi.scraper.coverage import measure

BUCKET = {
    "type": "object",
    "xml": {"name": "Bucket"},
    "properties": {"Name": {"type": "string"}, "Owner": {"type": "object", "properties": {
        "ID": {"type": "string"}}}},
}  # fmt: skip


def _spec(media_type: str, schema: dict[str, Any], value: Any) -> dict[str, Any]:
    media = {"schema": schema, "examples": {"ok": {"value": value}}}
    responses = {"200": {"description": "OK", "content": {media_type: media}}}
    return {"paths": {"/b": {"get": {"operationId": "ShowBucket", "responses": responses}}}}


def test_a_json_field_no_table_mentions_is_named() -> None:
    spec = _spec("application/json", BUCKET, {"Name": "a", "Owner": {"ID": "1"}, "Size": 3})
    coverage = measure(spec, {"ShowBucket": "bucket.rst"})
    assert (coverage.fields, coverage.covered) == (4, 3)
    (diagnostic,) = coverage.diagnostics
    assert diagnostic.file == "bucket.rst" and diagnostic.kind == "low-example-coverage"
    assert diagnostic.reason.endswith("the schema covers 3 of 4 fields; not covered: Size")


def test_an_xml_example_counts_its_elements_and_attributes() -> None:
    xml = '<Bucket region="eu"><Name>a</Name><Owner><ID>1</ID></Owner></Bucket>'
    coverage = measure(_spec("application/xml", BUCKET, xml), {})
    assert (coverage.fields, coverage.covered) == (4, 3)  # the attribute is not documented
    assert coverage.diagnostics[0].reason.endswith("not covered: region")
    assert (coverage.schema_fields, coverage.schema_fields_shown) == (3, 3)


def test_everything_under_a_free_form_object_is_covered_and_under_an_unknown_key_missing() -> None:
    schema = {
        "type": "object",
        "properties": {"properties": {"type": "object", "description": "A JSON schema's map."}},
    }
    value = {"properties": {"created_at": {"type": "string"}}, "extra": {"inner": 1}}
    coverage = measure(_spec("application/json", schema, value), {})
    # properties, properties.created_at, properties.created_at.type: data of a free-form map
    assert (coverage.fields, coverage.covered) == (5, 3)
    assert coverage.diagnostics[0].reason.endswith("not covered: extra, extra.inner")
