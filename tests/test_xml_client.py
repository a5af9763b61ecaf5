"""XML and binary bodies end to end: the codec on a hand-written schema, and the generated OBS
client (sub-resource methods, XML bodies, object bytes) against the mock of the same spec."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from doc2openapi.codegen import generate_client
from doc2openapi.codegen.runtime import _xml
from doc2openapi.codegen.xml_shapes import ShapeCompiler
from doc2openapi.contract.mock import running_mock
from doc2openapi.scraper.pipeline import ScrapeResult, scrape
from tests.test_codegen import BIN, _import

NS = "urn:example:shelf"
SCHEMAS: dict[str, Any] = {
    "Shelf": {
        "type": "object",
        "xml": {"name": "Shelf", "namespace": NS},
        "properties": {
            "id": {"type": "integer", "xml": {"attribute": True}},
            "Label": {"type": "string"},
            "Books": {
                "type": "array",
                "xml": {"name": "Books", "wrapped": True},
                "items": {"$ref": "#/components/schemas/Book"},
            },
            "Tag": {"type": "array", "items": {"type": "string"}},
        },
    },
    "Book": {
        "type": "object",
        "xml": {"name": "Book"},
        "properties": {
            "isbn": {"type": "string", "xml": {"attribute": True}},
            "Title": {"type": "string"},
            "InPrint": {"type": "boolean"},
        },
    },
}
SHELF = {
    "id": 7,
    "Label": "a < b & c",
    "Books": [{"isbn": "1-2", "Title": "One", "InPrint": True}, {"Title": "Two"}],
    "Tag": ["x", "y"],
}


def test_xml_round_trip_with_attributes_wrapped_array_and_namespace() -> None:
    root = ShapeCompiler(SCHEMAS).root({"$ref": "#/components/schemas/Shelf"})
    text = _xml.dumps(SHELF, root).decode()
    assert f'<Shelf xmlns="{NS}" id="7">' in text
    assert "<Label>a &lt; b &amp; c</Label>" in text
    assert '<Books><Book isbn="1-2"><Title>One</Title><InPrint>true</InPrint></Book>' in text
    assert "<Tag>x</Tag><Tag>y</Tag>" in text  # an unwrapped array repeats its element
    assert _xml.loads(text, root) == SHELF
    with pytest.raises(_xml.NotXml, match="root element"):
        _xml.loads("<Other/>", root)


def test_xml_parsing_refuses_dtds_and_entities() -> None:
    root = ShapeCompiler(SCHEMAS).root({"$ref": "#/components/schemas/Shelf"})
    bomb = '<!DOCTYPE s [<!ENTITY a "aaaa">]><Shelf><Label>&a;</Label></Shelf>'
    with pytest.raises(_xml.NotXml, match="DTD"):
        _xml.loads(bomb, root)
    with pytest.raises(ValueError, match="not an XML name"):
        _xml.dumps({"bad name": 1}, root)


@pytest.fixture(scope="module")
def obs(corpus: Path) -> ScrapeResult:
    return scrape([corpus / "otc-rst" / "obs"], service="obs")


@pytest.fixture(scope="module")
def obs_client(obs: ScrapeResult, tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    project = tmp_path_factory.mktemp("gen") / "otc_obs"
    generate_client(obs.spec, project)
    return _import(project, "otc_obs")


@pytest.fixture(scope="module")
def obs_url(obs: ScrapeResult) -> Iterator[str]:
    with running_mock(obs.spec) as url:
        yield url


class Recorder(httpx.HTTPTransport):
    """The real transport, keeping every request it sent."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        return super().handle_request(request)


AUTH_HEADER = ("Authorization", "OBS MOCKAK:c2lnbmF0dXJl")  # well-formed: the mock cannot check it
AUTH = dict([AUTH_HEADER])


