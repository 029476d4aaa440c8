"""Heading inference: the title, section headings, and every case that is not one."""

from __future__ import annotations

import pytest

from tests.repair_support import headings_of, structure

BODY = "This is the body of the section, a sentence that runs on for a while."


def test_the_first_line_is_the_title_when_it_reads_as_one() -> None:
    text = f"Groundbreaking Defense Pact Between the US and Algeria: A New Era\n{BODY}\n"
    assert headings_of(text) == [
        (1, "Groundbreaking Defense Pact Between the US and Algeria: A New Era")
    ]


def test_later_short_lines_followed_by_body_are_sections() -> None:
    text = f"The Title\n{BODY}\nA New Beginning\n{BODY}\nWhat Comes Next\n- a point\n"
    assert headings_of(text) == [(1, "The Title"), (2, "A New Beginning"), (2, "What Comes Next")]


def test_a_sentence_case_heading_of_a_few_words_is_a_heading() -> None:
    assert headings_of(f"{BODY}\nHow the deal was made\n{BODY}") == [(2, "How the deal was made")]


def test_a_first_line_that_is_a_sentence_is_not_the_title() -> None:
    assert headings_of(f"{BODY}\n{BODY}") == []


@pytest.mark.parametrize(
    "line",
    [
        "The committee met on Tuesday to discuss the budget",  # a one-line sentence
        "It was agreed.",  # short, but ends in a full stop
        "Officials said the talks had gone well",  # a sentence without its full stop
        "Why does it matter?",
        "Key points:",
        "as seen before",  # starts in lower case
        "By Jane Doe",  # a byline
        "12 March 2024",  # a dateline
        "Monday, March 4, 2024",
        "We won, he said. Then we left",  # two sentences
        "2024",  # no letters
        "A heading line that is far too long to be a heading because it has many words",
    ],
)
def test_lines_that_do_not_read_as_headings_stay_paragraphs(line: str) -> None:
    assert headings_of(f"{BODY}\n{line}\n{BODY}") == []
    assert ("paragraph", line) in structure(f"{BODY}\n{line}\n{BODY}")


def test_a_list_item_is_not_a_heading() -> None:
    text = f"{BODY}\n- Short Item Here\n{BODY}"
    assert headings_of(text) == []
    assert structure(text)[1][0] == "list"


def test_a_p_marked_line_is_not_a_heading() -> None:
    assert headings_of(f"{BODY}\n< p >Short Line Here p >\n{BODY}") == []


def test_a_last_line_is_not_a_heading() -> None:
    assert headings_of(f"{BODY}\nShort Closing Line") == []


def test_a_single_line_is_not_a_title() -> None:
    assert headings_of("A Short Title-Like Line") == []


def test_a_line_after_a_lead_in_is_not_a_heading() -> None:
    text = f"The components include:\nEnhanced Training\nShared Intelligence\n{BODY}"
    assert headings_of(text) == []


def test_of_two_heading_like_lines_in_a_row_only_the_second_is_a_heading() -> None:
    assert headings_of(f"{BODY}\nPart One\nThe Beginning\n{BODY}") == [(2, "The Beginning")]


def test_a_line_marked_h_is_a_heading_regardless() -> None:
    text = f"{BODY}\n< h >This one ends in a full stop and is long, but it is marked. h >\n{BODY}"
    assert headings_of(text) == [(2, "This one ends in a full stop and is long, but it is marked.")]


def test_a_first_line_marked_h_is_the_title() -> None:
    assert headings_of(f"<h>The Title</h>\n{BODY}") == [(1, "The Title")]


def test_sections_are_inferred_beside_debris_marks_at_their_level() -> None:
    text = f"The Title\n{BODY}\n<h3>Marked</h3>\n{BODY}\nLooks Like A Heading\n{BODY}"
    assert headings_of(text) == [(1, "The Title"), (3, "Marked"), (3, "Looks Like A Heading")]


def test_a_marked_title_stops_title_inference_only() -> None:
    text = f"Looks Like A Title\n{BODY}\n<h1>Marked Title</h1>\n{BODY}\nA Section\n{BODY}"
    assert headings_of(text) == [(1, "Marked Title"), (2, "A Section")]


def test_markdown_headings_in_text_are_kept() -> None:
    text = f"# Real Title\n{BODY}\n## Real Section\n{BODY}\nLooks Like A Heading\n{BODY}"
    assert headings_of(text) == [(1, "Real Title"), (2, "Real Section")]


def test_setext_underlines_in_text_make_headings() -> None:
    text = f"Title\n=====\n{BODY}\nSection\n-------\n{BODY}"
    assert headings_of(text) == [(1, "Title"), (2, "Section")]


@pytest.mark.parametrize(
    "line",
    [
        "(Credit: Example Photo Agency)",  # a caption in brackets
        "Jane Doe. Photo: Example Agency",
        "Follow Us @example",  # a handle
        "Visit www.example.org Today",
        "Example Radio News, August 8, 2019",  # a dated source line
        "Weekly Digest 2019-08-08",
        "By Jane Doe",
        "Posted on June 2, 2019 at 3:48 am",
        "Written By: Jane Doe - Nov 06",
        "Home | News | Sport",  # navigation
    ],
)
def test_captions_handles_dated_and_metadata_lines_are_not_headings(line: str) -> None:
    assert headings_of(f"The Title\n{BODY}\n{line}\n{BODY}") == [(1, "The Title")]


def test_a_line_over_a_short_line_is_an_entry_not_a_heading() -> None:
    text = f"The Title\n{BODY}\nServes Four\nolive oil, salt and two lemons\n{BODY}"
    assert headings_of(text) == [(1, "The Title")]


def test_a_heading_over_a_lead_in_is_a_heading() -> None:
    text = f"The Title\n{BODY}\nWhat to Buy\nBuy these things:\n- bread\n- milk\n"
    assert headings_of(text) == [(1, "The Title"), (2, "What to Buy")]


def test_a_question_in_title_case_is_a_heading() -> None:
    text = f"The Title\n{BODY}\nWhat Can You Do With It?\n{BODY}"
    assert headings_of(text) == [(1, "The Title"), (2, "What Can You Do With It?")]


def test_labels_shared_by_many_lines_are_not_headings() -> None:
    entries = "".join(f"To: Jim Example {n}\n{BODY}\n" for n in range(3))
    assert headings_of(f"The Title\n{BODY}\n{entries}") == [(1, "The Title")]


def test_lines_above_the_title_are_not_sections() -> None:
    text = f"Site Navigation Here\n{BODY}\n<h1>The Title</h1>\n{BODY}\nA Section\n{BODY}"
    assert headings_of(text) == [(1, "The Title"), (2, "A Section")]
