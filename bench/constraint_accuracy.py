"""Precision, recall and F1 of the constraint keywords on the judged sample.

    python bench/constraint_accuracy.py [CORPUS]          # scrapes the sampled services
    python bench/constraint_accuracy.py --specs DIR...   # or reads <service>.yaml files
                                                          # scraped with --provenance

The sample (tests/fixtures/constraints_judged.json) names fields by where the docs define
them and gives the keywords a careful reader writes for each. A keyword counts as right
only with the right value; a wrong value is one false positive and one false negative.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from constraint_fields import KINDS, SpecField, keywords, spec_fields  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "constraints_judged.json"


def _same(kind: str, got: Any, want: Any) -> bool:
    if kind == "enum" and isinstance(got, list) and isinstance(want, list):
        return sorted(map(json.dumps, got)) == sorted(map(json.dumps, want))
    if isinstance(got, bool) or isinstance(want, bool):
        return got is want
    if isinstance(got, int | float) and isinstance(want, int | float):
        return float(got) == float(want)
    return bool(got == want)


def score(sample: list[dict[str, Any]], specs: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    """Counts and P/R/F1 per kind and overall; `specs` maps "otc-rst/dws" to its document."""
    fields: dict[tuple[str, str], SpecField] = {}
    for service, spec in specs.items():
        for fld in spec_fields(spec):
            fields.setdefault((service, fld.key), fld)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    missing: list[str] = []
    for entry in sample:
        found = fields.get((entry["service"], entry["field"]))
        if found is None:  # its table now shares a component with an identical one elsewhere
            missing.append(f"{entry['service']} {entry['field']}")
            continue
        got = keywords(found.schema)
        want = entry["expected"]
        for kind in KINDS:
            if kind in got and kind in want and _same(kind, got[kind], want[kind]):
                tp[kind] += 1
            else:
                fp[kind] += kind in got
                fn[kind] += kind in want
    rows = {kind: _prf(tp[kind], fp[kind], fn[kind]) for kind in KINDS}
    rows["overall"] = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return {"kinds": rows, "missing": missing, "fields": len(sample)}


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "tp": tp, "fp": fp, "fn": fn, "occurrences": tp + fn,
        "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
    }  # fmt: skip


def load_sample(path: Path = FIXTURE) -> list[dict[str, Any]]:
    return list(json.loads(path.read_text())["fields"])


def specs_from_dirs(dirs: list[Path]) -> dict[str, dict[str, Any]]:
    import yaml

    found = {}
    for folder in dirs:
        for path in sorted(folder.glob("*.yaml")):
            text = path.read_text()
            found[f"{folder.name}/{path.stem}"] = yaml.load(text, Loader=yaml.CSafeLoader)
    return found


def specs_from_corpus(corpus: Path, services: set[str]) -> dict[str, dict[str, Any]]:
    """Scrape each sampled service folder, with provenance (fields are named by it)."""
    from doc2openapi.scraper.pipeline import scrape

    found = {}
    for service in sorted(services):
        folder = corpus / service
        if folder.is_dir():
            found[service] = scrape([folder], service=folder.name, provenance=True).spec
    return found


def table(result: dict[str, Any]) -> str:
    lines = [f"{'kind':<10} {'n':>4} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}"]
    for kind, row in result["kinds"].items():
        lines.append(
            f"{kind:<10} {row['occurrences']:>4} {row['tp']:>4} {row['fp']:>4} {row['fn']:>4} "
            f"{row['precision']:>6.3f} {row['recall']:>6.3f} {row['f1']:>6.3f}"
        )
    if result["missing"]:
        lines.append(f"{len(result['missing'])} sampled fields not found in the specs")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--specs", nargs="+", type=Path, help="folders of scraped specs")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args()
    sample = load_sample()
    if args.specs:
        specs = specs_from_dirs(args.specs)
    else:
        specs = specs_from_corpus(args.corpus, {e["service"] for e in sample})
    result = score(sample, specs)
    print(json.dumps(result, indent=1) if args.json else table(result))


if __name__ == "__main__":
    main()