def test_obs_client_puts_and_gets_an_object(obs_client: ModuleType, obs_url: str) -> None:
    recorder = Recorder()
    with obs_client.Client(obs_url, default_headers=AUTH, transport=recorder) as client:
        assert client.upload_object_put("a.txt", body=b"\x00hello") is None
        data = client.download_object("a.txt")
    put, get = recorder.sent
    assert (put.method, put.url.raw_path, put.content) == ("PUT", b"/a.txt", b"\x00hello")
    assert put.headers["Content-Type"] == "application/octet-stream"
    assert get.method == "GET"
    assert isinstance(data, bytes)
    assert data  # the mock's generated object content, as it came


def test_obs_client_puts_and_gets_a_bucket_acl(obs_client: ModuleType, obs_url: str) -> None:
    models = obs_client.models
    acl = models.ConfigureBucketAclRequest.model_validate(
        {
            "Owner": {"ID": "owner-1"},
            "AccessControlList": [
                {"Grantee": {"ID": "user-2"}, "Permission": "READ", "Delivered": False},
                {"Grantee": {"Canned": "Everyone"}, "Permission": "READ_ACP"},
            ],
        }
    )
    recorder = Recorder()
    with obs_client.Client(obs_url, default_headers=AUTH, transport=recorder) as client:
        assert client.configure_bucket_acl(body=acl, x_obs_acl="private") is None
        got = client.obtain_bucket_acl_information()
        with pytest.raises(obs_client.BadRequestError, match="Owner"):
            client.configure_bucket_acl(body={"AccessControlList": []})  # Owner is required
    put = recorder.sent[0]
    assert put.url.query == b"acl="
    assert put.headers["Content-Type"] == "application/xml"
    assert b"<AccessControlList><Grant><Grantee><ID>user-2</ID></Grantee>" in put.content
    assert b'<AccessControlPolicy xmlns="http://obs.example.com/doc/2015-06-30/">' in put.content
    assert recorder.sent[1].url.query == b"acl="
    assert isinstance(got, models.ObtainBucketAclInformationResponse)
    grants = got.access_control_list or []
    assert [g.permission for g in grants] == ["FULL_CONTROL", "READ", "READ_ACP"]
    assert grants[1].delivered is False and grants[2].grantee.canned == "Everyone"


