"""Hostile and broken input: no entity expansion, no file or network access, no escape from
the output folder, no code injection, no crash on extremes, no half-written outputs."""

from __future__ import annotations

import ast
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from doc2openapi.cli import main
from doc2openapi.codegen import generate_client
from doc2openapi.scraper.pipeline import scrape
from tests.conftest import PAGES

SECRET = "TOP-SECRET-7c1d"  # noqa: S105 - a sentinel that must never show up
SAFE_NAME = r"^[A-Za-z0-9_.\-]+$"


def _everything(result: Any) -> str:
    return json.dumps(result.spec) + json.dumps(result.report.as_dict())


def test_xml_entities_are_never_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    laughs = "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    )  # 10^9 "lol"s when expanded
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "xxe.html").write_text(
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><h1>XXE &xxe;</h1>'
        '<h2>URI</h2><p>GET /v1/x</p><pre>{"a": "&xxe;"}</pre></body></html>'
    )
    (tmp_path / "docs" / "laughs.xhtml").write_text(
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY l0 "lol">{laughs}]>'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><h1>Laughs &l9;</h1></body></html>'
    )
    result = scrape([tmp_path / "docs"])
    text = _everything(result)
    assert SECRET not in text
    assert "lollollol" not in text
    assert result.valid


def _block_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(repr(args[:2]))
        raise OSError("network access during a scrape")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


def test_scraping_never_touches_the_network_or_other_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts = _block_network(monkeypatch)
    secret = tmp_path / "secret.csv"
    secret.write_text(f"a,{SECRET}\n")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "remote.rst").write_text(
        "Remote\n======\n\n"
        ".. include:: http://127.0.0.1:9/x.rst\n\n"
        ".. csv-table:: t\n   :url: http://127.0.0.1:9/t.csv\n\n"
        f".. csv-table:: t\n   :file: {secret}\n\n"
        f".. include:: {secret}\n\n"
        ".. image:: http://127.0.0.1:9/i.png\n\n"
        "`link <http://127.0.0.1:9/>`_\n"
    )
    (docs / "remote.html").write_text(
        '<html><head><link rel="stylesheet" href="http://127.0.0.1:9/s.css">'
        '<script src="http://127.0.0.1:9/s.js"></script></head><body><h1>R</h1>'
        '<img src="http://127.0.0.1:9/i.png"><iframe src="http://127.0.0.1:9/"></iframe>'
        "</body></html>"
    )
    result = scrape([docs])
    assert attempts == []
    assert SECRET not in _everything(result)
    notes = [d.reason for d in result.diagnostics if d.file == "remote.rst"]
    assert any("disabled" in note for note in notes), notes


