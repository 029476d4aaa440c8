"""Search in the visible text of a document: the core behind ``/`` and ``pactreader search``.

No Textual here: the app runs these functions in a worker, the command line calls
them directly.
"""

from __future__ import annotations

from pactreader.search.matcher import (
    Match,
    highlights,
    match_counts,
    search_from,
    section_count,
    section_matches,
)
from pactreader.search.pattern import PatternTooSlow, Query, compile_query
from pactreader.search.prefilter import prepare
from pactreader.search.visible import Unit, find_unit, section_units

__all__ = [
    "Match",
    "PatternTooSlow",
    "Query",
    "Unit",
    "compile_query",
    "find_unit",
    "highlights",
    "match_counts",
    "prepare",
    "search_from",
    "section_count",
    "section_matches",
    "section_units",
]
