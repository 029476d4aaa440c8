"""The reader app, driven the way a user drives it (Textual Pilot, or a real pty)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from pactreader.tui.app import ReaderApp
from pactreader.tui.help_screen import HelpScreen, binding_rows
from pactreader.tui.messages import OpenSection, ReadingPosition, ShowMatch
from pactreader.tui.outline_pane import OutlinePane
from pactreader.tui.reading_pane import ReadingPane
from tests.conftest import CORPUS, SAMPLE, shared_params
from tests.generated import changelog, write
from tests.reader_helpers import (
    entries,
    opened,
    run_command,
    run_in_pty,
    strips,
    text_of,
    wait_until,
)

SIZE = (120, 40)


async def test_outline_shows_the_four_sections() -> None:
    async with opened(SAMPLE) as (app, _pilot):
        shown = text_of(app.outline)
        for number, title in [
            ("1", "Groundbreaking"),
            ("1.1", "A New"),
            ("1.2", "Strategic"),
            ("1.3", "Approaches to"),
        ]:
            assert f"{number} {title}" in shown
        # Whole titles: wrapped, never cut.
        words = shown.split()
        for section in app.document.sections:
            for word in section.title.split():
                assert word in words, word
        assert len(entries(app.outline)) == 4
        # Word counts are shown beside the titles.
        assert "584" in shown


async def test_opening_1_3_shows_the_whole_table() -> None:
    async with opened(SAMPLE) as (app, pilot):
        app.outline.focus()
        await pilot.press("end", "enter")
        await pilot.pause()
        assert app.reading.current_section == 3
        shown = text_of(app.reading)
        assert shown.splitlines()[0].strip().startswith("1.3  Approaches")
        for cell in [
            "Focus Areas",
            "Implementation Strategies",
            "Counter-Terrorism Operations",
            "Humanitarian Assistance",
            "Coordinated disaster response drills",
            "Cybersecurity Cooperation",
        ]:
            assert cell in shown
        assert "|" not in shown
        assert "---" not in shown
        # The empty cell is kept: the last row still has both column borders.
        row = next(line for line in shown.splitlines() if "Cybersecurity" in line)
        assert row.count("│") == 3


async def test_brackets_move_the_current_section() -> None:
    async with opened(SAMPLE) as (app, pilot):
        assert app.reading.current_section == 0
        await pilot.press("right_square_bracket")
        assert app.reading.current_section == 1
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert app.reading.current_section == 3
        await pilot.press("left_square_bracket")
        assert app.reading.current_section == 2
        await pilot.pause()
        assert text_of(app.status).startswith(" 1 > 1.2 Strategic Significance")
        # The keys work from the outline too.
        app.outline.focus()
        await pilot.press("right_square_bracket")
        assert app.reading.current_section == 3


async def test_tab_moves_the_focus_between_the_panes() -> None:
    async with opened(SAMPLE) as (app, pilot):
        assert app.focused is app.reading
        await pilot.press("tab")
        assert app.focused is app.outline
        await pilot.press("tab")
        assert app.focused is app.reading
        await pilot.press("shift+tab")
        assert app.focused is app.outline


async def test_scrolling_the_reading_pane_moves_the_outline_cursor() -> None:
    async with opened(SAMPLE) as (app, pilot):
        assert app.outline.cursor_node is not None
        assert app.outline.cursor_node.data == 0
        for _ in range(30):
            await pilot.press("j")
        await pilot.pause()
        current = app.reading.current_section
        assert current > 0
        assert app.outline.cursor_node.data == current
        await pilot.press("g")
        await pilot.pause()
        assert app.outline.cursor_node.data == 0


async def test_outline_keys_open_collapse_and_go_to_the_parent() -> None:
    async with opened(SAMPLE) as (app, pilot):
        app.outline.focus()
        await pilot.press("j", "j", "l")
        await pilot.pause()
        assert app.reading.current_section == 2
        await pilot.press("h")  # a leaf: go to the parent
        assert app.outline.cursor_node is not None
        assert app.outline.cursor_node.data == 0
        await pilot.press("h")  # the parent: collapse it
        await pilot.pause()
        assert len(entries(app.outline)) == 1
        await pilot.press("enter")  # expand it again and open it
        await pilot.pause()
        assert len(entries(app.outline)) == 4
        assert app.reading.current_section == 0


async def test_clicking_an_outline_entry_opens_it() -> None:
    async with opened(SAMPLE) as (app, pilot):
        line = app.outline.node_of(2).line
        await pilot.click(OutlinePane, offset=(12, line))
        await pilot.pause()
        assert app.reading.current_section == 2


async def test_o_hides_and_shows_the_outline() -> None:
    async with opened(SAMPLE) as (app, pilot):
        width = app.reading.size.width
        app.outline.focus()
        await pilot.press("o")
        await pilot.pause()
        assert not app.outline.display
        assert app.focused is app.reading
        assert app.reading.size.width > width
        await pilot.press("o")
        await pilot.pause()
        assert app.outline.display
        assert app.reading.size.width == width


async def test_narrow_terminals_hide_the_outline_until_o() -> None:
    async with opened(SAMPLE, (70, 24)) as (app, pilot):
        assert not app.outline.display
        await pilot.press("o")
        await pilot.pause()
        assert app.outline.display
        await pilot.resize_terminal(120, 40)
        await pilot.resize_terminal(60, 20)
        assert not app.outline.display


async def test_resizing_reflows_and_keeps_the_section() -> None:
    async with opened(SAMPLE) as (app, pilot):
        await pilot.press("right_square_bracket", "right_square_bracket")
        wide = max(len(line.rstrip()) for line in text_of(app.reading).splitlines())
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        assert app.reading.current_section == 2
        narrow = max(len(line.rstrip()) for line in text_of(app.reading).splitlines())
        assert narrow < wide
        assert text_of(app.reading).splitlines()[0].strip().startswith("1.2  Strategic")


async def test_help_lists_every_binding_and_closes() -> None:
    async with opened(SAMPLE) as (app, pilot):
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = text_of(app.screen.query_one(Static))
        for bindings in (ReaderApp.BINDINGS, ReadingPane.BINDINGS, OutlinePane.BINDINGS):
            for row in binding_rows(bindings, app.get_key_display):
                assert row.description in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_q_quits() -> None:
    async with opened(SAMPLE) as (app, pilot):
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_command_palette_runs_actions_and_finds_sections() -> None:
    async with opened(SAMPLE) as (app, pilot):
        await run_command(pilot, "Next section", "Next section")
        assert app.reading.current_section == 1
        await run_command(pilot, "Go to 1.3", "1.3 Approaches")
        assert app.reading.current_section == 3


async def test_end_shows_the_last_section_at_the_top() -> None:
    async with opened(SAMPLE) as (app, pilot):
        await pilot.press("G")
        await pilot.pause()
        assert app.reading.current_section == 3
        assert text_of(app.status).rstrip().endswith("100% · 1 min left")


async def test_the_end_stays_in_view_when_the_outline_comes_and_goes() -> None:
    async with opened(SAMPLE, (80, 24)) as (app, pilot):
        await pilot.press("G")
        assert "Cybersecurity" in text_of(app.reading)
        await pilot.press("o")
        assert "Cybersecurity" in text_of(app.reading)
        assert app.reading.scroll_y == app.reading.max_scroll_y


async def test_theme_changes_restyle_the_text() -> None:
    async with opened(SAMPLE) as (app, pilot):
        app.theme = "textual-dark"
        await pilot.pause()
        dark = strips(app.reading)[0]
        app.theme = "textual-light"
        await pilot.pause()
        light = strips(app.reading)[0]
        assert dark.text == light.text
        assert list(dark) != list(light)


def _document(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    return path


MARKUP = "[bold red]x[/] and [link=file:///etc/passwd]y[/link]"


async def test_markup_lookalikes_show_literally(tmp_path: Path) -> None:
    path = _document(
        tmp_path,
        f"# Title {MARKUP}\n\nBody {MARKUP}.\n\n| a | b |\n|---|---|\n| {MARKUP} | z |\n",
    )
    async with opened(path, (200, 40)) as (app, _pilot):
        shown = text_of(app.reading)
        assert f"Title {MARKUP}" in shown
        assert f"Body {MARKUP}." in shown
        row = next(line for line in shown.splitlines() if "│ z" in line)
        assert "[bold red]x[/]" in row
        assert "[bold red]x[/]" in text_of(app.outline)
        assert "[bold red]x[/]" in text_of(app.status)
        styles = [segment.style for strip in strips(app.reading) for segment in strip]
        assert not any(style and style.link for style in styles)
        assert not any(style and style.color and style.color.name == "red" for style in styles)


async def test_only_web_links_become_hyperlinks(tmp_path: Path) -> None:
    path = _document(
        tmp_path,
        "[web](https://example.com) [mail](mailto:a@example.com) [file](file:///etc/passwd)\n",
    )
    async with opened(path) as (app, _pilot):
        links = {
            segment.text: segment.style.link
            for strip in strips(app.reading)
            for segment in strip
            if segment.style and segment.style.link
        }
        assert links == {"web": "https://example.com", "mail": "mailto:a@example.com"}


ESCAPES = (
    "red \x1b[31mRED\x1b[0m title \x1b]0;PWNED\x07 link \x1b]8;;http://x\x1b\\click\x1b]8;;\x1b\\"
)


async def test_escape_sequences_are_shown_not_sent(tmp_path: Path) -> None:
    path = _document(tmp_path, f"# Head {ESCAPES}\n\nBody {ESCAPES}\n\n    code {ESCAPES}\n")
    async with opened(path, (200, 40)) as (app, _pilot):
        for widget in (app.reading, app.outline, app.status):
            for strip in strips(widget):
                for segment in strip:
                    assert not any(
                        ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0 for char in segment.text
                    )
        assert "␛[31mRED" in text_of(app.reading)
        assert "␛]0;PWNED␇" in text_of(app.reading)


def test_escape_sequences_never_reach_a_real_terminal(tmp_path: Path) -> None:
    path = _document(tmp_path, f"# Head {ESCAPES}\n\nBody {ESCAPES}\n")
    code, output = run_in_pty([str(path)], wait_for=b"Body")
    assert code == 0
    assert b"PWNED" in output
    assert b"\x1b]0;PWNED" not in output
    assert b"\x1b[31mRED" not in output
    assert b"\x1b]8;;http://x" not in output


def test_reads_the_document_from_a_pipe_and_keys_from_the_terminal() -> None:
    code, output = run_in_pty(["-"], stdin=SAMPLE.read_bytes(), wait_for=b"pivotal moment")
    assert code == 0
    assert b"Groundbreaking" in output


def test_piped_output_prints_the_text_instead_of_the_app(tmp_path: Path) -> None:
    path = _document(tmp_path, "# Piped\n\nSome text, " + "word " * 30 + "\n")
    result = subprocess.run(
        [sys.executable, "-m", "pactreader", str(path)],
        capture_output=True,
        env={**os.environ, "COLUMNS": "40"},
        check=False,
    )
    exported = subprocess.run(
        [sys.executable, "-m", "pactreader", "export", str(path), "--width", "40"],
        capture_output=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout == exported.stdout
    assert result.stdout.startswith(b"1 Piped\n=======\n")


def test_piped_input_without_a_file_is_the_document() -> None:
    code, output = run_in_pty([], stdin=b"# From a pipe\n\nPiped body.\n", wait_for=b"Piped body")
    assert code == 0
    assert b"From a pipe" in output


def test_without_a_terminal_for_keys_the_reader_says_why() -> None:
    master, slave = os.openpty()  # the screen is a terminal; there is none to read keys from
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pactreader", "-"],
            input=b"# Hi\n",
            stdout=slave,
            stderr=subprocess.PIPE,
            start_new_session=True,  # no controlling terminal: /dev/tty cannot be opened
            check=False,
        )
    finally:
        os.close(slave)
        os.close(master)
    assert result.returncode == 1
    assert result.stderr.decode().startswith("pactreader: error: the reader needs a terminal")
    assert b"Traceback" not in result.stderr


@pytest.fixture(params=["generated", *shared_params([CORPUS / "pandoc-changelog-huge.md"])])
def long_changelog(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A changelog of thousands of sections: generated, and pandoc's with ``../shared``."""
    if request.param == "generated":
        return write(tmp_path, "changelog.md", changelog())
    assert isinstance(request.param, Path)
    return request.param


