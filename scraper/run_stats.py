"""How a run went: what it had to do and what the cache spared it. Not part of the outputs;
the CLI prints it as one line for CI logs."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from doc2openapi.scraper.stage_runner import ItemDone, StageEvent, StageStarted


@dataclass
class RunStats:
    files: int = 0
    pages_read: int = 0
    pages_from_cache: int = 0
    pages_interpreted: int = 0
    interpretations_from_cache: int = 0
    result_from_cache: bool = False
    processes: int = 0
    """Worker processes started (0: everything ran in this process)."""
    seconds: dict[str, float] = field(default_factory=dict)
    """Wall time per stage: hash, read, interpret, build, validate."""

    @contextmanager
    def timing(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - start

    def on_event(self, event: StageEvent) -> None:
        """Counts from the per-page stages' events (scraper/stage_runner.py)."""
        reading = event.activity == "reading"
        if isinstance(event, StageStarted):
            self.processes = max(self.processes, event.workers)
            if reading:
                self.pages_from_cache = event.cached
            else:
                self.interpretations_from_cache = event.cached
        elif isinstance(event, ItemDone) and reading:
            self.pages_read += event.kept
        else:
            self.pages_interpreted += 1
