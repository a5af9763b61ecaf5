"""Serialise documents deterministically and write them atomically."""

from __future__ import annotations

import ctypes
import errno
import json
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

# libyaml's emitter when PyYAML has it (its wheels do): 4x faster on our largest spec. The two
# emitters agree byte for byte on our specs but for one corner: an empty mapping key is
# written `'': v` by libyaml and `? ''` by the Python emitter. Both are the same YAML.
_BaseDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):  # type: ignore[misc,valid-type]
    """Plain YAML: no aliases (shared dicts must not become &id001), long strings folded."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value and all(ch.isprintable() or ch == "\n" for ch in value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dumps(document: Any, path: Path) -> str:
    """JSON for *.json, YAML otherwise; key order as built, so output is byte-stable."""
    if path.suffix.lower() == ".json":
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    return yaml.dump(
        document,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )


def make_folder(folder: Path) -> None:
    """mkdir -p, with a clear error when part of the way is a file."""
    for parent in [folder, *folder.parents]:
        if parent.exists() and not parent.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(parent))
    folder.mkdir(parents=True, exist_ok=True)


def umask() -> int:
    """The process's umask (read by setting it back at once: there is no getter)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(path: Path, base: int) -> int:
    """The mode a plain write would give: an existing file's own, else `base` less the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return base & ~umask()


def _naming(path: Path, err: OSError) -> OSError:
    """The same error, naming `path` instead of a temporary file beside it."""
    return type(err)(err.errno, err.strerror or str(err), str(path))


def write_atomic(path: Path, content: str | bytes, *, durable: bool = True) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see half a file.

    The file gets the mode a plain write would (the umask, or the mode of the file it
    replaces), and an error names `path`, never the temporary file. `durable` also waits for
    the disk (fsync): outputs want it; a cache, which can always be rebuilt, does not."""
    make_folder(path.parent)
    data = content.encode("utf-8") if isinstance(content, str) else content
    if _holds(path, data):
        return  # unchanged: the file (and its time, which `make` reads) stays as it was
    mode = _mode_for(path, 0o666)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise _naming(path, err) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise _naming(path, err) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _holds(path: Path, data: bytes) -> bool:
    """Whether `path` is a regular file with exactly these bytes."""
    try:
        return path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def staging_folder(target: Path) -> Path:
    """A fresh folder beside `target` to build a replacement in (see `replace_directory`),
    with the mode `mkdir` would give it; an error names `target`."""
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
        staging.chmod(_mode_for(target, 0o777))
    except OSError as err:
        raise _naming(target, err) from None
    return staging


RENAME_EXCHANGE = 2  # linux/fs.h


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    done = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), RENAME_EXCHANGE)
    return bool(done == 0)


def replace_directory(staging: Path, target: Path) -> None:
    """Put the finished folder `staging` at `target`; at no moment is `target` missing or
    half-written (an atomic exchange on Linux; elsewhere two renames, a tiny window)."""
    if not target.exists():
        os.replace(staging, target)
        return
    if _exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # now holds the previous version
        return
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    os.replace(target, old)
    os.replace(staging, target)
    shutil.rmtree(old, ignore_errors=True)


def load_document(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".json":
        return json.loads(text)
    return yaml.safe_load(text)
