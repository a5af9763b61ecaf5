"""Parse the docs' type column ("Array of X objects", "Map<String,Array<String>>", "Long") into a
small type expression. Resolving object names to tables is the linker's job, not this module's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import get_close_matches

from doc2openapi.scraper.model import Schema

PRIMITIVES: dict[str, Schema] = {
    "string": {"type": "string"},
    "str": {"type": "string"},
    "char": {"type": "string"},
    "text": {"type": "string"},
    "varchar": {"type": "string"},
    "uuid": {"type": "string", "format": "uuid"},
    "date": {"type": "string"},
    "datetime": {"type": "string", "format": "date-time"},
    "timestamp": {"type": "string"},
    "time": {"type": "string"},
    "integer": {"type": "integer", "format": "int32"},
    "int": {"type": "integer", "format": "int32"},
    "int32": {"type": "integer", "format": "int32"},
    "short": {"type": "integer", "format": "int32"},
    "byte": {"type": "integer", "format": "int32"},  # Java's byte; not OpenAPI's base64 "byte"
    "int8": {"type": "integer", "format": "int32"},
    "int16": {"type": "integer", "format": "int32"},
    "uint8": {"type": "integer", "format": "int32"},
    "uint16": {"type": "integer", "format": "int32"},
    "uint32": {"type": "integer", "format": "int64"},  # above int32's range
    "uint64": {"type": "integer", "format": "int64"},
    "long": {"type": "integer", "format": "int64"},
    "int64": {"type": "integer", "format": "int64"},
    "float": {"type": "number", "format": "float"},
    "double": {"type": "number", "format": "double"},
    "number": {"type": "number"},
    "bigdecimal": {"type": "number"},
    "decimal": {"type": "number"},
    "file": {"type": "string", "format": "binary"},  # a form's file upload
    "binary": {"type": "string", "format": "binary"},
    "boolean": {"type": "boolean"},
    "bool": {"type": "boolean"},
    # "Null": the member carries no data ({"os-start": null}); null or an empty object
    "null": {"type": "object", "nullable": True, "maxProperties": 0},
}
OBJECT_WORDS = {"object", "json", "jsonobject", "dict", "struct"}
ARRAY_WORDS = {"array", "list", "jsonarray"}
MAP_WORDS = {"map", "dict", "hashmap"}
KNOWN_TYPE_WORDS = set(PRIMITIVES) | OBJECT_WORDS | ARRAY_WORDS | MAP_WORDS


@dataclass(frozen=True)
class Primitive:
    schema: tuple[tuple[str, str | bool | int], ...]

    def as_schema(self) -> Schema:
        return dict(self.schema)


@dataclass(frozen=True)
class ObjectType:
    """An object; `name` is the type name the docs give ("ExportParams object"), if any.

    `implied` marks a bare name ("ExportParams", "jobs array"): an object only if a table
    for it is found.
    """

    name: str | None
    implied: bool = False


@dataclass(frozen=True)
class ArrayType:
    items: TypeExpr


@dataclass(frozen=True)
class MapType:
    values: TypeExpr


@dataclass(frozen=True)
class AnyType:
    """No type given (a table without a Type column): inferred later, from examples."""


@dataclass(frozen=True)
class UnknownType:
    text: str


@dataclass(frozen=True)
class ChoiceType:
    """ "Integer/Boolean", "String or Integer": a value of any one of these plain types."""

    options: tuple[Primitive, ...]

    def as_schema(self) -> Schema:
        return {"anyOf": [option.as_schema() for option in self.options]}


TypeExpr = Primitive | ObjectType | ArrayType | MapType | AnyType | UnknownType | ChoiceType

_GENERIC = re.compile(
    r"^(?P<outer>\w+)\s*(?:<\s*(?P<args>.+)>|\[\s*(?P<square>.+)\]|\(\s*(?P<paren>.+)\))$"
)
_GO_SLICE = re.compile(r"^\[\]\s*(?P<item>\S.*)$")  # "[]string"
_BITS = re.compile(r"(32|64)[- ]?bits?", re.I)
_ARRAY_OF = re.compile(r"^(?:arrays?|lists?)\s+of\s+(?P<item>.+)$", re.IGNORECASE)
# "Map of strings", "Dictionary of String to Integer", Go's "map[string]string"
_MAP_OF = re.compile(
    r"^(?:maps?|dict(?:ionar(?:y|ies))?|hashmaps?)\s+of\s+(?:\w+\s+(?:to|->)\s+)?(?P<values>.+)$",
    re.IGNORECASE,
)
_GO_MAP = re.compile(r"^map\[\s*\w+\s*\]\s*(?P<values>\S.*)$", re.IGNORECASE)
_SUFFIX_ARRAY = re.compile(r"^(?P<item>.+?)\s*(?:\[\s*\]|\barray|\blist)$", re.IGNORECASE)
_NAMED_OBJECT = re.compile(r"^(?P<name>.+?)\s+(?:objects?|structures?)$", re.IGNORECASE)
_IDENT = re.compile(r"^[A-Za-z_][\w.$-]*$")
_WORDS = re.compile(r"^[A-Za-z_][\w.$-]*(?: [A-Za-z_][\w.$-]*){1,3}$")  # "Storage type"
_TABLE_MENTION = re.compile(r"\bTable\s+\d+\b\s*", re.IGNORECASE)  # a link's text, not a name
# "Object (see below)", "See Table 3", "Array (for details, see Table 4)": where the table is
_SEE_NOTE = re.compile(r"\(\s*(?:for\s+details,?\s+)?see\b[^()]*\)|^see\b\s*", re.I)


def _singular(word: str) -> str:
    low = word.lower()
    if low in PRIMITIVES or low in OBJECT_WORDS:
        return word
    if low.endswith("s") and low[:-1] in KNOWN_TYPE_WORDS:  # "strings", "arrays", "maps"
        return word[:-1]
    return word


def _split_args(args: str) -> list[str]:
    depth, parts, current = 0, [], ""
    for ch in args:
        if ch in "<(":
            depth += 1
        elif ch in ">)":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return [p.strip() for p in parts]


# A clause after the type that says what it depends on, not what it is.
_QUALIFIER = re.compile(
    r"\s+(?:corresponding to|depending on|according to|based on|determined by)\b.*$", re.I
)


def parse_type(text: str) -> TypeExpr:
    """Parse one type cell; anything not understood is an UnknownType, never a guess."""
    raw = _tidy(text)
    if not raw:
        return AnyType()
    for reader in (_keyword, _choice, _generic, _array, _map, _named_object):
        if (expr := reader(raw)) is not None:
            return expr
    if _IDENT.match(raw) or _type_name_words(raw):
        return ObjectType(raw, implied=True)
    return UnknownType(raw)


def _tidy(text: str) -> str:
    """The cell without what names no type: "Array of Table 1 objects" -> "Array of objects",
    "See Table 3" -> "object", "Object (see below)" -> "Object",
    "config array corresponding to infer_type" -> "config array"."""
    raw = " ".join(_SEE_NOTE.sub(" ", " ".join(text.split())).split())
    if _TABLE_MENTION.search(raw) or raw != " ".join(text.split()):  # the link names the table
        raw = " ".join(_TABLE_MENTION.sub("", raw).split()) or "object"
    return _QUALIFIER.sub("", raw) or raw


def _keyword(raw: str) -> TypeExpr | None:
    """One word: "Long", "Object", "List", "Map"."""
    low = raw.lower().rstrip(".")
    if low == "enum":  # a list of values of a type it does not say: the values tell
        return AnyType()
    if low in PRIMITIVES:
        return Primitive(tuple(PRIMITIVES[low].items()))
    if low in OBJECT_WORDS:
        return ObjectType(None)
    if low in ARRAY_WORDS:
        return ArrayType(AnyType())
    if low in MAP_WORDS or KEY_VALUE.fullmatch(low):
        return MapType(AnyType())
    return None


KEY_VALUE = re.compile(r"key\s*[-/]?\s*value\s+pairs?", re.I)  # "Key-value pairs": a map
_CHOICE = re.compile(r"\s*(?:/|,|\bor\b)\s*", re.I)


def _choice(raw: str) -> TypeExpr | None:
    """ "Integer/Boolean", "String or Integer": two or more plain type words. A choice that
    names an object or array ("String/Array") is no type this reads."""
    parts = [part for part in _CHOICE.split(raw) if part]
    if len(parts) < 2:
        return None
    options = [_keyword(part) for part in parts]
    plain = [option for option in options if isinstance(option, Primitive)]
    if len(plain) < len(parts):
        return UnknownType(raw) if all(options) else None
    null = Primitive(tuple(PRIMITIVES["null"].items()))
    unique = _one_per_kind([option for option in plain if option != null])
    if null in plain:  # "String or Null": a string that may be null
        unique = tuple(Primitive((*option.schema, ("nullable", True))) for option in unique)
    if len(unique) < 2:
        return unique[0] if unique else null
    return ChoiceType(unique)


def _one_per_kind(options: list[Primitive]) -> tuple[Primitive, ...]:
    """ "Integer, Long" is an integer of either size; "UUID or String" any string."""
    kinds: dict[str, list[Primitive]] = {}
    for option in options:
        kinds.setdefault(str(option.as_schema()["type"]), []).append(option)
    return tuple(
        same[0] if len(set(same)) == 1 else Primitive((("type", kind),))
        for kind, same in kinds.items()
    )


def _generic(raw: str) -> TypeExpr | None:
    """ "List<String>", "Map<String,Array<String>>", "Array(Integer)"."""
    generic = _GENERIC.match(raw)
    if not generic:
        return None
    outer = generic["outer"].lower()
    note = generic["paren"]
    if note is not None and (noted := _noted(outer, note)) is not None:
        return noted
    args = _split_args(generic["args"] or generic["square"] or note or "")
    if outer == "enum" and note is None and len(args) == 1:  # "Enum<String>": of that type
        return parse_type(args[0])
    if (outer in ARRAY_WORDS or outer == "set") and len(args) == 1:
        return ArrayType(parse_type(args[0]))
    if outer in MAP_WORDS | OBJECT_WORDS and len(args) == 2:  # "Object<String, Integer>"
        return MapType(parse_type(args[1]))
    return UnknownType(raw)


def _noted(outer: str, note: str) -> TypeExpr | None:
    """ "String(64)", "Long (int64)", "Object (Map)": a type with a note in parentheses."""
    if (sized := _sized_text(outer, note)) is not None:
        return sized
    if (noted := _noted_primitive(outer, note)) is not None:
        return noted
    if outer in OBJECT_WORDS | MAP_WORDS and (_keyword(note) or AnyType()) == MapType(AnyType()):
        return MapType(AnyType())  # "Object (Map)", "Object (key-value pairs)"
    return None


TEXT_WORDS = frozenset({"string", "str", "char", "text", "varchar"})
_LENGTHS = re.compile(r"(?:(?P<low>\d+)\s*(?:-|~|\.\.|,)\s*)?(?P<high>\d+)")


def _noted_primitive(outer: str, note: str) -> TypeExpr | None:
    """A plain type with a note in parentheses: "Integer (int32)", "Long (int64)", "Number
    (double)", "int (64-bit)" refine it; any other note ("Boolean (true/false)", "Integer
    (milliseconds)") leaves the type as it is."""
    base = PRIMITIVES.get(outer)
    if base is None or outer == "null":
        return None
    refined = _keyword(note.strip())
    if isinstance(refined, Primitive) and refined.as_schema().get("type") == base["type"]:
        return refined
    bits = _BITS.fullmatch(note.strip())
    if bits is not None and base["type"] == "integer":
        return Primitive(tuple(PRIMITIVES[f"int{bits.group(1)}"].items()))
    return Primitive(tuple(base.items()))


