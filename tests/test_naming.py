"""Names users can guess: operation names from the docs or from method + path, no digit
suffixes, acronyms whole, schema names from captions or fields in context.

Each rule is shown on small RST pages of our own; the corpus test checks the targets the
names bench measures (0 digit suffixes, 0 broken acronyms, 0 schema names over 48) on ECS.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pytest

from doc2openapi.codegen.naming import snake_case
from doc2openapi.scraper.merging import dedupe_operations
from doc2openapi.scraper.model import Body, Operation, Response
from doc2openapi.scraper.naming import derived_name, verb_of, whole_acronyms
from doc2openapi.scraper.pipeline import ScrapeResult, scrape
from tests.helpers import operation, ref_name
from tests.test_conventions import HEADER, RESPONSE_HEADER, page, scrape_pages, table


def endpoint_page(title: str, uri: str, *sections: tuple[str, str]) -> str:
    return page(title, ("URI", uri), *sections, ("Status Codes", "200\n\nOK."))


def operation_ids(spec: dict[str, Any]) -> dict[tuple[str, str], str]:
    return {
        (method, path): op["operationId"]
        for path, methods in spec["paths"].items()
        for method, op in methods.items()
    }


def test_names_are_verb_and_resource_from_method_and_path(tmp_path: Path) -> None:
    base = "/v2/{project_id}/servers"
    pages = {
        "a.rst": endpoint_page("Querying Details About an ECS", f"GET {base}/{{server_id}}"),
        "b.rst": endpoint_page("Listing ECS Details", f"GET {base}/detail"),
        "c.rst": endpoint_page("Listing ECSs", f"GET {base}"),
        "d.rst": endpoint_page("Creating an ECS", f"POST {base}"),
        "e.rst": endpoint_page("Modifying an ECS", f"PUT {base}/{{server_id}}"),
        "f.rst": endpoint_page("Deleting an ECS", f"DELETE {base}/{{server_id}}"),
        "g.rst": endpoint_page("Resizing an ECS", f"POST {base}/{{server_id}}/resize"),
        "h.rst": endpoint_page("Listing NICs", f"GET {base}/{{server_id}}/os-interface"),
    }
    spec = scrape_pages(tmp_path, pages).spec
    ids = operation_ids(spec)
    assert ids[("get", f"{base}/{{server_id}}")] == "ShowServer"
    assert ids[("get", f"{base}/detail")] == "ListServersDetails"
    assert ids[("get", base)] == "ListServers"
    assert ids[("post", base)] == "CreateServer"
    assert ids[("put", f"{base}/{{server_id}}")] == "UpdateServer"
    assert ids[("delete", f"{base}/{{server_id}}")] == "DeleteServer"
    assert ids[("post", f"{base}/{{server_id}}/resize")] == "ResizeServer"
    assert ids[("get", f"{base}/{{server_id}}/os-interface")] == "ShowServerInterface"
    assert operation(spec, "get", base)["summary"] == "Listing ECSs"  # the title stays


def test_the_docs_own_api_name_wins(tmp_path: Path) -> None:
    smn = page(
        "Querying Topics",
        ("Description", "-  API name\n\n   ListTopics\n\n-  Function\n\n   Lists topics."),
        ("URI", "GET /v2/{project_id}/notifications/topics"),
    )
    original = ":original_name: ShowTopicDetail.html\n\n" + endpoint_page(
        "Querying a Topic", "GET /v2/{project_id}/notifications/topics/{topic_urn}"
    )
    spec = scrape_pages(
        tmp_path,
        {
            "topics.rst": smn,
            "topic.rst": original,
            "UpdateTopic.rst": endpoint_page(
                "Modifying a Topic", "PUT /v2/{project_id}/notifications/topics/{topic_urn}"
            ),
        },
    ).spec
    ids = operation_ids(spec)
    topic = "/v2/{project_id}/notifications/topics/{topic_urn}"
    assert ids[("get", "/v2/{project_id}/notifications/topics")] == "ListTopics"
    assert ids[("get", topic)] == "ShowTopicDetail"
    assert ids[("put", topic)] == "UpdateTopic"


def _action_page(title: str, path: str, key: str) -> str:
    request = table(
        "Table 2 Request body parameters", HEADER, (key, "Yes", "Object", "The action.")
    )
    return endpoint_page(title, f"POST {path}", ("Request", request))


def test_action_pages_are_named_after_their_action(tmp_path: Path) -> None:
    batch = "/v1/{project_id}/cloudservers/action"
    one = "/v2.1/{project_id}/servers/{server_id}/action"
    spec = scrape_pages(
        tmp_path,
        {
            "start.rst": _action_page("Starting ECSs in a Batch", batch, "os-start"),
            "stop.rst": _action_page("Stopping ECSs in a Batch", batch, "os-stop"),
            "reboot.rst": _action_page("Restarting an ECS", one, "reboot"),
            "lock.rst": _action_page("Locking an ECS", one, "lock"),
        },
    ).spec
    names = {a["key"]: a["operationId"] for a in operation(spec, "post", batch)["x-actions"]}
    assert names == {"os-start": "BatchStartCloudservers", "os-stop": "BatchStopCloudservers"}
    names = {a["key"]: a["operationId"] for a in operation(spec, "post", one)["x-actions"]}
    assert names == {"reboot": "RebootServer", "lock": "LockServer"}


def test_api_versions_go_in_the_name_once_and_never_as_a_digit_suffix(tmp_path: Path) -> None:
    uri = "GET /v2.1/{project_id}/servers\n\nGET /v2/{project_id}/servers"
    spec = scrape_pages(
        tmp_path,
        {
            "list.rst": endpoint_page("Listing ECSs", uri),
            "show.rst": endpoint_page("Showing an ECS", "GET /v2/{project_id}/servers/{id}"),
            "show21.rst": endpoint_page("Showing an ECS", "GET /v2.1/{project_id}/servers/{id}"),
        },
    ).spec
    ids = operation_ids(spec)
    assert ids[("get", "/v2.1/{project_id}/servers")] == "ListServers"  # the newest is plain
    assert ids[("get", "/v2/{project_id}/servers")] == "ListV2Servers"
    assert ids[("get", "/v2.1/{project_id}/servers/{id}")] == "ShowServer"
    assert ids[("get", "/v2/{project_id}/servers/{id}")] == "ShowV2Server"
    assert not [name for name in ids.values() if name[-1].isdigit()]


def test_the_report_names_a_renamed_operation_as_the_spec_does(tmp_path: Path) -> None:
    """A page's diagnostics open with the name it gave its operation; when the build renames
    it (an older API version), they say the new name. Before, they named the operation the
    newer version's page keeps, another operation of the spec."""
    response = table("Table 2 Response body", RESPONSE_HEADER, ("id", "String", "Id."))
    example = '.. code-block::\n\n   {"id": "s", "extra": 1}\n'
    pages = {
        f"show{version}.rst": endpoint_page(
            "Showing an ECS",
            f"GET /{version}/servers/{{id}}",
            ("Response", response),
            ("Example Response", example),
        )
        for version in ("v2", "v2.1")
    }
    result = scrape_pages(tmp_path, pages)
    reasons = {d.file: d.reason for d in result.diagnostics if "$.extra" in d.reason}
    assert reasons["showv2.rst"].startswith("ShowV2Server 200 response:")
    assert reasons["showv2.1.rst"].startswith("ShowServer 200 response:")


