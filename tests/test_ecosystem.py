"""Issue 11: what other teams consume, checked the way they consume it.

- `make ts`: TypeScript types for every spec, type-checked by tsc;
- `make docs`: an HTML reference per spec, rendered in headless Chromium, every operation shown;
- `make check`: the CI workflow's "did the docs change the outputs?";
- packaging: the wheel, the CLI from a fresh venv, generated clients installed with pip.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from doc2openapi.scraper import tree
from tests.conftest import PAGES, ROOT

# The repo's top-level stage folders; the wheel ships them inside `doc2openapi` only.
CLASHING = ("scraper", "codegen", "contract")

ARTIFACTS = ROOT / "test-artifacts"
LOCK = ROOT / "requirements.lock"


def _make(target: str, corpus: Path, **folders: Path) -> subprocess.CompletedProcess[str]:
    variables = [f"{name.upper()}={path}" for name, path in folders.items()]
    return subprocess.run(
        ["make", "--no-print-directory", target, f"CORPUS={corpus}", *variables],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )  # fmt: skip


def _operations(spec_file: Path) -> int:
    spec: dict[str, Any] = yaml.safe_load(spec_file.read_text())
    return sum(1 for _ in tree.operations(spec))


@pytest.fixture(scope="module")
def built(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """`make ts docs` once, into a scratch folder: every corpus spec, its types, its page."""
    root = tmp_path_factory.mktemp("outputs")
    folders = {"spec": root / "spec", "generated": root / "generated", "site": root / "site"}
    for target in ("ts", "docs"):
        done = _make(target, corpus, **folders)
        assert done.returncode == 0, done.stdout + done.stderr
    return folders


def _specs(folder: Path) -> dict[str, Path]:
    """Spec files by the name `make ts` / `make docs` give their outputs (rst/x -> rst-x)."""
    found = sorted(folder.glob("*.yaml")) + sorted(folder.glob("rst/*.yaml"))
    return {str(f.relative_to(folder).with_suffix("")).replace("/", "-"): f for f in found}


def _corpus_services(corpus: Path) -> set[str]:
    """What `make` builds from the corpus, named as `make ts` names its outputs."""
    html = {p.name for p in (corpus / "otc-html").iterdir() if p.is_dir()}
    rst = {f"rst-{p.name}" for p in (corpus / "otc-rst").iterdir() if p.is_dir()}
    return html | rst


def test_typescript_types_for_every_service_compile(built: dict[str, Path], corpus: Path) -> None:
    specs = _specs(built["spec"])
    assert set(specs) == _corpus_services(corpus)
    types = built["generated"] / "ts"
    assert {p.stem.removesuffix(".d") for p in types.glob("*.d.ts")} == set(specs)
    tsc = [str(ROOT / "node_modules/.bin/tsc"), "--noEmit", "--strict"]
    done = subprocess.run([*tsc, *map(str, types.glob("*.d.ts"))], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_typescript_types_name_the_real_paths(built: dict[str, Path], tmp_path: Path) -> None:
    """A client using a documented path type-checks; one using an invented path does not."""
    spec = yaml.safe_load(_specs(built["spec"])["ecs"].read_text())
    path = next(p for p, item in spec["paths"].items() if "get" in item)
    shutil.copy(built["generated"] / "ts" / "ecs.d.ts", tmp_path / "ecs.d.ts")
    tsc = [str(ROOT / "node_modules/.bin/tsc"), "--noEmit", "--strict"]
    for name, used, compiles in (("good", path, True), ("bad", "/v9/invented", False)):
        source = tmp_path / f"{name}.ts"
        source.write_text(
            'import type { paths } from "./ecs";\n'
            f'type Get = paths[{json.dumps(used)}]["get"];\n'
            'export type Responses = Get["responses"];\n'
        )
        done = subprocess.run([*tsc, str(source)], capture_output=True, text=True)
        assert (done.returncode == 0) is compiles, done.stdout


BROWSED_RST = 2  # the largest RST specs, beside every HTML one: a page takes a browser minute


def _browsed(built: dict[str, Path]) -> dict[str, Path]:
    """The pages looked at in a browser: every HTML tree's and the largest RST specs'. Every
    page of `make docs` is built (the fixture checks that); rendering all 22 would take most
    of the CI budget without showing a layout the largest ones do not."""
    specs = _specs(built["spec"])
    rst = sorted((n for n in specs if n.startswith("rst-")), key=lambda n: -_operations(specs[n]))
    return {n: specs[n] for n in specs if not n.startswith("rst-") or n in rst[:BROWSED_RST]}


def test_every_reference_page_is_built(built: dict[str, Path], corpus: Path) -> None:
    assert {p.stem for p in built["site"].glob("*.html")} == _corpus_services(corpus)


def test_reference_pages_show_every_operation_in_a_browser(built: dict[str, Path]) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    script = ROOT / "tests" / "browser" / "render_reference.mjs"
    shown: dict[str, int] = {}
    for name, spec_file in _browsed(built).items():
        page = built["site"] / f"{name}.html"
        screenshot = ARTIFACTS / f"reference-{name}.png"
        done = subprocess.run(
            ["node", str(script), str(page), str(screenshot)],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        seen = json.loads(done.stdout.strip().splitlines()[-1])
        assert seen["errors"] == [], seen["errors"]
        assert seen["operations"] == _operations(spec_file), name
        assert screenshot.stat().st_size > 10_000  # a real picture, kept for people to look at
        shown[name] = seen["operations"]
    print("operations shown in the browser:", json.dumps(shown, sort_keys=True))


def test_make_check_says_whether_the_docs_changed_the_outputs(tmp_path: Path) -> None:
    """No corpus: the fixture pages, so it is quick. Up to date: success; stale: failure.

    The folders start as a fresh clone has them: with their committed README.md only."""
    folders = {"spec": tmp_path / "spec", "generated": tmp_path / "generated"}
    for name, folder in folders.items():
        folder.mkdir()
        shutil.copy(ROOT / name / "README.md", folder / "README.md")
    no_corpus = tmp_path / "no-corpus"
    built = _make("generate", no_corpus, **folders)
    assert built.returncode == 0, built.stdout + built.stderr
    fresh = _make("check", no_corpus, **folders)
    assert fresh.returncode == 0 and "up to date" in fresh.stdout, fresh.stdout + fresh.stderr
    spec = folders["spec"] / "widget.yaml"
    spec.write_text(spec.read_text().replace("Listing Widgets", "Listing Old Widgets"))
    stale = _make("check", no_corpus, **folders)
    assert stale.returncode != 0
    assert "widget.yaml" in stale.stdout and "run make" in stale.stdout


def test_ci_workflow_runs_the_tested_targets() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/regenerate.yml").read_text())
    steps = [s.get("run", "") for job in workflow["jobs"].values() for s in job["steps"]]
    assert any("make check" in s for s in steps) and any(s.strip() == "make" for s in steps)
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "schedule" in triggers and "push" in triggers


def _fresh_venv(folder: Path) -> Path:
    venv.EnvBuilder(with_pip=True, clear=True).create(folder)
    return folder / "bin"


def _pip_install(bin_dir: Path, *what: str) -> None:
    """pip with the lock file as constraints: the versions we test, from pip's cache."""
    done = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "-c", str(LOCK), *what],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]


