"""The interpret stage: every page -> its verdict, with the operations it documents.

Tables link across pages, so a page's interpretation is cached with what it consulted: it is
reused only while those pages are unchanged and its links resolve as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import TypeAdapter

from doc2openapi.scraper.interpret.headings import caption_from_headings
from doc2openapi.scraper.interpret.linker import Lookups, TableIndex
from doc2openapi.scraper.interpret.operations import Interpreter
from doc2openapi.scraper.limits import page_guard
from doc2openapi.scraper.model import Diagnostic, PageResult
from doc2openapi.scraper.page import Page
from doc2openapi.scraper.stage_runner import PageStage, StageRun, run_stage


@dataclass
class Interpretation:
    """A page's interpretation as cached, with what it consulted (see Lookups)."""

    result: PageResult
    consulted: dict[str, str]  # page source -> content digest
    links: list[tuple[str | None, str, str, tuple[str, int] | None]]

    def lookups(self) -> Lookups:
        return Lookups(set(self.consulted), {(p, a, h): t for p, a, h, t in self.links})


INTERPRETATION = TypeAdapter(Interpretation)

_interpreter: tuple[list[Page], Interpreter] | None = None


def _start_interpreter(pages: list[Page], index: TableIndex | None) -> None:
    """Worker set-up: the interpreter needs every page, since tables link across pages."""
    global _interpreter
    _interpreter = (pages, Interpreter(index)) if index is not None else None


def _interpret_one(position: int) -> tuple[PageResult, Lookups | None]:
    assert _interpreter is not None, "call _start_interpreter first"
    pages, interpreter = _interpreter
    page = pages[position]
    with page_guard("interpreting") as failure, interpreter.index.recording() as lookups:
        result = interpreter.interpret(page)
    if failure:
        return PageResult.skip(page.source, failure.kind, failure.reason), None
    for note in page.notes:
        result.diagnostics.append(Diagnostic(page.source, "markup", note))
    return result, lookups


def interpret_all(pages: list[Page], run: StageRun) -> list[PageResult]:
    """Every page's verdict, from the cache where the page and all it consulted are unchanged."""
    pages = [caption_from_headings(page) for page in pages]
    index = TableIndex(pages)

    def reuse(entry: Interpretation) -> PageResult | None:
        unchanged = all(run.digests.get(s) == d for s, d in entry.consulted.items())
        return entry.result if unchanged and index.resolves_as_before(entry.lookups()) else None

    def keep(
        position: int, outcome: tuple[PageResult, Lookups | None]
    ) -> tuple[PageResult, Interpretation | None]:
        result, lookups = outcome
        if lookups is None:  # failed: nothing to remember
            return result, None
        consulted = {s: run.digests[s] for s in sorted(lookups.pages)}
        links = [(*k, t) for k, t in sorted(lookups.links.items(), key=str)]
        return result, Interpretation(result, consulted, links)

    stage: PageStage[int, Interpretation, tuple[PageResult, Lookups | None], PageResult]
    stage = PageStage(
        activity="interpreting",
        kind="interpretation",
        adapter=INTERPRETATION,
        source=lambda position: pages[position].source,
        work=_interpret_one,
        reuse=reuse,
        keep=keep,
        setup=_start_interpreter,
        setup_args=(pages, index),
    )
    results = run_stage(stage, range(len(pages)), run)
    _start_interpreter([], None)  # drop the in-process interpreter's pages
    return results
