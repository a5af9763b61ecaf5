"""How a field typed "Object" finds the table of its fields when nothing links it: a table
titled after it ("images information"), or the type-named table right after its own."""

from __future__ import annotations

from pathlib import Path

from doc2openapi.scraper.pipeline import ScrapeResult
from tests.helpers import operation, request_schema, resolve, response_schema
from tests.test_conventions import (
    HEADER,
    RESPONSE_HEADER,
    kinds,
    page,
    rst_table,
    scrape_pages,
    scrape_response,
    table,
)

EXAMPLE = '.. code-block::\n\n   {"result": {"code": "OK", "detail": "done"}, "count": 1}\n'

COUNT_ONLY = '.. code-block::\n\n   {"count": 1}\n'  # nothing to learn result's fields from


def _show(
    tmp_path: Path, *tables: str, example: str = EXAMPLE
) -> tuple[ScrapeResult, dict[str, object]]:
    return scrape_response(
        tmp_path, "Showing a Result", "GET /v1/result", "\n".join(tables), example
    )


def _fields(result: ScrapeResult, body: dict[str, object], name: str) -> set[str]:
    prop = resolve(result.spec, body)["properties"][name]
    return set(resolve(result.spec, prop).get("properties", {}))


BODY = table(
    "Table 1 Response body parameters",
    RESPONSE_HEADER,
    ("result", "Object", "The outcome."),
    ("count", "Integer", "How many."),
)
DETAIL = ("code", "String", "Outcome code."), ("detail", "String", "What happened.")


def test_an_object_pointing_nowhere_takes_the_type_named_table_right_after_it(
    tmp_path: Path,
) -> None:
    result, body = _show(tmp_path, BODY, table("Table 2 ResultDetail", RESPONSE_HEADER, *DETAIL))
    assert _fields(result, body, "result") == {"code", "detail"}
    found = kinds(result)
    assert any("'result'" in r and "ResultDetail" in r for r in found["inferred:adjacent-table"])
    assert "unlinked-table" not in found


def test_a_table_titled_with_a_generic_word_after_the_field_name_is_its_table(
    tmp_path: Path,
) -> None:
    titled = table("Table 2 result information", RESPONSE_HEADER, *DETAIL)
    result, body = _show(tmp_path, BODY, titled)
    assert _fields(result, body, "result") == {"code", "detail"}
    found = kinds(result)
    assert "inferred:adjacent-table" not in found
    assert "unlinked-table" not in found


def test_the_next_table_stays_unlinked_when_it_may_be_anothers(tmp_path: Path) -> None:
    generic = table("Table 2 Response body parameters", RESPONSE_HEADER, *DETAIL)
    two_objects = table(
        "Table 1 Response body parameters",
        RESPONSE_HEADER,
        ("result", "Object", "The outcome."),
        ("count", "Object", "How many."),
    )
    named = table("Table 2 ResultDetail", RESPONSE_HEADER, *DETAIL)
    mentioned = table(
        "Table 1 Response body parameters",
        RESPONSE_HEADER,
        ("result", "Object", "The outcome."),
        ("count", "Integer", "How many; see Table 2."),
    )
    for index, tables in enumerate(((BODY, generic), (two_objects, named), (mentioned, named))):
        folder = tmp_path / str(index)
        folder.mkdir()
        result, body = _show(folder, *tables, example=COUNT_ONLY)
        assert _fields(result, body, "result") == set()
        found = kinds(result)
        assert "inferred:adjacent-table" not in found
        assert found["unlinked-table"]


def _quota(tmp_path: Path, example: str) -> tuple[ScrapeResult, dict[str, object]]:
    body = table(
        "Table 1 Response parameters",
        RESPONSE_HEADER,
        ("quota", "String", "The quotas. For details, see Table 2."),
    )
    fields = table(
        "Table 2 quota parameter description",
        RESPONSE_HEADER,
        ("member", "Integer", "Member quota."),
        ("pool", "Integer", "Pool quota."),
        ("usage", "Object", "What is used. For details, see Table 3."),
    )
    usage = table(
        "Table 3 usage parameter description", RESPONSE_HEADER, ("used", "Integer", "Used.")
    )
    return _show(
        tmp_path, body, fields + "\n" + usage, example=f".. code-block::\n\n   {example}\n"
    )


