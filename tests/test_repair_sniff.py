"""Format sniffing sends to repair exactly the input that has something to repair."""

from __future__ import annotations

from pathlib import Path

import pytest

from pactreader.source import sniff_format
from tests.conftest import DOCUMENTS, corpus_documents, scraped_pairs, shared_params


@pytest.mark.parametrize(
    "path", [*sorted(DOCUMENTS.glob("*.md")), *shared_params(corpus_documents())]
)
def test_markdown_documents_are_markdown_without_a_suffix(path: Path) -> None:
    assert sniff_format(path.read_text(encoding="utf-8")) == "markdown"


@pytest.mark.parametrize(("scraped", "clean"), scraped_pairs())
def test_scraped_articles_are_text_without_a_suffix(scraped: Path, clean: Path) -> None:
    assert sniff_format(scraped.read_text(encoding="utf-8")) == "text"
    assert sniff_format(clean.read_text(encoding="utf-8")) == "markdown"


@pytest.mark.parametrize(
    "text",
    [
        "p > 0.05 and then p > 0.01 in the second test\n",
        "Use `<li>` for items and `<p>` for paragraphs.\n",
        "The <p> element and the <li> element.\n",
        "# Heading\n< li >debris li >< li >more li >\n",
    ],
)
def test_mentions_comparisons_and_structured_markdown_are_not_scraped(text: str) -> None:
    assert sniff_format(text) == "markdown"


@pytest.mark.parametrize(
    ("suffix", "expected"), [(".txt", "text"), (".TXT", "text"), (".md", "markdown")]
)
def test_a_known_suffix_decides(suffix: str, expected: str) -> None:
    assert sniff_format("< li >a li >< li >b li >\n", suffix) == expected


def test_debris_without_markdown_structure_is_scraped() -> None:
    assert sniff_format("Intro\n< li >one li >< li >two li >\n") == "text"
