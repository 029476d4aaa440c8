"""One comparison key for titles and headings, so "the same headline" means one thing."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
# A comment counter a page prints after a headline: "Title 254", "Title (12 comments)".
_COUNTER = re.compile(r"\s*\(?\d+(?:\s+comments?)?\)?$", re.IGNORECASE)


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace to one space and trim the ends."""
    return _SPACE.sub(" ", text).strip()


def text_key(text: str) -> str:
    """NFKC, case-folded, whitespace collapsed, surrounding punctuation dropped."""
    return _EDGE.sub("", normalise_space(unicodedata.normalize("NFKC", text).casefold()))


def same_headline(first: str, second: str) -> bool:
    """True when two keys are one headline, one of them perhaps with a comment counter."""
    if not first or not second:
        return False
    if first == second:
        return True
    short, long = sorted((first, second), key=len)
    return long.startswith(short) and _COUNTER.fullmatch(long[len(short) :]) is not None
