"""The type column grammar."""

from __future__ import annotations

import pytest

from doc2openapi.scraper.interpret.types import (
    AnyType,
    ArrayType,
    ChoiceType,
    MapType,
    ObjectType,
    Primitive,
    UnknownType,
    parse_type,
)

STRING = Primitive((("type", "string"),))
INT32 = Primitive((("type", "integer"), ("format", "int32")))
BOOLEAN = Primitive((("type", "boolean"),))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("String", Primitive((("type", "string"),))),
        ("Integer", Primitive((("type", "integer"), ("format", "int32")))),
        ("Long", Primitive((("type", "integer"), ("format", "int64")))),
        ("Byte", Primitive((("type", "integer"), ("format", "int32")))),
        ("Uint32", Primitive((("type", "integer"), ("format", "int64")))),  # above int32's
        ("Int16", Primitive((("type", "integer"), ("format", "int32")))),
        ("Time", Primitive((("type", "string"),))),
        ("Binary", Primitive((("type", "string"), ("format", "binary")))),
        ("Float", Primitive((("type", "number"), ("format", "float")))),
        ("Double", Primitive((("type", "number"), ("format", "double")))),
        ("Number", Primitive((("type", "number"),))),
        ("Boolean", Primitive((("type", "boolean"),))),
        ("Object", ObjectType(None)),
        ("ExportParams object", ObjectType("ExportParams")),
        ("Array of ExportTaskStatusResp objects", ArrayType(ObjectType("ExportTaskStatusResp"))),
        ("Array of strings", ArrayType(Primitive((("type", "string"),)))),
        ("Array of objects", ArrayType(ObjectType(None))),
        ("List<String>", ArrayType(Primitive((("type", "string"),)))),
        ("Map<String,Array<String>>", MapType(ArrayType(Primitive((("type", "string"),))))),
        ("Map<String,String>", MapType(Primitive((("type", "string"),)))),
        ("jobs array", ArrayType(ObjectType("jobs", implied=True))),
        ("List(Dict)", ArrayType(ObjectType(None))),
        ("int[]", ArrayType(Primitive((("type", "integer"), ("format", "int32"))))),
        ("", AnyType()),
        ("String or Integer", ChoiceType((STRING, INT32))),
        ("Integer/Boolean", ChoiceType((INT32, BOOLEAN))),  # ELB classic admin_state_up
        ("String or Null", Primitive((("type", "string"), ("nullable", True)))),
        ("Int/Integer", INT32),  # one type, twice
        ("Integer, Long", Primitive((("type", "integer"),))),  # an integer of either size
        ("String/Array", UnknownType("String/Array")),  # not a plain type: not read as one
        ("input/output", UnknownType("input/output")),  # no type words: not a choice
        ("String or ExportParams", UnknownType("String or ExportParams")),
        ("String(64)", Primitive((("type", "string"), ("maxLength", 64)))),
        ("string (1-64)", Primitive((("type", "string"), ("minLength", 1), ("maxLength", 64)))),
        ("varchar(1~255)", Primitive((("type", "string"), ("minLength", 1), ("maxLength", 255)))),
        ("Enum", AnyType()),  # values of a type it does not say: the values and examples tell
        ("Enum(3)", UnknownType("Enum(3)")),  # only text takes a length
        ("Enum<String>", STRING),  # values of that type: the description lists them
        ("enum[int]", INT32),
        ("String(64-1)", STRING),  # no length a value could have: the type alone
        ("Integer(10)", INT32),  # digits or a bound? an integer, the note read as neither
        ("Long (int64)", Primitive((("type", "integer"), ("format", "int64")))),
        ("int (64-bit)", Primitive((("type", "integer"), ("format", "int64")))),
        ("Number (double)", Primitive((("type", "number"), ("format", "double")))),
        ("Boolean (true/false)", BOOLEAN),
        ("Integer (Long)", Primitive((("type", "integer"), ("format", "int64")))),
        ("String (Integer)", STRING),  # a note of another type refines nothing
        ("Object (Map)", MapType(AnyType())),
        ("Key-value pairs", MapType(AnyType())),  # a map in words
        ("Object (key-value pairs)", MapType(AnyType())),
        ("key/value pairs", MapType(AnyType())),
        ("JSON object", ObjectType(None)),  # an object word, no type's name
        ("See Table 3", ObjectType(None)),  # where its table is: found by the mention
        ("Array (see Table 4)", ArrayType(AnyType())),
        ("Object (see below)", ObjectType(None)),
        ("List[String]", ArrayType(STRING)),
        ("array[string]", ArrayType(STRING)),
        ("[]string", ArrayType(STRING)),
        ("Set<String>", ArrayType(STRING)),
        ("dict[str, int]", MapType(INT32)),
        # maps in words and in Go; plural container words
        ("Map of strings", MapType(STRING)),
        ("Dictionary of String to Integer", MapType(INT32)),
        ("Map of Tag objects", MapType(ObjectType("Tag"))),
        ("map[string]string", MapType(STRING)),
        ("map[string][]string", MapType(ArrayType(STRING))),
        ("Object<String, Integer>", MapType(INT32)),
        ("Array of arrays", ArrayType(ArrayType(AnyType()))),
        ("Array of maps", ArrayType(MapType(AnyType()))),
        # a plain type word named as an object: its table if the page has one
        ("Time object", ObjectType("Time", implied=True)),
    ],
)
def test_parse_type(text: str, expected: object) -> None:
    assert parse_type(text) == expected
