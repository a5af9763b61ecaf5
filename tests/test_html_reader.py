"""The HTML reader produces the format-neutral Page: sections, tables, code, links."""

from __future__ import annotations

import pytest

from doc2openapi.scraper.page import CodeBlock, PageBuilder, Paragraph, Table, Text
from doc2openapi.scraper.readers import NotADocument, detect_format, read_document
from doc2openapi.scraper.readers.html import read_html, unwrap_web_view
from tests.conftest import PAGES


def test_sections_tables_code_and_links() -> None:
    page = read_html((PAGES / "ListWidgets.html").read_text(), "ListWidgets.html")
    assert page.title == "Listing Widgets"
    titles = [s.title for s in page.sections]
    assert titles[1:5] == ["Listing Widgets", "Function", "URI", "Request Parameters"]
    tables = page.tables()
    assert [t.caption for t in tables[:3]] == [
        "Table 1 Path Parameters",
        "Table 2 Query Parameters",
        "Table 3 Response body parameters",
    ]
    assert tables[3].title == "Widget" and tables[3].number == 4
    assert "ListWidgets__response_Widget" in tables[3].anchors
    assert tables[0].header == ("Parameter", "Mandatory", "Type", "Description")
    widget_row = tables[2].rows[1]
    assert widget_row[1].text == "Array of Widget objects"
    assert widget_row[1].links[0].anchor == "ListWidgets__response_Widget"
    uri = next(s for s in page.sections if s.title == "URI")
    assert isinstance(uri.blocks[0], Paragraph)
    assert uri.blocks[0].body.text == "GET /v1/{project_id}/widgets"
    examples = next(s for s in page.sections if s.title == "Example Responses")
    code = [b for b in examples.blocks if isinstance(b, CodeBlock)]
    assert code and code[0].text.startswith("{")


def test_rowspan_and_colspan_are_resolved() -> None:
    page = read_html((PAGES / "widget_create.html").read_text(), "widget_create.html")
    body = next(t for t in page.tables() if t.caption == "Table 3 Parameters")
    rows = [[c.text for c in r] for r in body.rows]
    assert rows[2] == ["Optional settings"] * 4  # colspan copies the cell into every column
    assert rows[3][1] == "No" and rows[4][1] == "No"  # rowspan fills the row below
    assert rows[4] == ["parts", "No", "parts array", "Parts. For details, see Table 5."]


def test_a_header_split_over_two_rows_names_each_column_by_its_last_row() -> None:
    """ "Parameter | Attributes (Mandatory, Type) | Description" over two header rows, in a
    `<thead>` or as leading rows of `<th>` cells; the header repeated inside the body (as a
    page break repeats it) is no row."""
    spanned = (
        '<tr><th rowspan="2">Parameter</th><th colspan="2">Attributes</th>'
        '<th rowspan="2">Description</th></tr><tr><th>Mandatory</th><th>Type</th></tr>'
    )
    body = (
        "<tr><td>name</td><td>Yes</td><td>String</td><td>Name.</td></tr>"
        "<tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr>"
        "<tr><td>size</td><td>No</td><td>Integer</td><td>Size.</td></tr>"
    )
    for table in (f"<thead>{spanned}</thead><tbody>{body}</tbody>", spanned + body):
        page = read_html(f"<html><body><h1>T</h1><table>{table}</table></body></html>", "t.html")
        (read,) = page.tables()
        assert read.header == ("Parameter", "Mandatory", "Type", "Description")
        assert [row[0].text for row in read.rows] == ["name", "size"]
        assert read.rows[0][1].text == "Yes"


