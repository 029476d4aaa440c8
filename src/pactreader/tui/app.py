"""The reader: an outline pane beside the reading pane, with a title and a status line.

The app owns the state (which section is current, whether the outline shows) and
wires the panes together through messages: the reading pane reports where the reader
is, the outline asks for sections to be opened. Key bindings carry descriptions and
ids; the help screen and the command palette are generated from them.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import partial, wraps
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar, cast

from rich.text import Text
from textual import events, on, work
from textual.app import App, ComposeResult, ScreenStackError, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.dom import DOMNode
from textual.events import Resize
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input

from pactreader.common.safety import safe_line, safe_title, strip_controls
from pactreader.parse.document import Document, Section
from pactreader.render.text import DEFAULT_WIDTH
from pactreader.state import load_state, save_state
from pactreader.tui.footer import FittedFooter
from pactreader.tui.history import History, Place
from pactreader.tui.messages import (
    DocumentLoaded,
    DocumentLoadFailed,
    HighlightsChanged,
    Leaving,
    LinkClicked,
    MatchCountsChanged,
    OpenSection,
    OutlineFilterClosed,
    OutlineResized,
    ReadingPosition,
    SearchClosed,
    SearchSubmitted,
    ShowMatch,
)
from pactreader.tui.outline_filter import OutlineColumn
from pactreader.tui.outline_pane import OutlinePane
from pactreader.tui.palette import ReaderPalette, SectionCommands
from pactreader.tui.reading_pane import MEASURE, ReadingPane
from pactreader.tui.search_bar import SearchBar
from pactreader.tui.status_bar import StatusBar, TitleBar

if TYPE_CHECKING:
    from pactreader.render.export import ExportFormat
    from pactreader.tui.export_dialog import ExportRequest
    from pactreader.tui.help_screen import BindingGroup

# Exporting, the dialogs and the help are imported when first used: the first screen
# does not wait for them.


_Handler = TypeVar("_Handler", bound=Callable[..., None])


def _while_open(handler: _Handler) -> _Handler:
    """Let a pane's message through only while the panes are there.

    A message can still be in the app's queue when the app closes (``q`` pressed as a
    search step or the whole document arrives): by the time it is handled, the panes
    its handler would reach for are gone, and it is dropped instead.
    """

    @wraps(handler)
    def guarded(app: ReaderApp, *args: object) -> None:
        try:
            app.query_one("#reading")
        except (NoMatches, ScreenStackError):
            return
        handler(app, *args)

    return cast(_Handler, guarded)


NARROW_WIDTH = 80
"""Below this many columns the outline starts hidden (``o`` shows it)."""

OUTLINE_MIN = 16
"""The narrowest the outline pane gets (border included)."""

READING_MIN = 36
"""The narrowest the reading pane gets beside the outline."""

READING_WANTS = MEASURE + 6
"""The reading pane's width at its full measure: text, padding and scrollbar."""

OUTLINE_SHARE = 0.32
"""The outline's share of a terminal too narrow to give the reading pane its measure."""

OUTLINE_STEP = 4
"""Cells ``<`` and ``>`` take from or give to the outline."""


def outline_width(screen: int, chosen: int | None) -> int:
    """The outline pane's width on a ``screen`` cells wide terminal.

    The user's width (``<``, ``>``, a drag) when there is one; otherwise the reading
    pane keeps its full measure and the rest goes to the outline, which takes at least
    its share of a narrower terminal. Either way both panes keep a useful width.
    """
    wanted = chosen or max(round(screen * OUTLINE_SHARE), screen - READING_WANTS)
    return max(OUTLINE_MIN, min(wanted, screen - READING_MIN))


