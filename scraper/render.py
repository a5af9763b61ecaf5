"""A report (the JSON beside a spec) for a person: a console summary, text, or Markdown.

Severities come from the registry (scraper/diagnostics.py), not from the stored report, so an
older report reads the same. Diagnostic text quotes third-party docs: control characters are
shown escaped (no terminal escapes reach the console) and Markdown is escaped.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from doc2openapi.scraper.diagnostics import SEVERITIES, at_least, lookup, severity

EXAMPLE_WIDTH = 110
TOP_KINDS = 3
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_MARKDOWN = re.compile(r"([\\`*_\[\]|#~])")


def clean(text: str) -> str:
    """One printable line: control characters (terminal escapes, newlines) shown escaped."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))


def _short(text: str, width: int = EXAMPLE_WIDTH) -> str:
    text = clean(text)
    return text if len(text) <= width else text[: width - 3] + "..."


def _md(text: str) -> str:
    return _MARKDOWN.sub(r"\\\1", html.escape(clean(text), quote=False))


def _by_kind(report: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Diagnostics grouped by kind: worst severity first, then most frequent, then by name."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for diagnostic in report.get("diagnostics", []):
        groups.setdefault(str(diagnostic.get("kind", "")), []).append(diagnostic)
    order = sorted(groups, key=lambda k: (SEVERITIES.index(severity(k)), -len(groups[k]), k))
    return {k: groups[k] for k in order}


def _where(diagnostic: dict[str, Any]) -> str:
    """file "title" (operationId) [table]: what a reader needs to find the place."""
    parts = [str(diagnostic.get("file", ""))]
    if diagnostic.get("title"):
        parts.append(f'"{diagnostic["title"]}"')
    if diagnostic.get("operationId"):
        parts.append(f"({diagnostic['operationId']})")
    if diagnostic.get("table"):
        parts.append(f"[{diagnostic['table']}]")
    return " ".join(parts)


def headline(name: str, report: dict[str, Any]) -> str:
    """One line of counts; `operations` is the number of operations in the written spec."""
    summary = report.get("summary", {})
    operations = summary.get("operations", 0)
    documented = summary.get("documented_operations", operations)
    merged = f" ({documented} documented, {documented - operations} merged)"
    examples = summary.get("examples", {})
    return clean(
        f"{name}: {operations} operations{merged if documented != operations else ''} from "
        f"{summary.get('pages_with_operations', 0)}/{summary.get('operation_pages', 0)} "
        f"operation pages, {summary.get('files', 0)} files; examples valid "
        f"{examples.get('valid', 0)}, invalid {examples.get('invalid', 0)}"
    )


def severity_counts(report: dict[str, Any]) -> Counter[str]:
    return Counter(severity(str(d.get("kind", ""))) for d in report.get("diagnostics", []))


def summary_lines(name: str, report: dict[str, Any], top: int = TOP_KINDS) -> list[str]:
    """The console summary: counts, then per severity the top kinds with one example each."""
    lines = [headline(name, report)]
    groups = _by_kind(report)
    counts = severity_counts(report)
    for level in SEVERITIES:
        kinds = [k for k in groups if severity(k) == level]
        if not kinds:
            lines.append(f"  {level}: none")
            continue
        lines.append(f"  {level}: {counts[level]} in {len(kinds)} kind(s)")
        for kind in kinds[:top]:
            first = groups[kind][0]
            example = _short(f"{_where(first)}: {first.get('reason', '')}")
            lines.append(f"    {clean(kind)} {len(groups[kind])}, e.g. {example}")
        if len(kinds) > top:
            rest = ", ".join(f"{clean(k)} {len(groups[k])}" for k in kinds[top:])
            lines.append(f"    also: {rest}")
    return lines


def failing(kinds: Iterable[str], threshold: str) -> Counter[str]:
    """Counts by kind of the diagnostics (given by kind) at `threshold` severity or worse."""
    return Counter(kind for kind in kinds if at_least(severity(kind), threshold))


def render_text(report: dict[str, Any], name: str = "") -> str:
    """Every diagnostic, grouped by kind, with what the kind means and what to do."""
    lines = summary_lines(name or str(report.get("service", "report")), report)
    for error in report.get("spec_errors", []):
        lines.append(f"  invalid spec: {_short(error, 300)}")
    for kind, found in _by_kind(report).items():
        known = lookup(kind)
        lines += ["", f"{clean(kind)} ({severity(kind)}, {len(found)})"]
        if known is not None:
            lines.append(f"  {known.meaning}; what to do: {known.action}")
        for diagnostic in found:
            reason = clean(diagnostic.get("reason", ""))
            lines.append(f"  - {_short(_where(diagnostic), 300)}: {reason}")
    return "\n".join(lines) + "\n"


def render_markdown(report: dict[str, Any], name: str = "") -> str:
    """For CI summaries: a table of kinds, then each kind's diagnostics folded away."""
    title = name or str(report.get("service", "report"))
    lines = [f"## {_md(title)}", "", _md(headline(title, report)), ""]
    if report.get("spec_errors"):
        lines += [f"**Invalid spec:** {_md(report['spec_errors'][0])}", ""]
    groups = _by_kind(report)
    if not groups:
        return "\n".join([*lines, "No diagnostics.", ""])
    lines += ["| kind | severity | count | what to do |", "|---|---|---:|---|"]
    for kind, found in groups.items():
        known = lookup(kind)
        action = known.action if known is not None else "unregistered kind: please report"
        lines.append(f"| {_md(kind)} | {severity(kind)} | {len(found)} | {_md(action)} |")
    for kind, found in groups.items():
        lines += ["", f"<details><summary>{_md(kind)} ({len(found)})</summary>", ""]
        for diagnostic in found:
            lines.append(f"- {_md(_where(diagnostic))}: {_md(diagnostic.get('reason', ''))}")
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n"
