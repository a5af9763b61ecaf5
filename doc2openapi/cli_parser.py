"""The `doc2openapi` command line: its subcommands, options, defaults, examples and exit
codes, as argparse parsers; `doc2openapi.cli` runs what they parse."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from doc2openapi import __version__
from doc2openapi.contract.mock import MOCK_SK_ENV
from doc2openapi.contract.runner import PHASES
from doc2openapi.scraper.cache import CACHE_ENV, DEFAULT_FOLDER
from doc2openapi.scraper.diagnostics import SEVERITIES
from doc2openapi.scraper.parallel import default_jobs

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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="doc2openapi",
        description="Turn cloud API reference docs (HTML, Markdown, RST, text) into OpenAPI 3.",
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
    scrape_cmd.set_defaults(command="scrape")

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
    generate_cmd.set_defaults(command="generate")

    validate_cmd = _command(
        sub, "validate", "check an OpenAPI document with openapi-spec-validator",
        ["doc2openapi validate spec/modelarts.yaml"],
    )  # fmt: skip
    validate_cmd.add_argument("spec", type=Path, help="the OpenAPI document (YAML or JSON)")
    validate_cmd.set_defaults(command="validate")
    report_cmd = _command(
        sub, "report", "a scrape report (SPEC.report.json) for a person, or for a CI summary",
        ["doc2openapi report spec/ecs.report.json",
         'doc2openapi report spec/ecs.report.json --format markdown >> "$GITHUB_STEP_SUMMARY"'],
    )  # fmt: skip
    report_cmd.add_argument("report", type=Path, help="the JSON report `scrape` wrote")
    report_cmd.add_argument(
        "--format", choices=["text", "markdown"], default="text", help="how to render it"
    )
    report_cmd.set_defaults(command="report")
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
    mock_cmd.set_defaults(command="mock")


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
    contract_cmd.set_defaults(command="contract")
