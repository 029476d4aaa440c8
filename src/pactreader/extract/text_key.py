"""One comparison key for titles and headings, so "the same headline" means one thing.

Pages quote their own headline inconsistently: curly quotes in the heading, straight
ones in ``og:title``, a dash lost to a bad encoding in ``<title>``, different
spacing. The key keeps only letters and digits (NFKC, case-folded), which is what
those variants share.
"""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_ALNUM = re.compile(r"[^\W_]+")
# A comment counter a page prints after a headline: "Title 254", "Title (12 comments)".
_COUNTER = re.compile(r"\d+(?:comments?)?")


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace to one space and trim the ends."""
    return _SPACE.sub(" ", text).strip()


def match_key(text: str) -> str:
    """The letters and digits of ``text``, NFKC-normalised and case-folded."""
    return "".join(_ALNUM.findall(unicodedata.normalize("NFKC", text).casefold()))


def same_headline(first: str, second: str) -> bool:
    """True when two keys are one headline, one of them perhaps with a comment counter."""
    if not first or not second:
        return False
    if first == second:
        return True
    short, long = sorted((first, second), key=len)
    return long.startswith(short) and _COUNTER.fullmatch(long[len(short) :]) is not None