def test_wheel_installs_and_every_subcommand_documents_itself(tmp_path: Path) -> None:
    """The wheel installs one import package, into a venv that has packages named like our
    stages, and works from there: templates and all, docs -> spec -> client."""
    dist = tmp_path / "dist"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist), str(ROOT)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    (wheel,) = dist.glob("doc2openapi-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        top_level = {name.split("/")[0] for name in archive.namelist()}
    assert top_level == {"doc2openapi", "doc2openapi-0.1.0.dist-info"}, top_level
    bin_dir = _fresh_venv(tmp_path / "venv")
    # Someone else's packages with our stages' folder names are left alone by the install.
    (site_packages,) = (tmp_path / "venv").glob("lib/python*/site-packages")
    for name in CLASHING:
        (site_packages / name).mkdir()
        (site_packages / name / "__init__.py").write_text(f"OWNER = 'theirs: {name}'\n")
    _pip_install(bin_dir, str(wheel))
    probe = f"import {', '.join(CLASHING)}; print(*({', '.join(f'{n}.OWNER' for n in CLASHING)}))"
    theirs = subprocess.run([str(bin_dir / "python"), "-I", "-c", probe], capture_output=True,
                            text=True, cwd=tmp_path, check=True)  # fmt: skip
    assert theirs.stdout.split() == [part for n in CLASHING for part in ("theirs:", n)]
    cli = str(bin_dir / "doc2openapi")
    # The installed tool alone: no checkout on the path.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["DOC2OPENAPI_CACHE_DIR"] = str(tmp_path / "cache")

    def run(*args: str) -> str:
        result = subprocess.run([cli, *args], capture_output=True, text=True, env=env,
                                cwd=tmp_path)  # fmt: skip
        assert result.returncode == 0, result.stderr
        return result.stdout + result.stderr

    from doc2openapi import __version__

    assert run("--version").strip() == f"doc2openapi {__version__}"
    for command in ("scrape", "generate", "validate", "report", "mock", "contract"):
        assert "example" in run(command, "--help"), command
    # The installed tool, not the checkout: templates and all, docs -> spec -> client.
    run("scrape", str(PAGES), "-o", str(tmp_path / "widget.yaml"))
    run("generate", str(tmp_path / "widget.yaml"), "-o", str(tmp_path / "otc_widget"))
    assert (tmp_path / "otc_widget" / "otc_widget" / "client.py").is_file()


def test_generated_clients_install_into_a_fresh_venv(tmp_path: Path, modelarts_html: Any) -> None:
    from doc2openapi.codegen import generate_client

    packages = {"otc_modelarts": modelarts_html.spec}
    widgets = ROOT / "tests" / "fixtures" / "contract" / "widgets.yaml"
    packages["otc_widget"] = yaml.safe_load(widgets.read_text())
    for name, spec in packages.items():
        generate_client(spec, tmp_path / name)
    bin_dir = _fresh_venv(tmp_path / "venv")
    _pip_install(bin_dir, *(str(tmp_path / name) for name in packages))
    for name in packages:
        code = f"import {name}; print({name}.Client.__name__)"
        done = subprocess.run([str(bin_dir / "python"), "-c", code], capture_output=True,
                              text=True, cwd=tmp_path / "venv")  # fmt: skip
        assert done.returncode == 0 and done.stdout.strip() == "Client", done.stderr
