"""The Rich renderer of sections: text and structure, checked on a plain console."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from pactreader.common.safety import show_controls
from pactreader.parse.blocks import Paragraph, markdown_blocks
from pactreader.parse.inline import plain_text
from pactreader.parse.outline import parse_markdown
from pactreader.pipeline import load_document
from pactreader.render.rich_blocks import (
    DARK_PALETTE,
    front_matter_renderable,
    inline_text,
    is_linkable,
    section_parts,
)
from tests.conftest import SAMPLE

FEATURES = Path(__file__).parent / "documents" / "features.md"


def render_section(text: str, number: str | None = None, width: int = 80) -> str:
    """The plain text of one section of ``text`` (the first, or the one numbered)."""
    document = parse_markdown(text)
    section = next(s for s in document.sections if number is None or s.number == number)
    return render_parts(document, section, width)


def render_parts(document, section, width: int) -> str:  # type: ignore[no-untyped-def]
    console = Console(file=StringIO(), width=width, color_system=None, legacy_windows=False)
    for part in section_parts(document, section):
        console.print(part.renderable)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in output.splitlines())


def first_paragraph_text(markdown: str) -> Text:
    block = markdown_blocks(markdown)[0]
    assert isinstance(block, Paragraph)
    return inline_text(block.text)


def test_headings_carry_their_numbers_and_a_rule() -> None:
    shown = render_section("# Top\n\n## Child\n\ntext\n", "1.1", 40)
    assert shown.splitlines()[:2] == ["1.1  Child", "─" * 40]
    assert "text" in shown


def test_long_headings_hang_under_their_title() -> None:
    shown = render_section("# " + "word " * 12 + "\n", width=30)
    lines = shown.splitlines()
    assert lines[0].startswith("1  word")
    assert lines[1].startswith("   word")


def test_the_preamble_has_no_heading() -> None:
    document = parse_markdown("Opening words.\n\n# First\n")
    assert render_parts(document, document.sections[0], 40) == "Opening words."


def test_emphasis_strong_strike_and_code_are_styles_not_markup() -> None:
    text = first_paragraph_text("a *em* **strong** ~~gone~~ `code`\n")
    assert text.plain == "a em strong gone code"
    styles = {text.plain[span.start : span.end]: span.style for span in text.spans}
    assert styles["em"].italic  # type: ignore[union-attr]
    assert styles["strong"].bold  # type: ignore[union-attr]
    assert styles["gone"].strike  # type: ignore[union-attr]
    assert styles["code"] == DARK_PALETTE.code_inline


def test_only_http_https_and_mailto_become_links() -> None:
    text = first_paragraph_text(
        "[a](https://a.example) [b](http://b.example) [c](mailto:c@example.com)"
        " [d](file:///etc/passwd) [e](ftp://e.example)\n"
    )
    links = {
        text.plain[span.start : span.end]: span.style.link  # type: ignore[union-attr]
        for span in text.spans
        if span.style.link  # type: ignore[union-attr]
    }
    assert links == {"a": "https://a.example", "b": "http://b.example", "c": "mailto:c@example.com"}
    assert not is_linkable("https://x\x1b]8;;")
    assert not is_linkable("javascript:alert(1)")


def test_nested_lists_indent_and_change_markers() -> None:
    shown = render_section(
        "# L\n\n1. one\n2. two\n   - inner\n     - deeper\n3. three\n\n- a\n- b\n", width=40
    )
    assert "1. one\n2. two\n   ◦ inner\n     ▪ deeper\n3. three" in shown
    assert "• a\n• b" in shown


def test_ordered_lists_keep_their_start_and_align_markers() -> None:
    items = "".join(f"{n}. item {n}\n" for n in range(9, 12))
    shown = render_section(f"# L\n\n{items}", width=40)
    assert " 9. item 9\n10. item 10\n11. item 11" in shown


def test_wrapped_list_items_hang_under_their_text() -> None:
    shown = render_section("# L\n\n- " + "long " * 12 + "\n", width=24)
    lines = [line for line in shown.splitlines() if "long" in line]
    assert lines[0].startswith("• long")
    assert all(line.startswith("  long") for line in lines[1:])


def test_quotes_get_a_bar_on_every_line() -> None:
    shown = render_section("# Q\n\n> " + "quoted " * 10 + "\n", width=30)
    quoted = [line for line in shown.splitlines() if "quoted" in line]
    assert len(quoted) > 1
    assert all(line.startswith("▌ ") for line in quoted)


def test_code_blocks_are_verbatim_without_line_numbers() -> None:
    code = 'def f(x):\n    return "[bold]x[/]"'
    shown = render_section(f"# C\n\n```python\n{code}\n```\n", width=60)
    assert ' def f(x):\n     return "[bold]x[/]"' in shown
    assert "1 def" not in shown


def test_tables_have_borders_keep_empty_cells_and_wrap_to_the_width() -> None:
    document = load_document(FEATURES)
    section = next(s for s in document.sections if s.title == "A wide table")
    for width in (60, 100):
        shown = render_parts(document, section, width)
        lines = shown.splitlines()
        assert all(len(line) <= width for line in lines)
        table = [line for line in lines if line[:1] in "╭│├╰"]
        assert table[0].startswith("╭") and table[-1].startswith("╰")
        assert "|" not in shown and "---" not in shown
        # Every row has four cells, empty ones included.
        assert all(line.count("│") == 5 for line in table if line.startswith("│"))
    assert "may change" in render_parts(document, section, 100)


def test_rules_images_footnotes_and_html() -> None:
    document = load_document(FEATURES)
    ends = next(s for s in document.sections if s.title == "Odds and ends")
    shown = render_parts(document, ends, 70)
    assert "[image: a diagram of the layers]" in shown
    assert "footnote[1]" in shown
    assert "[1] The footnote's own text." in shown
    assert "Raw HTML block text stays visible." in shown
    assert "<div" not in shown and "<p>" not in shown
    lists = render_parts(document, document.sections[1], 70)
    assert "─" * 70 in lists


def test_front_matter_is_a_small_header() -> None:
    document = load_document(FEATURES)
    header = front_matter_renderable(document)
    assert header is not None
    assert header.plain.splitlines() == [
        "title: Field Guide to Rendering",
        "author: Test Writer",
        "tags: markdown, terminal",
    ]
    assert front_matter_renderable(load_document(SAMPLE)) is None


def test_markup_lookalikes_and_controls_stay_data() -> None:
    source = "[bold red]x[/] [link=file:///etc/passwd]y[/link] \x1b[31mred\x07\n"
    shown = render_section(f"# T\n\n{source}", width=100)
    assert "[bold red]x[/] [link=file:///etc/passwd]y[/link] ␛[31mred␇" in shown
    assert "\x1b" not in shown and "\x07" not in shown


def test_highlights_cover_exactly_their_offsets() -> None:
    document = parse_markdown("# T\n\nSome `code` and **bold** words.\n")
    section = document.sections[0]
    plain = "Some code and bold words."
    start, end = plain.index("code and bo"), plain.index("ld words")
    parts = section_parts(document, section, highlights={1: [(start, end, "match")]})
    text = parts[1].renderable
    assert isinstance(text, Text)
    assert text.plain == plain
    marked = [span for span in text.spans if span.style == DARK_PALETTE.highlights["match"]]
    assert [(span.start, span.end) for span in marked] == [(start, end)]


def test_highlights_in_code_and_table_cells() -> None:
    document = parse_markdown("# T\n\n| a | b |\n|---|---|\n| cell | x |\n\n```\nab\n\tcd\n```\n")
    section = document.sections[0]
    parts = section_parts(document, section)
    table_unit = parts[1].first_unit
    code_unit = parts[2].first_unit
    highlights = {table_unit + 2: [(0, 4, "match")], code_unit: [(4, 6, "current")]}
    console = Console(file=StringIO(), width=40, color_system="truecolor", force_terminal=True)
    for part in section_parts(document, section, highlights=highlights):
        console.print(part.renderable)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert "cell" in output and "cd" in output
    match = DARK_PALETTE.highlights["match"].bgcolor
    assert match is not None and match.triplet is not None
    assert f"48;2;{match.triplet.red};{match.triplet.green};{match.triplet.blue}" in output


def test_parts_record_their_units() -> None:
    document = load_document(FEATURES)
    parts = section_parts(document, document.sections[1])
    units = [(part.first_unit, part.end_unit) for part in parts if part.first_unit >= 0]
    assert units == sorted(units)
    assert all(first < end for first, end in units)


@given(
    st.lists(
        st.sampled_from(
            [
                "word",
                " ",
                "*em*",
                "**strong**",
                "`code`",
                "[link](https://x.y)",
                "\\[x]",
                "\x1b",
                "~~s~~",
                "![alt](i.png)",
                "[^n]",
                "é",
                "漢字",
                "  \n",
                "<b>",
                "&amp;",
                "[bold]",
            ]
        ),
        min_size=1,
        max_size=12,
    )
)
def test_rich_text_matches_the_visible_text_search_sees(pieces: list[str]) -> None:
    blocks = markdown_blocks("".join(pieces) + "\n")
    for block in blocks:
        if isinstance(block, Paragraph):
            assert inline_text(block.text).plain == show_controls(plain_text(block.text))


@given(st.integers(min_value=12, max_value=140))
def test_no_line_is_wider_than_the_pane(width: int) -> None:
    document = load_document(FEATURES)
    for section in document.sections:
        shown = render_parts(document, section, width)
        assert all(len(line) <= width for line in shown.splitlines())