def _sized_text(outer: str, size: str) -> TypeExpr | None:
    """ "String(64)", "String(1-64)", "varchar(255)": text of at most (and at least) so many
    characters, as database-minded references write it."""
    lengths = _LENGTHS.fullmatch(size.strip())
    if lengths is None or outer not in TEXT_WORDS:
        return None
    low, high = int(lengths["low"] or 0), int(lengths["high"])
    if high == 0 or low > high:
        return None  # "String(0)", "String(64-1)": no length a value could have
    schema: dict[str, str | bool | int] = {"type": "string"}
    if lengths["low"] is not None:
        schema["minLength"] = low
    schema["maxLength"] = high
    return Primitive(tuple(schema.items()))


def _array(raw: str) -> TypeExpr | None:
    """ "Array of strings", "String[]", "jobs array"."""
    if go_slice := _GO_SLICE.match(raw):
        return ArrayType(parse_type(go_slice["item"]))
    if array_of := _ARRAY_OF.match(raw):
        return ArrayType(parse_type(_singular(array_of["item"])))
    if suffix := _SUFFIX_ARRAY.match(raw):
        return ArrayType(parse_type(suffix["item"]))
    return None


def _map(raw: str) -> TypeExpr | None:
    """ "Map of strings", "map[string]string": a map of what its values are."""
    found = _GO_MAP.match(raw) or _MAP_OF.match(raw)
    return MapType(parse_type(_singular(found["values"]))) if found else None


