"""The structure gate of `make lint-code`: no module over 350 lines, no function over
cyclomatic complexity 15 (radon's measure), so every piece stays readable in one sitting.

Usage: python .ci/structure.py [FOLDER ...]   (default: our packages; prints each breach,
exits 1 if there is any).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from radon.complexity import cc_visit
from radon.visitors import Class, Function

MAX_LINES = 350
MAX_COMPLEXITY = 15
PACKAGES = ("doc2openapi", "scraper", "codegen", "contract")


def _functions(blocks: list[Function | Class]) -> Iterator[Function]:
    """Every function, method and closure (radon lists methods beside their class, whose
    own figure is an aggregate of them)."""
    for block in blocks:
        if isinstance(block, Function):
            yield block
            yield from _functions(block.closures)


def breaches(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    found = []
    lines = source.count("\n")
    if lines > MAX_LINES:
        found.append(f"{path}: {lines} lines (at most {MAX_LINES})")
    for function in _functions(cc_visit(source)):
        if function.complexity > MAX_COMPLEXITY:
            found.append(
                f"{path}:{function.lineno}: {function.fullname} has complexity "
                f"{function.complexity} (at most {MAX_COMPLEXITY})"
            )
    return found


def main(folders: list[str]) -> int:
    # doc2openapi/ links to the stage folders: each file is measured once, at its own place.
    files = sorted(
        p
        for folder in folders or PACKAGES
        for p in Path(folder).rglob("*.py")
        if p.resolve() == p.absolute()
    )
    found = [b for path in files for b in breaches(path)]
    print("\n".join(found) or f"structure: {len(files)} modules within bounds")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
