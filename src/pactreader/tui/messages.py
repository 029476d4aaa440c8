"""Messages the panes send to the app, which owns the state and wires the panes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from pactreader.parse.document import Document

if TYPE_CHECKING:
    from pactreader.search import Match, Query
    from pactreader.tui.title_filter import TitleFilter


@dataclass
class LinkClicked(Message):
    """A link in the text was clicked: follow it as ``L`` would (the href is data)."""

    href: str


@dataclass
class Leaving(Message):
    """The reading pane is about to jump (``g``, ``G``): the place it leaves, for history."""

    section: int
    offset: int


@dataclass
class ReadingPosition(Message):
    """The reading pane scrolled: which section is at the top, and how far along we are."""

    section: int
    """Index of the current section, or -1 for an empty document."""
    percent: int
    """How much of the document lies above the bottom of the pane, 0-100."""

    def can_replace(self, message: Message) -> bool:
        """Only the latest position matters: scrolling sends many."""
        return isinstance(message, ReadingPosition)


@dataclass
class OpenSection(Message):
    """The user chose a section in the outline: show it in the reading pane."""

    section: int


@dataclass
class DocumentLoaded(Message):
    """The whole document is parsed (the reader opened a big one with its opening only)."""

    document: Document


@dataclass
class DocumentLoadFailed(Message):
    """The rest of a big document could not be parsed: the reader keeps its opening."""

    error: str


# ----------------------------------------------------------------- search


@dataclass
class HighlightsChanged(Message):
    """The search's highlights changed: paint these sections again (None: every section)."""

    sections: frozenset[int] | None


@dataclass
class ShowMatch(Message):
    """A match became the current one: bring it into view."""

    section: int
    unit: int


@dataclass
class MatchCountsChanged(Message):
    """Matches per section grew (the count is running) or were cleared (search closed)."""

    counts: Mapping[int, int]
    """Every section known to hold matches, with how many; empty when none (or cleared)."""
    sections: frozenset[int] | None
    """The sections whose count changed (None: every section)."""


@dataclass
class SearchSubmitted(Message):
    """Enter in the query: typing is done; the matches stay and the keys go to the text."""


@dataclass
class SearchClosed(Message):
    """The search bar closed (Esc)."""

    had_focus: bool
    """The focus was in the bar: it goes back to the text."""


@dataclass
class MatchFound(Message):
    """A search worker found the first match, or the next or previous one (None: none at all)."""

    query: Query
    match: Match | None
    section_matches: tuple[Match, ...]
    """Every match of the found match's section (to paint it without searching again)."""
    step: bool
    """The user stepped (n/N) to it; otherwise it is the first match of a new query."""
    backward: bool = False
    wrapped: bool = False
    """The step went past an end of the document to find it."""


@dataclass
class SectionMatches(Message):
    """A worker found the matches of a section the reading pane is about to show."""

    query: Query
    section: int
    matches: tuple[Match, ...]


@dataclass
class CountProgress(Message):
    """The counting worker went through more sections."""

    query: Query
    counts: tuple[tuple[int, int], ...]
    """``(section, count)`` for the newly counted sections that hold matches."""
    counted: int
    """How many sections (from the first) have been counted so far."""
    done: bool


@dataclass
class SearchFailed(Message):
    """The pattern turned out too slow on some text: the search stops with this message."""

    query: Query
    error: str


@dataclass
class OutlineFilterClosed(Message):
    """The outline filter closed: after Enter on a section, or with Esc (None)."""

    section: int | None


@dataclass
class FilterResults(Message):
    """The filter worker matched the titles against what the user typed."""

    result: TitleFilter


@dataclass
class OutlineResized(Message):
    """The user drags the outline's edge: make the outline ``width`` cells wide."""

    width: int
    done: bool
    """The drag is over (the mouse button is up): the width is to be remembered."""
