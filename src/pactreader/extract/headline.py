"""Find the article's own headline on a page: the heading the reader sees above the text.

The ``<title>`` is a poor title: it usually carries the site name ("Headline | Site",
"Blog » Headline"), sometimes a section, sometimes only the site. The publisher's
``og:title`` is better but is missing on many pages and is sometimes an SEO variant.
What the reader sees is a heading on the page, so the rule is: the heading whose text
the page's own metadata names (``og:title``, ``twitter:title``, or one part of
``<title>`` split at its separators). When several headings qualify (the site name is
often an ``<h1>`` too), the one that matches more of the metadata wins: a site name is
one short part, the headline the rest. Failing that, the metadata itself, with the
site name cut off.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import html

from pactreader.extract.text_key import normalise_space, same_headline, text_key

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# A heading longer than this is a paragraph set in a heading tag, not a headline.
_MAX_HEADLINE_CHARS = 300
# Separators between a headline and a site or section name in a <title>.
_SEPARATOR = re.compile(r"\s+(?:[|\-\u2013\u2014\u00bb\u00ab\u203a\u2039\u00b7:/]|::|>)\s+|:\s+")


@dataclass(frozen=True, slots=True)
class _Heading:
    level: int
    text: str
    key: str


def find_headline(tree: html.HtmlElement) -> str | None:
    """The article's headline as the page shows it, or None when the page has none."""
    names = list(_metadata_titles(tree))
    site = text_key(_meta(tree, "og:site_name") or "")
    parts = _title_parts(names, site)
    best: tuple[int, int, int] | None = None
    chosen: str | None = None
    for position, heading in enumerate(_headings(tree)):
        score = _match(heading.key, parts)
        if score is None:
            continue
        rank = (score, -heading.level, -position)
        if best is None or rank > best:
            best, chosen = rank, heading.text
    if chosen is not None:
        return chosen
    return _from_metadata(tree, names, site)


def _headings(tree: html.HtmlElement) -> Iterator[_Heading]:
    for element in tree.iter(*_HEADINGS):
        text = normalise_space(element.text_content())
        if text and len(text) <= _MAX_HEADLINE_CHARS:
            yield _Heading(int(str(element.tag)[1]), text, text_key(text))


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
        seps = _SEPARATOR.findall(name)
        for first in range(len(pieces)):
            text = pieces[first]
            for last in range(first, len(pieces)):
                if last > first:
                    text += seps[last - 1] + pieces[last]
                key = text_key(text)
                if key and key != site:
                    covered[key] = max(covered.get(key, 0), len(key))
    return covered


def _match(key: str, parts: dict[str, int]) -> int | None:
    """How much metadata title the heading ``key`` matches, or None when it matches none."""
    if key in parts:
        return parts[key]
    scores = [score for part, score in parts.items() if same_headline(key, part)]
    return max(scores) if scores else None


def _from_metadata(tree: html.HtmlElement, names: list[str], site: str) -> str | None:
    """No heading names the article: the publisher's title, without the site name.

    ``og:title`` is meant to be the headline and is kept whole, less a site-name part.
    A ``<title>`` is cut at its separators: the part the page also shows as a text
    of its own (a styled ``<div>``, a ``<b>``) is what a reader sees as the headline;
    otherwise the longest part, which is rarely the site name.
    """
    social = _meta(tree, "og:title") or _meta(tree, "twitter:title")
    if social:
        return _without_site(social, site)
    if not names:
        return None
    pieces = [piece for piece in _SEPARATOR.split(names[0]) if text_key(piece) not in ("", site)]
    if len(pieces) <= 1:
        return normalise_space(pieces[0]) if pieces else names[0]
    shown = _shown_texts(tree, {text_key(piece) for piece in pieces})
    for piece in pieces:
        if text_key(piece) in shown:
            return normalise_space(piece)
    return normalise_space(max(pieces, key=len))


def _without_site(title: str, site: str) -> str:
    """``title`` less a leading or trailing site-name part ("Headline | Site")."""
    pieces = _SEPARATOR.split(title)
    if len(pieces) > 1 and site:
        if text_key(pieces[-1]) == site:
            title = title[: title.rfind(pieces[-1])]
            title = title[: _last_separator_start(title)]
        elif text_key(pieces[0]) == site:
            match = _SEPARATOR.search(title)
            title = title[match.end() :] if match else title
    return normalise_space(title)


def _last_separator_start(text: str) -> int:
    starts = [match.start() for match in _SEPARATOR.finditer(text)]
    return starts[-1] if starts else len(text)


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
                key = text_key(text)
                if key in wanted:
                    found.add(key)
    return found
