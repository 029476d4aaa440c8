"""The core's front door: a path (or text) in, a parsed :class:`Document` out.

It wires the layers in the order DESIGN gives (source, repair, parse) so the command
line and the app load documents the same way.
"""

from __future__ import annotations

import os
from typing import BinaryIO

from pactreader.parse import Document, parse_markdown
from pactreader.repair import repair_text
from pactreader.source import Format, SourceText, read_source


def markdown_of(source: SourceText) -> str:
    """The Markdown pactreader parses for ``source``: repaired when it is scraped text.

    Line numbers in outlines count lines of this text, and ``pactreader clean``
    prints it.
    """
    return repair_text(source.text) if source.format == "text" else source.text


def document_from_source(source: SourceText) -> Document:
    """Repair scraped text when needed, then parse."""
    return parse_markdown(
        markdown_of(source),
        source=source.name,
        stem=source.stem,
        format=source.format,
        encoding=source.encoding,
    )


def load_document(
    name: str | os.PathLike[str],
    *,
    stdin: BinaryIO | None = None,
    format: Format | None = None,
) -> Document:
    """Read, decode, repair and parse the document at ``name`` (``-`` for stdin).

    Raises:
        SourceError: The input cannot be read as a text document.
    """
    return document_from_source(read_source(name, stdin=stdin, format=format))
