"""Method + path pairs ("GET /v2/{project_id}/jobs?limit={limit}") as pages write them, in
URI sections and in example request lines alike."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import unquote

from doc2openapi.scraper.interpret.schemas import SchemaBuilder
from doc2openapi.scraper.interpret.sections import RoledSection
from doc2openapi.scraper.interpret.templates import TEMPLATE_VAR, distinct_names, instantiates
from doc2openapi.scraper.page import CodeBlock, Paragraph

METHODS = "GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS"
HOST = r"https?://(?:\{[^{}/\n]*\}|[^/\s])*+"  # "https://{Cloud Eye endpoint}": a placeholder
ENDPOINT = re.compile(rf"(?<![A-Za-z])({METHODS})\s+({HOST})?(/\S*)", re.I)
QUERY_TEMPLATE = re.compile(r"\{[?&]([^{}]*)\}")  # RFC 6570: /x{?limit,marker}
ANGLE_VARIABLE = re.compile(r"<([A-Za-z_][\w-]*)>")
WELL_FORMED_PATH = re.compile(r"^/(?:[^{}\s?#]|\{[^{}/\s]+\})*$")
BODYLESS_METHODS = frozenset({"GET", "HEAD", "DELETE"})  # a body is allowed, never expected


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str
    query: tuple[str, ...]
    query_values: tuple[tuple[str, str], ...] = ()
    absolute: bool = field(default=False, compare=False)  # written with its host: a request line
    # `page_no={pageNo}`: the key and the placeholder a parameter row may be named by
    placeholders: tuple[tuple[str, str], ...] = field(default=(), compare=False)


def find_endpoints(text: str) -> list[Endpoint]:
    """Method + path pairs, e.g. "GET /v2/{project_id}/jobs?limit={limit}" or "{?limit}"."""
    found: list[Endpoint] = []
    for match in ENDPOINT.finditer(text):
        absolute = match.group(2) is not None  # written with its host: a request line
        endpoint = _endpoint(match.group(1).upper(), match.group(3).rstrip(".,;:)"), absolute)
        if endpoint is not None and endpoint not in found:
            found.append(endpoint)
    return found


def _endpoint(method: str, raw: str, absolute: bool) -> Endpoint | None:
    """The endpoint `raw` (a path with its query) names, unless its path is malformed."""
    raw = ANGLE_VARIABLE.sub(r"{\1}", raw)  # "/clusters/<cluster_id>" is a template too
    query = [n.strip() for t in QUERY_TEMPLATE.findall(raw) for n in t.split(",")]
    raw = QUERY_TEMPLATE.sub("", raw)
    path, _, query_string = raw.partition("?")
    path = path.split("#", 1)[0]
    if len(path) > 1:
        path = path.rstrip("/")
    if not WELL_FORMED_PATH.match(path):
        return None
    pairs = [unquote(q.lstrip("?")).split("=", 1) for q in query_string.split("&") if q]
    query += [p[0] for p in pairs]  # "??role=2" is the key role
    values, named = _query_values(pairs)
    return Endpoint(method, path, tuple(n for n in query if n), values, absolute, named)


Pairs = tuple[tuple[str, str], ...]


def _query_values(pairs: list[list[str]]) -> tuple[Pairs, Pairs]:
    """(key, fixed value) pairs (`?action=start`) and (key, placeholder) pairs
    (`page_no={pageNo}`)."""
    given = [(p[0], p[1]) for p in pairs if len(p) == 2 and p[1]]
    values = tuple((k, v) for k, v in given if "{" not in v)
    named = tuple((k, v.strip("{}")) for k, v in given if v[:1] == "{")
    return values, named


# A paragraph that is a labelled request line and nothing else: "Request URL: GET
# https://{endpoint}/v1/widgets". A bare line is how examples and walkthroughs show a call.
REQUEST_LINE = re.compile(
    rf"^\s*(?:request\s+)?(?:url|uri|line|endpoint)\s*[:：]\s*"
    rf"(?:{METHODS})\s+(?:{HOST})?/\S*\s*$",
    re.I,
)
# The two halves of a request line on lines of their own: "HTTP Method: DELETE", "Path: /v1/x"
METHOD_LINE = re.compile(rf"^\s*(?:HTTP\s+|Request\s+)?Method\s*[:：]\s*({METHODS})\s*$", re.I)
PATH_LINE = re.compile(
    rf"^\s*(?:Request\s+)?(?:Path|URI|URL|Resource)\s*[:：]\s*((?:{HOST})?/\S*)\s*$", re.I
)


def request_line_endpoints(sections: list[RoledSection]) -> list[Endpoint]:
    """On a page with no URI section, the endpoints of the first Request section's labelled
    request lines ("Request URL: GET https://..."), each a paragraph of its own; not what
    its prose mentions ("to query it, call GET /v1/jobs/{id}"), and never an example's or a
    walkthrough step's request line."""
    for roled in (s for s in sections if s.role == "request"):
        paragraphs = [b.body.text for b in roled.section.blocks if isinstance(b, Paragraph)]
        if lines := [text for text in paragraphs if REQUEST_LINE.match(text)]:
            return find_endpoints("\n".join(lines))
    return []


