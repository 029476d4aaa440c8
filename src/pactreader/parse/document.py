"""The section tree: plain frozen data that every other layer reads.

A :class:`Document` holds the parsed Markdown lines and a flat tuple of
:class:`Section` in document order. Parent/child links are indexes into that tuple,
so the app can keep an index instead of a copy, bisect on start lines, and walk the
tree without recursion.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, cast

from pactreader.common.align import align_lines

PREAMBLE_NUMBER = "0"

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Section:
    """One heading and the lines up to the next heading."""

    index: int
    """Position in :attr:`Document.sections`."""
    number: str
    """Tree number: ``2.1.3``; ``0`` for the preamble."""
    level: int
    """Heading level 1-6; 0 for the preamble."""
    title: str
    """The heading's visible text (the document title for the preamble)."""
    slug: str
    """GitHub-style anchor, unique in the document."""
    start_line: int
    """First line of the heading, 1-based."""
    end_line: int
    """Last line before the next heading, 1-based, inclusive (the section's own span)."""
    subtree_end_line: int
    """Last line of the section with all its subsections."""
    words: int
    """Words in the section with its subsections."""
    own_words: int
    """Words in the section's own span."""
    parent: int | None
    """Index of the parent section, or None at the top level."""
    children: tuple[int, ...]
    """Indexes of the child sections, in order."""
    depth: int
    """0 for top-level sections, 1 for their children, and so on."""

    @property
    def is_preamble(self) -> bool:
        """True for the text before the first heading."""
        return self.number == PREAMBLE_NUMBER


@dataclass(frozen=True, slots=True, eq=False, weakref_slot=True)
class Document:
    """A parsed article: its lines, metadata and section tree.

    Compared and hashed by identity. What later layers derive from a document (its
    joined text, search units, prefilter data, link definitions) is kept in the
    document's own memo (:meth:`derived`), built lazily and dropped with the document,
    never in a module-level cache that would keep old documents alive.
    """

    title: str
    source: str
    """Where it came from, as the user named it (``-`` for stdin)."""
    format: Literal["markdown", "text", "html"]
    """How it was read: ``text`` input went through the repair layer, ``html`` through
    the extract layer."""
    lines: tuple[str, ...]
    """The Markdown that was parsed, one string per line, without newlines."""
    front_matter: dict[str, Any] | None
    front_matter_lines: int
    """Lines ``1..front_matter_lines`` are front matter (0 when there is none)."""
    sections: tuple[Section, ...]
    """Every section in document order, the preamble first when there is one."""
    encoding: str = "utf-8"
    roots: tuple[int, ...] = field(default=())
    """Indexes of the top-level sections, in order."""
    origin: tuple[str, ...] | None = None
    """For repaired (scraped) input: the lines of the file as the user has it, of which
    :attr:`lines` are the repaired Markdown; None when the two are the same."""
    front_matter_note: str | None = None
    """Why the front matter was not read (over a size or alias limit), or None."""
    _memo: dict[Callable[[Document], Any], Any] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def derived(self, build: Callable[[Document], _T]) -> _T:
        """``build(self)``, computed on first use and kept with this document.

        ``build`` is the key: each deriving function is its own slot. Safe from worker
        threads: two first calls at once may both build (the results are equal), and
        the last one is kept.
        """
        try:
            return cast("_T", self._memo[build])
        except KeyError:
            value = self._memo[build] = build(self)
            return value

    def forget(self, build: Callable[[Document], Any]) -> None:
        """Drop what ``build`` derived: it is built again on next use (cold measurements)."""
        self._memo.pop(build, None)

    def original_line(self, line: int) -> int:
        """The line of the file as the user has it that line ``line`` (1-based) came from.

        The same number for Markdown; for repaired input, found by aligning words
        (:func:`pactreader.common.align.align_lines`), on first use.
        """
        if self.origin is None or not 0 < line <= len(self.lines):
            return line
        return self.derived(_original_lines)[line - 1]

    @property
    def text(self) -> str:
        """The Markdown that was parsed, as one string (joined once, on first use)."""
        return self.derived(_joined)

    @property
    def line_count(self) -> int:
        """How many lines the document has."""
        return len(self.lines)

    @property
    def words(self) -> int:
        """Words in the whole document."""
        return sum(self.sections[index].words for index in self.roots)

    def source_lines(self, first: int, last: int) -> str:
        """Lines ``first..last`` (1-based, inclusive) as text ending in a newline."""
        chunk = self.lines[first - 1 : last]
        return "\n".join(chunk) + "\n" if chunk else ""

    def section_source(self, section: Section, *, subtree: bool = True) -> str:
        """The exact Markdown of a section, with its subsections unless told otherwise."""
        last = section.subtree_end_line if subtree else section.end_line
        return self.source_lines(section.start_line, last)

    def subtree(self, section: Section) -> Iterator[Section]:
        """``section`` and all its descendants in document order."""
        yield section
        for child in section.children:
            yield from self.subtree(self.sections[child])

    def ancestors(self, section: Section) -> list[Section]:
        """The chain from the top-level section down to ``section``'s parent."""
        chain: list[Section] = []
        parent = section.parent
        while parent is not None:
            chain.append(self.sections[parent])
            parent = self.sections[parent].parent
        chain.reverse()
        return chain


def _joined(document: Document) -> str:
    return "\n".join(document.lines)


def _original_lines(document: Document) -> tuple[int, ...]:
    return align_lines(document.origin or (), document.lines)
