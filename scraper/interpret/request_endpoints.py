"""The endpoints of an S3-style page and the bodies its code blocks give each of them.

Every request syntax block (`PUT /ObjectName?acl HTTP/1.1`, `Host: bucketname...`) is one
endpoint. The bucket is in the host name (virtual-hosted style): it becomes a server variable
of the operation's `servers`; the object key is the path. The query keys written bare (`?acl`)
or with a literal value (`?list-type=2`) select a sub-resource: they are the operation's
`subresource` key (see scraper/subresources.py), and required query parameters with that one
value. Keys written with a placeholder (`?uploadId=uploadID`) are ordinary query parameters.
The page's other code blocks (response syntax, samples, bodies shown alone) then go to the
endpoint they belong to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from doc2openapi.scraper.interpret.http_message import HttpMessage, parse_message
from doc2openapi.scraper.interpret.sections import RoledSection
from doc2openapi.scraper.model import UNNAMED_KEY
from doc2openapi.scraper.page import CodeBlock

SYNTAX_TITLE = re.compile(r"\bsyntax\b", re.I)
NAMED_HOST_LABEL = re.compile(r"^(?P<word>[a-z]+?)-?name$", re.I)  # "bucketname" -> bucket
HOST_VARIABLES = {"region"}
# Domains the docs write where the cloud's own belongs: RFC 2606's reserved names, "xxx.com".
PLACEHOLDER_DOMAIN = re.compile(
    r"^(?:.*\.)?(?:example\.(?:com|net|org)|[^.]+\.example|x{3,}\.\w+)$"
)
DOMAIN_VARIABLE = "external_domain_name"
LITERAL_VALUE = re.compile(r"^\d+$")  # ?list-type=2: a value written as a literal
SAMPLE_ROLES = ("example-request", "examples")
SAMPLE_RESPONSE_ROLES = ("example-response", "examples")


@dataclass
class SyntaxEndpoint:
    """One request syntax block: the operation it documents and what the page shows of it."""

    message: HttpMessage
    path: str
    server: dict[str, object] | None
    markers: list[tuple[str, str]]  # (key, value: "" for a bare key)
    placeholders: list[str]  # query keys written with a placeholder value
    request_xml: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)
    response_xml: list[tuple[str, str]] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    response_placeholder: bool = False

    def roots(self) -> set[str]:
        """The root element names of the sample responses given to this endpoint."""
        return {xml_root(text) for _, text in self.response_xml} - {""}

    def take_request(self, message: HttpMessage, kind: str) -> None:
        if message.body:
            self.request_xml.append((kind, message.body))

    def take_response(self, message: HttpMessage, kind: str) -> None:
        """A response body ("syntax" ones go first), or the mark of a placeholder body."""
        if message.body:
            at = 0 if kind == "syntax" else len(self.response_xml)
            self.response_xml.insert(at, (kind, message.body))
        elif message.body_placeholder:
            self.response_placeholder = True


def xml_root(text: str) -> str:
    """The root element's name of an XML text ("" when it is not one)."""
    found = re.search(r"<([A-Za-z_][\w.-]*)[\s>/]", re.sub(r"<\?[^>]*\?>", "", text))
    return found.group(1) if found else ""


def _messages(roled: RoledSection) -> Iterator[HttpMessage]:
    """The messages a section's code blocks show; a bare XML block is a message's body."""
    for block in roled.section.blocks:
        if not isinstance(block, CodeBlock):
            continue
        message = parse_message(block.text)
        if message is None and block.text.lstrip().startswith("<"):
            message = HttpMessage(body=block.text.strip())  # a body shown alone
        if message is not None:
            yield message


def syntax_blocks(sections: list[RoledSection]) -> list[HttpMessage]:
    """The request syntax messages: request-line code blocks outside example sections."""
    return [
        m for roled in sections if roled.role == "request" for m in _messages(roled) if m.method
    ]


def has_syntax_section(sections: list[RoledSection]) -> bool:
    """A "Request Syntax" heading with a code block under it, whatever the block holds."""
    return any(
        roled.role == "request"
        and SYNTAX_TITLE.search(roled.section.title)
        and any(isinstance(b, CodeBlock) for b in roled.section.blocks)
        for roled in sections
    )


