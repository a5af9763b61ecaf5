"""OBS request signing (`Authorization: OBS AK:Signature`): the runtime's OBSAuth against
StringToSigns and signatures worked out by hand (openssl), and the mock's own check of it."""

from __future__ import annotations

import datetime as dt
import logging

import httpx
import pytest

from doc2openapi.codegen.runtime._auth import OBSAuth, obs_bucket, redact_headers
from doc2openapi.contract.obs_signing import obs_signature_problem, string_to_sign
from doc2openapi.contract.signing import WireRequest

SK = "test-secret-key"
NOW = dt.datetime(2026, 12, 1, 10, 0, 0, tzinfo=dt.UTC)


def _signed(request: httpx.Request, **options: str) -> httpx.Request:
    OBSAuth("MYAK", SK, clock=lambda: NOW, **options).sign(request)
    return request


def test_the_docs_object_upload_example_gives_their_string_to_sign() -> None:
    """Table 4 of "Authentication of Signature in a Header": a PUT with x-obs-acl."""
    request = httpx.Request(
        "PUT",
        "https://bucket.obs.region.example.com/object.txt",
        headers={
            "Date": "Mon, 14 Oct 2015 12:08:34 GMT",
            "x-obs-acl": " public-read",
            "content-type": "text/plain",
            "User-Agent": "curl/7.15.5",
        },
        content=b"x" * 10,
    )
    auth = OBSAuth("MYAK", SK)
    assert auth.string_to_sign(request) == (
        "PUT\n\ntext/plain\nMon, 14 Oct 2015 12:08:34 GMT\nx-obs-acl:public-read\n"
        "/bucket/object.txt"
    )
    auth.sign(request)
    # printf '<the StringToSign>' | openssl dgst -sha1 -hmac test-secret-key -binary | base64
    assert request.headers["Authorization"] == "OBS MYAK:Ekf9D+TCa1Hx+Jr2VW2T5sctT9s="


def test_sub_resources_sorted_other_query_keys_and_headers_left_out() -> None:
    request = httpx.Request(
        "GET",
        "https://photos.obs.eu-de.example.com/2024/a%20b.jpg",
        params=[("uploadId", "u1"), ("foo", "bar"), ("partNumber", "2"), ("uploadId", "u2")],
        headers=[
            ("x-obs-request-payer", "requester"),
            ("X-Obs-Meta-A", "1"),
            ("x-obs-meta-a", " 2 "),
            ("X-Other", "not signed"),
        ],
    )
    _signed(request)
    assert request.headers["Date"] == "Tue, 01 Dec 2026 10:00:00 GMT"
    assert OBSAuth("MYAK", SK).string_to_sign(request) == (
        "GET\n\n\nTue, 01 Dec 2026 10:00:00 GMT\n"
        "x-obs-meta-a:1,2\nx-obs-request-payer:requester\n"
        "/photos/2024/a%20b.jpg?partNumber=2&uploadId=u1"
    )
    assert request.headers["Authorization"] == "OBS MYAK:387toFj8Sy4GB/QDTOWoaoGfNKQ="


def test_x_obs_date_empties_the_date_line_and_a_bare_key_has_no_value() -> None:
    request = httpx.Request(
        "GET",
        "https://b.obs.r.example.com/?acl=",
        headers={"x-obs-date": "Tue, 01 Dec 2026 10:00:00 GMT", "Content-MD5": "MD5=="},
    )
    _signed(request)
    assert "Date" not in request.headers
    assert OBSAuth("MYAK", SK).string_to_sign(request) == (
        "GET\nMD5==\n\n\nx-obs-date:Tue, 01 Dec 2026 10:00:00 GMT\n/b/?acl"
    )


@pytest.mark.parametrize(
    ("host", "bucket"),
    [
        ("mybucket.obs.eu-de.otc.t-systems.com", "mybucket"),
        ("obs.eu-de.otc.t-systems.com", ""),  # list buckets: no bucket, resource "/"
        ("static.example.org", "static.example.org"),  # a user domain name stands for its bucket
    ],
)
def test_the_bucket_comes_from_the_host(host: str, bucket: str) -> None:
    assert obs_bucket(host) == bucket


def test_an_explicit_bucket_wins_and_no_bucket_signs_slash() -> None:
    request = httpx.Request("GET", "https://obs.ccc.com/object.txt")
    assert OBSAuth("AK", SK, bucket="obs.ccc.com").resource(request) == "/obs.ccc.com/object.txt"
    assert OBSAuth("AK", SK).resource(request) == "/"


def test_secrets_stay_out_of_reprs_and_logs(caplog: pytest.LogCaptureFixture) -> None:
    auth = OBSAuth("AK-SECRET", "SK-SECRET", security_token="TOKEN-SECRET")  # noqa: S106
    assert "SECRET" not in repr(auth)
    request = httpx.Request("GET", "https://b.obs.r.example.com/k")
    auth.sign(request)
    assert request.headers["x-obs-security-token"] == "TOKEN-SECRET"
    assert "x-obs-security-token:TOKEN-SECRET\n" in auth.string_to_sign(request)
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("t").debug("%s", redact_headers(request.headers))
    assert "SECRET" not in caplog.text


def _wire_of(request: httpx.Request) -> WireRequest:
    """What a server receives of `request`: raw path and query, headers by lower-case name."""
    raw_path, _, query = request.url.raw_path.decode("ascii").partition("?")
    headers = {k.lower(): ",".join(request.headers.get_list(k)) for k in request.headers}
    return WireRequest(request.method, raw_path, query, headers, request.content)


@pytest.mark.parametrize(
    ("method", "url", "headers"),
    [
        ("PUT", "https://b.obs.r.example.com/photos/2024/a%20b.jpg?acl=", {"x-obs-acl": "private"}),
        ("GET", "https://obs.r.example.com/", {"x-obs-bucket-type": "POSIX"}),
        ("POST", "https://cdn.example.org/k?uploadId=U&foo=1", {"Content-Type": "application/xml"}),
        (
            "GET",
            "https://b.obs.r.example.com/?versions&list-type=2",
            {"x-obs-date": "Tue, 01 Dec 2026 10:00:00 GMT"},
        ),
    ],
)
def test_the_mock_checks_what_the_client_signs(
    method: str, url: str, headers: dict[str, str]
) -> None:
    request = _signed(httpx.Request(method, url, headers=headers, content=b"<a/>"))
    wire = _wire_of(request)
    assert string_to_sign(wire) == OBSAuth("MYAK", SK).string_to_sign(request)
    header = request.headers["Authorization"]
    assert obs_signature_problem(wire, header, {"MYAK": SK}) is None
    assert obs_signature_problem(wire, header, {"MYAK": "other"}) == (
        "the signature does not match the request"
    )
    assert obs_signature_problem(wire, header, {"OTHER": SK}) == "unknown access key"
    added = {**wire.headers, "x-obs-acl": "public-read-write"}
    tampered = WireRequest(method, wire.path, wire.query, added, wire.body)
    assert obs_signature_problem(tampered, header, {"MYAK": SK}) is not None
    if wire.headers["host"].startswith("obs."):
        return  # no bucket: the resource is "/", whatever the path
    moved = WireRequest(method, wire.path + "x", wire.query, wire.headers, wire.body)
    assert obs_signature_problem(moved, header, {"MYAK": SK}) is not None
