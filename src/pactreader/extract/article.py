"""An HTML page in, the article's Markdown with its metadata as front matter out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from pactreader.extract.headline import find_headline
from pactreader.extract.sections import demote_non_sections
from pactreader.extract.text_key import match_key, same_headline

_ATX = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


@dataclass(frozen=True, slots=True)
class Article:
    """What a page says, ready for the parse layer."""

    body: str
    """The main text as Markdown, without the headline (that is :attr:`title`)."""
    title: str | None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    """Where the page lives: the URL it was fetched from, else the one it declares."""

    def markdown(self) -> str:
        """The article as pactreader reads it: YAML front matter, then the body."""
        import yaml  # Already a dependency for front matter; deferred like the rest.

        fields = {
            key: value
            for key, value in (
                ("title", self.title),
                ("author", self.author),
                ("date", self.date),
                ("url", self.url),
            )
            if value
        }
        body = self.body.strip("\n")
        if not fields:
            return body + "\n" if body else ""
        front = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1 << 20)
        return f"---\n{front}---\n\n{body}\n" if body else f"---\n{front}---\n"


def extract_article(page: str, url: str | None = None) -> Article:
    """Extract the article from the HTML ``page``.

    Args:
        page: The decoded page.
        url: Where it was downloaded from, if it was: the base of relative links.
    """
    import trafilatura  # Deferred: the extraction stack loads only for HTML.
    from trafilatura.utils import load_html
    from trafilatura.xml import xmltotxt

    tree = load_html(page)
    if tree is None:
        tree = _lenient_tree(page)
    if tree is None:
        return Article(body="", title=None, url=url)
    base = url or _declared_url(tree)
    found = find_headline(tree)
    headline = found.text
    result: Any = trafilatura.bare_extraction(
        tree,
        url=base,
        output_format="markdown",
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_links=True,
        include_formatting=True,
    )
    if result is None:
        return Article(body="", title=headline, url=base)
    title = headline or result.title or None
    return Article(
        body=demote_non_sections(
            _drop_headline(xmltotxt(result.body, True), title),
            found.not_sections,
            dates_are_sections=found.from_heading,
        ),
        title=title,
        author=result.author or None,
        date=result.date or None,
        url=base or result.url or None,
    )


def _lenient_tree(page: str) -> Any:
    """Parse what trafilatura's loader rejects as "not quite HTML".

    Fragments and archives' wrapper elements: lxml wraps them in ``<html><body>``.
    None when there is no markup at all.
    """
    from lxml import etree, html

    try:
        return html.document_fromstring(
            page.encode("utf-8", errors="replace"), parser=html.HTMLParser(encoding="utf-8")
        )
    except (etree.ParserError, ValueError):
        return None


def _declared_url(tree: Any) -> str | None:
    """The page's own absolute URL: ``<base href>``, the canonical link or ``og:url``."""
    candidates = [
        *tree.xpath("//base/@href"),
        *tree.xpath("//link[@rel='canonical']/@href"),
        *tree.xpath("//meta[@property='og:url']/@content"),
    ]
    for candidate in candidates:
        value = str(candidate).strip()
        if urlsplit(value).scheme in ("http", "https") and urlsplit(value).netloc:
            return urljoin(value, "")
    return None


def _drop_headline(body: str, title: str | None) -> str:
    """Remove the first heading that repeats the title: it is the title, not a section."""
    lines = [line.rstrip() for line in body.split("\n")]
    key = match_key(title) if title else ""
    for index, line in enumerate(lines):
        match = _ATX.match(line)
        if key and match and same_headline(_heading_key(match.group(1)), key):
            del lines[index]
            if index < len(lines) and not lines[index].strip():
                del lines[index]
            break
    return "\n".join(lines)


def _heading_key(markdown: str) -> str:
    """The comparison key of a heading's visible text (links and emphasis unwrapped)."""
    return match_key(_LINK.sub(r"\1", markdown))
