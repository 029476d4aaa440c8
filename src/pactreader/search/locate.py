"""Where in the Markdown source a match in visible text lies: line and column.

The blocks know the first source line of each piece of text, but a paragraph spans
several lines and its visible text has lost the markup that would let offsets be
mapped back exactly. The words have not moved, though: the visible text's words are
lined up with the source's words in order (link targets and tags, which the reader
does not show, are blanked out of the source first), and a match takes the line and
column of the word it falls in. Code blocks need no guessing: their lines are the
source lines. Table rows are one line each.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from pactreader.parse.document import Document
from pactreader.search.visible import Unit, source_line

_WORD = re.compile(r"\w+")
# Source the reader does not show: link targets, reference labels, HTML tags.
_HIDDEN = re.compile(
    r"\]\([^)]*\)|\]\[[^\]]*\]|<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"
)
# A line that ends a paragraph: empty, or only block quote markers.
_BLANK = re.compile(r"^[\s>]*$")
# How many source words ahead a visible word is looked for before it is given up on
# (it may be generated text such as "[image: ...]").
_WINDOW = 48
# How many source lines a unit of HTML is assumed to span at most.
_MAX_HTML_LINES = 2000


@dataclass(frozen=True, slots=True)
class _Anchor:
    """A visible word lined up with a source word."""

    start: int
    end: int
    line: int
    column: int


class Locator:
    """Finds source positions for offsets in one unit; build one per unit with matches."""

    def __init__(self, document: Document, unit: Unit) -> None:
        self._document = document
        self._unit = unit
        self._anchors = [] if unit.kind == "code" else _anchors(document, unit)
        self._ends = [anchor.end for anchor in self._anchors]

    def position(self, offset: int) -> tuple[int, int]:
        """The source line and column (both 1-based) of visible ``offset``."""
        document, unit = self._document, self._unit
        if unit.kind == "code":
            return _locate_code(document, unit, offset)
        if not self._anchors:
            return unit.line, unit.column + 1
        position = bisect.bisect_right(self._ends, offset)
        after = self._anchors[position] if position < len(self._anchors) else None
        before = self._anchors[position - 1] if position else None
        anchor = _nearest(before, after, offset)
        column = anchor.column + offset - anchor.start
        return anchor.line, min(max(column, 0), len(source_line(document, anchor.line))) + 1


def _nearest(before: _Anchor | None, after: _Anchor | None, offset: int) -> _Anchor:
    """The anchor holding ``offset``, else the closer of its neighbours."""
    if after is None or (
        before is not None and after.start > offset and offset - before.end < after.start - offset
    ):
        assert before is not None
        return before
    return after


def _locate_code(document: Document, unit: Unit, offset: int) -> tuple[int, int]:
    """Code lines are source lines, less the indentation or quote markers in front."""
    text = unit.text
    first = text.rfind("\n", 0, offset) + 1
    last = text.find("\n", offset)
    shown = text[first : last if last >= 0 else len(text)]
    line = min(unit.line + text.count("\n", 0, offset), max(document.line_count, 1))
    source = source_line(document, line)
    prefix = len(source) - len(shown) if source.endswith(shown) else 0
    return line, prefix + offset - first + 1


def _anchors(document: Document, unit: Unit) -> list[_Anchor]:
    """The unit's words lined up with source words, greedily and in order."""
    source = _source_words(document, unit)
    anchors: list[_Anchor] = []
    cursor = 0
    for word in _WORD.finditer(unit.text):
        text = word.group()
        window = source[cursor : cursor + _WINDOW]
        found = next((k for k, (candidate, _, _) in enumerate(window) if candidate == text), None)
        if found is None:
            # "**foo**bar" shows "foobar": line it up with its first piece.
            found = next(
                (
                    k
                    for k, (candidate, _, _) in enumerate(window)
                    if len(candidate) >= min(3, len(text)) and text.startswith(candidate)
                ),
                None,
            )
        if found is None:
            continue
        _, line, column = window[found]
        anchors.append(_Anchor(word.start(), word.end(), line, column))
        cursor += found + 1
    return anchors


def _source_words(document: Document, unit: Unit) -> list[tuple[str, int, int]]:
    """Words of the unit's source lines as ``(word, line, column)``."""
    words: list[tuple[str, int, int]] = []
    for number in _region(document, unit):
        line = source_line(document, number)
        if number == unit.line and unit.column:
            line = " " * unit.column + line[unit.column :]
        shown = _HIDDEN.sub(lambda hidden: " " * len(hidden.group()), line)
        words.extend((word.group(), number, word.start()) for word in _WORD.finditer(shown))
    return words


def _region(document: Document, unit: Unit) -> range:
    """The source lines the unit's text can come from."""
    if unit.kind == "cell":
        return range(unit.line, unit.line + 1)
    last = min(document.line_count, unit.line + _MAX_HTML_LINES)
    if unit.kind == "html":
        return range(unit.line, last + 1)
    end = unit.line + 1
    while end <= last and not _BLANK.match(source_line(document, end)):
        end += 1
    return range(unit.line, end)
