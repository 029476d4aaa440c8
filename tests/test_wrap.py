"""Line breaking by terminal cells: one rule for export, the reading pane and the outline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import regex
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from pactreader.parse.outline import parse_markdown
from pactreader.render.rich_blocks import section_parts
from pactreader.render.table_layout import column_widths, grid_fits
from pactreader.render.wrap import line_breaks, longest_piece, wrap

DOCUMENTS = Path(__file__).parent / "documents"

CHINESE = "这是一个没有空格的中文段落，用来测试终端中的自动换行是否按照单元格宽度计算。"  # noqa: RUF001

WORDS = st.lists(
    st.sampled_from(
        [
            "a",
            "word",
            "internationalization",
            "中文",
            "字符",
            "。",
            "「引",
            "号」",
            "e\u0301",
            "👍🏽",
            "🇫🇷",
        ]
    ),
    max_size=40,
)


def _graphemes(text: str) -> list[str]:
    return regex.findall(r"\X", text)


def test_chinese_breaks_between_characters_within_the_width() -> None:
    lines = wrap(CHINESE, 20)
    assert len(lines) > 1
    assert all(cell_len(line) <= 20 for line in lines)
    assert "".join(lines) == CHINESE


def test_closing_punctuation_never_starts_a_line() -> None:
    for width in range(4, 40):
        for line in wrap(CHINESE + "「引号里的内容」也应当正确处理。", width)[1:]:
            assert line[0] not in "，。」", (width, line)  # noqa: RUF001


def test_latin_words_stay_whole_and_a_no_break_space_holds() -> None:
    assert wrap("internationalization of text", 10) == ["internationalization", "of text"]
    assert wrap("a 10\u00a0km walk", 6) == ["a", "10\u00a0km", "walk"]


def test_fold_breaks_only_a_word_wider_than_the_line() -> None:
    assert wrap("short internationalization", 8, fold=True) == [
        "short",
        "internat",
        "ionaliza",
        "tion",
    ]


def test_a_grapheme_is_never_split() -> None:
    flags = "🇫🇷🇩🇪🇯🇵"
    lines = wrap(flags, 3, fold=True)
    assert lines == ["🇫🇷", "🇩🇪", "🇯🇵"]
    accented = "e\u0301" * 6
    assert all(len(line) % 2 == 0 for line in wrap(accented, 4, fold=True))


@given(WORDS, st.integers(min_value=2, max_value=30), st.booleans())
def test_lines_fit_lose_nothing_and_keep_graphemes(
    words: list[str], width: int, fold: bool
) -> None:
    text = " ".join(words)
    lines = wrap(text, width, fold=fold)
    assert "".join("".join(lines).split()) == "".join(text.split())
    for line in lines:
        # Only a single piece wider than the line may overflow it, and only unfolded.
        assert cell_len(line) <= width or (not fold and " " not in line)
    # Breaks fall between graphemes.
    graphemes = _graphemes(text)
    bounds = {0}
    for grapheme in graphemes:
        bounds.add(max(bounds) + len(grapheme))
    assert set(line_breaks(text, width, fold=fold)) <= bounds


def test_longest_piece_is_a_character_for_chinese_and_a_word_otherwise() -> None:
    assert longest_piece("中文字符") == 2
    assert longest_piece("Nonequality comparison") == len("Nonequality")
    assert longest_piece("") == 0


def test_every_column_gets_its_longest_word_when_the_total_allows() -> None:
    rows = [
        ["Operator", "Meaning", "Category", "Example"],
        ["~", "Bitwise complement of an integer", "Arithmetic", "~x"],
        ["!=", "Nonequality comparison", "Comparison", "a != b"],
    ]
    for width in range(49, 90):
        widths = column_widths(rows, 4, width)
        assert grid_fits(widths, width)
        for column in range(4):
            assert widths[column] >= max(longest_piece(row[column]) for row in rows)
    assert not grid_fits(column_widths(rows, 4, 40), 40)


def _reader_lines(markdown: str, width: int) -> list[str]:
    """A section as the reading pane draws it (``render_lines``, as the pane does)."""
    document = parse_markdown(markdown)
    console = Console(width=width, color_system=None)
    lines: list[str] = []
    for part in section_parts(document, document.sections[0]):
        for line in console.render_lines(part.renderable, console.options, pad=False):
            lines.append("".join(segment.text for segment in line).rstrip())
    return lines


def test_the_reader_keeps_table_words_whole_up_to_the_column_width() -> None:
    markdown = (DOCUMENTS / "operators.md").read_text(encoding="utf-8")
    rows = [line for line in markdown.splitlines() if line.startswith("| ")]
    words = {word.strip("`,") for row in rows for word in row.replace("|", " ").split()}
    for width in (60, 80, 100):
        lines = _reader_lines(markdown, width)
        table = [line for line in lines if line[:1] in "╭│├╰"]
        assert table, width
        cells = {word.strip(",") for line in table for word in line.replace("│", " ").split()}
        # Every word of the table shows whole (as in "Arithmetic", never "Arithmeti"/"c").
        assert words <= cells, (width, words - cells)


def test_the_reader_wraps_chinese_by_cells_between_characters() -> None:
    lines = _reader_lines(f"# 标题\n\n{CHINESE}\n", 30)
    body = [line for line in lines if line and line[0] in CHINESE]
    assert len(body) > 1
    assert all(cell_len(line) <= 30 for line in lines)
    assert all(cell_len(line) >= 28 for line in body[:-1])  # full lines, no early breaks


def test_export_of_chinese_at_width_40_has_no_line_over_40_cells() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pactreader", "export", str(DOCUMENTS / "cjk.md"), "--width", "40"],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 40
    assert "internationalization" in result.stdout