async def test_big_documents_render_only_what_is_on_screen(long_changelog: Path) -> None:
    async with opened(long_changelog) as (app, pilot):
        total = len(app.document.sections)
        assert app.reading.rendered_sections < 10
        rows = [line for line in text_of(app.outline).splitlines() if line.strip()]
        assert len(rows) >= app.outline.size.height  # the outline fills its pane
        await pilot.press("G")
        await pilot.pause()
        assert app.reading.current_section == total - 1
        assert app.reading.rendered_sections < 20
        outline = app.outline
        await wait_until(
            pilot, lambda: outline.cursor_node and outline.cursor_node.data == total - 1
        )
        last = app.document.sections[-1]
        assert f"{last.number}  {last.title}" in text_of(app.reading)
        assert app.outline.cursor_node is not None
        assert app.outline.cursor_node.data == total - 1


async def test_the_next_page_is_rendered_after_the_frame(long_changelog: Path) -> None:
    async with opened(long_changelog) as (app, pilot):
        reading = app.reading
        below = reading.section_top(reading.current_section) + 2 * reading.size.height

        def covered() -> int:
            return len([i for i in range(reading.section_count) if reading.section_top(i) <= below])

        # The margin is rendered one section per idle moment.
        await wait_until(pilot, lambda: reading.rendered_sections >= covered())
        assert reading.rendered_sections < reading.section_count // 4


