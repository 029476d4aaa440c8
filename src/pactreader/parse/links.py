"""The links a section holds, in reading order: what the link picker offers."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import assert_never
from urllib.parse import urljoin, urlsplit

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
        match block:
            case Heading() | Paragraph():
                yield from _inline_links(block.text)
            case Table():
                for row in (block.header, *block.rows):
                    for cell in row:
                        yield from _inline_links(cell)
            case ListBlock() | Quote() | Footnotes():
                yield from _walk(children(block))
            case Code() | Html() | Rule() | Truncated():
                pass  # Their text is shown verbatim: nothing in it is a link.
            case _:
                assert_never(block)


def _inline_links(spans: Inline) -> Iterator[Link]:
    for href, run in link_runs(spans):
        if href is not None:
            yield Link("".join(visible(span) for span in run).strip() or href, href)


def absolute_links(links: Sequence[Link], base: str) -> list[Link]:
    """``links`` with relative targets resolved against ``base`` (a page's own URL).

    A web page's relative links mean places on its site, not files beside the saved
    copy; ``#anchor`` links stay as they are, since they jump within the document.
    """
    if urlsplit(base).scheme not in ("http", "https"):
        return list(links)
    return [
        link
        if link.href.startswith("#") or urlsplit(link.href).scheme
        else replace(link, href=urljoin(base, link.href))
        for link in links
    ]
