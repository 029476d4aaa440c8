"""The preamble (text before the first heading) is titled as DESIGN says."""

from __future__ import annotations

import pytest

from pactreader.parse.outline import parse_markdown


@pytest.mark.parametrize(
    ("text", "title", "preamble"),
    [
        # The title is a heading of the document: the preamble is not under it.
        ("An opening paragraph.\n\n# Redis internals\n\nText.\n", "Redis internals", "Preamble"),
        # The title comes from elsewhere: the preamble carries it.
        ("---\ntitle: Front\n---\nOpening.\n\n# Redis internals\n", "Front", "Front"),
        ("Opening.\n\n## Only an H2\n\nText.\n", "notes", "notes"),
    ],
)
def test_the_preamble_title(text: str, title: str, preamble: str) -> None:
    document = parse_markdown(text, source="notes.md", stem="notes")
    assert document.title == title
    assert document.sections[0].is_preamble
    assert document.sections[0].title == preamble
