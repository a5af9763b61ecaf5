"""Find a parameter table's columns by header name (never by position) and read its rows."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from doc2openapi.scraper.interpret.presence import presence
from doc2openapi.scraper.interpret.row_paths import RowPaths
from doc2openapi.scraper.interpret.types import KNOWN_TYPE_WORDS, UnknownType, parse_type
from doc2openapi.scraper.model import LOCATIONS, Location
from doc2openapi.scraper.page import Link, Table, Text

COLUMN_PATTERNS: dict[str, re.Pattern[str]] = {
    "name": re.compile(
        r"^(parameter|parameters|param|name|field|field name|parameter name|attribute|"
        r"property|key|element|header|header name)$",
        re.I,
    ),
    "required": re.compile(
        r"^(mandatory|required|mandatory/optional|optional|is required|m/o|"
        r"(?:mandatory|required)\s+or\s+(?:not|optional))$",
        re.I,
    ),
    "type": re.compile(r"^(type|data type|value type|parameter type|field type)$", re.I),
    "description": re.compile(
        r"^(description|descriptions|remarks|meaning|explanation|value)$", re.I
    ),
    "location": re.compile(r"^(location|position|in)$", re.I),
    # how rows nest, where no drawing or dotted name says it (row_paths.py)
    "parent": re.compile(
        r"^(parent|parent (?:parameter|field|node|element|object|name)|belongs to)$", re.I
    ),
    "level": re.compile(r"^(level|depth|nesting level|hierarchy|layer)$", re.I),
}
STATUS_COLUMN = re.compile(
    r"^(status code|http status code|status|return(ed)? value|code|normal response code)$", re.I
)
ROOT_PLACEHOLDERS = frozenset({"array", "list", "array element", "list element"})
# "name (deprecated)", "owner_id\n(Deprecated)": said in the name cell, beside the name
DEPRECATED = re.compile(r"\b(?:deprecated|discarded|obsolete)\b", re.I)
FIELD_NAME = re.compile(r"[A-Za-z_$@](?:[\w.:$@\[\]/-]|(?<=\[)\*(?=\]))*")  # "tags[*].key" too


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
    deprecated: bool = False  # the name cell says so: "name (deprecated)"

    @property
    def outside_body(self) -> bool:
        """A Location column ("In": path, query, header, URI, body) puts the row in no body."""
        return self.in_uri or any(place in self.location for place in LOCATIONS)

    @property
    def stands_for_the_body(self) -> bool:
        """A row that names the body itself rather than a member: "Array elements", or any
        bracketed name ("[Array element]", "[items]"), which no wire name is."""
        cell = (self.cell or self.name).strip()
        if len(cell) > 2 and cell[0] + cell[-1] in ("[]", "<>"):
            return True
        words = re.sub(r"[^a-z ]+", " ", cell.lower()).split()
        return " ".join(words).removesuffix("s") in ROOT_PLACEHOLDERS

    @property
    def in_uri(self) -> bool:
        """A Location column's "URI": the path's variable or the query string's key."""
        return re.search(r"\b(?:uri|url)\b", self.location) is not None


HEADER_NOISE = re.compile(r"^\s*is\s+|\s*\([^()]*\)\s*$|\s*[?:]\s*$", re.I)


def _header_words(header: str) -> str:
    """A header as its role words: "Mandatory (Yes/No)", "Is Mandatory", "Required?" ->
    "mandatory" / "required"."""
    return HEADER_NOISE.sub("", header.strip()).strip()


def _role_of(header: str) -> str | None:
    words = _header_words(header)
    for role, pattern in COLUMN_PATTERNS.items():
        if pattern.match(header.strip()) or pattern.match(words):
            return role
    return None


def column_roles(table: Table) -> dict[str, int]:
    """Role -> column index, by header name; the first column of a role holds it."""
    roles: dict[str, int] = {}
    for index, header in enumerate(table.header):
        role = _role_of(header)
        if role is not None and role not in roles:
            roles[role] = index
    return roles


def _other_columns(table: Table, roles: dict[str, int]) -> list[tuple[int, str]]:
    """(index, header) of the columns no role reads ("Default Value", "Constraint",
    "Example"); a second "Description" repeats the first and is not one of them."""
    used = set(roles.values())
    return [
        (index, header.strip())
        for index, header in enumerate(table.header)
        if index not in used and header.strip() and not _repeats_a_used_column(table, roles, header)
    ]


# "Type: String" on a line of the description, where no Type column says it (OBS, and
# tables of two columns); only a word the type reader knows counts.
TYPE_IN_TEXT = re.compile(
    r"^\s*(?:[-•]\s*)?Type\s*:\s*\**([A-Za-z][\w ]*?)\**\s*\.?\s*$", re.I | re.M
)


