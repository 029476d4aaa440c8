"""Search (``/``, ``n``, ``N``) and the outline filter (``f``), driven through the keyboard.

Assertions read what the user would see: the highlighted runs in the reading pane's
rendered lines (by their match / current colours), the bar's status line, and the
outline panes' text.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import Label

from pactreader.tui.app import ReaderApp
from tests.conftest import SAMPLE
from tests.reader_helpers import entries, notices, opened, reader, strips, text_of, wait_until

FILLER = (
    "Plain words fill this paragraph so that every section is taller than the screen "
    "and a jump between sections really has to scroll the reading pane down.\n\n"
)


def long_sections(tmp_path: Path, needles: dict[int, str]) -> Path:
    """Six sections, each longer than the screen; section ``i`` ends with ``needles[i]``."""
    parts = ["# Long document\n\n"]
    for number in range(1, 6):
        parts.append(f"## Part {number}\n\n" + FILLER * 12)
        if number in needles:
            parts.append(needles[number] + "\n\n")
    path = tmp_path / "long.md"
    path.write_text("".join(parts), encoding="utf-8")
    return path


async def settle(app: ReaderApp, pilot: Pilot[None]) -> None:
    """Wait until every search worker has reported and the screen shows the result."""
    await pilot.pause()
    await wait_until(pilot, lambda: all(worker.is_finished for worker in app.workers))
    await pilot.pause()


async def search(app: ReaderApp, pilot: Pilot[None], text: str, *keys: str) -> None:
    """Open the bar, press ``keys`` (Ctrl+R...), type ``text``, wait for the results."""
    await pilot.press("slash", *keys, *text)
    await settle(app, pilot)


def status(app: ReaderApp) -> str:
    """The bar's status line."""
    return text_of(app.search_bar.query_one("#search-status", Label)).strip()


def highlighted(app: ReaderApp) -> list[tuple[str, str]]:
    """Runs of highlighted text on screen, each with ``match`` or ``current``."""
    pane = app.reading
    kinds = {
        pane.get_component_rich_style("reading--match").bgcolor: "match",
        pane.get_component_rich_style("reading--current").bgcolor: "current",
    }
    runs: list[tuple[str, str]] = []
    for strip in strips(pane):
        text, kind = "", None
        for segment in strip:
            found = kinds.get(segment.style.bgcolor) if segment.style else None
            if found is not None and found == kind:
                text += segment.text
                continue
            if kind is not None:
                runs.append((text, kind))
            text, kind = segment.text, found
        if kind is not None:
            runs.append((text, kind))
    return runs


@asynccontextmanager
async def opened_long(
    tmp_path: Path, needles: dict[int, str]
) -> AsyncIterator[tuple[ReaderApp, Pilot[None]]]:
    """The reader on :func:`long_sections`, with notifications shown (they are off in tests)."""
    app = reader(long_sections(tmp_path, needles))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        yield app, pilot


# ----------------------------------------------------------------- typing and highlights


async def test_typing_highlights_every_visible_match_and_the_current_one() -> None:
    async with opened(SAMPLE) as (app, pilot):
        assert highlighted(app) == []
        await search(app, pilot, "defense")
        runs = highlighted(app)
        assert runs[0] == ("Defense", "current")  # in the title, at the top
        assert [kind for _, kind in runs].count("current") == 1
        assert {text.lower() for text, _ in runs} == {"defense"}
        assert len(runs) >= 5
        assert status(app) == "match 1 of 10"
        assert app.search_bar.input.value == "defense"


async def test_matching_is_incremental() -> None:
    async with opened(SAMPLE) as (app, pilot):
        await search(app, pilot, "alg")
        algeria = status(app)
        await pilot.press(*"eria")
        await settle(app, pilot)
        assert {text.lower() for text, _ in highlighted(app)} == {"algeria"}
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        await settle(app, pilot)
        assert app.search_bar.input.value == "al"
        assert {text.lower() for text, _ in highlighted(app)} == {"al"}
        assert status(app) != algeria


async def test_smart_case() -> None:
    async with opened(SAMPLE) as (app, pilot):
        await search(app, pilot, "defense")
        assert status(app) == "match 1 of 10"
        await pilot.press("ctrl+u", *"Defense")  # a capital: case matters now
        await settle(app, pilot)
        assert status(app) == "match 1 of 3"
        assert {text for text, _ in highlighted(app)} == {"Defense"}
        mode = text_of(app.search_bar.query_one("#search-mode", Label))
        assert "case" in mode


