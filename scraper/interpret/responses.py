"""Responses: the status codes a page lists, and each one's body table and examples."""

from __future__ import annotations

import re

from doc2openapi.scraper.interpret.columns import is_status_table, read_fields
from doc2openapi.scraper.interpret.common_statuses import CommonStatuses, common_statuses
from doc2openapi.scraper.interpret.example_fields import example_schema
from doc2openapi.scraper.interpret.examples import show_nothing
from doc2openapi.scraper.interpret.http_message import reason_phrase
from doc2openapi.scraper.interpret.page_state import Draft, PageContext, section_tables
from doc2openapi.scraper.interpret.parameters import IMPLIED_HEADERS, row_schema
from doc2openapi.scraper.interpret.sections import RoledSection
from doc2openapi.scraper.model import Body, Example, Parameter, Response
from doc2openapi.scraper.page import Paragraph, Table

NO_BODY_STATUSES = frozenset({"204", "205", "304"})  # RFC 9110: these responses have no body
# "Status code: 202", and the labels other pages write for it: "Normal response code: 202",
# "Normal: 202", "Success: 202", "Returned value: 202 Accepted", "Return code: 202"
STATUS_MARKER = re.compile(
    r"\b(?:status\s+codes?|(?:normal|success(?:ful)?)(?:\s+response)?(?:\s+codes?)?|"
    r"response\s+codes?|return(?:ed)?\s+(?:codes?|values?))\s*[:：]?\s*([1-5]\d\d)\b",
    re.I,
)
# A heading's status in parentheses: "Response Parameters (status 202)", "Response (201)"
HEADING_STATUS = re.compile(
    r"\(\s*(?:http\s+)?(?:status(?:\s+codes?)?\s*[:：]?\s*)?([1-5]\d\d)\s*\)", re.I
)


def heading_status(title: str) -> str | None:
    """The status a heading names ("Status code: 202", "Response Parameters (status 202)")."""
    marker = STATUS_MARKER.search(title) or HEADING_STATUS.search(title)
    return marker.group(1) if marker else None


LINE_END = re.compile(r"\s*([A-Z][A-Za-z -]{0,40}?)?\s*\.?")  # " Accepted." after a marker
STATUS_LINE = re.compile(r"^\s*([1-5]\d\d)\b(?![.,]\d)\s*[:：-]?\s*(.{0,80})$", re.S)
STATUS_RETURNED = re.compile(r"\b([1-5]\d\d) ([A-Z][A-Za-z -]{1,40}?) (?:is|will be) returned\b")
# "If a 2xx status code is returned, for example, 200, 202, or 204, the request is successful":
# the page names the success class, not the code (OpenAPI's range key "2XX"); not "a non-2xx
# status code", nor a sentence that says nothing of success ("reply with a 2xx status code")
_RANGE = r"(?<![\w-])2xx\s+(?:status\s+)?codes?\b"
SUCCESS_RANGE = re.compile(rf"{_RANGE}[^.]*\bsucce|\bsucce[^.]*{_RANGE}", re.I)
RANGE_KEY = "2XX"
SUCCEEDS = re.compile(r"\bsucce(?:eds?|ss|ssful|ssfully)\b", re.I)


def read_prose_statuses(roled: RoledSection, draft: Draft) -> None:
    """Status codes stated in a sentence of any section ("Status code 200, indicating that
    the operation is successful", "Status Code:200.", "If the operation succeeds, 202
    Accepted is returned"), or the success class ("If a 2xx status code is returned, ...
    successful"): the page's statuses when nothing else lists one."""
    for block in roled.section.blocks:
        if not isinstance(block, Paragraph):
            continue
        text = " ".join(block.body.text.split())
        for marker in STATUS_MARKER.finditer(text):
            draft.prose_statuses.setdefault(marker.group(1), "")
            if marker.group(1).startswith("2") and SUCCEEDS.search(_sentence(text, marker)):
                draft.success_codes.append(marker.group(1))  # "... returned if it succeeds"
        if SUCCESS_RANGE.search(text):
            draft.prose_statuses.setdefault(RANGE_KEY, "")
        for returned in STATUS_RETURNED.finditer(text):
            code, words = returned.groups()
            if words.lower() == reason_phrase(code, "").lower():
                draft.prose_statuses.setdefault(code, words)


def _sentence(text: str, match: re.Match[str]) -> str:
    start = text.rfind(". ", 0, match.start()) + 1
    end = text.find(". ", match.end())
    return text[start : end if end >= 0 else len(text)]


