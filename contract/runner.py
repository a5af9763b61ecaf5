"""Run schemathesis against a base URL and summarise the outcome per operation.

schemathesis runs as a child process through its CLI, its stable interface: hypothesis state
stays out of the caller's process, and a crash there cannot take the caller down. Header
values reach it through environment variables named in a config file, never on a command
line, and every text that comes back (console output, JUnit) is redacted before anyone sees it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from doc2openapi.contract import subresources
from doc2openapi.scraper.output import load_document, write_atomic

CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
)
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE")
PHASES = ("examples", "coverage", "fuzzing", "stateful")
REDACTED = "[REDACTED]"


class ContractError(Exception):
    """schemathesis could not run at all (bad spec, unreachable tool): not a test failure."""


@dataclass(frozen=True)
class OperationOutcome:
    """One operation's verdict: `passed`, `failed`, `error` or `skipped`, with failed checks."""

    label: str  # "GET /v1/{project_id}/servers"
    operation_id: str
    status: str
    failures: tuple[str, ...] = ()


@dataclass
class ContractResult:
    exit_code: int
    outcomes: list[OperationOutcome] = field(default_factory=list)
    output: str = ""  # schemathesis' console output, redacted

    @property
    def tested(self) -> int:
        return sum(1 for o in self.outcomes if o.status != "skipped")

    @property
    def failed(self) -> list[OperationOutcome]:
        return [o for o in self.outcomes if o.status in ("failed", "error")]

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and not self.failed and self.tested > 0

    def summary(self) -> str:
        """One line per failed operation naming the failed checks, then the totals."""
        lines = []
        for outcome in self.failed:
            checks = "; ".join(outcome.failures) or outcome.status
            lines.append(f"FAIL {outcome.label} ({outcome.operation_id}): {checks}")
        passed = sum(1 for o in self.outcomes if o.status == "passed")
        lines.append(
            f"{self.tested} operations tested: {passed} passed, {len(self.failed)} failed"
            + ("" if self.tested else " (nothing was tested: check the filters)")
        )
        return "\n".join(lines)


MIN_SECRET_LENGTH = 4  # shorter values ("1", "en") are no secrets; replacing them garbles text


def redact(text: str, secrets: Iterable[str]) -> str:
    """`text` with every secret value replaced; longest first, so no secret leaks in part."""
    for secret in sorted({s for s in secrets if len(s) >= MIN_SECRET_LENGTH}, key=len)[::-1]:
        text = text.replace(secret, REDACTED)
    return text


def parse_header(raw: str) -> tuple[str, str]:
    """'Name: value' -> (name, value); a header without a colon is a usage error."""
    name, sep, value = raw.partition(":")
    if not sep or not name.strip():
        raise ValueError(f"a header is 'Name: value', got {name.strip()!r}")
    return name.strip(), value.strip()


def check_base_url(base_url: str, timeout: float = 10.0) -> None:
    """Raise ContractError, naming the URL, unless it is http(s) and something answers HTTP.

    Without this, schemathesis reports an unreachable server as operations it did not test.
    """
    parts = urlsplit(base_url)
    shown = parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()  # no credentials
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ContractError(f"{shown}: not an http:// or https:// URL")
    try:
        httpx.get(base_url, timeout=timeout, follow_redirects=False)
    except httpx.HTTPError as err:
        reason = " ".join(str(err).split()) or type(err).__name__
        raise ContractError(f"{shown}: no HTTP server answers ({reason})") from None


