"""Word counts for the outline.

A word is a run of non-space characters holding at least one letter or digit, so list
bullets, table rules and ``#`` marks do not count. Counting is one pass over every
character of the document, so it has a fast path: ASCII text goes through a byte
translation and ``bytes.count`` (C loops, about four times faster than the regular
expression), everything else through the regular expression that defines a word.
"""

from __future__ import annotations

import re

# Matches from a run's first letter or digit to the run's end: once per word.
WORD = re.compile(r"[^\W_]\S*")

_ASCII_ALNUM = frozenset(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# What str.split and the pattern's \s treat as white space, in ASCII.
_ASCII_SPACES = frozenset(b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f")
# Letters and digits become "a", white space " ", and every other byte is deleted: a
# word is then a run starting with " a", and runs without letters or digits vanish.
_TO_WORDS = bytes(
    ord("a") if code in _ASCII_ALNUM else ord(" ") if code in _ASCII_SPACES else code
    for code in range(256)
)
_NOT_WORD = bytes(
    code for code in range(128) if code not in _ASCII_ALNUM and code not in _ASCII_SPACES
)


def count_words(text: str) -> int:
    """How many words ``text`` holds: ``len(WORD.findall(text))``, computed faster."""
    if text.isascii():
        return (b" " + text.encode("ascii")).translate(_TO_WORDS, _NOT_WORD).count(b" a")
    return len(WORD.findall(text))
