"""Read text in the CleanEval tagged format: blocks marked ``<h>``, ``<p>`` or ``<l>``.

The CleanEval gold files (and tools that write like them) mark each block with a tag
that is never closed: ``<h>`` a heading, ``<p>`` a paragraph, ``<l>`` a list item. A
block runs from its mark to the next mark or a blank line, hard-wrapped and indented,
and a mark may come mid-line (``<h>January 2006 <h>February 2006``). Read line by line,
a heading wrapped over two lines would become a heading and a stray line, so such text
is read block by block here instead: the marks say what each block is, the lines of a
block are joined, and lines of a heading with no letter or digit (the ``_____`` rule
under it) are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pactreader.repair.blocks import Block, Kind
from pactreader.repair.spacing import mend_spacing

_MARK = re.compile(r"<([hpl])>", re.IGNORECASE)
_MARK_START = re.compile(r"\s*<[hpl]>", re.IGNORECASE)
_CLOSER = re.compile(r"</\s*[hpl]\s*>", re.IGNORECASE)
_URL_LINE = re.compile(r"\s*URL:\s*\S+\s*$", re.IGNORECASE)
_MIN_MARKED_LINES = 2
_KINDS = {"h": Kind.HEADING, "p": Kind.PARAGRAPH, "l": Kind.ITEM}


def is_tagged(lines: Sequence[str]) -> bool:
    """True when ``lines`` are in the tagged format.

    The first line with text (after an optional ``URL:`` line) starts with a mark,
    there are marks on other lines too, and no mark is ever closed (``</p>`` is HTML
    debris, which the block builder reads).
    """
    content = (line for line in lines if line.strip())
    first = next(content, "")
    if _URL_LINE.match(first):
        first = next(content, "")
    if not _MARK_START.match(first):
        return False
    marked = sum(1 for line in lines if _MARK_START.match(line))
    return marked >= _MIN_MARKED_LINES and not any(_CLOSER.search(line) for line in lines)


def tagged_blocks(lines: Sequence[str]) -> list[Block]:
    """The blocks of tagged ``lines``.

    ``<h>`` blocks are headings whose level is decided later (0), ``<p>`` blocks
    paragraphs, ``<l>`` blocks list items, all marked explicit; unmarked text (the
    ``URL:`` line) is a bare paragraph.
    """
    blocks: list[Block] = []
    kind: Kind | None = None
    parts: list[str] = []

    def close() -> None:
        nonlocal kind, parts
        if parts or kind is not None:
            block = _block(kind, parts)
            if block is not None:
                blocks.append(block)
        kind, parts = None, []

    for line in lines:
        if not line.strip():
            close()
            continue
        pieces = _MARK.split(line)
        # pieces: text before the first mark, then (mark letter, text after it) pairs.
        if pieces[0].strip():
            parts.append(pieces[0])
        for index in range(1, len(pieces), 2):
            close()
            kind = _KINDS[pieces[index].lower()]
            if pieces[index + 1].strip():
                parts.append(pieces[index + 1])
    close()
    return blocks


def _block(kind: Kind | None, parts: list[str]) -> Block | None:
    if kind is Kind.HEADING:
        parts = [part for part in parts if any(char.isalnum() for char in part)]
    text = mend_spacing(" ".join(part.strip() for part in parts))
    if not text:
        return None
    if kind is None:
        return Block(Kind.PARAGRAPH, text)
    return Block(kind, text, explicit=True)
