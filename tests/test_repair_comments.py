"""A comment thread becomes one final Comments section with no headings inside."""

from __future__ import annotations

from pactreader.repair import repair_text
from tests.repair_support import headings_of

LEDE = (
    "The town council voted on Tuesday night to close the old library, a decision that "
    "followed months of debate and a petition signed by more than two thousand residents."
)
ARTICLE = f"Library to close\n{LEDE}\n{LEDE}\nWhat Happens Next\n{LEDE}\n"
THREAD = "Jane Reader\nGreat Piece\nThis is a comment that says quite a lot about it all.\nBob\n"


def test_the_symbol_separator_starts_the_thread() -> None:
    text = f"{ARTICLE}!@#$%^&*()  COMMENTS\n{THREAD}"
    assert headings_of(text) == [
        (1, "Library to close"),
        (2, "What Happens Next"),
        (2, "Comments"),
    ]
    out = repair_text(text)
    assert "!@#" not in out
    assert out.rstrip().endswith("Bob")
    assert "Jane Reader" in out and "Great Piece" in out


def test_a_comment_count_line_starts_the_thread_and_stays_as_text() -> None:
    text = f"{ARTICLE}12 Comments\n{THREAD}"
    assert headings_of(text)[-1] == (2, "Comments")
    assert "12 Comments" in repair_text(text)


def test_leave_a_reply_starts_the_thread() -> None:
    assert headings_of(f"{ARTICLE}Leave a Reply\n{THREAD}")[-1] == (2, "Comments")


def test_a_comment_counter_under_the_headline_is_not_the_thread() -> None:
    text = f"Library to close\n12 Comments\n{LEDE}\nWhat Happens Next\n{LEDE}\n"
    assert (2, "Comments") not in headings_of(text)
    assert (2, "What Happens Next") in headings_of(text)


def test_text_without_a_thread_is_unchanged() -> None:
    assert (2, "Comments") not in headings_of(ARTICLE)
