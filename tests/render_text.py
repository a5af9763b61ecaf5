"""Render a Page as a browser copy does: one table cell per line, blank lines between blocks."""

from __future__ import annotations

from doc2openapi.scraper.page import CodeBlock, Page, Paragraph, Table


def _lines(text: str) -> list[str]:
    out = []
    for line in text.split("\n"):
        out.append("  • " + line[2:] if line.startswith("- ") else line)
    return out


def render_text(page: Page) -> str:
    blocks: list[str] = ["Updated on 2026-01-01 GMT+08:00"]
    for section in page.sections:
        if section.title:
            blocks.append(section.title)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                blocks.extend(_lines(block.body.text))
            elif isinstance(block, CodeBlock):
                blocks.append(block.text)
            elif isinstance(block, Table):
                if block.caption:
                    blocks.append(block.caption)
                blocks.extend(block.header)
                for row in block.rows:
                    for cell in row:
                        blocks.extend(_lines(cell.text) or [""])
    return "\n\n".join(blocks) + "\n"
