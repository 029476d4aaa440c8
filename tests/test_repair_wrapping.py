"""Hard-wrapped plain text is read a paragraph at a time, scraped text a line at a time."""

from __future__ import annotations

from tests.repair_support import headings_of, structure

PARAGRAPH_1 = (
    "It was a cold morning when the travellers set out from the village, their\n"
    "packs heavy with bread and cheese and the good wishes of everyone they had\n"
    "ever known. Nobody expected them to return before the spring.\n"
)
PARAGRAPH_2 = (
    "The road wound up into the hills, past farms and the ruined mill where the\n"
    "children used to play. By noon they had reached the ridge, and looked back\n"
    "at the smoke rising from the chimneys below.\n"
)


def joined(paragraph: str) -> str:
    return paragraph.strip().replace("\n", " ")


def test_wrapped_paragraphs_are_joined_and_headings_still_found() -> None:
    text = f"The Long Road\n\n{PARAGRAPH_1}\nThe First Day\n\n{PARAGRAPH_2}"
    assert structure(text) == [
        ("heading", 1, "The Long Road"),
        ("paragraph", joined(PARAGRAPH_1)),
        ("heading", 2, "The First Day"),
        ("paragraph", joined(PARAGRAPH_2)),
    ]


def test_a_short_line_is_never_joined_to_the_next() -> None:
    text = f"Intro line.\n\nThe First Day\n{PARAGRAPH_1}\n{PARAGRAPH_2}"
    blocks = structure(text)
    assert ("paragraph", joined(PARAGRAPH_1)) in blocks
    assert blocks[1] in {("heading", 2, "The First Day"), ("paragraph", "The First Day")}


def test_wrapped_list_items_keep_their_continuation_lines() -> None:
    text = (
        f"{PARAGRAPH_1}\n- a short item\n"
        "- a longer item that goes on and on for quite a long time until it wraps\n"
        "  onto the next line of the file\n\n"
        f"{PARAGRAPH_2}"
    )
    assert structure(text)[1] == (
        "list",
        False,
        (
            (("paragraph", "a short item"),),
            (
                (
                    "paragraph",
                    "a longer item that goes on and on for quite a long time until it wraps"
                    " onto the next line of the file",
                ),
            ),
        ),
    )


def test_one_line_per_paragraph_is_not_joined() -> None:
    lines = [joined(PARAGRAPH_1), joined(PARAGRAPH_2), joined(PARAGRAPH_1)]
    text = "\n".join(lines) + "\n\n"
    assert structure(text) == [("paragraph", line) for line in lines]


def test_short_lines_between_blank_lines_are_not_joined() -> None:
    text = "One short line here\n\nAnother short one\n\nAnd a third line\n\nAnd a fourth\n"
    assert len(structure(text)) == 4


def test_code_fences_are_left_alone_in_wrapped_text() -> None:
    code = "```\nfirst line of the code block, which is long enough to be full\nsecond\n```\n"
    text = f"{PARAGRAPH_1}\n{code}\n{PARAGRAPH_2}"
    assert ("Code",) in structure(text)
    assert headings_of(text) == []


def test_a_heading_wrapped_over_short_lines_is_one_heading() -> None:
    text = (
        f"Please read the\nQuestions and Answers\nbelow first!\n\n{PARAGRAPH_1}\n"
        f"The Road Into\nthe Hills\n\n{PARAGRAPH_2}"
    )
    assert headings_of(text) == [
        (1, "Please read the Questions and Answers below first!"),
        (2, "The Road Into the Hills"),
    ]


def test_verse_and_lines_that_end_a_clause_are_not_joined() -> None:
    text = f"Roses are red,\nviolets are blue\n\n{PARAGRAPH_1}\n{PARAGRAPH_2}"
    assert ("paragraph", "Roses are red,") in structure(text)
