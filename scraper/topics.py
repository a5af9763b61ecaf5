"""The docs' table of contents -> one tag per topic an operation page sits in.

The renderings state the tree in three ways: an export's CLASS.TXT.json (page -> parent
topic code), a page's own contents (an RST toctree, an HTML child-topic list: `Page.toc`)
and an HTML page's "Parent topic" line (`Page.metadata["parent"]`). Either way a topic is
a page, named by its key, so a topic page's prose (rare) can describe its tag. Two topics
with one title ("Lifecycle Management" under both "APIs (Recommended)" and "OpenStack Nova
APIs") become two tags, the second qualified by its parent as the docs do elsewhere ("Image
Management (OpenStack Nova APIs)").
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from doc2openapi.scraper.interpret.linker import page_key
from doc2openapi.scraper.interpret.references import tidy
from doc2openapi.scraper.page import Page, Paragraph

TOPICS_FILE = "CLASS.TXT.json"
MAX_DESCRIPTION = 600
DOCUMENT_EXTENSIONS = {".html", ".htm", ".md", ".markdown", ".rst", ".txt"}


@dataclass
class TopicTree:
    """Topic (a page key) -> title and parent, in document order."""

    titles: dict[str, str] = field(default_factory=dict)
    parent_of: dict[str, str] = field(default_factory=dict)  # page key -> its topic's key
    roots: set[str] = field(default_factory=set)  # the reference's own contents page
    product: str = ""
    descriptions: list[str] = field(default_factory=list)

    def merge(self, other: TopicTree) -> None:
        self.product = self.product or other.product
        self.descriptions += other.descriptions
        for key, title in other.titles.items():
            self.titles.setdefault(key, title)
        for key, parent in other.parent_of.items():
            self.parent_of.setdefault(key, parent)
        self.roots |= other.roots


def _path_key(page: Page) -> str:
    return page.source.rsplit(".", 1)[0].lower()


def page_keys(page: Page) -> list[str]:
    """How a table of contents may name this page: its original name, its path without
    extension, or its file name."""
    keys = [_path_key(page), page_key(page.source)]
    if page.metadata.get("original_name"):
        keys.insert(0, page_key(page.metadata["original_name"]))
    return keys


def load_class_file(folder: Path) -> TopicTree:
    """CLASS.TXT.json when the folder has one; a broken file gives an empty tree."""
    tree = TopicTree()
    try:
        entries: Any = json.loads((folder / TOPICS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return tree
    rows = [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []
    key_of = {str(e.get("code")): page_key(str(e.get("uri", ""))) for e in rows if e.get("uri")}
    for entry in rows:
        tree.product = tree.product or str(entry.get("product_code", ""))
        tree.descriptions.append(str(entry.get("desc", "")))
        key = key_of.get(str(entry.get("code")))
        if key:
            tree.titles.setdefault(key, str(entry.get("title", "")))
            parent = key_of.get(str(entry.get("p_code", "")))
            if parent:
                tree.parent_of.setdefault(key, parent)
    return tree


def _entry_key(folder: str, entry: str) -> str:
    """A toctree entry ("lifecycle/index", "workspace.html") as a path key."""
    path = posixpath.normpath(posixpath.join(folder, entry)).lower()
    stem, extension = posixpath.splitext(path)
    return stem if extension in DOCUMENT_EXTENSIONS else path


def _listed(pages: list[Page]) -> dict[str, list[str]]:
    """Topic page key -> the page keys it lists, from toctrees and from "Parent topic" lines
    of pages their parent does not list."""
    listed: dict[str, list[str]] = {}
    for page in sorted(pages, key=lambda p: p.source):
        if page.title and page.toc:
            folder = posixpath.dirname(page.source)
            children = [_entry_key(folder, entry) for entry in page.toc]
            listed[_path_key(page)] = [c for c in children if not c.startswith("..")]
    for page in pages:
        parent = page.metadata.get("parent")
        if parent:
            key = _entry_key(posixpath.dirname(page.source), parent)
            if _path_key(page) not in listed.get(key, []):
                listed.setdefault(key, []).append(_path_key(page))
    return listed


def add_toctrees(tree: TopicTree, pages: list[Page]) -> None:
    """Each page with a toctree is the topic of the pages it lists, in document order."""
    listed = _listed(pages)
    by_key = {_path_key(page): page for page in pages}
    roots = [k for k in listed if not any(k in c for c in listed.values())]
    if len(roots) == 1:  # one contents page for the whole reference: not a topic of its own
        tree.roots.update(roots)
    stack = list(reversed(roots))
    while stack:  # depth first, so topics come in the order a reader meets them
        key = stack.pop()
        topic_page = by_key.get(key)
        if topic_page is None or key not in listed:
            continue
        tree.titles.setdefault(key, topic_page.title)
        for child in listed[key]:
            tree.parent_of.setdefault(child, key)
        stack += reversed(listed[key])


def topic_of(tree: TopicTree, page: Page) -> str | None:
    """The key of the topic a page is listed under, if any."""
    return next((tree.parent_of[k] for k in page_keys(page) if k in tree.parent_of), None)


def _prose(page: Page | None) -> str:
    """A topic page's own words (not its list of child links)."""
    if page is None:
        return ""
    words = [
        block.body.text.strip()
        for section in page.sections
        for block in section.blocks
        if isinstance(block, Paragraph) and not block.item and block.body.text.strip()
    ]
    text = tidy("\n\n".join(words), lambda _number: None)  # no breadcrumbs, no "Table N"
    return text if len(text) <= MAX_DESCRIPTION else text[:MAX_DESCRIPTION].rsplit(" ", 1)[0] + " …"


def _chain(tree: TopicTree, key: str) -> list[str]:
    chain: list[str] = []
    seen: set[str] = set()
    current: str | None = key
    while current in tree.titles and current not in tree.roots and current not in seen:
        seen.add(current)
        chain.insert(0, tree.titles[current])
        current = tree.parent_of.get(current)
    return chain


def tag_names(tree: TopicTree, used: Iterable[str]) -> dict[str, str]:
    """Topic key -> tag name, unique: a shared title is qualified by the parent's title."""
    order = {key: position for position, key in enumerate(tree.titles)}
    used = sorted(set(used), key=lambda k: (order.get(k, len(order)), k))  # first one plain
    titles = [tree.titles.get(key, key) for key in used]
    names: dict[str, str] = {}
    for key, title in zip(used, titles, strict=True):
        parent = tree.titles.get(tree.parent_of.get(key, ""), "")
        shared = titles.count(title) > 1 and titles.index(title) != used.index(key)
        names[key] = f"{title} ({parent})" if shared and parent and parent not in title else title
    return names


def _pages_by_key(pages: list[Page]) -> dict[str, Page]:
    """Every name a page goes by, its path first: file names repeat (`index`) across folders."""
    by_key = {_path_key(page): page for page in pages}
    for page in pages:
        for key in page_keys(page):
            by_key.setdefault(key, page)
    return by_key


def tag_objects(tree: TopicTree, names: dict[str, str], pages: list[Page]) -> list[dict[str, str]]:
    """The document's `tags`: one per used topic, in document order, each described."""
    by_key = _pages_by_key(pages)
    tags: dict[str, dict[str, str]] = {}
    for key in names:  # in document order
        description = _prose(by_key.get(key)) or (
            "In the API reference under " + " › ".join(_chain(tree, key)) + "."
        )
        tags.setdefault(names[key], {"name": names[key], "description": description})
    return list(tags.values())
