"""The reading pane: the whole document as one scrollable text, rendered lazily.

A Line API :class:`~textual.scroll_view.ScrollView` (as toolong's log view): the pane
knows every section's height up front, estimated from its source line lengths, so the
scrollbar and jumps work before anything is rendered. When a section comes on screen
it is rendered at the pane's width (Rich, through
:func:`pactreader.render.rich_blocks.section_parts`) into strips, cached by
(section, width, style version, highlight version), and its real height replaces the
estimate. Offsets are corrected so the text at the top of the pane does not move.

The current section is the one at the top of the pane. Sections can always be
scrolled to the top: the pane adds blank space after the last section when it is
shorter than the screen.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import accumulate
from typing import ClassVar

from rich.style import Style
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.events import Click, Resize
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from pactreader.parse.document import Document
from pactreader.render.rich_blocks import (
    LINK_META,
    STYLE_NAMES,
    Highlights,
    Palette,
    front_matter_renderable,
    palette_from,
    section_parts,
)
from pactreader.tui.messages import Leaving, LinkClicked, ReadingPosition

MEASURE = 100
"""The longest line of text the pane lays out, in cells: longer lines tire the eye.
A wider pane leaves the rest blank (the app gives that room to the outline)."""

_HEADING_RULE_LEVELS = 2
"""H1 and H2 headings have a rule under them (one more line than their text)."""

_CACHE_SECTIONS = 64
"""Rendered sections kept in memory; heights are kept for every section ever rendered."""

_CURRENT_MARK = "pactreader-current"
"""Style meta on the ``current`` highlight, so the line holding it can be found."""

_CONTEXT_LINES = 2
"""Lines shown above a match that is scrolled to the top (when its block is taller)."""

HighlightSource = Callable[[int], Highlights | None]
"""Gives the highlights of a section, asked as the section is rendered."""


@dataclass(frozen=True, slots=True)
class _Rendered:
    """One section rendered at one width."""

    strips: list[Strip]
    parts: list[tuple[int, int, int]]
    """``(first_unit, end_unit, first_line)`` for each top-level block."""
    current_line: int | None = None
    """The first line holding the ``current`` highlight, if the section has one."""


class ReadingPane(ScrollView, can_focus=True, inherit_bindings=False):
    """The document's text, section after section, rendered only where it is seen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll_down", "Scroll down", show=False, id="reading.down"),
        Binding("up,k", "scroll_up", "Scroll up", show=False, id="reading.up"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="reading.page_down"),
        Binding("pageup,b", "page_up", "Page up", show=False, id="reading.page_up"),
        Binding("home,g", "scroll_home", "Top of the document", show=False, id="reading.top"),
        Binding("end,G", "scroll_end", "End of the document", show=False, id="reading.bottom"),
        Binding(
            "left,h", "parent_section", "Go to the parent section", show=False, id="reading.parent"
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"reading--{name}" for name in STYLE_NAMES),
        "reading--code-block",
    }

    DEFAULT_CSS = """
    ReadingPane {
        background: $background;
        padding: 0 2 0 3;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        scrollbar-gutter: stable;  /* the width never changes when the scrollbar shows */
        & > .reading--h1 { color: $text-primary; text-style: bold; }
        & > .reading--h2 { color: $text-primary; text-style: bold; }
        & > .reading--h3 { color: $text-secondary; text-style: bold; }
        & > .reading--h4 { text-style: bold; }
        & > .reading--h5 { text-style: bold italic; }
        & > .reading--h6 { color: $text-muted; text-style: italic; }
        & > .reading--heading-number { color: $text-muted; }
        & > .reading--heading-rule { color: $primary-muted; }
        & > .reading--code-inline { color: $text-warning; background: $surface; }
        & > .reading--code-block { background: $surface; }
        & > .reading--link { color: $text-accent; text-style: underline; }
        & > .reading--footnote-ref { color: $text-secondary; }
        & > .reading--image { color: $text-muted; text-style: italic; }
        & > .reading--quote { color: $text-muted; text-style: italic; }
        & > .reading--quote-bar { color: $secondary-muted; }
        & > .reading--bullet { color: $text-secondary; }
        & > .reading--rule { color: $primary-muted; }
        & > .reading--table-border { color: $primary-muted; }
        & > .reading--table-header { color: $text-primary; text-style: bold; }
        & > .reading--meta-key { color: $text-muted; text-style: bold; }
        & > .reading--meta-value { color: $text-muted; }
        & > .reading--muted { color: $text-muted; }
        & > .reading--html { }
        & > .reading--match { background: $warning-muted; }
        & > .reading--current { background: $warning; color: $background; }
    }
    """

    def __init__(self, document: Document, *, whole: bool = True, id: str | None = None) -> None:
        """The reading pane of ``document``.

        Args:
            document: The document.
            whole: False when ``document`` is a big document's opening (see
                :attr:`more_to_come`).
            id: The widget's id.
        """
        super().__init__(id=id)
        self.document = document
        self.more_to_come = not whole
        """The document shown is a big one's opening and the rest is being read: the
        end of the document is not known yet (``G`` goes there once it is)."""
        self._end_wanted = False
        self._width = 0
        self._known: dict[tuple[int, int], int] = {}
        """Real heights by (section, width): kept after the strips leave the cache."""
        self._cache: LRUCache[tuple[int, int, int, int, int], _Rendered] = LRUCache(_CACHE_SECTIONS)
        self._style_version = 0
        self._palette: Palette | None = None
        self._highlights: dict[int, Highlights] = {}
        self._highlight_versions: dict[int, int] = {}
        self._take(document)
        self._highlight_source: HighlightSource | None = None
        self._highlight_generation = 0
        self._pending_jump: tuple[int, int | None] | None = None
        self._reported: tuple[int, int] | None = None
        self._margin_scheduled = False

    # ----------------------------------------------------------------- public API

    @property
    def section_count(self) -> int:
        """How many sections the document has."""
        return self._count

    @property
    def current_section(self) -> int:
        """The index of the section at the top of the pane (-1 for an empty document)."""
        if not self._count:
            return -1
        if not self._width:
            return 0  # Not laid out yet (every start is 0): the reader is at the top.
        return self._section_at(round(self.scroll_y))

    @property
    def percent(self) -> int:
        """How much of the document is above the bottom of the pane, 0-100."""
        total = self._starts[-1]
        if total <= 0:
            return 100
        bottom = round(self.scroll_y) + self.scrollable_content_region.height
        return max(0, min(100, bottom * 100 // total))

    @property
    def rendered_sections(self) -> int:
        """How many sections have been rendered at the current width (laziness made visible)."""
        return sum(1 for _, width in self._known if width == self._width)

    @property
    def visible_sections(self) -> range:
        """The sections with at least one line on screen (empty for an empty document)."""
        if not self._count:
            return range(0)
        top = round(self.scroll_y)
        bottom = top + self._page_height() - 1
        return range(self._section_at(top), self._section_at(bottom) + 1)

    @property
    def top_unit(self) -> tuple[int, int]:
        """``(section, unit)``: the first text unit of the block at the top of the pane.

        Where a search starts: the reader is looking at this block. ``(-1, 0)`` for an
        empty document.
        """
        index = self.current_section
        if index < 0 or not self._layout():
            return index, 0
        offset = round(self.scroll_y) - self._starts[index]
        unit = 0
        for first, _end, line in self._rendered(index).parts:
            if line > offset:
                break
            if first >= 0:
                unit = first
        return index, unit

    def section_top(self, index: int) -> int:
        """The line where section ``index`` starts (estimated until it is rendered)."""
        return self._starts[index]

    def set_document(self, document: Document) -> None:
        """Show ``document`` in place of the one shown: the same text, more of it read.

        A big document opens with its first sections only; when the whole has been
        parsed, it takes their place. Everything is laid out again, and the line at
        the top of the pane stays there.
        """
        top = self.current_section
        offset = round(self.scroll_y) - self._starts[top] if top >= 0 and self._width else 0
        # ``G`` was pressed while loading, and the reader is still at the end it reached.
        go_to_end = self._end_wanted and 0 < self.max_scroll_y <= round(self.scroll_y)
        self._end_wanted = False
        laid_out = bool(self._width)
        self._take(document)
        self.more_to_come = False
        if not self._layout() or not laid_out:
            return
        if go_to_end:
            self.action_scroll_end()
        elif 0 <= top < self._count:
            self._scroll_top(top, offset)

    def _take(self, document: Document) -> None:
        """Start showing ``document``: nothing laid out or rendered yet."""
        self.document = document
        self._count = len(document.sections)
        self._line_lengths = list(map(len, document.lines))
        self._width = 0
        self._heights: list[int] = [0] * self._count
        self._starts: list[int] = [0] * (self._count + 1)
        # A new document's text may render differently too (a link reference defined
        # further down): nothing rendered for the old one is kept.
        self._known.clear()
        self._cache.clear()
        self._highlights.clear()
        self._highlight_versions.clear()

    def scroll_to_section(self, index: int, unit: int | None = None) -> None:
        """Put the first line of section ``index`` (or of its block holding ``unit``) on top."""
        rendered = self._jump_target(index, unit)
        if rendered is not None:
            self._scroll_top(index, 0 if unit is None else _block_line(rendered, unit))

    def next_section(self) -> None:
        """Jump to the section after the current one."""
        current = self.current_section
        if 0 <= current < self._count - 1:
            self.scroll_to_section(current + 1)
        elif self.more_to_come:
            self.notify("The rest of the document is still being read.", timeout=2)

    def previous_section(self) -> None:
        """Jump to the start of the current section, or to the one before when already there."""
        current = self.current_section
        if current < 0:
            return
        if round(self.scroll_y) > self._starts[current]:
            self.scroll_to_section(current)
        elif current > 0:
            self.scroll_to_section(current - 1)

    def set_highlights(self, index: int, highlights: Highlights | None) -> None:
        """Highlight ranges in section ``index``; only that section is rendered again.

        Args:
            index: The section.
            highlights: Unit number (of the section's own parse) -> ``(start, end,
                style name)`` ranges in the unit's visible text; style names are
                ``match`` and ``current``. None or empty clears them.
        """
        if highlights:
            self._highlights[index] = highlights
        else:
            self._highlights.pop(index, None)
        self._highlight_versions[index] = self._highlight_versions.get(index, 0) + 1
        self.refresh()

    def clear_highlights(self) -> None:
        """Remove every highlight."""
        for index in list(self._highlights):
            self.set_highlights(index, None)

    def set_highlight_source(self, source: HighlightSource | None) -> None:
        """Ask ``source`` for the highlights of each section as it is rendered.

        The search cannot afford to find the matches of every section of a large
        document to paint the few on screen: the pane asks for the sections it
        renders, and only those. Highlights set with :meth:`set_highlights` win.
        """
        self._highlight_source = source
        self.refresh_highlights()

    def refresh_highlights(self, sections: Iterable[int] | None = None) -> None:
        """The highlight source changed its answer: render these sections again (None: all)."""
        if sections is None:
            self._highlight_generation += 1
        else:
            for index in sections:
                self._highlight_versions[index] = self._highlight_versions.get(index, 0) + 1
        self.refresh()

    def scroll_to_current(self, index: int, unit: int) -> None:
        """Bring the ``current`` highlight of section ``index`` (in ``unit``) into view.

        Nothing moves when it is already on screen. Otherwise its block goes to the
        top, or, when the block is taller than the pane, the highlight's line does
        (with a little context above it), so a match deep in a long paragraph shows.
        """
        rendered = self._jump_target(index, unit)
        if rendered is None:
            return
        block = _block_line(rendered, unit)
        line = block if rendered.current_line is None else rendered.current_line
        top = round(self.scroll_y)
        page = self._page_height()
        if not top <= self._starts[index] + line < top + page:
            self._scroll_top(index, block if line - block < page - 1 else line - _CONTEXT_LINES)

    def _jump_target(self, index: int, unit: int | None) -> _Rendered | None:
        """Section ``index`` rendered for a jump to it, or None.

        None when there is no such section, or no layout yet: then the jump is made
        as soon as there is one.
        """
        if not 0 <= index < self._count:
            return None
        if not self._layout():
            self._pending_jump = (index, unit)
            return None
        return self._rendered(index)

    def _scroll_top(self, index: int, offset: int) -> None:
        """Put line ``offset`` of section ``index`` at the top of the pane."""
        top = self._starts[index] + offset
        self._fill(top, top + self._page_height())
        self._update_virtual_size()
        self.scroll_to(y=self._starts[index] + offset, animate=False, immediate=True)
        self._report()

    @property
    def place(self) -> tuple[int, int]:
        """``(section, offset)``: the section at the top and how many of its lines are above."""
        index = self.current_section
        if index < 0 or not self._width:
            return max(index, 0), 0
        return index, max(0, round(self.scroll_y) - self._starts[index])

    def scroll_to_place(self, index: int, offset: int) -> None:
        """Put line ``offset`` of section ``index`` at the top (a place left earlier)."""
        rendered = self._jump_target(index, None)
        if rendered is not None:
            self._scroll_top(index, min(offset, max(0, len(rendered.strips) - 1)))

    def on_click(self, event: Click) -> None:
        """A click on a link follows it (the app decides how, as for ``L``)."""
        href = self.get_style_at(event.x, event.y).meta.get(LINK_META)
        if isinstance(href, str):
            event.stop()
            self.post_message(LinkClicked(href))

    # ----------------------------------------------------------------- actions

    def action_scroll_home(self) -> None:
        """Go to the top of the document (a jump: the place left is kept for going back)."""
        self.post_message(Leaving(*self.place))
        if self._count:
            # At once, not animated: an animation through a 20 MB document renders
            # sections all the way up (a second for ``g`` after ``G``).
            self.scroll_to_place(0, 0)

    def action_scroll_end(self) -> None:
        """Show the end of the document: the last sections are rendered first, so it is exact.

        While a big document's rest is being read, the end of what is read is shown,
        and the real end as soon as the whole document is in.
        """
        self.post_message(Leaving(*self.place))
        if self.more_to_come and not self._end_wanted:
            self._end_wanted = True
            self.notify("Going to the end once the rest of the document is read.", timeout=2)
        if not self._layout():
            return
        filled = 0
        index = self._count - 1
        while index >= 0 and filled < self._page_height():
            self._rendered(index)
            filled += self._heights[index]
            index -= 1
        self._update_virtual_size()
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
        self._report()

    def action_parent_section(self) -> None:
        """Jump to the parent of the current section."""
        current = self.current_section
        if current >= 0:
            parent = self.document.sections[current].parent
            if parent is not None:
                self.scroll_to_section(parent)

    # ----------------------------------------------------------------- Textual hooks

    def notify_style_update(self) -> None:
        """The styles were updated: drop what was rendered only if the palette changed.

        Textual calls this on every style update, the first layout included, and most
        change nothing the text is drawn with: dropping the cache each time rendered
        the first screen twice.
        """
        super().notify_style_update()
        if self._palette is None:
            return  # nothing rendered with a palette yet
        palette = self._build_palette()
        if palette != self._palette:
            self._palette = palette
            self._style_version += 1
            self._cache.clear()

    def on_resize(self, event: Resize) -> None:
        """Lay the document out again at the new width, keeping the top line in place."""
        self._layout()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Tell the app where the reader is after every scroll."""
        super().watch_scroll_y(old_value, new_value)
        self._report()

    def render_lines(self, crop: Region) -> list[Strip]:
        """Render the sections on screen (if not cached) before drawing lines."""
        if self._layout():
            top = round(self.scroll_y)
            self._fill(top, top + self._page_height())
            self._update_virtual_size()
            self._report()
            if not self._margin_scheduled:
                self._margin_scheduled = True
                self.call_after_refresh(self._render_margin)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """One line of the pane, from the cached strips of the section it falls in."""
        width = self.scrollable_content_region.width
        style = self.rich_style
        line = round(self.scroll_y) + y
        if not self._count or self._width <= 0 or line >= self._starts[-1]:
            return Strip.blank(width, style)
        index = self._section_at(line)
        strips = self._rendered(index).strips
        offset = line - self._starts[index]
        if offset >= len(strips):
            return Strip.blank(width, style)
        return strips[offset].crop_extend(0, width, style).apply_style(style)

    # ----------------------------------------------------------------- layout

    def _page_height(self) -> int:
        return max(1, self.scrollable_content_region.height)

    def _layout(self) -> bool:
        """Make sure the layout matches the pane's width; False when it has no size yet."""
        width = min(self.scrollable_content_region.width, MEASURE)
        if width <= 0:
            return False
        if width == self._width:
            return True
        anchor = self.current_section if self._width else -1
        at_end = bool(self._width) and 0 < self.max_scroll_y <= round(self.scroll_y)
        within = 0.0
        if anchor >= 0 and self._heights[anchor]:
            within = (self.scroll_y - self._starts[anchor]) / self._heights[anchor]
        self._width = width
        self._heights = [
            self._known.get((index, width)) or self._estimate(index, width)
            for index in range(self._count)
        ]
        self._starts = [0, *accumulate(self._heights)]
        self._update_virtual_size()
        if self._pending_jump is not None:
            index, unit = self._pending_jump
            self._pending_jump = None
            self.scroll_to_section(index, unit)
        elif at_end:
            self.action_scroll_end()
        elif anchor >= 0:
            top = self._starts[anchor] + int(within * self._heights[anchor])
            self.scroll_to(y=top, animate=False, immediate=True)
        return True

    def _estimate(self, index: int, width: int) -> int:
        """A guess at a section's height: its source lines wrapped at ``width``."""
        section = self.document.sections[index]
        lengths = self._line_lengths[section.start_line - 1 : section.end_line]
        lines = sum((length + width - 1) // width or 1 for length in lengths)
        extra = 2 if 0 < section.level <= _HEADING_RULE_LEVELS else 1
        if index == 0 and self.document.front_matter:
            extra += len(self.document.front_matter) + 1
        return max(1, lines + extra)

    def _section_at(self, line: int) -> int:
        return max(0, min(self._count - 1, bisect_right(self._starts, line) - 1))

    def _fill(self, top: int, bottom: int) -> None:
        """Render every section that shows between lines ``top`` and ``bottom``."""
        for _ in range(self._count):
            first = self._section_at(top)
            last = self._section_at(max(top, bottom - 1))
            pending = [
                index for index in range(first, last + 1) if (index, self._width) not in self._known
            ]
            if not pending:
                return
            for index in pending:
                self._rendered(index)

    def _render_margin(self) -> None:
        """After a frame, render one more section within a page below or above the screen.

        One section per call, then the next call is queued behind any waiting input, so
        paging on finds its text ready and a key press never waits for the whole margin.
        """
        self._margin_scheduled = False
        if not self._count or self._width <= 0:
            return
        page = self._page_height()
        top = round(self.scroll_y)
        below = range(self._section_at(top + page), self._section_at(top + 2 * page) + 1)
        above = range(self._section_at(top) - 1, self._section_at(max(0, top - page)) - 1, -1)
        animating = self.app.animator.is_being_animated(self, "scroll_y")
        candidates = [*below, *([] if animating else above)]
        for index in candidates:
            if 0 <= index < self._count and (index, self._width) not in self._known:
                self._rendered(index)
                self._update_virtual_size()
                self._margin_scheduled = True
                self.call_later(self._render_margin)
                return

    def _set_height(self, index: int, height: int) -> None:
        """Record a section's real height and shift the sections after it."""
        self._known[(index, self._width)] = height
        delta = height - self._heights[index]
        if not delta:
            return
        self._heights[index] = height
        top_line = round(self.scroll_y)
        above = self._starts[index + 1] <= top_line
        self._starts[index + 1 :] = [start + delta for start in self._starts[index + 1 :]]
        if above:
            # A section above the top line changed size: keep the text on screen still.
            self._update_virtual_size()
            self.scroll_to(y=top_line + delta, animate=False, immediate=True)

    def _update_virtual_size(self) -> None:
        total = self._starts[-1]
        last = self._heights[-1] if self._count else 0
        room = max(0, self._page_height() - last)
        self.virtual_size = Size(self._width, total + room)

    def _report(self) -> None:
        """Post the reading position soon, from this widget's own message loop.

        A message created while the screen is rendering would name the screen as its
        sender, and Textual stops such a message at the screen: it would never reach
        the app.
        """
        self.call_later(self._post_position)

    def _post_position(self) -> None:
        position = (self.current_section, self.percent)
        if position != self._reported:
            self._reported = position
            self.post_message(ReadingPosition(*position))

    # ----------------------------------------------------------------- rendering

    def _rendered(self, index: int) -> _Rendered:
        """Section ``index`` rendered at the current width (from the cache when possible)."""
        key = (
            index,
            self._width,
            self._style_version,
            self._highlight_generation,
            self._highlight_versions.get(index, 0),
        )
        rendered = self._cache.get(key)
        if rendered is None:
            rendered = self._render_section(index)
            self._cache.set(key, rendered)
            if self._known.get((index, self._width)) != len(rendered.strips):
                self._set_height(index, len(rendered.strips))
        return rendered

    def _render_section(self, index: int) -> _Rendered:
        console = self.app.console
        width = self._width
        options = console.options.update(width=width, highlight=False, markup=False)
        palette = self._get_palette()
        blank = Strip.blank(width)
        strips: list[Strip] = []

        def add(renderable: object) -> None:
            for line in console.render_lines(renderable, options, pad=True):  # type: ignore[arg-type]
                strips.append(Strip(line, width))

        section = self.document.sections[index]
        header = front_matter_renderable(self.document, palette) if index == 0 else None
        # Metadata reads as a byline under the title when the document opens with its
        # title heading (a repaired scraped article); above a preamble otherwise.
        under_title = header is not None and section.level > 0
        if header is not None and not under_title:
            add(header)
            strips.append(blank)
        parts: list[tuple[int, int, int]] = []
        highlights = self._highlights.get(index)
        if highlights is None and self._highlight_source is not None:
            highlights = self._highlight_source(index)
        for position, part in enumerate(section_parts(self.document, section, palette, highlights)):
            if position:
                strips.append(blank)
            parts.append((part.first_unit, part.end_unit, len(strips)))
            add(part.renderable)
            if under_title and position == 0:
                strips.append(blank)
                add(header)
        strips.append(blank)
        current = None
        if highlights and any(
            name == "current" for spans in highlights.values() for *_, name in spans
        ):
            current = _marked_line(strips)
        return _Rendered(strips, parts, current)

    def _get_palette(self) -> Palette:
        """The theme's styles, read from this widget's component classes."""
        if self._palette is None:
            self._palette = self._build_palette()
        return self._palette

    def _build_palette(self) -> Palette:
        # Full styles, not partial ones: theme colours such as $text-muted have an
        # alpha channel that only the full style blends with the background.
        styles = {name: self.get_component_rich_style(f"reading--{name}") for name in STYLE_NAMES}
        styles["current"] += Style.from_meta({_CURRENT_MARK: True})
        code_block = self.get_component_rich_style("reading--code-block")
        background = code_block.bgcolor.get_truecolor().hex if code_block.bgcolor else None
        return palette_from(
            styles,
            syntax_theme="monokai" if self.app.current_theme.dark else "friendly",
            code_background=background,
        )


def _block_line(rendered: _Rendered, unit: int) -> int:
    """The first line of the top-level block holding text unit ``unit`` (0 if none does)."""
    return next((line for first, end, line in rendered.parts if first <= unit < end), 0)


def _marked_line(strips: list[Strip]) -> int | None:
    """The first line with a segment in the ``current`` highlight's style."""
    for number, strip in enumerate(strips):
        for segment in strip:
            style = segment.style
            if style is not None and style.meta.get(_CURRENT_MARK):
                return number
    return None
