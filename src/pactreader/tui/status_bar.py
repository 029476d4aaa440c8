"""The title bar (document title, size, reading time, byline) and the status line.

The status line shows where the reader is: the current section's breadcrumb
(``1 > 1.2 Title``), how far through the document the bottom of the pane is, and how
long the rest takes to read. Every piece of document text goes through
:func:`~pactreader.common.safety.safe_title` into a :class:`rich.text.Text`: titles
are never read as markup and never carry control characters to the terminal.
"""

from __future__ import annotations

import math
from itertools import accumulate
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from pactreader.common.safety import safe_line, safe_title
from pactreader.parse.document import Document

WORDS_PER_MINUTE = 230
"""A typical silent reading speed for non-fiction prose."""


def reading_minutes(words: int) -> int:
    """Whole minutes to read ``words`` words (at least 1 when there is anything to read)."""
    return math.ceil(words / WORDS_PER_MINUTE) if words > 0 else 0


def breadcrumb(document: Document, index: int) -> str:
    """``1 > 1.2 Title``: the ancestors' numbers, then the section's number and title."""
    if not 0 <= index < len(document.sections):
        return ""
    section = document.sections[index]
    numbers = [ancestor.number for ancestor in document.ancestors(section)]
    return " > ".join([*numbers, f"{section.number} {safe_title(section.title)}"])


def byline(document: Document) -> str:
    """``author · date · URL`` of a web page, from the front matter its extraction wrote.

    Empty for other documents and for pages that name none of them: they keep a
    one-line title bar.
    """
    if document.format != "html":
        return ""
    front = document.front_matter or {}
    parts = [front.get(key) for key in ("author", "date", "url")]
    return " · ".join(
        safe_title(str(part)) for part in parts if isinstance(part, str | int) and part
    )


def _two_sides(left: Text, right: Text) -> Table:
    """One line: ``left`` shortened with an ellipsis, ``right`` flush right."""
    grid = Table.grid(expand=True, padding=(0, 0, 0, 2))
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    grid.add_column(justify="right", no_wrap=True)
    grid.add_row(left, right)
    return grid


class TitleBar(Widget):
    """The document's title, with its size and reading time; its byline below, if any."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        height: 1;
        &.-byline { height: 2; }
        padding: 0 1;
        background: $panel;
        color: $foreground;
        & > .title-bar--info { color: $text-muted; }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"title-bar--info"}

    whole: reactive[bool] = reactive(True)
    """Whether the document is whole (False while a big one's rest is being read)."""
    failed: reactive[bool] = reactive(False)
    """The rest of a big document could not be read: only its opening is shown."""

    def __init__(self, document: Document, *, whole: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document = document
        self.set_reactive(TitleBar.whole, whole)
        self.set_class(bool(byline(document)), "-byline")

    def set_document(self, document: Document) -> None:
        """Describe the whole ``document`` (read after its opening was shown)."""
        self.document = document
        self.whole = True
        self.set_class(bool(byline(document)), "-byline")
        self.refresh()

    def render(self) -> RenderableType:
        """Title left, size right."""
        document = self.document
        words = document.words
        title = Text(safe_line(document.title) or safe_line(document.source), style="bold")
        sections = len(document.sections)
        if self.whole:
            size = (
                f"{sections:,} section{'s' * (sections != 1)} · {words:,} words"
                f" · {reading_minutes(words):,} min read"
            )
        elif self.failed:
            size = f"{sections:,} sections · the rest could not be read"
        else:
            size = f"{sections:,}+ sections · reading the rest…"
        muted = self.get_component_rich_style("title-bar--info")
        line = _two_sides(title, Text(size, style=muted))
        under = byline(document)
        if not under:
            return line
        return Group(line, Text(under, style=muted, no_wrap=True, overflow="ellipsis"))


class StatusBar(Widget):
    """Breadcrumb of the current section, position and time left."""

    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
    }
    """

    section: reactive[int] = reactive(-1)
    percent: reactive[int] = reactive(0)
    whole: reactive[bool] = reactive(True)
    """Whether the document is whole: until it is, how far along the reader is is unknown."""

    def __init__(self, document: Document, *, whole: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document = document
        self._words_left = _words_left(document)
        self.set_reactive(StatusBar.whole, whole)

    def set_document(self, document: Document) -> None:
        """Show positions in the whole ``document`` (read after its opening was shown)."""
        self.document = document
        self._words_left = _words_left(document)
        self.whole = True
        self.refresh()

    def render(self) -> RenderableType:
        """``1 > 1.2 Title`` on the left, ``42% · 3 min left`` on the right."""
        section = self.section
        crumb = Text(breadcrumb(self.document, section))
        if not self.whole:
            return _two_sides(crumb, Text("reading the rest…"))
        words = self._words_left[section] if 0 <= section < len(self._words_left) else 0
        minutes = reading_minutes(words)
        left = f"{minutes:,} min left" if minutes else "the end"
        return _two_sides(crumb, Text(f"{self.percent}% · {left}"))


def _words_left(document: Document) -> list[int]:
    """Words from each section to the end of the document (and 0 after the end)."""
    own = [section.own_words for section in document.sections]
    return [*reversed(list(accumulate(reversed(own)))), 0]