def server_of(host: str | None) -> dict[str, object] | None:
    """The server a Host line stands for: placeholder labels become variables.

    `bucketname.obs.region.example.com` ->
    `https://{bucket}.obs.{region}.{external_domain_name}`: a placeholder domain is the
    cloud's, which the service's own endpoint names where the docs give it.
    """
    if not host:
        return None
    labels: list[str] = []
    variables: dict[str, dict[str, Any]] = {}
    parts = host.strip().lower().split(".")
    for position, label in enumerate(parts):
        rest = ".".join(parts[position:])
        if "region" in variables and PLACEHOLDER_DOMAIN.match(rest):
            labels.append("{" + DOMAIN_VARIABLE + "}")  # the cloud's domain, not "example.com"
            variables[DOMAIN_VARIABLE] = {
                "default": DOMAIN_VARIABLE,
                "description": f"The cloud's domain name ({rest} in the docs).",
                UNNAMED_KEY: True,
            }
            break
        named = NAMED_HOST_LABEL.match(label)
        if named is not None and named.group("word") not in ("host", "domain"):
            name = named.group("word")
        elif label in HOST_VARIABLES:
            name = label
        else:
            labels.append(label)
            continue
        labels.append("{" + name + "}")
        variables[name] = {"default": name, "description": f"The {name} ({label} in the docs)."}
    url = "https://" + ".".join(labels)
    return {"url": url, "variables": variables} if variables else {"url": url}


def path_of(path: str) -> str:
    """`/` stays; one key segment (`/ObjectName`) is the object key `/{object}`."""
    segments = [s for s in path.split("/") if s]
    if not segments:
        return "/"
    if len(segments) == 1:
        return "/{object}"
    return "/" + "/".join(segments)


def endpoint_of(message: HttpMessage) -> SyntaxEndpoint:
    """The endpoint a syntax block declares: `?acl` and `?list-type=2` select a sub-resource,
    `?uploadId=uploadID` is an ordinary query parameter."""
    markers: list[tuple[str, str]] = []
    placeholders: list[str] = []
    for key, value in message.query:
        if value is None or LITERAL_VALUE.match(value):
            markers.append((key, value or ""))
        else:
            placeholders.append(key)
    return SyntaxEndpoint(
        message, path_of(message.path), server_of(message.header("Host")), markers, placeholders
    )


def _matches(endpoint: SyntaxEndpoint, sample: HttpMessage) -> int:
    """How well a sample request fits an endpoint (-1: not at all)."""
    if sample.method != endpoint.message.method:
        return -1
    keys = {k for k, _ in sample.query}
    wanted = {k for k, _ in endpoint.markers}
    if not wanted <= keys:
        return -1
    if path_of(sample.path) != endpoint.path:
        return 0
    return 1 + len(wanted)


def _best_match(endpoints: list[SyntaxEndpoint], sample: HttpMessage) -> SyntaxEndpoint | None:
    """The endpoint a sample request fits best; None when it fits none."""
    scores = [_matches(e, sample) for e in endpoints]
    best = max(scores)
    return endpoints[scores.index(best)] if best >= 0 else None


@dataclass
class _BodyCollector:
    """Walks the page's messages in order: a sample response belongs to the endpoint of the
    request shown last before it; response syntax waits until every sample is placed."""

    endpoints: list[SyntaxEndpoint]
    current: SyntaxEndpoint | None = None
    syntax_count: int = 0
    syntax_responses: list[HttpMessage] = field(default_factory=list)

    def take(self, role: str, message: HttpMessage) -> None:
        if message.method:
            self._take_request(role, message)
        elif role == "response":
            self.syntax_responses.append(message)
        elif role in SAMPLE_RESPONSE_ROLES:
            self._take_sample_response(message)

    def _take_request(self, role: str, message: HttpMessage) -> None:
        if role == "request":
            self.current = self.endpoints[min(self.syntax_count, len(self.endpoints) - 1)]
            self.syntax_count += 1
            self.current.take_request(message, "syntax")
        elif role in SAMPLE_ROLES:
            self.current = _best_match(self.endpoints, message)
            if self.current is not None:
                self.current.take_request(message, "sample")

    def _take_sample_response(self, message: HttpMessage) -> None:
        target = self.current or self.endpoints[0]
        if message.status.isdigit():
            target.statuses.append(message.status)
        if message.status[:1].isdigit() and message.status[:1] != "2":
            return  # an error sample (412 <Error>) is no success body
        target.take_response(message, "sample")

    def place_syntax_responses(self) -> None:
        """Each to the endpoint whose samples show its root element (else the first)."""
        for message in self.syntax_responses:
            root = xml_root(message.body)
            found = next((e for e in self.endpoints if root in e.roots()), None)
            (found or self.endpoints[0]).take_response(message, "syntax")


def collect_bodies(sections: list[RoledSection], endpoints: list[SyntaxEndpoint]) -> None:
    """Syntax and sample bodies, each given to the endpoint it belongs to."""
    collector = _BodyCollector(endpoints)
    for roled in sections:
        for message in _messages(roled):
            collector.take(roled.role, message)
    collector.place_syntax_responses()
