"""The mock: validation before auth, AK/SK signatures, per-action answers, Prefer choices."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import yaml
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.sdk_request import SdkRequest
from huaweicloudsdkcore.signer.signer import Signer
from werkzeug.test import Client

from doc2openapi.contract.mock import MockAPI, running_mock
from doc2openapi.contract.routed_spec import sent_path
from doc2openapi.scraper.pipeline import ScrapeResult, scrape
from tests.conftest import FIXTURES, PAGES
from tests.spec_requests import build_request, operations

WIDGETS = FIXTURES / "contract" / "widgets.yaml"
ACTIONS = FIXTURES / "contract" / "actions.yaml"
AK, SK = "MOCKAK0001", "mock-secret-key"
SIGNATURE = f"SDK-HMAC-SHA256 Access={AK}, SignedHeaders=host;x-sdk-date, Signature={'ab' * 32}"
SIGNED = {"Authorization": SIGNATURE, "X-Sdk-Date": "20260101T000000Z"}


def _load(path: Any) -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return spec


@pytest.fixture(scope="module")
def widgets_url() -> Iterator[str]:
    with running_mock(_load(WIDGETS)) as url:
        yield url


@pytest.fixture(scope="module")
def keyed_url() -> Iterator[str]:
    with running_mock(_load(WIDGETS), keys={AK: SK}) as url:
        yield url


@pytest.fixture(scope="module")
def actions_url() -> Iterator[str]:
    with running_mock(_load(ACTIONS)) as url:
        yield url


def test_specs_declare_token_and_aksk_as_alternatives() -> None:
    spec = scrape([PAGES], service="widget").spec
    schemes = spec["components"]["securitySchemes"]
    assert schemes["token"] == {**schemes["token"], "in": "header", "name": "X-Auth-Token"}
    assert schemes["aksk"]["type"] == "apiKey" and schemes["aksk"]["name"] == "Authorization"
    assert "SDK-HMAC-SHA256" in schemes["aksk"]["description"]
    assert spec["security"] == [{"token": []}, {"aksk": []}]


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "says"),
    [
        ("POST", "/v1/p1/widgets", {"content": b"not json"}, "body"),
        ("GET", "/v1/p1/widgets?limit=abc", {}, "limit"),
        ("POST", "/v1/p1/widgets", {"json": {"size": 3}}, "'name' is a required property"),
    ],
)
def test_a_signed_request_is_still_validated(
    widgets_url: str, method: str, path: str, kwargs: dict[str, Any], says: str
) -> None:
    headers = {**SIGNED, "Content-Type": "application/json"}
    response = httpx.request(method, widgets_url + path, headers=headers, **kwargs)
    assert response.status_code == 400, response.text
    assert says in response.json()["error_msg"]
    unsigned = httpx.request(method, widgets_url + path, **kwargs)
    assert unsigned.status_code == 400  # parameters and body first, then auth


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "Basic dXNlcjpwdw==",
        "SDK-HMAC-SHA256 Access=AK, Signature=" + "ab" * 32,
        "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=xyz",
    ],
)
def test_unsigned_or_malformed_is_401(widgets_url: str, authorization: str | None) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    response = httpx.get(widgets_url + "/v1/p1/widgets", headers=headers)
    assert response.status_code == 401
    assert response.json()["error_code"] == "MOCK.0401"


def test_without_keys_a_well_formed_signature_is_enough(widgets_url: str) -> None:
    assert httpx.get(widgets_url + "/v1/p1/widgets", headers=SIGNED).status_code == 200


def _sdk_signed(
    url: str, method: str, path: str, query: list[tuple[str, str]], body: bytes, sk: str = SK
) -> tuple[str, dict[str, str], bytes]:
    """(URL, headers, body) of a request signed by the official SDK's signer."""
    host = url.split("://", 1)[1]
    request = SdkRequest(
        method=method, schema="http", host=host, resource_path=path, query_params=query,
        header_params={"Content-Type": "application/json", "X-Project-Id": "p1"}, body=body,
    )  # fmt: skip
    Signer(BasicCredentials(AK, sk)).sign(request)
    return f"{url}{request.uri}", dict(request.header_params), body


