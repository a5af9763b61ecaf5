"""A content-addressed cache, so that `make` on unchanged docs re-reads and re-interprets nothing.

Keys are SHA-256 digests of what an entry depends on, always including the tool's version and
a digest of its own source code (a changed interpreter must never serve old answers). Entries
are JSON validated by pydantic on the way in, never pickle: a cache folder is as untrusted as
the docs. An entry that does not parse, does not validate, or is stamped with another key is
deleted and treated as a miss. Writing is best effort: a read-only or full disk costs speed,
never a failed run.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from pydantic import TypeAdapter, ValidationError

from doc2openapi._version import __version__
from doc2openapi.scraper.output import write_atomic

FORMAT = "1"  # bump when the layout of entries changes
DEFAULT_FOLDER = Path(".cache") / "doc2openapi"
CACHE_ENV = "DOC2OPENAPI_CACHE_DIR"  # overrides DEFAULT_FOLDER for the CLI

T = TypeVar("T")


def digest(*parts: str | bytes) -> str:
    """One SHA-256 over the parts, unambiguously separated."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


# The libraries whose behaviour shapes a page, an interpretation or a verdict on a spec.
SHAPING_LIBRARIES = (
    "beautifulsoup4", "lxml", "docutils", "pydantic", "jsonschema", "openapi-spec-validator",
)  # fmt: skip


@cache
def tool_fingerprint() -> str:
    """The installed version, the versions of the libraries that shape outputs, and a digest
    of the code that turns docs into a spec."""
    package = Path(__file__).resolve().parent
    sources = sorted(package.rglob("*.py"))
    versions = []
    for name in SHAPING_LIBRARIES:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} missing")
    return digest(__version__, FORMAT, *versions, *(p.read_bytes() for p in sources))


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while entries are loaded in bulk: pydantic builds
    many objects and no cycles, so collections during a load are pure cost (half its time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Cache:
    """Entries under `root/<kind>/<key[:2]>/<key>.json`, each stamped with its kind and key."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def key(self, kind: str, *parts: str | bytes) -> str:
        return digest(tool_fingerprint(), kind, *parts)

    def _path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / f"{key}.json"

    @staticmethod
    def _stamp(kind: str, key: str) -> bytes:
        return f"doc2openapi-cache {kind} {key}\n".encode()

    def load(self, kind: str, key: str, adapter: TypeAdapter[T]) -> T | None:
        path = self._path(kind, key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        stamp = self._stamp(kind, key)
        value: T | None = None
        if data.startswith(stamp):
            try:
                value = adapter.validate_json(data[len(stamp) :])
            except (ValidationError, ValueError):
                value = None
        if value is None:  # corrupt or foreign: never trusted, never kept
            with suppress(OSError):  # a read-only cache is still read, never written
                path.unlink(missing_ok=True)
            return None
        return value

    def store(self, kind: str, key: str, adapter: TypeAdapter[T], value: T) -> None:
        data = self._stamp(kind, key) + adapter.dump_json(value)
        with suppress(OSError):  # best effort: an unwritable cache costs speed, not the run
            write_atomic(self._path(kind, key), data, durable=False)
