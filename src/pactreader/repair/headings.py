"""Infer the headings of plain text, where they are bare short lines.

Scraped articles lose their ``<h1>``/``<h2>`` tags and keep the heading text as a
line of its own. The rules are conservative, because a paragraph wrongly promoted
breaks the outline while a heading left as a paragraph only loses an entry:

- the first block is the title (H1) when it reads as a title and :mod:`.head` found
  none (a document whose only text is headings and sentences);
- a later line, after the title, is a section heading (H2) when it reads as a heading:
  short, no sentence-ending punctuation (``?`` and ``!`` only in title case), starting
  with a capital, title case when it is more than a few words, not a byline, a
  dateline, a metadata line, a caption (``Photo: ...``), a handle or an address, with
  no full date in it, and followed by body text of :data:`BODY_WORDS` words or more;
- never a ``Label:`` line whose label starts :data:`REPEATS` lines or more (forum
  headers, form fields);
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
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from pactreader.repair.blocks import Block, Kind
from pactreader.repair.metadata import MONTHS, is_dateline, read_metadata

TITLE_WORDS = 15
"""A title may be longer than a section heading: "Pact Between the US and Algeria: ..."."""
HEADING_WORDS = 12
REPEATS = 3
BODY_WORDS = 10
"""A paragraph under a heading says something: a line of fewer words is an entry of a
list (an ingredient, a link, a date) and the line above it is that entry's name."""
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
_BYLINE = re.compile(
    r"(?i:(?:written|posted|filed|submitted)\s+)?(?i:by)\s*:?\s+[A-Z]"
    r"|(?i:photo|image|credits?|sources?|via)\s*:"
)
# Captions, credits, handles, addresses, references, "a | b" navigation or metadata:
# text around an article, not a heading.
_NOT_A_HEADING = re.compile(
    r"^[(\[]|@|https?://|www\.|\s\|\s|(?i:photo|image|picture|credit|getty)\w*\s*:"
)
_YEAR = re.compile(r"(?:1[89]|20)\d{2}")
_NUMERIC_DATE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")
_BODY = frozenset((Kind.PARAGRAPH, Kind.ITEM, Kind.TABLE, Kind.QUOTE, Kind.CODE))


def infer_headings(blocks: Sequence[Block]) -> list[Block]:
    """Return ``blocks`` with title and section headings inferred (see the module doc)."""
    has_title = any(block.kind is Kind.HEADING and block.level == 1 for block in blocks)
    out = [_resolve_bare_mark(block, index, has_title) for index, block in enumerate(blocks)]
    marked = [block for block in out if block.kind is Kind.HEADING]
    infer_title = all(block.level != 1 for block in marked)
    infer_sections = not any(block.markdown and block.level >= 2 for block in marked)
    section_level = min((block.level for block in marked if block.level >= 2), default=2)
    # Sections come after the title: lines above it are the page's, not the article's.
    first = next((i for i, block in enumerate(out) if block.kind is Kind.HEADING), 0)
    repeated = _repeated_labels(out)
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
        elif (
            infer_sections
            and index > first
            and short_line
            and _followed_by_body(out, index)
            and not repeated(block.text)
        ):
            out[index] = replace(block, kind=Kind.HEADING, level=section_level)
    return out


def _repeated_labels(blocks: Sequence[Block]) -> Callable[[str], bool]:
    """A test for the labels of entries, which do not head sections.

    Forum headers (``To: Jim``), form fields (``Scheduled: Mon., Jan 22``), questions
    (``Q: ...``).

    A ``Label:`` start of one or two words shared by :data:`REPEATS` lines or more
    labels entries of a list or a form; such lines do not head sections.
    """
    labels: Counter[str] = Counter()
    for block in blocks:
        if block.kind is Kind.PARAGRAPH and not block.explicit:
            label = _label(block.text)
            if label:
                labels[label] += 1

    def repeated(text: str) -> bool:
        label = _label(text)
        return label is not None and labels[label] >= REPEATS

    return repeated


def _label(text: str) -> str | None:
    head, colon, _ = text.partition(":")
    return head.casefold() if colon and len(head.split()) <= 2 else None


def reads_as_heading(text: str, max_words: int = HEADING_WORDS) -> bool:
    """True when a one-line ``text`` reads as a heading rather than as a sentence."""
    if "\n" in text or len(text) > MAX_CHARS:
        return False
    words = text.split()
    if not 1 <= len(words) <= max_words:
        return False
    end = text.rstrip(_CLOSERS)[-1:]
    if end in _ENDINGS and not (end in "?!" and len(words) > 1 and title_case(words)):
        return False
    first = next((char for char in text if char.isalnum()), "")
    if not first or first.islower() or not any(char.isalpha() for char in text):
        return False
    if _SENTENCE_BREAK.search(text) or _QUOTED_SPEECH.search(text) or _BYLINE.match(text):
        return False
    if is_dateline(text) or _NOT_A_HEADING.search(text) or _has_date(words):
        return False
    if read_metadata(text) is not None:
        return False
    return len(words) <= SENTENCE_CASE_WORDS or title_case(words)


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
    """The next block is body text.

    A list, a table, a quote, or a paragraph that is more than a line of a list
    (``Serves 4``) and is not another heading-like line.
    """
    following = blocks[index + 1]
    if following.kind not in _BODY:
        return False
    if following.kind is not Kind.PARAGRAPH:
        return True
    text = following.text
    if len(text.split()) < BODY_WORDS and not text.rstrip().endswith(":"):
        return False
    return following.explicit or not reads_as_heading(text, HEADING_WORDS)


def title_case(words: Sequence[str]) -> bool:
    """Most significant words capitalised: ``The Case for Tea``, ``PAIN MANAGEMENT``."""
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


def _has_date(words: Sequence[str]) -> bool:
    """A full date inside the line (``News, August 8, 2012``).

    Such a line is a dated entry, a source line or a caption, not a section heading.
    """
    tokens = [word.strip(",.;()").lower() for word in words]
    year = any(_YEAR.fullmatch(token) for token in tokens)
    return (year and any(token in MONTHS for token in tokens)) or any(
        _NUMERIC_DATE.fullmatch(token) for token in tokens
    )
