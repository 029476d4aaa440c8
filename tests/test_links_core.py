"""Link targets: anchors in a document, relative documents, schemes, and the history."""

from __future__ import annotations

from pathlib import Path

import pytest

from pactreader.parse.anchors import document_link, find_anchor, link_kind
from pactreader.parse.outline import parse_markdown
from pactreader.tui.history import History, Place

TEXT = """# Guide

## Getting Started

Text <a name="old-name">here</a>.

## Getting Started

<a id='setup'></a>
Setup text.
"""


def test_slugs_and_a_tags_are_anchors() -> None:
    document = parse_markdown(TEXT)
    started = find_anchor(document, "getting-started")
    assert started is not None and started.section == 1 and started.line == 3
    assert find_anchor(document, "Getting-Started") == started  # case falls back
    assert find_anchor(document, "getting-started-1") is not None
    assert find_anchor(document, "getting-started-1").section == 2  # type: ignore[union-attr]
    assert find_anchor(document, "old-name") == find_anchor(document, "old%2Dname")
    setup = find_anchor(document, "setup")
    assert setup is not None and (setup.section, setup.line) == (2, 9)
    assert find_anchor(document, "missing") is None
    assert find_anchor(document, "") is None


@pytest.mark.parametrize(
    ("href", "kind"),
    [
        ("#top", "anchor"),
        ("https://example.com", "web"),
        ("mailto:a@example.com", "web"),
        ("other.md", "document"),
        ("../docs/other.md#part", "document"),
        ("javascript:alert(1)", "refused"),
        ("file:///etc/passwd", "refused"),
        ("//example.com/x", "refused"),
        ("a\x1b[31m.md", "refused"),
        ("", "refused"),
    ],
)
def test_link_kinds(href: str, kind: str) -> None:
    assert link_kind(href) == kind


def test_relative_documents_resolve_against_the_linking_file(tmp_path: Path) -> None:
    source = str(tmp_path / "docs" / "index.md")
    assert document_link(source, "a%20b.md#x") == (tmp_path / "docs" / "a b.md", "x")
    assert document_link(source, "../up.md") == (tmp_path / "docs" / ".." / "up.md", "")
    assert document_link("-", "other.md") is None


def test_history_goes_back_and_forward_like_a_browser() -> None:
    history = History()
    a, b, c = (Place("x.md", n) for n in range(3))
    history.record(a)
    history.record(a)  # the same place twice is one step
    assert history.go_back(b) == a
    assert history.go_forward(a) == b
    history.record(b)
    assert history.go_forward(c) is None  # a new jump forgets the way forward
    assert history.go_back(c) == b
    assert history.go_back(b) == a
    assert history.go_back(a) is None
