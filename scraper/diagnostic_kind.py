"""What a diagnostic kind is: a severity, a meaning and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
FALLBACK: Severity = "warning"
"""The severity of a kind missing from the registry: never a crash, never silently ignored."""


@dataclass(frozen=True)
class Kind:
    severity: Severity
    meaning: str
    action: str
