"""One summary per operation that tells it apart from the others in the document.

Pages that document one call for several API versions ("POST /v2/... and /v2.1/...") or
that repeat a title in two topics give several operations one summary; Redoc's sidebar and
a generated client's docstrings then show identical entries. The summary keeps the page's
words and gains what differs: the API version in the path, else the method and path.
"""

from __future__ import annotations

from collections import defaultdict

from doc2openapi.scraper.model import Operation
from doc2openapi.scraper.name_clashes import version_of


def distinct_summaries(operations: list[Operation]) -> None:
    """Qualify every summary that several operations share, in place."""
    sharing: dict[str, list[Operation]] = defaultdict(list)
    for op in operations:
        if op.summary:
            sharing[op.summary].append(op)
    for summary, group in sharing.items():
        if len(group) < 2:
            continue
        versions = [version_of(op.path) for op in group]
        for op, version in zip(group, versions, strict=True):
            unique = bool(version) and versions.count(version) == 1
            op.summary = f"{summary} ({version if unique else f'{op.method.upper()} {op.path}'})"
