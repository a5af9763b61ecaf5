"""Find a parameter table's columns by header name (never by position) and read its rows."""

from __future__ import annotations

import re
from dataclasses import dataclass

from doc2openapi.scraper.page import Link, Table, Text

COLUMN_PATTERNS: dict[str, re.Pattern[str]] = {
    "name": re.compile(
        r"^(parameter|parameters|param|name|field|field name|parameter name|attribute|"
        r"property|key|element|header|header name)$",
        re.I,
    ),
    "required": re.compile(
        r"^(mandatory|required|mandatory/optional|optional|is required|m/o)$", re.I
    ),
    "type": re.compile(r"^(type|data type|value type|parameter type|field type)$", re.I),
    "description": re.compile(
        r"^(description|descriptions|remarks|meaning|explanation|value)$", re.I
    ),
    "location": re.compile(r"^(location|position|in)$", re.I),
}
STATUS_COLUMN = re.compile(r"^(status code|http status code|status|return(ed)? value|code)$", re.I)
REQUIRED_YES = re.compile(r"^(yes|y|true|mandatory|required|m)\b", re.I)
FIELD_NAME = re.compile(r"[A-Za-z_$@][\w.:$@\[\]/-]*")


@dataclass(frozen=True)
class Field:
    """One row of a parameter table."""

    name: str
    required: bool
    type: Text | None  # None: the table has no Type column
    description: Text
    row: int
    location: str = ""
    any_key: bool = False  # "Name of the network": the row describes a map's values
    cell: str = ""  # the name cell's first line as written ("Array elements")
    name_links: tuple[Link, ...] = ()  # a name cell that links to the field's own table


def column_roles(table: Table) -> dict[str, int]:
    roles: dict[str, int] = {}
    for index, header in enumerate(table.header):
        for role, pattern in COLUMN_PATTERNS.items():
            if role not in roles and pattern.match(header.strip()):
                roles[role] = index
                break
    return roles


def is_parameter_table(table: Table) -> bool:
    roles = column_roles(table)
    return "name" in roles and len(roles) >= 2


def is_status_table(table: Table) -> bool:
    return bool(table.header) and STATUS_COLUMN.match(table.header[0].strip()) is not None


def clean_name(cell: str) -> str:
    """The wire name from a name cell: its first line's first name-like token."""
    first = cell.strip().splitlines()[0] if cell.strip() else ""
    match = FIELD_NAME.search(first)
    return match.group(0).rstrip(".:") if match else ""


def read_fields(table: Table) -> list[Field]:
    roles = column_roles(table)
    fields: list[Field] = []
    if "name" not in roles:
        return fields  # not a field table after all (broken header): its caller reports it
    for number, row in enumerate(table.rows, start=1):
        if len(set(row)) == 1 and len(row) > 1:
            continue  # a sub-heading row spanning every column
        if len(row) < len(table.header):
            continue  # a row that lost cells: which cell is which is guesswork
        cell = row[roles["name"]].text.strip()
        name = clean_name(cell)
        if not name:
            continue
        any_key = len(cell.splitlines()[0].split()) >= 3
        required_cell = row[roles["required"]].text if "required" in roles else ""
        fields.append(
            Field(
                name=name,
                required=bool(REQUIRED_YES.match(required_cell.strip())),
                type=row[roles["type"]] if "type" in roles else None,
                description=row[roles["description"]] if "description" in roles else Text(""),
                row=number,
                location=row[roles["location"]].text.strip().lower() if "location" in roles else "",
                any_key=any_key,
                cell=cell.splitlines()[0].strip() if cell else "",
                name_links=row[roles["name"]].links,
            )
        )
    return fields
