"""Layout at every terminal size: whole titles, whole questions, a comfortable measure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Label, OptionList

from pactreader.pipeline import load_document
from pactreader.render.outline import MIN_TITLE_ROOM, OutlineLayout, short_count
from pactreader.render.url_text import registrable_domain, url_text
from pactreader.state import ReaderState, load_state, save_state, state_path
from pactreader.tui.app import OUTLINE_STEP, READING_WANTS, ReaderApp
from pactreader.tui.confirm_dialog import ConfirmDialog
from pactreader.tui.footer import FittedFooter
from pactreader.tui.outline_filter import OutlineColumn
from pactreader.tui.outline_pane import OutlinePane
from pactreader.tui.reading_pane import MEASURE
from tests.conftest import SAMPLE
from tests.reader_helpers import entries, opened, strips, text_of

DOCUMENTS = Path(__file__).parent / "documents"


@pytest.mark.parametrize("size", [(100, 30), (160, 50), (120, 40)])
async def test_every_word_of_every_sample_title_is_on_the_first_screen(
    size: tuple[int, int],
) -> None:
    async with opened(SAMPLE, size) as (app, _pilot):
        shown = text_of(app.outline).split()
        for section in app.document.sections:
            for word in section.title.split():
                assert word in shown, (size, section.number, word)
        assert "…" not in text_of(app.outline)


async def test_the_reading_pane_keeps_its_measure_and_the_outline_takes_the_rest() -> None:
    async with opened(SAMPLE, (160, 50)) as (app, _pilot):
        lines = [strip.text.rstrip(" ▆▃▂▁▄▅▇█") for strip in strips(app.reading)]
        longest = max(len(line) for line in lines) - 3  # the pane's left padding
        assert 90 <= longest <= MEASURE
        assert app.outline_column.outer_size.width == 160 - READING_WANTS


async def test_a_narrow_terminal_starts_with_the_outline_hidden() -> None:
    async with opened(SAMPLE, (70, 24)) as (app, _pilot):
        assert not app.outline_column.display


async def test_angle_brackets_narrow_and_widen_the_outline_and_it_is_remembered() -> None:
    async with opened(SAMPLE, (120, 40)) as (app, pilot):
        start = app.outline_column.outer_size.width
        await pilot.press("less_than_sign")
        await pilot.pause()
        assert app.outline_column.outer_size.width == start - OUTLINE_STEP
        await pilot.press("greater_than_sign", "greater_than_sign")
        await pilot.pause()
        assert app.outline_column.outer_size.width == start + OUTLINE_STEP
    assert load_state().outline_width == start + OUTLINE_STEP
    async with opened(SAMPLE, (120, 40)) as (app, _pilot):
        assert app.outline_column.outer_size.width == start + OUTLINE_STEP


async def test_the_bindings_are_in_the_help_and_the_palette() -> None:
    async with opened(SAMPLE) as (app, _pilot):
        descriptions = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Narrow the outline", "Widen the outline"} <= descriptions


async def test_dragging_the_divider_resizes_the_outline() -> None:
    async with opened(SAMPLE, (120, 40)) as (app, pilot):
        width = app.outline_column.outer_size.width
        await pilot.mouse_down(OutlineColumn, offset=(width - 1, 10))
        await pilot.hover(OutlineColumn, offset=(width + 9, 10))
        await pilot.pause()
        assert app.outline_column.outer_size.width == width + 10
        await pilot.mouse_up(offset=(width + 9, 10))
        await pilot.pause()
    assert load_state().outline_width == width + 10


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"outline_width": "wide"}', ""])
async def test_a_corrupt_state_file_is_ignored(content: str) -> None:
    path = state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    assert load_state() == ReaderState()
    async with opened(SAMPLE, (120, 40)) as (app, pilot):
        await pilot.press("greater_than_sign")
        await pilot.pause()
        width = app.outline_column.outer_size.width
    assert json.loads(path.read_text(encoding="utf-8")) == {"outline_width": width}


def test_state_round_trips_and_an_unwritable_folder_is_no_error(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    save_state(ReaderState(outline_width=40), path)
    assert load_state(path) == ReaderState(outline_width=40)
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    save_state(ReaderState(outline_width=40), blocked / "state.json")  # no folder there
    assert load_state(tmp_path / "missing.json") == ReaderState()


async def test_wrapped_entries_move_the_cursor_entry_by_entry_and_a_click_opens_one() -> None:
    async with opened(SAMPLE, (100, 30)) as (app, pilot):
        outline = app.outline
        assert outline.node_of(0).line == 0
        assert outline.node_of(1).line > 1  # the first title took more than one row
        outline.focus()
        await pilot.press("j")
        assert outline.cursor_node is not None and outline.cursor_node.data == 1
        await pilot.press("j", "k")
        assert outline.cursor_node.data == 1
        # A click on the second row of 1.2's entry opens 1.2.
        line = outline.node_of(2).line + 1
        assert outline.get_node_at_line(line) is outline.node_of(2)
        await pilot.click(OutlinePane, offset=(14, line))
        await pilot.pause()
        assert app.reading.current_section == 2


async def test_word_counts_are_kept_dropped_or_shortened_for_every_entry_alike() -> None:
    async with opened(DOCUMENTS / "changelog.md", (160, 50)) as (app, _pilot):
        rows = entries(app.outline, first_rows=True)
        assert all(row.split()[-1].replace(",", "").isdigit() for row in rows)
    async with opened(DOCUMENTS / "changelog.md", (80, 24)) as (app, _pilot):
        counts = [str(section.words) for section in app.document.sections]
        rows = entries(app.outline, first_rows=True)
        assert not any(row.split()[-1] in counts for row in rows)


def test_the_counts_column_gives_way_before_the_titles() -> None:
    assert OutlineLayout.fit(60, 10, 6, guide=3, icon=2).counts == 8
    short = OutlineLayout.fit(31, 10, 8, guide=3, icon=2)
    assert short.short and short.figure(15_477) == "15k"
    none = OutlineLayout.fit(20, 10, 6, guide=3, icon=2)
    assert none.counts == 0 and none.figure(12) == ""
    for width in range(10, 80):
        layout = OutlineLayout.fit(width, 10, 6, guide=3, icon=2)
        if layout.counts:
            assert layout.title_room(0, "x" * 9) >= MIN_TITLE_ROOM
    assert [short_count(n) for n in (584, 1_234, 9_999, 34_567, 1_500_000, 12_000_000)] == [
        "584",
        "1.2k",
        "9.9k",
        "34k",
        "1.5M",
        "12M",
    ]


async def test_the_overwrite_question_shows_whole_at_80x24(tmp_path: Path) -> None:
    slug = "strategic-significance-of-enhanced-us-algeria-defense-alliance"
    folder = tmp_path / "a-rather-long-folder-name-for-exports"
    folder.mkdir()
    target = folder / f"{slug}.txt"
    target.write_text("keep me", encoding="utf-8")
    async with opened(SAMPLE, (80, 24)) as (app, pilot):
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#path").value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        question = app.screen.query_one("#question", Label)
        shown = "".join(text_of(question).split())
        assert "alreadyexists.Overwriteit?" in shown
        assert "".join(str(target).split()) in shown
        assert question.region.bottom <= 24


LINK = "https://accounts.mybank.com.secure-session-verification.example.io/login?next=/home"


async def test_the_link_question_shows_the_whole_url_at_80x24(tmp_path: Path) -> None:
    path = tmp_path / "links.md"
    path.write_text(f"# Links\n\n[Your bank]({LINK})\n", encoding="utf-8")
    async with opened(path, (80, 24)) as (app, pilot):
        await pilot.press("L")
        await pilot.pause()
        app.screen.query_one(OptionList).highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        shown = "".join(text_of(app.screen.query_one("#question", Label)).split())
        assert LINK in shown


def test_the_registrable_domain_is_emphasised() -> None:
    assert registrable_domain("accounts.mybank.com.secure.example.io") == "example.io"
    assert registrable_domain("www.bbc.co.uk") == "bbc.co.uk"
    assert registrable_domain("localhost") == "localhost"
    assert registrable_domain("127.0.0.1") == "127.0.0.1"
    text = url_text(LINK)
    bold = [text.plain[span.start : span.end] for span in text.spans if "bold" in str(span.style)]
    assert bold == ["example.io"]
    assert url_text("https://evil.example/\x1b[2J").plain == "https://evil.example/␛[2J"


def _footer_keys(app: ReaderApp) -> list[tuple[str, int, int]]:
    """``(text, x, right)`` of each key the footer shows, the command palette's last."""
    keys = app.query_one(FittedFooter).query("FooterKey")
    return [(str(key.render()).strip(), key.region.x, key.region.right) for key in keys]


async def test_the_footer_shows_only_whole_bindings_at_80x24() -> None:
    async with opened(SAMPLE, (80, 24)) as (app, _pilot):
        *keys, palette = _footer_keys(app)
        assert palette[0] == "^p Commands"
        assert [text for text, _, _ in keys] == [
            "q Quit",
            "? Help",
            "o Outline",
            "] Next section",
            "[ Previous section",
        ]
        assert all(right <= palette[1] for _, _, right in keys)
    async with opened(SAMPLE, (120, 40)) as (app, _pilot):
        assert "e Export" in [text for text, _, _ in _footer_keys(app)]


async def test_no_debris_after_a_notification_at_80x24() -> None:
    app = ReaderApp(load_document(str(SAMPLE)))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("y")
        for _ in range(100):
            if app.screen.query("Toast"):
                break
            await pilot.pause()
        toasts = app.screen.query("Toast")
        assert toasts
        # Toasts stand above the status line: none covers part of it.
        assert all(toast.region.bottom <= app.status.region.y for toast in toasts)