def test_a_string_pointing_at_a_table_is_that_object_when_the_example_shows_it(
    tmp_path: Path,
) -> None:
    result, body = _quota(tmp_path, '{"quota": {"member": 500, "pool": 50}}')
    assert _fields(result, body, "quota") == {"member", "pool", "usage"}
    found = kinds(result)
    assert any("'quota' is typed String" in r for r in found["doc-defect:shape"])
    assert "unlinked-table" not in found
    assert "doc-defect:example" not in found


def test_a_string_pointing_at_a_table_stays_a_string_when_the_example_shows_text(
    tmp_path: Path,
) -> None:
    result, body = _quota(tmp_path, '{"quota": "{\\"member\\": 500}"}')
    quota = resolve(result.spec, body)["properties"]["quota"]
    assert quota["type"] == "string"
    found = kinds(result)
    assert any("JSON inside the string" in r for r in found["string-with-table"])
    assert "unlinked-table" not in found


def test_a_string_a_later_table_is_titled_after_is_that_object_when_the_example_shows_it(
    tmp_path: Path,
) -> None:
    """ELB v2 list pools: `loadbalancers | String`, then "loadbalancers parameter
    description", and the example shows a list of `{"id": ...}`."""
    body = table(
        "Table 1 Response parameters",
        RESPONSE_HEADER,
        ("loadbalancers", "String", "The load balancers."),
    )
    fields = table(
        "Table 2 loadbalancers parameter description",
        RESPONSE_HEADER,
        ("id", "String", "Load balancer ID."),
    )
    listed = '.. code-block::\n\n   {"loadbalancers": [{"id": "lb-1"}]}\n'
    result, body_schema = _show(tmp_path, body, fields, example=listed)
    prop = resolve(result.spec, body_schema)["properties"]["loadbalancers"]
    assert prop["type"] == "array"
    assert set(resolve(result.spec, prop["items"])["properties"]) == {"id"}
    found = kinds(result)
    assert any("is titled after it" in r for r in found["doc-defect:shape"])
    assert "doc-defect:example" not in found and "unlinked-table" not in found
    text = '.. code-block::\n\n   {"loadbalancers": "lb-1"}\n'
    (tmp_path / "text").mkdir()
    result, body_schema = _show(tmp_path / "text", body, fields, example=text)
    assert resolve(result.spec, body_schema)["properties"]["loadbalancers"]["type"] == "string"


def test_a_table_number_naming_another_fields_table_yields_to_the_fields_own_title(
    tmp_path: Path,
) -> None:
    """ModelArts: `profile ... see Table 3`, where Table 3 is "location parameters" (the
    table of the page's `location`) and Table 2 is "profile parameters". A number naming a
    table no field is called after ("notebook parameters" for `spec`) is kept."""
    body = table(
        "Table 1 Response body parameters",
        RESPONSE_HEADER,
        ("profile", "Object", "Configuration. For details, see Table 3."),
        ("location", "Object", "Where it is. For details, see Table 3."),
        ("spec", "Object", "The notebook's definition. For details, see Table 5."),
    )
    result, schema = _show(
        tmp_path,
        body,
        table("Table 2 profile parameters", RESPONSE_HEADER, ("id", "String", "ID.")),
        table("Table 3 location parameters", RESPONSE_HEADER, ("path", "String", "Path.")),
        table("Table 4 spec parameters", RESPONSE_HEADER, ("engine", "String", "Engine.")),
        table("Table 5 notebook parameters", RESPONSE_HEADER, ("image", "String", "Image.")),
        example=COUNT_ONLY,
    )
    assert _fields(result, schema, "profile") == {"id"}
    assert _fields(result, schema, "location") == {"path"}
    assert _fields(result, schema, "spec") == {"image"}
    links = kinds(result)["doc-defect:link"]
    assert len(links) == 1 and "'profile' points at 'Table 3 location parameters'" in links[0]


