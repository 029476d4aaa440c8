"""A scraped article's metadata is shown under its title in the reading pane."""

from __future__ import annotations

from pathlib import Path

from tests.reader_helpers import opened, text_of

LEDE = (
    "The town council voted on Tuesday night to close the old library, a decision that "
    "followed months of debate and a petition signed by more than two thousand residents."
)


async def test_the_byline_is_shown_under_the_title(tmp_path: Path) -> None:
    article = tmp_path / "library.txt"
    article.write_text(f"Library to close\nBy Mary Example\n{LEDE}\n{LEDE}\n", encoding="utf-8")
    async with opened(article) as (app, _pilot):
        lines = [line.strip() for line in text_of(app.reading).splitlines() if line.strip()]
        title = next(i for i, line in enumerate(lines) if "Library to close" in line)
        byline = next(i for i, line in enumerate(lines) if "author: Mary Example" in line)
        lede = next(i for i, line in enumerate(lines) if line.startswith("The town council"))
        assert title < byline < lede