def test_other_clashes_get_a_word_of_their_path_not_a_number(tmp_path: Path) -> None:
    spec = scrape_pages(
        tmp_path,
        {
            "a.rst": endpoint_page("Querying Tags", "GET /v1/{project_id}/servers/tags"),
            "b.rst": endpoint_page("Querying Tags", "GET /v1/{project_id}/images/tags"),
        },
    ).spec
    ids = operation_ids(spec)
    names = {
        ids[("get", "/v1/{project_id}/servers/tags")],
        ids[("get", "/v1/{project_id}/images/tags")],
    }
    assert names == {"ListTags", "ListImagesTags"}


def test_a_collection_and_its_items_under_one_word_are_list_and_show(tmp_path: Path) -> None:
    base = "/v2/{project_id}/servers/{server_id}/ips"
    spec = scrape_pages(
        tmp_path,
        {
            "a.rst": endpoint_page("Querying Networks", f"GET {base}"),
            "b.rst": endpoint_page("Querying a Network", f"GET {base}/{{network}}"),
        },
    ).spec
    ids = operation_ids(spec)
    assert ids[("get", base)] == "ListServerIps"
    assert ids[("get", f"{base}/{{network}}")] == "ShowServerIp"


def test_acronyms_stay_whole_and_status_words_are_not_names(tmp_path: Path) -> None:
    spec = scrape_pages(
        tmp_path,
        {
            "ike.rst": endpoint_page("Creating an IKE Policy", "POST /v2.0/vpn/ikepolicies"),
            "root.rst": endpoint_page("Listing NIC Versions (Discarded)", "GET /"),
        },
    ).spec
    ike = operation(spec, "post", "/v2.0/vpn/ikepolicies")
    assert snake_case(ike["operationId"]) == "create_ike_policy"
    root = operation(spec, "get", "/")
    assert snake_case(root["operationId"]) == "list_nic_versions"
    assert root["deprecated"] is True
    assert root["summary"] == "Listing NIC Versions (Discarded)"


