"""`make bench`: how fast the pipeline is, as ratios against baselines measured in the same run.

    python bench/run.py [CORPUS] [--jobs N] [--scale 10] [--no-scale]

Every scrape runs in a child process on a private copy of the corpus with its own empty
cache, so runs do not share warm imports or caches, and the child's peak RSS (its worker
processes included) is its own. Printed, in one run:
- baselines: parsing the same bytes with lxml.html (HTML) and docutils (RST) alone (as
  shipped, and with the RST reader's ASCII shortcuts, `docutils_speed`), and
  bs4 on lxml for the record of why the HTML reader uses lxml directly;
- cold scrape (empty cache) per stage, pages/s and peak RSS, and its ratio to the raw parse;
- our validation against openapi-spec-validator alone, and client generation;
- warm re-runs: nothing changed, and one page changed (in the largest service);
- the corpus replicated N times (renamed copies of every service): growth of time and memory.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from doc2openapi.scraper.parallel import default_jobs  # noqa: E402

RENDERINGS = ("otc-html", "otc-rst")


def _seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _documents(corpus: Path, rendering: str, suffix: str) -> list[Path]:
    return sorted(p for p in (corpus / rendering).rglob(f"*{suffix}") if p.is_file())


def baselines(corpus: Path) -> dict[str, float]:
    """Parsing alone: what no reader of these bytes can beat."""
    import lxml.html
    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning
    from docutils.core import publish_doctree

    from doc2openapi.scraper.readers.rst import SETTINGS

    html = [p.read_bytes() for p in _documents(corpus, "otc-html", ".html")]
    rst = [p.read_text(encoding="utf-8") for p in _documents(corpus, "otc-rst", ".rst")]
    warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)

    def parse_rst() -> None:
        for text in rst:
            publish_doctree(text, settings_overrides={**SETTINGS, "warning_stream": io.StringIO()})

    from doc2openapi.scraper.readers import docutils_speed

    stock = _seconds(parse_rst)  # before the shortcuts are installed: docutils as shipped
    docutils_speed.install()
    return {
        "html_pages": len(html),
        "rst_pages": len(rst),
        "lxml": _seconds(lambda: [lxml.html.document_fromstring(b) for b in html]),
        "bs4_lxml": _seconds(lambda: [BeautifulSoup(b, "lxml") for b in html]),
        "docutils_stock": stock,
        "docutils": _seconds(parse_rst),
    }


def child_scrape(folder: str, cache: str | None, jobs: int) -> dict[str, Any]:
    """In a child process: scrape every rendering under `folder`, per service, and time it."""
    import resource

    from doc2openapi.scraper.cache import Cache
    from doc2openapi.scraper.pipeline import Settings
    from doc2openapi.scraper.services import iter_services

    settings = Settings(jobs=jobs, cache=Cache(Path(cache)) if cache else None)
    stages: dict[str, float] = {}
    totals: dict[str, float] = {}
    files = pages_read = 0
    specs = {}
    for rendering in RENDERINGS:
        start = time.perf_counter()
        for name, result in iter_services([Path(folder) / rendering], settings=settings):
            if cache:  # kept for the validation and generation measures of the 1x corpus
                specs[f"{rendering}/{name}"] = result.spec
            files += result.stats.files
            pages_read += result.stats.pages_read
            for stage, seconds in result.stats.seconds.items():
                stages[stage] = stages.get(stage, 0.0) + seconds
        totals[rendering] = time.perf_counter() - start
    # This process's own high-water mark (ru_maxrss would carry the parent's over exec), and
    # the largest of its worker processes.
    status = Path("/proc/self/status").read_text()
    own = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM"))
    rss = [own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]
    if cache:
        Path(cache, "specs.json").write_text(json.dumps(specs))
    return {"total": sum(totals.values()), "totals": totals, "stages": stages, "files": files,
            "pages_read": pages_read, "rss_mib": max(rss) / 1024}  # fmt: skip


def scrape_in_child(folder: Path, cache: Path | None, jobs: int) -> dict[str, Any]:
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); from bench.run import child_scrape; "
        "print(json.dumps(child_scrape(sys.argv[2], sys.argv[3], int(sys.argv[4]))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(ROOT), str(folder), str(cache or ""), str(jobs)],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def copy_corpus(corpus: Path, target: Path, copies: int = 1) -> Path:
    """The renderings under `target`; with copies > 1, every service folder N times, renamed."""
    for rendering in RENDERINGS:
        for service in sorted(p for p in (corpus / rendering).iterdir() if p.is_dir()):
            for n in range(copies):
                name = service.name if copies == 1 else f"{service.name}-{n}"
                shutil.copytree(service, target / rendering / name)
    return target


def typical_page(folder: Path) -> Path:
    """A typical operation page of the largest service: the median-sized RST page with a
    parameter table."""
    pages = sorted(
        (p for p in (folder / "otc-rst").rglob("*.rst") if "| Mandatory" in p.read_text()),
        key=lambda p: (p.stat().st_size, p),
    )
    return pages[len(pages) // 2]


def edit_table(page: Path, old: str, new: str) -> None:
    """Replace the first `old` after the page's first parameter table header."""
    head, sep, tail = page.read_text(encoding="utf-8").partition("| Mandatory")
    assert old in tail, f"{page}: no {old!r} to edit"
    page.write_text(head + sep + tail.replace(old, new, 1), encoding="utf-8")


# Two kinds of one-page change: a word of a description (the usual docs fix: the spec's
# prose changes), and a type (the spec's structure changes, so it must be validated again).
CHANGES = {
    "a description word": (" the ", " THE "),
    "a parameter type": ("| String ", "| Number "),
}