@pytest.mark.parametrize("text", ["", "---\ntitle: Only metadata\n---\n", "\n\n  \n"])
async def test_empty_documents_open_and_quit(tmp_path: Path, text: str) -> None:
    path = _document(tmp_path, text)
    async with opened(path) as (app, pilot):
        await pilot.press("right_square_bracket", "G", "j", "tab", "o", "o")
        await pilot.press("q")
    assert app.return_code == 0


async def test_highlights_restyle_only_their_section() -> None:
    async with opened(SAMPLE) as (app, pilot):
        before = strips(app.reading)
        # Unit 0 of section 0 is its heading: highlight its first word.
        app.reading.set_highlights(0, {0: [(0, len("Groundbreaking"), "match")]})
        await pilot.pause()
        after = strips(app.reading)
        assert [strip.text for strip in after] == [strip.text for strip in before]
        word = next(segment for segment in after[0] if segment.text == "Groundbreaking")
        assert word.style is not None
        assert word.style.bgcolor == app.reading.get_component_rich_style("reading--match").bgcolor
        assert list(after[1]) == list(before[1])
        app.reading.clear_highlights()
        await pilot.pause()
        assert list(strips(app.reading)[0]) == list(before[0])


@pytest.mark.parametrize(
    "module",
    ["pactreader.cli.main", "pactreader.pipeline", "pactreader.render.rich_blocks"],
)
def test_the_core_does_not_import_textual(module: str) -> None:
    code = (
        f"import sys, {module}, pactreader.render.text, pactreader.render.export\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_reader_starts_without_the_commands_export_or_repair() -> None:
    """What opening the reader imports: no other command, no exporter, no repair layer.

    They are imported when used, so the first screen does not wait for them.
    """
    code = (
        "import sys, pactreader.cli.main, pactreader.tui.app\n"
        "unused = ['pactreader.cli.export', 'pactreader.cli.search', 'pactreader.cli.clean',\n"
        "          'pactreader.render.export', 'pactreader.repair.repair',\n"
        "          'pactreader.tui.export_dialog', 'pactreader.tui.help_screen']\n"
        "loaded = [m for m in unused if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


async def test_a_pane_message_arriving_as_the_app_closes_is_dropped() -> None:
    """``q`` pressed while a search step or a position report is on its way."""
    async with opened(SAMPLE) as (app, pilot):
        await app.query_one("#reading").remove()  # as when the app tears its panes down
        for message in (ShowMatch(0, 0), ReadingPosition(1, 50), OpenSection(1)):
            app.post_message(message)
        await pilot.pause()
        assert app.is_running


async def test_style_updates_that_change_nothing_render_nothing_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pactreader.tui import reading_pane

    rendered: list[int] = []
    real = reading_pane.section_parts

    def counting(document: object, section: Any, *args: Any, **kwargs: Any) -> Any:
        rendered.append(section.index)
        return real(document, section, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reading_pane, "section_parts", counting)
    async with opened(SAMPLE) as (app, pilot):
        await wait_until(pilot, lambda: app.reading.rendered_sections == len(app.document.sections))
        assert sorted(rendered) == list(range(len(app.document.sections)))  # each once
        await pilot.press("tab", "tab")  # focus moves: styles update, colours do not
        await pilot.pause()
        assert len(rendered) == len(app.document.sections)
        app.theme = "textual-light" if app.current_theme.dark else "textual-dark"
        await pilot.pause()
        assert len(rendered) > len(app.document.sections)  # a new palette: drawn again
