"""The read stage: each input file -> its Page, or the verdict that skips it."""

from __future__ import annotations

from pydantic import TypeAdapter

from doc2openapi.scraper.inputs import InputFile, not_a_document
from doc2openapi.scraper.limits import MAX_PAGE_BYTES, page_guard
from doc2openapi.scraper.model import PageResult
from doc2openapi.scraper.page import Page
from doc2openapi.scraper.readers import NotADocument, read_document
from doc2openapi.scraper.stage_runner import PageStage, StageRun, run_stage

PAGE = TypeAdapter(Page)


def read_file(file: InputFile) -> Page | PageResult:
    """One file -> its Page, or the verdict that skips it (a diagnostic says why)."""
    if not file.is_document:
        return not_a_document(file)
    page: Page | None = None
    kind, reason = "unreadable", ""
    with page_guard("reading") as failure:
        try:
            if file.path.stat().st_size > MAX_PAGE_BYTES:
                raise NotADocument(f"larger than {MAX_PAGE_BYTES // (1024 * 1024)} MiB")
            page = read_document(file.path.read_bytes(), file.source)
        except NotADocument as err:
            reason = str(err)
        except OSError as err:
            reason = f"unreadable: {err.strerror or err}"
    if failure:
        kind, reason = failure.kind, failure.reason
    return page if page is not None else PageResult.skip(file.source, kind, reason)


def _keep(file: InputFile, outcome: Page | PageResult) -> tuple[Page | PageResult, Page | None]:
    """Pages are cached; skip verdicts are not, so a skipped file is tried again next run."""
    return outcome, outcome if isinstance(outcome, Page) else None


READ: PageStage[InputFile, Page, Page | PageResult, Page | PageResult] = PageStage(
    activity="reading",
    kind="page",
    adapter=PAGE,
    source=lambda file: file.source,
    work=read_file,
    reuse=lambda page: page,
    keep=_keep,
)


def read_all(files: list[InputFile], run: StageRun) -> tuple[list[Page], list[PageResult]]:
    """The documents' pages in input order (from the cache where the content is known), and
    the verdicts on the files skipped: not documents, then documents that could not be read."""
    documents = [f for f in files if f.is_document]
    read = run_stage(READ, documents, run)
    skipped = [not_a_document(f) for f in files if not f.is_document]
    skipped += [r for r in read if isinstance(r, PageResult)]
    return [p for p in read if isinstance(p, Page)], skipped
