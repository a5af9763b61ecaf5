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
    variables of `template` ("/v1/{project_id}/alarms/{alarm_id}"), each with a non-empty
    part of one segment. Case and doubled slashes are a page's slips, not another path.
    Linear in the path's length: docs are untrusted, so no regex built from a template."""
    segments = re.sub("/+", "/", path.lower()).split("/")
    templates = re.sub("/+", "/", template.lower()).split("/")
    return len(segments) == len(templates) and all(
        _fills(segment, pattern) for segment, pattern in zip(segments, templates, strict=True)
    )


def _fills(segment: str, pattern: str) -> bool:
    """Whether `segment` is `pattern` ("{a}-{b}.json") with each variable a non-empty
    part: its literal pieces in order, found leftmost, which is exact for such gaps."""
    if "{" not in pattern:
        return segment == pattern
    first, *middle, last = TEMPLATE_VAR.split(pattern)[::2]
    if not (segment.startswith(first) and segment.endswith(last)):
        return False
    at, end = len(first), len(segment) - len(last)
    for piece in middle:
        found = segment.find(piece, at + 1)
        if found < 0:
            return False
        at = found + len(piece)
    return end - at >= 1