async def test_ctrl_r_toggles_regular_expressions() -> None:
    async with opened(SAMPLE) as (app, pilot):
        await search(app, pilot, "def.nse")
        assert status(app) == "no matches"
        assert highlighted(app) == []
        await pilot.press("ctrl+r")
        await settle(app, pilot)
        assert app.search_bar.is_regex
        assert status(app) == "match 1 of 10"
        assert {text.lower() for text, _ in highlighted(app)} == {"defense"}
        await pilot.press("ctrl+r")
        await settle(app, pilot)
        assert status(app) == "no matches"


async def test_an_invalid_regex_is_an_inline_error() -> None:
    async with opened(SAMPLE) as (app, pilot):
        await search(app, pilot, "(defense", "ctrl+r")
        assert status(app).startswith("invalid regular expression")
        assert app.search_bar.input.has_class("-invalid")
        assert highlighted(app) == []
        await pilot.press("right_parenthesis")  # fixed: it searches again
        await settle(app, pilot)
        assert status(app) == "match 1 of 10"
        assert not app.search_bar.input.has_class("-invalid")


async def test_a_pathological_regex_reports_too_slow_and_the_app_carries_on(
    tmp_path: Path,
) -> None:
    path = tmp_path / "trap.md"
    path.write_text("# Trap\n\n" + "a" * 5000 + "!\n\n## After\n\nText.\n", encoding="utf-8")
    async with opened(path) as (app, pilot):
        await search(app, pilot, "(a+)+$", "ctrl+r")
        await wait_until(pilot, lambda: "too slow" in status(app))
        assert highlighted(app) == []
        await pilot.press("escape")
        await pilot.pause()
        assert not app.search_bar.display
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_document_text_and_the_query_are_never_markup(tmp_path: Path) -> None:
    path = tmp_path / "markup.md"
    path.write_text("# Markup\n\nA literal [bold]tag[/bold] and [red]x.\n", encoding="utf-8")
    async with opened(path) as (app, pilot):
        await search(app, pilot, "[bold]")
        assert status(app) == "match 1 of 1"
        assert highlighted(app) == [("[bold]", "current")]
        assert "A literal [bold]tag[/bold] and [red]x." in text_of(app.reading)


# ----------------------------------------------------------------- moving between matches


async def test_n_and_shift_n_move_across_sections_and_the_outline_follows(
    tmp_path: Path,
) -> None:
    needles = {2: "The needle is here.", 4: "Another needle.", 5: "A last needle."}
    async with opened_long(tmp_path, needles) as (app, pilot):
        await search(app, pilot, "needle")
        assert status(app) == "match 1 of 3"
        assert app.reading.current_section == 2
        assert ("needle", "current") in highlighted(app)
        await pilot.press("tab")  # to the outline: n and N work from either pane
        assert app.focused is app.outline
        await pilot.press("n")
        await settle(app, pilot)
        assert status(app) == "match 2 of 3"
        assert app.reading.current_section == 4
        assert app.outline.cursor_node is not None
        assert app.outline.cursor_node.data == 4
        await pilot.press("n")
        await settle(app, pilot)
        assert app.reading.current_section == 5
        await pilot.press("N", "N")
        await settle(app, pilot)
        assert status(app) == "match 1 of 3"
        assert app.reading.current_section == 2
        assert app.outline.cursor_node.data == 2


async def test_stepping_wraps_at_the_ends_with_a_notice(tmp_path: Path) -> None:
    needles = {2: "The needle is here.", 4: "Another needle."}
    async with opened_long(tmp_path, needles) as (app, pilot):
        await search(app, pilot, "needle")
        await pilot.press("down")  # Down while typing: next
        await settle(app, pilot)
        assert status(app) == "match 2 of 2"
        assert notices(app) == []
        await pilot.press("enter", "n")  # done typing; n as in less
        await settle(app, pilot)
        assert status(app) == "match 1 of 2"
        assert app.reading.current_section == 2
        assert any("wrapped to the top" in notice for notice in notices(app))
        await pilot.press("N")  # previous, past the top
        await settle(app, pilot)
        assert status(app) == "match 2 of 2"
        assert app.reading.current_section == 4
        assert any("wrapped to the bottom" in notice for notice in notices(app))


async def test_a_match_deep_in_a_long_paragraph_is_scrolled_into_view(tmp_path: Path) -> None:
    path = tmp_path / "paragraph.md"
    before = " ".join(f"before{number}" for number in range(2000))
    after = " ".join(f"after{number}" for number in range(2000))
    path.write_text(f"# One paragraph\n\n{before} needle {after}\n", encoding="utf-8")
    async with opened(path) as (app, pilot):
        await search(app, pilot, "needle")
        assert highlighted(app) == [("needle", "current")]
        # The paragraph's first line went off the top to show it.
        assert "before0 " not in text_of(app.reading)


