"""Issue 14 in the reader: the palette, notifications, title bar, clipboard and export.

A heading, a file name or a code block is data everywhere in the app, not only in the
reading pane: never markup, never an action, never a control sequence.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.app import App
from textual.command import CommandPalette, Hit
from textual.content import Content
from textual.widgets import Input

from pactreader.tui.app import ReaderApp
from pactreader.tui.export_dialog import ExportDialog
from pactreader.tui.palette import SectionCommands
from tests.reader_helpers import notices, opened, run_command, text_of
from tests.test_security_paths import ALIAS_BOMB

QUIT = "[@click=app.quit]Install quit[/]"
SCREENSHOT = "[@click=app.screenshot('victim.txt','{folder}')]Installation[/]"
CLOSER = "Broken [/] closer"


def _hostile_headings(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.md"
    screenshot = SCREENSHOT.format(folder=tmp_path)
    path.write_text(
        f"# {QUIT}\n\ntext\n\n## {screenshot}\n\ntext\n\n## {CLOSER}\n\ntext\n\n"
        "## Zeta after the closer\n\ntext\n",
        encoding="utf-8",
    )
    return path


async def _hits(app: ReaderApp, query: str) -> list[Hit]:
    provider = SectionCommands(app.screen)
    return [hit async for hit in provider.search(query) if isinstance(hit, Hit)]


async def test_palette_entries_are_content_never_markup(tmp_path: Path) -> None:
    async with opened(_hostile_headings(tmp_path)) as (app, _pilot):
        hits = await _hits(app, "install")
        names = sorted(str(hit.text) for hit in hits)
        screenshot = SCREENSHOT.format(folder=tmp_path)
        assert names == [f"Go to 1 {QUIT}", f"Go to 1.1 {screenshot}"]
        for hit in hits:
            display = hit.match_display
            assert isinstance(display, Content)
            assert display.plain == hit.text  # the brackets are text
            # What the palette does with it (markup is parsed from strings only).
            assert Content.from_markup(display) is display
            assert all("@click" not in str(span.style) for span in display.spans)
        # A heading with [/] neither raises nor hides the entries after it.
        assert [str(hit.text) for hit in await _hits(app, "broken")] == [f"Go to 1.2 {CLOSER}"]
        assert [str(hit.text) for hit in await _hits(app, "zeta")] == [
            "Go to 1.3 Zeta after the closer"
        ]


async def test_choosing_a_hostile_heading_in_the_palette_only_goes_there(tmp_path: Path) -> None:
    async with opened(_hostile_headings(tmp_path)) as (app, pilot):
        await run_command(pilot, "installation", "Installation")
        assert app.is_running
        assert app.reading.current_section == 1
        await run_command(pilot, "install quit", "Install quit")
        assert app.is_running
        assert app.reading.current_section == 0
    assert not (tmp_path / "victim.txt").exists()


async def test_sections_are_not_built_when_the_palette_opens(tmp_path: Path) -> None:
    async with opened(_hostile_headings(tmp_path)) as (app, _pilot):
        names = [command.title for command in app.get_system_commands(app.screen)]
        assert not [name for name in names if name.startswith("Go to 1")]
        assert "Next section" in names


async def test_the_palette_survives_a_burst_of_keys(tmp_path: Path) -> None:
    path = tmp_path / "many.md"
    path.write_text("".join(f"## Heading {n}\n\ntext\n\n" for n in range(3000)), encoding="utf-8")
    async with opened(path) as (app, pilot):
        # Ctrl+P Space PageDown as one read from the terminal: queued before any is handled.
        for key, character in (("ctrl+p", None), ("space", " "), ("pagedown", None)):
            app.post_message(events.Key(key, character))
        await pilot.pause(0.2)
        await pilot.press("pagedown", "pagedown", "down", "pageup", "backspace", "h", "pagedown")
        await pilot.pause(0.2)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape", "q")
        await pilot.pause()
    assert app.return_code == 0


# ------------------------------------------------------------ notifications, title bar


async def test_notifications_are_one_safe_plain_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What the reader hands to Textual's notify, after its own safety pass.
    reached: list[tuple[str, str, bool]] = []
    textual_notify = App.notify

    def record(app: App[None], message: str, *, title: str = "", **kwargs: Any) -> None:
        reached.append((title, message, bool(kwargs.get("markup", True))))
        textual_notify(app, message, title=title, **kwargs)

    monkeypatch.setattr(App, "notify", record)
    path = tmp_path / "doc.md"
    path.write_text("# Title\n\ntext\n", encoding="utf-8")
    async with opened(path) as (app, pilot):
        app.notify("a\x1b]0;pwned\x07 [bold]b[/bold]\n\u202ec", title="t\x1b[2J", markup=True)
        await pilot.pause()
        assert reached and not any(markup for *_, markup in reached)
        shown = "\n".join(f"{title}: {message}" for title, message, _ in reached)
        assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
        assert "[bold]b[/bold]" in shown
        assert "\u241b]0;pwned\u2407" in shown


async def test_the_title_bar_shows_a_hostile_file_name_inert(tmp_path: Path) -> None:
    path = tmp_path / "x\x1b]0;pwned\x07\x1b[2J.md"
    path.write_text("no heading, no title\n", encoding="utf-8")
    async with opened(path) as (app, _pilot):
        shown = text_of(app.query_one("#title"))
        assert "\x1b" not in shown and "\x07" not in shown
        assert "x\u241b]0;pwned\u2407\u241b[2J" in shown
        assert "\x1b" not in app.sub_title


# ------------------------------------------------------------ clipboard


async def test_both_copies_strip_controls(tmp_path: Path) -> None:
    path = tmp_path / "paste.md"
    path.write_text(
        "# Paste me\n\n```sh\n\x1b[201~ rm -rf ~\techo\n```\n\nBell \x07 and \x9b C1.\n",
        encoding="utf-8",
    )
    async with opened(path) as (app, pilot):
        for key in ("y", "Y"):
            await pilot.press(key)
            await pilot.pause()
            copied = app.clipboard
            assert "rm -rf ~" in copied
            assert not any(
                (ord(char) < 0x20 and char not in "\t\n") or 0x7F <= ord(char) <= 0x9F
                for char in copied
            ), (key, copied)
        assert "\techo\n" in app.clipboard  # tab and newline are kept


# ------------------------------------------------------------ export


async def test_a_failed_export_says_why_and_keeps_the_input(tmp_path: Path) -> None:
    path = tmp_path / "long.md"
    path.write_text(f"# {'Long heading ' * 30}\n\ntext\n", encoding="utf-8")
    async with opened(path) as (app, pilot):
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        # The default name from a 390-character heading fits the file system.
        default = Path(dialog.query_one("#path", Input).value)
        assert len(os.fsencode(default.name)) <= 255
        target = str(tmp_path / "no such folder" / ("n" * 300 + ".txt"))
        dialog.query_one("#path", Input).value = target
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause(0.02)
            if isinstance(app.screen, ExportDialog) and app.screen is not dialog:
                break
        assert app.is_running
        again = app.screen
        assert isinstance(again, ExportDialog)
        assert again.query_one("#path", Input).value == target
        said = "\n".join(notices(app))
        assert "Export failed" in said
        assert "file name too long" in said or "does not exist" in said
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running


# ------------------------------------------------------------ front matter


async def test_the_alias_bomb_opens_with_its_front_matter_as_text(tmp_path: Path) -> None:
    path = tmp_path / "bomb.md"
    path.write_text(ALIAS_BOMB, encoding="utf-8")
    async with opened(path) as (app, _pilot):
        shown = text_of(app.reading)
        assert "front matter not read" in shown
        assert 'a: &a ["lol"' in shown
        assert app.document.title == "Title"


# ------------------------------------------------------------ keys before the first screen


def test_keys_typed_before_the_first_screen_are_kept() -> None:
    """``q`` typed as the reader starts (before Python has even loaded it) still quits."""
    from tests.conftest import SAMPLE
    from tests.reader_helpers import run_in_pty

    code, _output = run_in_pty([str(SAMPLE)], wait_for=b"", keys=b"q", timeout=30)
    assert code == 0


async def test_the_outline_waits_while_the_palette_is_up(tmp_path: Path) -> None:
    """Filling in a big outline lays out the whole tree each step: not under the palette."""
    path = tmp_path / "many.md"
    path.write_text("".join(f"## Heading {n}\n\ntext\n\n" for n in range(20_000)), encoding="utf-8")
    async with opened(path) as (app, pilot):
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        app.outline.set_document(app.document)  # the tree starts filling in again
        shown = app.outline.sections_shown
        await pilot.pause(0.3)
        assert app.outline.sections_shown == shown < 20_000
        await pilot.press("escape")
        for _ in range(200):
            await pilot.pause(0.02)
            if app.outline.sections_shown > shown:
                break
        assert app.outline.sections_shown > shown
