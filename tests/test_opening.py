"""A big document's opening, parsed alone, is the start of the whole document's parse.

:func:`parse_opening` cuts the text before a top-level heading and parses the part
above the cut, so the reader can show a first screen before the rest is read. These
tests check that what the opening says is what markdown-it-py says of the whole text:
its headings are markdown-it-py's headings above the cut, the cut itself is at one of
markdown-it-py's top-level headings, and every section of the opening equals the full
parse's section at the same index (except for what only the rest of the text decides:
the last section's children and totals, and titles using later link references).
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from pactreader.parse import Document, parse_markdown, parse_opening
from pactreader.parse.front_matter import MAX_LINES
from pactreader.parse.outline import find_headings_reference
from pactreader.pipeline import OPENING_CHARS, start_loading
from tests.test_outline_equivalence import LINE_SOUP, document

# Lines after the generated text: parse_opening only cuts a text that goes on for more
# than the longest front matter after the lines it scans.
ATX_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")

TAIL = "\n" + "tail\n" * (MAX_LINES + 100)


def _check_opening(text: str, lines_wanted: int) -> Document | None:
    """Parse the opening of ``text`` and check it against the full parse."""
    opening = parse_opening(text, lines_wanted=lines_wanted)
    full = parse_markdown(text)
    front = full.front_matter_lines
    body = "\n" * front + "\n".join(full.lines[front:]) if front else text
    reference = find_headings_reference(body)  # front matter is metadata, never headings
    # A cut must be found when the window holds two of markdown-it-py's ATX headings
    # (one line each) with their next line: at the last of them, or at a later heading.
    # (A setext heading whose underline is past the window is not seen as one.)
    atx = [
        heading
        for heading in reference
        if heading.line + 1 <= front + lines_wanted
        and ATX_HEADING.match(full.lines[heading.line - 1])
    ]
    if len(atx) >= 2:
        assert opening is not None
        assert opening.line_count >= atx[-1].line - 1
    if opening is None:
        return None
    cut = opening.line_count
    assert opening.lines == full.lines[:cut]
    # The cut is just before one of markdown-it-py's top-level headings...
    assert cut + 1 in {heading.line for heading in reference}
    # ...and the opening's headings are markdown-it-py's headings above it.
    above = [(heading.line, heading.level) for heading in reference if heading.line <= cut]
    shown = [(section.start_line, section.level) for section in opening.sections]
    assert [item for item in shown if item[1] > 0] == above
    for section in opening.sections:
        whole = full.sections[section.index]
        assert (
            section.number,
            section.level,
            section.start_line,
            section.end_line,
            section.own_words,
            section.parent,
            section.depth,
        ) == (
            whole.number,
            whole.level,
            whole.start_line,
            whole.end_line,
            whole.own_words,
            whole.parent,
            whole.depth,
        )
        assert whole.children[: len(section.children)] == section.children
        assert whole.subtree_end_line >= section.subtree_end_line
        if "]" not in text and not section.is_preamble:
            assert section.title == whole.title
    return opening


@given(document(), st.integers(min_value=1, max_value=60))
def test_opening_is_the_start_of_the_full_parse(body: str, lines_wanted: int) -> None:
    _check_opening(body.replace("\r", "") + TAIL, lines_wanted)


@given(LINE_SOUP, st.integers(min_value=1, max_value=30))
def test_opening_of_line_soup_is_the_start_of_the_full_parse(body: str, lines_wanted: int) -> None:
    _check_opening(body + TAIL, lines_wanted)


def test_opening_stops_before_the_last_heading_in_its_window() -> None:
    body = "".join(f"# Part {n}\n\ntext {n}\n\n" for n in range(1, 2001))
    opening = _check_opening(body, 100)
    assert opening is not None
    # The first 100 lines are scanned: Part 25 starts on line 97, the cut is before it.
    assert [section.title for section in opening.sections][-1] == "Part 24"
    assert opening.line_count == 96
    assert opening.title == "Part 1"


def test_unclosed_fence_has_no_cut_and_the_whole_text_is_parsed(tmp_path: Path) -> None:
    body = "# Start\n\n```\n" + "# not a heading\n" * 3000
    assert parse_opening(body, lines_wanted=50) is None
    closed = body.replace("```\n", "```\n```\n", 1)  # the fence closed: the headings count
    assert parse_opening(closed, lines_wanted=50) is not None
    path = tmp_path / "fence.md"
    path.write_text(body + "x" * OPENING_CHARS, encoding="utf-8")
    loading = start_loading(path)
    assert loading.rest is None  # no opening: the whole document, parsed at once
    assert [section.title for section in loading.document.sections] == ["Start"]


def test_an_opening_holds_a_heading() -> None:
    # Blank lines, front matter or a comment before the first heading are no opening.
    for top in ("\n", "---\ntitle: T\n---\n\n", "<!-- c -->\n"):
        text = top + "# Title\n" + "line\n" * 3000 + "# Two\n" + "x\n" * 20000
        opening = _check_opening(text, 100)
        assert opening is not None
        assert [section.title for section in opening.sections if section.level] == ["Title"]


def test_no_opening_after_a_quarter_of_the_text() -> None:
    # One heading, then more text than a quarter of the whole: the scan gives up.
    text = "# Only\n" + "line\n" * 9000 + "# Late\n" + "x\n" * 20000
    assert parse_opening(text, lines_wanted=100) is None


def test_cut_found_further_when_the_window_has_no_heading() -> None:
    body = "# First\n" + "line\n" * 1500 + "# Second\n\ntext\n" + "more\n" * 5000
    opening = _check_opening(body, 10)
    assert opening is not None
    assert [section.title for section in opening.sections] == ["First"]
    assert opening.line_count == 1501


def test_front_matter_stays_front_matter() -> None:
    front = "---\ntitle: Big\n---\n"
    body = front + "".join(f"## Part {n}\n\ntext\n\n" for n in range(1, 600))
    opening = _check_opening(body, 40)
    assert opening is not None
    assert opening.front_matter == {"title": "Big"}
    assert opening.title == "Big"
    assert opening.sections[0].start_line == 4


def test_small_text_has_no_opening() -> None:
    assert parse_opening("# One\n\ntext\n\n# Two\n", lines_wanted=1) is None
