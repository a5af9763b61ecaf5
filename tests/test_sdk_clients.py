"""The official Huawei Cloud SDKs as real clients of the mock, with a token and with AK/SK.

Every SDK operation whose method and path match a spec operation must get a 2xx answer the
SDK deserializes, both ways of authenticating (AK/SK signatures verified for real), except
the operations in tests/fixtures/sdk_known_failures.yaml, each with its reason.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import yaml

from scraper.pipeline import ScrapeResult
from tests.conftest import FIXTURES
from tests.sdk_driver import TRUTH, Outcome, call, matches, sdk_clients, sdk_operations

SERVICES = ("ecs", "elb", "modelarts")
KNOWN_FAILURES = FIXTURES / "sdk_known_failures.yaml"


@pytest.fixture(scope="module")
def outcomes(html_services: dict[str, ScrapeResult]) -> dict[str, list[Outcome]]:
    """Every matched SDK operation of each service, called with a token and with AK/SK."""
    if not TRUTH.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"SDK operation lists not found at {TRUTH}")
        pytest.skip(f"SDK operation lists not found at {TRUTH}")
    found: dict[str, list[Outcome]] = {}
    for service in SERVICES:
        spec = html_services[service].spec
        operations = sdk_operations(service)
        versions = sorted({str(o["version"]) for o in operations})
        found[service] = []
        with sdk_clients(spec, operations[0]["package"], versions) as (clients, recorder):
            for operation, template in matches(spec, operations):
                for auth in ("token", "aksk"):
                    outcome = call(clients, recorder, spec, operation, template, auth)
                    found[service].append(outcome)
    return found


def _known() -> dict[str, dict[str, str]]:
    known: dict[str, dict[str, str]] = yaml.safe_load(KNOWN_FAILURES.read_text(encoding="utf-8"))
    return {service: known.get(service) or {} for service in SERVICES}


def test_every_matched_sdk_operation_gets_2xx_except_the_known_ones(
    outcomes: dict[str, list[Outcome]], capsys: pytest.CaptureFixture[str]
) -> None:
    known = _known()
    unexpected, stale, figures = [], [], []
    for service, results in outcomes.items():
        failing = {o.operation for o in results if not o.ok}
        for outcome in results:
            if not outcome.ok and outcome.operation not in known[service]:
                unexpected.append(
                    f"{service} {outcome.operation} ({outcome.auth}): {outcome.status} "
                    f"{outcome.error or 'answer not deserialized'}"
                )
        stale += [f"{service} {name}" for name in known[service] if name not in failing]
        matched = len({o.operation for o in results})
        ok = {auth: sum(o.ok for o in results if o.auth == auth) for auth in ("token", "aksk")}
        dropped = sum(1 for o in results if o.auth == "token" and o.dropped)
        figures.append(
            f"{service}: {matched} matched, 2xx with token {ok['token']}, with AK/SK "
            f"{ok['aksk']}, known failures {len(known[service])}, operations whose SDK "
            f"model dropped spec fields {dropped}"
        )
    with capsys.disabled():
        print("\nofficial SDKs against the mock:\n  " + "\n  ".join(figures))
    assert not unexpected, "\n".join(unexpected)
    assert not stale, "these pass now: remove them from the known failures\n" + "\n".join(stale)
    assert sum(len(r) for r in outcomes.values()) >= 2 * 100


def test_token_and_aksk_get_the_same_answers(outcomes: dict[str, list[Outcome]]) -> None:
    for service, results in outcomes.items():
        by_auth: dict[str, dict[str, Any]] = {"token": {}, "aksk": {}}
        for outcome in results:
            by_auth[outcome.auth][outcome.operation] = (outcome.status, outcome.deserialized)
        assert by_auth["token"] == by_auth["aksk"], service
        assert all(o.status != 401 for o in results), service  # signatures verified and good
