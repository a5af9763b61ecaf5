"""Placeholder package: see the issues."""
