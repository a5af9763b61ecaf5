"""Golden outputs: our own fixture pages and specs -> spec, report and client, byte for byte.

A change anywhere in the pipeline that alters what users get shows up here as a diff to
review. When the change is intended, regenerate and commit the result:

    DOC2OPENAPI_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py   (make golden)
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from doc2openapi.codegen.generator import render_package
from doc2openapi.scraper.output import dumps
from doc2openapi.scraper.pipeline import scrape
from tests.conftest import FIXTURES, PAGES, ROOT

GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("DOC2OPENAPI_UPDATE_GOLDEN") == "1"


def _outputs_of_pages() -> dict[str, str]:
    result = scrape([PAGES], service="widget")
    files = {"spec.yaml": dumps(result.spec, Path("spec.yaml"))}
    files["report.json"] = dumps(result.report.as_dict(), Path("report.json"))
    for name, text in render_package(result.spec, "otc_widget").files.items():
        files[f"client/{name}"] = text
    return files


def _outputs_of_spec(spec_file: Path, package: str) -> dict[str, str]:
    spec: dict[str, Any] = yaml.safe_load(spec_file.read_text(encoding="utf-8"))
    return {f"client/{n}": t for n, t in render_package(spec, package).files.items()}


def _outputs_of_paging_spec() -> dict[str, str]:
    return _outputs_of_spec(FIXTURES / "codegen" / "paging.yaml", "otc_paging")


CASES: dict[str, Callable[[], dict[str, str]]] = {
    "widget-pages": _outputs_of_pages,
    "paging-spec": _outputs_of_paging_spec,
}


def _cache(relative: Path) -> bool:
    """A tool's cache inside a golden folder (`.ruff_cache`, `__pycache__`), not an output."""
    return any(part.startswith(".") or part == "__pycache__" for part in relative.parts)


@pytest.mark.parametrize("case", sorted(CASES))
def test_outputs_equal_their_golden_copies(case: str) -> None:
    produced = CASES[case]()
    folder = GOLDEN / case
    if UPDATE:
        for old in [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []:
            old.unlink()
        for name, text in produced.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
    kept = {
        str(p.relative_to(folder)): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not _cache(p.relative_to(folder))
    }
    assert sorted(kept) == sorted(produced), "files added or gone: run `make golden`"
    changed = [name for name in produced if kept[name] != produced[name]]
    assert not changed, f"changed: {changed}; review, then run `make golden`"
