"""The README's client example runs as written against `doc2openapi mock`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from doc2openapi.codegen import generate_client
from doc2openapi.contract import running_mock
from tests.conftest import ROOT


def _clients_section() -> str:
    text = (ROOT / "README.md").read_text()
    return text[text.index("## Clients") : text.index("## Contract tests")]


def test_readme_client_example_runs_against_the_mock(tmp_path: Path) -> None:
    section = _clients_section()
    python = re.search(r"```python\n(.*?)```", section, re.S)
    spec_path = re.search(r"doc2openapi mock (\S+) --port 8080", section)
    assert python is not None
    assert spec_path is not None
    spec = yaml.safe_load((ROOT / spec_path.group(1)).read_text())
    generate_client(spec, tmp_path / "otc_ecs")
    with running_mock(spec) as url:
        code = python.group(1).replace("http://127.0.0.1:8080", url)
        env = {**os.environ, "PYTHONPATH": str(tmp_path / "otc_ecs")}
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              env=env, check=False, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[0] == "server-1 web"  # the documented example, through iter_list_servers
    assert lines[-1] == "200 application/json ACTIVE"
