"""Issue 9's correctness half: the cache and --jobs never change an output; progress in CI.

Speed itself is measured by `make bench`, never by a test.
"""

from __future__ import annotations

import json
import os
import pty
import shutil
from pathlib import Path
from typing import Any

import pytest

from doc2openapi.cli import main
from doc2openapi.scraper.cache import Cache
from doc2openapi.scraper.output import dumps
from doc2openapi.scraper.page import Page
from doc2openapi.scraper.pipeline import ScrapeResult, Settings, scrape
from doc2openapi.scraper.progress import BarProgress, wants_bar
from doc2openapi.scraper.services import iter_services
from tests.conftest import PAGES

ROW = "<tr><td>{0}</td><td>{1}</td><td>{2}</td></tr>"
OPERATION = """<h1>Showing a Gadget</h1>
<h4>URI</h4><p>GET /v1/gadgets/{gadget_id}</p>
<table><caption>Table 1 Path Parameters</caption>
<tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr>
<tr><td>gadget_id</td><td>Yes</td><td>String</td><td>Gadget ID.</td></tr></table>
<h4>Response Parameters</h4><p>Status code: 200</p>
<table><caption>Table 2 Response body parameters</caption>
<tr><th>Parameter</th><th>Type</th><th>Description</th></tr>
<tr><td>part</td><td><a href="parts.html#part_table">Part</a> object</td><td>The part.</td></tr>
</table>
<h4>Status Codes</h4><table><tr><th>Status Code</th><th>Description</th></tr>
<tr><td>200</td><td>OK</td></tr></table>
"""
PARTS = """<h1>Common Objects</h1>
<table id="part_table"><caption>Table 1 Part</caption>
<tr><th>Parameter</th><th>Type</th><th>Description</th></tr>
{rows}</table>
"""


def _outputs(result: ScrapeResult) -> tuple[str, str]:
    return dumps(result.spec, Path("x.yaml")), json.dumps(result.report.as_dict(), sort_keys=True)


