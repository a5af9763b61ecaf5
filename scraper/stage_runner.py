"""One runner for the per-page stages (reading, interpreting): each item from the cache where
its entry is still good, the rest on `jobs` processes, in input order. What it does it tells
as events, which the run's stats and progress bar listen to.

Entries are keyed by the page's source and content digest (scraper/inputs.py), so a re-run
works only on the pages that changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from pydantic import TypeAdapter

from doc2openapi.scraper.cache import Cache, collection_paused
from doc2openapi.scraper.parallel import ordered_map, workers_for

Item = TypeVar("Item")
Entry = TypeVar("Entry")
Outcome = TypeVar("Outcome")
Value = TypeVar("Value")

Activity = Literal["reading", "interpreting"]


@dataclass(frozen=True)
class StageStarted:
    activity: Activity
    todo: int
    """Items to work on."""
    cached: int
    """Items taken from the cache."""
    workers: int
    """Processes started for the work (0: it runs in this process)."""


@dataclass(frozen=True)
class ItemDone:
    activity: Activity
    kept: bool
    """Whether it produced an entry worth caching (a page read; a page interpreted whole)."""


StageEvent = StageStarted | ItemDone
Listener = Callable[[StageEvent], None]


@dataclass
class StageRun:
    """What the per-page stages of one run share: processes, cache, digests, listeners."""

    jobs: int
    cache: Cache | None
    digests: dict[str, str]
    """Page source -> content digest, as the cache keys entries."""
    listeners: list[Listener] = field(default_factory=list)

    def emit(self, event: StageEvent) -> None:
        for listener in self.listeners:
            listener(event)

    def key(self, source: str) -> str:
        """The cache key of a page's entries: its source and content."""
        assert self.cache is not None
        return self.cache.key("page", source, self.digests[source])


@dataclass
class PageStage(Generic[Item, Entry, Outcome, Value]):
    """A stage as the runner needs it. `work` runs in worker processes (a module-level
    function, prepared by `setup(*setup_args)`); the rest runs here."""

    activity: Activity
    kind: str
    """The cache's kind of entry."""
    adapter: TypeAdapter[Entry]
    source: Callable[[Item], str]
    work: Callable[[Item], Outcome]
    reuse: Callable[[Entry], Value | None]
    """A cached entry's value; None when what it depends on changed."""
    keep: Callable[[Item, Outcome], tuple[Value, Entry | None]]
    """A fresh outcome's value, and the entry to cache (None: nothing to cache)."""
    setup: Callable[..., None] | None = None
    setup_args: tuple[Any, ...] = ()


def run_stage(
    stage: PageStage[Item, Entry, Outcome, Value], items: Sequence[Item], run: StageRun
) -> list[Value]:
    """Every item's value, in input order: from the cache where its entry is still good."""
    done = _from_cache(stage, items, run)
    todo = [i for i in range(len(items)) if i not in done]
    workers = workers_for(run.jobs, len(todo))
    run.emit(StageStarted(stage.activity, len(todo), len(done), workers))
    outcomes = ordered_map(
        stage.work,
        [items[i] for i in todo],
        run.jobs,
        setup=stage.setup,
        setup_args=stage.setup_args,
    )
    for position, outcome in zip(todo, outcomes, strict=True):
        value, entry = stage.keep(items[position], outcome)
        run.emit(ItemDone(stage.activity, entry is not None))
        done[position] = value
        if run.cache is not None and entry is not None:
            key = run.key(stage.source(items[position]))
            run.cache.store(stage.kind, key, stage.adapter, entry)
    return [done[i] for i in range(len(items))]


def _from_cache(
    stage: PageStage[Item, Entry, Outcome, Value], items: Sequence[Item], run: StageRun
) -> dict[int, Value]:
    """Position -> value of the items whose cached entries are still good."""
    cache = run.cache
    if cache is None:
        return {}
    with collection_paused():
        entries = [
            cache.load(stage.kind, run.key(stage.source(item)), stage.adapter) for item in items
        ]
    found: dict[int, Value] = {}
    for position, entry in enumerate(entries):
        value = None if entry is None else stage.reuse(entry)
        if value is not None:
            found[position] = value
    return found
