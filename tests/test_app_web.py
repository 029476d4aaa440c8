"""A web page in the reader: its byline under the title, its links made absolute."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from pactreader.tui.links_dialog import LinksDialog
from pactreader.tui.status_bar import TitleBar
from tests.reader_helpers import opened, text_of
from tests.web_pages import ARTICLE

SAVED = ARTICLE.replace(
    "</head>",
    '<link rel="canonical" href="https://tea.example/guides/brew"></head>',
).replace('<a href="/kettles">', '<a href="../kettles">')


async def test_byline_and_absolute_links(tmp_path: Path) -> None:
    page = tmp_path / "brew.html"
    page.write_text(SAVED, encoding="utf-8")
    async with opened(page) as (app, pilot):
        bar = text_of(app.query_one(TitleBar))
        assert "How to Brew Tea" in bar
        assert "Ada Leaf · 2024-03-05 · https://tea.example/guides/brew" in bar
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, LinksDialog)
        listed = text_of(app.screen.query_one(OptionList))
        assert "https://tea.example/kettles" in listed


async def test_a_markdown_file_keeps_a_one_line_title_bar(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n\nText.\n", encoding="utf-8")
    async with opened(path) as (app, _pilot):
        assert app.query_one(TitleBar).outer_size.height == 1