def test_sdk_signed_requests_pass_and_tampered_ones_are_401(keyed_url: str) -> None:
    body = b'{"name": "w 1", "size": 3}'
    url, headers, _ = _sdk_signed(keyed_url, "POST", "/v1/p1/widgets", [], body)
    assert httpx.post(url, headers=headers, content=body).status_code == 201
    query = [("name", "a b/é"), ("limit", "5")]
    get_url, get_headers, _ = _sdk_signed(keyed_url, "GET", "/v1/p1/widgets", query, b"")
    assert httpx.get(get_url, headers=get_headers).status_code == 200
    refusals = [
        httpx.post(url, headers=headers, content=body.replace(b"3", b"4")),  # body changed
        httpx.get(get_url.replace("limit=5", "limit=6"), headers=get_headers),  # query changed
        httpx.get(get_url, headers={**get_headers, "X-Project-Id": "p2"}),  # signed header
        httpx.get(get_url.replace("/p1/", "/p2/"), headers=get_headers),  # path changed
    ]
    wrong_key_url, wrong_key_headers, _ = _sdk_signed(
        keyed_url, "POST", "/v1/p1/widgets", [], body, sk="not-the-secret"
    )
    refusals.append(httpx.post(wrong_key_url, headers=wrong_key_headers, content=body))
    refusals.append(httpx.get(get_url, headers={**get_headers, "X-Sdk-Date": "yesterday"}))
    for refused in refusals:
        assert refused.status_code == 401, refused.text
        assert "AK/SK signature refused" in refused.json()["error_msg"]
    unknown = {**get_headers, "Authorization": get_headers["Authorization"].replace(AK, "OTHER")}
    assert "unknown access key" in httpx.get(get_url, headers=unknown).json()["error_msg"]


def test_a_token_still_works_when_keys_are_given(keyed_url: str) -> None:
    response = httpx.get(keyed_url + "/v1/p1/widgets", headers={"X-Auth-Token": "t"})
    assert response.status_code == 200


def _act(url: str, body: Any, **headers: str) -> httpx.Response:
    return httpx.post(
        url + "/v1/p1/machines/m1/action", json=body, headers={"X-Auth-Token": "t", **headers}
    )


def test_each_action_gets_its_own_answer(actions_url: str) -> None:
    started = _act(actions_url, {"os-start": {}})
    stopped = _act(actions_url, {"os-stop": {"type": "SOFT"}})
    assert (started.status_code, started.json()) == (202, {"job_id": "start-job"})
    assert (stopped.status_code, stopped.json()) == (202, {"job_id": "stop-job"})
    console = _act(actions_url, {"os-getConsole": {"type": "novnc"}})  # no own responses
    assert console.status_code == 200
    assert console.json()["console"]["url"] == "https://console.example.com/1"
    assert _act(actions_url, {"os-stop": {"type": "NEITHER"}}).status_code == 400


def test_prefer_picks_status_example_or_generated_data(actions_url: str) -> None:
    body = {"os-getConsole": {"type": "novnc"}}
    missing = _act(actions_url, body, Prefer="code=404")
    assert missing.status_code == 404 and set(missing.json()) == {"error_code", "error_msg"}
    job = _act(actions_url, body, Prefer="code=202")
    assert job.status_code == 202 and isinstance(job.json()["job_id"], str)
    started = _act(actions_url, {"os-start": {}}, Prefer='code=202, example="started"')
    assert started.json() == {"job_id": "start-job"}
    dynamic = _act(actions_url, {"os-start": {}}, Prefer="dynamic=true")
    assert dynamic.status_code == 202 and dynamic.json()["job_id"] != "start-job"
    assert _act(actions_url, body, Prefer="return=minimal").status_code == 200  # not ours


@pytest.mark.parametrize(
    ("prefer", "says"),
    [
        ("code=418", "Prefer: code=418 is not documented for ShowConsole (documented: 200, 202"),
        ("code=abc", "Prefer: code=abc is not an HTTP status code"),
        ("example=nope", "Prefer: example=nope is not documented for ShowConsole"),
        ("dynamic=maybe", "Prefer: dynamic=maybe is neither true nor false"),
    ],
)
def test_prefer_refuses_what_is_not_documented(actions_url: str, prefer: str, says: str) -> None:
    response = _act(actions_url, {"os-getConsole": {"type": "novnc"}}, Prefer=prefer)
    assert response.status_code == 400
    assert says in response.json()["error_msg"]


