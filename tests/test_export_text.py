"""Plain-text export: golden files and the width and no-markup properties."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactreader.cli.main import main
from pactreader.parse import parse_markdown
from pactreader.render.text import TextStyle, export_text
from tests.conftest import SAMPLE
from tests.strategies import PROSE_ARTICLES

GOLDEN = Path(__file__).parent / "golden"

CASES = [
    ("lists.md", ["--width", "60"], "lists.w60.txt"),
    ("wide-table.md", ["--width", "60"], "wide-table.w60.txt"),
    ("wide-table.md", ["--width", "60", "--ascii"], "wide-table.w60.ascii.txt"),
    ("wide-table.md", ["--width", "40"], "wide-table.w40.txt"),
    ("code.md", ["--width", "60"], "code.w60.txt"),
    ("quotes.md", ["--width", "60"], "quotes.w60.txt"),
    ("footnotes-links.md", ["--width", "60"], "footnotes-links.w60.txt"),
]


@pytest.mark.parametrize(("source", "options", "expected"), CASES, ids=[c[2] for c in CASES])
def test_golden(
    source: str, options: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(GOLDEN / source), *options]) == 0
    assert capsys.readouterr().out == (GOLDEN / expected).read_text(encoding="utf-8")


@pytest.mark.parametrize("number", ["1", "1.1", "1.2", "1.3"])
def test_golden_sample_sections(number: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(SAMPLE), number]) == 0
    expected = (GOLDEN / f"sample-{number}.txt").read_text(encoding="utf-8")
    assert capsys.readouterr().out == expected


def test_wide_table_wraps_cells_instead_of_overflowing() -> None:
    text = (GOLDEN / "wide-table.w60.txt").read_text(encoding="utf-8")
    grid = [line for line in text.splitlines() if line[:1] in "┌│├└"]
    assert grid and all(len(line) <= 60 for line in grid)
    assert "wrapping" in text and "disables" in text


def test_long_word_is_kept_whole() -> None:
    word = "Pneumonoultramicroscopicsilicovolcanoconiosis-and-then-some"
    document = parse_markdown(f"# T\n\nshort {word} tail\n")
    text = export_text(document, document.sections[0], TextStyle(width=20))
    assert f"\n{word}\n" in text


SEPARATORS = re.compile(r"^(?:[>\s]|[-=]+$|- |\d+\. |\[\d+\] )*")
MARKUP = ("|---", "**", "<li>", "</", "](", "<div>", "~~")


@given(PROSE_ARTICLES, st.sampled_from([20, 40, 60, 80]))
def test_lines_fit_width_and_no_markup_leaks(text: str, width: int) -> None:
    document = parse_markdown(text)
    for section in document.sections:
        exported = export_text(document, section, TextStyle(width=width))
        for line in exported.splitlines():
            if len(line) > width:
                content = SEPARATORS.sub("", line)
                assert " " not in content.strip(), (width, line)
        for markup in MARKUP:
            assert markup not in exported