async def test_quick_presses_of_n_each_move_one_match(tmp_path: Path) -> None:
    needles = {1: "needle one", 2: "needle two", 3: "needle three", 4: "needle four"}
    async with opened_long(tmp_path, needles) as (app, pilot):
        await search(app, pilot, "needle")
        app.reading.focus()
        await pilot.press("n", "n", "n")  # no waiting in between
        await settle(app, pilot)
        assert status(app) == "match 4 of 4"
        assert app.reading.current_section == 4


async def test_the_search_starts_from_what_is_on_screen(tmp_path: Path) -> None:
    needles = {1: "Early needle.", 4: "Later needle."}
    async with opened_long(tmp_path, needles) as (app, pilot):
        app.reading.scroll_to_section(3)
        await pilot.pause()
        await search(app, pilot, "needle")
        assert app.reading.current_section == 4
        assert status(app) == "match 2 of 2"
        # Scrolled away from the current match, n looks from the screen again.
        await pilot.press("escape")  # the bar closes: highlights go
        await search(app, pilot, "needle")
        app.reading.focus()
        app.reading.scroll_to_section(0)
        await pilot.pause()
        await pilot.press("n")
        await settle(app, pilot)
        assert app.reading.current_section == 1
        assert status(app) == "match 1 of 2"


async def test_the_outline_shows_match_counts_while_searching() -> None:
    async with opened(SAMPLE) as (app, pilot):
        before = entries(app.outline, first_rows=True)
        assert before[0].endswith("584")
        await search(app, pilot, "defense")
        during = entries(app.outline, first_rows=True)
        # Sections 1, 1.1 and 1.2 hold 3, 5 and 2 matches; 1.3 none: its word count stays.
        assert [line.split()[-1] for line in during] == ["3", "5", "2", "98"]
        matches_style = app.outline.get_component_rich_style("outline--matches")
        marked = [
            strip.text.split()[-1]
            for strip in strips(app.outline)
            if any(
                segment.style is not None and segment.style.bgcolor == matches_style.bgcolor
                for segment in strip
            )
        ]
        assert marked == ["3", "5", "2"]
        await pilot.press("escape")
        await pilot.pause()
        assert entries(app.outline, first_rows=True) == before


