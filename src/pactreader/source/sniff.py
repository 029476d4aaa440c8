"""Decide whether text is Markdown, scraped/plain text that needs repair, or an HTML page.

Scraped articles carry leftover HTML tag debris (``< li >``, ``td >``, ``< / ul >``)
and lack Markdown structure (no ``#`` headings). The decision is made on a prefix so
it costs the same for a 20 MB file as for a 2 KB one. What counts as debris is the
repair layer's own definition, so a file is sent to repair exactly when repair has
something to mend (and ``p > 0.05`` or a code span quoting ``<li>`` is not debris).
"""

from __future__ import annotations

import re
from typing import Literal

from pactreader.common.debris import has_debris

Format = Literal["markdown", "text", "html"]

_SNIFF_CHARS = 65536
_MIN_DEBRIS = 2
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)", re.MULTILINE)
_SETEXT = re.compile(r"^ {0,3}(?:=+|-{2,})[ \t]*$", re.MULTILINE)

_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdx"})
_TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
# A page starts with a doctype or its root element, possibly after an XML
# declaration and comments; Markdown's inline HTML never opens a document that way.
_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
    re.IGNORECASE | re.DOTALL,
)


def sniff_format(text: str, suffix: str = "") -> Format:
    """Return ``"html"`` for a web page, ``"text"`` for scraped or plain text, else ``"markdown"``.

    The file suffix decides when it is a known one; otherwise the content does: a
    doctype or ``<html>`` at the top means a page, tag debris with no Markdown headings
    means scraped text.
    """
    suffix = suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in _TEXT_SUFFIXES:
        return "text"
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    head = text[:_SNIFF_CHARS]
    if looks_like_html(head):
        return "html"
    if _ATX_HEADING.search(head) or _SETEXT.search(head):
        return "markdown"
    return "text" if has_debris(head, _MIN_DEBRIS) else "markdown"


def looks_like_html(head: str) -> bool:
    """True when ``head`` (the start of a document) opens like an HTML page."""
    return _HTML_START.match(head[:_SNIFF_CHARS]) is not None
