"""Whether a request to the mock authenticates in a way its spec's security schemes name: an
X-Auth-Token, a signed URL, or an `Authorization` signature (the gateway's SDK-HMAC-SHA256, or
OBS's), verified when the mock knows the keys and checked for its form otherwise."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from werkzeug.wrappers import Request

from doc2openapi.contract.obs_signing import obs_signature_problem
from doc2openapi.contract.signing import (
    DEFAULT_SIGNATURE,
    URL_SIGNATURE_PARAMETERS,
    AcceptedAuth,
    WireRequest,
    parse_authorization,
    signature_problem,
    well_formed_other_signature,
)

NOT_SIGNED = (
    "the Authorization header is not an AK/SK signature "
    "(SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=<64 hex digits>)"
)
VERIFIED_SIGNATURES = {"OBS": obs_signature_problem}  # beside the gateway's own


def auth_problem(accepted: AcceptedAuth, keys: Mapping[str, str], request: Request) -> str | None:
    """Why the request is not authenticated, or None. `keys` maps access keys to secret keys:
    without them a well-formed signature is enough (the mock cannot know anyone's secret)."""
    if accepted.token and request.headers.get("X-Auth-Token", "").strip():
        return None
    if accepted.url_signing and all(request.args.get(p) for p in URL_SIGNATURE_PARAMETERS):
        return None  # the mock cannot know the secret key: a complete signed URL is enough
    header = request.headers.get("Authorization")
    if header is None or accepted.signature is None:
        return f"missing authentication: this API takes {accepted.expected()}"
    if accepted.signature != DEFAULT_SIGNATURE:
        return _other_signature_problem(accepted.signature, keys, request, header)
    authorization = parse_authorization(header)
    if authorization is None:
        return NOT_SIGNED
    if not keys:
        return None
    problem = signature_problem(wire(request), authorization, keys)
    return None if problem is None else f"AK/SK signature refused: {problem}"


def _other_signature_problem(
    word: str, keys: Mapping[str, str], request: Request, header: str
) -> str | None:
    """A signature in another format than the gateway's (`OBS AK:Signature`)."""
    if not well_formed_other_signature(header, word):
        return f"the Authorization header is not `{word} AccessKey:Signature`"
    verify = VERIFIED_SIGNATURES.get(word)
    if verify is None or not keys:
        return None
    problem = verify(wire(request), header, keys)
    return None if problem is None else f"{word} signature refused: {problem}"


def wire(request: Request) -> WireRequest:
    """The request as signed: raw path and query, header values as the client wrote them."""
    raw_uri = request.environ.get("RAW_URI") or request.environ.get("REQUEST_URI")
    path = urlsplit(str(raw_uri)).path if raw_uri else request.path
    headers = {name.lower(): _utf8(value) for name, value in request.headers.items()}
    query = request.query_string.decode("latin-1")
    return WireRequest(request.method, path, query, headers, request.get_data(cache=True))


def _utf8(value: str) -> str:
    """WSGI gives header bytes as Latin-1; clients sign their UTF-8 text."""
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return value
