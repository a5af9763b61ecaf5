"""The whole catalog: every tree's operation count, and its score against the official SDKs.

The floors in tests/fixtures/catalog_floors.json are what the scraper measured when they were
recorded (`python bench/accuracy.py --spec-dir DIR --write-floors ...` on specs built with
--provenance); a change that lowers any of them fails here by service and measure. The SDK
truth is read by the scorer only, to measure, never by the scraper.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from doc2openapi.scraper import tree as openapi_tree
from doc2openapi.scraper.pipeline import ScrapeResult
from doc2openapi.scraper.tree import media_types
from tests.conftest import FIXTURES, ROOT
from tests.helpers import assert_operation_pages

sys.path.insert(0, str(ROOT / "bench"))
from accuracy import LOWER_IS_BETTER, Score, measures_row, score_spec

FLOORS: dict[str, dict[str, float]] = json.loads(
    (FIXTURES / "catalog_floors.json").read_text(encoding="utf-8")
)
SHARE_OF_DISTINCT_OPERATIONS = 0.98


def counts(corpus: Path) -> dict[str, dict[str, int]]:
    """The corpus's own denominators (counts.txt): operation pages and distinct operations."""
    lines = (corpus / "counts.txt").read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    rows = [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:] if line]
    return {
        r["tree"]: {"op_pages": int(r["op_pages"]), "ops": int(r["distinct_ops"])} for r in rows
    }


@pytest.fixture(scope="module")
def scores(
    catalog: dict[str, ScrapeResult], corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[Score, dict[str, Any]]]:
    """Each tree with SDK truth, scored as `make accuracy` scores it."""
    truth = corpus.parent / "truth"
    folder = tmp_path_factory.mktemp("catalog")
    found = {}
    for tree, result in catalog.items():
        sdk = truth / f"huawei-sdk-{tree.split('/')[1]}.json"
        if not sdk.is_file():
            continue
        spec = folder / f"{tree.replace('/', '-')}.yaml"
        spec.write_text(yaml.safe_dump(result.spec, sort_keys=False), encoding="utf-8")
        score = score_spec(spec, sdk, corpus / tree, truth / "score.py")
        found[tree] = (score, result.report.summary.example_coverage)
    return found


def test_every_tree_but_obs_gives_a_valid_spec_with_its_operations(
    catalog: dict[str, ScrapeResult], corpus: Path
) -> None:
    for tree, expected in counts(corpus).items():
        result = catalog[tree]
        assert result.valid, (tree, result.report.spec_errors[:3])
        operations = [op for _, _, op in openapi_tree.operations(result.spec)]
        variants = sum(len(op.get("x-subresources", [])) for op in operations)
        assert len(operations) + variants >= SHARE_OF_DISTINCT_OPERATIONS * expected["ops"], tree
        assert_operation_pages(result.report, expected["op_pages"], SHARE_OF_DISTINCT_OPERATIONS)


def test_no_get_or_delete_has_a_body_its_page_does_not_show(
    catalog: dict[str, ScrapeResult],
) -> None:
    for tree, result in catalog.items():
        for path, item in result.spec["paths"].items():
            for method in ("get", "delete", "head"):
                body = item.get(method, {}).get("requestBody")
                if body is not None:
                    assert body["content"]["application/json"].get("examples"), (tree, path)


@pytest.mark.parametrize(
    "tree", sorted(t for t in FLOORS if t != "pooled" and "operations" in FLOORS[t])
)
def test_score_floors(tree: str, scores: dict[str, tuple[Score, dict[str, Any]]]) -> None:
    floors = FLOORS[tree]
    found = {k: v for k, v in _measures(tree, scores).items() if v is not None}
    for measure, bound in floors.items():
        if measure in LOWER_IS_BETTER:
            assert found[measure] <= bound, (tree, measure, found[measure], bound)
        else:
            assert found[measure] >= bound, (tree, measure, found[measure], bound)


