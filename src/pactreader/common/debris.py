"""Recognise HTML tag debris in scraped text.

Scrapers that strip HTML badly leave the tags behind in tokenised form: ``< li >``,
``< / ul >``, ``</p>``, and often the closing tags without their ``<`` and ``/``:
``li >``, ``td >``. :func:`tokenise` splits a line into text and :class:`Tag` pieces;
what a tag means (a list item, a paragraph, nothing) is decided by the block builder.

What is *not* debris, so that real words are never dropped:

- anything inside a code span (`` `<li>` ``);
- a tag mentioned in prose: ``the <p> element``, ``a "<div>"``, ``use the <br>``
  (a word like "element" or "tag" after it, quotes around it, or a determiner such as
  "the" before a tag written compactly, as people write them and scrapers do not);
- a bare name with ``>`` that reads as a comparison: ``p > 0.05``, ``a > b``. Names
  that are also words or variables (``p``, ``a``, ``b``, ``i``, ``h``, ``em``,
  ``strong``, ``table``) count as debris without their ``<`` only where debris goes:
  at the end of the line, or before ``<``, ``|`` or another closing tag.

The pattern has no nested quantifiers and attribute values cannot contain ``<``, so
every match attempt stops at the next ``<``: tokenising is linear in the line length.
A line without ``>`` holds no debris at all and is not scanned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pactreader.common.codespans import split_code_spans

# fmt: off
TAG_NAMES: frozenset[str] = frozenset({
    "li", "ul", "ol", "p", "br", "h", "h1", "h2", "h3", "h4", "h5", "h6", "div", "span",
    "table", "thead", "tbody", "tr", "th", "td", "b", "i", "em", "strong", "a",
})
# fmt: on
"""Every tag name the repair layer recognises as debris."""

INLINE_TAGS: frozenset[str] = frozenset(["b", "i", "em", "strong", "a", "span"])
"""Tags that style text inside a block: dropping one must not split the text."""

# Names that are hardly ever words: a bare "name >" of these is debris anywhere.
# fmt: off
_DISTINCT = frozenset({
    "h1", "h2", "h3", "h4", "h5", "h6", "thead", "tbody", "span", "div", "li", "ul", "ol", "br",
    "tr", "th", "td",
})
# fmt: on
_DISTINCT_PATTERN = "|".join(sorted(_DISTINCT, key=len, reverse=True))
_ATTRIBUTES = (
    r"(?P<attributes>(?:\s+[A-Za-z_:][\w:.-]*\s*=\s*"
    r"(?:\"[^\"<>\n]*\"|'[^'<>\n]*'|[^\s\"'<>=`]+))*)"
)
# Any tag-shaped run; whether its name is one of ours is checked afterwards, which is
# several times faster than an alternation of names in the pattern.
_DEBRIS = re.compile(
    rf"<\s*(?P<slash>/\s*)?(?P<name>[A-Za-z][A-Za-z0-9]*){_ATTRIBUTES}\s*/?\s*>"
    r"|(?<![\w</-])(?P<bare_slash>/\s*)?(?P<bare>[A-Za-z][A-Za-z0-9]*)\s*>"
)
# After a bare distinct name: a comparison ("td > 5", "li >= 2") is not debris.
_COMPARISON = re.compile(r"\s*[=\d]")
# After a bare ambiguous name: only where a closing tag goes.
_CLOSER_CONTEXT = re.compile(rf"\s*(?:$|<|\||/?\s*(?:{_DISTINCT_PATTERN})\s*>)", re.IGNORECASE)

# Prose that talks about a tag rather than containing one.
_DETERMINERS = frozenset(
    ["the", "each", "every", "this", "that", "these", "those", "your", "its", "their", "our", "my"]
)
_TAG_NOUNS = frozenset(["element", "elements", "tag", "tags", "node", "nodes"])
_WORD_BEFORE = re.compile(r"(\w+)\W{0,2}$")
_WORD_AFTER = re.compile(r"\W{0,2}(\w+)")
_QUOTES = "\"'\u201c\u201d\u2018\u2019"
_CONTEXT = 40


@dataclass(frozen=True, slots=True)
class Tag:
    """One piece of tag debris."""

    name: str
    """Lower-case tag name: ``li``, ``h2``, ``h``..."""
    closing: bool
    """True for ``</li>``, ``/ li >`` and the bare ``li >`` (only closers lose their ``<``)."""


Piece = str | Tag


def tokenise(line: str) -> list[Piece]:
    """Split ``line`` into text and tag debris, in order; text pieces are never empty."""
    if ">" not in line:  # every form of debris ends with ">"
        return [line] if line else []
    pieces: list[Piece] = []
    for segment, code in split_code_spans(line):
        if code:
            _add_text(pieces, segment)
        else:
            _tokenise_prose(segment, pieces)
    return pieces


def has_debris(text: str, minimum: int = 1) -> bool:
    """True when ``text`` holds at least ``minimum`` pieces of tag debris."""
    found = 0
    for line in text.split("\n"):
        found += sum(isinstance(piece, Tag) for piece in tokenise(line))
        if found >= minimum:
            return True
    return False


def plain_text(pieces: list[Piece]) -> str:
    """The text of ``pieces`` with every tag dropped (for table cells and sniffing).

    A block-level tag becomes a space; an inline one (``<b>``) joins its neighbours
    as a browser would, except that it still separates two words, so no word of the
    input is ever fused with another.
    """
    parts: list[str] = []
    dropped: Tag | None = None
    for piece in pieces:
        if isinstance(piece, Tag):
            dropped = piece
            continue
        if dropped is not None and parts:
            parts.append(separator(parts[-1], piece, dropped))
        parts.append(piece)
        dropped = None
    return "".join(parts)


def separator(before: str, after: str, dropped: Tag) -> str:
    """What stands between ``before`` and ``after`` where ``dropped`` was: a space or not."""
    if dropped.name not in INLINE_TAGS or (before[-1:].isalnum() and after[:1].isalnum()):
        return " "
    return ""


def _tokenise_prose(text: str, pieces: list[Piece]) -> None:
    position = 0
    for match in _DEBRIS.finditer(text):
        tag = _tag(text, match)
        if tag is None:
            continue
        _add_text(pieces, text[position : match.start()])
        pieces.append(tag)
        position = match.end()
    _add_text(pieces, text[position:])


def _tag(text: str, match: re.Match[str]) -> Tag | None:
    """The tag a tag-shaped match is, or None when it is no debris of ours."""
    bracketed = match.group("name")
    if bracketed is not None:
        name = bracketed.lower()
        if name not in TAG_NAMES or _is_mention(text, match):
            return None
        return _tag_of(name, match.group("slash") is not None)
    name = match.group("bare").lower()
    end = match.end()
    if name in _DISTINCT:
        if _COMPARISON.match(text, end):
            return None
    elif name not in TAG_NAMES or not _CLOSER_CONTEXT.match(text, end):
        return None
    return _tag_of(name, True)


@cache
def _tag_of(name: str, closing: bool) -> Tag:
    """One shared instance per tag: a megabyte of ``td >`` is a million references."""
    return Tag(name, closing)


def _is_mention(text: str, match: re.Match[str]) -> bool:
    """True when a bracketed tag is talked about (``the <p> element``), not used."""
    if match.group("attributes"):
        return False
    start, end = match.span()
    if start > 0 and end < len(text) and text[start - 1] in _QUOTES and text[end] in _QUOTES:
        return True
    word_after = _WORD_AFTER.match(text, end, end + _CONTEXT)
    if word_after and word_after.group(1).lower() in _TAG_NOUNS:
        return True
    if any(char.isspace() for char in match.group()):
        return False  # "< p >" is how scrapers write tags, not how people quote them
    word_before = _WORD_BEFORE.search(text, max(0, start - _CONTEXT), start)
    return bool(word_before and word_before.group(1).lower() in _DETERMINERS)


def _add_text(pieces: list[Piece], text: str) -> None:
    if not text:
        return
    if pieces and isinstance(pieces[-1], str):
        pieces[-1] += text
    else:
        pieces.append(text)
