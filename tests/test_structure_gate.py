"""The structure gate of `make lint-code` (.ci/structure.py) names each breach it finds."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from tests.conftest import ROOT

GATE = ROOT / ".ci" / "structure.py"


def _gate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("structure_gate", GATE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_long_module_and_a_tangled_function_are_named(tmp_path: Path) -> None:
    branches = "".join(f"    if x == {i}:\n        return {i}\n" for i in range(16))
    tangled = tmp_path / "tangled.py"
    tangled.write_text(f"def pick(x: int) -> int:\n{branches}    return -1\n")
    long = tmp_path / "long.py"
    long.write_text("X = 1\n" * 351)
    gate = _gate()
    assert gate.breaches(tangled) == [f"{tangled}:1: pick has complexity 17 (at most 15)"]
    assert gate.breaches(long) == [f"{long}: 351 lines (at most 350)"]


def test_a_clean_folder_passes_and_a_breach_fails_the_run(tmp_path: Path) -> None:
    (tmp_path / "ok.py").write_text("def fine(x: int) -> int:\n    return x if x else 0\n")
    run = [sys.executable, str(GATE), str(tmp_path)]
    assert subprocess.run(run, capture_output=True, check=False).returncode == 0
    (tmp_path / "long.py").write_text("X = 1\n" * 400)
    failed = subprocess.run(run, capture_output=True, text=True, check=False)
    assert failed.returncode == 1 and "long.py: 400 lines" in failed.stdout
