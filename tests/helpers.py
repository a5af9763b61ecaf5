"""Small helpers for reading scraped specs in tests."""

from __future__ import annotations

from typing import Any

from doc2openapi.scraper import tree
from doc2openapi.scraper.interpret.columns import Field, read_fields
from doc2openapi.scraper.model import REF_PREFIX
from doc2openapi.scraper.page import Table, Text
from doc2openapi.scraper.report import FileEntry, Report


def fields_of(header: tuple[str, ...], *rows: tuple[str, ...]) -> list[Field]:
    """The fields a table of these cells gives (no page around it)."""
    cells = tuple(tuple(Text(cell) for cell in row) for row in rows)
    return read_fields(Table("Table 1 Body", (), header, cells))


def operation(spec: dict[str, Any], method: str, path: str) -> dict[str, Any]:
    result: dict[str, Any] = spec["paths"][path][method]
    return result


def resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """Follow $ref (and a single-entry allOf wrapper) to the schema it names."""
    return tree.resolve(schema, spec["components"]["schemas"])


def ref_name(schema: dict[str, Any]) -> str:
    if "allOf" in schema:
        schema = schema["allOf"][0]
    ref: str = schema["$ref"]
    return ref[len(REF_PREFIX) :]


def params(op: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(p["in"], p["name"]): p for p in op.get("parameters", [])}


def request_schema(spec: dict[str, Any], op: dict[str, Any]) -> dict[str, Any]:
    return resolve(spec, op["requestBody"]["content"]["application/json"]["schema"])


def response_schema(spec: dict[str, Any], op: dict[str, Any], status: str) -> dict[str, Any]:
    return resolve(spec, op["responses"][status]["content"]["application/json"]["schema"])


def example_values(op: dict[str, Any], status: str | None = None) -> list[Any]:
    """The JSON example values of the request body, or of the `status` response's body."""
    holder = op["requestBody"] if status is None else op["responses"][status]
    examples = holder["content"]["application/json"].get("examples", {})
    return [example["value"] for example in examples.values()]


def uri_pages(report: Report) -> list[FileEntry]:
    """Report entries of pages with a URI section: operations, or skipped for their URI."""
    return [f for f in report.files if f.status == "operations" or f.reason.startswith("the URI")]


def assert_operation_pages(report: Report, at_least: int, share: float) -> None:
    """Enough URI pages, `share` of them with operations, every other one diagnosed."""
    pages = uri_pages(report)
    assert len(pages) >= at_least
    with_ops = sum(1 for f in pages if f.status == "operations")
    assert with_ops / len(pages) >= share
    diagnosed = {d.file for d in report.diagnostics}
    assert all(f.status == "operations" or f.file in diagnosed for f in pages)
