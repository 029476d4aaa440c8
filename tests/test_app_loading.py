"""A big document opens with its first sections, and the whole takes their place.

The reader is given the opening (``parse_opening``) and a ``rest`` that parses the
whole; here ``rest`` waits for the test's go-ahead, so the screen can be checked both
while the rest is being read and after.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Label

from pactreader.parse import Document, parse_markdown, parse_opening
from pactreader.pipeline import OPENING_CHARS, start_loading
from pactreader.tui.app import ReaderApp
from pactreader.tui.status_bar import StatusBar, TitleBar
from tests.reader_helpers import (
    notices,
    outline_sections,
    recording,
    run_in_pty,
    text_of,
    wait_until,
)

PARTS = 400


def _text(parts: int = PARTS) -> str:
    """Parts of 4 lines; the last one's title is found nowhere else."""
    chunks = [f"# Part {number}\n\nText of part {number}.\n" for number in range(parts - 1)]
    chunks.append("# The finale\n\nOnly here: zebra.\n")
    return "\n".join(chunks)


class Gate:
    """A ``rest`` that parses the whole document once the test opens the gate."""

    def __init__(self, text: str, fail: bool = False) -> None:
        self.text = text
        self.fail = fail
        self.opened = threading.Event()

    def __call__(self) -> Document:
        self.opened.wait(10)
        if self.fail:
            raise MemoryError("out of memory")
        return parse_markdown(self.text)


@asynccontextmanager
async def loading(
    text: str, *, fail: bool = False
) -> AsyncIterator[tuple[ReaderApp, Pilot[None], Gate]]:
    opening = parse_opening(text, lines_wanted=40)
    assert opening is not None
    gate = Gate(text, fail)
    app = recording(ReaderApp(opening, rest=gate))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        try:
            yield app, pilot, gate
        finally:
            gate.opened.set()


async def test_the_opening_shows_first_then_the_whole_document() -> None:
    async with loading(_text()) as (app, pilot, gate):
        assert not app.document_whole
        assert "Part 0" in text_of(app.reading)
        assert "reading the rest" in text_of(app.query_one(TitleBar))
        assert "reading the rest" in text_of(app.query_one(StatusBar))
        # Parts start every 4 lines; Part 9 on line 37 is the last in the first 40.
        assert app.outline.sections_shown == 9
        outline = text_of(app.outline)
        assert "8 Part 7" in outline and "9 Part 8" in outline
        assert outline.count("+") == 1  # only the last section read may go on: "5+"
        gate.opened.set()
        await wait_until(pilot, lambda: app.document_whole)
        await wait_until(pilot, lambda: app.outline.sections_shown == PARTS)
        assert outline_sections(app.outline.root) == list(range(PARTS))
        assert f"{PARTS} sections" in text_of(app.query_one(TitleBar))
        assert "min left" in text_of(app.query_one(StatusBar))
        await pilot.press("G")
        await pilot.pause()
        assert "The finale" in text_of(app.reading)


async def test_the_reader_stays_where_it_was_when_the_whole_arrives() -> None:
    async with loading(_text()) as (app, pilot, gate):
        await pilot.press("right_square_bracket", "right_square_bracket", "down")
        await pilot.pause()
        before = app.reading.scroll_y
        shown = text_of(app.reading)
        assert app.reading.current_section == 2
        assert "Text of part 2." in shown
        gate.opened.set()
        await wait_until(pilot, lambda: app.document_whole)
        await pilot.pause()
        assert app.reading.current_section == 2
        assert app.reading.scroll_y == before
        assert text_of(app.reading) == shown


async def test_a_search_typed_during_loading_finds_matches_in_the_rest() -> None:
    async with loading(_text()) as (app, pilot, gate):
        await pilot.press("slash")
        await pilot.press(*"zebra")
        await pilot.pause()
        assert app.search_bar.session is not None
        assert not app.search_bar.session.counts
        status = app.search_bar.query_one("#search-status", Label)
        await wait_until(pilot, lambda: "no matches so far" in text_of(status))
        gate.opened.set()
        await wait_until(pilot, lambda: app.document_whole)
        await wait_until(pilot, lambda: bool((found := app.search_bar.session) and found.counts))
        assert app.search_bar.session is not None
        assert app.search_bar.session.counts == {PARTS - 1: 1}
        await wait_until(pilot, lambda: text_of(status).strip() == "match 1 of 1")
        await pilot.press("enter")  # a step, found by a worker
        await wait_until(pilot, lambda: "zebra" in text_of(app.reading))


async def test_a_failed_load_is_reported_and_the_opening_stays_readable() -> None:
    async with loading(_text(), fail=True) as (app, pilot, gate):
        gate.opened.set()
        await wait_until(pilot, lambda: bool(notices(app)))
        assert notices(app) == ["Could not read the rest of the document: out of memory"]
        assert not app.document_whole
        await pilot.pause()
        assert "the rest could not be read" in text_of(app.query_one(TitleBar))
        assert "reading the rest" not in text_of(app.query_one(StatusBar))
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.reading.current_section == 1


async def test_a_search_painted_at_the_end_of_the_opening_carries_over() -> None:
    async with loading(_text()) as (app, pilot, gate):
        await pilot.press("G", "slash", *"part")
        await pilot.pause()
        assert "part" in text_of(app.reading).lower()
        gate.opened.set()
        await wait_until(pilot, lambda: app.document_whole)
        session = app.search_bar.session
        await wait_until(pilot, lambda: bool((found := app.search_bar.session) and found.done))
        session = app.search_bar.session
        assert session is not None
        assert session.total == 2 * (PARTS - 1)  # "Part n" and "part n." in each but the last
        assert app.is_running


