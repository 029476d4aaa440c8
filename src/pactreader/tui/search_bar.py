"""The search bar: ``/`` opens it under the reading pane, and it searches as you type.

Every keystroke compiles a new query (smart case; plain text unless Ctrl+R turned on
regular expressions) and starts a thread worker that first finds the match after the
anchor (so it shows at once, however large the document) and then counts the matches
section by section, reporting as it goes. The next keystroke cancels it: the worker
checks between sections. Enter ends typing as in ``less``: the bar stays with its
matches and count, and the keys go back to the reader, so ``n``/``N`` step at once
(Down/Up step while typing). A step runs in a worker too, since the next match may lie
megabytes away.

Highlights are never computed for the whole document: the reading pane asks
:meth:`SearchBar.highlights_for` for each section it renders, and only those are
searched. Plain text is searched there and then (linear time, and cached by the
core); a regular expression may take up to its time limit on a block of text, so
its matches are found by a worker and painted when they arrive.

The bar talks to the panes only through messages to the app:
:class:`~pactreader.tui.messages.HighlightsChanged`,
:class:`~pactreader.tui.messages.ShowMatch` and
:class:`~pactreader.tui.messages.MatchCountsChanged`. The query and the matched text
are data: they reach the screen only as :class:`rich.text.Text`, never as markup.
"""

from __future__ import annotations

import time
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label
from textual.worker import Worker, get_current_worker

from pactreader.common.errors import UsageError
from pactreader.common.runtime import keep_built
from pactreader.common.safety import safe_title
from pactreader.parse.document import Document
from pactreader.render.rich_blocks import Highlights
from pactreader.search import (
    PatternTooSlow,
    Query,
    compile_query,
    match_counts,
    prepare,
    search_from,
    section_matches,
)
from pactreader.tui.messages import (
    CountProgress,
    HighlightsChanged,
    MatchCountsChanged,
    MatchFound,
    SearchClosed,
    SearchFailed,
    SearchSubmitted,
    SectionMatches,
    ShowMatch,
)
from pactreader.tui.search_state import Position, SearchSession, position_of, went_round

PATTERN_TIMEOUT = 0.25
"""Seconds a regular expression may spend on one block of text before it is "too slow"."""

YIELD_INTERVAL = 0.002
"""Seconds of counting between two offers of the interpreter to the interface thread."""

REPORT_INTERVAL = 0.1
"""Seconds between two progress reports of the count: often enough to feel live."""