async def test_escape_closes_the_bar_and_clears_the_highlights() -> None:
    async with opened(SAMPLE) as (app, pilot):
        await search(app, pilot, "defense")
        assert highlighted(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not app.search_bar.display
        assert highlighted(app) == []
        assert app.focused is app.reading
        await pilot.press("n")  # nothing to step through any more
        await pilot.pause()
        assert highlighted(app) == []


async def test_escape_in_the_reading_pane_also_ends_the_search() -> None:
    async with opened(SAMPLE) as (app, pilot):
        await search(app, pilot, "defense")
        app.reading.focus()
        await pilot.pause()
        assert app.search_bar.display  # the bar stays while reading
        await pilot.press("n")
        await settle(app, pilot)
        assert status(app) == "match 2 of 10"
        await pilot.press("escape")
        await pilot.pause()
        assert not app.search_bar.display
        assert highlighted(app) == []


# ----------------------------------------------------------------- the outline filter


async def test_f_filters_the_outline_with_ancestors_and_enter_jumps() -> None:
    async with opened(SAMPLE) as (app, pilot):
        await pilot.press("f", *"strat")
        await settle(app, pilot)
        column = app.outline_column
        assert not app.outline.display
        shown = entries(column.filtered)
        assert any("1.2 Strategic" in line for line in shown)
        assert any("Groundbreaking" in line for line in shown)  # its parent
        assert not any("A New Beginning" in line for line in shown)
        assert column.filtered.cursor_node is not None
        assert column.filtered.cursor_node.data == 2  # the best match
        await pilot.press("enter")
        await pilot.pause()
        assert app.reading.current_section == 2
        assert not column.filtering
        assert app.outline.display
        assert len(entries(app.outline)) == 4
        assert app.focused is app.reading


async def test_filter_keys_move_among_the_titles_and_escape_restores() -> None:
    async with opened(SAMPLE) as (app, pilot):
        await pilot.press("f", *"a")
        await settle(app, pilot)
        filtered = app.outline_column.filtered
        first = filtered.cursor_node
        await pilot.press("down")
        assert filtered.cursor_node is not first
        await pilot.press("escape")
        await pilot.pause()
        assert app.reading.current_section == 0  # nothing opened
        assert app.outline.display
        assert not filtered.display
        assert len(entries(app.outline)) == 4


async def test_a_filter_without_matches_says_so() -> None:
    async with opened(SAMPLE) as (app, pilot):
        await pilot.press("f", *"zzzz")
        await settle(app, pilot)
        status_line = app.outline_column.query_one("#outline-filter-status", Label)
        assert "no title matches" in text_of(status_line)
        assert entries(app.outline_column.filtered) == []


async def test_f_shows_a_hidden_outline_for_the_filter_only() -> None:
    async with opened(SAMPLE, size=(70, 24)) as (app, pilot):
        assert not app.outline.display
        await pilot.press("f", *"approach")
        await settle(app, pilot)
        assert app.outline_column.display
        await pilot.press("enter")
        await pilot.pause()
        assert app.reading.current_section == 3
        assert not app.outline_column.display


async def test_the_help_lists_the_search_and_filter_keys() -> None:
    async with opened(SAMPLE) as (app, pilot):
        await pilot.press("question_mark")
        await pilot.pause()
        shown = "\n".join(
            text_of(widget) for widget in app.screen.query("Static") if widget.display
        )
        for description in ("Search the text", "Next match", "Previous match", "Regex on/off"):
            assert description in shown
        assert "Filter the outline by title" in shown


def _type_at_once(app: ReaderApp, keys: str) -> None:
    """Queue every key before the app handles the first: a fast typist, or a paste."""
    for character in keys:
        name = {"/": "slash", " ": "space"}.get(character, character)
        app.post_message(events.Key(name, character))


async def test_keys_typed_right_after_slash_are_the_query() -> None:
    async with opened(SAMPLE) as (app, pilot):
        _type_at_once(app, "/quick defense")  # q quits and e exports, outside the bar
        await pilot.pause()
        await pilot.pause()
        assert app.is_running
        assert app.search_bar.input.value == "quick defense"
        assert app.screen is app.default_screen


async def test_keys_typed_right_after_f_are_the_filter() -> None:
    async with opened(SAMPLE) as (app, pilot):
        _type_at_once(app, "fbeg")
        await pilot.pause()
        await pilot.pause()
        assert app.outline_column.filter_input.value == "beg"


async def test_slash_and_f_are_text_in_an_input() -> None:
    async with opened(SAMPLE) as (app, pilot):
        await pilot.press("slash", *"a/f")
        await pilot.pause()
        assert app.search_bar.input.value == "a/f"
        assert not app.outline_column.filtering


async def test_enter_typed_right_after_the_query_keeps_its_first_match() -> None:
    async with opened(SAMPLE) as (app, pilot):
        _type_at_once(app, "/defense")
        app.post_message(events.Key("enter", "\r"))
        await wait_until(pilot, lambda: status(app) == "match 1 of 10")
        await wait_until(pilot, lambda: app.focused is app.reading)
        assert "Nothing to search for" not in notices(app)
        await pilot.press("n")
        await wait_until(pilot, lambda: status(app) == "match 2 of 10")


async def test_slash_word_enter_then_n_n_shift_n_walks_like_less() -> None:
    async with opened(SAMPLE) as (app, pilot):
        await pilot.press("slash", *"defense", "enter")
        await settle(app, pilot)
        assert status(app) == "match 1 of 10"
        assert app.focused is app.reading
        assert app.search_bar.active  # the bar stays, with its count
        walked = []
        for key in ("n", "n", "N"):
            await pilot.press(key)
            await settle(app, pilot)
            walked.append(status(app))
        assert walked == ["match 2 of 10", "match 3 of 10", "match 2 of 10"]
        assert app.search_bar.input.value == "defense"  # n and N were not typed
        await pilot.press("slash")  # again: the last pattern, selected to be replaced
        assert app.focused is app.search_bar.input
        assert app.search_bar.input.selected_text == "defense"
        await pilot.press("escape")  # Esc clears
        await pilot.pause()
        assert not app.search_bar.active
        assert app.search_bar.session is None


async def test_the_same_query_typed_again_after_closing_searches_again() -> None:
    async with opened(SAMPLE) as (app, pilot):
        await pilot.press("slash", *"pact")
        await pilot.pause()
        await pilot.press("escape", "slash", *"pact")
        await pilot.pause()
        assert app.search_bar.session is not None
