"""Mend the spacing that tokenising scrapers leave around punctuation.

Scrapers split text into tokens and join them with spaces, so ``frameworks , and``
and ``effectively .`` appear. Only spaces before punctuation that ends a token (it
is followed by a space, a closing quote or bracket, or the end) are removed, so
``.NET`` and ``:3000`` keep theirs. Code spans are left exactly as written.

Every pattern here matches in one pass without nested quantifiers: space runs are
folded first, so the punctuation pattern starts at a single space.
"""

from __future__ import annotations

import re

from pactreader.common.codespans import map_outside_code

_SPACE_RUN = re.compile(r"[ \t]+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r" ([,.;:?!]+)(?=[\s\"'\u201d\u2019)\]]|$)")
_SPACE_AROUND_BREAK = re.compile(r" ?\n ?")
_SPACED_MARKS = (" ,", " .", " ;", " :", " ?", " !")


def mend_spacing(text: str) -> str:
    """Fold space runs, drop spaces before punctuation, trim; ``\\n`` breaks are kept."""
    if not text or text.isspace():
        return ""
    text = map_outside_code(text, _mend)
    if "\n" in text:
        text = _SPACE_AROUND_BREAK.sub("\n", text)
    return text.strip(" \n")


def fold_spaces(text: str) -> str:
    """Fold runs of spaces and tabs to one space and trim: for text that is not prose."""
    return _SPACE_RUN.sub(" ", text).strip()


def _mend(text: str) -> str:
    # The "in" tests are scans in C; most text needs neither substitution.
    if "  " in text or "\t" in text:
        text = _SPACE_RUN.sub(" ", text)
    if any(mark in text for mark in _SPACED_MARKS):
        text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)
    return text
