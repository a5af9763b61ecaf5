"""Markdown pages: read into the same Page as HTML, so the interpreter needs nothing new."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from doc2openapi.scraper.page import CodeBlock, Link, Table
from doc2openapi.scraper.pipeline import scrape
from doc2openapi.scraper.readers import detect_format, read_document
from tests.conftest import FIXTURES, PAGES
from tests.test_conventions import kinds

MARKDOWN = FIXTURES / "markdown"


def _spec_without_navigation(path: Path) -> dict[str, Any]:
    """The spec of one page; tags come from the HTML page's "Parent topic" line, which a
    Markdown page has no markup for, so they are left out of the comparison."""
    spec = scrape([path], service="widget").spec
    for item in spec["paths"].values():
        for operation in item.values():
            operation.pop("tags", None)
    return {"paths": spec["paths"], "schemas": spec["components"]["schemas"]}


def test_the_markdown_rendering_of_a_page_gives_the_same_spec_as_its_html() -> None:
    markdown = _spec_without_navigation(MARKDOWN / "ListWidgets.md")
    assert markdown == _spec_without_navigation(PAGES / "ListWidgets.html")
    widget = markdown["schemas"]["Widget"]["properties"]
    assert widget["owner"]["allOf"] == [{"$ref": "#/components/schemas/Owner"}]


def test_markdown_is_told_apart_from_html_rst_and_text() -> None:
    table = "| a | b |\n| --- | --- |\n| 1 | 2 |\n"
    assert detect_format(f'# Title\n\n<a name="x"></a>\n\n{table}') == "markdown"
    assert detect_format("# Title\n\n```json\n{}\n```\n") == "markdown"
    assert detect_format(f"Title\n=====\n\n{table}") == "markdown"  # a setext heading
    assert detect_format("# T\n\n|a|b|\n|-|:-|\n|1|2|\n") == "markdown"
    shown = f"# Title\n\n{table}\n```html\n<html><body>an HTML page</body></html>\n```\n"
    assert detect_format(shown) == "markdown"  # HTML inside a fence is what the page shows
    html = "<html><body><pre>\n# not a heading\n| a | b |\n| --- | --- |\n</pre></body></html>"
    assert detect_format(html) == "html"
    fragment = "<h1>T</h1>\n<table><tr><td>x</td></tr></table>\n<pre>\n# one\n# two\n</pre>"
    assert detect_format(fragment) == "html"
    rst = "Title\n=====\n\n.. code-block:: bash\n\n   # a comment\n\n.. _label:\n"
    assert detect_format(rst) == "rst"
    quoted = "Title\n=====\n\n::\n\n# one\n# two\n\nSection\n~~~~~~~\n\n.. _x:\n"
    assert detect_format(quoted) == "rst"
    copied = "Querying Jobs\n\nURI\n\nGET /v1/jobs\n\n# list the jobs\n# (limit is 10)\n"
    assert detect_format(copied) == "text"


def _page(text: str) -> Any:
    return read_document(text.encode(), "page.md")


def test_a_table_caption_paragraph_and_its_anchor_go_to_the_table() -> None:
    page = _page(
        '# Page\n\n<a name="Owner_table"></a>\n**Table 5** Owner\n\n'
        "| Parameter | Type |\n| --- | --- |\n| name | Map<String,Array<String>> |\n"
        "| tags | List<Storage type> |\n| tables | List<Table> |\n| code | Array<Code> |\n"
    )
    (table,) = page.tables()
    assert isinstance(table, Table)
    assert (table.caption, table.number, table.anchors) == ("Table 5 Owner", 5, ("Owner_table",))
    types = [row[1].text for row in table.rows]
    assert types == [
        "Map<String,Array<String>>", "List<Storage type>", "List<Table>", "Array<Code>"
    ]  # fmt: skip
    assert not [b for s in page.sections for b in s.blocks if not isinstance(b, Table)]


def test_an_anchor_on_a_line_of_its_own_or_in_a_heading_is_kept() -> None:
    page = _page(
        '# Page\n\n<a name="first"></a>\n\n**Table 1** Item\n\n| a | b |\n| --- | --- |\n'
        '\n## <a name="OwnerSec"></a>Owner\n\ntext\n'
    )
    assert page.tables()[0].anchors == ("first",)
    assert page.sections[-1].title == "Owner"
    assert set(page.sections[-1].anchors) == {"OwnerSec", "owner"}


def test_a_sentence_about_a_table_is_not_its_caption() -> None:
    page = _page("# P\n\nTable 2 lists the fields.\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n")
    assert page.tables()[0].caption == ""


def test_raw_scripts_and_frames_are_dropped_as_on_an_html_page() -> None:
    page = _page(
        "# P\n\n| Parameter | Description |\n| --- | --- |\n"
        '| name | The name. <script>alert(1)</script><iframe src="https://x.test/"></iframe> |\n'
        "\n<style>p {}</style>\n\n<details><summary>More</summary>\n\nHidden text.\n\n</details>\n"
    )
    text = " ".join(
        [c.text for t in page.tables() for r in t.rows for c in r]
        + [b.body.text for s in page.sections for b in s.blocks if hasattr(b, "body")]
    )
    assert "The name." in text and "More" in text and "Hidden text." in text
    assert not any(word in text for word in ("script", "alert", "iframe", "style", "<"))


def test_front_matter_gives_the_title_and_a_fence_its_language() -> None:
    page = _page('---\ntitle: "Listing Widgets"\nweight: 3\n---\n\n## URI\n\n```json\n{}\n```\n')
    assert page.title == "Listing Widgets"
    assert [s.title for s in page.sections if s.title] == ["URI"]
    (code,) = [b for s in page.sections for b in s.blocks]
    assert isinstance(code, CodeBlock) and code.language == "json"


def test_headings_are_anchored_by_their_id_attribute_or_their_slug() -> None:
    page = _page(
        "# Creating a Widget {#CreateWidget .api}\n\n## Request Parameters\n\ntext\n"
        "\n### Spec\n\na\n\n### Spec\n\n| b | c |\n| --- | --- |\n"
    )
    assert page.title == "Creating a Widget"
    assert [(s.title, s.anchors) for s in page.sections[1:]] == [
        ("Creating a Widget", ("CreateWidget",)),
        ("Request Parameters", ("request-parameters",)),
        ("Spec", ("spec",)),
        ("Spec", ("spec-1",)),  # numbered as GitHub numbers a repeated heading
    ]


def test_cells_keep_line_breaks_and_links_to_other_pages() -> None:
    page = _page(
        "# P\n\n| Parameter | Description |\n| --- | --- |\n"
        "| status | Status:<br>- **on**<br>- **off** See [Codes](status_codes.md#codes). |\n"
    )
    cell = page.tables()[0].rows[0][1]
    assert cell.text == "Status:\n- on\n- off See Codes."
    assert cell.links == (Link("Codes", "status_codes.md", "codes"),)


NESTED_HEADINGS = """# Showing a Widget