def test_a_field_only_the_example_shows_takes_the_table_titled_after_it(tmp_path: Path) -> None:
    """ELB: the example lists `listeners`, no row names it, "listeners parameter
    description" describes it: the table, not the example's guess, is the field's object."""
    result, body = _show(
        tmp_path,
        BODY,
        table("Table 2 ResultDetail", RESPONSE_HEADER, *DETAIL),
        table(
            "Table 3 listeners parameter description",
            RESPONSE_HEADER,
            ("id", "String", "Listener ID."),
        ),
        example=EXAMPLE.replace('"count": 1', '"count": 1, "listeners": [{"id": "l1"}]'),
    )
    listeners = resolve(result.spec, body)["properties"]["listeners"]
    item = resolve(result.spec, listeners["items"])
    assert item["properties"]["id"]["description"] == "Listener ID."
    found = kinds(result)
    assert any(
        "$.listeners, which no row here names" in r for r in found["doc-defect:undocumented-field"]
    )
    assert "unlinked-table" not in found


def test_a_link_to_an_earlier_namesake_yields_to_the_table_after_the_fields_own(
    tmp_path: Path,
) -> None:
    """ModelArts training jobs: every `obs` links to the first "obs" table, while each
    object that has one is followed by its own "obs" table, which nothing points at."""
    obs = ":ref:`obs <first-obs>` object"
    result, body = _show(
        tmp_path,
        table(
            "Table 1 Response body parameters",
            RESPONSE_HEADER,
            ("inputs", "Object", "Inputs. See Table 2."),
            ("outputs", "Object", "Outputs. See Table 4."),
        ),
        table("Table 2 inputs", RESPONSE_HEADER, ("obs", obs, "Where inputs are.")),
        table("Table 3 obs", RESPONSE_HEADER, ("url", "String", "URL."), label="first-obs"),
        table("Table 4 outputs", RESPONSE_HEADER, ("obs", obs, "Where outputs go.")),
        table("Table 5 obs", RESPONSE_HEADER, ("path", "String", "Path.")),
        example=COUNT_ONLY,
    )
    inputs = resolve(result.spec, resolve(result.spec, body)["properties"]["inputs"])
    outputs = resolve(result.spec, resolve(result.spec, body)["properties"]["outputs"])
    assert set(resolve(result.spec, inputs["properties"]["obs"])["properties"]) == {"url"}
    assert set(resolve(result.spec, outputs["properties"]["obs"])["properties"]) == {"path"}
    found = kinds(result)
    assert any("an earlier table of that name" in r for r in found["doc-defect:link"])
    assert "unlinked-table" not in found


def test_a_link_to_the_other_messages_namesake_yields_to_the_one_after_the_fields_own(
    tmp_path: Path,
) -> None:
    """ELB v2 pool update: the request's `session_persistence` links to the response's
    table of that name, while the request's own (with its Mandatory column) follows it."""
    sticky = ":ref:`Table 4 <response-sticky>`"
    request = "\n".join(
        [
            table("Table 1 Request parameters", HEADER, ("pool", "Yes", "Object", "See Table 2.")),
            table(
                "Table 2 pool parameter description",
                HEADER,
                ("name", "No", "String", "Name."),
                ("session_persistence", "No", "Object", f"For details, see {sticky}."),
            ),
            table(
                "Table 3 session_persistence parameter description",
                HEADER,
                ("type", "Yes", "String", "Stickiness type."),
            ),
        ]
    )
    response = table(
        "Table 4 session_persistence parameter description",
        RESPONSE_HEADER,
        ("type", "String", "Stickiness type."),
        ("cookie_name", "String", "Cookie."),
        label="response-sticky",
    )
    result = scrape_pages(
        tmp_path,
        {
            "pool.rst": page(
                "Updating a Pool",
                ("URI", "PUT /v2/pools/{pool_id}"),
                ("Request", request),
                ("Response", response),
            )
        },
    )
    op = operation(result.spec, "put", "/v2/pools/{pool_id}")
    body = request_schema(result.spec, op)
    pool = resolve(result.spec, body["properties"]["pool"])
    sticky_schema = resolve(result.spec, pool["properties"]["session_persistence"])
    assert set(sticky_schema["properties"]) == {"type"} and sticky_schema["required"] == ["type"]
    found = kinds(result)
    assert any("another section's table of that name" in r for r in found["doc-defect:link"])
    assert "unlinked-table" not in found


