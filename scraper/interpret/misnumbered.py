"""A "see Table N" that names the table of another field.

Pages copied from one another keep the numbers of the page they came from: `profile | Object
| For details, see Table 16.`, where Table 16 is "location parameters" (the table of another
field on the page) and Table 6 is "profile parameters". The table titled after the field is
its table; the mention is reported as `doc-defect:link`.
"""

from __future__ import annotations

from doc2openapi.scraper.interpret.adjacent_tables import field_names
from doc2openapi.scraper.interpret.columns import Field
from doc2openapi.scraper.interpret.linker import TableIndex, TableRef, title_key


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
