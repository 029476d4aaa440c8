"""The command palette's "Go to" entries: one per section, found as the user types.

Two things make this a provider of its own instead of ``get_system_commands``:

- Safety. Textual reads a hit's text as markup unless it is a ``Text``/``Content``
  object (its fuzzy matcher's ``highlight`` parses the candidate, and so does the
  palette for a plain string and for the help line). A heading
  ``[@click=app.quit]Install[/]`` would become a clickable action, and ``[/]`` a
  ``MarkupError`` that hides the entries after it. Here every entry is built as
  :class:`~textual.content.Content` from the title made safe for a terminal line,
  highlighted by offsets, and the help line is escaped.
- Size. System commands are all built when the palette opens: a million headings
  took 20 s. Sections are matched lazily here, only for a query, handing control
  back to the event loop every :data:`BATCH` sections so keys and the cancelling of a
  stale search are not held up, and stopping after :data:`MAX_HITS` entries.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, ClassVar, cast

from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from pactreader.common.safety import safe_line
from pactreader.parse.document import Section

if TYPE_CHECKING:
    from textual.style import Style

    from pactreader.tui.app import ReaderApp

BATCH = 2000
"""Sections matched between two hand-overs to the event loop."""

MAX_HITS = 500
"""At most this many "Go to" entries for one query: more than anyone scrolls through,
and each one costs the palette a line to lay out."""


@dataclass(frozen=True, slots=True)
class GoTo:
    """One "Go to" entry: what it says (plain text) and what it does."""

    name: str
    help: str
    run: Callable[[], object]


def go_to_name(section: Section) -> str:
    """``Go to 2.1 Title``, the title safe for one terminal line."""
    return f"Go to {section.number} {safe_line(section.title)}"


def highlighted(name: str, offsets: Sequence[int], style: Style) -> Content:
    """``name`` as plain content (never markup), the matched characters styled."""
    content = Content(name)
    for offset in offsets:
        if 0 <= offset < len(name) and not name[offset].isspace():
            content = content.stylize(style, offset, offset + 1)
    return content


def _prefilter(query: str) -> re.Pattern[str]:
    """A quick test that every character of ``query`` appears in order (any case).

    The fuzzy matcher scores only candidates that pass it: it costs tens of
    microseconds a candidate, this a fraction of one.
    """
    characters = [re.escape(character) for character in query if not character.isspace()]
    return re.compile(".*?".join(characters), re.IGNORECASE | re.DOTALL)


class SectionCommands(Provider):
    """Go to a section: the sections of the app's document, matched lazily."""

    def _go_to(self) -> Iterator[GoTo]:
        if not self.screen.query("#reading"):
            return  # Over another screen (the help): sections are not reachable there.
        app = cast("ReaderApp", self.app)
        scroll = app.reading.scroll_to_section
        for section in app.document.sections:
            yield GoTo(
                go_to_name(section), f"{section.words:,} words", partial(scroll, section.index)
            )

    async def search(self, query: str) -> Hits:
        """The sections whose "Go to" entry matches ``query``, best first."""
        matcher = self.matcher(query)
        fuzzy, style = matcher.fuzzy_search, matcher.match_style
        quick = _prefilter(query)
        found = 0
        for position, entry in enumerate(self._go_to()):
            if position % BATCH == BATCH - 1:
                await asyncio.sleep(0)
            if not quick.search(entry.name):
                continue
            score, offsets = fuzzy.match(query, entry.name)
            if score <= 0:
                continue
            yield Hit(
                score,
                highlighted(entry.name, offsets, style),
                entry.run,
                text=entry.name,
                help=escape(entry.help),
            )
            found += 1
            if found >= MAX_HITS:
                return


class ReaderPalette(CommandPalette):
    """Textual's command palette, with paging that survives a burst of keys.

    Textual's list pages from line positions it lays out when it next draws. Keys
    that arrive in one read with Ctrl+P (Ctrl+P Space PageDown) reach it after its
    options were replaced and before they were laid out: a ``KeyError`` that ended
    the app. Such a page key is tried again once the list has been drawn.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown", "page(1)", "Next page", show=False),
        Binding("pageup", "page(-1)", "Previous page", show=False),
    ]

    def action_page(self, direction: int, retried: bool = False) -> None:
        """Move the highlight a page down (``1``) or up (``-1``)."""
        commands = self.query_one(CommandList)
        try:
            if direction > 0:
                commands.action_page_down()  # type: ignore[no-untyped-call]
            else:
                commands.action_page_up()  # type: ignore[no-untyped-call]
        except KeyError:
            if not retried:
                commands.call_after_refresh(self.action_page, direction, True)