def test_a_link_to_the_fields_own_table_stands_even_with_a_later_namesake(
    tmp_path: Path,
) -> None:
    """A tree's `children` links to the node table it is a row of (a recursive object); a
    later table of that title is another's, not the one meant."""
    self_ref = ":ref:`Table 2 <node-t>`"
    request = "\n".join(
        [
            table("Table 1 Request parameters", HEADER, ("node", "Yes", "Object", "See Table 2.")),
            table(
                "Table 2 node parameter description",
                HEADER,
                ("name", "Yes", "String", "Name."),
                ("children", "No", "Array", f"Child nodes. For details, see {self_ref}."),
                label="node-t",
            ),
            table("Table 3 node parameter description", HEADER, ("size", "Yes", "Integer", "S.")),
        ]
    )
    pages = {"t.rst": page("Creating a Tree", ("URI", "POST /v1/trees"), ("Request", request))}
    result = scrape_pages(tmp_path, pages)
    op = operation(result.spec, "post", "/v1/trees")
    body = request_schema(result.spec, op)
    node = resolve(result.spec, body["properties"]["node"])
    children = node["properties"]["children"]
    item = resolve(result.spec, children.get("items", children))
    assert set(item["properties"]) == {"name", "children"}
    assert "doc-defect:link" not in kinds(result)


def test_an_object_pointing_nowhere_leaves_a_table_another_row_names_by_type(
    tmp_path: Path,
) -> None:
    """ "nodes | Array of Node objects" names "Table 2 Node": the free-form `extensions`
    right before it is no Node, and Node gains no field from its example."""
    body = table(
        "Table 1 Response body parameters",
        RESPONSE_HEADER,
        ("nodes", "Array of Node objects", "Nodes."),
        ("extensions", "Object", "Vendor extensions."),
    )
    node = table("Table 2 Node", RESPONSE_HEADER, ("node_id", "String", "Node ID."))
    example = '.. code-block::\n\n   {"nodes": [{"node_id": "n"}], "extensions": {"tier": 2}}\n'
    result, schema = _show(tmp_path, body, node, example=example)
    properties = resolve(result.spec, schema)["properties"]
    assert resolve(result.spec, properties["nodes"]["items"])["properties"].keys() == {"node_id"}
    assert "$ref" not in str(properties["extensions"])
    assert "inferred:adjacent-table" not in kinds(result)


def test_a_type_cell_that_points_at_a_table_takes_it(tmp_path: Path) -> None:
    """ "See Table 2" and "Array (see Table 3)" in the Type column, and "Object (see
    below)" with the field's table titled after it."""
    body = table(
        "Table 1 Response body parameters",
        RESPONSE_HEADER,
        ("result", "See Table 2", "The outcome."),
        ("steps", "Array (see Table 3)", "Steps."),
        ("owner", "Object (see below)", "Owner."),
    )
    steps = table("Table 3 Step", RESPONSE_HEADER, ("order", "Integer", "Step order."))
    owner = table("Table 4 owner", RESPONSE_HEADER, ("user_id", "String", "User ID."))
    example = (
        '.. code-block::\n\n   {"result": {"code": "OK", "detail": "done"}, '
        '"steps": [{"order": 1}], "owner": {"user_id": "u"}}\n'
    )
    detail = table("Table 2 Outcome", RESPONSE_HEADER, *DETAIL)
    result, schema = _show(tmp_path, body, detail, steps, owner, example=example)
    assert _fields(result, schema, "result") == {"code", "detail"}
    assert _fields(result, schema, "owner") == {"user_id"}
    items = resolve(result.spec, schema)["properties"]["steps"]["items"]
    assert resolve(result.spec, items)["properties"].keys() == {"order"}
    assert not {"unknown-type", "unlinked-table"} & kinds(result).keys()


