"""Infer the headings of plain text, where they are bare short lines.

Scraped articles lose their ``<h1>``/``<h2>`` tags and keep the heading text as a
line of its own. The rules are conservative, because a paragraph wrongly promoted
breaks the outline while a heading left as a paragraph only loses an entry:

- the first block is the title (H1) when it reads as a title;
- a later line is a section heading (H2) when it reads as a heading: short, no sentence-ending
  punctuation, starting with a capital, title case when it is more than a few words,
  not a byline or a date, and followed by body text;
- never a list item, a ``<p>``-marked paragraph, the short lines after a lead-in
  that ends in ``:`` (they are the list it introduces), or a line with nothing
  after it.

Headings the source marks (``#``, ``<h2>``, ``<h>``) are kept whatever they read as,
and the marks win: a marked H1 stops title inference, and a Markdown section heading
(``##``, an underline) stops section inference, since whoever wrote Markdown marked
the headings they meant. Debris marks are a scraper's leftovers, often kept for some
headings and lost for others, so inference goes on beside them, at their level: if
the marked sections are H3, the inferred ones are H3 too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pactreader.repair.blocks import Block, Kind

TITLE_WORDS = 15
"""A title may be longer than a section heading: "Pact Between the US and Algeria: ..."."""
HEADING_WORDS = 12
SENTENCE_CASE_WORDS = 6
"""Up to this many words a heading may be in sentence case ("How the deal was made");
longer ones must be in title case, or they are sentences without a full stop."""
MAX_CHARS = 150
_TITLE_CASE_SHARE = 0.7

# fmt: off
_SMALL_WORDS = frozenset({
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    "onto", "or", "over", "per", "the", "to", "up", "via", "vs", "with", "without",
})
# fmt: on
_CLOSERS = "\"')]}\u201d\u2019\u00bb"
_ENDINGS = ".,;:!?\u2026"
# Two sentences: a word of two lower-case letters or more, a full stop, a capital.
_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?][\"'\u201d\u2019)]?\s+[A-Z]")
_QUOTED_SPEECH = re.compile(r"[,!?][\"'\u201d\u2019]")
_BYLINE = re.compile(r"(?i:by)\s+[A-Z]|(?i:photo|image|credits?|sources?|via)\s*:")
# fmt: off
_DATE_WORDS = frozenset({
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "am", "pm", "at", "utc",
    "gmt", "on", "updated", "published", "posted",
})
# fmt: on
_BODY = frozenset((Kind.PARAGRAPH, Kind.ITEM, Kind.TABLE, Kind.QUOTE, Kind.CODE))


def infer_headings(blocks: Sequence[Block]) -> list[Block]:
    """Return ``blocks`` with title and section headings inferred (see the module doc)."""
    has_title = any(block.kind is Kind.HEADING and block.level == 1 for block in blocks)
    out = [_resolve_bare_mark(block, index, has_title) for index, block in enumerate(blocks)]
    marked = [block for block in out if block.kind is Kind.HEADING]
    infer_title = all(block.level != 1 for block in marked)
    infer_sections = not any(block.markdown and block.level >= 2 for block in marked)
    section_level = min((block.level for block in marked if block.level >= 2), default=2)
    lead_in = False
    for index, block in enumerate(out):
        # After a lead-in ending in ":", short lines are the list it introduces.
        short_line = _bare(out, index) and reads_as_heading(block.text, HEADING_WORDS)
        if lead_in and short_line:
            continue
        lead_in = block.kind is Kind.PARAGRAPH and block.text.rstrip().endswith(":")
        if not _bare(out, index):
            continue
        if index == 0:
            if infer_title and reads_as_heading(block.text, TITLE_WORDS):
                out[0] = replace(block, kind=Kind.HEADING, level=1)
        elif infer_sections and short_line and _followed_by_body(out, index):
            out[index] = replace(block, kind=Kind.HEADING, level=section_level)
    return out


def reads_as_heading(text: str, max_words: int = HEADING_WORDS) -> bool:
    """True when a one-line ``text`` reads as a heading rather than as a sentence."""
    if "\n" in text or len(text) > MAX_CHARS:
        return False
    words = text.split()
    if not 1 <= len(words) <= max_words:
        return False
    if text.rstrip(_CLOSERS)[-1:] in _ENDINGS:
        return False
    first = next((char for char in text if char.isalnum()), "")
    if not first or first.islower() or not any(char.isalpha() for char in text):
        return False
    if _SENTENCE_BREAK.search(text) or _QUOTED_SPEECH.search(text) or _BYLINE.match(text):
        return False
    if _is_date(words):
        return False
    return len(words) <= SENTENCE_CASE_WORDS or _title_case(words)


def _resolve_bare_mark(block: Block, index: int, has_title: bool) -> Block:
    """Give a ``<h>`` heading its level: the title when it comes first, else H2."""
    if block.kind is Kind.HEADING and block.level == 0:
        return replace(block, level=1 if index == 0 and not has_title else 2)
    return block


def _bare(blocks: Sequence[Block], index: int) -> bool:
    """A bare line (a paragraph the source did not mark as one) with a block after it."""
    block = blocks[index]
    return block.kind is Kind.PARAGRAPH and not block.explicit and index + 1 < len(blocks)


def _followed_by_body(blocks: Sequence[Block], index: int) -> bool:
    """The next block is body text, not another line that reads as a heading."""
    following = blocks[index + 1]
    if following.kind not in _BODY:
        return False
    return not (
        following.kind is Kind.PARAGRAPH
        and not following.explicit
        and reads_as_heading(following.text, HEADING_WORDS)
    )


def _title_case(words: Sequence[str]) -> bool:
    significant = [
        word
        for word in words
        if any(char.isalpha() for char in word) and word.lower().strip(_CLOSERS) not in _SMALL_WORDS
    ]
    if not significant:
        return False
    capitalised = sum(
        next(char for char in word if char.isalpha()).isupper() for word in significant
    )
    return capitalised / len(significant) >= _TITLE_CASE_SHARE


def _is_date(words: Sequence[str]) -> bool:
    """``12 March 2024``, ``Monday, March 4, 2024 at 10:30``: a dateline, not a heading."""
    tokens = [word.strip(",.").lower() for word in words]
    return any(token in _DATE_WORDS for token in tokens) and all(
        token in _DATE_WORDS or any(char.isdigit() for char in token) for token in tokens
    )
