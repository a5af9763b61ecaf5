"""The official Huawei Cloud SDKs as real clients of the mock, with a token and with AK/SK.

Every SDK operation whose method and path match a spec operation must get a 2xx answer the
SDK deserializes, both ways of authenticating (AK/SK signatures verified for real), except
the operations in tests/fixtures/sdk_known_failures.yaml, each with its reason. Every corpus
tree of a service with an official SDK takes part: the HTML trees and the RST trees.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import yaml

from doc2openapi.scraper.pipeline import ScrapeResult
from tests.conftest import FIXTURES
from tests.sdk_driver import TRUTH, Outcome, call, matches, sdk_clients, sdk_operations

HTML = ("ecs", "elb", "modelarts")
RST = (
    "apig", "cbr", "ces", "dds", "dms", "dns", "dws", "ecs", "elb", "er", "functiongraph",
    "ims", "kms", "lts", "modelarts", "smn", "vpcep", "vpn",
)  # fmt: skip
TREES = tuple(f"otc-html/{s}" for s in HTML) + tuple(f"otc-rst/{s}" for s in RST)
KNOWN_FAILURES = FIXTURES / "sdk_known_failures.yaml"


@pytest.fixture(scope="module")
def outcomes(catalog: dict[str, ScrapeResult]) -> dict[str, list[Outcome]]:
    """Every matched SDK operation of each tree, called with a token and with AK/SK: one mock
    and one client per SDK module and kind of auth for each tree."""
    if not TRUTH.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"SDK operation lists not found at {TRUTH}")
        pytest.skip(f"SDK operation lists not found at {TRUTH}")
    found: dict[str, list[Outcome]] = {}
    for tree in TREES:
        spec = catalog[tree].spec
        operations = sdk_operations(tree.split("/", 1)[1])
        versions = sorted({str(o["version"]) for o in operations})
        found[tree] = []
        with sdk_clients(spec, operations[0]["package"], versions) as (clients, recorder):
            for operation, template in matches(spec, operations):
                for auth in ("token", "aksk"):
                    outcome = call(clients, recorder, spec, operation, template, auth)
                    found[tree].append(outcome)
    return found


def _known() -> dict[str, dict[str, str]]:
    known: dict[str, dict[str, str]] = yaml.safe_load(KNOWN_FAILURES.read_text(encoding="utf-8"))
    assert set(known) <= set(TREES), set(known) - set(TREES)
    return {tree: known.get(tree) or {} for tree in TREES}


def test_every_corpus_service_with_an_sdk_takes_part(catalog: dict[str, ScrapeResult]) -> None:
    if not TRUTH.is_dir():
        pytest.skip(f"SDK operation lists not found at {TRUTH}")
    with_sdk = {p.name.removeprefix("huawei-sdk-").removesuffix(".json")
                for p in TRUTH.glob("huawei-sdk-*.json")}  # fmt: skip
    trees = {tree for tree in catalog if tree.split("/", 1)[1] in with_sdk}
    assert trees == set(TREES)


def _names(results: list[Outcome]) -> list[str]:
    """Each outcome's operation as the known failures name it: the SDK's method name, with
    its client module ("v1.update_alarm_template") where several modules have that name."""
    modules: dict[str, set[str]] = {}
    for outcome in results:
        modules.setdefault(outcome.operation, set()).add(outcome.module)
    return [
        f"{o.module}.{o.operation}" if len(modules[o.operation]) > 1 else o.operation
        for o in results
    ]


def test_every_matched_sdk_operation_gets_2xx_except_the_known_ones(
    outcomes: dict[str, list[Outcome]], capsys: pytest.CaptureFixture[str]
) -> None:
    known = _known()
    unexpected, stale, figures = [], [], []
    for tree, results in outcomes.items():
        names = _names(results)
        failing = {name for name, o in zip(names, results, strict=True) if not o.ok}
        for name, outcome in zip(names, results, strict=True):
            if not outcome.ok and name not in known[tree]:
                unexpected.append(
                    f"{tree} {name} ({outcome.auth}): {outcome.status} "
                    f"{outcome.error or 'answer not deserialized'}"
                )
        stale += [f"{tree} {name}" for name in known[tree] if name not in failing]
        matched = len(set(names))
        ok = {auth: sum(o.ok for o in results if o.auth == auth) for auth in ("token", "aksk")}
        dropped = sum(1 for o in results if o.auth == "token" and o.dropped)
        figures.append(
            f"{tree}: {matched} matched, 2xx with token {ok['token']}, with AK/SK "
            f"{ok['aksk']}, known failures {len(known[tree])}, operations whose SDK "
            f"model dropped spec fields {dropped}"
        )
    with capsys.disabled():
        print("\nofficial SDKs against the mock:\n  " + "\n  ".join(figures))
    assert not unexpected, "\n".join(unexpected)
    assert not stale, "these pass now: remove them from the known failures\n" + "\n".join(stale)
    assert sum(len(r) for r in outcomes.values()) >= 2 * 1100


def test_token_and_aksk_get_the_same_answers(outcomes: dict[str, list[Outcome]]) -> None:
    for tree, results in outcomes.items():
        by_auth: dict[str, dict[str, Any]] = {"token": {}, "aksk": {}}
        for name, outcome in zip(_names(results), results, strict=True):
            by_auth[outcome.auth][name] = (outcome.status, outcome.deserialized)
        assert by_auth["token"] == by_auth["aksk"], tree
        assert all(o.status != 401 for o in results), tree  # signatures verified and good
