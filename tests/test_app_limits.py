"""Input limits: extreme documents open in the reader, which stays responsive to keys.

The full-size cases (100 MB, a 50 MB line, 100,000 headings) are measured by
``benchmarks/bench_limits.py``; these are the same shapes at sizes a test suite can
afford, asserting behaviour, not time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pactreader.pipeline import load_document
from pactreader.render import rich_blocks
from pactreader.tui.app import ReaderApp

SHAPES = {
    "nested-quotes": ">" * 10_000 + " deep\n",
    "nested-lists": "".join("  " * i + "- item\n" for i in range(2_000)),
    "wide-table": "|"
    + "|".join(f"c{i}" for i in range(1_000))
    + "|\n|"
    + "---|" * 1_000
    + "\n"
    + ("|" + "|".join("x" for _ in range(1_000)) + "|\n") * 4,
    "many-headings": "".join(f"{'#' * (1 + i % 4)} H{i}\n\ntext {i}\n\n" for i in range(20_000)),
    "long-line": "word " * 400_000 + "\n",
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
async def test_extreme_document_opens_and_quits(tmp_path: Path, shape: str) -> None:
    path = tmp_path / f"{shape}.md"
    path.write_text(SHAPES[shape], encoding="utf-8")
    app = ReaderApp(load_document(str(path)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("G", "right_square_bracket", "g", "o", "o")
        await pilot.pause()
        assert app.reading.size.height > 0
        await pilot.press("q")
    assert app.return_code == 0


async def test_a_giant_paragraph_says_what_it_does_not_show(tmp_path: Path) -> None:
    path = tmp_path / "giant.md"
    path.write_text("# Giant\n\n" + "word " * 60_000 + "\n", encoding="utf-8")
    app = ReaderApp(load_document(str(path)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("G")
        await pilot.pause()
        shown = " ".join(" ".join(app.reading.render_line(y).text.split()) for y in range(30))
        # 300,000 characters less the trailing space, 100,000 of them shown.
        assert "199,999 more characters of this block are not shown here" in shown


async def test_a_table_too_wide_for_a_grid_shows_records(tmp_path: Path) -> None:
    path = tmp_path / "wide.md"
    path.write_text(SHAPES["wide-table"], encoding="utf-8")
    app = ReaderApp(load_document(str(path)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = "\n".join(app.reading.render_line(y).text for y in range(30))
        assert "A table of 1,000 columns, shown row by row:" in shown
        assert "c0: x" in shown and "c1: x" in shown
        await pilot.press("G")
        await pilot.pause()
        shown = " ".join(" ".join(app.reading.render_line(y).text.split()) for y in range(30))
        assert "2 more rows not shown here" in shown


async def test_a_huge_section_is_parsed_in_part_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The view's limit is 2 MB; the same mechanism at a fiftieth of the size costs a
    # test suite a second instead of half a minute (bench_limits.py has the full size).
    limit = rich_blocks.MAX_SECTION_CHARS // 50
    monkeypatch.setattr(rich_blocks, "MAX_SECTION_CHARS", limit)
    path = tmp_path / "huge.md"
    path.write_text("# Huge\n\n" + "a line of text\n\n" * (limit // 8), encoding="utf-8")
    app = ReaderApp(load_document(str(path)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("G")
        await pilot.pause()
        shown = " ".join(" ".join(app.reading.render_line(y).text.split()) for y in range(30))
        assert "more characters of this section are not shown here" in shown
