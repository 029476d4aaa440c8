"""Line breaking by terminal cells, shared by the reading pane, export and the outline.

Widths are terminal cells (a CJK character counts two), never characters. Words are
separated by breaking white space (a no-break space holds its words together). Text
in scripts written without spaces (Chinese, Japanese, Thai, ...) may break between
any two of its graphemes, except before closing punctuation (``。``, ``」``) and after
opening punctuation (``「``); a line never breaks inside a grapheme (a base letter and
its accents, an emoji sequence).

One greedy rule everywhere, as Rich's own: a piece (a word, or one spaceless
grapheme, with the spaces after it) goes on the current line when it fits there, else
it starts the next line. A piece wider than the whole line is folded between
graphemes (``fold=True``, the reader and the outline) or kept whole on its own line
(export, where a long URL must stay one string).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise

import regex
from rich.cells import cell_len

_BREAKING_SPACE = r"[^\S\u00a0\u2007\u202f\u2060\ufeff]"
"""White space a line may break at: every kind but the no-break ones."""

_WORD = re.compile(rf"{_BREAKING_SPACE}*(?:(?!{_BREAKING_SPACE}).)+{_BREAKING_SPACE}*", re.S)
"""A word with the spaces after it (and, at the start of a line, before it)."""

_GRAPHEME = regex.compile(r"\X")
"""One extended grapheme cluster (Unicode's user-perceived character)."""

_SPACELESS = re.compile(
    "["
    "\u0e00-\u0eff"  # Thai, Lao
    "\u0f00-\u0fff"  # Tibetan
    "\u1000-\u109f"  # Myanmar
    "\u1780-\u17ff"  # Khmer
    "\u2e80-\u2fdf"  # CJK radicals
    "\u3000-\u30ff"  # CJK punctuation, Hiragana, Katakana
    "\u3100-\u31ff"  # Bopomofo, Katakana extensions
    "\u3200-\u9fff"  # enclosed CJK, CJK ideographs
    "\ua960-\ua97f\uac00-\ud7ff"  # Hangul
    "\uf900-\ufaff"  # CJK compatibility ideographs
    "\ufe30-\ufe4f"  # CJK compatibility forms
    "\uff00-\uffef"  # full-width forms
    "\U00020000-\U0003ffff"  # CJK extensions
    "]"
)
"""Characters of scripts written without spaces between words: a line may break
between any two of them."""

_NO_BREAK_BEFORE = frozenset("、。，．：；！？）」』】〕〉》〗〙〛ー々ゝゞヽヾ・…‥〜!),.:;?]}")  # noqa: RUF001
"""Closing punctuation and marks that never start a line (kinsoku shori)."""

_NO_BREAK_AFTER = frozenset("（「『【〔〈《〖〘〚([{")  # noqa: RUF001
"""Opening punctuation that never ends a line."""


def _split_spaceless(start: int, word: str) -> Iterator[tuple[int, str]]:
    """Divide a word holding spaceless script into pieces a line may break between."""
    piece_start = 0
    previous = ""
    for index, match in enumerate(_GRAPHEME.finditer(word)):
        grapheme_start, grapheme = match.start(), match.group()
        if index and grapheme.strip():
            spaceless = bool(_SPACELESS.match(grapheme) or _SPACELESS.match(previous))
            allowed = grapheme[0] not in _NO_BREAK_BEFORE and previous[-1:] not in _NO_BREAK_AFTER
            if spaceless and allowed and previous.strip():
                yield start + piece_start, word[piece_start:grapheme_start]
                piece_start = grapheme_start
        previous = grapheme
    yield start + piece_start, word[piece_start:]


def pieces(text: str) -> Iterator[tuple[int, str]]:
    """``(offset, piece)``: the units of one line of ``text`` a line may break between."""
    if not _SPACELESS.search(text):  # the common case: words only
        for match in _WORD.finditer(text):
            yield match.start(), match.group(0)
        return
    for match in _WORD.finditer(text):
        word = match.group(0)
        if _SPACELESS.search(word):
            yield from _split_spaceless(match.start(), word)
        else:
            yield match.start(), word


def _chop(piece: str, width: int) -> list[str]:
    """A piece wider than ``width`` in runs of whole graphemes at most ``width`` cells."""
    runs: list[str] = []
    run_start = 0
    cells = 0
    for match in _GRAPHEME.finditer(piece):
        start, size = match.start(), cell_len(match.group())
        if cells + size > width and start > run_start:
            runs.append(piece[run_start:start])
            run_start, cells = start, 0
        cells += size
    runs.append(piece[run_start:])
    return runs


def line_breaks(text: str, width: int, *, fold: bool = True) -> list[int]:
    """The offsets in one line of ``text`` (no newline) where wrapped lines start.

    Args:
        text: The line.
        width: Cells per line (at least 1).
        fold: Fold a piece wider than ``width`` between its graphemes; otherwise it
            stays whole on a line of its own.
    """
    width = max(1, width)
    if cell_len(text) <= width:
        return []  # the whole line fits: most table cells, headings, short paragraphs
    breaks: list[int] = []
    used = 0
    for start, piece in pieces(text):
        size = cell_len(piece.rstrip())
        if width - used >= size:
            used += cell_len(piece)
        elif size > width and fold:
            offset = start
            runs = _chop(piece.rstrip(), width)
            for number, run in enumerate(runs):
                if offset and (number or used):
                    breaks.append(offset)
                offset += len(run)
            used = cell_len(runs[-1]) + cell_len(piece) - cell_len(piece.rstrip())
        elif used and start:
            breaks.append(start)
            used = cell_len(piece)
        else:
            used += cell_len(piece)
    return breaks


def wrap(text: str, width: int, *, fold: bool = False) -> list[str]:
    """``text`` wrapped at ``width`` cells, each line without trailing space.

    Newlines in ``text`` end lines; a blank line stays blank. ``width`` 0 does not
    wrap. Pieces wider than ``width`` stay whole unless ``fold``.
    """
    lines: list[str] = []
    for line in text.split("\n"):
        if not width:
            lines.append(line.rstrip())
            continue
        starts = [0, *line_breaks(line, width, fold=fold), len(line)]
        lines.extend(line[a:b].rstrip() for a, b in pairwise(starts))
    return lines


@lru_cache(maxsize=4096)
def longest_piece(text: str) -> int:
    """The cells of the widest piece of ``text``: the narrowest it wraps without folding."""
    return max(
        (cell_len(piece.rstrip()) for line in text.split("\n") for _, piece in pieces(line)),
        default=0,
    )
