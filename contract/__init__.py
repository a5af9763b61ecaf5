"""spec -> contract tests: a mock server from the spec, and schemathesis against any base URL.

For server teams, inside their own pytest suites::

    from doc2openapi.contract import assert_contract

    def test_server_honours_the_spec(base_url: str) -> None:
        assert_contract("spec/ecs.yaml", base_url, headers=[("X-Auth-Token", token)])
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from doc2openapi.contract.mock import MockAPI, make_mock_server, running_mock
from doc2openapi.contract.runner import (
    ContractError,
    ContractResult,
    OperationOutcome,
    run_contract,
)


def assert_contract(spec: str | Path, base_url: str, **options: Any) -> ContractResult:
    """Run the contract test; fail with the per-operation summary if any operation fails.

    `options` are those of `run_contract` (headers, max_examples, seed, operation_ids, tags,
    allow_writes, phases, workers, junit).
    """
    result = run_contract(Path(spec), base_url, **options)
    if not result.ok:
        raise AssertionError(f"contract test of {spec} failed:\n{result.summary()}")
    return result


__all__ = [
    "ContractError",
    "ContractResult",
    "MockAPI",
    "OperationOutcome",
    "assert_contract",
    "make_mock_server",
    "run_contract",
    "running_mock",
]
