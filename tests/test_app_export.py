"""Exporting and copying sections from the reader (``e``, ``y``, ``Y``)."""

from __future__ import annotations

import errno
import json
import tempfile
from pathlib import Path

import pytest
from textual.widgets import Input, RadioButton

from pactreader.cli.main import main
from pactreader.tui.confirm_dialog import ConfirmDialog
from pactreader.tui.export_dialog import ExportDialog
from tests.conftest import SAMPLE
from tests.reader_helpers import notices, opened

SLUG = "approaches-to-strengthening-bilateral-military-cooperation"


def cli_export(capsys: pytest.CaptureFixture[str], *options: str) -> str:
    assert main(["export", str(SAMPLE), "1.3", *options]) == 0
    return capsys.readouterr().out


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


async def test_e_writes_the_section_as_the_cli_does(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = cli_export(capsys)
    async with opened(SAMPLE) as (app, pilot):
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        path_input = dialog.query_one("#path", Input)
        assert path_input.value == str(in_tmp / f"{SLUG}.txt")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
        written = in_tmp / f"{SLUG}.txt"
        assert written.read_text(encoding="utf-8") == expected
        assert any(str(written) in message for message in notices(app))
    assert sorted(p.name for p in in_tmp.iterdir()) == [f"{SLUG}.txt"]


async def test_existing_file_is_never_overwritten_without_a_yes(in_tmp: Path) -> None:
    target = in_tmp / f"{SLUG}.txt"
    target.write_text("keep me", encoding="utf-8")
    async with opened(SAMPLE) as (app, pilot):
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # the focused button is "No": Enter alone never overwrites
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "keep me"
        assert any("left unchanged" in message for message in notices(app))

        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "keep me"

        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("1.3 Approaches")
    assert sorted(p.name for p in in_tmp.iterdir()) == [target.name]


async def test_cancel_writes_nothing(in_tmp: Path) -> None:
    async with opened(SAMPLE) as (app, pilot):
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    assert list(in_tmp.iterdir()) == []


async def test_format_and_width_are_chosen_and_remembered(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = cli_export(capsys, "--width", "50")
    async with opened(SAMPLE) as (app, pilot):
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        json_button = next(b for b in dialog.query(RadioButton) if b.name == "json")
        await pilot.click(json_button)
        await pilot.pause()
        assert dialog.query_one("#path", Input).value == str(in_tmp / f"{SLUG}.json")
        dialog.query_one("#width", Input).value = "50"
        dialog.query_one("#path", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        payload = json.loads((in_tmp / f"{SLUG}.json").read_text(encoding="utf-8"))
        assert payload["number"] == "1.3"
        assert payload["text"] == expected
        assert (app.export_format, app.export_width) == ("json", 50)

        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert dialog.query_one("#path", Input).value.endswith(".json")
        assert dialog.query_one("#width", Input).value == "50"
        assert next(b for b in dialog.query(RadioButton) if b.name == "json").value


async def test_write_errors_are_reported_and_leave_nothing(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, "Read-only file system")

    async with opened(SAMPLE) as (app, pilot):
        # A path that is a folder.
        (in_tmp / "folder").mkdir()
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(in_tmp / "folder")
        await pilot.press("enter")
        await pilot.pause()
        assert any("is a directory" in message for message in notices(app))
        # A read-only file system.
        monkeypatch.setattr(tempfile, "mkstemp", read_only)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert any("read-only file system" in message for message in notices(app))
    assert [p.name for p in in_tmp.iterdir()] == ["folder"]
    assert list((in_tmp / "folder").iterdir()) == []


async def test_y_copies_plain_text_and_Y_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    expected = cli_export(capsys)
    markdown = cli_export(capsys, "--format", "markdown")
    async with opened(SAMPLE) as (app, pilot):
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == expected
        assert any("Copied 1.3" in message for message in notices(app))
        await pilot.press("Y")
        await pilot.pause()
        assert app.clipboard == markdown


async def test_export_actions_are_in_the_command_palette() -> None:
    async with opened(SAMPLE) as (app, _pilot):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Export", "Copy as text", "Copy as Markdown"} <= set(titles)


async def test_markup_in_a_title_stays_literal_in_notifications(in_tmp: Path) -> None:
    path = in_tmp / "markup.md"
    path.write_text("# [bold red]x[/] and [link=file:///etc/passwd]y[/link]\n\ntext\n")
    async with opened(path) as (app, pilot):
        await pilot.press("y")
        await pilot.pause()
        (message,) = notices(app)
        assert "[bold red]x[/]" in message and "[link=file:///etc/passwd]" in message
