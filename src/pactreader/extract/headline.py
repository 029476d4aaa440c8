"""Find the article's own headline on a page: the heading the reader sees above the text.

The ``<title>`` is a poor title: it usually carries the site name ("Headline | Site",
"Blog » Headline"), sometimes a section, sometimes only the site. The publisher's
``og:title`` is better but is missing on many pages and is sometimes an SEO variant.
What the reader sees is a heading on the page, so the rules are, in order:

1. The heading whose text the page's own metadata names (``og:title``,
   ``twitter:title``, or a run of parts of ``<title>`` split at its separators).
   Site chrome (a site-name heading in the banner, or one that only links to the
   site's home) loses to any other match; among the rest the heading matching more of
   the metadata wins (a site name is one short part), then the higher level, then
   the earlier one.
2. ``og:title`` or ``twitter:title``: the publisher's headline, less a site-name part.
3. The page's only ``<h1>`` that is not site chrome.
4. The ``<title>``, cut at its separators to the part the page also shows as text of
   its own, else to its longest part (rarely the site name).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml import html

from pactreader.extract.dateline import is_dateline
from pactreader.extract.text_key import match_key, normalise_space, same_headline

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# A heading longer than this is a paragraph set in a heading tag, not a headline.
_MAX_HEADLINE_CHARS = 300
# Separators between a headline and a site or section name in a <title>. The weak
# one (a colon) also occurs inside headlines ("Tea: A History"): it is used to match
# headings, where a run of parts can rejoin it, but not to cut the <title> itself.
_STRONG = r"\s+(?:[|\-\u2013\u2014\u00bb\u00ab\u203a\u2039\u00b7\u2022\u25cf/>]|::)\s+"
_SEPARATOR = re.compile(rf"{_STRONG}|:\s+")
_STRONG_SEPARATOR = re.compile(_STRONG)
# Names sites give the element holding their own name or logo.
_CHROME = re.compile(
    r"(?:site|blog)[-_]?(?:title|name|header)|banner|logo|masthead|branding", re.IGNORECASE
)
_CHROME_DEPTH = 3


@dataclass(frozen=True, slots=True)
class Headline:
    """The article's headline, and what the page calls its site."""

    text: str | None
    """The headline as the page shows it; None when the page has none."""
    not_sections: frozenset[str]
    """:func:`match_key` of heading texts that are not sections of the article: the
    site's name (``og:site_name``, site-chrome headings) and dates above the headline."""
    from_heading: bool
    """The headline is a heading of the page (so what is above it on the page is known)."""


@dataclass(frozen=True, slots=True)
class _Heading:
    level: int
    text: str
    key: str
    chrome: bool


def find_headline(tree: html.HtmlElement) -> Headline:
    """The article's headline as the page shows it, and the site's names."""
    headings = list(_headings(tree))
    site = match_key(_meta(tree, "og:site_name") or "")
    chrome = {heading.key for heading in headings if heading.chrome}
    text, position = _choose(tree, headings, site)
    above = headings[:position] if position is not None else []
    dates = {heading.key for heading in above if is_dateline(heading.text)}
    keys = ({site} | chrome | dates) - {match_key(text or "")}
    return Headline(text, frozenset(key for key in keys if key), position is not None)


def _choose(
    tree: html.HtmlElement, headings: list[_Heading], site: str
) -> tuple[str | None, int | None]:
    """Apply the rules of the module docstring in order: ``(headline, its heading's index)``."""
    names = list(_metadata_titles(tree))
    parts = _title_parts(names, site)
    best: tuple[bool, int, int, int] | None = None
    chosen: int | None = None
    for position, heading in enumerate(headings):
        score = _match(heading.key, parts)
        if score is None:
            continue
        rank = (not heading.chrome, score, -heading.level, -position)
        if best is None or rank > best:
            best, chosen = rank, position
    if chosen is not None:
        return headings[chosen].text, chosen
    social = _meta(tree, "og:title") or _meta(tree, "twitter:title")
    if social:
        return _without_site(social, site), None
    top = [
        index for index, heading in enumerate(headings) if heading.level == 1 and not heading.chrome
    ]
    if len(top) == 1:
        return headings[top[0]].text, top[0]
    return _from_title(tree, names, site), None


def _headings(tree: html.HtmlElement) -> Iterator[_Heading]:
    for element in tree.iter(*_HEADINGS):
        text = normalise_space(element.text_content())
        if text and len(text) <= _MAX_HEADLINE_CHARS:
            level = int(str(element.tag)[1])
            yield _Heading(level, text, match_key(text), _is_chrome(element, text))


