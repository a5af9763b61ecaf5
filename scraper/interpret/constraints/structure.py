"""The structured description form, read as structure rather than prose.

Newer pages write "Definition / Constraints / Range / Default Value" headings, each on its
own line or as "Range: ..."; older ones write labelled lines: "Minimum: 1", "Default: 2",
"Enumeration values:", "Array length: 1 to 100", "Regular expression matching: ^...$".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from doc2openapi.scraper.interpret.constraints.values import is_placeholder

HEADING = re.compile(
    r"^\s*\**\s*(definition|constraints?|range|value\s+range|default\s+value|default)\s*\**"
    r"\s*(?:[:：]\s*\**|$)\s*(.*)$",
    re.I,
)
LABEL = re.compile(
    r"^\s*\**\s*(minimum|maximum|array\s+length|regular\s+expression(?:\s+matching)?|pattern|"
    r"enumeration\s+values|enumerated\s+values|enums?)\s*\**\s*[:：]\s*\**\s*(.*)$",
    re.I,
)
ONE_LINE = re.compile(r"^(\S+)\s+(\**\s*(?:minimum|maximum)\s*\**\s*[:：].*)$", re.I)
SECTION = {
    "definition": "definition", "constraint": "constraints", "constraints": "constraints",
    "range": "range", "value range": "range", "default value": "default", "default": "default",
}  # fmt: skip


@dataclass
class Parts:
    """A description split into its labelled parts; `prose` is everything else."""

    prose: list[str] = field(default_factory=list)
    sections: dict[str, list[str]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)

    def section(self, name: str) -> str | None:
        lines = self.sections.get(name)
        return "\n".join(lines).strip() if lines is not None else None


def _label_name(raw: str) -> str:
    raw = " ".join(raw.lower().split())
    if raw.startswith("regular") or raw == "pattern":  # readable() writes "Pattern:"
        return "pattern"
    if raw in ("enumeration values", "enumerated values", "enums", "enum"):
        return "enum"
    return raw


def _value_then_sentence(text: str) -> tuple[str, str]:
    """ "0 The value range is [1, 10]." -> ("0", "The value range is [1, 10].")."""
    match = re.match(r"(\"[^\"]*\"|\S+)\s+([A-Z].*)$", text)
    return (match.group(1), match.group(2)) if match else (text, "")


def _range_then_sentence(text: str) -> tuple[str, str]:
    """ "1-100. Unit: second." -> ("1-100", "Unit: second."): the range ends with its
    sentence; what follows on the line is prose of its own."""
    match = re.match(r"(.*?[^.\s])\.\s+([A-Z].*)$", text)
    return (match.group(1), match.group(2)) if match else (text, "")


def _value_line(line: str) -> bool:
    """Can this line be the value of the label on the line before: one token (a regular
    expression, a number), not a sentence, a label, a heading or a list item of its own?"""
    return len(line.split()) == 1 and not (
        LABEL.match(line) or HEADING.match(line) or re.match(r"^\s*[-•*]\s", line)
    )


def _take_label(parts: Parts, label: re.Match[str], lines: list[str]) -> bool:
    """Record one labelled line (`lines`: the rest, last first); True for an enumeration
    label, whose "- x" lines follow."""
    name = _label_name(label.group(1))
    value = label.group(2).strip()
    if not value and name != "enum" and lines and _value_line(lines[-1]):
        value = lines.pop().strip()  # "Regular expression matching:" then "^...$"
    if name == "enum":
        parts.labels["enum"] = value
        return True
    if name in ("minimum", "maximum") and (both := ONE_LINE.match(value)):
        parts.labels.setdefault(name, both.group(1))  # "Minimum: 1 Maximum: 64"
        lines.append(both.group(2))
    elif name not in parts.labels:
        parts.labels[name] = value
    return False


def split(description: str) -> Parts:
    """Lines under a heading go to its section until the next heading; labelled lines
    ("Minimum: 1") are taken alone; an enumeration label takes the "- x" lines after it."""
    parts = Parts()
    current: list[str] = parts.prose
    in_enum = False
    lines = description.splitlines()[::-1]
    while lines:
        line = lines.pop()
        if in_enum:
            if re.match(r"^\s*[-•*]\s+\S", line):
                parts.labels["enum"] += "\n" + line
                continue
            in_enum = False
        label = LABEL.match(line)
        if label:
            in_enum = _take_label(parts, label, lines)
            continue
        heading = HEADING.match(line)
        if heading:
            name = SECTION.get(" ".join(heading.group(1).lower().split()), "")
            if name:
                current = parts.sections.setdefault(name, [])
                inline = heading.group(2).strip()
                if inline and name == "default":  # "Default: 2" is one value; prose follows
                    value, rest = _value_then_sentence(inline)
                    current.append(value)
                    current = parts.prose
                    if rest:
                        current.append(rest)
                elif inline and name == "range":  # "Range: 1-100. Unit: s." ends the range
                    value, rest = _range_then_sentence(inline)
                    current.append(value)
                    if rest:
                        current = parts.prose
                        current.append(rest)
                elif inline:
                    current.append(inline)
                continue
        current.append(line)
    return parts


SHOWN_SECTIONS = (("constraints", "Constraints"), ("range", "Range"), ("default", "Default"))


def readable(description: str) -> str:
    """A structured description as a person reads it: the Definition, then only the parts
    that say something ("Range: 30 to 1200"), never "Constraints / N/A / Range / N/A"."""
    parts = split(description)
    definition = parts.section("definition")
    if definition is None:
        return description
    lines = [definition, *(line for line in parts.prose if line.strip())]
    for name, label in SHOWN_SECTIONS:
        text = parts.section(name)
        if text and not is_placeholder(text):
            lines.append(f"{label}: {text}" if "\n" not in text else f"{label}:\n{text}")
    lines += [f"{name.capitalize()}: {value}" for name, value in parts.labels.items()]
    return "\n".join(line for line in lines if line.strip())