def read_status_section(roled: RoledSection, draft: Draft) -> None:
    """The codes a status section lists: in its paragraphs' lines, then in its status tables."""
    paragraphs = [b.body for b in roled.section.blocks if isinstance(b, Paragraph)]
    notes = [body.text for body in paragraphs]
    draft.status_note = draft.status_note or " ".join(notes)
    draft.status_links += [link for body in paragraphs for link in body.links]
    for line in "\n".join(notes).splitlines():
        if (listed := _listed_status(line)) is not None:
            draft.statuses.setdefault(*listed)
    for table in section_tables(roled):
        if not is_status_table(table):
            continue
        said = _description_column(table)
        for row in table.rows:
            code = row[0].text.strip()[:3]
            if code.isdigit() and code not in draft.statuses:
                description = row[said].text if len(row) > said else ""
                draft.statuses[code] = " ".join(description.split())


def _listed_status(line: str) -> tuple[str, str] | None:
    """(code, its words) a status section's line states: "204" on a line of its own (after
    "- Normal"), "200 OK", or a line that is only a marker ("Status Code:202.", "Normal
    response code: 202 Accepted")."""
    if (status := STATUS_LINE.match(line)) is not None:
        code, words = status.groups()
        return code, " ".join(words.split())
    marker = STATUS_MARKER.match(line.strip())
    if marker is not None and (words := LINE_END.fullmatch(line.strip(), marker.end())):
        return marker.group(1), " ".join((words.group(1) or "").split())
    return None


def _description_column(table: Table) -> int:
    """The column that describes a code: the one headed "Description" where there is one
    ("Status Code | Status | Description" would otherwise say only "OK"), else the second."""
    headed = (i for i, cell in enumerate(table.header) if "description" in cell.lower())
    return next(headed, 1)


def build_responses(ctx: PageContext, base_id: str, method: str) -> dict[str, Response]:
    """One Response per documented status, with its body and examples, in code order."""
    responses = {code: Response(code, desc) for code, desc in ctx.draft.statuses.items()}
    exact = [code for code in ctx.draft.prose_statuses if code != RANGE_KEY]
    common = None if responses or exact else common_statuses(ctx, method)
    linked = common.of(method) if common else {}
    # a body or example with no status stated is the success response's; the success
    # response's body is named plainly ("CreateWidgetResponse"), also when only a body's
    # "Status code: 201" says which code it is
    stated = _stated_in_prose(ctx.draft.prose_statuses, linked)
    # a sentence naming the class is about success; one naming a code may be about a case
    # ("If Range is specified, status code 206 is returned"), so only the class is taken
    named = [*responses, *ctx.draft.bodies, *ctx.draft.success_codes,
             *(code for code in stated if code == RANGE_KEY)]  # fmt: skip
    success = _success_code(ctx, named, linked)
    _add_bodies(ctx, responses, success, base_id)
    _add_headers(ctx, responses, success)
    _add_examples(ctx, responses, success, base_id, _examples_by_code(ctx, success, named))
    if not responses:  # no list, table, marker or body: the codes a sentence states, or
        stated = stated or linked  # a linked page gives the method
        responses = {code: Response(code, words) for code, words in stated.items()}
    _account_for(ctx, responses, common, method)
    return dict(sorted(responses.items()))


def _account_for(
    ctx: PageContext, responses: dict[str, Response], common: CommonStatuses | None, method: str
) -> None:
    """Say which codes a linked common page gave; with no code at all, add `default` and say
    why; describe every response (the common page's words, else the reason phrase)."""
    linked = common.of(method) if common else {}
    if common is not None and (used := [code for code in linked if code in responses]):
        ctx.builder.diagnose("inferred:status", common.gives(method, used))
    if not responses:
        unstated = "no status codes or response tables documented"
        ctx.builder.diagnose("no-responses", common.unmapped(method) if common else unstated)
        responses["default"] = Response("default", ctx.draft.status_note or "Not documented")
    for response in responses.values():
        response.description = response.description or linked.get(response.status, "")
        response.description = response.description or reason_phrase(response.status)


def _add_bodies(
    ctx: PageContext, responses: dict[str, Response], success: str, base_id: str
) -> None:
    for status, ref in ctx.draft.bodies.items():
        code = status or success
        if code in NO_BODY_STATUSES:
            responses.setdefault(code, Response(code))  # the status is documented; no body
            ctx.builder.mark_read(ref)  # reported here, not again as unlinked
            ctx.builder.diagnose(
                "doc-defect:status",
                f"response fields are documented for status {code}, which has no body "
                "in HTTP; they are left out",
                ref.table.caption,
            )
            continue
        response = responses.setdefault(code, Response(code))
        response.body = Body(ctx.builder.object_ref(ref, base_id + _suffix(code, success)))


