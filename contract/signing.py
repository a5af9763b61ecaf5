"""Check an AK/SK-signed request (SDK-HMAC-SHA256) the way the cloud's API gateway does.

The canonical request is rebuilt from what came over the wire exactly as the official SDK
signer (huaweicloudsdkcore.signer.Signer) builds it before sending: method, path (each segment
percent-encoded, a trailing slash), sorted query, the signed headers, the body's SHA-256.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl, quote, unquote

from doc2openapi.scraper.model import SIGNATURE_KEY

ALGORITHM = "SDK-HMAC-SHA256"
DATE_HEADER = "x-sdk-date"
DATE_FORMAT = "%Y%m%dT%H%M%SZ"
CONTENT_HEADER = "x-sdk-content-sha256"
EMPTY_HASH = hashlib.sha256(b"").hexdigest()
AUTHORIZATION = re.compile(
    r"^SDK-HMAC-SHA256\s+Access=(?P<access>[^,\s]+),\s*"
    r"SignedHeaders=(?P<signed>[a-z0-9-]+(?:;[a-z0-9-]+)*),\s*"
    r"Signature=(?P<signature>[0-9a-f]{64})$"
)


@dataclass(frozen=True)
class Authorization:
    """The parts of an `Authorization: SDK-HMAC-SHA256 ...` header."""

    access: str
    signed_headers: tuple[str, ...]
    signature: str


def parse_authorization(value: str) -> Authorization | None:
    """The header's parts, or None when it is not a well-formed SDK-HMAC-SHA256 signature."""
    match = AUTHORIZATION.match(value.strip())
    if match is None:
        return None
    signed = tuple(match["signed"].split(";"))
    return Authorization(match["access"], signed, match["signature"])


@dataclass(frozen=True)
class WireRequest:
    """What the server received: raw path and query as sent, headers by lower-case name."""

    method: str
    path: str
    query: str
    headers: Mapping[str, str]
    body: bytes


def canonical_request(request: WireRequest, signed_headers: tuple[str, ...]) -> str:
    """The text the client signed (the SDK's `_process_canonical_request`)."""
    segments = [quote(part, safe="~") for part in unquote(request.path).split("/")]
    uri = "/".join(segments)
    uri = uri if uri.endswith("/") else uri + "/"
    pairs = sorted(parse_qsl(request.query, keep_blank_values=True))
    query = "&".join(f"{quote(k, safe='~')}={quote(v, safe='~')}" for k, v in pairs)
    values = [f"{name}:{request.headers.get(name, '').strip()}\n" for name in signed_headers]
    headers = "".join(values)
    if not request.body:
        payload = EMPTY_HASH
    else:
        payload = request.headers.get(CONTENT_HEADER) or hashlib.sha256(request.body).hexdigest()
    return "\n".join(
        [request.method.upper(), uri, query, headers, ";".join(signed_headers), payload]
    )


def signature(secret_key: str, request: WireRequest, signed_headers: tuple[str, ...]) -> str:
    """The hex HMAC-SHA256 of the string to sign, keyed with the secret key."""
    digest = hashlib.sha256(canonical_request(request, signed_headers).encode()).hexdigest()
    to_sign = f"{ALGORITHM}\n{request.headers.get(DATE_HEADER, '')}\n{digest}"
    return hmac.new(secret_key.encode(), to_sign.encode(), hashlib.sha256).hexdigest()


def signature_problem(
    request: WireRequest, authorization: Authorization, keys: Mapping[str, str]
) -> str | None:
    """Why the signature does not hold for `request`, or None when it does.

    `keys` maps access keys to secret keys. The signing time is read but not compared with
    the clock: a mock answers the same request the same way whenever it comes.
    """
    secret = keys.get(authorization.access)
    if secret is None:
        return "unknown access key"
    if DATE_HEADER not in authorization.signed_headers:
        return "X-Sdk-Date is not among the signed headers"
    missing = [h for h in authorization.signed_headers if h not in request.headers]
    if missing:
        return f"signed header {missing[0]} is not in the request"
    try:
        datetime.strptime(request.headers[DATE_HEADER], DATE_FORMAT)  # the format only
    except ValueError:
        return f"X-Sdk-Date is not {DATE_FORMAT}"
    expected = signature(secret, request, authorization.signed_headers)
    if not hmac.compare_digest(expected, authorization.signature):
        return "the signature does not match the request"
    return None


DEFAULT_SIGNATURE = ALGORITHM
URL_SIGNATURE_PARAMETERS = ("AccessKeyId", "Expires", "Signature")


@dataclass(frozen=True)
class AcceptedAuth:
    """The ways a spec's security schemes let a request authenticate."""

    token: bool = True
    signature: str | None = DEFAULT_SIGNATURE  # the Authorization header's scheme word
    url_signing: bool = False

    @classmethod
    def of(cls, spec: dict[str, Any]) -> AcceptedAuth:
        schemes = spec.get("components", {}).get("securitySchemes") or {}
        if not schemes:
            return cls()
        headers = {
            str(s.get("name", "")).lower(): s
            for s in schemes.values()
            if s.get("type") == "apiKey" and s.get("in") == "header"
        }
        signature = headers.get("authorization")
        return cls(
            token="x-auth-token" in headers,
            signature=None
            if signature is None
            else str(signature.get(SIGNATURE_KEY, DEFAULT_SIGNATURE)),
            url_signing=any(
                s.get("in") == "query" and s.get("name") == "AccessKeyId" for s in schemes.values()
            ),
        )

    def expected(self) -> str:
        """What the service takes, for a 401's message."""
        ways = ["an X-Auth-Token header"] if self.token else []
        if self.signature:
            ways.append(f"an `Authorization: {self.signature} ...` signature")
        if self.url_signing:
            ways.append("a signed URL (" + ", ".join(URL_SIGNATURE_PARAMETERS) + ")")
        return " or ".join(ways)


def well_formed_other_signature(value: str, word: str) -> bool:
    """`OBS AccessKeyID:Signature`: the scheme word, then a key and a signature."""
    return re.fullmatch(rf"{re.escape(word)} [^\s:]+:\S+", value.strip()) is not None
