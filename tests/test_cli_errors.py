"""Issue 21: any file given to any command is one line naming it and the reason (exit 2);
inputs are judged by content; messages name real files; outputs honour the umask."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from doc2openapi.cli import main
from tests.conftest import FIXTURES, PAGES

# Real signatures and binary bodies, as a PDF or PNG saved under another name would have.
PDF = (
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 12 >>\nstream\n"
    b"x\x9c\x03\x00\x01\x02\x00\x05\x06endstream\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"

BAD_FILES: dict[str, Callable[[Path], Path]] = {
    "missing": lambda d: d / "nope.yaml",
    "folder": lambda d: d,
    "broken-yaml": lambda d: _write(d / "broken.yaml", b"openapi: 3.0.3\npaths: [\n"),
    "broken-json": lambda d: _write(d / "broken.json", b'{"openapi": '),
    "not-a-mapping": lambda d: _write(d / "list.yaml", b"- just\n- a list\n"),
    "invalid-spec": lambda d: _write(d / "invalid.yaml", b"openapi: 3.0.3\ninfo: {}\npaths: {}\n"),
    "pdf": lambda d: _write(d / "spec.yaml", PDF),
    "png": lambda d: _write(d / "spec.json", PNG),
}
EXPECTED = {
    "missing": "No such file or directory",
    "folder": "Is a directory",
    "broken-yaml": "not YAML (",
    "broken-json": "not JSON (",
    "not-a-mapping": "top level is not a mapping",
    "invalid-spec": "not a valid OpenAPI document: ",
    "pdf": "a binary file (PDF), not JSON or YAML",
    "png": "a binary file (PNG), not JSON or YAML",
}
COMMANDS = {
    "validate": [],
    "generate": ["-o", "{tmp}/otc_out"],
    "mock": ["--port", "0"],
    "contract": ["--mock"],
    "report": [],
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("case", sorted(BAD_FILES))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_any_bad_file_is_one_line_and_exit_2(
    command: str, case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    given = BAD_FILES[case](tmp_path)
    extra = [a.format(tmp=tmp_path) for a in COMMANDS[command]]
    code = main([command, str(given), *extra])
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    if command == "validate" and case == "invalid-spec":
        assert code == 1  # what `validate` is for: a finding, still one line
    else:
        assert code == 2, err
    assert len(lines) == 1, err
    assert str(given) in lines[0] and "Traceback" not in err
    expected = EXPECTED[case]
    if command == "report" and case == "invalid-spec":
        expected = "not a doc2openapi report"
    assert expected in lines[0], lines[0]


def test_an_invalid_spec_is_the_first_finding_and_a_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "two.yaml"
    spec.write_text("openapi: 3.0.3\ninfo: {}\npaths: {x: 1}\n")
    assert main(["generate", str(spec), "-o", str(tmp_path / "otc_x")]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"doc2openapi: {spec}: not a valid OpenAPI document: ")
    assert line.endswith("more)") and "(and " in line


def _scrape(*args: str) -> list[str]:
    return ["scrape", "--no-cache", *args]


BINARIES = [
    ("doc.html", PDF, "binary file (PDF)"),
    ("pic.html", PNG, "binary file (PNG)"),
    ("blob.rst", bytes(range(256)) * 8, "binary file"),
]


@pytest.mark.parametrize(("name", "data", "kind"), BINARIES)
def test_a_binary_file_named_like_a_page_is_unreadable_and_fails_strict(
    name: str, data: bytes, kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ListWidgets.html").write_bytes((PAGES / "ListWidgets.html").read_bytes())
    (docs / name).write_bytes(data)
    out = tmp_path / "w.yaml"
    assert main(_scrape(str(docs), "-o", str(out), "--fail-on", "error")) == 0
    report = json.loads((tmp_path / "w.report.json").read_text())
    (found,) = [d for d in report["diagnostics"] if d["file"] == name]
    assert found["kind"] == "unreadable" and found["severity"] == "error"
    assert found["reason"] == f"{kind}, not HTML, Markdown, RST or text"
    assert main(_scrape(str(docs), "-o", str(out), "--strict", "--fail-on", "error")) == 1
    err = capsys.readouterr().err
    assert f"{out}: --strict: 1 diagnostic(s) at error or worse: unreadable 1" in err


def test_a_pdf_alone_is_no_document_exit_1_and_no_spec(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = _write(tmp_path / "doc.pdf", PDF)
    out = tmp_path / "doc.yaml"
    assert main(_scrape(str(pdf), "-o", str(out))) == 1
    err = capsys.readouterr().err
    assert "no documents among 1 input file(s)" in err and "unreadable 1" in err
    assert not out.exists()


def test_an_empty_folder_is_exit_1_with_a_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(_scrape(str(empty), "-o", str(tmp_path / "e.yaml"))) == 1
    assert "no documents among 0 input file(s)" in capsys.readouterr().err
    assert not (tmp_path / "e.yaml").exists()
    assert main(_scrape(str(empty), "--out-dir", str(tmp_path / "out"))) == 1
    assert f"{empty}: no service folders with documents" in capsys.readouterr().err


def test_pages_that_document_no_operation_are_a_warning_strict_fails_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _write(tmp_path / "overview.html", b"<h1>Overview</h1><p>What the service does.</p>")
    out = tmp_path / "o.yaml"
    assert main(_scrape(str(page), "-o", str(out))) == 0
    report = json.loads((tmp_path / "o.report.json").read_text())
    (found,) = [d for d in report["diagnostics"] if d["kind"] == "no-operations"]
    assert found["severity"] == "warning" and found["file"] == "overview.html"
    assert main(_scrape(str(page), "-o", str(out), "--strict")) == 1
    assert "no-operations 1" in capsys.readouterr().err


def test_text_that_starts_like_a_signature_is_still_read(tmp_path: Path) -> None:
    """ "BM" is a bitmap's signature, "MZ" a program's: a page may begin with either."""
    page = tmp_path / "bms.txt"
    page.write_text("BMS API\n\nQuerying Jobs\n\nURI\n\nGET /v1/{project_id}/jobs\n")
    assert main(_scrape(str(page), "-o", str(tmp_path / "b.yaml"))) == 0
    report = json.loads((tmp_path / "b.report.json").read_text())
    assert report["files"][0]["status"] != "skipped"


def test_an_unwritable_output_names_the_real_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """/proc takes no new files, even as root: the temporary file beside the target fails."""
    assert main(_scrape(str(PAGES), "-o", "/proc/w.yaml")) == 2
    assert main(["generate", str(FIXTURES / "contract" / "widgets.yaml"), "-o", "/proc/x"]) == 2
    err = capsys.readouterr().err
    assert ".tmp" not in err and "/proc/.x." not in err
    lines = [line for line in err.strip().splitlines() if line.startswith("doc2openapi:")]
    assert [line.split(": ")[1] for line in lines] == ["/proc/w.yaml", "/proc/x"], err


@pytest.fixture
def umask_of() -> Iterator[Callable[[int], int]]:
    """Set the umask for one test; the previous one comes back afterwards."""
    previous = os.umask(0o022)
    os.umask(previous)
    yield os.umask
    os.umask(previous)


def _modes(root: Path) -> set[tuple[str, int]]:
    found = {("dir" if p.is_dir() else "file", stat.S_IMODE(p.stat().st_mode))
             for p in root.rglob("*")}  # fmt: skip
    return found


@pytest.mark.parametrize("mask", [0o022, 0o027], ids=["022", "027"])
def test_outputs_honour_the_umask(
    mask: int, tmp_path: Path, umask_of: Callable[[int], int]
) -> None:
    umask_of(mask)
    spec = tmp_path / "spec" / "widget.yaml"
    assert main(_scrape(str(PAGES), "-o", str(spec))) == 0
    assert main(["generate", str(spec), "-o", str(tmp_path / "generated" / "otc_widget")]) == 0
    assert _modes(tmp_path / "spec") == {("file", 0o666 & ~mask)}
    assert _modes(tmp_path / "generated") == {("file", 0o666 & ~mask), ("dir", 0o777 & ~mask)}


def test_a_replaced_output_keeps_its_mode(tmp_path: Path) -> None:
    spec = tmp_path / "w.yaml"
    spec.write_text("old")
    spec.chmod(0o640)
    assert main(_scrape(str(PAGES), "-o", str(spec))) == 0
    assert stat.S_IMODE(spec.stat().st_mode) == 0o640


def test_the_umask_of_a_real_process(tmp_path: Path) -> None:
    """The same in a child process whose umask is 027 from the start."""
    args = ["scrape", "--no-cache", str(PAGES), "-o", str(tmp_path / "w.yaml")]
    code = (
        f"import os, sys; os.umask(0o027); import doc2openapi.cli as c; sys.exit(c.main({args!r}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE((tmp_path / "w.yaml").stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "w.report.json").stat().st_mode) == 0o640


def test_generate_refuses_a_folder_of_other_files_and_replaces_its_own_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder with the user's files (a .git) would lose them; the current folder would
    leave the shell in a deleted one. An earlier output, with its caches, is replaced."""
    spec = str(FIXTURES / "contract" / "widgets.yaml")
    project = tmp_path / "otc_widgets"
    (project / ".git").mkdir(parents=True)
    (project / "keep.py").write_text("mine")
    assert main(["generate", spec, "-o", str(project)]) == 2
    assert f"{project}: holds files doc2openapi did not generate (.git, keep.py)" in (
        capsys.readouterr().err
    )
    assert sorted(p.name for p in project.iterdir()) == [".git", "keep.py"]
    monkeypatch.chdir(project)
    assert main(["generate", spec, "-o", "."]) == 2
    assert f"{project}: is the current folder" in capsys.readouterr().err

    monkeypatch.chdir(tmp_path)
    (project / ".git").rmdir()
    (project / "keep.py").unlink()
    assert main(["generate", spec, "-o", "otc_widgets"]) == 0  # an empty folder
    assert (project / "otc_widgets" / "client.py").is_file()
    (project / "otc_widgets" / "__pycache__").mkdir()
    assert main(["generate", spec, "-o", "otc_widgets"]) == 0  # its own output and caches
    (project / "pyproject.toml").write_text('[project]\nname = "mine"\n')
    assert main(["generate", spec, "-o", "otc_widgets"]) == 2
    assert "(pyproject.toml, README.md, otc_widgets)" in capsys.readouterr().err
    readme_only = tmp_path / "docs"
    readme_only.mkdir()
    (readme_only / "README.md").write_text("mine")
    assert main(["generate", spec, "-o", "docs"]) == 2  # a README.md alone is not ours
    assert (readme_only / "README.md").read_text() == "mine"