def _add_headers(ctx: PageContext, responses: dict[str, Response], success: str) -> None:
    """The rows of a response header table ("Parameters in the response header") are that
    response's headers. None is required: the docs list what a response may carry."""
    for status, refs in ctx.draft.response_headers.items():
        response = responses.setdefault(status or success, Response(status or success))
        for ref in refs:
            ctx.builder.used.add(ref.key)
            for row in read_fields(ref.table):
                if row.name.lower() in IMPLIED_HEADERS or row.name in response.header_names:
                    continue
                schema, description, source = row_schema(ctx.builder, row, ref)
                header = Parameter(row.name, "header", False, schema, description, source)
                response.headers.append(header)


def _add_examples(
    ctx: PageContext,
    responses: dict[str, Response],
    success: str,
    base_id: str,
    by_code: dict[str, list[Example]],
) -> None:
    body_codes = {status or success for status in ctx.draft.bodies}
    for status, examples in by_code.items():
        code = status or success
        documented = responses.get(code)
        if code in NO_BODY_STATUSES:
            if code not in body_codes and not show_nothing(examples):
                ctx.builder.diagnose(
                    "doc-defect:status",
                    f"a {code} response example is given, but that status has no body",
                )
            continue
        if documented is None or documented.body is None:
            if show_nothing(examples):
                continue  # "Response parameters: None" and `{}`: they agree
            ctx.builder.diagnose(
                "example-without-schema",
                f"a {code} response example is given but no response table; the body is "
                "what the examples show",
            )
            shown = example_schema([e.value for e in examples])
            schema = ctx.builder.named_ref(
                f"{code} response", base_id + _suffix(code, success), shown
            )
            documented = responses.setdefault(code, Response(code))
            documented.body = Body(schema)
        documented.body.examples.extend(examples)


def _stated_in_prose(statuses: dict[str, str], linked: dict[str, str]) -> dict[str, str]:
    """The codes the page's sentences state; the 2xx class only where they state no 2xx
    code and no linked common page gives the method its code."""
    exact = {code: words for code, words in statuses.items() if code != RANGE_KEY}
    if linked or any(code.startswith("2") for code in exact):
        return exact
    return statuses


def _lone_labelled_success(ctx: PageContext) -> str | None:
    """The success code of the one labelled response example ("Status code: 202", an
    `HTTP/1.1 202` line) when the page's response table states no code, has no example
    of its own, and that code has no table: the two are one body, and the label is the
    only thing on the page that says which code it is."""
    bodies, examples = ctx.draft.bodies, ctx.draft.response_examples
    if "" not in bodies or "" in examples:
        return None
    codes = [code for code in examples if code.startswith("2") and code not in bodies]
    codes = [code for code in codes if code not in NO_BODY_STATUSES]
    return codes[0] if len(codes) == 1 else None


def _examples_by_code(ctx: PageContext, success: str, named: list[str]) -> dict[str, list[Example]]:
    """The response examples by code. The lone labelled example of a code the page does not
    list is shown with the table it belongs to: the page contradicts itself on the code,
    said, and the body is not split into a table without examples and examples without a
    table."""
    by_code = dict(ctx.draft.response_examples)
    label = _lone_labelled_success(ctx)
    if label is None or label in named or success in by_code:
        return by_code
    ctx.builder.diagnose(
        "doc-defect:status",
        f"the response example is labelled {label}, but the page lists {success} for the "
        f"response table; the example is shown on {success}",
    )
    by_code[success] = by_code.pop(label)
    return by_code


def _success_code(ctx: PageContext, named: list[str], linked: dict[str, str]) -> str:
    """The code the lone labelled example names, where the page lists it or lists no 2xx;
    else the first 2xx code the page names; else the linked common page's, else 200, which
    a body or example with no status stated then gets, said."""
    named_2xx = [code for code in named if code.startswith("2")]
    label = _lone_labelled_success(ctx)
    if label is not None and (label in named_2xx or not named_2xx):
        return label
    if named_2xx:
        return named_2xx[0]
    success = _one_code(linked)
    if not linked and ("" in ctx.draft.bodies or "" in ctx.draft.response_examples):
        ctx.builder.diagnose(
            "inferred:status",
            f"no success status is documented; the response body is given {success}",
        )
    return success


def _one_code(linked: dict[str, str]) -> str:
    """The success code of a body no status names: the first code a linked common page
    gives the method that has a body in HTTP, else 200."""
    return next((code for code in linked if code not in NO_BODY_STATUSES), "200")


def _suffix(code: str, success: str) -> str:
    """What a response body's component name ends in: "Response", "Response400"."""
    return "Response" if code == success else f"Response{code}"