def _docs(folder: Path, part_rows: list[tuple[str, str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ShowGadget.html").write_text(OPERATION)
    rows = "".join(ROW.format(*row) for row in part_rows)
    (folder / "parts.html").write_text(PARTS.format(rows=rows))
    return folder


def _part_properties(result: ScrapeResult) -> list[str]:
    return sorted(result.spec["components"]["schemas"]["Part"]["properties"])


def test_jobs_1_and_2_give_byte_identical_specs_and_reports(corpus: Path) -> None:
    # Both renderings, and RST services of three different doc conventions.
    inputs = [corpus / "otc-html" / "elb"] + [
        corpus / "otc-rst" / name for name in ("modelarts", "smn", "dns")
    ]
    one = dict(iter_services(inputs, settings=Settings(jobs=1)))
    two = dict(iter_services(inputs, settings=Settings(jobs=2)))
    assert all(r.stats.processes == 0 for r in one.values())
    assert all(r.stats.processes == 2 for r in two.values()), "the pages were not shared out"
    assert one.keys() == two.keys() == {"elb", "modelarts", "smn", "dns"}
    for name in one:
        assert _outputs(one[name]) == _outputs(two[name]), name


def test_cli_jobs_outputs_identical(tmp_path: Path) -> None:
    for jobs in ("1", "2"):
        out = tmp_path / jobs / "widget.yaml"
        assert main(["scrape", str(PAGES), "-o", str(out), "--jobs", jobs, "--no-cache"]) == 0
    for name in ("widget.yaml", "widget.report.json"):
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes()


def test_warm_run_reuses_everything_and_changes_nothing(corpus: Path, tmp_path: Path) -> None:
    settings = Settings(jobs=2, cache=Cache(tmp_path / "cache"))
    inputs = [corpus / "otc-html" / "ecs"]
    cold = scrape(inputs, settings=settings)
    warm = scrape(inputs, settings=settings)
    assert cold.stats.pages_read > 200 and not cold.stats.result_from_cache
    assert warm.stats.result_from_cache and warm.stats.pages_read == 0
    assert _outputs(warm) == _outputs(cold) == _outputs(scrape(inputs))


def test_one_changed_page_is_read_alone(corpus: Path, tmp_path: Path) -> None:
    docs = tmp_path / "elb"
    shutil.copytree(corpus / "otc-html" / "elb", docs)
    settings = Settings(jobs=1, cache=Cache(tmp_path / "cache"))
    scrape([docs], settings=settings)
    page = sorted(docs.glob("*.html"))[40]
    page.write_text(page.read_text().replace("</table>", "</table><p>Edited.</p>", 1))
    changed = scrape([docs], settings=settings)
    assert changed.stats.pages_read == 1
    assert changed.stats.pages_from_cache == changed.stats.files - 1 - 2  # two .json files
    assert _outputs(changed) == _outputs(scrape([docs]))


def test_a_page_another_links_to_reinterprets_the_other(tmp_path: Path) -> None:
    """ShowGadget's schema comes from parts.html: changing that table must reach it."""
    settings = Settings(cache=Cache(tmp_path / "cache"))
    docs = _docs(tmp_path / "docs", [("name", "String", "Name.")])
    before = scrape([docs], settings=settings)
    assert _part_properties(before) == ["name"]
    _docs(docs, [("name", "String", "Name."), ("weight", "Float", "Weight.")])
    after = scrape([docs], settings=settings)
    assert after.stats.pages_read == 1 and after.stats.pages_interpreted == 2
    assert _part_properties(after) == ["name", "weight"]
    assert _outputs(after) == _outputs(scrape([docs]))


def test_a_new_page_that_resolves_a_link_reinterprets_the_linking_page(tmp_path: Path) -> None:
    settings = Settings(cache=Cache(tmp_path / "cache"))
    docs = _docs(tmp_path / "docs", [("name", "String", "Name.")])
    (docs / "parts.html").unlink()
    without = scrape([docs], settings=settings)
    assert "Part" not in without.spec.get("components", {}).get("schemas", {})
    _docs(docs, [("name", "String", "Name.")])
    with_parts = scrape([docs], settings=settings)
    assert _part_properties(with_parts) == ["name"]


COPIED = """Showing a Gadget

URI

GET /v1/gadgets/{gadget_id}

Table 1 Path parameters

Parameter\tMandatory\tType\tDescription
gadget_id\tYes\tString\tGadget ID.

Response Parameters

Table 2 Response body parameters

Parameter\tType\tDescription
part\tObject\tThe part. For details, see Table 1 in Common Objects.
"""
COPIED_PARTS = """Common Objects

Table 1 Part

Parameter\tType\tDescription
name\tString\tName.
"""


def test_table_n_in_a_page_title_is_that_pages_table_also_once_the_page_appears(
    tmp_path: Path,
) -> None:
    """Copied text has no links: "see Table 1 in Common Objects" names the table by the
    page's title. Before, it was this page's Table 1 (the path parameters), silently; a
    warm run re-reads the page once a page with that title appears."""
    settings = Settings(cache=Cache(tmp_path / "cache"))
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "show.txt").write_text(COPIED)
    alone = scrape([docs], settings=settings)
    assert "gadget_id" not in json.dumps(alone.spec["components"]["schemas"])
    (docs / "parts.txt").write_text(COPIED_PARTS)
    with_parts = scrape([docs], settings=settings)
    assert _part_properties(with_parts) == ["name"]


DELETING = """<h1>Deleting a Gadget</h1>
<h4>URI</h4><p>DELETE /v1/gadgets/{gadget_id}</p>
<h4>Status Code</h4><p>For details, see <a href="codes.html">Status Codes</a>.</p>
"""
CODES = """<h1>Status Codes</h1>
<table><tr><th>Status Code</th><th>Description</th></tr>
<tr><td>{code}</td><td>Normal response to DELETE requests.</td></tr></table>
"""


def test_a_linked_status_page_that_changes_or_appears_reinterprets_the_linking_page(
    tmp_path: Path,
) -> None:
    settings = Settings(cache=Cache(tmp_path / "cache"))
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "DeleteGadget.html").write_text(DELETING)

    def statuses() -> list[str]:
        result = scrape([docs], settings=settings)
        return list(result.spec["paths"]["/v1/gadgets/{gadget_id}"]["delete"]["responses"])

    assert statuses() == ["default"]
    (docs / "codes.html").write_text(CODES.format(code=204))
    assert statuses() == ["204"]
    (docs / "codes.html").write_text(CODES.format(code=202))
    assert statuses() == ["202"]


@pytest.mark.parametrize("damage", ["garbage", "truncated", "foreign"])
def test_corrupt_or_foreign_cache_entries_are_discarded(tmp_path: Path, damage: str) -> None:
    cache_dir = tmp_path / "cache"
    docs = _docs(tmp_path / "docs", [("name", "String", "Name.")])
    clean = _outputs(scrape([docs], settings=Settings(cache=Cache(cache_dir))))
    entries = sorted(cache_dir.rglob("*.json"))
    kinds = {"page", "interpretation", "result", "valid"}
    assert {e.parent.parent.name for e in entries} == kinds
    other = entries[0].read_bytes()
    for entry in entries:
        data = entry.read_bytes()
        if damage == "garbage":
            entry.write_bytes(b"\x00not json")
        elif damage == "truncated":
            entry.write_bytes(data[: len(data) // 2])
        else:  # a well-formed entry of another key, copied over this one
            entry.write_bytes(other if entry != entries[0] else entries[1].read_bytes())
    cache = Cache(cache_dir)
    again = scrape([docs], settings=Settings(cache=cache))
    assert _outputs(again) == clean
    assert again.stats.pages_read == 2  # no damaged entry served
    for entry in cache_dir.rglob("*.json"):  # rewritten: every entry carries its own key
        assert entry.read_bytes().split(b"\n", 1)[0].endswith(entry.stem.encode())


def test_cache_keys_include_the_tool_version(monkeypatch: pytest.MonkeyPatch) -> None:
    from doc2openapi.scraper import cache as cache_module

    before = Cache(Path("unused")).key("page", "a.html", "digest")
    cache_module.tool_fingerprint.cache_clear()
    monkeypatch.setattr(cache_module, "__version__", "999.0.0")
    try:
        after = Cache(Path("unused")).key("page", "a.html", "digest")
    finally:
        cache_module.tool_fingerprint.cache_clear()
    assert before != after


def test_an_unwritable_cache_costs_speed_not_the_run(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    result = scrape([PAGES], settings=Settings(cache=Cache(blocked / "cache")))
    assert result.valid and _outputs(result) == _outputs(scrape([PAGES]))


def test_ci_gets_one_summary_line_and_no_bar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "w.yaml"
    cache = ["--cache-dir", str(tmp_path / "cache")]
    assert main(["scrape", str(PAGES), "-o", str(out), *cache]) == 0
    assert main(["scrape", str(PAGES), "-o", str(out), *cache]) == 0
    err = capsys.readouterr().err
    assert "\x1b[" not in err  # no terminal control codes in a log
    lines = [line for line in err.splitlines() if line.startswith("scraped ")]
    assert len(lines) == 2
    assert "pages read 3, from cache 0" in lines[0]
    assert "1 unchanged service(s) taken whole from the cache" in lines[1]


def test_bar_only_for_a_person_at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert wants_bar(Terminal())  # type: ignore[arg-type]
    monkeypatch.setenv("CI", "true")
    assert not wants_bar(Terminal())  # type: ignore[arg-type]


def test_bar_progress_draws_stages_on_a_terminal() -> None:
    leader, follower = pty.openpty()
    with os.fdopen(follower, "w") as terminal:
        with BarProgress(terminal) as bar:
            scrape([PAGES], settings=Settings(progress=bar))
        terminal.flush()
        shown = os.read(leader, 65536).decode(errors="replace")
    os.close(leader)
    assert "pages: reading" in shown
    assert "\x1b[" in shown  # drawn in place, with terminal control codes


def test_validity_is_remembered_across_prose_only_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from doc2openapi.scraper import reconciling, validate

    calls: list[int] = []
    real = validate.spec_errors

    def counting(spec: dict[str, Any], jobs: int = 1) -> list[str]:
        calls.append(1)
        return real(spec, jobs)

    monkeypatch.setattr(reconciling, "spec_errors", counting)
    settings = Settings(cache=Cache(tmp_path / "cache"))
    docs = _docs(tmp_path / "docs", [("name", "String", "Name.")])
    scrape([docs], settings=settings)
    assert len(calls) == 1
    _docs(docs, [("name", "String", "The name, reworded.")])  # prose only
    reworded = scrape([docs], settings=settings)
    assert len(calls) == 1 and reworded.valid
    assert "reworded" in json.dumps(reworded.spec)
    _docs(docs, [("name", "Integer", "The name, reworded.")])  # structure: validated again
    scrape([docs], settings=settings)
    assert len(calls) == 2


def test_an_invalid_spec_is_never_remembered_as_valid(tmp_path: Path) -> None:
    from doc2openapi.scraper.reconciling import cached_spec_errors

    cache = Cache(tmp_path / "cache")
    broken = {"openapi": "3.0.3", "info": {"title": "t"}, "paths": {}}  # no version
    assert cached_spec_errors(broken, cache) and cached_spec_errors(broken, cache)
    assert not list((tmp_path / "cache").rglob("*.json"))


def test_prose_is_emptied_but_checked_values_are_kept() -> None:
    from doc2openapi.scraper.validate import without_prose

    spec = {
        "info": {"description": "About."},
        "components": {"schemas": {"A": {
            "description": "An A.",
            "properties": {"description": {"type": "string", "minLength": 3}},
            "example": {"description": "kept"},
            "default": {"summary": "kept"},
            "enum": [{"description": "kept"}],
        }}},
    }  # fmt: skip
    stripped = without_prose(spec)
    schema = stripped["components"]["schemas"]["A"]
    assert stripped["info"]["description"] == "" and schema["description"] == ""
    assert schema["properties"]["description"] == {"type": "string", "minLength": 3}
    assert schema["example"] == {"description": "kept"}
    assert schema["default"] == {"summary": "kept"} and schema["enum"] == [{"description": "kept"}]


def test_split_validation_agrees_with_the_whole(html_services: dict[str, ScrapeResult]) -> None:
    """Two processes, each walking half, accept what the validator accepts in one piece and
    report exactly its messages where it does not."""
    import copy

    from doc2openapi.scraper.validate import spec_errors

    spec = html_services["elb"].spec
    assert spec_errors(spec, jobs=2) == spec_errors(spec) == []
    broken = copy.deepcopy(spec)
    first = next(iter(broken["components"]["schemas"].values()))
    first["required"] = "not a list"  # a components finding
    path = next(iter(broken["paths"].values()))
    next(iter(path.values()))["responses"] = {}  # a paths finding
    errors = spec_errors(broken)
    assert len(errors) >= 2 and spec_errors(broken, jobs=2) == errors


def test_faster_validation_finds_what_the_stock_validator_finds(
    html_services: dict[str, ScrapeResult],
) -> None:
    """Our schema walk keeps its registries in sets; the findings must not change."""
    import copy

    from openapi_spec_validator import OpenAPIV30SpecValidator

    from doc2openapi.scraper.validate import spec_errors

    def stock(spec: dict[str, Any]) -> list[str]:
        found = OpenAPIV30SpecValidator(spec).iter_errors()
        return sorted(f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
                      for e in found)  # fmt: skip

    spec = copy.deepcopy(html_services["modelarts"].spec)
    assert spec_errors(spec) == stock(spec) == []
    schemas = list(spec["components"]["schemas"].values())
    schemas[1]["default"] = "x"  # defaults are checked by the schema walk itself
    schemas[2]["properties"] = {"nested": {"type": "integer", "default": "x"}}
    errors = spec_errors(spec)
    assert len(errors) == 2 and errors == stock(spec)


def test_a_page_that_took_too_long_is_tried_again_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Time is the machine's, not the page's: a too-slow verdict is never cached."""
    from doc2openapi.scraper.limits import PageTimeout
    from doc2openapi.scraper.readers import read_document as real

    settings = Settings(cache=Cache(tmp_path / "cache"))
    docs = _docs(tmp_path / "docs", [("name", "String", "Name.")])

    def slow(data: bytes, source: str) -> Page:
        if source == "parts.html":
            raise PageTimeout
        return real(data, source)

    monkeypatch.setattr("doc2openapi.scraper.reading.read_document", slow)
    first = scrape([docs], settings=settings)
    assert "too-slow" in first.report.summary.diagnostics
    monkeypatch.setattr("doc2openapi.scraper.reading.read_document", real)
    again = scrape([docs], settings=settings)
    assert not again.stats.result_from_cache and again.stats.pages_read == 1
    assert _part_properties(again) == ["name"]


def test_a_read_only_cache_is_read_and_never_breaks_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache_dir = tmp_path / "cache"
    docs = _docs(tmp_path / "docs", [("name", "String", "Name.")])
    clean = _outputs(scrape([docs], settings=Settings(cache=Cache(cache_dir))))
    next((cache_dir / "result").rglob("*.json")).write_bytes(b"garbage")  # discarded if it could be

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")  # what a read-only folder says

    monkeypatch.setattr(Path, "unlink", refuse)
    monkeypatch.setattr("tempfile.mkstemp", refuse)
    again = scrape([docs], settings=Settings(cache=Cache(cache_dir)))
    assert _outputs(again) == clean
