"""Which line of an original text each line of a rewritten version came from.

Repair rewrites scraped text (joins wrapped lines, splits tag debris into blocks,
moves a byline into front matter) but keeps its words in order. A search that finds a
word in the repaired Markdown reports the line of the file the user has, so that an
editor opens there: lines are matched by their words, mostly in order.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence

_WORD = re.compile(r"\w+")

CONFIRM_WORDS = 3
"""How many of a line's first words should follow one another in the original."""

_LOOKAHEAD = 64
"""Occurrences of a line's first word tried, ahead of the previous line and anywhere."""


def align_lines(original: Sequence[str], rewritten: Sequence[str]) -> tuple[int, ...]:
    """For each line of ``rewritten``, the 1-based line of ``original`` it came from.

    A line is placed where its first words occur in the original, at or after where
    the previous line was placed when they occur there (the usual case: words keep
    their order), else at their first occurrence anywhere (text moved up, such as a
    title written after the metadata taken from above it). A line with no word, or
    whose words are nowhere, takes the place of the line before it. Linear in the
    number of words, apart from lookups in the index of each word's positions.
    """
    words: list[str] = []
    lines_of: list[int] = []
    for number, line in enumerate(original, start=1):
        for word in _WORD.findall(line.casefold()):
            words.append(word)
            lines_of.append(number)
    positions: defaultdict[str, list[int]] = defaultdict(list)
    for index, word in enumerate(words):
        positions[word].append(index)

    def follows(start: int, wanted: list[str]) -> bool:
        return words[start : start + len(wanted)] == wanted

    placed: list[int] = []
    cursor = 0
    for line in rewritten:
        # Words repair added (a front matter key, a list marker's text) are skipped.
        known = [word for word in _WORD.findall(line.casefold()) if word in positions]
        first = known[:CONFIRM_WORDS]
        candidates = positions.get(first[0], []) if first else []
        start = bisect_left(candidates, cursor)
        ahead = candidates[start : start + _LOOKAHEAD]  # not the whole tail: "the" is everywhere
        found = None
        # Fewer words confirm when debris the repair dropped (``td``) sits between them.
        for pool in (ahead, candidates[:_LOOKAHEAD]):
            for count in range(len(first), 0, -1):
                found = next((i for i in pool if follows(i, first[:count])), None)
                if found is not None:
                    break
            if found is not None:
                break
        if found is None:
            placed.append(placed[-1] if placed else 1)
            continue
        placed.append(lines_of[found])
        cursor = found + 1
    return tuple(placed)
