"""The repair layer's intermediate form: a flat list of typed blocks.

Scraped text is one block per source line (or several, where tag debris splits a
line). Each repair step is a pure function from blocks to blocks, and only the last
one writes Markdown, so no step has to parse the Markdown another step wrote.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    """What a block is once written as Markdown."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    ITEM = "item"
    """One list item; consecutive items form a list."""
    ROW = "row"
    """One pipe-table row as it came (debris and all); :mod:`.tables` mends runs of them."""
    TABLE = "table"
    """A finished table: ``text`` is its Markdown, one row per line."""
    QUOTE = "quote"
    CODE = "code"
    """A fenced code block: ``text`` is its lines verbatim, fences included."""
    RULE = "rule"


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the repaired document."""

    kind: Kind
    text: str
    """Inline text with line breaks as ``\\n`` (verbatim Markdown for TABLE and CODE)."""
    level: int = 0
    """HEADING: 1-6, or 0 for a ``<h>`` mark whose level is decided later.
    ITEM: nesting depth, 0 for a top-level item."""
    ordered: bool = False
    """ITEM: part of a numbered list."""
    number: int = 0
    """ITEM: the number an ordered item had in the source (0: none, count on)."""
    explicit: bool = False
    """Marked as what it is in the source (``<p>``, ``<h2>``, ``#``, a ``<td>``):
    heading inference leaves explicit blocks alone."""
    markdown: bool = False
    """HEADING: written as a Markdown heading (``#``, an underline), not as debris."""
