"""Stands in for the `_about.py` each generated package renders from templates/_about.py.j2
(its import name and User-Agent), so that the runtime imports and type-checks here."""

PACKAGE = "doc2openapi.codegen.runtime"
USER_AGENT = "doc2openapi-client"
