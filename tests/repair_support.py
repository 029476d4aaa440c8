"""Helpers for the repair tests: repair, then look at what the parser makes of it."""

from __future__ import annotations

import re
from collections import Counter

from pactreader.parse.blocks import (
    Block,
    Heading,
    ListBlock,
    Paragraph,
    Table,
    markdown_blocks,
)
from pactreader.parse.inline import plain_text
from pactreader.parse.outline import parse_markdown
from pactreader.repair import repair_text

DEBRIS_REMNANTS = ("li >", "td >", "th >", "< p >", "< /", "ul >", "p >")
_WORD = re.compile(r"[^\W_]+")


def blocks_of(text: str) -> list[Block]:
    """The blocks the parser reads from the repaired ``text``."""
    return markdown_blocks(repair_text(text))


def outline_of(markdown: str) -> list[tuple[str, int, str]]:
    """``(number, level, title)`` for every section of ``markdown``."""
    return [(s.number, s.level, s.title) for s in parse_markdown(markdown).sections]


def headings_of(text: str) -> list[tuple[int, str]]:
    """``(level, title)`` of every heading in the repaired ``text``."""
    return [(s.level, s.title) for s in parse_markdown(repair_text(text)).sections if s.level]


def describe(block: Block) -> tuple[object, ...]:
    """A block as plain data that a test can compare in one assert."""
    if isinstance(block, Heading):
        return ("heading", block.level, plain_text(block.text))
    if isinstance(block, Paragraph):
        return ("paragraph", plain_text(block.text))
    if isinstance(block, ListBlock):
        items = tuple(tuple(describe(inner) for inner in item.blocks) for item in block.items)
        return ("list", block.ordered, items)
    if isinstance(block, Table):
        header = tuple(plain_text(cell) for cell in block.header)
        rows = tuple(tuple(plain_text(cell) for cell in row) for row in block.rows)
        return ("table", header, rows)
    return (type(block).__name__,)


def structure(text: str) -> list[tuple[object, ...]]:
    """The repaired ``text`` as the parser sees it, block by block."""
    return [describe(block) for block in blocks_of(text)]


def words(text: str) -> Counter[str]:
    """How often each word (a run of letters and digits) occurs in ``text``."""
    return Counter(_WORD.findall(text))
