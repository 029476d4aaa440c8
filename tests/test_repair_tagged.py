"""The CleanEval tagged format: <h>, <p> and <l> marks, a URL line, wrapped blocks."""

from __future__ import annotations

from pactreader.parse.outline import parse_markdown
from pactreader.repair import repair_text
from pactreader.repair.tagged import is_tagged
from tests.repair_support import headings_of, structure

TAGGED = """URL: http://example.org/garden/notes.html

 <h>   12 June 2019
 <h>   Notes From a Small
   Garden
   ______________________

 <p>   The beans came up late this year, and the
   slugs found them before I did.

 <h>What Went Wrong
 <p>   Too much rain in May, and not enough
   patience in June.
 <l>   Beans
 <l>   Peas <h>Next Year
 <p>Start earlier. It is a sentence.
"""


def test_tagged_text_is_recognised() -> None:
    assert is_tagged(TAGGED.splitlines())
    assert not is_tagged(["<p>One paragraph</p>", "<p>Another</p>"])  # closed: HTML debris
    assert not is_tagged(["Plain text", "<p> a mark later"])


def test_marks_say_what_each_block_is() -> None:
    assert headings_of(TAGGED) == [
        (1, "Notes From a Small Garden"),
        (2, "What Went Wrong"),
        (2, "Next Year"),
    ]
    assert (
        "paragraph",
        "The beans came up late this year, and the slugs found them before I did.",
    ) in structure(TAGGED)
    assert ("list", False, ((("paragraph", "Beans"),), (("paragraph", "Peas"),))) in structure(
        TAGGED
    )


def test_the_url_and_a_dateline_above_the_title_are_front_matter() -> None:
    document = parse_markdown(repair_text(TAGGED))
    assert document.front_matter == {
        "url": "http://example.org/garden/notes.html",
        "date": "12 June 2019",
    }
    assert document.title == "Notes From a Small Garden"


def test_a_marked_paragraph_that_reads_like_a_heading_stays_a_paragraph() -> None:
    text = "<h>The Title\n<p>Short Line Here\n<p>A sentence of body text follows here.\n"
    assert headings_of(text) == [(1, "The Title")]
