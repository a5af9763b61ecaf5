"""Read a raw HTTP message shown in the docs ("PUT /?acl HTTP/1.1", headers, a body).

S3-style references show each request as it goes on the wire, in a code block, instead of a
URI section; their samples are whole requests and responses too. This module only splits such
a block into its parts; what the parts mean is the caller's business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from http import HTTPStatus

REQUEST_LINE = re.compile(
    r"^\s*(GET|PUT|POST|DELETE|HEAD|OPTIONS|PATCH)\s+(/\S*)\s+HTTP/\d(?:\.\d)?\s*$", re.I
)
STATUS_LINE = re.compile(r"^\s*HTTP/\d(?:\.\d)?\s+(\S+)(?:\s+(.*))?$", re.I)
HEADER_LINE = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9_-]*)\s*:\s?(.*)$")
PLACEHOLDER_LINE = re.compile(r"^\s*<[^<>/=\"]*\s[^<>/=\"]*>\s*$")  # "<Optional Additional Header>"


@dataclass
class HttpMessage:
    """One request or response as a code block shows it."""

    method: str = ""  # requests only
    target: str = ""  # "/ObjectName?acl"
    status: str = ""  # responses only: "200", or "status_code" in a syntax block
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: str = ""
    body_placeholder: str = ""  # "<object Content>": the body is the object's bytes

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]

    @property
    def query(self) -> list[tuple[str, str | None]]:
        """The query keys in order, with their written value (None: a bare `?acl`)."""
        _, _, query = self.target.partition("?")
        out: list[tuple[str, str | None]] = []
        for part in query.split("&"):
            if not part:
                continue
            key, eq, value = part.partition("=")
            out.append((key, value if eq else None))
        return out


def parse_message(text: str) -> HttpMessage | None:
    """The message a block shows, or None when its first line is no request or status line."""
    lines = text.strip("\n").splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return None
    message = HttpMessage()
    if (request := REQUEST_LINE.match(lines[0])) is not None:
        message.method, message.target = request.group(1).upper(), request.group(2)
    elif (status := STATUS_LINE.match(lines[0])) is not None:
        message.status = status.group(1)
    else:
        return None
    rest = lines[1:]
    index = 0
    while index < len(rest):
        line = rest[index]
        if not line.strip():
            index += 1
            if message.headers and index < len(rest) and not HEADER_LINE.match(rest[index]):
                break  # the blank line that ends the headers
            continue
        if line.lstrip().startswith("<") or line.lstrip().startswith("{"):
            if PLACEHOLDER_LINE.match(line):
                if "header" in line.lower():  # "<Optional Additional Header>"
                    index += 1
                    continue
                message.body_placeholder = line.strip()
                index += 1
                continue
            break
        header = HEADER_LINE.match(line)
        if header is None:
            break
        message.headers.append((header.group(1), header.group(2).strip()))
        index += 1
    body = "\n".join(rest[index:]).strip()
    if body and PLACEHOLDER_LINE.match(body):
        message.body_placeholder, body = body, ""
    message.body = body
    return message


def reason_phrase(status: str, unknown: str | None = None) -> str:
    """The standard reason phrase ("Accepted") for a status code the docs give no words for;
    `unknown` (default "Status <code>") for a code HTTP does not define."""
    try:
        return HTTPStatus(int(status)).phrase
    except ValueError:
        return unknown if unknown is not None else f"Status {status}"
