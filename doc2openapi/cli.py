"""The `doc2openapi` command: a thin layer over the library functions.

Exit codes: 0 done, 1 findings (`--strict` diagnostics, an invalid spec, no documents, failed
contract checks), 2 usage or I/O error (one line naming the file and the reason).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from codegen import generate_client
from contract.mock import MOCK_SK_ENV, MOCK_TOKEN, make_mock_server, running_mock
from contract.runner import PHASES, ContractError, parse_header, run_contract
from doc2openapi import __version__
from doc2openapi.specfile import FileRefused, invalid_line, load_mapping, load_spec
from scraper.cache import CACHE_ENV, DEFAULT_FOLDER, Cache
from scraper.diagnostics import SEVERITIES
from scraper.output import dumps, write_atomic
from scraper.parallel import default_jobs
from scraper.pipeline import RunStats, ScrapeResult, Settings, scrape
from scraper.progress import BarProgress, Progress, wants_bar
from scraper.render import clean, failing, render_markdown, render_text, summary_lines
from scraper.services import iter_services
from scraper.validate import spec_errors

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


EXIT_CODES = """exit codes:
  0  done
  1  findings: --strict diagnostics, an invalid spec, no documents, failed checks
  2  usage or I/O error (one line naming the file and the reason)"""


class UsageError(Exception):
    """A problem with what the user asked for: one line, exit code 2."""


class _Help(argparse.ArgumentDefaultsHelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Every option's default in its help; epilogs (examples, exit codes) kept as written."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        if action.default in (None, False, [], argparse.SUPPRESS):  # the help text says it
            return text
        return str(super()._get_help_string(action))


def _command(sub: Any, name: str, summary: str, examples: list[str]) -> argparse.ArgumentParser:
    """A subcommand whose help ends with examples and the exit codes."""
    epilog = "\n".join(["examples:", *(f"  {e}" for e in examples), "", EXIT_CODES])
    parser: argparse.ArgumentParser = sub.add_parser(
        name, help=summary, description=summary, epilog=epilog, formatter_class=_Help
    )
    return parser


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="doc2openapi",
        description="Turn cloud API reference docs (HTML, RST, plain text) into OpenAPI 3.",
        epilog=EXIT_CODES,
        formatter_class=_Help,
    )
    parser.add_argument("--version", action="version", version=f"doc2openapi {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", required=True)

    scrape_cmd = _command(
        sub, "scrape", "docs -> one OpenAPI document and a report",
        ["doc2openapi scrape docs/modelarts -o spec/modelarts.yaml",
         "doc2openapi scrape docs/ --out-dir spec/ --strict --fail-on error"],
    )  # fmt: skip
    scrape_cmd.add_argument("inputs", nargs="+", type=Path, help="files and folders to read")
    target = scrape_cmd.add_mutually_exclusive_group(required=True)
    target.add_argument("-o", "--output", type=Path, help="one spec from all inputs (.yaml/.json)")
    target.add_argument(
        "--out-dir", type=Path, help="one spec per service folder: DIR/<service>.yaml + report"
    )
    scrape_cmd.add_argument(
        "--report", type=Path, help="report file (default: <output stem>.report.json beside it)"
    )
    scrape_cmd.add_argument("--service", help="service name (default: the first input's name)")
    scrape_cmd.add_argument(
        "--strict", action="store_true",
        help="exit 1 when there is a diagnostic of --fail-on severity or worse",
    )  # fmt: skip
    scrape_cmd.add_argument(
        "--fail-on", choices=SEVERITIES, default="warning",
        help="with --strict: the least severity that fails the run",
    )  # fmt: skip
    scrape_cmd.add_argument(
        "--openapi-version", choices=["3.0.3", "3.1", "3.1.0"], default="3.0.3",
        help="OpenAPI version to write",
    )  # fmt: skip
    scrape_cmd.add_argument(
        "--provenance",
        action="store_true",
        help="mark every operation, parameter and property with x-doc-source",
    )
    scrape_cmd.add_argument(
        "-j", "--jobs", type=_positive, default=default_jobs(), metavar="N",
        help="processes that read and interpret pages, one per core by default",
    )  # fmt: skip
    scrape_cmd.add_argument(
        "--cache-dir", type=Path, default=Path(os.environ.get(CACHE_ENV, DEFAULT_FOLDER)),
        metavar="DIR", help=f"reuse work on unchanged pages (${CACHE_ENV} sets the default)",
    )  # fmt: skip
    scrape_cmd.add_argument(
        "--no-cache", action="store_true", help="read and interpret every page afresh"
    )
    scrape_cmd.set_defaults(handler=_scrape)

    generate_cmd = _command(
        sub, "generate", "spec -> typed Python client package (pydantic v2 models + httpx client)",
        ["doc2openapi generate spec/modelarts.yaml -o generated/otc_modelarts"],
    )  # fmt: skip
    generate_cmd.add_argument("spec", type=Path, help="the OpenAPI document (YAML or JSON)")
    generate_cmd.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        help="project folder to write; its name is the import package",
    )
    generate_cmd.add_argument("--package", help="import package name (default: the folder name)")
    generate_cmd.set_defaults(handler=_generate)

    validate_cmd = _command(
        sub, "validate", "check an OpenAPI document with openapi-spec-validator",
        ["doc2openapi validate spec/modelarts.yaml"],
    )  # fmt: skip
    validate_cmd.add_argument("spec", type=Path, help="the OpenAPI document (YAML or JSON)")
    validate_cmd.set_defaults(handler=_validate)
    report_cmd = _command(
        sub, "report", "a scrape report (SPEC.report.json) for a person, or for a CI summary",
        ["doc2openapi report spec/ecs.report.json",
         'doc2openapi report spec/ecs.report.json --format markdown >> "$GITHUB_STEP_SUMMARY"'],
    )  # fmt: skip
    report_cmd.add_argument("report", type=Path, help="the JSON report `scrape` wrote")
    report_cmd.add_argument(
        "--format", choices=["text", "markdown"], default="text", help="how to render it"
    )
    report_cmd.set_defaults(handler=_report)
    _add_mock(sub)
    _add_contract(sub)
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _add_mock(sub: Any) -> None:
    mock_cmd = _command(
        sub, "mock", "serve a mock of a spec: validated requests, example or generated answers",
        ["doc2openapi mock spec/ecs.yaml --port 8080"],
    )  # fmt: skip
    mock_cmd.add_argument("spec", type=Path, help="the OpenAPI document (YAML or JSON)")
    mock_cmd.add_argument("--host", default="127.0.0.1", help="address to bind (loopback)")
    mock_cmd.add_argument("--port", type=int, default=8080, help="0 picks a free port")
    mock_cmd.add_argument("--seed", type=int, default=0, help="seed for generated answers")
    mock_cmd.add_argument(
        "--ak", metavar="KEY", help="verify AK/SK signatures made with this access key"
    )
    mock_cmd.add_argument(
        "--sk", metavar="SECRET", default=os.environ.get(MOCK_SK_ENV),
        help=f"the secret key that goes with --ak (default: ${MOCK_SK_ENV})",
    )  # fmt: skip
    mock_cmd.set_defaults(handler=_mock)


def _add_contract(sub: Any) -> None:
    contract_cmd = _command(
        sub, "contract", "test a server (or the mock) against a spec with schemathesis",
        ["doc2openapi contract spec/ecs.yaml --base-url https://ecs.example.com "
         "--header 'X-Auth-Token: ...'", "doc2openapi contract spec/ecs.yaml --mock"],
    )  # fmt: skip
    contract_cmd.add_argument("spec", type=Path, help="the OpenAPI document (YAML or JSON)")
    target = contract_cmd.add_mutually_exclusive_group(required=True)
    target.add_argument("--base-url", help="the server under test")
    target.add_argument(
        "--mock", action="store_true", help="test `doc2openapi mock` on a free loopback port"
    )
    contract_cmd.add_argument(
        "--header", action="append", default=[], metavar="'NAME: VALUE'",
        help="send this header (repeatable); values are redacted in every output",
    )  # fmt: skip
    contract_cmd.add_argument(
        "--max-examples", type=_positive, default=10, metavar="N", help="test cases per operation"
    )
    contract_cmd.add_argument("--seed", type=int, default=0, help="seed for the test data")
    selection = contract_cmd.add_mutually_exclusive_group()
    selection.add_argument(
        "--operation-id", action="append", default=[], metavar="ID",
        help="test only this operation (repeatable)",
    )  # fmt: skip
    selection.add_argument(
        "--tag", action="append", default=[], help="test only this tag's operations (repeatable)"
    )
    contract_cmd.add_argument(
        "--allow-writes", action="store_true",
        help="also test POST/PUT/PATCH/DELETE (default: GET and HEAD only, safe on a live cloud)",
    )  # fmt: skip
    contract_cmd.add_argument(
        "--phases", default=",".join(PHASES), help="schemathesis phases, comma-separated"
    )
    contract_cmd.add_argument(
        "--workers", type=_positive, default=1, metavar="N", help="concurrent schemathesis workers"
    )
    contract_cmd.add_argument("--junit", type=Path, help="write a JUnit XML report here")
    contract_cmd.add_argument(
        "-v", "--verbose", action="store_true", help="print schemathesis' output even on success"
    )
    contract_cmd.set_defaults(handler=_contract)


def _report_path(args: argparse.Namespace) -> Path:
    if args.report is not None:
        return Path(args.report)
    output: Path = args.output
    return output.with_name(output.name.split(".", 1)[0] + ".report.json")


def _write(result: ScrapeResult, output: Path | None, report_path: Path) -> None:
    """The spec (when valid and wanted) and the report, each written atomically."""
    if result.valid and output is not None:
        write_atomic(output, dumps(result.spec, output))
    write_atomic(report_path, json.dumps(result.report, indent=2, ensure_ascii=False) + "\n")


def _documents(result: ScrapeResult) -> int:
    """Input files read as documents (whatever their verdict), as opposed to skipped."""
    summary = result.report["summary"]
    return int(summary["files"]) - int(summary["skipped"])


def _strict_failure(output: Path, result: ScrapeResult, threshold: str) -> list[str]:
    """What fails `--strict`: the kinds at `threshold` or worse, with counts (empty: none)."""
    found = failing(result.report, threshold)
    if not found:
        return []
    kinds = ", ".join(f"{clean(k)} {n}" for k, n in found.most_common())
    return [f"{output}: --strict: {found.total()} diagnostic(s) at {threshold} or worse: {kinds}"]


def _scrape(args: argparse.Namespace) -> int:
    for given in args.inputs:
        if not given.exists():
            raise UsageError(f"{given}: no such file or directory")
        if given.is_file():  # named on the command line: unreadable is an error, not a skip
            with given.open("rb") as handle:
                handle.read(1)
    if args.out_dir is not None and (args.report is not None or args.service is not None):
        raise UsageError("--report and --service go with -o, not --out-dir")
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
            lines = summary_lines(str(output), result.report)
            if not _documents(result):  # nothing read: an empty spec would only mislead
                files = result.report["summary"]["files"]
                _write(result, None, report_path)
                lines.append(f"{output}: no documents among {files} input file(s) (HTML, RST "
                             f"or text); no spec written, see {report_path}")  # fmt: skip
                print("\n".join(lines), file=sys.stderr)
                failed = True
                continue
            _write(result, output, report_path)  # as each service is done: memory stays flat
            if result.report["spec_errors"]:
                lines.append(invalid_line(output, result.report["spec_errors"]) + "; not written")
            strict = _strict_failure(output, result, args.fail_on) if args.strict else []
            print("\n".join(lines + strict), file=sys.stderr)
            failed = failed or not result.valid or bool(strict)
    if not stats:
        where = ", ".join(str(i) for i in args.inputs)
        print(f"doc2openapi: {where}: no service folders with documents", file=sys.stderr)
        return EXIT_FINDINGS
    print(_run_line(stats, args.jobs, time.perf_counter() - started), file=sys.stderr)
    return EXIT_FINDINGS if failed else EXIT_OK


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


def _contract(args: argparse.Namespace) -> int:
    spec = _valid_spec(args.spec)
    try:
        headers = [parse_header(raw) for raw in args.header]
    except ValueError as err:
        raise UsageError(f"--header: {err}") from None
    if args.mock and not {name.lower() for name, _ in headers} & {"x-auth-token", "authorization"}:
        headers.append(MOCK_TOKEN)  # its own mock wants auth like the cloud does
    phases = [p.strip() for p in args.phases.split(",") if p.strip()]
    unknown = sorted(set(phases) - set(PHASES))
    if unknown or not phases:
        raise UsageError(f"--phases: choose from {', '.join(PHASES)}")
    options: dict[str, Any] = {
        "headers": headers, "max_examples": args.max_examples, "seed": args.seed,
        "operation_ids": args.operation_id, "tags": args.tag, "allow_writes": args.allow_writes,
        "phases": phases, "workers": args.workers, "junit": args.junit,
    }  # fmt: skip
    try:
        if args.mock:
            with running_mock(spec, seed=args.seed) as url:
                result = run_contract(args.spec, url, **options)
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
BANNERS = re.compile(r"^\s*(Need more help\?|Join our Discord server:.*)\s*$", re.M)


def without_banners(text: str) -> str:
    """A tool's output without its advertising lines."""
    return re.sub(r"\n{3,}", "\n\n", BANNERS.sub("", text)).strip("\n")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
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
