"""The hash stage: the files a run reads, and the content digests its caching keys on."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from doc2openapi.scraper.cache import digest
from doc2openapi.scraper.limits import MAX_PAGE_BYTES
from doc2openapi.scraper.model import PageResult
from doc2openapi.scraper.topics import TOPICS_FILE

NOT_DOCUMENTS = {
    ".png", ".jpg", ".jpeg", ".gif", ".svg", ".bmp", ".ico", ".webp", ".css", ".js",
    ".json", ".py", ".pdf", ".zip", ".gz", ".woff", ".woff2", ".ttf", ".eot", ".map",
}  # fmt: skip


@dataclass(frozen=True)
class InputFile:
    path: Path
    source: str  # the name the report uses: relative to the input given, "/"-separated
    root: Path  # the folder it was found in (for CLASS.TXT.json)
    named: bool = False  # given by name: judged by its content alone, whatever its extension

    @property
    def is_document(self) -> bool:
        """Whether to read it: a file found in a folder may be an asset (an image, a style
        sheet) by its extension; one named by the user is always read."""
        return self.named or self.path.suffix.lower() not in NOT_DOCUMENTS


def collect_files(inputs: list[Path]) -> list[InputFile]:
    """Every regular file under the inputs, in a stable order; symlinked folders are not entered."""
    files: list[InputFile] = []
    for given in inputs:
        if given.is_file():
            files.append(InputFile(given, given.name, given.parent, named=True))
            continue
        if not given.is_dir():
            raise FileNotFoundError(f"{given}: no such file or directory")
        for folder, dirs, names in os.walk(given, followlinks=False):
            dirs.sort()
            for name in sorted(names):
                path = Path(folder) / name
                if path.is_symlink() or not path.is_file():
                    continue
                rel = path.relative_to(given).as_posix()
                files.append(InputFile(path, rel, Path(folder)))
    return files


def content_digest(path: Path) -> str:
    """What a file's verdict depends on: its bytes (a file too large to read, its size)."""
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            return f"too-large:{size}"
        return digest(path.read_bytes())
    except OSError as err:
        return f"unreadable:{err.errno}"


def input_digests(files: list[InputFile]) -> dict[str, str]:
    """Content digests of the documents and of the topic trees they are read with."""
    found = {f.source: content_digest(f.path) for f in files if f.is_document}
    for root in sorted({f.root for f in files}):
        found[f"{root}/{TOPICS_FILE}"] = content_digest(root / TOPICS_FILE)
    return found


def not_a_document(file: InputFile) -> PageResult:
    """The verdict on an asset or metadata file: skipped unread."""
    suffix = file.path.suffix.lower()
    reason = "metadata" if suffix == ".json" else f"not a document ({suffix})"
    return PageResult(file.source, "skipped", reason=reason)
