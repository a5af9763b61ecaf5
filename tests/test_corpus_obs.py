"""OBS, the S3-style reference: every page an operation or a named diagnostic, and ten
operations across the reference checked against their own pages' tables and samples."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate
from werkzeug.test import Client

from doc2openapi.contract import subresources
from doc2openapi.contract.mock import MockAPI
from doc2openapi.scraper.interpret.http_message import parse_message
from doc2openapi.scraper.interpret.sections import assign_roles
from doc2openapi.scraper.interpret.xml_bodies import NotXml, xml_value
from doc2openapi.scraper.page import CodeBlock, Page, Table
from doc2openapi.scraper.pipeline import ScrapeResult, scrape
from doc2openapi.scraper.readers import read_document

CHECKED = {
    "advanced_bucket_settings/obtaining_bucket_acl_information.rst": ("get", "/"),
    "advanced_bucket_settings/configuring_a_bucket_acl.rst": ("put", "/"),
    "advanced_bucket_settings/configuring_bucket_lifecycle_rules.rst": ("put", "/"),
    "operations_on_objects/uploading_an_object_put.rst": ("put", "/{object}"),
    "operations_on_objects/downloading_an_object.rst": ("get", "/{object}"),
    "operations_on_objects/querying_object_metadata.rst": ("head", "/{object}"),
    "operations_on_multipart_upload/initiating_a_multipart_upload.rst": ("post", "/{object}"),
    "operations_on_multipart_upload/uploading_parts.rst": ("put", "/{object}"),
    "operations_on_multipart_upload/completing_a_multipart_upload.rst": ("post", "/{object}"),
    "operations_on_buckets/listing_objects_in_a_bucket.rst": ("get", "/"),
}
WIRE = {"host", "date", "authorization", "content-length", "content-type", "accept"}


@pytest.fixture(scope="module")
def obs(corpus: Path) -> ScrapeResult:
    return scrape([corpus / "otc-rst" / "obs"], service="obs", provenance=True)


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for methods in spec["paths"].values():
        for top in methods.values():
            out += [top, *top.get("x-subresources", [])]
    return out


def page_operations(
    spec: dict[str, Any], method: str, path: str, source: str
) -> list[dict[str, Any]]:
    """The operations a page documents (a neutral "One of" head stands for no page)."""
    top = spec["paths"][path][method]
    found = [
        o
        for o in [top, *top.get("x-subresources", [])]
        if o["x-doc-source"]["file"] == source and not o.get("summary", "").startswith("One of")
    ]
    assert found, f"{source}: no operation on {method.upper()} {path}"
    return found


def tables(page: Page, role: str, word: str) -> list[Table]:
    return [
        block
        for roled in assign_roles(page)
        if roled.role == role and word in roled.section.title.lower()
        for block in roled.section.blocks
        if isinstance(block, Table)
    ]


def names(table: Table) -> set[str]:
    out = set()
    for row in table.rows:
        cell = "".join(line.strip() for line in row[0].text.strip().splitlines()[:2])
        first = row[0].text.strip().splitlines()[0].strip() if row[0].text.strip() else ""
        out.add(cell if first.endswith("-") else first)
    return {n for n in out if n and "*" not in n and n.lower() not in WIRE}


def element_names(spec: dict[str, Any], schema: dict[str, Any], seen: set[str]) -> set[str]:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return (
            set()
            if name in seen
            else element_names(spec, spec["components"]["schemas"][name], seen | {name})
        )
    out: set[str] = set()
    for option in schema.get("anyOf", []) + schema.get("oneOf", []):
        out |= element_names(spec, option, seen)
    if "xml" in schema and "name" in schema["xml"]:
        out.add(schema["xml"]["name"])
    for key, prop in schema.get("properties", {}).items():
        out |= {key} | element_names(spec, prop, seen)
    if "items" in schema:
        out |= element_names(spec, schema["items"], seen)
    return out


def samples(page: Page) -> list[tuple[str, str]]:
    """(role, XML body) of every sample block of the page."""
    out: list[tuple[str, str]] = []
    for roled in assign_roles(page):
        if roled.role not in ("example-request", "example-response"):
            continue
        for block in roled.section.blocks:
            if isinstance(block, CodeBlock):
                message = parse_message(block.text)
                if message is None or message.status[:1] not in ("", "2"):
                    continue  # an error sample (412 <Error>) documents no success body
                if message.body.lstrip().startswith("<"):
                    out.append((roled.role, message.body))
    return out


def test_an_error_sample_is_no_success_body(obs: ScrapeResult) -> None:
    """Downloading an object shows a 412 <Error> sample; the 200 body is the object's bytes."""
    download = obs.spec["paths"]["/{object}"]["get"]
    assert download["operationId"] == "DownloadObject"
    content = download["responses"]["200"]["content"]
    binary = {"type": "string", "format": "binary"}
    assert content == {"application/octet-stream": {"schema": binary}}


