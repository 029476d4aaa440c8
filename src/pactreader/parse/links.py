"""The links a section holds, in reading order: what the link picker offers."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pactreader.parse.blocks import (
    Block,
    Footnotes,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Table,
)
from pactreader.parse.inline import Inline, link_runs, visible


@dataclass(frozen=True, slots=True)
class Link:
    """A link as the reader shows it: its visible text and where it points."""

    text: str
    href: str


def block_links(blocks: Sequence[Block]) -> list[Link]:
    """Every link in ``blocks``, once per run of link text, duplicates kept in order."""
    return list(_walk(blocks))


def _walk(blocks: Sequence[Block]) -> Iterator[Link]:
    for block in blocks:
        if isinstance(block, Heading | Paragraph):
            yield from _inline_links(block.text)
        elif isinstance(block, Table):
            for row in (block.header, *block.rows):
                for cell in row:
                    yield from _inline_links(cell)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from _walk(item.blocks)
        elif isinstance(block, Quote):
            yield from _walk(block.blocks)
        elif isinstance(block, Footnotes):
            for note in block.notes:
                yield from _walk(note.blocks)


def _inline_links(spans: Inline) -> Iterator[Link]:
    for href, run in link_runs(spans):
        if href is not None:
            yield Link("".join(visible(span) for span in run).strip() or href, href)
