"""Check an `Authorization: OBS AccessKeyID:Signature` header as OBS's authentication page
describes it ("Authentication of Signature in a Header"), independently of the client's signer.

StringToSign = verb, Content-MD5, Content-Type, Date (empty when x-obs-date is sent), each on
its own line, then the x-obs-* headers (lower-case names, sorted, `name:value` lines), then
the CanonicalizedResource: `/bucket/object` (the path as it came), or `/` without a bucket,
then the sub-resource query keys, sorted (`?acl`, `?partNumber=1&uploadId=ID`). The signature
is the Base64 HMAC-SHA1 of it with the secret key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Mapping
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qsl

from doc2openapi.contract.signing import WireRequest

HEADER = re.compile(r"^OBS (?P<access>[^\s:]+):(?P<signature>[A-Za-z0-9+/]+={0,2})$")
# The sub-resources the page lists, and the SDK sample's longer list: the query keys signed.
SUBRESOURCES = frozenset(
    {
        "CDNNotifyConfiguration", "acl", "attname", "cors", "customdomain", "delete",
        "deletebucket", "encryption", "inventory", "length", "lifecycle", "location", "logging",
        "metadata", "mirrorBackToSource", "modify", "name", "notification", "obscompresspolicy",
        "partNumber", "policy", "position", "quota", "rename", "replication", "requestPayment",
        "response-cache-control", "response-content-disposition", "response-content-encoding",
        "response-content-language", "response-content-type", "response-expires", "restore",
        "storageClass", "storagePolicy", "storageinfo", "tagging", "torrent", "truncate",
        "uploadId", "uploads", "versionId", "versioning", "versions", "website",
        "x-obs-security-token", "object-lock", "retention",
    }
)  # fmt: skip


def bucket_of_host(host: str) -> str:
    """`bucket.obs.region.example.com` names `bucket`; `obs.region...` none; another host is
    a user domain name, which the page signs in the bucket's place (`/obs.ccc.com/...`)."""
    name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    labels = name.lower().split(".")
    if labels[0] == "obs":
        return ""
    return ".".join(labels[: labels.index("obs")]) if "obs" in labels[1:] else name.lower()


def string_to_sign(request: WireRequest) -> str:
    headers = request.headers
    obs = sorted((k, v.strip()) for k, v in headers.items() if k.startswith("x-obs-"))
    date = "" if "x-obs-date" in headers else headers.get("date", "")
    first = [
        request.method.upper(),
        headers.get("content-md5", ""),
        headers.get("content-type", ""),
    ]
    text = "\n".join([*first, date]) + "\n"
    text += "".join(f"{name}:{value}\n" for name, value in obs)
    bucket = bucket_of_host(headers.get("host", ""))
    resource = f"/{bucket}{request.path}" if bucket else "/"
    signed: dict[str, str] = {}
    for key, value in parse_qsl(request.query, keep_blank_values=True):
        if key in SUBRESOURCES and key not in signed:
            signed[key] = value
    keys = [key + (f"={signed[key]}" if signed[key] else "") for key in sorted(signed)]
    return text + resource + ("?" + "&".join(keys) if keys else "")


def obs_signature(secret_key: str, request: WireRequest) -> str:
    digest = hmac.new(secret_key.encode(), string_to_sign(request).encode(), hashlib.sha1)
    return base64.b64encode(digest.digest()).decode("ascii")


def obs_signature_problem(request: WireRequest, header: str, keys: Mapping[str, str]) -> str | None:
    """Why `header` does not sign `request`, or None when it does. The date must be an
    RFC 1123 date but is not compared with the clock (a mock answers alike at any time)."""
    match = HEADER.match(header.strip())
    if match is None:
        return "the Authorization header is not `OBS AccessKeyID:Signature`"
    secret = keys.get(match["access"])
    if secret is None:
        return "unknown access key"
    date = request.headers.get("x-obs-date") or request.headers.get("date")
    if not date:
        return "neither Date nor x-obs-date is sent"
    try:
        parsedate_to_datetime(date)
    except (TypeError, ValueError):
        return "the date is not an RFC 1123 date"
    if not hmac.compare_digest(obs_signature(secret, request), match["signature"]):
        return "the signature does not match the request"
    return None
