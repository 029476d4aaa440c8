"""Headings the extracted text keeps that are not sections of the article.

Content extractors keep every ``<h*>`` inside the region they choose, and pages put
more than section titles there: the post's date set as a heading above the title
(blog themes' "date header"), the site's name, and boxes that end up empty once
their widgets are gone ("Comments", "Do you like this story?"). They would clutter
the outline, so they become plain paragraphs: their words stay in the text.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from pactreader.extract.dateline import is_dateline
from pactreader.extract.text_key import match_key

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
# A line of running text: what a heading above the article's first one precedes.
_PROSE_WORDS = 8


def demote_non_sections(
    markdown: str, not_sections: Collection[str] = (), *, dates_are_sections: bool = False
) -> str:
    """Turn headings that are not sections into paragraphs.

    Only headings above the article's first line of running text are judged by their
    text; below it any heading may be a section, except an empty one.

    Args:
        markdown: The extracted article body.
        not_sections: :func:`match_key` of heading texts that are not sections there:
            the site's name, the dates set above the headline on the page.
        dates_are_sections: Dates there are sections (the page showed them below its
            headline); otherwise a bare date there is taken for the post's date.
    """
    lines = markdown.split("\n")
    headings = _heading_lines(lines)
    first_prose = _first_prose(lines, headings)
    demote = _trailing_empty(lines, headings)
    for index, _, text in headings[: len(headings) - len(demote)]:
        visible = _visible(text)
        dated = is_dateline(visible) and not dates_are_sections
        if index < first_prose and (dated or match_key(visible) in not_sections):
            demote.append(index)
    for index in demote:
        match = _ATX.match(lines[index])
        assert match is not None
        lines[index] = match.group(2)
    return "\n".join(lines)


def _heading_lines(lines: list[str]) -> list[tuple[int, int, str]]:
    """``(line index, level, text)`` of every ATX heading outside fenced code."""
    found: list[tuple[int, int, str]] = []
    fence = ""
    for index, line in enumerate(lines):
        opener = _FENCE.match(line)
        if fence:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = ""
            continue
        if opener:
            fence = opener.group(1)
            continue
        match = _ATX.match(line)
        if match:
            found.append((index, len(match.group(1)), match.group(2)))
    return found


def _first_prose(lines: list[str], headings: list[tuple[int, int, str]]) -> int:
    """Index of the first line of running text (not a heading, not a line of links)."""
    heading_indexes = {index for index, _, _ in headings}
    for index, line in enumerate(lines):
        if index in heading_indexes:
            continue
        if len(_LINK.sub("", line).split()) >= _PROSE_WORDS:
            return index
    return len(lines)


def _trailing_empty(lines: list[str], headings: list[tuple[int, int, str]]) -> list[int]:
    """The run of headings at the end of the text with nothing under any of them.

    What is left of the widgets under the article ("Comments", "Post a comment",
    "Latest tweets") once their contents are gone. An empty heading inside the
    article is left alone: it may be a real section title with its text elsewhere.
    """
    end = len(lines)
    run: list[int] = []
    for index, _, _ in reversed(headings):
        if any(line.strip() for line in lines[index + 1 : end]):
            break
        run.append(index)
        end = index
    return run


def _visible(text: str) -> str:
    return _LINK.sub(r"\1", text).replace("*", "").replace("_", " ")
