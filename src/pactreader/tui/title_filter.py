"""Which section titles match what the user typed in the outline filter (``f``).

Fuzzy matching as in Textual's command palette (:class:`textual.fuzzy.FuzzySearch`):
the typed letters must appear in order, and a title scores higher when they start
words and sit together. Titles are document text, so two guards apply:

- the palette's matcher scores every way the letters can be placed in a title,
  which grows combinatorially on a hostile title (``abab...`` against ``aabb...``);
  when a cheap upper bound on that number is too high, the leftmost placement is
  scored instead;
- the offsets it returns are used to mark characters in a :class:`rich.text.Text`,
  never to build markup (its own ``Matcher.highlight`` reads the title as markup).

Only the best :data:`FILTER_LIMIT` titles are shown, with their ancestors: a single
letter matches most titles of a large document, and a tree of twenty thousand
nodes is neither quick to build nor useful to look at.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from textual.fuzzy import FuzzySearch

from pactreader.parse.document import Document

FILTER_LIMIT = 500
"""At most this many matching titles are shown (the best scores), plus their ancestors."""

_ALIGNMENT_LIMIT = 2000
"""Above this many possible placements of the letters, score the leftmost one only."""

_CHECK_EVERY = 256
"""Titles matched between two checks for cancellation."""


@dataclass(frozen=True, slots=True)
class TitleFilter:
    """The outline to show for one filter text."""

    text: str
    shown: tuple[int, ...]
    """Sections to show, in document order: the matches and their ancestors."""
    marks: Mapping[int, tuple[int, ...]]
    """For each shown match, the offsets of the matched characters in its title."""
    best: int | None
    """The best-scoring match (the earliest of equals), where the cursor goes."""
    matched: int
    """How many titles matched, including those beyond the limit."""


def filter_titles(
    document: Document,
    titles: Sequence[str],
    text: str,
    *,
    limit: int = FILTER_LIMIT,
    cancelled: Callable[[], bool] = lambda: False,
) -> TitleFilter | None:
    """The sections whose titles match ``text``, with their ancestors.

    Args:
        document: The document the titles belong to (for the ancestors).
        titles: Each section's title as the outline shows it.
        text: What the user typed.
        limit: How many matches to keep at most.
        cancelled: Checked now and then; when it returns True, the work stops.

    Returns:
        The filter, or None when it was cancelled.
    """
    search = FuzzySearch()
    scored: list[tuple[float, int, Sequence[int]]] = []
    for index, title in enumerate(titles):
        if index % _CHECK_EVERY == 0 and cancelled():
            return None
        score, offsets = fuzzy_match(search, text, title)
        if score > 0:
            scored.append((score, -index, offsets))
    kept = heapq.nlargest(limit, scored)
    marks = {-negative: tuple(offsets) for _, negative, offsets in kept}
    shown = set(marks)
    sections = document.sections
    for index in marks:
        parent = sections[index].parent
        while parent is not None and parent not in shown:
            shown.add(parent)
            parent = sections[parent].parent
    best = -kept[0][1] if kept else None
    return TitleFilter(text, tuple(sorted(shown)), marks, best, len(scored))


def fuzzy_match(search: FuzzySearch, text: str, title: str) -> tuple[float, Sequence[int]]:
    """The palette's score and matched offsets for ``title``, in bounded time."""
    folded_text = text.lower()
    folded = title.lower()
    if folded_text not in folded:
        placements = 1
        for character in folded_text:
            placements *= folded.count(character)
            if not placements:
                return 0.0, ()
            if placements > _ALIGNMENT_LIMIT:
                offsets = _leftmost(folded_text, folded)
                if offsets is None:
                    return 0.0, ()
                return search.score(folded, offsets), offsets
    return search.match(text, title)


def _leftmost(text: str, title: str) -> list[int] | None:
    """Each letter of ``text`` at its first place in ``title`` after the previous one."""
    offsets: list[int] = []
    position = 0
    for character in text:
        found = title.find(character, position)
        if found < 0:
            return None
        offsets.append(found)
        position = found + 1
    return offsets
