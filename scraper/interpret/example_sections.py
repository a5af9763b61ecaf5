"""Example sections: which code block is a request example and which a response (of which
status), by the section's role or the paragraph before the block; and the example request
lines, for their query."""

from __future__ import annotations

import re
from dataclasses import dataclass

from doc2openapi.scraper.interpret.curl_examples import as_http
from doc2openapi.scraper.interpret.examples import REQUEST_LINE, NotJson, extract_json
from doc2openapi.scraper.interpret.page_state import PageContext
from doc2openapi.scraper.interpret.query_examples import read_request_line
from doc2openapi.scraper.interpret.responses import STATUS_MARKER
from doc2openapi.scraper.interpret.sections import Role, RoledSection
from doc2openapi.scraper.model import Example, Json
from doc2openapi.scraper.page import CodeBlock, Page, Paragraph

HTTP_STATUS_LINE = re.compile(r"\s*HTTP/\d(?:\.\d)?\s+([1-5]\d\d)\b")
CONTENT_TYPE = re.compile(r"content-type\W{0,3}:\s*([\w.+-]+/[\w.+-]+)", re.I)
ERROR_KEYS = frozenset({"error", "error_code", "error_msg", "errorcode", "errormsg", "code",
                        "message", "msg", "request_id", "requestid", "error_description",
                        "encoded_authorization_message", "details"})  # fmt: skip
ERROR_MARKERS = frozenset({"error", "error_code", "error_msg", "errorcode", "errormsg"})
PART_LABEL = re.compile(r"(?:example\s+)?(?:request|response)(?:\s+(?:example|body))?\s*:?", re.I)
REPLY_WORDS = ("returned", "result")  # "The returned result is as follows"
ERROR_LABELS = ("fail", "error", "abnormal")  # words that label an example as an error reply
# "Example response", "Sample responses", "Response example", "Response:"; not "Creating a
# response for an API group" (APIG's request examples name the resource they create)
RESPONSE_LABEL = re.compile(
    r"\b(?:example|sample)s?\s+responses?\b|\bresponses?\s+(?:example|sample|body)|^\W*responses?\b",
    re.I,
)
XML_BODY = re.compile(r"<\?xml\b|</[A-Za-z_][\w.:-]*\s*>")  # "<?xml ...", a closing tag


@dataclass
class _ExampleWalk:
    """What the paragraphs before a code block said about it."""

    label: str = ""  # "Sample request", "Example response"
    status: str | None = None  # "Status code: 200"
    after_request_line: bool = False  # a copied page splits "POST url" from its body
    side: str = ""  # "request" or "response": the last paragraph (or request line) naming one

    def read(self, text: str) -> None:
        if (marker := STATUS_MARKER.search(text)) is not None:
            self.status, self.side = marker.group(1), "response"
        elif REQUEST_LINE.match(text):
            self.after_request_line, self.side = True, "request"
        else:
            self.label, self.after_request_line = text, False
            self.side = _side_named(text) or self.side  # "action is set to filter" keeps it


def _side_named(text: str) -> str:
    """The body a label names: "Response to the request for ..." and "The returned result
    is as follows" are responses."""
    lowered = text.lower()
    if "response" in lowered:
        return "response"
    if "request" in lowered:  # "Request for querying the results of two tasks"
        return "request"
    return "response" if any(word in lowered for word in REPLY_WORDS) else ""


def read_example_section(ctx: PageContext, roled: RoledSection) -> None:
    """Examples go by section role, else by their label ("Sample request", a request line)."""
    walk = _ExampleWalk()
    for shown in roled.section.blocks:
        block = _as_written(shown) if isinstance(shown, CodeBlock) else shown
        if roled.role != "example-response":
            read_request_line(block, ctx.draft)
        if isinstance(block, Paragraph):
            walk.read(block.body.text)
        elif isinstance(block, CodeBlock):
            for label, part in _labelled_parts(block):
                if label:
                    walk.read(label)
                _read_code_block(ctx, roled, walk, part)


def _as_written(block: CodeBlock) -> CodeBlock:
    """A curl command as the request line and body it sends; any other block as it is."""
    http = as_http(block.text)
    return CodeBlock(http, block.language) if http is not None else block


def _labelled_parts(block: CodeBlock) -> list[tuple[str, CodeBlock]]:
    """A block that labels its parts on lines of their own ("Request:" over one JSON value,
    "Response:" over another): each part with its label, read as if the label were a
    paragraph before it. A block without such lines is one part."""
    lines = block.text.splitlines()
    heads = [i for i, line in enumerate(lines) if PART_LABEL.fullmatch(line.strip())]
    if not heads:
        return [("", block)]
    parts = [("", CodeBlock("\n".join(lines[: heads[0]]), block.language))]
    for start, end in zip(heads, [*heads[1:], len(lines)], strict=True):
        parts.append(
            (lines[start].strip(), CodeBlock("\n".join(lines[start + 1 : end]), block.language))
        )
    return [(label, part) for label, part in parts if part.text.strip()]


