"""`make accuracy`: every spec with SDK truth scored by ../shared/truth/score.py, in one table.

    python bench/accuracy.py [--spec-dir spec] [--corpus ../shared/corpus] [--json OUT]
        [--write-floors tests/fixtures/catalog_floors.json]

The SDK truth is a measuring stick, never an input: this script only runs the scorer on the
specs `make` wrote and pools its counts. Per service (exact pairing tier), on names the page
documents: parameter, request-field and response-field recall; the wrong share (invented,
misplaced and wrong-part extras over all spec items); type agreement; request required-flag
agreement. Then the pooled row, the 20 worst operations, and the examples' coverage by the
schema (from each spec's report), which needs no SDK.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("params", "request", "response")
WRONG = ("extra_invented", "extra_misplaced", "extra_wrong-part")


@dataclass
class Score:
    """Pooled counts of one or more scored specs."""

    operations: int = 0
    counts: dict[str, Counter[str]] = field(default_factory=lambda: {p: Counter() for p in PARTS})
    worst: list[tuple[int, str, str, str]] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.operations += other.operations
        for part in PARTS:
            self.counts[part].update(other.counts[part])
        self.worst += other.worst

    def recall(self, part: str) -> float | None:
        c = self.counts[part]
        return _ratio(c["found_strict"], c["sdk_att_strict"])

    def wrong_share(self) -> float | None:
        wrong = sum(self.counts[p][k] for p in PARTS for k in WRONG)
        return _ratio(wrong, sum(self.counts[p]["spec"] for p in PARTS))

    def type_agreement(self) -> float | None:
        return _ratio(
            sum(self.counts[p]["type_same"] for p in PARTS),
            sum(self.counts[p]["type_cmp"] for p in PARTS),
        )

    def required_agreement(self) -> float | None:
        parts = ("params", "request")
        return _ratio(
            sum(self.counts[p]["req_same"] for p in parts),
            sum(self.counts[p]["req_cmp"] for p in parts),
        )


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def score_spec(spec: Path, truth: Path, docs: Path, scorer: Path) -> Score:
    """One run of the scorer; its exact tier's counts."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "score.json"
        subprocess.run(
            [sys.executable, str(scorer), "--spec", str(spec), "--truth", str(truth),
             "--docs", str(docs), "--json", str(out), "--top", "0"],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        result = json.loads(out.read_text(encoding="utf-8"))
    tier = result["summary"]["tiers"]["exact"]
    score = Score(operations=tier["operations"])
    for part in PARTS:
        score.counts[part].update(tier[part]["counts"])
    for row in result["operations"]:
        if row.get("tier") == "exact" and row.get("cost", 0) > 0:
            score.worst.append((row["cost"], row["spec"], row.get("sdk", ""), row.get("page", "")))
    return score


def example_coverage(report: Path) -> tuple[int, int] | None:
    """(covered, all) example fields from a spec's report, where it has the figure."""
    if not report.is_file():
        return None
    data: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    coverage = data.get("summary", {}).get("example_coverage")
    if not coverage:
        return None
    return int(coverage["covered"]), int(coverage["fields"])


def _fmt(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


def _specs(spec_dir: Path, corpus: Path) -> list[tuple[str, Path, Path]]:
    """(label, spec, docs) for every spec `make` wrote: spec/<svc>.yaml and spec/rst/<svc>.yaml."""
    found = []
    for rendering, folder in (("otc-html", spec_dir), ("otc-rst", spec_dir / "rst")):
        for spec in sorted(folder.glob("*.yaml")):
            docs = corpus / rendering / spec.stem
            if docs.is_dir():
                found.append((f"{rendering.removeprefix('otc-')}/{spec.stem}", spec, docs))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec-dir", type=Path, default=ROOT / "spec")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--truth", type=Path, default=None, help="default: CORPUS/../truth")
    parser.add_argument("--json", type=Path, help="write the table as JSON here")
    parser.add_argument("--worst", type=int, default=20)
    parser.add_argument(
        "--write-floors", type=Path, help="record the measures as the corpus tests' floors"
    )
    args = parser.parse_args(argv)
    truth_dir: Path = args.truth or args.corpus.parent / "truth"
    scorer = truth_dir / "score.py"
    header = (
        f"{'service':22} {'ops':>4} {'param R':>7} {'req R':>6} {'resp R':>6} {'wrong':>6} "
        f"{'type':>6} {'req-flag':>8} {'ex-cov':>6}"
    )
    print(header)
    pooled, rows = Score(), []
    covered_all = [0, 0]
    for label, spec, docs in _specs(args.spec_dir, args.corpus):
        truth = truth_dir / f"huawei-sdk-{spec.stem}.json"
        coverage = example_coverage(spec.with_suffix(".report.json"))
        if coverage:
            covered_all[0] += coverage[0]
            covered_all[1] += coverage[1]
        cov = _ratio(*coverage) if coverage else None
        if not truth.is_file() or not scorer.is_file():
            print(f"{label:22} {'-':>4} {'(no SDK truth)':>36} {'':>15} {_fmt(cov)}")
            rows.append({"service": label, "example_coverage": cov})
            continue
        score = score_spec(spec, truth, docs, scorer)
        pooled.add(score)
        row = measures_row(label, score, cov)
        rows.append(row)
        print(_line(row))
    total = measures_row("pooled", pooled, _ratio(*covered_all))
    print(_line(total))
    print(f"\nworst {args.worst} operations (cost = misses + wrong extras + mismatches):")
    for cost, op, sdk, page in sorted(pooled.worst, key=lambda w: (-w[0], w[1]))[: args.worst]:
        print(f"  {cost:4}  {op}  ~ {sdk}  ({page})")
    if args.json:
        args.json.write_text(json.dumps({"services": rows, "pooled": total}, indent=1) + "\n")
    if args.write_floors:
        floors = {row["service"]: floor(row) for row in [*rows, total]}
        args.write_floors.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n")
    return 0


LOWER_IS_BETTER = frozenset({"wrong_share"})


def floor(row: dict[str, Any]) -> dict[str, float]:
    """A row's measures as bounds no later change may cross: rounded to 3 places toward
    worse, so the same output always passes."""
    bounds = {}
    for key, value in row.items():
        if key == "service" or value is None:
            continue
        if key in LOWER_IS_BETTER:
            bounds[key] = math.ceil(value * 1000) / 1000
        else:
            bounds[key] = math.floor(value * 1000) / 1000
    return bounds


def measures_row(label: str, score: Score, coverage: float | None) -> dict[str, Any]:
    return {
        "service": label,
        "operations": score.operations,
        "param_recall": score.recall("params"),
        "request_recall": score.recall("request"),
        "response_recall": score.recall("response"),
        "wrong_share": score.wrong_share(),
        "type_agreement": score.type_agreement(),
        "required_agreement": score.required_agreement(),
        "example_coverage": coverage,
    }


def _line(row: dict[str, Any]) -> str:
    keys = ("param_recall", "request_recall", "response_recall", "wrong_share")
    values = " ".join(_fmt(row[k]) for k in keys)
    return (
        f"{row['service']:22} {row['operations']:4} {values} {_fmt(row['type_agreement'])} "
        f"{_fmt(row['required_agreement']):>8} {_fmt(row['example_coverage'])}"
    )


if __name__ == "__main__":
    sys.exit(main())
