"""A local stand-in for a service, from its spec: an httpx transport answering every operation
with its documented example, or else the smallest value its schema accepts."""

from __future__ import annotations

import re
from typing import Any

import httpx

from doc2openapi.scraper.model import REF_PREFIX


class FakeAPI:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.schemas: dict[str, Any] = spec.get("components", {}).get("schemas", {})
        self.routes: list[tuple[str, re.Pattern[str], dict[str, Any]]] = []
        self.calls: list[httpx.Request] = []
        for path, methods in spec["paths"].items():
            pattern = re.compile("^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(path)) + "$")
            for method, op in methods.items():
                self.routes.append((method.upper(), pattern, op))

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.calls.append(request)
        path = request.url.raw_path.split(b"?")[0].decode()
        for method, pattern, op in self.routes:
            if method == request.method and pattern.match(path):
                return self.answer(op)
        return httpx.Response(404, json={"error_code": "NOT_FOUND", "error_msg": path})

    def answer(self, op: dict[str, Any]) -> httpx.Response:
        for status in sorted(op["responses"]):
            if not status.startswith("2"):
                continue
            code = int(status) if status.isdigit() else 200  # "2XX": any success code
            media = op["responses"][status].get("content", {}).get("application/json")
            if media is None:
                return httpx.Response(code)
            examples = media.get("examples", {})
            if examples:
                return httpx.Response(code, json=next(iter(examples.values()))["value"])
            return httpx.Response(code, json=self.minimal(media["schema"]))
        return httpx.Response(200)

    def minimal(self, schema: dict[str, Any], depth: int = 0) -> Any:
        """The smallest value `schema` accepts (required fields only)."""
        if depth > 20:
            return None
        if "$ref" in schema:
            return self.minimal(self.schemas[schema["$ref"][len(REF_PREFIX) :]], depth + 1)
        for key in ("allOf", "anyOf", "oneOf"):
            if key in schema:
                return self.minimal(schema[key][0], depth + 1)
        if "enum" in schema:
            return schema["enum"][0]
        if "default" in schema:
            return schema["default"]
        kind = schema.get("type")
        if kind == "object" or "properties" in schema:
            props = schema.get("properties", {})
            return {
                k: self.minimal(props.get(k, {}), depth + 1) for k in schema.get("required", [])
            }
        if kind == "array":
            return [self.minimal(schema.get("items", {}), depth + 1)] * schema.get("minItems", 0)
        if kind == "integer":
            return int(schema.get("minimum", 1))
        if kind == "number":
            return float(schema.get("minimum", 1.0))
        if kind == "boolean":
            return True
        if kind == "string":
            return "x" * max(int(schema.get("minLength", 1)), 1)
        return {}
