"""The outline as text lines and as the JSON shape DESIGN fixes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len

from pactreader.common.safety import neutralise_bidi, safe_title
from pactreader.parse.document import Document, Section

MIN_TITLE_ROOM = 12
"""The fewest cells a title's column may have: below this the word counts make way."""

SHORT_COUNT_WIDTH = 5
"""Cells of a shortened word count, as ``1.2k+``."""


def short_count(count: int) -> str:
    """``count`` in at most four characters: ``584``, ``1.2k``, ``34k``, ``1.5M``.

    Rounded down, so a count never reads as more words than there are.
    """
    if count < 1_000:
        return str(count)
    if count < 10_000:
        return f"{count // 100 / 10:.1f}k"
    if count < 1_000_000:
        return f"{count // 1_000}k"
    if count < 10_000_000:
        return f"{count // 100_000 / 10:.1f}M"
    return f"{count // 1_000_000}M"


@dataclass(frozen=True, slots=True)
class OutlineLayout:
    """How the outline pane lays an entry out at one width.

    An entry is its tree guides (``guide`` cells a level), an icon, the section's
    number, the title, and a column of word counts on the right. Titles wrap within
    their column; the counts column is the same for every entry: full counts when the
    most indented title still has :data:`MIN_TITLE_ROOM` cells beside them, else
    shortened counts, else none. A count never pushes a title out.
    """

    width: int
    """The pane's content width in cells."""
    guide: int
    icon: int
    counts: int
    """Cells of the counts column, the two spaces before it included (0: no counts)."""
    short: bool
    """Counts are shortened (:func:`short_count`)."""

    @classmethod
    def fit(
        cls, width: int, widest_prefix: int, words_width: int, *, guide: int, icon: int
    ) -> OutlineLayout:
        """The layout at ``width``.

        Args:
            width: The pane's content width.
            widest_prefix: The most cells guides and number take on any entry.
            words_width: The most cells a full count takes.
            guide: Cells of tree guide per level.
            icon: Cells of the expand icon.
        """
        short_width = min(words_width, SHORT_COUNT_WIDTH)
        for counts, short in ((words_width + 2, False), (short_width + 2, True)):
            if width - icon - widest_prefix - counts >= MIN_TITLE_ROOM:
                return cls(width, guide, icon, counts, short)
        return cls(width, guide, icon, 0, False)

    def title_room(self, depth: int, number: str) -> int:
        """Cells for the title of an entry at ``depth`` numbered ``number`` (at least 1)."""
        used = depth * self.guide + self.icon + cell_len(number) + 1 + self.counts
        return max(1, self.width - used)

    def figure(self, count: int) -> str:
        """A count as the counts column shows it (empty when there is no column)."""
        if not self.counts:
            return ""
        return short_count(count) if self.short else f"{count:,}"


def outline_lines(document: Document, depth: int | None = None) -> list[str]:
    """One line per section: indentation by depth, number, title, word count."""
    lines: list[str] = []
    for section in document.sections:
        if depth is not None and section.depth >= depth:
            continue
        indent = "  " * section.depth
        words = f"{section.words} word" + ("" if section.words == 1 else "s")
        lines.append(f"{indent}{section.number}  {safe_title(section.title)}  ({words})")
    return lines


def section_json(document: Document, section: Section, depth: int | None = None) -> dict[str, Any]:
    """One section and (up to ``depth`` levels of) its subtree."""
    children = []
    if depth is None or section.depth + 1 < depth:
        children = [
            section_json(document, document.sections[child], depth) for child in section.children
        ]
    return {
        "number": section.number,
        "level": section.level,
        "title": neutralise_bidi(section.title),
        "slug": section.slug,
        "start_line": section.start_line,
        "end_line": section.end_line,
        "words": section.words,
        "children": children,
    }


def outline_json(document: Document, depth: int | None = None) -> dict[str, Any]:
    """The whole outline: title, source, format, front matter and the section tree.

    Titles lose their bidirectional overrides, as everywhere they are shown: a script
    that prints them must not show a title reading differently from what it is.
    """
    return {
        "title": neutralise_bidi(document.title),
        "source": document.source,
        "format": document.format,
        "front_matter": document.front_matter,
        "sections": [
            section_json(document, document.sections[index], depth) for index in document.roots
        ],
    }
