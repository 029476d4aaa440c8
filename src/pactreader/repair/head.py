"""Find the head of a scraped article: its title and the metadata lines around it.

A reader finds the headline as the first prominent short line near the top, looking
past the dateline above it, the byline under it and the page's address. The same here:

- the *head zone* is the first :data:`ZONE_BLOCKS` blocks, up to the first body
  paragraph (more than :data:`TITLE_WORDS` words, or a sentence or lead-in of two
  words or more): a title comes before the text;
- metadata lines in the zone (:mod:`.metadata`: datelines, bylines, ``URL:``), and a
  date split over several short lines (``18`` / ``July`` / ``2012``), are skipped, and
  so are the ones just after the title (a byline under a standfirst);
- the title is the first other block of the zone that reads as a title
  (:func:`reads_as_title`), with something after it, unless the next line repeats
  part of it: then it was the page's title (``Site: Headline``) and the next line is
  the headline; a site's domain name (``Example.com``) is metadata too, and a line
  that names a site by its domain or lists keywords is the page's, not the headline;
- in tagged text (``<h>`` marks, :mod:`.tagged`) the marks say where the headings are,
  so the title is the first ``<h>`` block that is not metadata, wherever it is.

The metadata lines found become front matter (``author``, ``date``, ``updated``,
``url``) instead of text, so they are never taken for the title or a section. A
heading the source marks as H1 (``#``, ``<h1>``) is the title already: nothing is
inferred, nothing is moved.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from pactreader.repair.blocks import Block, Kind
from pactreader.repair.headings import title_case
from pactreader.repair.metadata import is_dateline, read_metadata

ZONE_BLOCKS = 12
TITLE_WORDS = 25
"""Headlines run long ("Writing - Journalists got into the business because ...")."""
TITLE_CHARS = 200
AFTER_TITLE = 4
"""Blocks after the title searched for a byline or a dateline."""
_DATE_RUN = 4
"""A date split over at most this many lines: ``24`` / ``Jul`` / ``2012`` / ``7:09am``."""
_STANDFIRST_WORDS = 60
_SENTENCE_WORDS = 2

_ENDINGS = ".,;:\u2026"
_CLOSERS = "\"')]}\u201d\u2019\u00bb"
# Two sentences: a word of two lower-case letters or more, a full stop, a capital.
_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.][\"'\u201d\u2019)]?\s+[A-Z]")
# "Inc.", "Co.", "U.S.": a full stop that ends an abbreviation, not a sentence.
_ABBREVIATION = re.compile(r"(?:^|[\s-])(?:[A-Z][a-z]{0,2}|(?:[A-Z]\.)+[A-Z])\.$")
_SITE_DOMAIN = re.compile(r"[A-Za-z0-9-]\.(?:com|org|net|co\.uk)\b", re.IGNORECASE)
_KEYWORDS = 3
"""More comma-separated items than this, each of a few words: a keyword list."""
_PAGE_SEPARATORS = ":|-\u2013\u2014\u00bb/"
_CAPTION = re.compile(r"(?i:photo|image|picture|credits?|source|via|caption)\s*:")


@dataclass(frozen=True, slots=True)
class Head:
    """The blocks with the title marked as an H1, and the metadata taken out of them."""

    blocks: list[Block]
    front_matter: dict[str, str] = field(default_factory=dict)


def read_head(blocks: Sequence[Block], *, tagged: bool = False) -> Head:
    """Mark the title and take the metadata lines out of ``blocks`` (see the module doc)."""
    if any(block.kind is Kind.HEADING and block.level == 1 for block in blocks):
        return Head(list(blocks))
    metadata: dict[int, list[tuple[str, str]]] = {}
    title = _find_title(blocks, metadata, tagged=tagged)
    if title is None:
        return Head(list(blocks))
    _metadata_after(blocks, title, metadata)
    front: dict[str, str] = {}
    out: list[Block] = []
    for index, block in enumerate(blocks):
        if index in metadata:
            for key, value in metadata[index]:
                front[key] = f"{front[key]}; {value}" if key in front else value
        elif index == title:
            out.append(replace(block, kind=Kind.HEADING, level=1, explicit=True))
        else:
            out.append(block)
    return Head(out, front)


def reads_as_title(text: str) -> bool:
    """True when a block near the top reads as a headline.

    Looser than a section heading (a headline may be a long sentence in sentence case,
    may end in ``?`` or ``!``), but one line, short, with letters, and not a sentence
    with its full stop, a list's lead-in (``:``), two sentences or a caption.
    """
    if "\n" in text or len(text) > TITLE_CHARS:
        return False
    words = text.split()
    if not 1 <= len(words) <= TITLE_WORDS or not any(char.isalpha() for char in text):
        return False
    bare = text.rstrip(_CLOSERS)
    if bare[-1:] in _ENDINGS and not (
        bare.endswith(("...", "\u2026"))
        or _ABBREVIATION.search(bare)
        or (bare[-1] == "." and len(words) > 1 and title_case(words))
    ):
        return False
    return not (_SENTENCE_BREAK.search(text) or _CAPTION.match(text))


def _find_title(
    blocks: Sequence[Block], metadata: dict[int, list[tuple[str, str]]], *, tagged: bool
) -> int | None:
    """The index of the title block; ``metadata`` gets the metadata blocks before it."""
    index = 0
    while index < len(blocks) - 1 and (tagged or index < ZONE_BLOCKS):
        block = blocks[index]
        run = _date_run(blocks, index)
        if run:
            for position in range(index, index + run):
                metadata[position] = []
            metadata[index] = [
                ("date", " ".join(blocks[i].text for i in range(index, index + run)))
            ]
            index += run
            continue
        found = read_metadata(block.text) if _candidate(block, tagged=tagged) else None
        if found is not None:
            metadata[index] = list(found.fields)
        elif tagged:
            if block.kind is Kind.HEADING and block.level == 0:
                return index
        elif _candidate(block, tagged=False) and reads_as_title(block.text):
            if not (_page_title(block.text, blocks, index) or _site_line(blocks, index)):
                return index
        elif _body(block):
            return None
        index += 1
    return None


def _site_line(blocks: Sequence[Block], index: int) -> bool:
    """Not the headline but the page's: a site's line or a keyword list.

    A line naming its site by domain
    (``Real Estate Appraiser - AppraiserValues.com``) over a line that reads as the
    headline, or a line listing the page's keywords
    (``astrology, vedic astrology, horoscope, software portal``).
    """
    text = blocks[index].text
    if _SITE_DOMAIN.search(text):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        return (
            following is not None
            and _candidate(following, tagged=False)
            and reads_as_title(following.text)
        )
    items = text.split(",")
    return len(items) > _KEYWORDS and all(len(item.split()) <= 3 for item in items)


def _page_title(text: str, blocks: Sequence[Block], index: int) -> bool:
    """The page's title over its headline, which the next line repeats on its own.

    ``Site: Headline -- date`` over ``Headline``: the headline is the next line.

    The repeat must be a whole part of the page title, set off by a separator
    (``:``, ``|``, a dash), and more than one word.
    """
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if following is None or not _candidate(following, tagged=False):
        return False
    headline = " ".join(following.text.split()).casefold()
    if len(headline.split()) < 2 or read_metadata(following.text) is not None:
        return False
    page = " ".join(text.split()).casefold()
    at = page.find(headline)
    if at < 0 or len(headline) == len(page):
        return False
    before, after = page[:at].strip(), page[at + len(headline) :].strip()
    return (not before or before[-1] in _PAGE_SEPARATORS) and (
        not after or after[0] in _PAGE_SEPARATORS
    )


def _metadata_after(
    blocks: Sequence[Block], title: int, metadata: dict[int, list[tuple[str, str]]]
) -> None:
    """Bylines and datelines just under the title (a standfirst may come between)."""
    for index in range(title + 1, min(len(blocks), title + 1 + AFTER_TITLE)):
        block = blocks[index]
        if block.kind is Kind.HEADING or len(block.text.split()) > _STANDFIRST_WORDS:
            return
        found = read_metadata(block.text) if block.kind is Kind.PARAGRAPH else None
        if found is not None:
            metadata[index] = list(found.fields)


def _candidate(block: Block, *, tagged: bool) -> bool:
    """A block that may be the title or a metadata line: bare text or a ``<h>`` mark."""
    if block.kind is Kind.HEADING:
        return block.level == 0
    return block.kind is Kind.PARAGRAPH and (tagged or not block.explicit)


def _body(block: Block) -> bool:
    """Body text: the head zone ends here.

    A long block, or a sentence or a lead-in (``The components include:``) of a few
    words: a headline comes before them.
    """
    if block.kind is Kind.HEADING:
        return False
    words = len(block.text.split())
    ended = block.text.rstrip(_CLOSERS)[-1:] in ".:"
    return words > TITLE_WORDS or (ended and words >= _SENTENCE_WORDS)


def _date_run(blocks: Sequence[Block], index: int) -> int:
    """How many one-line blocks from ``index`` on spell one date between them, or 0.

    Two or more: a single dateline is metadata anyway.
    """
    parts: list[str] = []
    found = 0
    for position in range(index, min(len(blocks), index + _DATE_RUN)):
        block = blocks[position]
        if block.kind is not Kind.PARAGRAPH or block.explicit or len(block.text.split()) > 2:
            break
        parts.append(block.text)
        if len(parts) >= 2 and is_dateline(" ".join(parts)):
            found = len(parts)
    return found