class ReaderApp(App[None]):
    """Read one document: outline on the left, text on the right."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    """Absolute, so subclasses in other modules (tests, benchmarks) find it too."""
    TITLE = "pactreader"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        *App.COMMANDS,
        SectionCommands,
    }
    """Textual's commands, the key bindings (``get_system_commands``), and the sections."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("o", "toggle_outline", "Outline", id="app.outline"),
        Binding("right_square_bracket", "next_section", "Next section", id="app.next_section"),
        Binding(
            "left_square_bracket",
            "previous_section",
            "Previous section",
            id="app.previous_section",
        ),
        Binding("space", "page_down", "Page down", show=False, id="app.page_down"),
        Binding("b", "page_up", "Page up", show=False, id="app.page_up"),
        Binding("tab", "focus_next", "Switch pane", show=False, id="app.focus_next"),
        Binding(
            "shift+tab", "focus_previous", "Switch pane back", show=False, id="app.focus_previous"
        ),
        Binding(
            "less_than_sign",
            "narrow_outline",
            "Narrow the outline",
            show=False,
            id="app.narrow_outline",
        ),
        Binding(
            "greater_than_sign",
            "widen_outline",
            "Widen the outline",
            show=False,
            id="app.widen_outline",
        ),
        Binding("e", "export", "Export", id="app.export"),
        Binding("y", "copy_text", "Copy as text", show=False, id="app.copy_text"),
        Binding("Y", "copy_markdown", "Copy as Markdown", show=False, id="app.copy_markdown"),
        Binding("L", "links", "Links in this section", show=False, id="app.links"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.command_palette"),
        # Priority: the app takes ``/`` and ``f`` before the key reaches the focused pane,
        # so the input has the focus before the keys typed right after them are passed on
        # (a non-priority binding runs only once the pane has received the key and the
        # keys behind it). ``check_action`` leaves them to any input and dialog. (``f``
        # is below, in the order the help lists the keys.)
        Binding("slash", "search", "Search the text", show=False, priority=True, id="app.search"),
        Binding("n", "next_match", "Next match", show=False, id="app.next_match"),
        Binding("N", "previous_match", "Previous match", show=False, id="app.previous_match"),
        Binding(
            "f",
            "filter_outline",
            "Filter the outline by title",
            show=False,
            priority=True,
            id="app.filter",
        ),
        Binding("escape", "close_search", "Close the search", show=False, id="app.close_search"),
        Binding("backspace,alt+left", "go_back", "Back", show=False, id="app.back"),
        Binding("alt+right", "go_forward", "Forward", show=False, id="app.forward"),
    ]

    show_outline: reactive[bool] = reactive(True)
    """Whether the outline pane is shown."""

    def __init__(
        self,
        document: Document,
        *,
        rest: Callable[[], Document] | None = None,
        files: Sequence[str] = (),
    ) -> None:
        """Read ``document``.

        Args:
            document: The document, or only its opening sections when ``rest`` is given.
            rest: Parses the whole document. It is called in a thread once the
                opening is on screen, and the whole document then takes its place.
            files: Every document named on the command line, ``document`` first:
                Alt+Right goes on to the next one when there is nothing to go forward
                to, and Backspace comes back.
        """
        super().__init__()
        self.document = document
        self.files = tuple(files)
        self._rest = rest
        self._load_failed = False
        self.sub_title = safe_title(document.title)
        self._narrow: bool | None = None
        self.export_format: ExportFormat = "text"
        """The export format chosen last in this session."""
        self.export_width: int = DEFAULT_WIDTH
        """The export wrap width chosen last in this session."""
        self._outline_for_filter = False
        """The outline was shown only for the filter: hide it again when the filter closes."""
        self.history = History()
        """The places jumps left (links, outline choices, search steps, ``g``/``G``, files)."""
        self._search_origin: Place | None = None
        self._state = load_state()
        self._early_keys: list[events.Key] | None = []
        """Keys typed before the first screen, replayed once it is up; None after that."""

    async def on_event(self, event: events.Event) -> None:
        """Hold the keys typed before the first screen, then replay them in order.

        A key that arrives while Textual's placeholder screen is still up reaches no
        pane and no binding: ``q`` or ``G`` typed while a big document loads would be
        lost. They are kept until the app is ready (its panes mounted, the reading
        pane focused) and handled then, before any key typed later.
        """
        early = self._early_keys
        if early is None:
            await super().on_event(event)
        elif isinstance(event, events.Key):
            early.append(event)
        elif isinstance(event, events.Ready):
            await super().on_event(event)
            self._early_keys = None
            for key in early:
                await super().on_event(events.Key(key.key, key.character))
        else:
            await super().on_event(event)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification, the app's and its widgets', as one safe plain-text line.

        Notifications quote titles, file names and error messages: made safe for a
        terminal line (controls as placeholders, no bidi overrides) and never read as
        markup, whatever the caller passed for ``markup``.
        """
        super().notify(
            safe_line(message),
            title=safe_line(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    # ----------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        """Title bar, the two panes side by side, status line, footer."""
        whole = self.document_whole
        yield TitleBar(self.document, whole=whole, id="title")
        with Horizontal(id="panes"):
            yield OutlineColumn(self.document, whole=whole, id="outline-column")
            with Vertical(id="reading-column"):
                yield ReadingPane(self.document, whole=whole, id="reading")
                yield SearchBar(self.document, whole=whole, id="search")
        yield StatusBar(self.document, whole=whole, id="status")
        yield FittedFooter()

    @property
    def document_whole(self) -> bool:
        """Whether :attr:`document` is the whole document (not yet, while a big one loads)."""
        return self._rest is None and not self._load_failed

    def _section_read(self, section: Section) -> Section | None:
        """``section`` in the current document, if all of it has been read; else say why.

        While a big document loads, its last sections read so far may go on past the
        text read: exporting or copying them would silently leave out the rest.
        """
        current = self.document.sections[section.index]
        if self.document_whole or current.subtree_end_line < self.document.line_count:
            return current
        why = "could not be read" if self._load_failed else "is still being read"
        self.notify(
            f"{current.number} {safe_title(current.title)} goes on past what has been read:"
            f" the rest of the document {why}.",
            severity="warning",
            markup=False,
        )
        return None

    @property
    def outline(self) -> OutlinePane:
        """The outline pane."""
        return self.query_one("#outline", OutlinePane)

    @property
    def reading(self) -> ReadingPane:
        """The reading pane."""
        return self.query_one("#reading", ReadingPane)

    @property
    def outline_column(self) -> OutlineColumn:
        """The outline with its title filter."""
        return self.query_one("#outline-column", OutlineColumn)

    @property
    def search_bar(self) -> SearchBar:
        """The search bar under the reading pane."""
        return self.query_one("#search", SearchBar)

    @property
    def status(self) -> StatusBar:
        """The status line."""
        return self.query_one("#status", StatusBar)

    def on_mount(self) -> None:
        """Start in the reading pane, at the top."""
        self.reading.focus()
        self.reading.set_highlight_source(self.search_bar.highlights_for)
        self._fit_outline(self.size.width)

    def on_ready(self) -> None:
        """The first frame is on screen: read the rest of a big document, fill the outline in."""
        self.outline.fill_in()
        if self._rest is not None:
            # A daemon thread rather than a thread worker: the app waits for its
            # workers when it exits, and ``q`` must not wait for a 100 MB parse. (The
            # parse also ends 0.3 s sooner on 20 MB: docs/benchmarks.md.)
            loader = threading.Thread(
                target=self._load_rest, args=(self._rest,), name="pactreader-load", daemon=True
            )
            loader.start()

    def _load_rest(self, rest: Callable[[], Document]) -> None:
        """In the loading thread: parse the whole document; keys work meanwhile.

        The command line wraps ``rest`` in its runtime tuning
        (:func:`pactreader.common.runtime.load_in_background`).
        """
        message: DocumentLoaded | DocumentLoadFailed
        try:
            message = DocumentLoaded(rest())
        except Exception as error:  # Keep reading the opening; say what went wrong.
            message = DocumentLoadFailed(str(error) or type(error).__name__)
        self.post_message(message)  # thread-safe; dropped if the app has exited

    @on(DocumentLoaded)
    @_while_open
    def _document_loaded(self, message: DocumentLoaded) -> None:
        """The whole document takes the opening's place in every pane."""
        if message.document.source != self.document.source:
            return  # the reader followed a link to another document meanwhile
        self._replace_document(message.document)

    def _replace_document(self, document: Document) -> None:
        """Show ``document`` in every pane.

        The search bar first: the reading pane paints the new document at once and
        asks the search for its highlights.
        """
        title = self.query_one("#title", TitleBar)
        self.document = document
        self._rest = None
        self.sub_title = safe_title(document.title)
        title.set_document(document)
        self.search_bar.set_document(document)
        self.outline_column.set_document(document)
        self.reading.set_document(document)
        status = self.status
        status.set_document(document)
        status.percent = self.reading.percent  # not the opening's, even for a frame

    @on(DocumentLoadFailed)
    @_while_open
    def _document_load_failed(self, message: DocumentLoadFailed) -> None:
        """Keep the opening, say that the rest could not be read."""
        title = self.query_one("#title", TitleBar)
        self._rest = None
        self._load_failed = True
        title.failed = True
        self.reading.more_to_come = False
        self.status.whole = True
        self.notify(
            f"Could not read the rest of the document: {message.error}",
            severity="error",
            markup=False,
            timeout=10,
        )

    def on_resize(self, event: Resize) -> None:
        """Hide the outline on narrow terminals, show it again on wide ones."""
        self._fit_outline(event.size.width)

    def _fit_outline(self, width: int) -> None:
        narrow = width < NARROW_WIDTH
        if narrow != self._narrow:
            self._narrow = narrow
            self.show_outline = not narrow
        self.outline_column.styles.width = outline_width(width, self._state.outline_width)

    def set_outline_width(self, width: int, *, remember: bool = True) -> None:
        """Make the outline ``width`` cells wide (within limits) and show it.

        Args:
            width: The width wanted, border included.
            remember: Save it for the next sessions (a drag saves once, when it ends).
        """
        screen = self.size.width
        width = outline_width(screen, max(OUTLINE_MIN, width))
        self._state = replace(self._state, outline_width=width)
        self.outline_column.styles.width = width
        self.show_outline = True
        if remember:
            save_state(self._state)

    def action_narrow_outline(self) -> None:
        """Narrow the outline pane; the reading pane takes the room (remembered)."""
        self._resize_outline(-OUTLINE_STEP)

    def action_widen_outline(self) -> None:
        """Widen the outline pane; the reading pane gives up the room (remembered)."""
        self._resize_outline(OUTLINE_STEP)

    def _resize_outline(self, step: int) -> None:
        if not self.show_outline:
            self.show_outline = True  # first show it as it was
            return
        self.set_outline_width(self.outline_column.outer_size.width + step)

    @on(OutlineResized)
    @_while_open
    def _outline_dragged(self, message: OutlineResized) -> None:
        self.set_outline_width(message.width, remember=message.done)

    def watch_show_outline(self, show: bool) -> None:
        """Show or hide the outline; never leave the focus in a hidden pane."""
        outline = self.outline
        column = self.outline_column
        if not show:
            column.close_filter()
        column.display = show
        outline.display = show
        if show:
            outline.show_section(self.reading.current_section)
        elif outline.has_focus:
            self.reading.focus()

    # ----------------------------------------------------------------- messages

    @on(ReadingPosition)
    @_while_open
    def _position_changed(self, message: ReadingPosition) -> None:
        status = self.status
        moved = message.section != status.section
        status.section = message.section
        status.percent = message.percent
        # The outline's cursor follows the reader to another section, not every change
        # of the percentage (the user may be moving the cursor in the outline).
        if self.show_outline and moved:
            self.outline.show_section(message.section)

    @on(OpenSection)
    @_while_open
    def _open_section(self, message: OpenSection) -> None:
        self._record()
        self.reading.scroll_to_section(message.section)

    @on(Leaving)
    @_while_open
    def _leaving(self, message: Leaving) -> None:
        self.history.record(Place(self.document.source, message.section, message.offset))

    # ----------------------------------------------------------------- history

    @property
    def place(self) -> Place:
        """Where the reader is now."""
        return Place(self.document.source, *self.reading.place)

    def _record(self) -> None:
        """A jump is about to leave the current place: keep it for going back."""
        self.history.record(self.place)

    def action_go_back(self) -> None:
        """Go back to where the last jump started."""
        self._go(self.history.go_back(self.place), "Nothing to go back to.")

    def action_go_forward(self) -> None:
        """Go forward again after going back; else on to the next file named."""
        place = self.history.go_forward(self.place)
        following = self._next_file()
        if place is None and following is not None:
            left = self.place
            if self._open_document(following):
                self.history.record(left)
                self.reading.scroll_to_place(0, 0)
            return
        self._go(place, "Nothing to go forward to.")

    def _next_file(self) -> str | None:
        """The file named after the current document on the command line, if any."""
        if self.document.source not in self.files:
            return None
        position = self.files.index(self.document.source) + 1
        return self.files[position] if position < len(self.files) else None

    def _go(self, place: Place | None, nowhere: str) -> None:
        if place is None:
            self.notify(nowhere, timeout=2)
            return
        if place.source != self.document.source and not self._open_document(place.source):
            return
        self.reading.scroll_to_place(place.section, place.offset)

    def _open_document(self, source: str) -> bool:
        """Show the document at ``source`` in place of this one; False (with a notice) if not."""
        from pactreader.common.errors import PactreaderError
        from pactreader.pipeline import load_document

        try:
            document = load_document(source)
        except PactreaderError as error:
            self.notify(f"Could not open it: {error}", severity="error", markup=False)
            return False
        self.search_bar.action_close()
        self.outline_column.close_filter()
        self._load_failed = False
        self.query_one("#title", TitleBar).failed = False
        self._replace_document(document)
        return True

    @on(HighlightsChanged)
    @_while_open
    def _highlights_changed(self, message: HighlightsChanged) -> None:
        self.reading.refresh_highlights(message.sections)

    @on(ShowMatch)
    @_while_open
    def _show_match(self, message: ShowMatch) -> None:
        self.reading.scroll_to_current(message.section, message.unit)

    @on(MatchCountsChanged)
    @_while_open
    def _match_counts_changed(self, message: MatchCountsChanged) -> None:
        for pane in self.query(OutlinePane):
            pane.set_match_counts(message.counts, message.sections)

    @on(SearchClosed)
    @_while_open
    def _search_closed(self, message: SearchClosed) -> None:
        if message.had_focus:
            self.reading.focus()

    @on(SearchSubmitted)
    @_while_open
    def _search_submitted(self, message: SearchSubmitted) -> None:
        origin, self._search_origin = self._search_origin, None
        if origin is not None and origin != self.place:
            self.history.record(origin)  # the search took the reader away from there
        self.reading.focus()

    @on(OutlineFilterClosed)
    @_while_open
    def _filter_closed(self, message: OutlineFilterClosed) -> None:
        if self._outline_for_filter:
            self._outline_for_filter = False
            self.show_outline = False
        if message.section is not None or not self.show_outline:
            self.reading.focus()
        else:
            self.outline.focus()

    # ----------------------------------------------------------------- actions

    async def action_quit(self) -> None:
        """Quit at once: no more sections go into the outline meanwhile.

        A big document's outline fills in by steps, each laying out the whole tree
        again; left running, the steps still queued held the exit for seconds (13 s
        with 10^6 headings).
        """
        for pane in self.query(OutlinePane):
            pane.stop_filling()
        await super().action_quit()

    def action_next_section(self) -> None:
        """Jump to the next section."""
        self.reading.next_section()

    def action_previous_section(self) -> None:
        """Jump to the start of this section, or to the previous one."""
        self.reading.previous_section()

    def action_page_down(self) -> None:
        """Page the reading pane down, from either pane."""
        self.reading.action_page_down()

    def action_page_up(self) -> None:
        """Page the reading pane up, from either pane."""
        self.reading.action_page_up()

    def action_toggle_outline(self) -> None:
        """Show or hide the outline."""
        self.show_outline = not self.show_outline

    @property
    def current_section(self) -> Section | None:
        """The section at the top of the reading pane (None for an empty document)."""
        sections = self.document.sections
        return sections[self.reading.current_section] if sections else None

    @work(exclusive=True, group="export")
    async def action_export(self) -> None:
        """Export the current section to a file: ask where and how, never overwrite silently.

        A failed write (no such folder, a name too long, a full disk, a device) is
        reported and the dialog comes back with what the user typed, to fix it.
        """
        from pactreader.output import NAME_MAX, fit_name
        from pactreader.tui.export_dialog import SUFFIXES, ExportDialog

        section = self.current_section
        if section is None:
            self.notify("Nothing to export: the document is empty.", severity="warning")
            return
        heading = f"{section.number} {safe_title(section.title)}"
        # A long heading's slug would make a default name the file system refuses.
        stem = fit_name(section.slug, NAME_MAX - max(map(len, SUFFIXES.values())))
        path: Path | None = None
        while True:
            request = await self.push_screen_wait(
                ExportDialog(heading, stem, self.export_format, self.export_width, path=path)
            )
            if request is None:
                return
            self.export_format, self.export_width = request.format, request.width
            failure = await self._export_to(section, request)
            if failure is None:
                return
            self.notify(f"Export failed: {failure}", severity="error", timeout=8)
            path = request.path

    async def _export_to(self, section: Section, request: ExportRequest) -> str | None:
        """Write ``section`` as ``request`` asks; why it failed, or None (done or declined)."""
        from pactreader.common.errors import PactreaderError, os_reason
        from pactreader.output import write_atomic
        from pactreader.render.export import export_section
        from pactreader.render.text import TextStyle
        from pactreader.tui.confirm_dialog import ConfirmDialog

        read = self._section_read(section)  # the whole document may have come meanwhile
        if read is None:
            return None
        shown = safe_line(str(request.path))
        try:
            overwrite = False
            if os.path.lexists(request.path) and not request.path.is_dir():
                overwrite = await self.push_screen_wait(
                    ConfirmDialog(f"{shown} already exists. Overwrite it?")
                )
                if not overwrite:
                    self.notify(f"Not exported: {shown} left unchanged.")
                    return None
            text = export_section(self.document, read, request.format, TextStyle(request.width))
            written = write_atomic(request.path, text.encode("utf-8"), overwrite=overwrite)
        except PactreaderError as error:
            return str(error)
        except OSError as error:
            return f"{shown}: {os_reason(error)}"
        self.notify(f"Exported {read.number} to {written}", title="Exported")
        return None

    @work(exclusive=True, group="links")
    async def action_links(self) -> None:
        """List the current section's links and follow the one picked.

        ``#anchor`` jumps within the document; a relative path opens that document
        here (``#anchor`` on it too); http, https and mailto open in a browser after a
        confirmation. Any other scheme (javascript:, file:, data:...) is refused with a
        notice, whatever the user picks.
        """
        from pactreader.parse.blocks import section_blocks
        from pactreader.parse.links import absolute_links, block_links
        from pactreader.tui.links_dialog import LinksDialog

        section = self.current_section
        links = (
            block_links(section_blocks(self.document, section, subtree=False)) if section else []
        )
        base = self._page_url()
        if base is not None:
            links = absolute_links(links, base)
        if section is None or not links:
            self.notify("This section has no links.")
            return
        heading = f"{section.number} {safe_title(section.title)}"
        link = await self.push_screen_wait(LinksDialog(heading, links))
        if link is not None:
            await self._follow(link.href)

    @on(LinkClicked)
    @_while_open
    def _link_clicked(self, message: LinkClicked) -> None:
        self._follow_clicked(message.href)

    @work(exclusive=True, group="links")
    async def _follow_clicked(self, href: str) -> None:
        """A click on a link in the text: followed as if picked with ``L``."""
        from pactreader.parse.links import Link, absolute_links

        base = self._page_url()
        if base is not None:
            href = absolute_links([Link(href, href)], base)[0].href
        await self._follow(href)

    def _page_url(self) -> str | None:
        """A web page's own URL: its relative links point into its site, not beside it."""
        base = (self.document.front_matter or {}).get("url")
        return base if self.document.format == "html" and isinstance(base, str) else None

    async def _follow(self, href: str) -> None:
        """Follow ``href`` (in a worker: a web link waits for the confirmation)."""
        from pactreader.parse.anchors import link_kind
        from pactreader.render.url_text import url_text
        from pactreader.tui.confirm_dialog import ConfirmDialog

        shown = safe_title(href)
        kind = link_kind(href)
        if kind == "anchor":
            self._follow_anchor(href[1:])
        elif kind == "document":
            self._follow_document(href)
        elif kind == "refused":
            self.notify(
                f"Refused to open {shown}: only http, https and mailto links open.",
                severity="warning",
                markup=False,
            )
        elif await self.push_screen_wait(
            ConfirmDialog(Text.assemble("Open ", url_text(href), " in your browser?"), "Open")
        ):
            self.open_url(href)
            self.notify(f"Opened {shown}", markup=False)

    def _follow_anchor(self, fragment: str, *, record: bool = True) -> None:
        """Jump to ``#fragment`` in this document: a heading's slug or an ``<a id>``."""
        from pactreader.parse.anchors import find_anchor
        from pactreader.search.visible import section_units

        anchor = find_anchor(self.document, fragment)
        if anchor is None:
            self.notify(
                f"No section or anchor named #{safe_title(fragment)} in this document.",
                severity="warning",
                markup=False,
            )
            return
        if record:
            self._record()
        units = section_units(self.document, anchor.section)
        inside = [unit for unit in units if 0 < unit.line <= anchor.line]
        unit = inside[-1].number if inside and anchor.line > units[0].line else None
        self.reading.scroll_to_section(anchor.section, unit)

    def _follow_document(self, href: str) -> None:
        """Open the document a relative link names, at its ``#anchor`` if it has one."""
        from pactreader.parse.anchors import document_link

        target = document_link(self.document.source, href)
        if target is None:
            self.notify(
                f"Cannot open {safe_title(href)}: this document has no folder to look in.",
                severity="warning",
                markup=False,
            )
            return
        path, fragment = target
        left = self.place
        if not self._open_document(str(path)):
            return
        self.history.record(left)
        if fragment:
            self._follow_anchor(fragment, record=False)
        else:
            self.reading.scroll_to_place(0, 0)

    def action_copy_text(self) -> None:
        """Copy the current section as plain text to the clipboard (OSC 52)."""
        self._copy("text", "plain text")

    def action_copy_markdown(self) -> None:
        """Copy the current section's Markdown source to the clipboard (OSC 52)."""
        self._copy("markdown", "Markdown")

    def _copy(self, format: ExportFormat, label: str) -> None:
        from pactreader.render.export import export_section

        section = self.current_section
        if section is None:
            self.notify("Nothing to copy: the document is empty.", severity="warning")
            return
        section = self._section_read(section)
        if section is None:
            return
        # Controls never reach the clipboard: pasted into a shell, ``ESC [201~`` would
        # end bracketed paste and run what follows (tab and newline are kept).
        self.copy_to_clipboard(strip_controls(export_section(self.document, section, format)))
        self.notify(
            f"Copied {section.number} {safe_title(section.title)} as {label}"
            f" ({section.words:,} words)",
            markup=False,
        )

    def action_search(self) -> None:
        """Open the search bar: matches are found as you type."""
        self._search_origin = self.place
        self.search_bar.open(self.reading.top_unit)

    def action_next_match(self) -> None:
        """Go to the next match of the search."""
        self._record()
        self._step(backward=False)

    def action_previous_match(self) -> None:
        """Go to the previous match of the search."""
        self._record()
        self._step(backward=True)

    def _step(self, *, backward: bool) -> None:
        bar = self.search_bar
        session = bar.session
        current = session.current if session is not None else None
        visible = self.reading.visible_sections
        # Scrolled away from the current match: look from what is on screen instead.
        away = current is not None and current.section not in visible
        bar.step(backward=backward, start=self.reading.top_unit if away else None)

    def action_filter_outline(self) -> None:
        """Filter the outline by title as you type."""
        if not self.show_outline:
            self._outline_for_filter = True
            self.show_outline = True
        self.outline_column.open_filter()

    def action_close_search(self) -> None:
        """Close the search bar and clear the highlights."""
        self.search_bar.action_close()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Esc closes the search only while there is one: otherwise the key is free.

        ``/`` and ``f`` are the reader's only while no input has the focus and no dialog
        is open: typed into an input (a regex, a path) they are text.
        """
        if action == "close_search":
            return self.search_bar.active
        if action in ("search", "filter_outline"):
            return not self.screen.is_modal and not isinstance(self.focused, Input)
        return True

    def action_help(self) -> None:
        """Show every key binding."""
        from pactreader.tui.help_screen import HelpScreen

        self.push_screen(HelpScreen(self.binding_groups()))

    # ----------------------------------------------------------------- help and palette

    def binding_groups(self) -> list[BindingGroup]:
        """The bindings by where they work, the focused pane's first."""
        from pactreader.tui.help_screen import BindingGroup

        panes = [
            (self.outline, BindingGroup("In the outline", OutlinePane.BINDINGS)),
            (self.reading, BindingGroup("In the reading pane", ReadingPane.BINDINGS)),
        ]
        focused = [group for pane, group in panes if pane.has_focus]
        others = [group for pane, group in panes if not pane.has_focus]
        return [
            *focused,
            BindingGroup("Anywhere", self.BINDINGS),
            *others,
            BindingGroup("In the search bar", SearchBar.BINDINGS),
            BindingGroup("In the outline filter", OutlineColumn.BINDINGS),
        ]

    def action_command_palette(self) -> None:
        """Open the command palette (see :class:`~pactreader.tui.palette.ReaderPalette`)."""
        if self.use_command_palette and not isinstance(self.screen, ReaderPalette):
            self.push_screen(ReaderPalette(id="--command-palette"))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands, every action bound to a key, and a jump to each section."""
        from pactreader.tui.help_screen import binding_rows

        yield from super().get_system_commands(screen)
        if not screen.query("#reading"):
            return  # Opened over another screen (the help): only Textual's commands.
        targets: list[tuple[DOMNode, list[BindingType]]] = [
            (self, self.BINDINGS),
            (self.reading, ReadingPane.BINDINGS),
            (self.outline, OutlinePane.BINDINGS),
        ]
        seen: set[str] = {"command_palette"}
        for target, bindings in targets:
            for row in binding_rows(bindings, self.get_key_display):
                if row.action in seen:
                    continue
                seen.add(row.action)
                yield SystemCommand(
                    row.description,
                    f"Keys: {row.keys}",
                    partial(self.run_action, row.action, target),
                )
        # "Go to" a section: pactreader.tui.palette.SectionCommands, built lazily.