STATED_TYPE_WORDS = KNOWN_TYPE_WORDS - {"file", "null"}  # what a description may state


# Where a table of two columns opens the description with the type: "(Optional, Boolean)
# Whether ...", "(Mandatory, String) Job ID.", "String. Job status.", "Array of SubJob
# objects. See Table 5."
LEADING_NOTE = re.compile(
    r"^\s*\(\s*(?:(mandatory|required|optional)\s*[,;]\s*)?([^()]{1,40}?)\s*\)", re.I
)
# A first sentence that is a type: one type word, a generic, or "Array of X objects"
TYPE_SENTENCE = re.compile(
    r"[A-Za-z]+|[A-Za-z]+\s*[<\[].*|(?:array|list)s?\s+of\s+(?:\w+\s+)?"
    r"(?:objects?|strings?|integers?|numbers?|booleans?|longs?|floats?|doubles?)",
    re.I,
)
TYPE_LABEL = re.compile(r"^\s*Type\s*[:：]\s*", re.I)
LEADING_TYPE = re.compile(r"^\s*([A-Za-z][\w<>,\[\] ]{0,40}?)\.(?:\s|$)")


def _type_cell(roles: dict[str, int], row: tuple[Text, ...]) -> Text | None:
    """The Type cell; where there is none or it is empty, the type the description states."""
    cell = row[roles["type"]] if "type" in roles else None
    if cell is not None and cell.text.strip():
        return cell
    said = row[roles["description"]].text if "description" in roles else ""
    found = TYPE_IN_TEXT.search(said)
    if found and found.group(1).strip().lower() in STATED_TYPE_WORDS:
        return Text(found.group(1).strip())
    if (leading := _leading_type(said)) is not None:
        return Text(leading)
    return cell


def _leading_type(said: str) -> str | None:
    """The type a description opens with, when it reads as one ("String", "Array of X
    objects", "Map<String,String>"), not as words ("Job status.")."""
    said = TYPE_LABEL.sub("", said, count=1)  # "Type: Boolean. Whether it is on."
    note = LEADING_NOTE.match(said)
    found = note.group(2) if note else (m.group(1) if (m := LEADING_TYPE.match(said)) else "")
    if not note and not TYPE_SENTENCE.fullmatch(found.strip()):
        return None  # "Object name.", "Array index.": words, not a type
    head = re.match(r"[A-Za-z]+", found.strip())
    if head is None or head.group(0).lower() not in STATED_TYPE_WORDS:
        return None
    expr = parse_type(found)
    return None if isinstance(expr, UnknownType) else found.strip()


# "Mandatory. Colour.", "Widget name. This parameter is mandatory.": said of every value,
# never "mandatory when X is set"
PRESENCE_SENTENCE = re.compile(
    r"(?:^|[.!]\s+)(?:this\s+(?:parameter|field)\s+is\s+)?(mandatory|required|optional)"
    r"\s*(?:\.|$)",
    re.I,
)
STARRED = re.compile(r"[A-Za-z0-9_]\s*\\?\*$")  # "name*": marked mandatory; not "x-obs-*"


def _stated_presence(said: str, name_cell: str = "") -> bool | None:
    """Presence a table with no Mandatory column states in the row: "(Mandatory, String)",
    a sentence "Mandatory." or "This parameter is optional.", a name marked "name*"."""
    note = LEADING_NOTE.match(said)
    word = note.group(1) if note else None
    if word is None and (sentence := PRESENCE_SENTENCE.search(said.strip())) is not None:
        word = sentence.group(1)
    if word is None:
        first = name_cell.strip().splitlines()[0] if name_cell.strip() else ""
        return True if STARRED.search(first) else None
    return word.lower() != "optional"


EMPTY_CELLS = frozenset({"", "-", "--", "n/a", "na", "none", "null", "—", "–"})


def _empty(cell: str) -> bool:
    """A cell that says nothing ("-", "None"); "NONE" in capitals reads as a value."""
    return cell.lower() in EMPTY_CELLS and not (cell.isupper() and cell.isalpha())


def _repeats_a_used_column(table: Table, roles: dict[str, int], header: str) -> bool:
    words = _header_words(header).lower()
    return any(_header_words(table.header[i]).lower() == words for i in roles.values())


def _description(
    roles: dict[str, int], others: list[tuple[int, str]], row: tuple[Text, ...], *notes: str
) -> Text:
    """The Description cell, then what the row says in the other columns as labelled lines
    (and `notes`, such as a Mandatory cell's condition): kept, and read like its prose."""
    own = row[roles["description"]] if "description" in roles else Text("")
    extra = "\n".join(
        [
            *(f"{header}: {row[index].text.strip()}" for index, header in others
              if index < len(row) and not _empty(row[index].text.strip())),
            *notes,
        ]
    )  # fmt: skip
    if not extra:
        return own
    return Text("\n".join(t for t in (own.text.strip(), extra) if t), own.links)


