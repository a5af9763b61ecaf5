"""The package's files from its views: the Jinja2 templates for what differs per API, and the
runtime modules (codegen/runtime/) copied as they are. Doc text only ever enters the code as
escaped string literals and docstrings; names are sanitised identifiers."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jinja2

from doc2openapi.codegen.views import OperationView, ParamView
from doc2openapi.codegen.xml_shapes import shapes_module
from doc2openapi.scraper.model import SIGNATURE_KEY, UNNAMED_KEY

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
if not TEMPLATES.is_dir():  # installed wheel: the templates ship inside the package
    TEMPLATES = Path(__file__).resolve().parent / "templates"
CALVER = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
RUNTIME = Path(__file__).resolve().parent / "runtime"
RUNTIME_MODULES = (
    "_auth.py",
    "_errors.py",
    "_forms.py",
    "_options.py",
    "_paging.py",
    "_parse.py",
    "_runtime.py",
    "_xml.py",
)
# The runtime's signer per x-signature-scheme; the package's AKSKAuth is its API's one.
SIGNERS = {"SDK-HMAC-SHA256": "AKSKAuth", "OBS": "OBSAuth"}


def render_files(
    spec: dict[str, Any], package: str, operations: list[OperationView], models_source: str
) -> dict[str, str]:
    """Every file of the package, as text, keyed by path relative to the project folder."""
    context = _context(spec, package, operations)
    env = _environment()

    def render(template: str) -> str:
        return env.get_template(template).render(context)

    schemas = spec.get("components", {}).get("schemas", {})
    return {
        "pyproject.toml": render("pyproject.toml.j2"),
        "README.md": render("README.md.j2"),
        f"{package}/__init__.py": render("__init__.py.j2"),
        f"{package}/_about.py": render("_about.py.j2"),
        **{f"{package}/{name}": (RUNTIME / name).read_text("utf-8") for name in RUNTIME_MODULES},
        f"{package}/client.py": render("client.py.j2").rstrip() + "\n",
        f"{package}/models.py": models_source,
        f"{package}/_shapes.py": shapes_module(schemas, _xml_models(operations)),
        f"{package}/py.typed": "",
    }


def _context(spec: dict[str, Any], package: str, operations: list[OperationView]) -> dict[str, Any]:
    """What the templates fill in: the package's names and endpoint, its methods and features."""
    server = (spec.get("servers") or [{"url": "http://localhost"}])[0]
    return {
        "package": package,
        "distribution": package.replace("_", "-"),
        "title": str(spec.get("info", {}).get("title", package)),
        "version": _version(spec),
        "server_url": str(server.get("url", "")),
        "server_variables": {
            str(k): {kk: vv for kk, vv in v.items() if kk in ("default", "enum", UNNAMED_KEY)}
            for k, v in server.get("variables", {}).items()
        },
        "endpoint_argument": _endpoint_argument(server),
        **_auth(spec),
        "operations": operations,
        "first_call": _first_call(operations),
        "project_scoped": any(p.from_client for op in operations for p in _parameters(op)),
        **_features(operations),
    }


def _first_call(operations: list[OperationView]) -> OperationView | None:
    """The README's example call: a GET that needs no argument of its own and is not
    deprecated, one that pages if there is one."""
    callable_alone = [
        op
        for op in operations
        if op.http_method == "GET"
        and op.body is None
        and not op.deprecated
        and not any(p.required and not p.from_client for p in _parameters(op))
    ]
    paged = [op for op in callable_alone if op.pagination]
    return next(iter(paged or callable_alone), None)


def _auth(spec: dict[str, Any]) -> dict[str, Any]:
    """How the API authenticates: `signer`, the runtime class that signs as its `aksk` scheme
    says (the gateway's by default, or one the runtime has not got), and whether it takes a
    token."""
    schemes = (spec.get("components") or {}).get("securitySchemes") or {}
    headers = {
        str(s.get("name", "")).lower(): s
        for s in schemes.values()
        if isinstance(s, dict) and s.get("type") == "apiKey" and s.get("in") == "header"
    }
    word = str((headers.get("authorization") or {}).get(SIGNATURE_KEY, ""))
    return {
        "signer": SIGNERS.get(word, "AKSKAuth"),
        "token_auth": not schemes or "x-auth-token" in headers,
    }


def _features(operations: list[OperationView]) -> dict[str, bool]:
    """What some method needs, so client.py imports exactly what it uses."""
    return {
        "paginated": any(op.pagination for op in operations),
        "body_paged": any(op.pagination and op.pagination.location == "body" for op in operations),
        "deprecated": any(op.deprecated for op in operations),
        "xml": any(_speaks_xml(op) for op in operations),
        "literal": any("Literal[" in p.py_type for op in operations for p in _parameters(op)),
        "uses_models": any("models." in a for op in operations for a in _annotations(op)),
    }


def _parameters(op: OperationView) -> list[ParamView]:
    return op.keyword + op.positional


def _annotations(op: OperationView) -> list[str]:
    """Every type a method's signature names: its return, parameters and body."""
    body = op.body.py_type if op.body else ""
    return [op.return_type, *(p.py_type for p in _parameters(op)), body]


def _speaks_xml(op: OperationView) -> bool:
    return op.response_kind == "xml" or (op.body is not None and op.body.kind == "xml")


def _xml_models(operations: list[OperationView]) -> list[str]:
    """The models some method writes or reads as XML, by class name."""
    written = {op.body.model for op in operations if op.body and op.body.kind == "xml"}
    read = {op.returns for op in operations if op.response_kind == "xml"}
    return sorted(name for name in written | read if name)


def _docstring_filter(text: str) -> str:
    """Doc text as the inside of a triple-quoted docstring that can never end early."""
    text = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in str(text))
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return text + " " if text.endswith('"') else text


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(  # noqa: S701 - renders Python, not HTML: values are escaped by filters
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["pyrepr"] = repr
    env.filters["docstring"] = _docstring_filter
    env.filters["tomlstr"] = lambda value: json.dumps(str(value))
    env.filters["markdown"] = _markdown_filter
    env.filters["codespan"] = _codespan_filter
    return env


def _one_line(text: str) -> str:
    return " ".join("".join(ch if ch.isprintable() else " " for ch in str(text)).split())


def _markdown_filter(text: str) -> str:
    """Doc text as one line of Markdown that stays text: no markup, HTML, table cell end or
    link (GitHub and PyPI also link bare "https://...", "www." and e-mail addresses)."""
    line = re.sub(r"([\\`*_\[\]<>|&~@])", r"\\\1", _one_line(text))
    return re.sub(r"(?i)(?<=www)\.|(?<=\w):(?=//)", r"\\\g<0>", line)


def _codespan_filter(text: str) -> str:
    """Text for inside a one-line `code span` in a table cell: no backtick, `|` or newline."""
    return _one_line(text).replace("`", "%60").replace("|", "%7C")


def _version(spec: dict[str, Any]) -> str:
    raw = str(spec.get("info", {}).get("version", ""))
    match = CALVER.match(raw)
    if match:
        return ".".join(str(int(g)) for g in match.groups())
    return raw if re.fullmatch(r"\d+(\.\d+)*", raw) else "0.0.0"


def _endpoint_argument(server: dict[str, Any]) -> str:
    """How the package docstring's example picks the endpoint: the documented region, or a
    base URL where the docs leave part of the endpoint unnamed."""
    variables = server.get("variables", {})
    if any(v.get(UNNAMED_KEY) for v in variables.values()) or "region" not in variables:
        return 'base_url="https://..."'
    return f"region={str(variables['region'].get('default', ''))!r}"
