"""A request example given as a curl command: the request line and body it sends, so the
example is read like one written as "POST https://.../jobs" over its JSON."""

from __future__ import annotations

import re
import shlex

CURL = re.compile(r"^\s*curl\s", re.I)
DATA_OPTIONS = frozenset({"-d", "--data", "--data-raw", "--data-binary", "--json"})
METHOD_OPTIONS = frozenset({"-X", "--request"})
VALUE_OPTIONS = frozenset({"-H", "--header", "-u", "--user", "-o", "--output", "-A"})


def as_http(text: str) -> str | None:
    """ "curl -X POST 'https://h/v1/jobs?x=1' -H ... -d '{...}'" -> "POST https://h/v1/jobs?x=1"
    then the body; None for a block that is no curl command (or one shlex cannot split)."""
    if not CURL.match(text):
        return None
    try:
        words = shlex.split(text.replace("\\\n", " "), comments=False, posix=True)
    except ValueError:
        return None
    method, url, body = "", "", ""
    index = 1
    while index < len(words):
        word = words[index]
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in METHOD_OPTIONS:
            method, index = following.upper(), index + 2
        elif word in DATA_OPTIONS:
            body, index = following, index + 2
        elif word in VALUE_OPTIONS:
            index += 2
        else:
            if not word.startswith("-") and not url:
                url = word
            index += 1
    if not url:
        return None
    method = method or ("POST" if body else "GET")
    return f"{method} {url}\n\n{body}" if body else f"{method} {url}"
