"""A big outline fills in after the first frame, and is whole once it has."""

from __future__ import annotations

from pathlib import Path

from pactreader.tui.outline_pane import FIRST_BATCH
from tests.reader_helpers import opened, outline_sections, text_of, wait_until

SECTIONS = FIRST_BATCH * 3 + 7


def _document(folder: Path) -> Path:
    path = folder / "many.md"
    parts = []
    for number in range(SECTIONS):
        level = "#" if number % 10 == 0 else "##"
        parts.append(f"{level} Part {number}\n\nText of part {number}.\n")
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


async def test_every_section_is_in_the_outline_once_it_has_filled_in(tmp_path: Path) -> None:
    async with opened(_document(tmp_path)) as (app, pilot):
        outline = app.outline
        await wait_until(pilot, lambda: outline.sections_shown == SECTIONS)
        assert outline_sections(outline.root) == list(range(SECTIONS))


async def test_the_last_section_opens_from_the_outline_at_once(tmp_path: Path) -> None:
    async with opened(_document(tmp_path)) as (app, pilot):
        last = SECTIONS - 1
        app.outline.select_node(app.outline.node_of(last))
        await pilot.pause()
        assert app.reading.current_section == last
        assert f"Part {last}" in text_of(app.reading)
