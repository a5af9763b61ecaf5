"""Issue 21: diagnostics as a typed registry; the report, the console and the spec agree."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from doc2openapi.cli import main
from doc2openapi.scraper import tree
from doc2openapi.scraper.diagnostics import (
    FALLBACK,
    KINDS,
    SEVERITIES,
    at_least,
    markdown_table,
    severity,
)
from doc2openapi.scraper.model import Diagnostic, PageResult
from doc2openapi.scraper.pipeline import ScrapeResult, scrape
from doc2openapi.scraper.render import render_markdown, render_text, summary_lines
from doc2openapi.scraper.report import SpecFindings, build_report
from tests.conftest import PAGES, ROOT


def _readme_kinds() -> set[str]:
    readme = (ROOT / "README.md").read_text()
    return set(re.findall(r"^\| `([^`]+)` \| (?:error|warning|info) \|", readme, re.M))


def test_readme_table_is_the_registry() -> None:
    assert _readme_kinds() == set(KINDS)
    assert markdown_table() in (ROOT / "README.md").read_text()


def test_every_kind_says_what_it_means_and_what_to_do() -> None:
    for name, kind in KINDS.items():
        assert kind.severity in SEVERITIES, name
        assert kind.meaning and kind.action, name


def test_an_unregistered_kind_is_a_warning_not_a_crash() -> None:
    assert severity("doc-defect:something-new") == FALLBACK == "warning"
    report = build_report("x", [], [Diagnostic("a.html", "brand-new", "why")], [], SpecFindings({}))
    assert report.diagnostics[0].severity == "warning"
    assert "brand-new 1" in "\n".join(summary_lines("x", report.as_dict()))


def test_severity_order() -> None:
    assert at_least("error", "warning") and at_least("warning", "warning")
    assert not at_least("info", "warning") and at_least("info", "info")


def _emitted(result: ScrapeResult) -> set[str]:
    return {d.kind for d in result.report.diagnostics}


def _assert_registered(result: ScrapeResult) -> None:
    unregistered = _emitted(result) - set(KINDS)
    assert not unregistered, f"register these kinds in scraper/diagnostics.py: {unregistered}"
    for diagnostic in result.report.diagnostics:
        assert diagnostic.severity == KINDS[diagnostic.kind].severity


def test_fixture_pages_emit_only_registered_kinds() -> None:
    for folder in sorted(p for p in (ROOT / "tests" / "fixtures").iterdir() if p.is_dir()):
        _assert_registered(scrape([folder]))


@pytest.mark.parametrize("service", ["otc-html/ecs", "otc-html/elb", "otc-rst/modelarts"])
def test_corpus_services_emit_only_registered_kinds(corpus: Path, service: str) -> None:
    result = scrape([corpus / service])
    assert result.report.diagnostics
    _assert_registered(result)
    assert _spec_operations(result.spec) == result.report.summary.operations


def _spec_operations(spec: dict[str, Any]) -> int:
    return sum(1 for _ in tree.operations(spec))


def test_diagnostics_name_the_page_title_and_operation() -> None:
    report = scrape([PAGES]).report
    example = next(d for d in report.diagnostics if d.kind == "doc-defect:example")
    assert example.title == "Creating a Widget"
    assert example.operation_id == "CreateWidget"
    assert example.severity == "warning"


def test_operations_count_what_the_spec_holds_after_merging(tmp_path: Path) -> None:
    """Two pages documenting one method and path: one operation in the spec, and the report
    and the console say so."""
    docs = tmp_path / "docs"
    docs.mkdir()
    page = (PAGES / "ListWidgets.html").read_text()
    (docs / "a.html").write_text(page)
    (docs / "b.html").write_text(page.replace("Listing Widgets", "Listing Widgets Again"))
    out = tmp_path / "w.yaml"
    assert main(["scrape", "--no-cache", str(docs), "-o", str(out)]) == 0
    report = json.loads((tmp_path / "w.report.json").read_text())
    assert report["summary"]["operations"] == _spec_operations(yaml.safe_load(out.read_text()))
    assert report["summary"]["operations"] == 1
    assert report["summary"]["documented_operations"] == 2
    assert "duplicate-operation" in report["summary"]["diagnostics"]


def test_scrape_prints_a_summary_per_severity(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "w.yaml"
    assert main(["scrape", "--no-cache", str(PAGES), "-o", str(out)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"{out}: 2 operations from 2/2 operation pages")
    assert "  error: none" in err and "  warning: 2 in 2 kind(s)" in err
    example = next(line for line in err if "doc-defect:example 1, e.g. " in line)
    assert 'widget_create.html "Creating a Widget" (CreateWidget)' in example


@pytest.mark.parametrize(
    ("fail_on", "code", "failed"),
    [
        ("warning", 1, "2 diagnostic(s) at warning or worse"),
        ("info", 1, "3 diagnostic(s) at info or worse"),  # and the unnamed endpoint
        ("error", 0, ""),
    ],
)
def test_strict_fails_at_the_chosen_severity_and_says_what(
    fail_on: str, code: int, failed: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "w.yaml"
    args = ["scrape", "--no-cache", str(PAGES), "-o", str(out), "--strict", "--fail-on", fail_on]
    assert main(args) == code
    err = capsys.readouterr().err
    if failed:
        assert f"{out}: --strict: {failed}" in err
        assert "doc-defect:example 1" in err.split("--strict:")[1]
    else:
        assert "--strict" not in err


def test_report_command_renders_text_and_markdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "w.yaml"
    assert main(["scrape", "--no-cache", str(PAGES), "-o", str(out)]) == 0
    capsys.readouterr()
    report_file = tmp_path / "w.report.json"
    assert main(["report", str(report_file)]) == 0
    text = capsys.readouterr().out
    assert "doc-defect:example (warning, 1)" in text
    assert "what to do: fix either one" in text
    assert main(["report", str(report_file), "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert "| doc-defect:example | warning | 1 | fix either one |" in markdown
    assert "<details><summary>doc-defect:example (1)</summary>" in markdown


def test_rendering_escapes_what_the_docs_say() -> None:
    """Doc text reaches the console and CI pages: no terminal escapes, no raw HTML."""
    hostile = Diagnostic("a.html", "unknown-type", "type \x1b[31mred\x1b[0m <script>x</script> |")
    results = [PageResult("a.html", "operations", title="T\nitle")]
    report = build_report(
        "x", results, [hostile], [], SpecFindings({"valid": 0, "invalid": 0})
    ).as_dict()
    text = render_text(report) + "\n".join(summary_lines("x", report))
    assert "\x1b" not in text and "\\x1b[31m" in text and "T\\x0aitle" in text
    markdown = render_markdown(report)
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown
    assert "\\|" in markdown