def read_body_code_block(
    ctx: PageContext, roled: RoledSection, label: str, status: str | None, block: CodeBlock
) -> None:
    """A code block inside a Request or Response section (DNS, DDS, VPN put their examples
    there, under a label such as "Example response"): an example of that section's body,
    unless its label says it is an error reply (under Response: a request body is no error
    reply, "Deleting all instances that fail to be created"). Under Response the section
    decides: a label that says "a request example" there is the slip, not the placement.
    Under Request, a block labelled as a response is left out, as in an example section."""
    block = _as_written(block)
    if roled.role == "request":
        read_request_line(block, ctx.draft)
    if roled.role == "response" and _error_label(label):
        _left_out(ctx, roled.section.title, label, error=True)
        return  # an error body: no documented schema to hold it
    role: Role = "example-request" if roled.role == "request" else "example-response"
    _read_code_block(ctx, RoledSection(role, roled.section), _ExampleWalk(label, status), block)


def _read_code_block(
    ctx: PageContext, roled: RoledSection, walk: _ExampleWalk, block: CodeBlock
) -> None:
    try:
        extracted = extract_json(block.text)
    except NotJson as err:
        ctx.builder.diagnose("bad-example", f"example in {roled.section.title!r}: {err}")
        return
    values = extracted.values
    if extracted.repairs:
        ctx.builder.diagnose(
            "repaired-example",
            f"example in {roled.section.title!r} has slips of the hand; repaired "
            f"{'; '.join(extracted.repairs)}",
        )
    if (shown := HTTP_STATUS_LINE.match(block.text)) is not None:  # "HTTP/1.1 202 Accepted"
        if roled.role == "example-request":
            _left_out(ctx, roled.section.title, shown.group(0).strip(), error=False)
            return  # a response shown while explaining the request
        walk.status, walk.side, walk.after_request_line = shown.group(1), "response", False
    request_line = REQUEST_LINE.match(block.text) is not None
    is_request = walk.after_request_line or request_line or walk.side == "request"
    walk.after_request_line = False
    if not values and request_line:
        walk.side = "request"  # a block of only "POST /v2.0/...": its body follows
    kind = _example_kind(roled.role, walk.label.lower(), is_request)
    if not values or kind is None:
        _unread(ctx, roled.section.title, walk.label, block, bool(values))
        return
    examples = _as_examples(ctx.page, block, walk.label, values)
    if kind == "example-request":
        ctx.draft.request_examples += examples
    else:
        _add_response_examples(ctx, roled.section.title, walk.status, examples)


def _unread(ctx: PageContext, title: str, label: str, block: CodeBlock, json: bool) -> None:
    """Why a block gives no example, where it is worth saying: a JSON value a rule left out
    (an error reply, a response under the request), or an XML body (not read)."""
    if json:
        _left_out(ctx, title, label, error=_error_label(label))
    elif XML_BODY.search(block.text):
        ctx.builder.diagnose(
            "bad-example", f"example in {title!r}: an XML body, where the page's bodies are JSON; "
            "not read",
        )  # fmt: skip


def _left_out(ctx: PageContext, title: str, label: str, *, error: bool) -> None:
    """Say that a block was left out by rule: an error reply (no documented schema holds it)
    or a response shown while explaining the request (often another call's)."""
    kind, what = ("error-example", "an error reply") if error else ("unused-example", "a response")
    shown = " ".join(label.split())[:80]
    ctx.builder.diagnose(
        kind, f"{what} in {title!r}{f' ({shown!r})' if shown else ''}; left out of the bodies"
    )


def _error_label(label: str) -> bool:
    return any(word in label.lower() for word in ERROR_LABELS)


def _example_kind(role: str, label: str, is_request: bool) -> str | None:
    """The role the block's example plays ("example-request", "example-response"), or None
    for a block to leave out."""
    if role == "example-request" and RESPONSE_LABEL.search(label) and "request" not in label:
        return None  # a response shown while explaining the request (often another API's)
    if role != "examples":
        return role
    if _error_label(label) and not is_request:
        return None  # an error body: no documented schema to hold it
    return "example-request" if is_request else "example-response"


def _as_examples(page: Page, block: CodeBlock, label: str, values: list[Json]) -> list[Example]:
    summary = " ".join(label.split())[:120]
    shown = CONTENT_TYPE.search(block.text)
    media_type = shown.group(1).lower() if shown else ""
    return [Example(value, summary, page.source, media_type) for value in values]


def _add_response_examples(
    ctx: PageContext, section_title: str, status: str | None, examples: list[Example]
) -> None:
    """A success response's examples leave out the error bodies shown among them."""
    errors = [e for e in examples if is_error_body(e.value)]
    if errors and not (status or "").startswith(("4", "5")):
        ctx.builder.diagnose(
            "error-example",
            f"an error body ({', '.join(sorted(errors[0].value))}) shown among the "
            f"examples of {section_title!r}; left out of the success response",
        )
        examples = [e for e in examples if e not in errors]
    ctx.draft.response_examples.setdefault(status or "", []).extend(examples)


def is_error_body(value: Json) -> bool:
    """An example that is an error reply ({"error": {"code": .., "message": ..}},
    {"error_code": .., "error_msg": ..}), whatever the success body looks like."""
    if not isinstance(value, dict) or not value:
        return False
    keys = {str(k).lower() for k in value}
    return keys <= ERROR_KEYS and bool(keys & ERROR_MARKERS)
