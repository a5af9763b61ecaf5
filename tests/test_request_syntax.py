"""The S3-style convention: a "Request Syntax" block instead of a URI section, on our own pages.

Each page is the smallest that shows one part of the convention (the request line, the Host
line, sub-resource keys, element tables with XML blocks, samples in HTTP form).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from doc2openapi.scraper.pipeline import ScrapeResult
from tests.helpers import resolve
from tests.test_conventions import kinds, page, scrape_pages, table


def code(text: str) -> str:
    return ".. code-block:: text\n\n" + "\n".join("   " + line for line in text.splitlines())


GET_ACL = page(
    "Getting a Box ACL",
    ("Functions", "Returns the ACL of a box."),
    ("Request Syntax", code("GET /?acl HTTP/1.1\nHost: boxname.store.region.example.com")),
    (
        "Response Elements",
        table(
            "Table 1 Response elements",
            ("Element", "Type", "Description"),
            ("Owner", "XML", "Owner of the box."),
            ("ID", "String", "Account ID."),
            ("Grants", "XML", "The grants."),
            ("Grant", "XML", "One grant."),
            ("Permission", "String", "What is granted."),
            ("Size", "Integer", "How many."),
        ),
    ),
    (
        "Sample Request",
        code("GET /?acl HTTP/1.1\nHost: mybox.store.region.example.com\nAuthorization: X"),
    ),
    (
        "Sample Response",
        code(
            "HTTP/1.1 200 OK\nx-store-request-id: 1\n\n"
            '<Policy xmlns="http://store.example.com/doc/1/">\n'
            "  <Owner><ID>u1</ID></Owner>\n"
            "  <Grants>\n"
            "    <Grant><Permission>READ</Permission></Grant>\n"
            "    <Grant><Permission>WRITE</Permission></Grant>\n"
            "  </Grants>\n"
            "  <Size>2</Size>\n"
            "</Policy>"
        ),
    ),
)

PUT_ACL = page(
    "Setting a Box ACL",
    (
        "Request Syntax",
        code(
            "PUT /?acl HTTP/1.1\nHost: boxname.store.region.example.com\n"
            "Content-Type: application/xml\n\n<Policy><Owner><ID>id</ID></Owner></Policy>"
        ),
    ),
    (
        "Request Headers",
        table(
            "Table 1 Request headers",
            ("Header", "Type", "Mandatory (Yes/No)", "Description"),
            ("x-store-acl", "String", "No", "A canned ACL."),
            ("x-store-meta-*", "String", "No", "User metadata."),
        ),
    ),
    (
        "Request Elements",
        table(
            "Table 2 Request elements",
            ("Element", "Type", "Mandatory (Yes/No)", "Description"),
            ("Owner", "XML", "Yes", "Owner."),
            ("ID", "String", "Yes", "Account ID."),
            ("Note", "String", "No", "A note no XML block shows."),
        ),
    ),
)

GET_BOX = page(
    "Listing Things in a Box",
    ("Request Syntax", code("GET / HTTP/1.1\nHost: boxname.store.region.example.com")),
    (
        "Request Parameters",
        table(
            "Table 1 Request parameters",
            ("Parameter", "Type", "Mandatory (Yes/No)", "Description"),
            ("prefix", "String", "No", "Only keys that start with it."),
        ),
    ),
    (
        "Response Headers",
        table(
            "Table 2 Response headers",
            ("Header", "Type", "Description"),
            ("x-store-count", "Integer", "How many things."),
        ),
    ),
)

PUT_THING = page(
    "Uploading a Thing Part",
    (
        "Request Syntax",
        code(
            "PUT /ThingName?partNumber=partNum&uploadId=uploadID HTTP/1.1\n"
            "Host: boxname.store.region.example.com\nContent-MD5: md5\n<thing Content>"
        ),
    ),
    (
        "Request Parameters",
        table(
            "Table 1 Request parameters",
            ("Parameter", "Type", "Mandatory (Yes/No)", "Description"),
            ("partNumber", "Integer", "Yes", "The part."),
            ("uploadId", "String", "Yes", "The upload."),
        ),
    ),
)

BROKEN = page(
    "A Page With a Broken Request Line",
    ("Request Syntax", code("FETCH the box, please\nHost: boxname.store.example.com")),
)


def scrape_box(tmp_path: Path, **extra: str) -> ScrapeResult:
    pages = {"get_acl.rst": GET_ACL, "put_acl.rst": PUT_ACL, "get_box.rst": GET_BOX}
    pages.update(extra)
    return scrape_pages(tmp_path, pages)


def subresource(spec: dict[str, Any], method: str, path: str, key: str) -> dict[str, Any]:
    top = spec["paths"][path][method]
    found = [v for v in top.get("x-subresources", []) if v["key"] == key]
    assert len(found) == 1, top
    return dict(found[0])


def test_operations_that_differ_by_sub_resource_share_one_operation(tmp_path: Path) -> None:
    spec = scrape_box(tmp_path).spec
    get = spec["paths"]["/"]["get"]
    assert get["operationId"] == "ListThingsInBox"  # the plain one is the operation
    acl = subresource(spec, "get", "/", "acl")
    assert acl["operationId"] == "GetBoxAcl"
    marker = next(p for p in acl["parameters"] if p["name"] == "acl")
    assert marker == {**marker, "in": "query", "required": True, "allowEmptyValue": True}
    assert marker["schema"]["enum"] == [""]
    assert any(p["name"] == "acl" and not p.get("required") for p in get["parameters"])


def test_the_bucket_in_the_host_line_is_a_server_variable(tmp_path: Path) -> None:
    spec = scrape_box(tmp_path).spec
    server = spec["paths"]["/"]["get"]["servers"][0]
    assert server["url"] == "https://{box}.store.{region}.{external_domain_name}"
    assert set(server["variables"]) == {"box", "region", "external_domain_name"}
    domain = server["variables"]["external_domain_name"]  # "example.com": a placeholder
    assert domain["x-doc-unnamed"] is True and "example.com in the docs" in domain["description"]


def test_a_host_line_takes_the_region_and_domain_the_service_endpoint_names(
    tmp_path: Path,
) -> None:
    overview = page("Endpoints", ("Endpoint", "Call https://store.eu-de.cloud.test/ in eu-de."))
    spec = scrape_box(tmp_path, **{"endpoints.rst": overview}).spec
    variables = spec["paths"]["/"]["get"]["servers"][0]["variables"]
    assert variables["external_domain_name"]["default"] == "cloud.test"
    assert variables["region"]["default"] == "eu-de"
    assert variables["box"]["default"] == "box"


def test_tables_give_query_parameters_request_and_response_headers(tmp_path: Path) -> None:
    result = scrape_box(tmp_path)
    spec = result.spec
    get = spec["paths"]["/"]["get"]
    names = {(p["in"], p["name"]) for p in get["parameters"]}
    assert ("query", "prefix") in names
    headers = get["responses"]["200"]["headers"]
    assert headers["x-store-count"]["schema"]["type"] == "integer"
    put = spec["paths"]["/"]["put"]
    assert ("header", "x-store-acl") in {(p["in"], p["name"]) for p in put["parameters"]}
    assert any("x-store-meta-*" in r for r in kinds(result)["header-pattern"])


def test_xml_bodies_have_xml_objects_and_wrapped_arrays(tmp_path: Path) -> None:
    spec = scrape_box(tmp_path).spec
    acl = subresource(spec, "get", "/", "acl")
    media = acl["responses"]["200"]["content"]["application/xml"]
    schema = resolve(spec, media["schema"])
    assert schema["xml"] == {"name": "Policy", "namespace": "http://store.example.com/doc/1/"}
    grants = schema["properties"]["Grants"]
    assert grants["type"] == "array" and grants["xml"] == {"name": "Grants", "wrapped": True}
    assert grants["items"]["xml"]["name"] == "Grant"
    assert schema["properties"]["Size"]["type"] == "integer"
    assert "<Permission>WRITE</Permission>" in media["examples"]["example-1"]["value"]


def test_a_sample_that_contradicts_a_type_is_a_doc_defect(tmp_path: Path) -> None:
    wrong = GET_ACL.replace("<Size>2</Size>", "<Size>two</Size>")
    result = scrape_box(tmp_path, **{"get_acl.rst": wrong})
    assert any("Size" in r for r in kinds(result)["doc-defect:example"])
    acl = subresource(result.spec, "get", "/", "acl")
    assert "examples" not in acl["responses"]["200"]["content"]["application/xml"]


def test_request_elements_are_required_as_their_table_says(tmp_path: Path) -> None:
    result = scrape_box(tmp_path)
    put = result.spec["paths"]["/"]["put"]
    assert put["operationId"] == "SetBoxAcl"  # alone on PUT /: the operation itself
    schema = resolve(result.spec, put["requestBody"]["content"]["application/xml"]["schema"])
    assert schema["required"] == ["Owner"]
    assert schema["properties"]["Owner"]["required"] == ["ID"]
    assert any("'Note'" in r for r in kinds(result)["unplaced-element"])


def test_an_element_required_if_its_parent_is_present_is_required_within_it(
    tmp_path: Path,
) -> None:
    """An element table lists every level's elements: "Yes if Owner is present." of ID is a
    condition on its parent (the sample nests ID in Owner), so ID is required in Owner;
    "Yes if ID is absent." of Name, a sibling, is a condition: Name stays optional."""
    sample = "<Owner><ID>id</ID><Name>n</Name></Owner>"
    conditional = PUT_ACL.replace("<Owner><ID>id</ID></Owner>", sample)
    rows = table(
        "Table 2 Request elements",
        ("Element", "Type", "Mandatory (Yes/No)", "Description"),
        ("Owner", "XML", "Yes", "Owner."),
        ("ID", "String", "Yes if the Owner element is present.", "Account ID."),
        ("Name", "String", "Yes if ID is absent.", "Account name."),
    )
    start = conditional.index(".. table:: **Table 2 Request elements**")
    conditional = conditional[:start] + rows
    result = scrape_box(tmp_path, **{"put_acl.rst": conditional})
    put = result.spec["paths"]["/"]["put"]
    schema = resolve(result.spec, put["requestBody"]["content"]["application/xml"]["schema"])
    owner = schema["properties"]["Owner"]
    assert owner["required"] == ["ID"]
    assert set(owner["properties"]) == {"ID", "Name"}


def test_query_keys_with_placeholders_are_parameters_and_the_body_is_bytes(
    tmp_path: Path,
) -> None:
    spec = scrape_box(tmp_path, **{"put_thing.rst": PUT_THING}).spec
    put = spec["paths"]["/{object}"]["put"]
    by_name = {p["name"]: p for p in put["parameters"]}
    assert by_name["object"]["in"] == "path"
    assert (
        by_name["partNumber"]["required"] and by_name["partNumber"]["schema"]["type"] == "integer"
    )
    assert "enum" not in by_name["uploadId"]["schema"]
    assert put["requestBody"]["content"]["application/octet-stream"]["schema"] == {
        "type": "string",
        "format": "binary",
    }


def test_a_request_syntax_that_is_not_understood_is_a_named_diagnostic(tmp_path: Path) -> None:
    result = scrape_box(tmp_path, **{"broken.rst": BROKEN})
    assert "request-syntax" in kinds(result)
    files = {f.file: f for f in result.report.files}
    assert files["broken.rst"].status == "skipped"


def test_xml_with_a_dtd_is_refused_never_expanded(tmp_path: Path) -> None:
    evil = GET_ACL.replace(
        '<Policy xmlns="http://store.example.com/doc/1/">',
        '<!DOCTYPE Policy [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<Policy>&x;',
    )
    result = scrape_box(tmp_path, **{"get_acl.rst": evil})
    assert any("DTD" in r for r in kinds(result)["bad-xml"])
    assert "root:" not in str(result.spec)


def test_an_element_no_block_shows_goes_where_its_row_says(tmp_path: Path) -> None:
    """Rows that name their parent ("Parent: Policy.Owner", or an element already placed)
    place what no XML block shows; a parent found nowhere leaves the element reported."""
    stated = page(
        "Setting a Box ACL",
        (
            "Request Syntax",
            code(
                "PUT /?acl HTTP/1.1\nHost: boxname.store.region.example.com\n"
                "Content-Type: application/xml\n\n<Policy><Owner><ID>id</ID></Owner></Policy>"
            ),
        ),
        (
            "Request Elements",
            table(
                "Table 1 Request elements",
                ("Element", "Type", "Mandatory (Yes/No)", "Description"),
                ("Owner", "XML", "Yes", "Owner."),
                ("ID", "String", "Yes", "Account ID."),
                ("Note", "String", "No", "A note. Parent: Policy.Owner"),
                ("Labels", "XML", "No", "Labels. Parent: Policy"),
                ("Label", "String", "No", "One label. Parent: Labels"),
                ("Stray", "String", "No", "Parent: Elsewhere"),
            ),
        ),
    )
    result = scrape_box(tmp_path, **{"put_acl.rst": stated})
    put = result.spec["paths"]["/"]["put"]
    schema = resolve(result.spec, put["requestBody"]["content"]["application/xml"]["schema"])
    assert schema["properties"]["Owner"]["properties"]["Note"]["type"] == "string"
    assert schema["properties"]["Labels"]["properties"]["Label"]["type"] == "string"
    assert schema["properties"]["Owner"]["required"] == ["ID"]  # optional rows stay optional
    unplaced = kinds(result)["unplaced-element"]
    assert any("'Stray'" in r for r in unplaced) and not any("'Note'" in r for r in unplaced)


def test_a_form_upload_has_its_element_rows_as_form_fields(tmp_path: Path) -> None:
    post = page(
        "Uploading a Thing with a Form",
        (
            "Request Syntax",
            code(
                "POST / HTTP/1.1\nHost: boxname.store.region.example.com\n"
                "Content-Type: multipart/form-data; boundary=b1\n\n"
                '--b1\nContent-Disposition: form-data; name="key"\n\nthing\n--b1--'
            ),
        ),
        (
            "Request Elements",
            table(
                "Table 1 Form elements",
                ("Element", "Type", "Mandatory (Yes/No)", "Description"),
                ("key", "String", "Yes", "The thing's name."),
                ("size", "Integer", "No", "How big."),
                ("x-store-meta-*", "String", "No", "User metadata."),
                ("file", "Binary or text", "Yes", "The content."),
            ),
        ),
    )
    result = scrape_box(tmp_path, **{"post.rst": post})
    body = result.spec["paths"]["/"]["post"]["requestBody"]["content"]
    schema = body["multipart/form-data"]["schema"]
    assert list(schema["properties"]) == ["key", "size", "file"]
    assert schema["properties"]["file"]["format"] == "binary"
    assert schema["properties"]["size"]["type"] == "integer"
    assert schema["required"] == ["key", "file"]
    assert not [r for r in kinds(result)["unplaced-element"] if "'Note'" not in r]  # PUT_ACL's
    assert any("x-store-meta-" in r for r in kinds(result)["header-pattern"])