def _is_chrome(element: html.HtmlElement, text: str) -> bool:
    """True for a heading that names the site rather than the article.

    Either it sits in an element named like a banner or logo, or its whole text is
    one link to the site's home page (``/``, or a blog's top folder).
    """
    node: html.HtmlElement | None = element
    for _ in range(_CHROME_DEPTH):
        if node is None:
            break
        if _CHROME.search(f"{node.get('id', '')} {node.get('class', '')}"):
            return True
        node = node.getparent()
    links = element.findall(".//a")
    if len(links) != 1 or normalise_space(links[0].text_content()) != text:
        return False
    path = urlsplit(links[0].get("href", "")).path
    return path.count("/") <= 2 and not path.rstrip("/").rpartition("/")[2].count(".")


def _metadata_titles(tree: html.HtmlElement) -> Iterator[str]:
    """Titles the page gives itself, most trusted first."""
    for name in ("og:title", "twitter:title"):
        value = _meta(tree, name)
        if value:
            yield value
    for element in tree.iter("title"):
        text = normalise_space(element.text_content())
        if text:
            yield text
            break
    # CleanEval's wrapper element and similar archives keep the title as an attribute.
    for element in tree.iter("text"):
        value = normalise_space(element.get("title") or "")
        if value:
            yield value
        break


def _meta(tree: html.HtmlElement, name: str) -> str | None:
    for element in tree.iter("meta"):
        if name in ((element.get("property") or "").lower(), (element.get("name") or "").lower()):
            content = normalise_space(element.get("content") or "")
            if content:
                return content
    return None


def _title_parts(names: list[str], site: str) -> dict[str, int]:
    """Every run of consecutive parts of each title, with how much of the title it covers.

    "Blog » Section » Headline" yields "Blog", "Section", "Headline", "Blog » Section",
    "Section » Headline" and the whole: the headline may itself contain a separator.
    The site name scores nothing.
    """
    covered: dict[str, int] = {}
    for name in names:
        pieces = _SEPARATOR.split(name)
        for first in range(len(pieces)):
            for last in range(first, len(pieces)):
                key = match_key("".join(pieces[first : last + 1]))
                if key and key != site:
                    covered[key] = max(covered.get(key, 0), len(key))
    return covered


def _match(key: str, parts: dict[str, int]) -> int | None:
    """How much metadata title the heading ``key`` matches, or None when it matches none."""
    if key in parts:
        return parts[key]
    scores = [score for part, score in parts.items() if same_headline(key, part)]
    return max(scores) if scores else None


def _without_site(title: str, site: str) -> str:
    """``title`` less a leading or trailing site-name part ("Headline | Site")."""
    pieces = _STRONG_SEPARATOR.split(title)
    if len(pieces) > 1 and site:
        if match_key(pieces[-1]) == site:
            return normalise_space(title[: _separator_starts(title)[-1]])
        if match_key(pieces[0]) == site:
            match = _STRONG_SEPARATOR.search(title)
            return normalise_space(title[match.end() :] if match else title)
    return normalise_space(title)


def _separator_starts(text: str) -> list[int]:
    return [match.start() for match in _STRONG_SEPARATOR.finditer(text)]


def _from_title(tree: html.HtmlElement, names: list[str], site: str) -> str | None:
    """The ``<title>`` cut to its headline part.

    The part the page also shows as a text of its own (a styled ``<div>``, a ``<b>``)
    is what a reader sees as the headline; otherwise the longest part.
    """
    if not names:
        return None
    pieces = [
        piece for piece in _STRONG_SEPARATOR.split(names[0]) if match_key(piece) not in ("", site)
    ]
    if len(pieces) <= 1:
        return normalise_space(pieces[0]) if pieces else names[0]
    shown = _shown_texts(tree, {match_key(piece) for piece in pieces})
    for piece in pieces:
        if match_key(piece) in shown:
            return normalise_space(piece)
    return normalise_space(max(pieces, key=len))


def _shown_texts(tree: html.HtmlElement, wanted: set[str]) -> set[str]:
    """Which of the ``wanted`` keys are the whole text of one text node in the body.

    Text nodes, not elements' whole text: one pass, linear in the page.
    """
    body = tree.find("body")
    if body is None:
        return set()
    found: set[str] = set()
    for element in body.iter():
        for text in (element.text, element.tail):
            if text and len(text) < _MAX_HEADLINE_CHARS:
                key = match_key(text)
                if key in wanted:
                    found.add(key)
    return found