def test_a_table_inside_a_cell_is_a_table_of_its_own_that_the_cell_links_to() -> None:
    """Its rows were glued into the cell's text ("ParameterTypeDescription nameString...")."""
    inner = (
        "<table><tr><th>Parameter</th><th>Type</th><th>Description</th></tr>"
        "<tr><td>name</td><td>String</td><td>Name.</td></tr></table>"
    )
    html = (
        "<html><body><h1>T</h1><table><caption>Table 1 Body</caption>"
        "<tr><th>Parameter</th><th>Type</th><th>Description</th></tr>"
        f"<tr><td>widget</td><td>Object</td><td><p>Widget. Fields:</p>{inner}</td></tr>"
        "</table></body></html>"
    )
    outer, nested = read_html(html, "t.html").tables()
    assert outer.caption == "Table 1 Body"  # not the inner table's
    cell = outer.rows[0][2]
    assert cell.text == "Widget. Fields:"
    assert [link.anchor for link in cell.links] == list(nested.anchors)
    assert nested.header == ("Parameter", "Type", "Description")
    assert [row[0].text for row in nested.rows] == ["name"]


def test_a_two_column_table_in_a_cell_stays_readable_and_one_column_is_text() -> None:
    """A Value | Meaning table in a cell keeps its rows in the cell's text too; a table of
    one column is a box around text, read as text."""
    values = (
        "<table><tr><th>Value</th><th>Meaning</th></tr>"
        "<tr><td>SSD</td><td>Ultra-high I/O</td></tr><tr><td>SAS</td><td>High I/O</td></tr>"
        "</table>"
    )
    box = "<table><tr><td>echo hello</td></tr></table>"
    html = (
        "<html><body><h1>T</h1><table><tr><th>Parameter</th><th>Description</th></tr>"
        f"<tr><td>kind</td><td>Disk kind:{values}</td></tr>"
        f"<tr><td>script</td><td>A script, such as:{box}</td></tr></table></body></html>"
    )
    outer, inner = read_html(html, "t.html").tables()
    assert outer.rows[0][1].text == "Disk kind:\n- SSD: Ultra-high I/O\n- SAS: High I/O"
    assert outer.rows[1][1].text == "A script, such as:\necho hello"
    assert inner.header == ("Value", "Meaning")


def test_a_superscript_is_a_mark_beside_its_word_as_in_rst() -> None:
    """ "size<sup>1</sup>" was read "size1", a wrong wire name: a superscript reads "^1", as
    RST's :sup: does ("2<sup>63</sup>" is 2^63)."""
    html = (
        "<html><body><h1>T</h1><table><tr><th>Parameter</th><th>Type</th></tr>"
        "<tr><td>size<sup>1</sup></td><td>Integer</td></tr></table></body></html>"
    )
    (read,) = read_html(html, "t.html").tables()
    assert read.rows[0][0].text == "size^1"


def test_empty_header_rows_and_one_cell_sub_headings_head_no_table() -> None:
    """An empty `<tr>` in `<thead>` (before, an IndexError lost the page) and a `<th>` row
    of one cell under the header ("Basic settings", no `<thead>`) are no header rows."""
    header = "<tr><th>Parameter</th><th>Type</th></tr>"
    row = "<tr><td>name</td><td>String</td></tr>"
    for table in (
        f"<thead>{header}<tr></tr></thead>{row}",
        f"<thead><tr></tr>{header}</thead>{row}",
        f'{header}<tr><th colspan="2">Basic settings</th></tr>{row}',
    ):
        page = read_html(f"<html><body><h1>T</h1><table>{table}</table></body></html>", "t.html")
        (read,) = page.tables()
        assert read.header == ("Parameter", "Type"), table
        assert read.rows[-1][0].text == "name"


def test_web_view_noise_is_removed() -> None:
    html = '<h1>T</h1>\n<pre>{\n"a": 1\n}</pre>'
    dumped = "repo/path/page.html\nAuthor 1234abc\n733 lines\nHTML\n" + "\n|\n".join(
        html.splitlines()
    )
    assert unwrap_web_view(dumped) == html
    page = read_html(dumped, "x")
    assert page.title == "T"
    code = [b for s in page.sections for b in s.blocks if isinstance(b, CodeBlock)]
    assert code[0].text == '{\n"a": 1\n}'


