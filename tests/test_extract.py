"""The extract layer: a web page becomes its article, as Markdown with front matter."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_site_name_heading_loses_to_the_post_heading() -> None:
    head = "<title>Quiet Blog \u203a Mornings</title>"
    body = (
        '<h1 id="blog-title"><a href="https://quiet.example/">Quiet Blog</a></h1><h2>Mornings</h2>'
    )
    assert extract_article(_page(head, body)).title == "Mornings"


def test_headline_matches_despite_quotes_and_dashes() -> None:
    head = '<title>Tea "Time" Partner-Q4 | Site</title>'
    body = "<h1>Site</h1><h3>Tea \u201cTime\u201d Partner\u2013Q4</h3>"
    assert extract_article(_page(head, body)).title == "Tea \u201cTime\u201d Partner\u2013Q4"


def test_a_date_above_the_headline_is_not_a_section_one_below_is() -> None:
    filler = " ".join(["Steeping leaves in water makes a drink people enjoy daily."] * 8)
    above = (
        "<html><head><title>Mornings - Quiet Blog</title></head><body><article>"
        "<h2>Friday, October 26, 2012</h2><h3>Mornings</h3>"
        f"<p>{filler}</p><h3>Evenings</h3><p>{filler}</p></article></body></html>"
    )
    below = above.replace(
        "<h2>Friday, October 26, 2012</h2><h3>Mornings</h3>",
        "<h3>Mornings</h3><h4>Friday, October 26, 2012</h4>",
    )
    for page, expected in (
        (above, ["Evenings"]),
        (below, ["Friday, October 26, 2012", "Evenings"]),
    ):
        document = parse_markdown(extract_article(page).markdown())
        assert document.title == "Mornings"
        assert [s.title for s in document.sections if not s.is_preamble] == expected


def test_empty_widget_headings_at_the_end_are_not_sections() -> None:
    from pactreader.extract.sections import demote_non_sections

    body = (
        "Text of the article, long enough to be prose here.\n\n## Part\n\nMore.\n\n"
        "## Comments\n\n### Post a comment\n"
    )
    assert demote_non_sections(body) == body.replace("## Comments", "Comments").replace(
        "### Post a comment", "Post a comment"
    )
    fenced = "Intro text that is long enough to count as prose.\n\n```\n# not a heading\n```\n"
    assert demote_non_sections(fenced) == fenced


def test_archive_wrapper_pages_are_parsed() -> None:
    filler = " ".join(["Steeping leaves in water makes a drink people enjoy daily."] * 8)
    page = (
        '<text id="http://a.example/x" title="Wrapped">\n'
        f"<div><h1>Wrapped Page</h1><p>{filler}</p></div></text>"
    )
    article = extract_article(page)
    assert article.title == "Wrapped Page"
    assert "Steeping leaves" in article.body


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Friday, October 26, 2012 at 6:00 AM", True),
        ("20 July 2012", True),
        ("2012-07-20", True),
        ("Thursday, May 3, 2012 9:44 AM", True),
        ("March of the Penguins 2012", False),
        ("Water", False),
    ],
)
def test_dateline(text: str, expected: bool) -> None:
    from pactreader.extract.dateline import is_dateline

    assert is_dateline(text) is expected


_TAGS = st.sampled_from(
    [
        "<h1>",
        "</h1>",
        "<h2>",
        "<p>",
        "</p>",
        "<title>",
        "</title>",
        "<ul><li>",
        "<table><tr><td>",
        "<a href='/x'>",
        "</a>",
        "<pre><code>",
        "---",
        "# ",
        "\n",
        "<meta property='og:title' content='",
    ]
)


@settings(max_examples=60)
@given(st.lists(st.one_of(_TAGS, st.text(max_size=20)), max_size=30))
def test_any_page_gives_parseable_markdown_whose_title_is_the_articles(parts: list[str]) -> None:
    article = extract_article("<html><body>" + "".join(parts))
    document = parse_markdown(article.markdown(), format="html")
    if article.title:
        assert document.title == article.title
