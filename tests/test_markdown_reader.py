"""Markdown pages: read into the same Page as HTML, so the interpreter needs nothing new."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from doc2openapi.scraper.page import Link, Table
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
    markdown = '# Title\n\n<a name="x"></a>\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n'
    assert detect_format(markdown) == "markdown"
    assert detect_format("# Title\n\n```json\n{}\n```\n") == "markdown"
    html = "<html><body><pre>\n# not a heading\n| a | b |\n| --- | --- |\n</pre></body></html>"
    assert detect_format(html) == "html"
    rst = "Title\n=====\n\n.. code-block:: bash\n\n   # a comment\n\n.. _label:\n"
    assert detect_format(rst) == "rst"
    assert detect_format("# a shell comment copied from a page\nGET /v1/x\n") == "text"
    assert detect_format("# Title\n\ntext\n\n## Section\n\nmore\n") == "markdown"


def _page(text: str) -> Any:
    return read_document(text.encode(), "page.md")


def test_a_table_caption_paragraph_and_its_anchor_go_to_the_table() -> None:
    page = _page(
        '# Page\n\n<a name="Owner_table"></a>\n**Table 5** Owner\n\n'
        "| Parameter | Type |\n| --- | --- |\n| name | Map<String,Array<String>> |\n"
        "| tags | List<Storage type> |\n"
    )
    (table,) = page.tables()
    assert isinstance(table, Table)
    assert (table.caption, table.number, table.anchors) == ("Table 5 Owner", 5, ("Owner_table",))
    types = [row[1].text for row in table.rows]
    assert types == ["Map<String,Array<String>>", "List<Storage type>"]
    assert not [b for s in page.sections for b in s.blocks if not isinstance(b, Table)]


def test_headings_are_anchored_by_their_id_attribute_or_their_slug() -> None:
    page = _page("# Creating a Widget {#CreateWidget}\n\n## Request Parameters\n\ntext\n")
    assert page.title == "Creating a Widget"
    assert [(s.title, s.anchors) for s in page.sections[1:]] == [
        ("Creating a Widget", ("CreateWidget",)),
        ("Request Parameters", ("request-parameters",)),
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
