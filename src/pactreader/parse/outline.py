"""Build the section tree from the document's top-level headings.

A heading starts a section when markdown-it-py's block pass emits it at nesting level
0, which is exactly "not inside a list item, block quote or code" in CommonMark terms.
:func:`find_headings` gets that list from :mod:`pactreader.parse.scan`, a token-free
port of the block pass (several times faster on big documents);
:func:`find_headings_reference` runs markdown-it-py itself and is what tests compare
against. Inline parsing is done for heading text alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from pactreader.parse import front_matter
from pactreader.parse.document import PREAMBLE_NUMBER, Document, Section
from pactreader.parse.front_matter import FrontMatter, split_front_matter
from pactreader.parse.inline import Inline, Span, inline_spans, title_text
from pactreader.parse.markdown import block_parser, full_parser
from pactreader.parse.scan import RawHeading, scan_headings
from pactreader.parse.slug import SlugRegistry
from pactreader.parse.words import count_words

# Characters at which one of the parser's inline rules may act (escape, code, strike,
# emphasis, link, image, footnotes, autolink, HTML, entity, line break). Heading text
# without any of them parses to one plain text run, so it needs no inline parse.
_INLINE_SYNTAX = re.compile(r"[\\`~*_\[\]!^<&\n]")
_PLAIN_TEXT_RULES = (
    (
        "text",
        "newline",
        "escape",
        "backticks",
        "strikethrough",
        "emphasis",
        "link",
        "image",
        "footnote_inline",
        "footnote_ref",
        "autolink",
        "html_inline",
        "entity",
    ),
    ("balance_pairs", "strikethrough", "emphasis", "fragments_join"),
)


@dataclass(frozen=True, slots=True)
class Heading:
    """A top-level heading found by the block pass."""

    line: int
    """First line, 1-based."""
    level: int
    title: str


def split_lines(text: str) -> list[str]:
    """Split on ``\\n`` only (as markdown-it-py does), without a phantom last line."""
    if not text:
        return []
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return lines


def find_headings(text: str, lines: Sequence[str] | None = None) -> list[Heading]:
    """Every heading that starts a section, in document order.

    ``text`` must already have its front matter blanked out; ``lines`` may be its
    :func:`split_lines`, to save splitting it again. The result equals
    :func:`find_headings_reference`'s; the scan is used because it is several times
    faster, and the reference is used whenever the scan declines (an unexpected parser
    configuration).
    """
    env: dict[str, Any] = {}
    raw = scan_headings(text, env, lines)
    if raw is None:
        return find_headings_reference(text)
    return _titled(raw, env)


def find_headings_reference(text: str) -> list[Heading]:
    """:func:`find_headings` by markdown-it-py's own block pass: the reference."""
    env: dict[str, Any] = {}
    tokens = block_parser().parse(text, env)
    raw = [
        RawHeading(token.map[0], int(token.tag[1]), tokens[position + 1].content)
        for position, token in enumerate(tokens)
        if token.type == "heading_open" and token.level == 0 and token.map is not None
    ]
    return _titled(raw, env, shortcut=False)


def _titled(raw: list[RawHeading], env: dict[str, Any], *, shortcut: bool = True) -> list[Heading]:
    """Parse each heading's text inline (with the block pass's references) for its title.

    With ``shortcut``, text without inline syntax skips the parser: it would come back
    as one text run.
    """
    inline = full_parser()
    plain = shortcut and _plain_text_is_literal()
    headings: list[Heading] = []
    for heading in raw:
        content = heading.content
        if plain and not _INLINE_SYNTAX.search(content):
            spans: Inline = (Span(content),)
        else:
            children = inline.parseInline(content, env)[0].children if content else []
            spans = inline_spans(children)
        headings.append(
            Heading(line=heading.line + 1, level=heading.level, title=title_text(spans))
        )
    return headings


@cache
def _plain_text_is_literal() -> bool:
    """Whether the parser's inline rules are the ones :data:`_INLINE_SYNTAX` was written for."""
    inline = full_parser().inline
    rules = (tuple(inline.ruler.get_active_rules()), tuple(inline.ruler2.get_active_rules()))
    return rules == _PLAIN_TEXT_RULES


