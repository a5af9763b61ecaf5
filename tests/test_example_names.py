"""Example keys: a short caption names its example, any other is `example-N` without gaps."""

from __future__ import annotations

from typing import Any

from doc2openapi.scraper.example_names import example_keys, label_key, name_examples


def test_short_captions_name_their_examples() -> None:
    assert label_key("Example response 2") == "example-response-2"
    assert label_key("Not Found") == "not-found"
    assert label_key("The server has received the request but failed.") is None  # a sentence
    assert label_key("") is None


def test_other_examples_are_numbered_in_order_without_gaps() -> None:
    assert example_keys(["", "OK", "Bad request", ""]) == ["example-1", "ok", "bad-request",
                                                          "example-2"]  # fmt: skip
    assert example_keys(["OK", "OK"]) == ["example-1", "example-2"]  # a shared caption names none
    assert example_keys(["Example 2", "Example 1"]) == ["example-2", "example-1"]
    assert example_keys(["", "Example 1"]) == ["example-2", "example-1"]  # no clash


def test_renaming_keeps_values_and_order() -> None:
    media: dict[str, Any] = {
        "schema": {},
        "examples": {"example2": {"value": 1}, "example5": {"summary": "OK", "value": 2}},
    }
    spec = {"paths": {"/a": {"get": {"operationId": "A", "responses": {
        "200": {"description": "OK", "content": {"application/json": media}}}}}}}  # fmt: skip
    name_examples(spec)
    assert media["examples"] == {"example-1": {"value": 1}, "ok": {"summary": "OK", "value": 2}}