def test_a_table_the_description_points_at_wins_over_one_titled_after_the_type(
    tmp_path: Path,
) -> None:
    """Two tables titled "Tag": `tags` says "See Table 2", `sys_tags` "See Table 3"; each
    takes the one it points at, not the first titled after its type."""
    body = table(
        "Table 1 Response body parameters",
        RESPONSE_HEADER,
        ("tags", "Array of Tag objects", "User tags. See Table 2."),
        ("sys_tags", "Array of Tag objects", "System tags. See Table 3."),
    )
    user = table("Table 2 Tag", RESPONSE_HEADER, ("key", "String", "Key."))
    system = table("Table 3 Tag", RESPONSE_HEADER, ("name", "String", "Name."))
    example = '.. code-block::\n\n   {"tags": [{"key": "k"}], "sys_tags": [{"name": "n"}]}\n'
    result, schema = _show(tmp_path, body, user, system, example=example)
    properties = resolve(result.spec, schema)["properties"]
    for field, inner in (("tags", "key"), ("sys_tags", "name")):
        assert resolve(result.spec, properties[field]["items"])["properties"].keys() == {inner}
    assert "unlinked-table" not in kinds(result)


def test_tables_given_leaves_first_leave_the_body_to_the_table_nothing_names(
    tmp_path: Path,
) -> None:
    """ "Table 1 Node", then "Table 2 Cluster" (`nodes | List<Node>`), then the body's
    table (`clusters | List<Cluster>`): the body is the last, the others its objects."""
    node = table("Table 1 Node", RESPONSE_HEADER, ("node_id", "String", "Node ID."))
    cluster = table("Table 2 Cluster", RESPONSE_HEADER, ("nodes", "List<Node>", "Nodes."))
    body = table(
        "Table 3 Response body parameters",
        RESPONSE_HEADER,
        ("clusters", "List<Cluster>", "Clusters."),
        ("total", "Integer", "How many."),
    )
    example = '.. code-block::\n\n   {"clusters": [{"nodes": [{"node_id": "n"}]}], "total": 1}\n'
    result, schema = _show(tmp_path, node, cluster, body, example=example)
    properties = resolve(result.spec, schema)["properties"]
    assert properties.keys() == {"clusters", "total"}
    cluster_schema = resolve(result.spec, properties["clusters"]["items"])
    assert resolve(result.spec, cluster_schema["properties"]["nodes"]["items"])[
        "properties"
    ].keys() == {"node_id"}
    assert not {"unlinked-table", "doc-defect:undocumented-field"} & kinds(result).keys()


def test_a_scalar_row_pointing_back_at_the_body_table_leaves_it_the_body(tmp_path: Path) -> None:
    """A later table's String row whose description says "see Table 1" points at values,
    not at an object's fields: the first table stays the body."""
    detail = table(
        "Table 2 ResultDetail",
        RESPONSE_HEADER,
        ("code", "String", "Outcome code. For the values, see Table 1."),
        ("detail", "String", "What happened."),
    )
    result, body = _show(tmp_path, BODY, detail)
    assert resolve(result.spec, body)["properties"].keys() == {"result", "count"}
    assert _fields(result, body, "result") == {"code", "detail"}


def test_a_type_that_names_a_table_wins_over_a_mention_of_another_one(tmp_path: Path) -> None:
    """ "Cluster object. For its status values, see Table 2.": the mention is of a values
    table; the type names the object's."""
    body = table(
        "Table 1 Response body parameters",
        RESPONSE_HEADER,
        ("cluster", "Cluster object", "The cluster. For its status values, see Table 2."),
    )
    values = table("Table 2 Status values", ("Value", "Meaning"), ("ok", "Fine."))
    cluster = table("Table 3 Cluster", RESPONSE_HEADER, ("id", "String", "Cluster ID."))
    example = '.. code-block::\n\n   {"cluster": {"id": "c"}}\n'
    result, schema = _show(tmp_path, body, values, cluster, example=example)
    assert _fields(result, schema, "cluster") == {"id"}