def validation(specs: dict[str, Any], jobs: int) -> dict[str, float]:
    from openapi_spec_validator import validate

    from doc2openapi.scraper.example_check import drop_rejected_examples
    from doc2openapi.scraper.validate import spec_errors

    def ours(jobs: int) -> Callable[[], None]:
        def run() -> None:
            for spec in specs.values():
                drop_rejected_examples(spec, {})
                spec_errors(spec, jobs)

        return run

    def theirs() -> None:
        for spec in specs.values():
            validate(spec)

    return {
        "ours": _seconds(ours(1)),
        "ours_jobs": _seconds(ours(jobs)),
        "openapi_spec_validator": _seconds(theirs),
    }


def generation(specs: dict[str, Any], target: Path) -> float:
    from doc2openapi.codegen import generate_client

    def generate() -> None:
        for name, spec in specs.items():
            generate_client(spec, target / name.replace("/", "_").replace("-", "_"))

    return _seconds(generate)


def ratio(part: float, whole: float) -> str:
    return f"{part / whole:.2f}x" if whole else "n/a"


def share(part: float, whole: float) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("DOC2OPENAPI_CORPUS", str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("corpus", nargs="?", default=default, type=Path)
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--scale", type=int, default=10, help="copies for the scale run")
    parser.add_argument("--no-scale", action="store_true", help="skip the scale run")
    args = parser.parse_args()
    if not (args.corpus / "otc-html").is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    print(f"corpus {args.corpus}, {args.jobs} job(s), {os.cpu_count()} core(s)")
    with tempfile.TemporaryDirectory(prefix="doc2openapi-bench-") as tmp:
        work = Path(tmp)
        base = baselines(args.corpus)
        raw = base["lxml"] + base["docutils"]
        pages = base["html_pages"] + base["rst_pages"]
        print(f"\nbaselines: {base['html_pages']} HTML pages, {base['rst_pages']} RST pages")
        print(f"  lxml.html parse only     {base['lxml']:7.2f} s")
        print(
            f"  bs4 on lxml parse only   {base['bs4_lxml']:7.2f} s  "
            f"({ratio(base['bs4_lxml'], base['lxml'])} lxml: why the reader uses lxml)"
        )
        print(
            f"  docutils parse only      {base['docutils']:7.2f} s  (as shipped "
            f"{base['docutils_stock']:.2f} s: {ratio(base['docutils_stock'], base['docutils'])}"
            " without the reader's ASCII shortcuts)"
        )

        folder = copy_corpus(args.corpus, work / "corpus")
        cache = work / "cache"
        cold = scrape_in_child(folder, cache, args.jobs)
        stages = cold["stages"]
        print(
            f"\ncold scrape (empty cache): {cold['total']:.2f} s, {cold['files']} files, "
            f"{pages / cold['total']:.0f} pages/s, peak RSS {cold['rss_mib']:.0f} MiB"
        )
        for stage in ("hash", "read", "interpret", "build", "validate"):
            print(f"  {stage:<10}{stages.get(stage, 0.0):7.2f} s")
        html, rst = cold["totals"]["otc-html"], cold["totals"]["otc-rst"]
        print(f"  HTML scrape {html:.2f} s vs lxml.html parse only: {ratio(html, base['lxml'])}")
        print(f"  RST scrape  {rst:.2f} s vs docutils parse only:  {ratio(rst, base['docutils'])}")
        print(f"  all         {cold['total']:.2f} s vs lxml + docutils ({raw:.2f} s): "
              f"{ratio(cold['total'], raw)}   [target <= 3x]")  # fmt: skip
        specs = json.loads((cache / "specs.json").read_text())
        valid = validation(specs, args.jobs)
        print(
            f"\nvalidation of {len(specs)} specs (examples + openapi-spec-validator): ours "
            f"{valid['ours']:.2f} s with 1 job, {valid['ours_jobs']:.2f} s with {args.jobs}; "
            f"openapi-spec-validator alone {valid['openapi_spec_validator']:.2f} s: "
            f"{ratio(valid['ours'], valid['openapi_spec_validator'])} and "
            f"{ratio(valid['ours_jobs'], valid['openapi_spec_validator'])}"
        )
        generated = generation(specs, work / "generated")
        print(f"client generation of {len(specs)} specs: {generated:.2f} s")

        warm = scrape_in_child(folder, cache, args.jobs)
        print(
            f"\nwarm, nothing changed: {warm['total']:.2f} s = "
            f"{share(warm['total'], cold['total'])} of cold   [target <= 10%]"
        )
        page = typical_page(folder)
        for change, (before, after) in CHANGES.items():
            edit_table(page, before, after)
            changed = scrape_in_child(folder, cache, args.jobs)
            print(
                f"warm, one page changed ({change} in {page.relative_to(folder)}): "
                f"{changed['total']:.2f} s = {share(changed['total'], cold['total'])} of cold, "
                f"{changed['pages_read']} page(s) read   [target <= 15%]"
            )
            print("  " + ", ".join(f"{k} {v:.2f} s" for k, v in changed["stages"].items()))
        if not args.no_scale:  # without a cache: the copies' pages are identical by content
            shutil.rmtree(folder)
            one = scrape_in_child(copy_corpus(args.corpus, work / "x1"), None, args.jobs)
            scaled = copy_corpus(args.corpus, work / f"x{args.scale}", args.scale)
            big = scrape_in_child(scaled, None, args.jobs)
            print(
                f"\nscale, no cache: 1x {one['total']:.2f} s, peak RSS {one['rss_mib']:.0f} MiB; "
                f"{args.scale}x ({big['files']} files) {big['total']:.2f} s = "
                f"{ratio(big['total'], one['total'])} the time   [target <= {args.scale + 1}x], "
                f"peak RSS {big['rss_mib']:.0f} MiB   [target <= 1024 MiB]"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
