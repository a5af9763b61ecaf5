"""Contract stage: the mock answers like the spec says, schemathesis catches broken servers."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from doc2openapi.cli import main
from doc2openapi.contract import assert_contract
from doc2openapi.contract.mock import running_mock
from doc2openapi.contract.runner import ContractResult, redact, run_contract
from doc2openapi.contract.values import ValueGenerator
from doc2openapi.scraper.output import dumps
from doc2openapi.scraper.pipeline import ScrapeResult
from tests.broken_server import DEFECTS, broken_server
from tests.conftest import FIXTURES

WIDGETS = FIXTURES / "contract" / "widgets.yaml"
TOKEN = "SENTINEL-7f3a9c-token"  # noqa: S105 - a sentinel: it must never appear in output
OTHER_SECRET = "SENTINEL-b41e-custom"  # noqa: S105


@pytest.fixture(scope="module")
def widgets() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(WIDGETS.read_text(encoding="utf-8"))
    return spec


@pytest.fixture(scope="module")
def mock_url(widgets: dict[str, Any]) -> Any:
    with running_mock(widgets, seed=1) as url:
        yield url


def _get(url: str, path: str, **kwargs: Any) -> httpx.Response:
    headers = kwargs.pop("headers", {"X-Auth-Token": TOKEN})
    return httpx.get(url + path, headers=headers, **kwargs)


def _fast(spec: Path, url: str, **options: Any) -> ContractResult:
    """A contract run small enough for CI: two examples an operation, no coverage phase."""
    options.setdefault("headers", [("X-Auth-Token", TOKEN)])
    return run_contract(
        spec, url, max_examples=2, phases=("examples", "fuzzing"), workers=2, **options
    )


def _count_operations(spec: dict[str, Any]) -> int:
    return sum(1 for item in spec["paths"].values() for key in item if key != "parameters")


def test_mock_answers_the_documented_example(mock_url: str) -> None:
    response = _get(mock_url, "/v1/p1/widgets", params={"limit": 5})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"count": 1, "widgets": [{"id": "w-1", "name": "first", "size": 3}]}


def test_mock_rejects_a_limit_out_of_its_documented_range(mock_url: str) -> None:
    response = _get(mock_url, "/v1/p1/widgets", params={"limit": 101})
    assert response.status_code == 400
    body = response.json()
    assert body["error_code"] == "MOCK.0400"
    assert "limit" in body["error_msg"] and "maximum of 100" in body["error_msg"]


def test_mock_rejects_a_body_missing_a_required_field(mock_url: str) -> None:
    headers = {"X-Auth-Token": TOKEN}
    response = httpx.post(mock_url + "/v1/p1/widgets", json={"size": 3}, headers=headers)
    assert response.status_code == 400
    assert "'name' is a required property" in response.json()["error_msg"]
    created = httpx.post(mock_url + "/v1/p1/widgets", json={"name": "w"}, headers=headers)
    assert created.status_code == 201
    assert set(created.json()) == {"id", "name", "size"}


def test_mock_wants_a_token_or_an_aksk_signature(mock_url: str) -> None:
    anonymous = _get(mock_url, "/v1/p1/widgets", headers={})
    assert anonymous.status_code == 401
    assert anonymous.json()["error_code"] == "MOCK.0401"
    signature = f"SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature={'0a' * 32}"
    signed = _get(mock_url, "/v1/p1/widgets", headers={"Authorization": signature})
    assert signed.status_code == 200
    basic = _get(mock_url, "/v1/p1/widgets", headers={"Authorization": "Basic dXNlcjpwdw=="})
    assert basic.status_code == 401


def test_mock_routes_only_documented_operations(mock_url: str) -> None:
    assert _get(mock_url, "/v1/p1/gadgets").status_code == 404
    assert httpx.delete(mock_url + "/v1/p1/widgets").status_code == 405


def test_mock_routes_a_template_that_repeats_a_name(widgets: dict[str, Any]) -> None:
    spec = json.loads(json.dumps(widgets))
    item = spec["paths"].pop("/v1/{project_id}/widgets/{widget_id}")
    spec["paths"]["/v1/{project_id}/quotas/{project_id}"] = item
    item["get"]["parameters"] = item["get"]["parameters"][:1]
    with running_mock(spec) as url:
        assert _get(url, "/v1/p%3B1/quotas/p%3B1").status_code == 200
        differ = _get(url, "/v1/p1/quotas/p2")
    assert differ.status_code == 400
    assert "project_id has two different values" in differ.json()["error_msg"]


def test_generated_answers_are_deterministic_per_seed(widgets: dict[str, Any]) -> None:
    def answer(seed: int) -> Any:
        with running_mock(widgets, seed=seed) as url:
            return _get(url, "/v1/p1/widgets/w1").json()

    first = answer(7)
    assert answer(7) == first
    assert answer(8) != first
    assert isinstance(first["size"], int) and 0 <= first["size"] <= 1000


@pytest.mark.parametrize("defect", DEFECTS)
def test_contract_catches_a_broken_server(
    widgets: dict[str, Any], defect: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junit = tmp_path / "junit.xml"
    with broken_server(widgets, defect) as url:
        code = main([
            "contract", str(WIDGETS), "--base-url", url, "--max-examples", "2",
            "--phases", "examples,fuzzing", "--junit", str(junit),
            "--header", f"X-Auth-Token: {TOKEN}", "--header", f"X-Custom: {OTHER_SECRET}",
        ])  # fmt: skip
    out = capsys.readouterr()
    assert code == 1
    expected_check = {
        "drop-required-field": 'Response violates schema ("count" is a required property)',
        "string-for-integer": "is not of type",
        "server-error": "Server error",
        "wrong-content-type": "Undocumented Content-Type (Received: text/html)",
    }[defect]
    failing = [
        line for line in out.out.splitlines() if "FAIL GET /v1/{project_id}/widgets " in line
    ]
    assert len(failing) == 1 and "(ListWidgets)" in failing[0]
    assert expected_check in failing[0]
    assert "2 operations tested: 0 passed, 2 failed" in out.out
    everything = out.out + out.err + junit.read_text(encoding="utf-8")
    assert "curl" in everything  # the reproduction commands are there, headers and all
    assert TOKEN not in everything and OTHER_SECRET not in everything


def test_contract_is_read_only_unless_writes_are_allowed(mock_url: str) -> None:
    read_only = _fast(WIDGETS, mock_url)
    assert [o.operation_id for o in read_only.outcomes] == ["ListWidgets", "ShowWidget"]
    writes = _fast(WIDGETS, mock_url, allow_writes=True)
    assert {o.operation_id for o in writes.outcomes} == {
        "ListWidgets",
        "ShowWidget",
        "CreateWidget",
    }
    assert writes.ok, writes.summary()


def test_contract_selects_by_operation_id_and_tag(mock_url: str) -> None:
    by_id = _fast(WIDGETS, mock_url, operation_ids=["ShowWidget"])
    assert [o.operation_id for o in by_id.outcomes] == ["ShowWidget"]
    by_tag = _fast(WIDGETS, mock_url, tags=["Widgets"])
    assert [o.operation_id for o in by_tag.outcomes] == ["ListWidgets"]


def test_pytest_helper_raises_with_the_summary(widgets: dict[str, Any]) -> None:
    with broken_server(widgets, "server-error") as url, pytest.raises(AssertionError) as failure:
        assert_contract(WIDGETS, url, headers=[("X-Auth-Token", TOKEN)], max_examples=2)
    assert "FAIL GET /v1/{project_id}/widgets (ListWidgets): ST101 Server error" in str(
        failure.value
    )


def test_redaction_replaces_every_secret_whole() -> None:
    text = f"curl -H 'X-Auth-Token: {TOKEN}' -H 'X: {TOKEN[:8]}' en"
    assert redact(text, [TOKEN, TOKEN[:8], "en"]) == (
        "curl -H 'X-Auth-Token: [REDACTED]' -H 'X: [REDACTED]' en"
    )


def test_invalid_spec_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: 3.0.3\ninfo: {}\npaths: {}\n", encoding="utf-8")
    assert main(["mock", str(bad)]) == 2
    assert main(["contract", str(bad), "--mock"]) == 2
    err = capsys.readouterr().err
    assert err.count(f"{bad}: not a valid OpenAPI document") == 2
    assert "Traceback" not in err


def _corpus_specs(html: dict[str, ScrapeResult], rst: ScrapeResult) -> dict[str, ScrapeResult]:
    return {**{f"html-{name}": result for name, result in html.items()}, "rst-modelarts": rst}


def test_contract_passes_against_the_mock_for_every_corpus_operation(
    html_services: dict[str, ScrapeResult],
    rst_modelarts: ScrapeResult,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    tested = {}
    for name, result in _corpus_specs(html_services, rst_modelarts).items():
        path = tmp_path / f"{name}.yaml"
        path.write_text(dumps(result.spec, path), encoding="utf-8")
        with running_mock(result.spec) as url:
            outcome = _fast(path, url, allow_writes=True)
        assert outcome.ok, f"{name}:\n{outcome.summary()}"
        assert outcome.tested == _count_operations(result.spec), name
        tested[name] = outcome.tested
    with capsys.disabled():
        print(f"\ncontract against the mock, operations tested: {json.dumps(tested)}")
    assert sum(tested.values()) >= 600


def test_dws_contract_passes_against_the_mock(
    catalog: dict[str, ScrapeResult], tmp_path: Path
) -> None:
    """DWS's "Default Value: N/A" once became defaults of path parameters, and schemathesis
    then asked the mock for /v1/N/A/...: its constraints must hold up against the mock."""
    result = catalog["otc-rst/dws"]
    path = tmp_path / "dws.yaml"
    path.write_text(dumps(result.spec, path), encoding="utf-8")
    with running_mock(result.spec) as url:
        outcome = _fast(path, url, allow_writes=True)
    assert outcome.ok, outcome.summary()
    assert outcome.tested == _count_operations(result.spec)


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "integer", "maximum": -5},
        {"type": "number", "maximum": 0, "exclusiveMaximum": True},
        {"type": "integer", "exclusiveMinimum": 5, "exclusiveMaximum": 7},
        {"type": "string", "minLength": 20, "maxLength": 21},
        {"type": "array", "minItems": 3, "uniqueItems": True, "items": {"type": "integer"}},
        {"type": "integer", "minimum": 11, "maximum": 29, "multipleOf": 10},
        {"type": "integer", "minimum": 11, "maximum": 39, "multipleOf": 10, "default": 15},
        {"type": "number", "minimum": 1, "maximum": 3, "multipleOf": 0.5},
        {"type": "object", "required": ["a"], "properties": {"a": {"enum": ["x", "y"]}}},
        # documented patterns (KMS key IDs, CES alarm IDs and times, comparison operators)
        {"type": "string", "pattern": "^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$"},
        {"type": "string", "pattern": "al([a-z]|[A-Z]|[0-9]){22}$"},
        {"type": "string", "pattern": "^([01][0-9]|2[0-3]):([0-5][0-9])$"},
        {"type": "string", "pattern": "^(>|<|>=|<=|=|!=)$"},
        {"type": "string", "pattern": r"^[a-zA-Z][\w-]*$", "minLength": 20, "maxLength": 30},
        {"type": "string", "pattern": r"^[^a-z]+(ab)\1$"},
        {"type": "string", "format": "uuid", "pattern": "^[a-z]+$"},
    ],
)
def test_generated_values_fit_their_schema(schema: dict[str, Any]) -> None:
    from openapi_schema_validator import OAS30Validator, OAS31Validator

    value = ValueGenerator({}, seed=3).value(schema, "op")
    numeric_exclusive = isinstance(schema.get("exclusiveMinimum"), int)
    validator = OAS31Validator if numeric_exclusive else OAS30Validator
    assert validator(schema).is_valid(value), value


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.fixture
def not_http() -> Iterator[str]:
    """A loopback port that answers every connection with a line that is not HTTP."""
    server = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        with contextlib.suppress(OSError):
            while True:
                connection, _ = server.accept()
                with connection:
                    connection.sendall(b"SSH-2.0-nothing-like-http\r\n")

    threading.Thread(target=serve, daemon=True).start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    server.close()


@pytest.mark.parametrize("kind", ["refused", "not-http", "ftp", "no-host"])
def test_an_unusable_base_url_is_one_line_naming_it(
    kind: str, not_http: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = {
        "refused": f"http://127.0.0.1:{_free_port()}/api",
        "not-http": not_http,
        "ftp": "ftp://example.com/api",
        "no-host": "widgets.example.com",
    }[kind]
    code = main(["contract", str(WIDGETS), "--base-url", url, "--max-examples", "1"])
    err = capsys.readouterr().err
    assert code == 2
    assert len(err.strip().splitlines()) == 1, err
    assert url in err and "Traceback" not in err and "check the filters" not in err


def test_contract_mock_sends_its_own_mock_a_token(capsys: pytest.CaptureFixture[str]) -> None:
    code = main([
        "contract", str(WIDGETS), "--mock", "--allow-writes", "--max-examples", "2",
        "--phases", "examples,fuzzing",
    ])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0, out
    assert "3 operations tested: 3 passed, 0 failed" in out


def test_mock_wants_both_keys(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mock", str(WIDGETS), "--ak", "KEY"]) == 2
    assert "--ak and --sk" in capsys.readouterr().err
