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
# RFC 9110, section 15: what a class of codes (OpenAPI's range key "2XX") means
CLASS_PHRASES = {"1": "Informational", "2": "Successful", "3": "Redirection",
                 "4": "Client error", "5": "Server error"}  # fmt: skip


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
    message = _start(lines[0]) if lines else None
    if message is None:
        return None
    rest = lines[1:]
    body = "\n".join(rest[_read_head(message, rest) :]).strip()
    if body and PLACEHOLDER_LINE.match(body):
        message.body_placeholder, body = body, ""
    message.body = body
    return message


def _start(line: str) -> HttpMessage | None:
    """A request (`PUT /?acl HTTP/1.1`) or a response (`HTTP/1.1 200 OK`); None if neither."""
    if (request := REQUEST_LINE.match(line)) is not None:
        return HttpMessage(method=request.group(1).upper(), target=request.group(2))
    if (status := STATUS_LINE.match(line)) is not None:
        return HttpMessage(status=status.group(1))
    return None


def _read_head(message: HttpMessage, rest: list[str]) -> int:
    """Reads the lines after the start line into `message` up to the body; where it starts.

    A blank line ends the headers only when a non-header line follows it: the docs put blank
    lines between headers too.
    """
    index = 0
    while index < len(rest):
        if not rest[index].strip():
            index += 1
            if message.headers and index < len(rest) and not HEADER_LINE.match(rest[index]):
                break  # the blank line that ends the headers
            continue
        if not _take_head_line(message, rest[index]):
            break
        index += 1
    return index


def _take_head_line(message: HttpMessage, line: str) -> bool:
    """A header, or a placeholder line (`<Optional Additional Header>`, `<object Content>`),
    into `message`; False for the body's first line."""
    if line.lstrip().startswith(("<", "{")):
        if not PLACEHOLDER_LINE.match(line):
            return False
        if "header" not in line.lower():  # "<Optional Additional Header>" stands for headers
            message.body_placeholder = line.strip()
        return True
    header = HEADER_LINE.match(line)
    if header is None:
        return False
    message.headers.append((header.group(1), header.group(2).strip()))
    return True


def reason_phrase(status: str, unknown: str | None = None) -> str:
    """The standard reason phrase ("Accepted") for a status code the docs give no words for,
    the class's for a range key ("2XX"); `unknown` (default "Status <code>") for a code HTTP
    does not define."""
    if re.fullmatch(r"[1-5]XX", status):
        return f"{CLASS_PHRASES[status[0]]} (any {status[0]}xx status)"
    try:
        return HTTPStatus(int(status)).phrase
    except ValueError:
        return unknown if unknown is not None else f"Status {status}"
