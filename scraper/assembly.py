"""The build stage: every page's operations, tagged by topic, in one document; and, once it
is checked, the document finished for writing (names for generators, provenance, version)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from doc2openapi.scraper.generator_names import name_enum_members, rename_operation_like_components
from doc2openapi.scraper.inputs import InputFile
from doc2openapi.scraper.interpret.field_items import type_untyped_items
from doc2openapi.scraper.model import Diagnostic, Operation, PageResult
from doc2openapi.scraper.page import Page
from doc2openapi.scraper.service import service_info, unnamed_endpoint_parts
from doc2openapi.scraper.spec import build_spec
from doc2openapi.scraper.topics import (
    TopicTree,
    add_toctrees,
    load_class_file,
    tag_names,
    tag_objects,
    topic_of,
)
from doc2openapi.scraper.transforms import strip_provenance, to_openapi_31


@dataclass
class Assembled:
    spec: dict[str, Any]
    """The document, not yet checked."""
    operations: list[Operation]
    diagnostics: list[Diagnostic]
    renamed: dict[tuple[str, str], str] = field(default_factory=dict)
    """(page, the name it gave an operation) -> the name the build gave it instead."""


def assemble(
    name: str, files: list[InputFile], pages: list[Page], results: list[PageResult]
) -> Assembled:
    """The operations of every page (`results` in source order), tagged by topic, in one
    document (not yet validated)."""
    tree = _topic_tree(files, pages)
    names = _tag_operations(tree, pages, results)
    operations = [op for r in results for op in r.operations]
    info = service_info(name, tree, pages)
    info.tags = tag_objects(tree, names, pages)
    items_diagnostics = type_untyped_items(operations)  # across pages, before the build
    named = [
        (op, op.source, op.operation_id) for kept in operations for op in [kept, *kept.actions]
    ]
    spec, diagnostics = build_spec(operations, info)
    renamed = _renamed(named)
    diagnostics += items_diagnostics
    home = min(pages, key=lambda p: (p.source.count("/"), p.source)).source if pages else ""
    if pages and not operations:  # an empty spec, written on purpose, must not pass as done
        diagnostics.append(
            Diagnostic(home, "no-operations",
                       f"none of the {len(pages)} page(s) read documents an operation")
        )  # fmt: skip
    unnamed = unnamed_endpoint_parts(info.servers)
    if unnamed:
        diagnostics.append(
            Diagnostic(home, "endpoint-not-named",
                       f"the docs name no value for {', '.join(unnamed)} of the endpoint")
        )  # fmt: skip
    return Assembled(spec, operations, diagnostics, renamed)


def _renamed(named: list[tuple[Operation, str, str]]) -> dict[tuple[str, str], str]:
    """(page, old name) -> new name for each operation the build renamed (two API versions
    of one call), unless the page gave that name to several operations."""
    given: dict[tuple[str, str], list[Operation]] = {}
    for op, source, name in named:
        given.setdefault((source, name), []).append(op)
    return {
        key: ops[0].operation_id
        for key, ops in given.items()
        if len(ops) == 1 and ops[0].operation_id != key[1]
    }


def named_as_built(
    results: list[PageResult], renamed: dict[tuple[str, str], str]
) -> list[PageResult]:
    """The pages' verdicts with their diagnostics naming each operation as the spec does: a
    page's message opens with the name it gave the operation, which the build may change
    (ListAvailableZones, for an older API version, becomes ListV10AvailableZones)."""
    pages = {source for source, _ in renamed}
    return [
        replace(r, diagnostics=[_as_built(d, renamed) for d in r.diagnostics])
        if r.source in pages
        else r
        for r in results
    ]


def _as_built(diagnostic: Diagnostic, renamed: dict[tuple[str, str], str]) -> Diagnostic:
    name, space, rest = diagnostic.reason.partition(" ")
    new = renamed.get((diagnostic.file, name))
    return replace(diagnostic, reason=f"{new}{space}{rest}") if new and space else diagnostic


def _topic_tree(files: list[InputFile], pages: list[Page]) -> TopicTree:
    """The topics of the docs' class files (CLASS.TXT.json), then of their toctrees."""
    roots = {f.source: f.root for f in files}
    tree = TopicTree()
    for root in sorted({roots[p.source] for p in pages}):
        tree.merge(load_class_file(root))
    add_toctrees(tree, pages)
    return tree


def _tag_operations(
    tree: TopicTree, pages: list[Page], results: list[PageResult]
) -> dict[str, str]:
    """Tag each page's operations with its topic's name; topic key -> tag name."""
    by_source = {page.source: page for page in pages}
    topic = {
        r.source: topic_of(tree, by_source[r.source]) for r in results if r.source in by_source
    }
    names = tag_names(tree, [t for t in topic.values() if t is not None])
    for result in results:
        tag = names.get(topic.get(result.source) or "", "")
        for op in result.operations if tag else []:
            op.tags = [tag]
    return names


def finish(spec: dict[str, Any], provenance: bool, openapi_version: str) -> dict[str, Any]:
    """The checked document as written: names generators take well, provenance only when
    asked for, in the OpenAPI version asked for."""
    rename_operation_like_components(spec)
    name_enum_members(spec)
    if not provenance:
        strip_provenance(spec)
    return to_openapi_31(spec) if openapi_version.startswith("3.1") else spec