def test_obs_is_a_valid_spec_with_every_operation(obs: ScrapeResult) -> None:
    validate(obs.spec)  # openapi-spec-validator
    ids = [o["operationId"] for o in operations(obs.spec)]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 0.95 * 78
    for op in operations(obs.spec):
        assert op["responses"], op["operationId"]


def test_every_page_is_an_operation_or_has_a_diagnostic(obs: ScrapeResult, corpus: Path) -> None:
    """A page with a Request Syntax block is an operation or diagnosed; any other page is
    not-an-operation (an overview) or diagnosed: nothing is lost in silence."""
    diagnosed = {d.file for d in obs.diagnostics}
    with_syntax = 0
    for entry in obs.report.files:
        text = (corpus / "otc-rst" / "obs" / entry.file).read_text(encoding="utf-8")
        if "Request Syntax" in text:
            with_syntax += 1
            assert entry.status == "operations" or entry.file in diagnosed, entry
        else:
            assert entry.status == "not-an-operation" or entry.file in diagnosed, entry
    assert with_syntax == 79


@pytest.mark.parametrize("source", sorted(CHECKED))
def test_operation_matches_its_page(obs: ScrapeResult, corpus: Path, source: str) -> None:
    spec = obs.spec
    method, path = CHECKED[source]
    ops = page_operations(spec, method, path, "apis/" + source)
    op = ops[0]
    file = corpus / "otc-rst" / "obs" / "apis" / source
    page = read_document(file.read_bytes(), source)
    declared = {(p["in"], p["name"]) for p in op.get("parameters", [])}
    for table in tables(page, "request", "parameter"):
        assert {("query", n) for n in names(table)} <= declared, table.caption
    for table in tables(page, "request", "header"):
        assert {("header", n) for n in names(table)} <= declared, table.caption
    for table in tables(page, "response", "header"):
        assert names(table) <= set(_success(op).get("headers", {})), table.caption
    components = spec["components"]["schemas"]
    checked = 0
    for role, body in samples(page):
        medias = [_media(o, role) for o in ops]
        verdicts = [_errors(body, m, components) for m in medias if m is not None]
        assert verdicts, f"{source}: a {role} sample but no XML body"
        assert [] in verdicts, f"{source}: {verdicts}"
        checked += 1
    shown_in_xml = {n for _, body in samples(page) for n in _xml_names(body)}
    for role in ("request", "response"):
        known: set[str] = set()
        for o in ops:
            media = _media(o, "example-" + role)
            if media is not None:
                known |= element_names(spec, media["schema"], set())
        for table in tables(page, role, "element"):
            documented = {n.rsplit(".", 1)[-1] for n in names(table)} & shown_in_xml
            assert documented <= known, (source, documented - known)
    if source.endswith(("acl_information.rst", "bucket_acl.rst", "lifecycle_rules.rst")):
        assert checked, f"{source}: its XML samples were not checked"


def _success(op: dict[str, Any]) -> dict[str, Any]:
    return dict(next(r for code, r in op["responses"].items() if code.startswith("2")))


def _media(op: dict[str, Any], role: str) -> dict[str, Any] | None:
    holder = op.get("requestBody", {}) if role == "example-request" else _success(op)
    media = holder.get("content", {}).get("application/xml")
    return dict(media) if media is not None else None


def _errors(body: str, media: dict[str, Any], components: dict[str, Any]) -> list[str]:
    """Why an XML sample does not fit a body's schema (empty: it fits)."""
    try:
        value = xml_value(body, media["schema"], components)
    except NotXml as err:
        return [str(err)]
    root = {"allOf": [media["schema"]], "components": {"schemas": components}}
    return [e.message for e in OAS30Validator(root).iter_errors(value)]


def _xml_names(body: str) -> set[str]:
    import re

    return set(re.findall(r"<([A-Za-z][\w-]*)[\s>/]", body))


def test_obs_authenticates_as_its_docs_say(obs: ScrapeResult) -> None:
    """`Authorization: OBS AccessKeyID:Signature` and signed URLs; no IAM token, no
    SDK-HMAC-SHA256 (neither is on these pages)."""
    schemes = obs.spec["components"]["securitySchemes"]
    assert set(schemes) == {"aksk", "aksk-url"}
    assert schemes["aksk"]["x-signature-scheme"] == "OBS"
    assert "`Authorization: OBS AccessKeyID:signature`" in schemes["aksk"]["description"]
    assert schemes["aksk-url"] == {**schemes["aksk-url"], "in": "query", "name": "AccessKeyId"}
    assert obs.spec["security"] == [{"aksk": []}, {"aksk-url": []}]


