"""The whole catalog: every operation the docs describe as a paged list has an iter_* paging
it in the style they describe, and no other operation has one.

What the docs describe is bench/paging.py's reading (a query or body cursor, the one list in
the response, a next marker or `*_links`), kept apart from the generator's own
(codegen/page_plan.py): a paging convention one of them misses shows up here by operation.
"""

from __future__ import annotations

import sys
from collections import Counter

from doc2openapi.scraper.pipeline import ScrapeResult
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from paging import STYLES, measure, tally

PAGED_LISTS_FLOOR = 300  # 310 when recorded: the reading has not gone blind


def test_every_paged_list_has_iter_in_the_docs_style(catalog: dict[str, ScrapeResult]) -> None:
    total: Counter[str] = Counter()
    wrong = []
    for tree, result in sorted(catalog.items()):
        rows = measure(result.spec)
        total.update(tally(rows))
        wrong += [
            f"{tree} {reading.operation}: docs {reading.style or 'not paged'}, iter_* {style}"
            for reading, style in rows
            if style != reading.style
        ]
    per_style = ", ".join(f"{s} {total[s]}/{total[s + '+']}" for s in STYLES)
    print(f"paged lists / with iter_*: {total['paged']}/{total['iter']} ({per_style})")
    assert not wrong, "\n".join(wrong)
    assert total["paged"] >= PAGED_LISTS_FLOOR
    assert all(total[s] > 0 for s in STYLES), per_style