def test_schema_names_come_from_captions_then_fields_in_context(tmp_path: Path) -> None:
    response = "\n".join(
        [
            table(
                "Table 2 Response body parameters",
                RESPONSE_HEADER,
                ("server", "Object", "The ECS. See Table 3."),
            ),
            table(
                "Table 3 server field description",
                RESPONSE_HEADER,
                ("id", "String", "ID."),
                ("addresses", "Array of objects", "Its addresses. See Table 4."),
            ),
            table(
                "Table 4 Address information",
                RESPONSE_HEADER,
                ("addr", "String", "IP address."),
            ),
        ]
    )
    spec = scrape_pages(
        tmp_path,
        {
            "show.rst": endpoint_page(
                "Querying Details About an ECS",
                "GET /v2/{project_id}/servers/{server_id}",
                ("Response", response),
            )
        },
    ).spec
    schemas = spec["components"]["schemas"]
    op = operation(spec, "get", "/v2/{project_id}/servers/{server_id}")
    body = op["responses"]["200"]["content"]["application/json"]["schema"]
    assert ref_name(body) == "ShowServerResponse"
    server = schemas["ShowServerResponse"]["properties"]["server"]
    assert ref_name(server) == "Server"
    addresses = schemas["Server"]["properties"]["addresses"]["items"]
    assert ref_name(addresses) == "ServerAddress"


def test_an_object_named_twice_on_a_page_is_told_apart_by_its_body_not_a_number(
    tmp_path: Path,
) -> None:
    def create_page(version: str) -> str:
        server = "Table {} server field description"
        request = table(
            "Table 1 Request parameters", HEADER, ("server", "Yes", "Object", "See Table 2.")
        ) + table(server.format(2), HEADER, ("name", "Yes", "String", "Name."))
        response = table(
            "Table 3 Response parameters", RESPONSE_HEADER, ("server", "Object", "See Table 4.")
        ) + table(server.format(4), RESPONSE_HEADER, (f"id_{version}", "String", "ID."))
        uri = f"POST /{version}/{{project_id}}/servers"
        return endpoint_page("Creating an ECS", uri, ("Request", request), ("Response", response))

    # the older version's operation is renamed, and the objects named after its bodies
    pages = {f"create{version}.rst": create_page(version) for version in ("v1", "v2")}
    schemas = scrape_pages(tmp_path, pages).spec["components"]["schemas"]
    assert ref_name(schemas["CreateServerRequest"]["properties"]["server"]) == "Server"
    for op_id in ("CreateServer", "CreateV1Server"):  # the requests are one component
        returned = schemas[op_id + "Response"]["properties"]["server"]
        assert ref_name(returned) == op_id + "ResponseServer"
    assert not [name for name in schemas if name[-1].isdigit()]


VERBS = [("Creating", "create"), ("Querying", "query"), ("Stopping", "stop"), ("Adding", "add")]
VERBS += [("Obtaining", "obtain"), ("Resizing", "resize"), ("Migrating", "migrate")]


@pytest.mark.parametrize(("gerund", "verb"), VERBS)
def test_title_verbs(gerund: str, verb: str) -> None:
    assert verb_of(gerund) == verb


def test_a_given_name_keeps_the_titles_acronyms_whole() -> None:
    assert whole_acronyms("ListAttachableObSs", frozenset({"obs"})) == "ListAttachableObss"
    assert whole_acronyms("ListECSs", frozenset({"ecs"})) == "ListEcss"
    assert whole_acronyms("CreateAclStrategyV2", frozenset({"ip"})) == "CreateAclStrategyV2"
    assert snake_case(whole_acronyms("ListECSs", frozenset({"ecs"}))) == "list_ecss"


