"""Links within and between documents, and back / forward through the places visited."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from pactreader.pipeline import load_document
from pactreader.tui.app import ReaderApp
from pactreader.tui.links_dialog import LinksDialog
from tests.reader_helpers import notices, opened, text_of, wait_until

FILLER = "\n".join(f"Filler line {n} of the section, long enough to scroll.\n" for n in range(40))

README = f"""# Zoo guide

Contents: [Animals](#animals), [the feeding spot](#pond) and
[the keepers' notes](notes.md#night-shift), [gone](#nowhere).

{FILLER}

## Animals

Lions and tigers.

{FILLER}

## Feeding

{FILLER}

<a id="pond"></a>The feeding spot is by the pond.

{FILLER}
"""

NOTES = f"""# Keepers' notes

## Day shift

{FILLER}

## Night shift

Check the gates twice.
"""


@pytest.fixture
def zoo(tmp_path: Path) -> Path:
    (tmp_path / "notes.md").write_text(NOTES, encoding="utf-8")
    path = tmp_path / "README.md"
    path.write_text(README, encoding="utf-8")
    return path


async def follow(app: ReaderApp, pilot: Pilot[None], index: int) -> None:
    """``L``, then Enter on link ``index`` of the current section."""
    await pilot.press("L")
    await wait_until(pilot, lambda: isinstance(app.screen, LinksDialog))
    app.screen.query_one(OptionList).highlighted = index
    await pilot.press("enter")
    await pilot.pause()


def title_at_top(app: ReaderApp) -> str:
    return app.document.sections[app.reading.current_section].title


async def test_an_anchor_link_jumps_and_backspace_returns(zoo: Path) -> None:
    async with opened(zoo) as (app, pilot):
        await pilot.press("j", "j")
        before = app.reading.place
        await follow(app, pilot, 0)
        assert title_at_top(app) == "Animals"
        await pilot.press("backspace")
        await pilot.pause()
        assert app.reading.place == before
        await pilot.press("alt+right")
        await pilot.pause()
        assert title_at_top(app) == "Animals"
        await pilot.press("alt+left")
        await pilot.pause()
        assert app.reading.place == before


async def test_an_a_id_anchor_inside_a_section_shows_its_line(zoo: Path) -> None:
    async with opened(zoo) as (app, pilot):
        await follow(app, pilot, 1)
        assert title_at_top(app) == "Feeding"
        assert app.reading.place[1] > 0  # not the heading: the anchor's own block
        assert "The feeding spot is by the pond." in text_of(app.reading).splitlines()[0]


async def test_a_missing_anchor_says_so_and_goes_nowhere(zoo: Path) -> None:
    async with opened(zoo) as (app, pilot):
        await follow(app, pilot, 3)
        assert app.reading.place == (0, 0)
        assert any("No section or anchor named #nowhere" in n for n in notices(app))
        assert app.history.back == []


async def test_a_relative_link_opens_the_document_and_back_comes_home(zoo: Path) -> None:
    async with opened(zoo) as (app, pilot):
        await follow(app, pilot, 2)
        assert Path(app.document.source).name == "notes.md"
        assert title_at_top(app) == "Night shift"
        assert "Keepers' notes" in app.sub_title
        await pilot.press("backspace")
        await pilot.pause()
        assert Path(app.document.source).name == "README.md"
        assert app.reading.place == (0, 0)
        await pilot.press("alt+right")
        await pilot.pause()
        assert title_at_top(app) == "Night shift"


async def test_a_link_to_a_missing_file_is_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# A\n\n[b](b.md)\n", encoding="utf-8")
    async with opened(path) as (app, pilot):
        await follow(app, pilot, 0)
        assert app.document.source == str(path)
        assert any("no such file" in notice for notice in notices(app))


async def test_g_and_end_are_jumps_that_back_undoes(zoo: Path) -> None:
    async with opened(zoo) as (app, pilot):
        await pilot.press("G")
        await pilot.pause()
        end = app.reading.place
        assert end[0] == len(app.document.sections) - 1
        await pilot.press("g")
        await pilot.pause()
        assert app.reading.place == (0, 0)
        await pilot.press("backspace")
        await pilot.pause()
        assert app.reading.place == end
        await pilot.press("backspace")
        await pilot.pause()
        assert app.reading.place == (0, 0)
        await pilot.press("backspace")
        await pilot.pause()
        assert any("Nothing to go back to" in notice for notice in notices(app))


async def test_outline_choices_are_jumps_too(zoo: Path) -> None:
    async with opened(zoo) as (app, pilot):
        await pilot.press("tab", "down", "down", "enter")
        await pilot.pause()
        assert title_at_top(app) == "Feeding"
        await pilot.press("backspace")
        await pilot.pause()
        assert app.reading.place == (0, 0)


async def test_several_files_alt_right_goes_to_the_next(zoo: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    app = ReaderApp(load_document(str(zoo)), files=[str(zoo), str(notes)])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("alt+right")
        await pilot.pause()
        assert app.document.source == str(notes)
        await pilot.press("alt+right")  # the last file: nothing further
        await pilot.pause()
        assert app.document.source == str(notes)
        await pilot.press("backspace")
        await pilot.pause()
        assert app.document.source == str(zoo)
        await pilot.press("alt+right")
        await pilot.pause()
        assert app.document.source == str(notes)


def test_several_files_piped_print_one_after_the_other(zoo: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    result = subprocess.run(
        [sys.executable, "-m", "pactreader", str(zoo), str(notes)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.index("1 Zoo guide") < result.stdout.index("1 Keepers' notes")


async def test_clicking_a_link_in_the_text_follows_it(zoo: Path) -> None:
    async with opened(zoo) as (app, pilot):
        lines = text_of(app.reading).splitlines()
        row = next(n for n, line in enumerate(lines) if "Contents: Animals" in line)
        column = lines[row].index("Animals") + 2
        await pilot.click(app.reading, offset=(column, row))
        await wait_until(pilot, lambda: title_at_top(app) == "Animals")
        await pilot.press("backspace")
        await pilot.pause()
        assert app.reading.place == (0, 0)


async def test_clicking_plain_text_follows_nothing(zoo: Path) -> None:
    async with opened(zoo) as (app, pilot):
        lines = text_of(app.reading).splitlines()
        row = next(n for n, line in enumerate(lines) if "Contents: Animals" in line)
        await pilot.click(app.reading, offset=(lines[row].index("Contents") + 2, row))
        await pilot.pause()
        assert app.reading.place == (0, 0)
        assert app.history.back == []
