"""Find the table a type or description points at: by link anchor, by "Table N", or by name.

Links may cross pages (ECS: ``other.html#anchor``; Sphinx labels are global), so the index
spans every page of a service.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from doc2openapi.scraper.interpret.columns import (
    caption_location,
    caption_words,
    is_parameter_table,
)
from doc2openapi.scraper.interpret.table_titles import (
    folded,
    names_this_page,
    number_forms,
    of_owner,
    title_key,
)
from doc2openapi.scraper.page import Link, Page, Section, Table

TABLE_MENTION = re.compile(r"\bTable\s+(\d+)\b", re.I)
# "Table 3 in Querying a Widget", "Table 2 of the API for creating a server": another page's
ELSEWHERE = re.compile(r"[ \t]+(?:in|of|on|from)[ \t]+(?!this\b|the\s+following\b)", re.I)
PARTS = frozenset({"request", "response"})
PAGE_LOOKUP = "@page:"  # marks a recorded page lookup (by_page_link) among anchor lookups
WHOLE_PAGE = "@whole:"  # marks a recorded lookup of a page's part (linked_part)
TITLE_LOOKUP = "@title:"  # marks a recorded lookup of a page by the title text names


@dataclass(frozen=True)
class LinkedPart:
    """The part of the docs a link lands on: its page, its title and its tables."""

    page: Page
    title: str
    tables: list[Table]


@dataclass(frozen=True)
class TableRef:
    page: Page
    table: Table
    position: int  # index of the table on its page: a stable key

    @property
    def key(self) -> tuple[str, int]:
        return (self.page.source, self.position)


def same_title(one: TableRef | None, other: TableRef) -> bool:
    """Do two tables share a title (two tables "Tag": a "See Table 4" says which)?"""
    return one is not None and title_key(one.table.title) == title_key(other.table.title)


def page_key(name: str) -> str:
    """Pages are matched by base name without extension, case-insensitively."""
    base = posixpath.basename(name.replace("\\", "/")).lower()
    return base.split(".", 1)[0]


LinkLookup = tuple[str | None, str, str]  # (link's page, link's anchor, the page it is on)
Target = tuple[str, int] | None  # TableRef.key, or nothing found


@dataclass
class Lookups:
    """What interpreting one page consulted: the pages whose tables it read, and how each link
    resolved. While the same pages have the same content and every link resolves the same,
    the interpretation is the same (the cache relies on this)."""

    pages: set[str] = field(default_factory=set)
    links: dict[LinkLookup, Target] = field(default_factory=dict)


class TableIndex:
    """Every table of a service, addressable by page, anchor, number and title."""

    def __init__(self, pages: Iterable[Page] = ()) -> None:
        self._lookups: Lookups | None = None
        self._by_source: dict[str, Page] = {}
        self._pages: dict[str, Page] = {}
        self._anchors: dict[tuple[str, str], TableRef] = {}
        self._page_labels: dict[str, Page] = {}
        self._titles: dict[str, Page] = {}  # lower-cased title -> the first page so titled
        self._sections: dict[str, list[tuple[Page, Section]]] = {}  # anchor -> where it is
        self._global: dict[str, list[TableRef]] = {}
        self._refs: dict[str, list[TableRef]] = {}
        for page in pages:
            self.add(page)

    def add(self, page: Page) -> None:
        self._by_source[page.source] = page
        self._index_names(page)
        for section in page.sections:
            for anchor in section.anchors:
                self._sections.setdefault(anchor.lower(), []).append((page, section))
        refs = [TableRef(page, t, i) for i, t in enumerate(page.tables())]
        self._refs[page.source] = refs
        for ref in refs:
            for anchor in ref.table.anchors:
                self._index_anchor(page, anchor, ref)
        by_table = {id(ref.table): ref for ref in refs}
        for section in page.sections:  # a link to a section means its first field table
            first = next((b for b in section.blocks if id(b) in by_table and _fields(b)), None)
            for anchor in section.anchors if first is not None else ():
                self._index_anchor(page, anchor, by_table[id(first)])

    def _index_names(self, page: Page) -> None:
        """The names a page goes by: its file's, its original file's, its labels, its title."""
        for name in [page.source, *page.metadata.get("original_name", "").split()]:
            self._pages.setdefault(page_key(name), page)
        for label in page.anchors:
            self._page_labels.setdefault(label.lower(), page)
        if page.title.strip():
            self._titles.setdefault(folded(page.title), page)

    def _index_anchor(self, page: Page, anchor: str, ref: TableRef) -> None:
        key = (page.source, anchor.lower())
        if key not in self._anchors:
            self._anchors[key] = ref
            self._global.setdefault(anchor.lower(), []).append(ref)

    @contextmanager
    def recording(self) -> Iterator[Lookups]:
        """Record what the block consults: the pages read and the links resolved."""
        self._lookups = Lookups()
        try:
            yield self._lookups
        finally:
            self._lookups = None

    def resolves_as_before(self, lookups: Lookups) -> bool:
        """Whether every recorded lookup still finds what it found then."""
        for (page, anchor, here), target in lookups.links.items():
            here_page = self._by_source.get(here)
            if here_page is None or self._found_now(page, anchor, here_page) != target:
                return False
        return True

    def _found_now(self, page: str | None, anchor: str, here: Page) -> Target:
        """What a recorded lookup (a link, a page's part, a page by title) finds now."""
        if anchor.startswith(TITLE_LOOKUP):
            titled = self._titled_page(anchor[len(TITLE_LOOKUP) :])
            return (titled.source, -1) if titled else None
        if anchor.startswith(WHOLE_PAGE):
            part = self._part(Link("", page, anchor[len(WHOLE_PAGE) :] or None), here)
            return (part.page.source, -1) if part else None
        if anchor.startswith(PAGE_LOOKUP):
            role, _, name = anchor[len(PAGE_LOOKUP) :].partition(":")
            found = self._by_page(Link("", page, name or None), role)
        else:
            found = self._by_link(Link("", page, anchor), here)
        return found.key if found else None

    def refs(self, page: Page) -> list[TableRef]:
        if page.source not in self._refs:
            self.add(page)
        if self._lookups is not None:
            self._lookups.pages.add(page.source)
        return self._refs[page.source]

    def page(self, source: str) -> Page | None:
        """The page read from `source`, if the index has it."""
        found = self._by_source.get(source)
        if found is not None and self._lookups is not None:
            self._lookups.pages.add(source)
        return found

    def ref_of(self, page: Page, table: Table) -> TableRef:
        return next(r for r in self.refs(page) if r.table is table)

    def by_link(self, link: Link, here: Page) -> TableRef | None:
        found = self._by_link(link, here)
        if link.anchor:
            self._record((link.page, link.anchor, here.source), found.key if found else None)
        return found

    def by_page_link(self, link: Link, here: Page, part: str) -> TableRef | None:
        """The `part` ("request", "response") body table of the page a link names without
        an anchor: a response section that says only "See Responses (Task)" means that
        page's table."""
        found = self._by_page(link, part)
        key = (link.page, f"{PAGE_LOOKUP}{part}:{link.anchor or ''}", here.source)
        self._record(key, found.key if found else None)
        return found

    def linked_part(self, link: Link, here: Page) -> LinkedPart | None:
        """What a link lands on, for what a page keeps elsewhere than in field tables ("For
        details, see Status Codes"): a whole page, one section of it, or one table."""
        found = self._part(link, here)
        key = (link.page, WHOLE_PAGE + (link.anchor or ""), here.source)
        self._record(key, (found.page.source, -1) if found else None)
        return found

    def page_titled(self, text: str, here: Page) -> Page | None:
        """The page whose title `text` opens with ("Data Structures." in "see Table 1 in
        Data Structures."), the longest such title: how copied text, which has no links,
        names another page."""
        text = folded(text)[:200]
        found = self._titled_page(text)
        self._record(
            (None, TITLE_LOOKUP + text, here.source), (found.source, -1) if found else None
        )
        return found

    def _record(self, lookup: LinkLookup, target: Target) -> None:
        """Remember how a lookup resolved, and the page it found, while recording."""
        if self._lookups is not None:
            self._lookups.links[lookup] = target
            if target is not None:
                self._lookups.pages.add(target[0])

    def _titled_page(self, text: str) -> Page | None:
        titles = [
            t for t in self._titles if text.startswith(t) and not text[len(t) :][:1].isalnum()
        ]
        return self._titles[max(titles, key=len)] if titles else None

    def _by_page(self, link: Link, part: str) -> TableRef | None:
        """A link to a page (by file, or by the label at its top): its first field table
        whose caption names the `part` ("Response body parameters"), else its first that
        names no part and no place on the wire ("Path parameters"), else its first."""
        target = self._target_page(link)
        if target is None:
            return None
        tables = [r for r in self._refs[target.source] if _fields(r.table)]
        bodies = [r for r in tables if caption_location(r.table.caption) is None]
        named = [r for r in bodies if part in caption_words(r.table.caption)]
        plain = [r for r in bodies if not caption_words(r.table.caption) & PARTS]
        return next(iter(named + plain + tables), None)

    def _target_page(self, link: Link) -> Page | None:
        if link.anchor:
            return self._page_labels.get(link.anchor.lower())
        return self._pages.get(page_key(link.page)) if link.page else None

    def _part(self, link: Link, here: Page) -> LinkedPart | None:
        """By the label at a page's top, a section's anchor, a table's anchor, else the page
        a file name names (an HTML anchor not found inside it)."""
        page = self._target_page(link)
        if page is not None:
            return LinkedPart(page, page.title, page.tables())
        anchor = (link.anchor or "").lower()
        sections = [
            (p, s)
            for p, s in self._sections.get(anchor, [])
            if not link.page or page_key(p.source) == page_key(link.page)
        ]
        if len(sections) == 1:
            page, section = sections[0]
            tables = [b for b in section.blocks if isinstance(b, Table)]
            return LinkedPart(page, section.title, tables)
        if (ref := self._by_link(link, here)) is not None:
            return LinkedPart(ref.page, ref.table.title or ref.page.title, [ref.table])
        page = self._pages.get(page_key(link.page)) if link.page else None
        return LinkedPart(page, page.title, page.tables()) if page is not None else None

    def _by_link(self, link: Link, here: Page) -> TableRef | None:
        if not link.anchor:
            return None
        anchor = link.anchor.lower()
        if link.page:
            target = self._pages.get(page_key(link.page))
            if target is None:
                return None
            return self._anchors.get((target.source, anchor))
        local = self._anchors.get((here.source, anchor))
        if local is not None:
            return local
        matches = self._global.get(anchor, [])
        return matches[0] if len(matches) == 1 else None

    def by_number(self, here: Page, number: int) -> TableRef | None:
        return next((r for r in self.refs(here) if r.table.number == number), None)

    def titled(self, here: Page, name: str) -> list[TableRef]:
        """The page's tables titled exactly after `name` ("members parameter description"
        for `members`), in page order."""
        wanted = title_key(name)
        return [r for r in self.refs(here) if title_key(r.table.title) == wanted]

    def by_title(self, here: Page, name: str, near: int = -1, owner: str = "") -> TableRef | None:
        """The table titled `name`; with several, the first after position `near` (pages
        reuse titles; a nested object's table follows the one referring to it), of those a
        dotted title gives `owner` ("backup.disk") if any, else of those it gives no other."""
        matches = of_owner(self.titled(here, name), lambda r: r.table.title, owner)
        if not matches:  # "instances" titled "instance parameter description": a weaker
            numbers = number_forms(title_key(name))  # match, so only a table that follows counts
            refs = self.refs(here)
            matches = [r for r in refs if title_key(r.table.title) in numbers and r.position > near]
        after = [r for r in matches if r.position > near]
        if after:
            return after[0]
        return matches[-1] if matches else None

    def mentioned(self, here: Page, text: str, links: tuple[Link, ...]) -> TableRef | None:
        """The table a description points at: "For details, see Table 3." or a link to one;
        "see Table 3 in <another page>" is that page's table 3 (below), never this page's."""
        match = TABLE_MENTION.search(text)
        on_mention = any(TABLE_MENTION.search(link.text) for link in links)
        place = ELSEWHERE.match(text, match.end()) if match else None
        if match and place and not on_mention:
            where = text[place.end() :].lstrip("\"'“ ")  # "in <the link's text>"
            decided, found = self._elsewhere(here, int(match.group(1)), where, links)
            if decided:
                return found
        for link in links:
            ref = self.by_link(link, here)
            if ref is not None:
                return ref
        # "Table N" without a link means this page's table N; a linked one was tried above.
        return self.by_number(here, int(match.group(1))) if match and not on_mention else None

    def _elsewhere(
        self, here: Page, number: int, where: str, links: tuple[Link, ...]
    ) -> tuple[bool, TableRef | None]:
        """(decided, table) for "Table 3 in <where>": table 3 of the page a link there leads
        to, else (copied text has no links) of the page so titled; undecided (this page's)
        where the words name this page; else none: a page the input lacks (unresolved)."""
        named = tuple(link for link in links if link.text and where.startswith(link.text))
        if named:
            return True, self._numbered_elsewhere(here, number, named)
        titled = self.page_titled(where, here)
        if titled is not None and titled.source != here.source:
            return True, self.by_number(titled, number)
        return titled is None and not names_this_page(here, where), None

    def _numbered_elsewhere(
        self, here: Page, number: int, links: tuple[Link, ...]
    ) -> TableRef | None:
        """Table `number` of the page the links after "Table N in" lead to; None when no
        input has that page (the caller reports the field's pointer as unresolved)."""
        pages = [part.page for link in links if (part := self.linked_part(link, here))]
        return self.by_number(pages[0], number) if pages else None


def _fields(block: object) -> bool:
    return isinstance(block, Table) and is_parameter_table(block)
