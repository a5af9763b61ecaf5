"""Acceptance on the real ModelArts HTML reference and the seed pages (from ../shared/corpus)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from doc2openapi.scraper.pipeline import ScrapeResult, scrape
from tests.helpers import (
    assert_operation_pages,
    operation,
    params,
    ref_name,
    resolve,
    response_schema,
)

EXPORT_TASKS = "/v2/{project_id}/datasets/{dataset_id}/export-tasks"


def test_every_uri_page_yields_operations_or_a_diagnostic(modelarts_html: ScrapeResult) -> None:
    assert modelarts_html.valid, modelarts_html.report.spec_errors[:5]
    assert_operation_pages(modelarts_html.report, at_least=140, share=0.95)


def assert_export_tasks_operation(spec: dict[str, Any]) -> None:
    """GET export-tasks, exactly as the page's own tables say."""
    op = operation(spec, "get", EXPORT_TASKS)
    assert op["operationId"] == "GetExportTasksStatusOfDataset"
    p = params(op)
    for name in ("project_id", "dataset_id"):
        assert p[("path", name)]["required"] is True
        assert p[("path", name)]["schema"]["type"] == "string"
    for name in ("limit", "offset"):
        assert p[("query", name)]["schema"]["type"] == "integer"
    body = response_schema(spec, op, "200")
    assert body["properties"]["total_count"]["type"] == "integer"
    tasks = body["properties"]["export_tasks"]
    assert tasks["type"] == "array" and ref_name(tasks["items"]) == "ExportTaskStatusResp"
    task = resolve(spec, tasks["items"])
    assert ref_name(task["properties"]["export_params"]) == "ExportParams"
    export_params = resolve(spec, task["properties"]["export_params"])
    conditions = export_params["properties"]["search_conditions"]
    assert conditions["type"] == "array" and ref_name(conditions["items"]) == "SearchCondition"
    condition = resolve(spec, conditions["items"])
    labels = condition["properties"]["label_list"]
    assert ref_name(labels) == "SearchLabels"
    assert ref_name(resolve(spec, labels)["properties"]["labels"]["items"]) == "SearchLabel"
    assert ref_name(condition["properties"]["metadata"]) == "SearchProp"
    props = resolve(spec, condition["properties"]["metadata"])["properties"]["props"]
    assert props["additionalProperties"] == {"type": "array", "items": {"type": "string"}}


def test_seed_gitea_page(seeds: Path) -> None:
    result = scrape([seeds / "GetExportTasksStatusOfDataset.gitea.html.txt"])
    assert result.valid
    assert_export_tasks_operation(result.spec)


def test_corpus_page_matches_seed(corpus: Path, seeds: Path) -> None:
    page = scrape([corpus / "otc-html" / "modelarts" / "GetExportTasksStatusOfDataset.html"])
    seed = scrape([seeds / "GetExportTasksStatusOfDataset.gitea.html.txt"])
    assert_export_tasks_operation(page.spec)
    page_op = operation(page.spec, "get", EXPORT_TASKS)
    assert page_op.pop("tags") == ["Data Export Task"]  # from the corpus' CLASS.TXT.json
    assert page.spec["paths"] == seed.spec["paths"]
    assert page.spec["components"] == seed.spec["components"]


def test_sync_data_source_state_seed(seeds: Path) -> None:
    result = scrape([seeds / "SyncDataSourceState.gitea-fork.html.txt"])
    assert result.valid
    op = operation(result.spec, "get", "/v2/{project_id}/datasets/{dataset_id}/sync-data/status")
    assert op["operationId"] == "SyncDataSourceState"
    body = response_schema(result.spec, op, "200")
    assert {"status", "dataset_id", "add_sample_count"} <= set(body["properties"])
    examples = op["responses"]["200"]["content"]["application/json"]["examples"]
    example = next(iter(examples.values()))
    assert example["value"]["status"] == "COMPLETED"  # the `|` noise is gone from the JSON
