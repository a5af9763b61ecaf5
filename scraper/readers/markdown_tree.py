"""Markdown's conventions, applied to the HTML it renders to, so the HTML walker finds what
an HTML export marks up: anchors, table captions, heading ids.

- an empty `<a name>` or `<a id>` inside a paragraph or heading is an anchor just before it
  (Markdown puts one on the line above a caption, or inside a heading);
- a paragraph "**Table N** Caption" just above a table is the table's `<caption>` ("Table 2
  lists the fields." is a sentence, not a caption);
- a heading's id is its `{#id}` attribute (pandoc, kramdown), else its GitHub-style slug,
  numbered `-1`, `-2` when repeated, so that `[Spec](#spec-1)` finds the second "Spec".
"""

from __future__ import annotations

import re

from lxml import etree

from doc2openapi.scraper.page import TABLE_NUMBER, squash
from doc2openapi.scraper.readers.html import Element, text_of

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
HEADING_ID = re.compile(r"\s*\{#([\w.:-]+)[^{}]*\}\s*$")  # "## Widget {#widget .class}"
SLUG_DROPPED = re.compile(r"[^\w\- ]")
CAPTION_WORDS = 20
# A verb after "Table N" makes a sentence about the table, not its caption.
SENTENCE_VERBS = frozenset({
    "lists", "describes", "shows", "gives", "contains", "provides", "defines", "explains",
    "summarizes", "summarises", "presents", "is", "are",
})  # fmt: skip


def apply_conventions(root: Element) -> None:
    for holder in [e for e in root.iter("p", *HEADINGS)]:
        _lift_anchors(holder)
    slugs: dict[str, int] = {}
    for heading in root.iter(*HEADINGS):
        _name_heading(heading, slugs)
    for table in list(root.iter("table")):
        _fold_caption(table)


def _lift_anchors(holder: Element) -> None:
    """Empty anchors inside a paragraph or heading move just before it, their text kept."""
    for child in list(holder):
        if child.tag != "a" or text_of(child).strip() or not (child.get("name") or child.get("id")):
            continue
        _keep_tail(child)
        holder.addprevious(child)


def _keep_tail(child: Element) -> None:
    """Hands the text after `child` to what comes before it, so moving it loses no text."""
    tail, child.tail = child.tail or "", None
    previous, parent = child.getprevious(), child.getparent()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    elif parent is not None:
        parent.text = (parent.text or "") + tail


def _name_heading(heading: Element, slugs: dict[str, int]) -> None:
    """A heading's anchor: its written `{#id}` (taken out of the title), else its slug."""
    last = heading[-1] if len(heading) else None
    tail = (last.tail if last is not None else heading.text) or ""
    written = HEADING_ID.search(tail)
    if written is not None:
        if last is not None:
            last.tail = tail[: written.start()]
        else:
            heading.text = tail[: written.start()]
        heading.set("id", written.group(1))
        return
    if heading.get("id"):
        return
    slug = SLUG_DROPPED.sub("", squash(text_of(heading)).lower()).replace(" ", "-")
    if not slug:
        return
    seen = slugs.get(slug, 0)
    slugs[slug] = seen + 1
    heading.set("id", f"{slug}-{seen}" if seen else slug)


def _fold_caption(table: Element) -> None:
    """The paragraph "Table N Caption" just above a table becomes its <caption>."""
    label = table.getprevious()
    if label is None or label.tag != "p" or not _is_caption(squash(text_of(label))):
        return
    caption = etree.Element("caption")
    caption.text = label.text
    for child in list(label):
        caption.append(child)  # each keeps its tail
    table.insert(0, caption)
    parent = label.getparent()
    if parent is not None:
        parent.remove(label)


def _is_caption(text: str) -> bool:
    label = TABLE_NUMBER.match(text)
    if label is None:
        return False
    words = text[label.end() :].lstrip(" .:-").split()
    return len(words) <= CAPTION_WORDS and not (words and words[0].lower() in SENTENCE_VERBS)