def parse_markdown(
    text: str,
    *,
    source: str = "-",
    stem: str = "document",
    format: Literal["markdown", "text", "html"] = "markdown",
    encoding: str = "utf-8",
) -> Document:
    """Parse Markdown ``text`` into a :class:`Document`.

    Args:
        text: Markdown with ``\\n`` line endings.
        source: The name the user gave the document.
        stem: The title of last resort (the file name without suffix).
        format: How the input was read, recorded in the document.
        encoding: The encoding the bytes were decoded with.
    """
    lines = split_lines(text)
    front = split_front_matter(lines)
    front_lines = front.line_count if front else 0
    body = "\n" * front_lines + "\n".join(lines[front_lines:]) if front else text
    headings = find_headings(body, None if front else lines)
    meta = _Meta(source, stem, format, encoding)
    return _document(lines, front, headings, meta)


OPENING_LINES = 1000
"""How many lines :func:`parse_opening` scans first (more when they hold no cut)."""

OPENING_SHARE = 4
""":func:`parse_opening` gives up once it has scanned a quarter of the text: an
opening that long saves little, and the scan would be done again by the whole parse."""


def parse_opening(
    text: str,
    *,
    source: str = "-",
    stem: str = "document",
    format: Literal["markdown", "text", "html"] = "markdown",
    encoding: str = "utf-8",
    lines_wanted: int = OPENING_LINES,
) -> Document | None:
    """The sections at the start of ``text``, parsed without reading the rest.

    A big document's first screen need not wait for its whole outline: the text is
    cut just before the last top-level heading among its first ``lines_wanted``
    lines (after the front matter) and the part before the cut is parsed alone. The
    opening holds at least one heading: a first section longer than the window makes
    it grow.

    Why that gives the full parse's sections: the block pass reads lines in order,
    deciding each block from its own lines and at most one line ahead (a table's
    delimiter row), and a top-level heading closes every block before it. So text
    after the line following the heading cannot change how the lines before the
    heading were read, nor that the heading is one. The sections before the
    cut are the document's first sections, with their own spans, numbers, levels and
    word counts. Only what depends on text after the cut can differ: the children,
    subtree span and total words of the last section and its ancestors, the document
    title when its first H1 comes later, and titles that use a link reference or a
    footnote defined further down.

    Args:
        text: Markdown with ``\\n`` line endings.
        source: As for :func:`parse_markdown`.
        stem: As for :func:`parse_markdown`.
        format: As for :func:`parse_markdown`.
        encoding: As for :func:`parse_markdown`.
        lines_wanted: Scan this many lines for a cut; four times as many when they
            hold none, and so on.

    Returns:
        The opening as a document, or None when no cut is found in the first quarter
        of the text (the whole text has to be parsed).
    """
    size = max(1, lines_wanted)
    while True:
        # Only the head is split into lines (enough of them to find any front matter).
        pieces = text.split("\n", front_matter.MAX_LINES + size)
        if len(pieces) <= front_matter.MAX_LINES + size or not pieces[-1]:
            return None  # The whole text is no longer than the window: parse it all.
        lines = pieces[:-1]
        front = split_front_matter(lines)
        front_lines = front.line_count if front else 0
        prefix = [""] * front_lines + lines[front_lines : front_lines + size]
        headings = find_headings("\n".join(prefix) + "\n", prefix)
        # The cut goes before a heading whose next line was scanned too: a heading
        # line followed by a delimiter row is a table's header (the table rule looks
        # one line ahead, and comes first).
        while headings and headings[-1].line >= len(prefix):
            headings.pop()
        if len(headings) >= 2:
            cut = headings[-1].line - 1
            meta = _Meta(source, stem, format, encoding)
            return _document(lines[:cut], front, headings[:-1], meta)
        if (sum(map(len, prefix)) + len(prefix)) * OPENING_SHARE > len(text):
            return None
        size *= 4


@dataclass(frozen=True, slots=True)
class _Meta:
    """What a document records about where it came from."""

    source: str
    stem: str
    format: Literal["markdown", "text", "html"]
    encoding: str