def test_list_items_in_cells_become_lines() -> None:
    html = (
        "<table><tr><th>Parameter</th><th>Description</th></tr>"
        "<tr><td>x</td><td><p>Options:</p><ul><li>a: first</li><li>b: second</li></ul></td></tr>"
        "</table>"
    )
    table = read_html(html, "x").tables()[0]
    assert isinstance(table, Table)
    assert table.rows[0][1].text == "Options:\n- a: first\n- b: second"


def test_a_collapsible_block_holds_its_table_and_code_and_its_summary_titles_its_table() -> None:
    """`<details>` is a block like a div: what it holds is read, not one line of its text;
    the `<summary>` over its one caption-less table is that table's caption."""
    html = (
        "<h1>T</h1><p>filter_policy: see below.</p>"
        "<details><summary><b>filter_policy</b></summary><table><tr><th>Parameter</th>"
        "<th>Type</th></tr><tr><td>name</td><td>String</td></tr></table></details>"
        "<details><summary>Example response</summary><pre>{}</pre></details>"
    )
    page = read_html(html, "x")
    assert [(t.caption, [[c.text for c in r] for r in t.rows]) for t in page.tables()] == [
        ("filter_policy", [["name", "String"]])
    ]
    blocks = [b for s in page.sections for b in s.blocks]
    said = [b.body.text for b in blocks if isinstance(b, Paragraph)]
    assert said == ["filter_policy: see below.", "Example response"]
    assert [b.text for b in blocks if isinstance(b, CodeBlock)] == ["{}"]
    folded = (
        "<h1>T</h1><details><summary><h2>Request Parameters</h2></summary><table><tr>"
        "<th>Parameter</th></tr><tr><td>a</td></tr></table></details><details><summary>More"
        "</summary><details><summary>b</summary><table><tr><th>Parameter</th></tr><tr><td>b"
        "</td></tr></table></details></details>"
    )  # a summary holding a heading is that heading; one over nested parts labels no table
    page = read_html(folded, "x")
    assert [s.title for s in page.sections if s.level] == ["T", "Request Parameters"]
    assert [t.caption for t in page.tables()] == ["", "b"]
    assert [b.body.text for s in page.sections for b in s.blocks if isinstance(b, Paragraph)] == [
        "More"
    ]


def test_format_detection() -> None:
    assert detect_format("<div><h1>x</h1></div>") == "html"


@pytest.mark.parametrize(
    ("data", "reason"), [(b"", "empty"), (b"\x89PNG\x00\x00", "binary"), (b"   \n", "empty")]
)
def test_bad_documents_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(NotADocument, match=reason):
        read_document(data, "f")


def test_non_utf8_text_is_decoded() -> None:
    html = "<h1>Caf\u00e9</h1>".encode("latin-1")
    assert read_document(html, "x").title == "Caf\u00e9"


def test_a_label_above_a_table_is_short_and_read_in_linear_time() -> None:
    """Untrusted text: a paragraph of thousands of spaces between stars labels nothing
    (a first pattern backtracked on it for minutes)."""
    for text, caption in (("**owner:**", "owner"), ("*" + " " * 3000 + "*a", "")):
        builder = PageBuilder("t.html")
        builder.paragraph(Text(text))
        builder.table("", (), ("Parameter", "Type"), [(Text("id"), Text("String"))])
        assert builder.finish().tables()[0].caption == caption


def test_a_header_cell_empty_in_the_lower_row_keeps_the_name_above_it() -> None:
    head = "<tr><th>Parameter</th><th>Limits</th></tr><tr><th></th><th>Min</th></tr>"
    page = read_html(
        f"<html><body><table><thead>{head}</thead><tr><td>a</td><td>1</td></tr></table></body></html>",
        "t.html",
    )
    assert page.tables()[0].header == ("Parameter", "Min")