def test_a_body_table_stays_the_body_whatever_later_rows_say_of_it(tmp_path: Path) -> None:
    """ "Table 1 Response body parameters" is a body's table: a later object row that
    mentions "Table 1" in prose does not make it a nested one."""
    body = table(
        "Table 1 Response body parameters",
        RESPONSE_HEADER,
        ("spec", "Spec object", "Settings. See Table 2."),
        ("count", "Integer", "How many."),
    )
    spec = table(
        "Table 2 Spec", RESPONSE_HEADER, ("extra", "Object", "Extras (as count in Table 1).")
    )
    example = '.. code-block::\n\n   {"spec": {"extra": {}}, "count": 1}\n'
    result, schema = _show(tmp_path, body, spec, example=example)
    assert resolve(result.spec, schema)["properties"].keys() == {"spec", "count"}


def test_table_n_in_another_page_is_that_pages_table_never_this_ones(tmp_path: Path) -> None:
    """ "see Table 3 in <a link to Querying a Widget>": that page's Table 3 (the widget's
    fields), not this page's Table 3 (the list's own body, which made it contain itself)."""
    show = page(
        "Querying a Widget",
        ("URI", "GET /v1/widgets/{id}"),
        ("Response", table("Table 2 Response body parameters", RESPONSE_HEADER,
                           ("widget", "Widget object", "Widget."))
         + "\n" + table("Table 3 Widget", RESPONSE_HEADER, ("id", "String", "ID."),
                        ("name", "String", "Name."))),
    )  # fmt: skip
    listing = page(
        "Listing Widgets",
        ("URI", "GET /v1/widgets"),
        ("Response", table("Table 3 Response body parameters", RESPONSE_HEADER,
                           ("widgets", "Array of objects",
                            "Widgets. For details, see Table 3 in :ref:`Querying a Widget "
                            "<show_page>`."),
                           ("count", "Integer", "Count."))),
    )  # fmt: skip
    result = scrape_pages(tmp_path, {"show.rst": ".. _show_page:\n\n" + show, "list.rst": listing})
    body = response_schema(result.spec, operation(result.spec, "get", "/v1/widgets"), "200")
    widgets = resolve(result.spec, body)["properties"]["widgets"]
    assert set(resolve(result.spec, widgets["items"])["properties"]) == {"id", "name"}
    assert "see Table 3 in Querying a Widget" in widgets["description"]


def test_a_linked_table_whose_columns_are_not_understood_gives_no_fields(tmp_path: Path) -> None:
    """A transposed table (a column per field) is reported as unknown-table; its first
    column's words ("Mandatory", "Type") must not become the object's fields."""
    transposed = table(
        "Table 2 Widget",
        ("Parameter", "name", "size"),
        ("Mandatory", "Yes", "No"),
        ("Type", "String", "Integer"),
    )
    body = table("Table 1 Request parameters", HEADER, ("widget", "Yes", "Widget object", "W."))
    request = ("Request", body + "\n" + transposed)
    creating = page("Creating a Widget", ("URI", "POST /v1/widgets"), request)
    result = scrape_pages(tmp_path, {"create.rst": creating})
    schema = request_schema(result.spec, operation(result.spec, "post", "/v1/widgets"))
    widget = resolve(result.spec, resolve(result.spec, schema)["properties"]["widget"])
    assert not widget.get("properties")
    found = kinds(result)
    assert any("'Parameter', 'name', 'size'" in r for r in found["unknown-table"])
    assert any("'widget'" in r and "Table 2 Widget" in r for r in found["unresolved-object"])


def test_an_object_named_like_a_plain_type_is_its_table_else_that_type(tmp_path: Path) -> None:
    """ "start | Time object" with a table "Time": that table (it was a string, the table
    reported unlinked); "count | Integer object" with no table "Integer": an integer."""
    body = table(
        "Table 1 Response body parameters",
        RESPONSE_HEADER,
        ("start", "Time object", "Start."),
        ("count", "Integer object", "Count."),
    )
    time = table("Table 2 Time", RESPONSE_HEADER, ("hour", "Integer", "Hour."))
    result, schema = _show(tmp_path, body, time, example=COUNT_ONLY)
    assert _fields(result, schema, "start") == {"hour"}
    assert resolve(result.spec, schema)["properties"]["count"]["type"] == "integer"
    assert "unlinked-table" not in kinds(result)