def test_obs_client_has_a_method_per_documented_operation_and_is_lint_clean(
    obs: ScrapeResult, obs_client: ModuleType
) -> None:
    documented = [
        op for item in obs.spec["paths"].values() for op in item.values() if isinstance(op, dict)
    ]
    entries = sum(len(op.get("x-subresources", [])) for op in documented)
    for name in ("configure_bucket_acl", "obtain_bucket_acl_information", "upload_object_put"):
        assert callable(getattr(obs_client.Client, name))
        assert callable(getattr(obs_client.AsyncClient, name))
    methods = [n for n in vars(obs_client.Client) if not n.startswith("_")]
    assert len(documented) + entries <= len(methods)
    project = Path(str(obs_client.__file__)).parent.parent
    lint = subprocess.run(
        [str(BIN / "ruff"), "check", "--config", str(project / "pyproject.toml"), str(project)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert lint.returncode == 0, lint.stdout[-2000:]
    typed = subprocess.run(
        [str(BIN / "mypy"), "--strict", "--config-file", str(project / "pyproject.toml"),
         str(project / "otc_obs")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert typed.returncode == 0, typed.stdout[-3000:]


def test_contract_run_against_the_obs_mock_passes(obs: ScrapeResult, tmp_path: Path) -> None:
    from doc2openapi.contract.runner import run_contract

    spec_path = tmp_path / "obs.yaml"
    published = json.dumps(obs.spec)
    spec_path.write_text(published, encoding="utf-8")
    with running_mock(obs.spec) as url:
        result = run_contract(
            spec_path,
            url,
            headers=[AUTH_HEADER],
            max_examples=2,
            allow_writes=True,
            workers=2,
            entries=True,
        )
    assert result.ok, result.summary()
    documented = {
        str(o["operationId"])
        for item in obs.spec["paths"].values()
        for op in item.values()
        for o in [op, *op.get("x-subresources", [])]
    }
    # every documented operation, writes included: 12 plain ones and 69 x-subresources entries
    assert {o.operation_id for o in result.outcomes if o.status == "passed"} == documented
    assert len(documented) == 81
    assert spec_path.read_text(encoding="utf-8") == published  # the spec file stays as it was


def test_obs_client_signs_as_obs_and_the_mock_verifies_it(
    obs: ScrapeResult, obs_client: ModuleType
) -> None:
    assert obs_client.AKSKAuth is obs_client.OBSAuth  # the spec's x-signature-scheme: OBS
    recorder = Recorder()
    with running_mock(obs.spec, keys={"MOCKAK": "mock-secret"}) as url:
        good = obs_client.AKSKAuth("MOCKAK", "mock-secret")
        with obs_client.Client(url, auth=good, transport=recorder, max_retries=0) as client:
            assert client.upload_object_put("a b.txt", body=b"hi", x_obs_acl="private") is None
            client.obtain_bucket_acl_information()
            bad = client.with_options(auth=obs_client.AKSKAuth("MOCKAK", "wrong"))
            with pytest.raises(obs_client.AuthenticationError, match="signature does not match"):
                bad.download_object("a b.txt")
            unknown = client.with_options(auth=obs_client.AKSKAuth("OTHER", "mock-secret"))
            with pytest.raises(obs_client.AuthenticationError, match="unknown access key"):
                unknown.download_object("a b.txt")
    put = recorder.sent[0]
    assert put.headers["Authorization"].startswith("OBS MOCKAK:")
    assert put.headers["Date"].endswith(" GMT")


def test_obs_object_keys_keep_their_slashes(obs: ScrapeResult, obs_client: ModuleType) -> None:
    """An object key is a path (x-greedy-path): `/` goes as `/`, the rest percent-encoded,
    signed as sent, and the mock routes it to the object operation."""
    recorder = Recorder()
    with running_mock(obs.spec, keys={"MOCKAK": "mock-secret"}) as url:
        auth = obs_client.AKSKAuth("MOCKAK", "mock-secret")
        with obs_client.Client(url, auth=auth, transport=recorder, max_retries=0) as client:
            client.upload_object_put("photos/2024/a b?.jpg", body=b"hi")
            assert client.download_object("photos/2024/a b?.jpg")
            acl = {"Owner": {"ID": "o"}, "AccessControlList": []}
            client.configure_object_acl("dir/x.txt", body=acl)
            for bad in ("a/../b", "./a", "a/.", ""):
                with pytest.raises(ValueError, match="path parameter 'object'"):
                    client.download_object(bad)
    paths = [r.url.raw_path for r in recorder.sent]
    assert paths[:2] == [b"/photos/2024/a%20b%3F.jpg"] * 2
    assert paths[2] == b"/dir/x.txt?acl="
    assert len(recorder.sent) == 3  # the refused keys sent nothing


def test_contract_mock_cli_signs_for_a_spec_that_takes_no_token(
    obs: ScrapeResult, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`make contract` passes X-Auth-Token to every mock; OBS's takes no token, so the CLI
    sends a well-formed OBS signature instead, and reaches the entries too."""
    from doc2openapi.cli import main

    spec_path = tmp_path / "obs.json"
    spec_path.write_text(json.dumps(obs.spec), encoding="utf-8")
    code = main([
        "contract", str(spec_path), "--mock", "--allow-writes", "--max-examples", "1",
        "--header", "X-Auth-Token: mock-token",
        "--operation-id", "ListObjectsInBucket", "--operation-id", "ConfigureBucketAcl",
    ])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0, out
    assert "2 operations tested: 2 passed, 0 failed" in out
