"""Inline content as plain data: runs of text with the styles that apply to them.

markdown-it-py gives inline content as a flat token list with open/close pairs; the
renderers want "this text, bold, linking to X". :func:`inline_spans` folds the pairs
into :class:`Span` runs once, so the Rich renderer and the plain-text exporter read
the same structure and can never disagree about what the visible text is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby

from markdown_it.token import Token

_SPACES = re.compile(r"\s+")

STRONG = "strong"
EMPHASIS = "em"
STRIKE = "strike"
CODE = "code"


@dataclass(frozen=True, slots=True)
class Span:
    """A run of visible text with uniform style."""

    text: str
    styles: frozenset[str] = frozenset()
    """Any of ``strong``, ``em``, ``strike``, ``code``."""
    href: str | None = None
    """The link target when the run is (part of) a link's text."""
    footnote: str | None = None
    """The footnote label when the run is a footnote reference like ``[1]``."""
    image: bool = False
    """True when the run stands for an image; ``text`` is then its alt text."""
    hard_break: bool = False
    """True for a hard line break; ``text`` is then ``"\\n"``."""


Inline = tuple[Span, ...]


def inline_spans(tokens: Sequence[Token] | None) -> Inline:
    """Fold an inline token's children into styled spans.

    Raw inline HTML is dropped (tags are not visible text); soft breaks become a
    space, hard breaks a newline span.
    """
    spans: list[Span] = []
    styles: list[str] = []
    hrefs: list[str | None] = []
    for token in tokens or ():
        kind = token.type
        if kind == "text":
            if token.content:
                spans.append(_span(token.content, styles, hrefs))
        elif kind == "code_inline":
            spans.append(_span(token.content, [*styles, CODE], hrefs))
        elif kind == "softbreak":
            spans.append(_span(" ", styles, hrefs))
        elif kind == "hardbreak":
            spans.append(Span("\n", hard_break=True))
        elif kind in ("strong_open", "em_open", "s_open"):
            styles.append(_STYLE_OF[kind])
        elif kind in ("strong_close", "em_close", "s_close"):
            if styles:
                styles.pop()
        elif kind == "link_open":
            hrefs.append(str(token.attrGet("href") or ""))
        elif kind == "link_close":
            if hrefs:
                hrefs.pop()
        elif kind == "image":
            alt = title_text(inline_spans(token.children)) or token.content
            spans.append(Span(alt, image=True))
        elif kind == "footnote_ref":
            label = str(token.meta.get("label", ""))
            number = int(token.meta.get("id", 0)) + 1
            spans.append(Span(f"[{number}]", footnote=label))
    return tuple(spans)


_STYLE_OF = {"strong_open": STRONG, "em_open": EMPHASIS, "s_open": STRIKE}


def _span(text: str, styles: list[str], hrefs: list[str | None]) -> Span:
    return Span(text, frozenset(styles), hrefs[-1] if hrefs else None)


def visible(span: Span) -> str:
    """The text a reader shows for one span: images appear as ``[image: alt]``."""
    if span.image:
        return f"[image: {span.text}]" if span.text else "[image]"
    return span.text


def plain_text(spans: Inline) -> str:
    """The visible text of ``spans``, exactly as the reader shows it."""
    return "".join(visible(span) for span in spans)


def link_runs(spans: Inline) -> Iterator[tuple[str | None, Inline]]:
    """Consecutive spans grouped by link target: ``(href, spans)``, ``None`` outside links.

    A link's text can be several spans (``[**bold** text](url)``); whoever shows the
    link once per link (the export's `` <url>``, the link picker) reads these runs.
    """
    for href, run in groupby(spans, key=lambda span: span.href):
        yield href, tuple(run)


def title_text(spans: Inline) -> str:
    """Heading text as an outline shows it: alt text for images, white space folded."""
    return _SPACES.sub(" ", "".join(span.text for span in spans)).strip()