def _named_object(raw: str) -> TypeExpr | None:
    """ "ExportParams object"; "Map<String,String> objects" is the map."""
    named = _NAMED_OBJECT.match(raw)
    if not named:
        return None
    inner = parse_type(named["name"])
    if isinstance(inner, Primitive) and named["name"].lower() in PRIMITIVES:
        return ObjectType(named["name"], implied=True)  # "Time object": its table, if any
    if isinstance(inner, MapType | ArrayType | Primitive):
        return inner
    name = named["name"]
    if name.lower() in OBJECT_WORDS:  # "JSON object": no name of its own
        return ObjectType(None)
    known = _IDENT.match(name) or _type_name_words(name)
    return ObjectType(name) if known else UnknownType(raw)


def _type_name_words(raw: str) -> bool:
    """A name of a few words ("Storage type"), not a choice of types ("String or Integer")."""
    words = {w.lower() for w in raw.split()}
    return _WORDS.match(raw) is not None and not words & (PRIMITIVES.keys() | {"or", "and"})


# Type words a misspelling is matched against: a short word's near miss is another word.
_LONG_PRIMITIVES = [word for word in PRIMITIVES if len(word) >= 5]


def misspelled_primitive(name: str) -> Primitive | None:
    """The plain type a one-word type name misspells ("Sting", "Interger", "Boolen"): one of
    five letters or more, close to it; a name that is a table's is asked about before this."""
    low = name.lower()
    if not low.isalpha() or len(low) < 5:
        return None
    close = get_close_matches(low, _LONG_PRIMITIVES, n=1, cutoff=0.85)
    return Primitive(tuple(PRIMITIVES[close[0]].items())) if close else None
