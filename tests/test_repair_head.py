"""The title of scraped text, found as a reader finds it, and metadata as front matter."""

from __future__ import annotations

import yaml

from pactreader.parse.outline import parse_markdown
from pactreader.repair import repair_text
from tests.repair_support import headings_of

BODY = "This is the body of the article, a sentence that runs on for quite a while longer."
LEDE = (
    "The town council voted on Tuesday night to close the old library, a decision that "
    "followed months of debate and a petition signed by more than two thousand residents."
)


def front_matter(text: str) -> dict[str, object] | None:
    return parse_markdown(repair_text(text)).front_matter


def title(text: str) -> str:
    return parse_markdown(repair_text(text), stem="stem").title


def test_a_title_followed_by_a_byline_is_still_the_title() -> None:
    text = f"Library to close after council vote\nBy Mary Example\n{LEDE}\n{BODY}\n"
    assert title(text) == "Library to close after council vote"
    assert front_matter(text) == {"author": "Mary Example"}
    assert "By Mary Example" not in repair_text(text).split("---")[-1]


def test_a_dateline_above_the_title_is_skipped_and_kept_as_the_date() -> None:
    text = f"3 May 2019 Last updated at 08:15 GMT\nLibrary to close after council vote\n{LEDE}\n"
    assert title(text) == "Library to close after council vote"
    assert front_matter(text) == {"updated": "3 May 2019 Last updated at 08:15 GMT"}
    assert headings_of(text) == [(1, "Library to close after council vote")]


def test_a_date_split_over_lines_is_one_date() -> None:
    text = f"18\nJuly\n2019\nA Night at the Old Theatre\n{LEDE}\n"
    assert title(text) == "A Night at the Old Theatre"
    assert front_matter(text) == {"date": "18 July 2019"}


def test_a_url_line_is_front_matter_not_the_title() -> None:
    text = f"URL: http://example.org/news/library.html\n\nLibrary to close\n\n{LEDE}\n"
    assert title(text) == "Library to close"
    assert front_matter(text) == {"url": "http://example.org/news/library.html"}


def test_a_standfirst_may_come_between_the_title_and_the_byline() -> None:
    text = (
        "Library to close\nThe council says the building is too costly to repair.\n"
        f"By Mary Example\nJune 2, 2019 4:30 PM\n{LEDE}\n"
    )
    assert title(text) == "Library to close"
    assert front_matter(text) == {"author": "Mary Example", "date": "June 2, 2019 4:30 PM"}


def test_a_sentence_case_headline_with_commas_is_the_title() -> None:
    text = f"Old library, loved by many, closes at last\n{LEDE}\n{BODY}\n"
    assert title(text) == "Old library, loved by many, closes at last"


def test_a_headline_may_end_in_a_question_mark_or_an_abbreviation() -> None:
    assert title(f"Is the library worth saving?\n{LEDE}\n") == "Is the library worth saving?"
    assert title(f"Interview: Example Books Inc.\n{LEDE}\n") == "Interview: Example Books Inc."
    assert title(f"Dead Battery? Just Burn Something.\n{LEDE}\n") == (
        "Dead Battery? Just Burn Something."
    )


def test_a_sentence_is_not_a_title() -> None:
    assert title(f"The council met on Tuesday.\n{LEDE}\n") == "stem"


def test_the_title_comes_before_the_body() -> None:
    text = f"{LEDE}\nA Later Line\n{BODY}\n"
    assert title(text) == "stem"


def test_the_page_title_over_the_headline_is_not_the_headline() -> None:
    text = f"Example News: Library to close -- June 2, 2019\n\nLibrary to close\n\n{LEDE}\n"
    assert title(text) == "Library to close"


def test_a_site_line_or_a_keyword_list_is_not_the_headline() -> None:
    text = f"Example-News.com\n\nLibrary to close\n\n{LEDE}\n"
    assert title(text) == "Library to close"
    assert front_matter(text) == {"site": "Example-News.com"}
    text = f"Library news - ExampleNews.com\n\nLibrary to close\n\n{LEDE}\n"
    assert title(text) == "Library to close"
    text = f"library, books, reading, town council, news\n\nLibrary to close\n\n{LEDE}\n"
    assert title(text) == "Library to close"


def test_a_marked_title_is_left_alone() -> None:
    text = f"By Mary Example\n<h1>The Marked Title</h1>\n{LEDE}\n"
    assert title(text) == "The Marked Title"
    assert front_matter(text) is None


def test_front_matter_values_are_data_whatever_they_hold() -> None:
    text = f'Library to close\nBy Mary "Quote" Example: \\ #x ---\x85\n{LEDE}\n'
    out = repair_text(text)
    header = out.split("\n---\n", 1)[0].removeprefix("---\n")
    assert yaml.safe_load(header) == front_matter(text)
    assert front_matter(text) == {"author": 'Mary "Quote" Example: \\ #x ---'}
