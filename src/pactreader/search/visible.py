"""The visible text of a section, unit by unit: what search matches against.

A search must only find what the reader shows: no Markdown markup, link text but not
URLs, table cells one by one. The blocks of :mod:`pactreader.parse.blocks` already
number every piece of visible text (a "unit"); this module lists those units with
their exact text, so a match's offsets are offsets into the very string the renderer
draws, and a highlight lands on the right characters.

Parsing a section is the expensive step of a search, so units are cached per
document and section: every keystroke of an incremental search reuses them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, assert_never

from pactreader.parse.blocks import (
    Block,
    Code,
    Footnotes,
    Heading,
    Html,
    ListBlock,
    Paragraph,
    Quote,
    Rule,
    Table,
    Truncated,
    children,
    section_blocks,
)
from pactreader.parse.document import Document
from pactreader.parse.inline import plain_text

UnitKind = Literal["heading", "paragraph", "cell", "code", "html"]

# A line that opens a fenced code block, after any block quote and list markers.
_FENCE = re.compile(r"^(?:[ \t]*(?:>|[-+*]|\d{1,9}[.)])(?=[ \t]|$))*[ \t]*(?:`{3,}|~{3,})")
# A table pipe that separates cells (one escaped with a backslash does not).
_PIPE = re.compile(r"(?<!\\)\|")
# The start of a footnote definition: ``[^label]:``.
_FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\n]+)\]:")


@dataclass(frozen=True, slots=True)
class Unit:
    """One piece of visible text and where its text starts in the source."""

    number: int
    """The unit number the blocks carry (:attr:`pactreader.parse.blocks.Paragraph.unit`)."""
    text: str
    """Exactly the text the reader shows for the unit."""
    kind: UnitKind
    line: int
    """Source line (1-based) of the unit's first line of text."""
    column: int = 0
    """Offset in that line where the unit's text starts (a table cell's segment)."""


def section_units(document: Document, index: int) -> tuple[Unit, ...]:
    """The visible text units of section ``index``'s own span, in reading order.

    Cached per document and section; safe to call from a worker thread.
    """
    cache = _unit_cache(document)
    units = cache[index]
    if units is None:
        units = tuple(_units(document, index))
        cache[index] = units
    return units


def find_unit(document: Document, index: int, number: int) -> Unit:
    """The unit numbered ``number`` in section ``index``.

    Raises:
        LookupError: The section has no such unit.
    """
    units = section_units(document, index)
    position = bisect.bisect_left(units, number, key=lambda unit: unit.number)
    if position == len(units) or units[position].number != number:
        raise LookupError(f"section {index} has no text unit {number}")
    return units[position]


def _unit_cache(document: Document) -> list[tuple[Unit, ...] | None]:
    """One slot per section, filled as sections are searched (kept in the document's memo)."""
    return document.derived(_new_unit_cache)


def _new_unit_cache(document: Document) -> list[tuple[Unit, ...] | None]:
    """One empty slot per section.

    A list rather than an LRU cache: a count runs over every section in order, which
    would evict each entry of a smaller LRU just before it is needed again.
    """
    return [None] * len(document.sections)


def _units(document: Document, index: int) -> Iterator[Unit]:
    section = document.sections[index]
    blocks = section_blocks(document, section, subtree=False)
    yield from _Walker(document, section.end_line).walk(blocks, 0)


class _Walker:
    """Yields the units of a block tree in unit order."""

    def __init__(self, document: Document, end_line: int) -> None:
        self._document = document
        self._end_line = end_line

    def walk(self, blocks: Sequence[Block], shift: int) -> Iterator[Unit]:
        """The units of ``blocks``; ``shift`` corrects lines of appended footnotes."""
        for block in blocks:
            match block:
                case Heading():
                    yield Unit(block.unit, plain_text(block.text), "heading", block.line + shift)
                case Paragraph():
                    yield Unit(block.unit, plain_text(block.text), "paragraph", block.line + shift)
                case Code():
                    yield self._code(block, shift)
                case Html():
                    yield Unit(block.unit, block.text, "html", block.line + shift)
                case Table():
                    yield from self._table(block, shift)
                case ListBlock() | Quote():
                    yield from self.walk(children(block), shift)
                case Footnotes():
                    for note in block.notes:
                        shifted = self._footnote_shift(note.label, note.blocks)
                        yield from self.walk(note.blocks, shifted)
                case Rule() | Truncated():
                    pass  # No text of their own.
                case _:
                    assert_never(block)

    def _code(self, block: Code, shift: int) -> Unit:
        line = block.line + shift
        source = source_line(self._document, line)
        fenced = _FENCE.match(source) is not None
        return Unit(block.unit, block.code, "code", line + 1 if fenced else line)

    def _table(self, table: Table, shift: int) -> Iterator[Unit]:
        for row, cells in enumerate((table.header, *table.rows)):
            # The header is on the table's first line, the delimiter row below it.
            line = table.line + shift + (row + 1 if row else 0)
            starts = _cell_starts(source_line(self._document, line), len(table.header))
            for column, cell in enumerate(cells):
                number = table.cell_unit(row, column)
                yield Unit(number, plain_text(cell), "cell", line, starts[column])

    def _footnote_shift(self, label: str, blocks: Sequence[Block]) -> int:
        """How far to move the lines of a footnote defined outside the section.

        Such a footnote was parsed from definitions appended after the section's
        text, so its lines run past the section's end; they move to the definition.
        """
        first = next((line for line in map(_block_line, blocks) if line), 0)
        if first <= self._end_line:
            return 0
        defined = _footnote_lines(self._document).get(label.casefold())
        return defined - first if defined is not None else 0


def source_line(document: Document, number: int) -> str:
    """Source line ``number`` (1-based), or ``""`` past either end."""
    lines = document.lines
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _block_line(block: Block) -> int:
    return block.line if isinstance(block, Heading | Paragraph | Code | Html | Table) else 0


def _cell_starts(row: str, columns: int) -> list[int]:
    """Where each cell's segment starts in a table row line (0 when unsure)."""
    pipes = [found.end() for found in _PIPE.finditer(row)]
    if pipes and not row[: pipes[0] - 1].strip(" \t>"):
        starts = pipes  # a leading pipe: cells start after each pipe
    else:
        starts = [len(row) - len(row.lstrip(" \t>")), *pipes]
    return (starts + [0] * columns)[:columns]


def _footnote_lines(document: Document) -> dict[str, int]:
    """The line of every footnote definition, by case-folded label (kept in its memo)."""
    return document.derived(_find_footnote_lines)


def _find_footnote_lines(document: Document) -> dict[str, int]:
    found: dict[str, int] = {}
    for number, line in enumerate(document.lines, start=1):
        if "[^" in line:
            match = _FOOTNOTE_DEFINITION.match(line)
            if match:
                found.setdefault(match.group(1).casefold(), number)
    return found
