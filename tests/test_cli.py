"""The CLI: exit codes, determinism, bad input as diagnostics, outputs in place."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from doc2openapi.cli import main
from tests.conftest import FIXTURES, PAGES


def test_scrape_writes_spec_and_report(tmp_path: Path) -> None:
    out = tmp_path / "spec" / "widget.yaml"
    assert main(["scrape", str(PAGES), "-o", str(out)]) == 0
    assert out.read_text().startswith("openapi: 3.0.3\n")
    report = json.loads((tmp_path / "spec" / "widget.report.json").read_text())
    assert report["summary"]["operations"] == 2
    assert main(["validate", str(out)]) == 0


def test_two_runs_are_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert main(["scrape", str(PAGES), "-o", str(first), "--report", str(tmp_path / "a.json")]) == 0
    assert (
        main(["scrape", str(PAGES), "-o", str(second), "--report", str(tmp_path / "b.json")]) == 0
    )
    assert first.read_bytes() == second.read_bytes()
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_json_output_by_extension(tmp_path: Path) -> None:
    out = tmp_path / "w.json"
    assert main(["scrape", str(PAGES), "-o", str(out)]) == 0
    assert json.loads(out.read_text())["openapi"] == "3.0.3"


def test_strict_fails_on_diagnostics(tmp_path: Path) -> None:
    out = tmp_path / "w.yaml"
    assert main(["scrape", str(PAGES), "-o", str(out), "--strict"]) == 1
    assert out.exists()  # the spec is still written: --strict only changes the exit code


def test_missing_input_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scrape", str(tmp_path / "nope"), "-o", str(tmp_path / "x.yaml")]) == 2
    err = capsys.readouterr().err
    assert "nope: no such file or directory" in err and "Traceback" not in err


def test_validate_rejects_broken_documents(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: 3.0.3\ninfo: {}\npaths: {}\n")
    assert main(["validate", str(bad)]) == 1
    garbage = tmp_path / "garbage.yaml"
    garbage.write_text("- just\n- a list\n")
    assert main(["validate", str(garbage)]) == 2


def test_bad_pages_become_diagnostics_and_others_still_come_out(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(PAGES, docs)
    (docs / "notes.txt").write_bytes(b"\x00\x01binary junk")
    (docs / "empty.html").write_bytes(b"")
    (docs / "weird.html").write_text(
        "<h1>Weird</h1><h4>URI</h4><p>GET /v1/weird</p>"
        "<h4>Request Parameters</h4><table><tr><th>Foo</th><th>Bar</th></tr>"
        "<tr><td>1</td><td>2</td></tr></table>"
    )
    out = tmp_path / "out.yaml"
    assert main(["scrape", str(docs), "-o", str(out)]) == 0
    report = json.loads((tmp_path / "out.report.json").read_text())
    files = {f["file"]: f for f in report["files"]}
    assert files["notes.txt"]["status"] == "skipped"
    assert files["empty.html"]["status"] == "skipped"
    kinds = {(d["file"], d["kind"]) for d in report["diagnostics"]}
    assert ("notes.txt", "unreadable") in kinds
    assert ("empty.html", "unreadable") in kinds
    assert ("weird.html", "unknown-table") in kinds
    assert files["ListWidgets.html"]["status"] == "operations"
    assert report["summary"]["operations"] == 3


def test_failed_write_leaves_previous_spec_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "w.yaml"
    assert main(["scrape", str(PAGES), "-o", str(out)]) == 0
    before = out.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("doc2openapi.scraper.output.os.fsync", disk_full)
    assert main(["scrape", str(PAGES), "-o", str(out), "--service", "other"]) == 2
    assert "No space left on device" in capsys.readouterr().err
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.report.json", "w.yaml"]


def test_io_errors_are_one_line_with_exit_code_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["scrape", str(PAGES), "-o", str(blocker / "x.yaml")]) == 2
    assert (
        main(["generate", str(FIXTURES / "contract" / "widgets.yaml"), "-o", str(blocker / "p")])
        == 2
    )
    assert main(["generate", str(blocker), "-o", str(tmp_path / "p")]) == 2
    page = tmp_path / "page.html"
    page.write_text("<h1>x</h1>")

    real_open = Path.open

    def denied(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == page:  # as root, chmod cannot make a file unreadable
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", denied)
    assert main(["scrape", str(page), "-o", str(tmp_path / "out.yaml")]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines == [
        f"doc2openapi: {blocker}: not a folder",
        f"doc2openapi: {blocker}: not a folder",
        f"doc2openapi: {blocker}: not an OpenAPI document (top level is not a mapping)",
        f"doc2openapi: {page}: Permission denied",
    ]


def test_generate_takes_path_level_parameters(tmp_path: Path) -> None:
    spec = FIXTURES / "contract" / "widgets.yaml"
    assert main(["generate", str(spec), "-o", str(tmp_path / "otc_widgets")]) == 0
    client = (tmp_path / "otc_widgets" / "otc_widgets" / "client.py").read_text()
    assert "def list_widgets(\n        self,\n        *,\n        project_id: str | None" in client


def test_reading_the_version_loads_no_stage() -> None:
    """`import doc2openapi` for its version loads neither the pipeline nor rich."""
    code = (
        "import sys, doc2openapi; print(doc2openapi.__version__); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich' "
        "or m.split('.')[:2] in (['doc2openapi', s] for s in ('scraper', 'codegen', 'contract'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    version, loaded = done.stdout.splitlines()
    assert version and loaded == "[]"


def test_an_unchanged_output_is_not_rewritten(tmp_path: Path) -> None:
    """`make` regenerates a client only when its spec is newer: a re-run that produces the
    same bytes must leave the spec's time alone."""
    import os

    from doc2openapi.scraper.output import write_atomic

    target = tmp_path / "spec.yaml"
    write_atomic(target, "openapi: 3.0.3\n")
    os.utime(target, (1_000_000, 1_000_000))
    write_atomic(target, "openapi: 3.0.3\n")
    assert target.stat().st_mtime == 1_000_000
    write_atomic(target, "openapi: 3.1.0\n")
    assert target.stat().st_mtime != 1_000_000 and target.read_text() == "openapi: 3.1.0\n"


def test_the_report_beside_an_output_keeps_every_part_of_its_name_but_the_suffix(
    tmp_path: Path,
) -> None:
    """`-o x.html.yaml` and `-o x.rst.yaml` write reports that do not overwrite each other."""
    for name in ("x.html.yaml", "x.rst.yaml"):
        assert main(["scrape", str(PAGES), "-o", str(tmp_path / name)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "x.html.report.json", "x.html.yaml", "x.rst.report.json", "x.rst.yaml"
    ]  # fmt: skip