def is_parameter_table(table: Table) -> bool:
    roles = column_roles(table)
    return "name" in roles and len(roles) >= 2


def is_status_table(table: Table) -> bool:
    return bool(table.header) and STATUS_COLUMN.match(table.header[0].strip()) is not None


# "size¹", "color²": a footnote mark beside the name (text copied from a page), no part of it
SUPERSCRIPTS = str.maketrans({c: f" {c}" for c in "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁽⁾ⁿ"})


def clean_name(cell: str) -> str:
    """The wire name from a name cell: its first line's first name-like token."""
    first = cell.strip().splitlines()[0].translate(SUPERSCRIPTS) if cell.strip() else ""
    match = FIELD_NAME.search(first)
    return match.group(0).rstrip(".:") if match else ""


def body_fields(table: Table, located: bool) -> list[Field]:
    """The rows that are an object's fields: all of them, but for a request table whose
    Location column put some in the path, query or headers (`located`), those."""
    return [field for field in read_fields(table) if not (located and field.outside_body)]


def read_fields(table: Table) -> list[Field]:
    """The table's rows as fields (none if it has no name column)."""
    return list(_read_fields(table))


@lru_cache(maxsize=1024)
def _read_fields(table: Table) -> tuple[Field, ...]:
    """Cached: a page's tables are read again by each rule that asks about their fields
    (linking, nesting, examples), and the answer depends on the table alone."""
    roles = column_roles(table)
    fields: list[Field] = []
    if "name" not in roles:
        return ()  # not a field table after all (broken header): its caller reports it
    optional_column = "required" in roles and _header_words(
        table.header[roles["required"]]
    ).lower() in ("optional", "is optional")  # "Optional (Yes/No)": yes means optional
    others = _other_columns(table, roles)
    paths = RowPaths(table, roles, clean_name)
    names = row_names(table)
    for number, row in enumerate(table.rows, start=1):
        if len(set(row)) == 1 and len(row) > 1:
            paths.group(row[0].text)  # a sub-heading row spanning every column
            continue
        if len(row) < len(table.header):
            continue  # a row that lost cells: which cell is which is guesswork
        depth, last, cell = paths.split(row)
        leaf = clean_name(cell)
        if not leaf:
            continue
        name = paths.place(row, depth, last, leaf)
        ancestors = set(name.lower().split(".")[:-1])  # "Yes if tags is specified" of tags.key
        any_key = len(cell.splitlines()[0].split()) >= 3
        required_cell = row[roles["required"]].text if "required" in roles else ""
        says_yes, said = presence(required_cell, optional_column, names - ancestors)
        notes = [f"{table.header[roles['required']].strip()}: {said}"] if said else []
        name_cell = row[roles["name"]].text
        if "required" not in roles and "description" in roles:
            says_yes = bool(_stated_presence(row[roles["description"]].text, name_cell))
        fields.append(
            Field(
                name=name,
                required=says_yes,
                type=_type_cell(roles, row),
                description=_description(roles, others, row, *notes),
                row=number,
                location=row[roles["location"]].text.strip().lower() if "location" in roles else "",
                any_key=any_key,
                cell=cell.splitlines()[0].strip() if cell else "",
                name_links=row[roles["name"]].links,
                deprecated=DEPRECATED.search(name_cell.replace(leaf, " ", 1)) is not None,
            )
        )
    return tuple(fields)


def row_names(table: Table) -> frozenset[str]:
    """The names a field table's rows give, lower-case (what a Mandatory cell's condition
    may name)."""
    column = column_roles(table).get("name")
    if column is None:
        return frozenset()
    return frozenset(
        clean_name(row[column].text).lower() for row in table.rows if len(row) > column
    )


def caption_words(caption: str) -> set[str]:
    """A caption's whole words, lower-case: "uri_config" and "ListenerInsertHeaders" are
    names, not the words "uri" and "headers"."""
    return set(re.findall(r"(?<![\w-])[a-z]+(?![\w-])", caption.lower()))


def caption_location(caption: str) -> Location | None:
    """The location a caption names as words ("Request header parameters", "Query
    parameters", "Parameters in the URI"); a type name that contains one
    ("ListenerInsertHeaders", "uri_config") names none."""
    words = caption_words(caption)
    if words & {"header", "headers"}:
        return "header"
    if "query" in words:
        return "query"
    if words & {"path", "uri", "url"}:
        return "path"
    return None
