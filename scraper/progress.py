"""Progress of a long run: a rich bar on a terminal, nothing in between when not (CI logs).

The library reports to a `Progress`; the default one ignores everything, so library callers
and tests see no output. The CLI passes a `BarProgress` when stderr is a terminal.
"""

from __future__ import annotations

import os
import sys
from types import TracebackType
from typing import IO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress


class Progress:
    """Receives what a run is doing; this one ignores it."""

    def stage(self, description: str, total: int) -> None:
        """A new stage of `total` steps begins."""

    def advance(self, steps: int = 1) -> None:
        """Steps of the current stage are done."""


class BarProgress(Progress):
    """One rich progress bar per stage, on stderr; use as a context manager."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self._bars = RichProgress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(file=stream or sys.stderr),
            transient=True,
            auto_refresh=False,  # no refresh thread: the pipeline forks its workers
        )
        self._task: TaskID | None = None

    def __enter__(self) -> BarProgress:
        self._bars.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._bars.stop()

    def stage(self, description: str, total: int) -> None:
        if self._task is not None:
            self._bars.remove_task(self._task)
        self._task = self._bars.add_task(description, total=total)
        self._bars.refresh()

    def advance(self, steps: int = 1) -> None:
        if self._task is not None:
            self._bars.advance(self._task, steps)
            self._bars.refresh()


def wants_bar(stream: IO[str]) -> bool:
    """A bar only for a person at a terminal: not in CI, not into a pipe or a file."""
    return stream.isatty() and not os.environ.get("CI") and os.environ.get("TERM") != "dumb"
