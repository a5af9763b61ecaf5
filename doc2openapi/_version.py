"""The installed version, on its own: reading it loads nothing else of the tool."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("doc2openapi")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"