def test_the_mock_takes_obs_signatures_and_refuses_the_rest(obs: ScrapeResult) -> None:
    client = Client(MockAPI(obs.spec))
    signed = {"Authorization": "OBS AKEXAMPLE:c2lnbmF0dXJl"}
    assert client.get("/", headers=signed).status_code == 200
    url = "/?AccessKeyId=AKEXAMPLE&Expires=1532779451&Signature=c2ln"
    assert client.get(url).status_code == 200
    refused = {
        "nothing": {},
        "gateway signature": {"Authorization": "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, "
                              "Signature=" + "0" * 64},
        "token": {"X-Auth-Token": "token"},
    }  # fmt: skip
    for why, headers in refused.items():
        response = client.get("/", headers=headers)
        assert response.status_code == 401, why
    assert "OBS" in client.get("/").get_json()["error_msg"]


def test_object_keys_are_greedy_paths_the_mock_routes(obs: ScrapeResult) -> None:
    """ "An object name is a complete path": `{object}` is marked x-greedy-path, and the mock
    routes `/photos/2024/a.jpg` to the object operations, not to a 404."""
    for op in operations(obs.spec):
        for param in op.get("parameters", []):
            if param["in"] == "path":
                assert param == {**param, "name": "object", "x-greedy-path": True}
    client = Client(MockAPI(obs.spec))
    signed = {"Authorization": "OBS AKEXAMPLE:c2lnbmF0dXJl"}
    for path in ("/photos/2024/a.jpg", "/photos%2F2024/a.jpg", "/a//b", "/a"):
        assert client.get(path, headers=signed).status_code == 200, path
        assert client.head(path, headers=signed).status_code == 200, path
    assert client.patch("/photos/a.jpg", headers=signed).status_code == 405


def test_marker_paths_reach_each_entry_and_only_in_a_derived_spec(obs: ScrapeResult) -> None:
    """A contract run's marker path (`/_x-subresource/<operationId>/...`) is answered as that
    entry, with the entry's own parameter definitions; the published spec has none."""
    assert not any(p.startswith("/_x-subresource") for p in obs.spec["paths"])
    derived = copy.deepcopy(obs.spec)
    assert subresources.expand(derived) == 69
    assert "/_x-subresource/ListBuckets/" in derived["paths"]
    assert "key" not in derived["paths"]["/_x-subresource/CopyParts/{object}"]["put"]
    client = Client(MockAPI(obs.spec))
    signed = {"Authorization": "OBS AKEXAMPLE:c2lnbmF0dXJl"}
    # told apart from listing objects by its host alone, which a mock cannot see
    listed = client.get("/_x-subresource/ListBuckets/", headers=signed)
    assert listed.status_code == 200
    assert b"ListAllMyBucketsResult" in listed.data
    assert b"ListBucketResult" in client.get("/", headers=signed).data
    # ObtainObjectTags' versionId is a plain string; the folded one's (downloading an object)
    # has 32 characters, and openapi-core sees that one
    tags = "/_x-subresource/ObtainObjectTags/a.txt?tagging&versionId=abc"
    assert client.get(tags, headers=signed).status_code == 200
    assert client.get("/a.txt?versionId=abc", headers=signed).status_code == 400
    parts = "/_x-subresource/CopyParts/a/b.txt?partNumber=1&uploadId=u"
    copied = {**signed, "x-obs-copy-source": "/b/src"}
    assert client.put(parts, headers=copied).status_code == 200
    assert client.put(parts, headers=signed).status_code == 400  # its required header
    assert client.get("/_x-subresource/Nothing/", headers=signed).status_code == 404


def test_the_mock_reads_absent_unwrapped_arrays_as_empty_and_empty_bytes_as_bytes(
    obs: ScrapeResult,
) -> None:
    """XML cannot write an empty unwrapped array but as no element; an empty object body is
    zero bytes of its media type, not a missing body."""
    client = Client(MockAPI(obs.spec))
    signed = {"Authorization": "OBS AKEXAMPLE:c2lnbmF0dXJl", "Content-Type": "application/xml"}
    response = client.post("/?delete", headers=signed, data=b"<Delete><Quiet>true</Quiet></Delete>")
    assert response.status_code == 200, response.data
    appended = {**signed, "Content-Type": "application/octet-stream"}
    url = "/a.txt?modify&position=0"
    assert client.put(url, headers=appended, data=b"").status_code == 200
    assert client.put(url, headers=signed, data=b"").status_code == 400  # not its media type
