"""Path templates whose variables are all distinct, as OpenAPI requires."""

from __future__ import annotations

import re

TEMPLATE_VAR = re.compile(r"\{([^{}/]+)\}")


def distinct_names(path: str) -> tuple[str, dict[str, str]]:
    """`/{project_id}/os-quota-sets/{project_id}` -> `.../{target_project_id}`: the repeat
    names the resource the call targets. Returns the path and {new name: the name repeated}.

    Generators drop a path that names one variable twice (one parameter cannot fill two
    segments with different values)."""
    taken = set(TEMPLATE_VAR.findall(path))
    seen: set[str] = set()
    renamed: dict[str, str] = {}
    parts: list[str] = []
    last = 0
    for match in TEMPLATE_VAR.finditer(path):
        name = match.group(1)
        if name in seen:
            new, n = f"target_{name}", 2
            while new in taken:
                new, n = f"target{n}_{name}", n + 1
            taken.add(new)
            renamed[new] = name
            name = new
        seen.add(name)
        parts += [path[last : match.start()], "{" + name + "}"]
        last = match.end()
    return "".join(parts) + path[last:], renamed


def instantiates(path: str, template: str) -> bool:
    """Whether `path` ("/v1/abc/alarms/al-1", "/v1/{project_id}/alarms/al-1") fills the
    variables of `template` ("/v1/{project_id}/alarms/{alarm_id}") with one segment each."""
    parts = [re.escape(p) for p in TEMPLATE_VAR.split(template)[::2]]
    return re.fullmatch("[^/]+".join(parts), path) is not None
