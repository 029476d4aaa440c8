"""A match shown in context on one line, as ``grep`` users expect.

The context is the visible text around the match (never Markdown), with line breaks
and tabs turned into spaces so one match is one output line, control characters
dropped so document text cannot drive the terminal, and ``…`` where it was cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pactreader.common.safety import neutralise_bidi, strip_controls

ELLIPSIS = "…"
DEFAULT_WIDTH = 100
"""Characters of context and match together, ellipses aside."""

_SPACES = re.compile(r"\s")


@dataclass(frozen=True, slots=True)
class Snippet:
    """A match with the text before and after it, ready to print."""

    before: str
    match: str
    after: str

    def __str__(self) -> str:
        return f"{self.before}{self.match}{self.after}"


def snippet(text: str, start: int, end: int, width: int = DEFAULT_WIDTH) -> Snippet:
    """The match ``text[start:end]`` with up to ``width`` characters in all around it.

    About a third of the room left goes before the match and the rest after, cut at
    a word boundary where one is near.
    """
    match = _clean(text[start:end])
    if len(match) > width:
        match = match[: max(width - 1, 1)] + ELLIPSIS
    room = max(width - len(match), 0)
    # Only a window around the match is cleaned: a unit can be a megabyte of code.
    before = _clean(text[max(start - room, 0) : start])
    after = _clean(text[end : end + room])
    keep_after = min(len(after), room - min(len(before), room // 3))
    keep_before = min(len(before), room - keep_after)
    shown_before = before[len(before) - keep_before :]
    if keep_before < len(before) or start > room:
        shown_before = ELLIPSIS + _trim_start(shown_before)
    shown_after = after[:keep_after]
    if keep_after < len(after.rstrip()) or text[end + room : end + 2 * room].strip():
        shown_after = _trim_end(shown_after) + ELLIPSIS
    return Snippet(shown_before.lstrip(), match, shown_after.rstrip())


def _clean(text: str) -> str:
    """One line of safe text: white space to spaces, no controls, no bidi overrides."""
    return neutralise_bidi(strip_controls(_SPACES.sub(" ", text)))


def _trim_start(text: str) -> str:
    """Drop a partial first word, if a word boundary is near the start."""
    space = text.find(" ", 0, 12)
    return text[space + 1 :] if space >= 0 else text


def _trim_end(text: str) -> str:
    """Drop a partial last word, if a word boundary is near the end."""
    space = text.rfind(" ", max(len(text) - 12, 0))
    return text[:space] if space >= 0 else text