def test_the_next_table_is_not_taken_by_an_object_when_another_field_is_named_after_it(
    tmp_path: Path,
) -> None:
    """ "metadata | Object" and "options | Object", then a table "Option": the table is the
    options' (its plural names it), not the metadata's too."""
    body = table(
        "Table 1 Response body parameters",
        RESPONSE_HEADER,
        ("metadata", "Object", "Key-value pairs."),
        ("options", "Object", "Options."),
    )
    option = table("Table 2 Option", RESPONSE_HEADER, ("color", "String", "Color."))
    result, schema = _show(tmp_path, body, option, example=COUNT_ONLY)
    assert _fields(result, schema, "options") == {"color"}
    assert _fields(result, schema, "metadata") == set()
    assert "inferred:adjacent-table" not in kinds(result)


def test_a_table_inside_a_description_cell_is_the_rows_object(tmp_path: Path) -> None:
    """An RST grid table nested in the Description cell of `result`: its fields (they were
    flattened into the description, and `result` an object of none)."""
    inner = [line.strip() for line in rst_table(RESPONSE_HEADER, *DETAIL).split("\n")]
    cell = ["The outcome:", "", *inner]
    width = max(map(len, cell)) + 2
    left = ("result", "Object")

    def line(a: str, b: str, c: str, fill: str = " ", edge: str = "|") -> str:
        cells = (f"{fill}{a:{fill}<10}", f"{fill}{b:{fill}<8}", f"{fill}{c:{fill}<{width - 1}}")
        return f"   {edge}{edge.join(cells)}{edge}"

    rule = line("", "", "", "-", "+")
    rows = [rule, line("Parameter", "Type", "Description"), line("", "", "", "=", "+")]
    rows += [line(*(left if k == 0 else ("", "")), text) for k, text in enumerate(cell)]
    rows += [rule, line("count", "Integer", "How many."), rule]
    body = ".. table:: **Table 1 Response body parameters**\n\n" + "\n".join(rows) + "\n"
    result, schema = _show(tmp_path, body)
    assert _fields(result, schema, "result") == {"code", "detail"}
    assert "unlinked-table" not in kinds(result)


def test_table_n_in_words_is_this_pages_and_a_missing_page_s_is_reported(tmp_path: Path) -> None:
    """ "see Table 2 in the request parameters", with a link to another page later in the
    text: this page's Table 2. "see Table 2 in <a link to a page no input has>": no table,
    reported (the field was an empty object without a word)."""
    body = table(
        "Table 1 Request body parameters",
        HEADER,
        ("volume", "Yes", "Object",
         "Volume. See Table 2 in the request parameters. For images, see "
         ":ref:`Querying Images <images_page>`."),
        ("disk", "No", "Object", "Disk. See Table 2 in :ref:`Querying Disks <disks_page>`."),
    )  # fmt: skip
    spec = table("Table 2 volume field description", HEADER, ("size", "Yes", "Integer", "Size."))
    listed = table("Table 2 Images", RESPONSE_HEADER, ("id", "String", "ID."))
    images = page("Querying Images", ("URI", "GET /v1/images"), ("Response", listed))
    creating = page(
        "Creating a Volume", ("URI", "POST /v1/volumes"), ("Request", body + "\n" + spec)
    )
    pages = {"create.rst": creating, "images.rst": ".. _images_page:\n\n" + images}
    result = scrape_pages(tmp_path, pages)
    schema = resolve(
        result.spec, request_schema(result.spec, operation(result.spec, "post", "/v1/volumes"))
    )
    volume = resolve(result.spec, schema["properties"]["volume"])
    assert set(volume["properties"]) == {"size"}
    assert any("'disk'" in r and "'Table 2'" in r for r in kinds(result)["unresolved-object"])