def test_prefer_walks_every_documented_status_and_example_of_modelarts(
    modelarts_html: ScrapeResult,
) -> None:
    spec = modelarts_html.spec
    client = Client(MockAPI(spec))
    walked, problems = 0, []
    for method, template, operation in operations(spec):
        request = build_request(spec, method, template)
        for code, response in operation["responses"].items():
            status = int(code) if code.isdigit() else 500
            media: dict[str, Any] = next(iter((response.get("content") or {}).values()), {})
            choices = [(f"code={status}", None)]
            choices += [
                (f'code={status}, example="{name}"', example["value"])
                for name, example in (media.get("examples") or {}).items()
            ]
            for prefer, expected in choices:
                answer = client.open(
                    request.path, method=request.method, query_string=request.query,
                    json=request.body, headers={"X-Auth-Token": "t", "Prefer": prefer},
                )  # fmt: skip
                walked += 1
                body = answer.get_json(silent=True)
                if answer.status_code != status or (expected is not None and body != expected):
                    problems.append(f"{operation['operationId']} {prefer}: {answer.status_code} "
                                    f"{answer.get_data(as_text=True)[:200]}")  # fmt: skip
    assert not problems, "\n".join(problems)
    assert walked >= 450  # 405 documented statuses and 95 examples when written


UPLOAD = {
    "openapi": "3.0.3",
    "info": {"title": "uploads", "version": "1"},
    "paths": {
        "/v1/imports": {
            "post": {
                "operationId": "ImportFile",
                "requestBody": {
                    "required": True,
                    "content": {
                        "multipart/form-data": {
                            "schema": {"$ref": "#/components/schemas/ImportFileRequest"}
                        }
                    },
                },
                "responses": {"200": {"description": "imported"}},
            }
        }
    },
    "components": {
        "schemas": {
            "ImportFileRequest": {
                "type": "object",
                "required": ["file_name"],
                "properties": {
                    "is_create_group": {"type": "boolean"},
                    "count": {"type": "integer", "maximum": 5},
                    "group_id": {"type": "string"},
                    "file_name": {"type": "string", "format": "binary"},
                },
            }
        }
    },
}


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({"is_create_group": "false", "count": "3", "group_id": "true"}, None),
        (
            {"is_create_group": "no"},
            "Failed to deserialize value with application/json mimetype: no",
        ),
        ({"count": "9"}, "9 is greater than the maximum of 5"),
    ],
)
def test_a_form_upload_reads_its_boolean_and_number_fields_as_such(
    fields: dict[str, str], says: str | None
) -> None:
    """APIG's import: a file and typed fields in one multipart/form-data body."""
    client = Client(MockAPI(UPLOAD))
    data: dict[str, Any] = {**fields, "file_name": (io.BytesIO(b"{}"), "api.json")}
    answer = client.post("/v1/imports", data=data, headers={"X-Auth-Token": "t"})
    if says is None:
        assert answer.status_code == 200, answer.get_data(as_text=True)
    else:
        assert answer.status_code == 400
        assert says in answer.get_json()["error_msg"]
    missing = client.post("/v1/imports", data=fields, headers={"X-Auth-Token": "t"})
    assert missing.status_code == 400  # the file is required
    media = UPLOAD["paths"]["/v1/imports"]["post"]["requestBody"]["content"]  # type: ignore[index]
    assert media["multipart/form-data"].keys() == {"schema"}  # the caller's spec is untouched


def test_a_vendor_json_media_type_is_read_as_json() -> None:
    """IMS's Glance update: a JSON patch body under its own media type."""
    media = "application/openstack-images-v2.1-json-patch"
    schema = {"type": "array", "items": {"type": "object", "required": ["op"]}}
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "images", "version": "1"},
        "paths": {
            "/v2/images/{image_id}": {
                "patch": {
                    "parameters": [
                        {"name": "image_id", "in": "path", "required": True,
                         "schema": {"type": "string"}},
                    ],
                    "requestBody": {"required": True, "content": {media: {"schema": schema}}},
                    "responses": {"200": {"description": "updated"}},
                }
            }
        },
    }  # fmt: skip
    client = Client(MockAPI(spec))
    headers = {"X-Auth-Token": "t", "Content-Type": media}
    good = client.patch("/v2/images/i1", data=b'[{"op": "replace"}]', headers=headers)
    assert good.status_code == 200, good.get_data(as_text=True)
    bad = client.patch("/v2/images/i1", data=b'[{"path": "/name"}]', headers=headers)
    assert bad.status_code == 400
    assert "'op' is a required property" in bad.get_json()["error_msg"]