def test_names_from_docs_cannot_escape_or_inject(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    evil = '../../etc/x&#0;\x01"""; __import__("os").system("touch pwned") #'
    (docs / "evil.html").write_text(
        f"<html><body><h1>{evil}</h1><h2>URI</h2><p>POST /v1/{{project_id}}/things</p>"
        "<h2>Request Parameters</h2><table><caption>Table 1 ../../etc/passwd</caption>"
        "<tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr>"
        f"<tr><td>name</td><td>Yes</td><td>String</td><td>{evil}</td></tr>"
        f"<tr><td>spec</td><td>No</td><td>../../etc/x object</td><td>{evil}</td></tr>"
        "</table><h2>Response Parameters</h2><table>"
        "<tr><th>Parameter</th><th>Type</th><th>Description</th></tr>"
        f"<tr><td>id</td><td>String</td><td>{evil}</td></tr></table></body></html>"
    )
    out = tmp_path / "out"
    before = _snapshot(tmp_path)
    assert main(["scrape", str(docs), "--out-dir", str(out)]) == 0
    spec_path = out / "docs.yaml"
    spec = yaml.safe_load(spec_path.read_text())
    for path_item in spec["paths"].values():
        for op in path_item.values():
            assert __import__("re").match(SAFE_NAME, op["operationId"]), op["operationId"]
    for name in spec["components"]["schemas"]:
        assert __import__("re").match(SAFE_NAME, name), name
    project = out / "otc_docs"
    assert main(["generate", str(spec_path), "-o", str(project)]) == 0
    written = set(_snapshot(tmp_path)) - set(before)
    assert written and all(Path(p).is_relative_to(out) for p in written), written
    for source in project.rglob("*.py"):
        tree = ast.parse(source.read_text())
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
        names = {getattr(c.func, "attr", getattr(c.func, "id", "")) for c in calls}
        assert not names & {"system", "__import__", "eval", "exec"}, source
    assert not list(tmp_path.rglob("pwned"))


def _snapshot(root: Path) -> dict[str, float]:
    return {str(p): p.stat().st_mtime for p in root.rglob("*") if p.is_file()}


def test_extreme_pages_become_diagnostics(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    depth = 10_000
    (docs / "deep_table.html").write_text(
        "<h1>Deep</h1>" + "<table><tr><td>" * depth + "x" + "</td></tr></table>" * depth
    )
    (docs / "deep_list.html").write_text("<h1>L</h1>" + "<ul><li>" * depth + "</li></ul>" * depth)
    (docs / "deep.rst").write_text(
        "Deep\n====\n\n" + "".join("  " * i + "- item\n\n" for i in range(depth))
    )
    with (docs / "huge.html").open("w") as handle:  # 50 MB
        handle.write("<html><body><h1>Huge</h1>")
        for _ in range(50 * 1024):
            handle.write("<p>" + "x" * 1017 + "</p>")
    (docs / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(512))
    (docs / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (docs / "empty.rst").write_bytes(b"")
    (docs / "loop").symlink_to(docs, target_is_directory=True)
    result = scrape([docs])
    files = {f.file: f for f in result.report.files}
    assert sorted(files) == sorted(
        ["deep_table.html", "deep_list.html", "deep.rst", "huge.html", "image.html",
         "photo.png", "empty.rst"]
    )  # fmt: skip
    kinds = {d.file: d.kind for d in result.diagnostics}
    assert kinds["huge.html"] == "unreadable" and "larger than" in files["huge.html"].reason
    assert kinds["image.html"] == "unreadable"
    assert kinds["empty.rst"] == "unreadable"
    for name in ("deep_table.html", "deep_list.html", "deep.rst"):
        assert files[name].status != "operations" and files[name].reason
    assert "internal-error" not in kinds.values()
    assert result.valid


@pytest.mark.parametrize("encoding", ["gbk", "latin-1", "utf-8-sig", "crlf"])
def test_encodings_and_line_endings(tmp_path: Path, encoding: str) -> None:
    page = (PAGES / "ListWidgets.html").read_text(encoding="utf-8")
    word = "名称" if encoding in ("gbk", "utf-8-sig", "crlf") else "Größe"
    charset = "utf-8" if encoding in ("utf-8-sig", "crlf") else encoding
    page = f'<meta charset="{charset}">\n' + page.replace("Project ID.", f"Project ID {word}.")
    docs = tmp_path / "docs"
    docs.mkdir()
    data = page.replace("\n", "\r\n").encode() if encoding == "crlf" else page.encode(encoding)
    (docs / "page.html").write_bytes(data)
    result = scrape([docs])
    assert result.report.summary.operations == 1
    assert word in json.dumps(result.spec, ensure_ascii=False)


def test_tables_that_refer_to_each_other_become_a_ref_cycle(tmp_path: Path) -> None:
    header = "<tr><th>Parameter</th><th>Type</th><th>Description</th></tr>"
    (tmp_path / "cycle.html").write_text(
        "<h1>Cycle</h1><h2>URI</h2><p>GET /v1/nodes</p><h2>Response Parameters</h2>"
        f"<table><caption>Table 1 Response</caption>{header}"
        "<tr><td>node</td><td>Node object</td><td>See Table 2.</td></tr></table>"
        f"<table><caption>Table 2 Node</caption>{header}"
        "<tr><td>parent</td><td>Node object</td><td>See Table 2.</td></tr>"
        "<tr><td>peer</td><td>Peer object</td><td>See Table 3.</td></tr></table>"
        f"<table><caption>Table 3 Peer</caption>{header}"
        "<tr><td>node</td><td>Node object</td><td>See Table 2.</td></tr></table>"
    )
    result = scrape([tmp_path / "cycle.html"])
    assert result.valid
    schemas = result.spec["components"]["schemas"]
    text = json.dumps(schemas)
    assert text.count("$ref") >= 3
    node = next(s for s in schemas.values() if "parent" in s.get("properties", {}))
    assert "$ref" in json.dumps(node["properties"]["parent"])


def _written_spec(path: Path) -> str:
    text = path.read_text()
    assert yaml.safe_load(text)["openapi"] == "3.0.3"
    return text


def test_killed_runs_leave_previous_outputs_intact(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "elb.yaml"
    source = corpus / "otc-html" / "elb"
    command = [sys.executable, "-m", "doc2openapi.cli", "scrape", str(source), "-o", str(out)]
    subprocess.run(command, check=True, capture_output=True)
    previous = _written_spec(out)
    project = tmp_path / "otc_elb"
    generate_client(yaml.safe_load(previous), project)
    package_files = sorted(p.name for p in (project / "otc_elb").iterdir())
    kills = 0
    for delay in (0.3, 0.8, 1.3, 1.8, 2.4, 3.0):
        child = subprocess.Popen(
            [*command[:-1], str(out), "--service", f"elb{delay}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        generator = subprocess.Popen(
            [sys.executable, "-m", "doc2openapi.cli", "generate", str(out), "-o", str(project)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(delay)
        for process in (child, generator):
            if process.poll() is None:
                os.kill(process.pid, signal.SIGKILL)
                kills += 1
            process.wait()
        _written_spec(out)  # the old spec or a complete new one, never a torn file
        assert sorted(p.name for p in (project / "otc_elb").iterdir()) == package_files
    assert kills >= 3
