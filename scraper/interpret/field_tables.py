"""Which table describes a field's object: a link, the type's name, "see Table N", a table
titled after the field, else the one right after it that nothing else points at."""

from __future__ import annotations

from collections.abc import Callable

from doc2openapi.scraper.interpret.adjacent_tables import following_table
from doc2openapi.scraper.interpret.columns import Field
from doc2openapi.scraper.interpret.linker import TableIndex, TableRef, same_title
from doc2openapi.scraper.interpret.misnumbered import meant_instead
from doc2openapi.scraper.interpret.table_titles import title_key

Diagnose = Callable[[str, str, str], None]  # kind, reason, table


def find_table(
    index: TableIndex, name: str | None, field: Field, ref: TableRef, diagnose: Diagnose
) -> TableRef | None:
    """The table of `field` (a row of `ref`) whose type names `name`, if any; what was
    inferred or corrected on the way is diagnosed."""
    here = ref.page
    links = (field.type.links if field.type is not None else ()) + field.name_links
    for link in links:
        target = index.by_link(link, here)
        if target is not None:
            return _checked(index, target, field, ref, diagnose)
    said = f"{field.type.text if field.type else ''}\n{field.description.text}"
    mention = index.mentioned(here, said, field.description.links)
    titled = index.by_title(here, name, ref.position) if name else None
    if titled is not None and titled.key != ref.key and not same_title(mention, titled):
        return titled  # the type names it (the mention is of another table: its values)
    if mention is not None:  # "See Table 3" in the type cell, or in the description
        return _checked(index, mention, field, ref, diagnose)
    if name is None:  # "Object", "JSON Array", no type: a table titled after the field
        target = index.by_title(here, field.name, ref.position, title_key(ref.table.title))
        if target is not None and target.key != ref.key:
            return target
        return _following(index, field, ref, diagnose)
    return None


def _following(
    index: TableIndex, field: Field, ref: TableRef, diagnose: Diagnose
) -> TableRef | None:
    """ "error | Object" with nothing pointing anywhere, then a table "ErrorDetail"."""
    target = following_table(index, field, ref)
    if target is not None:
        diagnose(
            "inferred:adjacent-table",
            f"field {field.name!r} names no table; the next one, "
            f"{target.table.caption!r}, which nothing else points at, is its object",
            ref.table.caption,
        )
    return target


def _checked(
    index: TableIndex, target: TableRef, field: Field, ref: TableRef, diagnose: Diagnose
) -> TableRef:
    """The table a link or "Table N" names, or the one the page shows was meant."""
    if (found := meant_instead(index, field, ref, target)) is None:
        return target
    meant, why = found
    diagnose(
        "doc-defect:link",
        f"field {field.name!r} points at {target.table.caption!r}, {why}; "
        f"{meant.table.caption!r} is used",
        ref.table.caption,
    )
    return meant
