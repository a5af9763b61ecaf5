"""Compare the ModelArts HTML and RST references operation by operation.

Operations are matched by method and path; for each match, the "fields" compared are the
parameters (location, name, type, required) and every schema property reachable from the
request and response bodies (path, type, required). Prints the match count, the share of
fields that agree, and the differences of the first N matches.

    python bench/compare_renderings.py [CORPUS] [--show 20]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from doc2openapi.scraper.model import REF_PREFIX  # noqa: E402
from doc2openapi.scraper.pipeline import scrape  # noqa: E402

Fields = dict[str, str]


def _flatten(spec: dict[str, Any], schema: dict[str, Any], prefix: str, out: Fields,
             seen: frozenset[str] = frozenset()) -> None:  # fmt: skip
    components = spec["components"]["schemas"]
    while True:
        if "$ref" in schema:
            name = schema["$ref"][len(REF_PREFIX) :]
            if name in seen:
                return
            seen = seen | {name}
            schema = components[name]
        elif "allOf" in schema and len(schema["allOf"]) == 1:
            schema = schema["allOf"][0]
        else:
            break
    kind = schema.get("type", "any")
    if kind == "array":
        _flatten(spec, schema.get("items", {}), prefix + "[]", out, seen)
        return
    required = set(schema.get("required", []))
    for name, prop in schema.get("properties", {}).items():
        inner = prop
        while "allOf" in inner and len(inner["allOf"]) == 1:
            inner = inner["allOf"][0]
        shown = "object" if "$ref" in inner else inner.get("type", "any")
        if shown == "array":
            items = inner.get("items", {})
            shown = "array of " + ("object" if "$ref" in items else items.get("type", "any"))
        out[f"{prefix}.{name}"] = shown + (" required" if name in required else "")
        _flatten(spec, prop, f"{prefix}.{name}", out, seen)


def operation_fields(spec: dict[str, Any], op: dict[str, Any]) -> Fields:
    out: Fields = {}
    for p in op.get("parameters", []):
        out[f"{p['in']}:{p['name']}"] = p["schema"].get("type", "any") + (
            " required" if p.get("required") else ""
        )
    body = op.get("requestBody", {}).get("content", {}).get("application/json")
    if body:
        _flatten(spec, body["schema"], "request", out)
    for status, response in op.get("responses", {}).items():
        media = response.get("content", {}).get("application/json")
        out[f"status:{status}"] = "documented"
        if media:
            _flatten(spec, media["schema"], f"response{status}", out)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("DOC2OPENAPI_CORPUS", str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("corpus", nargs="?", default=default, type=Path)
    parser.add_argument("--show", type=int, default=20, help="differences of the first N")
    args = parser.parse_args()
    html = scrape([args.corpus / "otc-html" / "modelarts"], service="modelarts").spec
    rst = scrape([args.corpus / "otc-rst" / "modelarts"], service="modelarts").spec
    matched = sorted(
        (path, method)
        for path, methods in html["paths"].items()
        for method in methods
        if method in rst["paths"].get(path, {})
    )
    agree = total = 0
    for index, (path, method) in enumerate(matched):
        a = operation_fields(html, html["paths"][path][method])
        b = operation_fields(rst, rst["paths"][path][method])
        keys = a.keys() | b.keys()
        same = [k for k in keys if a.get(k) == b.get(k)]
        agree += len(same)
        total += len(keys)
        if index < args.show and len(same) < len(keys):
            print(f"\n{method.upper()} {path}: {len(same)}/{len(keys)} fields agree")
            for key in sorted(keys - set(same)):
                print(f"  {key}: html={a.get(key, '-')!s}  rst={b.get(key, '-')!s}")
    html_ops = sum(len(m) for m in html["paths"].values())
    rst_ops = sum(len(m) for m in rst["paths"].values())
    print(f"\nHTML operations: {html_ops}; RST operations: {rst_ops}; matched: {len(matched)}")
    print(f"fields agreeing over matched operations: {agree}/{total} = {agree / max(total, 1):.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