def _path_value_spec() -> dict[str, Any]:
    """Tag keys (one segment: an enum, a maxLength) and object keys (x-greedy-path)."""

    def operation(*parameters: tuple[str, dict[str, Any], bool]) -> dict[str, Any]:
        listed = [
            {"name": name, "in": "path", "required": True, "schema": {"type": "string", **schema}}
            | ({"x-greedy-path": True} if greedy else {})
            for name, schema, greedy in parameters
        ]
        return {"delete": {"parameters": listed, "responses": {"204": {"description": "gone"}}}}

    return {
        "openapi": "3.0.3",
        "info": {"title": "paths", "version": "1"},
        "paths": {
            "/tags/{key}": operation(("key", {"enum": ["env/prod", "50%"]}, False)),
            "/labels/{label}/values/{value}": operation(
                ("label", {"maxLength": 8}, False), ("value", {"enum": ["50%"]}, False)
            ),
            "/objects/{object}": operation(("object", {"enum": ["a%b/c.txt"]}, True)),
            "/buckets/{bucket}/o/{object}": operation(
                ("bucket", {"enum": ["b/x"]}, False), ("object", {"enum": ["a%b/c.txt"]}, True)
            ),
            "/sites:batch/{object}": operation(("object", {"enum": ["x/y"]}, True)),
        },
    }


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/tags/env%2Fprod", 204),
        ("/tags/50%25", 204),
        ("/tags/env%2Fdev", 400),
        ("/labels/env%2Fprod/values/50%25", 204),  # 8 characters, as sent: 10
        ("/labels/env%2Fprod1/values/50%25", 400),
        ("/labels/env%2Fprod/values/50%2525", 400),  # the value is `50%25`
        ("/objects/a%25b/c.txt", 204),
        ("/objects/a%25b%2Fc.txt", 204),
        ("/objects/ab/c.txt", 400),
        ("/buckets/b%2Fx/o/a%25b/c.txt", 204),  # an encoded slash and a greedy key
    ],
)
def test_path_values_are_checked_as_the_client_meant_them(path: str, status: int) -> None:
    """A value routed as one segment (an encoded `/`, a greedy key) is checked decoded:
    `env%2Fprod` is the enum's `env/prod` and 8 characters long, `a%25b/c.txt` is
    `a%b/c.txt`."""
    with running_mock(_path_value_spec()) as url:
        answer = httpx.delete(url + path, headers={"X-Auth-Token": "t"})
    assert answer.status_code == status, answer.text


@pytest.mark.parametrize(
    ("environ", "sent"),
    [
        ({"RAW_URI": "/%6Fbjects/a%25b%2Fc.txt?x=1"}, "/objects/a%25b%2Fc.txt"),
        ({"REQUEST_URI": "http://127.0.0.1:8080/objects/a%25b/c.txt"}, "/objects/a%25b/c.txt"),
        ({"RAW_URI": "/f%C3%BC/\u00c3\u00bc"}, "/f\u00fc/\u00fc"),  # latin-1, as WSGI hands it
        ({}, "/sites:batch/50%25"),  # no raw path: the decoded one, its `%` kept
    ],
)
def test_the_path_as_sent_keeps_only_encoded_slashes_and_percents(
    environ: dict[str, str], sent: str
) -> None:
    """What routing reads: a literal `%6F` or an absolute-form target is the template's
    path, while `%2F` and `%25` stay, so a value is one segment and reads back exactly."""
    assert sent_path(environ, "/sites:batch/50%") == sent


def test_a_greedy_value_routes_through_a_server_that_gives_no_raw_path() -> None:
    """httpx's WSGITransport sets no RAW_URI: the decoded path is routed, literal `:` kept."""
    transport = httpx.WSGITransport(app=MockAPI(_path_value_spec()))
    with httpx.Client(transport=transport, base_url="http://mock") as client:
        answer = client.delete("/sites:batch/x/y", headers={"X-Auth-Token": "t"})
    assert answer.status_code == 204, answer.text
