"""RST and plain-text renderings give the same operations as HTML (issue: other formats)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import pytest

from doc2openapi.scraper.page import Page, Paragraph
from doc2openapi.scraper.pipeline import ScrapeResult, scrape
from doc2openapi.scraper.readers import detect_format, read_document
from doc2openapi.scraper.readers.rst import read_rst
from tests.conftest import PAGES
from tests.helpers import (
    assert_operation_pages,
    operation,
    params,
    ref_name,
    resolve,
    response_schema,
)
from tests.render_text import render_text
from tests.test_corpus_modelarts import assert_export_tasks_operation

IMPORT_TASKS = "/v2/{project_id}/datasets/{dataset_id}/import-tasks"


def _squash(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _squash(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_squash(v) for v in node]
    if isinstance(node, str):
        return " ".join(node.split())
    return node


def _descriptions(node: Any, path: str = "") -> dict[str, str]:
    found: dict[str, str] = {}
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                found[path] = value
            else:
                found.update(_descriptions(value, f"{path}/{key}"))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found.update(_descriptions(value, f"{path}/{i}"))
    return found


def _strip_descriptions(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _strip_descriptions(v) for k, v in node.items() if k != "description"}
    if isinstance(node, list):
        return [_strip_descriptions(v) for v in node]
    return node


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("GetExportTasksStatusOfDataset.gitea.html.txt", "html"),
        ("SyncDataSourceState.gitea-fork.html.txt", "html"),
        ("GetExportTasksStatusOfDataset.rst.txt", "rst"),
        ("ListImportTasks.huaweicloud-rendered.txt", "text"),
    ],
)
def test_format_is_detected_by_content(seeds: Path, name: str, fmt: str) -> None:
    assert detect_format((seeds / name).read_text(encoding="utf-8")) == fmt


def test_rst_and_html_seeds_give_the_same_operation(seeds: Path) -> None:
    rst = scrape([seeds / "GetExportTasksStatusOfDataset.rst.txt"])
    html = scrape([seeds / "GetExportTasksStatusOfDataset.gitea.html.txt"])
    assert rst.valid
    assert_export_tasks_operation(rst.spec)
    rst_doc = {"paths": rst.spec["paths"], "components": rst.spec["components"]}
    html_doc = {"paths": html.spec["paths"], "components": html.spec["components"]}
    # Structure: paths, parameters, required lists and schema trees are identical.
    assert _strip_descriptions(rst_doc) == _strip_descriptions(html_doc)
    # Descriptions differ in white space only, but for one real rendering defect: the HTML
    # export shows sample_time's list as a <pre> block of unrendered Markdown ("- **day**").
    rst_text, html_text = _descriptions(_squash(rst_doc)), _descriptions(_squash(html_doc))
    assert rst_text.keys() == html_text.keys()
    differing = {k for k in rst_text if rst_text[k] != html_text[k]}
    assert differing == {"/components/schemas/SearchCondition/properties/sample_time"}
    assert html_text[next(iter(differing))].replace("**", "") == rst_text[next(iter(differing))]


def test_plain_text_seed(seeds: Path) -> None:
    result = scrape([seeds / "ListImportTasks.huaweicloud-rendered.txt"])
    assert result.valid
    op = operation(result.spec, "get", IMPORT_TASKS)
    p = params(op)
    assert {k for k in p} == {
        ("path", "project_id"),
        ("path", "dataset_id"),
        ("query", "limit"),
        ("query", "offset"),
    }
    body = response_schema(result.spec, op, "200")
    assert set(body["properties"]) == {"import_tasks", "total_count"}
    task = resolve(result.spec, body["properties"]["import_tasks"]["items"])
    assert len(task["properties"]) == 24
    assert "- 1: Import by manifest file." in task["properties"]["import_type"]["description"]
    source = resolve(result.spec, task["properties"]["data_source"])
    assert ref_name(source["properties"]["schema_maps"]["items"]) == "SchemaMap"
    assert ref_name(source["properties"]["source_info"]) == "SourceInfo"
    assert ref_name(task["properties"]["file_statistics"]) == "FileCopyProgress"
    assert set(op["responses"]) == {"200", "401", "403", "404"}
    examples = op["responses"]["200"]["content"]["application/json"]["examples"]
    example = next(iter(examples.values()))
    assert example["value"]["total_count"] == 1


@pytest.mark.parametrize("page", ["ListWidgets.html", "widget_create.html"])
def test_text_rendering_round_trip(tmp_path: Path, page: str) -> None:
    original = read_document((PAGES / page).read_bytes(), page)
    (tmp_path / page.replace(".html", ".txt")).write_text(render_text(original))
    shutil.copy(PAGES / "CLASS.TXT.json", tmp_path)  # the same topic tree, so the same tags
    from_html = scrape([PAGES / page])
    from_text = scrape([tmp_path / page.replace(".html", ".txt")])
    assert from_text.report.files[0].status == "operations"
    assert from_text.spec["paths"] == from_html.spec["paths"]
    assert from_text.spec["components"] == from_html.spec["components"]


def test_rst_tree_builds_a_valid_spec(rst_modelarts: ScrapeResult) -> None:
    result = rst_modelarts
    assert result.valid, result.report.spec_errors[:5]
    assert_operation_pages(result.report, at_least=220, share=0.95)


def test_rst_security_include_and_raw_are_disabled(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT\n")
    source = (
        "Title\n=====\n\n"
        f".. include:: {secret}\n\n"
        f".. raw:: html\n   :file: {secret}\n\n"
        f".. csv-table:: t\n   :file: {secret}\n\n"
        ".. raw:: html\n\n   <script>alert(1)</script>\n\n"
        "Text after.\n"
    )
    page = read_rst(source, "evil.rst")
    assert "TOP-SECRET-CONTENT" not in repr(page)
    assert "<script>" not in repr(page.sections)  # a note may quote it; the content never does
    assert any("disabled" in note for note in page.notes)
    assert page.sections[-1].blocks[-1].body.text == "Text after."  # type: ignore[union-attr]


def test_rst_markup_errors_become_notes_not_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    page = read_rst("Title\n=====\n\n.. unknown-directive:: x\n\n`unclosed\n", "bad.rst")
    assert page.notes
    numbered = read_rst("Title\n=====\n\n2. second\n3. third\n", "list.rst")
    assert numbered.notes == []  # docutils' INFO ("start value not ordinal-1") is no defect
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out == ""


def test_mixed_formats_make_one_document(seeds: Path) -> None:
    result: ScrapeResult = scrape(
        [
            seeds / "GetExportTasksStatusOfDataset.rst.txt",
            seeds / "ListImportTasks.huaweicloud-rendered.txt",
            seeds / "SyncDataSourceState.gitea-fork.html.txt",
        ]
    )
    assert result.valid
    assert len(result.spec["paths"]) == 3
    assert result.report.summary.operations == 3


def test_text_copied_with_tabs_between_cells_and_other_heading_forms(tmp_path: Path) -> None:
    """A browser's copy of a table: one row a line, tabs between cells, its caption right
    above; "Path Parameters", "Query Parameters" and "Sample Response" as headings."""
    text = "\n".join([
        "Showing a Quota", "", "URI", "", "GET /v1/{project_id}/quotas", "",
        "Path Parameters", "", "Parameter\tMandatory\tType\tDescription",
        "project_id\tYes\tString\tProject ID.", "",
        "Query Parameters", "", "Parameter\tMandatory\tType\tDescription",
        "detail\tNo\tBoolean\tWhether to show usage.", "",
        "Response Parameters", "", "Table 3 Response body parameters",
        "Parameter\tType\tDescription", "quota\tQuota object\tQuota. See Table 4.", "",
        "Table 4 Quota", "Parameter\tType\tDescription",
        "limit\tInteger\tUpper limit. The value ranges from -1 to 100.", "",
        "Sample Response", "", '{"quota": {"limit": 10}}', "",
        "Status Codes", "", "Status Code\tDescription", "200\tOK", "404\tNot found", "",
    ])  # fmt: skip
    (tmp_path / "quota.txt").write_text(text)
    result = scrape([tmp_path / "quota.txt"])
    assert result.valid
    op = operation(result.spec, "get", "/v1/{project_id}/quotas")
    assert params(op).keys() == {("path", "project_id"), ("query", "detail")}
    quota = resolve(result.spec, response_schema(result.spec, op, "200")["properties"]["quota"])
    assert quota["properties"]["limit"]["maximum"] == 100
    assert set(op["responses"]) == {"200", "404"}
    assert op["responses"]["200"]["content"]["application/json"]["examples"]
    assert not result.diagnostics or {d.kind for d in result.diagnostics} <= {"endpoint-not-named"}


def _copied_request(*rows: tuple[str, ...], after: tuple[str, ...] = ()) -> Page:
    """A page copied from a browser one cell a line: a request body table of these rows
    (under Parameter | Mandatory | Type | Description), then the lines `after`."""
    cells = [cell for row in (("Parameter", "Mandatory", "Type", "Description"), *rows)
             for cell in row]  # fmt: skip
    text = "\n\n".join(["Creating a Widget", "URI", "POST /v1/widgets", "Request Parameters",
                        "Table 1 Request body parameters", *cells, *after])  # fmt: skip
    return read_document(text.encode(), "create.txt")


def test_a_one_cell_a_line_table_that_lost_an_empty_cell_is_reported_and_cut() -> None:
    """An empty Description copies as no line: the cells after it shift by one. The rows
    from the damaged one on are skipped, and a note names the row."""
    page = _copied_request(("name", "No", "String", "Name."),
                           ("tag", "No", "String"),  # its description was empty
                           ("days", "Yes", "Integer", "Days."))  # fmt: skip
    (table,) = page.tables()
    assert [row[0].text for row in table.rows] == ["name"]
    assert any("row 3 is out of step" in note and "'Yes'" in note for note in page.notes)


def test_a_note_under_a_one_cell_a_line_table_is_prose_and_a_heading_ends_the_table() -> None:
    """ "Note:" and its numbered lines after the last row, then "Response Parameters": the
    note is prose under the table (it made a row of four cells, and the heading was one of
    them: the real last row was cut and the response body went to the request)."""
    page = _copied_request(
        ("name", "Yes", "String", "Name."), ("mode", "Yes", "String", "Mode."),
        after=("Note:", "1. The name must be unique.", "2. The mode stays.",
               "Response Parameters", "Table 2 Response body parameters",
               "Parameter", "Type", "Description", "id", "String", "ID."),
    )  # fmt: skip
    request, response = page.tables()
    assert [row[0].text for row in request.rows] == ["name", "mode"]
    assert [row[0].text for row in response.rows] == ["id"]
    assert not page.notes
    section = next(s for s in page.sections if s.title == "Request Parameters")
    said = [b.body.text for b in section.blocks if isinstance(b, Paragraph)]
    assert said == ["Note:", "1. The name must be unique.", "2. The mode stays."]


def test_a_last_row_named_remark_a_conditional_mandatory_cell_and_a_status_description() -> None:
    """Rows, not notes or breaks: a field named `remark` (a note opens with "Note:"), a
    Mandatory cell "Only for HTTPS listeners" (a condition, not a cell out of step) and a
    description that opens with "Status code:"."""
    page = _copied_request(("name", "Yes", "String", "Name."),
                           ("cert", "Only for HTTPS listeners", "String", "Certificate."),
                           ("state", "No", "String", "Status code: the state's code."),
                           ("remark", "No", "String", "A remark."))  # fmt: skip
    (table,) = page.tables()
    assert [row[0].text for row in table.rows] == ["name", "cert", "state", "remark"]
    assert not page.notes


def test_a_field_named_like_a_heading_is_a_row_when_a_row_follows_from_it() -> None:
    """ "description" then "No": a field, not the heading "Description" (it ended the table
    there and lost every later row without a word); "Status Codes" still ends it."""
    page = _copied_request(
        ("name", "Yes", "String", "Name."),
        ("description", "No", "String", "Description of the widget."),
        ("size", "No", "Integer", "Size."),
        after=("Status Codes", "Status Code", "Description", "200", "OK"),
    )
    request, codes = page.tables()
    assert [row[0].text for row in request.rows] == ["name", "description", "size"]
    assert [row[0].text for row in codes.rows] == ["200"]


def test_a_mandatory_cell_that_is_no_yes_or_no_shows_a_row_out_of_step() -> None:
    """A cell spanning two rows copies once: "alias" then "Widget alias." where the yes or
    no should be. The rows from there are reported and cut, never read shifted (fields
    named "Integer" and "String")."""
    page = _copied_request(("name", "Yes", "String", "Name."),
                           ("alias", "Widget alias."),
                           ("size", "No", "Integer", "Size."),
                           ("color", "No", "String", "Color."))  # fmt: skip
    (table,) = page.tables()
    assert not {row[0].text for row in table.rows} & {"Integer", "String"}
    assert any("out of step" in note and "'alias'" in note for note in page.notes)


def test_text_example_labels_are_headings_only_where_they_start_another_part() -> None:
    """ "Sample request" under "Samples" labels an example; "Sample Response" under
    "Example Request" starts the response's examples; "Response Parameters (status 201)"
    and "Body Parameters" are headings."""
    text = "\n\n".join([
        "Creating a Rule", "URI", "POST /v1/rules", "Body Parameters", "Some prose.",
        "Response Parameters (status 201)", "More prose.", "Example Request",
        '{"a": 1}', "Sample Response", '{"b": 2}', "Samples", "Sample request", '{"c": 3}',
    ])  # fmt: skip
    page = read_document(text.encode(), "rule.txt")
    assert [s.title for s in page.sections][2:] == [
        "URI", "Body Parameters", "Response Parameters (status 201)", "Example Request",
        "Sample Response", "Samples",
    ]  # fmt: skip


def test_text_tables_keep_cells_of_two_lines_empty_first_cells_and_example_named_fields() -> None:
    """A tab-copied cell on two lines goes on in its row; an empty first cell keeps its
    column; one line with a tab is no table; a field named "examples" and a Mandatory cell
    "Yes (for Windows)" are cells, not a heading nor a table out of step."""
    text = "\n".join([
        "Creating a Widget", "", "URI", "", "POST /v1/widgets", "",
        "Status code:\t201", "",
        "Parameter\tMandatory\tType\tDescription",
        "colour\tNo\tString\tColour. Possible values:", "- red", "- blue",
        "\tNo\tString\tA note for the row above.", "",
        "Table 2 Response body parameters", "", "Parameter", "", "Mandatory", "", "Type", "",
        "Description", "", "examples", "", "Yes (for Windows)", "", "Integer", "", "Count.", "",
        "total", "", "No", "", "Integer", "", "Total.", "",
    ])  # fmt: skip
    page = read_document(text.encode(), "w.txt")
    tabbed, cells = page.tables()
    assert [row[0].text for row in tabbed.rows] == ["colour", ""]
    assert tabbed.rows[0][3].text.endswith("- red\n- blue")
    assert [row[0].text for row in cells.rows] == ["examples", "total"] and not page.notes


def test_an_rst_superscript_reads_as_in_html() -> None:
    """ "size\\ :sup:`1`" was "size1", a wrong wire name; "2\\ :sup:`63`" was 263."""
    text = "T\n=\n\nThe most is 2\\ :sup:`63` - 1.\n\n" + "\n".join([
        "+-------------------+---------+", "| Parameter         | Type    |",
        "+===================+=========+", "| size\\ :sup:`1`    | Integer |",
        "+-------------------+---------+",
    ])  # fmt: skip
    page = read_rst(text, "t.rst")
    (table,) = page.tables()
    assert table.rows[0][0].text == "size^1"
    said = [b.body.text for s in page.sections for b in s.blocks if isinstance(b, Paragraph)]
    assert said == ["The most is 2^63 - 1."]


# A grid table whose lines are ASCII, or hold combining marks (e\u0301) or wide characters.
_MIXED_TABLE = """Title
=====

