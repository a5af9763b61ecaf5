"""A link or "see Table N" that names the wrong table, and the table the page shows was meant.

- Pages copied from one another keep the numbers of the page they came from: `profile |
  Object | For details, see Table 16.`, where Table 16 is another field's ("flavor_details
  parameters") and Table 6 is "profile parameters": the table titled after the field.
- A link to another page's table where this page has a table of that title: the link was
  copied with the text from the page this one was written from (ELB v2, VPN): this page's.
- Pages that describe an object of one name in several places link every field to the
  first table of that name (ModelArts training jobs: each `obs` links to the first "obs"
  table, while an "obs" table follows each field's own), or to the one in the other message
  (ELB v2 pool update: the request's `session_persistence` links to the response's table,
  while the request's own follows, unlinked): the table of that name after the field's, in
  its section, that nothing points at.

Either is reported as `doc-defect:link`.
"""

from __future__ import annotations

from doc2openapi.scraper.interpret.adjacent_tables import field_names, pointed_at, section_of
from doc2openapi.scraper.interpret.columns import Field
from doc2openapi.scraper.interpret.component_names import type_name
from doc2openapi.scraper.interpret.linker import TableIndex, TableRef
from doc2openapi.scraper.interpret.table_titles import title_key


def titled_instead(
    index: TableIndex, field: Field, ref: TableRef, mentioned: TableRef
) -> TableRef | None:
    """The table titled after `field`, when the one its description names (by number, or by a
    link, on this page or the page it was copied from) is titled after another field of
    this page; None when the mention may well be right."""
    own_key = field.name.lower()
    named = title_key(mentioned.table.title)
    if named == own_key:
        return None
    refs = index.refs(ref.page)
    if named not in field_names(refs):
        return None  # "see Table 14" (notebook parameters) for `spec`: no field is "notebook"
    titled = [r for r in refs if title_key(r.table.title) == own_key and r.key != ref.key]
    after = [r for r in titled if r.position > ref.position]
    return next(iter(after or titled), None)


def later_namesake(index: TableIndex, ref: TableRef, target: TableRef) -> TableRef | None:
    """The first table titled as `target` after `ref`'s, in its section, that nothing points
    at, when `target` (on this page) comes before the field's own table or lies in another
    section."""
    if target.page.source != ref.page.source or target.key == ref.key:
        return None  # another page's, or the field's own table (a recursive `children`)
    section = section_of(ref.page, ref.table)
    if target.position > ref.position and section_of(ref.page, target.table) is section:
        return None
    wanted = title_key(target.table.title)
    for later in index.refs(ref.page):
        if later.position <= ref.position or title_key(later.table.title) != wanted:
            continue
        if later.key == target.key or section_of(ref.page, later.table) is not section:
            return None
        if pointed_at(ref.page, later.table):
            return None
        return later
    return None


def meant_instead(
    index: TableIndex, field: Field, ref: TableRef, target: TableRef
) -> tuple[TableRef, str] | None:
    """The table meant where `target` was named, and why; None when `target` stands."""
    if (titled := titled_instead(index, field, ref, target)) is not None:
        return titled, "another field's table, while one is titled after the field"
    if (own := own_copy(index, ref, target)) is not None:
        return own, f"another page's table ({target.page.source}), while this page has its own"
    if (later := later_namesake(index, ref, target)) is not None:
        where = "an earlier" if target.position < ref.position else "another section's"
        return later, f"{where} table of that name, while one follows the field's own"
    return None


def own_copy(index: TableIndex, ref: TableRef, target: TableRef) -> TableRef | None:
    """This page's table titled as `target`, a table of another page that names an object
    (the first after the field's own, or the only one); None when this page has none."""
    if target.page.source == ref.page.source or type_name(target.table.title) is None:
        return None  # "Parameters" names no object: another page's table stays
    wanted = title_key(target.table.title)
    same = [r for r in index.refs(ref.page) if title_key(r.table.title) == wanted]
    after = [r for r in same if r.position > ref.position]
    own = after[0] if after else (same[0] if len(same) == 1 else None)
    return None if own is None or own.key == ref.key else own
