"""Where a row sits in a table that nests objects by drawing or by column rather than by
dotted names: box drawing ("└ size"), its ASCII forms ("+-- size", "`-- key", "|- name"),
dashes counted ("- name", "-- key"), a Level column (1, 2, 3) or a Parent column ("tags").
Each gives the row's dotted path ("tags.key"), which `dotted_rows` then nests.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from doc2openapi.scraper.page import Table, Text

# "└ size", "├─ name", "│  └ port": a row drawn as a branch of the row above it
TREE_BRANCH = re.compile(r"^\s*((?:[│┃]\s*)*)([└├┗┣╰])\s*[─━]*\s*")
# The same drawing in ASCII: "|" and a space a level's line; "+--" or "|--" a branch, "`--"
# or "\--" a level's last
ASCII_LINE = re.compile(r"^(\s*(?:[│┃]\s*)*)\|(?=\s)")
ASCII_BRANCH = re.compile(r"^(\s*(?:[│┃]\s*)*)([+|`\\])-+")
STACKED_BRANCH = re.compile(r"^(\s*(?:[│┃]\s*)*)[+|`\\]-+(?=[+|`\\]-)")  # "|-|- key"
# "- name", "-- key": as deep as its dashes
DASHES = re.compile(r"^\s*(-{1,6})[ \t]*(?=[A-Za-z_$@])")


def as_box_drawing(cell: str) -> str:
    """An ASCII tree's prefix drawn with box characters, so one reading serves both."""
    while line := ASCII_LINE.match(cell) or STACKED_BRANCH.match(cell):
        cell = f"{line.group(1)}│{cell[line.end() :]}"
    if branch := ASCII_BRANCH.match(cell):
        glyph = "└" if branch.group(2) in "`\\" else "├"
        cell = f"{branch.group(1)}{glyph} {cell[branch.end() :].lstrip()}"
    return cell


def drawn_depth(cell: str) -> tuple[int, bool, str]:
    """How deep a name cell's drawing puts the row (0 for none), whether its branch is a
    level's last ("└"), and the cell without the drawing."""
    cell = as_box_drawing(cell)
    if branch := TREE_BRANCH.match(cell):
        depth = 1 + len(re.findall(r"[│┃]", branch.group(1)))
        return depth, branch.group(2) in "└┗╰", cell[branch.end() :]
    if dashes := DASHES.match(cell):
        return len(dashes.group(1)), False, cell[dashes.end() :]
    return 0, False, cell


WORD = re.compile(r"[A-Za-z_][\w-]*")


class RowPaths:
    """The dotted path of each row of one table, in row order. Drawing that every row has
    draws the top level too: depths count from the shallowest."""

    def __init__(self, table: Table, roles: dict[str, int], clean: Callable[[str], str]) -> None:
        self._roles = roles
        self._clean = clean
        drawn = [drawn_depth(row[roles["name"]].text.strip())[0] for row in self._rows(table)]
        self._offset = min(drawn) if drawn and min(drawn) > 0 else 0
        known = [level for row in self._rows(table) if (level := self._level(row)) is not None]
        self._base_level = min(known) if known else None
        self._last_level = self._base_level  # a blank Level cell: the row above's level
        self._tree: list[tuple[str, bool]] = []  # each depth's last row: its path, was it last
        self._parents = self._parent_names(table)  # a row's name -> the name its Parent gives
        self._placed: dict[str, str] = {}  # each row's name, lower-case -> its path
        self._group = ""  # the path of the row a sub-heading row names, rows under it go in

    def _rows(self, table: Table) -> list[tuple[Text, ...]]:
        return [row for row in table.rows if len(row) == len(table.header)]

    def _level(self, row: tuple[Text, ...]) -> int | None:
        column = self._roles.get("level")
        if column is None:
            return None
        text = row[column].text.strip()
        return int(text) if text.isdigit() else None

    def _parent_names(self, table: Table) -> dict[str, str]:
        column = self._roles.get("parent")
        if column is None:
            return {}
        name_column = self._roles["name"]
        found = {
            self._clean(drawn_depth(row[name_column].text.strip())[2]): self._clean(
                row[column].text
            )
            for row in self._rows(table)
        }
        return {name: parent for name, parent in found.items() if parent in found}

    def split(self, row: tuple[Text, ...]) -> tuple[int, bool, str]:
        """The row's depth, whether it is a level's last, and its name cell undrawn."""
        depth, last, cell = drawn_depth(row[self._roles["name"]].text.strip())
        if self._base_level is not None and self._last_level is not None:
            level = self._level(row)
            self._last_level = level if level is not None else self._last_level
            return self._last_level - self._base_level, False, cell
        return max(depth - self._offset, 0), last, cell

    def place(self, row: tuple[Text, ...], depth: int, last: bool, name: str) -> str:
        """The row's path: under the rows its Parent column names (wherever they are in the
        table; a name no row gives leaves it at the top), else under the row its depth
        hangs it from."""
        path = self._path(depth, last, name)
        if self._group and not path.startswith(self._group + "."):
            path = f"{self._group}.{path}"
        self._placed.setdefault(name.lower(), path)
        return path

    def group(self, heading: str) -> None:
        """A sub-heading row spanning every column ("Parameters in spec"): the rows under it,
        up to the next, are fields of the one row above it names; a heading naming none
        ("Optional parameters") ends the group."""
        words = {word.lower() for word in WORD.findall(heading)}
        named = [path for name, path in self._placed.items() if name in words]
        self._group = named[0] if len(named) == 1 else ""

    def _path(self, depth: int, last: bool, name: str) -> str:
        if "parent" not in self._roles:
            return _tree_path(self._tree, depth, last, name)
        path, seen = [name], {name}
        while (parent := self._parents.get(path[0])) is not None and parent not in seen:
            path.insert(0, parent)
            seen.add(parent)
        return ".".join(path)


def _tree_path(tree: list[tuple[str, bool]], depth: int, last: bool, name: str) -> str:
    """The row's path from the rows above it. A branch after a level's last one ("└") at
    its depth is deeper: the indentation that said so is lost in rendering."""
    while 0 < depth <= len(tree) - 1 and tree[depth][1]:
        depth += 1
    path = tree[depth - 1][0] + "." + name if 0 < depth <= len(tree) else name
    tree[depth:] = [(path, last)]
    return path
