"""Decide whether text is Markdown or scraped/plain text that needs repair.

Scraped articles carry leftover HTML tag debris (``< li >``, ``td >``, ``< / ul >``)
and lack Markdown structure (no ``#`` headings). The decision is made on a prefix so
it costs the same for a 20 MB file as for a 2 KB one.
"""

from __future__ import annotations

import re
from typing import Literal

Format = Literal["markdown", "text"]

_SNIFF_CHARS = 65536

# Tag debris as scrapers leave it: spaced or unspaced, with or without the "<".
_DEBRIS = re.compile(
    r"<\s*/?\s*(?:li|ul|ol|p|br|h[1-6]?|div|span|table|thead|tbody|tr|th|td)\s*/?\s*>"
    r"|(?<![\w<])(?:li|ul|ol|p|tr|th|td|div|span)\s+>",
    re.IGNORECASE,
)
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)", re.MULTILINE)
_SETEXT = re.compile(r"^ {0,3}(?:=+|-{2,})[ \t]*$", re.MULTILINE)

_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdx"})
_TEXT_SUFFIXES = frozenset({".txt", ".text"})


def sniff_format(text: str, suffix: str = "") -> Format:
    """Return ``"text"`` for scraped or plain text, ``"markdown"`` otherwise.

    The file suffix decides when it is a known one; otherwise the content does: tag
    debris with no Markdown headings means scraped text.
    """
    suffix = suffix.lower()
    if suffix in _TEXT_SUFFIXES:
        return "text"
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    head = text[:_SNIFF_CHARS]
    has_structure = bool(_ATX_HEADING.search(head) or _SETEXT.search(head))
    debris = len(_DEBRIS.findall(head))
    if debris >= 2 and not has_structure:
        return "text"
    return "markdown"
