"""`make bench` (names): how guessable the names of the specs and clients are.

    python bench/names.py [CORPUS] [--spec-dir DIR] [--truth DIR]

Builds every spec of the corpus into a scratch folder (or reads `--spec-dir`, laid out as
`make spec` writes it) and prints, per spec, over its operations and their x-actions:
- operation names ending in a digit (target 0), and apart, "(docs)", the docs' own API
  names that do ("CreateAclStrategyV2": kept as the docs write them);
- broken acronyms: a word in all capitals in an operation's own title (ECS, NIC) that the
  client method name splits across two words or glues to another title word (target 0);
- schema names longer than 48 characters (target 0);
- the share of operations paired with the official SDK (same method and normalised path)
  whose client method name equals the SDK's. The SDK truth is a measuring stick, never an
  input: nothing here feeds back into the scraper.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from doc2openapi.codegen.naming import snake_case, unique  # noqa: E402
from doc2openapi.codegen.operations import CLIENT_METHODS  # noqa: E402
from doc2openapi.codegen.prepare import actions  # noqa: E402
from doc2openapi.scraper.tree import HTTP_METHODS  # noqa: E402

MAX_SCHEMA_NAME = 48
ACRONYM = re.compile(r"\b([A-Z][A-Z0-9]*[A-Z])s?\b")


def norm(path: str) -> str:
    """The truth scorer's path key: no query, `{name}` -> `{}`, no trailing slash."""
    path = re.sub(r"\{[?&][^}]*\}", "", path)
    path = re.sub(r"\s+", "", path.split("?", 1)[0])
    path = re.sub(r"\{[^}]*\}", "{}", path)
    return re.sub(r"/+", "/", path).rstrip("/.,;:)") or "/"


@dataclass
class Named:
    """One client method: its operationId, method name, title and endpoint."""

    operation_id: str
    method_name: str
    title: str
    key: tuple[str, str]


@dataclass
class Row:
    spec: str
    operations: int = 0
    digit: list[str] = field(default_factory=list)
    given: list[str] = field(default_factory=list)  # the docs' own names ending in a digit
    broken: list[str] = field(default_factory=list)
    long_schemas: list[str] = field(default_factory=list)
    numbered: list[str] = field(default_factory=list)  # schema names told apart by a number
    paired: int = 0
    equal: int = 0


# "Server2"; not "Response400" (a status code) nor a digit the docs' name ends in ("V2")
NUMBERED = re.compile(r"(?<![0-9])(?<!Response)(?<!V)[2-9]$")
GIVEN = re.compile(r":original_name:\s*([A-Z][A-Za-z0-9]+)\.html|API name\s*\n\s*([A-Z]\w+)")


def doc_given(corpus: Path) -> set[str]:
    """Names the docs give their APIs (CamelCase page names, "API name" lines): kept as
    written, so a version suffix of theirs ("...V2") is counted apart."""
    found: set[str] = set()
    for page in corpus.rglob("*"):
        if page.suffix in (".html", ".rst") and page.is_file():
            stem = page.stem
            if re.fullmatch(r"[A-Z][A-Za-z0-9]+", stem):
                found.add(stem)
            if page.suffix == ".rst":
                text = page.read_text(encoding="utf-8", errors="replace")[:4000]
                found |= {a or b for a, b in GIVEN.findall(text)}
    return found


def methods_of(spec: dict[str, Any]) -> list[Named]:
    """The client's methods as the generator names them (one per operation or action)."""
    taken: set[str] = set(CLIENT_METHODS)
    found: list[Named] = []
    for path, item in spec.get("paths", {}).items():
        for method in sorted((m for m in item if m in HTTP_METHODS), key=HTTP_METHODS.index):
            op = item[method]
            for doc in actions(op) or [op]:
                op_id = str(doc.get("operationId", f"{method}_{path}"))
                name = unique(snake_case(op_id), taken)
                taken.add("iter_" + name)
                title = str(doc.get("summary", ""))
                found.append(Named(op_id, name, title, (method, norm(path))))
    return found


def broken_acronyms(named: Named) -> list[str]:
    """The title's all-caps words that the method name splits across two words
    ("ec_ss") or glues to another word of the title ("anic" from "a NIC")."""
    words = named.method_name.split("_")
    title_words = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", named.title)} | {""}
    broken = []
    for acronym in sorted({a.lower() for a in ACRONYM.findall(named.title)}):
        split = any(
            one.endswith(acronym[:i]) and two.startswith(acronym[i:])
            for one, two in itertools.pairwise(words)
            for i in range(1, len(acronym))
        )
        glued = False
        for word in words:
            at = word.find(acronym)
            if at < 0 or re.fullmatch(rf"{acronym}(s|es)?", word):
                continue
            before, after = word[:at], word[at + len(acronym) :]
            glued |= before in title_words and after.removeprefix("s") in title_words
        if split or glued:
            broken.append(acronym.upper())
    return broken


