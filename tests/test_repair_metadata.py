"""Metadata lines: what a dateline, a byline or a URL line says, and what is not one."""

from __future__ import annotations

import pytest

from pactreader.repair.metadata import is_dateline, read_metadata


def fields(text: str) -> dict[str, str] | None:
    found = read_metadata(text)
    return None if found is None else dict(found.fields)


@pytest.mark.parametrize(
    "line",
    [
        "12 March 2024",
        "Monday, March 4, 2024 at 10:30",
        "3 May 2019 Last updated at 08:15 GMT",
        "8:05am, EDT",
        "Sept 9th, 2021",
        "2019-05-03",
        "Friday, 3 May 2019, 9:41 pm",
    ],
)
def test_datelines(line: str) -> None:
    assert is_dateline(line)


@pytest.mark.parametrize(
    "line",
    ["Chapter 12", "Article No. 7, 2019-05-03", "12", "March of the Penguins", "May we begin"],
)
def test_lines_that_are_not_datelines(line: str) -> None:
    assert not is_dateline(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Mary Example", {"author": "Mary Example"}),
        ("BY MARY EXAMPLE", {"author": "MARY EXAMPLE"}),
        ("Written by Tom Sample", {"author": "Tom Sample"}),
        ("by Tom on June 2, 2019", {"author": "Tom", "date": "June 2, 2019"}),
        ("By tomsample - June 2, 2019", {"author": "tomsample", "date": "June 2, 2019"}),
        (
            "Posted by Tom Sample on Sunday June 2, @04:10PM",
            {"author": "Tom Sample", "date": "Sunday June 2, @04:10PM"},
        ),
        (
            "Modified on June 2, 2019 by Tom Sample",
            {"updated": "June 2, 2019", "author": "Tom Sample"},
        ),
        ("June 2nd, 2019 by Tom Sample", {"date": "June 2nd, 2019", "author": "Tom Sample"}),
        ("Published: June 2, 2019", {"date": "June 2, 2019"}),
        ("Last modified: 2 June 2019", {"updated": "2 June 2019"}),
        ("Updated 2 June 2019 14:02 BST", {"updated": "Updated 2 June 2019 14:02 BST"}),
        ("URL: http://example.org/a/b.html", {"url": "http://example.org/a/b.html"}),
        ("Example-News.com", {"site": "Example-News.com"}),
        (
            "Date: June 2, 2019 | Author: Tom Sample",
            {"date": "June 2, 2019", "author": "Tom Sample"},
        ),
    ],
)
def test_metadata_lines(line: str, expected: dict[str, str]) -> None:
    assert fields(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "By 2004, the company could no longer pay its debts.",  # a sentence, not a byline
        "By the way",
        "By and large, the plan worked and everyone went home happy in the end.",
        "Written by hand, the letters took weeks to arrive at their destination.",
        "URL: not a link",
        "Date: to be announced",
        "A headline about the budget",
        "Date: June 2, 2019 | Category: Sport",  # one part is no metadata
    ],
)
def test_lines_that_are_not_metadata(line: str) -> None:
    assert read_metadata(line) is None
