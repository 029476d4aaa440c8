"""Find inline code spans, so repairs never touch text quoted as code.

A tag written in backticks (`` `<li>` ``) is a mention, not debris, and spacing
inside code is meaningful. The matching follows CommonMark: a run of N backticks
is closed by the next run of exactly N; an opener with no closer is literal text.
The scan is linear: each backtick run is looked at a constant number of times.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

_TICKS = re.compile(r"`+")


def split_code_spans(text: str) -> Iterator[tuple[str, bool]]:
    """Yield ``(piece, is_code)`` pairs that concatenate back to ``text``."""
    if "`" not in text:
        yield text, False
        return
    runs = [(match.start(), match.end()) for match in _TICKS.finditer(text)]
    # For each run, the index of the next run of the same length (or -1).
    following = [-1] * len(runs)
    latest: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        following[index] = latest.get(length, -1)
        latest[length] = index
    position = 0
    index = 0
    while index < len(runs):
        closer = following[index]
        if closer < 0:
            index += 1
            continue
        start, end = runs[index][0], runs[closer][1]
        if start > position:
            yield text[position:start], False
        yield text[start:end], True
        position = end
        index = closer + 1
    if position < len(text):
        yield text[position:], False


def map_outside_code(text: str, change: Callable[[str], str]) -> str:
    """Apply ``change`` to every stretch of ``text`` that is not a code span."""
    if "`" not in text:
        return change(text)
    return "".join(piece if code else change(piece) for piece, code in split_code_spans(text))