def _document(
    lines: list[str], front: FrontMatter | None, headings: list[Heading], meta: _Meta
) -> Document:
    """The document of ``lines`` whose top-level headings are ``headings``."""
    front_lines = front.line_count if front else 0
    title = _document_title(front.data if front else None, headings, meta.stem)
    from_heading = not _front_title(front.data if front else None) and any(
        heading.level == 1 and heading.title for heading in headings
    )
    # The preamble carries the title only when no heading of the document does: a
    # README that opens with a paragraph and has its H1 further down would show the
    # same title twice, once on text that is not under it.
    preamble = PREAMBLE_TITLE if from_heading else title
    sections = _build_sections(lines, front_lines, headings, preamble)
    return Document(
        title=title,
        source=meta.source,
        format=meta.format,
        lines=tuple(lines),
        front_matter=front.data if front else None,
        front_matter_lines=front_lines,
        sections=sections,
        encoding=meta.encoding,
        roots=tuple(section.index for section in sections if section.parent is None),
        front_matter_note=front.note if front else None,
    )


PREAMBLE_TITLE = "Preamble"
"""The preamble's title when the document's title is one of its headings."""


def _front_title(front: dict[str, Any] | None) -> str:
    """The front matter's ``title``, or ``""``."""
    if front and isinstance(front.get("title"), str | int | float) and str(front["title"]):
        return str(front["title"]).strip()
    return ""


def _document_title(front: dict[str, Any] | None, headings: list[Heading], stem: str) -> str:
    """Front matter ``title``, else the first H1, else the file name stem."""
    if titled := _front_title(front):
        return titled
    for heading in headings:
        if heading.level == 1 and heading.title:
            return heading.title
    return stem


@dataclass(slots=True)
class _Draft:
    """A section while the tree is being built (mutable, unlike :class:`Section`)."""

    number: str
    level: int
    title: str
    start: int
    end: int
    own_words: int
    parent: int | None
    depth: int
    children: list[int]
    subtree_end: int = 0
    words: int = 0


def _build_sections(
    lines: Sequence[str], front_lines: int, headings: list[Heading], preamble_title: str
) -> tuple[Section, ...]:
    """Number the headings into a tree and give each its span and word counts."""
    drafts: list[_Draft] = []
    first_heading = headings[0].line if headings else len(lines) + 1
    preamble = lines[front_lines : first_heading - 1]
    if any(line.strip() for line in preamble):
        drafts.append(
            _Draft(
                number=PREAMBLE_NUMBER,
                level=0,
                title=preamble_title,
                start=front_lines + 1,
                end=first_heading - 1,
                own_words=_count_words(preamble),
                parent=None,
                depth=0,
                children=[],
            )
        )
    stack: list[int] = []  # indexes of open sections, levels strictly increasing
    top_level_count = 0
    for position, heading in enumerate(headings):
        end = headings[position + 1].line - 1 if position + 1 < len(headings) else len(lines)
        while stack and drafts[stack[-1]].level >= heading.level:
            stack.pop()
        parent = stack[-1] if stack else None
        if parent is None:
            top_level_count += 1
            number = str(top_level_count)
        else:
            siblings = drafts[parent].children
            number = f"{drafts[parent].number}.{len(siblings) + 1}"
        index = len(drafts)
        drafts.append(
            _Draft(
                number=number,
                level=heading.level,
                title=heading.title,
                start=heading.line,
                end=end,
                own_words=_count_words(lines[heading.line - 1 : end]),
                parent=parent,
                depth=len(stack),
                children=[],
            )
        )
        if parent is not None:
            drafts[parent].children.append(index)
        stack.append(index)
    # Children always follow their parent, so one backward pass totals the subtrees.
    for draft in reversed(drafts):
        draft.words += draft.own_words
        draft.subtree_end = max(draft.subtree_end, draft.end)
        if draft.parent is not None:
            parent_draft = drafts[draft.parent]
            parent_draft.words += draft.words
            parent_draft.subtree_end = max(parent_draft.subtree_end, draft.subtree_end)
    slugs = SlugRegistry()
    return tuple(
        Section(
            index=index,
            number=draft.number,
            level=draft.level,
            title=draft.title,
            slug=slugs.claim(draft.title),
            start_line=draft.start,
            end_line=draft.end,
            subtree_end_line=draft.subtree_end,
            words=draft.words,
            own_words=draft.own_words,
            parent=draft.parent,
            children=tuple(draft.children),
            depth=draft.depth,
        )
        for index, draft in enumerate(drafts)
    )


def _count_words(lines: Sequence[str]) -> int:
    return count_words("\n".join(lines))
