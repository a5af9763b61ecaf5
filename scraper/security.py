"""How the docs say a request authenticates, as OpenAPI security schemes.

The cloud's gateway takes an IAM token (`X-Auth-Token`) or an AK/SK signature
(`Authorization: SDK-HMAC-SHA256 ...`); that pair is the default. A reference that shows
another signature format (`Authorization: OBS AccessKeyID:Signature`) or signs in the URL
(`?AccessKeyId=...&Expires=...&Signature=...`) is declared as it says, so clients and the
mock neither send nor expect a format the service does not take.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from doc2openapi.scraper.model import SIGNATURE_KEY

DEFAULT_SIGNATURE = "SDK-HMAC-SHA256"

TOKEN: dict[str, Any] = {
    "type": "apiKey",
    "in": "header",
    "name": "X-Auth-Token",
    "description": "An IAM token; see the service's authentication page.",
}
DEFAULT_AKSK: dict[str, Any] = {
    "type": "apiKey",
    "in": "header",
    "name": "Authorization",
    "description": (
        "AK/SK request signing: `SDK-HMAC-SHA256 Access=AK, SignedHeaders=..., "
        "Signature=...`, an HMAC-SHA256 with the secret key over the canonical request "
        "(method, path, query, signed headers including X-Sdk-Date, body hash), as the "
        "cloud SDKs sign; see the service's authentication page."
    ),
    SIGNATURE_KEY: DEFAULT_SIGNATURE,
}
DEFAULT_SCHEMES: dict[str, dict[str, Any]] = {"token": TOKEN, "aksk": DEFAULT_AKSK}

# "Authorization: OBS AccessKeyID:Signature": a scheme word in capitals, then its format.
HEADER_FORMAT = re.compile(r"\bAuthorization:\s*(?P<word>[A-Z][A-Z0-9-]+)\s+(?P<rest>[^\s`]+)")
URL_SIGNATURE = re.compile(r"[?&]AccessKeyId=[^&\s]+&Expires=[^&\s]+&Signature=", re.I)


def security_schemes(texts: list[str]) -> dict[str, dict[str, Any]]:
    """The schemes the docs' texts (`texts_of`) describe; the gateway's pair where they show
    no other."""
    formats = Counter(
        (match["word"], match["rest"]) for text in texts for match in HEADER_FORMAT.finditer(text)
    )
    words = Counter(word for word, _rest in formats.elements())
    signed_urls = any(URL_SIGNATURE.search(text) for text in texts)
    if not words or words.most_common(1)[0][0] == DEFAULT_SIGNATURE:
        return dict(DEFAULT_SCHEMES)
    word = words.most_common(1)[0][0]
    shown = min(  # the format line ("AccessKeyID:Signature") before a sample's real-looking key
        (rest for w, rest in formats if w == word),
        key=lambda r: (sum(c.isdigit() for c in r), -formats[word, r], r),
    )
    schemes: dict[str, dict[str, Any]] = {}
    if any("X-Auth-Token" in text for text in texts):
        schemes["token"] = TOKEN
    schemes["aksk"] = {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": (
            f"AK/SK request signing as the docs describe it: `Authorization: {word} {shown}`; "
            "see the service's authentication pages for how the signature is computed."
        ),
        SIGNATURE_KEY: word,
    }
    if signed_urls:
        schemes["aksk-url"] = {
            "type": "apiKey",
            "in": "query",
            "name": "AccessKeyId",
            "description": (
                "AK/SK signing in the URL, as the docs describe it: `AccessKeyId`, `Expires` "
                "and `Signature` query parameters."
            ),
        }
    return schemes