def test_an_object_whose_link_leads_to_no_table_read_is_said_unresolved(tmp_path: Path) -> None:
    """A link to a page the input lacks (or to an anchor it lacks) leaves an object of no
    fields; before, nothing said so."""
    row = (
        '<tr><td>spec</td><td>Object</td><td>Specification. For details, see <a href="missing'
        '.html#ds_spec">Spec</a>.</td></tr>'
    )
    text = (
        "<h1>Showing a Widget</h1><h4>URI</h4><p>GET /v1/widgets</p><h4>Response</h4>"
        "<table><caption>Table 1 Response body</caption><tr><th>Parameter</th><th>Type</th>"
        f"<th>Description</th></tr>{row}</table>"
    )
    result = scrape_pages(tmp_path, {"show.html": text})
    body = response_schema(result.spec, operation(result.spec, "get", "/v1/widgets"), "200")
    assert "properties" not in resolve(
        result.spec, resolve(result.spec, body)["properties"]["spec"]
    )
    (reason,) = kinds(result)["unresolved-object"]
    assert "field 'spec': it links to 'missing.html#ds_spec', where no table read is" in reason


def test_a_sub_heading_row_naming_a_row_puts_the_rows_under_it_in_that_object(
    tmp_path: Path,
) -> None:
    """A full-width row "Parameters in spec" (HTML colspan) heads the fields of `spec`, up to
    a full-width row naming no row. Before, the rows under it went to the top level, with
    `colour` required there, and `spec` stayed free-form."""

    def row(*cells: str) -> str:
        return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"

    rows = (
        row("name", "Yes", "String", "Name.")
        + row("spec", "Yes", "Object", "Specification.")
        + '<tr><td colspan="4">Parameters in spec</td></tr>'
        + row("colour", "Yes", "String", "Colour.")
        + '<tr><td colspan="4">Other parameters</td></tr>'
        + row("size", "No", "Integer", "Size.")
    )
    text = (
        "<h1>Creating a Widget</h1><h4>URI</h4><p>POST /v1/widgets</p><h4>Request</h4>"
        "<table><caption>Table 1 Request body</caption><tr><th>Parameter</th><th>Mandatory"
        f"</th><th>Type</th><th>Description</th></tr>{rows}</table>"
    )
    result = scrape_pages(tmp_path, {"create.html": text})
    body = resolve(
        result.spec, request_schema(result.spec, operation(result.spec, "post", "/v1/widgets"))
    )
    assert set(body["properties"]) == {"name", "spec", "size"}
    assert body["required"] == ["name", "spec"]
    spec = resolve(result.spec, body["properties"]["spec"])
    assert set(spec["properties"]) == {"colour"} and spec["required"] == ["colour"]


def test_dotted_captions_go_to_the_object_their_prefix_names(tmp_path: Path) -> None:
    """ "spec.disk parameters" and "backup.disk parameters": each `disk` takes the table its
    own object's name prefixes. Before, both keyed as "disk" and `backup.disk` took spec's,
    while the report said nothing refers to the backup one."""
    request = "\n".join(
        [
            table("Table 1 Request body", HEADER,
                  ("spec", "Yes", "Object", "Spec."), ("backup", "No", "Object", "Backup.")),
            table("Table 2 spec parameters", HEADER, ("disk", "Yes", "Object", "Disk.")),
            table("Table 3 backup parameters", HEADER, ("disk", "Yes", "Object", "Disk.")),
            table("Table 4 spec.disk parameters", HEADER, ("size", "Yes", "Integer", "Size.")),
            table("Table 5 backup.disk parameters", HEADER,
                  ("snapshot_id", "Yes", "String", "Snapshot.")),
        ]
    )  # fmt: skip
    text = page("Creating a Widget", ("URI", "POST /v1/widgets"), ("Request", request))
    result = scrape_pages(tmp_path, {"create.rst": text})
    body = request_schema(result.spec, operation(result.spec, "post", "/v1/widgets"))
    for owner, field in (("spec", "size"), ("backup", "snapshot_id")):
        assert _fields(result, resolve(result.spec, body)["properties"][owner], "disk") == {field}
    assert "unlinked-table" not in kinds(result)
