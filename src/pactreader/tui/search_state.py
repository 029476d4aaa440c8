"""What the app knows about the search in progress: the current match and the count so far.

The search bar owns one :class:`SearchSession` per query. Workers add to it through
messages (the first match, counts section by section); the bar reads it to paint
highlights and to write its status line. Nothing here touches a widget, so the
rules ("match 3 of 41", which span is the current one) are plain functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pactreader.render.rich_blocks import Highlights
from pactreader.search import Match, Query, highlights

Position = tuple[int, int, int]
"""``(section, unit, offset)``: a place in the document's visible text."""


def position_of(match: Match) -> Position:
    """Where ``match`` starts."""
    return match.section, match.unit, match.start


def went_round(found: Position, start: Position, *, backward: bool, inclusive: bool) -> bool:
    """Whether a step from ``start`` had to wrap past an end of the document to ``found``.

    Args:
        found: Where the match the step found starts.
        start: Where the step started.
        backward: The step went towards the top.
        inclusive: A match at ``start`` itself counted (stepping from a place, not
            from a match).
    """
    if backward:
        return found >= start
    return found < start if inclusive else found <= start


@dataclass(slots=True)
class SearchSession:
    """One query: where it searches from, its current match, and its count so far."""

    query: Query
    anchor: Position
    """Where the first match is looked for: the top of the pane when the bar opened,
    then the last match the user stepped to (so refining the query stays near it)."""
    current: Match | None = None
    answered: bool = False
    """The search for the first match has finished (``current`` None: nothing matches)."""
    counts: dict[int, int] = field(default_factory=dict)
    """Matches per section, for the sections counted so far that hold any."""
    total: int = 0
    """Matches in the sections counted so far."""
    counted: int = 0
    """Sections counted so far: the count goes from the first section to the last."""
    done: bool = False
    """Every section has been counted."""
    matches: dict[int, tuple[Match, ...]] = field(default_factory=dict)
    """The matches of the sections painted so far (and of the current match's section)."""
    asked: set[int] = field(default_factory=set)
    """Sections whose matches were asked of a worker, to paint them."""
    wanted: set[int] = field(default_factory=set)
    """Of those, the ones no worker has been started for yet."""
    show_first: bool = True
    """Scroll to the first match found. False when the search started again under the
    reader (the whole document came in): the view stays where the reader left it."""

    def add_counts(
        self, counts: Iterable[tuple[int, int]], counted: int, *, done: bool
    ) -> set[int]:
        """Record counts from the worker; returns the sections that changed."""
        changed: set[int] = set()
        for section, count in counts:
            if count:
                self.total += count - self.counts.get(section, 0)
                self.counts[section] = count
                changed.add(section)
        self.counted = max(self.counted, counted)
        self.done = done
        return changed

    def ordinal(self) -> int | None:
        """The current match's number from the top (1-based), once the count has passed it."""
        current = self.current
        if current is None or self.counted <= current.section:
            return None
        siblings = self.matches.get(current.section, ())
        if current not in siblings:
            return None
        before = sum(count for section, count in self.counts.items() if section < current.section)
        return before + siblings.index(current) + 1

    def status(self, *, whole: bool = True) -> str:
        """``match 3 of 41``, ``no matches``, or what the search is still doing.

        Args:
            whole: False while only a big document's opening is searched: the count
                is what has been read so far.
        """
        if not self.answered:
            return "searching…"
        if self.current is None:
            return "no matches" if whole else "no matches so far"
        ordinal = self.ordinal()
        shown = "…" if ordinal is None else f"{ordinal:,}"
        if self.done and whole:
            return f"match {shown} of {self.total:,}"
        if self.done:
            return f"match {shown} of {self.total:,}+ so far"
        return f"match {shown} of {self.total:,}+ · counting"

    def highlights(self, section: int, matches: Iterable[Match]) -> Highlights:
        """The reading pane's ranges for the matches of ``section``; the current one stands out."""
        current = self.current
        mark = None
        if current is not None and current.section == section:
            mark = (current.unit, current.start, current.end)
        return {
            unit: [
                (start, end, "current" if (unit, start, end) == mark else "match")
                for start, end in spans
            ]
            for unit, spans in highlights(matches).items()
        }