def test_path_words_glued_to_a_verb_are_split() -> None:
    path = "/v1/{project_id}/cloudservers/{server_id}/changeos"
    assert derived_name("post", path, "Changing an ECS OS") == "ChangeCloudserverOs"
    assert derived_name("post", "/v1/{p}/cloudservers/batch-resize") == "BatchResizeCloudservers"
    assert derived_name("put", "/v1/{p}/servers/{id}/settings") == "UpdateServerSettings"


def test_a_verb_path_segment_names_a_post_that_reads() -> None:
    """POST .../list-keys lists (a read sent as POST, the KMS style), never CreateListKey."""
    title = "Querying the List of Keys"
    assert derived_name("post", "/v1.0/{p}/kms/list-keys", title) == "ListKeys"
    assert derived_name("post", "/v1.0/{p}/kms/get-key-rotation-status") == "GetKeyRotationStatus"
    assert derived_name("post", "/v1.0/{p}/kms/revoke-grant") == "RevokeGrant"
    assert derived_name("post", "/v1/{p}/lbs/{id}/listeners") == "CreateLbListener"  # a noun
    assert derived_name("post", "/v1/{p}/queues/{id}/query-results") == "CreateQueueQueryResult"
    assert derived_name("get", "/v1/{p}/vpcs") == "ListVpcs"


# -- the corpus: the targets the names bench measures, on the ECS docs in both renderings --

ACRONYM = re.compile(r"\b([A-Z][A-Z0-9]*[A-Z])s?\b")


def _names(spec: dict[str, Any]) -> list[tuple[str, str]]:
    """(operationId, title) of every operation and documented action."""
    found = []
    for methods in spec["paths"].values():
        for op in methods.values():
            for doc in op.get("x-actions") or [op]:
                found.append((doc["operationId"], doc.get("summary", "")))
    return found


def _broken(name: str, title: str) -> list[str]:
    words = snake_case(name).split("_")
    broken = []
    for acronym in {a.lower() for a in ACRONYM.findall(title)}:
        split = any(
            one.endswith(acronym[:i]) and two.startswith(acronym[i:])
            for one, two in itertools.pairwise(words)
            for i in range(1, len(acronym))
        )
        title_words = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", title)} | {""}
        glued = any(
            (at := w.find(acronym)) >= 0
            and not re.fullmatch(rf"{acronym}(s|es)?", w)
            and w[:at] in title_words
            and w[at + len(acronym) :].removeprefix("s") in title_words
            for w in words
        )
        if split or glued:
            broken.append(f"{name}: {acronym}")
    return broken


@pytest.mark.parametrize("rendering", ["otc-rst", "otc-html"])
def test_ecs_names_meet_the_targets(corpus: Path, rendering: str) -> None:
    result: ScrapeResult = scrape([corpus / rendering / "ecs"], service="ecs")
    names = _names(result.spec)
    assert len(names) > 150
    assert not [n for n, _ in names if n[-1].isdigit()]
    assert not [b for n, t in names for b in _broken(n, t)]
    assert not [s for s in result.spec["components"]["schemas"] if len(s) > 48]
    assert len({n for n, _ in names}) == len(names)
    assert not [n for n, _ in names if re.search("discarded|deprecated", n, re.I)]


def test_a_merged_pages_schema_never_takes_a_name_its_own_page_uses() -> None:
    """The second page has a `Zone` of its own shape and also a `PublicZone`: its `Zone`
    cannot become `PublicZone` too, or one of the two would be lost."""
    ref = "#/components/schemas/"
    private = Operation(
        "get", "/v2/zones", "ListZones", "private.rst", summary="Querying Private Zones",
        schemas={"Zone": {"properties": {"router": {"type": "string"}}}},
        responses={"200": Response("200", body=Body({"$ref": ref + "Zone"}))},
    )  # fmt: skip
    public = Operation(
        "get", "/v2/zones", "ListZones", "public.rst", summary="Querying Public Zones",
        schemas={
            "Zone": {"properties": {"email": {"type": "string"}}},
            "PublicZone": {"properties": {"ttl": {"type": "integer"}}},
        },
        responses={"200": Response("200", body=Body({"$ref": ref + "Zone"}))},
    )  # fmt: skip
    (merged,), _ = dedupe_operations([private, public])
    shapes = {name: set(schema["properties"]) for name, schema in merged.schemas.items()}
    assert shapes == {"Zone": {"router"}, "PublicZone": {"ttl"}, "Zone2": {"email"}}
