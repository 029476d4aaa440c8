"""Keep document text from driving the terminal.

Document text is data. Control characters (ESC starting CSI/OSC sequences, BEL, DEL,
C1 controls) must never reach a terminal: the reader shows them as visible
placeholders, plain-text output drops them. Bidirectional overrides could make a title
read differently from what it is, so they are removed from titles.
"""

from __future__ import annotations

import re

# C0 except tab and newline, DEL, and C1.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
LINK_SCHEMES = ("http:", "https:", "mailto:")
"""The only link targets that may open or become terminal hyperlinks."""

_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def _placeholder(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # The Control Pictures block: ␛ for ESC.
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def show_controls(text: str) -> str:
    """Replace control characters with visible placeholders (``␛`` for ESC)."""
    return _CONTROLS.sub(_placeholder, text)


def strip_controls(text: str) -> str:
    """Drop control characters, keeping tab and newline."""
    return _CONTROLS.sub("", text)


def neutralise_bidi(text: str) -> str:
    """Remove bidirectional embedding, override and isolate characters."""
    return _BIDI.sub("", text)


def safe_line(text: str) -> str:
    """Any string made fit for one line of a terminal: no controls, no bidi tricks.

    Controls (newline and tab too) become visible placeholders and bidirectional
    overrides are removed. Every string that reaches a terminal outside the reading
    pane goes through here: error messages (which quote titles, file names and
    arguments), echoed arguments, file names, the title bar and notifications.
    """
    return neutralise_bidi(show_controls(text)).replace("\n", " ").replace("\t", " ")


safe_title = safe_line
"""Titles are one line of a terminal like any other: the same function."""


def is_linkable(href: str) -> bool:
    """True when ``href`` may be opened or hyperlinked: http, https or mailto only.

    ``javascript:``, ``file:``, ``data:`` and every other scheme are refused, and so is
    a target with control characters or spaces that could disguise where it goes.
    """
    return (
        href.lower().startswith(LINK_SCHEMES)
        and not _CONTROLS.search(href)
        and not _BIDI.search(href)
        and " " not in href
    )