class SearchBar(Horizontal):
    """A one-line bar: ``/``, the query, "match 3 of 41" and the regex and case indicators."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # In the input, Enter is its "submit" (handled below, in order after the keys
        # typed before it: a priority binding would jump ahead of them).
        Binding("enter", "accept", "Done typing", id="search.accept"),
        Binding("down", "next_match", "Next match", show=False, id="search.next_down"),
        Binding("shift+enter,up", "previous_match", "Previous match", id="search.previous"),
        Binding("ctrl+r", "toggle_regex", "Regex on/off", id="search.regex"),
        Binding("escape", "close", "Close search", id="search.close"),
    ]

    DEFAULT_CSS = """
    SearchBar {
        display: none;
        height: 1;
        padding: 0 1;
        background: $panel;
        & > #search-prompt { width: 2; color: $text-accent; text-style: bold; }
        & > Input { width: 1fr; }
        & > #search-status {
            width: 2fr;
            padding: 0 1;
            color: $text-muted;
            text-align: right;
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
        & > #search-status.-error { color: $text-error; }
        & > #search-mode { width: 10; }
        & > .search-bar--on { color: $text-accent; text-style: bold; }
        & > .search-bar--off { color: $text-disabled; }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"search-bar--on", "search-bar--off"}

    def __init__(self, document: Document, *, whole: bool = True, id: str | None = None) -> None:
        """A search bar over ``document``.

        Args:
            document: The document.
            whole: False when ``document`` is a big document's opening: counts are
                shown as counts so far, until :meth:`set_document` gives the whole.
            id: The widget's id.
        """
        super().__init__(id=id)
        self.document = document
        self._whole = whole
        self.is_regex = False
        """Read the query as a regular expression (Ctrl+R)."""
        self._session: SearchSession | None = None
        self._error: str | None = None
        self._anchor: Position = (0, 0, 0)
        self._stepping = False
        self._queued_steps: list[bool] = []
        """Steps asked for while one was running, or before the first match was found:
        True for backward."""

    def compose(self) -> ComposeResult:
        """Prompt, query, status, mode."""
        yield Label("/", id="search-prompt")
        yield Input(placeholder="search", compact=True, id="search-input")
        yield Label("", id="search-status", markup=False)
        yield Label("", id="search-mode", markup=False)

    def on_mount(self) -> None:
        """Do the document's one-off search preparation before the first keystroke needs it."""
        self._prepare()
        self._show_status()

    def set_document(self, document: Document) -> None:
        """Search ``document`` from now on; a search under way starts again in it.

        It starts from its current match, and does not move the view: the new
        document is the old one with more text after it.
        """
        self.document = document
        self._whole = True
        self._prepare()
        session = self._session
        if session is not None and session.current is not None:
            self._anchor = position_of(session.current)
        if self.input.value:
            self._restart()
            if self._session is not None:
                self._session.show_first = False
        else:
            self._show_status()

    @property
    def input(self) -> Input:
        """Where the query is typed."""
        return self.query_one("#search-input", Input)

    @property
    def active(self) -> bool:
        """Whether the bar is open (with a query or not)."""
        return bool(self.display)

    @property
    def session(self) -> SearchSession | None:
        """The search of the current query (None: no query, or an invalid one)."""
        return self._session

    @property
    def error(self) -> str | None:
        """Why the query cannot be searched (invalid or too slow), shown in the bar."""
        return self._error

    # ----------------------------------------------------------------- opening and closing

    def open(self, anchor: tuple[int, int]) -> None:
        """Show the bar with the focus in it; a new query searches from ``anchor``.

        Args:
            anchor: ``(section, unit)`` the reader is looking at.
        """
        section, unit = anchor
        self._anchor = (max(section, 0), unit, 0)
        self.display = True
        # Focused now, not after the queued events (``focus()`` waits for them): keys
        # typed right after ``/`` (a fast typist, a paste) are the query, and must not
        # reach the app's bindings (``q`` quits, ``e`` exports).
        self.screen.set_focus(self.input)
        self.input.select_all()

    def action_close(self) -> None:
        """Stop searching, clear the highlights and the counts, hide the bar."""
        had_focus = self.input.has_focus
        self._end(None)
        self.display = False
        with self.input.prevent(Input.Changed):
            self.input.value = ""
        self._show_status()
        self.post_message(SearchClosed(had_focus))

    # ----------------------------------------------------------------- the query

    @on(Input.Changed, "#search-input")
    def _query_changed(self) -> None:
        self._restart()

    def action_toggle_regex(self) -> None:
        """Read the query as a regular expression, or as plain text again."""
        self.is_regex = not self.is_regex
        self._restart()

    def _restart(self) -> None:
        """Search for what the input holds now, from the anchor."""
        text = self.input.value
        error = None
        session = None
        if text:
            try:
                query = compile_query(text, is_regex=self.is_regex, timeout=PATTERN_TIMEOUT)
            except UsageError as invalid:
                error = str(invalid)
            else:
                session = SearchSession(query, self._anchor)
        self._end(error)
        self._session = session
        if session is not None:
            self._search(session.query, session.anchor)
        self._show_status()

    def _end(self, error: str | None) -> None:
        """Forget the current search: stop its workers, take away its highlights and counts."""
        old = self._session
        self.workers.cancel_group(self, "search")
        self.workers.cancel_group(self, "step")
        self.workers.cancel_group(self, "highlight")
        self._stepping = False
        self._queued_steps.clear()
        self._session = None
        self._error = error
        self.input.set_class(error is not None, "-invalid")
        self.post_message(HighlightsChanged(None))
        if old is not None and old.counts:
            self.post_message(MatchCountsChanged({}, None))

    # ----------------------------------------------------------------- workers

    @work(thread=True, group="prepare")
    def _prepare(self) -> None:
        prepare(self.document)
        keep_built()  # the document is immutable: spare the collector from walking it

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: Query, anchor: Position) -> None:
        """Find the first match after ``anchor``, then count every match."""
        worker = get_current_worker()
        try:
            self._find(query, anchor, backward=False, inclusive=True, step=False)
            if not worker.is_cancelled:
                self._count(query, worker)
        except PatternTooSlow as error:
            if not worker.is_cancelled:
                self.post_message(SearchFailed(query, str(error)))

    @work(thread=True, exclusive=True, group="step")
    def _step(self, query: Query, start: Position, backward: bool, inclusive: bool) -> None:
        """Find the match after (or before) ``start``, wrapping at the ends."""
        worker = get_current_worker()
        try:
            self._find(query, start, backward=backward, inclusive=inclusive, step=True)
        except PatternTooSlow as error:
            if not worker.is_cancelled:
                self.post_message(SearchFailed(query, str(error)))

    def _find(
        self, query: Query, start: Position, *, backward: bool, inclusive: bool, step: bool
    ) -> None:
        """In a worker: the match nearest ``start`` in one direction, posted as a message."""
        worker = get_current_worker()
        section, unit, offset = start
        if not backward and not inclusive:
            offset += 1
        found = next(
            search_from(
                self.document,
                query,
                section,
                unit=unit,
                offset=offset,
                backward=backward,
                stop=lambda: worker.is_cancelled,
            ),
            None,
        )
        if worker.is_cancelled:
            return
        siblings = () if found is None else section_matches(self.document, found.section, query)
        wrapped = found is not None and went_round(
            position_of(found), start, backward=backward, inclusive=inclusive
        )
        self.post_message(MatchFound(query, found, siblings, step, backward, wrapped))

    def _count(self, query: Query, worker: Worker[None]) -> None:
        """In a worker: count the matches section by section, reporting now and then."""
        found: list[tuple[int, int]] = []
        reported = yielded = time.monotonic()
        for index, count in match_counts(self.document, query):
            if worker.is_cancelled:
                return
            if count:
                found.append((index, count))
            now = time.monotonic()
            if now - yielded >= YIELD_INTERVAL:
                # Offer the interpreter to the interface thread now, rather than have
                # it wait a whole switch interval (5 ms) at every turn of its loop.
                time.sleep(0)
                yielded = now
            if now - reported >= REPORT_INTERVAL:
                self.post_message(CountProgress(query, tuple(found), index + 1, False))
                found = []
                reported = now
        self.post_message(CountProgress(query, tuple(found), len(self.document.sections), True))
        keep_built()  # the sections parsed for the count stay: no need to scan them again

    @work(thread=True, group="highlight")
    def _match_sections(self, query: Query, sections: tuple[int, ...]) -> None:
        """In a worker: the matches of sections about to be painted (regular expressions)."""
        worker = get_current_worker()
        try:
            for index in sections:
                if worker.is_cancelled:
                    return
                matches = section_matches(self.document, index, query)
                self.post_message(SectionMatches(query, index, matches))
        except PatternTooSlow as error:
            if not worker.is_cancelled:
                self.post_message(SearchFailed(query, str(error)))

    # ----------------------------------------------------------------- worker reports

    def _session_of(self, message: Message, query: Query) -> SearchSession | None:
        """The session a worker's report is about, if it is still the current one."""
        message.stop()
        session = self._session
        return session if session is not None and session.query is query else None

    @on(MatchFound)
    def _match_found(self, message: MatchFound) -> None:
        session = self._session_of(message, message.query)
        if session is None:
            return
        session.answered = True
        match = message.match
        if match is not None:
            session.matches[match.section] = message.section_matches
        if message.step:
            self._stepping = False
            if match is not None:
                session.anchor = position_of(match)
            if message.wrapped:
                where = "bottom" if message.backward else "top"
                self.notify(f"Search wrapped to the {where}", timeout=2, markup=False)
        previous = session.current
        session.current = match
        self._show_status()
        changed = frozenset(m.section for m in (previous, match) if m is not None)
        if changed:
            self.post_message(HighlightsChanged(changed))
        if match is not None and (message.step or session.show_first):
            self.post_message(ShowMatch(match.section, match.unit))
        if self._queued_steps and not self._stepping:
            self._start_step(session, self._queued_steps.pop(0))

    @on(SectionMatches)
    def _section_matches(self, message: SectionMatches) -> None:
        session = self._session_of(message, message.query)
        if session is None:
            return
        session.matches[message.section] = message.matches
        if message.matches:
            self.post_message(HighlightsChanged(frozenset({message.section})))

    @on(CountProgress)
    def _count_progress(self, message: CountProgress) -> None:
        session = self._session_of(message, message.query)
        if session is None:
            return
        changed = session.add_counts(message.counts, message.counted, done=message.done)
        if changed:
            self.post_message(MatchCountsChanged(session.counts, frozenset(changed)))
        self._show_status()

    @on(SearchFailed)
    def _search_failed(self, message: SearchFailed) -> None:
        """The pattern is too slow: stop, say so, and take its highlights away."""
        if self._session_of(message, message.query) is not None:
            self._end(message.error)
            self._show_status()

    # ----------------------------------------------------------------- stepping

    def action_next_match(self) -> None:
        """Go to the next match, wrapping at the end of the document."""
        self.step(backward=False)

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter in the query: typing is done (see :meth:`action_accept`)."""
        event.stop()
        self.action_accept()

    def action_accept(self) -> None:
        """Keep the query, its highlights and its count; give the keys back to the reader.

        The match the incremental search found is the one shown (as ``less`` goes to
        the first match after where the reader was); ``n``/``N`` step from it. A match
        found while the view was not to move (the whole document arrived meanwhile) is
        shown now: Enter asks for it.
        """
        session = self._session
        if session is not None:
            session.show_first = True
            if session.current is not None:
                self.post_message(ShowMatch(session.current.section, session.current.unit))
        self.post_message(SearchSubmitted())

    def action_previous_match(self) -> None:
        """Go to the previous match, wrapping at the top of the document."""
        self.step(backward=True)

    def step(self, *, backward: bool, start: tuple[int, int] | None = None) -> None:
        """Go to the next (or previous) match.

        Args:
            backward: Go to the previous match instead.
            start: ``(section, unit)`` to look from instead of the current match (the
                reader scrolled away from it: the step starts from what is on screen).
        """
        session = self._session
        if session is None:
            if self._error is None:
                self.notify("Nothing to search for: press / and type", timeout=2, markup=False)
            return
        if self._stepping or not session.answered:
            self._queued_steps.append(backward)
            return
        origin = None if start is None else (max(start[0], 0), start[1], 0)
        self._start_step(session, backward, origin)

    def _start_step(
        self, session: SearchSession, backward: bool, origin: Position | None = None
    ) -> None:
        current = session.current
        if origin is not None:
            position, inclusive = origin, True
        elif current is None:
            position, inclusive = session.anchor, True
        else:
            position, inclusive = position_of(current), False
        self._stepping = True
        self._step(session.query, position, backward, inclusive)

    # ----------------------------------------------------------------- highlights

    def highlights_for(self, index: int) -> Highlights | None:
        """The highlights of section ``index`` for the reading pane (None: nothing to paint).

        Called while the pane renders. A regular expression's matches that are not
        known yet are asked of a worker (started after the render), and painted
        when they come.
        """
        session = self._session
        if session is None or not 0 <= index < len(self.document.sections):
            return None
        matches = session.matches.get(index)
        if matches is None:
            if session.query.is_regex:
                if index not in session.asked:
                    if not session.wanted:
                        self.call_later(self._find_wanted, session)
                    session.asked.add(index)
                    session.wanted.add(index)
                return None
            matches = section_matches(self.document, index, session.query)
            session.matches[index] = matches
        return session.highlights(index, matches) if matches else None

    def _find_wanted(self, session: SearchSession) -> None:
        if session is self._session and session.wanted:
            self._match_sections(session.query, tuple(sorted(session.wanted)))
            session.wanted.clear()

    # ----------------------------------------------------------------- status

    def _show_status(self) -> None:
        status = self.query_one("#search-status", Label)
        status.set_class(self._error is not None, "-error")
        session = self._session
        if self._error is not None:
            # The query is in plain view beside it: the message need not quote it.
            quoted = repr(self.input.value)
            text = self._error.replace(f" {quoted}", "").replace(f"{quoted} ", "")
        elif session is None:
            text = "type to search · Enter next · Shift+Enter previous · Ctrl+R regex"
        else:
            text = session.status(whole=self._whole)
        # Fixed widths: a new status repaints the label, not the layout of the screen.
        status.update(Text(safe_title(text), no_wrap=True, overflow="ellipsis"), layout=False)
        status.tooltip = Text(safe_title(self._error)) if self._error else None
        case = session is not None and session.query.case_sensitive
        on = self.get_component_rich_style("search-bar--on")
        off = self.get_component_rich_style("search-bar--off")
        mode = Text.assemble(
            ("regex", on if self.is_regex else off), " ", ("case", on if case else off)
        )
        self.query_one("#search-mode", Label).update(mode, layout=False)