def run_contract(
    spec_path: Path,
    base_url: str,
    *,
    headers: Sequence[tuple[str, str]] = (),
    max_examples: int = 10,
    seed: int = 0,
    operation_ids: Sequence[str] = (),
    tags: Sequence[str] = (),
    allow_writes: bool = False,
    phases: Sequence[str] = PHASES,
    workers: int = 1,
    junit: Path | None = None,
    entries: bool = False,
) -> ContractResult:
    """Run the contract checks of `spec_path` against `base_url`; never raises on failures.

    `entries`: test each x-subresources entry too, on a marker path of its own that only our
    mock knows (contract.subresources.expand); for runs against the mock.
    Raises ContractError when the checks cannot run (base URL unreachable, bad spec).
    """
    check_base_url(base_url)
    spec = load_document(spec_path)
    secrets = [value for _, value in headers]
    with tempfile.TemporaryDirectory(prefix="doc2openapi-contract-") as tmp:
        workdir = Path(tmp)
        if isinstance(spec, dict) and (
            plain_operations(spec) | (entries and subresources.expand(spec) > 0)
        ):
            spec_path = workdir / "spec.json"
            spec_path.write_text(json.dumps(spec), encoding="utf-8")
        env = _child_environment(headers)
        config = workdir / "schemathesis.toml"
        config.write_text(_config_toml(headers), encoding="utf-8")
        report = workdir / "junit.xml"
        command = [
            sys.executable, "-m", "schemathesis.cli", "--config-file", str(config), "--no-color",
            "run", str(spec_path.resolve()), "--url", base_url,
            "--checks", ",".join(CHECKS), "--mode", "positive",
            "--max-examples", str(max_examples), "--seed", str(seed),
            "--phases", ",".join(phases), "--workers", str(workers),
            "--generation-database", "none", "--suppress-health-check", "all",
            "--report", "junit", "--report-junit-path", str(report),
        ]  # fmt: skip
        if not allow_writes:  # exclusions narrow the inclusions below; inclusions would widen
            for method in WRITE_METHODS:
                command += ["--exclude-method", method]
        for operation_id in operation_ids:
            command += ["--include-operation-id", operation_id]
        for tag in tags:
            command += ["--include-tag", tag]
        try:
            done = subprocess.run(  # noqa: S603 - our own interpreter, arguments as a list
                command, cwd=workdir, env=env, capture_output=True, text=True, check=False
            )
        except OSError as err:
            raise ContractError(f"cannot run schemathesis: {err}") from None
        output = redact(done.stdout + done.stderr, secrets)
        if not report.exists():
            tail = output.strip().splitlines()[-1:] or ["no output"]
            raise ContractError(f"schemathesis did not run: {tail[0]}")
        junit_text = redact(report.read_text(encoding="utf-8"), secrets)
    if junit is not None:
        write_atomic(junit, junit_text)
    outcomes = _outcomes(junit_text, _operation_ids(spec))
    return ContractResult(done.returncode, outcomes, output)


def plain_operations(spec: dict[str, Any]) -> bool:
    """Test a folded operation as the plain one it is: without the query keys that select
    its x-subresources entries (`?acl` is another operation, with other answers). OpenAPI has
    no place for the entries themselves, so schemathesis does not test them. True if changed."""
    changed = False
    for item in (spec.get("paths") or {}).values():
        for operation in (item or {}).values():
            if not isinstance(operation, dict):
                continue
            names = subresources.selectors(operation)
            kept = [
                p
                for p in operation.get("parameters", [])
                if not (isinstance(p, dict) and p.get("in") == "query" and p.get("name") in names)
            ]
            if names and len(kept) != len(operation.get("parameters", [])):
                operation["parameters"] = kept
                changed = True
    return changed


def _child_environment(headers: Sequence[tuple[str, str]]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOC2OPENAPI_HEADER_")}
    env.update({f"DOC2OPENAPI_HEADER_{i}": value for i, (_, value) in enumerate(headers)})
    env["SCHEMATHESIS_TELEMETRY"] = "false"
    env["NO_COLOR"] = "1"
    return env


def _config_toml(headers: Sequence[tuple[str, str]]) -> str:
    """Headers as `${ENV}` placeholders: the values never touch the disk or a command line."""
    if not headers:
        return ""
    pairs = ", ".join(
        f'{_toml_string(name)} = "${{DOC2OPENAPI_HEADER_{i}}}"'
        for i, (name, _) in enumerate(headers)
    )
    return f"headers = {{ {pairs} }}\n"


def _toml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _operation_ids(spec: Any) -> dict[str, str]:
    ids: dict[str, str] = {}
    if not isinstance(spec, dict):
        return ids
    for path, methods in (spec.get("paths") or {}).items():
        for method, operation in (methods or {}).items():
            if isinstance(operation, dict) and "operationId" in operation:
                ids[f"{method.upper()} {path}"] = str(operation["operationId"])
    return ids


def _outcomes(junit_text: str, ids: dict[str, str]) -> list[OperationOutcome]:
    root = ET.fromstring(junit_text)  # noqa: S314 - written by our child, redacted, no DTD
    outcomes = []
    for case in root.iter("testcase"):
        label = case.get("name", "")
        if label not in ids:
            continue  # "Stateful tests" and the like: not one operation
        status, failures = "passed", []
        for child in case:
            if child.tag in ("failure", "error"):
                status = "failed" if child.tag == "failure" else "error"
                failures += _failed_checks(child.text or child.get("message") or "")
            elif child.tag == "skipped":
                status = "skipped"
        outcomes.append(OperationOutcome(label, ids[label], status, tuple(dict.fromkeys(failures))))
    return sorted(outcomes, key=lambda o: o.label)


def _failed_checks(text: str) -> list[str]:
    """schemathesis lists each failed check as '- ST108 Response violates schema', then an
    indented first line of detail ('"count" is a required property'): keep both."""
    lines = text.splitlines()
    checks = []
    for i, line in enumerate(lines):
        if not line.startswith("- "):
            continue
        check = line[2:].strip()
        detail = next((n for n in lines[i + 1 : i + 4] if n.strip()), "")
        if detail[:1].isspace():
            check += f" ({detail.strip()[:160]})"
        checks.append(check)
    return checks or [" ".join(text.split())[:200]]