def measure(name: str, spec: dict[str, Any], truth: dict[str, Any] | None, given: set[str]) -> Row:
    row = Row(name)
    named = methods_of(spec)
    row.operations = len(named)
    for item in named:
        if item.operation_id[-1:].isdigit() or item.method_name[-1:].isdigit():
            (row.given if item.operation_id in given else row.digit).append(item.operation_id)
        row.broken += [f"{item.method_name} ({a})" for a in broken_acronyms(item)]
    schemas = spec.get("components", {}).get("schemas", {})
    row.long_schemas = sorted(s for s in schemas if len(s) > MAX_SCHEMA_NAME)
    row.numbered = sorted(s for s in schemas if NUMBERED.search(s))
    if truth is not None:
        sdk: dict[tuple[str, str], set[str]] = defaultdict(set)
        for op in truth.get("operations", []):
            sdk[(str(op["method"]).lower(), norm(str(op["path"])))].add(str(op["sdk_name"]))
        ours: dict[tuple[str, str], set[str]] = defaultdict(set)
        for item in named:
            ours[item.key].add(item.method_name)
        for key, names in ours.items():
            if key in sdk:  # pairs on one endpoint: as many as the smaller side has
                row.paired += min(len(names), len(sdk[key]))
                row.equal += len(names & sdk[key])
    return row


def build(corpus: Path, out: Path) -> None:
    tool = Path(sys.executable).parent / "doc2openapi"
    for rendering in ("otc-html", "otc-rst"):
        if (corpus / rendering).is_dir():
            subprocess.run(
                [str(tool), "scrape", str(corpus / rendering), "--out-dir", str(out / rendering)],
                check=False,
                capture_output=True,
            )


def specs_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.yaml") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared/corpus")
    parser.add_argument("--spec-dir", type=Path, help="measure these specs instead of building")
    parser.add_argument("--truth", type=Path, default=ROOT.parent / "shared/truth")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every offender")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.spec_dir
        if folder is None:
            folder = Path(scratch)
            build(args.corpus, folder)
        rows = []
        given = doc_given(args.corpus)
        for path in specs_in(folder):
            spec = yaml.safe_load(path.read_text(encoding="utf-8"))
            if not isinstance(spec, dict):
                continue
            truth_file = args.truth / f"huawei-sdk-{path.stem}.json"
            truth = json.loads(truth_file.read_text()) if truth_file.is_file() else None
            label = str(path.relative_to(folder).with_suffix(""))
            rows.append(measure(label, spec, truth, given))
    if not rows:
        print(f"no specs built from {args.corpus}")
        return 1
    print(
        f"{'spec':<24}{'ops':>6}{'digit':>7}{'(docs)':>7}{'acronym':>9}{'schema>48':>11}"
        f"{'schema#':>9}"
        f"{'SDK name':>16}"
    )
    total = Row("total")
    for row in rows:
        share = "-"
        if row.paired:
            share = f"{row.equal}/{row.paired} {100 * row.equal / row.paired:3.0f}%"
        print(
            f"{row.spec:<24}{row.operations:>6}{len(row.digit):>7}{len(row.given):>7}"
            f"{len(row.broken):>9}"
            f"{len(row.long_schemas):>11}{len(row.numbered):>9}{share:>16}"
        )
        total.operations += row.operations
        total.digit += row.digit
        total.given += row.given
        total.broken += row.broken
        total.long_schemas += row.long_schemas
        total.numbered += row.numbered
        total.paired += row.paired
        total.equal += row.equal
    share = f"{total.equal}/{total.paired} {100 * total.equal / max(total.paired, 1):3.0f}%"
    print(
        f"{'total':<24}{total.operations:>6}{len(total.digit):>7}{len(total.given):>7}"
        f"{len(total.broken):>9}"
        f"{len(total.long_schemas):>11}{len(total.numbered):>9}{share:>16}"
    )
    if args.verbose:
        for row in rows:
            for kind, items in (
                ("digit", row.digit),
                ("acronym", row.broken),
                ("schema", row.long_schemas),
                ("numbered", row.numbered),
            ):
                for item in items:
                    print(f"  {row.spec} {kind}: {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
