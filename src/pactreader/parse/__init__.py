"""The parse layer: Markdown text becomes a :class:`Document`, a tree of sections.

markdown-it-py is the reference parser; this layer consumes its token stream and keeps
only what the reader needs up front (headings with line spans). Section bodies are
turned into blocks lazily, one section at a time, by :mod:`pactreader.parse.blocks`.
"""

from __future__ import annotations

from pactreader.parse.address import find_section
from pactreader.parse.document import Document, Section
from pactreader.parse.outline import parse_markdown, parse_opening

__all__ = ["Document", "Section", "find_section", "parse_markdown", "parse_opening"]