BARE_LINE = re.compile(rf"^\s*(?:{METHODS})\s+(?:{HOST})?/\S*\s*$")  # "DELETE /v1/x/{id}"
BODY_ROLES = ("request", "response", "status")


def with_request_line_section(sections: list[RoledSection]) -> list[RoledSection]:
    """On a page with no URI section but a request, response or status section, the first
    section of no role whose text is a bare request line ("DELETE /v1/widgets/{id}" under
    "Endpoint"), or its two halves ("Method: PUT", "URI: /v1/x"), is the URI section; a
    Function section holding one (its "URI" no heading) is both."""
    if any(s.role == "uri" for s in sections) or not any(s.role in BODY_ROLES for s in sections):
        return sections
    for number, roled in enumerate(sections):
        if roled.role not in ("other", "function") or roled.section.level == 0:
            continue
        texts = [_text(block) for block in roled.section.blocks]
        if any(BARE_LINE.match(text) for text in texts) or _joined_halves(texts):
            kept = [_words_before_line(roled, texts)] if roled.role == "function" else []
            uri = RoledSection("uri", roled.section)
            return [*sections[:number], *kept, uri, *sections[number + 1 :]]
    return sections


def _words_before_line(roled: RoledSection, texts: list[str]) -> RoledSection:
    """A function section's blocks before its request line and the label over it ("URI"):
    its words, which still describe the operation."""
    at = next((i for i, text in enumerate(texts) if _states_line(text)), len(texts))
    if at and len(texts[at - 1].split()) <= 3 and not texts[at - 1].rstrip().endswith("."):
        at -= 1  # "URI" written as a paragraph, not a heading
    return RoledSection(roled.role, replace(roled.section, blocks=roled.section.blocks[:at]))


def _states_line(text: str) -> bool:
    """A bare request line, or a line of one of its halves ("Method: PUT", "URI: /v1/x")."""
    halves = (METHOD_LINE.match(line) or PATH_LINE.match(line) for line in text.splitlines())
    return bool(BARE_LINE.match(text)) or any(halves)


def uri_endpoints(uri_sections: list[RoledSection]) -> list[Endpoint]:
    """The endpoints the URI sections' paragraphs and code blocks name, each once. A request
    line there ("GET https://{endpoint}/v1/alarms/al-1?limit=2", an example under the URI)
    that fills in an endpoint's template is that endpoint's example, not another endpoint."""
    found: list[Endpoint] = []
    for roled in uri_sections:
        texts = [_text(block) for block in roled.section.blocks]
        named = [endpoint for text in texts for endpoint in find_endpoints(text)]
        for endpoint in named or find_endpoints(_joined_halves(texts)):
            if endpoint not in found:
                found.append(endpoint)
    return [e for e in found if not any(_example_of(e, other) for other in found)]


def _text(block: object) -> str:
    if isinstance(block, Paragraph):
        return block.body.text
    return block.text if isinstance(block, CodeBlock) else ""


def _joined_halves(texts: list[str]) -> str:
    """ "HTTP Method: DELETE" and "Path: /v1/x", each on a line of its own: one request line."""
    lines = [line for text in texts for line in text.splitlines()]
    methods = [m.group(1) for line in lines if (m := METHOD_LINE.match(line))]
    paths = [m.group(1) for line in lines if (m := PATH_LINE.match(line))]
    return f"{methods[0]} {paths[0]}" if len(methods) == 1 and len(paths) == 1 else ""


def _example_of(line: Endpoint, endpoint: Endpoint) -> bool:
    """A request line written with its host that fills in the endpoint's template (fewer
    variables, or the same path with query values where the template has none)."""
    if not line.absolute or line == endpoint or line.method != endpoint.method:
        return False
    own, theirs = len(TEMPLATE_VAR.findall(line.path)), len(TEMPLATE_VAR.findall(endpoint.path))
    filled = own < theirs or (line.path == endpoint.path and bool(line.query_values))
    return filled and not endpoint.query_values and instantiates(line.path, endpoint.path)


def distinct_template_names(
    endpoints: list[Endpoint], builder: SchemaBuilder
) -> tuple[list[Endpoint], dict[str, str]]:
    """Each path with distinct variable names (see `distinct_names`), reported."""
    repeats: dict[str, str] = {}
    out: list[Endpoint] = []
    for endpoint in endpoints:
        path, renamed = distinct_names(endpoint.path)
        if renamed:
            repeats.update(renamed)
            builder.diagnose(
                "repeated-path-parameter",
                f"{endpoint.path} names a path variable twice; the repeat is {path}",
            )
        out.append(replace(endpoint, path=path, absolute=False))
    return out, repeats


def bodyless(endpoints: list[Endpoint]) -> bool:
    return all(e.method in BODYLESS_METHODS for e in endpoints)
