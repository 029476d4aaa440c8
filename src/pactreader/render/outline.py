"""The outline as text lines and as the JSON shape DESIGN fixes."""

from __future__ import annotations

from typing import Any

from pactreader.common.safety import safe_title
from pactreader.parse.document import Document, Section


def outline_lines(document: Document, depth: int | None = None) -> list[str]:
    """One line per section: indentation by depth, number, title, word count."""
    lines: list[str] = []
    for section in document.sections:
        if depth is not None and section.depth >= depth:
            continue
        indent = "  " * section.depth
        words = f"{section.words} word" + ("" if section.words == 1 else "s")
        lines.append(f"{indent}{section.number}  {safe_title(section.title)}  ({words})")
    return lines


def section_json(document: Document, section: Section, depth: int | None = None) -> dict[str, Any]:
    """One section and (up to ``depth`` levels of) its subtree."""
    children = []
    if depth is None or section.depth + 1 < depth:
        children = [
            section_json(document, document.sections[child], depth) for child in section.children
        ]
    return {
        "number": section.number,
        "level": section.level,
        "title": section.title,
        "slug": section.slug,
        "start_line": section.start_line,
        "end_line": section.end_line,
        "words": section.words,
        "children": children,
    }


def outline_json(document: Document, depth: int | None = None) -> dict[str, Any]:
    """The whole outline: title, source, format, front matter and the section tree."""
    return {
        "title": document.title,
        "source": document.source,
        "format": document.format,
        "front_matter": document.front_matter,
        "sections": [
            section_json(document, document.sections[index], depth) for index in document.roots
        ],
    }
