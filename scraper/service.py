"""Service-wide facts from the docs: name, version, topic tree (for tags)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from doc2openapi.scraper.model import UNNAMED_KEY, Schema
from doc2openapi.scraper.page import CodeBlock, Page, texts_of
from doc2openapi.scraper.security import security_schemes
from doc2openapi.scraper.spec import ServiceInfo
from doc2openapi.scraper.topics import TopicTree

HOST_TEMPLATE = re.compile(r"\{?([\w-]+)\}?\.\{?(region[\w-]*)\}?\.\{?([\w.-]*\w)\}?", re.I)
REGION_ID = re.compile(r"\b(?:eu|ap|cn|la|af|sa|na|me|tr|us)-[a-z]+(?:-\d+)?\b")
# A real host the docs name in an example: "https://kms.eu-de.otc.t-systems.com/v1.0/..."
CONCRETE_HOST = re.compile(
    r"https?://([a-z][a-z0-9-]*)\.((?:eu|ap|cn|la|af|sa|na|me|tr|us)-[a-z]+(?:-\d+)?)\."
    r"((?:[a-z0-9-]+\.)+[a-z]{2,})(?=[/:\s]|$)"
)
DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
RELEASE_HEADER = re.compile(r"^(released on|release date|date)$", re.I)


def product_name(code: str, texts: list[str]) -> str:
    """The spelling the docs use for the product code ("modelarts" -> "ModelArts")."""
    if not code:
        return ""
    pattern = re.compile(rf"\b{re.escape(code)}\b", re.I)
    spellings = Counter(m.group(0) for text in texts for m in pattern.finditer(text))
    written = Counter({s: n for s, n in spellings.items() if s != s.lower()})  # not a path
    return (written or spellings).most_common(1)[0][0] if spellings else code


def release_version(pages: list[Page]) -> str | None:
    """The newest date in a change-history table ("Released On"), used as info.version."""
    dates: list[str] = []
    for page in pages:
        for table in page.tables():
            if table.header and RELEASE_HEADER.match(table.header[0]):
                for row in table.rows:
                    match = DATE.match(row[0].text)
                    if match:
                        dates.append("-".join(match.groups()))
    return max(dates) if dates else None


def servers(product: str, texts: list[str]) -> list[dict[str, Any]]:
    """The endpoint pattern the docs give ("{service_name}.{region_id}.{external_domain_name}",
    "compute.region.xxx.com"), with the region ids and the cloud domain they name. A part the
    docs never name keeps its variable's name as default, marked `x-doc-unnamed`, so clients
    ask for it instead of calling an invented host."""
    regions = Counter(m for text in texts for m in REGION_ID.findall(text))
    service_default = product.lower() or "api"
    for text in texts:
        match = HOST_TEMPLATE.search(text)
        if match:
            if f"{{{match.group(1)}}}" not in match.group(0):
                service_default = match.group(1)  # a literal host name: "compute.region.x"
            break
    hosts = Counter(m for text in texts for m in CONCRETE_HOST.findall(text))
    domain: dict[str, Any] = {"description": "The cloud's domain name (see the Endpoints page)."}
    if hosts:  # real hosts (this service's first, else e.g. IAM's) name the cloud's domain
        ranked_hosts = sorted(hosts, key=lambda h: (h[0] != service_default, -hosts[h], h))
        domain["default"] = ranked_hosts[0][2]
        for service, host_region, _domain in hosts:
            if service == service_default:
                regions[host_region] += 1000  # a region of a real host outranks a mention
    region: dict[str, Any] = {"description": "Region ID, e.g. as listed in the Endpoints page."}
    if regions:
        ranked = sorted(regions, key=lambda r: (-regions[r], r))
        region["default"] = ranked[0]
        region["enum"] = sorted(regions)
    variables = {
        "service_name": {"default": service_default},
        "region": region,
        "external_domain_name": domain,
    }
    for name, variable in variables.items():
        if "default" not in variable:
            variable["default"] = name
            variable["description"] += " The docs name none: give it (or the client a base URL)."
            variable[UNNAMED_KEY] = True
    return [
        {"url": "https://{service_name}.{region}.{external_domain_name}", "variables": variables}
    ]


def unnamed_endpoint_parts(info_servers: list[dict[str, Any]]) -> list[str]:
    """The server variables the docs give no value for (see `servers`)."""
    return [
        name
        for server in info_servers
        for name, variable in server.get("variables", {}).items()
        if variable.get(UNNAMED_KEY)
    ]


ERROR_SHAPES: list[tuple[tuple[str, ...], Schema]] = [
    (
        ('"error_code"', '"error_msg"'),
        {
            "type": "object",
            "description": "The error body the service's error examples show.",
            "properties": {"error_code": {"type": "string"}, "error_msg": {"type": "string"}},
        },
    ),
    (
        ('"error"', '"code"', '"message"'),
        {
            "type": "object",
            "description": "The error body the service's error examples show.",
            "properties": {
                "error": {
                    "type": "object",
                    "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
                }
            },
        },
    ),
]


def error_schema(pages: list[Page]) -> Schema | None:
    """The error body shape the docs' own examples use most, if any."""
    blocks = [
        b.text for p in pages for section in p.sections for b in section.blocks
        if isinstance(b, CodeBlock)
    ]  # fmt: skip
    counts = [sum(1 for b in blocks if all(k in b for k in keys)) for keys, _ in ERROR_SHAPES]
    best = max(range(len(counts)), key=lambda i: counts[i])
    return ERROR_SHAPES[best][1] if counts[best] else None


REFERENCE_TITLE = re.compile(r"^(?P<name>.+?)\s*[-–—:]?\s*API\s+Reference$", re.I)


def reference_name(pages: list[Page]) -> str | None:
    """The service as the reference's own top page names it ("Elastic Cloud Server - API
    Reference" -> "Elastic Cloud Server"): the page nearest the root with such a title."""
    found = [
        (page.source.count("/"), page.source, match.group("name"))
        for page in pages
        if (match := REFERENCE_TITLE.match(page.title.strip()))
    ]
    return min(found)[2].strip() if found else None


def service_info(name: str, topics: TopicTree, pages: list[Page]) -> ServiceInfo:
    product = (
        reference_name(pages) or product_name(topics.product or name, topics.descriptions) or name
    )
    info = ServiceInfo(
        title=f"{product} API",
        version=release_version(pages) or "0.0.0",
        description=f"Generated by doc2openapi from the {product} API reference.",
    )
    texts = texts_of(pages)  # read once for both: hosts and regions, signature formats
    info.servers = servers(topics.product or name, texts)
    info.error_schema = error_schema(pages)
    info.security_schemes = security_schemes(texts)
    return info
