"""A client method's docstring: the operation's doc text as Args, Returns and Raises."""

from __future__ import annotations

from typing import Any

from doc2openapi.codegen.views import OperationView

ERROR_CLASSES = {
    "400": "BadRequestError",
    "401": "AuthenticationError",
    "403": "PermissionDeniedError",
    "404": "NotFoundError",
    "409": "ConflictError",
    "429": "RateLimitError",
}


def one_line(text: Any) -> str:
    """Doc text on one line. A line that ends without punctuation before one that starts a
    sentence ("Zone type" above "The value is private.") was a heading or a cell's first
    paragraph on the page: it ends with a period, not run into the next sentence."""
    joined = ""
    for line in (" ".join(raw.split()) for raw in str(text or "").splitlines()):
        if joined and line and joined[-1].isalnum() and line[0].isupper():
            joined += "."
        joined = f"{joined} {line}" if joined and line else joined or line
    return joined


def _paragraphs(text: Any) -> str:
    lines = [line.rstrip() for line in str(text or "").strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def _error_class(status: str) -> str:
    if status in ERROR_CLASSES:
        return ERROR_CLASSES[status]
    return "ServerError" if status[:1] == "5" else "APIStatusError"


def docstring(
    doc: dict[str, Any],
    view: OperationView,
    responses: dict[str, Any],
    body_description: str,
) -> str:
    """Summary, description, deprecation, Args, Returns, Raises and the doc page, as plain text
    (the template escapes it into a docstring)."""
    parts = [one_line(doc.get("summary")), _paragraphs(doc.get("description"))]
    if doc.get("deprecated"):
        parts.append("Deprecated:\n    The API reference marks this operation as deprecated.")
    parts.append("Args:\n" + "\n".join(_args(view, body_description)))
    parts.append(f"Returns:\n    {view.return_type}: {_returned(responses) or 'The response.'}")
    parts.append("Raises:\n" + "\n".join(_raises(view, responses)))
    docs = doc.get("externalDocs")
    if isinstance(docs, dict) and docs.get("url"):
        parts.append(f"See: {one_line(docs['url'])}")
    parts.append(f"HTTP: {view.http_method} {view.path}")
    return "\n\n".join(p for p in parts if p)


def _args(view: OperationView, body_description: str) -> list[str]:
    """One line per argument, in the signature's order; the per-call additions last."""
    args = [f"    {p.py_name}: {one_line(p.description) or p.wire}" for p in view.positional]
    if view.body is not None:
        args.append(f"    body: {one_line(body_description) or 'The request body.'}")
    for p in view.keyword:
        text = one_line(p.description) or p.wire
        if p.from_client:  # "Project ID" must end before the next sentence starts
            text = _sentence(text) + " Defaults to the client's project_id."
        args.append(f"    {p.py_name}: {text}")
    args.append("    extra_headers, extra_query, extra_body: Per-call additions.")
    args.append("    timeout: This call's timeout (left out: the client's; None: none).")
    return args


def _sentence(text: str) -> str:
    """`text` ending as a sentence, so that another can follow it."""
    return text if text.endswith((".", "!", "?", ":")) else text + "."


def _returned(responses: dict[str, Any]) -> str:
    """What the first documented 2xx response says it holds ("" if nothing)."""
    success = next((s for s in sorted(responses) if s[:1] == "2"), None)
    return one_line(responses.get(success, {}).get("description")) if success else ""


def _raises(view: OperationView, responses: dict[str, Any]) -> list[str]:
    """The error class of each documented 4xx and 5xx, then what any call may raise."""
    raises = [
        f"    {_error_class(status)}: {one_line(r.get('description')) or 'HTTP ' + status}"
        for status, r in sorted(responses.items())
        if status[:1] in ("4", "5") and isinstance(r, dict)
    ]
    if view.path_params:
        raises.append("    ValueError: A path value is empty, '.' or '..'.")
    raises.append("    APIError: Any other failure (connection, timeout, undecodable body).")
    return raises
