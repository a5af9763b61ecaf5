"""Run one function over many items on several processes, results in input order.

Reading a page, interpreting it, and each half of a validation depend on nothing but their
inputs, so they can be shared out between processes; taking results in input order keeps the
output byte-identical to a one-process run. Processes, not threads: the work is pure Python
and holds the GIL.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

A = TypeVar("A")
R = TypeVar("R")


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _fork_context() -> multiprocessing.context.BaseContext | None:
    """fork, where it exists and is safe: with one thread, no lock can be held by another
    thread at the moment of the fork. Workers then start at once and share the parent's
    pages instead of receiving copies. Elsewhere the work runs in this process."""
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return None
    return multiprocessing.get_context("fork")


def workers_for(jobs: int, items: int) -> int:
    """How many processes `ordered_map` will start (0: it runs in this process)."""
    if jobs <= 1 or items < 2 or _fork_context() is None:
        return 0
    return min(jobs, items)


def ordered_map(
    func: Callable[[A], R],
    items: Sequence[A],
    jobs: int,
    *,
    setup: Callable[..., None] | None = None,
    setup_args: tuple[Any, ...] = (),
) -> Iterator[R]:
    """`map(func, items)` on `jobs` processes, each prepared once by `setup(*setup_args)`.

    With one job, one item or no safe way to fork, everything runs here, in this process:
    the same code path and the same results, without the cost of starting processes.
    """
    workers = workers_for(jobs, len(items))
    if workers == 0:
        if setup is not None:
            setup(*setup_args)
        yield from map(func, items)
        return
    chunksize = max(1, min(8, len(items) // (workers * 8)))
    # Frozen objects are left alone by the workers' garbage collector, so the pages they
    # inherit stay shared with this process instead of being copied page by page.
    gc.freeze()
    try:
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=_fork_context(), initializer=setup, initargs=setup_args
        ) as pool:
            yield from pool.map(func, items, chunksize=chunksize)
    finally:
        gc.unfreeze()
