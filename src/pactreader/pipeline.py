"""The core's front door: a path (or text) in, a parsed :class:`Document` out.

It wires the layers in the order DESIGN gives (source, extract, repair, parse) so the
command line and the app load documents the same way.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import BinaryIO, TypeVar

from pactreader.parse import Document, parse_markdown, parse_opening
from pactreader.source import DEFAULT_MAX_BYTES, Format, SourceText, read_source


def markdown_of(source: SourceText) -> str:
    """The Markdown pactreader parses for ``source``.

    Scraped text is repaired; a web page becomes its article, with front matter.
    Line numbers in outlines count lines of this text, and ``pactreader clean``
    prints it.
    """
    if source.format == "html":
        # Deferred: lxml and trafilatura load only for web pages.
        from pactreader.extract import extract_article

        return extract_article(source.text, source.url).markdown()
    if source.format != "text":
        return source.text
    from pactreader.repair import repair_text  # Deferred: Markdown never needs it.

    return repair_text(source.text)


def document_from_source(source: SourceText) -> Document:
    """Repair scraped text when needed, then parse."""
    return _parse(parse_markdown, source, markdown_of(source))


def _parse(parse: Callable[..., _Parsed], source: SourceText, markdown: str) -> _Parsed:
    """Run ``parse`` (parse_markdown or parse_opening) on ``markdown`` from ``source``.

    Repaired input keeps the source's own lines, so that what is found in the repaired
    Markdown can be reported at the line of the file the user has.
    """
    document: _Parsed = parse(
        markdown,
        source=source.name,
        stem=source.stem,
        format=source.format,
        encoding=source.encoding,
    )
    if document is None or markdown is source.text:
        return document
    return replace(document, origin=tuple(source.text.split("\n")))


_Parsed = TypeVar("_Parsed", Document, Document | None)

OPENING_CHARS = 512 * 1024
"""From this size on, the reader shows a document's opening while the rest is parsed.

Below it the whole parse takes a few tens of milliseconds: not worth a second
outline."""


@dataclass(frozen=True, slots=True)
class Loading:
    """A document on its way: what can be shown now, and how to get the rest."""

    document: Document
    """The whole document, or only its opening sections when :attr:`rest` is set."""
    rest: Callable[[], Document] | None = None
    """Parses the whole document (for a worker thread: it takes about a second per
    20 MB); None when :attr:`document` is already whole."""


def start_loading(
    name: str | os.PathLike[str],
    *,
    stdin: BinaryIO | None = None,
    format: Format | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Loading:
    """Read the document at ``name`` and parse as much as its first screen needs.

    A big document is cut after its opening sections (see
    :func:`pactreader.parse.parse_opening`), whose parse is the start of the whole
    document's; the reader shows them while :attr:`Loading.rest` parses everything.

    Raises:
        SourceError: The input cannot be read as a text document (or is over
            ``max_bytes``).
    """
    source = read_source(name, stdin=stdin, format=format, max_bytes=max_bytes)
    markdown = markdown_of(source)
    if len(markdown) >= OPENING_CHARS:
        opening = _parse(parse_opening, source, markdown)
        if opening is not None:
            return Loading(opening, partial(_parse, parse_markdown, source, markdown))
    return Loading(_parse(parse_markdown, source, markdown))


def load_document(
    name: str | os.PathLike[str],
    *,
    stdin: BinaryIO | None = None,
    format: Format | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read, decode, repair and parse the document at ``name`` (``-`` for stdin).

    Raises:
        SourceError: The input cannot be read as a text document (or is over
            ``max_bytes``).
    """
    return document_from_source(read_source(name, stdin=stdin, format=format, max_bytes=max_bytes))