+-----------+-----------+--------------------+
| Parameter | Mandatory | Description        |
+===========+===========+====================+
| name      | Yes       | Plain ASCII.       |
+-----------+-----------+--------------------+
| cafe\u0301      | No        | A combining mark.  |
+-----------+-----------+--------------------+
| 名称      | No        | Wide: 中文说明     |
+-----------+-----------+--------------------+
"""
_TREE = (
    "import io, sys; from docutils.core import publish_doctree; "
    "from doc2openapi.scraper.readers.rst import SETTINGS; "
    "print(publish_doctree(sys.stdin.read(), settings_overrides={**SETTINGS, "
    "'warning_stream': io.StringIO()}).pformat(), end='')"
)


def test_the_docutils_ascii_shortcuts_leave_the_node_tree_as_docutils_builds_it() -> None:
    """docutils as shipped (a fresh process, no shortcuts) and with the reader's shortcuts
    give the same tree, for ASCII lines and for lines with combining or wide characters."""
    import subprocess
    import sys

    from docutils.core import publish_doctree

    from doc2openapi.scraper.readers import docutils_speed
    from doc2openapi.scraper.readers.rst import SETTINGS

    stock = subprocess.run(
        [sys.executable, "-c", _TREE], input=_MIXED_TABLE, capture_output=True, text=True,
        check=True, encoding="utf-8",
    ).stdout  # fmt: skip
    docutils_speed.install()
    ours = publish_doctree(
        _MIXED_TABLE, settings_overrides={**SETTINGS, "warning_stream": io.StringIO()}
    ).pformat()
    assert "名称" in stock and "Wide" in stock and "system_message" not in stock
    assert ours == stock
