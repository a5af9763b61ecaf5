"""Fuzzing: thousands of broken corpus pages; the run never crashes, hangs or loses the others."""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from doc2openapi.scraper.pipeline import ScrapeResult, scrape
from tests.mutations import MUTATIONS, truncate

BATCH = 10
BATCHES = 200  # x BATCH = 2,000 mutated pages
CRASH_KINDS = {"internal-error"}


def _sample_pages(corpus: Path) -> list[Path]:
    """Every 7th page of each rendering, so all formats and layouts are in the mix."""
    pages: list[Path] = []
    for folder in ("otc-html/modelarts", "otc-html/ecs", "otc-html/elb", "otc-rst/modelarts"):
        found = sorted(p for p in (corpus / folder).rglob("*") if p.suffix in (".html", ".rst"))
        pages += found[::7]
    return pages + sorted(p for p in (corpus / "seeds").iterdir() if p.is_file())


def _check(result: ScrapeResult, names: list[str]) -> None:
    crashes = [d for d in result.diagnostics if d.kind in CRASH_KINDS]
    assert not crashes, crashes
    assert sorted(f.file for f in result.report.files) == sorted(names)
    for entry in result.report.files:
        assert entry.status == "operations" or entry.reason, entry
    assert result.valid, result.report.spec_errors[:3]


def test_mutated_corpus_pages_never_crash_the_run(corpus: Path, tmp_path: Path) -> None:
    pages = _sample_pages(corpus)
    originals = [p.read_bytes() for p in pages]
    mutated_pages = 0

    @settings(
        max_examples=BATCHES, derandomize=True, database=None, deadline=None,
        suppress_health_check=list(HealthCheck), phases=[Phase.generate],  # shrinking 10 pages
        # takes minutes; the failure message names the file and the reason
    )  # fmt: skip
    @given(
        st.lists(
            st.tuples(
                st.integers(0, len(pages) - 1),
                st.lists(st.integers(0, len(MUTATIONS) - 1), min_size=1, max_size=3),
                st.integers(0, 2**32),
            ),
            min_size=BATCH, max_size=BATCH,
        )
    )  # fmt: skip
    def run(batch: list[tuple[int, list[int], int]]) -> None:
        nonlocal mutated_pages
        folder = tmp_path / "batch"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        names = []
        for number, (index, mutations, seed) in enumerate(batch):
            rng = random.Random(seed)
            data = originals[index]
            for choice in mutations:
                data = MUTATIONS[choice](data, rng)
            name = f"page{number}{pages[index].suffix or '.txt'}"
            (folder / name).write_bytes(data)
            names.append(name)
        _check(scrape([folder], service="fuzz"), names)
        mutated_pages += len(batch)

    run()
    print(f"\n{mutated_pages} mutated pages, no crash")
    assert mutated_pages >= 2000


def _operations_by_page(result: ScrapeResult) -> dict[str, Any]:
    return {f.file: f.operations for f in result.report.files}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_broken_page_leaves_the_other_pages_unchanged(
    corpus: Path, tmp_path: Path, seed: int
) -> None:
    source = corpus / "otc-html" / "elb"
    folder = tmp_path / "elb"
    shutil.copytree(source, folder)
    baseline = scrape([folder], service="elb")
    pages = sorted(p for p in folder.glob("*.html"))
    victim = random.Random(seed).choice(pages)
    victim.write_bytes(truncate(victim.read_bytes(), random.Random(seed)))
    broken = scrape([folder], service="elb")
    before, after = _operations_by_page(baseline), _operations_by_page(broken)
    del before[victim.name], after[victim.name]
    assert before == after
    for labels in before.values():
        for label in labels or []:
            method, path = label.split(" ")[:2]
            assert _operation(broken, method, path) == _operation(baseline, method, path), label


def _operation(result: ScrapeResult, method: str, path: str) -> Any:
    return result.spec["paths"][path][method.lower()]
