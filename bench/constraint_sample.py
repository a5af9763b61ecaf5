"""Draw the fields of the judged constraint sample, by a fixed seed, from scraped specs.

    python bench/constraint_sample.py SPEC_DIR... [--seed 22] [--size 320] [--extra 130]

SPEC_DIR holds <service>.yaml files scraped with --provenance. Half the draw is fields whose
description seems to state a constraint (a loose word test, not the extractor), half the rest;
each service gives at least three of each where it can;
then `extra` more fields whose description clearly states one. The output lists identifiers and, for
the person judging, each description: the descriptions never go into the checked-in fixture.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from constraint_fields import SpecField, field_type, spec_fields

SEEMS_STATED = re.compile(
    r"range|default|options?\b|enumerat|minimum|maximum|\bmin\b|\bmax\b|characters|length|"
    r"regular expression|format|between|up to|exceed|\[\s*-?\d|\bvalues?\b[^.]{0,20}[:：]|"
    r"can be|must be|UUID|yyyy|ISO|\d+\s+to\s+\d+",
    re.I,
)
# A second, stricter test, for a top-up draw: the loose one finds many fields whose words
# only look like constraints, and the sample must have about half its fields constrained.
CLEARLY_STATED = re.compile(
    r"Minimum:|Maximum:|default value|Default:|Enumeration values|Options:|options are|"
    r"value can be|ranges? from|Value range|Range\s*\n(?!N/A)|Regular expression|"
    r"Array length|\d\s+characters|UUID|yyyy|YYYY",
    re.I,
)
PER_SERVICE = 3


def _seems(fld: SpecField) -> bool:
    return bool(SEEMS_STATED.search(fld.description))


def load(spec_dirs: list[Path]) -> dict[str, list[SpecField]]:
    found: dict[str, list[SpecField]] = {}
    for folder in spec_dirs:
        for path in sorted(folder.glob("*.yaml")):
            service = f"{folder.name}/{path.stem}"
            spec = yaml.load(path.read_text(), Loader=yaml.CSafeLoader)
            unique: dict[str, SpecField] = {}
            for fld in spec_fields(spec):
                unique.setdefault(fld.key, fld)
            found[service] = [unique[k] for k in sorted(unique)]
    return found


def draw(
    fields: dict[str, list[SpecField]], seed: int, size: int, extra: int
) -> list[tuple[str, SpecField]]:
    rng = random.Random(seed)  # noqa: S311 - a reproducible draw, not a secret
    strata: dict[bool, list[tuple[str, SpecField]]] = {True: [], False: []}
    chosen: list[tuple[str, SpecField]] = []
    for service in sorted(fields):
        for stated in (True, False):
            pool = [f for f in fields[service] if _seems(f) is stated]
            rng.shuffle(pool)
            chosen += [(service, f) for f in pool[:PER_SERVICE]]
            strata[stated] += [(service, f) for f in pool[PER_SERVICE:]]
    for stated in (True, False):
        have = sum(1 for _, f in chosen if _seems(f) is stated)
        rest = strata[stated]
        rng.shuffle(rest)
        chosen += rest[: max(0, size // 2 - have)]
    taken = {(s, f.key) for s, f in chosen}
    clear = [
        (s, f) for s in sorted(fields) for f in fields[s]
        if (s, f.key) not in taken and CLEARLY_STATED.search(f.description)
    ]  # fmt: skip
    rng.shuffle(clear)
    chosen += clear[:extra]
    return sorted(chosen, key=lambda sf: (sf[0], sf[1].key))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("spec_dirs", nargs="+", type=Path)
    parser.add_argument("--seed", type=int, default=22)
    parser.add_argument("--size", type=int, default=320)
    parser.add_argument("--extra", type=int, default=130)
    args = parser.parse_args()
    drawn = draw(load(args.spec_dirs), args.seed, args.size, args.extra)
    rows = [
        {"service": s, "field": f.key, "where": f.where, "location": f.location,
         "type": field_type(f.schema), "description": f.description}
        for s, f in drawn
    ]  # fmt: skip
    json.dump(rows, sys.stdout, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
