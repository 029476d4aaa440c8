"""Repair never raises, never loses a word, and copes with pathological input."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from pactreader.common.debris import TAG_NAMES
from pactreader.parse.outline import parse_markdown
from pactreader.render.text import TextStyle, export_text
from pactreader.repair import repair_text
from tests.repair_support import DEBRIS_REMNANTS, words

_TAGS = sorted(TAG_NAMES)
_DEBRIS = st.sampled_from(_TAGS).flatmap(
    lambda name: st.sampled_from(
        [
            f"<{name}>",
            f"</{name}>",
            f"< {name} >",
            f"< / {name} >",
            f"{name} >",
            f" {name} >",
            f"</{name} >",
            f"<{name}/>",
        ]
    )
)
_WORDS = st.sampled_from(
    ["Title", "word", "Heading", "café", "1986", "x", "élan", "中文", "CO2", "a", "p", "li", "td"]
)
_MARKS = st.sampled_from(
    [" ", "  ", "\n", "\n\n", ".", " .", ",", " ,", ":", "|", "| ", " |", "-", "- ", "#", "# ",
     "*", "`", "```", ">", "<", "< ", "/", "[", "]", "(", ")", "!", "&", "\\", "1. ", "\t", "=",
     "---", "“", "”", "’", "\u00a0", "_", "]:", "• ", "~~~", "\r", "<!--", "&amp;", "0)", "=",  # noqa: RUF001
     "<script>", "<img>", "    ", "+ ", "***"]
)  # fmt: skip
SCRAPED = st.lists(st.one_of(_WORDS, _DEBRIS, _MARKS), max_size=60).map("".join)


_ORDERED_MARKER = re.compile(r"^[ \t]*\d{1,3}[.)](?=[ \t]|$)", re.MULTILINE)


def _lost(before: str, after: str) -> set[str]:
    """Words of ``before`` (tag names and list numbers aside) that ``after`` has fewer of."""
    lines = before.replace("\r", "\n").replace("\u00a0", " ")
    wanted = words(_ORDERED_MARKER.sub("", lines))
    have = words(after)
    return {w for w, n in wanted.items() if w.lower() not in TAG_NAMES and have[w] < n}


@given(st.text())
def test_repair_never_raises_and_ends_with_one_newline(text: str) -> None:
    out = repair_text(text)
    assert out == "" or (out.endswith("\n") and not out.endswith("\n\n"))


@given(SCRAPED)
def test_repair_loses_no_word(text: str) -> None:
    assert _lost(text, repair_text(text)) == set()


# Markdown that hides or joins text on purpose: entities (&amp;), images (![alt](src)),
# and emphasis or code marks between two words (a*b*, a`b`) that vanish on display.
_HIDING = frozenset("!&*_`~")


@example("Title\n1986")  # a dateline under the title: it moves to the front matter
@given(SCRAPED.filter(lambda text: not _HIDING.intersection(text)))
def test_no_word_is_lost_on_the_way_to_the_reader(text: str) -> None:
    document = parse_markdown(repair_text(text))
    # Bylines and datelines move into the front matter, which the reader shows under
    # the title: their words are kept there, not in the text.
    metadata = " ".join(str(value) for value in (document.front_matter or {}).values())
    shown = export_text(document, None, TextStyle(width=0)) + "\n" + metadata
    assert _lost(text, shown) == set()


MEGABYTE = 1 << 20


@pytest.mark.parametrize(
    "unit", ["< ", "|", "td >", "< li >", "| td > ", "|\n", "< / ", "`", " ,", "<a x=1 ", "x\n"]
)
def test_a_megabyte_of_one_pattern_is_repaired(unit: str) -> None:
    text = unit * (MEGABYTE // len(unit))
    out = repair_text(text)
    for remnant in ("td >", "li >", "< li >"):
        assert remnant not in out
    assert words(out) >= words(text.replace("td", "").replace("li", ""))


@pytest.mark.parametrize(
    "text",
    [
        "# a" + " " * MEGABYTE + "#x",
        "a" + " " * MEGABYTE + "x ,",
        "<" + " " * MEGABYTE + "li",
        "<a" + " " * MEGABYTE + "x",
        "-" * MEGABYTE + "x",
        "\\" * MEGABYTE + "<b",
        "a" + " :" * (MEGABYTE // 2),
        "|" + "-|" * (MEGABYTE // 2) + "x",
    ],
    ids=["atx", "comma", "lt", "attributes", "dashes", "backslashes", "colons", "delimiter"],
)
def test_a_megabyte_long_run_is_repaired(text: str) -> None:
    assert _lost(text, repair_text(text)) == set()


def test_a_megabyte_of_mojibake_is_repaired() -> None:
    assert repair_text("Ã©" * (MEGABYTE // 2)) == "é" * (MEGABYTE // 2) + "\n"


def test_a_megabyte_of_scraped_lines_keeps_its_structure() -> None:
    line = "< li >Item text , here li >\n< p > A paragraph . p >\n| a td > | b td > |\n"
    out = repair_text(line * (MEGABYTE // len(line)))
    for remnant in DEBRIS_REMNANTS:
        assert remnant not in out
    assert out.count("- Item text, here\n") == MEGABYTE // len(line)


@pytest.mark.parametrize(
    "text",
    [
        "a." * (MEGABYTE // 2) + "!\nx\n",  # a dotted word as long as a file: no domain
        "By " + "Name " * (MEGABYTE // 5) + "\nx\n",
        "!@#$ " * (MEGABYTE // 5) + "\nx\n",  # symbols that never reach COMMENTS
        "<h>" + "x " * (MEGABYTE // 2) + "\n<p>y\n",
    ],
    ids=["domain", "byline", "separator", "tagged"],
)
def test_a_megabyte_head_line_is_repaired(text: str) -> None:
    assert _lost(text, repair_text(text)) == set()
