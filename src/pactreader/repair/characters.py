"""Character-level repairs: mojibake and the space characters scrapers leave.

Mojibake (UTF-8 bytes read as cp1252, so a curly apostrophe shows as three
characters, ``\u00e2\u20ac\u2122``) is a solved problem in ftfy; what is ours is
deciding when to ask it. A cheap pattern finds the lines that hold the tell-tale
pairs (a lead byte's character followed by a continuation byte's character); only
those lines go to ftfy, which is imported on first use, so clean text never pays
for it. ftfy's ``fix_encoding`` is used alone:
its other fixes (straightening curly quotes, for one) would change correct text.
"""

from __future__ import annotations

import re

# What bytes 0x80-0xBF (UTF-8 continuation bytes) become when read as cp1252; the
# five bytes cp1252 leaves undefined come through as the C1 controls of latin-1.
_CONTINUATION = "".join(
    bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in range(0x80, 0xC0)
)
# A UTF-8 lead byte (0xC2-0xF4) read as cp1252 is one of the letters from A-circumflex
# to o-circumflex; mojibake is such a letter followed by a continuation character.
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{re.escape(_CONTINUATION)}]")

# Spaces that look like spaces but stop wrapping or searching; zero-width ones that
# hide inside words and break search. (Patterns, not str.translate: a dict table is
# translated a character at a time in Python, ten times slower on non-ASCII text.)
_ODD_SPACES = re.compile("[\u00a0\u2007\u202f\u2009\u200a\u3000]")
_ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff]")


def fix_characters(text: str) -> str:
    """Repair mojibake line by line, then normalise odd spaces to plain ones."""
    if _MOJIBAKE.search(text):
        text = "\n".join(_fix_line(line) for line in text.split("\n"))
    return _ZERO_WIDTH.sub("", _ODD_SPACES.sub(" ", text))


def _fix_line(line: str) -> str:
    """Let ftfy undo a wrong decoding in one line, when the line shows signs of one."""
    if not _MOJIBAKE.search(line):
        return line
    import ftfy

    fixed: str = ftfy.fix_encoding(line)
    return fixed