def _measures(tree: str, scores: dict[str, tuple[Score, dict[str, Any]]]) -> dict[str, Any]:
    if tree == "pooled":
        pooled = Score()
        covered = fields = 0
        for score, coverage in scores.values():
            pooled.add(score)
            covered += coverage["covered"]
            fields += coverage["fields"]
        return measures_row("pooled", pooled, covered / fields if fields else None)
    score, coverage = scores["otc-" + tree]
    return measures_row(tree, score, coverage["ratio"] if coverage["fields"] else None)


def test_pooled_floor(scores: dict[str, tuple[Score, dict[str, Any]]]) -> None:
    test_score_floors("pooled", scores)


def test_operation_ids_are_unique_even_ignoring_case(catalog: dict[str, ScrapeResult]) -> None:
    """Redoc and several generators fold case: ShowLoadbalancer and ShowLoadBalancer clash."""
    for tree, result in catalog.items():
        ids = [
            name.lower()
            for item in result.spec["paths"].values()
            for op in item.values()
            for name in [op["operationId"], *(a["operationId"] for a in op.get("x-actions", []))]
        ]
        assert len(ids) == len(set(ids)), tree


def _operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return [op for item in spec["paths"].values() for op in item.values()]


def test_every_operation_has_a_summary_of_its_own(catalog: dict[str, ScrapeResult]) -> None:
    """Redoc's sidebar and the clients' docstrings tell operations apart by their summary."""
    for tree, result in catalog.items():
        summaries = [op["summary"] for op in _operations(result.spec) if "summary" in op]
        shared = sorted({s for s in summaries if summaries.count(s) > 1})
        assert not shared, (tree, shared[:5])


def test_every_tag_is_described_and_nearly_every_operation_tagged(
    catalog: dict[str, ScrapeResult],
) -> None:
    """Tags come from the docs' table of contents, whichever rendering states it."""
    for tree, result in catalog.items():
        tags = result.spec.get("tags", [])
        assert tags and all(t.get("description") for t in tags), tree
        assert not any("Parent topic" in t["description"] for t in tags), tree
        names = [t["name"] for t in tags]
        assert len(names) == len(set(names)), tree
        operations = _operations(result.spec)
        untagged = [op["operationId"] for op in operations if not op.get("tags")]
        assert len(untagged) <= 1, (tree, untagged)  # ELB's version list at "/" is on no topic
        assert {t for op in operations for t in op.get("tags", [])} <= set(names), tree


def test_example_names_are_captions_or_numbers_without_gaps(
    catalog: dict[str, ScrapeResult],
) -> None:
    for tree, result in catalog.items():
        for _op_id, where, media in media_types(result.spec):
            numbers = sorted(
                int(key.split("-")[1])
                for key in media.get("examples", {})
                if key.startswith("example-") and key.split("-")[1].isdigit()
            )
            assert numbers == list(range(1, len(numbers) + 1)) or len(numbers) < len(
                media["examples"]
            ), (tree, _op_id, where, list(media["examples"]))


def test_no_endpoint_is_invented(catalog: dict[str, ScrapeResult]) -> None:
    """A server variable's default is a value the docs name, or it is marked unnamed and the
    report says so; never a reserved example domain."""
    for tree, result in catalog.items():
        spec = result.spec
        servers = list(spec["servers"])
        servers += [s for op in _operations(spec) for s in op.get("servers", [])]
        for server in servers:
            assert "example." not in server["url"], (tree, server["url"])
            for variable in server.get("variables", {}).values():
                assert "example." not in variable["default"], (tree, variable)
        reported = any(d.kind == "endpoint-not-named" for d in result.diagnostics)
        assert reported == any(
            v.get("x-doc-unnamed") for v in spec["servers"][0]["variables"].values()
        ), tree


def test_the_report_names_examples_as_the_spec_does(catalog: dict[str, ScrapeResult]) -> None:
    for tree, result in catalog.items():
        keys = {
            (op_id, where, key)
            for op_id, where, media in media_types(result.spec)
            for key in media.get("examples", {})
        }
        for diagnostic in result.diagnostics:
            if diagnostic.kind == "low-example-coverage":
                head = diagnostic.reason.split(":")[0]  # "<op> <where> example <key>"
                op_id, rest = head.split(" ", 1)
                where, key = rest.rsplit(" example ", 1)
                assert (op_id, where, key) in keys, (tree, head)
