"""One entry point for every export format, shared by the CLI and the reader."""

from __future__ import annotations

from typing import Literal

from pactreader.parse.document import Document, Section
from pactreader.render.json_text import to_json
from pactreader.render.outline import outline_json, section_json
from pactreader.render.text import TextStyle, export_text

ExportFormat = Literal["text", "markdown", "json"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("text", "markdown", "json")


def export_section(
    document: Document,
    section: Section | None,
    format: ExportFormat = "text",
    style: TextStyle | None = None,
) -> str:
    """The section (with subsections), or the whole document, in ``format``.

    ``markdown`` is the exact source lines; ``json`` is the outline shape of the
    subtree plus a ``text`` field holding the plain-text export.
    """
    if format == "markdown":
        if section is None:
            return document.source_lines(1, document.line_count)
        return document.section_source(section)
    text = export_text(document, section, style)
    if format == "text":
        return text
    payload = outline_json(document) if section is None else section_json(document, section)
    payload["text"] = text
    return to_json(payload)