## URI

GET /v1/widgets/{widget_id}

| Parameter | Mandatory | Type | Description |
| --- | --- | --- | --- |
| widget_id | Yes | String | Widget ID. |

## Response Parameters

### Status code: 200

| Parameter | Type | Description |
| --- | --- | --- |
| id | String | Widget ID. |
| owner | [Owner](#owner) object | Who owns it. |

#### Owner

| Parameter | Type | Description |
| --- | --- | --- |
| name | String | Owner name. |

### Status code: 202

| Parameter | Type | Description |
| --- | --- | --- |
| job_id | String | The job. |
"""


def test_a_heading_nested_in_a_body_section_holds_the_bodys_objects(tmp_path: Path) -> None:
    page = tmp_path / "show_widget.md"
    page.write_text(NESTED_HEADINGS, encoding="utf-8")
    result = scrape([page], service="widget")
    responses = result.spec["paths"]["/v1/widgets/{widget_id}"]["get"]["responses"]
    schemas = result.spec["components"]["schemas"]

    def fields(status: str) -> set[str]:
        ref = responses[status]["content"]["application/json"]["schema"]["$ref"]
        return set(schemas[ref.rsplit("/", 1)[1]]["properties"])

    assert fields("200") == {"id", "owner"}  # not Owner's `name`: a nested heading's table
    assert fields("202") == {"job_id"}  # a nested status heading starts the next body
    assert set(schemas["Owner"]["properties"]) == {"name"}
    assert "unlinked-table" not in kinds(result)


def _scrape_page(tmp_path: Path, name: str, text: str, **others: str) -> Any:
    folder = tmp_path / "svc"
    folder.mkdir()
    for file, body in {name: text, **others}.items():
        (folder / file).write_text(body, encoding="utf-8")
    return scrape([folder], service="widget")


def test_an_example_heading_between_the_bodys_tables_does_not_end_the_body(
    tmp_path: Path,
) -> None:
    text = NESTED_HEADINGS.replace(
        "#### Owner",
        '#### Example\n\n```json\n{"id": "w-1", "owner": {"name": "a"}}\n```\n\n#### Owner',
    )
    result = _scrape_page(tmp_path, "show_widget.md", text)
    schemas = result.spec["components"]["schemas"]
    responses = result.spec["paths"]["/v1/widgets/{widget_id}"]["get"]["responses"]
    body = responses["200"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    assert set(schemas[body]["properties"]) == {"id", "owner"}
    assert set(schemas["Owner"]["properties"]) == {"name"}
    assert "doc-defect:undocumented-field" not in kinds(result)


def test_forms_of_a_request_under_headings_are_its_alternatives(tmp_path: Path) -> None:
    row = "| Parameter | Mandatory | Type | Description |\n| --- | --- | --- | --- |\n"
    text = (
        "# Creating a Widget\n\n## URI\n\nPOST /v1/widgets\n\n## Request Parameters\n\n"
        f"### Pay-per-use\n\n{row}| name | Yes | String | Name. |\n"
        "| owner | No | [Owner](#owner) object | Owner. |\n\n"
        f"#### Owner\n\n{row}| user | Yes | String | User. |\n\n"
        f"### Yearly/monthly\n\n{row}| name | Yes | String | Name. |\n"
        "| period | Yes | Integer | Months. |\n\n"
        "## Response Parameters\n\n**Status code: 200**\n\n"
        "For the reply, see [Widget](reply.md).\n\n"
        "| Parameter | Type | Description |\n| --- | --- | --- |\n| id | String | ID. |\n"
    )
    result = _scrape_page(tmp_path, "create.md", text, **{"reply.md": NESTED_HEADINGS})
    schemas = result.spec["components"]["schemas"]
    assert set(schemas["CreateWidgetRequest"]["properties"]) == {"name", "owner", "period"}
    assert schemas["CreateWidgetRequest"]["required"] == ["name"]
    assert set(schemas["CreateWidgetOwner"]["properties"]) == {"user"}  # two pages own one
    assert "inferred:alternatives" in kinds(result)
    assert "linked-body" not in kinds(result)  # the section has a table of its own
