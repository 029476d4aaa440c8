"""Keep repaired text from being read as Markdown syntax it never was.

Scraped text is text: a line that happens to start with ``1986.`` or ``#1`` or
``[1]: ...``, or prose that mentions ``<div>``, must come out of the Markdown parser
as the same words, not as a list, a heading, a hidden link definition or a raw HTML
tag the renderer drops. Only what would change structure or hide words is escaped,
so the Markdown stays as readable as the text was.
"""

from __future__ import annotations

import re

from pactreader.common.codespans import map_outside_code

# "<" that would open a raw HTML tag, comment or declaration; autolinks stay links.
_HTML_OPENER = re.compile(
    r"(?P<autolink><[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>"
    r"|<[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9][A-Za-z0-9.-]*>)"
    r"|<(?=[A-Za-z/!?])"
)
# Line starts that open a block: heading, bullet, quote, ordered item, fence,
# setext underline, thematic break, link or footnote definition.
_BLOCK_START = re.compile(
    r"#{1,6}(?=[ \t]|$)|[-+*](?=[ \t]|$)|>|`{3}|~{3}|=+[ \t]*$"
    r"|(?:[-*_][ \t]*){3,}$|\[[^\]\n]*\]:"
)
_ORDERED_START = re.compile(r"(\d{1,9})([.)])(?=[ \t]|$)")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t])(#+)[ \t]*$")


def escape_inline(text: str) -> str:
    """Escape ``<`` where it would start raw HTML, outside code spans."""
    if "<" not in text:
        return text
    return map_outside_code(text, _escape_html)


def escape_line(line: str) -> str:
    """Escape ``line`` for the start of a paragraph line (inline escapes included)."""
    line = escape_inline(line)
    if _BLOCK_START.match(line):
        return "\\" + line
    ordered = _ORDERED_START.match(line)
    if ordered:
        return f"{ordered.group(1)}\\{line[ordered.end(1) :]}"
    return line


def escape_heading(text: str) -> str:
    """Escape heading text: inline escapes, and trailing ``#`` that ATX would drop."""
    text = escape_inline(text)
    closing = _CLOSING_HASHES.search(text)
    if closing:
        return text[: closing.start(1)] + "\\" + text[closing.start(1) :]
    return text


def _escape_html(text: str) -> str:
    def escape(match: re.Match[str]) -> str:
        if match.group("autolink"):
            return match.group()
        start = backslash = match.start()
        while backslash > 0 and text[backslash - 1] == "\\":
            backslash -= 1
        # An odd run of backslashes already escapes the "<"; one more would undo it.
        return "<" if (start - backslash) % 2 else "\\<"

    return _HTML_OPENER.sub(escape, text)
