"""On the whole corpus: the doc text the spec carries stands on its own, and another team's
generator (openapi-python-client) takes every spec whole, every operation included."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from doc2openapi.scraper.output import dumps
from doc2openapi.scraper.page import Paragraph, squash
from doc2openapi.scraper.pipeline import ScrapeResult
from doc2openapi.scraper.readers import read_document

# The forms words took when inline markup split them ("<span>ECS</span>s" read as "ECS s").
SPLIT_FORMS = ("ECS s ", "ECS s)", "ECS s.", "ECS s,", "ECS s'", "ECSSIn")
TABLE_NUMBER = re.compile(r"\bTable\s+\d+\b")
CONSTRAINTS = re.compile(r"^constraints?$", re.I)


@pytest.fixture(scope="module")
def every_spec(
    corpus: Path, catalog: dict[str, ScrapeResult]
) -> dict[str, tuple[Path, ScrapeResult]]:
    """Every service of both renderings (the session's scrape, with provenance: operations
    name their page), with its folder."""
    return {name: (corpus / name, result) for name, result in catalog.items()}


def _texts(node: Any) -> Iterator[str]:
    """Every text of a spec a reader sees as prose (not examples or provenance)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in ("x-doc-source", "value", "example", "enum", "default"):
                yield from _texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from _texts(value)
    elif isinstance(node, str):
        yield node


def test_no_table_numbers_navigation_or_split_words(
    every_spec: dict[str, tuple[Path, ScrapeResult]],
) -> None:
    for name, (_, result) in every_spec.items():
        for text in _texts(result.spec):
            assert not TABLE_NUMBER.search(text), f"{name}: {text[:200]}"
            assert "Parent topic" not in text, f"{name}: {text[:200]}"
            assert not any(form in text for form in SPLIT_FORMS), f"{name}: {text[:200]}"
            assert not re.search(r"\bsee\s*[.,;]", text), f"{name}: {text[:200]}"


def _plain(text: str) -> str:
    """Text without CommonMark markers and escapes, to compare with the page's words."""
    return squash(re.sub(r"[\\`*]|^\s*- ", " ", text, flags=re.M))


def _descriptions(spec: dict[str, Any]) -> dict[str, list[str]]:
    """Page -> the descriptions of the operations (and actions) it documents."""
    found: dict[str, list[str]] = {}
    for methods in spec["paths"].values():
        for op in methods.values():
            for one in [op, *op.get("x-actions", [])]:
                text = _plain(one.get("description", ""))
                found.setdefault(one["x-doc-source"]["file"], []).append(text)
    return found


def test_every_constraints_section_is_in_its_operations_description(
    every_spec: dict[str, tuple[Path, ScrapeResult]],
) -> None:
    checked = 0
    for name, (folder, result) in every_spec.items():
        for source, texts in _descriptions(result.spec).items():
            data = (folder / source).read_bytes()
            if b"onstraint" not in data:  # no Constraints heading: no need to read the page
                continue
            page = read_document(data, source)
            for section in page.sections:
                if section.level == 0 or not CONSTRAINTS.match(section.title.strip()):
                    continue
                for block in section.blocks:
                    if isinstance(block, Paragraph):  # "Table N" is renamed: compare around it
                        parts = TABLE_NUMBER.split(_plain(block.body.text))
                        words = max(parts, key=len).strip()[:80]
                        if words.rstrip(".").lower() == "none":
                            continue  # a section that says nothing is left out
                        assert any(words in t for t in texts), f"{name} {source}: {words}"
                checked += 1
    assert checked >= 250  # 288 pages with a Constraints section when this was written


def test_openapi_python_client_generates_every_operation(
    every_spec: dict[str, tuple[Path, ScrapeResult]], tmp_path: Path
) -> None:
    """Generated in-process (no post hooks): any skipped endpoint or crash fails the test."""
    from openapi_python_client import generate
    from openapi_python_client.config import Config, ConfigFile, MetaType

    for name, (_, result) in every_spec.items():
        spec_path = tmp_path / (name.replace("/", "-") + ".yaml")
        spec_path.write_text(dumps(result.spec, spec_path), encoding="utf-8")
        overrides = {media: "application/json" for media in _vendor_json(result.spec)}
        config = Config.from_sources(
            ConfigFile(post_hooks=[], content_type_overrides=overrides),
            MetaType.NONE,
            spec_path,
            "utf-8",
            overwrite=True,
            output_path=tmp_path / "out" / name.replace("/", "-"),
        )
        errors = [e for e in generate(config=config) if not _xml_only(e.detail)]
        assert not errors, f"{name}: " + "; ".join(f"{e.header} {e.detail}" for e in errors)


def _vendor_json(spec: dict[str, Any]) -> set[str]:
    """JSON media types of the spec's own naming (IMS's application/openstack-images-v2.1-
    json-patch): openapi-python-client reads them as JSON when its configuration says so."""
    found: set[str] = set()
    for item in spec["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict):
                content = (operation.get("requestBody") or {}).get("content") or {}
                found |= {m for m in content if "json" in m and m != "application/json"}
    return {m for m in found if not m.endswith("+json")}


def _xml_only(detail: str | None) -> bool:
    """openapi-python-client generates JSON clients only: an XML body (S3-style APIs) is its
    limit, not a fault of the spec; everything else it reports is."""
    return "application/xml" in (detail or "")
