"""The extract layer: a web page becomes its article, as Markdown with front matter."""

from __future__ import annotations

import pytest

from pactreader.extract import extract_article
from pactreader.parse import parse_markdown
from tests.web_pages import ARTICLE, ARTICLE_OUTLINE


def _page(head: str, body: str) -> str:
    filler = " ".join(["Steeping leaves in water makes a drink people enjoy daily."] * 8)
    return (
        f"<!DOCTYPE html><html><head>{head}</head><body>{body}"
        f"<article><p>{filler}</p><p>{filler}</p></article></body></html>"
    )


def test_article_headings_lists_tables_code_and_links_survive() -> None:
    article = extract_article(ARTICLE, "https://tea.example/guides/brew")
    markdown = article.markdown()
    document = parse_markdown(markdown, format="html")
    assert document.title == "How to Brew Tea"
    assert [s.title for s in document.sections if not s.is_preamble] == ARTICLE_OUTLINE
    assert [s.level for s in document.sections if not s.is_preamble] == [2, 3, 2]
    assert "| Tea | Temperature | Minutes |" in markdown
    assert "|---|---|---|" in markdown
    assert "1. Warm the pot" in markdown
    assert "`sleep 240`" in markdown
    assert 'echo "tea is ready"' in markdown
    assert "*basics*" in markdown and "**good cup**" in markdown
    # Relative links are made absolute against the page's URL.
    assert "[kettle guide](https://tea.example/kettles)" in markdown


def test_navigation_share_bars_and_footers_are_dropped() -> None:
    markdown = extract_article(ARTICLE).markdown()
    for chrome in ("About us", "Coffee corner", "Share this", "All rights reserved"):
        assert chrome not in markdown


def test_metadata_goes_to_front_matter_and_the_headline_is_not_a_section() -> None:
    article = extract_article(ARTICLE, "https://tea.example/guides/brew")
    assert (article.title, article.author, article.date) == (
        "How to Brew Tea",
        "Ada Leaf",
        "2024-03-05",
    )
    document = parse_markdown(article.markdown())
    assert document.front_matter == {
        "title": "How to Brew Tea",
        "author": "Ada Leaf",
        "date": "2024-03-05",
        "url": "https://tea.example/guides/brew",
    }
    assert "How to Brew Tea" not in [s.title for s in document.sections if not s.is_preamble]


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        # The <title> carries the site name; the headline is the heading it names.
        (
            "<title>Site Blog \u00bb Quiet Mornings</title>",
            "<h1>Site Blog</h1><h2>Quiet Mornings</h2>",
            "Quiet Mornings",
        ),
        ("<title>Quiet Mornings - Site Blog</title>", "<h2>Quiet Mornings</h2>", "Quiet Mornings"),
        # og:title names the headline even when <title> is an SEO variant.
        (
            '<title>Best Mornings Ever</title><meta property="og:title" content="Quiet Mornings">',
            "<h1>Quiet Mornings</h1>",
            "Quiet Mornings",
        ),
        # A headline with a separator inside it stays whole.
        (
            "<title>Tea: A History | Site</title>",
            "<h1>Site</h1><h1>Tea: A History</h1>",
            "Tea: A History",
        ),
        # A comment counter printed after the headline belongs to the heading as shown.
        ("<title>Quiet Mornings - Site</title>", "<h2>Quiet Mornings 12</h2>", "Quiet Mornings 12"),
        # No heading names the article: the <title> without its site name.
        (
            '<title>Quiet Mornings | Site</title><meta property="og:site_name" content="Site">',
            "<h2>Menu</h2>",
            "Quiet Mornings",
        ),
    ],
)
def test_headline_is_the_articles_own_heading(head: str, body: str, expected: str) -> None:
    assert extract_article(_page(head, body)).title == expected


def test_page_without_article_gives_empty_body_not_an_error() -> None:
    article = extract_article("<html><head><title>Nothing</title></head><body></body></html>")
    assert article.body == ""
    assert article.markdown().startswith("---\ntitle: Nothing\n")


def test_document_text_stays_data_in_front_matter() -> None:
    title = "Tea: [bold]red[/bold] --- # not a heading"
    head = f'<title>x</title><meta property="og:title" content="{title}">'
    article = extract_article(_page(head, ""))
    document = parse_markdown(article.markdown())
    assert document.title == "Tea: [bold]red[/bold] --- # not a heading"


def test_relative_links_resolve_against_the_page_url() -> None:
    from pactreader.parse.links import Link, absolute_links

    links = [Link("a", "../kettles"), Link("b", "#water"), Link("c", "mailto:x@example.com")]
    resolved = absolute_links(links, "https://tea.example/guides/brew")
    assert [link.href for link in resolved] == [
        "https://tea.example/kettles",
        "#water",
        "mailto:x@example.com",
    ]
    assert absolute_links(links, "file:///tmp/page.html") == links
