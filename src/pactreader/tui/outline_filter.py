"""The outline column: the outline, and the filter ``f`` opens above it.

Typing in the filter shows, in place of the outline, a second outline pane with only
the sections whose titles match (fuzzily, like the command palette) and their
ancestors. Up/Down move among them, Enter opens the one under the cursor and brings
the whole outline back, Esc brings it back without moving. The full outline is never
rebuilt: it is hidden while the filter shows, so restoring it costs nothing even
with twenty thousand sections.

Matching runs in a thread worker (a large document has tens of thousands of titles
and the matcher is pure Python); each keystroke cancels the previous run.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.events import MouseDown, MouseMove, MouseUp
from textual.widgets import Input, Label
from textual.worker import get_current_worker

from pactreader.parse.document import Document
from pactreader.tui.messages import (
    FilterResults,
    OpenSection,
    OutlineFilterClosed,
    OutlineResized,
)
from pactreader.tui.outline_pane import OutlinePane
from pactreader.tui.title_filter import filter_titles

_FILTER_ACTIONS = frozenset({"close_filter", "filter_down", "filter_up", "choose"})


class OutlineColumn(Vertical):
    """The outline pane, with a title filter that can replace it for a while."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: the filter input would take Enter as "submit" first.
        Binding("enter", "choose", "Open section", priority=True, id="filter.open"),
        Binding("escape", "close_filter", "Close filter", id="filter.close"),
        Binding("down", "filter_down", "Next title", show=False, id="filter.down"),
        Binding("up", "filter_up", "Previous title", show=False, id="filter.up"),
    ]

    DEFAULT_CSS = """
    OutlineColumn {
        & > #outline-filter { display: none; margin: 0 1; }
        & > #outline-filter-status { display: none; width: 1fr; padding: 0 1; color: $text-muted; }
        & > #outline-filtered { display: none; }
    }
    """

    def __init__(self, document: Document, *, whole: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document = document
        self._whole = whole
        self._filtering = False

    _dragging = False
    """The mouse button went down on the right edge and is still down."""

    def on_mouse_down(self, event: MouseDown) -> None:
        """A press on the right edge (the divider) starts a drag that resizes the column."""
        if event.button == 1 and event.x >= self.outer_size.width - 1:
            self._dragging = True
            self.capture_mouse()
            event.stop()

    def on_mouse_move(self, event: MouseMove) -> None:
        if self._dragging:
            self.post_message(OutlineResized(event.screen_x + 1, done=False))
            event.stop()

    def on_mouse_up(self, event: MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()
            self.post_message(OutlineResized(event.screen_x + 1, done=True))
            event.stop()

    def compose(self) -> ComposeResult:
        """Filter input and status (hidden), the outline, the filtered outline (hidden)."""
        yield Input(placeholder="filter titles", compact=True, id="outline-filter")
        yield Label("", id="outline-filter-status", markup=False)
        yield OutlinePane(self.document, id="outline", whole=self._whole)
        yield OutlinePane(self.document, id="outline-filtered", empty=True)

    def set_document(self, document: Document) -> None:
        """Show the outline of ``document`` instead; an open filter is applied to it again."""
        self.document = document
        self.outline.set_document(document)
        self.filtered.set_document(document)
        if self._filtering:
            self._apply(self.filter_input.value)

    @property
    def filtering(self) -> bool:
        """Whether the filter is open."""
        return self._filtering

    @property
    def filter_input(self) -> Input:
        """Where the filter text is typed."""
        return self.query_one("#outline-filter", Input)

    @property
    def outline(self) -> OutlinePane:
        """The whole outline."""
        return self.query_one("#outline", OutlinePane)

    @property
    def filtered(self) -> OutlinePane:
        """The outline pane that shows the filter's matches."""
        return self.query_one("#outline-filtered", OutlinePane)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The filter's keys work only while it is open; otherwise they go on to others."""
        if action in _FILTER_ACTIONS:
            return self._filtering
        return True

    # ----------------------------------------------------------------- opening and closing

    def open_filter(self) -> None:
        """Show the filter input, with the focus in it."""
        self._filtering = True
        field = self.filter_input
        field.display = True
        self.query_one("#outline-filter-status", Label).display = True
        self.screen.set_focus(field)  # now: keys typed right after ``f`` are the filter
        field.select_all()
        self._apply(field.value)
        self.refresh_bindings()

    def close_filter(self, section: int | None = None) -> None:
        """Hide the filter and show the whole outline again.

        Args:
            section: The section the user opened from the filter, if any.
        """
        if not self._filtering:
            return
        self._filtering = False
        self.workers.cancel_group(self, "filter")
        field = self.filter_input
        with field.prevent(Input.Changed):
            field.value = ""
        field.display = False
        self.query_one("#outline-filter-status", Label).display = False
        self.filtered.display = False
        self.outline.display = True
        self.refresh_bindings()
        self.post_message(OutlineFilterClosed(section))

    def action_close_filter(self) -> None:
        """Esc: back to the whole outline, nothing opened."""
        self.close_filter()

    # ----------------------------------------------------------------- moving and choosing

    def action_filter_down(self) -> None:
        """Move the cursor to the next title shown."""
        self.filtered.action_cursor_down()

    def action_filter_up(self) -> None:
        """Move the cursor to the previous title shown."""
        self.filtered.action_cursor_up()

    def action_choose(self) -> None:
        """Open the section under the cursor (the best match unless the user moved)."""
        if self.filtered.display:
            self.filtered.action_open()
        else:
            self.close_filter()

    @on(OpenSection)
    def _opened(self, message: OpenSection) -> None:
        """A section chosen in the filtered outline: the filter's job is done."""
        if self._filtering:  # the whole outline is hidden: it came from the filtered one
            self.close_filter(message.section)

    # ----------------------------------------------------------------- filtering

    @on(Input.Changed, "#outline-filter")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._apply(event.value)

    def _apply(self, text: str) -> None:
        if not text:
            self.workers.cancel_group(self, "filter")
            self.filtered.display = False
            self.outline.display = True
            self._show_status(f"{len(self.document.sections):,} sections")
            return
        self._filter(text)

    @work(thread=True, exclusive=True, group="filter")
    def _filter(self, text: str) -> None:
        worker = get_current_worker()
        result = filter_titles(
            self.document, self.outline.titles, text, cancelled=lambda: worker.is_cancelled
        )
        if result is not None and not worker.is_cancelled:
            self.post_message(FilterResults(result))

    @on(FilterResults)
    def _results(self, message: FilterResults) -> None:
        message.stop()
        result = message.result
        if not self._filtering or result.text != self.filter_input.value:
            return
        filtered = self.filtered
        filtered.show_only(result.shown, result.marks, result.best)
        filtered.display = True
        self.outline.display = False
        if not result.matched:
            status = "no title matches"
        elif result.matched > len(result.marks):
            status = f"best {len(result.marks):,} of {result.matched:,} titles"
        else:
            status = f"{result.matched:,} title{'s' * (result.matched != 1)}"
        self._show_status(status)

    def _show_status(self, status: str) -> None:
        self.query_one("#outline-filter-status", Label).update(Text(status), layout=False)
