"""The `doc2openapi` command: a thin layer over the library functions.

Exit codes: 0 done, 1 findings (`--strict` diagnostics, an invalid spec, no documents, failed
contract checks), 2 usage or I/O error (one line naming the file and the reason).
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from doc2openapi.cli_parser import UsageError, build_parser
from doc2openapi.codegen import generate_client
from doc2openapi.contract.mock import MOCK_SK_ENV, MOCK_TOKEN, make_mock_server, running_mock
from doc2openapi.contract.runner import PHASES, ContractError, parse_header, run_contract
from doc2openapi.contract.signing import DEFAULT_SIGNATURE, AcceptedAuth
from doc2openapi.scraper.cache import Cache
from doc2openapi.scraper.output import dumps, write_atomic
from doc2openapi.scraper.pipeline import ScrapeResult, Settings, scrape
from doc2openapi.scraper.progress import BarProgress, Progress, wants_bar
from doc2openapi.scraper.render import clean, failing, render_markdown, render_text, summary_lines
from doc2openapi.scraper.run_stats import RunStats
from doc2openapi.scraper.services import iter_services
from doc2openapi.scraper.validate import spec_errors
from doc2openapi.specfile import FileRefused, invalid_line, load_mapping, load_spec

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _report_path(args: argparse.Namespace) -> Path:
    if args.report is not None:
        return Path(args.report)
    output: Path = args.output
    return output.with_name(output.stem + ".report.json")  # x.html.yaml: x.html.report.json


def _write(result: ScrapeResult, output: Path | None, report_path: Path) -> None:
    """The spec (when valid and wanted) and the report, each written atomically."""
    if result.valid and output is not None:
        write_atomic(output, dumps(result.spec, output))
    write_atomic(
        report_path, json.dumps(result.report.as_dict(), indent=2, ensure_ascii=False) + "\n"
    )


def _strict_failure(output: Path, result: ScrapeResult, threshold: str) -> list[str]:
    """What fails `--strict`: the kinds at `threshold` or worse, with counts (empty: none)."""
    found = failing([d.kind for d in result.report.diagnostics], threshold)
    if not found:
        return []
    kinds = ", ".join(f"{clean(k)} {n}" for k, n in found.most_common())
    return [f"{output}: --strict: {found.total()} diagnostic(s) at {threshold} or worse: {kinds}"]


def _check_inputs(args: argparse.Namespace) -> None:
    """Usage errors before any work: a missing input, an unreadable file named on the command
    line (an error, not a skip), options that do not go together."""
    for given in args.inputs:
        if not given.exists():
            raise UsageError(f"{given}: no such file or directory")
        if given.is_file():
            with given.open("rb") as handle:
                handle.read(1)
    if args.out_dir is not None and (args.report is not None or args.service is not None):
        raise UsageError("--report and --service go with -o, not --out-dir")


def _scrape(args: argparse.Namespace) -> int:
    _check_inputs(args)
    started = time.perf_counter()
    stats: list[RunStats] = []
    failed = False
    with ExitStack() as stack:
        progress = stack.enter_context(BarProgress()) if wants_bar(sys.stderr) else Progress()
        cache = None if args.no_cache else Cache(args.cache_dir)
        settings = Settings(jobs=args.jobs, cache=cache, progress=progress)
        options: dict[str, Any] = {
            "openapi_version": args.openapi_version, "provenance": args.provenance,
            "settings": settings,
        }  # fmt: skip
        for output, report_path, result in _scrape_results(args, options):
            stats.append(result.stats)
            failed = _finish_service(args, output, report_path, result) or failed
    if not stats:
        where = ", ".join(str(i) for i in args.inputs)
        print(f"doc2openapi: {where}: no service folders with documents", file=sys.stderr)
        return EXIT_FINDINGS
    print(_run_line(stats, args.jobs, time.perf_counter() - started), file=sys.stderr)
    return EXIT_FINDINGS if failed else EXIT_OK


def _finish_service(
    args: argparse.Namespace, output: Path, report_path: Path, result: ScrapeResult
) -> bool:
    """Write one service's spec and report as soon as it is done (memory stays flat) and
    print its summary; whether it failed."""
    report = result.report
    lines = summary_lines(str(output), report.as_dict())
    if not report.documents:  # nothing read: an empty spec would only mislead
        _write(result, None, report_path)
        lines.append(
            f"{output}: no documents among {report.summary.files} input file(s) "
            f"(HTML, Markdown, RST or text); no spec written, see {report_path}"
        )
        print("\n".join(lines), file=sys.stderr)
        return True
    _write(result, output, report_path)
    if report.spec_errors:
        lines.append(invalid_line(output, report.spec_errors) + "; not written")
    strict = _strict_failure(output, result, args.fail_on) if args.strict else []
    print("\n".join(lines + strict), file=sys.stderr)
    return not result.valid or bool(strict)


def _scrape_results(
    args: argparse.Namespace, options: dict[str, Any]
) -> Iterator[tuple[Path, Path, ScrapeResult]]:
    """(spec path, report path, result) per service, one at a time."""
    if args.out_dir is None:
        result = scrape(list(args.inputs), service=args.service, **options)
        yield args.output, _report_path(args), result
        return
    try:
        services = iter_services(list(args.inputs), **options)
    except FileNotFoundError as err:
        raise UsageError(str(err)) from None
    for name, result in services:
        yield args.out_dir / f"{name}.yaml", args.out_dir / f"{name}.report.json", result


def _run_line(stats: list[RunStats], jobs: int, seconds: float) -> str:
    """One line on how the run went, for CI logs: what was done and what the cache spared."""
    files = sum(s.files for s in stats)
    reused = sum(s.result_from_cache for s in stats)
    read = sum(s.pages_read for s in stats)
    cached_pages = sum(s.pages_from_cache for s in stats)
    interpreted = sum(s.pages_interpreted for s in stats)
    cached_results = sum(s.interpretations_from_cache for s in stats)
    return (
        f"scraped {files} files of {len(stats)} service(s) in {seconds:.1f} s with {jobs} "
        f"job(s): {reused} unchanged service(s) taken whole from the cache; pages read "
        f"{read}, from cache {cached_pages}; interpreted {interpreted}, from cache {cached_results}"
    )


def _valid_spec(path: Path) -> dict[str, Any]:
    try:
        return load_spec(path)
    except FileRefused as err:
        raise UsageError(str(err)) from None


def _generate(args: argparse.Namespace) -> int:
    spec = _valid_spec(args.spec)
    generated = generate_client(spec, args.output, args.package)
    print(f"{args.output}: package {generated.package}, {generated.operations} operations",
          file=sys.stderr)  # fmt: skip
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    """Exit 1 for a document that is not valid (what `validate` is for), 2 for one that is
    no document at all."""
    try:
        spec = load_spec(args.spec, validate=False)
    except FileRefused as err:
        raise UsageError(str(err)) from None
    errors = spec_errors(spec)
    print(invalid_line(args.spec, errors) if errors else f"{args.spec}: valid", file=sys.stderr)
    return EXIT_FINDINGS if errors else EXIT_OK


def _report(args: argparse.Namespace) -> int:
    try:
        report = load_mapping(args.report, "a doc2openapi report")
    except FileRefused as err:
        raise UsageError(str(err)) from None
    summary = report.get("summary")
    if not isinstance(summary, dict) or not isinstance(report.get("diagnostics"), list):
        raise UsageError(f"{args.report}: not a doc2openapi report (no summary or diagnostics)")
    render = render_markdown if args.format == "markdown" else render_text
    name = str(args.report).removesuffix(".report.json")
    try:
        sys.stdout.write(render(report, name))
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise UsageError(f"{args.report}: not a doc2openapi report ({err!r})") from None
    return EXIT_OK


def _mock(args: argparse.Namespace) -> int:
    if bool(args.ak) != bool(args.sk):
        raise UsageError(f"mock: --ak and --sk (or ${MOCK_SK_ENV}) go together")
    keys = {args.ak: args.sk} if args.ak else None
    spec = _valid_spec(args.spec)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    server = make_mock_server(spec, args.host, args.port, args.seed, keys)
    signatures = "verified" if keys else "checked for form only"
    print(f"{args.spec}: mock on http://{args.host}:{server.server_port}, AK/SK signatures "
          f"{signatures} (Ctrl-C stops it)", file=sys.stderr, flush=True)  # fmt: skip
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return EXIT_OK


def _contract_headers(args: argparse.Namespace, spec: dict[str, Any]) -> list[tuple[str, str]]:
    """The --header values, and the mock's token when testing against our own mock without
    auth of the user's: it wants auth like the cloud does. A spec that takes no token (OBS)
    gets a well-formed signature of its own format instead (the mock knows no keys then)."""
    try:
        headers = [parse_header(raw) for raw in args.header]
    except ValueError as err:
        raise UsageError(f"--header: {err}") from None
    names = {name.lower() for name, _ in headers}
    if args.mock and not names & {"x-auth-token", "authorization"}:
        headers.append(MOCK_TOKEN)
    accepted = AcceptedAuth.of(spec)
    other = accepted.signature not in (None, DEFAULT_SIGNATURE)
    if args.mock and "authorization" not in names and not accepted.token and other:
        headers = [h for h in headers if h != MOCK_TOKEN]
        headers.append(("Authorization", f"{accepted.signature} MOCKAK:bW9jaw=="))
    return headers


def _contract_phases(args: argparse.Namespace) -> list[str]:
    phases = [p.strip() for p in args.phases.split(",") if p.strip()]
    if set(phases) - set(PHASES) or not phases:
        raise UsageError(f"--phases: choose from {', '.join(PHASES)}")
    return phases


def _contract(args: argparse.Namespace) -> int:
    spec = _valid_spec(args.spec)
    options: dict[str, Any] = {
        "headers": _contract_headers(args, spec), "max_examples": args.max_examples,
        "seed": args.seed, "operation_ids": args.operation_id, "tags": args.tag,
        "allow_writes": args.allow_writes, "phases": _contract_phases(args),
        "workers": args.workers, "junit": args.junit,
    }  # fmt: skip
    try:
        if args.mock:
            with running_mock(spec, seed=args.seed) as url:
                result = run_contract(args.spec, url, entries=True, **options)
        else:
            result = run_contract(args.spec, args.base_url, **options)
    except ContractError as err:
        raise UsageError(f"{args.spec}: {err}") from None
    if args.verbose or not result.ok:
        print(without_banners(result.output), file=sys.stderr)
    for line in result.summary().splitlines():
        print(f"{args.spec}: {line}")
    return EXIT_OK if result.ok else EXIT_FINDINGS


# Third-party lines that are not about the user's run: schemathesis' community invitation.
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "scrape": _scrape,
    "generate": _generate,
    "validate": _validate,
    "report": _report,
    "mock": _mock,
    "contract": _contract,
}

BANNERS = re.compile(r"^\s*(Need more help\?|Join our Discord server:.*)\s*$", re.M)


def without_banners(text: str) -> str:
    """A tool's output without its advertising lines."""
    return re.sub(r"\n{3,}", "\n\n", BANNERS.sub("", text)).strip("\n")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = COMMANDS[args.command](args)
    except UsageError as err:
        print(f"doc2openapi: {err}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as err:
        if args.debug:
            raise
        where = f"{err.filename}: " if err.filename else ""
        print(f"doc2openapi: {where}{err.strerror or err}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as err:  # a bug of ours: one line, the traceback only with --debug
        if args.debug:
            raise
        detail = " ".join(str(err).split())[:200]
        print(f"doc2openapi: {args.command} failed: {type(err).__name__}: {detail} "
              "(--debug shows the traceback; please report)", file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
