"""Fold a page's comment thread into one final ``Comments`` section.

Scraped articles often carry the readers' comments after the article: commenters'
names, dates and short replies, which read like headings line after line (one page
gives 136 of them). A reader sees one thing there, the comments, so everything from
the thread's start on becomes one section with no headings inside it.

Where the thread starts:

- a separator line of symbols that ends in ``COMMENTS`` (``!@#$%^&*()  COMMENTS``, as
  the Dragnet corpus and tools built on it write it), anywhere;
- a line of its own that only announces comments (``12 Comments``, ``Comments (16)``,
  ``Leave a Reply``, ``Post a comment``, ``3 thoughts on "..."``), once the article
  has had some body text: at the top of a page such a line is a counter under the
  headline, not the start of the thread.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pactreader.repair.blocks import Block, Kind

COMMENTS_TITLE = "Comments"
_SEPARATOR = re.compile(r"(?:[^\w\s]\s?){4,}\s*COMMENTS\s*", re.IGNORECASE)
_ANNOUNCEMENT = re.compile(
    r"(?:\d[\d,]*\s+)?(?:comments?|responses?|replies|reader\s+comments)(?:\s*\(\d[\d,]*\))?"
    r"|(?:leave|post|add|write)\s+(?:a|your)\s+(?:reply|comment|response)"
    r"|\d[\d,]*\s+(?:thoughts?|responses?|comments?|replies)\s+(?:on|to)\s+.{1,200}"
    r"|(?:comments?|discussion)\s+(?:are\s+)?closed",
    re.IGNORECASE,
)
_BODY_BEFORE = 3
"""Paragraphs of body text an announcement line must come after."""
_BODY_WORDS = 12


def fold_comments(blocks: Sequence[Block], *, announcements: bool = True) -> list[Block]:
    """``blocks`` with the comment thread, if any, as one final ``Comments`` section.

    ``announcements=False`` trusts only the symbol separator (for text whose marks
    already say what every block is).
    """
    start = _thread_start(blocks, announcements=announcements)
    if start is None:
        return list(blocks)
    separator = blocks[start]
    thread = list(blocks[start + 1 :])
    keep_line = not _SEPARATOR.fullmatch(separator.text) and (
        separator.text.strip().rstrip(":").casefold() != COMMENTS_TITLE.casefold()
    )
    if keep_line:
        thread.insert(0, separator)
    heading = Block(Kind.HEADING, COMMENTS_TITLE, level=2, explicit=True)
    return [*blocks[:start], heading, *(_inert(block) for block in thread)]


def _thread_start(blocks: Sequence[Block], *, announcements: bool) -> int | None:
    body = 0
    for index, block in enumerate(blocks):
        if block.kind not in (Kind.PARAGRAPH, Kind.HEADING) or "\n" in block.text:
            continue
        text = block.text.strip()
        if _SEPARATOR.fullmatch(text):
            return index
        if (
            announcements
            and body >= _BODY_BEFORE
            and index + 1 < len(blocks)
            and _ANNOUNCEMENT.fullmatch(text.rstrip(":"))
        ):
            return index
        if block.kind is Kind.PARAGRAPH and len(text.split()) >= _BODY_WORDS:
            body += 1
    return None


def _inert(block: Block) -> Block:
    """A block of the thread as text that heading inference leaves alone."""
    if block.kind is Kind.HEADING:
        return Block(Kind.PARAGRAPH, block.text, explicit=True)
    return replace(block, explicit=True)
