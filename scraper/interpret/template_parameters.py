"""Parameters the URI names that no row documents: a path variable (always required) and a
query key the template gives a placeholder (`&sort={sort}`). Each is declared, so no
request the docs show is impossible, and reported."""

from __future__ import annotations

from doc2openapi.scraper.interpret.endpoints import Endpoint
from doc2openapi.scraper.interpret.page_state import PageContext
from doc2openapi.scraper.interpret.uri_prose import described_in_prose
from doc2openapi.scraper.model import Parameter


def add_path_variables(
    ctx: PageContext, endpoint: Endpoint, template: list[str], params: list[Parameter]
) -> None:
    """A path variable no row names: a renamed repeat is typed as the variable it repeats,
    any other is a string, described by the URI section's prose when a sentence there names
    it."""
    names = {p.name for p in params if p.location == "path"}
    for var in template:
        if var in names:
            continue
        original = next((p for p in params if p.name == ctx.draft.repeats.get(var)), None)
        if original is not None and original.location == "path":
            params.append(Parameter(var, "path", True, original.schema, original.description))
        elif (said := described_in_prose(ctx.sections, var)) is not None:
            ctx.builder.diagnose(
                "inferred:path",
                f"{{{var}}} in {endpoint.path} has no parameter row; the URI section's prose "
                f"describes it: a string, {said!r}",
            )
            params.append(Parameter(var, "path", True, {"type": "string"}, said))
        else:
            ctx.builder.diagnose(
                "undocumented-path-parameter",
                f"{{{var}}} in {endpoint.path} has no parameter row; typed as string",
            )
            params.append(Parameter(var, "path", True, {"type": "string"}))
        names.add(var)


def add_query_keys(ctx: PageContext, endpoint: Endpoint, params: list[Parameter]) -> None:
    """A query key the URI names with a placeholder or in `{?key}` that no row documents: an
    optional string. A key with a fixed value (`?action=start`) is read elsewhere."""
    named = {p.name.lower() for p in params}  # `&Offset={offset}` beside the row `offset`
    fixed = {key for key, _ in endpoint.query_values}
    placeholders = dict(endpoint.placeholders)  # `page_no={pageNo}` beside the row `pageNo`
    for key in endpoint.query:
        if key.lower() in named or placeholders.get(key, "").lower() in named or key in fixed:
            continue
        ctx.builder.diagnose(
            "undocumented-query-parameter",
            f"query key {key!r} in the URI of {endpoint.path} has no parameter row; an "
            "optional string",
        )
        params.append(Parameter(key, "query", False, {"type": "string"}))
        named.add(key.lower())