async def test_a_stepped_search_stays_on_its_match_when_the_whole_arrives() -> None:
    async with loading(_text()) as (app, pilot, gate):
        await pilot.press("slash", *"text of part")
        await pilot.pause()
        await pilot.press("enter", "n", "n", "n")
        await pilot.pause()
        session = app.search_bar.session
        assert session is not None and session.current is not None
        current = session.current.section
        assert current == 3
        app.reading.scroll_to_section(6)  # the reader scrolled on, away from the match
        await pilot.pause()
        top = app.reading.scroll_y
        gate.opened.set()
        await wait_until(pilot, lambda: app.document_whole)
        await wait_until(pilot, lambda: bool((found := app.search_bar.session) and found.done))
        session = app.search_bar.session
        assert session is not None and session.current is not None
        assert session.current.section == current
        assert app.reading.scroll_y == top


async def test_an_open_filter_filters_the_whole_outline_once_it_arrives() -> None:
    async with loading(_text()) as (app, pilot, gate):
        await pilot.press("f", *"finale")
        await pilot.pause()
        column = app.outline_column
        gate.opened.set()
        await wait_until(pilot, lambda: app.document_whole)
        # The filter shows its list before the rest arrives: wait for the finale in it.
        await wait_until(pilot, lambda: "The finale" in text_of(column.filtered))
        assert column.filtering


async def test_the_outline_keeps_what_the_user_collapsed() -> None:
    text = "\n".join(f"# Part {n}\n\n## Inside {n}\n\ntext\n" for n in range(PARTS))
    opening = parse_opening(text, lines_wanted=40)
    assert opening is not None
    gate = Gate(text)
    async with ReaderApp(opening, rest=gate).run_test(size=(120, 30)) as pilot:
        app = pilot.app
        await pilot.pause()
        app.outline.node_of(0).collapse()
        await pilot.pause()
        gate.opened.set()
        await wait_until(pilot, lambda: app.document_whole)
        await wait_until(pilot, lambda: app.outline.sections_shown == 2 * PARTS)
        assert not app.outline.node_of(0).is_expanded
        assert app.outline.node_of(2).is_expanded


async def test_end_pressed_while_loading_goes_to_the_end_of_the_whole() -> None:
    async with loading(_text()) as (app, pilot, gate):
        await pilot.press("G")
        await pilot.pause()
        assert "Part 8" in text_of(app.reading)  # the end of what is read so far
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "Going to the end once the rest of the document is read." in notices(app)
        assert "The rest of the document is still being read." in notices(app)
        gate.opened.set()
        await wait_until(pilot, lambda: app.document_whole)
        await pilot.pause()
        assert "The finale" in text_of(app.reading)
        assert app.reading.scroll_y == app.reading.max_scroll_y


async def test_the_outline_cursor_stays_where_the_user_moved_it() -> None:
    async with loading(_text()) as (app, pilot, gate):
        await pilot.press("tab", "down", "down", "down")
        await pilot.pause()
        assert app.outline.has_focus
        assert app.outline.cursor_node is not None
        chosen = app.outline.cursor_node.data
        assert chosen == 3
        gate.opened.set()
        await wait_until(pilot, lambda: app.document_whole)
        await pilot.pause()
        assert app.outline.cursor_node is not None
        assert app.outline.cursor_node.data == chosen
        await pilot.press("enter")
        await pilot.pause()
        assert app.reading.current_section == chosen


async def test_export_and_copy_wait_for_a_section_still_being_read() -> None:
    async with loading(_text()) as (app, pilot, gate):
        last = len(app.document.sections) - 1  # it may go on past the cut
        app.reading.scroll_to_section(last)
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert any("goes on past what has been read" in notice for notice in notices(app))
        assert not any(notice.startswith("Copied") for notice in notices(app))
        app.reading.scroll_to_section(0)
        await pilot.pause()
        await pilot.press("y")  # a section wholly read copies at once
        await pilot.pause()
        assert any(notice.startswith("Copied 1 Part 0") for notice in notices(app))
        gate.opened.set()
        await wait_until(pilot, lambda: app.document_whole)
        app.reading.scroll_to_section(last)
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert any(notice.startswith(f"Copied {last + 1} ") for notice in notices(app))


async def test_quitting_does_not_wait_for_the_rest() -> None:
    text = _text()
    opening = parse_opening(text, lines_wanted=40)
    assert opening is not None
    gate = Gate(text)
    app = recording(ReaderApp(opening, rest=gate))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("q")
    # The app is gone while the loading thread still waits for its gate.
    loaders = [thread for thread in threading.enumerate() if thread.name == "pactreader-load"]
    assert loaders and loaders[0].is_alive()
    gate.opened.set()
    loaders[0].join(10)


def test_start_loading_cuts_only_big_documents(tmp_path: Path) -> None:
    small = tmp_path / "small.md"
    small.write_text(_text(), encoding="utf-8")
    assert start_loading(small).rest is None
    big = tmp_path / "big.md"
    text = _text(OPENING_CHARS // 30)
    big.write_text(text, encoding="utf-8")
    started = start_loading(big)
    assert started.rest is not None
    whole = started.rest()
    assert len(started.document.sections) < len(whole.sections)
    assert [section.title for section in whole.sections] == [
        section.title for section in parse_markdown(text).sections
    ]
    assert whole.source == started.document.source == str(big)


def test_the_command_opens_a_big_document_and_reads_it_whole(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    parts = OPENING_CHARS // 30
    big.write_text(_text(parts), encoding="utf-8")
    code, screen = run_in_pty([str(big)], wait_for=f"{parts:,} sections".encode())
    assert code == 0
    assert b"reading the rest" in screen  # the opening was shown first
    assert b"Traceback" not in screen
