"""Inline objects get model classes named after their parent and field, so a component's
class always keeps the component's name (datamodel-code-generator would otherwise rename the
component's class when an inline object claims its name)."""

from __future__ import annotations

import re
from typing import Any

from doc2openapi.codegen.models import generate_models
from doc2openapi.codegen.prepare import lift_inline_bodies

REF = "#/components/schemas/"


def _spec() -> dict[str, Any]:
    node = {"type": "object", "properties": {"kind": {"type": "string"}}}
    batch = {
        "type": "object",
        "properties": {
            "nodes": {  # an inline object whose field name singularises to "Node"
                "type": "array",
                "items": {"type": "object", "properties": {"name": {"type": "string"}}},
            },
            "choice": {"anyOf": [{"type": "object", "properties": {"a": {"type": "string"}}}]},
        },
    }
    ok = {"description": "OK", "content": {"application/json": {"schema": {"$ref": REF + "Node"}}}}
    batched = {"description": "OK", "content": {"application/json": {"schema": batch}}}
    paths = {
        "/nodes": {"get": {"operationId": "ShowNode", "responses": {"200": ok}}},
        "/batch": {"post": {"operationId": "BatchNodes", "responses": {"200": batched}}},
    }
    return {"openapi": "3.0.3", "paths": paths, "components": {"schemas": {"Node": node}}}


def test_an_inline_object_never_takes_a_components_class_name() -> None:
    prepared = lift_inline_bodies(_spec())
    schemas = prepared["components"]["schemas"]
    nodes = schemas["BatchNodesResponse"]["properties"]["nodes"]
    assert nodes["items"] == {"$ref": REF + "BatchNodesResponseNodesItem"}
    choice = schemas["BatchNodesResponse"]["properties"]["choice"]["anyOf"][0]
    assert choice == {"$ref": REF + "BatchNodesResponseChoiceOption1"}
    source = generate_models(prepared)
    classes = set(re.findall(r"^class (\w+)\(", source, re.M))
    assert {"Node", "BatchNodesResponseNodesItem", "BatchNodesResponseChoiceOption1"} <= classes
    assert "NodeModel" not in classes
    node_class = source[source.index("class Node(") :].split("\nclass ", 1)[0]
    assert "kind:" in node_class  # the component's own fields, not the inline object's
