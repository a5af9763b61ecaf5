"""Per-page limits: size, time, depth. A page past one becomes a diagnostic, never a crash.

Docs are third-party text; one broken or hostile page must not stop the other pages, hang the
run or exhaust memory. Every stage that touches one page runs inside `page_guard`.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

MAX_PAGE_BYTES = 20 * 1024 * 1024
MAX_PAGE_SECONDS = 20.0
# Verdicts that depend on the machine and the moment (time, memory), not on the page alone:
# never remembered by a cache, so the next run tries the page again.
TRANSIENT_KINDS = frozenset({"too-slow", "too-large"})


class PageTimeout(Exception):
    """A page took longer than MAX_PAGE_SECONDS in one stage."""


@dataclass
class PageFailure:
    """Why one page could not be handled: the diagnostic's kind and reason."""

    kind: str = ""
    reason: str = ""

    def __bool__(self) -> bool:
        return bool(self.kind)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise PageTimeout in the block after `seconds` (a no-op outside the main thread)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or seconds <= 0:
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise PageTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def page_guard(stage: str, seconds: float = MAX_PAGE_SECONDS) -> Iterator[PageFailure]:
    """Run one page's `stage` (reading, interpreting); on failure fill in the yielded record.

    Anything a page can make a library raise (RecursionError from deep nesting, ValueError
    from a parser, MemoryError, a timeout) is caught here and described, so the caller turns
    it into a diagnostic for that page and carries on with the others.
    """
    failure = PageFailure()
    try:
        with time_limit(seconds):
            yield failure
    except PageTimeout:
        failure.kind, failure.reason = "too-slow", f"{stage} took over {seconds:g} s; skipped"
    except RecursionError:
        failure.kind, failure.reason = "too-deep", f"{stage}: nested too deeply; skipped"
    except MemoryError:
        failure.kind, failure.reason = "too-large", f"{stage}: out of memory; skipped"
    except Exception as err:  # the last line of defence, reported per page
        detail = " ".join(str(err).split())[:200]
        failure.kind = "internal-error"
        failure.reason = f"{stage} failed: {type(err).__name__}: {detail} (please report)"
