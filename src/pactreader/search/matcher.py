"""Finding matches: one section at a time, in document order, from anywhere.

Everything here works section by section, because a section is the unit of work a
caller can afford between two checks of "has the user typed again?". The app asks
:func:`search_from` for the first match after the cursor (it stops as soon as it has
one, instead of scanning 20 MB) and runs :func:`match_counts` in a worker for the
total, checking for cancellation after each section. The command line walks
:func:`search_from` from the top.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from pactreader.common.lru import LRU
from pactreader.parse.document import Document
from pactreader.search.locate import Locator
from pactreader.search.pattern import Query
from pactreader.search.prefilter import may_match
from pactreader.search.visible import section_units


@dataclass(frozen=True, slots=True, order=True)
class Match:
    """One match: where it is in the visible text, and in the Markdown source.

    Ordered by position in the document (section, unit, offset).
    """

    section: int
    """Index of the section in :attr:`pactreader.parse.Document.sections`."""
    unit: int
    """The text unit (as numbered by the blocks) the match is in."""
    start: int
    """Offset of the first matched character in the unit's visible text."""
    end: int
    """Offset just past the match."""
    line: int = field(compare=False)
    """Source line (1-based) that holds the start of the match."""
    column: int = field(compare=False)
    """Column (1-based, in characters) of the start of the match in that line."""
    text: str = field(compare=False)
    """The matched visible text."""


def section_matches(document: Document, index: int, query: Query) -> tuple[Match, ...]:
    """Every match in section ``index``'s own text, in order.

    Cached per (document, section, query): the reading pane asks again on every
    repaint, and the query object changes with every keystroke.

    Raises:
        PatternTooSlow: The query ran out of time on one unit of the section.
    """
    return _section_matches(document, index, query)


MATCHES_KEPT = 512
"""How many (section, query) results a document keeps: stepping back and forth through
matches finds them again without searching twice."""


def _match_cache(document: Document) -> LRU[tuple[int, Query], tuple[Match, ...]]:
    return LRU(MATCHES_KEPT)


def _section_matches(document: Document, index: int, query: Query) -> tuple[Match, ...]:
    cache = document.derived(_match_cache)
    found = cache.get((index, query))
    if found is None:
        found = _find_section_matches(document, index, query)
        cache.put((index, query), found)
    return found


def _find_section_matches(document: Document, index: int, query: Query) -> tuple[Match, ...]:
    if not may_match(document, query.candidate, index):
        return ()
    found: list[Match] = []
    for unit in section_units(document, index):
        locator: Locator | None = None
        for start, end in query.spans(unit.text):
            locator = locator or Locator(document, unit)
            line, column = locator.position(start)
            found.append(Match(index, unit.number, start, end, line, column, unit.text[start:end]))
    return tuple(found)


def section_count(document: Document, index: int, query: Query) -> int:
    """How many matches section ``index``'s own text holds (cheaper than listing them)."""
    if not may_match(document, query.candidate, index):
        return 0
    return sum(query.count(unit.text) for unit in section_units(document, index))


def match_counts(document: Document, query: Query) -> Iterator[tuple[int, int]]:
    """``(section index, count)`` for every section, in document order.

    A generator so that a worker can check for cancellation between sections and
    post partial totals; sections the prefilter rules out cost next to nothing.
    """
    for index in range(len(document.sections)):
        yield index, section_count(document, index, query)


def search_from(
    document: Document,
    query: Query,
    section: int = 0,
    *,
    unit: int = 0,
    offset: int = 0,
    backward: bool = False,
    stop: Callable[[], bool] | None = None,
) -> Iterator[Match]:
    """Every match once, starting at a position and wrapping around the document.

    Forward, the first match yielded is the first at or after ``offset`` in ``unit``
    of ``section``; backward, the last one strictly before it. Either way the
    iteration goes round the document and ends where it began, so ``next()`` on it
    gives the next (or previous) match with wrapping, and a result that compares
    before (after) the starting position tells the caller it wrapped.

    ``stop`` is asked before each section; when it answers True the iteration ends
    early. A worker passes its "cancelled" flag: the next match of a rare query can
    lie megabytes away, and the user may have typed again meanwhile.
    """
    count = len(document.sections)
    if not count:
        return
    origin = (unit, offset)
    step = -1 if backward else 1
    order = [(section + step * k) % count for k in range(count)]
    for turn, index in enumerate([*order, section]):
        if stop is not None and stop():
            return
        matches: Iterable[Match] = section_matches(document, index, query)
        if backward:
            matches = reversed(tuple(matches))
        for match in matches:
            if index == section and not _in_turn(match, origin, first=turn == 0, backward=backward):
                continue
            yield match


def _in_turn(match: Match, origin: tuple[int, int], *, first: bool, backward: bool) -> bool:
    """Whether a match of the starting section belongs to this visit of it.

    The starting section is visited twice: first for the part from the origin on
    (forward) or before it (backward), last for the rest.
    """
    after_origin = (match.unit, match.start) >= origin
    return after_origin != backward if first else after_origin == backward


def highlights(matches: Iterable[Match]) -> dict[int, list[tuple[int, int]]]:
    """``{unit: [(start, end), ...]}``: what the reading pane paints for a section."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for match in matches:
        spans.setdefault(match.unit, []).append((match.start, match.end))
    return spans
